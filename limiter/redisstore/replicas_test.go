package redisstore_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/limiter/limitertest"
)

// TestTwoReplicasOneCluster splits one campaign over two engines that share
// state through Redis, each with its own client (two replicas): both see
// one cluster, and the cluster's buckets meter the campaign as one.
func TestTwoReplicasOneCluster(t *testing.T) {
	t.Parallel()
	addr := testRedis(t)
	p := prefix(t) // one key space, two clients
	limitertest.TwoReplicasOneCluster(t, func(int) limiter.Store { return newStore(t, addr, p, true) })
}

// runner runs an engine's exchange loop on the real clock and records the
// up/down transitions.
type runner struct {
	mu    sync.Mutex
	trans []bool
	stop  func()
}

func run(e *limiter.Engine, st limiter.Store, interval, timeout time.Duration) *runner {
	r := &runner{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.Run(ctx, st, limiter.RunOptions{Interval: interval, Timeout: timeout, OnChange: func(up bool, err error) {
			r.mu.Lock()
			r.trans = append(r.trans, up)
			r.mu.Unlock()
		}})
	}()
	r.stop = func() { cancel(); <-done }
	return r
}

func (r *runner) transitions() []bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bool(nil), r.trans...)
}

// waitFor polls cond for up to 10 s.
func waitFor(t *testing.T, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > 10*time.Second {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
	return time.Since(start)
}

// seen returns the requests of acct as a fresh replica sees them after one
// exchange with st.
func seen(t *testing.T, st limiter.Store, now time.Time, acct limiter.AccountID) float64 {
	t.Helper()
	f := newEngine(t, limiter.DefaultConfig())
	f.Attach(false)
	p := benign(99)
	f.Decide(now, limiter.Subject{Account: acct}, &p, 10)
	if err := f.Sync(context.Background(), st, now); err != nil {
		t.Fatal(err)
	}
	ai, _ := f.Account(now, acct)
	return ai.Requests - 1
}

// TestOutageAndRestart stops Redis under a running replica (fail-open):
// every decision goes on, the engine reports the store down; Redis comes
// back empty (no persistence): the exchanges resume, carry the deltas made
// during the outage, and the replica's memory re-seeds the history that
// the restart wiped.
func TestOutageAndRestart(t *testing.T) {
	t.Parallel()
	srv := startServer(t)
	st := newStore(t, srv.addr(), "out", false)
	e := newEngine(t, limiter.DefaultConfig())
	e.Attach(false)
	r := run(e, st, 10*time.Millisecond, 50*time.Millisecond)
	defer r.stop()
	const acct = 42
	decide := func(n int) {
		for i := range n {
			p := benign(i)
			if d := e.Decide(time.Now(), limiter.Subject{Account: acct}, &p, 10); d.Reasons.Has(limiter.ReasonStoreUnavailable) {
				t.Fatal("fail-open engine refused a request")
			}
		}
	}
	probes := 0 // each look adds a request of its own
	look := func() float64 {
		probes++
		return seen(t, st, time.Now(), acct) - float64(probes-1)
	}
	decide(100)
	waitFor(t, "the first 100 requests in Redis", func() bool { return look() >= 99.9 })

	srv.stop()
	decide(200)
	waitFor(t, "the down transition", func() bool { return !e.StoreUp() })
	decide(50)
	srv.start()
	d := waitFor(t, "the up transition", e.StoreUp)
	t.Logf("transitions %v; up again %v after the restart", r.transitions(), d)
	if tr := r.transitions(); len(tr) < 2 || tr[0] || !tr[len(tr)-1] {
		t.Fatalf("transitions %v, want down then up", tr)
	}
	got := look()
	t.Logf("after the restart Redis holds %.1f requests of the 350 sent (re-seeded %d keys)", got, st.Reseeded())
	if got < 340 || got > 351 {
		t.Fatalf("after the restart: %.1f requests, want the 100 before (re-seeded) plus the 250 during the outage", got)
	}
}

// TestRestartLossBound: Redis restarts (empty) while two replicas share an
// account. The first replica to exchange the key afterwards re-seeds it
// with the merged state it last received; what is lost is at most what
// the other replicas sent between that exchange and the restart, one sync
// interval of their traffic.
func TestRestartLossBound(t *testing.T) {
	t.Parallel()
	srv := startServer(t)
	cfg := limiter.DefaultConfig()
	cfg.Account = limiter.Limit{Requests: 600, RequestBurst: 1000}
	a, b := newEngine(t, cfg), newEngine(t, cfg)
	a.Attach(false)
	b.Attach(false)
	sa, sb := newStore(t, srv.addr(), "rs", true), newStore(t, srv.addr(), "rs", true)
	ctx := context.Background()
	p := benign(1)
	decide := func(e *limiter.Engine, n int) {
		for range n {
			e.Decide(t0, limiter.Subject{Account: 42}, &p, 10)
		}
	}
	sync := func(e *limiter.Engine, st limiter.Store) {
		if err := e.Sync(ctx, st, t0); err != nil {
			t.Fatal(err)
		}
	}
	for range 5 {
		decide(a, 20)
		sync(a, sa)
		decide(b, 20)
		sync(b, sb)
	}
	decide(a, 7)
	sync(a, sa)
	decide(b, 10) // b's last interval before the restart
	sync(b, sb)
	total := seen(t, sb, t0, 42) // 217
	decide(a, 3)
	srv.stop()
	srv.start()
	sync(a, sa) // a re-seeds with its view (207) plus its 3
	sync(b, sb)
	after := seen(t, sb, t0, 42)
	lost := total + 3 - after
	t.Logf("before the restart %.0f requests, after %.0f (+3 sent): lost %.0f, b's last interval was 10", total, after, lost)
	if lost < 0 || lost > 10.5 {
		t.Fatalf("lost %.1f requests, want at most b's last interval (10)", lost)
	}

	// a bucket: its level comes back from the seed, not full
	bk := func(used float64) float64 {
		bt := &limiter.Batch{Now: t0, Buckets: []limiter.BucketState{{Kind: limiter.BucketClusterTokens, Key: 7, Rate: 1, Burst: 1000, Used: used}}}
		if err := sa.Exchange(ctx, bt); err != nil {
			t.Fatal(err)
		}
		return bt.Buckets[0].Level
	}
	bk(300)
	srv.stop()
	srv.start()
	if l := bk(0); l != 700 {
		t.Fatalf("bucket level after the restart %v, want 700 (re-seeded)", l)
	}
}

// TestStalenessBound measures how long a request on one replica takes to
// show in another replica's view of the same account, with both running
// their exchange loops on the default interval: at most two intervals plus
// two exchanges (the sender's next exchange, then the receiver's).
func TestStalenessBound(t *testing.T) {
	t.Parallel()
	addr := testRedis(t)
	const interval = 50 * time.Millisecond
	p := prefix(t)
	a, b := newEngine(t, limiter.DefaultConfig()), newEngine(t, limiter.DefaultConfig())
	a.Attach(false)
	b.Attach(false)
	ra := run(a, newStore(t, addr, p, false), interval, 50*time.Millisecond)
	defer ra.stop()
	rb := run(b, newStore(t, addr, p, false), interval, 50*time.Millisecond)
	defer rb.stop()
	pr := benign(5)
	var worst time.Duration
	for i := range 8 {
		acct := limiter.AccountID(9000 + i)
		// b serves the account too, so it exchanges it every interval
		b.Decide(time.Now(), limiter.Subject{Account: acct}, &pr, 10)
		time.Sleep(interval + time.Duration(i)*7*time.Millisecond)
		for range 10 {
			a.Decide(time.Now(), limiter.Subject{Account: acct}, &pr, 10)
		}
		d := waitFor(t, "b to see a's requests", func() bool {
			b.Decide(time.Now(), limiter.Subject{Account: acct}, &pr, 10)
			ai, _ := b.Account(time.Now(), acct)
			return ai.Requests >= 10
		})
		worst = max(worst, d)
	}
	t.Logf("staleness: worst %v over 8 trials (interval %v; bound 2 intervals + 2 exchanges)", worst, interval)
	if worst > 2*interval+100*time.Millisecond {
		t.Fatalf("staleness %v exceeds 2 intervals plus slack", worst)
	}
}
