package proxy_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anthropics/anthropic-sdk-go/v2"
	aoption "github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/openai/openai-go/v3"
	ooption "github.com/openai/openai-go/v3/option"

	"github.com/sluicehq/sluice/internal/proxytest"
)

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
	s := proxytest.NewStack(t, proxytest.Options{Limits: proxytest.ThrottledLimits})
	cases := []struct {
		name, path, body string
		call             func(ctx context.Context, hc *http.Client, key string) error
	}{
		{"openai", "/v1/chat/completions", proxytest.ChatBody, func(ctx context.Context, hc *http.Client, key string) error {
			c := openai.NewClient(ooption.WithBaseURL(s.Front.URL+"/v1/"), ooption.WithAPIKey(key), ooption.WithHTTPClient(hc))
			r, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
				Model: "gpt-4o", Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Say hi.")},
			})
			if err == nil && len(r.Choices) != 1 {
				err = errors.New("no choices")
			}
			return err
		}},
		{"anthropic", "/v1/messages", proxytest.MsgBody, func(ctx context.Context, hc *http.Client, key string) error {
			c := anthropic.NewClient(aoption.WithBaseURL(s.Front.URL+"/"), aoption.WithAPIKey(key), aoption.WithHTTPClient(hc))
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
			res, _ := proxytest.Post(t, nil, s.Front.URL, tc.path, tc.body, hdr, val)
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
