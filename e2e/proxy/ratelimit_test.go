package proxy_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/anthropics/anthropic-sdk-go/v2"
	aoption "github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/openai/openai-go/v3"
	ooption "github.com/openai/openai-go/v3/option"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// rateHeaders are the rate-limit headers of each dialect, in the order
// limit, remaining, reset for requests, then for tokens.
var rateHeaders = map[string][6]string{
	"openai": {"X-Ratelimit-Limit-Requests", "X-Ratelimit-Remaining-Requests", "X-Ratelimit-Reset-Requests",
		"X-Ratelimit-Limit-Tokens", "X-Ratelimit-Remaining-Tokens", "X-Ratelimit-Reset-Tokens"},
	"anthropic": {"Anthropic-Ratelimit-Requests-Limit", "Anthropic-Ratelimit-Requests-Remaining", "Anthropic-Ratelimit-Requests-Reset",
		"Anthropic-Ratelimit-Tokens-Limit", "Anthropic-Ratelimit-Tokens-Remaining", "Anthropic-Ratelimit-Tokens-Reset"},
}

// quota is what one response's rate-limit headers say.
type quota struct{ reqLimit, req, tokLimit, tok int64 }

// readQuota checks that h carries the dialect's rate-limit headers with
// sane values (limits positive, 0 <= remaining <= limit, resets that
// parse: an OpenAI duration, an Anthropic RFC 3339 time not before now)
// and returns them.
func readQuota(t *testing.T, dialect string, h http.Header, now time.Time) quota {
	t.Helper()
	names := rateHeaders[dialect]
	num := func(name string) int64 {
		v, err := strconv.ParseInt(h.Get(name), 10, 64)
		if err != nil {
			t.Fatalf("%s: %q: %v", name, h.Get(name), err)
		}
		return v
	}
	reset := func(name string) {
		v := h.Get(name)
		if dialect == "openai" {
			if d, err := time.ParseDuration(v); err != nil || d < 0 {
				t.Fatalf("%s: %q is not a duration", name, v)
			}
			return
		}
		if ts, err := time.Parse(time.RFC3339, v); err != nil || ts.Before(now.Truncate(time.Second)) {
			t.Fatalf("%s: %q is not an RFC 3339 time from now on", name, v)
		}
	}
	q := quota{reqLimit: num(names[0]), req: num(names[1]), tokLimit: num(names[3]), tok: num(names[4])}
	reset(names[2])
	reset(names[5])
	if q.reqLimit <= 0 || q.tokLimit <= 0 || q.req < 0 || q.req > q.reqLimit || q.tok < 0 || q.tok > q.tokLimit {
		t.Fatalf("insane quota %+v", q)
	}
	return q
}

// noQuota fails when h carries any rate-limit header of either dialect.
func noQuota(t *testing.T, h http.Header, what string) {
	t.Helper()
	for _, names := range rateHeaders {
		for _, n := range names {
			if v := h.Get(n); v != "" {
				t.Fatalf("%s: %s: %s leaked", what, n, v)
			}
		}
	}
}

// rateStack is a stack with rate-limit headers on or off, a still clock
// (no refill: remaining quota only goes down) and account limits of
// reqs requests and 100k tokens a minute, detection as by default.
func rateStack(t *testing.T, on bool, reqs limiter.PerMinute) (*proxytest.Stack, time.Time) {
	now := time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC)
	lc := limiter.DefaultConfig() // detection on
	lc.Account = limiter.Limit{Requests: reqs, Tokens: 100_000}
	lc.Cluster = lc.Account
	return proxytest.NewStack(t, proxytest.Options{
		Guard:  proxy.Config{Now: func() time.Time { return now }, Meter: proxy.MeterConfig{RateLimitHeaders: on}},
		Limits: lc,
	}), now
}

// TestRateLimitHeadersSDK checks the headers through the official SDKs
// (the raw response via WithResponseInto): an unsuspected account sees its
// remaining requests and tokens go down request by request, streamed and
// not, in both dialects.
func TestRateLimitHeadersSDK(t *testing.T) {
	t.Parallel()
	s, now := rateStack(t, true, 1000)
	ctx := t.Context()
	oc, ac := oaClient(s.Front.URL, "sk-rate-oa"), antClient(s.Front.URL, "sk-rate-ant")
	chatP := openai.ChatCompletionNewParams{Model: "gpt-4o", Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Say hi.")}}
	msgP := anthropic.MessageNewParams{Model: "claude-sonnet-4-5", MaxTokens: 256,
		Messages: []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("Say hi."))}}

	var prev quota
	for i := range 4 {
		var res *http.Response
		if i%2 == 0 {
			if _, err := oc.Chat.Completions.New(ctx, chatP, ooption.WithResponseInto(&res)); err != nil {
				t.Fatal(err)
			}
		} else {
			st := oc.Chat.Completions.NewStreaming(ctx, chatP, ooption.WithResponseInto(&res))
			for st.Next() {
			}
			if err := st.Err(); err != nil {
				t.Fatal(err)
			}
		}
		q := readQuota(t, "openai", res.Header, now)
		if q.reqLimit != 1000 || q.tokLimit != 100_000 {
			t.Fatalf("limits %+v", q)
		}
		if i > 0 && (q.req != prev.req-1 || q.tok >= prev.tok) {
			t.Fatalf("request %d: quota %+v after %+v: does not decrease", i, q, prev)
		}
		prev = q
	}
	prev = quota{}
	for i := range 4 {
		var res *http.Response
		if i%2 == 0 {
			if _, err := ac.Messages.New(ctx, msgP, aoption.WithResponseInto(&res)); err != nil {
				t.Fatal(err)
			}
		} else {
			st := ac.Messages.NewStreaming(ctx, msgP, aoption.WithResponseInto(&res))
			for st.Next() {
			}
			if err := st.Err(); err != nil {
				t.Fatal(err)
			}
		}
		q := readQuota(t, "anthropic", res.Header, now)
		if i > 0 && (q.req != prev.req-1 || q.tok >= prev.tok) {
			t.Fatalf("request %d: quota %+v after %+v: does not decrease", i, q, prev)
		}
		prev = q
	}
}

// TestRateLimitHeadersAbsent checks that no rate-limit header reaches a
// client when the option is off, nor, with it on, an account whose
// decision is not allow: degraded by an operator override of its cluster,
// degraded at once for the log-probability extraction shape, or
// throttled. Suspected accounts learn nothing of their quota.
func TestRateLimitHeadersAbsent(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	chatP := openai.ChatCompletionNewParams{Model: "gpt-4o", Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Say hi.")}}
	msgP := anthropic.MessageNewParams{Model: "claude-sonnet-4-5", MaxTokens: 256,
		Messages: []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("Say hi."))}}
	both := func(t *testing.T, s *proxytest.Stack, key, what string) {
		t.Helper()
		var res *http.Response
		oc, ac := oaClient(s.Front.URL, key), antClient(s.Front.URL, key)
		if _, err := oc.Chat.Completions.New(ctx, chatP, ooption.WithResponseInto(&res)); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		noQuota(t, res.Header, what+" chat")
		res = nil
		if _, err := ac.Messages.New(ctx, msgP, aoption.WithResponseInto(&res)); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		noQuota(t, res.Header, what+" messages")
	}

	t.Run("off", func(t *testing.T) {
		t.Parallel()
		s, _ := rateStack(t, false, 1000)
		both(t, s, "sk-rate-off", "option off")
	})
	t.Run("degraded cluster", func(t *testing.T) {
		t.Parallel()
		s := degradeStack(t, "sk-rate-suspect", limiter.MeasureClampTokens, proxy.DegradeConfig{},
			proxytest.Options{Guard: proxy.Config{Meter: proxy.MeterConfig{RateLimitHeaders: true}}, Limits: limiter.Config{Account: limiter.Limit{Requests: 1000, Tokens: 100_000}}})
		both(t, s, "sk-rate-suspect", "overridden cluster")
	})
	t.Run("logprob extraction", func(t *testing.T) {
		t.Parallel()
		s, _ := rateStack(t, true, 1000)
		body := `{"model":"gpt-4o","max_tokens":1,"temperature":0,"logprobs":true,"top_logprobs":20,"logit_bias":{` + bias(300) + `},"messages":[{"role":"user","content":"Say hi."}]}`
		res, b := proxytest.Post(t, nil, s.Front.URL, "/v1/chat/completions", body, "Authorization", "Bearer sk-rate-extract")
		if res.StatusCode != http.StatusOK || strings.Contains(string(b), `"logprob"`) {
			t.Fatalf("status %d, not degraded: %s", res.StatusCode, b)
		}
		noQuota(t, res.Header, "extraction")
	})
	t.Run("throttled", func(t *testing.T) {
		t.Parallel()
		s, _ := rateStack(t, true, 2)
		c := oaClient(s.Front.URL, "sk-rate-throttle")
		var res *http.Response
		for range 2 {
			if _, err := c.Chat.Completions.New(ctx, chatP, ooption.WithResponseInto(&res)); err != nil {
				t.Fatal(err)
			}
			readQuota(t, "openai", res.Header, time.Time{})
		}
		res = nil
		if _, err := c.Chat.Completions.New(ctx, chatP, ooption.WithResponseInto(&res)); err == nil {
			t.Fatal("third request within the minute was not throttled")
		}
		if res == nil || res.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("want a 429, got %v", res)
		}
		noQuota(t, res.Header, "throttled")
	})
}

// bias returns n logit_bias entries.
func bias(n int) string {
	b := make([]byte, 0, n*10)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = strconv.AppendInt(b, int64(1000+i), 10)
		b = append(b, `":-100`...)
	}
	return string(b)
}
