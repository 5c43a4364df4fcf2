package proxy_test

import (
	"testing"
	"time"

	"github.com/anthropics/anthropic-sdk-go/v2"
	"github.com/openai/openai-go/v3"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// metered returns sluice_metered_tokens_total by dialect.
func metered(t *testing.T, reg *prometheus.Registry) map[string]float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, mf := range mfs {
		if mf.GetName() != "sluice_metered_tokens_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "dialect" {
					out[l.GetValue()] = m.GetCounter().GetValue()
				}
			}
		}
	}
	return out
}

// TestMeteredTokensMetric checks that the metered-tokens counter adds up
// the usage the upstream reported, per dialect.
func TestMeteredTokensMetric(t *testing.T) {
	t.Parallel()
	reg := prometheus.NewRegistry()
	s := proxytest.NewStack(t, proxytest.Options{
		Guard:  proxy.Config{Registerer: reg},
		Limits: limiter.Config{Account: limiter.Limit{Requests: 1000, Tokens: 1e6}},
	})
	ctx := t.Context()
	oc := oaClient(s.Front.URL, "sk-metric")
	r, err := oc.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: "gpt-4o", Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Say hi.")}})
	if err != nil {
		t.Fatal(err)
	}
	ac := antClient(s.Front.URL, "sk-metric")
	m, err := ac.Messages.New(ctx, anthropic.MessageNewParams{Model: "claude-sonnet-4-5", MaxTokens: 64,
		Messages: []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("Say hi."))}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"openai": float64(r.Usage.TotalTokens), "anthropic": float64(m.Usage.InputTokens + m.Usage.OutputTokens)}
	var got map[string]float64
	// each exchange settles when the proxy closes its body, just after the
	// client has read it
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if got = metered(t, reg); got["openai"] == want["openai"] && got["anthropic"] == want["anthropic"] {
			return
		}
	}
	t.Fatalf("sluice_metered_tokens_total %v, want %v", got, want)
}
