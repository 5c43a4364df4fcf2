// Package mooc generates a held-out detection trace of MOOC students,
// chat, tutoring, hackathons and evaluation among agentic, code, dialogue,
// multilingual and preference harvests: traffic the detector was not tuned
// on, to measure how it generalises.
//
// It was written from general knowledge of how API clients, their users
// and distillation campaigns behave, without reading the detector
// (limiter, fingerprint, proxy) or the other traffic generators
// (internal/sim, bench/gen/supportchat, bench/gen/mandarin), and without
// tuning anything to the detector's results. It models reality rather than
// trying to fool or to please a particular detector. It models its traffic
// independently; what it shares with the other generators is only the
// serialisation of records, labels and JSON request bodies
// (internal/tracefmt, the contract format).
// Records follow the trace record of docs/contracts.md ("Trace record (replay
// input)"): official-SDK header sets in wire order (openai-python,
// openai-node, anthropic-sdk-python, anthropic-sdk-typescript, openai-go, a
// few curl, python-requests, aiohttp, browser and mobile-app clients), a
// made-up but well-formed JA4 per TLS stack, and JSON bodies for OpenAI
// /v1/chat/completions, /v1/responses, /v1/completions and Anthropic
// /v1/messages. Each record has a label: its class (prefix h3_), whether it
// belongs to a campaign and the stable name of its account; an account
// keeps one credential. The trace is deterministic per seed (PCG): Full is 6
// simulated hours (about 57,000 records), Small 2 hours (about 11,000).
//
// Legitimate classes, each one of the hard cases of DESIGN.md:
//
//   - h3_hackathon: 150 brand-new accounts appear within 30 minutes from one
//     venue /24 (a NAT pool of 8 addresses), all on the starter kit's pinned
//     openai-python version and system prompt, in teams that share an app
//     prompt; mostly code questions and app tests in bursts, some "explain
//     step by step".
//   - h3_mooc: 300 students from residential addresses (some on Colab) ask
//     the same six assignment problems, word for word, with "show your work
//     / explain each step", sometimes quoting the answer key; sessions
//     crowd before a deadline at 85% of the trace.
//   - h3_support: one service key of a customer-support SaaS; one fixed
//     3.5 KB system prompt with tools, multi-turn conversations at about 200
//     new conversations an hour from three backend addresses.
//   - h3_labeling: a data-labelling agency, 40 keys behind one office /24,
//     grading answers on 1-10 rubrics (LLM as judge) at temperature 0 in
//     scripted batches.
//   - h3_ide: an IDE coding plugin with 800 users, each with their own key:
//     the same 4 KB preamble and tool set, agent loops of 1-12 steps at
//     machine speed, during each user's working hours; some users share a
//     company network.
//   - h3_translate: a translation service on one key, a request every 4-8
//     seconds around the clock.
//   - h3_chat: 1,500 people chatting through browser apps, scripts, mobile
//     apps and self-hosted UIs, in nine languages, multi-turn, diurnal and
//     bursty; some ask for step-by-step reasoning now and then, some set
//     high max_tokens, mobile users change address.
//   - h3_eval: four evaluation keys running public benchmark items (the
//     same for every seed): multiple-choice scoring with logprobs and
//     max_tokens 1, 8-shot chain of thought at temperature 0, a
//     single-answer judge and pass@5 sampling with n=5.
//
// Campaigns, each a plausible real distillation operation:
//
//   - h3_multilingual: 250 accounts created over the first hour (first
//     sixth of the trace), each sending its 20-30 daily requests compressed
//     into the trace, through residential proxies of the prompt's country;
//     Japanese, Korean, Spanish, Russian and German questions asking for
//     the complete reasoning, with thinking or high reasoning effort.
//   - h3_dialogue: 120 accounts (some replacing banned ones) run synthetic
//     multi-turn conversations, 4-8 turns each, with the harvesting
//     instruction in the system prompt or in the late turns; openai-go from
//     datacenter proxies.
//   - h3_codegen: 200 accounts in five sign-up waves ask for full solutions
//     with detailed explanations and tests, about 3.5 requests an hour each,
//     with the official SDK and knobs (model, temperature, max tokens,
//     stream, endpoint) varied like a careful user, behind sticky ISP
//     proxies.
//   - h3_preference: 180 short-lived accounts (1.5-3 hours each) ask for
//     pairwise comparisons with a verdict, critique-and-rewrite, or rubric
//     grades explained in detail (RLAIF data), rotating residential proxies.
//   - h3_slowdrip: 600 aged accounts, each on one static residential
//     address at 1.2-2.6 requests an hour with a human daily rhythm,
//     harvesting reasoning on competition mathematics, proofs and organic
//     chemistry; one Go program sends randomised SDK-like headers.
//   - h3_tutorapp: 40 keys, each posing as a small tutoring app on its own
//     VPS, with a fake tutor persona whose system prompt demands complete
//     step-by-step solutions, 8-16 student-like questions an hour.
//   - h3_agentic: 150 accounts harvest agent trajectories with tools and
//     synthetic tool results (half copy the IDE plugin's preamble), 5-11
//     steps at machine speed, two or three trajectories an account.
//
// Legitimate and campaign text comes from the same machinery (topic banks,
// question generators, phrasing pieces and stand-in answers); the classes
// differ in who sends what, how much, how, from where and when.
package mooc
