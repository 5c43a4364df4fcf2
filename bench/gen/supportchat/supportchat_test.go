package supportchat

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

func tiny() Config {
	c := Default()
	c.Scale, c.Duration = 0.1, 90*time.Minute
	return c
}

func generate(t *testing.T, cfg Config) (trace, labels []byte, n int) {
	t.Helper()
	var tb, lb bytes.Buffer
	n, err := Write(cfg, &tb, &lb)
	if err != nil {
		t.Fatal(err)
	}
	return tb.Bytes(), lb.Bytes(), n
}

func TestDeterministic(t *testing.T) {
	cfg := tiny()
	a, la, _ := generate(t, cfg)
	b, lb, _ := generate(t, cfg)
	if sha256.Sum256(a) != sha256.Sum256(b) || !bytes.Equal(la, lb) {
		t.Fatal("same seed gave different output")
	}
	cfg.Seed++
	c, _, _ := generate(t, cfg)
	if bytes.Equal(a, c) {
		t.Fatal("a different seed gave the same trace")
	}
}

// TestContract checks every record against the trace-record contract of
// docs/contracts.md and every label against its record.
func TestContract(t *testing.T) {
	trace, labels, n := generate(t, tiny())
	recs, err := tracefmt.ReadRecords(bytes.NewReader(trace))
	if err != nil {
		t.Fatal(err)
	}
	ls, err := sim.ReadLabels(bytes.NewReader(labels))
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != n || len(recs) != n {
		t.Fatalf("%d labels and %d records for %d records written", len(ls), len(recs), n)
	}
	classes := map[string]int{}
	for i, r := range recs {
		if r.Method != "POST" || (r.Path != "/v1/chat/completions" && r.Path != "/v1/responses" && r.Path != "/v1/messages") {
			t.Fatalf("line %d: %s %s", i+1, r.Method, r.Path)
		}
		if strings.Count(r.IP, ".") != 3 {
			t.Fatalf("line %d: ip %q", i+1, r.IP)
		}
		var cred, ua, clen string
		for _, h := range r.Headers {
			switch strings.ToLower(h[0]) {
			case "authorization":
				if !strings.HasPrefix(h[1], "Bearer sk-") {
					t.Fatalf("line %d: authorization %q", i+1, h[1])
				}
				cred = h[1]
			case "x-api-key":
				cred = h[1]
			case "user-agent":
				ua = h[1]
			case "content-length":
				clen = h[1]
			}
		}
		if cred == "" || ua == "" {
			t.Fatalf("line %d: no credential or user agent", i+1)
		}
		if r.JA4 != "" && (len(r.JA4) != 36 || r.JA4[0] != 't') {
			t.Fatalf("line %d: ja4 %q", i+1, r.JA4)
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatalf("line %d: body: %v", i+1, err)
		}
		if clen != "" && clen != itoa(len(r.Body)) {
			t.Fatalf("line %d: content-length %s for a %d-byte body", i+1, clen, len(r.Body))
		}
		if _, ok := body["model"]; !ok {
			t.Fatalf("line %d: body without model", i+1)
		}
		switch r.Path {
		case "/v1/messages":
			if _, ok := body["max_tokens"]; !ok {
				t.Fatalf("line %d: messages body without max_tokens", i+1)
			}
			fallthrough
		case "/v1/chat/completions":
			if _, ok := body["messages"].([]any); !ok {
				t.Fatalf("line %d: no messages", i+1)
			}
		case "/v1/responses":
			if _, ok := body["input"]; !ok {
				t.Fatalf("line %d: responses body without input", i+1)
			}
		}
		l := ls[i]
		if l.RequestID != r.RequestID || l.Account == "" || l.Campaign != IsCampaign(string(l.Class)) {
			t.Fatalf("line %d: label %+v", i+1, l)
		}
		classes[string(l.Class)]++
	}
	for _, c := range Classes {
		if classes[c] == 0 {
			t.Errorf("class %s has no records", c)
		}
	}
	t.Logf("%d records: %v", n, classes)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
