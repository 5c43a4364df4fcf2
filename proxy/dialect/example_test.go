package dialect_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

func Example() {
	body := []byte(`{"model":"claude-sonnet-4-5","max_tokens":1024,
		"system":"You are terse.",
		"thinking":{"type":"enabled","budget_tokens":2048},
		"messages":[{"role":"user","content":[{"type":"text","text":"Explain step by step:"},{"type":"text","text":"why is the sky blue?"}]}]}`)

	d, ep := dialect.Detect("/v1/messages")
	p := dialect.Get()
	defer dialect.Put(p)
	var req fingerprint.Request
	if err := p.Parse(ep, body, &req); err != nil {
		rec := httptest.NewRecorder()
		dialect.WriteError(rec, d, 0, dialect.InvalidRequest, err.(*dialect.Error).Msg)
		return
	}
	fmt.Println(req.Dialect, req.Endpoint, req.Model, req.MaxTokens, req.Thinking, req.ThinkingBudget)
	fmt.Printf("system %q\n", req.System)
	fmt.Printf("last user %q\n", req.LastUser())
	// Output:
	// anthropic messages claude-sonnet-4-5 1024 true 2048
	// system "You are terse."
	// last user "Explain step by step:\nwhy is the sky blue?"
}

func ExampleWriteError() {
	rec := httptest.NewRecorder()
	rec.Header().Set("Retry-After", "20")
	dialect.WriteError(rec, fingerprint.DialectOpenAI, 0, dialect.RateLimit, "Rate limit reached; retry after 20s.")
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Print(rec.Body.String())

	rec = httptest.NewRecorder()
	dialect.WriteError(rec, fingerprint.DialectAnthropic, 0, dialect.Permission, "This request is not allowed.")
	fmt.Println(rec.Code)
	fmt.Print(rec.Body.String())
	// Output:
	// 429 application/json
	// {"error":{"message":"Rate limit reached; retry after 20s.","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}
	// 403
	// {"type":"error","error":{"type":"permission_error","message":"This request is not allowed."}}
}

func ExampleParser_Parse_error() {
	p := dialect.Get()
	defer dialect.Put(p)
	var req fingerprint.Request
	err := p.Parse(fingerprint.EndpointChatCompletions, []byte(`{"model":"gpt-4o","max_tokens":-5}`), &req)
	e := err.(*dialect.Error)
	fmt.Println(e.Status(), e.Param)
	fmt.Println(e.Msg)
	// Output:
	// 400 max_tokens
	// max_tokens: must be a non-negative integer or null
}
