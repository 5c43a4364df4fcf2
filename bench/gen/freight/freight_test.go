package freight

import (
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

var small = gentest.Once(Write, Small(1))

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, Write, small(t), Small(1), Small(2))
}

func spec(cfg Config, lo, hi int) gentest.Spec {
	return gentest.Spec{
		Classes: Classes(),
		Start:   cfg.Start, End: cfg.Start.Add(cfg.Window),
		Min: lo, Max: hi,
		Paths: []string{"/v1/chat/completions", "/v1/messages"},
		AccountPrefix: func(l tracefmt.Label) string {
			if strings.HasPrefix(l.Class, "reseller_") {
				return "reseller-"
			}
			return l.Class + "-"
		},
	}
}

func TestSmallWellFormed(t *testing.T) {
	tr := small(t)
	if len(tr.Trace) > 50<<20 {
		t.Fatalf("small trace is %d bytes", len(tr.Trace))
	}
	recs, labels := gentest.ReadBack(t, tr)
	gentest.CheckRecords(t, recs, labels, spec(Small(1), 5000, 40000))
	for i := 1; i < len(recs); i++ {
		if recs[i].TS.Before(recs[i-1].TS) {
			t.Fatalf("line %d out of order", i+1)
		}
	}
}

func TestShares(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	per := map[string]int{}
	legit := 0
	for _, l := range labels {
		per[l.Class]++
		if !l.Campaign {
			legit++
		}
	}
	if s := float64(legit) / float64(len(recs)); s < 0.55 || s > 0.8 {
		t.Errorf("legitimate share %.2f, want 0.55-0.80", s)
	}
	for c, n := range per {
		if s := float64(n) / float64(len(recs)); s < 0.003 || s > 0.25 {
			t.Errorf("class %s share %.3f", c, s)
		}
	}
}

// TestBehaviour checks a few promises of doc.go: pivot moves to tide-3
// after the release, some legitimate accounts sign up during the window,
// logprob requests have the extraction shape.
func TestBehaviour(t *testing.T) {
	cfg := Small(1)
	recs, labels := gentest.ReadBack(t, small(t))
	release := cfg.Start.Add(cfg.Release)
	var pivotAfter, pivot3, logprob int
	for i, r := range recs {
		body := string(r.Body)
		switch labels[i].Class {
		case "pivot":
			if r.TS.After(release.Add(4 * time.Hour)) {
				pivotAfter++
				if strings.Contains(body, `"model":"tide-3"`) {
					pivot3++
				}
			}
		case "logprob":
			if !strings.Contains(body, `"top_logprobs":20`) || !strings.Contains(body, `"logit_bias"`) {
				t.Fatalf("line %d: logprob without its shape", i+1)
			}
			logprob++
		}
	}
	if pivotAfter == 0 || pivot3 != pivotAfter {
		t.Errorf("pivot after release: %d requests, %d on tide-3", pivotAfter, pivot3)
	}
	first, class := gentest.FirstSeen(recs, labels)
	late := 0
	for a, ts := range first {
		if !Classes()[class[a]] && ts.After(cfg.Start.Add(2*time.Hour)) && class[a] != "customs_batch" {
			late++
		}
	}
	if late < 10 {
		t.Errorf("%d legitimate accounts first seen during the window", late)
	}
}

func TestFullSize(t *testing.T) {
	if testing.Short() {
		t.Skip("full trace")
	}
	tr := gentest.Generate(t, Write, Full(1))
	if tr.N < 60000 || tr.N > 150000 {
		t.Errorf("full: %d records", tr.N)
	}
}
