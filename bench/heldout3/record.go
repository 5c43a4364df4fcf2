package heldout3

import (
	"strconv"

	"github.com/sluicehq/sluice/bench/tracefmt"
)

// Record is one trace record: a request as the proxy saw it, in the format
// of `sluice replay` (DESIGN.md, "Trace record"), shared by the generators
// in bench/tracefmt.
type Record = tracefmt.Record

// Label tells who sent a record: the class, whether it belongs to a
// distillation campaign and the stable name of the account
// (bench/tracefmt).
type Label = tracefmt.Label

// obj is a JSON object whose keys keep their order, as clients send them.
// Strings are written with tracefmt.AppendStringKeepHTML: non-ASCII text
// as UTF-8, <, > and & as they are.
type obj []kv

type kv struct {
	k string
	v any
}

// arr is a JSON array.
type arr []any

// rawJSON is JSON text inserted as is.
type rawJSON string

// appendValue appends v (string, int, float64, bool, nil, obj, arr,
// rawJSON or []string) as JSON.
func appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return tracefmt.AppendStringKeepHTML(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case float64:
		return strconv.AppendFloat(b, v, 'f', -1, 64)
	case bool:
		return strconv.AppendBool(b, v)
	case rawJSON:
		return append(b, v...)
	case []string:
		b = append(b, '[')
		for i, s := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = tracefmt.AppendStringKeepHTML(b, s)
		}
		return append(b, ']')
	case arr:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, e)
		}
		return append(b, ']')
	case obj:
		b = append(b, '{')
		for i, f := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = tracefmt.AppendStringKeepHTML(b, f.k)
			b = append(b, ':')
			b = appendValue(b, f.v)
		}
		return append(b, '}')
	}
	panic("heldout3: appendValue: unsupported type")
}
