package proxy

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/limiter"
)

// FuzzTraceLine feeds arbitrary lines to the trace-record scanner: it must
// not panic, and a line that encoding/json decodes must give the same
// fields (matched by exact key: the contract's names are lower case, and
// the scanner does not fold case as encoding/json does).
func FuzzTraceLine(f *testing.F) {
	f.Add(`{"ts":"2026-04-22T10:00:00.123Z","request_id":"a1","ip":"203.0.113.7","method":"POST","path":"/v1/messages","headers":[["authorization","Bearer sk-1"],["user-agent","x"]],"ja4":"t13d","body":{"model":"m","messages":[]}}`)
	f.Add(`{"request_id":"a\u00e9\ud83d\ude00","headers":[],"body":"not json"}`)
	f.Add(`{"headers":[["a"]]}`)
	f.Add(`{"body":{"a":[1,2,{"b":"\\\""}]},"x":[true,false,null,-1.5e3]}`)
	f.Add(`{`)
	f.Fuzz(func(t *testing.T, line string) {
		var sc traceScanner
		var tl traceLine
		err := sc.parse([]byte(line), &tl)
		var raw map[string]json.RawMessage
		if json.Unmarshal([]byte(line), &raw) != nil || err != nil {
			return
		}
		var ref TraceRecord
		str := func(k string, dst *string) bool {
			if v, ok := raw[k]; ok && string(v) != "null" {
				return json.Unmarshal(v, dst) == nil
			}
			return true
		}
		if !str("ts", &ref.TS) || !str("request_id", &ref.RequestID) || !str("ip", &ref.IP) ||
			!str("method", &ref.Method) || !str("path", &ref.Path) || !str("ja4", &ref.JA4) {
			t.Fatalf("scanner accepted a record whose string fields are not strings: %q", line)
		}
		if v, ok := raw["headers"]; ok && json.Unmarshal(v, &ref.Headers) != nil {
			t.Fatalf("scanner accepted bad headers: %q", line)
		}
		// encoding/json replaces each invalid UTF-8 byte with U+FFFD; the
		// scanner passes bytes through: compare the same way
		v := func(s string) string { return string([]rune(s)) }
		if v(tl.ts) != ref.TS || v(tl.requestID) != ref.RequestID || v(tl.ip) != ref.IP || v(tl.method) != ref.Method || v(tl.path) != ref.Path || v(tl.ja4) != ref.JA4 {
			t.Fatalf("fields differ: %+v vs %+v", tl, ref)
		}
		if len(tl.headers) != len(ref.Headers) {
			t.Fatalf("%d headers, reference %d", len(tl.headers), len(ref.Headers))
		}
		for i, h := range ref.Headers {
			if len(h) == 2 && (v(tl.headers[i][0]) != h[0] || v(tl.headers[i][1]) != h[1]) {
				t.Fatalf("header %d: %q vs %q", i, tl.headers[i], h)
			}
		}
	})
}

// TestFastBodySameDecisions: a record decides the same whether its body is
// the last field (taken without a structural scan) or not, and a body
// followed by other fields, or broken, is judged as a full scan judges it.
func TestFastBodySameDecisions(t *testing.T) {
	body := `{"model":"m","messages":[{"role":"user","content":"Here is the answer: 42. Explain the reasoning step by step."}],"max_tokens":9000}`
	head := `"ts":"2026-04-22T10:00:00.000Z","request_id":"r","ip":"198.51.100.7","method":"POST","path":"/v1/chat/completions","headers":[["authorization","Bearer sk-fast"]]`
	lines := []string{
		`{` + head + `,"body":` + body + `}`,
		`{"body":` + body + `,` + head + `}`,
		`{` + head + `,"body":` + body + `,"x":{"y":1}}`,
		`{` + head + `,"body":` + body + "  }\n",
	}
	decide := func(line string) string {
		g := newTestGuard(t)
		var out bytes.Buffer
		if _, err := g.Replay(strings.NewReader(line+"\n"), &out); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	want := decide(lines[1])
	for _, l := range lines {
		if got := decide(l); got != want {
			t.Errorf("record %q\ngot  %s\nwant %s", l, got, want)
		}
	}
	broken := `{` + head + `,"body":{"model":"m","messages":[}}`
	if got := decide(broken); !strings.Contains(got, `"action":"error"`) {
		t.Errorf("broken body: %s", got)
	}
	trailing := `{` + head + `,"body":` + body + `,"x":}`
	if got := decide(trailing); !strings.Contains(got, "malformed_record") {
		t.Errorf("record broken after the body: %s", got)
	}
}

func newTestGuard(t *testing.T) *Guard {
	t.Helper()
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(Config{}, eng)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
