package dialect

import "github.com/sluicehq/sluice/fingerprint"

// Detect maps a request path to its dialect and endpoint:
//
//	/v1/chat/completions, /v1/completions, /v1/responses -> OpenAI
//	/v1/messages                                         -> Anthropic
//
// Any other path is (DialectUnknown, EndpointOther) and is proxied
// without parsing. The match is exact (no prefix, no trailing slash, no
// query: pass URL.Path). The method is the caller's to check: only POST
// creates a model response.
func Detect(path string) (fingerprint.Dialect, fingerprint.Endpoint) {
	switch path {
	case "/v1/chat/completions":
		return fingerprint.DialectOpenAI, fingerprint.EndpointChatCompletions
	case "/v1/completions":
		return fingerprint.DialectOpenAI, fingerprint.EndpointCompletions
	case "/v1/responses":
		return fingerprint.DialectOpenAI, fingerprint.EndpointResponses
	case "/v1/messages":
		return fingerprint.DialectAnthropic, fingerprint.EndpointMessages
	}
	return fingerprint.DialectUnknown, fingerprint.EndpointOther
}
