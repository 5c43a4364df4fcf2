package proxy_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// TestStalledStreamEnds: an upstream that sends one event and then
// nothing does not hold the client: the stream ends once it has been
// silent for upstream.stream_idle_timeout, and a stream that keeps
// sending is not cut however long it lasts.
func TestStalledStreamEnds(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		fl := w.(http.Flusher)
		n := 1
		if strings.Contains(r.Header.Get("X-Test"), "steady") {
			n = 8
		}
		for range n {
			io.WriteString(w, "event: ping\ndata: {\"type\":\"ping\"}\n\n")
			fl.Flush()
			time.Sleep(100 * time.Millisecond)
		}
		if n > 1 {
			io.WriteString(w, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")
			return
		}
		select { // stall
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer up.Close()
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	g, err := proxy.New(proxy.Config{}, eng)
	if err != nil {
		t.Fatal(err)
	}
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: up.URL, StreamIdleTimeout: 300 * time.Millisecond}, nil)
	if err != nil {
		t.Fatal(err)
	}
	front := httptest.NewServer(proxy.NewHandler(g, fwd))
	defer front.Close()
	stream := func(mode string) (string, time.Duration) {
		req, _ := http.NewRequest(http.MethodPost, front.URL+"/v1/messages",
			strings.NewReader(`{"model":"claude-sonnet-4-5","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"hi"}]}`))
		req.Header.Set("X-Api-Key", "sk-idle")
		req.Header.Set("X-Test", mode)
		start := time.Now()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body) // a cut stream ends with an error: what came is enough
		return string(b), time.Since(start)
	}
	body, took := stream("stall")
	if !strings.Contains(body, "ping") || took > 5*time.Second {
		t.Errorf("stalled stream: %q after %v, want the first event and an end within seconds", body, took)
	}
	// 8 events 100 ms apart: 800 ms in all, never 300 ms silent
	body, _ = stream("steady")
	if !strings.HasSuffix(body, "message_stop\"}\n\n") {
		t.Errorf("steady stream cut: %q", body)
	}
}

// TestUpstreamFailureIsLogged: an unreachable upstream is answered 502 in
// the dialect's format and told to the forwarder's logger with the request
// id.
func TestUpstreamFailureIsLogged(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	url := dead.URL
	dead.Close()
	var logs strings.Builder
	var mu sync.Mutex
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: url, Logger: slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, nil))}, nil)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/v1/messages", strings.NewReader(`{}`))
	req.Header.Set("X-Request-Id", "req-down-1")
	w := httptest.NewRecorder()
	fwd.ServeHTTP(w, req)
	mu.Lock()
	defer mu.Unlock()
	if w.Code != http.StatusBadGateway || !strings.Contains(logs.String(), "upstream failed") || !strings.Contains(logs.String(), "req-down-1") {
		t.Errorf("status %d, log %q", w.Code, logs.String())
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
