// Package fingerprint turns one parsed model-API request and its client
// traits into a compact, fixed-size Print that the engine keys on. It does
// no I/O, reads no clock and has no global mutable state. All tables (the
// elicitation automaton, the skeleton vocabulary) are built once by New and
// are immutable afterwards; the one thing in a Hasher that changes is its
// bounded history cache (see Config.HistoryCache), which changes no print.
// A Hasher is safe for concurrent use.
//
//	h := fingerprint.New(fingerprint.Config{Seed: deploymentSeed})
//	var p fingerprint.Print
//	h.Fill(&req, &client, &p) // per request; no allocation
//
// Request texts alias parser scratch memory: the Hasher reads them and
// retains nothing.
//
// # Prompt prints
//
// Exact and System are seeded xxhash64 of the conversation (role-tagged,
// length-prefixed, surrounding white space trimmed, so that two dialects or
// JSON layouts of one conversation hash equal) and of the system prompt.
// They run at xxhash speed.
//
// TemplateLast and TemplateAll are skeleton hashes: a tokenizer masks the
// variable parts of a prompt — numbers, quoted spans ("…", “…”, 「…」, '…'),
// inline code and code fences, URLs, identifiers (snake_case, camelCase,
// dotted, paths, e-mail), capitalised names and ALL-CAPS words inside a
// sentence, and every word outside a fixed template vocabulary — as slots.
// Words are in three classes: template words (instruction verbs and
// prompt-structure nouns: explain, summarize, essay, bullet, rubric…) are
// kept; function words (the, of, how, list, key, first…) are kept between
// template words but absorbed into a neighbouring slot; anything else is a
// slot. A maximal run of slots and function words collapses to one slot
// token, so "Explain photosynthesis" and "Explain the history of the Roman
// Empire" have the same skeleton while "Describe photosynthesis" does not.
// Chinese works per character with its own two small vocabularies.
// TemplateLast covers the last user turn only, so that a shared system or
// tool preamble (a popular tool's thousands of users) does not dominate;
// TemplateAll covers the system prompt and all user and tool turns, with
// assistant turns by role only (their text is model output, not the
// client's template). The vocabulary leans towards words that slot fills
// rarely contain: a fill word in the template vocabulary makes two fills of
// one template hash apart, which the measured rates below bound.
//
// Sketch is a 64-bit SimHash of the last user turn, compared with Distance
// (Hamming distance). SimHash rather than MinHash with LSH bands: it is one
// uint64 that fits the fixed-size Print and a store row, it costs eight
// table adds per shingle (lane-parallel byte counters, see simhash), and a
// Hamming threshold is a single comparison, where a MinHash signature needs
// k hashes per shingle and k words of storage. Its weakness, a coarser
// similarity estimate, matters little for "is this a variant of that
// template". Shingles are word bigrams over the tokens that are not function
// words (numbers as one class token, quoted spans and code as another):
// bigrams only, because unigrams pull a prompt that reuses the same
// vocabulary in another order close (mean distance 22 instead of 30 in the
// fixtures), and function words are what paraphrases change most.
//
// # Elicitation signals
//
// One pass of an Aho–Corasick automaton, compiled in New to a full DFA over
// byte classes, runs over the system prompt and the user turns. It folds
// ASCII case, and treats runs of white space, '-' and '_' as one space, so
// "Step-by-step" matches "step by step". About 420 English and Chinese
// phrases are grouped into cues (answer given, reasoning requested, direct
// rationalisation, thinking channel, rubric, score scale, rewrite verb,
// safety target, step by step, agentic), each phrase with a weight; a cue's
// strength is the noisy-OR of its distinct phrases (a repeated phrase counts
// once). Signals combine cues: SigRationalize fires strongly when an answer
// is given and its reasoning is asked for ("here is the answer … explain the
// steps that lead to it", "已知答案…给出推理过程") or on direct phrases
// ("reconstruct the chain of thought") — but an answer phrase repeated three
// times, or twice beside a repeated "let's think step by step", is a
// few-shot prompt's worked examples closing on their answers, and gives no
// answer for the question asked; SigRubric is strongest with a rubric
// cue next to a scale; SigSafeRewrite with a rewrite verb next to a safety
// target. Elicit is the noisy-OR of the signals weighted by sigWeight: a
// plain step-by-step request alone stays at or below 0.25 (tutoring apps
// send it all day), rationalisation and thinking-channel instructions reach
// 0.7–0.95. Knobs sets one bit per harvesting knob (logprobs, top_logprobs
// ≥ 5, logit_bias and ≥ 50 entries, max_tokens ≤ 1, temperature 0, n > 1,
// thinking or high reasoning effort, tools, max_tokens ≥ 8192, stream).
// Tokens is EstimateTokens over all texts plus a per-turn overhead.
//
// # Client prints
//
// HTTP is our own print (not JA4H, whose licence forbids commercial use):
// the header names, as a set or, when Client.Ordered, in wire order; the
// user-agent family and major version; accept and accept-encoding; and the
// x-stainless-* SDK headers (lang, package-version, os, arch, runtime,
// runtime-version). Headers added by infrastructure (x-forwarded-*,
// forwarded, via, x-real-ip, cf-connecting-ip, true-client-ip,
// x-amzn-trace-id) and content-length are ignored. UA and SDK are those
// parts alone; JA4 is the hash of the JA4 string (see the JA4 function for
// computing it from a crypto/tls ClientHelloInfo); Net the hash of
// NetPrefix and Wide of WideNetPrefix. Inconsistent is a heuristic, documented at inconsistent: SDK
// headers whose language contradicts the runtime header, the user agent or
// the TLS stack the JA4 belongs to (a Python or Node SDK over a browser or
// Go TLS stack, SDK headers from curl). Client traits are spoofable; they
// link accounts, they prove nothing.
//
// # Measured quality
//
// TestQuality runs on testdata/quality.jsonl, generated by
// TestGenerateFixtures: 44 templates (English and Chinese, with hard
// negatives that differ in one or two words) × 25 fills of topics, names,
// numbers, quotes, code and free sentences, and 20 paraphrase sets of 6
// paraphrases (synonyms, politeness wrappers, dropped words) plus 6
// scrambles (the same words in random order). Measured with
// go test -run TestQuality -v ./fingerprint/:
//
//	template hash: same-template pairs equal 100.00% (13200/13200),
//	               different-template pairs equal 0.000% (0/591250)
//	sketch, threshold Distance ≤ 20: paraphrase pairs near 86.7% (mean distance 14.8),
//	               same-vocabulary scrambles near 1.5% (mean 30.3),
//	               unrelated prompts near 0.5% (mean 31.0)
//	threshold 22:  paraphrases 92.3%, scrambles 5.4%, unrelated 1.8%
//	threshold 24:  paraphrases 95.7%, scrambles 10.4%, unrelated 5.9%
//
// The template vocabulary was tuned on these fixtures, so the template rates
// are an upper bound for other generators; the per-template design (slots
// absorb function words, ambiguous instruction words are function words)
// is what carries over.
//
// # Cost
//
// All prompt prints are one tokenizer pass, one automaton pass and one
// hashing pass per text, with the scratch state (about a kilobyte:
// skeleton, SimHash counters, matcher state, xxhash digest) on the stack,
// which is cheaper than a sync.Pool round trip; there is no heap allocation
// per request (pinned by TestAllocs and TestAllocsHistory).
//
// The automaton's transitions are a chain of dependent loads, so a long
// text is scanned in four lanes in lock step (see matcher.scan), and the
// last user turn of a conversation is scanned once for both the stream of
// user turns and its own ElicitLast. The tokenizer is bound by its word
// hashes (FNV-1a, one multiply after the other per byte), which the
// skeleton, the sketch and the fitted model depend on bit for bit.
//
// A conversation or agent loop re-sends its history with every request;
// the prints of a history that was seen are taken from the history cache
// (see history.go and Config.HistoryCache), so that such a request costs
// one xxhash pass over its history (the Exact print, which also keys the
// cache) and the work on its new turns.
//
// Measured with go test -run '^$' -bench 'PromptRef|Stage' ./fingerprint/,
// which times the implementation before these changes (ref_test.go) and
// this one alternately, call by call, on a 2-core AMD EPYC VM shared with
// other work (load average 1.3 to 2.8); medians of five runs:
//
//	                                   before     now      now/before
//	PromptRef/2KB                     12.6 µs    9.8 µs   0.78   211 MB/s
//	PromptRef/64KB                     365 µs    271 µs   0.74   242 MB/s
//	PromptRef/conv64KB-last1KB         175 µs   13.0 µs   0.075
//	PromptRef/conv64KB-last1KB-nocache 170 µs    125 µs   0.73
//	Stage/64KB/matcher                 167 µs   71.0 µs   0.42   923 MB/s
//	Stage/64KB/template+sketch         176 µs    176 µs   1.00   373 MB/s
//	all 0 B/op, 0 allocs/op
//
// conv64KB-last1KB is a 64 KB conversation whose history was seen by the
// request before and whose last user turn (1 KB) is new; the
// proxy benchmark BenchmarkGuardWork measures the guard's whole work on
// it and on a 2 KB prompt. The per-byte cost is linear in the prompt size
// (constant MB/s). BenchmarkExact and BenchmarkClient measure code that
// these changes did not touch.
package fingerprint
