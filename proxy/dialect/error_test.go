package dialect_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/anthropics/anthropic-sdk-go/v2"
	aoption "github.com/anthropics/anthropic-sdk-go/v2/option"
	"github.com/openai/openai-go/v3"
	ooption "github.com/openai/openai-go/v3/option"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// The error bodies as the two APIs document them.
type openAIError struct {
	Error struct {
		Message *string `json:"message"`
		Type    *string `json:"type"`
		Param   *string `json:"param"`
		Code    *string `json:"code"`
	} `json:"error"`
}

type anthropicError struct {
	Type  string `json:"type"`
	Error struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"error"`
}

var allKinds = []struct {
	kind      dialect.Kind
	status    int
	anthropic string
	openai    string
	code      string
}{
	{dialect.InvalidRequest, 400, "invalid_request_error", "invalid_request_error", ""},
	{dialect.Authentication, 401, "authentication_error", "invalid_request_error", "invalid_api_key"},
	{dialect.Permission, 403, "permission_error", "permission_error", ""},
	{dialect.NotFound, 404, "not_found_error", "invalid_request_error", "not_found"},
	{dialect.RequestTooLarge, 413, "request_too_large", "invalid_request_error", "request_too_large"},
	{dialect.RateLimit, 429, "rate_limit_error", "rate_limit_error", "rate_limit_exceeded"},
	{dialect.API, 500, "api_error", "server_error", ""},
	{dialect.Overloaded, 529, "overloaded_error", "server_error", "overloaded"},
}

// msg has everything that needs escaping.
const msg = "bad \"input\" <x> & \\ \n\t\x01 é \u2028 \xff"

func TestWriteErrorShapes(t *testing.T) {
	t.Parallel()
	for _, k := range allKinds {
		// Anthropic.
		rec := httptest.NewRecorder()
		dialect.WriteError(rec, fingerprint.DialectAnthropic, 0, k.kind, msg)
		if rec.Code != k.status || rec.Header().Get("Content-Type") != "application/json" {
			t.Errorf("anthropic %v: status %d, content-type %q", k.kind, rec.Code, rec.Header().Get("Content-Type"))
		}
		var a anthropicError
		dec := json.NewDecoder(rec.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("anthropic %v: %v", k.kind, err)
		}
		if a.Type != "error" || a.Error.Type != k.anthropic || a.Error.Message != "bad \"input\" <x> & \\ \n\t\x01 é \u2028 \uFFFD" {
			t.Errorf("anthropic %v: %+v", k.kind, a)
		}

		// OpenAI, and unknown dialects, with an explicit status.
		for _, d := range []fingerprint.Dialect{fingerprint.DialectOpenAI, fingerprint.DialectUnknown} {
			rec := httptest.NewRecorder()
			dialect.WriteError(rec, d, 502, k.kind, "upstream unreachable")
			if rec.Code != 502 || rec.Header().Get("Content-Length") != itoa(rec.Body.Len()) {
				t.Errorf("openai %v: status %d, length %q", k.kind, rec.Code, rec.Header().Get("Content-Length"))
			}
			var o openAIError
			dec := json.NewDecoder(rec.Body)
			dec.DisallowUnknownFields()
			if err := dec.Decode(&o); err != nil {
				t.Fatalf("openai %v: %v", k.kind, err)
			}
			e := o.Error
			if e.Message == nil || *e.Message != "upstream unreachable" || e.Type == nil || *e.Type != k.openai || e.Param != nil {
				t.Errorf("openai %v: %+v", k.kind, e)
			}
			if (k.code == "") != (e.Code == nil) || k.code != "" && *e.Code != k.code {
				t.Errorf("openai %v: code %v, want %q", k.kind, e.Code, k.code)
			}
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestWriteErrorSDK sends requests with the official SDKs to a server
// that answers with WriteError, and checks what the SDKs make of it.
func TestWriteErrorSDK(t *testing.T) {
	t.Parallel()
	for _, k := range allKinds {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			d, _ := dialect.Detect(r.URL.Path)
			if k.kind == dialect.RateLimit {
				w.Header().Set("Retry-After", "1")
			}
			dialect.WriteError(w, d, 0, k.kind, "sluice: "+k.anthropic)
		}))

		oc := openai.NewClient(ooption.WithBaseURL(srv.URL+"/v1/"), ooption.WithAPIKey("sk-test"), ooption.WithMaxRetries(0))
		_, err := oc.Chat.Completions.New(context.Background(), openai.ChatCompletionNewParams{
			Model:    "gpt-4o",
			Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("hi")},
		})
		var oe *openai.Error
		if !errors.As(err, &oe) {
			t.Fatalf("openai %v: err %v", k.kind, err)
		}
		if oe.StatusCode != k.status || oe.Type != k.openai || oe.Code != k.code || oe.Message != "sluice: "+k.anthropic {
			t.Errorf("openai %v: status %d type %q code %q message %q", k.kind, oe.StatusCode, oe.Type, oe.Code, oe.Message)
		}

		ac := anthropic.NewClient(aoption.WithBaseURL(srv.URL), aoption.WithAPIKey("sk-ant-test"), aoption.WithMaxRetries(0))
		_, err = ac.Messages.New(context.Background(), anthropic.MessageNewParams{
			Model:     "claude-sonnet-4-5",
			MaxTokens: 16,
			Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("hi"))},
		})
		var ae *anthropic.Error
		if !errors.As(err, &ae) {
			t.Fatalf("anthropic %v: err %v", k.kind, err)
		}
		if ae.StatusCode != k.status || string(ae.Type()) != k.anthropic || ae.Message != "sluice: "+k.anthropic {
			t.Errorf("anthropic %v: status %d type %q message %q", k.kind, ae.StatusCode, ae.Type(), ae.Message)
		}
		srv.Close()
	}
}

func TestKindStrings(t *testing.T) {
	t.Parallel()
	for _, k := range allKinds {
		if k.kind.Status() != k.status || k.kind.String() != k.anthropic {
			t.Errorf("%d: %d %q", k.kind, k.kind.Status(), k.kind.String())
		}
	}
	if dialect.Kind(200).Status() != 500 {
		t.Error("unknown kind should map to 500")
	}
}
