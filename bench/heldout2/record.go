// Package heldout2 is a third, independent held-out traffic generator for
// sluice's detection. It writes trace records exactly per the replay
// contract of DESIGN.md and, in a separate file, ground-truth labels that
// bench/cmd/detectreport reads.
//
// It was written without reading the detector (limiter/, fingerprint/,
// proxy/) or the other generators (bench/sim/, bench/heldout/). Its
// emphasis is on cases the other generators may lack: about half the
// traffic is Chinese or mixed Chinese/English; legitimate traffic that
// asks for step-by-step reasoning at scale (an API gateway on one key, a
// research lab running chain-of-thought prompts over public data sets, a
// labelling company, students, an agent framework whose shared system
// prompt says "think step by step", a legal/medical QA app, an hourly
// regression suite); and campaigns whose elicitation hides in follow-up
// turns, in a shared system prompt, in tool trajectories, in log-prob
// extraction, or in bodies re-sent from another account.
//
// Legitimate and campaign traffic share the same text machinery, the same
// vocabulary and the same client stacks, so that a detector cannot win on
// generator artefacts.
package heldout2

import (
	"bytes"
	"strconv"
	"time"
	"unicode/utf8"
)

// Record is one trace record of DESIGN.md ("Trace record (replay input)").
type Record struct {
	TS        time.Time
	RequestID string
	IP        string
	Method    string
	Path      string
	Headers   [][2]string
	JA4       string
	Body      []byte // a JSON object, as sent
}

// Label is the ground truth of one record, in the format
// bench/cmd/detectreport reads.
type Label struct {
	RequestID string `json:"request_id"`
	Class     string `json:"class"`
	Campaign  bool   `json:"campaign"`
	Account   string `json:"account"`
}

// TSFormat is the timestamp format of the trace: RFC 3339, UTC, milliseconds.
const TSFormat = "2006-01-02T15:04:05.000Z"

// AppendJSON appends r as one JSON object (no newline) to b.
func (r *Record) AppendJSON(b []byte) []byte {
	b = append(b, `{"ts":`...)
	b = appendString(b, r.TS.UTC().Format(TSFormat))
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

// AppendJSON appends l as one JSON object (no newline) to b.
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

// appendString appends s as a JSON string, UTF-8 kept as is.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else if r == '\u2028' || r == '\u2029' {
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// obj is a JSON object that keeps its keys in insertion order, as the SDKs
// serialise request bodies.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) set(k string, v any) obj { return append(o, kv{k, v}) }

// encode returns v as JSON. It knows the value types bodies are built from.
func encode(v any) []byte {
	var buf bytes.Buffer
	buf.Grow(1024)
	b := appendValue(buf.Bytes(), v)
	return b
}

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
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case float64:
		return strconv.AppendFloat(b, x, 'f', -1, 64)
	case bool:
		return strconv.AppendBool(b, x)
	}
	panic("heldout2: cannot encode value")
}
