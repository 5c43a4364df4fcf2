package proxy_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/internal/stub"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// TestEscapedModelPathIsGuarded: a model endpoint spelled with escapes is
// the same endpoint to the upstream, so it must not bypass the guard.
func TestEscapedModelPathIsGuarded(t *testing.T) {
	up := httptest.NewServer(stub.New(stub.Config{}))
	defer up.Close()
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var logBuf proxytest.SyncBuffer
	dl := proxy.NewDecisionLog(&logBuf, 0)
	g, err := proxy.New(proxy.Config{Log: dl}, eng)
	if err != nil {
		t.Fatal(err)
	}
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: up.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(proxy.NewHandler(g, fwd))
	defer srv.Close()
	for _, path := range []string{"/v1/chat/completions", "/v1/%63hat/completions", "/v1/messag%65s"} {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(`{"model":"m","messages":[{"role":"user","content":"hi"}]}`))
		req.Header.Set("Authorization", "Bearer sk-route")
		req.Header.Set("X-Request-Id", "route-"+strings.ReplaceAll(path, "%", "_"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	if err := dl.Close(); err != nil {
		t.Fatal(err)
	}
	log := logBuf.String()
	for _, id := range []string{"route-/v1/chat/completions", "route-/v1/_63hat/completions", "route-/v1/messag_65s"} {
		if !strings.Contains(log, `"request_id":"`+id+`"`) {
			t.Errorf("no decision for %s: the request bypassed the guard\n%s", id, log)
		}
	}
}

// TestRequestIDEchoedOverUpstreamID: the response carries the request's id
// (the decision log's); the upstream's own id is kept aside.
func TestRequestIDEchoedOverUpstreamID(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req_upstream_1")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"x","object":"chat.completion","choices":[]}`))
	}))
	defer up.Close()
	g := newDefaultGuard(t)
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: up.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(proxy.NewHandler(g, fwd))
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/chat/completions", strings.NewReader(`{"model":"m","messages":[]}`))
	req.Header.Set("X-Request-Id", "client-7")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Values("X-Request-Id"); len(got) != 1 || got[0] != "client-7" {
		t.Fatalf("X-Request-Id = %q, want [client-7]", got)
	}
	if got := res.Header.Get("X-Upstream-Request-Id"); got != "req_upstream_1" {
		t.Fatalf("X-Upstream-Request-Id = %q", got)
	}
}
