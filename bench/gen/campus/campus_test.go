package campus

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

func TestConfigs(t *testing.T) {
	f, s := Full(7), Small(7)
	if f.Span != 6*time.Hour || s.Span != f.Span || f.Release <= 0 || f.Release >= f.Span {
		t.Errorf("windows: full %v, small %v, release %v", f.Span, s.Span, f.Release)
	}
	if f.Scale != 1 || s.Scale >= f.Scale || f.Seed != 7 {
		t.Errorf("scales: full %v, small %v", f.Scale, s.Scale)
	}
}

// credential returns the API key a record carries.
func credential(r tracefmt.Record) string {
	if k, n := gentest.Header(r.Headers, "x-api-key"); n == 1 {
		return k
	}
	a, _ := gentest.Header(r.Headers, "authorization")
	return strings.TrimPrefix(a, "Bearer ")
}

func TestRecords(t *testing.T) {
	tr := small(t)
	recs, labels := gentest.ReadBack(t, tr)
	cfg := Small(1)
	if len(recs) < 20000 || len(recs) > 50000 {
		t.Errorf("%d records in the small trace, want 20000-50000", len(recs))
	}
	// The reseller's two classes share its keys, so that its accounts are
	// named after the reseller, not after either class: they are checked
	// apart from gentest's account rules.
	var rs, other []tracefmt.Record
	var rsl, otherl []tracefmt.Label
	for i, l := range labels {
		if strings.HasPrefix(l.Class, "reseller_") {
			rs, rsl = append(rs, recs[i]), append(rsl, l)
		} else {
			other, otherl = append(other, recs[i]), append(otherl, l)
		}
	}
	classes := Classes()
	rest := map[string]bool{}
	for c, camp := range classes {
		if !strings.HasPrefix(c, "reseller_") {
			rest[c] = camp
		}
	}
	spec := gentest.Spec{Classes: rest, Start: cfg.Start, End: cfg.Start.Add(cfg.Span),
		Paths: []string{"/v1/chat/completions", "/v1/responses", "/v1/completions", "/v1/messages"}}
	gentest.CheckRecords(t, other, otherl, spec)
	for _, c := range []string{"reseller_customer", "reseller_harvest"} {
		spec.Classes = map[string]bool{c: classes[c]}
		var cr []tracefmt.Record
		var cl []tracefmt.Label
		for i, l := range rsl {
			if l.Class == c {
				l.Account = c + "-" + strings.TrimPrefix(l.Account, "reseller-")
				cr, cl = append(cr, rs[i]), append(cl, l)
			}
		}
		gentest.CheckRecords(t, cr, cl, spec)
	}

	// One credential per account across the whole trace, and no two
	// accounts sharing one; campaign flags match the class list.
	byAcct, byKey := map[string]string{}, map[string]string{}
	span := map[string][2]time.Time{}
	keyClasses := map[string]map[string]bool{}
	for i, r := range recs {
		l := labels[i]
		if l.Campaign != classes[l.Class] {
			t.Fatalf("line %d: campaign %v for class %s", i+1, l.Campaign, l.Class)
		}
		k := credential(r)
		if prev, ok := byAcct[l.Account]; ok && prev != k {
			t.Fatalf("account %s has two keys", l.Account)
		}
		if prev, ok := byKey[k]; ok && prev != l.Account {
			t.Fatalf("accounts %s and %s share a key", prev, l.Account)
		}
		byAcct[l.Account], byKey[k] = k, l.Account
		s, ok := span[l.Class]
		if !ok {
			s[0] = r.TS
		}
		s[1] = r.TS
		span[l.Class] = s
		if keyClasses[l.Account] == nil {
			keyClasses[l.Account] = map[string]bool{}
		}
		keyClasses[l.Account][l.Class] = true
	}
	for c, camp := range classes {
		if s := span[c]; camp && s[1].Sub(s[0]) <= time.Hour {
			t.Errorf("campaign %s spans only %v", c, s[1].Sub(s[0]))
		}
	}
	shared := 0
	for a, cs := range keyClasses {
		if strings.HasPrefix(a, "reseller-") && cs["reseller_harvest"] && cs["reseller_customer"] {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no reseller key carries both customers and the harvest")
	}
}

func TestShapes(t *testing.T) {
	cfg := Small(1)
	recs, labels := gentest.ReadBack(t, small(t))
	release := cfg.Start.Add(cfg.Release)
	uas := map[string]map[string]bool{}
	churn := map[string][2]time.Time{}
	newEarly := map[string]time.Time{} // first use of the new model per class
	for i, r := range recs {
		l := labels[i]
		body := string(r.Body)
		ua, _ := gentest.Header(r.Headers, "user-agent")
		if uas[l.Class] == nil {
			uas[l.Class] = map[string]bool{}
		}
		uas[l.Class][ua] = true
		usesNew := strings.Contains(body, `"model":"`+NewModel+`"`)
		if usesNew && r.TS.Before(release) {
			t.Fatalf("line %d: %s before its release", i+1, NewModel)
		}
		if usesNew {
			if _, ok := newEarly[l.Class]; !ok {
				newEarly[l.Class] = r.TS
			}
		}
		switch l.Class {
		case "logprob":
			if !strings.Contains(body, `"max_tokens":1,`) || strings.Count(body, ":100") < 200 {
				t.Fatalf("line %d: logprob request without its shape: %.200s", i+1, body)
			}
		case "pivot":
			if r.TS.After(release.Add(12*time.Minute)) && !usesNew {
				t.Fatalf("line %d: pivot account still on the old model after the switch", i+1)
			}
		case "churn":
			s, ok := churn[l.Account]
			if !ok {
				s[0] = r.TS
			}
			s[1] = r.TS
			churn[l.Account] = s
		}
	}
	if len(uas["naive"]) != 1 || len(uas["lms_plugin"]) != 1 || len(uas["disguised"]) < 4 {
		t.Errorf("client stacks: naive %d, lms_plugin %d, disguised %d user-agents", len(uas["naive"]), len(uas["lms_plugin"]), len(uas["disguised"]))
	}
	for a, s := range churn {
		if s[1].Sub(s[0]) > 45*time.Minute {
			t.Errorf("churn account %s lives %v", a, s[1].Sub(s[0]))
		}
	}
	// Legitimate users migrate too, some of them quickly.
	for _, c := range []string{"pivot", "tutoring_app", "eval_research", "personal_chat"} {
		first, ok := newEarly[c]
		if !ok {
			t.Errorf("%s never uses %s", c, NewModel)
			continue
		}
		if c != "personal_chat" && first.Sub(release) > time.Hour {
			t.Errorf("%s first uses %s %v after its release", c, NewModel, first.Sub(release))
		}
	}
}
