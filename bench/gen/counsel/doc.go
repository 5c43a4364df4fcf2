// Package counsel generates the counsel world: six hours of traffic to a
// model API sold to professional-services firms, on the day before the US
// federal filing deadline, with the ground truth of every request. It is
// one of the bench's independent generators: its clients, text, timing
// and classes are its own, and it shares only genkit's plumbing and
// tracefmt's wire format.
//
// # The setting
//
// The vendor, reached at api.aster.example, serves its models in both
// dialects: OpenAI chat completions (/v1/chat/completions, Bearer key) and
// Anthropic messages (/v1/messages, x-api-key and anthropic-version), so
// customers use whichever official SDK they already had. Its models are
// aster-2 (flagship), aster-2-mini, aster-2-reasoning and, from 15:30 UTC
// (11:30 in New York) inside the window, aster-3. The window runs from
// 13:00 to 19:00 UTC on Tuesday 14 April 2026: 9 to 3 on the East Coast,
// 6 to noon on the West Coast, 2 to 8 in London, and the evening in Pune.
// Keys made before February 2026 are "sk-" and 48 characters, keys made
// since are "sk-live-" and 40: a key says roughly how old its account is,
// as keys do. One account is one key.
//
// Each request carries what its real client stack sends: the header names,
// case and order of openai-python and anthropic-python on httpx (HTTP/1.1),
// openai-node and the Anthropic TypeScript SDK on undici (with fetch's
// accept-language and sec-fetch-mode), the TypeScript SDK inside an Office
// add-in's Edge WebView2 or WKWebView (client hints, origin, referer,
// anthropic-dangerous-direct-browser-access), the Go SDKs on HTTP/2 (Go's
// random header-map order), openai-java on OkHttp, the .NET library with
// traceparent, curl, python-requests, java.net.http and hand-written Go;
// x-stainless retry counts rise on SDK retries. Bodies are written as each
// serializer writes them: httpx 0.28 compact, older httpx and requests in
// json.dumps style with ASCII escapes and "1.0", System.Text.Json escaping
// quotes, apostrophes and plus signs in upper-case hex, Go's json.Marshal
// escaping HTML; the Stainless Python, Java and Go SDKs put messages and
// model first and the rest alphabetically, hand-written code puts model
// first. The ja4 of each record is computed from the ClientHello of its TLS
// stack (Chromium, Apple, CPython's OpenSSL, Node's OpenSSL, Go, curl,
// macOS curl, the JDK, SChannel, and a TLS-inspecting proxy), so its counts
// and hashes agree with each other.
//
// Addresses come from where such traffic comes from: cloud regions (AWS,
// GCP, Azure), offices' static blocks from business ISPs, US, UK and
// Canadian home broadband (a share on IPv6), the mobile carrier's NAT
// egress that strangers share, consumer VPN exits that developers and
// harvesters share, and cheap hosting.
//
// # Legitimate classes (about 58 percent of requests)
//
// intake_app: "Ask Harbor", the client-portal assistant of a tax-prep
// chain, answering thousands of taxpayers the day before the deadline with
// ONE fixed system prompt, through two production keys from its NAT
// gateways (and a staging key trying aster-3 after the release). The
// textbook look-alike of "one prompt template, tens of thousands of times".
//
// batch_jobs: three scheduled jobs on three keys: a Pune back office's
// nightly bank reconciliation (12 async workers from 13:30 UTC, JSON mode,
// max_tokens 4096, ten thousand templated requests), an insurer's hourly
// first-notice-of-loss extraction (openai-java, strict json_schema, 8000
// tokens, bursts at five past each hour), and a London compliance team's
// evening adverse-media digest. Regular pacing, templates, big outputs.
//
// review_plugin: ClauseLens, a popular Word add-in for contract review.
// Each lawyer brings her own key; all share the add-in's system template
// (firm, playbook, document), its five buttons and its client stack. Users
// work from their firm's office NAT (many users on one address), from home
// or on the carrier's network. One 40-lawyer firm rolls the add-in out at a
// lunchtime training: its lawyers' new keys appear within ninety minutes
// on one office block, same template, same stack.
//
// firm_gateway: a large accounting firm's internal AI gateway: five apps,
// 64 keys, one Chicago office block, behind a TLS-inspecting proxy (one
// JA4 for every SDK). Its return-review app scores return lines with
// max_tokens 1, temperature 0, logprobs and top_logprobs 5, in bursts; the
// gateway rotates keys and on a 429 sends the same body again on the next
// key within a second or so.
//
// cpe_cohort: a CPE workshop at a hotel: three dozen accountants create
// keys within twenty minutes on the venue's Wi-Fi, run the instructor's
// notebook with one template asking for step-by-step working, all in step
// when told to run the next cell, and switch to aster-3 when the
// instructor demonstrates it.
//
// developers: 250 developers at firms, legal-tech shops and home, each with
// their own stack (SDKs of many versions, curl on the side), debug loops
// that resend a prompt, tools, JSON mode, the odd logprobs call, some on a
// VPN or a phone; a third try aster-3 after the release.
//
// eval_bench: three evaluation teams run the same public legal and tax
// benchmark (identical prompts across organisations), temperature 0 or n=5
// sampling, with model-as-grader passes, at constant concurrency, and
// re-run it on aster-3 within half an hour of its release.
//
// screening_agent: a compliance SaaS's sanctions and adverse-media agent:
// tool definitions and growing tool_use/tool_result transcripts, all day,
// from its cloud region. The legitimate side of agentic traffic.
//
// reseller_customer: the real customers of Tollgate, a gray-market API
// reseller whose gateway (an old openai-python pinned beside an old httpx)
// sends everyone's requests through a pool of 30 keys from four hosting
// addresses. Its accounts are named after the reseller, "tollgate-kNN".
//
// # Campaign classes (about 42 percent of requests)
//
// The campaigns are worded like the day's ordinary work. What gives each
// away is what it costs an operator to hide: accounts, addresses,
// coordination, pacing, a mismatched stack, the knobs it needs.
//
// naive: 320 fresh accounts on a dozen VPS addresses, one openai-python
// install, a dispatcher that spreads them evenly (every account every
// eleven and a half minutes), one template sweeping tax topics by client
// profile with 4096-token answers; a throttled request reappears on
// another account seconds later.
//
// disguised: 1,100 accounts, a fifth of them aged accounts bought in bulk,
// each held to a day's modest quota. Six in ten drive the add-in itself on
// real Chromium (its template, headers, origin and TLS), sweeping every
// clause kind and leaning to the buttons with long answers; the rest run
// openai-python installs as varied as the developers', in a preparer's
// words. Exits come from a residential proxy pool with a mobile share, each
// exit reused by a few accounts; sessions follow office hours. Only the
// accounts' number and youth, the lack of office networks, the sweep's
// coverage and the exit reuse remain.
//
// reseller_harvest: one of Tollgate's customers harvests through the same
// key pool and gateway: a flat, round-the-clock stream of tax, contract
// and claims questions asking for step-by-step reasoning or for the
// analysis behind a given conclusion, on the flagship at temperature 1.
//
// logprob: 40 accounts on the Go SDK from a cloud region extract the
// flagship's distribution over classification prompts worded like the
// firm's review app: one prompt per job repeated 25 to 60 times, max_tokens
// 1, temperature 0, logprobs with top_logprobs 20 and a logit_bias over
// about 300 token ids that moves with each call.
//
// agentic: 160 accounts harvest tool-use trajectories: tax-workpaper,
// claims and sales-tax agent tasks with the operator's simulator faking
// the tool results, transcripts growing step by step. Most run a Go
// program that copies anthropic-python's headers (its TLS and HTTP/2 are
// Go's), the rest openai-python with tool calls; a share asks for thinking.
//
// churn: fourteen parallel slots, each burning through an account in 20 to
// 50 minutes of claims-coverage questions and replacing it within minutes
// with a new key on a new VPN exit; the request that hit the ban goes out
// again on the new account. The stack is curl_cffi impersonating Chrome
// while sending openai-python's headers.
//
// pivot: 90 accounts on Node SDKs and cloud VMs sip aster-2 for legal
// research memos until the release, then within minutes of it move
// together to aster-3 with high reasoning effort or thinking, at about
// seven times the pace.
//
// low_slow: a boutique's ten aged accounts on Mac minis behind one office
// block and a VPS: one request every three to four minutes per account,
// round the clock, no lunch dip; expert fact patterns, rationalising a
// given conclusion, rubric grading, the reasoning model with a 12,000-token
// thinking budget.
//
// # Size
//
// Full gives about 120,000 records (about 240 MB); Small keeps the same six
// hours with a sixth of every population (floors keep every class present),
// about 21,000 records and 45 MB.
package counsel
