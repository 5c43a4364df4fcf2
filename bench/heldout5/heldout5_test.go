package heldout5_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/heldout5"
	"github.com/sluicehq/sluice/bench/tracefmt"
)

func generate(t *testing.T, cfg heldout5.Config) (trace, labels []byte) {
	t.Helper()
	var tb, lb bytes.Buffer
	if _, err := heldout5.Write(cfg, &tb, &lb); err != nil {
		t.Fatal(err)
	}
	return tb.Bytes(), lb.Bytes()
}

var (
	smallOnce        sync.Once
	smallTr, smallLb []byte
)

// small is the Small trace of seed 1, generated once for the tests.
func small(t *testing.T) ([]byte, []byte) {
	smallOnce.Do(func() { smallTr, smallLb = generate(t, heldout5.Small(1)) })
	return smallTr, smallLb
}

func TestDeterministic(t *testing.T) {
	a, al := small(t)
	b, bl := generate(t, heldout5.Small(1))
	if !bytes.Equal(a, b) || !bytes.Equal(al, bl) {
		t.Fatal("the same seed gave different traces")
	}
	c, _ := generate(t, heldout5.Small(2))
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

// TestRecords reads the Small trace with tracefmt's strict reader and
// checks every record against its label: credentials where the dialect
// wants them and stable per account, bodies of the path's API, every
// class present, the size bound and the window.
func TestRecords(t *testing.T) {
	trace, lb := small(t)
	recs, err := tracefmt.ReadRecords(bytes.NewReader(trace))
	if err != nil {
		t.Fatal(err)
	}
	labels := readLabels(t, lb)
	if len(recs) != len(labels) {
		t.Fatalf("%d records, %d labels", len(recs), len(labels))
	}
	if len(recs) < 5000 || len(recs) > 40000 {
		t.Errorf("Small has %d records, want 5,000-40,000", len(recs))
	}
	end := heldout5.Start.Add(heldout5.Small(1).Duration())
	classes := heldout5.Classes()
	perClass := map[string]int{}
	creds := map[string]string{}
	for i, r := range recs {
		l := labels[i]
		if l.RequestID != r.RequestID {
			t.Fatalf("line %d: label %q for record %q", i+1, l.RequestID, r.RequestID)
		}
		campaign, ok := classes[l.Class]
		if !ok || campaign != l.Campaign || !strings.HasPrefix(l.Account, l.Class+"-") {
			t.Fatalf("line %d: bad label %+v", i+1, l)
		}
		perClass[l.Class]++
		if r.TS.Before(heldout5.Start) || !r.TS.Before(end) {
			t.Fatalf("line %d: ts %s outside the window", i+1, r.TS.Format(time.RFC3339))
		}
		auth, na := header(r.Headers, "authorization")
		key, nk := header(r.Headers, "x-api-key")
		var cred string
		switch r.Path {
		case "/v1/messages":
			if nk != 1 || na != 0 {
				t.Fatalf("line %d: /v1/messages with %d x-api-key and %d authorization", i+1, nk, na)
			}
			if v, n := header(r.Headers, "anthropic-version"); n != 1 || v == "" {
				t.Fatalf("line %d: no anthropic-version", i+1)
			}
			cred = key
		case "/v1/chat/completions", "/v1/responses":
			if na != 1 || nk != 0 || !strings.HasPrefix(auth, "Bearer sk-") {
				t.Fatalf("line %d: %s with authorization %q (%d) and %d x-api-key", i+1, r.Path, auth, na, nk)
			}
			cred = strings.TrimPrefix(auth, "Bearer ")
		default:
			t.Fatalf("line %d: path %s", i+1, r.Path)
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
			if th, ok := body["thinking"].(map[string]any); ok && th["budget_tokens"].(float64) >= body["max_tokens"].(float64) {
				t.Fatalf("line %d: thinking budget not below max_tokens", i+1)
			}
		case "/v1/responses":
			if body["input"] == nil {
				t.Fatalf("line %d: responses without input", i+1)
			}
		}
	}
	for c := range classes {
		if perClass[c] == 0 {
			t.Errorf("class %s absent from Small", c)
		}
	}
	seen := map[string]string{}
	for a, c := range creds {
		if b, ok := seen[c]; ok {
			t.Errorf("accounts %s and %s share a credential", a, b)
		}
		seen[c] = a
	}
}

// TestNewAccountsArriveLate checks the point of the trace: the course's,
// the onboarding's and every rotated eval key after the first rotation
// are first seen well after the window opened.
func TestNewAccountsArriveLate(t *testing.T) {
	trace, lb := small(t)
	recs, err := tracefmt.ReadRecords(bytes.NewReader(trace))
	if err != nil {
		t.Fatal(err)
	}
	labels := readLabels(t, lb)
	first := map[string]time.Time{}
	class := map[string]string{}
	for i, r := range recs {
		a := labels[i].Account
		if _, ok := first[a]; !ok {
			first[a], class[a] = r.TS, labels[i].Class
		}
	}
	late := heldout5.Start.Add(90 * time.Minute)
	for a, ts := range first {
		switch class[a] {
		case "h5_course_launch", "h5_onboarding":
			if ts.Before(late) {
				t.Errorf("%s first seen at %s, before 1.5h", a, ts.Format(time.RFC3339))
			}
		case "h5_long_chats", "h5_sleeper_accounts":
			if ts.After(heldout5.Start.Add(time.Hour)) {
				t.Errorf("%s, an old account, first seen at %s", a, ts.Format(time.RFC3339))
			}
		}
	}
}
