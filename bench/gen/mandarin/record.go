// Package mandarin is an independent, held-out traffic generator for
// sluice's detection whose traffic is about half Chinese-language:
// students, offices and a research lab's chain-of-thought work among
// distillation campaigns. It writes trace records exactly per the replay
// contract of docs/contracts.md and, in a separate file, ground-truth
// labels that bench/cmd/detectreport reads.
//
// It was written without reading the detector (limiter/, fingerprint/,
// proxy/) or the other generators (internal/sim/, bench/gen/supportchat/),
// and models its traffic independently of them: it shares with them only
// the JSON serialisation (internal/tracefmt). Its emphasis is on
// cases the other generators may lack: about half the traffic is Chinese
// or mixed Chinese/English; legitimate traffic that asks for step-by-step
// reasoning at scale (an API gateway on one key, a research lab running
// chain-of-thought prompts over public data sets, a labelling company,
// students, an agent framework whose shared system prompt says "think
// step by step", a legal/medical QA app, an hourly regression suite); and
// campaigns whose elicitation hides in follow-up turns, in a shared system
// prompt, in tool trajectories, in log-prob extraction, or in bodies
// re-sent from another account.
//
// Legitimate and campaign traffic share the same text machinery, the same
// vocabulary and the same client stacks, so that a detector cannot win on
// generator artefacts.
package mandarin

import "github.com/sluicehq/sluice/internal/tracefmt"

// Record is one trace record of docs/contracts.md ("Trace record (replay input)"),
// in the shared contract format of internal/tracefmt.
type Record = tracefmt.Record

// Label is the ground truth of one record, in the format
// bench/cmd/detectreport reads (internal/tracefmt).
type Label = tracefmt.Label

// obj is a JSON object that keeps its keys in insertion order, as the SDKs
// serialise request bodies.
type obj = tracefmt.Obj

// enc writes bodies with tracefmt.AppendStringKeepHTML (UTF-8 kept as is,
// <, > and & unescaped) and floats in 'f' format.
var enc = tracefmt.Encoder{Float: 'f'}

// encode returns v as JSON. It knows the value types bodies are built from.
func encode(v any) []byte { return enc.Marshal(v) }
