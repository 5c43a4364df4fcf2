package mandarin

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"time"
)

// Classes of the labels. Legitimate first, then campaigns.
const (
	Gateway        = "h2_gateway_one_key"
	ResearchLab    = "h2_research_lab_cot"
	Labelling      = "h2_labelling_company"
	ZhChat         = "h2_zh_students_office_chat"
	AgentFramework = "h2_agent_framework"
	LegalMedApp    = "h2_legal_medical_app"
	Regression     = "h2_regression_suite"

	ZhHarvest      = "h2_c1_zh_reasoning_harvest"
	FollowUp       = "h2_c2_followup_elicitation"
	SystemHarvest  = "h2_c3_system_prompt_harvest"
	AgenticHarvest = "h2_c4_agentic_harvest"
	Logprob        = "h2_c5_logprob_extraction"
	Resend         = "h2_c6_resend_other_account"
)

// Classes lists every class, legitimate first.
var Classes = []string{Gateway, ResearchLab, Labelling, ZhChat, AgentFramework, LegalMedApp, Regression,
	ZhHarvest, FollowUp, SystemHarvest, AgenticHarvest, Logprob, Resend}

// IsCampaign reports whether class c is a campaign.
func IsCampaign(c string) bool {
	switch c {
	case ZhHarvest, FollowUp, SystemHarvest, AgenticHarvest, Logprob, Resend:
		return true
	}
	return false
}

// Config sets the size of a generated trace.
type Config struct {
	Seed     uint64
	Start    time.Time
	Duration time.Duration
	// Scale multiplies the number of accounts and the rates of the
	// high-volume sources (1: the full trace).
	Scale float64
}

// Full is the full trace: about six simulated hours, 40–70k records.
func Full(seed uint64) Config {
	return Config{Seed: seed, Start: time.Date(2026, 6, 10, 1, 0, 0, 0, time.UTC), Duration: 6 * time.Hour, Scale: 1}
}

// Small is a quick trace for tests: two hours at a tenth of the size.
func Small(seed uint64) Config {
	return Config{Seed: seed, Start: time.Date(2026, 6, 10, 1, 0, 0, 0, time.UTC), Duration: 2 * time.Hour, Scale: 0.1}
}

type event struct {
	ts       time.Time
	seq      int
	ip       string
	path     string
	headers  [][2]string
	ja4      string
	body     []byte
	class    string
	campaign bool
	account  string
}

type gen struct {
	cfg    Config
	end    time.Time
	events []event
	c1accs []*account
}

func (g *gen) rng(class string) *rand.Rand {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(class); i++ {
		h = (h ^ uint64(class[i])) * 1099511628211
	}
	return rand.New(rand.NewPCG(g.cfg.Seed, h))
}

// n scales a count, at least 1.
func (g *gen) n(x int) int {
	v := int(math.Round(float64(x) * g.cfg.Scale))
	if v < 1 {
		v = 1
	}
	return v
}

// at returns the instant a fraction f of the way through the trace.
func (g *gen) at(f float64) time.Time {
	return g.cfg.Start.Add(time.Duration(f * float64(g.cfg.Duration)))
}

func (g *gen) in(t time.Time) bool { return !t.Before(g.cfg.Start) && t.Before(g.end) }

// send records one request of account a on stack s (a's stack if nil).
func (g *gen) send(r *rand.Rand, t time.Time, class string, a *account, s *stack, ip, path string, q *req, beta string) []byte {
	if !g.in(t) {
		return nil
	}
	if s == nil {
		s = a.stack
	}
	body := render(q, path)
	g.push(r, t, class, a, s, ip, path, body, q.stream, beta)
	return body
}

func (g *gen) push(r *rand.Rand, t time.Time, class string, a *account, s *stack, ip, path string, body []byte, stream bool, beta string) {
	g.events = append(g.events, event{
		ts: t, seq: len(g.events), ip: ip, path: path,
		headers: s.headers(r, a.key, path, len(body), stream, beta),
		ja4:     s.ja4, body: body, class: class, campaign: IsCampaign(class), account: a.name,
	})
}

// activity is the relative load of Chinese working hours (the trace starts
// at 09:00 Beijing time): a lunch dip three hours in.
func (g *gen) activity(t time.Time) float64 {
	h := t.Sub(g.cfg.Start).Hours()
	return 1 - 0.45*math.Exp(-(h-3.5)*(h-3.5)/0.3)
}

// arrivals calls fn at Poisson arrival times of rate perMin between from
// and to, thinned by the activity curve when diurnal.
func (g *gen) arrivals(r *rand.Rand, from, to time.Time, perMin float64, diurnal bool, fn func(time.Time)) {
	t := from
	for {
		t = t.Add(time.Duration(r.ExpFloat64() / perMin * float64(time.Minute)))
		if !t.Before(to) {
			return
		}
		if diurnal && r.Float64() > g.activity(t) {
			continue
		}
		fn(t)
	}
}

func jitter(r *rand.Rand, d time.Duration, f float64) time.Duration {
	return time.Duration(float64(d) * (1 - f + 2*f*r.Float64()))
}

func secs(r *rand.Rand, lo, hi float64) time.Duration {
	return time.Duration((lo + (hi-lo)*r.Float64()) * float64(time.Second))
}

func temp(r *rand.Rand) float64 {
	if chance(r, 0.5) {
		return -1
	}
	return pick(r, []float64{0.2, 0.3, 0.5, 0.7, 0.8, 1})
}

// openaiPath picks chat completions or Responses for an OpenAI stack.
func openaiPath(r *rand.Rand, s *stack, pResponses float64) string {
	if s.anthropic {
		return pathMessages
	}
	if chance(r, pResponses) {
		return pathResponses
	}
	return pathChat
}

// Generate writes the trace in timestamp order: emit is called once per
// record with its label.
func Generate(cfg Config, emit func(Record, Label) error) error {
	if cfg.Duration <= 0 || cfg.Scale <= 0 {
		return fmt.Errorf("mandarin: bad config: duration %v, scale %v", cfg.Duration, cfg.Scale)
	}
	g := &gen{cfg: cfg, end: cfg.Start.Add(cfg.Duration)}
	g.gateway()
	g.researchLab()
	g.labelling()
	g.zhChat()
	g.agentFramework()
	g.legalMed()
	g.regression()
	bodies := g.zhHarvest()
	g.followUp()
	g.systemHarvest()
	g.agenticHarvest()
	g.logprob()
	g.resend(bodies)

	sort.Slice(g.events, func(i, j int) bool {
		a, b := &g.events[i], &g.events[j]
		if !a.ts.Equal(b.ts) {
			return a.ts.Before(b.ts)
		}
		return a.seq < b.seq
	})
	idr := rand.New(rand.NewPCG(cfg.Seed, 0x1d))
	seen := map[string]bool{}
	for i := range g.events {
		e := &g.events[i]
		id := fmt.Sprintf("req_%016x", idr.Uint64())
		for seen[id] {
			id = fmt.Sprintf("req_%016x", idr.Uint64())
		}
		seen[id] = true
		rec := Record{TS: e.ts.Truncate(time.Millisecond), RequestID: id, IP: e.ip, Method: "POST", Path: e.path,
			Headers: e.headers, JA4: e.ja4, Body: e.body}
		if err := emit(rec, Label{RequestID: id, Class: e.class, Campaign: e.campaign, Account: e.account}); err != nil {
			return err
		}
	}
	return nil
}
