package proxy_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// TestRequestID: X-Request-Id is taken from the request when sane, else
// generated; the upstream receives it; the response carries it exactly once.
func TestRequestID(t *testing.T) {
	t.Parallel()
	// an upstream that records the id it got and does not echo it
	var mu sync.Mutex
	seen := map[string]string{} // Authorization -> X-Request-Id seen upstream
	quiet := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			seen[r.Header.Get("Authorization")] = strings.Join(r.Header.Values("X-Request-Id"), ",")
			mu.Unlock()
			r.Header.Del("X-Request-Id") // the stub would echo it otherwise
			h.ServeHTTP(w, r)
		})
	}
	echo := proxytest.NewStack(t, proxytest.Options{Limits: proxytest.ThrottledLimits})
	silent := proxytest.NewStack(t, proxytest.Options{WrapUp: quiet})
	long := strings.Repeat("a", 200)
	cases := []struct {
		name, method, path, body, in string
		front                        string
		generated                    bool
		status                       int
	}{
		// guarded endpoints
		{name: "given, echoing upstream", method: "POST", path: "/v1/chat/completions", body: proxytest.ChatBody, in: "req-given-1", front: echo.Front.URL, status: 200},
		{name: "given, quiet upstream", method: "POST", path: "/v1/messages", body: proxytest.MsgBody, in: "req-given-2", front: silent.Front.URL, status: 200},
		{name: "generated, echoing upstream", method: "POST", path: "/v1/chat/completions", body: proxytest.ChatBody, front: echo.Front.URL, generated: true, status: 200},
		{name: "generated, quiet upstream", method: "POST", path: "/v1/responses", body: proxytest.RespBody, front: silent.Front.URL, generated: true, status: 200},
		{name: "too long is replaced", method: "POST", path: "/v1/messages", body: proxytest.MsgBody, in: long, front: silent.Front.URL, generated: true, status: 200},
		{name: "unprintable is replaced", method: "POST", path: "/v1/messages", body: proxytest.MsgBody, in: "a b", front: silent.Front.URL, generated: true, status: 200},
		// answered by sluice itself
		{name: "bad json", method: "POST", path: "/v1/chat/completions", body: "{", in: "req-bad", front: echo.Front.URL, status: 400},
		{name: "bad json generated", method: "POST", path: "/v1/messages", body: "{", front: echo.Front.URL, generated: true, status: 400},
		// not guarded
		{name: "models given", method: "GET", path: "/v1/models", in: "req-models", front: silent.Front.URL, status: 200},
		{name: "models generated", method: "GET", path: "/v1/models", front: silent.Front.URL, generated: true, status: 200},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			auth := "Bearer sk-rid-" + string(rune('a'+i))
			req, _ := http.NewRequest(tc.method, tc.front+tc.path, strings.NewReader(tc.body))
			req.Header.Set("Authorization", auth)
			if tc.in != "" {
				req.Header.Set("X-Request-Id", tc.in)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.status)
			}
			got := res.Header.Values("X-Request-Id")
			if len(got) != 1 || got[0] == "" {
				t.Fatalf("response X-Request-Id %q: want exactly one value", got)
			}
			if !tc.generated && got[0] != tc.in {
				t.Fatalf("response X-Request-Id %q, want %q", got[0], tc.in)
			}
			if tc.generated && got[0] == tc.in {
				t.Fatalf("response X-Request-Id %q was not replaced", got[0])
			}
			if tc.front == silent.Front.URL && tc.status == 200 {
				mu.Lock()
				up := seen[auth]
				mu.Unlock()
				if up != got[0] {
					t.Fatalf("upstream saw X-Request-Id %q, client got %q", up, got[0])
				}
			}
		})
	}
}

// TestRequestIDInDecisionLog: the decision record carries the request id
// the client and the upstream see.
func TestRequestIDInDecisionLog(t *testing.T) {
	t.Parallel()
	var out proxytest.SyncBuffer
	dl := proxy.NewDecisionLog(&out, 0)
	s := proxytest.NewStack(t, proxytest.Options{Guard: proxy.Config{Log: dl}, Limits: limiter.Config{}})
	res, _ := proxytest.Post(t, nil, s.Front.URL, "/v1/chat/completions", proxytest.ChatBody, "Authorization", "Bearer sk-log", "X-Request-Id", "rid-in-log")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if err := dl.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"request_id":"rid-in-log"`) {
		t.Fatalf("decision log lacks the request id: %s", out.String())
	}
}
