package newsroom

import (
	"fmt"
	"io"
	"net/netip"
	"regexp"
	"sort"
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

var ja4RE = regexp.MustCompile(`^t1[23]d\d{4}(h1|h2|00)_[0-9a-f]{12}_[0-9a-f]{12}$`)

func spec(minN, maxN int) gentest.Spec {
	return gentest.Spec{
		Classes: Classes(),
		Start:   DefaultStart, End: DefaultStart.Add(72 * time.Hour),
		Min: minN, Max: maxN,
		Paths: []string{"/v1/chat/completions", "/v1/messages"},
		AccountPrefix: func(l tracefmt.Label) string {
			if strings.HasPrefix(l.Class, "reseller_") {
				return ResellerPrefix
			}
			return l.Class + "-"
		},
		Check: func(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
			if _, err := netip.ParseAddr(r.IP); err != nil {
				return fmt.Errorf("ip %q: %v", r.IP, err)
			}
			if !ja4RE.MatchString(r.JA4) {
				return fmt.Errorf("ja4 %q", r.JA4)
			}
			if r.Path == "/v1/messages" && body["system"] == nil && hasSystemMessage(body) {
				return fmt.Errorf("system message inside Anthropic messages")
			}
			return nil
		},
	}
}

func hasSystemMessage(body map[string]any) bool {
	msgs, _ := body["messages"].([]any)
	for _, m := range msgs {
		if mm, ok := m.(map[string]any); ok && mm["role"] == "system" {
			return true
		}
	}
	return false
}

func TestSmallWellFormed(t *testing.T) {
	tr := small(t)
	recs, labels := gentest.ReadBack(t, tr)
	if tr.N != len(recs) {
		t.Fatalf("Write returned %d, the trace has %d records", tr.N, len(recs))
	}
	gentest.CheckRecords(t, recs, labels, spec(5000, 50000))
	if len(tr.Trace) > 60<<20 {
		t.Errorf("small trace is %d bytes, want at most 60 MB", len(tr.Trace))
	}
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func TestFullSize(t *testing.T) {
	if testing.Short() {
		t.Skip("full world skipped in -short")
	}
	var tb, lb counter
	n, err := Write(Full(1), &tb, &lb)
	if err != nil {
		t.Fatal(err)
	}
	if n < 60000 || n > 200000 {
		t.Errorf("Full(1): %d records, want 60,000-200,000", n)
	}
	t.Logf("Full(1): %d records, %d MB", n, tb.n>>20)
}

func TestWriteRejectsBadWindow(t *testing.T) {
	if _, err := Write(Config{Seed: 1, Hours: 12}, io.Discard, io.Discard); err == nil {
		t.Error("a 12-hour window was accepted")
	}
}

// TestClassShares checks the mix: legitimate traffic is the majority, each
// class carries a visible share, and campaign accounts keep realistic
// daily rates.
func TestClassShares(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	req := map[string]int{}
	accts := map[string]map[string]int{}
	camp := 0
	for _, l := range labels {
		req[l.Class]++
		if accts[l.Class] == nil {
			accts[l.Class] = map[string]int{}
		}
		accts[l.Class][l.Account]++
		if l.Campaign {
			camp++
		}
	}
	share := float64(camp) / float64(len(recs))
	if share < 0.2 || share > 0.45 {
		t.Errorf("campaign share %.2f, want 0.20-0.45", share)
	}
	for c := range Classes() {
		if s := float64(req[c]) / float64(len(recs)); s < 0.004 || s > 0.15 {
			t.Errorf("class %s: share %.3f", c, s)
		}
	}
	// per-account requests per day, median over the class's accounts
	for c, want := range map[string][2]float64{
		"naive": {15, 45}, "disguised": {5, 40}, "low_slow": {1, 12}, "pivot": {15, 60}, "logprob": {15, 120}, "agentic": {10, 80},
	} {
		var per []float64
		for _, n := range accts[c] {
			per = append(per, float64(n)/3)
		}
		sort.Float64s(per)
		if m := per[len(per)/2]; m < want[0] || m > want[1] {
			t.Errorf("%s: median %.1f requests per account per day, want %v", c, m, want)
		}
	}
	// churn accounts live a few hours
	first, _ := gentest.FirstSeen(recs, labels)
	last := map[string]time.Time{}
	for i, r := range recs {
		last[labels[i].Account] = r.TS
	}
	for a := range accts["churn"] {
		if d := last[a].Sub(first[a]); d > 12*time.Hour {
			t.Errorf("churn account %s active for %s", a, d)
		}
	}
}

// TestWorldShape checks a few things the world promises: the hackathon's
// accounts appear on the Wednesday on the campus network, the reseller's
// keys carry both its classes, the pivot moves to the new model after the
// release, and the logprob probes ask for one token with logprobs.
func TestWorldShape(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	rel := DefaultStart.Add(ReleaseOffset)
	first, class := gentest.FirstSeen(recs, labels)
	for a, c := range class {
		if c == "hackathon" && (first[a].Before(DefaultStart.Add(24*time.Hour)) || first[a].After(DefaultStart.Add(48*time.Hour))) {
			t.Errorf("hackathon account %s first seen %s", a, first[a])
		}
	}
	resellerClasses := map[string]map[string]bool{}
	pivotNew, pivotOldAfter, logprobOne := 0, 0, 0
	for i, r := range recs {
		l := labels[i]
		body := string(r.Body)
		switch l.Class {
		case "reseller_customer", "reseller_harvest":
			if resellerClasses[l.Account] == nil {
				resellerClasses[l.Account] = map[string]bool{}
			}
			resellerClasses[l.Account][l.Class] = true
		case "pivot":
			if r.TS.After(rel.Add(3 * time.Hour)) {
				if strings.Contains(body, `"model":"halyard-3.5"`) {
					pivotNew++
				} else {
					pivotOldAfter++
				}
			}
		case "logprob":
			if strings.Contains(body, `"logprobs":true`) && strings.Contains(body, `"max_tokens":1,`) {
				logprobOne++
			}
		case "hackathon":
			if ip := netip.MustParseAddr(r.IP); r.TS.After(DefaultStart.Add(37*time.Hour)) && r.TS.Before(DefaultStart.Add(46*time.Hour)) && !campusNYC.contains(ip) {
				t.Errorf("hackathon request from %s during the event", ip)
			}
		}
	}
	both := 0
	for _, cs := range resellerClasses {
		if len(cs) == 2 {
			both++
		}
	}
	if both == 0 || both < len(resellerClasses)/2 {
		t.Errorf("%d of %d reseller keys carry both classes", both, len(resellerClasses))
	}
	if pivotNew == 0 || pivotOldAfter > 0 {
		t.Errorf("pivot after the release: %d on the new model, %d not", pivotNew, pivotOldAfter)
	}
	if logprobOne < 100 {
		t.Errorf("only %d one-token logprob probes", logprobOne)
	}
}

func (n *netw) contains(a netip.Addr) bool {
	for _, p := range append(append([]netip.Prefix{}, n.v4...), n.v6...) {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
