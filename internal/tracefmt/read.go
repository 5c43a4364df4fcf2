package tracefmt

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// ParseRecord decodes one trace line and checks it against the contract as
// the bench's generators write it: only the contract's fields; ts, request_id,
// ip, method, path, headers and body all present; ts in RFC 3339 UTC with
// milliseconds; request_id, ip, method and path not empty; every header a
// [name,value] pair with a name; ja4, when present, not empty; and the body
// a JSON object. It is meant for tests and tools, not for replay (which
// takes any RFC 3339 time and reports a bad line as a decision).
func ParseRecord(line []byte) (Record, error) {
	var w struct {
		TS        *string         `json:"ts"`
		RequestID *string         `json:"request_id"`
		IP        *string         `json:"ip"`
		Method    *string         `json:"method"`
		Path      *string         `json:"path"`
		Headers   *[][]string     `json:"headers"`
		JA4       *string         `json:"ja4"`
		Body      json.RawMessage `json:"body"`
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return Record{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return Record{}, errors.New("more than one JSON value on the line")
	}
	switch {
	case w.TS == nil, w.RequestID == nil, w.IP == nil, w.Method == nil, w.Path == nil, w.Headers == nil, w.Body == nil:
		return Record{}, errors.New("ts, request_id, ip, method, path, headers or body missing")
	case *w.RequestID == "" || *w.IP == "" || *w.Method == "" || *w.Path == "":
		return Record{}, fmt.Errorf("empty request_id %q, ip %q, method %q or path %q", *w.RequestID, *w.IP, *w.Method, *w.Path)
	case w.JA4 != nil && *w.JA4 == "":
		return Record{}, errors.New(`"ja4" present but empty`)
	case w.Body[0] != '{':
		return Record{}, fmt.Errorf("body is not a JSON object: %.40s", w.Body)
	}
	ts, err := time.Parse(TimeFormat, *w.TS)
	if err != nil || ts.UTC().Format(TimeFormat) != *w.TS {
		return Record{}, fmt.Errorf("ts %q is not RFC 3339 UTC with milliseconds", *w.TS)
	}
	r := Record{TS: ts, RequestID: *w.RequestID, IP: *w.IP, Method: *w.Method, Path: *w.Path, Body: w.Body}
	if w.JA4 != nil {
		r.JA4 = *w.JA4
	}
	r.Headers = make([][2]string, len(*w.Headers))
	for i, h := range *w.Headers {
		if len(h) != 2 || h[0] == "" {
			return Record{}, fmt.Errorf("header %d %q is not a [name,value] pair", i, h)
		}
		r.Headers[i] = [2]string{h[0], h[1]}
	}
	return r, nil
}

// ReadRecords reads a trace (JSON lines), checks each line with ParseRecord
// and the whole as every generator here writes it: timestamps in order and
// request ids unique. An error names the line, counted from 1.
func ReadRecords(r io.Reader) ([]Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	var out []Record
	ids := map[string]bool{}
	for n := 1; sc.Scan(); n++ {
		rec, err := ParseRecord(sc.Bytes())
		if err != nil {
			return out, fmt.Errorf("tracefmt: line %d: %w", n, err)
		}
		if len(out) > 0 && rec.TS.Before(out[len(out)-1].TS) {
			return out, fmt.Errorf("tracefmt: line %d: ts %s before the previous line's", n, rec.TS.Format(TimeFormat))
		}
		if ids[rec.RequestID] {
			return out, fmt.Errorf("tracefmt: line %d: request_id %q repeated", n, rec.RequestID)
		}
		ids[rec.RequestID] = true
		out = append(out, rec)
	}
	return out, sc.Err()
}
