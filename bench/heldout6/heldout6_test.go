package heldout6_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/heldout6"
	"github.com/sluicehq/sluice/bench/tracefmt"
)

func gen(t *testing.T, cfg heldout6.Config) (trace, labels []byte, n int) {
	t.Helper()
	var tb, lb bytes.Buffer
	n, err := heldout6.Write(cfg, &tb, &lb)
	if err != nil {
		t.Fatal(err)
	}
	return tb.Bytes(), lb.Bytes(), n
}

var (
	smallOnce               sync.Once
	smallTrace, smallLabels []byte
)

// small is the Small trace of seed 1, generated once.
func small(t *testing.T) ([]byte, []byte) {
	smallOnce.Do(func() { smallTrace, smallLabels, _ = gen(t, heldout6.Small(1)) })
	return smallTrace, smallLabels
}

func TestDeterministic(t *testing.T) {
	a, al := small(t)
	b, bl, _ := gen(t, heldout6.Small(1))
	if !bytes.Equal(a, b) || !bytes.Equal(al, bl) {
		t.Fatal("seed 1 gave two different traces")
	}
	c, _, _ := gen(t, heldout6.Small(2))
	if bytes.Equal(a, c) {
		t.Fatal("seeds 1 and 2 gave the same trace")
	}
}

func parseLabels(t *testing.T, b []byte) []tracefmt.Label {
	t.Helper()
	var out []tracefmt.Label
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		d := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		d.DisallowUnknownFields()
		var l tracefmt.Label
		if err := d.Decode(&l); err != nil {
			t.Fatalf("label %d: %v", n, err)
		}
		out = append(out, l)
	}
	return out
}

func get(hs [][2]string, name string) (string, int) {
	v, n := "", 0
	for _, h := range hs {
		if strings.EqualFold(h[0], name) {
			v, n = h[1], n+1
		}
	}
	return v, n
}

// TestRecords reads the Small trace back with tracefmt's strict reader and
// checks each record against its label and its path's API.
func TestRecords(t *testing.T) {
	trace, lb := small(t)
	recs, err := tracefmt.ReadRecords(bytes.NewReader(trace))
	if err != nil {
		t.Fatal(err)
	}
	labels := parseLabels(t, lb)
	if len(recs) != len(labels) {
		t.Fatalf("%d records and %d labels", len(recs), len(labels))
	}
	classes := heldout6.Classes()
	if len(classes) != 8 {
		t.Fatalf("%d classes", len(classes))
	}
	end := heldout6.Start.Add(heldout6.Small(1).Duration())
	per := map[string]int{}
	cred := map[string]string{}
	for i, r := range recs {
		l := labels[i]
		if l.RequestID != r.RequestID {
			t.Fatalf("record %d: label for %q, record %q", i+1, l.RequestID, r.RequestID)
		}
		camp, ok := classes[l.Class]
		if !ok || camp != l.Campaign || !strings.HasPrefix(l.Account, l.Class+"-") {
			t.Fatalf("record %d: label %+v", i+1, l)
		}
		per[l.Class]++
		if r.TS.Before(heldout6.Start) || !r.TS.Before(end) {
			t.Fatalf("record %d: %s outside the window", i+1, r.TS.Format(time.RFC3339))
		}
		auth, na := get(r.Headers, "authorization")
		key, nk := get(r.Headers, "x-api-key")
		var c string
		switch r.Path {
		case "/v1/messages":
			if nk != 1 || na != 0 || !strings.HasPrefix(key, "sk-ant-") {
				t.Fatalf("record %d: /v1/messages with %d x-api-key, %d authorization", i+1, nk, na)
			}
			if v, n := get(r.Headers, "anthropic-version"); n != 1 || v == "" {
				t.Fatalf("record %d: anthropic-version missing", i+1)
			}
			c = key
		case "/v1/chat/completions", "/v1/responses":
			if na != 1 || nk != 0 || !strings.HasPrefix(auth, "Bearer sk-") {
				t.Fatalf("record %d: %s with authorization %q (%d), %d x-api-key", i+1, r.Path, auth, na, nk)
			}
			c = strings.TrimPrefix(auth, "Bearer ")
		default:
			t.Fatalf("record %d: path %s", i+1, r.Path)
		}
		if prev, ok := cred[l.Account]; ok && prev != c {
			t.Fatalf("record %d: account %s with two keys", i+1, l.Account)
		}
		cred[l.Account] = c
		if ua, n := get(r.Headers, "user-agent"); n != 1 || ua == "" {
			t.Fatalf("record %d: user-agent %q (%d)", i+1, ua, n)
		}
		if cl, _ := get(r.Headers, "content-length"); cl != strconv.Itoa(len(r.Body)) {
			t.Fatalf("record %d: content-length %s, body %d bytes", i+1, cl, len(r.Body))
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		if m, _ := body["model"].(string); m == "" {
			t.Fatalf("record %d: no model", i+1)
		}
		switch r.Path {
		case "/v1/chat/completions":
			if _, ok := body["messages"].([]any); !ok {
				t.Fatalf("record %d: chat without messages", i+1)
			}
		case "/v1/responses":
			if body["input"] == nil {
				t.Fatalf("record %d: responses without input", i+1)
			}
		case "/v1/messages":
			if _, ok := body["messages"].([]any); !ok || body["max_tokens"] == nil {
				t.Fatalf("record %d: messages without messages or max_tokens", i+1)
			}
			if th, ok := body["thinking"].(map[string]any); ok {
				if th["budget_tokens"].(float64) >= body["max_tokens"].(float64) || body["temperature"] != nil {
					t.Fatalf("record %d: thinking budget %v with max_tokens %v, temperature %v", i+1, th["budget_tokens"], body["max_tokens"], body["temperature"])
				}
			}
		}
	}
	for c := range classes {
		if per[c] == 0 {
			t.Errorf("class %s missing from Small", c)
		}
	}
	owner := map[string]string{}
	for a, c := range cred {
		if b, ok := owner[c]; ok {
			t.Errorf("%s and %s share a key", a, b)
		}
		owner[c] = a
	}
}

// TestSizes holds the traces to their budgets: Full 30,000-50,000
// records, Small about a third of that.
func TestSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the full trace")
	}
	_, _, full := gen(t, heldout6.Full(1))
	if full < 30000 || full > 50000 {
		t.Errorf("Full has %d records, want 30,000-50,000", full)
	}
	tr, _ := small(t)
	n := bytes.Count(tr, []byte("\n"))
	if n < full/5 || n > full/2 {
		t.Errorf("Small has %d records, Full %d: want about a third", n, full)
	}
}

// TestArrivals checks when accounts are first seen: the daily keys and the
// key farm only from the first hour on, the aged campaign, the researchers
// and the copilot's employees from the start.
func TestArrivals(t *testing.T) {
	trace, lb := small(t)
	recs, err := tracefmt.ReadRecords(bytes.NewReader(trace))
	if err != nil {
		t.Fatal(err)
	}
	labels := parseLabels(t, lb)
	first := map[string]time.Time{}
	class := map[string]string{}
	for i, r := range recs {
		if _, ok := first[labels[i].Account]; !ok {
			first[labels[i].Account], class[labels[i].Account] = r.TS, labels[i].Class
		}
	}
	late := 0
	for a, ts := range first {
		switch class[a] {
		case "h6_daily_keys", "h6_key_farm":
			if ts.Before(heldout6.Start.Add(time.Hour)) {
				t.Errorf("%s, a new account, first seen at %s", a, ts.Format(time.RFC3339))
			}
			if ts.After(heldout6.Start.Add(90 * time.Minute)) {
				late++
			}
		case "h6_slow_aged", "h6_reasoning_researchers", "h6_enterprise_copilot":
			if ts.After(heldout6.Start.Add(time.Hour)) {
				t.Errorf("%s, an old account, first seen at %s", a, ts.Format(time.RFC3339))
			}
		}
	}
	if late == 0 {
		t.Error("no new account arrives after 1.5h")
	}
}
