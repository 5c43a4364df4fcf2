// Package freight generates the traffic of Tidewater Labs
// (api.tidewater.ai), a model API vendor serving both dialects — OpenAI
// chat completions on /v1/chat/completions with Bearer keys and Anthropic
// messages on /v1/messages with x-api-key and anthropic-version — to the
// logistics and transport trade, over a window of one to two days in which
// the vendor releases a new model, tide-3.
//
// # The world
//
// One account is one API key. Every request carries the header set, header
// order and body serialisation of the client that sent it (the official
// Python and TypeScript SDKs with their x-stainless headers and versions,
// python-requests, curl, a Go backend, an Android app) and the ja4 of that
// client's TLS stack. Addresses come from corporate blocks, cloud egress,
// carriers' mobile CGNAT (drivers), home broadband (some IPv6), VPN exits
// and cheap hosting. Activity follows local working hours, dispatch hours,
// drivers' days, warehouse shifts or night batch windows in US, European
// and Asian time zones. Most legitimate accounts exist before the window;
// some sign up during it (new staff, plugin installs, a school cohort).
//
// # Legitimate classes (campaign false), the majority of the traffic
//
//   - staff_chat: dispatchers, brokers, billing and warehouse office staff
//     of a few dozen companies chatting through an internal tool or their
//     own scripts, short multi-turn conversations; some move to tide-3.
//   - dispatch_plugin: LoadPilot, a TMS plugin whose thousand-plus users
//     bring their own keys; one fixed system prompt and tool set, one
//     pinned SDK build on desktops and one Android app on mobile networks.
//   - telematics_app: RigTalk, an in-cab assistant; a Go backend sends a
//     fixed system prompt and the truck's live data on two production keys
//     and a staging key, around the clock.
//   - marketplace_support: HaulHub's help-center bot: fixed system prompt,
//     retrieved articles, streaming, two keys.
//   - shipping_gateway: Meridian Lines routes every team through one
//     gateway: a pool of keys behind a handful of addresses, rotated per
//     request, resending the same body on another key after a 429.
//   - customs_batch: customs brokerages extracting invoice fields each
//     night, one worker per key at a steady pace, temperature 0, JSON mode.
//   - driver_school: a CDL school's cohorts sign up at the start of class
//     on the campus network, from one lab image, and all ask the same
//     step-by-step assignment questions.
//   - eval_team: an evaluation team runs the public FreightQA benchmark at
//     temperature 0 (multiple choice scored from top_logprobs with
//     max_tokens 1, n=5 samples, a model grader) and reruns it on tide-3
//     on release day.
//   - warehouse_agents: WMS assistants calling inventory tools in
//     multi-step exchanges, around three shifts.
//   - reseller_customer: the small apps that buy access from the reseller
//     RouteRelay, each bound to one of its keys.
//
// # Campaigns (campaign true)
//
// Per-account rates stay near the reported ~27 exchanges a day (a few a
// day for low_slow); the operators use the evasions of the reports.
//
//   - naive: one python-requests script, seventy keys served round-robin
//     from three rented servers, one chain-of-thought template, day and
//     night; a 429 resends the body on the next key.
//   - disguised: a hydra of accounts arriving in waves, each posing as a
//     developer: varied official SDKs and platforms (some JS headers over
//     the Python harness's TLS), sticky residential proxy sessions, a
//     persona time zone, reworded rationalisation, rubric-grading,
//     think-hard and "rewrite safely" prompts mixed with ordinary
//     questions; it moves to tide-3 within hours of the release.
//   - reseller_harvest: RouteRelay's own harvest through the same keys,
//     addresses and client as its customers, spread evenly round the
//     clock, asking for written-out reasoning with a thinking budget.
//   - logprob: each key repeats one prompt with max_tokens 1, temperature
//     0, top_logprobs 20 and a logit_bias sweeping 300 token ids at a time.
//   - agentic: Anthropic-dialect coding-agent trajectories with tools and
//     fabricated tool results, thinking enabled, from VPN exits and hosts.
//   - churn: parallel slots of trial keys that live a few hours and are
//     replaced within seconds; the request that hit the ban reappears on
//     the new key.
//   - pivot: a cluster harvesting reasoning on tide-2-reason that switches
//     to tide-3 and to agentic coding trajectories about two hours after
//     the release.
//   - low_slow: many keys, each a handful of office-hours requests a day
//     from one home connection through a consistent SDK, all harvesting.
//
// Labels carry the class, the campaign flag and the account; RouteRelay's
// keys are named reseller-NNNN under both of its classes.
package freight
