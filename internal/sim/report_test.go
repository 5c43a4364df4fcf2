package sim_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
)

var t0 = time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC)

type fix struct {
	id, account string
	class       sim.Class
	at          time.Duration
	action      string
}

func fixture(rows []fix) ([]sim.Label, []sim.Decision) {
	var labels []sim.Label
	var decs []sim.Decision
	for _, r := range rows {
		labels = append(labels, sim.Label{RequestID: r.id, Class: r.class, Campaign: r.class.Campaign(), Account: r.account})
		if r.action != "" {
			decs = append(decs, sim.Decision{TS: t0.Add(r.at), RequestID: r.id, Action: r.action})
		}
	}
	return labels, decs
}

func TestEvaluateArithmetic(t *testing.T) {
	t.Parallel()
	labels, decs := fixture([]fix{
		// naive: starts at 10m; first hit at 40m; after 1h10m: 1 of 3 allowed
		{"n1", "a", sim.Naive, 10 * time.Minute, "allow"},
		{"n2", "b", sim.Naive, 20 * time.Minute, "allow"},
		{"n3", "a", sim.Naive, 40 * time.Minute, "throttle"},
		{"n4", "b", sim.Naive, 70 * time.Minute, "block"},
		{"n5", "c", sim.Naive, 80 * time.Minute, "allow"},
		{"n6", "a", sim.Naive, 90 * time.Minute, "degrade"},
		// human chat: one throttled of four, no block
		{"h1", "x", sim.HumanChat, 0, "allow"},
		{"h2", "x", sim.HumanChat, time.Minute, "throttle"},
		{"h3", "y", sim.HumanChat, 2 * time.Minute, "allow"},
		{"h4", "z", sim.HumanChat, 3 * time.Minute, "allow"},
		// enterprise: one block, one error, one missing decision
		{"e1", "k1", sim.Enterprise, 0, "allow"},
		{"e2", "k2", sim.Enterprise, time.Minute, "block"},
		{"e3", "k3", sim.Enterprise, 2 * time.Minute, "error"},
		{"e4", "k4", sim.Enterprise, 3 * time.Minute, ""},
		// reseller customer: not in the legitimate total
		{"c1", "r", sim.ResellerCustomer, 0, "throttle"},
	})
	decs = append(decs, sim.Decision{TS: t0, RequestID: "stray", Action: "allow"})
	rep := sim.Evaluate(labels, decs)

	n, ok := rep.Class(sim.Naive)
	if !ok {
		t.Fatal("no naive row")
	}
	want := sim.ClassStats{Class: sim.Naive, Campaign: true, Requests: 6, Allowed: 3, NotAllowed: 3, Blocked: 1,
		Accounts: 3, AccountsAffected: 2, AccountsBlocked: 1, AfterHour: 3, AllowedAfterHour: 1,
		Start: t0.Add(10 * time.Minute), FirstHit: t0.Add(40 * time.Minute)}
	if n != want {
		t.Errorf("naive:\n got %+v\nwant %+v", n, want)
	}
	if d, ok := n.TimeToDetect(); !ok || d != 30*time.Minute {
		t.Errorf("time to detect %v %v, want 30m", d, ok)
	}
	if got := n.LeakAfterHour(); got != 1.0/3 {
		t.Errorf("leak after hour %v", got)
	}
	if got := n.Leak(); got != 0.5 {
		t.Errorf("leak %v", got)
	}

	l := rep.Legit
	if l.Requests != 7 || l.NotAllowed != 2 || l.Blocked != 1 || l.Errors != 1 || l.Accounts != 6 || l.AccountsBlocked != 1 || l.AccountsAffected != 2 {
		t.Errorf("legit: %+v", l)
	}
	if rep.Missing != 1 || rep.Unlabelled != 1 {
		t.Errorf("missing %d unlabelled %d", rep.Missing, rep.Unlabelled)
	}
	var order []string
	for _, c := range rep.Classes {
		order = append(order, string(c.Class))
	}
	if got := strings.Join(order, " "); got != "human_chat enterprise reseller_customer naive" {
		t.Errorf("order %s", got)
	}

	v := rep.Check(sim.DefaultTargets())
	for _, frag := range []string{
		"1 labelled requests have no decision",
		"enterprise: 1 requests ended in error",
		"naive: leak after the first hour 33.33% > 2.00%",
		"enterprise: 33.33% not allowed > 0.50%",
		"reseller_customer: 100.00% not allowed > 10.00%",
		"legitimate: 28.57% not allowed > 0.10%",
		"legitimate: 1 accounts blocked > 0",
	} {
		if !strings.Contains(strings.Join(v, "\n"), frag) {
			t.Errorf("Check misses %q; got:\n%s", frag, strings.Join(v, "\n"))
		}
	}
	if len(v) != 7 {
		t.Errorf("Check: %d violations, want 7:\n%s", len(v), strings.Join(v, "\n"))
	}

	var buf bytes.Buffer
	rep.System = "fixture"
	if err := rep.Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "| naive | 6 | 50.00% | 16.67% | 2 / 3 | 50.00% | 33.33% | 30m0s |") {
		t.Errorf("markdown:\n%s", buf.String())
	}
}

func TestCheckPasses(t *testing.T) {
	t.Parallel()
	labels, decs := fixture([]fix{
		{"n1", "a", sim.Naive, 0, "allow"},
		{"n2", "a", sim.Naive, 2 * time.Hour, "block"},
		{"h1", "x", sim.HumanChat, 0, "allow"},
		{"rh", "r", sim.ResellerHarvest, 0, "throttle"},
		{"rc", "r", sim.ResellerCustomer, 0, "allow"},
	})
	rep := sim.Evaluate(labels, decs)
	if v := rep.Check(sim.DefaultTargets()); len(v) != 0 {
		t.Errorf("violations: %v", v)
	}
}

func TestBaselines(t *testing.T) {
	t.Parallel()
	var reqs []sim.Request
	// 70 requests in one second on one key and one address, then one a
	// minute later: 60 pass (the burst), 10 throttled, the last passes.
	for i := 0; i < 70; i++ {
		reqs = append(reqs, sim.Request{TS: t0.Add(time.Duration(i) * 10 * time.Millisecond), RequestID: "r", Key: "k", IP: "1.2.3.4"})
	}
	reqs = append(reqs, sim.Request{TS: t0.Add(time.Minute), Key: "k", IP: "1.2.3.4"})
	count := func(ds []sim.Decision) (allowed int) {
		for _, d := range ds {
			if d.Action == sim.ActionAllow {
				allowed++
			}
		}
		return
	}
	if got := count(sim.PerKey(reqs, 60)); got != 61 {
		t.Errorf("per key: %d allowed, want 61", got)
	}
	if got := count(sim.PerIP(reqs, 600)); got != 71 {
		t.Errorf("per IP: %d allowed, want 71", got)
	}
}

func TestReadRoundTrip(t *testing.T) {
	t.Parallel()
	s := sim.Demo()
	s.Duration = 5 * time.Minute
	var trace, labels bytes.Buffer
	var line []byte
	err := sim.Generate(s, func(r sim.Record, l sim.Label) error {
		line = append(r.AppendJSON(line[:0]), '\n')
		trace.Write(line)
		labels.WriteString(`{"request_id":"` + l.RequestID + `","class":"` + string(l.Class) + `","campaign":false,"account":"` + l.Account + "\"}\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	reqs, err := sim.ReadTrace(&trace)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := sim.ReadLabels(&labels)
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) == 0 || len(reqs) != len(ls) {
		t.Fatalf("%d requests, %d labels", len(reqs), len(ls))
	}
	for i, r := range reqs {
		if r.Key == "" || r.IP == "" || r.RequestID != ls[i].RequestID || r.TS.IsZero() {
			t.Fatalf("request %d: %+v", i, r)
		}
	}
}
