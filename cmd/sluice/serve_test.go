package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/internal/stub"
)

func get(t *testing.T, url, auth string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestServe runs serve on the embedded defaults with only the upstream set
// (what `sluice serve -upstream URL` does), checks the admin listener and a
// model request, then cancels it while a stream is in flight: the stream
// must finish, serve must return nil and the decision log must be flushed.
func TestServe(t *testing.T) {
	t.Parallel()
	up := httptest.NewServer(stub.New(stub.Config{Words: 40, EventDelay: 10 * time.Millisecond}))
	defer up.Close()
	cfg, err := loadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Upstream.URL = up.URL
	cfg.Listen = "127.0.0.1:0"
	cfg.Admin.Listen = "127.0.0.1:0"
	cfg.Admin.Token = "tok"
	cfg.Server.ShutdownTimeout = 20 * time.Second

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var declog, logs proxytest.SyncBuffer
	addrs := make(chan [2]string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, cfg, &declog, slog.New(slog.NewTextHandler(&logs, nil)), func(p, a string) { addrs <- [2]string{p, a} })
	}()
	var proxyURL, adminURL string
	select {
	case a := <-addrs:
		proxyURL, adminURL = "http://"+a[0], "http://"+a[1]
	case err := <-done:
		t.Fatalf("serve returned early: %v", err)
	}

	// admin
	for _, tc := range []struct {
		path, auth string
		status     int
	}{
		{"/healthz", "", 200},
		{"/readyz", "", 200},
		{"/metrics", "", 401},
		{"/metrics", "Bearer wrong", 401},
		{"/metrics", "Bearer tok", 200},
	} {
		if st, body := get(t, adminURL+tc.path, tc.auth); st != tc.status {
			t.Fatalf("%s (%q): %d %s", tc.path, tc.auth, st, body)
		}
	}

	// a model request
	res, err := http.Post(proxyURL+"/v1/chat/completions", "application/json",
		strings.NewReader(`{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(b), "chat.completion") {
		t.Fatalf("model request: %d %s", res.StatusCode, b)
	}
	if _, body := get(t, adminURL+"/metrics", "Bearer tok"); !strings.Contains(body, `sluice_requests_total{action="allow",dialect="openai"} 1`) ||
		!strings.Contains(body, "sluice_upstream_seconds") {
		t.Fatalf("metrics lack the request:\n%s", body)
	}

	// a stream in flight during shutdown
	req, _ := http.NewRequest(http.MethodPost, proxyURL+"/v1/messages",
		strings.NewReader(`{"model":"claude-sonnet-4-5","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"hi"}]}`))
	req.Header.Set("X-Api-Key", "sk-serve")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	br := bufio.NewReader(res.Body)
	if _, err := br.ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	cancel()
	rest, err := io.ReadAll(br)
	if err != nil {
		t.Fatalf("stream cut by shutdown: %v", err)
	}
	if !bytes.HasSuffix(rest, []byte("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")) {
		t.Fatalf("stream did not finish: ...%q", rest[max(0, len(rest)-100):])
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return after shutdown")
	}
	if _, err := http.Get(proxyURL + "/v1/models"); err == nil {
		t.Fatal("proxy still listening after shutdown")
	}
	if n := strings.Count(declog.String(), "\n"); n != 2 {
		t.Fatalf("decision log has %d lines, want 2:\n%s", n, declog.String())
	}
	if strings.Contains(declog.String(), "sk-serve") {
		t.Fatal("decision log contains the raw key")
	}
	if !strings.Contains(logs.String(), "sluice stopped") {
		t.Fatalf("log: %s", logs.String())
	}
	// the embedded defaults carry no identity.hmac_key: serve says so
	if !strings.Contains(logs.String(), "identity.hmac_key is not set") {
		t.Fatalf("no warning about the public default account key: %s", logs.String())
	}
}
