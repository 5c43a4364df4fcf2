package limiter_test

import (
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/limiter/limitertest"
)

var (
	t0        = limitertest.T0
	newEngine = limitertest.NewEngine
	benign    = limitertest.Benign
	campaign  = limitertest.Campaign
)

// defaults is the embedded configuration with the hand-set model
// (testdata/hand-model.json, the start of the fit): these tests check the
// readings' logic at known parameters; bench/detection checks the fitted
// embedded model on the generators' traffic.
func defaults() limiter.Config {
	c := limiter.DefaultConfig()
	c.Detection.Model = handModel
	return c
}

var handModel = func() limiter.Model {
	b, err := os.ReadFile("testdata/hand-model.json")
	if err != nil {
		panic(err)
	}
	m, err := limiter.ParseModel(b)
	if err != nil {
		panic(err)
	}
	return m
}()

// strongCampaign is a campaign request asking for a long answer: strongly
// harvest-shaped, on the campaign's template.
func strongCampaign(i int) fingerprint.Print {
	p := campaign(i)
	p.Prompt.Knobs |= fingerprint.KnobLongOutput
	return p
}

// newAccountWave sends, from at, a wave of 60 new accounts' strong
// requests on the campaign's template (180, 5 s apart) and returns the
// time after it.
func newAccountWave(e *limiter.Engine, at time.Time) time.Time {
	for i := range 180 {
		p := strongCampaign(i)
		e.Decide(at, limiter.Subject{Account: limiter.AccountID(7000 + i%60), Net: uint64(i)}, &p, 500)
		at = at.Add(5 * time.Second)
	}
	return at
}

func TestAccountBucketThrottles(t *testing.T) {
	cfg := defaults()
	cfg.Account = limiter.Limit{Requests: 60, RequestBurst: 2}
	e := newEngine(t, cfg)
	p := benign(1)
	s := limiter.Subject{Account: 7}
	for i := range 2 {
		if d := e.Decide(t0, s, &p, 100); d.Action != limiter.ActionAllow {
			t.Fatalf("request %d: %v, want allow", i, d.Action)
		}
	}
	d := e.Decide(t0, s, &p, 100)
	if d.Action != limiter.ActionThrottle || !d.Reasons.Has(limiter.ReasonAccountRequests) {
		t.Fatalf("third request: %v %v, want throttle account_requests", d.Action, d.Reasons.Names())
	}
	if d.RetryAfter < time.Second || d.RetryAfter > 2*time.Second {
		t.Fatalf("RetryAfter = %v, want about 1s", d.RetryAfter)
	}
	// one second later one request fits again
	if d := e.Decide(t0.Add(time.Second), s, &p, 100); d.Action != limiter.ActionAllow {
		t.Fatalf("after refill: %v", d.Action)
	}
	// another account is not affected
	if d := e.Decide(t0, limiter.Subject{Account: 8}, &p, 100); d.Action != limiter.ActionAllow {
		t.Fatalf("other account: %v", d.Action)
	}
}

func TestTokenBucketAndSettle(t *testing.T) {
	cfg := defaults()
	cfg.Account = limiter.Limit{Requests: 1000, Tokens: 6000}
	e := newEngine(t, cfg)
	p := benign(1)
	s := limiter.Subject{Account: 9}
	d := e.Decide(t0, s, &p, 1000)
	if d.Action != limiter.ActionAllow {
		t.Fatal(d.Action)
	}
	// the response used far more than reserved: settle charges it
	e.Settle(t0, &d, 5900)
	d2 := e.Decide(t0, s, &p, 1000)
	if d2.Action != limiter.ActionThrottle || !d2.Reasons.Has(limiter.ReasonAccountTokens) {
		t.Fatalf("after settle: %v %v, want throttle account_tokens", d2.Action, d2.Reasons.Names())
	}
}

func TestAllowListAndOverride(t *testing.T) {
	cfg := defaults()
	cfg.Account = limiter.Limit{Requests: 60, RequestBurst: 1}
	e := newEngine(t, cfg)
	p := benign(1)
	s := limiter.Subject{Account: 11}
	e.AllowList(11, true)
	for range 5 {
		if d := e.Decide(t0, s, &p, 10); d.Action != limiter.ActionAllow || !d.Reasons.Has(limiter.ReasonAllowListed) {
			t.Fatalf("allow-listed: %v %v", d.Action, d.Reasons.Names())
		}
	}
	e.AllowList(11, false)
	if d := e.Decide(t0, s, &p, 10); d.Action != limiter.ActionThrottle {
		t.Fatalf("after removal: %v", d.Action)
	}
	s2 := limiter.Subject{Account: 12}
	e.Override(limiter.ClusterID(12), limiter.ActionBlock, t0.Add(time.Hour))
	if d := e.Decide(t0, s2, &p, 10); d.Action != limiter.ActionBlock || !d.Reasons.Has(limiter.ReasonOverride) {
		t.Fatalf("override: %v %v", d.Action, d.Reasons.Names())
	}
	if d := e.Decide(t0.Add(2*time.Hour), s2, &p, 10); d.Action != limiter.ActionAllow {
		t.Fatalf("expired override: %v", d.Action)
	}
	// a throttle override answers the configured Retry-After
	s3 := limiter.Subject{Account: 13}
	e.Override(limiter.ClusterID(13), limiter.ActionThrottle, t0.Add(3*time.Hour))
	if d := e.Decide(t0.Add(2*time.Hour), s3, &p, 10); d.Action != limiter.ActionThrottle || d.RetryAfter != cfg.Detection.ThrottleRetry {
		t.Fatalf("throttle override: %v Retry-After %v, want %v", d.Action, d.RetryAfter, cfg.Detection.ThrottleRetry)
	}
}

func TestShadowDecidesButDoesNotEnforce(t *testing.T) {
	cfg := defaults()
	cfg.Shadow = true
	cfg.Account = limiter.Limit{Requests: 60, RequestBurst: 1}
	e := newEngine(t, cfg)
	p := benign(1)
	s := limiter.Subject{Account: 13}
	e.Decide(t0, s, &p, 10)
	d := e.Decide(t0, s, &p, 10)
	if d.Action != limiter.ActionThrottle || !d.Shadow || d.Enforced() != limiter.ActionAllow {
		t.Fatalf("shadow: action %v shadow %v enforced %v", d.Action, d.Shadow, d.Enforced())
	}
}

// tool returns the print of a popular tool's request: one shared template
// and client print, benign content.
func tool(i int) fingerprint.Print {
	p := benign(2_000_000 + i)
	p.Prompt.TemplateAll = 0x7001
	p.Client.HTTP = 0x7002
	return p
}

func TestSharedTemplateWithElicitationIsOneCluster(t *testing.T) {
	e := newEngine(t, defaults())
	clusters := map[limiter.ClusterID]int{}
	var last limiter.Decision
	for i := range 400 {
		p := campaign(i)
		acct := limiter.AccountID(5000 + i%200)
		last = e.Decide(t0.Add(time.Duration(i)*3*time.Second), limiter.Subject{Account: acct, Net: uint64(i % 7)}, &p, 500)
		if i >= 200 { // each account's second request: one is not yet a member
			clusters[last.Cluster]++
		}
	}
	if last.Action == limiter.ActionAllow {
		t.Fatalf("campaign still allowed after 400 requests over 200 accounts: score %.2f %v", last.Score, last.Reasons.Names())
	}
	if !last.Reasons.Has(limiter.ReasonSharedTemplate) {
		t.Fatalf("reasons %v lack shared_template", last.Reasons.Names())
	}
	if len(clusters) != 1 {
		t.Fatalf("campaign split into %d clusters, want 1", len(clusters))
	}
}

func TestPopularToolStaysAllowed(t *testing.T) {
	e := newEngine(t, defaults())
	for i := range 3000 {
		p := tool(i)
		acct := limiter.AccountID(9000 + i%1000)
		d := e.Decide(t0.Add(time.Duration(i)*time.Second), limiter.Subject{Account: acct, Net: uint64(i % 50)}, &p, 500)
		if d.Action != limiter.ActionAllow {
			t.Fatalf("request %d of the popular tool: %v score %.2f %v", i, d.Action, d.Score, d.Reasons.Names())
		}
	}
}

func TestLogprobExtractionDegradedAtOnce(t *testing.T) {
	e := newEngine(t, defaults())
	p := benign(3)
	p.Prompt.Knobs = fingerprint.KnobLogitBias | fingerprint.KnobLogitBiasBig | fingerprint.KnobMaxTokens1 | fingerprint.KnobLogprobs | fingerprint.KnobTemp0
	d := e.Decide(t0, limiter.Subject{Account: 77}, &p, 10)
	if d.Action < limiter.ActionDegrade || !d.Reasons.Has(limiter.ReasonLogprobExtraction) {
		t.Fatalf("first extraction request: %v %v", d.Action, d.Reasons.Names())
	}
	// an evaluation job's logprobs without a large bias is not extraction
	q := benign(4)
	q.Prompt.Knobs = fingerprint.KnobMaxTokens1 | fingerprint.KnobLogprobs | fingerprint.KnobTopLogprobs | fingerprint.KnobTemp0
	for i := range 50 {
		if d := e.Decide(t0.Add(time.Duration(i)*time.Second), limiter.Subject{Account: 78}, &q, 10); d.Action != limiter.ActionAllow {
			t.Fatalf("eval request %d: %v %v", i, d.Action, d.Reasons.Names())
		}
	}
}

func TestDecideSteadyStateAllocatesNothing(t *testing.T) {
	e := newEngine(t, defaults())
	p := benign(5)
	s := limiter.Subject{Account: 99}
	now := t0
	e.Decide(now, s, &p, 100)
	allocs := testing.AllocsPerRun(1000, func() {
		now = now.Add(time.Second)
		e.Decide(now, s, &p, 100)
	})
	if allocs != 0 {
		t.Fatalf("Decide on warm state: %.1f allocs, want 0", allocs)
	}
}

func TestConfigErrorsNameTheKey(t *testing.T) {
	cfg := defaults()
	cfg.Thresholds.Block = 2
	if _, err := limiter.New(cfg); err == nil || !contains(err.Error(), "actions.block") {
		t.Fatalf("err = %v, want it to name actions.block", err)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestClusterRegistry(t *testing.T) {
	e := newEngine(t, defaults())
	var last limiter.Decision
	var now time.Time
	for i := range 400 {
		p := campaign(i)
		now = t0.Add(time.Duration(i) * 3 * time.Second)
		last = e.Decide(now, limiter.Subject{Account: limiter.AccountID(5000 + i%200)}, &p, 500)
	}
	cs := e.Clusters(now, "score", 10)
	if len(cs) == 0 {
		t.Fatal("no cluster listed")
	}
	if cs[0].ID != last.Cluster || cs[0].Accounts < 100 || cs[0].Requests == 0 {
		t.Fatalf("top cluster %+v, want %v with >= 100 accounts", cs[0], last.Cluster)
	}
	d, ok := e.Cluster(now, last.Cluster)
	if !ok || len(d.Members) < 100 || len(d.Evidence) == 0 || len(d.Series) != 60 {
		t.Fatalf("detail: ok %v members %d evidence %d series %d", ok, len(d.Members), len(d.Evidence), len(d.Series))
	}
	if d.Evidence[0].Kind.String() != "template" || d.Evidence[0].Heat < 0.3 {
		t.Fatalf("evidence %+v, want a hot template", d.Evidence[0])
	}
	sum := 0
	for _, p := range d.Series {
		sum += p.Requests
	}
	if sum != d.Requests {
		t.Fatalf("series sums to %d, info says %d", sum, d.Requests)
	}
	if len(d.Links) < len(d.Members)/2 {
		t.Fatalf("%d links for %d members", len(d.Links), len(d.Members))
	}
	for _, l := range d.Links {
		if !slices.ContainsFunc(d.Evidence, func(ev limiter.Evidence) bool { return ev.ID == l.Evidence }) {
			t.Fatalf("link %+v to evidence not listed", l)
		}
	}
	a, ok := e.Account(now, d.Members[0])
	if !ok || a.Cluster != last.Cluster || a.HarvestMean < 0.5 {
		t.Fatalf("account %+v", a)
	}
	e.Override(last.Cluster, limiter.ActionBlock, now.Add(time.Hour))
	if d, _ := e.Cluster(now, last.Cluster); d.Override == nil || d.Override.Action != limiter.ActionBlock {
		t.Fatalf("override not shown: %+v", d.Override)
	}
}

// TestQuietAccountsMeteredExactly: an account metered by the quiet window
// gets its buckets the moment it is busy, with the window's use charged, so
// the limit holds exactly.
func TestQuietAccountsMeteredExactly(t *testing.T) {
	cfg := defaults()
	cfg.Account = limiter.Limit{Requests: 60, Tokens: 1_000_000}
	e := newEngine(t, cfg)
	p := benign(1)
	allowed := 0
	for range 200 {
		if d := e.Decide(t0, limiter.Subject{Account: 3}, &p, 10); d.Action == limiter.ActionAllow {
			allowed++
		}
	}
	if allowed != 60 {
		t.Fatalf("allowed %d of 200 requests in one instant, want the burst of 60", allowed)
	}
	// a minute later the bucket has refilled a minute's worth
	allowed = 0
	for range 200 {
		if d := e.Decide(t0.Add(time.Minute), limiter.Subject{Account: 3}, &p, 10); d.Action == limiter.ActionAllow {
			allowed++
		}
	}
	if allowed != 60 {
		t.Fatalf("allowed %d after a minute, want 60", allowed)
	}
}

// TestConcurrentDecide runs campaign and benign traffic from several
// goroutines, so that linking and union run concurrently (for -race).
func TestConcurrentDecide(t *testing.T) {
	e := newEngine(t, defaults())
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 500 {
				p := campaign(i*4 + g)
				if i%3 == 0 {
					p = benign(i)
				}
				p.Prompt.TemplateLast = uint64(0xC0FFEE + i%5) // several templates: unions
				e.Decide(t0.Add(time.Duration(i)*time.Second), limiter.Subject{Account: limiter.AccountID(100 + (i*4+g)%300)}, &p, 100)
			}
		}()
	}
	for range 4 {
		<-done
	}
	if len(e.Clusters(t0.Add(500*time.Second), "score", 0)) == 0 {
		t.Fatal("no cluster formed")
	}
}

// TestEvalJudgesAcrossOrganisations: many organisations run the same
// public judge prompt at temperature 0 (LLM-as-judge evaluation), a hard
// legitimate case; none of it may be refused.
func TestEvalJudgesAcrossOrganisations(t *testing.T) {
	e := newEngine(t, defaults())
	for i := range 2000 {
		p := benign(i)
		p.Prompt.TemplateLast = 0x1D6E
		p.Prompt.Elicit = 0.7
		p.Prompt.Signals[fingerprint.SigRubric] = 0.97
		p.Prompt.Knobs = fingerprint.KnobTemp0
		// fifty organisations, each on its own network
		d := e.Decide(t0.Add(time.Duration(i)*time.Second), limiter.Subject{Account: limiter.AccountID(800 + i%50), Net: uint64(1 + i%50)}, &p, 300)
		if d.Action != limiter.ActionAllow {
			t.Fatalf("judge request %d: %v score %.2f %v", i, d.Action, d.Score, d.Reasons.Names())
		}
	}
}

// TestTutoringAppStaysAllowed: one application account with a fixed tutor
// system prompt whose students ask for the steps all day, often with the
// book's answer.
func TestTutoringAppStaysAllowed(t *testing.T) {
	e := newEngine(t, defaults())
	for i := range 3000 {
		p := benign(i)
		p.Prompt.System, p.Prompt.SystemBytes, p.Prompt.ElicitSystem = 0x7070, 400, 0.6
		p.Prompt.Turns = 1
		p.Prompt.TemplateLast = uint64(0x100 + i%7)
		switch i % 5 {
		case 0: // "the book says the answer is 12, how do I get there?"
			p.Prompt.Elicit, p.Prompt.Signals[fingerprint.SigRationalize] = 0.95, 0.97
		case 1, 2: // "explain step by step"
			p.Prompt.Elicit, p.Prompt.Signals[fingerprint.SigStepByStep] = 0.25, 0.9
		}
		d := e.Decide(t0.Add(time.Duration(i)*2*time.Second), limiter.Subject{Account: 4242}, &p, 800)
		if d.Action != limiter.ActionAllow {
			t.Fatalf("tutoring request %d: %v score %.2f %v", i, d.Action, d.Score, d.Reasons.Names())
		}
	}
}

// TestClassroomStaysAllowed: forty new accounts on one network and client
// doing the same homework, sometimes with the book's answer, at human pace.
func TestClassroomStaysAllowed(t *testing.T) {
	e := newEngine(t, defaults())
	r := rand.New(rand.NewPCG(40, 30))
	refused := 0
	n := 0
	for round := range 30 {
		for s := range 40 {
			n++
			p := benign(round*40 + s)
			p.Prompt.TemplateLast = uint64(0x5C00 + round%3) // the assignment's questions
			p.Client.HTTP, p.Client.Net = 0xB0, 0xC1
			if (round+s)%6 == 0 { // "the book says 42, how do I get there?"
				p.Prompt.Elicit, p.Prompt.Signals[fingerprint.SigRationalize] = 0.9, 0.95
			} else if (round+s)%3 == 0 {
				p.Prompt.Elicit, p.Prompt.Signals[fingerprint.SigStepByStep] = 0.25, 0.9
			}
			// about every 90 seconds, at a person's pace (not a timer's)
			at := t0.Add(time.Duration(round)*90*time.Second + time.Duration(s*7)*time.Second + time.Duration(r.IntN(60))*time.Second)
			if d := e.Decide(at, limiter.Subject{Account: limiter.AccountID(6000 + s)}, &p, 600); d.Action != limiter.ActionAllow {
				refused++
				if d.Action == limiter.ActionBlock {
					t.Fatalf("student %d blocked: score %.2f %v", s, d.Score, d.Reasons.Names())
				}
			}
		}
	}
	if refused > n/200 {
		t.Fatalf("%d of %d classroom requests refused, want at most 0.5%%", refused, n)
	}
}

// TestRetryOnOtherAccount: the same body re-sent from another account
// seconds after a 429 is evasion.
func TestRetryOnOtherAccount(t *testing.T) {
	cfg := defaults()
	cfg.Account = limiter.Limit{Requests: 60, RequestBurst: 1}
	e := newEngine(t, cfg)
	p := campaign(1)
	e.Decide(t0, limiter.Subject{Account: 1}, &p, 10)
	if d := e.Decide(t0, limiter.Subject{Account: 1}, &p, 10); d.Action != limiter.ActionThrottle {
		t.Fatalf("second request of account 1: %v", d.Action)
	}
	d := e.Decide(t0.Add(5*time.Second), limiter.Subject{Account: 2}, &p, 10)
	if !d.Reasons.Has(limiter.ReasonRetryOnOtherAccount) || d.Action < limiter.ActionThrottle {
		t.Fatalf("same body on account 2 after the 429: %v %v", d.Action, d.Reasons.Names())
	}
	q := benign(9) // a benign body re-sent elsewhere (a gateway's failover) is not
	e.Decide(t0, limiter.Subject{Account: 3}, &q, 10)
	e.Decide(t0, limiter.Subject{Account: 3}, &q, 10)
	if d := e.Decide(t0.Add(5*time.Second), limiter.Subject{Account: 4}, &q, 10); d.Action != limiter.ActionAllow {
		t.Fatalf("benign failover: %v %v", d.Action, d.Reasons.Names())
	}
}

// TestSystemPromptHarvest: a campaign that puts its elicitation in a shared
// system prompt and sends bare problems from many accounts is seen; the same
// system prompt in one application's account is that account's framing.
func TestSystemPromptHarvest(t *testing.T) {
	sysPrint := func(i int) fingerprint.Print {
		p := benign(i)
		p.Prompt.System, p.Prompt.SystemBytes, p.Prompt.ElicitSystem = 0x5157, 300, 0.95
		p.Prompt.Turns = 1
		p.Prompt.TemplateLast = 0xBA5E // bare problems of one kind
		p.Prompt.Knobs = fingerprint.KnobLongOutput
		return p
	}
	e := newEngine(t, defaults())
	refused := 0
	for i := range 2000 {
		p := sysPrint(i)
		d := e.Decide(t0.Add(time.Duration(i)*2*time.Second), limiter.Subject{Account: limiter.AccountID(3000 + i%200)}, &p, 800)
		if i >= 1000 && d.Action != limiter.ActionAllow {
			refused++
		}
	}
	if refused < 500 {
		t.Fatalf("system-prompt campaign: %d of its last 1000 requests refused, want most", refused)
	}
	app := newEngine(t, defaults())
	for i := range 2000 {
		p := sysPrint(i)
		p.Prompt.Knobs = 0 // an app's ordinary answers
		if d := app.Decide(t0.Add(time.Duration(i)*2*time.Second), limiter.Subject{Account: 77}, &p, 800); d.Action != limiter.ActionAllow {
			t.Fatalf("one application's account, request %d: %v %v", i, d.Action, d.Reasons.Names())
		}
	}
}

// TestNewAccountsOnCampaignEvidence: accounts that appear after the engine
// has run a while are new; a new account's strongly harvest-shaped first
// request on evidence a campaign's accounts share is degraded (never more),
// while the same request without the harvest shape, or from an account
// seen while the engine was starting, is left alone.
func TestNewAccountsOnCampaignEvidence(t *testing.T) {
	run := func(campaignAt time.Duration) (first, plain limiter.Decision) {
		e := newEngine(t, defaults())
		b := benign(1)
		e.Decide(t0, limiter.Subject{Account: 1, Net: 1}, &b, 500) // the engine starts
		at := t0.Add(campaignAt)
		at = newAccountWave(e, at)
		p := strongCampaign(999)
		first = e.Decide(at, limiter.Subject{Account: 8001, Net: 999}, &p, 500)
		q := strongCampaign(998)
		q.Prompt.Knobs = 0 // the same elicitation without a long answer asked for
		plain = e.Decide(at, limiter.Subject{Account: 8002, Net: 998}, &q, 500)
		return first, plain
	}

	first, plain := run(2 * time.Hour)
	if first.Action != limiter.ActionDegrade || !first.Reasons.Has(limiter.ReasonNewAccounts) {
		t.Errorf("new account's first strong request on campaign evidence: %v score %.2f %v, want degrade with new_accounts",
			first.Action, first.Score, first.Reasons.Names())
	}
	if plain.Action != limiter.ActionAllow {
		t.Errorf("new account's first request without the harvest shape: %v score %.2f %v, want allow", plain.Action, plain.Score, plain.Reasons.Names())
	}
	// within the engine's first hour no account can be told new
	first, _ = run(10 * time.Minute)
	if first.Action != limiter.ActionAllow {
		t.Errorf("first request of an account seen in the engine's first hour: %v score %.2f %v, want allow",
			first.Action, first.Score, first.Reasons.Names())
	}
}

// TestOneAccountVolume: one account whose strongly harvest-shaped requests
// are a large share of its traffic (a reseller harvesting beside its
// customers) has them stopped once they add up, while one whose thousands
// of users now and then ask for the reasoning (a gateway) is left alone;
// in both, the benign requests pass.
func TestOneAccountVolume(t *testing.T) {
	strong := func(i int) fingerprint.Print {
		p := benign(50_000 + i) // its own prompt: no shared evidence
		p.Prompt.Elicit = 0.9
		p.Prompt.Signals[fingerprint.SigThinking] = 0.9
		p.Prompt.Knobs = fingerprint.KnobLongOutput
		return p
	}
	run := func(every int) (stopped, benignStopped, strongSent int) {
		e := newEngine(t, defaults())
		for i := range 3000 {
			at := t0.Add(time.Duration(i) * 2 * time.Second)
			p := benign(i)
			isStrong := i%every == 0
			if isStrong {
				p = strong(i)
				strongSent++
			}
			d := e.Decide(at, limiter.Subject{Account: 77, Net: 1}, &p, 500)
			switch {
			case d.Action != limiter.ActionAllow && isStrong:
				stopped++
			case d.Action != limiter.ActionAllow:
				benignStopped++
			}
		}
		return stopped, benignStopped, strongSent
	}
	if s, b, n := run(2); s < n/2 || b > 0 {
		t.Errorf("reseller (half strong): %d of %d strong requests stopped, %d benign; want most strong, no benign", s, n, b)
	}
	if s, b, n := run(50); s > 0 || b > 0 {
		t.Errorf("gateway (2%% strong): %d of %d strong and %d benign requests stopped, want none", s, n, b)
	}
}

// TestInstructionSentenceScoresButDoesNotLink: accounts whose requests share
// only an instruction sentence (each its own problem, template and sketch)
// see that evidence heat up and score their harvest-shaped requests, but
// are not linked into one cluster by it: common wording glues no one.
func TestInstructionSentenceScoresButDoesNotLink(t *testing.T) {
	e := newEngine(t, defaults())
	var last limiter.Decision
	for i := range 600 {
		p := benign(200_000 + i) // own exact prompt, template and sketch
		p.Prompt.Cue = 0xC0E
		p.Prompt.Elicit = 0.85
		p.Prompt.Signals[fingerprint.SigRationalize] = 0.9
		acct := limiter.AccountID(30_000 + i%100)
		last = e.Decide(t0.Add(time.Duration(i)*10*time.Second), limiter.Subject{Account: acct, Net: uint64(i)}, &p, 500)
		if last.Cluster != limiter.ClusterID(acct) {
			t.Fatalf("request %d: account linked into cluster %v by an instruction sentence", i, last.Cluster)
		}
	}
	if last.Action == limiter.ActionAllow || !last.Reasons.Has(limiter.ReasonSharedTemplate) {
		t.Fatalf("100 accounts wrapping elicitation in one instruction sentence: %v score %.2f %v, want acted on with shared_template",
			last.Action, last.Score, last.Reasons.Names())
	}
}

// TestWaveCarriesClusterHeat: an account of a wave of new accounts — new
// when it sent a strongly harvest-shaped request on a campaign's evidence,
// or young with a history already mostly harvest-shaped — has its
// benign-looking requests read with the cluster's heat (degraded or
// throttled, never blocked on that reading alone), while an old account
// with the same requests keeps its benign ones.
func TestWaveCarriesClusterHeat(t *testing.T) {
	// with the defaults, and with a block threshold low enough that the
	// wave reading alone would reach it
	low := defaults()
	low.Thresholds = limiter.Thresholds{Degrade: 0.3, Throttle: 0.45, Block: 0.6}
	for name, cfg := range map[string]limiter.Config{"defaults": defaults(), "block at 0.6": low} {
		t.Run(name, func(t *testing.T) { waveCarriesClusterHeat(t, cfg) })
	}
}

func waveCarriesClusterHeat(t *testing.T, cfg limiter.Config) {
	// mild: asks for the steps without a long answer (harvest value about 0.5)
	mild := func(i int) fingerprint.Print {
		p := benign(60_000 + i)
		p.Prompt.Elicit = 0.5
		return p
	}
	e := newEngine(t, cfg)
	b := benign(1)
	const old = limiter.AccountID(2)
	e.Decide(t0, limiter.Subject{Account: 1, Net: 1}, &b, 500) // the engine starts
	for i := range 6 {                                         // an old account with a benign history
		p := benign(100 + i)
		e.Decide(t0.Add(time.Duration(i)*time.Minute), limiter.Subject{Account: old, Net: 2}, &p, 500)
	}
	at := t0.Add(4 * time.Hour)
	at = newAccountWave(e, at)

	// a new account: its first strong request joins the wave
	const fresh = limiter.AccountID(8001)
	p := strongCampaign(999)
	if d := e.Decide(at, limiter.Subject{Account: fresh, Net: 999}, &p, 500); d.Action == limiter.ActionAllow {
		t.Fatalf("new account's strong request on the campaign's evidence: allow (score %.2f)", d.Score)
	}
	// a young account (seen two hours ago with a mild request) joins it
	// from its first strong request
	const young = limiter.AccountID(8002)
	m := mild(1)
	e.Decide(at.Add(-2*time.Hour), limiter.Subject{Account: young, Net: 998}, &m, 500)
	p = strongCampaign(998)
	e.Decide(at, limiter.Subject{Account: young, Net: 998}, &p, 500)
	// the old account sends the same strong request
	p = strongCampaign(997)
	e.Decide(at, limiter.Subject{Account: old, Net: 2}, &p, 500)

	// then each sends, an hour apart, a benign-looking request and a
	// strong one on the template (a campaign's mix): the wave accounts'
	// benign-looking ones carry the cluster's heat, the old account's pass
	for k := range 4 {
		at = at.Add(time.Hour)
		for i, acct := range []limiter.AccountID{fresh, young, old} {
			q := benign(200 + 10*i + k)
			d := e.Decide(at, limiter.Subject{Account: acct, Net: 900}, &q, 500)
			if acct == old {
				if d.Action != limiter.ActionAllow {
					t.Errorf("old account, benign request %d: %v score %.2f %v, want allow", k, d.Action, d.Score, d.Reasons.Names())
				}
			} else if d.Action == limiter.ActionAllow || d.Action == limiter.ActionBlock || !d.Reasons.Has(limiter.ReasonClusterScore) {
				t.Errorf("wave account %d, benign-looking request %d: %v score %.2f %v, want degrade or throttle on cluster_score",
					acct, k, d.Action, d.Score, d.Reasons.Names())
			}
			s := strongCampaign(500 + 10*i + k)
			e.Decide(at.Add(time.Minute), limiter.Subject{Account: acct, Net: 900}, &s, 500)
		}
	}
}

// TestNoBlockInAnAccountsFirstHour: however harvest-shaped a burst of
// requests, an account is not blocked before its history spans an hour (a
// new user's first session of reasoning questions); the same account
// continuing past it is. It holds with an operator's lower block threshold
// too.
func TestNoBlockInAnAccountsFirstHour(t *testing.T) {
	low := defaults()
	low.Thresholds = limiter.Thresholds{Degrade: 0.3, Throttle: 0.5, Block: 0.6}
	for name, cfg := range map[string]limiter.Config{"defaults": defaults(), "block at 0.6": low} {
		t.Run(name, func(t *testing.T) { noBlockInFirstHour(t, cfg) })
	}
}

func noBlockInFirstHour(t *testing.T, cfg limiter.Config) {
	e := newEngine(t, cfg)
	at := t0
	for i := range 300 { // a campaign on one template across 60 accounts
		p := strongCampaign(i)
		e.Decide(at, limiter.Subject{Account: limiter.AccountID(7000 + i%60), Net: uint64(i)}, &p, 500)
		at = at.Add(5 * time.Second)
	}
	const acct = limiter.AccountID(9001)
	blocked := func(from, n int) int {
		c := 0
		for i := range n {
			p := strongCampaign(1000 + from + i)
			if d := e.Decide(at, limiter.Subject{Account: acct, Net: 5}, &p, 500); d.Action == limiter.ActionBlock {
				c++
			}
			at = at.Add(2 * time.Minute)
		}
		return c
	}
	if b := blocked(0, 25); b != 0 {
		t.Errorf("%d of 25 requests blocked in the account's first 50 minutes, want none", b)
	}
	if b := blocked(100, 10); b == 0 {
		t.Errorf("none of the account's strongly harvest-shaped requests after its first hour blocked, want them blocked")
	}
}

// TestHarvestValueInConversation: a conversation's earlier elicitation
// counts less in its later turns (it was judged when it was sent); a last
// turn that itself demands the reasoning counts in full.
func TestHarvestValueInConversation(t *testing.T) {
	mk := func(turns int, elicit, last float32) fingerprint.Print {
		var p fingerprint.Print
		p.Prompt.Turns = uint16(turns)
		p.Prompt.Elicit, p.Prompt.ElicitLast = elicit, last
		p.Prompt.Knobs = fingerprint.KnobLongOutput
		return p
	}
	hv := func(p fingerprint.Print) float64 { v, _ := handModel.HarvestValue(&p); return v }
	single, earlier, followUp := hv(mk(1, 0.9, 0.9)), hv(mk(3, 0.9, 0)), hv(mk(3, 0.9, 0.9))
	if single < 0.9 || followUp < 0.9 {
		t.Errorf("single-shot %.2f, follow-up demanding the reasoning %.2f: want both >= 0.9", single, followUp)
	}
	m := handModel
	if want := 0.9*m.TurnFactor + m.LongBonus; earlier > want+1e-6 || earlier < want-1e-6 || earlier >= single {
		t.Errorf("a later turn of a conversation that asked for the steps earlier: %.3f, want turn_factor x 0.9 + long_bonus = %.3f", earlier, want)
	}
}

// TestBystanderIsNotAClusterMember: a person whose one question shared a
// campaign's template is not reported in the campaign's cluster, before or
// after it; the campaign's accounts are.
func TestBystanderIsNotAClusterMember(t *testing.T) {
	e := newEngine(t, defaults())
	var member limiter.ClusterID
	for i := range 400 {
		p := campaign(i)
		d := e.Decide(t0.Add(time.Duration(i)*3*time.Second), limiter.Subject{Account: limiter.AccountID(5000 + i%200), Net: uint64(i % 7)}, &p, 500)
		member = d.Cluster
	}
	if member == limiter.ClusterID(5000+399%200) {
		t.Fatal("the campaign's accounts are not reported in a cluster")
	}
	const person = limiter.AccountID(42)
	at := t0.Add(time.Hour)
	for i := range 11 {
		p := benign(300 + i)
		if i == 5 {
			p = campaign(10_000)
		}
		d := e.Decide(at.Add(time.Duration(i)*time.Minute), limiter.Subject{Account: person, Net: 3}, &p, 500)
		if d.Cluster != limiter.ClusterID(person) {
			t.Errorf("the person's request %d reported in cluster %v, want its own", i, d.Cluster)
		}
	}
}

// TestBystanderDoesNotMergeClusters: a person whose history is benign and
// who once sent a question on one campaign's template and once on
// another's does not glue the two campaigns into one cluster.
func TestBystanderDoesNotMergeClusters(t *testing.T) {
	e := newEngine(t, defaults())
	other := func(i int) fingerprint.Print {
		p := campaign(500_000 + i)
		p.Prompt.TemplateLast = 0xBEEF // a second campaign's template
		return p
	}
	run := func(from int, mk func(int) fingerprint.Print, acct0 limiter.AccountID) limiter.ClusterID {
		var c limiter.ClusterID
		for i := range 400 {
			p := mk(i)
			d := e.Decide(t0.Add(time.Duration(from+i)*3*time.Second), limiter.Subject{Account: acct0 + limiter.AccountID(i%200), Net: uint64(i % 7)}, &p, 500)
			c = d.Cluster
		}
		return c
	}
	const person = limiter.AccountID(42)
	for i := range 10 { // the person's ordinary history
		p := benign(700 + i)
		e.Decide(t0.Add(time.Duration(i)*time.Second), limiter.Subject{Account: person, Net: 3}, &p, 500)
	}
	a := run(0, campaign, 5000)
	p := campaign(900_000)
	e.Decide(t0.Add(1300*3*time.Second), limiter.Subject{Account: person, Net: 3}, &p, 500)
	b := run(1400, other, 6000)
	q := other(900_001)
	e.Decide(t0.Add(1900*3*time.Second), limiter.Subject{Account: person, Net: 3}, &q, 500)
	// both campaigns' next requests
	pa, pb := campaign(1), other(1)
	da := e.Decide(t0.Add(2000*3*time.Second), limiter.Subject{Account: 5001, Net: 1}, &pa, 500)
	db := e.Decide(t0.Add(2000*3*time.Second), limiter.Subject{Account: 6001, Net: 1}, &pb, 500)
	if a == limiter.ClusterID(5000+399%200) || b == limiter.ClusterID(6000+399%200) {
		t.Fatalf("campaigns not clustered: %v %v", a, b)
	}
	if da.Cluster == db.Cluster {
		t.Errorf("the two campaigns share cluster %v after a bystander touched both", da.Cluster)
	}
}
