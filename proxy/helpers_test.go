package proxy_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/sluicehq/sluice/bench/stub"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// stack is one end-to-end setup: a stub upstream behind a sluice front end.
type stack struct {
	up    *httptest.Server // the stub, reachable directly
	front *httptest.Server // sluice in front of it
	guard *proxy.Guard
	stub  *stub.Server
}

type stackOpts struct {
	guard  proxy.Config
	limits limiter.Config
	stub   stub.Config
	wrapUp func(http.Handler) http.Handler // wraps the upstream handler
	upURL  string                          // overrides the upstream URL
}

func newStack(t testing.TB, o stackOpts) *stack {
	t.Helper()
	s := &stack{stub: stub.New(o.stub)}
	var up http.Handler = s.stub
	if o.wrapUp != nil {
		up = o.wrapUp(up)
	}
	s.up = httptest.NewServer(up)
	t.Cleanup(s.up.Close)
	eng, err := limiter.New(o.limits)
	if err != nil {
		t.Fatal(err)
	}
	s.guard, err = proxy.New(o.guard, eng)
	if err != nil {
		t.Fatal(err)
	}
	url := s.up.URL
	if o.upURL != "" {
		url = o.upURL
	}
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: url}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.front = httptest.NewServer(proxy.NewHandler(s.guard, fwd))
	t.Cleanup(s.front.Close)
	return s
}

// post sends body to base+path with the given headers and returns the
// response with its body read.
func post(t testing.TB, c *http.Client, base, path, body string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	if c == nil {
		c = http.DefaultClient
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("POST %s: read body: %v", path, err)
	}
	return res, b
}

// openAIError is the OpenAI error body.
type openAIError struct {
	Error *struct {
		Message string  `json:"message"`
		Type    string  `json:"type"`
		Param   *string `json:"param"`
		Code    *string `json:"code"`
	} `json:"error"`
}

// anthropicError is the Anthropic error body.
type anthropicError struct {
	Type  string `json:"type"`
	Error *struct {
		Type    string `json:"type"`
		Message string `json:"message"`
	} `json:"error"`
}

// checkErrorBody decodes b strictly as the error format of the dialect of
// path and checks its type.
func checkErrorBody(t testing.TB, path string, b []byte, wantType string) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if path == "/v1/messages" {
		var e anthropicError
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("anthropic error body %q: %v", b, err)
		}
		if e.Type != "error" || e.Error == nil || e.Error.Type != wantType || e.Error.Message == "" {
			t.Fatalf("anthropic error body %q: want type error/%s with a message", b, wantType)
		}
		return
	}
	var e openAIError
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("openai error body %q: %v", b, err)
	}
	if e.Error == nil || e.Error.Message == "" {
		t.Fatalf("openai error body %q: no error object with a message", b)
	}
	if e.Error.Type != wantType {
		t.Fatalf("openai error body %q: type %q, want %q", b, e.Error.Type, wantType)
	}
}

// syncBuffer is a bytes.Buffer safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// requests used across tests, one per endpoint.
var (
	chatBody       = `{"model":"gpt-4o","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Say hi."}]}`
	chatStreamBody = `{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Say hi."}]}`
	complBody      = `{"model":"gpt-3.5-turbo-instruct","prompt":"Say hi.","max_tokens":8}`
	respBody       = `{"model":"gpt-4o","input":"Say hi."}`
	respStreamBody = `{"model":"gpt-4o","input":"Say hi.","stream":true}`
	msgBody        = `{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hi."}]}`
	msgStreamBody  = `{"model":"claude-sonnet-4-5","max_tokens":2048,"stream":true,"thinking":{"type":"enabled","budget_tokens":1024},"messages":[{"role":"user","content":[{"type":"text","text":"Say hi."}]}]}`
)
