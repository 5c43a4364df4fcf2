// Package marketplace generates the "marketplace" trace: six hours of
// requests to a model API that sits behind an API marketplace and its
// ecosystem, with eight kinds of distillation campaign hidden among
// legitimate traffic that looks like them, and a label for every record.
//
// It was written from the problem statement (DESIGN.md), the trace and
// label format (internal/tracefmt) and the shared plumbing (bench/genkit)
// alone, without reading sluice's detector, its configuration, or any other
// traffic generator, and nothing was tuned against a detector. Everything
// below is a modelling choice made from public descriptions of such
// traffic.
//
// # Window
//
// Thursday 14 May 2026, 14:00-20:00 UTC: morning to early afternoon in the
// Americas, afternoon and evening in Europe, night in East Asia. People's
// traffic follows a local-time activity curve per region (0 Americas,
// 1 Europe, 2 Asia-Pacific). A new model, claude-sonnet-5 (NewModel), ships
// at 17:05 UTC (ReleaseAfter) and is served in both dialects.
//
// Full(seed) is the whole window, about 122,000 records; Small(seed) is the
// same window with Scale 0.33: a third of the accounts of the many-account
// classes and a third of the rate of the few-account ones, about 41,000
// records, every class present and every campaign running the whole
// window. Same seed, same bytes: the generator carries its own splitmix64
// stream so that the output does not depend on the Go release. Each class
// (and mostly each account) draws from a stream of its own, named by the
// class and account index.
//
// # Clients and networks
//
// A client is a header set in wire order plus a TLS print: openai-python
// and anthropic-python over httpx (x-stainless-* headers, keyword-ordered
// bodies), openai-node and the Anthropic JS SDK over undici (with undici's
// accept-language "*" and sec-fetch-mode), curl typed from the docs,
// browsers calling the API directly (sec-ch-ua, origin; Anthropic's
// direct-browser-access header), python-requests, an aiohttp chat-UI
// backend and gateways written in Go (sorted headers, HTML-escaping
// encoder). The ja4 strings are synthetic but fixed per TLS stack.
// Credentials: "Bearer sk-proj-..." on the OpenAI paths and x-api-key
// "sk-ant-api03-..." with anthropic-version on /v1/messages, one key per
// account. Addresses come from residential /16s per region (some IPv6),
// a small pool of mobile-carrier NAT egress addresses that unrelated
// subscribers share, hyperscaler and VPS ranges, and small blocks (a
// corporate NAT, a gateway's egress, a venue's uplink).
//
// # Legitimate classes (campaign false); Full sizes
//
//   - human_chat: about 630 active people (650 drawn) with their own keys:
//     scripts on the SDKs, BYOK web chat apps in the browser, self-hosted
//     chat UIs, curl. Home or mobile addresses, sessions of multi-turn
//     conversations with think times, questions on coding, life, study,
//     translation, in several languages, typed with typos. Some adopt the
//     new model within minutes, more over the following hours.
//   - app_fixed_prompt: seven startups (ten keys) whose servers send one
//     fixed system prompt for every end user: a nutrition coach, a tutor
//     that must show step-by-step reasoning, a RAG documentation bot, a
//     language-practice partner (multilingual), a listing writer that
//     switches to the new model 52 minutes after release, a SQL
//     assistant, a meeting summariser. Diurnal, a few cloud addresses each.
//   - aggregator_gateway: a marketplace aggregator ("RelayMesh") forwarding
//     thousands of end users through a pool of 48 keys and three /28
//     egress blocks, with the end apps' attribution headers; it rotates keys
//     and on a 429 replays the same body on another key within seconds
//     (2%). Its users take up the new model quickly.
//   - enterprise_gateway: an insurer's 120 team keys behind one corporate
//     NAT and a TLS-inspecting egress proxy (so the ja4 contradicts the
//     SDK headers, legitimately), one internal system prompt per team,
//     US office hours.
//   - support_platform: a customer-support SaaS used by 260 companies,
//     each with its own key (BYOK) but the platform's one template
//     (persona, knowledge base, policies), one node client stack and one
//     egress block; multi-turn chats with order-lookup tool calls.
//   - popular_tool: "tessellate", an open-source coding agent CLI: 1,400
//     users, each with a key, one system prompt and tool set, the Anthropic
//     JS SDK with varied node versions and OSes, from homes and offices;
//     agent loops of tool calls plus a title request per task. Version
//     1.10.0 ships 35 minutes after the release with the new model as
//     default and users update over the afternoon.
//   - batch_jobs: three jobs at a steady machine pace: a Japanese
//     retailer's overnight catalogue translation into five languages (one
//     template, every product five times in a row), a fintech's ticket
//     labelling at temperature 0, a newsletter's 90-minute digest run.
//   - eval_team: an evaluation team (five keys) whose CI runs the same
//     public-benchmark items (identical for every seed, as public
//     benchmarks are) every hour at :05 with eight workers: multiple
//     choice, maths with "Let's think step by step" and n=3 at temperature
//     0, code with n=5, plus rubric graders; and a full run on the new
//     model 12 minutes after its release.
//   - datasci_logprobs: a data-science team (four keys) running
//     classification and calibration sweeps: max_tokens 1, temperature 0,
//     logprobs with top_logprobs up to 20, logit_bias on the label tokens,
//     and legacy completions scoring.
//   - demo_day: an accelerator's demo day: 60 brand-new accounts on the
//     venue's two addresses, rehearsals from 15:00, then a three-minute
//     slot per team from 16:30 and the audience trying each app after it.
//   - reseller_customer: the real customers of an API reseller (Go
//     gateway, 24 keys, two egress addresses in one cloud), mostly Chinese
//     and American chat users.
//
// # Campaigns (campaign true); Full sizes
//
//   - naive: 120 keys on six VMs in one /24, one pinned openai-python
//     stack, one dispatcher handing a job to the next key every 3 s (each
//     key every 6 minutes, all day), one template: translate a sentence
//     into one of 18 languages and explain the choices step by step.
//   - disguised: 350 accounts, each with a persona region; residential
//     proxy exits sticky per session; five client stacks (pinned versions,
//     randomised OS headers), some through the same BYOK web apps people
//     use; human-like sessions with think times and follow-ups; writing,
//     knowledge, rewriting and grading tasks written through a paraphrase
//     grammar, most asking for the reasoning, a quarter in another
//     language.
//   - reseller_harvest: the reseller's own harvest through the customers'
//     keys, gateway and addresses, at a flat rate day and night:
//     answer-conditioned rationalisation (English and Chinese), rubric
//     grading with rewrite, multilingual answers with reasoning, with
//     thinking or high reasoning effort. Its keys are labelled "reseller-N"
//     for both classes, so gentest.CheckRecords' one-class-per-account rule
//     does not apply; the tests check the rest of it themselves.
//   - logprob: 24 keys on single cloud addresses, python-requests or
//     openai-python: one prompt repeated 40-120 times with a different
//     300-token logit_bias sweep each time, max tokens 1, temperature 0,
//     top_logprobs 20 (or completions logprobs 5), every ~2 minutes.
//   - agentic: 140 keys on cloud VMs running tessellate 1.9.4 headless
//     (the same system prompt, tools and SDK as the legitimate users, but
//     one runtime and Linux everywhere), tasks from one generator shape,
//     8-16 step trajectories back to back, around the clock.
//   - churn: twelve slots of short-lived keys: each key works for about 25
//     minutes (about 35 requests), then is dropped and the next one starts
//     within seconds; rotating mobile-proxy exits; writing in many
//     languages with an explanation of technique; about 150 keys.
//   - pivot: 160 keys on a pool of 24 VPS addresses, anthropic-python
//     with thinking, reasoning-heavy questions at 3 per key per hour; 6-18
//     minutes after the release the whole cluster moves to the new model
//     within five minutes and doubles its rate.
//   - low_slow: 450 accounts that look established: each its own static
//     residential address and a varied client stack, about two requests an
//     hour for the whole window, single-turn knowledge, writing and
//     multilingual questions, half asking for thorough reasoning.
//
// # What is deliberately hard
//
// Templates are shared by legitimate crowds (the tool, the support
// platform, the fixed-prompt apps, the eval suite), whole key pools sit
// behind one address range (aggregator, enterprise, reseller, venue),
// legitimate traffic asks for step-by-step reasoning (tutor, eval), uses
// logprobs and logit_bias (data science) and grades answers (eval
// graders), migrates to the new model within minutes (eval, early
// adopters, aggregator users), and replays a body on another key after a
// 429 (aggregator). On the other side the disguised and low-and-slow
// campaigns use residential addresses, varied stacks and human pacing; the
// agentic campaign wears the popular tool's exact prompt and client; and
// the reseller's harvest shares every trait of its real customers but
// its content and its flat clock.
//
// # Limits
//
// The text is generated from banks and slot grammars, and the earlier
// answers in multi-turn requests are generic filler, so bodies are less
// diverse than real traffic. There are no responses and no 429s: the
// trace is the traffic as sent, before any decision.
package marketplace
