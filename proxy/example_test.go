package proxy_test

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// newExampleGuard returns a guard that allows one request per minute per
// account, so that the examples show both an allowed and a throttled request.
func newExampleGuard() *proxy.Guard {
	eng, err := limiter.New(limiter.Config{Account: limiter.Limit{Requests: 1}})
	if err != nil {
		log.Fatal(err)
	}
	g, err := proxy.New(proxy.Config{}, eng)
	if err != nil {
		log.Fatal(err)
	}
	return g
}

// send posts body to path on h and prints the status, Retry-After and the
// body the client got.
func send(h http.Handler, path, body string) {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer sk-example")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Body)
	fmt.Printf("%d %s %s", rec.Code, rec.Header().Get("Retry-After"), b)
}

// The guard is ordinary net/http middleware: in a chi router it goes in
// with Use, and it only inspects the guarded routes (here
// /v1/chat/completions; see GuardedRoutes); every other route passes
// untouched.
func ExampleGuard_Handler_chi() {
	g := newExampleGuard()
	r := chi.NewRouter()
	r.Use(g.Handler)
	r.Post("/v1/chat/completions", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) //nolint:errcheck
		fmt.Fprintln(w, "model answer")
	})
	r.Post("/v1/embeddings", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "not guarded") })

	chat := `{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}`
	send(r, "/v1/chat/completions", chat)
	send(r, "/v1/chat/completions", chat)
	send(r, "/v1/chat/completions", `{"model":`)
	send(r, "/v1/embeddings", `{}`)
	// Output:
	// 200  model answer
	// 429 60 {"error":{"message":"rate limit exceeded; retry after 60s","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}
	// 400  {"error":{"message":"request body is not valid JSON (unexpected end)","type":"invalid_request_error","param":null,"code":null}}
	// 200  not guarded
}

// With a plain http.ServeMux the guard wraps the mux (or any handler). An
// Anthropic request is answered in Anthropic's error format.
func ExampleGuard_Handler_serveMux() {
	g := newExampleGuard()
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/messages", func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) //nolint:errcheck
		fmt.Fprintln(w, "model answer")
	})
	h := g.Handler(mux)

	msg := `{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"hi"}]}`
	send(h, "/v1/messages", msg)
	send(h, "/v1/messages", msg)
	// Output:
	// 200  model answer
	// 429 60 {"type":"error","error":{"type":"rate_limit_error","message":"rate limit exceeded; retry after 60s"}}
}
