package limiter

import (
	"testing"
	"time"
)

// TestClusterCost: a suspected cluster's request costs 1 at the mildest
// acting threshold, rising to 4 at block, following the configured
// thresholds.
func TestClusterCost(t *testing.T) {
	for _, c := range []struct {
		th    Thresholds
		score float64
		want  int
	}{
		{Thresholds{Degrade: 0.5, Throttle: 0.7, Block: 0.9}, 0.3, 1},
		{Thresholds{Degrade: 0.5, Throttle: 0.7, Block: 0.9}, 0.5, 1},
		{Thresholds{Degrade: 0.5, Throttle: 0.7, Block: 0.9}, 0.6, 2},
		{Thresholds{Degrade: 0.5, Throttle: 0.7, Block: 0.9}, 0.7, 3},
		{Thresholds{Degrade: 0.5, Throttle: 0.7, Block: 0.9}, 0.9, 4},
		{Thresholds{Degrade: 0.5, Throttle: 0.7, Block: 0.9}, 1, 4},
		{Thresholds{Degrade: 0.6, Throttle: 0.8}, 0.8, 3}, // block off: 4 at 1.0
		{Thresholds{Throttle: 0.7, Block: 0.9}, 0.8, 3},   // degrade off: from throttle
	} {
		cfg := DefaultConfig()
		cfg.Thresholds = c.th
		e, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.clusterCost(e.lv.Load(), c.score); got != c.want {
			t.Errorf("%+v score %.2f: cost %d, want %d", c.th, c.score, got, c.want)
		}
	}
}

// TestClusterBudgetBindsByConfidence: on the default cluster budget (60
// requests a minute), a small look-alike at low confidence (a class of 40
// on one network, 40 requests a minute, scored at the degrade threshold)
// stays inside it for an hour, while a confident 1,000-account campaign
// sending 19 requests a minute in all (the reported campaign's rate) does
// not: its budget is a quarter. Neither budget grows with the accounts.
func TestClusterBudgetBindsByConfidence(t *testing.T) {
	run := func(perMinute int, score float64) (throttled int) {
		e, err := New(DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC)
		gap := time.Minute / time.Duration(perMinute)
		for range 60 * perMinute {
			if r, _, _ := e.meterCluster(at, e.lv.Load(), 77, score, false, 500); r != 0 {
				throttled++
			}
			at = at.Add(gap)
		}
		return throttled
	}
	if n := run(40, 0.5); n != 0 {
		t.Errorf("a class of 40 at low confidence: %d of 2,400 requests throttled by the cluster budget, want 0", n)
	}
	// at cost 4 the budget admits 15 of its 19 requests a minute: about
	// 240 refused in the hour, less the first minute's burst
	n := run(19, 0.95)
	if n < 150 {
		t.Errorf("a confident campaign at 19 requests a minute: %d of 1,140 throttled by the cluster budget, want about 4 a minute", n)
	}
	t.Logf("confident campaign: %d of 1,140 requests over the budget", n)
}
