package proxy_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anthropics/anthropic-sdk-go/v2"
	aoption "github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/openai/openai-go/v3"
	ooption "github.com/openai/openai-go/v3/option"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// throttled is a per-account limit of one request per second with no burst
// beyond one.
var throttled = limiter.Config{Account: limiter.Limit{Requests: 60, RequestBurst: 1}}

// TestThrottleFormat checks the 429 of a key above its per-account limit:
// Retry-After and a rate_limit_error in the dialect's own format.
func TestThrottleFormat(t *testing.T) {
	t.Parallel()
	s := newStack(t, stackOpts{limits: throttled})
	for _, tc := range []struct{ name, path, body string }{
		{"openai chat", "/v1/chat/completions", chatBody},
		{"openai responses", "/v1/responses", respBody},
		{"anthropic", "/v1/messages", msgBody},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			key := "sk-throttle-" + tc.name
			res, _ := post(t, nil, s.front.URL, tc.path, tc.body, "Authorization", "Bearer "+key)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("first request: status %d", res.StatusCode)
			}
			res, b := post(t, nil, s.front.URL, tc.path, tc.body, "Authorization", "Bearer "+key)
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
			checkErrorBody(t, tc.path, b, "rate_limit_error")
			// another key is not affected
			res, _ = post(t, nil, s.front.URL, tc.path, tc.body, "Authorization", "Bearer other-"+key)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("other key: status %d", res.StatusCode)
			}
		})
	}
}

// countingTransport counts round trips and the 429s among them.
type countingTransport struct {
	n, throttled atomic.Int32
	retryAfter   atomic.Value // string
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	res, err := http.DefaultTransport.RoundTrip(r)
	if err == nil && res.StatusCode == http.StatusTooManyRequests {
		c.throttled.Add(1)
		c.retryAfter.Store(res.Header.Get("Retry-After"))
	}
	return res, err
}

// TestThrottleSDKBacksOff: an official SDK client (default retries) that
// is throttled honours Retry-After and then succeeds.
func TestThrottleSDKBacksOff(t *testing.T) {
	t.Parallel()
	s := newStack(t, stackOpts{limits: throttled})
	cases := []struct {
		name, path, body string
		call             func(ctx context.Context, hc *http.Client, key string) error
	}{
		{"openai", "/v1/chat/completions", chatBody, func(ctx context.Context, hc *http.Client, key string) error {
			c := openai.NewClient(ooption.WithBaseURL(s.front.URL+"/v1/"), ooption.WithAPIKey(key), ooption.WithHTTPClient(hc))
			r, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
				Model: "gpt-4o", Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Say hi.")},
			})
			if err == nil && len(r.Choices) != 1 {
				err = errors.New("no choices")
			}
			return err
		}},
		{"anthropic", "/v1/messages", msgBody, func(ctx context.Context, hc *http.Client, key string) error {
			c := anthropic.NewClient(aoption.WithBaseURL(s.front.URL+"/"), aoption.WithAPIKey(key), aoption.WithHTTPClient(hc))
			m, err := c.Messages.New(ctx, anthropic.MessageNewParams{
				Model: anthropic.Model("claude-sonnet-4-5"), MaxTokens: 64,
				Messages: []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("Say hi."))},
			})
			if err == nil && len(m.Content) == 0 {
				err = errors.New("no content")
			}
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			key := "sk-backoff-" + tc.name
			hdr := "Authorization"
			val := "Bearer " + key
			if tc.name == "anthropic" {
				hdr, val = "X-Api-Key", key
			}
			// use up the bucket
			res, _ := post(t, nil, s.front.URL, tc.path, tc.body, hdr, val)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("first request: status %d", res.StatusCode)
			}
			ct := &countingTransport{}
			start := time.Now()
			if err := tc.call(t.Context(), &http.Client{Transport: ct}, key); err != nil {
				t.Fatalf("SDK call: %v", err)
			}
			took := time.Since(start)
			if ct.throttled.Load() == 0 || ct.n.Load() < 2 {
				t.Fatalf("SDK was not throttled (%d round trips, %d throttled)", ct.n.Load(), ct.throttled.Load())
			}
			ra, _ := strconv.Atoi(ct.retryAfter.Load().(string))
			if took < time.Duration(ra)*time.Second {
				t.Fatalf("SDK succeeded after %v, before Retry-After %ds", took, ra)
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
	s := newStack(t, stackOpts{guard: proxy.Config{MaxBodyBytes: limit}})
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	down := newStack(t, stackOpts{upURL: deadURL})

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
		{"/v1/chat/completions", chatBody, big},
		{"/v1/messages", msgBody, bigMsg},
	} {
		cases = append(cases,
			tcase{name: d.path + " too large", path: d.path, body: d.big, front: s.front.URL, status: 413, openai: "invalid_request_error", anth: "request_too_large"},
			tcase{name: d.path + " too large chunked", path: d.path, body: d.big, chunked: true, front: s.front.URL, status: 413, openai: "invalid_request_error", anth: "request_too_large"},
			tcase{name: d.path + " broken json", path: d.path, body: `{"model":"x","messages":[`, front: s.front.URL, status: 400, openai: "invalid_request_error", anth: "invalid_request_error"},
			tcase{name: d.path + " not an object", path: d.path, body: `[1,2]`, front: s.front.URL, status: 400, openai: "invalid_request_error", anth: "invalid_request_error"},
			tcase{name: d.path + " upstream down", path: d.path, body: d.good, front: down.front.URL, status: 502, openai: "server_error", anth: "api_error"},
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
			checkErrorBody(t, tc.path, b, want)
			if strings.Contains(string(b), "dialect:") || strings.Contains(string(b), "127.0.0.1") {
				t.Errorf("error body leaks internals: %q", b)
			}
			// still serving
			good := chatBody
			if tc.path == "/v1/messages" {
				good = msgBody
			}
			if tc.front == s.front.URL {
				res, b := post(t, nil, tc.front, tc.path, good, "Authorization", "Bearer sk-errors")
				if res.StatusCode != http.StatusOK {
					t.Fatalf("after the error: status %d %q", res.StatusCode, b)
				}
			}
		})
	}
}
