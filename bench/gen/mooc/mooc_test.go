package mooc

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
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

func TestSmallTrace(t *testing.T) {
	start := time.Now()
	trace, labels, n := generate(t, Small(1))
	if n < 8000 || n > 12000 {
		t.Errorf("small trace has %d records, want 8,000-12,000", n)
	}
	recs, err := tracefmt.ReadRecords(bytes.NewReader(trace))
	if err != nil {
		t.Fatal(err)
	}
	ll := strings.Split(strings.TrimSuffix(string(labels), "\n"), "\n")
	if len(recs) != n || len(ll) != n {
		t.Fatalf("%d records and %d label lines for %d records", len(recs), len(ll), n)
	}
	cfg := Small(1)
	end := cfg.Start.Add(cfg.Duration)
	classes := Classes()
	perClass := map[string]int{}
	keyOf := map[string]string{}
	for i, rec := range recs {
		var lab Label
		if err := json.Unmarshal([]byte(ll[i]), &lab); err != nil {
			t.Fatalf("label %d: %v", i, err)
		}
		switch {
		case rec.TS.Before(cfg.Start) || !rec.TS.Before(end):
			t.Fatalf("record %d: ts %s outside the trace", i, rec.TS)
		case lab.RequestID != rec.RequestID:
			t.Fatalf("record %d: label for %q, record %q", i, lab.RequestID, rec.RequestID)
		case rec.Method != "POST" || !strings.HasPrefix(rec.Path, "/v1/") || len(rec.Headers) == 0:
			t.Fatalf("record %d: method %q, path %q, %d headers", i, rec.Method, rec.Path, len(rec.Headers))
		}
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
	t.Logf("the small trace took %v", time.Since(start)) // speed lives in benchmarks, not here
}

func TestBadConfig(t *testing.T) {
	if err := Generate(Config{}, func(Record, Label) error { return nil }); err == nil {
		t.Fatal("an empty config generated a trace")
	}
}
