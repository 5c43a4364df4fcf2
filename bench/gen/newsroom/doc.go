// Package newsroom generates the traffic of "newsroom": 72 hours of
// requests (Tuesday 12 to Friday 15 May 2026, UTC) to Halyard, a model API
// vendor at api.halyard.ai that sells to news and publishing. Halyard
// serves both dialects: OpenAI chat completions (/v1/chat/completions,
// Bearer keys) and Anthropic messages (/v1/messages, x-api-key and
// anthropic-version). Its models are halyard-3-mini, halyard-3,
// halyard-3-think and a dated snapshot; halyard-3.5 and halyard-3.5-mini
// are released during the window, on Wednesday at 17:00 UTC. It writes
// trace records and labels in the bench's trace format (Write); Full is
// about 140,000 requests, Small about a seventh of that.
//
// # The world
//
// Every account is one API key. Keys issued before September 2025 have the
// old format (sk-hly1-…), later ones project keys (sk-hly2-…) or
// service-account keys (sk-svc-hly2-…) for servers; most accounts existed
// long before the window, some sign up during it. Clients are the
// official SDKs (openai-python, anthropic-python, sync and async,
// openai-node and anthropic-typescript on Node, openai-go, openai-java),
// curl, python-requests, aiohttp, PHP WordPress, browsers (Chrome, Edge,
// Firefox, Safari, Electron desktop apps), a LiteLLM gateway, the Vercel
// AI SDK and a Go relay, each with the header names, case and order its
// HTTP stack sends, the body key order its serialiser writes (the
// generated SDKs sort their parameters) and one JA4 per TLS stack.
// Addresses come from retail ISPs of about twenty countries (IPv4 that
// stays for days, IPv6 /64s with daily privacy addresses), mobile carrier
// NAT, office blocks, campuses, clouds (AWS, GCP, Azure, DigitalOcean),
// cheap hosting, shared WordPress hosting and VPN exits. People follow the
// working or evening hours of their own time zone; news text is drawn from
// stories whose slots are filled once, so that headline, article, quotes
// and follow-ups agree.
//
// # Legitimate classes (campaign false)
//
//   - journalist: reporters and editors at some 70 newsrooms worldwide,
//     summarising, headlining, translating, checking claims, cleaning
//     transcripts, asking data questions; multi-turn, from the office by
//     day and home at night, on desktop apps, web apps, notebooks, curl.
//   - personal: ordinary people (readers, freelancers, students) with
//     everyday questions, mostly in the evening, some on mobile.
//   - hackathon: a journalism school's hack day in New York on the
//     Wednesday: ~140 accounts created that morning on the campus network,
//     one pinned SDK, the same starter cells run by everyone within minutes,
//     then team projects with shared system prompts, a few going on at home.
//   - classroom: a data-journalism class in London, keys made together in
//     the first week of term, two lab sessions with one assignment asking
//     for step-by-step reasoning, and homework.
//   - eval_team: an evaluation team running a public benchmark nightly from
//     CI on every production model and at once on the new release:
//     multiple choice at temperature 0 with max_tokens 1, logprobs and a
//     logit_bias on the answer letters, chain-of-thought maths with n=5,
//     summaries graded by an LLM judge with a rubric, in fast bursts.
//   - cms_plugin: a WordPress plugin on ~1,300 sites, each its own key, the
//     plugin's fixed prompts, PHP from shared hosting (many sites per
//     address), a version update rolling out, some wp-cron bulk tagging.
//   - browser_extension: a fact-checking extension with ~1,500 users, the
//     Anthropic SDK in the extension, one template, one Chrome stack.
//   - media_gateway: a media group's LiteLLM gateway with ~48 keys (per
//     title and team) behind four addresses, failing over to another key
//     of the pool on a 429 with the same body, a nightly archive job round
//     robin over pooled keys, moving to the new model some hours after it
//     ships.
//   - wire_batch: a wire service summarising, tagging and translating every
//     story around the clock from a Go pipeline polling every 15 seconds,
//     pinned to a dated model, plus twice-daily digests.
//   - reader_bot: two publishers' reader Q&A bots, one key each, a long
//     fixed system prompt with retrieved articles, many readers.
//   - tutor_app: a numeracy tutor whose fixed prompt asks for step-by-step
//     working, one key, students in two time zones.
//   - factcheck_agent: a fact-checking organisation's research agent (web
//     search, page fetch, claim database), by staff and by a pipeline.
//   - coding_agent: news developers using one open-source terminal coding
//     agent: identical long system prompt and tool list for every user.
//   - reseller_customer: the customers of a reseller (below); legitimate.
//
// # Campaign classes (campaign true)
//
//   - naive: ~100 accounts made a day or two before, one python-requests
//     script on four addresses of one rented block, one system prompt and
//     two templates (solve with full reasoning; write the reasoning behind
//     a given answer) on maths, logic and science, accounts used in turn at
//     an even pace day and night, ~30 requests per account per day; banned
//     accounts replaced at once, failed requests re-sent on the next one.
//   - disguised: ~180 aged accounts, each a persona with its own country,
//     residential proxy exits, client (some claim an SDK over a Chrome TLS
//     stack), hours and wording: sessions of a few questions with reading
//     pauses, paraphrased templates with personas, typos, follow-ups.
//     Underneath, one queue of problems in a few capability areas, whose
//     mix changes at one moment for everyone, and a fleet-wide pause during
//     the operator's maintenance.
//   - reseller_harvest: a relay selling cheap access in East Asia spreads
//     every request round robin over its ~30 keys (reseller-…); its
//     customers' traffic peaks in their day, its own chain-of-thought and
//     grading harvest (partly in Chinese) fills their night.
//   - logprob: distribution extraction by ~30 accounts on cloud workers and
//     VPN exits: probe prompts, each as a baseline and a series of
//     logit_bias sweeps over ~250-300 token ids, max_tokens 1,
//     temperature 0, top_logprobs 20, one prompt's sweeps spread over the
//     accounts, some cover chat mixed in.
//   - agentic: ~50 accounts running synthetic software issues and research
//     questions through a generic agent harness with tools, thinking on
//     about half; fake tool results make steps follow at the model's pace;
//     a few trajectories per account per day, around the clock.
//   - churn: trial farming: new accounts appear about three an hour, each
//     burns 15-60 requests in a few hours from a VPN or cheap-hosting exit
//     (ranges recur), then is never used again.
//   - pivot: ~70 accounts on one node stack and ten addresses harvesting
//     step-by-step answers from halyard-3-think at an even pace; within an
//     hour or two of the release the whole fleet moves to halyard-3.5 and
//     to coding-with-reasoning and rubric grading, adds ~25 new accounts
//     and speeds up.
//   - low_slow: ~140 aged accounts, each on its own residential line and
//     client, a handful of requests a day at human hours, under every
//     per-key and per-address limit, asking for rationalisations of given
//     answers, step-by-step reasoning, grading and hidden reasoning.
//
// Legitimate traffic is about two thirds of the requests.
package newsroom
