package limiter

import (
	"context"
	"fmt"
	"math"
	"time"

	"golang.org/x/time/rate"
)

// Attach makes the engine track its changes for a Store exchange. Call it
// once, before the first Decide, when the engine shares state with other
// replicas (see Run). failClosed makes decisions throttle (reason
// store_unavailable) while the store is down; otherwise the engine fails
// open: it goes on deciding on its local state.
//
// A shared engine gives every account its buckets from its first request
// (no quiet window, see account): the window counter is local, and N
// replicas would each grant a fresh account the whole budget.
func (e *Engine) Attach(failClosed bool) {
	e.det.shared = true
	e.failClosed = failClosed
	e.quietOK = false
}

// StoreUp reports whether the last exchange succeeded.
func (e *Engine) StoreUp() bool { return !e.storeDown.Load() }

// RunOptions say how Engine.Run exchanges state.
type RunOptions struct {
	// Interval is the time between exchanges (0: 50ms, the command's
	// default).
	Interval time.Duration
	// Timeout bounds each exchange (0: 250ms, the command's default).
	Timeout time.Duration
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// OnChange, when not nil, is called on every transition between up and
	// down with the error that caused it (nil when the store came back).
	OnChange func(up bool, err error)
}

// Run exchanges state with st every o.Interval until ctx ends, then makes
// one last exchange. Each exchange is bounded by o.Timeout. Run blocks; its
// caller owns the goroutine.
func (e *Engine) Run(ctx context.Context, st Store, o RunOptions) {
	interval, timeout, now, onChange := o.Interval, o.Timeout, o.Now, o.OnChange
	if interval <= 0 {
		interval = 50 * time.Millisecond
	}
	if timeout <= 0 {
		timeout = 250 * time.Millisecond
	}
	if now == nil {
		now = time.Now
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	exchange := func(parent context.Context) {
		c, cancel := context.WithTimeout(parent, timeout)
		err := e.Sync(c, st, now())
		cancel()
		wasDown := e.storeDown.Load()
		switch {
		case err != nil && !wasDown:
			e.storeDown.Store(true)
			if onChange != nil {
				onChange(false, err)
			}
		case err == nil && wasDown:
			e.storeDown.Store(false)
			if onChange != nil {
				onChange(true, nil)
			}
		}
	}
	for {
		select {
		case <-ctx.Done():
			exchange(context.Background())
			return
		case <-t.C:
			exchange(ctx)
		}
	}
}

// Sync makes one exchange with st: it sends the changes since the previous
// exchange and replaces the local state of the same keys with the merged
// state. On error the changes are kept for the next exchange.
func (e *Engine) Sync(ctx context.Context, st Store, now time.Time) error {
	b := &Batch{Now: now, HalfLife: e.det.cfg.HalfLife, TTL: e.det.cfg.LinkTTL}
	e.collect(b)
	if len(b.Nodes)+len(b.Accounts)+len(b.Buckets) == 0 {
		return nil
	}
	if err := st.Exchange(ctx, b); err != nil {
		e.restore(b)
		return fmt.Errorf("%w: %w", ErrStoreUnavailable, err)
	}
	e.apply(b, now)
	return nil
}

// collect moves the deltas of every listed key into b.
func (e *Engine) collect(b *Batch) {
	for i := range e.det.nodes.s {
		sh := &e.det.nodes.s[i]
		sh.mu.Lock()
		for _, k := range sh.dirty {
			nd, ok := sh.lru.Peek(k)
			if !ok {
				continue
			}
			b.Nodes = append(b.Nodes, NodeState{Key: k, First: nd.first, Last: nd.last, Reqs: nd.dReqs, SReqs: nd.dSReqs, Susp: nd.dSusp,
				NAccts: nd.naccts, SAccts: nd.saccts, Parent: nd.parent, ThrottledAt: nd.throttledAt, Throttled: nd.throttled})
			nd.dReqs, nd.dSReqs, nd.dSusp, nd.dirty = 0, 0, 0, false
		}
		sh.dirty = sh.dirty[:0]
		sh.mu.Unlock()
	}
	for i := range e.accounts.s {
		sh := &e.accounts.s[i]
		sh.mu.Lock()
		for _, k := range sh.dirty {
			a, ok := sh.lru.Peek(k)
			if !ok {
				continue
			}
			s := &a.st
			b.Accounts = append(b.Accounts, AccountState{Key: AccountID(k), First: s.first, Last: s.last, N: s.dN, Susp: s.dSusp,
				Strong: s.dStrong, Heat: s.heat, Cluster: s.cluster, Wave: s.wave})
			s.dN, s.dSusp, s.dStrong = 0, 0, 0
			if a.req != nil {
				b.Buckets = a.appendTo(b.Buckets, BucketAccountRequests, BucketAccountTokens, k, &a.use)
			} else {
				a.use.req, a.use.tok, a.use.dirty = 0, 0, false
			}
		}
		sh.dirty = sh.dirty[:0]
		sh.mu.Unlock()
	}
	for i := range e.clusters.s {
		sh := &e.clusters.s[i]
		sh.mu.Lock()
		for _, k := range sh.dirty {
			if c, ok := sh.lru.Peek(k); ok {
				b.Buckets = c.appendTo(b.Buckets, BucketClusterRequests, BucketClusterTokens, k, &c.use)
			}
		}
		sh.dirty = sh.dirty[:0]
		sh.mu.Unlock()
	}
}

// appendTo appends the buckets' state for the exchange, as kinds rk and
// tk of key with what was taken from them (u), and clears u.
func (bk buckets) appendTo(out []BucketState, rk, tk BucketKind, key uint64, u *usage) []BucketState {
	req, tok := bk.req, bk.tok
	if req.Limit() != rate.Inf {
		out = append(out, BucketState{Kind: rk, Key: key, Rate: float64(req.Limit()), Burst: float64(req.Burst()), Used: float64(u.req)})
	}
	if tok.Limit() != rate.Inf {
		out = append(out, BucketState{Kind: tk, Key: key, Rate: float64(tok.Limit()), Burst: float64(tok.Burst()), Used: float64(u.tok)})
	}
	u.req, u.tok, u.dirty = 0, 0, false
	return out
}

// restore puts the deltas of a failed exchange back.
func (e *Engine) restore(b *Batch) {
	for _, n := range b.Nodes {
		sh := e.det.nodes.of(n.Key)
		sh.mu.Lock()
		if nd, ok := sh.lru.Peek(n.Key); ok {
			nd.dReqs += n.Reqs
			nd.dSReqs += n.SReqs
			nd.dSusp += n.Susp
			sh.markDirty(n.Key, &nd.dirty)
		}
		sh.mu.Unlock()
	}
	for _, as := range b.Accounts {
		sh := e.accounts.of(uint64(as.Key))
		sh.mu.Lock()
		if a, ok := sh.lru.Peek(uint64(as.Key)); ok {
			a.st.dN += as.N
			a.st.dSusp += as.Susp
			a.st.dStrong += as.Strong
			sh.markDirty(uint64(as.Key), &a.use.dirty)
		}
		sh.mu.Unlock()
	}
	for _, bs := range b.Buckets {
		e.withBucket(bs.Kind, bs.Key, func(l *rate.Limiter, u *usage, mark func()) {
			if bs.Kind == BucketAccountRequests || bs.Kind == BucketClusterRequests {
				u.req += float32(bs.Used)
			} else {
				u.tok += float32(bs.Used)
			}
			mark()
		})
	}
}

// apply replaces the local state of the batch's keys with the merged
// state, keeping what changed locally during the exchange.
func (e *Engine) apply(b *Batch, now time.Time) {
	ns := now.UnixNano()
	for _, n := range b.Nodes {
		sh := e.det.nodes.of(n.Key)
		sh.mu.Lock()
		if nd, ok := sh.lru.Peek(n.Key); ok {
			nd.reqs = n.Reqs + nd.dReqs
			nd.sreqs = n.SReqs + nd.dSReqs
			nd.susp = n.Susp + nd.dSusp
			for i := range nd.naccts {
				nd.naccts[i] |= n.NAccts[i]
				nd.saccts[i] |= n.SAccts[i]
			}
			nd.first = min(nd.first, n.First)
			nd.last = max(nd.last, n.Last, ns)
			if nd.parent == 0 {
				nd.parent = n.Parent
			}
			if n.ThrottledAt > nd.throttledAt {
				nd.throttledAt, nd.throttled = n.ThrottledAt, n.Throttled
			}
		}
		sh.mu.Unlock()
	}
	for _, as := range b.Accounts {
		sh := e.accounts.of(uint64(as.Key))
		sh.mu.Lock()
		if a, ok := sh.lru.Peek(uint64(as.Key)); ok {
			s := &a.st
			s.n = as.N + s.dN
			s.susp = as.Susp + s.dSusp
			s.strong = as.Strong + s.dStrong
			if as.Heat > s.heat {
				s.heat, s.cluster = as.Heat, as.Cluster
			}
			s.wave = s.wave || as.Wave
			s.first = min(s.first, as.First)
			s.last = max(s.last, as.Last, ns)
		}
		sh.mu.Unlock()
	}
	for _, bs := range b.Buckets {
		e.withBucket(bs.Kind, bs.Key, func(l *rate.Limiter, u *usage, _ func()) {
			used := float64(u.tok)
			if bs.Kind == BucketAccountRequests || bs.Kind == BucketClusterRequests {
				used = float64(u.req)
			}
			setLevel(l, now, bs.Level-used)
		})
	}
}

// withBucket runs f on one bucket under its owner's lock.
func (e *Engine) withBucket(k BucketKind, key uint64, f func(*rate.Limiter, *usage, func())) {
	switch k {
	case BucketAccountRequests, BucketAccountTokens:
		sh := e.accounts.of(key)
		sh.mu.Lock()
		if a, ok := sh.lru.Peek(key); ok && a.req != nil {
			l := a.req
			if k == BucketAccountTokens {
				l = a.tok
			}
			f(l, &a.use, func() { sh.markDirty(key, &a.use.dirty) })
		}
		sh.mu.Unlock()
	case BucketClusterRequests, BucketClusterTokens:
		sh := e.clusters.of(key)
		sh.mu.Lock()
		if c, ok := sh.lru.Peek(key); ok {
			l := c.req
			if k == BucketClusterTokens {
				l = c.tok
			}
			f(l, &c.use, func() { sh.markDirty(key, &c.use.dirty) })
		}
		sh.mu.Unlock()
	}
}

// setLevel moves a limiter's tokens to target (within ±burst).
func setLevel(l *rate.Limiter, now time.Time, target float64) {
	b := float64(l.Burst())
	target = min(max(target, -b), b)
	diff := l.TokensAt(now) - target
	n := int(math.Round(diff))
	bi := max(1, l.Burst())
	for n != 0 {
		step := min(max(n, -bi), bi)
		l.ReserveN(now, step)
		n -= step
	}
}
