package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/sluicehq/sluice/proxy"
	"github.com/sluicehq/sluice/proxy/admin"
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	cfgPath := fs.String("config", "", "YAML configuration `file` (default: embedded defaults)")
	listen := fs.String("listen", "", "proxy listen `address` (overrides listen)")
	upstream := fs.String("upstream", "", "upstream model API `URL` (overrides upstream.url)")
	adminListen := fs.String("admin-listen", "", "admin listen `address` (overrides admin.listen; \"\" turns the admin listener off)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	overrideFromFlags(fs, map[string]*string{"listen": &cfg.Listen, "upstream": &cfg.Upstream.URL, "admin-listen": &cfg.Admin.Listen},
		map[string]*string{"listen": listen, "upstream": upstream, "admin-listen": adminListen})
	if err := cfg.validate(); err != nil {
		return usageError{err}
	}
	if cfg.Upstream.URL == "" {
		return usagef("upstream.url: required (set it in the config or pass -upstream URL)")
	}
	if *cfgPath != "" {
		path := *cfgPath
		cfg.reread = func() (*Config, error) {
			c, err := loadConfig(path)
			if err != nil {
				return nil, err
			}
			overrideFromFlags(fs, map[string]*string{"listen": &c.Listen, "upstream": &c.Upstream.URL, "admin-listen": &c.Admin.Listen},
				map[string]*string{"listen": listen, "upstream": upstream, "admin-listen": adminListen})
			return c, nil
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	logger := cfg.Log.logger(stderr)
	return serve(ctx, cfg, stdout, logger, nil)
}

// serve runs the proxy and admin listeners until ctx ends, then shuts down
// gracefully: listeners close, in-flight requests and streams get up to
// server.shutdown_timeout to finish, and the decision log is flushed.
// started, when not nil, receives the bound addresses.
func serve(ctx context.Context, cfg *Config, logOut io.Writer, logger *slog.Logger, started func(proxyAddr, adminAddr string)) error {
	if err := secureAccountKey(cfg, logger); err != nil {
		return usageError{err}
	}
	a, err := newApp(cfg, logOut, true)
	if err != nil {
		return err
	}
	a.logger = logger
	if p := cfg.Admin.StateFile; p != "" {
		if err := loadOpState(p, a.engine, time.Now()); err != nil {
			return usageError{err}
		}
	}
	if a.log != nil {
		a.log.OnError(func(err error, lost uint64) {
			logger.Error("decision log: write failed; the log goes on and retries", "err", err, "records_lost", lost)
		})
	}
	up := cfg.Upstream
	up.Logger = logger
	fwd, err := proxy.NewForwarder(up, a.reg)
	if err != nil {
		return usageError{err}
	}
	token := cfg.Admin.Token
	if cfg.Admin.TokenFile != "" {
		b, err := os.ReadFile(cfg.Admin.TokenFile)
		if err != nil {
			return usageError{fmt.Errorf("admin.token_file: %w", err)}
		}
		token = strings.TrimSpace(string(b))
	}

	var handler http.Handler = closeChunked(proxy.NewHandler(a.guard, fwd))
	if p := cfg.AccessLog.Path; p != "" {
		var w io.Writer = os.Stderr
		if p != "-" {
			f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
			if err != nil {
				return usageError{fmt.Errorf("access_log.path: %w", err)}
			}
			defer f.Close()
			w = f
		}
		al := newAccessLog(w, cfg.AccessLog.Buffer)
		al.OnError(func(err error, lost uint64) {
			logger.Error("access log: write failed; the log goes on and retries", "err", err, "lines_lost", lost)
		})
		defer func() {
			if err := al.Close(); err != nil {
				logger.Error("access log: write failed", "err", err)
			}
		}()
		handler = al.handler(handler)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: cfg.Server.ReadHeaderTimeout,
		ReadTimeout:       cfg.Server.ReadTimeout,
		IdleTimeout:       cfg.Server.IdleTimeout,
		MaxHeaderBytes:    cfg.Server.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelDebug),
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	ln = proxy.LimitListener(ln, cfg.Server.MaxConnections, cfg.Server.TLSCert != "")
	if cfg.Server.TLSCert != "" {
		tc, err := proxy.TLSConfig(cfg.Server.TLSCert, cfg.Server.TLSKey)
		if err != nil {
			ln.Close()
			return usageError{fmt.Errorf("server.tls_cert: %w", err)}
		}
		proxy.ServeTLSWithJA4(srv, tc)
	}
	var ready atomic.Bool
	var adminSrv *http.Server
	var adminLn net.Listener
	reloadNow := func() (applied, restart []string, err error) {
		next, err := cfg.reread()
		if err != nil {
			logger.Error("reload: the configuration does not load; nothing changed", "err", err)
			return nil, nil, err
		}
		applied, restart = a.reload(next, logger)
		logger.Info("reload", "applied", strings.Join(applied, ","), "need_restart", strings.Join(restart, ","))
		return applied, restart, nil
	}
	var reloadFn func() ([]string, []string, error)
	if cfg.reread != nil {
		reloadFn = reloadNow
	}
	if cfg.Admin.Listen != "" {
		adminLn, err = net.Listen("tcp", cfg.Admin.Listen)
		if err != nil {
			ln.Close()
			return fmt.Errorf("admin.listen: %w", err)
		}
		adminSrv = &http.Server{
			Handler: admin.Handler(admin.Config{
				Token: token, Gatherer: a.reg, Engine: a.engine, Ready: &ready, OnEvent: a.event, AccountOf: a.guard.AccountOf,
				Now: cfg.clock, Effective: cfg.redacted(), Reload: reloadFn,
			}),
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       10 * time.Second,
			WriteTimeout:      30 * time.Second,
		}
		go func() { _ = adminSrv.Serve(adminLn) }()
	}
	if cfg.reread != nil {
		hup := make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case <-hup:
					_, _, _ = reloadNow()
				}
			}
		}()
	}
	stopSightings := func() {}
	if p := cfg.Store.SightingsFile; p != "" {
		if err := loadSightings(p, a.engine); err != nil {
			ln.Close()
			if adminSrv != nil {
				_ = adminSrv.Close()
			}
			return usageError{err}
		}
		stopSightings = a.keepSightings(p, cfg.Store.SightingsInterval, logger)
	}
	stopStore, err := a.startStore(logger, &ready)
	if err != nil {
		ln.Close()
		if adminSrv != nil {
			_ = adminSrv.Close()
		}
		return err
	}
	errc := make(chan error, 1)
	go func() {
		if srv.TLSConfig != nil {
			errc <- srv.ServeTLS(ln, "", "")
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	ready.Store(true)
	adminAddr := ""
	if adminLn != nil {
		adminAddr = adminLn.Addr().String()
	}
	logger.Info("sluice serving", "listen", ln.Addr().String(), "upstream", cfg.Upstream.URL, "admin", adminAddr, "shadow", cfg.Shadow)
	if started != nil {
		started(ln.Addr().String(), adminAddr)
	}
	select {
	case <-ctx.Done():
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			stopStore()
			_ = a.close()
			return fmt.Errorf("serve: %w", err)
		}
	}
	ready.Store(false)
	logger.Info("sluice shutting down", "grace", cfg.Server.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), cfg.Server.ShutdownTimeout)
	defer cancel()
	shutErr := srv.Shutdown(sctx)
	if shutErr != nil {
		logger.Warn("shutdown grace ran out; closing remaining connections", "err", shutErr)
		_ = srv.Close()
	}
	if adminSrv != nil {
		_ = adminSrv.Close()
	}
	stopStore() // a last exchange, before the decision log closes
	stopSightings()
	if err := a.close(); err != nil {
		return err
	}
	logger.Info("sluice stopped")
	return nil
}

// redactedSecrets are the configuration keys whose values GET /admin/config
// never shows. The fingerprint seed is one: it keys the prompt hashes that
// evidence ids are made of.
var redactedSecrets = [][]string{
	{"admin", "token"},
	{"identity", "hmac_key"},
	{"store", "redis", "password"},
	{"fingerprint", "seed"},
}

// redacted returns the effective configuration as a JSON-able tree keyed
// like the YAML file, with the secrets replaced by "[redacted]" (or left
// empty when unset, so an operator sees whether one is configured).
func (c *Config) redacted() any {
	data, err := yaml.Marshal(c)
	if err != nil {
		return map[string]string{"error": "config: " + err.Error()}
	}
	var tree map[string]any
	if err := yaml.Unmarshal(data, &tree); err != nil {
		return map[string]string{"error": "config: " + err.Error()}
	}
	for _, path := range redactedSecrets {
		m := tree
		for _, k := range path[:len(path)-1] {
			m, _ = m[k].(map[string]any)
		}
		last := path[len(path)-1]
		if v, ok := m[last]; ok && v != "" && v != 0 {
			m[last] = "[redacted]"
		}
	}
	if up, _ := tree["upstream"].(map[string]any); up != nil {
		if s, _ := up["url"].(string); s != "" {
			if u, err := url.Parse(s); err == nil && u.User != nil {
				u.User = url.User("redacted")
				up["url"] = u.String()
			}
		}
	}
	return tree
}

// closeChunked closes the connection after a request whose body came
// chunked over HTTP/1.x. net/http frames a request that carries both
// Transfer-Encoding and Content-Length by Transfer-Encoding alone (RFC 9112
// 6.1 allows it) and drops Content-Length, but keeps the connection: a
// front proxy that framed the same bytes by Content-Length could then
// smuggle a request behind it. RFC 9112 asks to close the connection after
// such a request; a handler cannot tell it from an ordinary chunked one
// (model API clients send Content-Length), so every chunked request closes
// its connection.
func closeChunked(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ProtoMajor == 1 && len(r.TransferEncoding) > 0 {
			w.Header().Set("Connection", "close")
		}
		h.ServeHTTP(w, r)
	})
}

// overrideFromFlags sets each config field in dst whose flag was given on
// the command line to the flag's value in src, even an empty one:
// -admin-listen "" turns the admin listener off.
func overrideFromFlags(fs *flag.FlagSet, dst, src map[string]*string) {
	fs.Visit(func(f *flag.Flag) {
		if d, ok := dst[f.Name]; ok {
			*d = *src[f.Name]
		}
	})
}

// insecureDefaultKey, written as identity.hmac_key, keys account ids with
// the public default on purpose (tests, demos): anyone holding a decision
// log can then test whether a given API key was used.
const insecureDefaultKey = "insecure-default"

// secureAccountKey makes sure serve does not key account ids with a
// public constant. Without identity.hmac_key it generates a random key
// for this process and warns: ids then change at every restart and
// differ between replicas, so a shared store, a state file or a
// sightings file (which hold ids across restarts and replicas) need the
// key set, and are refused without it. "insecure-default" keeps the
// public default.
func secureAccountKey(cfg *Config, logger *slog.Logger) error {
	switch cfg.Identity.HMACKey {
	case insecureDefaultKey:
		cfg.Identity.HMACKey = ""
		logger.Warn("identity.hmac_key is insecure-default: account ids are keyed with a public default, so anyone holding a decision log can test whether a given API key was used")
		return nil
	case "":
	default:
		return nil
	}
	switch {
	case cfg.Store.Type == "redis":
		return errors.New("identity.hmac_key: required with store.type redis (replicas must share one secret)")
	case cfg.Admin.StateFile != "":
		return errors.New("identity.hmac_key: required with admin.state_file (account ids must outlive a restart)")
	case cfg.Store.SightingsFile != "":
		return errors.New("identity.hmac_key: required with store.sightings_file (account ids must outlive a restart)")
	}
	var k [32]byte
	if _, err := rand.Read(k[:]); err != nil {
		return fmt.Errorf("identity.hmac_key: %w", err)
	}
	cfg.Identity.HMACKey = hex.EncodeToString(k[:])
	logger.Warn("identity.hmac_key is not set: account ids are keyed with a random secret of this process, so they change at every restart and differ between replicas; set a secret (the same on every replica, and in replay)")
	return nil
}
