package heldout3

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"strings"
	"testing"
	"time"
)

// generate returns the trace and labels of cfg as JSON lines.
func generate(t *testing.T, cfg Config) (trace, labels []byte, n int) {
	t.Helper()
	var tb, lb bytes.Buffer
	err := Generate(cfg, func(r Record, l Label) error {
		tb.Write(append(r.AppendJSON(nil), '\n'))
		lb.Write(append(l.AppendJSON(nil), '\n'))
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tb.Bytes(), lb.Bytes(), n
}

func digest(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

func TestDeterministic(t *testing.T) {
	a, al, _ := generate(t, Small(7))
	b, bl, _ := generate(t, Small(7))
	if digest(a) != digest(b) || digest(al) != digest(bl) {
		t.Fatal("two runs with one seed differ")
	}
	c, _, _ := generate(t, Small(8))
	if digest(a) == digest(c) {
		t.Fatal("seeds 7 and 8 give the same trace")
	}
}

type traceRecord struct {
	TS        string          `json:"ts"`
	RequestID string          `json:"request_id"`
	IP        string          `json:"ip"`
	Method    string          `json:"method"`
	Path      string          `json:"path"`
	Headers   [][]string      `json:"headers"`
	JA4       string          `json:"ja4"`
	Body      json.RawMessage `json:"body"`
}

func TestSmallTrace(t *testing.T) {
	start := time.Now()
	trace, labels, n := generate(t, Small(1))
	if n < 8000 || n > 12000 {
		t.Errorf("small trace has %d records, want 8,000-12,000", n)
	}
	tl := strings.Split(strings.TrimSuffix(string(trace), "\n"), "\n")
	ll := strings.Split(strings.TrimSuffix(string(labels), "\n"), "\n")
	if len(tl) != n || len(ll) != n {
		t.Fatalf("%d trace lines and %d label lines for %d records", len(tl), len(ll), n)
	}
	cfg := Small(1)
	end := cfg.Start.Add(cfg.Duration)
	ids := make(map[string]bool, n)
	classes := Classes()
	perClass := map[string]int{}
	keyOf := map[string]string{}
	var prev time.Time
	for i := range tl {
		var rec traceRecord
		if err := json.Unmarshal([]byte(tl[i]), &rec); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		var lab Label
		if err := json.Unmarshal([]byte(ll[i]), &lab); err != nil {
			t.Fatalf("label %d: %v", i, err)
		}
		ts, err := time.Parse(time.RFC3339Nano, rec.TS)
		switch {
		case err != nil || len(rec.TS) != len(tsLayout) || !strings.HasSuffix(rec.TS, "Z"):
			t.Fatalf("record %d: ts %q is not RFC 3339 with milliseconds in UTC", i, rec.TS)
		case ts.Before(prev):
			t.Fatalf("record %d: ts %s before %s", i, rec.TS, prev.Format(tsLayout))
		case ts.Before(cfg.Start) || !ts.Before(end):
			t.Fatalf("record %d: ts %s outside the trace", i, rec.TS)
		case rec.RequestID == "" || ids[rec.RequestID]:
			t.Fatalf("record %d: request_id %q empty or repeated", i, rec.RequestID)
		case lab.RequestID != rec.RequestID:
			t.Fatalf("record %d: label for %q, record %q", i, lab.RequestID, rec.RequestID)
		case rec.IP == "" || rec.Method != "POST" || !strings.HasPrefix(rec.Path, "/v1/") || len(rec.Headers) == 0:
			t.Fatalf("record %d: missing ip, method, path or headers: %s", i, tl[i][:min(200, len(tl[i]))])
		case len(rec.Body) == 0 || rec.Body[0] != '{':
			t.Fatalf("record %d: body is not a JSON object", i)
		}
		prev = ts
		ids[rec.RequestID] = true
		campaign, ok := classes[lab.Class]
		if !ok || campaign != lab.Campaign || lab.Account == "" || !strings.HasPrefix(lab.Account, lab.Class) {
			t.Fatalf("record %d: bad label %+v", i, lab)
		}
		perClass[lab.Class]++
		var body struct {
			Model string `json:"model"`
		}
		if err := json.Unmarshal(rec.Body, &body); err != nil || body.Model == "" {
			t.Fatalf("record %d: body without a model (%v)", i, err)
		}
		key := ""
		for _, h := range rec.Headers {
			switch strings.ToLower(h[0]) {
			case "authorization":
				key = strings.TrimPrefix(h[1], "Bearer ")
				if rec.Path == "/v1/messages" || !strings.HasPrefix(key, "sk-") {
					t.Fatalf("record %d: bearer key %q on %s", i, key, rec.Path)
				}
			case "x-api-key":
				key = h[1]
				if rec.Path != "/v1/messages" || !strings.HasPrefix(key, "sk-ant-") {
					t.Fatalf("record %d: x-api-key on %s", i, rec.Path)
				}
			}
		}
		if key == "" {
			t.Fatalf("record %d: no credential", i)
		}
		if k, seen := keyOf[lab.Account]; seen && k != key {
			t.Fatalf("record %d: account %s changed its key", i, lab.Account)
		}
		keyOf[lab.Account] = key
	}
	for c := range classes {
		if perClass[c] == 0 {
			t.Errorf("class %s missing from the small trace", c)
		}
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("the small trace took %v", d)
	}
}

func TestBadConfig(t *testing.T) {
	if err := Generate(Config{}, func(Record, Label) error { return nil }); err == nil {
		t.Fatal("an empty config generated a trace")
	}
}
