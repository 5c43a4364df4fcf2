package limiter_test

import (
	"testing"
	"time"

	"github.com/sluicehq/sluice/limiter"
)

// TestRefundLeavesUnchargedClusterAlone: a batch part allowed by policy
// but linked into a suspected cluster is not charged to the cluster, so a
// refund (Settle with 0) must not credit the cluster's bucket either: a
// cluster could refill its budget with refused batches.
func TestRefundLeavesUnchargedClusterAlone(t *testing.T) {
	cfg := defaults()
	cfg.Cluster = limiter.Limit{Requests: 100000, Tokens: 20_000}
	e := newEngine(t, cfg)
	at := newAccountWave(e, t0.Add(3*time.Hour))
	var cl limiter.ClusterID
	for i := range 200 {
		p := strongCampaign(1000 + i)
		d := e.Decide(at, limiter.Subject{Account: 7001, BatchPart: true}, &p, 1000)
		if d.Reasons.Has(limiter.ReasonClusterTokens) {
			cl = d.Cluster
			break
		}
	}
	if cl == 0 {
		t.Fatal("the cluster budget was never drained")
	}
	var allowed []limiter.Decision
	for i := range 400 {
		p := benign(5000 + i)
		d := e.Decide(at, limiter.Subject{Account: 7001, BatchPart: true}, &p, 1000)
		if d.Action == limiter.ActionAllow && d.Cluster == cl {
			allowed = append(allowed, d)
		}
	}
	t.Logf("%d allowed parts carry cluster %d (ccost %d)", len(allowed), cl, limiter.ClusterCost(&allowed[0]))
	before := limiter.ClusterTokensAt(e, at, cl)
	for i := range allowed {
		e.Settle(at, &allowed[i], 0) // batchJudge.refund
	}
	after := limiter.ClusterTokensAt(e, at, cl)
	t.Logf("cluster tokens before refund %.0f, after %.0f", before, after)
	if after > before {
		t.Fatalf("refund credited the cluster %.0f tokens it never charged", after-before)
	}
}

// TestRefusedBatchRefundsEveryChargedPart: a later part of a batch is
// charged to the account whatever its action (the cluster budget may
// throttle it); refunding every part of the refused batch (Settle with 0,
// as batchJudge.refund does) gives the account back all it was charged.
func TestRefusedBatchRefundsEveryChargedPart(t *testing.T) {
	cfg := defaults()
	cfg.Thresholds = limiter.Thresholds{Degrade: 0.3}
	cfg.Account = limiter.Limit{Requests: 1000, Tokens: 200_000}
	cfg.Cluster = limiter.Limit{Requests: 1000, Tokens: 20_000}
	e := newEngine(t, cfg)
	at := newAccountWave(e, t0.Add(3*time.Hour))
	q0, _ := e.Quota(at, 7001)
	var decs []limiter.Decision
	for i := range 100 {
		p := strongCampaign(1000 + i)
		d := e.Decide(at, limiter.Subject{Account: 7001, BatchPart: i > 0}, &p, 1000)
		decs = append(decs, d) // the proxy decides every part, throttled or not
	}
	for i := range decs { // batchJudge.refund
		if decs[i].Reserved > 0 {
			e.Settle(at, &decs[i], 0)
		}
	}
	q1, _ := e.Quota(at, 7001)
	t.Logf("%d parts, last %v %v; account tokens before the batch %d, after its refund %d", len(decs), decs[len(decs)-1].Action, decs[len(decs)-1].Reasons.Names(), q0.Tokens, q1.Tokens)
	if q1.Tokens < q0.Tokens {
		t.Errorf("a refused batch left %d tokens charged to the account", q0.Tokens-q1.Tokens)
	}
}
