package proxy_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// decision is the decision record contract of docs/contracts.md.
type decision struct {
	TS        *string  `json:"ts"`
	RequestID *string  `json:"request_id"`
	Account   *string  `json:"account"`
	IP        *string  `json:"ip"`
	Cluster   *string  `json:"cluster"`
	Score     *float64 `json:"score"`
	Action    *string  `json:"action"`
	Reasons   []string `json:"reasons"`
	Shadow    *bool    `json:"shadow"`
	Model     string   `json:"model"`
	Dialect   string   `json:"dialect"`
	// the request's end (serve only)
	Status     int      `json:"status"`
	Bytes      int64    `json:"bytes"`
	TTFBMs     *float64 `json:"ttfb_ms"`
	DurationMs *float64 `json:"duration_ms"`
	Outcome    string   `json:"outcome"`
}

// parseDecision decodes one decision line and checks the contract fields.
func parseDecision(t testing.TB, line []byte) decision {
	t.Helper()
	var d decision
	if err := json.Unmarshal(line, &d); err != nil {
		t.Fatalf("decision %q: %v", line, err)
	}
	if d.TS == nil || d.RequestID == nil || d.Account == nil || d.IP == nil || d.Cluster == nil ||
		d.Score == nil || d.Action == nil || d.Reasons == nil || d.Shadow == nil {
		t.Fatalf("decision %q lacks a contract field", line)
	}
	if _, err := time.Parse(time.RFC3339Nano, *d.TS); err != nil {
		t.Fatalf("decision %q: ts: %v", line, err)
	}
	if p, _, ok := limiter.ParseID(*d.Account); !ok || p != 'a' {
		t.Fatalf("decision %q: account %q", line, *d.Account)
	}
	if p, _, ok := limiter.ParseID(*d.Cluster); !ok || p != 'c' {
		t.Fatalf("decision %q: cluster %q", line, *d.Cluster)
	}
	if *d.Score < 0 || *d.Score > 1 {
		t.Fatalf("decision %q: score out of 0..1", line)
	}
	if _, ok := limiter.ParseAction(*d.Action); !ok {
		t.Fatalf("decision %q: action %q", line, *d.Action)
	}
	return d
}

func TestAppendRecord(t *testing.T) {
	t.Parallel()
	ts := time.Date(2026, 4, 22, 10, 0, 0, 123e6, time.FixedZone("x", 3600))
	cases := []struct {
		name string
		rec  proxy.Record
		// checks on the decoded record
		rid, model, action string
		reasons            []string
	}{
		{"allow", proxy.Record{TS: ts, RequestID: "a1b2", Account: 1, IP: netip.MustParseAddr("203.0.113.7"), Cluster: 1, Action: limiter.ActionAllow},
			"a1b2", "", "allow", []string{}},
		{"throttle with reasons", proxy.Record{TS: ts, RequestID: "r", Account: 2, Cluster: 3, Score: 0.75, Action: limiter.ActionThrottle,
			Reasons: limiter.ReasonAccountRequests | limiter.ReasonSharedTemplate, Dialect: fingerprint.DialectAnthropic, Model: "claude", Tokens: 42},
			"r", "claude", "throttle", []string{"account_requests", "shared_template"}},
		{"error with extra", proxy.Record{TS: ts, RequestID: "e", Action: limiter.ActionError, Extra: "malformed_record"},
			"e", "", "error", []string{"malformed_record"}},
		{"odd request id", proxy.Record{TS: ts, RequestID: "q\"uo\\te\n\t\x00</script>\u2028é", Action: limiter.ActionAllow},
			"q\"uo\\te\n\t\x00</script>\u2028é", "", "allow", []string{}},
		{"invalid utf-8", proxy.Record{TS: ts, RequestID: "bad\xff\xfe", Model: "m\xc3(", Action: limiter.ActionAllow},
			"bad\ufffd\ufffd", "m\ufffd(", "allow", []string{}},
		{"odd model", proxy.Record{TS: ts, RequestID: "m", Model: `gpt-4o","action":"block`, Action: limiter.ActionDegrade, Measures: limiter.MeasureClampTokens | limiter.MeasureTarpit, Shadow: true},
			"m", `gpt-4o","action":"block`, "degrade", []string{}},
		{"score out of range", proxy.Record{TS: ts, RequestID: "s", Score: 7, Action: limiter.ActionBlock}, "s", "", "block", []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := proxy.AppendRecord(nil, &tc.rec)
			if !bytes.HasSuffix(b, []byte("}\n")) || bytes.Count(b, []byte("\n")) != 1 {
				t.Fatalf("not one JSON line: %q", b)
			}
			d := parseDecision(t, b)
			if *d.RequestID != tc.rid || d.Model != tc.model || *d.Action != tc.action {
				t.Fatalf("decoded %+v from %q", d, b)
			}
			if fmt.Sprint(d.Reasons) != fmt.Sprint(tc.reasons) {
				t.Fatalf("reasons %q, want %q", d.Reasons, tc.reasons)
			}
			if *d.TS != "2026-04-22T09:00:00.123Z" {
				t.Fatalf("ts %q: want UTC with milliseconds", *d.TS)
			}
			if *d.Shadow != tc.rec.Shadow {
				t.Fatalf("shadow %v", *d.Shadow)
			}
			// appending to a non-empty buffer keeps what was there
			pre := []byte("x")
			if got := proxy.AppendRecord(pre, &tc.rec); string(got[1:]) != string(b) {
				t.Fatalf("append to a prefix changed the line")
			}
		})
	}
}

// TestDecisionLogNoLoss: with many concurrent writers and a tiny queue,
// Close writes every queued line, each a whole valid record.
func TestDecisionLogNoLoss(t *testing.T) {
	t.Parallel()
	const writers, each = 16, 500
	var out proxytest.SyncBuffer
	dl := proxy.NewDecisionLog(&out, 4)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				dl.Write(&proxy.Record{TS: time.Unix(0, 0), RequestID: fmt.Sprintf("w%d-%d", w, i), Action: limiter.ActionAllow})
			}
		})
	}
	wg.Wait()
	if err := dl.Close(); err != nil {
		t.Fatal(err)
	}
	if err := dl.Close(); err != nil { // idempotent
		t.Fatal(err)
	}
	dl.Write(&proxy.Record{RequestID: "after close"}) // dropped, no panic
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for sc.Scan() {
		d := parseDecision(t, sc.Bytes())
		if seen[*d.RequestID] {
			t.Fatalf("duplicate %s", *d.RequestID)
		}
		seen[*d.RequestID] = true
	}
	if len(seen) != writers*each {
		t.Fatalf("%d lines, want %d", len(seen), writers*each)
	}
}

// TestDecisionLogCloseWhileWriting: Close racing with writers neither
// panics nor tears a line.
func TestDecisionLogCloseWhileWriting(t *testing.T) {
	t.Parallel()
	var out proxytest.SyncBuffer
	dl := proxy.NewDecisionLog(&out, 2)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 200 {
				dl.Write(&proxy.Record{RequestID: fmt.Sprintf("w%d-%d", w, i)})
			}
		})
	}
	if err := dl.Close(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for sc.Scan() {
		parseDecision(t, sc.Bytes())
	}
}

// errWriter fails every write.
type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

func TestDecisionLogWriteError(t *testing.T) {
	t.Parallel()
	dl := proxy.NewDecisionLog(errWriter{}, 1)
	dl.Write(&proxy.Record{RequestID: "x"})
	if err := dl.Close(); err == nil {
		t.Fatal("Close did not report the write error")
	}
}

// TestRawKeyNeverLogged: neither the decision log nor replay's output
// contain the raw credential.
func TestRawKeyNeverLogged(t *testing.T) {
	t.Parallel()
	const secret = "sk-live-SECRET-0123456789"
	var out proxytest.SyncBuffer
	dl := proxy.NewDecisionLog(&out, 0)
	s := proxytest.NewStack(t, proxytest.Options{Guard: proxy.Config{Log: dl}, Limits: proxytest.ThrottledLimits})
	for _, h := range [][]string{
		{"Authorization", "Bearer " + secret},
		{"X-Api-Key", secret},
	} {
		for _, body := range []string{proxytest.ChatBody, proxytest.ChatBody, "{broken"} {
			proxytest.Post(t, nil, s.Front.URL, "/v1/chat/completions", body, h...)
		}
		proxytest.Post(t, nil, s.Front.URL, "/v1/messages", proxytest.MsgBody, h...)
	}
	if err := dl.Close(); err != nil {
		t.Fatal(err)
	}
	log := out.String()
	if strings.Count(log, "\n") != 8 {
		t.Fatalf("want 8 decision lines, got:\n%s", log)
	}
	for _, action := range []string{`"action":"allow"`, `"action":"throttle"`, `"action":"error"`} {
		if !strings.Contains(log, action) {
			t.Errorf("no %s record in:\n%s", action, log)
		}
	}
	if strings.Contains(log, secret) || strings.Contains(log, "SECRET") {
		t.Fatalf("decision log contains the raw key:\n%s", log)
	}
	var rep bytes.Buffer
	trace := fmt.Sprintf(`{"ts":"2026-04-22T10:00:00Z","request_id":"k1","ip":"203.0.113.7","method":"POST","path":"/v1/chat/completions","headers":[["authorization","Bearer %s"]],"body":%s}`+"\n", secret, proxytest.ChatBody)
	if _, err := s.Guard.Replay(strings.NewReader(trace+"{not json "+secret+"\n"), &rep); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(rep.String(), "SECRET") {
		t.Fatalf("replay output contains the raw key:\n%s", rep.String())
	}
}
