package limiter_test

import (
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// TestBatchPartIsOneRequest: the parts of a batch after its first are
// charged in tokens only, past the account's token bucket if need be: a
// batch larger than the request bucket passes whole, and the account then
// owes its tokens (its next request waits for them).
func TestBatchPartIsOneRequest(t *testing.T) {
	cfg := defaults()
	cfg.Account = limiter.Limit{Requests: 5, Tokens: 10_000}
	e := newEngine(t, cfg)
	p := benign(1)
	for i := range 40 {
		s := limiter.Subject{Account: 9, BatchPart: i > 0}
		if d := e.Decide(t0, s, &p, 1000); d.Action != limiter.ActionAllow {
			t.Fatalf("part %d: %v %v, want allow", i, d.Action, d.Reasons.Names())
		}
	}
	// 40,000 tokens charged against a 10,000-token bucket: the account's
	// next request waits about three minutes for them
	d := e.Decide(t0.Add(time.Second), limiter.Subject{Account: 9}, &p, 1000)
	if d.Action != limiter.ActionThrottle || !d.Reasons.Has(limiter.ReasonAccountTokens) {
		t.Fatalf("request after the batch: %v %v, want throttle account_tokens", d.Action, d.Reasons.Names())
	}
	if d.RetryAfter < 2*time.Minute || d.RetryAfter > 4*time.Minute {
		t.Fatalf("RetryAfter %v, want about 3m (the tokens the batch owes)", d.RetryAfter)
	}
	// the same 40 requests sent one by one are cut by the request bucket
	e = newEngine(t, cfg)
	throttled := 0
	for range 40 {
		if d := e.Decide(t0, limiter.Subject{Account: 9}, &p, 100); d.Action == limiter.ActionThrottle {
			throttled++
		}
	}
	if throttled != 35 {
		t.Fatalf("%d of 40 single requests throttled, want 35 (request burst 5)", throttled)
	}
}

// TestBatchPartClusterBudgetBinds: a suspected cluster's token budget binds
// the parts of a batch (a campaign cannot push a large batch through it),
// and refunding the charged parts of a refused batch gives the budget back.
func TestBatchPartClusterBudgetBinds(t *testing.T) {
	cfg := defaults()
	cfg.Thresholds = limiter.Thresholds{Degrade: 0.3}
	cfg.Cluster = limiter.Limit{Requests: 1000, Tokens: 20_000}
	e := newEngine(t, cfg)
	at := newAccountWave(e, t0.Add(3*time.Hour))
	var decs []limiter.Decision
	throttled := -1
	for i := range 100 {
		p := strongCampaign(1000 + i)
		d := e.Decide(at, limiter.Subject{Account: 7001, BatchPart: i > 0}, &p, 1000)
		decs = append(decs, d)
		if d.Action == limiter.ActionThrottle && d.Reasons.Has(limiter.ReasonClusterTokens) {
			throttled = i
			break
		}
	}
	if throttled < 0 {
		t.Fatal("100 parts of 1,000 tokens on a 20,000-token cluster budget: none throttled")
	}
	if throttled > 21 {
		t.Fatalf("first part throttled by the cluster budget: %d, want by part 21", throttled)
	}
	// refund the metered parts: the budget is back
	for i := range decs {
		if decs[i].Action <= limiter.ActionDegrade {
			e.Settle(at, &decs[i], 0)
		}
	}
	p := strongCampaign(2000)
	if d := e.Decide(at, limiter.Subject{Account: 7001, BatchPart: true}, &p, 1000); d.Reasons.Has(limiter.ReasonClusterTokens) {
		t.Fatalf("after the refund: %v %v, want the cluster budget back", d.Action, d.Reasons.Names())
	}
}

// TestExtractionAsBehaviour: an account that sends one-token answers with
// log-probabilities and a logit_bias that changes from request to request
// (a walk over the vocabulary, each bias small) is read as log-probability
// extraction and degraded; a classifier that sends the same shape with one
// fixed label set is left alone.
func TestExtractionAsBehaviour(t *testing.T) {
	e := newEngine(t, defaults())
	at := t0
	probe := func(i int, bias uint32) fingerprint.Print {
		p := benign(i)
		p.Prompt.Knobs |= fingerprint.KnobMaxTokens1 | fingerprint.KnobLogprobs | fingerprint.KnobLogitBias
		p.Prompt.Bias = bias
		return p
	}
	var walker, classifier []limiter.Action
	for i := range 40 {
		p := probe(7, uint32(1000+2*i)|1) // one prompt, a new bias each time
		walker = append(walker, e.Decide(at, limiter.Subject{Account: 31}, &p, 50).Action)
		q := probe(100+i, 77) // new prompts, one label set
		classifier = append(classifier, e.Decide(at, limiter.Subject{Account: 32}, &q, 50).Action)
		at = at.Add(20 * time.Second)
	}
	for i, a := range classifier {
		if a != limiter.ActionAllow {
			t.Fatalf("classifier request %d: %v, want allow", i, a)
		}
	}
	for i, a := range walker[10:] {
		if a == limiter.ActionAllow {
			t.Fatalf("extraction request %d: allowed, want degraded or worse", 10+i)
		}
	}
}
