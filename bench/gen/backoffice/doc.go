// Package backoffice generates the "backoffice" trace: six hours of traffic
// to a model API that serves enterprise back-office work, with eight kinds
// of distillation campaign hidden in it, and the ground-truth labels.
//
// It was written from DESIGN.md's problem statement and record contract,
// bench/genkit and internal/tracefmt only — without reading sluice's detector
// (limiter, fingerprint, proxy), its simulator, the other generators or
// the held-out traces — so that it measures detection on traffic the
// detector was never tuned on. It models the world, not the detector.
//
// # Window and scale
//
// Tuesday 19 May 2026, 12:00–18:00 UTC: morning in New York, afternoon in
// Frankfurt, night in Manila and Sydney (when the nightly batches run).
// A new model, gpt-5.5, is released at 15:05 UTC; nobody sends it before.
// Full is about 86,000 records (170 MB); Small (the CI trace) keeps 30% of
// every class's accounts — or, for the classes with a handful of
// high-volume keys, 30% of their volume — over the same six hours: about
// 26,000 records and 52 MB, every class present and every campaign running
// the whole window. Rates per account and the timeline do not change.
// Same seed, same bytes: every class draws from its own PCG stream.
//
// The API speaks both dialects. An account holds one key of one dialect:
// sk-proj-/sk-svcacct- keys (Authorization: Bearer) for chat completions,
// responses and completions; sk-ant-api03- keys (x-api-key,
// anthropic-version) for messages. Headers are in wire order with each
// stack's own names and casing: openai-python and anthropic-python (httpx,
// x-stainless-*, python body order: the create() signature's leading
// parameters then the rest alphabetically), openai-node and the Anthropic
// TS SDK (undici), the Anthropic SDK in a browser
// (anthropic-dangerous-direct-browser-access, sec-ch-ua, origin), a web
// page's fetch, curl, python-requests, aiohttp, Go net/http (canonical
// names, sorted), Go HTTP/2 gateway software, openai-java (OkHttp), OpenAI
// .NET, LiteLLM (openai-python async). Each stack has a JA4 print of its
// TLS library; a TLS-inspecting middlebox replaces the print with its own.
// Counts below are Full's.
//
// # Legitimate classes (campaign false, about 65% of records)
//
//   - finance_desk: finance and insurance teams behind corporate proxies.
//     Halvard Re (Frankfurt), 220 keys on 4 egress addresses, every request
//     through a TLS-inspecting Blue Coat ProxySG (one JA4 for all, a Via
//     header, X-Forwarded-For with the desktop's 10.42.x address); clients
//     from the standard desktop image: openai-python 1.109.1 on Windows,
//     the .NET SDK (an Excel add-in), openai-java. Brightwater Capital (New
//     York), 180 keys on 3 addresses behind Zscaler; Anthropic and OpenAI
//     SDKs on Macs. Office-hour sessions (0.3–1.5 an hour per person, about
//     three requests each, a minute or two apart), multi-turn with the
//     history re-sent; documents pasted in (statements, claims, invoices,
//     contract clauses) with analysts' own asks, some "step by step".
//   - doc_pipeline: nightly batches, 8 service keys, fixed system prompt +
//     one document per request, temperature 0, machine pacing (worker
//     lanes, each sending as soon as the previous answer is back) and SDK
//     retries of the identical body (x-stainless-retry-count 1) after a
//     429/529. Sable & Finch LLP contract review (Sydney, anthropic-python,
//     4 keys × 4 lanes, 3,000 documents from 12:05), Pacific Rim Logistics
//     invoice extraction (Tokyo, Go client, json_schema, 2 keys × 6 lanes,
//     2,400 from 15:00), Westmark claims intake (responses API, strict JSON
//     schema, 1,500 from 16:30).
//   - bpo_agents: a Manila BPO's agents on one internal web tool (Anthropic
//     SDK in Chrome, one origin, two NAT addresses), one key per agent, 90
//     agents a shift; shift B leaves and shift C arrives around 14:00 UTC,
//     so 90 keys stop and 90 others start within minutes. 3–6 tickets an
//     hour: classify (fixed system prompt) then draft (fixed system prompt),
//     sometimes a revision; breaks and lunch.
//   - rag_assistant: an internal policy assistant with one 1.5 kB system
//     prompt, retrieved passages and the question, streamed; 3 keys
//     (prod-us, prod-eu, staging) on a few cloud addresses, up to ~1,000
//     requests an hour. Staging moves to gpt-5.5 ten minutes after the
//     release, production 95 minutes after: the whole app's traffic switches
//     model at once.
//   - redteam: 6 internal red-teamers: scripted harness runs (30–90 probes,
//     ~14 s apart) of prompt injection, system-prompt extraction, "show your
//     hidden chain of thought", "rewrite this safely", each answer graded by
//     the model against a rubric; manual sessions in between; most of their
//     traffic on gpt-5.5 within minutes of its release.
//   - qa_regression: QA's CI: 3 keys, a fresh runner address each run, a
//     fixed suite (identical prompts every run) at temperature 0 with seed,
//     n=5 consistency checks, and a judge call per second case. Core suite
//     hourly at :00 on both dialects, golden extraction suite every two
//     hours at :30, an extra run on gpt-5.5 25 minutes after release and
//     hourly after.
//   - onboarding_cohort: a new subsidiary's 150 employees, keys issued the
//     same day, all on one office NAT, one sandbox web page (browser fetch),
//     following a workshop from 13:10: the same exercise prompts (an
//     identical policy text, an identical sample invoice to extract as JSON)
//     within minutes of each other, then free use.
//   - saas_crm: a CRM email assistant, bring-your-own-key: 1,500 tenants'
//     keys, all from the vendor's 6 AWS egress addresses, one openai-node
//     build, one system prompt template (tenant name slot) and CRM context;
//     per-tenant rates lognormal (median 0.6 an hour). 6% of tenants pick
//     gpt-5.5 once the vendor offers it (an hour after release).
//   - saas_ticketing: ticket triage with tools (set_priority, assign_team,
//     add_tags, draft_reply), 900 tenants' Anthropic keys from 4 GCP
//     addresses, anthropic-python, tool_choice any, some tool_result turns.
//   - key_gateway: a retailer's LiteLLM gateway rotating a pool of 60 keys
//     round-robin from 2 addresses for several internal apps (fixed system
//     prompts), failing over to the next key with the same body on a 429.
//   - chat_users: 350 people with their own keys, home or office addresses
//     in their region, every kind of client, multi-turn chats with the
//     history re-sent, all models (thinking on opus sometimes); OpenAI users
//     try gpt-5.5 after an exponential delay (mean 40 minutes).
//   - fixed_prompt_apps: 20 small internal apps, one key and one fixed
//     system prompt each (expense categoriser, clause tagger, meeting notes,
//     translator, ...), steady server traffic; two switch to gpt-5.5.
//   - reseller_customer: the real customers of the reseller below.
//
// # Campaigns (campaign true, about 35% of records)
//
// All want what the published campaigns wanted from this kind of model:
// structured extraction, legal and financial analysis with the reasoning
// written out, and tool-use trajectories. Per-account volume stays under
// any per-key limit.
//
//   - naive: 48 accounts from two hosting /24s, identical python-requests
//     stack, one template ("Extract all fields ... explain your reasoning
//     step by step") over invoices and statements, one request every 150 s
//     (±6 s) per account, all started by one script together.
//   - disguised: 260 accounts (about 240 active in the window) posing as analysts, paralegals and finance
//     staff in America, Europe and Asia: office-hour sessions (0.5–1.6 an
//     hour, ~3.5 requests with human gaps), a residential proxy exit per
//     session in the persona's region, the whole spread of client stacks (a
//     fifth of them a Go harness with copied SDK headers — the TLS print
//     contradicts the user agent), 14 framings with personas, casing and
//     typos, follow-up turns, answer-conditioned rationalisation ("our
//     counsel concluded X; write the reasoning") and rubric grading.
//     High reasoning effort and large thinking budgets on both dialects.
//   - reseller_harvest: Tessellate, an API reseller with 24 keys (a third of
//     them Anthropic) behind 3 addresses and its Go HTTP/2 gateway; 120
//     customers each hashed to one key (reseller_customer). The reseller
//     injects a flat 270 requests an hour round-robin over all the keys,
//     day and night: one internal system prompt, "## Task / ## Document /
//     ## Output" prompts, reasoning on. Both classes share the keys; the
//     label's account is the key's ("reseller-tess-NN") for both.
//   - logprob: 12 accounts on AWS, openai-python: one classification prompt
//     repeated 6–17 times with max_tokens 1, temperature 0, top_logprobs
//     20 and a different logit_bias of 100–250 token ids each time; soft
//     labels for whole answers (top_logprobs 20); legacy completions with
//     logprobs 5 and logit_bias. About 50 requests an hour per account.
//   - agentic: 36 accounts, anthropic-python from GCP: finance-operations
//     agent trajectories (reconcile a statement, check payment terms, find
//     duplicate payments) with six tools, thinking on, 3–6 steps, the
//     history (thinking blocks with signatures, tool_use, tool_result) re-
//     sent each step; the operator's simulated tools answer at once.
//   - churn: 10 lanes of trial accounts, each used ~30 minutes (a request
//     every ~50 s) then replaced within 20–90 s by a fresh key on a fresh
//     residential address; one openai-node build; one clause-review prompt
//     with three wordings. 115 accounts in Full.
//   - pivot: 40 accounts on DigitalOcean, responses API: 3–5 requests an
//     hour on gpt-5.2 until a config push 10–20 minutes after the release,
//     then 14–20 an hour on gpt-5.5 with reasoning effort high, reasoning
//     summaries and encrypted reasoning content requested.
//   - low_slow: 320 accounts that look established: a static home or office
//     address each, their own client stack, active from the first minute to
//     the last at 1–3 requests an hour (a mild office-hour swell), four
//     framings, thinking/reasoning on.
//
// # What is deliberately hard
//
// Every campaign signal has a legitimate twin in this world: shared
// templates across thousands of keys (saas_crm, saas_ticketing), one
// client stack and one network for many new keys on one day
// (onboarding_cohort, which even sends identical extraction prompts),
// hundreds of keys on four addresses with one TLS print that contradicts
// their user agents (finance_desk behind inspection proxies), keys
// rotating evenly like a load balancer with identical bodies replayed on
// another key after a 429 (key_gateway), temperature 0, n>1 and graders on
// a schedule (qa_regression), chain-of-thought and "rewrite safely"
// requests and rubric grading (redteam), machine-paced identical-template
// extraction (doc_pipeline), a whole app switching to the new model at
// once (rag_assistant) and keys that appear and vanish together
// (bpo_agents' shift change). On the other side, disguised and low_slow
// vary wording, clients and networks and keep human pacing; only their
// narrow subject matter, reasoning-heavy knobs and aggregate volume give
// them away. The reseller's harvest hides inside keys that mostly carry
// honest traffic, and the churn campaign's accounts live too briefly for
// per-account history.
package backoffice
