package proxy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/anthropics/anthropic-sdk-go/v2"
	aoption "github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/openai/openai-go/v3"
	ooption "github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/responses"
	"github.com/openai/openai-go/v3/shared"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// degradeStack is a stack whose every request from key is degraded with
// measures (an operator override of the key's cluster).
func degradeStack(t *testing.T, key string, measures limiter.Measures, dc proxy.DegradeConfig, o proxytest.Options) *proxytest.Stack {
	t.Helper()
	o.Limits.Degrade = measures
	o.Guard.Degrade = dc
	s := proxytest.NewStack(t, o)
	id, err := proxy.NewIdentifier(proxy.IdentityConfig{})
	if err != nil {
		t.Fatal(err)
	}
	h := http.Header{}
	h.Set("Authorization", "Bearer "+key)
	acc := id.Identify(h, netip.MustParseAddr("127.0.0.1"), "").Account
	s.Guard.Engine().Override(limiter.ClusterID(acc), limiter.ActionDegrade, time.Now().Add(time.Hour))
	return s
}

// answer is what a test checks of one SDK call, streamed or not.
type answer struct {
	text      string
	model     string
	finish    string
	choices   int
	logprobs  bool // log-probabilities reached the client
	reasoning bool // reasoning reached the client
	usage     int64
}

func words(s string) int { return len(strings.Fields(s)) }

func oaClient(base, key string) openai.Client {
	return openai.NewClient(ooption.WithBaseURL(base+"/v1/"), ooption.WithAPIKey(key), ooption.WithMaxRetries(0))
}

func antClient(base, key string) anthropic.Client {
	return anthropic.NewClient(aoption.WithBaseURL(base+"/"), aoption.WithAPIKey(key), aoption.WithMaxRetries(0))
}

// chatCall asks for everything the measures take away: a long answer,
// three choices, log-probabilities and high reasoning effort.
func chatCall(ctx context.Context, c openai.Client, stream bool) (answer, error) {
	p := openai.ChatCompletionNewParams{
		Model:               "gpt-4o",
		Messages:            []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Say hi.")},
		MaxCompletionTokens: openai.Int(2000),
		N:                   openai.Int(3),
		Logprobs:            openai.Bool(true),
		TopLogprobs:         openai.Int(3),
		ReasoningEffort:     shared.ReasoningEffortHigh,
	}
	var a answer
	if !stream {
		r, err := c.Chat.Completions.New(ctx, p)
		if err != nil {
			return a, err
		}
		a.text, a.model, a.finish, a.choices = r.Choices[0].Message.Content, r.Model, r.Choices[0].FinishReason, len(r.Choices)
		a.logprobs = len(r.Choices[0].Logprobs.Content) > 0
		a.reasoning = strings.Contains(r.RawJSON(), "reasoning_content")
		a.usage = r.Usage.TotalTokens
		return a, nil
	}
	st := c.Chat.Completions.NewStreaming(ctx, p)
	var acc openai.ChatCompletionAccumulator
	for st.Next() {
		ch := st.Current()
		acc.AddChunk(ch)
		for _, c := range ch.Choices {
			a.logprobs = a.logprobs || len(c.Logprobs.Content) > 0
		}
		a.reasoning = a.reasoning || strings.Contains(ch.RawJSON(), "reasoning_content")
		if len(ch.Choices) == 0 {
			a.usage = ch.Usage.TotalTokens // only when the client asked
		}
	}
	if err := st.Err(); err != nil {
		return a, err
	}
	a.text, a.model, a.finish, a.choices = acc.Choices[0].Message.Content, acc.Model, acc.Choices[0].FinishReason, len(acc.Choices)
	return a, nil
}

func respCall(ctx context.Context, c openai.Client, stream bool) (answer, error) {
	p := responses.ResponseNewParams{
		Model:           "gpt-4o",
		Input:           responses.ResponseNewParamsInputUnion{OfString: openai.String("Say hi.")},
		MaxOutputTokens: openai.Int(2000),
		Reasoning:       shared.ReasoningParam{Effort: shared.ReasoningEffortHigh, Summary: shared.ReasoningSummaryDetailed},
		Include:         []responses.ResponseIncludable{responses.ResponseIncludableMessageOutputTextLogprobs},
		TopLogprobs:     openai.Int(3),
	}
	var a answer
	final := func(r *responses.Response) {
		a.model, a.finish, a.usage = string(r.Model), string(r.Status), r.Usage.TotalTokens
		if r.IncompleteDetails.Reason != "" {
			a.finish += ":" + r.IncompleteDetails.Reason
		}
		for _, it := range r.Output {
			a.reasoning = a.reasoning || it.Type == "reasoning"
			for _, ct := range it.Content {
				a.logprobs = a.logprobs || len(ct.Logprobs) > 0
			}
		}
	}
	if !stream {
		r, err := c.Responses.New(ctx, p)
		if err != nil {
			return a, err
		}
		a.text = r.OutputText()
		final(r)
		return a, nil
	}
	st := c.Responses.NewStreaming(ctx, p)
	for st.Next() {
		ev := st.Current()
		switch {
		case ev.Type == "response.output_text.delta":
			a.text += ev.Delta
			a.logprobs = a.logprobs || strings.Contains(ev.RawJSON(), `"logprobs":[{`)
		case ev.Type == "response.completed", ev.Type == "response.incomplete":
			final(&ev.Response)
		case strings.HasPrefix(ev.Type, "response.reasoning"), ev.Item.Type == "reasoning":
			a.reasoning = true
		}
	}
	return a, st.Err()
}

func msgCall(ctx context.Context, c anthropic.Client, stream bool) (answer, error) {
	p := anthropic.MessageNewParams{
		Model:     anthropic.Model("claude-sonnet-4-5"),
		MaxTokens: 2048,
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("Say hi."))},
		Thinking:  anthropic.ThinkingConfigParamOfEnabled(1024),
	}
	var m anthropic.Message
	if !stream {
		r, err := c.Messages.New(ctx, p)
		if err != nil {
			return answer{}, err
		}
		m = *r
	} else {
		st := c.Messages.NewStreaming(ctx, p)
		for st.Next() {
			if err := m.Accumulate(st.Current()); err != nil {
				return answer{}, err
			}
		}
		if err := st.Err(); err != nil {
			return answer{}, err
		}
	}
	a := answer{model: string(m.Model), finish: string(m.StopReason), usage: m.Usage.InputTokens + m.Usage.OutputTokens}
	for _, b := range m.Content {
		switch b.Type {
		case "thinking", "redacted_thinking":
			a.reasoning = true
		case "text":
			a.text += b.Text
		}
	}
	return a, nil
}

// TestDegradeSDK runs each degrade measure, streamed and not, through
// the official SDKs in both dialects: every shaped answer parses and lacks
// what the measure takes away.
func TestDegradeSDK(t *testing.T) {
	t.Parallel()
	const clamp = 5
	dc := proxy.DegradeConfig{MaxTokens: clamp, Model: "cheap-model", TarpitDelay: time.Millisecond}
	all := limiter.MeasureClampTokens | limiter.MeasureDropLogprobs | limiter.MeasureForceN1 | limiter.MeasureStripReasoning | limiter.MeasureTarpit | limiter.MeasureCheaperModel
	cases := []struct {
		name     string
		measures limiter.Measures
		shadow   limiter.Measures
		check    func(t *testing.T, api string, a answer)
	}{
		{"none", 0, 0, func(t *testing.T, api string, a answer) {
			if words(a.text) != 24 || (api != "chat" || a.choices == 3) && !a.reasoning {
				t.Errorf("baseline changed: %+v", a)
			}
		}},
		{"clamp", limiter.MeasureClampTokens, 0, func(t *testing.T, api string, a answer) {
			if words(a.text) != clamp {
				t.Errorf("%d words, want %d", words(a.text), clamp)
			}
			if want := map[string]string{"chat": "length", "messages": "max_tokens", "responses": "completed"}[api]; a.finish != want {
				t.Errorf("finish %q, want %q", a.finish, want)
			}
		}},
		{"drop_logprobs", limiter.MeasureDropLogprobs, 0, func(t *testing.T, api string, a answer) {
			if a.logprobs {
				t.Error("logprobs reached the client")
			}
		}},
		{"force_n1", limiter.MeasureForceN1, 0, func(t *testing.T, api string, a answer) {
			if api == "chat" && a.choices != 1 {
				t.Errorf("%d choices", a.choices)
			}
		}},
		{"strip_reasoning", limiter.MeasureStripReasoning, 0, func(t *testing.T, api string, a answer) {
			if a.reasoning || words(a.text) != 24 {
				t.Errorf("reasoning %v, %d words", a.reasoning, words(a.text))
			}
		}},
		{"tarpit", limiter.MeasureTarpit, 0, func(t *testing.T, api string, a answer) {
			if words(a.text) != 24 {
				t.Errorf("%d words", words(a.text))
			}
		}},
		{"cheaper_model", limiter.MeasureCheaperModel, 0, func(t *testing.T, api string, a answer) {
			if a.model != "cheap-model" {
				t.Errorf("model %q", a.model)
			}
		}},
		{"all", all, 0, func(t *testing.T, api string, a answer) {
			if a.reasoning || a.logprobs || words(a.text) != clamp || a.model != "cheap-model" || (api == "chat" && a.choices != 1) {
				t.Errorf("not degraded: %+v", a)
			}
		}},
		{"all shadowed", all, all, func(t *testing.T, api string, a answer) {
			if words(a.text) != 24 || a.model == "cheap-model" || (api != "chat" && !a.reasoning) || (api != "messages" && !a.logprobs) {
				t.Errorf("shadowed measures were applied: %+v", a)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := dc
			d.Shadow = tc.shadow
			key := "sk-degrade-" + tc.name
			s := degradeStack(t, key, tc.measures, d, proxytest.Options{})
			for _, api := range []string{"chat", "responses", "messages"} {
				for _, stream := range []bool{false, true} {
					var a answer
					var err error
					switch api {
					case "chat":
						a, err = chatCall(t.Context(), oaClient(s.Front.URL, key), stream)
					case "responses":
						a, err = respCall(t.Context(), oaClient(s.Front.URL, key), stream)
					case "messages":
						a, err = msgCall(t.Context(), antClient(s.Front.URL, key), stream)
					}
					if err != nil {
						t.Fatalf("%s stream=%v: %v", api, stream, err)
					}
					t.Run(api+map[bool]string{true: " stream"}[stream], func(t *testing.T) { tc.check(t, api, a) })
				}
			}
		})
	}
}

// ignoreMaxTokens wraps an upstream that ignores the output limits: it
// removes max_tokens, max_completion_tokens and max_output_tokens from
// each request before the upstream sees it.
func ignoreMaxTokens(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]json.RawMessage
		if err := json.NewDecoder(r.Body).Decode(&body); err == nil {
			delete(body, "max_tokens")
			delete(body, "max_completion_tokens")
			delete(body, "max_output_tokens")
			b, _ := json.Marshal(body)
			r.Body = io.NopCloser(bytes.NewReader(b))
			r.ContentLength = int64(len(b))
		}
		next.ServeHTTP(w, r)
	})
}

// TestDegradeOverrunSDK checks the clamp against an upstream that
// overruns it: streamed answers end at the budget with a well-formed
// synthetic end (chat finish_reason "length", Anthropic stop_reason
// "max_tokens", a Responses response.incomplete with reason
// max_output_tokens), non-streamed bodies are cut to about the budget with
// the same stop reasons, and the official SDKs parse every one without
// error.
func TestDegradeOverrunSDK(t *testing.T) {
	t.Parallel()
	const clamp = 5
	key := "sk-degrade-overrun"
	s := degradeStack(t, key, limiter.MeasureClampTokens, proxy.DegradeConfig{MaxTokens: clamp}, proxytest.Options{WrapUp: ignoreMaxTokens})
	want := map[string]string{"chat": "length", "messages": "max_tokens", "responses": "incomplete:max_output_tokens"}
	for _, api := range []string{"chat", "responses", "messages"} {
		for _, stream := range []bool{false, true} {
			var a answer
			var err error
			switch api {
			case "chat":
				a, err = chatCall(t.Context(), oaClient(s.Front.URL, key), stream)
			case "responses":
				a, err = respCall(t.Context(), oaClient(s.Front.URL, key), stream)
			case "messages":
				a, err = msgCall(t.Context(), antClient(s.Front.URL, key), stream)
			}
			if err != nil {
				t.Fatalf("%s stream=%v: %v", api, stream, err)
			}
			if a.finish != want[api] {
				t.Errorf("%s stream=%v: finish %q, want %q", api, stream, a.finish, want[api])
			}
			n := words(a.text)
			if stream && n != clamp || !stream && (n < 1 || n > clamp) {
				t.Errorf("%s stream=%v: %d words (%q), budget %d", api, stream, n, a.text, clamp)
			}
		}
	}
}
