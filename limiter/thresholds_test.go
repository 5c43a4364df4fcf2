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
