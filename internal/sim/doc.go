// Package sim generates synthetic model-API traffic for sluice's detection
// benchmark, and scores what a detector made of it. It is the traffic of
// `sluice demo` and the "sim" generator of the bench module's registry
// (bench/gen).
//
// # Traffic
//
// A Scenario is a seeded list of classes — legitimate ones (human chat, RAG
// apps, batch evaluation, a popular tool, an enterprise gateway, new
// sign-ups, a tutoring app) and distillation campaigns (naive, disguised,
// reseller, log-probability extraction, agentic, low-and-slow). Generate
// merges the per-account request streams in timestamp order and emits, for
// each request, a Record (the trace-record contract of docs/contracts.md, the input
// of `sluice replay`) and its Label (the ground truth, kept apart so that
// nothing under test can read it). The same Scenario always yields the same
// bytes. Records and labels are serialised by internal/tracefmt, the contract
// format the other generators (bench/gen) use too; the traffic itself is
// modelled here alone.
//
// Legitimate and campaign text come from one template engine over one
// vocabulary (text.go, vocab.go, prompts.go), and client stacks and
// addresses from one population (clients.go): tutoring also says "step by
// step", evaluation also grades and asks for log-probabilities, ordinary
// users also run the official SDKs. What separates a campaign is behaviour —
// how many accounts share a template, an area, a network and a rhythm — not
// an artefact of the generator.
//
//	err := sim.Generate(sim.Small(), func(r sim.Record, l sim.Label) error {
//		line, _ := json.Marshal(r)
//		...
//	})
//
// # Scoring
//
// Evaluate joins labels with decision records by request id and reports
// per class the share of requests not allowed, blocked, the accounts
// affected and, for campaigns, the leak and the time to detect. PerKey and
// PerIP compute the two baselines on the same trace; Report.Check compares
// a report with the targets of the detection issue.
package sim
