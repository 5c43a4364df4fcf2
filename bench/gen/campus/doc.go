// Package campus generates the "campus" trace: six hours of a model API
// that serves education and research, with eight kinds of distillation
// campaign hidden among universities, schools, tutoring apps, research
// groups, a learning-management-system plugin and a university gateway.
//
// It was written from the problem statement (shared/DESIGN.md), the
// public reports it cites and general knowledge of how these clients and
// users behave, without reading sluice's detector (limiter, fingerprint,
// proxy), its simulator or any other generator. Nothing in it was tuned
// against a detector's output.
//
// # Window and world
//
// Tuesday 6 October 2026, 11:00 to 17:00 UTC: the afternoon of a central
// European university (13:00-19:00 local), with homework traffic rising
// towards the evening. One provider serves both dialects (OpenAI chat
// completions, responses and completions; Anthropic messages) and the same
// model names on both. At 13:40 UTC (Config.Release) a new model,
// "claude-opus-5", is released; until then it appears nowhere.
//
// Full (Scale 1) writes about 115,000 records, Small (Scale 0.33) about
// 38,000: Small has the same window, classes and schedule, with fewer
// accounts in the many-account classes and lower rates in the few-key ones.
// Keys are sk-proj- (people, projects) or sk-svcacct- (services), 56
// base62 characters, one per account; /v1/messages requests carry it in
// x-api-key, the OpenAI paths as a Bearer token. Labels name accounts
// CLASS-N, except the reseller's keys (reseller-NN), which carry both of
// its classes.
//
// # Clients
//
// Headers are written in each stack's wire order and spelling, as a Go
// server sees them (Host is not a header there): the Stainless SDKs
// (openai-python and anthropic-python over httpx: title-case names and
// X-Stainless-* headers, sync or async; openai-node and
// anthropic-sdk-typescript over undici: lower-case names plus undici's
// accept-language/sec-fetch-mode), browsers' fetch() from bring-your-own-
// key web pages (Chrome, Firefox, Safari headers with sec-ch-*, origin,
// referer; Anthropic's direct-browser-access header), curl, python-requests,
// PHP Guzzle and Go net/http. Bodies follow the serialiser: the Python SDKs
// put required parameters first and the rest in alphabetical order; JS and
// hand-written clients keep the caller's order; a Go relay re-marshals
// from a map (keys sorted at every level, HTML escaped). JA4 prints are
// tied to the TLS stack: the browsers' are published values; the others
// have a plausible first part (cipher and extension counts, ALPN) and
// synthetic but stable hashes per stack (python OpenSSL 3 vs 1.1, urllib3
// without ALPN, node 20/22, curl, PHP curl, Go).
//
// # Legitimate classes (campaign false)
//
//   - lab_session: five lab sessions of 30-55 students (211 accounts in
//     Full), each of a different course, 90 minutes. Every student creates
//     a key in the first quarter hour and says hello; the lecturer
//     announces an exercise every nine minutes and most students paste the
//     same exercise text (sometimes with their attempt or in their own
//     words) within a few minutes of each other, with follow-ups. Three
//     rooms are identical Windows lab PCs running one Chrome build behind
//     two lab NAT addresses, calling the course's web page; two sessions
//     run the course's notebook on the JupyterHub (one address, one SDK
//     build, one system prompt, temperature 0.2). Hard: many brand-new
//     accounts, one network, one client, one template, synchronised, all
//     asking for step-by-step STEM explanations.
//   - eval_research: three research groups (seven service keys) on the
//     HPC cluster or a cloud VM running public benchmarks (fixed items
//     identical for every seed, as a published benchmark is): temperature
//     0 with a CoT system prompt, self-consistency with n=8, graders that
//     score solutions against a rubric as JSON, and calibration runs with
//     max_tokens 1, logprobs and top_logprobs 20. Fixed worker pools give
//     regular timing; jobs start on scheduled times; the math-education group
//     benchmarks the new model 25 minutes after its release. Hard: CoT,
//     grading and the log-probability shape without logit_bias.
//   - lms_plugin: 1,500 teachers, each with their own key, using the LMS
//     plugin from their school's server (300 schools) or the hosted LMS
//     range (40%): one PHP Guzzle stack, one system prompt skeleton with
//     the course filled in, five task templates (quiz questions, rubric
//     feedback on student answers, worked examples, lesson plans,
//     summaries), temperature 0.7, 1-12 requests per teacher in one
//     sitting. Hard: a shared template and client over thousands of keys,
//     rubric grading, worked solutions.
//   - it_gateway: the university IT gateway (LiteLLM-like, async Python
//     SDKs) sends all 500 staff keys from four addresses of one /29 with one
//     client build; staff chat about email, grants, code, statistics and
//     teaching, 30% move to the new model within hours. Three departmental
//     pipelines rotate three keys round-robin to summarise archives at a
//     steady 10 per minute. Hard: hundreds of keys on one address range
//     and one stack; key pools that spread load evenly.
//   - tutoring_app: three homework apps (StepWise on openai-node with
//     streaming, MathMentor on anthropic-python, ChemPal on Go with the
//     responses API), 2-4 backend keys each, on a few cloud addresses, one
//     fixed system prompt each demanding numbered steps, every student's
//     question in casual wording with typos, 30% follow-ups in the same
//     conversation; 67 requests a minute at the end of the window.
//     MathMentor switches all its keys to the new model 18 minutes after
//     the release. Hard: the largest STEM step-by-step volume in the trace
//     comes from here, through few keys, plus a cluster-wide switch to the
//     new model.
//   - personal_chat: 900 students and staff with personal keys, through
//     bring-your-own-key web apps, notebooks, scripts and curl, from the
//     campus Wi-Fi NAT pool (shared by many) or home; multi-turn chats
//     about everything including homework; 40% of Anthropic users try the
//     new model, some within minutes.
//   - course_assistant: two apps with one fixed system prompt and
//     retrieved context: the library's help bot and a department's
//     syllabus bot (cached system block), one key and one server each.
//   - coding_agent: 140 users of one open-source coding agent ("quill",
//     anthropic-sdk-typescript with its own user-agent and beta headers),
//     identical long system prompt and tool definitions, multi-step
//     tool-use trajectories with growing history a few seconds apart.
//   - reseller_customer: about 1,000 students who buy cheap access from a
//     relay (see reseller_harvest); their chats are ordinary.
//
// # Campaigns (campaign true)
//
// The incident behind the design (28.8 million exchanges from ~25,000
// accounts in six weeks, ~27 per account per day) is a harvest spread
// thin. In a six-hour window the hydras here run at roughly 2-10 times
// that daily rate per account-hour of activity, still far below any
// per-key limit (no campaign key averages more than about one request a
// minute, though an agent's steps come seconds apart); what they share is
// the cluster.
//
//   - naive: 120 accounts opened within eight minutes of each other, one
//     openai-python build, eight consecutive addresses of one hosting /24,
//     one exact template ("Solve the following problem. Show your complete
//     step-by-step reasoning ... \boxed{}") over contest-style math, one
//     request every seven minutes per account with 5% jitter.
//   - disguised: 450 accounts, 60% active from the start and the rest
//     brought in over the window; a different residential-proxy address
//     (IPv4 and IPv6 ISP ranges) each session; six client stacks
//     (openai/anthropic Python and Node SDKs at various versions and a
//     curl_cffi-style Chrome impersonation whose TLS is Chrome's but whose
//     headers are a navigation's); both dialects and several models;
//     wording from openers × problems × closers, typos, 25%
//     answer-conditioned rationalisation ("the answer is X, derive it"),
//     follow-ups that ask to expand a step; sessions of 3-9 requests with
//     log-normal think times (median 75 s) and 50-minute gaps.
//   - reseller_harvest: a relay that sells access to students through 30
//     keys on three addresses of one /28 with a Go client (bodies
//     re-marshalled, customer headers dropped). Besides its customers it
//     runs its own harvest through the same keys at a steady 12 requests a
//     minute: worked solutions, answer-conditioned rationalisations and
//     rubric grading followed by "rewrite it to score 10", temperature 1,
//     8192 tokens; part moves to the new model. Customers and harvest
//     share keys, addresses and client; only content and pacing differ.
//   - logprob: 24 accounts on four cloud addresses with python-requests;
//     every 80 s per account a prefix ("Q: ... A: Let's think step by
//     step.") is sent with max_tokens 1, temperature 0, logprobs 5
//     (completions) or top_logprobs 20 (chat), and a logit_bias of 200-300
//     token ids set to +100, sweeping 40 blocks before extending the
//     prefix by one word.
//   - agentic: 50 accounts in one cloud range run a copy of the coding
//     agent (its system prompt, tools, user-agent and beta headers) from
//     anthropic-python or, for 30%, openai-python with function tools;
//     the tasks are math and science problems worked with python in the
//     shell and written up as solution.md; 5-13-step trajectories, steps
//     seven seconds apart, about 1.4 trajectories per account-hour. The
//     user-agent says node while the X-Stainless headers and JA4 say
//     Python.
//   - churn: twelve slots, each holding one fresh account at a time on a
//     new mobile-carrier address; an account lives about 18 minutes
//     (~20 requests, one a minute) and is replaced 30 s-3 min after its
//     last request; one openai-node build, five templates demanding
//     detailed reasoning.
//   - pivot: 70 established accounts (from the window's start) on ten
//     hosting addresses, anthropic-python, prompts aimed at the thinking
//     channel with a 4,000-token thinking budget on the current model;
//     5-12 minutes after the release every account moves to the new model
//     with a 16,000-token budget and speeds up from 8 to 14 requests an
//     hour.
//   - low_slow: 260 accounts that look like ordinary users: each with its
//     own home address and its own client (browsers, SDKs), active from
//     the window's start, 2-4 single-turn requests an hour (Poisson) for
//     all six hours, twelve loose templates over the whole STEM problem
//     bank, both dialects.
//
// # Deliberately hard
//
// Step-by-step STEM content is everywhere, legitimately (tutoring apps,
// labs, LMS worked examples, benchmarks). The legitimate classes include
// the shapes each campaign has: synchronised new accounts on one network
// (lab_session), temperature 0, n>1, graders and max_tokens-1 logprobs
// (eval_research), thousands of keys with one template and one stack
// (lms_plugin, coding_agent), many keys on one range with round-robin
// pools (it_gateway), fixed system prompts through few keys (tutoring_app,
// course_assistant) and release-day switches (tutoring_app, eval_research,
// personal_chat). The campaigns in turn vary in what they hide: low_slow
// and disguised share no network and little template; the reseller's
// harvest hides behind its customers' keys; agentic copies a popular
// tool's preamble.
//
// # What is not modelled
//
// Responses and their effects (429s, retries after a throttle, bans that
// trigger replacement), account age before the window, and content beyond
// the template banks here: the problem bank has 24 generators, so
// unrelated users asking about the same kind of exercise is common, as on
// a real campus.
package campus
