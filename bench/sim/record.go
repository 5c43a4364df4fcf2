package sim

import (
	"encoding/json"
	"time"
)

// Record is one trace record, the replay input of DESIGN.md: it marshals to
// exactly the contract's shape, with ts in RFC 3339 UTC with milliseconds.
type Record struct {
	TS        time.Time       `json:"ts"`
	RequestID string          `json:"request_id"`
	IP        string          `json:"ip"`
	Method    string          `json:"method"`
	Path      string          `json:"path"`
	Headers   [][2]string     `json:"headers"`
	JA4       string          `json:"ja4,omitempty"`
	Body      json.RawMessage `json:"body"`
}

// TimeFormat is the layout of Record.TS on the wire.
const TimeFormat = "2006-01-02T15:04:05.000Z07:00"

// MarshalJSON writes the contract's field order and the millisecond
// timestamp; Body is written as is and must be valid JSON.
func (r Record) MarshalJSON() ([]byte, error) {
	return r.AppendJSON(make([]byte, 0, 512+len(r.Body))), nil
}

// AppendJSON appends the record's JSON (without a newline) to b.
func (r *Record) AppendJSON(b []byte) []byte {
	b = append(b, `{"ts":"`...)
	b = r.TS.UTC().AppendFormat(b, TimeFormat)
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
	if len(r.Body) == 0 {
		b = append(b, "null"...)
	} else {
		b = append(b, r.Body...)
	}
	return append(b, '}')
}

// appendString appends s as a JSON string. Header values are printable
// ASCII in every stack, so the fast path covers them; anything else goes
// through encoding/json.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// Label is the ground truth of one record. Labels go to a separate file so
// that nothing under test can read them.
type Label struct {
	RequestID string `json:"request_id"`
	Class     Class  `json:"class"`
	Campaign  bool   `json:"campaign"`
	Account   string `json:"account"`
}
