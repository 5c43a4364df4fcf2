package heldout

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
)

// Record is one trace record of DESIGN.md, the input of `sluice replay`.
type Record struct {
	TS        time.Time
	RequestID string
	IP        string
	Method    string
	Path      string
	Headers   [][2]string
	JA4       string // empty: no TLS fingerprint recorded
	Body      []byte // the JSON request body as sent
}

// Label is the ground truth of one record, in the labels format that
// bench/cmd/detectreport reads.
type Label struct {
	RequestID string `json:"request_id"`
	Class     string `json:"class"`
	Campaign  bool   `json:"campaign"`
	Account   string `json:"account"`
}

// tsLayout is RFC 3339 in UTC with milliseconds.
const tsLayout = "2006-01-02T15:04:05.000Z"

// AppendJSON appends the record as one JSON object (no newline), fields in
// the order of the contract.
func (r *Record) AppendJSON(b []byte) []byte {
	b = append(b, `{"ts":"`...)
	b = r.TS.UTC().AppendFormat(b, tsLayout)
	b = append(b, `","request_id":`...)
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

// appendString appends s as a JSON string. It escapes what encoding/json
// escapes, except that it keeps non-ASCII text as UTF-8 (as SDKs send it).
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// obj is a JSON object that keeps its keys in insertion order, the way
// SDKs serialise request bodies.
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
			b = appendString(b, e.k)
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
			b = appendString(b, e)
		}
		return append(b, ']')
	case string:
		return appendString(b, x)
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
