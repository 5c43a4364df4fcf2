package dialect_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/anthropics/anthropic-sdk-go/v2"
	aoption "github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/openai/openai-go/v3"
	ooption "github.com/openai/openai-go/v3/option"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// TestWriteErrorSDK sends requests with the official SDKs to a server
// that answers with WriteError, and checks what the SDKs make of it.
func TestWriteErrorSDK(t *testing.T) {
	t.Parallel()
	for _, k := range proxytest.ErrorKinds {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			d, _ := dialect.Detect(r.URL.Path)
			if k.Kind == dialect.RateLimit {
				w.Header().Set("Retry-After", "1")
			}
			dialect.WriteError(w, d, 0, k.Kind, "sluice: "+k.Anthropic)
		}))

		oc := openai.NewClient(ooption.WithBaseURL(srv.URL+"/v1/"), ooption.WithAPIKey("sk-test"), ooption.WithMaxRetries(0))
		_, err := oc.Chat.Completions.New(context.Background(), openai.ChatCompletionNewParams{
			Model:    "gpt-4o",
			Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("hi")},
		})
		var oe *openai.Error
		if !errors.As(err, &oe) {
			t.Fatalf("openai %v: err %v", k.Kind, err)
		}
		if oe.StatusCode != k.Status || oe.Type != k.OpenAI || oe.Code != k.Code || oe.Message != "sluice: "+k.Anthropic {
			t.Errorf("openai %v: status %d type %q code %q message %q", k.Kind, oe.StatusCode, oe.Type, oe.Code, oe.Message)
		}

		ac := anthropic.NewClient(aoption.WithBaseURL(srv.URL), aoption.WithAPIKey("sk-ant-test"), aoption.WithMaxRetries(0))
		_, err = ac.Messages.New(context.Background(), anthropic.MessageNewParams{
			Model:     "claude-sonnet-4-5",
			MaxTokens: 16,
			Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("hi"))},
		})
		var ae *anthropic.Error
		if !errors.As(err, &ae) {
			t.Fatalf("anthropic %v: err %v", k.Kind, err)
		}
		if ae.StatusCode != k.Status || string(ae.Type()) != k.Anthropic || ae.Message != "sluice: "+k.Anthropic {
			t.Errorf("anthropic %v: status %d type %q message %q", k.Kind, ae.StatusCode, ae.Type(), ae.Message)
		}
		srv.Close()
	}
}
