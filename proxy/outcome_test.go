package proxy_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// TestDecisionRecordEnds: the decision record of a forwarded request says
// how its response ended: status, bytes, time to the response headers,
// duration and outcome — ok, upstream_error (unreachable upstream, 502),
// aborted (a stream silent past the idle bound) and client_gone (a client
// that hangs up mid-stream).
func TestDecisionRecordEnds(t *testing.T) {
	const answer = `{"id":"chatcmpl-1","object":"chat.completion","choices":[]}`
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		switch r.Header.Get("X-Test") {
		case "ok":
			time.Sleep(60 * time.Millisecond)
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, answer)
			return
		case "stall", "hangup":
			w.Header().Set("Content-Type", "text/event-stream")
			for i := 0; ; i++ {
				io.WriteString(w, "data: {\"choices\":[]}\n\n")
				w.(http.Flusher).Flush()
				if r.Header.Get("X-Test") == "stall" && i == 0 {
					<-r.Context().Done()
					return
				}
				select {
				case <-r.Context().Done():
					return
				case <-time.After(50 * time.Millisecond):
				}
			}
		}
	}))
	defer up.Close()
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var logBuf proxytest.SyncBuffer
	dl := proxy.NewDecisionLog(&logBuf, 64)
	g, err := proxy.New(proxy.Config{Log: dl}, eng)
	if err != nil {
		t.Fatal(err)
	}
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: up.URL, StreamIdleTimeout: 300 * time.Millisecond}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dead, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: "http://127.0.0.1:1"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	front := httptest.NewServer(proxy.NewHandler(g, fwd))
	defer front.Close()
	frontDead := httptest.NewServer(proxy.NewHandler(g, dead))
	defer frontDead.Close()

	send := func(base, mode string, stream bool) *http.Response {
		t.Helper()
		body := `{"model":"gpt-4o","messages":[{"role":"user","content":"what is the capital of France?"}]}`
		if stream {
			body = `{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"count to ten"}]}`
		}
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/chat/completions", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer sk-ends-"+mode)
		req.Header.Set("X-Request-Id", "req-"+mode)
		req.Header.Set("X-Test", mode)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if mode == "hangup" {
			// read the first event, then hang up
			_, _ = bufio.NewReader(res.Body).ReadString('\n')
			cancel()
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	if res := send(front.URL, "ok", false); res.StatusCode != 200 {
		t.Fatalf("ok: %d", res.StatusCode)
	}
	if res := send(frontDead.URL, "dead", false); res.StatusCode != http.StatusBadGateway {
		t.Fatalf("dead upstream: %d", res.StatusCode)
	}
	send(front.URL, "stall", true)
	send(front.URL, "hangup", true)
	// the client's hang-up reaches the handler asynchronously
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(logBuf.String(), "req-hangup") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if err := dl.Close(); err != nil {
		t.Fatal(err)
	}
	got := map[string]decision{}
	for _, line := range strings.Split(strings.TrimSpace(logBuf.String()), "\n") {
		d := parseDecision(t, []byte(line))
		got[*d.RequestID] = d
	}
	for _, want := range []struct {
		id, outcome string
		status      int
		minTTFB     float64
		bytes       bool
	}{
		{"req-ok", proxy.OutcomeOK, 200, 60, true},
		{"req-dead", proxy.OutcomeUpstreamError, 502, 0, true},
		{"req-stall", proxy.OutcomeAborted, 200, 0, true},
		{"req-hangup", proxy.OutcomeClientGone, 200, 0, true},
	} {
		d, ok := got[want.id]
		if !ok {
			t.Errorf("%s: no decision record in\n%s", want.id, logBuf.String())
			continue
		}
		t.Logf("%s: status %d bytes %d ttfb %v ms duration %v ms outcome %s", want.id, d.Status, d.Bytes, deref(d.TTFBMs), deref(d.DurationMs), d.Outcome)
		if d.Outcome != want.outcome || d.Status != want.status {
			t.Errorf("%s: outcome %q status %d, want %q %d", want.id, d.Outcome, d.Status, want.outcome, want.status)
		}
		if d.TTFBMs == nil || *d.TTFBMs < want.minTTFB || d.DurationMs == nil || *d.DurationMs < *d.TTFBMs {
			t.Errorf("%s: ttfb %v ms, duration %v ms; want ttfb >= %v and duration >= ttfb", want.id, deref(d.TTFBMs), deref(d.DurationMs), want.minTTFB)
		}
		if want.bytes && d.Bytes <= 0 {
			t.Errorf("%s: %d bytes", want.id, d.Bytes)
		}
	}
	if d := got["req-ok"]; d.Bytes != int64(len(answer)) {
		t.Errorf("ok: %d bytes, want %d", d.Bytes, len(answer))
	}
	if d := got["req-stall"]; d.DurationMs != nil && *d.DurationMs < 300 {
		t.Errorf("stall: ended after %v ms, before the 300 ms idle bound", *d.DurationMs)
	}
}

func deref(p *float64) float64 {
	if p == nil {
		return -1
	}
	return *p
}
