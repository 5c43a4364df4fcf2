package limiter_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/sluicehq/sluice/limiter"
)

// TestTwoReplicasOneCluster splits one campaign over two engines that share
// state through a store: both see one cluster, and the cluster's buckets
// meter the campaign as one.
func TestTwoReplicasOneCluster(t *testing.T) {
	run := func(shared bool) (clusters map[limiter.ClusterID]bool, passed int) {
		cfg := defaults()
		cfg.Cluster = limiter.Limit{Requests: 60}
		a, b := newEngine(t, cfg), newEngine(t, cfg)
		st := limiter.NewSharedMemory()
		if shared {
			a.Attach(false)
			b.Attach(false)
		}
		clusters = map[limiter.ClusterID]bool{}
		for i := range 1200 { // 2 minutes at 10 requests/s
			now := t0.Add(time.Duration(i) * 100 * time.Millisecond)
			e := a
			if i%2 == 1 {
				e = b
			}
			p := campaign(i)
			d := e.Decide(now, limiter.Subject{Account: limiter.AccountID(7000 + i%200)}, &p, 100)
			if i >= 600 {
				clusters[d.Cluster] = true
			}
			if d.Action != limiter.ActionAllow && !d.Reasons.Has(limiter.ReasonClusterRequests) && i >= 100 {
				passed++ // suspected, yet not stopped by the cluster bucket
			}
			if shared && i%10 == 9 { // a sync every second of traffic
				for _, e := range []*limiter.Engine{a, b} {
					if err := e.Sync(context.Background(), st, now); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		return clusters, passed
	}
	sc, sp := run(true)
	_, up := run(false)
	t.Logf("shared: %d clusters, %d suspected requests passed the cluster bucket; unshared: %d", len(sc), sp, up)
	if len(sc) != 1 {
		t.Fatalf("shared replicas saw %d clusters, want 1", len(sc))
	}
	if float64(sp) > 0.75*float64(up) {
		t.Fatalf("shared cluster bucket let %d through, unshared %d: not metered as one", sp, up)
	}
}

// TestStoreOutageLosesNothing: while the store fails, decisions go on
// (fail-open) and the deltas wait; when it returns they arrive.
func TestStoreOutageLosesNothing(t *testing.T) {
	e := newEngine(t, defaults())
	e.Attach(false)
	st := limiter.NewSharedMemory()
	down := true
	st.Fail = func() error {
		if down {
			return errors.New("connection refused")
		}
		return nil
	}
	p := campaign(1)
	for i := range 50 {
		d := e.Decide(t0.Add(time.Duration(i)*time.Second), limiter.Subject{Account: 42}, &p, 10)
		if d.Reasons.Has(limiter.ReasonStoreUnavailable) {
			t.Fatal("fail-open engine refused a request")
		}
	}
	if err := e.Sync(context.Background(), st, t0.Add(time.Minute)); !errors.Is(err, limiter.ErrStoreUnavailable) {
		t.Fatalf("Sync with the store down: %v", err)
	}
	down = false
	if err := e.Sync(context.Background(), st, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	// a second engine attached to the same store now sees the history
	f := newEngine(t, defaults())
	f.Attach(false)
	f.Decide(t0.Add(time.Minute), limiter.Subject{Account: 42}, &p, 10)
	if err := f.Sync(context.Background(), st, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	ai, _ := f.Account(t0.Add(time.Minute), 42)
	if ai.Requests < 45 {
		t.Fatalf("history after the outage: %.1f requests, want the 50 sent during it (decayed) plus 1", ai.Requests)
	}
}

func TestFailClosed(t *testing.T) {
	e := newEngine(t, defaults())
	e.Attach(true)
	st := limiter.NewSharedMemory()
	st.Fail = func() error { return errors.New("down") }
	ctx, cancel := context.WithCancel(context.Background())
	var transitions []bool
	done := make(chan struct{})
	go func() {
		e.Run(ctx, st, time.Millisecond, time.Millisecond, func() time.Time { return t0 }, func(up bool, err error) { transitions = append(transitions, up) })
		close(done)
	}()
	p := benign(1)
	deadline := time.Now().Add(5 * time.Second)
	for e.StoreUp() && time.Now().Before(deadline) {
		e.Decide(t0, limiter.Subject{Account: 5}, &p, 10)
		time.Sleep(time.Millisecond)
	}
	d := e.Decide(t0, limiter.Subject{Account: 5}, &p, 10)
	cancel()
	<-done
	if d.Action != limiter.ActionThrottle || !d.Reasons.Has(limiter.ReasonStoreUnavailable) {
		t.Fatalf("fail-closed with the store down: %v %v", d.Action, d.Reasons.Names())
	}
	if len(transitions) == 0 || transitions[0] {
		t.Fatalf("transitions %v, want a down transition", transitions)
	}
}
