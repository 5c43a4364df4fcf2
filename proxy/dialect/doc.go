// Package dialect knows the model APIs sluice guards: it maps request
// paths to an API dialect and endpoint, parses request bodies into the
// dialect-neutral fingerprint.Request, and writes error responses in each
// API's own format.
//
// # Endpoints
//
// Detect recognises POST targets by exact path:
//
//	/v1/chat/completions  OpenAI chat completions
//	/v1/completions       OpenAI legacy completions (prompt)
//	/v1/responses         OpenAI Responses
//	/v1/messages          Anthropic Messages
//
// Everything else is EndpointOther and is not parsed.
//
// # What is extracted
//
// The model; the system prompt (OpenAI system and developer messages and
// Responses instructions, Anthropic system as a string or text blocks;
// several pieces are joined with "\n" in body order); the conversation as
// turns (text parts of one message joined with "\n"; image, audio and
// file parts and thinking blocks add nothing; tool calls contribute their
// arguments, Anthropic tool_use its input as JSON text; tool results are
// tool turns); and the knobs: stream, stream_options.include_usage,
// max_tokens / max_completion_tokens / max_output_tokens, temperature, n,
// logprobs, top_logprobs (and the Responses include entry
// "message.output_text.logprobs"), the number of logit_bias entries and of
// tools, Anthropic thinking, OpenAI reasoning effort. A missing field is
// zero: rejecting a request without a model is the upstream's business.
//
// # Parsing
//
// Parse is a hand-written single-pass scanner: no encoding/json, no
// reflection. It validates the whole body as JSON (what json.Valid
// accepts, with nesting limited to 64 levels), skips unknown fields, and
// checks the types of the fields it reads; a violation is an *Error whose
// message names the field and never quotes the prompt, to be answered
// with 400 through WriteError. Duplicate keys are accepted; which value
// wins is unspecified.
//
// Text is not copied when it can be helped: a string without escapes
// aliases the body, anything else is unescaped into the Parser's scratch
// memory, which is sized to the body up front so that slices already
// handed out never move. Raw bytes that are not valid UTF-8 pass through
// unchanged; \u escapes of lone surrogates become U+FFFD as in
// encoding/json. On a warm Parser, Parse allocates nothing except the
// model name the first time the Parser sees it (common names are
// interned) and the messages it stores in the history cache (below);
// TestAllocs and TestHistoryAllocs pin this.
//
// Parsers are pooled: Get one, Parse, read the Request, Put it back. The
// Request's text is valid until the next Parse or the Put.
//
// # History cache
//
// Conversations and agent loops re-send their whole history with every
// request. Message lists of 4 KB and more go through a bounded,
// process-wide history cache (32 MB by default, see SetHistoryCache and
// history.go): the messages that a recent request had at the start of its
// list are compared byte for byte with the body and, where equal, taken
// from the cache instead of being parsed and unescaped again, so that
// parsing costs about what is new. The result is the same as without the
// cache, bit for bit, errors included.
//
// # Errors
//
// WriteError writes the body the official SDKs decode, so that they
// surface the right error type and back off on 429 and 529:
//
//	OpenAI:    {"error":{"message":"...","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}
//	Anthropic: {"type":"error","error":{"type":"rate_limit_error","message":"..."}}
package dialect
