package admin

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/limiter"
)

// TestTokenlessAdminAnswersLoopbackHostsOnly: without a token, a request
// whose Host is not a loopback name (a rebound DNS name) is refused, the
// allow-list PUT included; with a token the bearer check decides.
func TestTokenlessAdminAnswersLoopbackHostsOnly(t *testing.T) {
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	open := Handler(Config{Engine: eng})
	for _, c := range []struct {
		method, path, host string
		want               int
	}{
		{"GET", "/admin/clusters", "127.0.0.1:9091", 200},
		{"GET", "/admin/clusters", "localhost:9091", 200},
		{"GET", "/admin/clusters", "[::1]:9091", 200},
		{"GET", "/admin/clusters", "LOCALHOST", 200},
		{"GET", "/admin/clusters", "evil.example", 403},
		{"GET", "/admin/clusters", "evil.example:9091", 403},
		{"GET", "/admin/clusters", "10.0.0.5:9091", 403},
		{"GET", "/healthz", "evil.example", 200},
	} {
		r := httptest.NewRequest(c.method, c.path, nil)
		r.Host = c.host
		w := httptest.NewRecorder()
		open.ServeHTTP(w, r)
		if w.Code != c.want {
			t.Errorf("%s %s Host %s: %d, want %d", c.method, c.path, c.host, w.Code, c.want)
		}
	}
	// the rebinding attack of the trial: a PUT to the allow-list
	id := limiter.AccountID(42).String()
	r := httptest.NewRequest(http.MethodPut, "/admin/accounts/"+id+"/allow", strings.NewReader(""))
	r.Host = "evil.example"
	w := httptest.NewRecorder()
	open.ServeHTTP(w, r)
	if w.Code != http.StatusForbidden || eng.AllowListed(42) {
		t.Errorf("allow-list PUT with Host evil.example: %d, allow-listed %v", w.Code, eng.AllowListed(42))
	}
	locked := Handler(Config{Engine: eng, Token: "s3cret"})
	r = httptest.NewRequest("GET", "/admin/clusters", nil)
	r.Host = "admin.internal:9091"
	r.Header.Set("Authorization", "Bearer s3cret")
	w = httptest.NewRecorder()
	locked.ServeHTTP(w, r)
	if w.Code != 200 {
		t.Errorf("with a token and its bearer, Host admin.internal: %d", w.Code)
	}
}

// TestLookupKey: an operator turns an API key into its account id; the
// answer is the id Identify gives the same key, and the key is not echoed.
func TestLookupKey(t *testing.T) {
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	want := limiter.AccountID(0x1234)
	h := Handler(Config{Engine: eng, Token: "t", AccountOf: func(k string) limiter.AccountID {
		if k == "sk-live-123" {
			return want
		}
		return 1
	}})
	for _, c := range []struct {
		body string
		code int
		has  string
	}{
		{`{"key":"sk-live-123"}`, 200, want.String()},
		{`{"key":""}`, 400, "error"},
		{`{"key":"x","more":1}`, 400, "error"},
	} {
		r := httptest.NewRequest(http.MethodPost, "/admin/accounts/lookup", strings.NewReader(c.body))
		r.Header.Set("Authorization", "Bearer t")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.code || !strings.Contains(w.Body.String(), c.has) || strings.Contains(w.Body.String(), "sk-live") {
			t.Errorf("%s: %d %s", c.body, w.Code, w.Body.String())
		}
	}
}

// TestReloadEndpoint: POST /admin/reload reports what a reload applied and
// what needs a restart, and a refused file as 400 (nothing changed).
func TestReloadEndpoint(t *testing.T) {
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	fail := false
	h := Handler(Config{Engine: eng, Token: "t", Reload: func() ([]string, []string, error) {
		if fail {
			return nil, nil, errors.New("config: line 3: actions.block: threshold must be within 0..1")
		}
		return []string{"actions.degrade/throttle/block"}, []string{"server"}, nil
	}})
	call := func() (int, string) {
		r := httptest.NewRequest(http.MethodPost, "/admin/reload", nil)
		r.Header.Set("Authorization", "Bearer t")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Code, w.Body.String()
	}
	if code, body := call(); code != 200 || !strings.Contains(body, "actions.degrade") || !strings.Contains(body, `"server"`) {
		t.Errorf("reload: %d %s", code, body)
	}
	fail = true
	if code, body := call(); code != 400 || !strings.Contains(body, "actions.block") {
		t.Errorf("broken file: %d %s", code, body)
	}
	r := httptest.NewRequest(http.MethodGet, "/admin/allow", nil)
	r.Header.Set("Authorization", "Bearer t")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 200 || !strings.Contains(w.Body.String(), "accounts") {
		t.Errorf("GET /admin/allow: %d %s", w.Code, w.Body.String())
	}
}
