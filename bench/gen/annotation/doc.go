// Package annotation generates a held-out trace for sluice's detection
// benchmark: an independent model of legitimate API traffic (an annotation
// vendor, a bootcamp, research evaluations, batch jobs) and of
// distillation campaigns (aged accounts, a proxy shop, refusal harvests
// and others), to measure how the detector generalises to traffic nobody
// tuned it on. It was written from general knowledge of how API clients,
// their users and distillation operators behave, without reading the
// detector (limiter, fingerprint, proxy), the other traffic generators
// (internal/sim, bench/gen/supportchat, bench/gen/mandarin, bench/gen/mooc)
// or the README's description of the detection. It shares with them only
// the wire format of internal/tracefmt.
//
// The window starts on Tuesday 2026-05-12 at 13:00 UTC and lasts six
// hours (two with Config.Small, which also keeps about 45% of the
// accounts). Everything is drawn from math/rand/v2 PCG streams, one per
// actor, so a seed always gives the same bytes.
//
// Clients are modelled per stack: openai-python and anthropic-python over
// httpx (with their x-stainless-* headers, old and new JSON encodings and
// key orders), openai-node and anthropic-ts on Node's fetch, openai-go,
// curl, python-requests, aiohttp, hand-written Node fetch and the browser
// SDK builds, each with a JA4 of its TLS library. Bodies follow the
// OpenAI chat completions, responses and completions APIs and the
// Anthropic messages API with their real fields. Each account keeps one
// key (Bearer on OpenAI paths, x-api-key on /v1/messages).
//
// Legitimate classes (campaign false), each a hard case:
//
//   - h4_support_vendor: a customer-support chatbot vendor, 30 tenant keys
//     (one per client company) sent from the vendor's few cloud egress
//     addresses with one SDK build, each with its own 2-5 KB system prompt
//     from the same template and the same tools; multi-turn conversations
//     with tool calls, during each tenant's business hours.
//   - h4_bootcamp: 200 students' keys created the same morning, behind two
//     campus NAT addresses, mostly one pinned SDK version; the same
//     exercises released every 20 minutes in two class sessions, each
//     student pasting a solution and asking to "explain your solution step
//     by step"; a burst after each release, a little homework from home.
//   - h4_research_evals: a university group, 12 keys on a cluster, laptops
//     and a cloud VM, running benchmark jobs: five-shot multiple choice
//     with max_tokens 1, temperature 0 and top_logprobs, legacy
//     completions with logprobs, chain-of-thought word problems and
//     competition maths at temperature 0 and 0.7 with n up to 8, code
//     completion with n=5; the same items on every key.
//   - h4_annotation_vendor: 25 annotators behind one office range in
//     Bogotá asking for critiques, pairwise comparisons and 1-10 ratings of
//     model outputs, working hours with a lunch break.
//   - h4_prompt_ab: a prompt-engineering team, 6 keys, replaying one set
//     of 300 prompts against variants of their product prompt at a few
//     requests a second with a fixed seed, judge passes, and a CI job every
//     90 minutes from a fresh cloud runner.
//   - h4_mobile_app: one key behind a consumer app's backend (openai-go),
//     up to 900 requests an hour of short single-turn questions from tens
//     of thousands of end users with a short system prompt.
//   - h4_ordinary: 1,600 account holders, about 1,150 of whom send
//     something in the six hours: developers and people in 17
//     regions and a dozen languages: chats, learners who often ask for the
//     reasoning, small apps' backends (a homework helper and a document
//     summariser among them), users of a popular open-source coding agent
//     (the same long preamble and tools, tool loops seconds apart),
//     roleplay hobbyists, one-off batch jobs, cron jobs and self-hosted
//     chat front ends; diurnal and bursty.
//
// Campaigns (campaign true), each as a different operator would build it:
//
//   - h4_proxy_shop: about 300 keys bought in six batches that go live
//     through the window, one SDK wrapper build per batch, a dispatcher
//     handing tasks to the least recently used key, every request through
//     a rotating or sticky residential proxy exit, SDK retries from a new
//     exit; reasoning traces across maths, science and coding with the
//     elicitation phrased from the shared pieces in many ways (or in the
//     system prompt, or in another language, or answer-conditioned), on
//     the chat, responses and messages APIs with reasoning effort, thinking
//     budgets and temperatures varied; about 3 requests an hour per live
//     key.
//   - h4_batch_sampler: about 80 keys on eight rented servers, one
//     hand-rolled requests client, n=4-8 samples at temperature 1 per
//     competition problem, about 2.4 requests an hour per key.
//   - h4_refusal_harvest: about 100 keys behind commercial VPN exits,
//     borderline prompts followed by a request for a harmless rewrite or
//     for the policy reasoning behind a refusal, or single-shot meta
//     prompts; about 1.9 requests an hour per key.
//   - h4_longdoc_harvest: about 60 keys on six cloud VMs sending 5-15 KB
//     documents with instructions for structured summaries with
//     justifications; 2-4 requests an hour per key.
//   - h4_roleplay_harvest: about 120 keys through mobile proxies generating
//     8-16 turn roleplay conversations from seed scenarios, the user turns
//     written by a simulator; about 3.6 requests an hour per key.
//   - h4_codereview_harvest: about 150 keys pinned to ISP-proxy addresses
//     in three /24 blocks, 1-6 KB code snippets with requests for
//     line-by-line explanations and improved versions, behind an IDE-like
//     system prompt or a copy of the coding agent's preamble; 2-4 requests
//     an hour per key.
//   - h4_aged_slow: about 400 aged accounts, each with its own residential
//     address, 1-3 requests an hour harvesting reasoning on one or two
//     areas (maths, science, agent-style planning), a fifth of the
//     requests ordinary cover traffic; the platform headers vary, the TLS
//     stack does not.
//
// Legitimate and campaign text come from the same machinery (text.go):
// the same topic, question, document, code, persona and phrasing banks.
// The classes differ in who sends what, how much, how, from where and
// when.
package annotation
