package mooc

import "github.com/sluicehq/sluice/internal/tracefmt"

// Record is one trace record: a request as the proxy saw it, in the format
// of `sluice replay` (docs/contracts.md, "Trace record"), shared by the generators
// in internal/tracefmt.
type Record = tracefmt.Record

// Label tells who sent a record: the class, whether it belongs to a
// distillation campaign and the stable name of the account
// (internal/tracefmt).
type Label = tracefmt.Label

// obj is a JSON object whose keys keep their order, as clients send them;
// arr is a JSON array and rawJSON JSON text inserted as is.
type (
	obj     = tracefmt.Obj
	kv      = tracefmt.KV
	arr     = tracefmt.Arr
	rawJSON = tracefmt.RawString
)

// enc writes bodies with tracefmt.AppendStringKeepHTML (non-ASCII text as
// UTF-8, <, > and & as they are) and floats in 'f' format.
var enc = tracefmt.Encoder{Float: 'f'}
