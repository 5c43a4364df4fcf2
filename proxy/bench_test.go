package proxy_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// raceEnabled is set under -race, where allocation counts are not
// meaningful.
var raceEnabled bool

// discardWriter is a ResponseWriter that keeps nothing, so that the
// benchmark measures the guard and not a recorder.
type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(int)             {}

// allowPath returns a function that sends one typical chat request through
// Guard.Handler on the allow path (warm account state) to a next handler
// that, like a transport, reads and closes the body.
func allowPath(tb testing.TB) func() {
	eng, err := limiter.New(limiter.Config{Capacity: 10_000})
	if err != nil {
		tb.Fatal(err)
	}
	g, err := proxy.New(proxy.Config{}, eng)
	if err != nil {
		tb.Fatal(err)
	}
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	})
	h := g.Handler(next)
	body := `{"model":"gpt-4o","temperature":0.2,"max_tokens":256,"messages":[{"role":"system","content":"You are a helpful assistant for a travel site."},{"role":"user","content":"Suggest three things to do in Lisbon on a rainy day."}]}`
	rd := strings.NewReader(body)
	req, _ := http.NewRequest(http.MethodPost, "http://sluice/v1/chat/completions", rd)
	req.RemoteAddr = "203.0.113.7:51234"
	req.Header.Set("Authorization", "Bearer sk-bench")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "OpenAI/Go 3.98.0")
	req.Header.Set("X-Request-Id", "bench-1")
	w := &discardWriter{h: http.Header{}}
	return func() {
		rd.Reset(body)
		req.Body = io.NopCloser(rd)
		req.ContentLength = int64(len(body))
		h.ServeHTTP(w, req)
	}
}

// BenchmarkGuardAllow bounds the cost of the guard for one request on the
// allow path: body read, identity, parse, prints, engine and the decision
// metrics, with a no-op upstream.
func BenchmarkGuardAllow(b *testing.B) {
	do := allowPath(b)
	do()
	b.ReportAllocs()
	for b.Loop() {
		do()
	}
}

// maxAllowAllocs pins the allocations of one guarded request on the allow
// path (3 when written; 5 with metering: the context value and request copy
// that carry the exchange to ModifyResponse).
const maxAllowAllocs = 5

func TestGuardAllowAllocs(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("coverage instrumentation and the race detector allocate")
	}
	do := allowPath(t)
	do()
	n := testing.AllocsPerRun(200, do)
	t.Logf("%.1f allocs per guarded request", n)
	if n > maxAllowAllocs {
		t.Fatalf("%.1f allocs per guarded request, budget %d", n, maxAllowAllocs)
	}
}
