package proxy_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// newDefaultGuard is a Guard on the embedded defaults, without a log.
func newDefaultGuard(t testing.TB) *proxy.Guard {
	t.Helper()
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	g, err := proxy.New(proxy.Config{}, eng)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestReplayTrace: one decision per record, in input order; malformed
// lines give action "error" with a reason; blank lines are skipped; the
// output holds decision records only. testdata/trace.want lists, per
// record, "request_id action [reason]".
func TestReplayTrace(t *testing.T) {
	t.Parallel()
	in, err := os.ReadFile("testdata/trace.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/trace.want")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	stats, err := newDefaultGuard(t).Replay(bytes.NewReader(in), &out)
	if err != nil {
		t.Fatal(err)
	}
	wantLines := strings.Split(strings.TrimSpace(string(want)), "\n")
	var got []string
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		d := parseDecision(t, sc.Bytes())
		line := *d.RequestID + " " + *d.Action
		if *d.Action == "error" || *d.RequestID == "r07" {
			if len(d.Reasons) == 0 {
				t.Errorf("%s: error without a reason", sc.Text())
			} else {
				line += " " + d.Reasons[len(d.Reasons)-1]
			}
		}
		got = append(got, line)
	}
	if strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
		t.Fatalf("decisions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
	}
	if stats.Records != len(wantLines) || stats.Errors != strings.Count(string(want), " error ") {
		t.Fatalf("stats %+v", stats)
	}
}

// TestReplayDeterministic: the same input gives the same output, byte for
// byte, also on a fresh engine.
func TestReplayDeterministic(t *testing.T) {
	t.Parallel()
	in, err := os.ReadFile("testdata/trace.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	// a longer trace: the sample repeated, so that state builds up
	big := bytes.Repeat(append(in, '\n'), 20)
	var a, b bytes.Buffer
	if _, err := newDefaultGuard(t).Replay(bytes.NewReader(big), &a); err != nil {
		t.Fatal(err)
	}
	if _, err := newDefaultGuard(t).Replay(bytes.NewReader(big), &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two replays of one trace differ")
	}
	if n := bytes.Count(a.Bytes(), []byte("\n")); n != 20*13 {
		t.Fatalf("%d decisions, want %d", n, 20*13)
	}
}

// TestReplayEdges: empty input, only blank lines, an oversize line (over
// twice the larger of the body and batch limits, both 4 MiB here).
func TestReplayEdges(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in string
		lines    int
	}{
		{"empty", "", 0},
		{"blank lines", "\n\n  \n\t\n", 0},
		{"crlf blank", "\r\n\r\n", 0},
		{"one malformed without newline", "{", 1},
		{"huge line", `{"ts":"2026-04-22T10:00:00Z","request_id":"h","body":"` + strings.Repeat("x", 9<<20+100) + `"}` + "\n{}\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			eng, err := limiter.New(limiter.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			g, err := proxy.New(proxy.Config{MaxBatchBytes: 4 << 20}, eng)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := g.Replay(strings.NewReader(tc.in), &out); err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(out.Bytes(), []byte("\n")); n != tc.lines {
				t.Fatalf("%d decisions, want %d:\n%s", n, tc.lines, out.String())
			}
			sc := bufio.NewScanner(&out)
			for sc.Scan() {
				if d := parseDecision(t, sc.Bytes()); *d.Action != "error" {
					t.Fatalf("action %s, want error", *d.Action)
				}
			}
		})
	}
}

// TestReplayIdentityHeaders: replay derives the identity from the headers
// Identify reads, in any case, as serve does: the credential in
// x-api-key or Authorization, and X-Forwarded-For and the JA4 header only
// from a trusted proxy.
func TestReplayIdentityHeaders(t *testing.T) {
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	g, err := proxy.New(proxy.Config{Identity: proxy.IdentityConfig{TrustedProxies: []string{"10.0.0.0/8"}, JA4Header: "X-Client-JA4"}}, eng)
	if err != nil {
		t.Fatal(err)
	}
	body := `{"model":"m","messages":[{"role":"user","content":"hi"}]}`
	rec := func(id, ip, headers string) string {
		return `{"ts":"2026-04-22T10:00:00Z","request_id":"` + id + `","ip":"` + ip + `","method":"POST","path":"/v1/chat/completions","headers":[` + headers + `],"body":` + body + "}\n"
	}
	in := rec("a", "10.1.2.3", `["X-API-KEY","k1"],["x-forwarded-for","198.51.100.7, 10.9.9.9"],["x-client-ja4","t13d1516h2_8daaf6152771_e5627efa2ab1"]`) +
		rec("b", "203.0.113.5", `["authorization","Bearer k1"],["X-Forwarded-For","198.51.100.8"]`) +
		rec("c", "203.0.113.5", `["user-agent","x"]`)
	var out bytes.Buffer
	if _, err := g.Replay(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	var ds []decision
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		ds = append(ds, parseDecision(t, sc.Bytes()))
	}
	if len(ds) != 3 {
		t.Fatalf("%d decisions, want 3", len(ds))
	}
	if *ds[0].IP != "198.51.100.7" {
		t.Errorf("trusted proxy: ip %s, want the forwarded 198.51.100.7", *ds[0].IP)
	}
	if *ds[1].IP != "203.0.113.5" {
		t.Errorf("untrusted peer: ip %s, want the peer 203.0.113.5", *ds[1].IP)
	}
	if *ds[0].Account != *ds[1].Account {
		t.Errorf("the same key in x-api-key and Authorization: accounts %s and %s", *ds[0].Account, *ds[1].Account)
	}
	if *ds[2].Account == *ds[1].Account {
		t.Errorf("no credential: account %s equals the keyed one", *ds[2].Account)
	}
}

// TestReplayRoutesAsServe: replay normalises paths and decides message
// batches part by part, as serve does.
func TestReplayRoutesAsServe(t *testing.T) {
	t.Parallel()
	msg := `{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"hi"}]}`
	in := strings.Join([]string{
		`{"ts":"2026-04-22T10:00:00Z","request_id":"spelled","ip":"203.0.113.7","method":"POST","path":"/V1//messages/","headers":[["x-api-key","sk-r"]],"body":` + msg + `}`,
		`{"ts":"2026-04-22T10:00:01Z","request_id":"batch","ip":"203.0.113.7","method":"POST","path":"/v1/messages/batches","headers":[["x-api-key","sk-r"]],"body":{"requests":[{"custom_id":"a","params":` + msg + `},{"custom_id":"b","params":` + msg + `},{"params":` + msg + `,"custom_id":"c"}]}}`,
		`{"ts":"2026-04-22T10:00:02Z","request_id":"param","ip":"203.0.113.7","method":"POST","path":"/v1/messages;x","headers":[["x-api-key","sk-r"]],"body":` + msg + `}`,
		`{"ts":"2026-04-22T10:00:03Z","request_id":"escaped","ip":"203.0.113.7","method":"POST","path":"/v1/messag%65s","headers":[["x-api-key","sk-r"]],"body":` + msg + `}`,
	}, "\n") + "\n"
	var out bytes.Buffer
	if _, err := newDefaultGuard(t).Replay(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, m)
	}
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4", len(recs))
	}
	if recs[0]["action"] != "allow" || recs[0]["dialect"] != "anthropic" {
		t.Errorf("a respelled model path: %v, want decided as /v1/messages", recs[0])
	}
	if recs[1]["parts"] != 3.0 || recs[1]["part_actions"] != "aaa" || recs[1]["action"] != "allow" {
		t.Errorf("a message batch: %v, want 3 parts decided", recs[1])
	}
	if recs[2]["action"] != "error" || !strings.Contains(fmt.Sprint(recs[2]["reasons"]), "bad_path") {
		t.Errorf("a path parameter: %v, want error bad_path", recs[2])
	}
	if recs[3]["action"] != "allow" || recs[3]["dialect"] != "anthropic" {
		t.Errorf("an escaped model path: %v, want decided as /v1/messages", recs[3])
	}
}
