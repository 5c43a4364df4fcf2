package limiter

import (
	"bytes"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
)

// fitSet is a labelled trace in miniature: 30 campaign accounts sending
// strongly harvest-shaped requests on one template for two hours, beside
// 30 people asking ordinary questions and a tutor app's 10 students asking
// for the steps now and then.
func fitSet() *FitSet {
	set := &FitSet{Name: "mini", Classes: []FitClass{{"campaign", true}, {"people", false}, {"students", false}}}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var harvest, plain, steps fingerprint.Print
	harvest.Prompt.Elicit, harvest.Prompt.Turns, harvest.Prompt.Knobs, harvest.Prompt.TemplateLast = 0.7, 1, fingerprint.KnobLongOutput, 7
	plain.Prompt.Turns = 1
	steps.Prompt.Elicit, steps.Prompt.Turns, steps.Prompt.TemplateLast = 0.3, 1, 9
	for i := range 2400 {
		at := t0.Add(time.Duration(i) * 3 * time.Second)
		set.Samples = append(set.Samples,
			FitSample{At: at, Subject: Subject{Account: AccountID(100 + i%30)}, Print: harvest, Est: 2000, Class: 0, Account: uint32(i % 30)},
			FitSample{At: at, Subject: Subject{Account: AccountID(200 + i%30)}, Print: plain, Est: 500, Class: 1, Account: uint32(30 + i%30)})
		if i%8 == 0 {
			set.Samples = append(set.Samples, FitSample{At: at, Subject: Subject{Account: AccountID(300 + i%10)}, Print: steps, Est: 500, Class: 2, Account: uint32(60 + i%10)})
		}
	}
	return set
}

func TestEvaluate(t *testing.T) {
	s, err := Evaluate(DefaultConfig(), fitSet())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", s)
	if s.Catch < 0.9 || s.Legit != 0 || s.WorstShare != 0 || s.Blocked != 0 || len(s.Leak) != 1 {
		t.Errorf("score %+v: want the campaign caught and nobody else touched", s)
	}
	// with every action off nothing is caught
	cfg := DefaultConfig()
	cfg.Thresholds = Thresholds{}
	if s, _ := Evaluate(cfg, fitSet()); s.Catch != 0 || s.Leak["campaign"] != 1 {
		t.Errorf("actions off: %+v", s)
	}
}

func TestObjective(t *testing.T) {
	good := SetScore{Catch: 0.8}
	for _, c := range []struct {
		name string
		s    SetScore
		want float64
	}{
		{"clean", good, 0.8},
		{"legit at target", SetScore{Catch: 0.8, Legit: fitLegitTarget}, 0.8},
		{"legit over target", SetScore{Catch: 0.8, Legit: 0.0015}, 0.8 - 0.1},
		{"class over target", SetScore{Catch: 0.8, WorstShare: 0.105}, 0.8 - 0.2},
		{"blocked accounts", SetScore{Catch: 0.8, Blocked: 5}, 0.8 - 0.1},
	} {
		if got := Objective([]SetScore{c.s}); got-c.want > 1e-9 || c.want-got > 1e-9 {
			t.Errorf("%s: %.4f, want %.4f", c.name, got, c.want)
		}
	}
	if got := Objective([]SetScore{good, {Catch: 0.4}}); got-0.6 > 1e-9 || 0.6-got > 1e-9 {
		t.Errorf("two sets: %.4f, want their mean catch 0.6", got)
	}
}

// TestFitDeterministic: Fit improves on a start that misses the campaign,
// gives the same model twice, and leaves the legitimate classes alone.
func TestFitDeterministic(t *testing.T) {
	cfg := DefaultConfig()
	start, _ := DefaultModel().With("suspicious", 0.95) // no request is evidence
	start, _ = start.With("strong_hv", 0.95)
	cfg.Detection.Model = start
	sets := []*FitSet{fitSet()}
	opt := FitOptions{Params: []string{"suspicious", "strong_hv", "link_heat"}, Workers: 2}
	m1, steps, err := Fit(cfg, sets, opt)
	if err != nil {
		t.Fatal(err)
	}
	m2, _, err := Fit(cfg, sets, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m1.Marshal(), m2.Marshal()) {
		t.Error("two fits on the same sets differ")
	}
	if len(steps) == 0 {
		t.Fatal("no step taken")
	}
	before, _ := EvaluateAll(cfg, sets, 1)
	cfg.Detection.Model = m1
	after, _ := EvaluateAll(cfg, sets, 1)
	t.Logf("steps %+v; catch %.3f -> %.3f", steps, before[0].Catch, after[0].Catch)
	if after[0].Catch <= before[0].Catch+0.5 || after[0].Legit != 0 || Objective(after) <= Objective(before) {
		t.Errorf("fit: %+v -> %+v", before[0], after[0])
	}
	if _, _, err := Fit(cfg, sets, FitOptions{Params: []string{"no_such"}}); err == nil {
		t.Error("an unknown parameter was accepted")
	}
}
