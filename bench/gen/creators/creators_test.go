package creators

import (
	"bytes"
	"encoding/json"
	"fmt"
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

func TestSize(t *testing.T) {
	tr := small(t)
	if tr.N < 20000 || tr.N > 50000 {
		t.Errorf("small trace: %d records, want 20,000-50,000", tr.N)
	}
	if len(tr.Trace) > 60<<20 {
		t.Errorf("small trace: %d bytes, want at most 60 MB", len(tr.Trace))
	}
}

var paths = []string{pChat, pResp, pCompl, pAnthMs}

// TestRecords holds the trace to gentest's checks. The reseller's keys
// carry both its customers' requests and its harvest, so its two classes
// share accounts: they are checked each on its own, with the class
// prefixed to the account name as gentest expects.
func TestRecords(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	cfg := Small(1)
	classes := Classes()
	reseller := map[string]bool{"reseller_customer": true, "reseller_harvest": true}
	subsets := map[string]*struct {
		recs   []tracefmt.Record
		labels []tracefmt.Label
	}{}
	for i, l := range labels {
		key := "rest"
		if reseller[l.Class] {
			key = l.Class
			l.Account = l.Class + "-" + l.Account
		}
		s := subsets[key]
		if s == nil {
			s = &struct {
				recs   []tracefmt.Record
				labels []tracefmt.Label
			}{}
			subsets[key] = s
		}
		s.recs, s.labels = append(s.recs, recs[i]), append(s.labels, l)
	}
	for key, s := range subsets {
		cls := map[string]bool{}
		for c, camp := range classes {
			if (key == "rest" && !reseller[c]) || c == key {
				cls[c] = camp
			}
		}
		gentest.CheckRecords(t, s.recs, s.labels, gentest.Spec{Classes: cls, Start: cfg.Start, End: cfg.End(), Paths: paths, Check: checkRecord})
	}
	if len(subsets) != 3 {
		t.Errorf("%d subsets, want 3", len(subsets))
	}
}

// checkRecord checks what this generator promises beyond gentest's
// checks: a known model, the new model only after its release, and the
// log-probability shape on every chat request of the logprob class.
func checkRecord(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
	m, _ := body["model"].(string)
	switch m {
	case mSonnet, mHaiku, mOpus, mGPT41, mGPT41m, mGPT4om, mO4m, mInstruct:
	case newModel:
		if rel := newGen(Small(1)).release; r.TS.Before(rel) {
			return fmt.Errorf("%s used at %s, before its release at %s", m, r.TS, rel)
		}
	default:
		return fmt.Errorf("unknown model %q", m)
	}
	if l.Class == "logprob" && r.Path == pChat {
		if body["logprobs"] != true || body["max_tokens"] != 1.0 || body["temperature"] != 0.0 {
			return fmt.Errorf("logprob request without the extraction shape: %v", body)
		}
	}
	if ua, _ := gentest.Header(r.Headers, "user-agent"); strings.Contains(ua, "Python") && r.JA4 == "" {
		return fmt.Errorf("an SDK request without a TLS print")
	}
	return nil
}

// TestCampaignSpans checks that every campaign runs for more than an hour
// and that each class has the shape its documentation promises.
func TestCampaignSpans(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	first, last := map[string]time.Time{}, map[string]time.Time{}
	accounts := map[string]map[string]bool{}
	newModelUsers := map[string]bool{}
	for i, r := range recs {
		c := labels[i].Class
		if _, ok := first[c]; !ok {
			first[c] = r.TS
		}
		last[c] = r.TS
		if accounts[c] == nil {
			accounts[c] = map[string]bool{}
		}
		accounts[c][labels[i].Account] = true
		if bytes.Contains(r.Body, []byte(`"model":"`+newModel+`"`)) {
			newModelUsers[c] = true
		}
	}
	for c, camp := range Classes() {
		if camp && last[c].Sub(first[c]) <= time.Hour {
			t.Errorf("campaign %s spans %s", c, last[c].Sub(first[c]))
		}
	}
	if !newModelUsers["pivot"] {
		t.Error("the pivot campaign never uses the new model")
	}
	if n := len(newModelUsers) - 1; n < 3 {
		t.Errorf("only %d legitimate classes migrate to the new model", n)
	}
	if n := len(accounts["churn"]); n < 30 {
		t.Errorf("churn: %d accounts", n)
	}
	// the reseller's harvest goes through its customers' keys
	for a := range accounts["reseller_harvest"] {
		if !accounts["reseller_customer"][a] {
			t.Errorf("reseller key %s carries no customer traffic", a)
		}
	}
}

// TestBodiesAreObjects re-decodes a few bodies strictly as JSON objects
// with no duplicate keys at the top level.
func TestBodiesAreObjects(t *testing.T) {
	recs, _ := gentest.ReadBack(t, small(t))
	for i := 0; i < len(recs); i += 97 {
		dec := json.NewDecoder(bytes.NewReader(recs[i].Body))
		tok, err := dec.Token()
		if err != nil || tok != json.Delim('{') {
			t.Fatalf("record %d: body does not start an object", i)
		}
		seen := map[string]bool{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			if seen[k.(string)] {
				t.Fatalf("record %d: key %q twice", i, k)
			}
			seen[k.(string)] = true
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
		}
	}
}
