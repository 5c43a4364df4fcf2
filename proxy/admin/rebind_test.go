package admin

import (
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
