// Package voyage generates the trace of the voyage world: a model API
// (OpenAI- and Anthropic-compatible) that serves travel, hospitality and
// e-commerce companies, seen for six hours of a peak booking day, with
// the ground-truth label of every request. It was written to measure
// sluice's detector on traffic it has never seen, independently of the
// detector and of the other generators; it shares only bench/genkit's
// plumbing and internal/tracefmt's wire format.
//
//	n, err := voyage.Write(voyage.Full(1), traceFile, labelsFile)
//
// The command `gentrace -gen voyage` (bench/cmd/gentrace) writes the two
// files.
//
// # The window
//
// Tuesday 1 December 2026, 14:00 to 20:00 UTC: "Travel Tuesday", the
// day after Cyber Monday, when airlines, hotels and online agencies run
// their biggest sales of the year and shops are still clearing Black
// Friday stock. That is the afternoon and evening in Europe, the working
// morning and midday on the US East Coast, and night in South-East Asia.
// At 17:00 UTC the API releases a new model, gpt-5.2, on the chat
// endpoint.
//
// Requests go to /v1/chat/completions and /v1/messages. Each account has
// one key (formats of three eras: sk-proj-, sk-svcacct- for service
// accounts, and 48-character legacy keys) and, where it speaks both
// dialects, sends the same key as a Bearer token or as x-api-key.
//
// # Clients
//
// Every request carries the header block of the stack that sent it, in
// wire order and with the names as that stack writes them, the TLS print
// (JA4) of its TLS library, and its body as its serializer writes it:
//   - the generated SDKs (openai-python and anthropic-python on httpx,
//     openai-node and the Anthropic TS SDK on undici's fetch, openai-go and
//     anthropic-sdk-go on net/http's HTTP/2, openai-java on OkHttp) with
//     their x-stainless-* headers and retry counts, their user agents
//     (AsyncOpenAI/Python for the async client), the anthropic-version
//     their release sends, and body members in the SDK's own order (the
//     Python, Go and Java SDKs put the required parameters first and the
//     rest alphabetically; the TS SDKs keep the caller's order); Go's
//     HTTP/2 header order changes from request to request, as Go's map
//     order does;
//   - the OpenAI .NET library (System.Text.Json's escaping, a traceparent
//     from ASP.NET's ambient activity), Ruby's Faraday, PHP's Guzzle, the
//     WordPress HTTP API (json_encode's escaped slashes and \u escapes),
//     the Vercel AI SDK, java.net.http, aiohttp, python-requests with
//     json.dumps's ", " separators, HTTPie, Postman, curl with hand-typed
//     JSON, Chrome and Firefox running bring-your-own-key web apps, and a
//     terminal coding agent;
//   - HTTP/1.1 stacks send a Host header and their own capitalisation,
//     HTTP/2 stacks lower-case names; a TLS-inspecting office proxy gives
//     every client behind it one TLS print and a Via header.
//
// # Addresses
//
// Cloud regions (NAT gateways of one deployment share a /28), hosting
// providers, shared web hosting (several small sites on one address),
// office NATs, home broadband (IPv4, and IPv6 privacy addresses inside a
// household's /64), carrier-grade NAT of mobile networks (a few dozen
// addresses that developers on a hotspot, a mobile proxy network's
// exits and anyone else on that carrier share), hotel, airport and venue
// Wi-Fi, commercial VPN exits and universities.
//
// # When accounts appear
//
// Most accounts of companies and of the long-running operations exist
// before the window and are busy from its start. Others are first seen
// inside it, as they would be: site owners installing the plugin and its
// connection test, developers signing up, the hackathon's participants
// within half an hour of the opening workshop; on the campaign side, two
// batches of the naive hydra's bulk-bought accounts, the disguised
// hydra's steady trickle of sign-ups, the agentic operator's added
// accounts, the churn operator's continuous replacements, the log-prob
// operator's two extra accounts, and the pivot operator's dormant
// accounts, whose first request comes minutes after the release.
//
// # Legitimate classes (about 60% of the requests)
//
// airline_assistant: Nordlys Air's customer chat. One fixed system prompt
// and tool set for every customer, in five languages, streamed, through
// two production keys from three NAT addresses, plus a staging key that
// runs the same QA cases every half hour. It is the single-template,
// few-key, very-high-volume look-alike.
//
// batch_jobs: a bed bank's hotel-description localisation (Go workers on
// four service-account shard keys, a steady back-to-back cadence, JSON
// output, 4096 max tokens), a shop's hourly review digests (async Python,
// Anthropic dialect, ten in flight), a hotel group's review sentiment
// scored from the log-probabilities of a one-token answer (max_tokens 1,
// temperature 0, top_logprobs 5: the honest twin of the log-prob
// harvest), and a travel management company's fare-rule summaries every
// fifteen minutes from Java. Templated, regular and heavy.
//
// plugin_users: Wayfarer Writer, a WordPress copywriting plugin whose
// site owners each paste their own key. Some 1,700 accounts share
// one system prompt, one set of request templates, one client stack and,
// on shared hosting, addresses; new sites sign up through the window.
// Each owner writes about their own business, in short editing sessions
// with "Regenerate" re-sending the same body; a few run bulk actions.
//
// enterprise_gateway: Helios Travel Group. Two dozen team keys used from
// one office /28 behind a TLS-inspecting proxy (one TLS print, a Via
// header), and an internal AI gateway that spreads the staff assistant
// over eight pooled keys round robin and moves a request that gets a
// 429 to the next key within a moment: the same body on another account
// less than a second later.
//
// hackathon_cohort: some forty new accounts created within half an hour
// on a Lisbon hotel's conference Wi-Fi, one SDK release, one workshop
// template that asks the model to reason step by step, iterated on all
// afternoon. New accounts, one network, one template, reasoning wanted:
// everything a campaign detector looks for, and innocent.
//
// eval_team: a university lab benchmarking every model on a public
// trip-planning benchmark (temperature 0 with n=1, or n=5 for pass@5, a
// fixed seed, a judge model grading against a rubric) and benchmarking
// the new model within the hour of its release; an agency's data team
// running the same public items word for word in the other dialect; the
// airline's ML team replaying its assistant's regression suite on the
// current and the new model.
//
// developers: a few hundred individuals on every stack and network,
// working in bursts, switching models, trying the new one the hour it
// appears, some signing up today.
//
// agents: a hotel group's guest-services agent (cached system prompt and
// tools, a guest's turns and the agent's lookups and changes), a travel
// management company's booking assistant with parallel tool calls, and
// engineers' terminal coding agents with long transcripts: growing
// tool-use histories.
//
// reseller_customer: the real customers of RelayPoint, a Singapore API
// reseller that forwards every customer's request over a pool of twenty
// keys round robin (with 429 failover), rebuilding each body with its own
// SDKs and tagging it with a hash of the customer's id: hotel chatbots,
// content writers, shop listings, translation and e-mail replies from
// South-East Asia and Europe, fading as Asia's night deepens.
//
// # Campaign classes (about 40% of the requests)
//
// The reported scale of real distillation campaigns (millions of
// exchanges over tens of thousands of accounts, a few dozen requests per
// account a day) sets the economics: each operator keeps its accounts
// under any per-key or per-address limit and pays for accounts, exits and
// requests according to how much it wants to hide.
//
// naive: a hydra with little disguise. About two hundred and forty
// bulk-bought accounts on five rented servers, dealt a grid of
// destination-knowledge questions round robin by one dispatcher (one
// request every couple of seconds in all, each account every nine
// minutes, flat across the day), one pinned SDK release, one system
// prompt, and two batches of fresh accounts as it scales. Its SDK's
// retries show the 429s it runs into.
//
// disguised: a hydra dressed as Wayfarer Writer. It replays the plugin's
// request exactly (system prompt, templates, header order, WordPress user
// agents with invented sites, the common libcurl build's TLS print,
// json_encode's escaping) from residential proxy exits and cheap servers
// instead of web hosts; aged accounts plus sign-ups that open with the
// plugin's connection test; a handful of jobs an account spaced half an
// hour apart. What it asks is a grid over the whole domain at the
// plugin's longest setting (itineraries, destination guides, room and
// tour copy for properties anywhere, in many languages), where a real
// site owner writes about one business.
//
// reseller_harvest: two "customers" of RelayPoint that harvest synthetic
// support dialogues with an ideal final reply and senior-consultant
// answers over a grid of destinations, steadily around the clock. Their
// requests leave on the same keys, addresses and client stack as the
// reseller's real customers' and are labelled with the same pool keys;
// only the customer tag, the content and the flat pace set them apart.
//
// logprob: a start-up distilling an intent router from the model's label
// distributions: one-token classifications of customer messages with
// max_tokens 1, temperature 0 and top_logprobs 20 in async bursts from
// three cloud machines, and on some accounts one fixed prompt probed with
// logit_bias over a few hundred token ids at a time.
//
// agentic: a harvest of booking-agent trajectories. A simulator invents a
// traveller's goal, serves the operator's own tool set, answers each tool
// call at once with made-up data, and keeps the full transcript with
// interleaved thinking. Each account runs an episode, then waits, for
// some twenty requests an hour; accounts are added through the day.
//
// churn: accounts as consumables. Some two dozen live at a time behind a
// mobile proxy network (carrier NAT addresses shared with ordinary phone
// users), each worked until rate-limited and banned, typically within
// the hour; the SDK's retries of the last request, then the next account
// from the sign-up queue re-sends it seconds later. It harvests
// answer-conditioned reasoning: a complaint and the resolution already
// decided, and the model asked to reason its way there and write the
// reply, or to rewrite a reply to policy.
//
// pivot: hard multi-step travel reasoning (routing with constraints,
// fare construction, overbooking, connections, EU261) at the highest
// reasoning effort. A third of its accounts run slowly on gpt-5.1 before
// the release; minutes after gpt-5.2 appears every account moves to it,
// the dormant ones included, at several times the pace, from a
// commercial VPN.
//
// low_slow: a boutique with four long-standing accounts, each on its own
// address, sending one expert analyst's question every two or three
// minutes with extended thinking at a large budget, around the clock.
// Nothing in its pace or its clients stands out.
//
// # Size
//
// Full (scale 1) is about 111,000 records (about 240 MB); Small (scale
// 0.2) about 25,000 records (about 54 MB). The scale multiplies the
// number of accounts, sessions and work items; most accounts keep their
// pace, and the operators with few accounts keep their size, so the
// small trace has slightly more campaign traffic (about 40% against
// 38%).
package voyage
