package proxy_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/proxy"
)

// TestThrottleFormat checks the 429 of a key above its per-account limit:
// Retry-After and a rate_limit_error in the dialect's own format.
func TestThrottleFormat(t *testing.T) {
	t.Parallel()
	s := proxytest.NewStack(t, proxytest.Options{Limits: proxytest.ThrottledLimits})
	for _, tc := range []struct{ name, path, body string }{
		{"openai chat", "/v1/chat/completions", proxytest.ChatBody},
		{"openai responses", "/v1/responses", proxytest.RespBody},
		{"anthropic", "/v1/messages", proxytest.MsgBody},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			key := "sk-throttle-" + tc.name
			res, _ := proxytest.Post(t, nil, s.Front.URL, tc.path, tc.body, "Authorization", "Bearer "+key)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("first request: status %d", res.StatusCode)
			}
			res, b := proxytest.Post(t, nil, s.Front.URL, tc.path, tc.body, "Authorization", "Bearer "+key)
			if res.StatusCode != http.StatusTooManyRequests {
				t.Fatalf("second request: status %d, want 429", res.StatusCode)
			}
			ra, err := strconv.Atoi(res.Header.Get("Retry-After"))
			if err != nil || ra < 1 {
				t.Fatalf("Retry-After %q: want whole seconds >= 1", res.Header.Get("Retry-After"))
			}
			if res.Header.Get("X-Request-Id") == "" {
				t.Error("429 without X-Request-Id")
			}
			proxytest.CheckErrorBody(t, tc.path, b, "rate_limit_error")
			// another key is not affected
			res, _ = proxytest.Post(t, nil, s.Front.URL, tc.path, tc.body, "Authorization", "Bearer other-"+key)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("other key: status %d", res.StatusCode)
			}
		})
	}
}

// TestErrorsInDialectFormat: oversize bodies (with and without
// Content-Length), broken JSON and an unreachable upstream are answered in
// the dialect's format, and the proxy keeps serving afterwards.
func TestErrorsInDialectFormat(t *testing.T) {
	t.Parallel()
	const limit = 4096
	s := proxytest.NewStack(t, proxytest.Options{Guard: proxy.Config{MaxBodyBytes: limit}})
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	down := proxytest.NewStack(t, proxytest.Options{UpURL: deadURL})

	big := `{"model":"gpt-4o","messages":[{"role":"user","content":"` + strings.Repeat("x", 100<<10) + `"}]}`
	bigMsg := `{"model":"claude-sonnet-4-5","max_tokens":8,"messages":[{"role":"user","content":"` + strings.Repeat("x", 100<<10) + `"}]}`
	type tcase struct {
		name, path, body string
		chunked          bool
		front            string
		status           int
		openai, anth     string // error types
	}
	var cases []tcase
	for _, d := range []struct{ path, good, big string }{
		{"/v1/chat/completions", proxytest.ChatBody, big},
		{"/v1/messages", proxytest.MsgBody, bigMsg},
	} {
		cases = append(cases,
			tcase{name: d.path + " too large", path: d.path, body: d.big, front: s.Front.URL, status: 413, openai: "invalid_request_error", anth: "request_too_large"},
			tcase{name: d.path + " too large chunked", path: d.path, body: d.big, chunked: true, front: s.Front.URL, status: 413, openai: "invalid_request_error", anth: "request_too_large"},
			tcase{name: d.path + " broken json", path: d.path, body: `{"model":"x","messages":[`, front: s.Front.URL, status: 400, openai: "invalid_request_error", anth: "invalid_request_error"},
			tcase{name: d.path + " not an object", path: d.path, body: `[1,2]`, front: s.Front.URL, status: 400, openai: "invalid_request_error", anth: "invalid_request_error"},
			tcase{name: d.path + " upstream down", path: d.path, body: d.good, front: down.Front.URL, status: 502, openai: "server_error", anth: "api_error"},
		)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var body io.Reader = strings.NewReader(tc.body)
			if tc.chunked {
				body = io.MultiReader(body) // no length: sent chunked
			}
			req, _ := http.NewRequest(http.MethodPost, tc.front+tc.path, body)
			req.Header.Set("Authorization", "Bearer sk-errors")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if tc.chunked && req.ContentLength != -1 && req.ContentLength != 0 {
				t.Fatalf("request was not chunked (ContentLength %d)", req.ContentLength)
			}
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d (body %q)", res.StatusCode, tc.status, b)
			}
			if res.Header.Get("Content-Type") != "application/json" {
				t.Errorf("Content-Type %q", res.Header.Get("Content-Type"))
			}
			want := tc.openai
			if tc.path == "/v1/messages" {
				want = tc.anth
			}
			proxytest.CheckErrorBody(t, tc.path, b, want)
			if strings.Contains(string(b), "dialect:") || strings.Contains(string(b), "127.0.0.1") {
				t.Errorf("error body leaks internals: %q", b)
			}
			// still serving
			good := proxytest.ChatBody
			if tc.path == "/v1/messages" {
				good = proxytest.MsgBody
			}
			if tc.front == s.Front.URL {
				res, b := proxytest.Post(t, nil, tc.front, tc.path, good, "Authorization", "Bearer sk-errors")
				if res.StatusCode != http.StatusOK {
					t.Fatalf("after the error: status %d %q", res.StatusCode, b)
				}
			}
		})
	}
}
