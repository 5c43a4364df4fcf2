package proxy_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/sluicehq/sluice/internal/proxytest"
)

// TestPassThroughBytes checks that on the allow path every endpoint answers
// through sluice byte for byte what the stub answers directly, streamed and
// not, and that non-model paths are proxied as is.
func TestPassThroughBytes(t *testing.T) {
	t.Parallel()
	s := proxytest.NewStack(t, proxytest.Options{})
	cases := []struct {
		name, method, path, body string
		sse                      bool
	}{
		// OpenAI
		{"chat", "POST", "/v1/chat/completions", proxytest.ChatBody, false},
		{"chat stream", "POST", "/v1/chat/completions", proxytest.ChatStreamBody, true},
		{"completions", "POST", "/v1/completions", proxytest.ComplBody, false},
		{"completions stream", "POST", "/v1/completions", `{"model":"gpt-3.5-turbo-instruct","prompt":"hi","stream":true}`, true},
		{"responses", "POST", "/v1/responses", proxytest.RespBody, false},
		{"responses stream", "POST", "/v1/responses", proxytest.RespStreamBody, true},
		// Anthropic
		{"messages", "POST", "/v1/messages", proxytest.MsgBody, false},
		{"messages stream thinking", "POST", "/v1/messages", proxytest.MsgStreamBody, true},
		// not guarded
		{"models", "GET", "/v1/models", "", false},
		{"unknown path", "POST", "/v1/embeddings", `{"input":"x"}`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			get := func(base string) (*http.Response, []byte) {
				if tc.method == "GET" {
					res, err := http.Get(base + tc.path)
					if err != nil {
						t.Fatal(err)
					}
					defer res.Body.Close()
					var b bytes.Buffer
					_, _ = b.ReadFrom(res.Body)
					return res, b.Bytes()
				}
				return proxytest.Post(t, nil, base, tc.path, tc.body, "Authorization", "Bearer sk-bytes")
			}
			dres, direct := get(s.Up.URL)
			pres, proxied := get(s.Front.URL)
			if dres.StatusCode != pres.StatusCode {
				t.Fatalf("status: direct %d, proxied %d", dres.StatusCode, pres.StatusCode)
			}
			if !bytes.Equal(direct, proxied) {
				t.Fatalf("body differs:\ndirect:  %q\nproxied: %q", direct, proxied)
			}
			for _, h := range []string{"Content-Type", "Cache-Control"} {
				if dres.Header.Get(h) != pres.Header.Get(h) {
					t.Errorf("%s: direct %q, proxied %q", h, dres.Header.Get(h), pres.Header.Get(h))
				}
			}
			if tc.sse && pres.Header.Get("Content-Type") != "text/event-stream" {
				t.Errorf("Content-Type %q, want text/event-stream", pres.Header.Get("Content-Type"))
			}
		})
	}
}
