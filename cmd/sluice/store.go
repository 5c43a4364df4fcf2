package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/limiter/redisstore"
)

// storeMetrics are the shared store's metrics.
type storeMetrics struct {
	up        prometheus.Gauge
	ok, fail  prometheus.Counter
	latency   prometheus.Observer
	exchanges *prometheus.CounterVec
}

func newStoreMetrics(reg prometheus.Registerer) *storeMetrics {
	m := &storeMetrics{
		up: prometheus.NewGauge(prometheus.GaugeOpts{Name: "sluice_store_up",
			Help: "1 while the last exchange with the shared store succeeded."}),
		exchanges: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sluice_store_exchanges_total",
			Help: "Exchanges of engine state with the shared store, by result (ok, error)."}, []string{"result"}),
	}
	h := prometheus.NewHistogram(prometheus.HistogramOpts{Name: "sluice_store_exchange_seconds",
		Help:    "Duration of one exchange with the shared store.",
		Buckets: []float64{.0002, .0005, .001, .002, .005, .01, .02, .05, .1, .25, .5, 1}})
	m.latency = h
	m.ok, m.fail = m.exchanges.WithLabelValues("ok"), m.exchanges.WithLabelValues("error")
	if reg != nil {
		reg.MustRegister(m.up, m.exchanges, h)
	}
	m.up.Set(1)
	return m
}

// meteredStore counts and times the exchanges of a store.
type meteredStore struct {
	st limiter.Store
	m  *storeMetrics
}

func (s meteredStore) Exchange(ctx context.Context, b *limiter.Batch) error {
	start := time.Now()
	err := s.st.Exchange(ctx, b)
	s.m.latency.Observe(time.Since(start).Seconds())
	if err != nil {
		s.m.fail.Inc()
	} else {
		s.m.ok.Inc()
	}
	return err
}

// startStore connects the engine to the shared store of cfg.Store, when it
// is redis, and runs the exchange loop in a goroutine. stop ends the loop
// (after one last exchange) and closes the client; call it before the
// decision log closes. ready is cleared while the store is down in
// fail-closed mode (that replica throttles everything, so a load balancer
// should prefer others); in fail-open mode the replica stays ready.
func (a *app) startStore(logger *slog.Logger, ready *atomic.Bool) (stop func(), err error) {
	rc := a.cfg.Store.Redis
	if a.cfg.Store.Type != "redis" {
		return func() {}, nil
	}
	st, err := redisstore.New(redisstore.Config{Addr: rc.Addr, Addrs: rc.Addrs, MasterName: rc.MasterName,
		Password: rc.Password, DB: rc.DB, Prefix: rc.Prefix, Timeout: rc.Timeout})
	if err != nil {
		return nil, usageError{fmt.Errorf("store.redis: %w", err)}
	}
	// the client's own messages (failed dials, one per attempt) go to the
	// debug level; transitions are logged once below
	redis.SetLogger(redisLog{logger})
	closed := rc.FailMode == "closed"
	m := newStoreMetrics(a.reg)
	pctx, cancel := context.WithTimeout(context.Background(), rc.Timeout)
	if err := st.Ping(pctx); errors.Is(err, redisstore.ErrSchema) {
		cancel()
		_ = st.Close()
		return nil, usageError{fmt.Errorf("store.redis.prefix: %w", err)}
	} else if err != nil {
		logger.Warn("shared store unreachable at start; deciding on local state until it answers",
			"addr", rc.where(), "fail_mode", rc.FailMode, "err", err)
	}
	cancel()
	a.engine.Attach(closed)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.engine.Run(ctx, meteredStore{st, m}, limiter.RunOptions{Interval: rc.Sync, Timeout: rc.Timeout, OnChange: func(up bool, err error) {
			if up {
				m.up.Set(1)
				if closed {
					ready.Store(true)
				}
				logger.Info("shared store up", "addr", rc.where())
				return
			}
			m.up.Set(0)
			if closed {
				ready.Store(false)
			}
			logger.Warn("shared store down", "addr", rc.where(), "fail_mode", rc.FailMode, "err", err)
		}})
	}()
	logger.Info("shared store attached", "type", "redis", "addr", rc.where(), "prefix", rc.Prefix,
		"fail_mode", rc.FailMode, "sync_interval", rc.Sync, "timeout", rc.Timeout)

	// the operator's state (allow-list, overrides): what this replica holds
	// already (its state file) goes to the shared hash, then every replica
	// reads the hash back every opsEvery
	octx, ocancel := context.WithTimeout(context.Background(), rc.Timeout)
	now := time.Now()
	for _, acc := range a.engine.AllowListedAccounts() {
		_ = st.PutAllowList(octx, acc, true)
	}
	for _, o := range a.engine.Overrides(now) {
		_ = st.PutOverride(octx, o.Cluster, o.Action, o.Until)
	}
	if err := st.SyncOps(octx, a.engine, now); err != nil {
		logger.Warn("operator state not read from the shared store yet", "err", err)
	}
	ocancel()
	a.mu.Lock()
	a.shared = st
	a.mu.Unlock()
	opsDone := make(chan struct{})
	go func() {
		defer close(opsDone)
		t := time.NewTicker(opsEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				c, cancel := context.WithTimeout(ctx, rc.Timeout)
				_ = st.SyncOps(c, a.engine, time.Now()) // a failure is the store's, logged by the exchange loop
				cancel()
			}
		}
	}()
	return func() {
		cancel()
		<-done
		<-opsDone
		a.mu.Lock()
		a.shared = nil
		a.mu.Unlock()
		_ = st.Close()
	}, nil
}

// opsEvery is how often a replica reads the operator's shared state.
const opsEvery = 2 * time.Second

// shareOps sends one operator change to the shared store, when there is
// one: the allow-listing of account acc, or the override of cluster c, as
// the engine now holds it.
func (a *app) shareOps(acc limiter.AccountID, c limiter.ClusterID, now time.Time) {
	a.mu.Lock()
	st := a.shared
	a.mu.Unlock()
	if st == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), a.cfg.Store.Redis.Timeout)
	defer cancel()
	var err error
	if acc != 0 {
		err = st.PutAllowList(ctx, acc, a.engine.AllowListed(acc))
	} else if c != 0 {
		var act limiter.Action
		var until time.Time
		for _, o := range a.engine.Overrides(now) {
			if o.Cluster == c {
				act, until = o.Action, o.Until
			}
		}
		err = st.PutOverride(ctx, c, act, until)
	}
	if err != nil && a.logger != nil {
		a.logger.Error("operator change not shared with the other replicas; it holds on this one", "err", err)
	}
}

// redactAddr drops a password from a redis:// URL for the log.
func redactAddr(addr string) string {
	for i := 0; i+3 <= len(addr); i++ {
		if addr[i:i+3] == "://" {
			rest := addr[i+3:]
			for j := 0; j < len(rest) && rest[j] != '/'; j++ {
				if rest[j] == '@' {
					return addr[:i+3] + "***@" + rest[j+1:]
				}
			}
			break
		}
	}
	return addr
}

// redisLog sends the go-redis client's messages to the debug level.
type redisLog struct{ l *slog.Logger }

func (r redisLog) Printf(ctx context.Context, format string, v ...any) {
	r.l.DebugContext(ctx, "redis client: "+fmt.Sprintf(format, v...))
}

// where names the store for the log: its address (password removed), its
// addresses, or its Sentinels and master name.
func (rc RedisConfig) where() string {
	if rc.Addr != "" {
		return redactAddr(rc.Addr)
	}
	w := strings.Join(rc.Addrs, ",")
	if rc.MasterName != "" {
		w = rc.MasterName + " via sentinels " + w
	}
	return w
}
