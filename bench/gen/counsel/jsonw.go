package counsel

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// jsonStyle is how one client's serializer writes a request body. The
// differences are the ones real serializers have: Python's json.dumps
// default separators and ASCII escaping, .NET's System.Text.Json escaping
// of HTML-sensitive characters with upper-case hex, Python's "1.0" for an
// integral float, and Go's HTML escaping when a program calls json.Marshal.
type jsonStyle struct {
	spaced  bool // ", " and ": " between members (Python json.dumps defaults, hand-typed curl)
	ascii   bool // non-ASCII as \uXXXX (Python ensure_ascii, .NET default encoder)
	html    bool // <, > and & as \u003c... (Go json.Marshal)
	dotnet  bool // System.Text.Json: also ', +, `, and " as \u00XX, upper-case hex
	pyFloat bool // integral floats keep ".0"
}

var (
	styleCompact  = jsonStyle{}                                         // JSON.stringify, Jackson, Go SDKs
	styleHTTPX    = jsonStyle{pyFloat: true}                            // httpx 0.28: compact, UTF-8 kept
	styleHTTPX27  = jsonStyle{spaced: true, ascii: true, pyFloat: true} // httpx before 0.28: json.dumps defaults
	styleRequests = jsonStyle{spaced: true, ascii: true, pyFloat: true} // requests json=
	styleHand     = jsonStyle{spaced: true}                             // a body typed by hand after curl -d
	styleGoStd    = jsonStyle{html: true}                               // encoding/json.Marshal
	styleDotnet   = jsonStyle{ascii: true, html: true, dotnet: true}    // System.Text.Json defaults
)

func (s jsonStyle) marshal(v any) []byte { return s.append(make([]byte, 0, 2048), v) }

func (s jsonStyle) append(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return s.str(b, x)
	case bool:
		return strconv.AppendBool(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			b = strconv.AppendInt(b, int64(x), 10)
			if s.pyFloat {
				b = append(b, ".0"...)
			}
			return b
		}
		return strconv.AppendFloat(b, x, 'f', -1, 64)
	case tracefmt.Obj:
		b = append(b, '{')
		for i, m := range x {
			if i > 0 {
				b = s.comma(b)
			}
			b = s.str(b, m.Key)
			b = append(b, ':')
			if s.spaced {
				b = append(b, ' ')
			}
			b = s.append(b, m.Value)
		}
		return append(b, '}')
	case tracefmt.Arr:
		return s.arr(b, len(x), func(b []byte, i int) []byte { return s.append(b, x[i]) })
	case []any:
		return s.arr(b, len(x), func(b []byte, i int) []byte { return s.append(b, x[i]) })
	case []tracefmt.Obj:
		return s.arr(b, len(x), func(b []byte, i int) []byte { return s.append(b, x[i]) })
	case []string:
		return s.arr(b, len(x), func(b []byte, i int) []byte { return s.str(b, x[i]) })
	case tracefmt.RawString:
		return append(b, x...)
	case tracefmt.Raw:
		return append(b, x...)
	case []int:
		return s.arr(b, len(x), func(b []byte, i int) []byte { return strconv.AppendInt(b, int64(x[i]), 10) })
	}
	panic(fmt.Sprintf("counsel: cannot encode a %T", v))
}

func (s jsonStyle) comma(b []byte) []byte {
	if s.spaced {
		return append(b, ", "...)
	}
	return append(b, ',')
}

func (s jsonStyle) arr(b []byte, n int, elem func([]byte, int) []byte) []byte {
	b = append(b, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b = s.comma(b)
		}
		b = elem(b, i)
	}
	return append(b, ']')
}

func (s jsonStyle) hex4(b []byte, r rune) []byte {
	digits := "0123456789abcdef"
	if s.dotnet {
		digits = "0123456789ABCDEF"
	}
	return append(b, '\\', 'u', digits[r>>12&0xf], digits[r>>8&0xf], digits[r>>4&0xf], digits[r&0xf])
}

func (s jsonStyle) str(b []byte, str string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(str); {
		c := str[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && !((s.html || s.dotnet) && (c == '<' || c == '>' || c == '&')) && !(s.dotnet && (c == '\'' || c == '+' || c == '`')) {
				i++
				continue
			}
			b = append(b, str[start:i]...)
			switch {
			case c == '"' && !s.dotnet:
				b = append(b, '\\', '"')
			case c == '\\':
				b = append(b, '\\', '\\')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			default:
				b = s.hex4(b, rune(c))
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(str[i:])
		if !s.ascii {
			i += size
			continue
		}
		b = append(b, str[start:i]...)
		if r > 0xffff {
			r -= 0x10000
			b = s.hex4(b, 0xd800+(r>>10))
			b = s.hex4(b, 0xdc00+(r&0x3ff))
		} else {
			b = s.hex4(b, r)
		}
		i += size
		start = i
	}
	b = append(b, str[start:]...)
	return append(b, '"')
}

// bodyOrder is the member order a client writes a request body in.
type bodyOrder uint8

const (
	ordUser bodyOrder = iota // as the calling code wrote it (JS objects, hand-built dicts, curl)
	ordSDK                   // Stainless Python/Java/Go: required members first, then the optional ones alphabetically
)

// reorder returns o in the member order of conv. The bodies are built in
// the order a programmer writes them: model first.
func reorder(o tracefmt.Obj, conv bodyOrder, a api) tracefmt.Obj {
	if conv == ordUser {
		return o
	}
	first := []string{"messages", "model"}
	if a == anthropic {
		first = nil // max_tokens, messages, model are alphabetical already
	}
	out := make(tracefmt.Obj, 0, len(o))
	for _, k := range first {
		for _, m := range o {
			if m.Key == k {
				out = append(out, m)
			}
		}
	}
	rest := make(tracefmt.Obj, 0, len(o))
	for _, m := range o {
		if !slices.Contains(first, m.Key) {
			rest = append(rest, m)
		}
	}
	slices.SortStableFunc(rest, func(x, y tracefmt.KV) int { return strings.Compare(x.Key, y.Key) })
	return append(out, rest...)
}
