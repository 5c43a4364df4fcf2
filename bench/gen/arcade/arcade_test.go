package arcade

import (
	"bytes"
	"fmt"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

const testSeed = 7

// testConfig is the trace the package's tests check: Small's window and
// release with smaller populations, so that the race detector's run stays
// short. (TestSmall writes Small itself.)
func testConfig(seed uint64) Config {
	c := Small(seed)
	c.Scale = 0.03
	return c
}

var testTrace = gentest.Once(Write, testConfig(testSeed))

// rec is one record with its label and decoded body.
type rec struct {
	r    tracefmt.Record
	l    tracefmt.Label
	body map[string]any
}

var decoded struct {
	once sync.Once
	recs []rec
}

// load reads the test trace back and checks it with gentest.CheckRecords,
// once, keeping every record with its label and decoded body.
func load(t *testing.T) []rec {
	t.Helper()
	decoded.once.Do(func() {
		recs, labels := gentest.ReadBack(t, testTrace(t))
		cfg := testConfig(testSeed)
		var out []rec
		gentest.CheckRecords(t, recs, labels, gentest.Spec{
			Classes: Classes(),
			Start:   cfg.Start,
			End:     cfg.Start.Add(cfg.Window),
			Min:     2000,
			Max:     50000,
			Paths:   []string{pathChat, pathMessages, pathCompletions},
			AccountPrefix: func(l tracefmt.Label) string {
				if l.Class == "reseller_customer" || l.Class == "reseller_harvest" {
					return "playmesh-k"
				}
				return l.Class + "-"
			},
			Check: func(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
				if !strings.HasPrefix(r.JA4, "t13d") {
					return fmt.Errorf("ja4 %q", r.JA4)
				}
				if _, err := netip.ParseAddr(r.IP); err != nil {
					return err
				}
				if m, _ := body["model"].(string); m == modelNew && r.TS.Before(cfg.Start.Add(cfg.Release)) {
					return fmt.Errorf("%s uses the new model before its release", l.Class)
				}
				out = append(out, rec{r: r, l: l, body: body})
				return nil
			},
		})
		if len(out) == len(recs) {
			decoded.recs = out
		}
	})
	if decoded.recs == nil {
		t.Fatal("the test trace did not pass its checks")
	}
	return decoded.recs
}

func of(recs []rec, class string) []rec {
	var out []rec
	for _, x := range recs {
		if x.l.Class == class {
			out = append(out, x)
		}
	}
	return out
}

func header(x rec, name string) string {
	v, _ := gentest.Header(x.r.Headers, name)
	return v
}

// system returns the system prompt of a body, either dialect.
func system(body map[string]any) string {
	switch s := body["system"].(type) {
	case string:
		return s
	case []any:
		var b strings.Builder
		for _, blk := range s {
			b.WriteString(blk.(map[string]any)["text"].(string))
		}
		return b.String()
	}
	if ms, ok := body["messages"].([]any); ok && len(ms) > 0 {
		if m := ms[0].(map[string]any); m["role"] == "system" {
			s, _ := m["content"].(string)
			return s
		}
	}
	return ""
}

func num(v any) float64 { f, _ := v.(float64); return f }

func TestRecords(t *testing.T) {
	load(t)
	if tr := testTrace(t); len(tr.Trace) > 60<<20 {
		t.Errorf("test trace of %d bytes", len(tr.Trace))
	}
}

// TestSmall holds the small trace that gentrace -small writes to its
// bounds: 5,000-50,000 records, at most 60 MB, 55-65% of them legitimate.
func TestSmall(t *testing.T) {
	tr := gentest.Generate(t, Write, Small(3))
	camp := bytes.Count(tr.Labels, []byte(`"campaign":true`))
	if tr.N < 5000 || tr.N > 50000 || len(tr.Trace) > 60<<20 || bytes.Count(tr.Labels, []byte("\n")) != tr.N {
		t.Errorf("small trace: %d records, %d bytes", tr.N, len(tr.Trace))
	}
	if share := 1 - float64(camp)/float64(tr.N); share < 0.55 || share > 0.65 {
		t.Errorf("legitimate share %.3f", share)
	}
}

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, Write, testTrace(t), testConfig(testSeed), testConfig(testSeed+1))
}

// planned is one request of a plan: what is decided before rendering.
type planned struct {
	at    time.Time
	class string
	acct  string
	ip    string
}

// plan plans cfg without rendering a body: population-level properties
// checked at the small trace's density, cheaply.
func plan(cfg Config) []planned {
	w := newWorld(cfg)
	var out []planned
	w.observe = func(at time.Time, q *req) {
		out = append(out, planned{at, q.class, q.acct.name, q.ip})
	}
	genkit.PlanAll(classList, w)
	return out
}

var (
	smallPlan = sync.OnceValue(func() []planned { return plan(Small(testSeed)) })
	fullPlan  = sync.OnceValue(func() []planned { return plan(Full(testSeed)) })
)

func TestLegitShare(t *testing.T) {
	for _, cfg := range []Config{Small(testSeed), Full(testSeed)} {
		ps := smallPlan()
		if cfg.Scale == 1 {
			ps = fullPlan()
		}
		legit := 0
		for _, p := range ps {
			if !Classes()[p.class] {
				legit++
			}
		}
		if share := float64(legit) / float64(len(ps)); share < 0.55 || share > 0.65 {
			t.Errorf("scale %g: legitimate share %.3f of %d", cfg.Scale, share, len(ps))
		}
		if cfg.Scale == 1 && (len(ps) < 60000 || len(ps) > 200000) {
			t.Errorf("full trace of %d records", len(ps))
		}
	}
}

// The naive hydra's accounts are all new (none before its first wave),
// share one client and one cheap VPS provider, four to an address, and
// send tens of requests, not hundreds.
func TestNaive(t *testing.T) {
	recs := of(load(t), "naive")
	cfg := testConfig(testSeed)
	first := map[string]time.Time{}
	count := map[string]int{}
	ips := map[string]bool{}
	for _, x := range recs {
		if _, ok := first[x.l.Account]; !ok {
			first[x.l.Account] = x.r.TS
		}
		count[x.l.Account]++
		ips[x.r.IP] = true
		if ua := header(x, "user-agent"); ua != "OpenAI/Python 1.54.4" || x.r.JA4 != ja4PyHTTPX {
			t.Fatalf("naive client %q %q", ua, x.r.JA4)
		}
		if !inPool(cheapVPS, x.r.IP) {
			t.Fatalf("naive address %s", x.r.IP)
		}
	}
	for a, f := range first {
		if f.Before(cfg.Start.Add(10 * time.Minute)) {
			t.Errorf("%s first seen at %s, before the first wave", a, f)
		}
		if count[a] > 20 {
			t.Errorf("%s sent %d requests", a, count[a])
		}
	}
	if len(ips) > len(first)/3 {
		t.Errorf("%d addresses for %d accounts", len(ips), len(first))
	}
}

func inPool(p *pool, ip string) bool {
	a := netip.MustParseAddr(ip)
	for _, pf := range append(append([]netip.Prefix{}, p.v4...), p.v6...) {
		if pf.Contains(a) {
			return true
		}
	}
	return false
}

// The game jam: every request from the venue, most accounts new at the
// workshop, every request with the kit's preamble, the exercise sheet
// sent word for word by many accounts.
func TestGameJam(t *testing.T) {
	recs := of(load(t), "game_jam")
	cfg := testConfig(testSeed)
	v6 := netip.MustParsePrefix("2001:638:30a:4e01::/64")
	first := map[string]time.Time{}
	sameBody := map[string]map[string]bool{}
	for _, x := range recs {
		if a := netip.MustParseAddr(x.r.IP); x.r.IP != "141.39.224.10" && x.r.IP != "141.39.224.11" && !v6.Contains(a) {
			t.Fatalf("jam request from %s", x.r.IP)
		}
		if !strings.HasPrefix(system(x.body), jamKitSystem) {
			t.Fatalf("jam request without the kit preamble: %.80q", system(x.body))
		}
		if _, ok := first[x.l.Account]; !ok {
			first[x.l.Account] = x.r.TS
		}
		k := string(x.r.Body)
		if sameBody[k] == nil {
			sameBody[k] = map[string]bool{}
		}
		sameBody[k][x.l.Account] = true
	}
	late := 0
	for _, f := range first {
		if !f.Before(cfg.Start.Add(65 * time.Minute)) {
			late++
		}
	}
	if late*10 < len(first)*7 {
		t.Errorf("%d of %d jam accounts first seen at the workshop", late, len(first))
	}
	shared := 0
	for _, accts := range sameBody {
		shared = max(shared, len(accts))
	}
	if shared < 5 {
		t.Errorf("the most shared jam body is sent by %d accounts", shared)
	}
}

// The mod: many accounts, one preamble (per version), one client, and
// homes everywhere.
func TestModPlayers(t *testing.T) {
	recs := of(load(t), "mod_players")
	accts, ips := map[string]bool{}, map[string]bool{}
	for _, x := range recs {
		if !strings.HasPrefix(header(x, "user-agent"), "Hearthtongue/2.") {
			t.Fatalf("mod client %q", header(x, "user-agent"))
		}
		if s := system(x.body); !strings.HasPrefix(s, hearthSystem241) && !strings.HasPrefix(s, hearthSystem237) {
			t.Fatalf("mod preamble %.60q", s)
		}
		accts[x.l.Account] = true
		ips[x.r.IP] = true
	}
	if want := 2600 * testConfig(testSeed).Scale; float64(len(accts)) < 0.9*want || len(ips) < len(accts)/2 {
		t.Errorf("%d mod accounts on %d addresses", len(accts), len(ips))
	}
}

// The carrier's NAT: addresses shared by unrelated accounts, of several
// classes (in the full trace: the small one has too few subscribers).
func TestCarrierNAT(t *testing.T) {
	accts := map[string]map[string]bool{}
	classes := map[string]bool{}
	for _, p := range fullPlan() {
		if inPool(carrierNAT, p.ip) {
			if accts[p.ip] == nil {
				accts[p.ip] = map[string]bool{}
			}
			accts[p.ip][p.class+" "+p.acct] = true
			classes[p.class] = true
		}
	}
	shared, mixed := 0, 0
	for _, as := range accts {
		if len(as) > 1 {
			shared++
		}
		cs := map[string]bool{}
		for a := range as {
			cs[strings.Fields(a)[0]] = true
		}
		if len(cs) > 1 {
			mixed++
		}
	}
	if len(classes) < 4 || shared < 20 || mixed < 5 {
		t.Errorf("carrier NAT: classes %v, %d addresses shared by several accounts, %d by several classes", classes, shared, mixed)
	}
}

// Log-probability extraction: one token at temperature 0 with the maximal
// log-probabilities, logit_bias over hundreds of ids, few prompts per
// account.
func TestLogprob(t *testing.T) {
	recs := of(load(t), "logprob")
	prompts := map[string]map[string]bool{}
	big := 0
	for _, x := range recs {
		b := x.body
		if num(b["max_tokens"]) != 1 || num(b["temperature"]) != 0 {
			t.Fatalf("logprob body %s", x.r.Body)
		}
		switch x.r.Path {
		case pathChat:
			if b["logprobs"] != true || num(b["top_logprobs"]) != 20 {
				t.Fatalf("logprob chat body %s", x.r.Body)
			}
		case pathCompletions:
			if num(b["logprobs"]) != 5 {
				t.Fatalf("logprob completions body %s", x.r.Body)
			}
		}
		if lb, _ := b["logit_bias"].(map[string]any); len(lb) >= 100 {
			big++
		}
		p, _ := b["prompt"].(string)
		if ms, ok := b["messages"].([]any); ok {
			p = ms[len(ms)-1].(map[string]any)["content"].(string)
		}
		if prompts[x.l.Account] == nil {
			prompts[x.l.Account] = map[string]bool{}
		}
		prompts[x.l.Account][p] = true
	}
	if big*2 < len(recs) {
		t.Errorf("%d of %d logprob requests bias 100+ tokens", big, len(recs))
	}
	for a, ps := range prompts {
		if len(ps) > 3 {
			t.Errorf("%s sent %d prompts", a, len(ps))
		}
	}
}

// The pivot: the old model before the release, the new one for every
// worker within an hour of it; legitimate classes move too.
func TestPivot(t *testing.T) {
	cfg := testConfig(testSeed)
	rel := cfg.Start.Add(cfg.Release)
	legitNew := map[string]bool{}
	for _, x := range load(t) {
		m, _ := x.body["model"].(string)
		if x.l.Class == "pivot" {
			if x.r.TS.After(rel.Add(55*time.Minute)) && m != modelNew {
				t.Fatalf("pivot on %s at %s", m, x.r.TS)
			}
			if x.r.TS.Before(rel.Add(20*time.Minute)) && m == modelNew {
				t.Fatalf("pivot on the new model at %s", x.r.TS)
			}
		} else if m == modelNew && !x.l.Campaign {
			legitNew[x.l.Class] = true
		}
	}
	if len(legitNew) < 3 {
		t.Errorf("legitimate classes on the new model: %v", legitNew)
	}
}

// Key pools: the same body on two keys within a second (failover on 429)
// in the streamer tools and the reseller; the reseller's keys carry both
// its customers and its harvest from a few addresses; churn's replacement
// accounts resend their predecessor's refused request.
func TestPoolsAndFailover(t *testing.T) {
	type seen struct {
		acct string
		at   time.Time
	}
	last := map[string]seen{}
	failover := map[string]int{}
	keyClasses := map[string]map[string]bool{}
	meshIPs := map[string]bool{}
	for _, x := range load(t) {
		k := string(x.r.Body)
		if p, ok := last[k]; ok && p.acct != x.l.Account && x.r.TS.Sub(p.at) < 2*time.Minute {
			failover[x.l.Class]++
		}
		last[k] = seen{x.l.Account, x.r.TS}
		if strings.HasPrefix(x.l.Account, "playmesh-") {
			if keyClasses[x.l.Account] == nil {
				keyClasses[x.l.Account] = map[string]bool{}
			}
			keyClasses[x.l.Account][x.l.Class] = true
			meshIPs[x.r.IP] = true
		}
	}
	for _, c := range []string{"streamer_tools", "reseller_customer", "churn", "npc_studio"} {
		if failover[c] == 0 {
			t.Errorf("no body of %s resent on another account", c)
		}
	}
	both := 0
	for _, cs := range keyClasses {
		if cs["reseller_customer"] && cs["reseller_harvest"] {
			both++
		}
	}
	if both == 0 || len(meshIPs) > 4 {
		t.Errorf("%d reseller keys carry both classes; %d gateway addresses", both, len(meshIPs))
	}
}

// Churn accounts are short-lived; agentic requests carry tools, thinking
// and growing trajectories; the boutique stays at a few requests an hour
// per account.
func TestShapes(t *testing.T) {
	recs := load(t)
	first, lastSeen := map[string]time.Time{}, map[string]time.Time{}
	perHour := map[string]int{}
	steps := 0
	for _, x := range recs {
		a := x.l.Account
		if _, ok := first[a]; !ok {
			first[a] = x.r.TS
		}
		lastSeen[a] = x.r.TS
		switch x.l.Class {
		case "agentic":
			th, _ := x.body["thinking"].(map[string]any)
			if x.body["tools"] == nil || th == nil || num(th["budget_tokens"]) >= num(x.body["max_tokens"]) {
				t.Fatalf("agentic body %.200s", x.r.Body)
			}
			if ms := x.body["messages"].([]any); len(ms) >= 5 {
				steps++
			}
		case "low_slow":
			perHour[fmt.Sprintf("%s@%d", a, x.r.TS.Hour())]++
		}
	}
	if steps == 0 {
		t.Error("no agentic trajectory past two steps")
	}
	for k, n := range perHour {
		if n > 5 {
			t.Errorf("low_slow %s: %d requests in the hour", k, n)
		}
	}
	for a := range first {
		if strings.HasPrefix(a, "churn-") && lastSeen[a].Sub(first[a]) > 3*time.Hour {
			t.Errorf("churn account %s lived %s", a, lastSeen[a].Sub(first[a]))
		}
	}
}

// The evaluation team: the benchmark at temperature 0, graders with a
// rubric, the same public items on two models.
func TestEvalTeam(t *testing.T) {
	items := map[string]map[string]bool{}
	graded := 0
	for _, x := range of(load(t), "eval_team") {
		ms := x.body["messages"].([]any)
		user := ms[len(ms)-1].(map[string]any)["content"].(string)
		if strings.HasPrefix(system(x.body), graderRubric) {
			graded++
			continue
		}
		if x.l.Account == "eval_team-ci-runner" {
			if n := num(x.body["n"]); n <= 1 && num(x.body["temperature"]) != 0 {
				t.Fatalf("benchmark request at temperature %v", x.body["temperature"])
			}
			if items[user] == nil {
				items[user] = map[string]bool{}
			}
			items[user][x.body["model"].(string)] = true
		}
	}
	multi := 0
	for _, ms := range items {
		if len(ms) > 1 {
			multi++
		}
	}
	if graded == 0 || multi == 0 {
		t.Errorf("%d graded, %d items on several models", graded, multi)
	}
}
