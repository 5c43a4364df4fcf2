package limiter_test

import (
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// TestThresholdsMoveTheActionReadings: the readings that mean an action
// (log-probability extraction is acted on; a body re-sent on another
// account after a 429 is throttled) follow the configured thresholds: an
// operator who raises them keeps those actions.
func TestThresholdsMoveTheActionReadings(t *testing.T) {
	retried := 0
	for _, th := range []limiter.Thresholds{
		{Degrade: 0.5, Throttle: 0.7, Block: 0.9}, // the defaults
		{Degrade: 0.6, Throttle: 0.8, Block: 0.95},
		{Degrade: 0.65, Throttle: 0.85, Block: 0},
		{Degrade: 0, Throttle: 0.75, Block: 0.9}, // no degrade: extraction is throttled
	} {
		cfg := defaults()
		cfg.Thresholds = th
		e := newEngine(t, cfg)
		p := benign(3)
		p.Prompt.Knobs |= fingerprint.KnobLogitBiasBig | fingerprint.KnobLogitBias | fingerprint.KnobMaxTokens1
		d := e.Decide(t0, limiter.Subject{Account: 41}, &p, 10)
		want := limiter.ActionDegrade
		if th.Degrade == 0 {
			want = limiter.ActionThrottle
		}
		if d.Action != want || !d.Reasons.Has(limiter.ReasonLogprobExtraction) {
			t.Errorf("%+v: extraction %v %v, want %v logprob_extraction", th, d.Action, d.Reasons.Names(), want)
		}

		// a campaign request throttled, then its body re-sent on another
		// account at once
		at := newAccountWave(e, t0.Add(3*time.Hour))
		q := strongCampaign(9999)
		first := e.Decide(at, limiter.Subject{Account: 7003}, &q, 500)
		if first.Action < limiter.ActionThrottle {
			continue // nothing throttled to retry after at these thresholds
		}
		retried++
		r := e.Decide(at.Add(time.Second), limiter.Subject{Account: 8001}, &q, 500)
		if r.Action < limiter.ActionThrottle || !r.Reasons.Has(limiter.ReasonRetryOnOtherAccount) {
			t.Errorf("%+v: re-sent body %v %v, want throttle or block with retry_on_other_account", th, r.Action, r.Reasons.Names())
		}
	}
	if retried < 2 {
		t.Fatalf("the re-sent body was tried under %d threshold sets, want at least 2", retried)
	}
}

// TestHostingNetworkCorroborates: a suspicious request from a hosting
// range (the operator's ASN database) scores a little higher and names
// the reason; a benign request from one does not move.
func TestHostingNetworkCorroborates(t *testing.T) {
	score := func(hosting, strong bool) limiter.Decision {
		e := newEngine(t, defaults())
		// an old account with an ordinary history, then one of its
		// requests on a campaign's evidence (scored below the caps)
		for i := range 8 {
			p := benign(100 + i)
			if i%3 == 0 {
				p = strongCampaign(200 + i)
			}
			e.Decide(t0.Add(time.Duration(i)*5*time.Minute), limiter.Subject{Account: 9100}, &p, 500)
		}
		at := newAccountWave(e, t0.Add(3*time.Hour))
		p := benign(5)
		if strong {
			p = strongCampaign(4242)
		}
		p.Client.Hosting = hosting
		return e.Decide(at, limiter.Subject{Account: 9100}, &p, 500)
	}
	plain, hosted := score(false, true), score(true, true)
	t.Logf("suspicious request: %.3f from a hosting range, %.3f elsewhere", hosted.Score, plain.Score)
	if plain.Score < 0.3 || plain.Score >= 0.8 || hosted.Score < plain.Score+0.04 || !hosted.Reasons.Has(limiter.ReasonHostingNetwork) || plain.Reasons.Has(limiter.ReasonHostingNetwork) {
		t.Errorf("suspicious request: %.3f %v from a hosting range, %.3f %v elsewhere; want +0.05 and hosting_network", hosted.Score, hosted.Reasons.Names(), plain.Score, plain.Reasons.Names())
	}
	b0, b1 := score(false, false), score(true, false)
	if b1.Score != b0.Score || b1.Reasons.Has(limiter.ReasonHostingNetwork) {
		t.Errorf("benign request: %.3f %v from a hosting range, %.3f elsewhere; want no change", b1.Score, b1.Reasons.Names(), b0.Score)
	}
}
