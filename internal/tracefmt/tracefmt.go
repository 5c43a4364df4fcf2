// Package tracefmt is the serialisation of the trace contract and nothing
// else: the trace record of docs/contracts.md ("Trace record (replay
// input)", the input of `sluice replay`), the ground-truth label line that
// bench/cmd/detectreport and sim.ReadLabels read, the JSON string appender
// both are written with (and its variant that keeps <, > and &), a buffered
// writer of the two JSON-lines files and, for tests and tools, a strict
// reader of trace lines; and, for the bodies inside records, an encoder of
// ordered JSON objects whose string escaping and float format are set per
// generator (Encoder, Obj).
//
// It models no traffic. The generators that use it (internal/sim and those
// under bench/gen) each model their own traffic — text, clients, timing,
// classes and which request bodies they send — independently of one
// another; they share only this wire format.
package tracefmt

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"time"
	"unicode/utf8"
)

// TimeFormat is the layout of a record's ts: RFC 3339 with milliseconds.
// Record.AppendJSON formats the UTC time, so the zone is always "Z".
const TimeFormat = "2006-01-02T15:04:05.000Z07:00"

// Record is one trace record. AppendJSON and MarshalJSON write exactly the
// contract's shape, fields in the contract's order; json.Unmarshal reads
// it back through the field tags.
type Record struct {
	TS        time.Time       `json:"ts"`
	RequestID string          `json:"request_id"`
	IP        string          `json:"ip"`
	Method    string          `json:"method"`
	Path      string          `json:"path"`
	Headers   [][2]string     `json:"headers"`       // in wire order, names as sent
	JA4       string          `json:"ja4,omitempty"` // empty: no TLS fingerprint, ja4 omitted
	Body      json.RawMessage `json:"body"`          // the JSON request body as sent
}

// MarshalJSON returns the record's JSON (see AppendJSON).
func (r Record) MarshalJSON() ([]byte, error) {
	return r.AppendJSON(make([]byte, 0, 512+len(r.Body))), nil
}

// AppendJSON appends the record as one JSON object (no newline) to b: ts in
// UTC with milliseconds, headers as [[name,value],...] in wire order, ja4
// only when not empty, and Body as is (null when empty); Body must be
// valid JSON.
func (r *Record) AppendJSON(b []byte) []byte {
	b = append(b, `{"ts":"`...)
	b = r.TS.UTC().AppendFormat(b, TimeFormat)
	b = append(b, `","request_id":`...)
	b = AppendString(b, r.RequestID)
	b = append(b, `,"ip":`...)
	b = AppendString(b, r.IP)
	b = append(b, `,"method":`...)
	b = AppendString(b, r.Method)
	b = append(b, `,"path":`...)
	b = AppendString(b, r.Path)
	b = append(b, `,"headers":[`...)
	for i, h := range r.Headers {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = AppendString(b, h[0])
		b = append(b, ',')
		b = AppendString(b, h[1])
		b = append(b, ']')
	}
	b = append(b, ']')
	if r.JA4 != "" {
		b = append(b, `,"ja4":`...)
		b = AppendString(b, r.JA4)
	}
	b = append(b, `,"body":`...)
	if len(r.Body) == 0 {
		b = append(b, "null"...)
	} else {
		b = append(b, r.Body...)
	}
	return append(b, '}')
}

// Label is the ground truth of one record: its class, whether it belongs to
// a distillation campaign, and the stable name of the account that sent
// it. Labels go to a file of their own, so that nothing under test reads
// them.
type Label struct {
	RequestID string `json:"request_id"`
	Class     string `json:"class"`
	Campaign  bool   `json:"campaign"`
	Account   string `json:"account"`
}

// AppendJSON appends the label as one JSON object (no newline) to b.
func (l *Label) AppendJSON(b []byte) []byte {
	b = append(b, `{"request_id":`...)
	b = AppendString(b, l.RequestID)
	b = append(b, `,"class":`...)
	b = AppendString(b, l.Class)
	b = append(b, `,"campaign":`...)
	b = strconv.AppendBool(b, l.Campaign)
	b = append(b, `,"account":`...)
	b = AppendString(b, l.Account)
	return append(b, '}')
}

// AppendString appends s to b as a JSON string, escaped as json.Marshal
// escapes it but for \b and \f: '"' and '\\' with a backslash; \n, \r and
// \t as such; the other control characters (\b and \f included) and <, >
// and & as \u00XX; U+2028 and U+2029 as \u2028 and \u2029; each byte of
// invalid UTF-8 as \ufffd. Everything else, non-ASCII text included, is
// kept as is (UTF-8, as SDKs send it). Records and labels are written with
// it.
func AppendString(b []byte, s string) []byte { return appendString(b, s, true) }

// AppendStringKeepHTML is AppendString that leaves <, > and & as they are,
// as a json.Encoder does after SetEscapeHTML(false).
func AppendStringKeepHTML(b []byte, s string) []byte { return appendString(b, s, false) }

const hexDigits = "0123456789abcdef"

func appendString(b []byte, s string, html bool) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
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
			default: // another control character, or <, > or & when escaping HTML
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Writer writes trace records and their labels as JSON lines, each stream
// buffered. Call Flush when done.
type Writer struct {
	trace, labels *bufio.Writer
	buf           []byte
	n             int
}

// NewWriter returns a Writer of records to trace and labels to labels; with
// labels nil, labels are dropped.
func NewWriter(trace, labels io.Writer) *Writer {
	w := &Writer{trace: bufio.NewWriterSize(trace, 1<<20), buf: make([]byte, 0, 64<<10)}
	if labels != nil {
		w.labels = bufio.NewWriterSize(labels, 1<<18)
	}
	return w
}

// Write writes one record line and one label line. Its signature is that
// of the generators' emit functions.
func (w *Writer) Write(r Record, l Label) error {
	w.buf = append(r.AppendJSON(w.buf[:0]), '\n')
	if _, err := w.trace.Write(w.buf); err != nil {
		return err
	}
	w.n++
	if w.labels == nil {
		return nil
	}
	w.buf = append(l.AppendJSON(w.buf[:0]), '\n')
	_, err := w.labels.Write(w.buf)
	return err
}

// Records returns the number of records written.
func (w *Writer) Records() int { return w.n }

// Flush writes out what is buffered.
func (w *Writer) Flush() error {
	if err := w.trace.Flush(); err != nil {
		return err
	}
	if w.labels == nil {
		return nil
	}
	return w.labels.Flush()
}
