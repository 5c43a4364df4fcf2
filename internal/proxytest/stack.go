// Package proxytest is the test plumbing that the proxy's own tests and the
// end-to-end tests of the e2e module (official SDKs, a real browser) share:
// a stub model API behind a sluice front end (Stack), requests and error
// bodies in both dialects (Post, CheckErrorBody, the request bodies), the
// error kinds as both APIs document them (ErrorKinds), and a running sluice
// with its admin listener fed by the simulator (Sluice).
//
// It is imported by tests only.
package proxytest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/sluicehq/sluice/internal/stub"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// Stack is one end-to-end setup: a stub upstream behind a sluice front end.
type Stack struct {
	Up    *httptest.Server // the stub, reachable directly
	Front *httptest.Server // sluice in front of it
	Guard *proxy.Guard
	Stub  *stub.Server
}

// Options configures a Stack. The zero value is a guard and engine with
// their defaults in front of a default stub.
type Options struct {
	Guard  proxy.Config
	Limits limiter.Config
	Stub   stub.Config
	WrapUp func(http.Handler) http.Handler // wraps the upstream handler
	UpURL  string                          // overrides the upstream URL
}

// NewStack starts a Stack; its servers close when the test ends.
func NewStack(t testing.TB, o Options) *Stack {
	t.Helper()
	s := &Stack{Stub: stub.New(o.Stub)}
	var up http.Handler = s.Stub
	if o.WrapUp != nil {
		up = o.WrapUp(up)
	}
	s.Up = httptest.NewServer(up)
	t.Cleanup(s.Up.Close)
	eng, err := limiter.New(o.Limits)
	if err != nil {
		t.Fatal(err)
	}
	s.Guard, err = proxy.New(o.Guard, eng)
	if err != nil {
		t.Fatal(err)
	}
	url := s.Up.URL
	if o.UpURL != "" {
		url = o.UpURL
	}
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: url}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Front = httptest.NewServer(proxy.NewHandler(s.Guard, fwd))
	t.Cleanup(s.Front.Close)
	return s
}

// Post sends body to base+path with the given headers (name, value, ...)
// and returns the response with its body read. c nil is
// http.DefaultClient.
func Post(t testing.TB, c *http.Client, base, path, body string, hdr ...string) (*http.Response, []byte) {
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

// CheckErrorBody decodes b strictly as the error format of the dialect of
// path and checks its type.
func CheckErrorBody(t testing.TB, path string, b []byte, wantType string) {
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

// SyncBuffer is a bytes.Buffer safe for concurrent use.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// ThrottledLimits is a per-account limit of one request per second with no
// burst beyond one.
var ThrottledLimits = limiter.Config{Account: limiter.Limit{Requests: 60, RequestBurst: 1}}

// Requests used across tests, one per endpoint.
const (
	ChatBody       = `{"model":"gpt-4o","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Say hi."}]}`
	ChatStreamBody = `{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Say hi."}]}`
	ComplBody      = `{"model":"gpt-3.5-turbo-instruct","prompt":"Say hi.","max_tokens":8}`
	RespBody       = `{"model":"gpt-4o","input":"Say hi."}`
	RespStreamBody = `{"model":"gpt-4o","input":"Say hi.","stream":true}`
	MsgBody        = `{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hi."}]}`
	MsgStreamBody  = `{"model":"claude-sonnet-4-5","max_tokens":2048,"stream":true,"thinking":{"type":"enabled","budget_tokens":1024},"messages":[{"role":"user","content":[{"type":"text","text":"Say hi."}]}]}`
)
