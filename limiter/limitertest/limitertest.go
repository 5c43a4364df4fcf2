// Package limitertest holds what the tests of the engine and of its stores
// share: a fixed clock origin, synthetic prints of benign and campaign
// requests, and the two-replica scenario every Store must pass.
package limitertest

import (
	"context"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// T0 is the clock origin of the tests.
var T0 = time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC)

// NewEngine returns an engine for cfg or fails the test.
func NewEngine(t testing.TB, cfg limiter.Config) *limiter.Engine {
	t.Helper()
	e, err := limiter.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Benign returns the print of an ordinary request with its own template.
func Benign(i int) fingerprint.Print {
	var p fingerprint.Print
	p.Prompt.Exact = uint64(i)*7919 + 1
	p.Prompt.TemplateLast = uint64(i)*104729 + 3
	p.Prompt.TemplateAll = uint64(i)*1299709 + 5
	p.Prompt.Sketch = uint64(i) * 0x9E3779B97F4A7C15
	p.Prompt.Elicit = 0.02
	p.Prompt.Tokens = 200
	p.Client.HTTP = 42
	p.Client.Net = uint64(i)
	return p
}

// Campaign returns the print of a templated elicitation request: one
// template, varied fills, answer-conditioned rationalisation.
func Campaign(i int) fingerprint.Print {
	p := Benign(1_000_000 + i)
	p.Prompt.TemplateLast = 0xC0FFEE
	p.Prompt.Elicit = 0.85
	p.Prompt.Signals[fingerprint.SigRationalize] = 0.9
	return p
}

// TwoReplicasOneCluster splits one campaign over two engines that share
// state through the stores that storeFor returns (one per replica; the same
// store twice for an in-process one): both must see one cluster, and the
// cluster's buckets must meter the campaign as one — with the stores far
// fewer suspected requests get past the cluster bucket than without.
func TwoReplicasOneCluster(t *testing.T, storeFor func(replica int) limiter.Store) {
	t.Helper()
	run := func(shared bool) (clusters map[limiter.ClusterID]bool, passed int) {
		cfg := limiter.DefaultConfig()
		cfg.Cluster = limiter.Limit{Requests: 60}
		engines := [2]*limiter.Engine{NewEngine(t, cfg), NewEngine(t, cfg)}
		var stores [2]limiter.Store
		if shared {
			for r, e := range engines {
				e.Attach(false)
				stores[r] = storeFor(r)
			}
		}
		clusters = map[limiter.ClusterID]bool{}
		for i := range 1200 { // 2 minutes at 10 requests/s
			now := T0.Add(time.Duration(i) * 100 * time.Millisecond)
			p := Campaign(i)
			d := engines[i%2].Decide(now, limiter.Subject{Account: limiter.AccountID(7000 + i%200)}, &p, 100)
			if i >= 600 {
				clusters[d.Cluster] = true
			}
			if d.Action != limiter.ActionAllow && !d.Reasons.Has(limiter.ReasonClusterRequests) && i >= 100 {
				passed++ // suspected, yet not stopped by the cluster bucket
			}
			if shared && i%10 == 9 { // a sync every second of traffic
				for r, e := range engines {
					if err := e.Sync(context.Background(), stores[r], now); err != nil {
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
