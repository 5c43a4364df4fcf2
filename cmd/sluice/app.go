package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/limiter/redisstore"
	"github.com/sluicehq/sluice/proxy"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// app is everything one configuration wires together.
type app struct {
	cfg    *Config
	engine *limiter.Engine
	guard  *proxy.Guard
	log    *proxy.DecisionLog
	reg    *prometheus.Registry
	closer io.Closer // the decision log's file, if any
	logger *slog.Logger

	mu     sync.Mutex
	shared *redisstore.Store // the shared store, while attached
}

// newApp builds engine, decision log and guard from cfg. logOut is where
// "-" (stdout) decision logs go.
func newApp(cfg *Config, logOut io.Writer, withLog bool) (*app, error) {
	a := &app{cfg: cfg, reg: prometheus.NewRegistry()}
	a.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	eng, err := limiter.New(cfg.engineConfig())
	if err != nil {
		return nil, usageError{err}
	}
	a.engine = eng
	if withLog && cfg.DecisionLog.Path != "" {
		w := logOut
		if cfg.DecisionLog.Path != "-" {
			f, err := os.OpenFile(cfg.DecisionLog.Path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
			if err != nil {
				return nil, fmt.Errorf("decision_log.path: %w", err)
			}
			a.closer, w = f, f
		}
		a.log = proxy.NewDecisionLog(w, cfg.DecisionLog.Buffer)
		dl := a.log
		a.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "sluice_decision_log_lost_total",
			Help: "Decision records lost because the decision log could not be written (a full disk, a closed pipe).",
		}, func() float64 { return float64(dl.Lost()) }))
	}
	// the parser's cache of re-sent history is process-wide
	dialect.SetHistoryCache(cfg.Fingerprint.ParseCacheBytes)
	g, err := proxy.New(proxy.Config{
		Identity:             cfg.Identity,
		Fingerprint:          fingerprint.Config{Seed: cfg.Fingerprint.Seed, HistoryCache: cfg.Fingerprint.HistoryCache},
		MaxBodyBytes:         cfg.Limits.MaxBodyBytes,
		MaxBatchBytes:        cfg.Limits.MaxBatchBytes,
		MaxInflightBodyBytes: cfg.Limits.MaxInflightBodyBytes,
		Routes:               cfg.routesConfig(),
		Log:                  a.log,
		Registerer:           a.reg,
		Now:                  cfg.clock,
		Degrade:              cfg.degradeConfig(),
		Meter:                proxy.MeterConfig{Off: !cfg.Limits.MeterUsage, RateLimitHeaders: cfg.Limits.RateLimitHeaders},
	}, eng)
	if err != nil {
		return nil, usageError{err}
	}
	a.guard = g
	return a, nil
}

// event writes an operator event to the decision log.
func (a *app) event(ev, detail string, acc limiter.AccountID, c limiter.ClusterID) {
	if a.log != nil {
		a.log.Write(&proxy.Record{TS: time.Now(), Event: ev, Detail: detail, Account: acc, Cluster: c})
	}
	if ev == "allow_list_add" || ev == "allow_list_remove" {
		a.shareOps(acc, 0, time.Now())
	} else {
		a.shareOps(0, c, time.Now())
	}
	if p := a.cfg.Admin.StateFile; p != "" {
		if err := saveOpState(p, a.engine, time.Now()); err != nil && a.logger != nil {
			a.logger.Error("operator state not saved; it holds until the next restart only", "err", err)
		}
	}
}

func (a *app) close() error {
	var errs []string
	if a.log != nil {
		if err := a.log.Close(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if a.closer != nil {
		if err := a.closer.Close(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("decision log: %s", strings.Join(errs, "; "))
	}
	return nil
}

// keepSightings saves the engine's sightings to path every interval; the
// returned stop saves them a last time.
func (a *app) keepSightings(path string, every time.Duration, logger *slog.Logger) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	save := func() {
		if err := saveSightings(path, a.engine); err != nil {
			logger.Error("sightings not saved", "err", err)
		}
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				save()
			case <-done:
				save()
				return
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// now is the app's clock: the configuration's (demo) or the wall clock.
func (a *app) now() time.Time {
	if a.cfg.clock != nil {
		return a.cfg.clock()
	}
	return time.Now()
}
