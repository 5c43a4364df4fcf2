// Package arcade generates the traffic of a model API that serves consumer
// and entertainment apps, with ground-truth labels: one synthetic trace, to
// measure a distillation detector on traffic it has never seen.
//
// # The world
//
// The API speaks both dialects, OpenAI (/v1/chat/completions, a little
// /v1/completions) and Anthropic (/v1/messages), with the same keys
// (sk-ant-api03-...). It serves claude-haiku-4-5, claude-sonnet-4-5,
// claude-opus-4-1, and claude-sonnet-4-6, which ships inside the window
// (Config.Release, 17:25 UTC in the full trace). The window is a Friday,
// 15:00-21:00 UTC: the European evening, when games and companion apps
// peak, the American working day, and the South-East Asian night. People's
// activity follows their local hour; machines follow their own clocks.
//
// Every request carries the headers of the client stack that sent it, in
// its order and case (the official SDKs' x-stainless-* set and retry
// count, undici and Go sorting their headers, Java, Godot, browsers,
// OkHttp, URLSession, .NET, curl, requests, aiohttp), a JA4 print that
// follows from the TLS library, a body in the member order and number
// format of its serializer (the Python and Go SDKs order the parameters,
// Python writes 1.0), and an address from the place it runs: cloud ranges
// for backends, home broadband by region, hosting ranges, a convention
// centre, a corporate /28, and Nimbus Mobile, a carrier whose phones and
// 5G home routers leave through one carrier-grade NAT /23 (and their own
// IPv6), so that unrelated customers share addresses.
//
// # Legitimate classes (about 60% of requests)
//
//   - companion_app: four companion and role-play apps (Kindred, Tavernlight,
//     Moonpal, StoryForge). A backend on a handful of cloud addresses, one to
//     three keys for thousands of end users, one fixed persona preamble each
//     (cached as a system block where the app uses prompt caching), long
//     resent histories, streaming. StoryForge A/B-tests the new model 90
//     minutes after release. The hard case of an app that sends one prompt
//     millions of times.
//   - mobile_apps: three small phone apps calling the API straight from the
//     device with a key baked in: one key, end users on home Wi-Fi and on the
//     carrier's NAT.
//   - mod_players: Hearthtongue, a game mod that voices villagers. Thousands
//     of players, each with their own key, all sending the mod's preamble
//     through the same Java client (two versions in the field), from homes
//     worldwide, some on the carrier. Some sign up during the window. The
//     popular-tool look-alike.
//   - chat_bots: hundreds of Discord and Telegram bots run by hobbyists on
//     VPSs and home machines, every client stack, bursty by their
//     community's hours, some of them story commands.
//   - streamer_tools: Chatterbox Labs, one backend with a pool of 24 keys
//     picked per request, three egress addresses, the same body on the next
//     key within a second when one gets a 429, and a release-day move of
//     recaps and titles to the new model. The gateway look-alike.
//   - npc_studio: game studios. Brasshollow's bark batches (one key per
//     worker, failover to the next key), Ninefold's corporate /28 with
//     designers' personal keys and a batch over eight service keys rotated
//     per request, Quillfeather's writers in a C# tool, Kite & Key's live-ops
//     cron at :00 and :30. The enterprise look-alike.
//   - game_jam: Lantern Jam at a convention centre. Dozens of accounts
//     created at the kick-off workshop, all on the venue's two NAT addresses
//     and IPv6 /64, all starting from one kit (its narrator preamble, an
//     exercise sheet sent word for word), then hacking: "[DEV] step by step"
//     questions, JSON generation, debug loops that resend one body. Godot,
//     web builds on itch.io and the kit's Python tool. The classroom
//     look-alike.
//   - eval_team: Tilt QA scores role-play models. CI runs a public benchmark
//     at temperature 0 with a seed, a grader scores every reply with a rubric
//     (the model as judge), the new model is run on the same items on release
//     day, a sampling run uses n=4, and engineers poke at failures.
//   - indie_devs: players, modders, writers and solo developers on home
//     connections (a quarter of the Americans on the carrier), every client,
//     engine questions, step-by-step explanations, worldbuilding, role-play
//     through local front-ends; a third try the new model once it ships.
//   - reseller_customer: the end customers (role-play apps, bots, companion
//     apps in South-East Asia and Latin America) of PlayMesh, a reseller
//     whose gateway sends them through a pool of 36 keys from four
//     addresses, tagged with its tenant ids, and fails over on 429. Its keys
//     are named playmesh-kNN, not after a class, since they carry both.
//
// # Campaigns (about 40%)
//
//   - naive: a hydra without care. About a thousand new accounts brought up
//     in waves every half hour, one SDK build on one cheap VPS provider (four
//     accounts to an address), each account on an eleven-minute timer for a
//     two-to-three-hour shift (a dozen requests; tens a day), three
//     templates harvesting role-play replies.
//   - disguised: a hydra made to look like a crowd. Aged bought accounts and
//     new ones; per account a home region, its hours, a client (the SDKs at
//     varied versions and platforms, curl-impersonate posing as browsers
//     with user-agents that do not always match the TLS print, requests);
//     residential proxy exits sticky per session (some on the carrier);
//     sessions of a few messages at a reading pace; varied wording over
//     creative writing with "explain your choices", game puzzles with
//     reasoning, answer-conditioned explanations and rubric critiques.
//   - reseller_harvest: PlayMesh's own harvest through the same key pool,
//     gateway and tenant tags: role-play continuations with a rationale,
//     grading of candidate replies, "make it safe" rewrites; a dozen
//     workers around the clock, faster while its customers sleep.
//   - logprob: a few dozen accounts walking fixed prefixes through rounds of
//     logit_bias over hundreds of token ids (pushing the tokens already seen
//     out, now and then a window up): one token, temperature 0, top_logprobs
//     20 (logprobs 5 on the legacy endpoint), on a steady timer.
//   - agentic: a sandbox that plays a mod repository's tools (list, read,
//     write, tests, docs, headless preview) to harvest game-scripting
//     trajectories with extended thinking: each account about one task an
//     hour, every step resending the whole trajectory with its thinking
//     blocks.
//   - churn: a few parallel slots burning accounts. An account sends a long
//     creative-writing request every half minute until it is banned (after
//     about half an hour); its replacement appears within a minute, often
//     resending the refused request first.
//   - pivot: a reasoning harvest (game maths and strategy, step by step,
//     answer-conditioned derivations) that moves, worker group by group, to
//     the new model 20-55 minutes after its release, and speeds up.
//   - low_slow: a boutique of a dozen aged accounts, each its own ordinary
//     client on its own home line, about two requests an hour in office
//     hours, long high-value prompts (branching dialogue with designer
//     notes, rubric judging of two drafts, line-by-line craft analysis).
//
// Campaign sizes follow the reported incident (tens of requests per account
// per day, hundreds of accounts), not what any detector might or might not
// see. Write, Full, Small and Classes are the generator's interface;
// `gentrace -gen arcade` (bench/cmd/gentrace) is its command.
package arcade
