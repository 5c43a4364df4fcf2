package localize

import (
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects a trace: its seed, window and the size of its world.
type Config struct {
	Seed     uint64
	Start    time.Time     // the window's first instant
	Duration time.Duration // the window's length
	// Scale multiplies the number of accounts of every class (rates per
	// account stay as they are); classes keep at least a few accounts.
	Scale float64
	// Release is when, from Start, the model atlas-4.5 is released.
	Release time.Duration
}

// Full is the full trace of a seed: six hours of a Wednesday from 07:00
// UTC (morning in Europe, afternoon in India, evening in East Asia, night
// in the Americas), atlas-4.5 released at 09:25.
func Full(seed uint64) Config {
	return Config{
		Seed:     seed,
		Start:    time.Date(2026, 11, 18, 7, 0, 0, 0, time.UTC),
		Duration: 6 * time.Hour,
		Scale:    1,
		Release:  2*time.Hour + 25*time.Minute,
	}
}

// Small is a small trace of a seed for tests: the first two hours, an
// eighth of the accounts, the release 50 minutes in.
func Small(seed uint64) Config {
	c := Full(seed)
	c.Duration = 2 * time.Hour
	c.Scale = 0.125
	c.Release = 50 * time.Minute
	return c
}

// The API's models. atlas-4.5 appears at Config.Release.
const (
	mFlag     = "atlas-4"
	mMini     = "atlas-4-mini"
	mThink    = "atlas-4-think"
	mNew      = "atlas-4.5"
	mInstruct = "atlas-3.5-instruct"
)

// Paths.
const (
	pChat        = "/v1/chat/completions"
	pMessages    = "/v1/messages"
	pCompletions = "/v1/completions"
	pResponses   = "/v1/responses"
)

// Paths lists every path a record may have.
var Paths = []string{pChat, pMessages, pCompletions, pResponses}

// request is what a sender puts in one request.
type request struct {
	path  string
	body  tracefmt.Obj // members in the author's order
	beta  string       // anthropic-beta
	extra [][2]string  // request headers of the program (trace ids ...)
	ua    string       // a relay's forwarded user-agent
}

// builder makes one request from its own random stream. Replaying a
// builder with the same seed gives the same request: that is how retries,
// failovers and resubmissions repeat a body.
type builder func(r *rand.Rand) request

// account is one API key and who holds it.
type account struct {
	name     string // the label's account
	class    string
	campaign bool
	key      string
	cl       *client
}

// event is one planned request.
type event struct {
	a        *account
	class    string // the label's class when not the account's (a shared pool)
	campaign bool
	ip       string
	seed     uint64
	retry    int
	build    builder
}

// world is the generator's state while it plans.
type world struct {
	cfg                 Config
	start, end, release time.Time
	sched               *genkit.Schedule[event]
	r                   *rand.Rand // the planning stream of the class being planned
	n                   int
	reseller            *resellerPool
}

// classes is the registry: every class, whether it is a campaign, and its
// planner.
var classes = []genkit.Class[*world]{
	// legitimate
	{Name: "language_app", Plan: planLanguageApp},
	{Name: "support_desk", Plan: planSupport},
	{Name: "translation_agency", Plan: planAgency},
	{Name: "subtitle_batch", Plan: planSubtitles},
	{Name: "listing_batch", Plan: planListings},
	{Name: "immersion_bootcamp", Plan: planBootcamp},
	{Name: "eval_team", Plan: planEval},
	{Name: "telecom_gateway", Plan: planTelecom},
	{Name: "reseller_customer", Plan: planResellerCustomers},
	{Name: "freelancer", Plan: planFreelancers},
	{Name: "i18n_ci", Plan: planI18nCI},
	// campaigns
	{Name: "naive", Campaign: true, Plan: planNaive},
	{Name: "disguised", Campaign: true, Plan: planDisguised},
	{Name: "reseller_harvest", Campaign: true, Plan: planResellerHarvest},
	{Name: "logprob", Campaign: true, Plan: planLogprob},
	{Name: "agentic", Campaign: true, Plan: planAgentic},
	{Name: "churn", Campaign: true, Plan: planChurn},
	{Name: "pivot", Campaign: true, Plan: planPivot},
	{Name: "low_slow", Campaign: true, Plan: planLowSlow},
}

// Classes returns every class and whether it is a campaign.
func Classes() map[string]bool { return genkit.Campaigns(classes) }

// Write writes the trace of cfg and its labels and returns the number of
// records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	w := &world{
		cfg:     cfg,
		start:   cfg.Start.UTC(),
		end:     cfg.Start.UTC().Add(cfg.Duration),
		release: cfg.Start.UTC().Add(cfg.Release),
	}
	w.sched = genkit.NewSchedule[event](w.start, w.end)
	for _, c := range classes {
		w.r = rand.New(rand.NewPCG(cfg.Seed, hashName(c.Name)))
		c.Plan(w)
	}
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return w.sched.Flush(w.render, emit)
	})
}

// at returns the instant a fraction f of the window in.
func (w *world) at(f float64) time.Time {
	return w.start.Add(time.Duration(f * float64(w.cfg.Duration)))
}

// scale returns n accounts scaled, at least lo.
func (w *world) scale(n, lo int) int { return scaled(n, w.cfg.Scale, lo) }

// newAccount opens an account of class named class-suffix (or name as is
// when shared is set) with client cl.
func (w *world) newAccount(class, suffix string, campaign bool, cl *client) *account {
	return &account{
		name:     class + "-" + suffix,
		class:    class,
		campaign: campaign,
		key:      "sk-" + randStr(w.r, base62, 48),
		cl:       cl,
	}
}

// add plans a request of a from ip at t.
func (w *world) add(t time.Time, a *account, ip string, b builder) bool {
	return w.sched.Add(t, event{a: a, class: a.class, campaign: a.campaign, ip: ip, seed: w.r.Uint64(), build: b})
}

// addEv plans ev at t, drawing its seed when it has none.
func (w *world) addEv(t time.Time, ev event) bool {
	if ev.seed == 0 {
		ev.seed = w.r.Uint64()
	}
	if ev.class == "" {
		ev.class, ev.campaign = ev.a.class, ev.a.campaign
	}
	return w.sched.Add(t, ev)
}

// render turns a planned request into its record and label.
func (w *world) render(t time.Time, ev event) (tracefmt.Record, tracefmt.Label) {
	w.n++
	r := rand.New(rand.NewPCG(ev.seed, 0x6c6f63616c697a65))
	req := ev.build(r)
	body := ev.a.cl.encode(req.path, req.body)
	hr := rand.New(rand.NewPCG(ev.seed, uint64(w.n)))
	hs := ev.a.cl.headers(wire{key: ev.a.key, path: req.path, retry: ev.retry,
		ua: req.ua, beta: req.beta, extra: req.extra}, hr, len(body))
	id := fmt.Sprintf("req_%016x", mix64(uint64(w.n)^w.cfg.Seed*0x9e3779b97f4a7c15))
	return tracefmt.Record{
			TS: t, RequestID: id, IP: ev.ip, Method: "POST", Path: req.path,
			Headers: hs, JA4: ev.a.cl.ja4, Body: body,
		}, tracefmt.Label{
			RequestID: id, Class: ev.class, Campaign: ev.campaign, Account: ev.a.name,
		}
}

// modelAt returns old before the release and new after it.
func (w *world) modelAt(t time.Time, old, new string) string {
	if t.Before(w.release) {
		return old
	}
	return new
}
