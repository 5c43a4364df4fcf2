package annotation

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// obj is a JSON object that keeps its keys in the order they were set, as
// a JavaScript object or a Python dict does.
type obj struct {
	keys []string
	vals []any
}

func newObj(kv ...any) *obj {
	o := &obj{}
	for i := 0; i+1 < len(kv); i += 2 {
		o.set(kv[i].(string), kv[i+1])
	}
	return o
}

func (o *obj) set(k string, v any) *obj {
	for i, kk := range o.keys {
		if kk == k {
			o.vals[i] = v
			return o
		}
	}
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
	return o
}

func (o *obj) has(k string) bool { return slices.Contains(o.keys, k) }

// fl is a float that each client writes its own language's way (Python
// writes 1.0, JavaScript and Go write 1).
type fl float64

// order is how a client orders a request body's top-level keys.
type order int

const (
	orderAsBuilt  order = iota // the caller's own object or dict
	orderSorted                // sorted keys (Go structs here, Anthropic's Python SDK)
	orderPyOpenAI              // openai-python: the endpoint's leading keys, then sorted
)

// style is how a client serialises JSON.
type style struct {
	spaced  bool // ", " and ": " between items, as Python's json.dumps by default
	ascii   bool // non-ASCII as \uXXXX escapes (ensure_ascii)
	html    bool // <, > and & escaped (Go's encoding/json)
	pyFloat bool // whole floats with ".0"
	order   order
}

var (
	styleJS       = style{}
	stylePyNew    = style{pyFloat: true, order: orderPyOpenAI}                            // httpx >= 0.28: compact, UTF-8
	stylePyOld    = style{spaced: true, ascii: true, pyFloat: true, order: orderPyOpenAI} // older httpx: json.dumps defaults
	stylePyDict   = style{spaced: true, ascii: true, pyFloat: true}                       // requests/aiohttp json=
	styleGo       = style{html: true, order: orderSorted}                                 // openai-go
	styleCurl     = style{spaced: true}                                                   // typed on one line
	styleAntPy    = style{pyFloat: true, order: orderSorted}                              // anthropic python, new httpx
	styleAntPyOld = style{spaced: true, ascii: true, pyFloat: true, order: orderSorted}   // anthropic python, old httpx
)

// encode writes o as the client would send it to path.
func (s style) encode(o *obj, path string) []byte {
	top := o
	switch s.order {
	case orderSorted:
		top = sortedObj(o, nil)
	case orderPyOpenAI:
		lead := []string{"messages", "model"}
		switch path {
		case pathCompletions:
			lead = []string{"model", "prompt"}
		case pathResponses, pathMessages:
			lead = nil
		}
		top = sortedObj(o, lead)
	}
	return s.value(make([]byte, 0, 1024), top)
}

func sortedObj(o *obj, lead []string) *obj {
	out := &obj{}
	for _, k := range lead {
		for i, kk := range o.keys {
			if kk == k {
				out.set(k, o.vals[i])
			}
		}
	}
	idx := make([]int, len(o.keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if o.keys[a] < o.keys[b] {
			return -1
		}
		if o.keys[a] > o.keys[b] {
			return 1
		}
		return 0
	})
	for _, i := range idx {
		if !out.has(o.keys[i]) {
			out.set(o.keys[i], o.vals[i])
		}
	}
	return out
}

func (s style) value(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case fl:
		f := float64(v)
		b = strconv.AppendFloat(b, f, 'f', -1, 64)
		if s.pyFloat && f == float64(int64(f)) {
			b = append(b, ".0"...)
		}
		return b
	case string:
		return s.str(b, v)
	case []string:
		arr := make([]any, len(v))
		for i := range v {
			arr[i] = v[i]
		}
		return s.value(b, arr)
	case []any:
		if len(v) == 0 {
			return append(b, "[]"...)
		}
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
				if s.spaced {
					b = append(b, ' ')
				}
			}
			b = s.value(b, e)
		}
		return append(b, ']')
	case *obj:
		if len(v.keys) == 0 {
			return append(b, "{}"...)
		}
		b = append(b, '{')
		for i, k := range v.keys {
			if i > 0 {
				b = append(b, ',')
				if s.spaced {
					b = append(b, ' ')
				}
			}
			b = s.str(b, k)
			b = append(b, ':')
			if s.spaced {
				b = append(b, ' ')
			}
			b = s.value(b, v.vals[i])
		}
		return append(b, '}')
	}
	panic("annotation: cannot encode value")
}

func (s style) str(b []byte, v string) []byte {
	if s.html {
		return tracefmt.AppendString(b, v)
	}
	if !s.ascii {
		return tracefmt.AppendStringKeepHTML(b, v)
	}
	// json.dumps with ensure_ascii: every non-ASCII rune as \uXXXX, runes
	// beyond the BMP as a surrogate pair.
	b = append(b, '"')
	for _, r := range v {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == '\t':
			b = append(b, '\\', 't')
		case r < 0x20:
			b = appendU(b, int(r))
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case r > 0xffff:
			r -= 0x10000
			b = appendU(b, 0xd800+int(r>>10))
			b = appendU(b, 0xdc00+int(r&0x3ff))
		default:
			b = appendU(b, int(r))
		}
	}
	return append(b, '"')
}

func appendU(b []byte, x int) []byte {
	const hex = "0123456789abcdef"
	return append(b, '\\', 'u', hex[x>>12&0xf], hex[x>>8&0xf], hex[x>>4&0xf], hex[x&0xf])
}
