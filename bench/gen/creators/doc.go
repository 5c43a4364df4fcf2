// Package creators generates an independent, labelled trace of traffic to
// a model API that serves consumer and creator apps, with eight kinds of
// distillation campaign hidden in it, for measuring sluice's detection on
// traffic it was never tuned on.
//
// It was written from the public problem statement (DESIGN.md), the
// reported campaign sizes and what is publicly known of the clients and
// apps modelled, without reading sluice's detector, its simulator, its
// tests or the other generators. It uses only the standard library,
// bench/genkit and internal/tracefmt.
//
// # Window and world
//
// Six hours, Thursday 2026-05-14 12:00–18:00 UTC: afternoon in Europe,
// morning in the Americas, evening and night in Asia. Human activity
// follows a local-time curve per region (consumer or office hours);
// machines do not. The provider (host api.inkwell-ai.com) speaks both
// dialects and, like an aggregator, accepts every model name on every path:
// claude-sonnet-4-5, claude-haiku-4-5, claude-opus-4-1, gpt-4.1,
// gpt-4.1-mini, gpt-4o-mini, o4-mini and gpt-3.5-turbo-instruct (legacy
// completions). A new model, claude-sonnet-4-6, is released 2h10m into
// the window (14:10 UTC); it appears in no request before that.
//
// Every account has its own key (sk-… or sk-proj-…, 48 characters),
// sent as "authorization: Bearer" on the OpenAI paths and as x-api-key
// (with anthropic-version) on /v1/messages. Client stacks are modelled
// with their header sets in wire order: openai-python and anthropic-python
// (httpx; x-stainless-* headers, Async clients' user agents, bodies with
// the SDKs' keyword order: messages and model first, then alphabetical),
// openai-node and the Anthropic TypeScript SDK, browsers' fetch from pages
// and extensions (sec-ch-ua, sec-fetch-*, origin, accept-language;
// anthropic-dangerous-direct-browser-access on /v1/messages), an Electron
// desktop app, node-fetch, curl, python-requests, python-httpx, aiohttp and
// Go net/http over HTTP/2 (lower-case, sorted headers). The ja4 values are
// JA4-shaped prints that stand for each stack (Chrome, Edge, Firefox,
// Safari, CPython with OpenSSL 1.1 or 3, node 20 or 22, curl, Go); they
// were not captured from real clients. Addresses come from the first
// octets of real residential, mobile and cloud (AWS, GCP, Azure, Hetzner,
// DigitalOcean, OVH, Vultr, Tencent) ranges.
//
// Full is about 108,000 records (62% legitimate); Small keeps the window
// and every class with 30% of the accounts (about 35,000 records, about
// 55 MB). Counts below are Full's.
//
// # Legitimate classes (campaign false)
//
//   - writing_extension: a browser writing assistant ("Scribe"), bring your
//     own key: 1,900 users, each with a key, worldwide home (sometimes
//     mobile) addresses, Chromium/Edge/Firefox fetch from one extension id.
//     One fixed system prompt and one user template ("Action: …\n\nText:
//     …") over rewrite, shorten, translate and reply actions; streamed;
//     1–3 sessions of 1–8 requests, about 30 s apart. 40% use
//     /v1/messages. Version 4.2 makes the new model the default 4h40m
//     into the window and reaches users over the next hour: a large
//     synchronised, legitimate model switch.
//   - subtitle_tool: an open-source subtitle translator, own key: 110
//     users (15% on seedboxes in Hetzner/OVH), openai-python of many
//     versions, 20% on the tool's newer /v1/responses build. One system
//     template; each job sends 20–100 consecutive SRT chunks back to back
//     (1–4 workers), temperature 0–0.5: a narrow, templated, high-volume
//     translation workload from one key.
//   - companion_app: a role-play companion app's backend: 16 pooled keys
//     (sticky per end user), 4 AWS addresses, openai-node. 800
//     conversations of 2–24 turns with 30 personas, the last four turns
//     of history, streamed, user ids in "user". Premium users get the new
//     model by A/B test 1 h after release and all of them at a deploy
//     3h20m after release.
//   - caption_saas: a social-media scheduler: 6 pooled keys, 2 GCP
//     addresses, AsyncOpenAI. Interactive captions through the window plus
//     queue bursts five minutes before every :00 and :30 posting slot
//     (8 concurrent workers, 60–260 requests a burst), n=3, JSON output.
//   - bedtime_story_app: one fixed system prompt for children's stories,
//     3 keys, one DigitalOcean address, a templated form as user prompt.
//   - chat_people: 1,500 people with their own keys using Open WebUI
//     (aiohttp), LibreChat (node SDKs), a desktop chat app, SillyTavern,
//     their own SDK scripts or curl, from home or small VPSs; varied
//     questions and multi-turn histories, some thinking and o4-mini
//     reasoning; a quarter are early adopters who move to the new model
//     within about 35 minutes of its release.
//   - workshop_live: a creators' workshop on a live stream at 15:00 UTC:
//     110 viewers from all over the world create keys in its first
//     minutes, 55% run the streamer's Colab notebook (one openai-python
//     stack from Google Cloud addresses), 25% curl, 20% anthropic-python;
//     they send the same six exercise prompts (one of them asks to "think
//     step by step") within minutes of each other; a third keep playing
//     after the stream.
//   - campus_class: a university lab at 13:05 UTC: 38 new keys, most
//     from one JupyterHub address with one pinned SDK, the rest on two
//     eduroam NAT addresses; cells that loop over five authors on one
//     paragraph and over temperatures 0–1.5 with n=3.
//   - agency_office: a content agency: 28 staff keys behind two office
//     addresses in London, office hours, an in-house Electron app (one
//     openai-node stack), a BYOK web chat app or anthropic-python;
//     multi-turn copywriting and translation; a few try the new model; one
//     developer's python-requests script sends ~220 templated product
//     descriptions in a row.
//   - media_gateway: a media group's LLM gateway: 70 virtual keys (apps own
//     several and rotate, with failover), six Azure egress addresses,
//     AsyncOpenAI and python-httpx. Summaries, n=5 headlines, articles
//     translated into four languages at once, a comment-moderation
//     classifier with max_tokens 1, temperature 0 and top_logprobs 5, an
//     hourly digest cron, and staff chat.
//   - eval_vendor: an evaluation vendor benchmarking writing quality: 3
//     keys, 2 AWS addresses, async Python SDKs. Four runs of a public
//     benchmark (the same 240 items for every seed) at exactly one item
//     every 2 s: temperature 0, n=4 sampling, the new model 40 minutes
//     after release (Anthropic) and again later with n=3; each answer is
//     graded by a rubric judge prompt ("think step by step", JSON scores)
//     at temperature 0.
//   - reseller_customer: the real customers of a reseller (see below).
//
// # Campaigns (campaign true)
//
//   - naive: 100 accounts, one openai-python install, four addresses in
//     one Hetzner /24, each account every 4 min ± 5 s, staggered evenly
//     like a load balancer, around the clock. One template: a short story
//     with slots, "think step by step … write out your reasoning", gpt-4.1.
//   - disguised: 1,200 accounts (about the incident's per-account rate:
//     one or two human-paced sessions of 2–8 requests, 70 s apart,
//     drawn on the local daytime of a region), each session from a new
//     residential-proxy exit in that region. Client stacks are mixed:
//     real SDK installs, curl, and a Go harvester that wears openai-python's
//     or a browser's headers over Go's TLS print. Creative writing,
//     dialogue, translation, poems and rewrites worded differently each
//     time (openers, paraphrases, typos); 30% carry an invented earlier
//     exchange; a fifth ask for step-by-step planning or an explanation.
//   - reseller_harvest: a reseller's relay (a Go HTTP/2 client, three
//     Tencent Cloud addresses) spreads its customers' requests round-robin
//     over 30 keys; in the troughs of its customers' load it sends its own
//     harvest through the same keys: literary translation into Chinese,
//     long role-play dialogues, web-novel chapters with a "plan of the
//     beats" first, on the most expensive models. Both classes are
//     labelled with the same account names (the keys).
//   - logprob: 26 accounts, one AsyncOpenAI stack on eight GCP addresses,
//     bursts every ~70 min: one story prefix repeated 8–20 times with
//     max_tokens 1, temperature 0, top_logprobs 20 and a logit_bias that
//     suppresses a growing set of up to 240 token ids (peeling the
//     distribution), or legacy completions with echo and logprobs 5 to
//     score prompts.
//   - agentic: 36 accounts, each on its own AWS address, one runner
//     image (anthropic-python 0.49 or openai-python 1.79): a writing
//     agent's 5–12-step trajectories with six tools, invented tool results
//     and the whole history re-sent at every step (half with thinking
//     blocks and signatures), one trajectory every ~40 min per account.
//   - churn: 12 slots; each account sends 15–45 dialogue-generation
//     requests about half a minute apart from a fresh datacenter address,
//     then is abandoned and replaced within seconds to three minutes: 188
//     short-lived accounts in the window, one openai-node stack.
//   - pivot: 70 accounts on OVH/Hetzner addresses, one AsyncAnthropic
//     stack, harvesting thinking traces (budget 4,000) for stories, poems
//     and dialogues every ~7.5 min; 25–37 min after the release every
//     account moves to the new model and speeds up by 40%.
//   - low_slow: 220 accounts that look like chat_people (same client mix,
//     one home address each, keys of the older format) sending 2–4
//     requests an hour for the whole window, mildly following local
//     daytime, with the disguised campaign's varied tasks and long
//     max_tokens.
//
// # What is deliberately hard
//
// Legitimate look-alikes for every campaign signal: shared templates and
// stacks across thousands of keys (writing_extension), narrow templated
// translation bursts from one key (subtitle_tool, media_gateway),
// "think step by step" and rubric grading at temperature 0 with n>1 on a
// regular clock (eval_vendor, workshop_live), many brand-new keys on one
// network or one cloud range with one stack (campus_class, workshop_live
// on Colab), many keys behind one range with rotation (media_gateway,
// agency_office), a legitimate logprob classifier (media_gateway),
// synchronised bursts (caption_saas), pooled keys with huge volume
// (companion_app), and fast legitimate migrations to the new model
// (chat_people, eval_vendor, companion_app, writing_extension). On the
// other side, the disguised and low_slow campaigns avoid shared templates,
// stacks and ranges, and the reseller hides its harvest in real traffic.
// What remains of them is what their goal forces: volume concentrated on
// creative writing, dialogue and translation with long outputs, across
// many accounts.
package creators
