package proxytest

import "github.com/sluicehq/sluice/proxy/dialect"

// ErrorKind is one error kind of dialect.WriteError with what each API
// documents for it: the status, the Anthropic error type, the OpenAI error
// type and the OpenAI error code ("" for none).
type ErrorKind struct {
	Kind      dialect.Kind
	Status    int
	Anthropic string
	OpenAI    string
	Code      string
}

// ErrorKinds is every error kind.
var ErrorKinds = []ErrorKind{
	{dialect.InvalidRequest, 400, "invalid_request_error", "invalid_request_error", ""},
	{dialect.Authentication, 401, "authentication_error", "invalid_request_error", "invalid_api_key"},
	{dialect.Permission, 403, "permission_error", "permission_error", ""},
	{dialect.NotFound, 404, "not_found_error", "invalid_request_error", "not_found"},
	{dialect.RequestTooLarge, 413, "request_too_large", "invalid_request_error", "request_too_large"},
	{dialect.RateLimit, 429, "rate_limit_error", "rate_limit_error", "rate_limit_exceeded"},
	{dialect.API, 500, "api_error", "server_error", ""},
	{dialect.Overloaded, 529, "overloaded_error", "server_error", "overloaded"},
}
