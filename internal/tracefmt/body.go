package tracefmt

import (
	"fmt"
	"strconv"
)

// Obj is a JSON object that keeps its keys in insertion order, the way
// SDKs serialise request bodies. The generators build a record's body
// from Obj and the other value types Encoder.Append knows.
type Obj []KV

// KV is one member of an Obj. It is an alias of a struct literal type, not
// a defined type, so that bodies can be written with unkeyed members,
// Obj{{"role", "user"}}, in other packages too (go vet's composites check
// leaves unnamed struct types alone).
type KV = struct {
	Key   string
	Value any
}

// Set returns o with the member k: v appended.
func (o Obj) Set(k string, v any) Obj { return append(o, KV{k, v}) }

// Arr is a JSON array; it encodes as []any does.
type Arr []any

// Raw is JSON text inserted as is.
type Raw []byte

// RawString is JSON text inserted as is, held in a string.
type RawString string

// Encoder appends request bodies as JSON. Its two knobs are the ones in
// which the clients the generators model differ; everything else (member
// order, no whitespace, UTF-8 kept as is) is the same for all of them.
type Encoder struct {
	// EscapeHTML writes strings with AppendString (<, > and & escaped, as
	// encoding/json does) instead of AppendStringKeepHTML.
	EscapeHTML bool
	// Float is the strconv format of float64 values, with the shortest
	// precision that reads back exactly: 'g' (an exponent for large and
	// small values) or 'f' (never an exponent). 0 means 'g'.
	Float byte
}

// Marshal returns v as JSON (see Append).
func (e Encoder) Marshal(v any) []byte { return e.Append(make([]byte, 0, 1024), v) }

// Append appends v as JSON to b. v is nil, a string, bool, int, float64,
// Obj, Arr, []any, []Obj, []string, Raw or RawString; elements and member
// values are again of these types. Any other type panics.
func (e Encoder) Append(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return e.appendString(b, x)
	case bool:
		return strconv.AppendBool(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case float64:
		f := e.Float
		if f == 0 {
			f = 'g'
		}
		return strconv.AppendFloat(b, x, f, -1, 64)
	case Raw:
		return append(b, x...)
	case RawString:
		return append(b, x...)
	case Obj:
		b = append(b, '{')
		for i, m := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = e.appendString(b, m.Key)
			b = append(b, ':')
			b = e.Append(b, m.Value)
		}
		return append(b, '}')
	case Arr:
		return appendArray(b, x, e.Append)
	case []any:
		return appendArray(b, x, e.Append)
	case []Obj:
		return appendArray(b, x, func(b []byte, o Obj) []byte { return e.Append(b, o) })
	case []string:
		return appendArray(b, x, e.appendString)
	}
	panic(fmt.Sprintf("tracefmt: Encoder cannot encode a %T", v))
}

func (e Encoder) appendString(b []byte, s string) []byte {
	return appendString(b, s, e.EscapeHTML)
}

func appendArray[T any](b []byte, s []T, elem func([]byte, T) []byte) []byte {
	b = append(b, '[')
	for i, x := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, x)
	}
	return append(b, ']')
}
