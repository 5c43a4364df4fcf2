package limiter_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// crowdRunOn sends, from the end of the detector's first NewAccount on,
// accounts new accounts' requests on one client print within one network
// prefix, every account one every 10 minutes with the given spread of its
// gaps (jitter 0.02: a machine's timer; 1: a person, exponential gaps), in
// words that carry no elicitation at all. A steady old account keeps the
// detector's clock running from t0. It returns the share of requests
// acted on in the last two hours, and the decisions' reasons seen. With
// spread, every account is on a network of its own (one client print over
// proxy exits).
func crowdRunOn(t *testing.T, c crowdCase) (acted float64, reasons limiter.Reasons) {
	t.Helper()
	m, accounts, jitter, startOld, spread, templates := c.m, c.accounts, c.jitter, c.old, c.spread, c.tpl
	cfg := defaults()
	cfg.Detection.Model = m
	e := newEngine(t, cfg)
	r := rand.New(rand.NewPCG(uint64(accounts), uint64(jitter*1000)))
	type ev struct {
		at   time.Time
		acct int
	}
	var evs []ev
	start := t0.Add(cfg.Detection.NewAccount + time.Minute)
	if startOld {
		start = t0
	}
	meanGap := cmp.Or(c.gap, 10*time.Minute)
	end := t0.Add(cmp.Or(c.span, 5*time.Hour))
	for a := range accounts {
		at := start.Add(time.Duration(r.Float64() * float64(3*meanGap)))
		for at.Before(end) {
			evs = append(evs, ev{at, a})
			gap := meanGap
			if jitter >= 1 {
				gap = time.Duration(r.ExpFloat64() * float64(gap))
			} else {
				gap = time.Duration(float64(gap) * (1 + jitter*(2*r.Float64()-1)))
			}
			at = at.Add(gap)
		}
	}
	slices.SortStableFunc(evs, func(a, b ev) int { return a.at.Compare(b.at) })
	old := benign(7)
	e.Decide(t0, limiter.Subject{Account: 1, Net: 99}, &old, 100)
	var n, hit int
	for i, x := range evs {
		var p fingerprint.Print
		p.Prompt.Exact = uint64(i) + 11
		p.Prompt.TemplateLast = uint64(i)*104729 + 3
		if templates > 0 {
			p.Prompt.TemplateLast = uint64(i%templates)*104729 + 3
		}
		p.Prompt.Tokens = 300
		p.Client.HTTP, p.Client.JA4, p.Client.Net, p.Client.Wide = 0xBEEF, 0xCAFE, 0x5151, 0x51
		if spread {
			p.Client.Net, p.Client.Wide = uint64(x.acct)*7+0x100, uint64(x.acct)*13+0x200
		}
		d := e.Decide(x.at, limiter.Subject{Account: limiter.AccountID(5000 + x.acct), Net: p.Client.Net}, &p, 300)
		if x.at.After(t0.Add(cmp.Or(c.span, 5*time.Hour) * 3 / 5)) {
			n++
			if d.Action != limiter.ActionAllow {
				hit++
				reasons |= d.Reasons
			}
		}
		if d.Action == limiter.ActionBlock {
			t.Errorf("account %d blocked on the crowd's reading alone", x.acct)
		}
	}
	return float64(hit) / float64(max(n, 1)), reasons
}

// crowdCase is one crowd of crowdRunOn and whether it is acted on.
type crowdCase struct {
	name     string
	m        limiter.Model
	accounts int
	jitter   float64
	old      bool // the accounts were there from the start
	spread   bool // each account on a network of its own
	tpl      int  // templates between them (0: each request its own)
	acted    bool
	gap      time.Duration // each account's mean gap (0: 10 minutes)
	span     time.Duration // how long the run lasts (0: 5 hours)
}

// TestCrowdReading: a crowd of new accounts on one client print within one
// network prefix whose every account is paced by a machine's timer is
// throttled, every request of it, though no request's wording is
// harvest-shaped; so is one spread over a network each, once each account
// has shown its own pacing; the same crowds paced like people are not,
// nor is a machine-paced crowd below Model.CrowdMin accounts, nor anything
// with crowd_score 0. Keys that were there when the detector started are
// acted on when they keep a timer's interval on a few templates between
// them (one script), and not when each sends its own work (a team's
// scheduled jobs) or keeps only roughly regular (a gateway's round robin
// over its users' demand).
func TestCrowdReading(t *testing.T) {
	off, err := handModel.With("crowd_score", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []crowdCase{
		{"machine-paced new accounts", handModel, 40, 0.02, false, false, 0, true, 0, 0},
		{"people-paced new accounts", handModel, 40, 1, false, false, 0, false, 0, 0},
		{"machine-paced, fewer than crowd_min", handModel, int(handModel.CrowdMin) - 2, 0.02, false, false, 0, false, 0, 0},
		{"machine-paced keys there from the start, each its own work", handModel, 40, 0.02, true, false, 0, false, 0, 0},
		{"machine-paced keys there from the start, five templates", handModel, 40, 0.02, true, false, 5, true, 0, 0},
		{"roughly regular keys there from the start, five templates", handModel, 40, 0.3, true, false, 5, false, 0, 0},
		{"people-paced keys there from the start, five templates", handModel, 40, 1, true, false, 5, false, 0, 0},
		{"machine-paced new accounts, crowd_score 0", off, 40, 0.02, false, false, 0, false, 0, 0},
		{"machine-paced new accounts, each on its own network", handModel, 40, 0.02, false, true, 0, true, 0, 0},
		{"people-paced new accounts, each on its own network", handModel, 40, 1, false, true, 0, false, 0, 0},
		{"semi-regular new accounts on one network (a class paced by its exercises)", handModel, 40, 0.35, false, false, 0, false, 0, 0},
		{"semi-regular new accounts, each on its own network", handModel, 40, 0.35, false, true, 0, false, 0, 0},
		{"keys there from the start draining a queue back to back, five templates", handModel, 40, 0.02, true, false, 5, false, 300 * time.Millisecond, 2 * time.Minute},
	} {
		t.Run(c.name, func(t *testing.T) {
			acted, reasons := crowdRunOn(t, c)
			t.Logf("%.1f%% acted on, reasons %v", 100*acted, reasons.Names())
			if c.acted && (acted < 0.95 || !reasons.Has(limiter.ReasonRegularTiming)) {
				t.Errorf("acted on %.1f%% (reasons %v), want nearly all, for regular_timing", 100*acted, reasons.Names())
			}
			if !c.acted && acted > 0 {
				t.Errorf("acted on %.1f%%, want none", 100*acted)
			}
		})
	}
}
