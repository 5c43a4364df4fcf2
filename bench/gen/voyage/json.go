package voyage

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Bodies are tracefmt.Obj values written the way each client's serializer
// writes them: the separators, which characters are escaped and how, and
// how a float64 is spelled all differ between Python's json.dumps, httpx,
// JSON.stringify, encoding/json, Jackson, System.Text.Json, PHP's
// json_encode and Ruby's JSON.generate.

type obj = tracefmt.Obj
type arr = tracefmt.Arr

// floatStyle is how a serializer spells a float64 that holds an integer
// (1.0) and where it switches to an exponent.
type floatStyle int

const (
	floatJS   floatStyle = iota // 1, 0.7 (JSON.stringify, System.Text.Json)
	floatGo                     // 1, 0.7 (encoding/json)
	floatPy                     // 1.0, 0.7 (json.dumps, repr)
	floatJava                   // 1.0, 0.7 (Jackson, Ruby, PHP)
)

// jsonStyle is one serializer's way of writing JSON.
type jsonStyle struct {
	spaced bool // ", " and ": " (Python's json.dumps defaults, hand-typed JSON)
	ascii  bool // non-ASCII as \uXXXX (ensure_ascii, json_encode, System.Text.Json)
	upper  bool // upper-case hex in \u escapes (System.Text.Json)
	html   bool // <, > and & as \u00XX (encoding/json, System.Text.Json)
	slash  bool // "/" as "\/" (json_encode)
	dotnet bool // also ", ', + and ` as \u00XX (System.Text.Json's default encoder)
	float  floatStyle
}

var (
	styleHttpx   = jsonStyle{float: floatPy}                            // httpx >= 0.28 in the Python SDKs
	styleDumps   = jsonStyle{spaced: true, ascii: true, float: floatPy} // json.dumps defaults (requests data=json.dumps(...), aiohttp)
	styleJS      = jsonStyle{float: floatJS}
	styleGo      = jsonStyle{html: true, float: floatGo}
	styleJackson = jsonStyle{float: floatJava}
	styleDotnet  = jsonStyle{ascii: true, upper: true, html: true, dotnet: true, float: floatJS}
	stylePHP     = jsonStyle{ascii: true, slash: true, float: floatJava}
	styleRuby    = jsonStyle{float: floatJava}
	styleTyped   = jsonStyle{spaced: true, float: floatJS} // JSON typed by hand after curl -d
	stylePostman = jsonStyle{spaced: true, float: floatJS} // Postman's raw body editor, its line breaks dropped as a trace line needs
	styleHTTPie  = jsonStyle{spaced: true, float: floatPy} // HTTPie's json.dumps(ensure_ascii=False)
)

// marshal writes v in style s.
func (s jsonStyle) marshal(v any) []byte {
	return s.append(make([]byte, 0, 1024), v)
}

func (s jsonStyle) sep() (comma, colon string) {
	if s.spaced {
		return ", ", ": "
	}
	return ",", ":"
}

func (s jsonStyle) append(b []byte, v any) []byte {
	comma, colon := s.sep()
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
		return s.num(b, x)
	case tracefmt.RawString:
		return append(b, x...)
	case obj:
		if len(x) == 0 {
			return append(b, "{}"...)
		}
		b = append(b, '{')
		for i, m := range x {
			if i > 0 {
				b = append(b, comma...)
			}
			b = s.str(b, m.Key)
			b = append(b, colon...)
			b = s.append(b, m.Value)
		}
		return append(b, '}')
	case arr:
		return s.list(b, []any(x))
	case []any:
		return s.list(b, x)
	case []string:
		l := make([]any, len(x))
		for i := range x {
			l[i] = x[i]
		}
		return s.list(b, l)
	case []int:
		l := make([]any, len(x))
		for i := range x {
			l[i] = x[i]
		}
		return s.list(b, l)
	}
	panic(fmt.Sprintf("voyage: cannot encode a %T", v))
}

func (s jsonStyle) list(b []byte, l []any) []byte {
	if len(l) == 0 {
		return append(b, "[]"...)
	}
	comma, _ := s.sep()
	b = append(b, '[')
	for i, e := range l {
		if i > 0 {
			b = append(b, comma...)
		}
		b = s.append(b, e)
	}
	return append(b, ']')
}

func (s jsonStyle) num(b []byte, f float64) []byte {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		b = strconv.AppendInt(b, int64(f), 10)
		if s.float == floatPy || s.float == floatJava {
			b = append(b, ".0"...)
		}
		return b
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

func (s jsonStyle) hex4(b []byte, r rune) []byte {
	digits := lowerHex
	if s.upper {
		digits = "0123456789ABCDEF"
	}
	return append(b, '\\', 'u', digits[r>>12&0xf], digits[r>>8&0xf], digits[r>>4&0xf], digits[r&0xf])
}

func (s jsonStyle) str(b []byte, x string) []byte {
	b = append(b, '"')
	for i := 0; i < len(x); {
		c := x[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '"':
				if s.dotnet {
					b = s.hex4(b, rune(c))
				} else {
					b = append(b, '\\', '"')
				}
			case c == '\\':
				b = append(b, '\\', '\\')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = s.hex4(b, rune(c))
			case s.html && (c == '<' || c == '>' || c == '&'):
				b = s.hex4(b, rune(c))
			case s.dotnet && (c == '\'' || c == '+' || c == '`'):
				b = s.hex4(b, rune(c))
			case s.slash && c == '/':
				b = append(b, '\\', '/')
			default:
				b = append(b, c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(x[i:])
		i += size
		switch {
		case s.ascii && r > 0xffff:
			r1, r2 := utf16Pair(r)
			b = s.hex4(s.hex4(b, r1), r2)
		case s.ascii, r == '\u2028' || r == '\u2029':
			b = s.hex4(b, r)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

func utf16Pair(r rune) (rune, rune) {
	r -= 0x10000
	return 0xd800 + (r>>10)&0x3ff, 0xdc00 + r&0x3ff
}

// sortBody returns the members of a request body in the order a
// generated SDK writes them: its required parameters first, in the order
// given, then the optional ones in alphabetical order (the order of the
// create method's keyword arguments).
func sortBody(b obj, first ...string) obj {
	out := make(obj, 0, len(b))
	for _, k := range first {
		for _, m := range b {
			if m.Key == k {
				out = append(out, m)
			}
		}
	}
	rest := make(obj, 0, len(b))
	for _, m := range b {
		isFirst := false
		for _, k := range first {
			isFirst = isFirst || m.Key == k
		}
		if !isFirst {
			rest = append(rest, m)
		}
	}
	for i := 1; i < len(rest); i++ {
		for j := i; j > 0 && strings.Compare(rest[j-1].Key, rest[j].Key) > 0; j-- {
			rest[j-1], rest[j] = rest[j], rest[j-1]
		}
	}
	return append(out, rest...)
}
