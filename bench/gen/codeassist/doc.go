// Package codeassist generates the "codeassist" trace: six hours of traffic
// to a model API that serves the coding-tools ecosystem, with distillation
// campaigns hidden among its users, and the ground-truth labels.
//
// It was written from the product's problem statement (shared/DESIGN.md),
// the public reports of distillation campaigns and general knowledge of
// how coding tools, SDKs and gateways talk to model APIs — without reading
// sluice's detector (fingerprint, limiter, proxy), its simulator or the
// other generators. It uses only the standard library, bench/genkit and
// internal/tracefmt. Nothing here was tuned against a detector's output.
//
// # The world
//
// The window is Friday 15 May 2026, 14:00–20:00 UTC: US developers at
// work (10:00–16:00 Eastern, 07:00–13:00 Pacific), Europe into its
// evening, East Asia asleep. The provider serves one model family in both
// dialects (OpenAI chat completions, responses and completions; Anthropic
// messages): cobalt-2.5, cobalt-2.5-mini and a dated snapshot
// cobalt-2.5-20260312. At 16:40 UTC the provider releases cobalt-3 (and
// cobalt-3-mini); no request names it earlier. Every account has one key
// (sk-proj-…) sent as a Bearer token on OpenAI paths and as x-api-key on
// /v1/messages. Headers are in each client's wire order: the Stainless SDKs
// (openai-python, anthropic-python over httpx; openai-node, @anthropic-ai/sdk
// over undici) with their x-stainless-* headers, curl, Chrome's fetch with
// its sec-* headers and Origin, python-requests, plain httpx and a Go
// relay (net/http: Host, User-Agent, Content-Length, the rest sorted,
// Accept-Encoding). JA4 prints follow the TLS stack, not the headers: where
// a client forges another's headers, its JA4 gives it away — or not, when it
// really runs the other's software. SDK, Node and Python versions are drawn
// from a spread that lags releases. Addresses come from consumer ISPs (v4
// and v6), mobile CGNAT ranges, cloud providers' ranges, GitHub Actions'
// runner ranges, an enterprise /28, a hackathon venue and a reseller's
// hosting /24. Full has about 89,000 records and Small (the same six hours
// with a third of the accounts of every class) about 30,000.
//
// # Legitimate classes (campaign false), the majority of records (~66%)
//
//   - terminal_agent: Shellwright, an open-source terminal coding agent.
//     700 developers (~580 active in the window), each with their own key,
//     all sending its one large system prompt (plus a per-machine env block)
//     and the same seven tool definitions through the same client stack
//     (the SDK bundled with the release, user-agent "shellwright/x.y.z
//     (external, cli)", x-app and a session-id header). Dialect per user:
//     messages 60%, chat 28%, responses 12%. Sessions follow the user's
//     time zone and work or hobby hours; each opens with a title request on
//     the mini model, then agent loops that re-send the whole history with
//     tool calls and tool results (read_file, grep, edit_file, bash, …),
//     paced by model latency and tool time, with human think time between
//     the user's turns. Homes on consumer ISPs, some behind shared office
//     NATs, a few from cafés. Release 0.15.0, published 50 minutes after
//     cobalt-3, makes it the default for the 60% who auto-update; 18% switch
//     by hand within half an hour or so. ~24,500 records.
//   - ide_plugin: Tabwise, a VS Code extension (openai-node inside
//     Electron, its own user-agent): fill-in-the-middle completions on
//     /v1/completions (prompt + suffix, max_tokens 64–256, temperature 0.2,
//     stream) during coding bursts, and an occasional chat with a fixed
//     system prompt. 70 developers, ~4,100 records.
//   - ci_review_bot: the PRism GitHub Action in 60 organisations, each its
//     own key, one fixed reviewer system prompt and pinned openai-python on
//     GitHub's Linux runners, a fresh runner address per job; triggered by
//     pull requests, and in 30% of organisations also by a half-hourly
//     triage schedule (temperature 0, JSON output) that GitHub starts a few
//     minutes late — synchronised load from many keys on shared
//     infrastructure. A quarter of organisations run Shellwright headless
//     ("sdk-cli") in CI instead. ~2,800 records.
//   - enterprise_gateway: Northwind's 900 developers behind an internal
//     LiteLLM-style gateway: 40 team keys, four egress addresses in one /28,
//     AsyncOpenAI for chat and plain httpx for messages (a gateway's
//     client, not the developers'), the company's system prompt, a "user"
//     field per employee, Shellwright sessions relayed through it, and on a
//     429 (more likely at peak) the same body re-sent on another team key
//     within 0.15–1.5 s. US Eastern and Pacific office hours. ~11,000
//     records. The gateway does not offer cobalt-3 yet.
//   - eval_team: a company's evaluation team, four keys on three VMs of one
//     cloud /24: a HumanEval-style run (pass@10: n=10, temperature 0.8,
//     fixed seed), an MBPP-style run (temperature 0), an agentic SWE-style
//     benchmark with a mini-SWE-agent-like harness (temperature 0) and an
//     LLM grader (rubric, JSON), all from fixed worker pools (regular
//     pacing), first on the pinned snapshot at 14:30 and again on cobalt-3
//     within half an hour of its release; plus ad-hoc temperature-0 checks
//     with logprobs/top_logprobs 5. The benchmark prompts are public: the
//     same for every seed. ~3,000 records.
//   - hackathon: Hack the Stack Berlin opens at 18:00 local (16:00 UTC):
//     100 new accounts, one per team, on the venue's two addresses (now and
//     then a phone's hotspot), each starting with the README's curl smoke
//     test ("Hello, world"), then the starter kit's system prompt (kept by
//     60%) with the team's demo input sent over and over, from Python, Node
//     or a localhost web page; most switch to cobalt-3 within the hour of
//     its release. ~3,800 records.
//   - chat_user: 260 people asking programming questions in a BYOK web chat
//     app (browser fetch, Origin https://app.chatloom.io), its desktop app
//     or a notebook; multi-turn conversations; a slow drift to cobalt-3.
//     ~2,600 records.
//   - docs_bot: a CI/CD SaaS's documentation assistant (one key, one fixed
//     system prompt, retrieved chunks, ~400 requests an hour from two
//     servers) and its ticket-triage job, which runs every five minutes.
//     ~2,200 records.
//   - reseller_customer: the paying customers of an API reseller (below):
//     160 people, 45% in East Asia, with their own SDKs, whose requests the
//     relay forwards (copying user-agent and x-stainless headers, with its
//     own Go TLS stack) on its pool of keys. ~4,600 records.
//
// # Campaign classes (campaign true)
//
//   - naive (naive hydra): 40 fresh accounts on one Vultr /24, identical
//     openai-python 2.8.0 clients, one template ("Write a Python function
//     that {task}. First, think step by step and explain your reasoning …
//     Requirements: …") with a drawn task and two drawn requirements, one
//     request per account every 80–100 s around the clock. ~9,500 records.
//   - disguised (disguised hydra): the same goal by an operator who hides:
//     150 accounts, each a persona with its own stack (SDKs in their
//     population's versions; 15% copy Shellwright's headers and 10% a
//     browser's, most of them from a Python TLS stack), time zone and
//     sessions of 2–9 requests at human pace, a fresh residential or mobile
//     proxy exit per session, paraphrased coding questions (openers ×
//     phrasings × tasks × tails) and follow-ups that ask for the reasoning;
//     thinking (8–12k budget) or reasoning effort high. ~2,900 records.
//   - reseller_harvest: the reseller's own harvesting, injected through the
//     same 14 keys, relay and addresses as its customers: answer-conditioned
//     rationalisations of reference solutions, rubric grading, and coding
//     problems with a 12k thinking budget; more of it while its East Asian
//     customers sleep. Labels carry the key's name (reseller_harvest-keyNN)
//     for both its harvest and its customers. ~3,100 records.
//   - logprob: 20 accounts on three cloud /24s (python-requests or
//     openai-python) recovering next-token distributions over code
//     prefixes: max tokens 1, temperature 0, top_logprobs 20 (or legacy
//     completions with logprobs 5), logit_bias +100 over a block of 300
//     token ids that moves with every request; each prompt probed 8–24
//     times, half the prompts split across 3–5 accounts. ~4,400 records.
//   - agentic: 20 cloud VMs (Hetzner, DigitalOcean, AWS), one fresh account
//     each, running the real Shellwright headless (so its client stack is
//     the legitimate one) on synthetic GitHub issues from popular
//     repositories, with thinking 16k or reasoning effort high, around the
//     clock, resting ~18 minutes between tasks. ~3,000 records.
//   - churn: six slots, each held by a throw-away trial account that is
//     worked at about one request a minute for ~35 minutes (log-normal) and
//     replaced within a minute by a new account on a new residential exit,
//     same openai-node script: code translation with step-by-step
//     explanation and chain-of-thought reconstruction. 53 accounts, ~2,100
//     records.
//   - pivot: a code-review harvest (diffs, "reason step by step", thinking
//     8k, anthropic-python) on 50 aged accounts on two cloud /24s and some
//     residential exits; about 12 minutes after cobalt-3 appears, every
//     account switches to it within three minutes and doubles its pace.
//     ~3,900 records.
//   - low_slow: 120 established accounts, each with one home address and one
//     client of its own, about 0.8–2.2 requests an hour for the whole window
//     (no diurnal dip: they are scripts), each a hard reasoning problem
//     (design trade-offs, proofs, subtle bugs, rationalisation of accepted
//     solutions) with a 16–32k thinking budget or reasoning effort high.
//     ~1,000 records.
//
// # What is deliberately hard
//
// The popular tool and the agentic harvest share one client stack, system
// prompt and tools byte for byte; CI bots run the same agent headless from
// cloud addresses. The enterprise gateway and the reseller both put many
// keys behind a few addresses and one stack, and the gateway re-sends
// bodies on another key after a 429 as a hydra would. The eval team sends
// public prompts at temperature 0 with n>1 and graders in regular rhythm,
// and asks for logprobs. The hackathon is a hundred new accounts on one
// network with a shared template and repeated prompts, arriving together,
// and migrating to the new model within the hour — as do the pivot, the
// eval team and many Shellwright users. Tutoring-like "explain step by
// step" questions occur in legitimate chat. The disguised hydra, the churn
// and the low-and-slow campaign avoid shared infrastructure and templates,
// and low_slow stays near the incident's ~27 requests per account per day.
// The reseller's harvest and its customers share keys, so per-account
// verdicts cannot separate them.
//
// # Simplifications
//
// Responses are not modelled: apart from the gateway's failover, nobody
// reacts to throttling, bans or errors. Texts are drawn from templates and
// vocabularies, so legitimate prompts are less diverse than real ones.
// Model and product names are fictional; JA4 values follow the format and
// differ per stack but are not measured prints. Each class has its own
// random stream (seeded by the seed and the class name), so a change to
// one class does not shift another's draws.
package codeassist
