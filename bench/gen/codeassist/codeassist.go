package codeassist

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects a trace: its seed, window and size.
type Config struct {
	Seed  uint64
	Start time.Time     // the window's first instant
	Span  time.Duration // the window's length
	// Scale multiplies the number of accounts (and with them the records)
	// of every class; pacing per account does not change.
	Scale float64
}

// windowStart is a Friday: US developers at work, Europe into its evening,
// a hackathon opening at 18:00 in Berlin.
var windowStart = time.Date(2026, 5, 15, 14, 0, 0, 0, time.UTC)

// Full is the six-hour trace of a seed.
func Full(seed uint64) Config {
	return Config{Seed: seed, Start: windowStart, Span: 6 * time.Hour, Scale: 1}
}

// Small is the same six hours with about a third of the accounts.
func Small(seed uint64) Config {
	return Config{Seed: seed, Start: windowStart, Span: 6 * time.Hour, Scale: 0.33}
}

// Model names. The provider serves one family through both dialects;
// cobalt-3 is released inside the window (see world.release).
const (
	mFlag     = "cobalt-2.5"
	mMini     = "cobalt-2.5-mini"
	mPinned   = "cobalt-2.5-20260312" // the dated snapshot the eval team pins
	mNew      = "cobalt-3"
	mNewMini  = "cobalt-3-mini"
	relOffset = 2*time.Hour + 40*time.Minute // 16:40 UTC
)

// Endpoint paths.
const (
	pChat      = "/v1/chat/completions"
	pResponses = "/v1/responses"
	pComplete  = "/v1/completions"
	pMessages  = "/v1/messages"
)

// classList is every class, in planning order. reseller_customer and
// reseller_harvest share the relay's keys (world.relayKeys).
var classList = []genkit.Class[*world]{
	{Name: "terminal_agent", Plan: planTerminalAgent},
	{Name: "ide_plugin", Plan: planIDE},
	{Name: "ci_review_bot", Plan: planCIBot},
	{Name: "enterprise_gateway", Plan: planEnterprise},
	{Name: "eval_team", Plan: planEval},
	{Name: "hackathon", Plan: planHackathon},
	{Name: "chat_user", Plan: planChat},
	{Name: "docs_bot", Plan: planDocsBot},
	{Name: "reseller_customer", Plan: planResellerCustomers},
	{Name: "naive", Campaign: true, Plan: planNaive},
	{Name: "disguised", Campaign: true, Plan: planDisguised},
	{Name: "reseller_harvest", Campaign: true, Plan: planResellerHarvest},
	{Name: "logprob", Campaign: true, Plan: planLogprob},
	{Name: "agentic", Campaign: true, Plan: planAgentic},
	{Name: "churn", Campaign: true, Plan: planChurn},
	{Name: "pivot", Campaign: true, Plan: planPivot},
	{Name: "low_slow", Campaign: true, Plan: planLowSlow},
}

// Classes maps every class to whether it is a distillation campaign.
func Classes() map[string]bool { return genkit.Campaigns(classList) }

// account is one API key and the name its labels carry.
type account struct {
	name string
	key  string
}

// event is one planned request.
type event struct {
	id       uint64
	class    string
	campaign bool
	acct     *account
	ip       string
	cl       *client
	path     string
	body     tracefmt.Obj
	meta     reqMeta
}

// world is the generator's state while it plans.
type world struct {
	cfg        Config
	start, end time.Time
	release    time.Time
	sched      *genkit.Schedule[*event]
	seq        uint64
	keys       map[string]bool
	relay      *relay
	class      string // the class being planned
	campaign   bool
	r          *rng
}

// Write writes the trace of cfg and its labels, records in timestamp order,
// and returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	if cfg.Span <= 0 || cfg.Scale <= 0 {
		return 0, fmt.Errorf("codeassist: span %s and scale %g must be positive", cfg.Span, cfg.Scale)
	}
	w := &world{
		cfg:   cfg,
		start: cfg.Start.UTC(),
		end:   cfg.Start.UTC().Add(cfg.Span),
		keys:  map[string]bool{},
	}
	w.release = w.start.Add(time.Duration(float64(relOffset) * cfg.Span.Hours() / 6))
	w.sched = genkit.NewSchedule[*event](w.start, w.end)
	for _, c := range classList {
		w.class, w.campaign = c.Name, c.Campaign
		w.r = newRNG(cfg.Seed, hashString(c.Name))
		c.Plan(w)
	}
	salt := mix(cfg.Seed ^ 0x636f646561737369)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return w.sched.Flush(func(at time.Time, e *event) (tracefmt.Record, tracefmt.Label) {
			return render(at, e, salt)
		}, emit)
	})
}

func render(at time.Time, e *event, salt uint64) (tracefmt.Record, tracefmt.Label) {
	body := e.cl.enc.Marshal(e.body)
	id := fmt.Sprintf("%016x", mix(e.id^salt))
	e.meta.key = e.acct.key
	e.meta.path = e.path
	rec := tracefmt.Record{
		TS: at, RequestID: id, IP: e.ip, Method: "POST", Path: e.path,
		Headers: e.cl.headers(e.meta, len(body)), JA4: e.cl.ja4, Body: body,
	}
	return rec, tracefmt.Label{RequestID: id, Class: e.class, Campaign: e.campaign, Account: e.acct.name}
}

// n scales an account count, keeping at least min.
func (w *world) n(full, min int) int {
	return max(min, int(math.Round(float64(full)*w.cfg.Scale)))
}

// newAccount returns a fresh account of the class being planned, with a key
// that no other account has.
func (w *world) newAccount(tag string) *account {
	for {
		k := "sk-proj-" + w.r.alnum(48)
		if !w.keys[k] {
			w.keys[k] = true
			return &account{name: w.class + "-" + tag, key: k}
		}
	}
}

// add plans a request at at for the class being planned; it reports
// whether at fell inside the window.
func (w *world) add(at time.Time, a *account, ip string, c *client, path string, body tracefmt.Obj, meta reqMeta) bool {
	return w.addAs(w.class, w.campaign, at, a, ip, c, path, body, meta)
}

func (w *world) addAs(class string, campaign bool, at time.Time, a *account, ip string, c *client, path string, body tracefmt.Obj, meta reqMeta) bool {
	e := &event{id: w.seq, class: class, campaign: campaign, acct: a, ip: ip, cl: c, path: path, body: body, meta: meta}
	if w.sched.Add(at, e) {
		w.seq++
		return true
	}
	return false
}

// released reports whether the new model is out at t.
func (w *world) released(t time.Time) bool { return !t.Before(w.release) }

// each calls f at the instants of a Poisson process of perHour events per
// hour at peak, thinned by shape (in [0, 1]), over [a, b).
func (w *world) each(r *rng, a, b time.Time, perHour float64, shape func(time.Time) float64, f func(time.Time)) {
	if perHour <= 0 {
		return
	}
	mean := time.Duration(float64(time.Hour) / perHour)
	for t := a.Add(r.exp(mean)); t.Before(b); t = t.Add(r.exp(mean)) {
		if shape == nil || r.Float64() < shape(t) {
			f(t)
		}
	}
}
