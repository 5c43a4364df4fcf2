package civic_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/bench/gen/civic"
	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

var small = gentest.Once(civic.Write, civic.Small(1))

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, civic.Write, small(t), civic.Small(1), civic.Small(2))
}

func spec(cfg civic.Config, lo, hi int) gentest.Spec {
	return gentest.Spec{
		Classes: civic.Classes(), Start: cfg.Start, End: cfg.End(), Min: lo, Max: hi,
		Paths: []string{"/v1/chat/completions", "/v1/messages"},
		AccountPrefix: func(l tracefmt.Label) string {
			if strings.HasPrefix(l.Class, "reseller_") {
				return "reseller-civibridge-"
			}
			return l.Class + "-"
		},
		Check: checkRecord,
	}
}

// checkRecord checks what the generator promises beyond the contract: a
// ja4 and a host or client hints on every request, dialect-specific knobs
// only where their API has them.
func checkRecord(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
	if r.JA4 == "" {
		return fmt.Errorf("no ja4")
	}
	if _, n := gentest.Header(r.Headers, "content-type"); n != 1 {
		return fmt.Errorf("%d content-type headers", n)
	}
	switch r.Path {
	case "/v1/messages":
		for _, k := range []string{"logprobs", "logit_bias", "n", "response_format"} {
			if _, ok := body[k]; ok {
				return fmt.Errorf("anthropic body with %s", k)
			}
		}
		if _, ok := body["thinking"]; ok && body["temperature"] != nil {
			return fmt.Errorf("thinking with a temperature")
		}
	case "/v1/chat/completions":
		if _, ok := body["thinking"]; ok {
			return fmt.Errorf("openai body with thinking")
		}
		if lb, ok := body["logit_bias"].(map[string]any); ok && len(lb) > 300 {
			return fmt.Errorf("logit_bias of %d ids", len(lb))
		}
	}
	return nil
}

func TestSmallWellFormed(t *testing.T) {
	tr := small(t)
	recs, labels := gentest.ReadBack(t, tr)
	cfg := civic.Small(1)
	gentest.CheckRecords(t, recs, labels, spec(cfg, 1, 50000))
	if len(tr.Trace) > 60<<20 {
		t.Errorf("small trace of %d bytes, want at most 60 MB", len(tr.Trace))
	}
	if tr.N != len(recs) {
		t.Errorf("Write returned %d, read %d records", tr.N, len(recs))
	}
}

// TestShares checks the mix of the small trace: legitimate traffic is the
// majority, and every class has a sensible part of it.
func TestShares(t *testing.T) {
	tr := small(t)
	recs, labels := gentest.ReadBack(t, tr)
	per := map[string]int{}
	accts := map[string]map[string]bool{}
	classOf := map[string]map[string]bool{}
	camp := 0
	for _, l := range labels {
		per[l.Class]++
		if accts[l.Class] == nil {
			accts[l.Class] = map[string]bool{}
		}
		accts[l.Class][l.Account] = true
		if classOf[l.Account] == nil {
			classOf[l.Account] = map[string]bool{}
		}
		classOf[l.Account][l.Class] = true
		if l.Campaign {
			camp++
		}
	}
	n := len(recs)
	if share := float64(camp) / float64(n); share < 0.2 || share > 0.48 {
		t.Errorf("campaign share %.2f, want 0.20-0.48", share)
	}
	for c := range civic.Classes() {
		s := float64(per[c]) / float64(n)
		if s < 0.002 || s > 0.2 {
			t.Errorf("class %s: share %.4f", c, s)
		}
		t.Logf("%-20s %6d requests %5d accounts %.3f", c, per[c], len(accts[c]), s)
	}
	// an account is one class, but for the reseller's pooled keys
	for a, cs := range classOf {
		if len(cs) > 1 && !strings.HasPrefix(a, "reseller-") {
			t.Errorf("account %s in classes %v", a, cs)
		}
	}
	if shared := len(accts["reseller_harvest"]); shared == 0 {
		t.Error("no harvest through the reseller")
	}
	for a := range accts["reseller_harvest"] {
		if !accts["reseller_customer"][a] {
			t.Errorf("harvest key %s carries no customer traffic", a)
		}
	}
}

// TestCampaignShapes checks a few things each campaign is meant to show.
func TestCampaignShapes(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	first, class := gentest.FirstSeen(recs, labels)
	cfg := civic.Small(1)
	release := cfg.Start.Add(cfg.ReleaseAfter)
	var lp, lpShape, pivotNew, pivotOld, pivotOldAfter int
	for i, r := range recs {
		l := labels[i]
		var b map[string]any
		if err := json.Unmarshal(r.Body, &b); err != nil {
			t.Fatal(err)
		}
		switch l.Class {
		case "logprob":
			lp++
			if b["max_tokens"] == 1.0 && b["top_logprobs"] == 20.0 && b["temperature"] == 0.0 {
				lpShape++
			}
		case "pivot":
			switch {
			case b["model"] == "tamarack-2.5-large":
				pivotNew++
			case r.TS.After(release.Add(12 * 3600e9)):
				pivotOldAfter++
			default:
				pivotOld++
			}
		}
	}
	if lp == 0 || lpShape != lp {
		t.Errorf("logprob: %d of %d requests of the extraction shape", lpShape, lp)
	}
	if pivotNew == 0 || pivotOld == 0 || pivotOldAfter != 0 {
		t.Errorf("pivot: %d on the old model, %d on the new, %d old long after the release", pivotOld, pivotNew, pivotOldAfter)
	}
	// churn accounts are all new; most residents' accounts existed before
	// (those are seen on the first day)
	late := map[string][2]int{}
	for a, ts := range first {
		c := late[class[a]]
		c[1]++
		if ts.Sub(cfg.Start).Hours() > 24 {
			c[0]++
		}
		late[class[a]] = c
	}
	if c := late["churn"]; c[0] < c[1]*3/4 {
		t.Errorf("churn: only %d of %d accounts first seen after the start", c[0], c[1])
	}
	if c := late["resident_chat"]; c[0] > c[1]/2 {
		t.Errorf("resident_chat: %d of %d accounts new", c[0], c[1])
	}
}

// countWriter counts bytes and newlines.
type countWriter struct{ bytes, lines int }

func (c *countWriter) Write(p []byte) (int, error) {
	c.bytes += len(p)
	c.lines += strings.Count(string(p), "\n")
	return len(p), nil
}

func TestFullSize(t *testing.T) {
	var tr, lb countWriter
	n, err := civic.Write(civic.Full(1), &tr, &lb)
	if err != nil {
		t.Fatal(err)
	}
	if n < 60000 || n > 200000 || tr.lines != n || lb.lines != n {
		t.Errorf("full: %d records (%d trace lines, %d label lines), want 60,000-200,000", n, tr.lines, lb.lines)
	}
	t.Logf("full: %d records, %d MB", n, tr.bytes>>20)
}
