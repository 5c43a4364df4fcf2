// Package launch generates a held-out trace for sluice's detection
// benchmark: an independent model of legitimate API traffic and of
// distillation campaigns, whose hard cases are new accounts (a viral app's
// launch, a course launch, evaluation teams with new keys) and
// conversations. It was written without reading the detector (limiter,
// fingerprint, proxy), the other generators' code or the README's
// description of the detection; it shares with the other generators only
// the wire format of internal/tracefmt, and took bench/gen/annotation as a
// model of layout only.
//
// # Window
//
// The window starts on Tuesday 2026-06-09 at 14:00 UTC and lasts six
// hours; Small lasts three and keeps about 55% of the accounts. The
// arrivals that matter come well after the start, when an account seen
// for the first time is really new: in the full trace the course's keys at
// 2h, the app's launch at 2.5h, the onboarding at 3h, the sleepers' switch
// at 3h and the eval team's fresh keys at 2h and 4h (Small: 1.5h, 1.6h,
// 2h, 1.75h and 2h).
//
// # Legitimate classes (campaign false)
//
//   - h5_course_launch: an online course's 250 students create keys within
//     half an hour, two hours in, with the course's pinned SDK (its OpenAI
//     notebook, or its Claude notebook with thinking budgets for some), on
//     home networks; they paste the week's problem set asking for the
//     steps ("show your work", "where did I go wrong"), 2-6 turn follow-ups,
//     max_tokens 4096-16000.
//   - h5_onboarding: 120 new employees' keys at 3h behind the office's NAT
//     addresses in one /24 and the company VPN; code, docs, emails, notes,
//     a few asking for the reasoning.
//   - h5_viral_app: one key behind a consumer app's backend with a fixed
//     1-3 KB system prompt; tests before the launch, then thousands of end
//     users' chats with bursts.
//   - h5_long_chats: 400 people active from the start having 5-25 turn
//     conversations in which the first or second turn asked for the
//     working and the rest are ordinary follow-ups.
//   - h5_eval_newkeys: an eval team rotating to 30 fresh keys every two
//     hours, running one chain-of-thought benchmark at temperature 0 with
//     max_tokens 1024-4096 from two cloud VMs.
//
// # Campaigns (campaign true)
//
//   - h5_rotating_harvest: fresh accounts arriving continuously from the
//     first hour, each living 2-6 hours and sending 8-30 requests at a
//     person's pace through a residential exit with an official SDK,
//     asking for complete reasoning in varied phrasings, some with a
//     second "now explain your reasoning in full" turn; long max_tokens,
//     thinking budgets or high reasoning effort.
//   - h5_sleeper_accounts: 200 accounts in light ordinary use from the
//     start that switch at 3h to harvesting reasoning at about six
//     requests an hour each.
//   - h5_conversation_harvest: 100 accounts running simulated tutoring
//     dialogues of 3-8 turns from four datacenter /24s, every user turn
//     asking for the full derivation.
//
// Legitimate and campaign requests for reasoning are phrased from the
// same pools (text.go, problems.go); the classes differ in who sends, how
// much, how, from where and when.
//
// # Use
//
//	n, err := launch.Write(launch.Small(1), traceFile, labelsFile)
//
// Every random choice comes from math/rand/v2 PCG streams, one per actor,
// so a Config always gives the same bytes.
package launch
