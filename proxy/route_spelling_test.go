package proxy_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// recordingUpstream answers every request with a small JSON body and
// remembers the path and body each request id arrived with.
type recordingUpstream struct {
	mu    sync.Mutex
	paths map[string]string
	seen  []string
}

func (u *recordingUpstream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	_ = b
	u.mu.Lock()
	if u.paths == nil {
		u.paths = map[string]string{}
	}
	u.paths[r.Header.Get("X-Request-Id")] = r.URL.EscapedPath()
	u.seen = append(u.seen, r.URL.EscapedPath())
	u.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, `{"id":"x","object":"chat.completion","choices":[]}`)
}

func (u *recordingUpstream) path(id string) (string, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	p, ok := u.paths[id]
	return p, ok
}

// rawPost sends a POST with the request target exactly as given (no
// client-side cleaning or escaping) and returns the status.
func rawPost(t *testing.T, addr, target, id, body string) int {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: api.test\r\nAuthorization: Bearer sk-spelling\r\nX-Request-Id: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", target, id, len(body), body)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// TestPathSpellings: every spelling of a guarded route is either decided
// like its canonical path, and forwarded in that canonical spelling, or
// refused; none reaches the upstream undecided.
func TestPathSpellings(t *testing.T) {
	const (
		chat = "/v1/chat/completions"
		msgs = "/v1/messages"
		resp = "/v1/responses"
	)
	cases := []struct {
		target string
		canon  string // "" : refused
	}{
		{"/v1/chat/completions", chat},
		{"/v1//chat/completions", chat},
		{"//v1/chat/completions", chat},
		{"/v1/chat/completions/", chat},
		{"/v1/chat/completions//", chat},
		{"///v1///chat///completions", chat},
		{"/v1/./messages", msgs},
		{"/./v1/messages", msgs},
		{"/v1/messages/.", msgs},
		{"/v1/messages/../chat/completions", chat},
		{"/v1/x/y/../../messages", msgs},
		{"/v1/../../../v1/messages", msgs},
		{"/v1/%2e%2e/v1/messages", msgs},
		{"/v1/%2E/messages", msgs},
		{"/V1/MESSAGES", msgs},
		{"/v1/Chat/Completions/", chat},
		{"/v1/%63hat/completions", chat},
		{"/v1/messag%65s", msgs},
		{"/v1/respon%73es/./", resp},
		{"/v1/messages;x", ""},
		{"/v1;x/messages", ""},
		{"/v1/messages%3Bx", ""},
		{"/v1%2Fmessages", ""},
		{"/v1/chat%2fcompletions", ""},
		{"/v1%5Cmessages", ""},
		{"/v1/messages%00", ""},
	}
	up := &recordingUpstream{}
	upSrv := httptest.NewServer(up)
	defer upSrv.Close()
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var logBuf proxytest.SyncBuffer
	dl := proxy.NewDecisionLog(&logBuf, 0)
	g, err := proxy.New(proxy.Config{Log: dl}, eng)
	if err != nil {
		t.Fatal(err)
	}
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: upSrv.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"handler", "middleware"} {
		var h http.Handler
		if mode == "handler" {
			h = proxy.NewHandler(g, fwd)
		} else {
			h = g.Handler(fwd) // embedded: the guard in front of any handler
		}
		srv := httptest.NewServer(h)
		addr := strings.TrimPrefix(srv.URL, "http://")
		for i, c := range cases {
			id := fmt.Sprintf("%s-%d", mode, i)
			body := `{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}`
			if c.canon == msgs {
				body = `{"model":"claude-sonnet-4-5","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}`
			} else if c.canon == resp {
				body = `{"model":"gpt-4o","input":"hi"}`
			}
			status := rawPost(t, addr, c.target, id, body)
			got, reached := up.path(id)
			if c.canon == "" {
				if reached || status < 400 || status >= 500 {
					t.Errorf("%s %q: status %d, reached upstream %v (as %q); want refused with 4xx", mode, c.target, status, reached, got)
				}
				continue
			}
			if status != http.StatusOK || !reached {
				t.Errorf("%s %q: status %d, reached upstream %v; want 200", mode, c.target, status, reached)
				continue
			}
			if got != c.canon {
				t.Errorf("%s %q: upstream saw %q, want the canonical %q", mode, c.target, got, c.canon)
			}
		}
		srv.Close()
	}
	if err := dl.Close(); err != nil {
		t.Fatal(err)
	}
	// every request that reached the upstream has a decision record with
	// the dialect of its canonical path
	decided := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(logBuf.String()), "\n") {
		var rec struct {
			RequestID string `json:"request_id"`
			Action    string `json:"action"`
			Dialect   string `json:"dialect"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("decision record %q: %v", line, err)
		}
		decided[rec.RequestID] = rec.Dialect
	}
	for _, mode := range []string{"handler", "middleware"} {
		for i, c := range cases {
			id := fmt.Sprintf("%s-%d", mode, i)
			if _, reached := up.path(id); !reached {
				continue
			}
			want := "openai"
			if c.canon == msgs {
				want = "anthropic"
			}
			if d, ok := decided[id]; !ok {
				t.Errorf("%s %q reached the upstream with no decision record", mode, c.target)
			} else if d != want {
				t.Errorf("%s %q decided as %q, want %q", mode, c.target, d, want)
			}
		}
	}
}

// TestUnknownModelPost: a POST under /v1 that sluice does not know passes
// by default and is refused with 404 in the dialect's format when
// configured; known non-model POSTs (token counting) pass either way.
func TestUnknownModelPost(t *testing.T) {
	up := &recordingUpstream{}
	upSrv := httptest.NewServer(up)
	defer upSrv.Close()
	for _, refuse := range []bool{false, true} {
		eng, err := limiter.New(limiter.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		g, err := proxy.New(proxy.Config{Routes: proxy.RoutesConfig{RefuseUnknownPost: refuse}}, eng)
		if err != nil {
			t.Fatal(err)
		}
		fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: upSrv.URL}, nil)
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(proxy.NewHandler(g, fwd))
		addr := strings.TrimPrefix(srv.URL, "http://")
		for _, c := range []struct {
			target string
			known  bool
		}{
			{"/v1/messages/count_tokens", true},
			{"/v1/messages/batches/msgbatch_1/cancel", true},
			{"/v1/batches/batch_1/cancel", true},
			{"/v1/chat/completions/chatcmpl-1", true},
			{"/v1/embeddings", false},
			{"/v1/messages/stream", false},
			{"/V1/Whatever", false},
			{"/v1", false},
		} {
			id := fmt.Sprintf("unknown-%v-%s", refuse, c.target)
			status := rawPost(t, addr, c.target, id, `{}`)
			_, reached := up.path(id)
			wantRefused := refuse && !c.known
			if wantRefused && (status != http.StatusNotFound || reached) {
				t.Errorf("refuse=%v %s: status %d, reached %v; want 404 and not forwarded", refuse, c.target, status, reached)
			}
			if !wantRefused && !reached {
				t.Errorf("refuse=%v %s: status %d, not forwarded; want passed", refuse, c.target, status)
			}
		}
		// the Realtime API's WebSocket (a GET upgrade) follows the same rule
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/v1/realtime?model=gpt-realtime", nil)
		id := fmt.Sprintf("realtime-%v", refuse)
		req.Header.Set("X-Request-Id", id)
		req.Header.Set("Connection", "Upgrade")
		req.Header.Set("Upgrade", "websocket")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if _, reached := up.path(id); reached == refuse || (refuse && res.StatusCode != http.StatusNotFound) {
			t.Errorf("refuse=%v GET /v1/realtime: status %d, reached %v", refuse, res.StatusCode, reached)
		}
		srv.Close()
	}
}

// TestMethodOverrideRefused: a guarded route reached with another method
// and a method override header (which some servers serve as the POST it
// names) is refused, never forwarded undecided.
func TestMethodOverrideRefused(t *testing.T) {
	up := &recordingUpstream{}
	upSrv := httptest.NewServer(up)
	defer upSrv.Close()
	g := newDefaultGuard(t)
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: upSrv.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(proxy.NewHandler(g, fwd))
	defer srv.Close()
	for i, h := range []string{"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"} {
		req, _ := http.NewRequest(http.MethodPut, srv.URL+"/v1//chat/completions", strings.NewReader(`{"model":"gpt-4o","messages":[]}`))
		req.Header.Set(h, "POST")
		id := fmt.Sprintf("override-%d", i)
		req.Header.Set("X-Request-Id", id)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if _, reached := up.path(id); reached || res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, reached upstream %v; want 400, not forwarded", h, res.StatusCode, reached)
		}
	}
	// without the header, other methods pass (the upstream answers them)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/v1/messages/batches", nil)
	req.Header.Set("X-Request-Id", "list-batches")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if _, reached := up.path("list-batches"); !reached {
		t.Errorf("GET /v1/messages/batches: status %d, not forwarded", res.StatusCode)
	}
}
