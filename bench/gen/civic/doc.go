// Package civic generates the traffic of "civic": the API of Tamarack, a
// model vendor (host api.tamarack.ai) that serves both dialects — OpenAI
// chat completions at /v1/chat/completions with Bearer keys and Anthropic
// messages at /v1/messages with x-api-key and anthropic-version — to the
// public sector and civic tech. Every account is one API key.
//
// # The window
//
// Full is five days, Friday 2026-05-15 00:00 UTC to Wednesday 00:00 UTC,
// with a weekend in the middle. Each party lives in its own time zone
// (US Eastern to Alaska, a few in the UK and central Europe, one harvester
// on China time) and follows its own day: office hours with a lunch dip,
// residents' evenings, the school day and homework, nightly cron jobs,
// round-the-clock scripts. On Monday 17:00 UTC the vendor releases a new
// model, tamarack-2.5-large; some legitimate users move to it over the
// following day, the evaluation team benchmarks it within hours, and so
// do most campaigns. Small is the same world with 15% of its accounts and
// volume.
//
// # Clients and networks
//
// Requests carry the header sets of real clients, names, order and case
// as those libraries send them: openai-python and anthropic-python on
// httpx (old pinned installs still serialise with json.dumps' spaces and
// ASCII escapes), the Node SDKs on node-fetch or the built-in fetch
// (sorted lower-case names, undici's own additions), the Go SDKs over
// HTTP/2 (map order, different on every request), openai-java on OkHttp,
// OpenAI .NET (with a W3C traceparent), curl, python-requests, Chrome,
// Edge and Firefox calling from a page or an extension (client hints,
// sec-fetch-*, anthropic-dangerous-direct-browser-access), and an iOS app
// on CFNetwork. Each TLS stack has one JA4. Bodies are ordered as each
// library writes them. Addresses come from government networks, cloud
// regions (AWS, GovCloud, Azure, GCP, CI runners), office blocks,
// universities, home broadband (IPv4, and IPv6 /64s whose interface id
// changes daily), mobile carrier NAT (v4 and v6), VPN exits and cheap
// hosting.
//
// # Legitimate classes (campaign false) — the majority of requests
//
//   - resident_chat: residents, public employees and hobbyist developers with
//     keys of their own, chatting through SDKs, curl, a bring-your-own-key web
//     app, an iOS app and .NET; staff of one building share its NAT address.
//   - plain_language_ext: PlainForm, a browser extension that rewrites official
//     letters in plain language; about 1,300 users, each with their own key,
//     one system prompt and template, one extension origin; a newsletter on
//     Monday brings new installs, and an update after the release moves
//     unpinned users to the new model.
//   - hackathon: a civic hackathon on the weekend; about 110 keys created at
//     Saturday's API workshop on the venue's Wi-Fi with the starter kit's
//     pinned SDK, the same tutorial prompts, then team projects in bursts of
//     scripted loops, some of it from home at night.
//   - classroom: three sections of a high-school computer-science class get
//     keys on Monday and run the same assignment from the district's
//     JupyterHub: one address, one client, one prompt template.
//   - eval_team: a state digital service's evaluation team: nightly CI runs
//     and daytime runs of a public benchmark at temperature 0, multiple-choice
//     scoring by log-probabilities (max_tokens 1, top_logprobs, a logit_bias
//     on the answer letters), self-consistency with n=5, a rubric grader key,
//     and a full run on the new model within hours of its release.
//   - contractor_gateway: a contractor's gateway for ten agency programs,
//     each with a small pool of keys it rotates behind two address ranges; on
//     a 429 it sends the same body again on another key; half the programs
//     migrate to the new model the day after the release.
//   - notice_translation: three cities translate every notice overnight into
//     three to six languages: cron at 01:30 local, one system prompt,
//     temperature 0, the same text in every language.
//   - helpdesk_bot: the county tax office's help desk (retrieval passages),
//     the city's 311 assistant (tools) and the library's after-hours chat:
//     one server and key each, one fixed system prompt, multi-turn sessions.
//   - benefits_screener: a state benefits screener on the Anthropic dialect
//     whose fixed system prompt asks for step-by-step reasoning, often with
//     extended thinking.
//   - school_tutor: three districts' math tutoring app, a fixed "guide the
//     student step by step" prompt, school hours and homework evenings.
//   - open_data: a civic-tech brigade's scripts — an hourly classifier on CI
//     runners, a nightly extractor on a Raspberry Pi, a weekly describer in
//     curl — and volunteers trying things by hand.
//   - coding_agent: developers using the open-source coding agent Tern with
//     their own keys: one system prompt and tool set, long tool-use sessions.
//   - reseller_customer: the small towns using Civibridge, a govtech SaaS
//     that resells the API through its pool of keys (see reseller_harvest).
//
// # Campaigns (campaign true)
//
// Per-account rates stay near the reported ~27 exchanges a day (a handful
// for low_slow, more for the cheap one-token logprob requests).
//
//   - naive: one Python script on three rented servers drives every account
//     in turn, day and night, at a fixed pace, one system prompt and two
//     templates (solve step by step; rationalise a given answer); after a 429
//     the same body goes to the next account; a third of the accounts are
//     banned and replaced at once on the third day.
//   - disguised: every account is a persona — a US time zone and waking hours,
//     days off, residential and mobile proxy exits, an SDK header set of its
//     own (over the operator's TLS stack, sometimes a Chrome impersonation),
//     its own temperature and length habits — asking in a dozen phrasings,
//     with follow-up turns and everyday questions as cover; new accounts keep
//     joining and drift to the new model over a day or two.
//   - reseller_harvest: Civibridge harvests through its customers' keys, client
//     and addresses: rubric grading of candidate answers, reasoned coding
//     solutions and "rewrite this safely", round robin, more at night, moved
//     to the new model within hours of its release.
//   - logprob: distribution extraction — one prefix, max_tokens 1,
//     temperature 0, top_logprobs 20 and a logit_bias sweeping the vocabulary
//     20 or 300 ids at a time, dealt out over accounts on rented servers;
//     between sweeps, next-token distributions of training prefixes.
//   - agentic: a harness replays Tern's system prompt, tools and header set
//     (on its own TLS stack) from cloud servers, with fabricated tool results
//     in a fixed shape and interleaved thinking, trajectory after trajectory.
//   - churn: trial accounts opened one after another through mobile and VPN
//     exits, checked with a hello, used for a day on answer-conditioned
//     explanations and worked solutions, then abandoned.
//   - pivot: a scheduler hands jobs to its accounts in ten-minute waves from
//     rented servers with one Go client; within hours of the release the
//     whole cluster moves from worked mathematics on the old model (OpenAI
//     dialect) to coding with large thinking budgets on the new one
//     (Anthropic dialect).
//   - low_slow: long-standing accounts, three to eight requests a day each at
//     human hours through residential proxies that stay put, asking in a
//     student's voice for long, carefully reasoned answers.
//
// The reseller's keys are named after it (reseller-civibridge-NN) and
// carry both of its classes; every other account is named after its class.
package civic
