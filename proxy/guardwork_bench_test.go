package proxy

import (
	"bytes"
	"io"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// Per-stage benchmarks of the guard's work on one request (issue 16):
// identity, parse, prints and decision, on a 2 KB prompt and on a 64 KB
// conversation whose last user turn (1 KB) is new while its history was
// seen by the requests before, as in a chat or an agent loop. Each request
// is new: its last turn starts with a counter that advances per request.
//
//	go test -run '^$' -bench 'GuardWork|GuardServe' -benchmem ./proxy/

const guardWorkPara = `Here is the answer: 42. Explain the reasoning that leads to this answer step by step. ` +
	`The quarterly report says \"revenue grew by 12 percent\" while costs stayed flat, and Dr. Smith ` +
	`wants a short summary for the board with three key points and a table of the main risks. `

// guardWorkText is about n bytes of JSON string content (escaped prose).
func guardWorkText(n int) string {
	s := strings.Repeat(guardWorkPara, n/len(guardWorkPara)+1)[:n]
	return strings.TrimRight(s, `\`) // do not cut an escape
}

// guardWorkBodies are the request bodies: the counter is the eight digits
// after the last `"content":"`.
var guardWorkBodies = []struct {
	name string
	body func() []byte
}{
	{"2KB", func() []byte {
		return []byte(`{"model":"gpt-4o","max_tokens":256,"messages":[` +
			`{"role":"system","content":"You are a helpful assistant."},` +
			`{"role":"user","content":"00000000 ` + guardWorkText(2<<10) + `"}]}`)
	}},
	{"conv64KB-last1KB", func() []byte {
		var b strings.Builder
		b.WriteString(`{"model":"gpt-4o","max_tokens":256,"messages":[{"role":"system","content":"You are a helpful assistant. Answer precisely and cite your sources."}`)
		user := "Can you look at the following excerpt and tell me what the author means? " + strings.Repeat("The committee reviewed the proposal in detail, noting that the budget for 2026 exceeds the cap by 4.5 percent and that the \\\"phase two\\\" schedule is optimistic. ", 12)
		assistant := "The author argues that the proposal is sound in principle but too expensive. " + strings.Repeat("In particular, the schedule assumes that the contractor finishes the foundations before winter, which past projects rarely managed; see `schedule.md` for the dates. ", 11)
		for b.Len() < 63<<10 {
			b.WriteString(`,{"role":"user","content":"` + user + `"},{"role":"assistant","content":"` + assistant + `"}`)
		}
		b.WriteString(`,{"role":"user","content":"00000000 ` + guardWorkText(1<<10) + `"}]}`)
		return []byte(b.String())
	}},
}

// advance makes b a new request: it advances the counter of its last turn
// (the eight digits after the last `"content":"` in b).
func advance(b []byte) {
	i := bytes.LastIndex(b, []byte(`"content":"`)) + len(`"content":"`)
	counter(b[i : i+8])
}

func counter(d []byte) {
	for i := len(d) - 1; i >= 0; i-- {
		if d[i] == '9' {
			d[i] = '0'
			continue
		}
		d[i]++
		return
	}
}

func newWorkGuard(tb testing.TB) *Guard {
	eng, err := limiter.New(limiter.Config{Capacity: 10_000})
	if err != nil {
		tb.Fatal(err)
	}
	g, err := New(Config{}, eng)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

var workHeader = http.Header{
	"Authorization": {"Bearer sk-bench-0123456789abcdef"},
	"Content-Type":  {"application/json"},
	"User-Agent":    {"OpenAI/Python 1.51.0"},
	"Accept":        {"application/json"},
}

var workPeer = netip.MustParseAddr("203.0.113.7")

// BenchmarkGuardWork: the guard's work on one request and each of its
// stages. evaluate is the whole (identity, parse, prints, decision); the
// stages repeat one step on a request prepared by the steps before it.
func BenchmarkGuardWork(b *testing.B) {
	for _, tc := range guardWorkBodies {
		body := tc.body()
		g := newWorkGuard(b)
		ep := fingerprint.EndpointChatCompletions
		now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
		// warm: the history seen, the model name known to the parser
		for range 3 {
			st := g.getState()
			if _, err := g.evaluate(now, st, &arrival{ep: ep, h: workHeader, peer: workPeer, body: body}); err != nil {
				b.Fatal(err)
			}
			g.putState(st)
			advance(body)
		}
		b.Run(tc.name+"/evaluate", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				st := g.getState()
				_, _ = g.evaluate(now, st, &arrival{ep: ep, h: workHeader, peer: workPeer, body: body})
				g.putState(st)
				advance(body)
				now = now.Add(time.Millisecond)
			}
		})
		b.Run(tc.name+"/identity", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = g.ident.Identify(workHeader, workPeer, "")
			}
		})
		b.Run(tc.name+"/parse", func(b *testing.B) {
			st := g.getState()
			defer g.putState(st)
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if err := st.parser.Parse(ep, body, &st.req); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(tc.name+"/prints", func(b *testing.B) {
			st := g.getState()
			defer g.putState(st)
			if err := st.parser.Parse(ep, body, &st.req); err != nil {
				b.Fatal(err)
			}
			id := g.ident.Identify(workHeader, workPeer, "")
			last := st.req.Turns[len(st.req.Turns)-1].Text
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				_ = g.fill(st, id, workHeader, nil)
				counter(last[:8])
			}
		})
		b.Run(tc.name+"/decide", func(b *testing.B) {
			st := g.getState()
			defer g.putState(st)
			o, err := g.inputs(st, &arrival{ep: ep, h: workHeader, peer: workPeer, body: body})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = g.engine.Decide(now, o.subject(st), &st.print, o.tokens)
				now = now.Add(time.Millisecond)
			}
		})
	}
}

// nopWriter is a ResponseWriter that keeps nothing.
type nopWriter struct{ h http.Header }

func (w *nopWriter) Header() http.Header         { return w.h }
func (w *nopWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *nopWriter) WriteHeader(int)             {}

// BenchmarkGuardServe: one request through Guard.Handler on the allow path
// (body read, identity, parse, prints, engine, metrics) to a next handler
// that reads the body, as BenchmarkGuardAllow but on the bodies above.
func BenchmarkGuardServe(b *testing.B) {
	for _, tc := range guardWorkBodies {
		body := tc.body()
		b.Run(tc.name, func(b *testing.B) {
			g := newWorkGuard(b)
			h := g.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				r.Body.Close()
			}))
			rd := bytes.NewReader(body)
			req, _ := http.NewRequest(http.MethodPost, "http://sluice/v1/chat/completions", rd)
			req.RemoteAddr = workPeer.String() + ":51234"
			for k, v := range workHeader {
				req.Header[k] = v
			}
			req.Header.Set("Content-Length", strconv.Itoa(len(body)))
			w := &nopWriter{h: http.Header{}}
			do := func() {
				rd.Reset(body)
				req.Body = io.NopCloser(rd)
				req.ContentLength = int64(len(body))
				h.ServeHTTP(w, req)
				clear(w.h)
				advance(body)
			}
			do()
			do()
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				do()
			}
		})
	}
}
