package clinics

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

var small = gentest.Once(Write, Small(1))

type trace struct {
	recs   []tracefmt.Record
	labels []tracefmt.Label
}

var (
	readOnce sync.Once
	parsed   trace
)

// read returns the small trace read back (once for all tests).
func read(t *testing.T) trace {
	t.Helper()
	readOnce.Do(func() {
		parsed.recs, parsed.labels = gentest.ReadBack(t, small(t))
	})
	if parsed.recs == nil {
		t.Fatal("the small trace did not read back")
	}
	return parsed
}

func spec(cfg Config, lo, hi int) gentest.Spec {
	return gentest.Spec{
		Classes: Classes(),
		Start:   cfg.Start,
		End:     cfg.Start.Add(cfg.Span),
		Min:     lo,
		Max:     hi,
		Paths:   Paths(),
		AccountPrefix: func(l tracefmt.Label) string {
			if l.Class == "reseller_customer" || l.Class == "reseller_harvest" {
				return ResellerPrefix
			}
			return l.Class + "-"
		},
		Check: func(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
			if r.JA4 == "" || r.IP == "" {
				return errorf("record without ja4 or ip")
			}
			return nil
		},
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func errorf(s string) error { return errString(s) }

func TestRecords(t *testing.T) {
	t.Parallel()
	tr := small(t)
	if len(tr.Trace) > 60<<20 {
		t.Errorf("small trace is %d bytes", len(tr.Trace))
	}
	d := read(t)
	gentest.CheckRecords(t, d.recs, d.labels, spec(Small(1), 5000, 50000))
}

// TestFullTrace checks the full trace the same way; it takes a while, so
// it runs only with CLINICS_FULL=1.
func TestFullTrace(t *testing.T) {
	if os.Getenv("CLINICS_FULL") == "" {
		t.Skip("set CLINICS_FULL=1 to check the full trace")
	}
	tr := gentest.Generate(t, Write, Full(1))
	recs, labels := gentest.ReadBack(t, tr)
	gentest.CheckRecords(t, recs, labels, spec(Full(1), 60000, 200000))
	legit := 0
	for _, l := range labels {
		if !l.Campaign {
			legit++
		}
	}
	if f := float64(legit) / float64(len(labels)); f < 0.55 || f > 0.65 {
		t.Errorf("legitimate share %.3f", f)
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	gentest.Deterministic(t, Write, small(t), Small(1), Small(2))
}

func TestClasses(t *testing.T) {
	t.Parallel()
	c := Classes()
	for _, name := range []string{"naive", "disguised", "reseller_harvest", "logprob", "agentic", "churn", "pivot", "low_slow"} {
		if !c[name] {
			t.Errorf("%s is not a campaign", name)
		}
	}
	for _, name := range []string{"reseller_customer", "exam_cohort", "nlp_eval", "intake_bot", "hospital_gateway"} {
		if v, ok := c[name]; !ok || v {
			t.Errorf("%s missing or a campaign", name)
		}
	}
}

func TestLegitimateShare(t *testing.T) {
	t.Parallel()
	d := read(t)
	legit := 0
	for _, l := range d.labels {
		if !l.Campaign {
			legit++
		}
	}
	if f := float64(legit) / float64(len(d.labels)); f < 0.55 || f > 0.67 {
		t.Errorf("legitimate share %.3f", f)
	}
}

// The naive hydra's accounts are all new: none is seen before its launch.
func TestNaiveAccountsNew(t *testing.T) {
	t.Parallel()
	d := read(t)
	first, class := gentest.FirstSeen(d.recs, d.labels)
	launch := Small(1).Start.Add(35 * time.Minute)
	n := 0
	for a, c := range class {
		if c != "naive" {
			continue
		}
		n++
		if first[a].Before(launch) {
			t.Errorf("naive account %s seen at %s, before the launch", a, first[a])
		}
	}
	if n < 30 {
		t.Errorf("%d naive accounts", n)
	}
}

// The course cohort: dozens of accounts, all new at the session, all on
// the hospital network, all on one question bank.
func TestCohortLooksLikeAClass(t *testing.T) {
	t.Parallel()
	d := read(t)
	first, class := gentest.FirstSeen(d.recs, d.labels)
	session := Small(1).Start.Add(3 * time.Hour)
	n := 0
	for a, c := range class {
		if c == "exam_cohort" {
			n++
			if first[a].Before(session) {
				t.Errorf("cohort account %s seen before the session", a)
			}
		}
	}
	if n < 24 {
		t.Errorf("%d cohort accounts, want dozens", n)
	}
	questions := map[string]map[string]bool{}
	for i, r := range d.recs {
		if d.labels[i].Class != "exam_cohort" {
			continue
		}
		if !CohortNetwork(r.IP) {
			t.Fatalf("cohort request from %s", r.IP)
		}
		var b struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		if err := json.Unmarshal(r.Body, &b); err != nil || len(b.Messages) < 2 {
			t.Fatalf("cohort body %s", r.Body)
		}
		q := strings.SplitN(b.Messages[1].Content, ":", 2)[0]
		if questions[q] == nil {
			questions[q] = map[string]bool{}
		}
		questions[q][d.labels[i].Account] = true
	}
	shared := 0
	for _, accts := range questions {
		if len(accts) >= 5 {
			shared++
		}
	}
	if shared < 10 {
		t.Errorf("only %d questions asked by five or more students", shared)
	}
}

// Older customers are there from the first minutes, and new accounts
// appear later, among legitimate and campaign classes alike.
func TestOldAndNewAccounts(t *testing.T) {
	t.Parallel()
	d := read(t)
	first, class := gentest.FirstSeen(d.recs, d.labels)
	start := Small(1).Start
	camp := Classes()
	var oldL, newL, oldC, newC int
	for a, c := range class {
		old := first[a].Before(start.Add(15 * time.Minute))
		late := first[a].After(start.Add(time.Hour))
		switch {
		case camp[c] && old:
			oldC++
		case camp[c] && late:
			newC++
		case !camp[c] && old:
			oldL++
		case !camp[c] && late:
			newL++
		}
	}
	if oldL < 20 || newL < 20 || oldC < 5 || newC < 20 {
		t.Errorf("old/new legitimate %d/%d, campaign %d/%d", oldL, newL, oldC, newC)
	}
}

// One key pool carries the reseller's customers and its harvest.
func TestResellerPoolCarriesBoth(t *testing.T) {
	t.Parallel()
	d := read(t)
	classes := map[string]map[string]bool{}
	ips := map[string]bool{}
	for i, l := range d.labels {
		if !strings.HasPrefix(l.Account, ResellerPrefix) {
			continue
		}
		if classes[l.Account] == nil {
			classes[l.Account] = map[string]bool{}
		}
		classes[l.Account][l.Class] = true
		ips[d.recs[i].IP] = true
	}
	both := 0
	for _, c := range classes {
		if c["reseller_customer"] && c["reseller_harvest"] {
			both++
		}
	}
	if both < len(classes)/2 || len(ips) > 3 {
		t.Errorf("%d of %d pool keys carry both classes; %d addresses", both, len(classes), len(ips))
	}
}

// The hospital gateway's many keys leave from one /28; the popular tool's
// clinics share one system prompt and client.
func TestSharedInfrastructure(t *testing.T) {
	t.Parallel()
	d := read(t)
	gwKeys := map[string]bool{}
	intake := map[string]bool{}
	uas := map[string]bool{}
	for i, r := range d.recs {
		switch d.labels[i].Class {
		case "hospital_gateway":
			if !strings.HasPrefix(r.IP, "199.102.226.") {
				t.Fatalf("gateway request from %s", r.IP)
			}
			gwKeys[d.labels[i].Account] = true
		case "intake_bot":
			if !strings.Contains(string(r.Body), `"content":"You are the FrontDoor Intake assistant`) {
				t.Fatalf("intake body without the shared prompt: %.200s", r.Body)
			}
			ua, _ := gentest.Header(r.Headers, "user-agent")
			uas[ua] = true
			intake[d.labels[i].Account] = true
		}
	}
	if len(gwKeys) < 20 || len(intake) < 50 || len(uas) != 1 {
		t.Errorf("%d gateway keys, %d intake clinics, %d intake user agents", len(gwKeys), len(intake), len(uas))
	}
}

// The pivot campaign moves to halcyon-4.5 after the release, the
// log-probability campaign asks for one token and sweeps logit_bias.
func TestCampaignShapes(t *testing.T) {
	t.Parallel()
	d := read(t)
	cfg := Small(1)
	release := cfg.Start.Add(cfg.Release)
	for i, r := range d.recs {
		var b map[string]any
		switch d.labels[i].Class {
		case "pivot":
			_ = json.Unmarshal(r.Body, &b)
			m := b["model"].(string)
			if r.TS.Before(release) && m != mFlag || r.TS.After(release.Add(45*time.Minute)) && m != mNew {
				t.Fatalf("pivot request at %s on %s", r.TS, m)
			}
		case "logprob":
			_ = json.Unmarshal(r.Body, &b)
			lb, _ := b["logit_bias"].(map[string]any)
			if b["max_tokens"].(float64) != 1 || len(lb) < 200 {
				t.Fatalf("logprob body %.300s", r.Body)
			}
		}
	}
}
