// Package stepwise generates a held-out trace for sluice's detection
// benchmark: an independent model of legitimate traffic and of
// distillation campaigns. Its emphasis is legitimate traffic that asks for
// step-by-step reasoning at scale and shares wording across many
// accounts, next to campaigns that differ from it mainly in behaviour —
// who sends, how much, from where and when. It was written without
// reading the detector (limiter, fingerprint, proxy), the README's
// description of how sluice decides, or the other generators' code but
// bench/gen/launch's layout; it shares with the other generators only the
// wire format of internal/tracefmt.
//
// # Window
//
// Tuesday 15 September 2026 from 14:00 UTC, six hours. Small lasts three
// hours with about 70% of the standing population and 70% of the hourly
// arrivals, about a third of the records. Old accounts are active from the
// first minutes; new ones (the daily keys, the key farm) appear from one
// hour in and keep appearing until near the end, so that many are first
// seen after 1.5h.
//
// # Legitimate classes (campaign false)
//
//   - h6_math_app: a homework-help app relays 3,000 students through 40
//     backend keys, one per region shard, from its Node backend in each
//     region's cloud; a fixed 0.75 KB system prompt asking for every step;
//     problems in many phrasings with follow-ups; max_tokens 4096;
//     after-school peaks by local time and bursts around assignments.
//   - h6_reasoning_researchers: 25 graduate students' accounts on
//     university networks run chain-of-thought studies over the same 300
//     public benchmark problems, wrapped in "Let's think step by step" or
//     "Explain your reasoning in full", some few-shot; temperature 0.7-1.0,
//     n 1-4, max_tokens 8192, some thinking budgets or reasoning effort;
//     runs of hundreds of requests an hour after a little hand testing.
//   - h6_daily_keys: an edtech platform mints a key per student per day;
//     600 keys appear from 1h on, each works through 5-20 requests for
//     worked solutions on the platform's servers and is never seen again.
//   - h6_enterprise_copilot: 300 employees' keys in an internal copilot
//     with one 2 KB template behind two offices' /24s; mixed work, one
//     request in ten asking for detailed reasoning (root causes,
//     analyses); office hours in Oslo and Newark.
//   - h6_casual: 1,500 people with short chats, a few long, in SDK scripts,
//     curl and a desktop chat app from home addresses.
//
// # Campaigns (campaign true)
//
//   - h6_key_farm: 800 fresh accounts from 1h on, each sending 3-8
//     requests over one to three hours and then abandoned; residential
//     proxy exits (a new one per request for four in ten); diverse
//     problems with demands for complete reasoning in the shared
//     phrasings; long outputs, thinking budgets or high reasoning effort;
//     official Python SDKs.
//   - h6_slow_aged: 150 accounts active from the start at two to four
//     requests an hour all window long, six in ten ordinary questions,
//     four in ten exam problems asking for all the reasoning.
//   - h6_teacher_front: a fake tutoring site: 20 keys behind one cloud
//     /24, a system prompt close to the math app's, a distinct textbook
//     problem asking for the full worked solution in every request, each
//     key every 90 seconds, evenly staggered, around the clock.
//
// Requests for the working come from one pool of phrasings (text.go) and
// problems from one generator (problems.go) for every class that asks for
// them.
//
// # Use
//
//	n, err := stepwise.Write(stepwise.Full(1), traceFile, labelsFile)
//
// Every draw comes from a math/rand/v2 PCG stream per actor, keyed by the
// seed, so a Config always yields the same bytes.
package stepwise
