package dialect

import (
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/sluicehq/sluice/fingerprint"
)

// Kind is the class of an error returned to a client. Each dialect spells
// it its own way (see WriteError); the zero value is InvalidRequest.
type Kind uint8

// Kinds.
const (
	InvalidRequest  Kind = iota // 400: malformed body, wrong field type
	Authentication              // 401: missing or bad credential
	Permission                  // 403: blocked
	NotFound                    // 404
	RequestTooLarge             // 413: body over the configured limit
	RateLimit                   // 429: throttled; send Retry-After with it
	API                         // 500/502: upstream failure
	Overloaded                  // 503/529: the service is overloaded
)

// kindInfo holds the wire strings of one Kind.
type kindInfo struct {
	status    int
	anthropic string // Anthropic error.type
	openai    string // OpenAI error.type
	code      string // OpenAI error.code; "" means null
}

var kinds = [...]kindInfo{
	InvalidRequest:  {http.StatusBadRequest, "invalid_request_error", "invalid_request_error", ""},
	Authentication:  {http.StatusUnauthorized, "authentication_error", "invalid_request_error", "invalid_api_key"},
	Permission:      {http.StatusForbidden, "permission_error", "permission_error", ""},
	NotFound:        {http.StatusNotFound, "not_found_error", "invalid_request_error", "not_found"},
	RequestTooLarge: {http.StatusRequestEntityTooLarge, "request_too_large", "invalid_request_error", "request_too_large"},
	RateLimit:       {http.StatusTooManyRequests, "rate_limit_error", "rate_limit_error", "rate_limit_exceeded"},
	API:             {http.StatusInternalServerError, "api_error", "server_error", ""},
	Overloaded:      {529, "overloaded_error", "server_error", "overloaded"},
}

func (k Kind) info() kindInfo {
	if int(k) < len(kinds) {
		return kinds[k]
	}
	return kinds[API]
}

// Status is the HTTP status WriteError uses for k when given none: 400, 401,
// 403, 404, 413, 429, 500, 529 (Anthropic's "overloaded"; OpenAI clients
// retry it like any 5xx).
func (k Kind) Status() int { return k.info().status }

// String returns the Anthropic type string of k (e.g. "rate_limit_error"),
// which is also a good metric label.
func (k Kind) String() string { return k.info().anthropic }

// Error is a request the parser rejects. Msg is safe to show to the client:
// it names the offending field (Param) or the byte offset of a syntax
// error, and never quotes request content.
type Error struct {
	Kind  Kind
	Param string // JSON path of the field, e.g. "messages[2].content"; may be empty
	Msg   string

	want string // for type errors: what the field must be
}

func (e *Error) Error() string { return "dialect: " + e.Msg }

// Status is the HTTP status to answer e with.
func (e *Error) Status() int { return e.Kind.Status() }

// WriteError writes an error response in the dialect's own format, the one
// its official SDKs decode:
//
//	OpenAI:    {"error":{"message":msg,"type":...,"param":null,"code":...}}
//	Anthropic: {"type":"error","error":{"type":...,"message":msg}}
//
// DialectUnknown gets the OpenAI format. status 0 means kind.Status(). The
// caller sets any other header (Retry-After, X-Request-Id) before calling.
// msg must already be client-safe: WriteError only escapes it.
func WriteError(w http.ResponseWriter, d fingerprint.Dialect, status int, kind Kind, msg string) {
	info := kind.info()
	if status == 0 {
		status = info.status
	}
	b := make([]byte, 0, 96+len(msg))
	if d == fingerprint.DialectAnthropic {
		b = append(b, `{"type":"error","error":{"type":"`...)
		b = append(b, info.anthropic...)
		b = append(b, `","message":`...)
		b = AppendQuoted(b, msg)
		b = append(b, "}}\n"...)
	} else {
		b = append(b, `{"error":{"message":`...)
		b = AppendQuoted(b, msg)
		b = append(b, `,"type":"`...)
		b = append(b, info.openai...)
		b = append(b, `","param":null,"code":`...)
		if info.code == "" {
			b = append(b, "null"...)
		} else {
			b = append(b, '"')
			b = append(b, info.code...)
			b = append(b, '"')
		}
		b = append(b, "}}\n"...)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b) //nolint:errcheck // the client went away; nothing to do
}

const hexDigits = "0123456789abcdef"

// AppendQuoted appends s as a JSON string, escaping what encoding/json
// escapes (quotes, backslash, control characters, <, >, &, U+2028, U+2029)
// and replacing invalid UTF-8 with U+FFFD. The proxy's other JSON writers
// (the decision log) use it too.
func AppendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}
