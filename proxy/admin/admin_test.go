package admin_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/admin"
)

func newAdmin(t *testing.T, token string, ready *atomic.Bool) (*httptest.Server, *limiter.Engine, *[]string) {
	t.Helper()
	eng, err := limiter.New(limiter.Config{Capacity: 1000})
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "sluice_test_total", Help: "test"})
	reg.MustRegister(c)
	c.Inc()
	var events []string
	srv := httptest.NewServer(admin.Handler(admin.Config{
		Token: token, Gatherer: reg, Engine: eng, Ready: ready,
		OnEvent: func(ev, detail string, a limiter.AccountID, cl limiter.ClusterID) {
			events = append(events, ev)
		},
	}))
	t.Cleanup(srv.Close)
	return srv, eng, &events
}

func do(t *testing.T, method, url, auth, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestAuth(t *testing.T) {
	t.Parallel()
	var ready atomic.Bool
	ready.Store(true)
	srv, _, _ := newAdmin(t, "s3cret", &ready)
	cases := []struct {
		name, path, auth string
		status           int
	}{
		// health is open
		{"healthz", "/healthz", "", 200},
		{"readyz", "/readyz", "", 200},
		// everything else needs the token
		{"metrics no token", "/metrics", "", 401},
		{"metrics wrong token", "/metrics", "Bearer nope", 401},
		{"metrics token prefix", "/metrics", "Bearer s3cre", 401},
		{"metrics no scheme", "/metrics", "s3cret", 401},
		{"metrics token", "/metrics", "Bearer s3cret", 200},
		{"metrics lower-case scheme", "/metrics", "bearer s3cret", 200},
		{"stats no token", "/admin/stats", "", 401},
		{"stats token", "/admin/stats", "Bearer s3cret", 200},
		{"account wrong token", "/admin/accounts/a_0000000000000001", "Bearer x", 401},
		{"account token", "/admin/accounts/a_0000000000000001", "Bearer s3cret", 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st, body := do(t, "GET", srv.URL+tc.path, tc.auth, "")
			if st != tc.status {
				t.Fatalf("status %d, want %d: %s", st, tc.status, body)
			}
			if tc.path == "/metrics" && st == 200 && !strings.Contains(body, "sluice_test_total 1") {
				t.Fatalf("metrics lack the registry's collector: %s", body)
			}
		})
	}
}

func TestNoTokenAndReadiness(t *testing.T) {
	t.Parallel()
	var ready atomic.Bool
	srv, _, _ := newAdmin(t, "", &ready)
	if st, _ := do(t, "GET", srv.URL+"/readyz", "", ""); st != 503 {
		t.Fatalf("readyz before ready: %d", st)
	}
	ready.Store(true)
	if st, _ := do(t, "GET", srv.URL+"/readyz", "", ""); st != 200 {
		t.Fatalf("readyz when ready: %d", st)
	}
	if st, _ := do(t, "GET", srv.URL+"/metrics", "", ""); st != 200 {
		t.Fatalf("metrics without a configured token: %d", st)
	}
}

func TestAllowListAndOverride(t *testing.T) {
	t.Parallel()
	srv, eng, events := newAdmin(t, "tok", nil)
	const auth = "Bearer tok"
	a := limiter.AccountID(0xabc)
	if st, b := do(t, "PUT", srv.URL+"/admin/accounts/"+a.String()+"/allow", auth, ""); st != 200 || !eng.AllowListed(a) {
		t.Fatalf("allow-list: %d %s", st, b)
	}
	if st, b := do(t, "GET", srv.URL+"/admin/accounts/"+a.String(), auth, ""); st != 200 || !strings.Contains(b, `"allow_listed": true`) {
		t.Fatalf("account: %d %s", st, b)
	}
	if st, _ := do(t, "DELETE", srv.URL+"/admin/accounts/"+a.String()+"/allow", auth, ""); st != 200 || eng.AllowListed(a) {
		t.Fatalf("allow-list remove: %d", st)
	}
	c := limiter.ClusterID(0xdef)
	for _, tc := range []struct {
		body   string
		status int
	}{
		{`{"action":"block","ttl":"30m"}`, 404}, // no such cluster: a typo?
		{`{"action":"block","ttl":"30m","force":true}`, 200},
		{`{"action":"throttle","force":true}`, 200},
		{`{"action":"error"}`, 400},
		{`{"action":"nope"}`, 400},
		{`{"action":"block","ttl":"-1h"}`, 400},
		{`{"action":"block","ttl":"721h"}`, 400},
		{`{"action":"block","extra":1}`, 400},
		{`not json`, 400},
	} {
		if st, b := do(t, "PUT", srv.URL+"/admin/clusters/"+c.String()+"/override", auth, tc.body); st != tc.status {
			t.Errorf("override %s: %d %s", tc.body, st, b)
		}
	}
	if st, b := do(t, "GET", srv.URL+"/admin/overrides", auth, ""); st != 200 || !strings.Contains(b, c.String()) || !strings.Contains(b, `"throttle"`) {
		t.Fatalf("overrides: %d %s", st, b)
	}
	if st, _ := do(t, "DELETE", srv.URL+"/admin/clusters/"+c.String()+"/override", auth, ""); st != 200 {
		t.Fatalf("clear override: %d", st)
	}
	if st, b := do(t, "GET", srv.URL+"/admin/overrides", auth, ""); st != 200 || strings.Contains(b, c.String()) {
		t.Fatalf("overrides after clearing: %d %s", st, b)
	}
	eng.AllowList(a, true)
	if st, b := do(t, "GET", srv.URL+"/admin/allowlist", auth, ""); st != 200 || !strings.Contains(b, a.String()) {
		t.Fatalf("allowlist: %d %s", st, b)
	}
	eng.AllowList(a, false)
	for _, bad := range []string{"/admin/accounts/c_0000000000000abc", "/admin/accounts/a_xyz", "/admin/accounts/123"} {
		if st, _ := do(t, "GET", srv.URL+bad, auth, ""); st != 400 {
			t.Errorf("%s: %d, want 400", bad, st)
		}
	}
	want := "allow_list_add allow_list_remove override_set override_set override_clear"
	if got := strings.Join(*events, " "); got != want {
		t.Fatalf("events %q, want %q", got, want)
	}
}
