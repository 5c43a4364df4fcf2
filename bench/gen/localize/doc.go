// Package localize generates the "localize" world: a synthetic trace of
// the traffic of a model API used worldwide and in many languages, with
// ground-truth labels, for a one-off measurement of the detector on traffic
// it has never seen. It models what the customers and the distillation
// campaigns of this world would do, not what a detector would catch.
//
// # The world
//
// One provider serves its models atlas-4, atlas-4-mini, atlas-4-think and
// the legacy atlas-3.5-instruct on both an OpenAI-compatible API
// (/v1/chat/completions, /v1/completions, /v1/responses, Bearer sk- keys)
// and an Anthropic-compatible one (/v1/messages, x-api-key). atlas-4.5 is
// released inside the window (Config.Release). The full trace is six
// hours of a Wednesday from 07:00 UTC: morning in Europe, afternoon in
// India, evening in East Asia, night in the Americas; every sender has its
// own time zone and daily rhythm (office hours, evenings, service desks,
// machines). Much of the text is not English: Spanish, German, French,
// Portuguese, Italian, Japanese, Chinese, Korean, Arabic, Hindi, Turkish,
// Russian, Vietnamese, Indonesian, Thai and more, all written for this
// generator and sent as UTF-8 (or \u-escaped where the client's JSON
// encoder does that: old Python httpx and python-requests, .NET).
//
// Each record comes from an installed client: the official OpenAI and
// Anthropic SDKs for Python, Node and Go, the OpenAI .NET SDK,
// python-requests, curl, browsers calling the API directly, OkHttp on
// Android, a Java gateway on Reactor Netty and a Go relay. The client
// decides the header names, their case and wire order (the Go stacks send
// theirs in no fixed order, as net/http over HTTP/2 does), the SDK version
// headers, the body's member order and escaping, and a JA4 print that
// fits its TLS library and ALPN. Addresses come from consumer ISP blocks
// of each country (IPv6 on dual-stack lines), mobile carrier NATs, and
// the cloud and VPS providers where servers run.
//
// # Legitimate classes (about 60% of the requests)
//
//   - language_app: Parlo, an open-source reading and tutoring app in which
//     thousands of learners each paste their own key. Every learner sends
//     the app's one system prompt and its few templates (explain a
//     sentence, look a word up, correct my text step by step, an exercise,
//     role-play), from the same client stack (the SDK embedded in the
//     desktop app, or OkHttp), from home and mobile lines all over the
//     world, mostly in their evening; a key pasted in is checked with a
//     one-token "ping". The popular-tool hard case.
//   - support_desk: support bots of shops, airlines, a bank and a game
//     studio: one fixed system prompt with the knowledge base, every turn
//     of every conversation, some with an order-lookup tool round trip, a
//     staging key on which developers try the new model.
//   - translation_agency: CAT-tool plug-ins asking for each segment's draft
//     with the client's glossary and style guide, batch pre-translation,
//     QA reviews, from the office and translators' home lines.
//   - subtitle_batch and listing_batch: batch jobs on cloud machines:
//     subtitle files in chunks from parallel workers after a queue poll,
//     and hourly cron jobs localising product listings with a strict JSON
//     schema. Regular timing, repeated templates, high volume.
//   - immersion_bootcamp: the class look-alike. On the first morning of a
//     Spanish immersion bootcamp in Valencia some forty students open new
//     keys and run the course notebook (one pinned SDK) or the worksheet's
//     curl line behind the school's one connection, all on the same twelve
//     exercises asking for step-by-step explanations; a second group joins
//     after the break.
//   - eval_team: a multilingual evaluation team and a university lab
//     running public benchmark items word for word (maths in ten languages
//     with a step-by-step prompt, translation, NLI scored from
//     log-probabilities with a logit_bias on the label tokens), grading
//     with the model as a judge against a rubric, sampling n=5, at
//     temperature 0 and at full concurrency; on release day the team runs
//     the suite on atlas-4.5 within the hour.
//   - telecom_gateway: a telecom's internal gateway: every application's
//     keys behind one /24, high-volume applications spread over a pool of
//     keys, a 429 failed over to the next key with the same body and
//     request id, and the call-centre pool rotated to fresh keys mid-morning.
//   - reseller_customer: the customers of TokenHub, a relay in Singapore
//     reselling access to developers in China and Southeast Asia: one pool
//     of keys, a few addresses, the customers' user-agents forwarded over
//     the relay's own TLS stack.
//   - freelancer: individuals in browser chat clients, scripts and the
//     shell; some try atlas-4.5 as soon as it is out.
//   - i18n_ci: a localisation agent in the CI of three software companies:
//     tool use one call per request with a growing transcript, the
//     legitimate side of agentic traffic.
//
// # Campaigns
//
//   - naive: a hydra of about 1,200 fresh accounts opened in batches during
//     the day, each sent a request every twenty-odd minutes by a
//     dispatcher (a few dozen a day), one SDK install on a few dozen VPSs,
//     three Chinese templates harvesting translation with written-out
//     reasoning.
//   - disguised: about 700 accounts with personas (country, language,
//     local hours, their own client and version, a residential proxy exit
//     per session), human pauses and follow-ups, many phrasings in many
//     languages and everyday filler requests, harvesting step-by-step
//     reasoning on maths, science and code, some aimed at the thinking
//     channel.
//   - reseller_harvest: TokenHub's own harvest through the same relay and
//     keys as its customers, evenly spread, day and night: Chinese
//     reasoning traces, generated problems with solutions, reward-model
//     style grading and translated copies.
//   - logprob: a sweep of next-token distributions: one prompt repeated
//     with max_tokens 1, temperature 0, top_logprobs 20 and a logit_bias
//     lifting a new window of 300 token ids each time; some accounts use
//     the legacy completions endpoint.
//   - agentic: synthetic localisation and engineering tasks against
//     fabricated sandboxes, tool call by tool call, on hundreds of accounts
//     running a task or two each.
//   - churn: throwaway accounts used hard until banned, each replaced
//     within a minute on a fresh VPS address, the failed request usually
//     resent first.
//   - pivot: long-lived accounts harvesting Korean and Vietnamese reasoning
//     on atlas-4-think, moved to atlas-4.5 within the hour of its release.
//   - low_slow: a boutique vendor: a handful of accounts, a few requests an
//     hour, long expert prompts asking for the reasoning behind a finished
//     legal or medical translation, or for rubric grading.
//
// The reseller's pool carries both reseller classes: its accounts are
// named reseller-poolNN; every other account is named after its class.
//
// # Knobs
//
// Config sets the seed, the window, a scale on the number of accounts of
// every class (rates per account stay) and the release instant. Full is
// six hours and about 95,000 records; Small is two hours and an eighth of
// the accounts (about 5,000 records) for tests. The same seed gives the
// same bytes.
package localize
