package proxy_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/stub"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// BenchmarkAllowStreamAB bounds the allow-path cost of the guard on
// streamed answers: the same forwarder with the guard off and on
// (metering, and the usage request and removal for a client that did not
// ask for usage), alternating request by request in one run so that the
// ratio survives a noisy shared machine. Metric on/off: the guard's
// streaming time relative to the bare proxy (target ≤ 1.03).
func BenchmarkAllowStreamAB(b *testing.B) {
	for _, tc := range []struct{ name, body string }{
		{"usage injected", `{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Say hi."}]}`},
		{"usage asked", `{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Say hi."}]}`},
		{"anthropic", `{"model":"claude-sonnet-4-5","max_tokens":4096,"stream":true,"messages":[{"role":"user","content":"Say hi."}]}`},
	} {
		b.Run(tc.name, func(b *testing.B) {
			// the upstream replays a recorded stub stream event by event, so
			// that the proxies, not the stub's encoding, take the time
			path := "/v1/chat/completions"
			if strings.Contains(tc.body, "claude") {
				path = "/v1/messages"
			}
			rec := httptest.NewRecorder()
			body := strings.Replace(tc.body, `"stream":true`, `"stream":true,"stream_options":{"include_usage":true}`, 1)
			if path == "/v1/messages" {
				body = tc.body
			}
			stub.New(stub.Config{Words: 400}).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, path, strings.NewReader(body)))
			events := strings.SplitAfter(rec.Body.String(), "\n\n")
			up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				w.Header().Set("Content-Type", "text/event-stream")
				f := w.(http.Flusher)
				for _, ev := range events {
					_, _ = io.WriteString(w, ev)
					f.Flush()
				}
			}))
			defer up.Close()
			fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: up.URL}, nil)
			if err != nil {
				b.Fatal(err)
			}
			eng, _ := limiter.New(limiter.Config{})
			g, err := proxy.New(proxy.Config{}, eng)
			if err != nil {
				b.Fatal(err)
			}
			off := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_ = http.NewResponseController(w).EnableFullDuplex()
				fwd.ServeHTTP(w, r)
			}))
			defer off.Close()
			on := httptest.NewServer(proxy.NewHandler(g, fwd))
			defer on.Close()
			c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
			do := func(base string) int64 {
				req, _ := http.NewRequest(http.MethodPost, base+path, strings.NewReader(tc.body))
				req.Header.Set("Authorization", "Bearer sk-ab")
				req.Header.Set("Content-Type", "application/json")
				res, err := c.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				n, _ := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				return n
			}
			n := do(off.URL)
			if m := do(on.URL); m != n && !strings.Contains(tc.name, "injected") {
				b.Fatalf("guard changed the stream: %d vs %d bytes", m, n)
			}
			var tOff, tOn time.Duration
			b.SetBytes(n)
			b.ReportAllocs()
			for b.Loop() {
				t0 := time.Now()
				do(off.URL)
				t1 := time.Now()
				do(on.URL)
				tOn += time.Since(t1)
				tOff += t1.Sub(t0)
			}
			b.ReportMetric(float64(tOn)/float64(tOff), "on/off")
			b.ReportMetric(float64(tOff.Nanoseconds())/float64(b.N), "ns/off")
			b.ReportMetric(float64(tOn.Nanoseconds())/float64(b.N), "ns/on")
		})
	}
}
