// Package shape degrades and meters model API exchanges: it rewrites
// request bodies for the degrade measures, shapes the answers (whole JSON
// bodies and SSE streams) in the OpenAI (chat completions, completions,
// responses) and Anthropic (messages) dialects, and meters the tokens the
// upstream reports.
//
// # Request rewriting
//
// Rewriter.Request works on the raw JSON bytes of the top-level object with
// a small splice editor: only the members a measure names change, every
// other byte (key order and whitespace included) passes as is.
//
//   - clamp: max_tokens / max_completion_tokens / max_output_tokens capped
//     (added when absent, except Anthropic's required max_tokens); an
//     Anthropic thinking budget that no longer fits under it is removed;
//   - drop logprobs: logprobs, top_logprobs, logit_bias, and the Responses
//     include entry message.output_text.logprobs;
//   - force n=1: n and best_of set to 1;
//   - strip reasoning: Anthropic thinking removed (or its budget_tokens
//     capped), OpenAI reasoning_effort / reasoning.effort lowered, reasoning
//     summaries and encrypted reasoning no longer requested;
//   - cheaper model: model replaced;
//   - usage: stream_options.include_usage set on an OpenAI stream, so that
//     its usage can be metered (the chunk is removed again, see below).
//
// # Response shaping
//
// Rewriter.Response shapes a non-streamed body; Stream shapes an SSE body
// event by event, buffering at most one event (MaxEvent; a longer one is
// dropped, fail closed). It removes Anthropic thinking and
// redacted_thinking blocks with their deltas and renumbers the later block
// indexes; removes OpenAI reasoning_content / reasoning fields and
// Responses reasoning items and reasoning events (renumbering
// output_index and sequence_number); empties log-probabilities; delays
// each event after the first (tarpit) with one reused timer per stream
// inside Read, bounded per stream by TarpitMax, so thousands of delayed
// streams cost no goroutine per event; and ends a stream whose upstream
// overruns the token budget with a well-formed end: Anthropic
// content_block_stop, message_delta with stop_reason max_tokens and
// message_stop; OpenAI chat a finish_reason "length" chunk, the usage
// chunk when the client asked for it, and [DONE]; OpenAI Responses
// response.output_text.done, response.content_part.done,
// response.output_item.done (status "incomplete") and response.incomplete
// (incomplete_details {"reason":"max_output_tokens"}), as the API ends a
// response that reaches max_output_tokens. A non-streamed body whose
// reported output (reasoning tokens aside) overruns the budget has its
// texts cut in proportion, at a space, with finish_reason "length",
// stop_reason "max_tokens" or status "incomplete" (Rewriter.Response).
//
// # Metering
//
// Meter is the allow-path body: the upstream's bytes pass in the caller's
// buffer, unparsed except for the events that carry `"usage":`, found by
// byte search; it removes the usage chunk the proxy asked for on the
// client's behalf. Stream meters the same way while it shapes. Both report
// a Usage to a Sink when the body is closed: the upstream's own count when
// it reported one, otherwise (a client that disconnected, a stream cut
// short) the prompt estimate plus the content deltas passed to the client.
//
// # Cost
//
// Measured on the project's 2-core machine (go test -bench . ./proxy/shape):
// shaping one typical event takes 0.17–0.55 µs with 0 allocations
// (BenchmarkEvent, TestEventAllocs pins ≤ 2); a whole shaped stream about
// 0.18 µs per event; the allow-path meter about 0.1 µs per event.
//
// # Example
//
// The proxy wraps the upstream body in its ReverseProxy ModifyResponse, so
// that ReverseProxy keeps control of flushing:
//
//	res.Body = shape.NewStream(res.Body, shape.StreamOptions{
//		Endpoint: fingerprint.EndpointMessages,
//		Config:   &shape.Config{Measures: limiter.MeasureStripReasoning},
//		Sink:     settler, // Done(Usage) settles the token buckets
//		Context:  res.Request.Context(),
//	})
//
// Rewriter, Stream and Meter are not safe for concurrent use; a Config may
// be shared read-only.
package shape
