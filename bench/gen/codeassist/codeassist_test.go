package codeassist

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// small is the Small trace of seed 1, shared by the tests.
var small = gentest.Once(Write, Small(1))

var (
	readOnce   sync.Once
	readRecs   []tracefmt.Record
	readLabels []tracefmt.Label
)

// readSmall returns the Small trace read back strictly, read once.
func readSmall(t *testing.T) ([]tracefmt.Record, []tracefmt.Label) {
	readOnce.Do(func() { readRecs, readLabels = gentest.ReadBack(t, small(t)) })
	if readRecs == nil {
		t.Fatal("the small trace did not read back")
	}
	return readRecs, readLabels
}

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, Write, small(t), Small(1), Small(2))
}

var ja4RE = regexp.MustCompile(`^t13d[0-9]{4}h[12]_[0-9a-f]{12}_[0-9a-f]{12}$`)

// TestRecords holds the Small trace to the shared contract checks. The
// reseller's customers are sent through the reseller's own keys, so their
// labels carry the reseller's account names; for the shared check (one
// credential per account, account named after its class) they are counted
// with the reseller.
func TestRecords(t *testing.T) {
	recs, labels := readSmall(t)
	classes := Classes()
	merged := map[string]bool{}
	for c, camp := range classes {
		if c != "reseller_customer" {
			merged[c] = camp
		}
	}
	shared := make([]tracefmt.Label, len(labels))
	customers := 0
	for i, l := range labels {
		if l.Class == "reseller_customer" {
			if l.Campaign || !strings.HasPrefix(l.Account, "reseller_harvest-") {
				t.Fatalf("line %d: bad reseller customer label %+v", i+1, l)
			}
			customers++
			l.Class, l.Campaign = "reseller_harvest", true
		}
		shared[i] = l
	}
	if customers == 0 {
		t.Error("class reseller_customer absent")
	}
	cfg := Small(1)
	gentest.CheckRecords(t, recs, shared, gentest.Spec{
		Classes: merged,
		Start:   cfg.Start, End: cfg.Start.Add(cfg.Span),
		Min: 20000, Max: 50000,
		Paths: []string{pChat, pResponses, pComplete, pMessages},
		Check: func(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
			if !ja4RE.MatchString(r.JA4) {
				return fmt.Errorf("ja4 %q", r.JA4)
			}
			if m := body["model"].(string); strings.HasPrefix(m, "cobalt-3") && r.TS.Before(cfg.Start.Add(relOffset)) {
				return fmt.Errorf("%s used before its release", m)
			}
			return nil
		},
	})
}

// TestClassesAndSpans checks the class list and that every campaign runs for
// more than an hour of the window, on more than one account.
func TestClassesAndSpans(t *testing.T) {
	recs, labels := readSmall(t)
	want := []string{"naive", "disguised", "reseller_harvest", "logprob", "agentic", "churn", "pivot", "low_slow"}
	classes := Classes()
	for _, c := range want {
		if !classes[c] {
			t.Errorf("campaign class %s missing or not a campaign", c)
		}
	}
	legit := 0
	for _, c := range classes {
		if !c {
			legit++
		}
	}
	if legit < 8 {
		t.Errorf("%d legitimate classes", legit)
	}
	first, last := map[string]time.Time{}, map[string]time.Time{}
	accts := map[string]map[string]bool{}
	campaign := 0
	for i, r := range recs {
		c := labels[i].Class
		if _, ok := first[c]; !ok {
			first[c] = r.TS
			accts[c] = map[string]bool{}
		}
		last[c] = r.TS
		accts[c][labels[i].Account] = true
		if labels[i].Campaign {
			campaign++
		}
	}
	for _, c := range want {
		if span := last[c].Sub(first[c]); span <= time.Hour {
			t.Errorf("campaign %s spans %s", c, span)
		}
		if len(accts[c]) < 2 {
			t.Errorf("campaign %s has %d accounts", c, len(accts[c]))
		}
	}
	if 2*campaign >= len(recs) {
		t.Errorf("%d of %d records are campaign records; legitimate traffic must be the majority", campaign, len(recs))
	}
}

// TestWorld checks properties the classes are built to have.
func TestWorld(t *testing.T) {
	recs, labels := readSmall(t)
	cfg := Small(1)
	release := cfg.Start.Add(relOffset)
	type stat struct{ before, after, newAfter int }
	models := map[string]*stat{}
	harvestKeys, customerKeys := map[string]bool{}, map[string]bool{}
	churnFirst := map[string]time.Time{}
	churnLast := map[string]time.Time{}
	var lpShape, hackIPs int
	hackNets := map[string]int{}
	for i, r := range recs {
		l := labels[i]
		var body struct {
			Model       string         `json:"model"`
			MaxTok      int            `json:"max_completion_tokens"`
			Temperature *float64       `json:"temperature"`
			TopLogprobs int            `json:"top_logprobs"`
			LogitBias   map[string]int `json:"logit_bias"`
			N           int            `json:"n"`
		}
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatal(err)
		}
		s := models[l.Class]
		if s == nil {
			s = &stat{}
			models[l.Class] = s
		}
		isNew := strings.HasPrefix(body.Model, "cobalt-3")
		if r.TS.Before(release) {
			s.before++
		} else {
			s.after++
			if isNew {
				s.newAfter++
			}
		}
		switch l.Class {
		case "reseller_harvest":
			harvestKeys[l.Account] = true
		case "reseller_customer":
			customerKeys[l.Account] = true
		case "churn":
			if _, ok := churnFirst[l.Account]; !ok {
				churnFirst[l.Account] = r.TS
			}
			churnLast[l.Account] = r.TS
		case "logprob":
			if r.Path == pChat && body.MaxTok == 1 && body.TopLogprobs == 20 && len(body.LogitBias) >= 100 {
				lpShape++
			}
		case "hackathon":
			hackNets[r.IP]++
			hackIPs++
		}
	}
	// The new model: the pivot moves almost entirely, legitimate users
	// migrate too, and some of them quickly.
	if p := models["pivot"]; p.newAfter*10 < p.after*8 {
		t.Errorf("pivot: %d of %d requests after the release on the new model", p.newAfter, p.after)
	}
	for _, c := range []string{"terminal_agent", "eval_team", "hackathon"} {
		if p := models[c]; p.newAfter*5 < p.after {
			t.Errorf("%s: only %d of %d requests after the release on the new model", c, p.newAfter, p.after)
		}
	}
	// The reseller harvests through the keys its customers use.
	sharedKeys := 0
	for k := range harvestKeys {
		if customerKeys[k] {
			sharedKeys++
		}
	}
	if sharedKeys < 3 {
		t.Errorf("reseller: %d keys carry both customers and harvest", sharedKeys)
	}
	// Churn accounts live briefly.
	for a, f := range churnFirst {
		if d := churnLast[a].Sub(f); d > 3*time.Hour {
			t.Errorf("churn account %s lived %s", a, d)
		}
	}
	if len(churnFirst) < 10 {
		t.Errorf("%d churn accounts", len(churnFirst))
	}
	if lpShape == 0 {
		t.Error("no log-probability extraction requests of the classic shape")
	}
	top := 0
	for _, n := range hackNets {
		if n > top {
			top = n
		}
	}
	if 3*top < hackIPs {
		t.Errorf("hackathon: busiest address sends %d of %d requests; the venue has two", top, hackIPs)
	}
}

func TestBadConfig(t *testing.T) {
	for _, cfg := range []Config{{Span: 0, Scale: 1}, {Span: time.Hour, Scale: 0}} {
		if _, err := Write(cfg, io.Discard, io.Discard); err == nil {
			t.Errorf("%+v: no error", cfg)
		}
	}
}

// TestFullSize generates the Full trace, which takes a while and half a
// gigabyte of output; it runs only with CODEASSIST_FULL=1.
func TestFullSize(t *testing.T) {
	if os.Getenv("CODEASSIST_FULL") == "" {
		t.Skip("set CODEASSIST_FULL=1 to generate the Full trace")
	}
	var lb bytes.Buffer
	n, err := Write(Full(1), io.Discard, &lb)
	if err != nil {
		t.Fatal(err)
	}
	if n < 60000 || n > 200000 {
		t.Errorf("Full: %d records", n)
	}
	if s := small(t).N; 4*s > 2*n || 4*s < n {
		t.Errorf("Small %d records, Full %d: not about a third", s, n)
	}
}
