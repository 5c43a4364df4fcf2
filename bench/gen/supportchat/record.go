package supportchat

import "github.com/sluicehq/sluice/internal/tracefmt"

// Record is one trace record of docs/contracts.md, the input of `sluice replay`,
// in the shared contract format of internal/tracefmt.
type Record = tracefmt.Record

// Label is the ground truth of one record, in the labels format that
// bench/cmd/detectreport reads (internal/tracefmt).
type Label = tracefmt.Label

// obj is a JSON object that keeps its keys in insertion order, the way
// SDKs serialise request bodies; raw is JSON text inserted as is.
type (
	obj = tracefmt.Obj
	kv  = tracefmt.KV
	raw = tracefmt.Raw
)

// enc writes bodies with tracefmt.AppendString (<, > and & escaped,
// non-ASCII text kept as UTF-8) and floats in 'g' format.
var enc = tracefmt.Encoder{EscapeHTML: true, Float: 'g'}

func marshal(v any) []byte { return enc.Marshal(v) }
