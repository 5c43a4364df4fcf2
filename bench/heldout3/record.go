package heldout3

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// Record is one trace record: a request as the proxy saw it, in the format
// of `sluice replay` (DESIGN.md, "Trace record").
type Record struct {
	TS        time.Time
	RequestID string
	IP        string
	Method    string
	Path      string
	Headers   [][2]string // in wire order, names as sent
	JA4       string      // empty: omitted
	Body      []byte      // the JSON request body
}

// Label tells who sent a record: the class, whether it belongs to a
// distillation campaign and the stable name of the account.
type Label struct {
	RequestID string `json:"request_id"`
	Class     string `json:"class"`
	Campaign  bool   `json:"campaign"`
	Account   string `json:"account"`
}

// tsLayout is RFC 3339 with milliseconds in UTC.
const tsLayout = "2006-01-02T15:04:05.000Z"

// AppendJSON appends the record as one JSON object (no newline).
func (r *Record) AppendJSON(b []byte) []byte {
	b = append(b, `{"ts":`...)
	b = appendString(b, r.TS.UTC().Format(tsLayout))
	b = append(b, `,"request_id":`...)
	b = appendString(b, r.RequestID)
	b = append(b, `,"ip":`...)
	b = appendString(b, r.IP)
	b = append(b, `,"method":`...)
	b = appendString(b, r.Method)
	b = append(b, `,"path":`...)
	b = appendString(b, r.Path)
	b = append(b, `,"headers":[`...)
	for i, h := range r.Headers {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendString(b, h[0])
		b = append(b, ',')
		b = appendString(b, h[1])
		b = append(b, ']')
	}
	b = append(b, ']')
	if r.JA4 != "" {
		b = append(b, `,"ja4":`...)
		b = appendString(b, r.JA4)
	}
	b = append(b, `,"body":`...)
	b = append(b, r.Body...)
	return append(b, '}')
}

// AppendJSON appends the label as one JSON object (no newline).
func (l *Label) AppendJSON(b []byte) []byte {
	b = append(b, `{"request_id":`...)
	b = appendString(b, l.RequestID)
	b = append(b, `,"class":`...)
	b = appendString(b, l.Class)
	b = append(b, `,"campaign":`...)
	b = strconv.AppendBool(b, l.Campaign)
	b = append(b, `,"account":`...)
	b = appendString(b, l.Account)
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Non-ASCII text is written as
// UTF-8, as most clients send it.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
				i++
				start = i
				continue
			}
			if r == '\u2028' || r == '\u2029' {
				b = append(b, s[start:i]...)
				b = append(b, `\u202`...)
				b = append(b, hexDigits[r&0xf])
				i += size
				start = i
				continue
			}
			i += size
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, `\u00`...)
			b = append(b, hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// obj is a JSON object whose keys keep their order, as clients send them.
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
		return appendString(b, v)
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
			b = appendString(b, s)
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
			b = appendString(b, f.k)
			b = append(b, ':')
			b = appendValue(b, f.v)
		}
		return append(b, '}')
	}
	panic("heldout3: appendValue: unsupported type")
}
