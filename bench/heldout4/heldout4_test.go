package heldout4_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sluicehq/sluice/bench/heldout4"
	"github.com/sluicehq/sluice/bench/tracefmt"
)

func generate(t *testing.T, cfg heldout4.Config) (trace, labels []byte) {
	t.Helper()
	var tb, lb bytes.Buffer
	w := tracefmt.NewWriter(&tb, &lb)
	if err := heldout4.Generate(cfg, w.Write); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return tb.Bytes(), lb.Bytes()
}

var (
	smallOnce           sync.Once
	smallTrace, smallLb []byte
)

// small is the -small trace of seed 1, generated once for the tests.
func small(t *testing.T) ([]byte, []byte) {
	smallOnce.Do(func() { smallTrace, smallLb = generate(t, heldout4.Config{Seed: 1, Small: true}) })
	return smallTrace, smallLb
}

func TestDeterministic(t *testing.T) {
	a, al := small(t)
	b, bl := generate(t, heldout4.Config{Seed: 1, Small: true})
	if !bytes.Equal(a, b) || !bytes.Equal(al, bl) {
		t.Fatal("the same seed gave different traces")
	}
	c, _ := generate(t, heldout4.Config{Seed: 2, Small: true})
	if bytes.Equal(a, c) {
		t.Fatal("seeds 1 and 2 gave the same trace")
	}
}

func readLabels(t *testing.T, b []byte) []tracefmt.Label {
	t.Helper()
	var out []tracefmt.Label
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var l tracefmt.Label
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("label line %d: %v", n, err)
		}
		out = append(out, l)
	}
	return out
}

func header(hs [][2]string, name string) (string, int) {
	v, n := "", 0
	for _, h := range hs {
		if strings.EqualFold(h[0], name) {
			v, n = h[1], n+1
		}
	}
	return v, n
}

func TestRecordsAndLabels(t *testing.T) {
	trace, lb := small(t)
	recs, err := tracefmt.ReadRecords(bytes.NewReader(trace))
	if err != nil {
		t.Fatal(err)
	}
	labels := readLabels(t, lb)
	if len(recs) != len(labels) {
		t.Fatalf("%d records, %d labels", len(recs), len(labels))
	}
	if len(recs) < 8000 || len(recs) > 12000 {
		t.Errorf("-small has %d records, want 8,000-12,000", len(recs))
	}
	classes := heldout4.Classes()
	perClass := map[string]int{}
	creds := map[string]string{}
	paths := map[string]bool{"/v1/chat/completions": true, "/v1/responses": true, "/v1/completions": true, "/v1/messages": true}
	for i, r := range recs {
		l := labels[i]
		if l.RequestID != r.RequestID {
			t.Fatalf("line %d: label %q for record %q", i+1, l.RequestID, r.RequestID)
		}
		campaign, ok := classes[l.Class]
		if !ok || campaign != l.Campaign || !strings.HasPrefix(l.Class, "h4_") || !strings.HasPrefix(l.Account, l.Class+"-") {
			t.Fatalf("line %d: bad label %+v", i+1, l)
		}
		perClass[l.Class]++
		if r.Method != "POST" || !paths[r.Path] {
			t.Fatalf("line %d: %s %s", i+1, r.Method, r.Path)
		}
		// one credential, where the dialect wants it, stable per account
		auth, na := header(r.Headers, "authorization")
		key, nk := header(r.Headers, "x-api-key")
		var cred string
		if r.Path == "/v1/messages" {
			if nk != 1 || na != 0 {
				t.Fatalf("line %d: /v1/messages with %d x-api-key and %d authorization", i+1, nk, na)
			}
			if v, n := header(r.Headers, "anthropic-version"); n != 1 || v == "" {
				t.Fatalf("line %d: no anthropic-version", i+1)
			}
			cred = key
		} else {
			if na != 1 || nk != 0 || !strings.HasPrefix(auth, "Bearer sk-") {
				t.Fatalf("line %d: %s with authorization %q (%d) and %d x-api-key", i+1, r.Path, auth, na, nk)
			}
			cred = strings.TrimPrefix(auth, "Bearer ")
		}
		if prev, ok := creds[l.Account]; ok && prev != cred {
			t.Fatalf("line %d: account %s changed its credential", i+1, l.Account)
		}
		creds[l.Account] = cred
		if ua, n := header(r.Headers, "user-agent"); n != 1 || ua == "" {
			t.Fatalf("line %d: user-agent %q (%d)", i+1, ua, n)
		}
		if cl, _ := header(r.Headers, "content-length"); cl != strconv.Itoa(len(r.Body)) {
			t.Fatalf("line %d: content-length %s for a body of %d bytes", i+1, cl, len(r.Body))
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatalf("line %d: body: %v", i+1, err)
		}
		if m, _ := body["model"].(string); m == "" {
			t.Fatalf("line %d: no model", i+1)
		}
		switch r.Path {
		case "/v1/chat/completions":
			if _, ok := body["messages"].([]any); !ok {
				t.Fatalf("line %d: chat without messages", i+1)
			}
		case "/v1/messages":
			if _, ok := body["messages"].([]any); !ok || body["max_tokens"] == nil {
				t.Fatalf("line %d: messages without messages or max_tokens", i+1)
			}
		case "/v1/responses":
			if body["input"] == nil {
				t.Fatalf("line %d: responses without input", i+1)
			}
		case "/v1/completions":
			if _, ok := body["prompt"].(string); !ok {
				t.Fatalf("line %d: completions without prompt", i+1)
			}
		}
	}
	for c := range classes {
		if perClass[c] == 0 {
			t.Errorf("class %s absent from -small", c)
		}
	}
	seen := map[string]bool{}
	for a, c := range creds {
		if seen[c] {
			t.Errorf("credential of %s shared with another account", a)
		}
		seen[c] = true
	}
}
