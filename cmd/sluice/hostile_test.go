package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/internal/stub"
)

// The hostile-input suite: each test sends one kind of hostile traffic to
// a full serve (listener timeouts, guard, forwarder, stub upstream) and
// checks that the proxy answers sanely and goes on serving others.
// 1,000,000 random keys: proxy.TestMemoryBoundedByCapacity.

// hostile is one serve for the suite, with short listener timeouts.
type hostile struct {
	*instance
	declog *proxytest.SyncBuffer
	addr   string // host:port of the proxy
}

func startHostile(t *testing.T, upstream string, tune func(*Config)) *hostile {
	t.Helper()
	cfg, err := loadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Upstream.URL = upstream
	cfg.Server.ReadHeaderTimeout = 300 * time.Millisecond
	cfg.Server.ReadTimeout = 600 * time.Millisecond
	cfg.Server.ShutdownTimeout = 2 * time.Second
	if tune != nil {
		tune(cfg)
	}
	cfg.Listen, cfg.Admin.Listen, cfg.Admin.Token = "127.0.0.1:0", "127.0.0.1:0", "tok"
	h := &hostile{declog: &proxytest.SyncBuffer{}}
	in := &instance{logs: &proxytest.SyncBuffer{}, done: make(chan error, 1)}
	addrs := make(chan [2]string, 1)
	ctx, cancel := contextWithCancel()
	in.cancel = cancel
	go func() {
		in.done <- serve(ctx, cfg, h.declog, slogTo(in.logs), func(p, a string) { addrs <- [2]string{p, a} })
	}()
	select {
	case a := <-addrs:
		in.proxy, in.admin, h.addr = "http://"+a[0], "http://"+a[1], a[0]
	case err := <-in.done:
		t.Fatalf("serve: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case <-in.done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	h.instance = in
	return h
}

func stubUpstream(t *testing.T) string {
	up := httptest.NewServer(stub.New(stub.Config{Words: 5}))
	t.Cleanup(up.Close)
	return up.URL
}

// healthy checks that an ordinary client is served meanwhile.
func (h *hostile) healthy(t *testing.T) {
	t.Helper()
	if st, err := chat(&http.Client{Timeout: 5 * time.Second}, h.proxy, "sk-ordinary"); err != nil || st != 200 {
		t.Fatalf("ordinary request: %d %v", st, err)
	}
}

// raw sends b over a new TCP connection and returns what the server
// answered before it closed the connection (or within 5 s).
func (h *hostile) raw(t *testing.T, b string) string {
	t.Helper()
	c, err := net.Dial("tcp", h.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, b); err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(c)
	return string(out)
}

func status(resp string) string {
	line, _, _ := strings.Cut(resp, "\r\n")
	return line
}

// TestHostileSlowloris: a client that sends its headers a byte at a time
// is cut at server.read_header_timeout; others are served meanwhile.
func TestHostileSlowloris(t *testing.T) {
	t.Parallel()
	h := startHostile(t, stubUpstream(t), nil)
	var conns []net.Conn
	for range 20 {
		c, err := net.Dial("tcp", h.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_, _ = io.WriteString(c, "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n")
		conns = append(conns, c)
	}
	start := time.Now()
	h.healthy(t)
	for _, c := range conns {
		for i := 0; ; i++ { // a header byte every 50 ms
			_ = c.SetWriteDeadline(time.Now().Add(time.Second))
			if _, err := c.Write([]byte("X")); err != nil {
				break
			}
			_ = c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
			if _, err := c.Read(make([]byte, 1)); err != nil && !isTimeout(err) {
				break // closed by the server
			}
			if time.Since(start) > 3*time.Second {
				t.Fatal("slow-header connection still open after 3 s (read_header_timeout 300 ms)")
			}
		}
	}
	t.Logf("20 slow-header connections cut after %v", time.Since(start).Round(time.Millisecond))
	h.healthy(t)
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// TestHostileSlowBody: a client that dribbles its body is cut at
// server.read_timeout; others are served meanwhile.
func TestHostileSlowBody(t *testing.T) {
	t.Parallel()
	h := startHostile(t, stubUpstream(t), nil)
	c, err := net.Dial("tcp", h.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(chatBody))
	start := time.Now()
	var resp bytes.Buffer
	done := make(chan struct{})
	go func() { _, _ = io.Copy(&resp, c); close(done) }()
	h.healthy(t)
	for i := 0; i < len(chatBody); i++ {
		select {
		case <-done:
			i = len(chatBody)
			continue
		case <-time.After(50 * time.Millisecond):
		}
		if _, err := c.Write([]byte{chatBody[i]}); err != nil {
			break
		}
	}
	<-done
	took := time.Since(start)
	t.Logf("slow body cut after %v: %q", took.Round(time.Millisecond), status(resp.String()))
	if took > 3*time.Second {
		t.Fatalf("slow body ran %v (read_timeout 600 ms)", took)
	}
	if strings.HasPrefix(status(resp.String()), "HTTP/1.1 200") || strings.HasPrefix(status(resp.String()), "HTTP/1.1 5") {
		t.Fatalf("slow body answered %q", status(resp.String()))
	}
	h.healthy(t)
}

// TestHostileHeaderFlood: many headers, or one huge header, past
// server.max_header_bytes get 431.
func TestHostileHeaderFlood(t *testing.T) {
	t.Parallel()
	h := startHostile(t, stubUpstream(t), nil)
	var many strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&many, "X-Flood-%d: %s\r\n", i, strings.Repeat("a", 20))
	}
	for name, hdr := range map[string]string{
		"many":  many.String(),
		"huge":  "X-Huge: " + strings.Repeat("a", 1<<20) + "\r\n",
		"70 KB": "Cookie: " + strings.Repeat("b", 70<<10) + "\r\n",
	} {
		resp := h.raw(t, "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"+hdr+"Content-Length: 2\r\n\r\n{}")
		if !strings.HasPrefix(status(resp), "HTTP/1.1 431") {
			t.Errorf("%s headers: %q, want 431", name, status(resp))
		}
	}
	h.healthy(t)
}

// TestHostileBigBody: a 10 MB body gets 413 in the dialect's format.
func TestHostileBigBody(t *testing.T) {
	t.Parallel()
	h := startHostile(t, stubUpstream(t), nil)
	body := `{"model":"gpt-4o","messages":[{"role":"user","content":"` + strings.Repeat("a", 10<<20) + `"}]}`
	res, err := http.Post(h.proxy+"/v1/chat/completions", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 413 || !strings.Contains(string(b), `"error"`) {
		t.Fatalf("10 MB body: %d %.200s", res.StatusCode, b)
	}
	h.healthy(t)
}

// TestHostileNestedJSON: deeply nested JSON gets 400, not a stack overflow.
func TestHostileNestedJSON(t *testing.T) {
	t.Parallel()
	h := startHostile(t, stubUpstream(t), nil)
	for _, depth := range []int{10_000, 1_000_000} {
		body := `{"model":"gpt-4o","messages":` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`
		res, err := http.Post(h.proxy+"/v1/chat/completions", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 400 {
			t.Errorf("nesting %d: %d %.200s, want 400", depth, res.StatusCode, b)
		}
	}
	h.healthy(t)
}

// TestHostileInvalidUTF8: invalid UTF-8 in the prompt, the model and a
// header is handled without a panic: the request is answered (forwarded
// or refused with 400), never with a 5xx.
func TestHostileInvalidUTF8(t *testing.T) {
	t.Parallel()
	h := startHostile(t, stubUpstream(t), nil)
	for _, body := range []string{
		"{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"caf\xe9 \xff\xfe \xc3\x28\"}]}",
		"{\"model\":\"gpt\xff\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
		"{\"model\":\"claude\",\"max_tokens\":5,\"system\":\"\xed\xa0\x80\",\"messages\":[{\"role\":\"user\",\"content\":\"\\ud800\"}]}",
	} {
		path := "/v1/chat/completions"
		if strings.Contains(body, "claude") {
			path = "/v1/messages"
		}
		req, _ := http.NewRequest(http.MethodPost, h.proxy+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "bad\xff\xfeagent")
		req.Header.Set("Authorization", "Bearer sk-\xff")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		t.Logf("%s %q: %d", path, body, res.StatusCode)
		if res.StatusCode != 200 && res.StatusCode != 400 {
			t.Errorf("%q: %d, want 200 or 400", body, res.StatusCode)
		}
	}
	h.healthy(t)
}

// TestHostileSpoofedForwardedFor: X-Forwarded-For from a peer that is not a
// trusted proxy is ignored: the decision log shows the peer's address.
func TestHostileSpoofedForwardedFor(t *testing.T) {
	t.Parallel()
	h := startHostile(t, stubUpstream(t), func(c *Config) {
		c.DecisionLog.Path = "-"
		c.DecisionLog.Buffer = 0
	})
	req, _ := http.NewRequest(http.MethodPost, h.proxy+"/v1/chat/completions", strings.NewReader(chatBody))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer sk-spoof")
	req.Header.Set("X-Forwarded-For", "203.0.113.9, 198.51.100.1")
	req.Header.Set("X-Real-Ip", "203.0.113.9")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(h.declog.String(), "\n") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	var rec struct {
		IP string `json:"ip"`
	}
	line, _, _ := strings.Cut(h.declog.String(), "\n")
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatalf("decision log %q: %v", line, err)
	}
	if rec.IP != "127.0.0.1" {
		t.Fatalf("client ip %q, want the peer 127.0.0.1 (X-Forwarded-For from an untrusted peer)", rec.IP)
	}
}

// TestHostileContentLengthAndTransferEncoding: request smuggling shapes.
// Two different Content-Lengths get 400 and Transfer-Encoding other than
// chunked gets 501, from net/http. Both Content-Length and
// Transfer-Encoding: net/http frames the body by Transfer-Encoding alone
// (RFC 9112 6.1) and drops Content-Length; serve then closes the
// connection after the response, so nothing can be smuggled behind it, and
// the proxy sends the upstream its own framing.
func TestHostileContentLengthAndTransferEncoding(t *testing.T) {
	t.Parallel()
	h := startHostile(t, stubUpstream(t), nil)
	for name, tc := range map[string]struct{ req, want string }{
		"CL+TE": {"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n" +
			fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(chatBody), chatBody) +
			"GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 200"},
		"CL,CL": {"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}", "HTTP/1.1 400"},
		"TE,TE": {"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n", "HTTP/1.1 501"},
	} {
		start := time.Now()
		resp := h.raw(t, tc.req)
		if !strings.HasPrefix(status(resp), tc.want) {
			t.Errorf("%s: %q, want %s", name, status(resp), tc.want)
		}
		if strings.Count(resp, "HTTP/1.1 ") != 1 || time.Since(start) > 2*time.Second {
			t.Errorf("%s: %d responses, connection open for %v: want one response and the connection closed", name,
				strings.Count(resp, "HTTP/1.1 "), time.Since(start))
		}
	}
	h.healthy(t)
}

// TestHostileAdminToken: the admin API refuses a missing or wrong bearer
// token with 401 (health and readiness stay open).
func TestHostileAdminToken(t *testing.T) {
	t.Parallel()
	h := startHostile(t, stubUpstream(t), nil)
	for _, path := range []string{"/metrics", "/admin/clusters", "/admin/clusters/1", "/admin/accounts/1"} {
		for _, auth := range []string{"", "Bearer wrong", "Bearer tok2", "Basic dG9rOg==", "tok", "Bearer "} {
			if st, _ := get(t, h.admin+path, auth); st != 401 {
				t.Errorf("%s with %q: %d, want 401", path, auth, st)
			}
		}
		if st, _ := get(t, h.admin+path, "Bearer tok"); st == 401 || st >= 500 {
			t.Errorf("%s with the token: %d", path, st)
		}
	}
}

// TestHostileUpstreamHangs: an upstream that never answers costs the
// client upstream.response_header_timeout, then a 504; the proxy keeps
// serving.
func TestHostileUpstreamHangs(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.Header.Get("Authorization"), "hang") {
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		stub.New(stub.Config{Words: 5}).ServeHTTP(w, r)
	}))
	defer up.Close()
	defer close(release)
	h := startHostile(t, up.URL, func(c *Config) { c.Upstream.ResponseHeaderTimeout = 300 * time.Millisecond })
	start := time.Now()
	st, err := chat(http.DefaultClient, h.proxy, "sk-hang")
	took := time.Since(start)
	if err != nil || st != 504 {
		t.Fatalf("hanging upstream: %d %v, want 504", st, err)
	}
	if took < 300*time.Millisecond || took > 3*time.Second {
		t.Fatalf("504 after %v, want about the 300 ms response_header_timeout", took)
	}
	h.healthy(t)
}

// TestHostileUpstreamGarbage: an upstream that answers with bytes that are
// not HTTP gets the client a 502; the proxy keeps serving.
func TestHostileUpstreamGarbage(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				_, _ = http.ReadRequest(br)
				_, _ = c.Write([]byte("\x00\x01garbage that is not HTTP\r\n\r\n\xff\xfe"))
			}()
		}
	}()
	h := startHostile(t, "http://"+l.Addr().String(), nil)
	st, err := chat(http.DefaultClient, h.proxy, "sk-garbage")
	if err != nil || st != 502 {
		t.Fatalf("garbage upstream: %d %v, want 502", st, err)
	}
	h2 := startHostile(t, stubUpstream(t), nil)
	h2.healthy(t)
}

func contextWithCancel() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}

func slogTo(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
