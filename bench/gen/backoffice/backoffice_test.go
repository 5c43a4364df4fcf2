package backoffice_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/gen/backoffice"
	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

var small = gentest.Once(backoffice.Write, backoffice.Small(1))

var paths = []string{"/v1/chat/completions", "/v1/responses", "/v1/completions", "/v1/messages"}

var campaignClasses = []string{"naive", "disguised", "reseller_harvest", "logprob", "agentic", "churn", "pivot", "low_slow"}

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, backoffice.Write, small(t), backoffice.Small(1), backoffice.Small(2))
}

func TestClasses(t *testing.T) {
	cl := backoffice.Classes()
	for _, c := range campaignClasses {
		if !cl[c] {
			t.Errorf("campaign class %s missing or not a campaign", c)
		}
	}
	legit := 0
	for c, camp := range cl {
		if !camp {
			legit++
			if strings.Contains(c, "harvest") {
				t.Errorf("legitimate class %s", c)
			}
		}
	}
	if legit < 8 || cl["reseller_customer"] {
		t.Errorf("%d legitimate classes, reseller_customer %v", legit, cl["reseller_customer"])
	}
}

// TestRecords holds the small trace to the shared contract. The reseller's
// keys carry both reseller classes, so its records are checked apart:
// gentest wants one class per credential.
func TestRecords(t *testing.T) {
	tr := small(t)
	if tr.N > 50000 || len(tr.Trace) > 60<<20 {
		t.Errorf("small trace: %d records, %d bytes", tr.N, len(tr.Trace))
	}
	recs, labels := gentest.ReadBack(t, tr)
	start, end := backoffice.Window(backoffice.Small(1))
	classes := backoffice.Classes()
	var rest []tracefmt.Record
	var restL []tracefmt.Label
	resellerKey := map[string]map[string]bool{} // credential -> classes
	for i, r := range recs {
		l := labels[i]
		if strings.HasPrefix(l.Class, "reseller_") {
			if !strings.HasPrefix(l.Account, "reseller-") {
				t.Fatalf("line %d: reseller account %q", i+1, l.Account)
			}
			k, _ := gentest.Header(r.Headers, "authorization")
			if k == "" {
				k, _ = gentest.Header(r.Headers, "x-api-key")
			}
			if resellerKey[k] == nil {
				resellerKey[k] = map[string]bool{}
			}
			resellerKey[k][l.Class] = true
			continue
		}
		rest, restL = append(rest, r), append(restL, l)
	}
	delete(classes, "reseller_customer")
	delete(classes, "reseller_harvest")
	spec := gentest.Spec{Classes: classes, Start: start, End: end, Paths: paths, Check: checkDialect}
	gentest.CheckRecords(t, rest, restL, spec)
	shared := 0
	for _, cs := range resellerKey {
		if cs["reseller_customer"] && cs["reseller_harvest"] {
			shared++
		}
	}
	if shared < len(resellerKey)/2 {
		t.Errorf("only %d of %d reseller keys carry both customers and harvest", shared, len(resellerKey))
	}
	for i, r := range recs {
		if err := checkDialect(r, labels[i], nil); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
	}
}

// checkDialect: Anthropic keys only on /v1/messages, a ja4 that looks
// like one, and each body's knobs where the API has them.
func checkDialect(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
	auth, _ := gentest.Header(r.Headers, "authorization")
	key, _ := gentest.Header(r.Headers, "x-api-key")
	if (r.Path == "/v1/messages") != strings.HasPrefix(key, "sk-ant-") || strings.HasPrefix(auth, "Bearer sk-ant-") {
		return fmt.Errorf("%s: dialect and key disagree", r.Path)
	}
	if r.JA4 != "" && (len(r.JA4) != 36 || r.JA4[10] != '_' || r.JA4[23] != '_') {
		return fmt.Errorf("ja4 %q", r.JA4)
	}
	if body != nil {
		if _, ok := body["top_logprobs"]; ok && r.Path != "/v1/chat/completions" {
			return fmt.Errorf("top_logprobs on %s", r.Path)
		}
		if _, ok := body["thinking"]; ok && r.Path != "/v1/messages" {
			return fmt.Errorf("thinking on %s", r.Path)
		}
	}
	return nil
}

func TestTimeline(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	cfg := backoffice.Small(1)
	release := backoffice.Release(cfg)
	first, last := map[string]time.Time{}, map[string]time.Time{}
	newModelUsers := map[string]int{}
	perAccount := map[string]int{}
	for i, r := range recs {
		c := labels[i].Class
		if _, ok := first[c]; !ok {
			first[c] = r.TS
		}
		last[c] = r.TS
		perAccount[labels[i].Account]++
		if strings.Contains(string(r.Body), `"model":"gpt-5.5"`) {
			if r.TS.Before(release) {
				t.Fatalf("line %d: the new model before its release", i+1)
			}
			newModelUsers[c]++
		}
	}
	for _, c := range campaignClasses {
		if d := last[c].Sub(first[c]); d < 5*time.Hour {
			t.Errorf("campaign %s spans %s", c, d)
		}
	}
	if newModelUsers["pivot"] == 0 {
		t.Error("the pivot campaign never uses the new model")
	}
	legit := 0
	for c, n := range newModelUsers {
		if !backoffice.Classes()[c] && n > 0 {
			legit++
		}
	}
	if legit < 4 {
		t.Errorf("only %d legitimate classes migrate to the new model: %v", legit, newModelUsers)
	}
	// Campaign accounts stay under per-key limits: even the busiest sends
	// well under two requests a minute on average.
	for a, n := range perAccount {
		for _, c := range []string{"naive-", "disguised-", "low_slow-", "churn-", "agentic-", "pivot-"} {
			if strings.HasPrefix(a, c) && n > 6*120 {
				t.Errorf("account %s sent %d requests", a, n)
			}
		}
	}
}

// TestFull checks the full trace's bounds; it writes 170 MB, so it runs
// only when BACKOFFICE_FULL is set.
func TestFull(t *testing.T) {
	if os.Getenv("BACKOFFICE_FULL") == "" {
		t.Skip("set BACKOFFICE_FULL=1 to generate the full trace")
	}
	tr := gentest.Generate(t, backoffice.Write, backoffice.Full(1))
	if tr.N < 60000 || tr.N > 200000 {
		t.Errorf("full trace: %d records", tr.N)
	}
	if n := small(t).N; n*5 < tr.N || n*2 > tr.N {
		t.Errorf("small %d records for full %d", n, tr.N)
	}
}
