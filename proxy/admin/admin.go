package admin

import (
	"crypto/subtle"
	"encoding/json"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sluicehq/sluice/limiter"
)

// Config configures the admin handler.
type Config struct {
	// Token is the bearer token; empty disables authentication (only
	// sensible on loopback).
	Token string
	// Gatherer serves /metrics; nil means prometheus.DefaultGatherer.
	Gatherer prometheus.Gatherer
	// Engine is the engine whose state is shown and controlled.
	Engine *limiter.Engine
	// Ready reports readiness for /readyz; nil means always ready.
	Ready *atomic.Bool
	// OnEvent receives operator events (allow-list, override) for the
	// decision log; may be nil.
	OnEvent func(event, detail string, a limiter.AccountID, c limiter.ClusterID)
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Reload reads the configuration again for POST /admin/reload: what
	// it applied, what needs a restart, or why the file was refused (then
	// nothing changed); nil answers 404.
	Reload func() (applied, restart []string, err error)
	// AccountOf turns an API key into its account id for POST
	// /admin/accounts/lookup; nil answers 404.
	AccountOf func(key string) limiter.AccountID
	// Effective is the effective configuration served by GET /admin/config,
	// any JSON-able value with its secrets already redacted; nil answers 404.
	Effective any
}

type server struct {
	cfg Config
}

// Handler returns the admin routes.
func Handler(cfg Config) http.Handler {
	if cfg.Gatherer == nil {
		cfg.Gatherer = prometheus.DefaultGatherer
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &server{cfg: cfg}
	r := chi.NewRouter()
	r.Use(s.hostCheck)
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	r.Get("/readyz", s.readyz)
	r.Handle("/ui/*", uiHandler())
	r.Get("/ui", http.RedirectHandler("/ui/", http.StatusMovedPermanently).ServeHTTP)
	r.Get("/", http.RedirectHandler("/ui/", http.StatusFound).ServeHTTP)
	r.Group(func(r chi.Router) {
		r.Use(s.auth)
		r.Handle("/metrics", promhttp.HandlerFor(cfg.Gatherer, promhttp.HandlerOpts{}))
		s.routes(r)
	})
	return r
}

func (s *server) readyz(w http.ResponseWriter, _ *http.Request) {
	if s.cfg.Ready != nil && !s.cfg.Ready.Load() {
		http.Error(w, "not ready", http.StatusServiceUnavailable)
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

// hostCheck: without a token the admin trusts whoever reaches its
// loopback listener, so it answers only requests addressed to a loopback
// host. A web page that rebinds its own domain name to 127.0.0.1 (DNS
// rebinding) sends its own Host and is refused. Health and readiness stay
// open.
func (s *server) hostCheck(next http.Handler) http.Handler {
	if s.cfg.Token != "" {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" && r.URL.Path != "/readyz" && !loopbackHost(r.Host) {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": "without admin.token the admin API answers only loopback host names"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names the loopback:
// localhost or a loopback address, with or without a port.
func loopbackHost(host string) bool {
	h := host
	if hp, _, err := net.SplitHostPort(host); err == nil {
		h = hp
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(h)
	return err == nil && ip.IsLoopback()
}

func (s *server) auth(next http.Handler) http.Handler {
	if s.cfg.Token == "" {
		return next
	}
	want := []byte("Bearer " + s.cfg.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get("Authorization"))
		if len(got) > 7 && strings.EqualFold(string(got[:7]), "bearer ") {
			copy(got[:7], "Bearer ")
		}
		if subtle.ConstantTimeCompare(got, want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="sluice-admin"`)
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "missing or wrong bearer token"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
