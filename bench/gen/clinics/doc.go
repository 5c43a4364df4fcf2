// Package clinics generates a blind trace of the "clinics" world: a model
// API (OpenAI- and Anthropic-compatible, one key format for both) that
// serves health-care and legal professional services, with ground-truth
// labels, for measuring sluice's detector once on traffic it has never
// seen. Nothing here was tuned against the detector: the classes model
// what the customers and campaigns of this world would do.
//
// # The world
//
// The window is six hours of a Tuesday in May 2026, 16:00-22:00 US
// Eastern (20:00-02:00 UTC): the end of the clinic day on the East Coast,
// the afternoon on the West Coast, clinicians' evening charting, and
// insurers' evening batch runs. The provider serves halcyon-4 and
// halcyon-4-mini (and dated snapshots that integrators pin); halcyon-4.5
// is released at 18:50 Eastern (Config.Release). Clients are the real
// stacks of the trade, each with its own header set and wire order and
// the TLS print (ja4) of the library that opens the connection:
// openai-python and anthropic-python over httpx (x-stainless-* headers,
// bodies ordered as those SDKs order them, 1.0 for integral floats),
// openai-node v4 and v5 and anthropic-typescript, python-requests, curl,
// Go services (header map order varies per request), Java (Apache
// HttpClient), .NET workers (traceparent), and bring-your-own-key web
// apps in Chrome, Edge, Firefox and Safari. Addresses come from US
// residential, mobile, small-business, cloud, VPS and GPU-cloud ranges,
// IPv4 and IPv6. Some accounts are there from the first minutes (older
// customers), others appear later (sign-ups, onboarded clinics, a
// course's students, new campaign accounts).
//
// # Legitimate classes (about 60% of requests)
//
//   - scribe_vendor: six ambient-documentation vendors. Each backend sends
//     one request per visit (a diarised transcript) under its own fixed
//     system prompt with its production key from its cloud NAT addresses,
//     plus after-visit instructions and regenerations; volume follows the
//     clinic day across US time zones. High volume on few keys with one
//     fixed prompt.
//   - coding_batch: hospital coding and documentation-integrity jobs:
//     discharge summaries at temperature 0 with JSON-schema or tool-forced
//     output, hourly and evening batches with a few workers, steady queue
//     workers, SDK retries that re-send the same body. Cron-like timing.
//   - claims_nightly: an insurer's evening claims run from 20:00 Eastern,
//     six Java workers back to back on one key: extraction, medical
//     necessity checks, member letters. Regular, relentless, templated.
//   - law_review: law firms. An e-discovery platform drives each firm's
//     review key (many firms' keys behind the platform's addresses, one
//     stack) through first-pass review batches; associates use the firm's
//     contract and deposition tool on a desk key, late into the evening.
//   - exam_cohort: the look-alike of a class or hackathon. Dozens of new
//     accounts, all made for tonight's Step 2 CK review session at
//     Riverside University Hospital, on the hospital's network (NAT /24,
//     eduroam IPv6 /48, the course JupyterHub), working through the same
//     block of one question bank from the course notebook, whose template
//     gives the answer key and asks for step-by-step reasoning.
//   - nlp_eval: a clinical-NLP evaluation team: public benchmark items at
//     temperature 0 with chain-of-thought prompts, answer-letter scoring
//     with top_logprobs and max_tokens 1, loglikelihood through
//     /v1/completions with echo, n=5 self-consistency, model-as-judge
//     grading, a nightly CI run and a full run of halcyon-4.5 minutes
//     after its release.
//   - intake_bot: the popular tool. Thousands of clinics each hold their
//     own key and run FrontDoor Intake's one system prompt, tools and
//     client stack (a Windows kiosk app in the waiting room, the hosted
//     web intake from the vendor's cloud in the evening); multi-turn
//     intake conversations with tool calls. Some clinics onboarded today.
//   - hospital_gateway: Northbay Health's AI gateway: a pair of keys per
//     application behind four addresses of one /28, balanced, some
//     rotated mid-window (new keys on the same addresses), and failover
//     on 429 that re-sends the same body on the sibling key.
//   - pro_individual: clinicians, attorneys and paralegals with their own
//     keys and assorted clients, from home or office, in short sessions;
//     some sign up today, some try halcyon-4.5.
//   - reseller_customer: CarePath API Hub's customers (small practices,
//     legal-tech startups) relayed by its Go gateway, which passes their
//     client headers on (SDK headers over a Go TLS print) with keys of
//     its pool, from three addresses. The pool's accounts are named
//     reseller-pool-NN (ResellerPrefix) since the pool also carries
//     reseller_harvest.
//
// # Campaigns
//
//   - naive: a hydra of about a thousand accounts registered today,
//     launched 35 minutes in and activated in quarter-hour waves, one
//     python-requests script from two VPS ranges, a task every twenty
//     minutes per account: differential diagnosis with the full chain of
//     reasoning, four templates, one system prompt.
//   - disguised: a hydra that works to pass as professionals: aged and
//     fresh accounts, client profiles copied from the real population
//     (SDKs, impersonated browsers), a fresh residential proxy exit per
//     session, human hours and think times, personas and paraphrase,
//     follow-ups, cover traffic; still medical and legal reasoning.
//   - reseller_harvest: the reseller's own harvest in its customers' pool:
//     four steady workers, strict key rotation, one pinned SDK behind the
//     gateway; answer-conditioned rationalisation of public question banks
//     and bar questions, and rubric grading with improved rewrites.
//   - logprob: a score of accounts on GPU-cloud addresses repeating one
//     prompt with max_tokens 1, temperature 0, top_logprobs 20 and a
//     logit_bias sweeping ~300 vocabulary ids at a time; some through the
//     legacy completions endpoint with echo.
//   - agentic: harnesses that give the model a clinical or legal task and
//     tools, answer its calls from a simulator within a second or two,
//     and feed the growing trajectory back, episode after episode.
//   - churn: a few slots, each driving a fresh account hard until it is
//     throttled or banned (within the hour, typically), then moving to a
//     new account and proxy and re-sending what failed.
//   - pivot: aged accounts behind static ISP-proxy addresses harvesting
//     extended-thinking reasoning on halcyon-4, switched as one to
//     halcyon-4.5 within minutes of the release, and speeding up.
//   - low_slow: a boutique of a handful of long-lived personas, each with
//     its own client and home line, sending a few hand-written high-value
//     requests an hour (rubric grading and rewrites, hard cases).
//
// Campaign scale follows the reported incident (about 27 requests per
// account per day over tens of thousands of accounts), scaled to one
// window of one provider: hundreds to a thousand accounts per hydra, tens
// of requests per account per day for the naive one.
package clinics
