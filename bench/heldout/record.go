package heldout

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/sluicehq/sluice/bench/tracefmt"
)

// Record is one trace record of DESIGN.md, the input of `sluice replay`,
// in the shared contract format of bench/tracefmt.
type Record = tracefmt.Record

// Label is the ground truth of one record, in the labels format that
// bench/cmd/detectreport reads (bench/tracefmt).
type Label = tracefmt.Label

// obj is a JSON object that keeps its keys in insertion order, the way
// SDKs serialise request bodies. Strings are written with
// tracefmt.AppendString: <, > and & escaped, non-ASCII text kept as UTF-8.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) set(k string, v any) obj { return append(o, kv{k, v}) }

// raw is JSON text inserted as is.
type raw []byte

func (o obj) MarshalJSON() ([]byte, error) { return appendValue(nil, o), nil }

func marshal(v any) []byte { return appendValue(make([]byte, 0, 1024), v) }

func appendValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case obj:
		b = append(b, '{')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = tracefmt.AppendString(b, e.k)
			b = append(b, ':')
			b = appendValue(b, e.v)
		}
		return append(b, '}')
	case []obj:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, e)
		}
		return append(b, ']')
	case []any:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, e)
		}
		return append(b, ']')
	case []string:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = tracefmt.AppendString(b, e)
		}
		return append(b, ']')
	case string:
		return tracefmt.AppendString(b, x)
	case bool:
		return strconv.AppendBool(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case float64:
		return strconv.AppendFloat(b, x, 'g', -1, 64)
	case raw:
		return append(b, x...)
	default:
		j, err := json.Marshal(x)
		if err != nil {
			panic(err)
		}
		return append(b, bytes.TrimSpace(j)...)
	}
}
