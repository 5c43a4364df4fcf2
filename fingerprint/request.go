package fingerprint

import "net/netip"

// Dialect is the API family of a request.
type Dialect uint8

// Dialects.
const (
	DialectUnknown Dialect = iota
	DialectOpenAI
	DialectAnthropic
)

func (d Dialect) String() string {
	switch d {
	case DialectOpenAI:
		return "openai"
	case DialectAnthropic:
		return "anthropic"
	}
	return "unknown"
}

// Endpoint is the model endpoint a request was sent to.
type Endpoint uint8

// Endpoints.
const (
	EndpointOther           Endpoint = iota
	EndpointChatCompletions          // OpenAI POST /v1/chat/completions
	EndpointCompletions              // OpenAI POST /v1/completions (legacy prompt)
	EndpointResponses                // OpenAI POST /v1/responses
	EndpointMessages                 // Anthropic POST /v1/messages
)

func (e Endpoint) String() string {
	switch e {
	case EndpointChatCompletions:
		return "chat_completions"
	case EndpointCompletions:
		return "completions"
	case EndpointResponses:
		return "responses"
	case EndpointMessages:
		return "messages"
	}
	return "other"
}

// Role is the author of one conversation turn.
type Role uint8

// Roles. System and developer text is not a turn: it goes to Request.System.
const (
	RoleUser Role = iota
	RoleAssistant
	RoleTool
)

// Turn is one message of the conversation, its text parts joined with "\n".
// Text aliases the parser's scratch memory: it is valid only as long as the
// Request it belongs to, and must not be retained.
type Turn struct {
	Role Role
	Text []byte
}

// Request is the dialect-neutral view of one model API request: what the
// dialect parsers in proxy/dialect fill in and what the prints are computed
// from. The zero value is an empty request. Byte slices alias parser scratch
// memory (see Turn).
type Request struct {
	Dialect  Dialect
	Endpoint Endpoint
	Model    string

	// System is the system prompt (OpenAI system/developer messages or
	// instructions, Anthropic system), parts joined with "\n".
	System []byte
	// Turns is the conversation without the system prompt, in order.
	Turns []Turn

	Stream bool
	// StreamIncludeUsage is OpenAI stream_options.include_usage.
	StreamIncludeUsage bool
	// MaxTokens is max_tokens, max_completion_tokens or max_output_tokens;
	// 0 when absent.
	MaxTokens int
	// Temperature is valid when HasTemperature.
	Temperature    float64
	HasTemperature bool
	// N is the number of choices asked for; 0 when absent (means 1).
	N int
	// Logprobs is true when log-probabilities are asked for (OpenAI
	// logprobs true or a number for the legacy endpoint, or top_logprobs>0).
	Logprobs    bool
	TopLogprobs int
	// LogitBias is the number of entries of logit_bias, and LogitBiasHash
	// a hash of its JSON (0 when absent, never 0 when present).
	LogitBias     int
	LogitBiasHash uint64
	// Tools is the number of tool definitions.
	Tools int
	// Thinking is Anthropic extended thinking enabled (type "enabled" or
	// "adaptive"); ThinkingBudget its budget_tokens.
	Thinking       bool
	ThinkingBudget int
	// ReasoningEffort is OpenAI reasoning_effort or reasoning.effort
	// ("minimal", "low", "medium", "high"), empty when absent.
	ReasoningEffort string
}

// LastUser returns the text of the last user turn, or nil.
func (r *Request) LastUser() []byte {
	for i := len(r.Turns) - 1; i >= 0; i-- {
		if r.Turns[i].Role == RoleUser {
			return r.Turns[i].Text
		}
	}
	return nil
}

// Header is one request header as sent: name and value.
type Header struct {
	Name, Value string
}

// Client is what identifies the sending client stack, as seen by the proxy
// for a live request or taken from a trace record.
type Client struct {
	// IP is the client address after the trusted-proxy rules were applied.
	IP netip.Addr
	// JA4 is the TLS client print (JA4 string) when known, else empty.
	JA4 string
	// Headers are the request headers; in wire order when Ordered is true
	// (trace records keep the order, net/http does not).
	Headers []Header
	Ordered bool
	// Hosting is set when the address is in a hosting range (the
	// operator's ASN database says so).
	Hosting bool
}
