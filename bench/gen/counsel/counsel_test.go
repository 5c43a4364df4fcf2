package counsel_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/gen/counsel"
	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

var small = gentest.Once(counsel.Write, counsel.Small(1))

var (
	parseOnce sync.Once
	recsP     []tracefmt.Record
	labelsP   []tracefmt.Label
)

// parsed returns the small trace read back once for all tests.
func parsed(t *testing.T) ([]tracefmt.Record, []tracefmt.Label) {
	tr := small(t)
	parseOnce.Do(func() { recsP, labelsP = gentest.ReadBack(t, tr) })
	if recsP == nil {
		t.Fatal("trace did not read back")
	}
	return recsP, labelsP
}

func spec() gentest.Spec {
	cfg := counsel.Small(1)
	return gentest.Spec{
		Classes: counsel.Classes(),
		Start:   cfg.Start,
		End:     cfg.Start.Add(cfg.Span),
		Min:     10000,
		Max:     50000,
		Paths:   []string{"/v1/chat/completions", "/v1/messages"},
		AccountPrefix: func(l tracefmt.Label) string {
			if strings.HasPrefix(l.Class, "reseller_") {
				return counsel.ResellerPrefix
			}
			return l.Class + "-"
		},
		Check: checkRecord,
	}
}

var release = counsel.Small(1).Start.Add(150 * time.Minute)

// checkRecord holds each record to what the world promises: a TLS print on
// every record; HTTP/2 clients send lower-case names and no Host; the new
// model only after its release; known models only.
func checkRecord(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
	if r.JA4 == "" {
		return fmt.Errorf("no ja4")
	}
	if r.JA4[8:10] == "h2" {
		for _, h := range r.Headers {
			if h[0] != strings.ToLower(h[0]) || h[0] == "host" || h[0] == "connection" {
				return fmt.Errorf("HTTP/2 client sent header %q", h[0])
			}
		}
	}
	switch model := body["model"].(string); model {
	case "aster-3":
		if r.TS.Before(release) {
			return fmt.Errorf("aster-3 at %s, before its release", r.TS)
		}
	case "aster-2", "aster-2-mini", "aster-2-reasoning":
	default:
		return fmt.Errorf("unknown model %q", model)
	}
	return nil
}

func TestSmallTrace(t *testing.T) {
	tr := small(t)
	if len(tr.Trace) > 60<<20 {
		t.Errorf("small trace is %d bytes, over 60 MB", len(tr.Trace))
	}
	recs, labels := parsed(t)
	gentest.CheckRecords(t, recs, labels, spec())
}

// TestDeterministic writes the small trace of seed 1 again and expects the
// same bytes; a world of another seed (a tenth of the population, to keep
// the test quick) must differ.
func TestDeterministic(t *testing.T) {
	other := counsel.Small(2)
	other.Scale = 0.1
	gentest.Deterministic(t, counsel.Write, small(t), counsel.Small(1), other)
}

func TestClassShares(t *testing.T) {
	recs, labels := parsed(t)
	per := map[string]int{}
	campaign := 0
	for _, l := range labels {
		per[l.Class]++
		if l.Campaign {
			campaign++
		}
	}
	share := float64(campaign) / float64(len(recs))
	if share < 0.35 || share > 0.47 {
		t.Errorf("campaign share %.3f, want 0.35-0.47", share)
	}
	for c, n := range per {
		if f := float64(n) / float64(len(recs)); f < 0.004 || f > 0.2 {
			t.Errorf("class %s has %.3f of the records", c, f)
		}
	}
	t.Logf("%d records, campaign share %.3f, per class %v", len(recs), share, per)
}

// TestWorld checks what the classes are there to show.
func TestWorld(t *testing.T) {
	recs, labels := parsed(t)
	first, class := gentest.FirstSeen(recs, labels)
	type acc struct {
		n, newModel, afterRelease int
		ips                       map[string]bool
		classes                   map[string]bool
	}
	accts := map[string]*acc{}
	for i, r := range recs {
		l := labels[i]
		a := accts[l.Account]
		if a == nil {
			a = &acc{ips: map[string]bool{}, classes: map[string]bool{}}
			accts[l.Account] = a
		}
		a.n++
		a.ips[r.IP] = true
		a.classes[l.Class] = true
		if strings.Contains(string(r.Body), `"aster-3"`) {
			a.newModel++
		}
		if !r.TS.Before(release) {
			a.afterRelease++
		}
		if l.Class == "logprob" {
			s := string(r.Body)
			if !strings.Contains(s, `"max_tokens":1,`) || !strings.Contains(s, `"top_logprobs":20`) || strings.Count(s, `":30`) < 250 {
				t.Fatalf("logprob request without its probing shape: %.200s", s)
			}
		}
	}
	// The reseller's pool carries its customers and the harvest on the same keys.
	shared := 0
	for name, a := range accts {
		if strings.HasPrefix(name, counsel.ResellerPrefix) && a.classes["reseller_customer"] && a.classes["reseller_harvest"] {
			shared++
		}
	}
	if shared < 4 {
		t.Errorf("%d reseller keys carry both customers and harvest", shared)
	}
	// Every pivot account moves to the new model at its release.
	for name, a := range accts {
		if class[name] == "pivot" && a.afterRelease > 0 && a.newModel < a.afterRelease-2 {
			t.Errorf("pivot account %s: %d of %d requests after the release on the new model", name, a.newModel, a.afterRelease)
		}
	}
	// The training cohort: new accounts that appear within minutes on one venue network.
	var lo, hi time.Time
	venue := map[string]bool{}
	cohort := 0
	for name, c := range class {
		if c != "cpe_cohort" {
			continue
		}
		cohort++
		f := first[name]
		if lo.IsZero() || f.Before(lo) {
			lo = f
		}
		if f.After(hi) {
			hi = f
		}
		for ip := range accts[name].ips {
			venue[ip] = true
		}
	}
	if cohort < 10 || hi.Sub(lo) > 30*time.Minute || len(venue) > 2 {
		t.Errorf("cohort of %d accounts first seen over %s from %d addresses", cohort, hi.Sub(lo), len(venue))
	}
	// The add-in's users sign up during the day too.
	late := 0
	for name, c := range class {
		if c == "review_plugin" && first[name].After(release) {
			late++
		}
	}
	if late < 10 {
		t.Errorf("only %d add-in users first seen after the release", late)
	}
	// Low and slow: few accounts, steady pace.
	for name, c := range class {
		if c == "low_slow" && (accts[name].n < 60 || accts[name].n > 120) {
			t.Errorf("low_slow account %s sent %d requests", name, accts[name].n)
		}
	}
}

func TestJSONStyles(t *testing.T) {
	recs, labels := parsed(t)
	seen := map[string]bool{}
	for i, r := range recs {
		ua, _ := gentest.Header(r.Headers, "user-agent")
		b := string(r.Body)
		switch {
		case strings.HasPrefix(ua, "python-requests/") || strings.HasPrefix(ua, "OpenAI/Python 1."):
			if !strings.HasPrefix(b, `{"`) || !strings.Contains(b, `", "`) && !strings.Contains(b, `": `) {
				t.Fatalf("line %d: %s body not in json.dumps style: %.80s", i+1, ua, b)
			}
			seen["spaced"] = true
		case strings.HasPrefix(ua, "OpenAI/2."): // .NET
			if strings.ContainsAny(b, "'<>&+") {
				t.Fatalf("line %d: .NET body with unescaped characters", i+1)
			}
			seen["dotnet"] = true
		case strings.HasPrefix(ua, "OpenAI/Python 2.") && labels[i].Class != "churn":
			if !strings.HasPrefix(b, `{"messages":`) {
				t.Fatalf("line %d: SDK body not in the SDK's member order: %.60s", i+1, b)
			}
			seen["sdk"] = true
		}
	}
	for _, k := range []string{"spaced", "dotnet", "sdk"} {
		if !seen[k] {
			t.Errorf("no body of style %s", k)
		}
	}
}
