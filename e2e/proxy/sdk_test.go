package proxy_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/anthropics/anthropic-sdk-go/v2"
	aoption "github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/openai/openai-go/v3"
	ooption "github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/responses"

	"github.com/sluicehq/sluice/internal/proxytest"
)

// sdkResult collects what an SDK call returned: the raw JSON of a response
// or of every streamed event, in order.
type sdkResult struct {
	Raw    []string
	Parsed any
}

// TestOpenAISDK runs the official OpenAI client against the stub directly
// and through sluice; both runs must yield the same parsed results.
func TestOpenAISDK(t *testing.T) {
	t.Parallel()
	s := proxytest.NewStack(t, proxytest.Options{})
	calls := []struct {
		name string
		do   func(ctx context.Context, c openai.Client) (sdkResult, error)
	}{
		{"chat", func(ctx context.Context, c openai.Client) (sdkResult, error) {
			r, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
				Model:    "gpt-4o",
				Messages: []openai.ChatCompletionMessageParamUnion{openai.SystemMessage("You are terse."), openai.UserMessage("Say hi.")},
			})
			if err != nil {
				return sdkResult{}, err
			}
			return sdkResult{Raw: []string{r.RawJSON()}, Parsed: r.Choices[0].Message.Content}, nil
		}},
		{"chat stream", func(ctx context.Context, c openai.Client) (sdkResult, error) {
			st := c.Chat.Completions.NewStreaming(ctx, openai.ChatCompletionNewParams{
				Model:         "gpt-4o",
				Messages:      []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Say hi.")},
				StreamOptions: openai.ChatCompletionStreamOptionsParam{IncludeUsage: openai.Bool(true)},
			})
			var res sdkResult
			var acc openai.ChatCompletionAccumulator
			for st.Next() {
				ev := st.Current()
				acc.AddChunk(ev)
				res.Raw = append(res.Raw, ev.RawJSON())
			}
			if err := st.Err(); err != nil {
				return res, err
			}
			res.Parsed = []any{acc.Choices[0].Message.Content, acc.Usage.TotalTokens}
			return res, nil
		}},
		{"completions", func(ctx context.Context, c openai.Client) (sdkResult, error) {
			r, err := c.Completions.New(ctx, openai.CompletionNewParams{
				Model:     openai.CompletionNewParamsModelGPT3_5TurboInstruct,
				Prompt:    openai.CompletionNewParamsPromptUnion{OfString: openai.String("Say hi.")},
				MaxTokens: openai.Int(8),
			})
			if err != nil {
				return sdkResult{}, err
			}
			return sdkResult{Raw: []string{r.RawJSON()}, Parsed: r.Choices[0].Text}, nil
		}},
		{"responses", func(ctx context.Context, c openai.Client) (sdkResult, error) {
			r, err := c.Responses.New(ctx, responses.ResponseNewParams{
				Model: "gpt-4o",
				Input: responses.ResponseNewParamsInputUnion{OfString: openai.String("Say hi.")},
			})
			if err != nil {
				return sdkResult{}, err
			}
			return sdkResult{Raw: []string{r.RawJSON()}, Parsed: r.OutputText()}, nil
		}},
		{"responses stream", func(ctx context.Context, c openai.Client) (sdkResult, error) {
			st := c.Responses.NewStreaming(ctx, responses.ResponseNewParams{
				Model: "gpt-4o",
				Input: responses.ResponseNewParamsInputUnion{OfString: openai.String("Say hi.")},
			})
			var res sdkResult
			var text string
			for st.Next() {
				ev := st.Current()
				res.Raw = append(res.Raw, ev.RawJSON())
				if ev.Type == "response.output_text.delta" {
					text += ev.Delta
				}
				if ev.Type == "response.completed" {
					res.Parsed = []any{text, ev.Response.OutputText()}
				}
			}
			return res, st.Err()
		}},
	}
	for _, call := range calls {
		t.Run(call.name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			run := func(base string) sdkResult {
				c := openai.NewClient(ooption.WithBaseURL(base+"/v1/"), ooption.WithAPIKey("sk-openai-sdk"), ooption.WithMaxRetries(0))
				res, err := call.do(ctx, c)
				if err != nil {
					t.Fatalf("%s: %v", base, err)
				}
				return res
			}
			direct, proxied := run(s.Up.URL), run(s.Front.URL)
			if len(direct.Raw) == 0 || direct.Parsed == nil {
				t.Fatalf("direct call returned nothing: %+v", direct)
			}
			if !reflect.DeepEqual(direct, proxied) {
				t.Fatalf("results differ:\ndirect:  %+v\nproxied: %+v", direct, proxied)
			}
		})
	}
}

// TestAnthropicSDK runs the official Anthropic client against the stub
// directly and through sluice, with extended thinking.
func TestAnthropicSDK(t *testing.T) {
	t.Parallel()
	s := proxytest.NewStack(t, proxytest.Options{})
	params := anthropic.MessageNewParams{
		Model:     anthropic.Model("claude-sonnet-4-5"),
		MaxTokens: 2048,
		System:    []anthropic.TextBlockParam{{Text: "You are terse."}},
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("Say hi."))},
		Thinking:  anthropic.ThinkingConfigParamOfEnabled(1024),
	}
	calls := []struct {
		name string
		do   func(ctx context.Context, c anthropic.Client) (sdkResult, error)
	}{
		{"messages", func(ctx context.Context, c anthropic.Client) (sdkResult, error) {
			m, err := c.Messages.New(ctx, params)
			if err != nil {
				return sdkResult{}, err
			}
			return sdkResult{Raw: []string{m.RawJSON()}, Parsed: m.Content[0].Thinking + "|" + m.Content[1].Text}, nil
		}},
		{"messages stream", func(ctx context.Context, c anthropic.Client) (sdkResult, error) {
			st := c.Messages.NewStreaming(ctx, params)
			var res sdkResult
			var m anthropic.Message
			for st.Next() {
				ev := st.Current()
				if err := m.Accumulate(ev); err != nil {
					return res, err
				}
				res.Raw = append(res.Raw, ev.RawJSON())
			}
			if err := st.Err(); err != nil {
				return res, err
			}
			if len(res.Raw) == 0 || res.Raw[len(res.Raw)-1] != `{"type":"message_stop"}` {
				t.Errorf("stream does not end with message_stop: %v", res.Raw)
			}
			res.Parsed = []any{m.Content[0].Thinking, m.Content[1].Text, string(m.StopReason), m.Usage.OutputTokens}
			return res, nil
		}},
	}
	for _, call := range calls {
		t.Run(call.name, func(t *testing.T) {
			t.Parallel()
			run := func(base string) sdkResult {
				c := anthropic.NewClient(aoption.WithBaseURL(base+"/"), aoption.WithAPIKey("sk-ant-sdk"), aoption.WithMaxRetries(0))
				res, err := call.do(t.Context(), c)
				if err != nil {
					t.Fatalf("%s: %v", base, err)
				}
				return res
			}
			direct, proxied := run(s.Up.URL), run(s.Front.URL)
			if len(direct.Raw) == 0 {
				t.Fatal("direct call returned nothing")
			}
			if !reflect.DeepEqual(direct, proxied) {
				dj, _ := json.Marshal(direct)
				pj, _ := json.Marshal(proxied)
				t.Fatalf("results differ:\ndirect:  %s\nproxied: %s", dj, pj)
			}
		})
	}
}
