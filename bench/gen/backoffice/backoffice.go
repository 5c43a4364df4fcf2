package backoffice

import (
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// windowStart is the first instant of the trace: Tuesday 19 May 2026,
// 12:00 UTC (08:00 in New York, 14:00 in Frankfurt, 20:00 in Manila,
// 22:00 in Sydney), inside the six weeks of the reported incident.
var windowStart = time.Date(2026, 5, 19, 12, 0, 0, 0, time.UTC)

// releaseAfter is when, after the window's start, the new model
// (newModel) becomes available.
const releaseAfter = 3*time.Hour + 5*time.Minute

// Config selects a trace.
type Config struct {
	Seed  uint64
	Start time.Time // first instant of the window
	Hours int       // length of the window
	// Scale is the share of Full's accounts that a class keeps (at least
	// one); classes with a handful of high-volume keys (batch pipelines,
	// the RAG backend, the gateway pool) keep their keys and scale their
	// volume instead. Rates per account and the timeline stay the same.
	Scale float64
}

// Full is the six-hour trace of seed, about 86,000 records (170 MB).
func Full(seed uint64) Config {
	return Config{Seed: seed, Start: windowStart, Hours: 6, Scale: 1}
}

// Small is the same six hours with 30% of the accounts (and volume),
// about a third of Full's records and under 60 MB: every class present,
// every campaign spanning the window.
func Small(seed uint64) Config {
	c := Full(seed)
	c.Scale = 0.3
	return c
}

// Classes maps every class the generator labels to whether it is a
// distillation campaign.
func Classes() map[string]bool { return genkit.Campaigns(classes) }

// Window returns the window [start, end) of cfg.
func Window(cfg Config) (start, end time.Time) {
	return cfg.Start, cfg.Start.Add(time.Duration(cfg.Hours) * time.Hour)
}

// Release returns the instant the new model appears in cfg's window.
func Release(cfg Config) time.Time { return cfg.Start.Add(releaseAfter) }

// Write writes cfg's trace and labels, and returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	g := newGen(cfg)
	genkit.PlanAll(classes, g)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return g.sched.Flush(func(at time.Time, ev *event) (tracefmt.Record, tracefmt.Label) {
			ev.rec.TS = at
			return ev.rec, ev.lab
		}, emit)
	})
}

// classes is every class, in planning order. reseller_customer is planned
// together with reseller_harvest (the same keys carry both).
var classes = []genkit.Class[*gen]{
	{Name: "finance_desk", Plan: planFinanceDesk},
	{Name: "doc_pipeline", Plan: planDocPipeline},
	{Name: "bpo_agents", Plan: planBPO},
	{Name: "rag_assistant", Plan: planRAG},
	{Name: "redteam", Plan: planRedTeam},
	{Name: "qa_regression", Plan: planQA},
	{Name: "onboarding_cohort", Plan: planOnboarding},
	{Name: "saas_crm", Plan: planCRM},
	{Name: "saas_ticketing", Plan: planTicketing},
	{Name: "key_gateway", Plan: planGateway},
	{Name: "chat_users", Plan: planChatUsers},
	{Name: "fixed_prompt_apps", Plan: planFixedApps},
	{Name: "reseller_customer", Plan: func(*gen) {}},
	{Name: "naive", Campaign: true, Plan: planNaive},
	{Name: "disguised", Campaign: true, Plan: planDisguised},
	{Name: "reseller_harvest", Campaign: true, Plan: planReseller},
	{Name: "logprob", Campaign: true, Plan: planLogprob},
	{Name: "agentic", Campaign: true, Plan: planAgentic},
	{Name: "churn", Campaign: true, Plan: planChurn},
	{Name: "pivot", Campaign: true, Plan: planPivot},
	{Name: "low_slow", Campaign: true, Plan: planLowSlow},
}

type event struct {
	rec tracefmt.Record
	lab tracefmt.Label
}

type gen struct {
	cfg        Config
	start, end time.Time
	release    time.Time
	sched      *genkit.Schedule[*event]
	n          uint64 // requests planned, the source of request ids
}

func newGen(cfg Config) *gen {
	start, end := Window(cfg)
	return &gen{cfg: cfg, start: start, end: end, release: Release(cfg),
		sched: genkit.NewSchedule[*event](start, end)}
}

// rng returns the random source of one named stream of the seed, so that
// each class draws independently of the others.
func (g *gen) rng(stream string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(stream))
	return rand.New(rand.NewPCG(g.cfg.Seed, h.Sum64()))
}

// count scales a number of accounts of Full (at least 1).
func (g *gen) count(full int) int {
	return max(1, int(math.Round(float64(full)*g.cfg.Scale)))
}

// vol scales a volume (a rate) of a class whose keys do not scale.
func (g *gen) vol(full float64) float64 { return full * g.cfg.Scale }

// hours returns the window's length in hours.
func (g *gen) hours() float64 { return g.end.Sub(g.start).Hours() }

// at returns the instant h hours into the window.
func (g *gen) at(h float64) time.Time { return g.start.Add(time.Duration(h * float64(time.Hour))) }

// mix is splitmix64's finaliser, a bijection of uint64.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// requestID returns a unique id: mix is a bijection, so distinct counters
// give distinct ids.
func (g *gen) requestID() string {
	g.n++
	return fmt.Sprintf("req_%016x", mix(g.n+g.cfg.Seed*0x9e3779b97f4a7c15))
}

// account is one API key and who holds it.
type account struct {
	name     string // label account
	class    string // default class of its requests
	campaign bool
	key      string
	ant      bool // an Anthropic-dialect key (x-api-key, /v1/messages)
	cl       *client
	ip       string // current client address
	xff      string // internal address a forwarding middlebox reports, if any
}

func newAccount(r *rand.Rand, class string, campaign bool, name string, ant bool, cl *client, ip string) *account {
	return &account{name: class + "-" + name, class: class, campaign: campaign,
		key: newKey(r, ant), ant: ant, cl: cl, ip: ip}
}

const b62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
const b64u = b62 + "-_"

func randStr(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// newKey returns a credential in the provider's formats: sk-proj- and
// sk-svcacct- keys for the OpenAI dialect, sk-ant-api03- keys for the
// Anthropic one.
func newKey(r *rand.Rand, ant bool) string {
	if ant {
		return "sk-ant-api03-" + randStr(r, b64u, 93) + "AA"
	}
	if r.IntN(5) == 0 {
		return "sk-svcacct-" + randStr(r, b64u, 74) + "T3BlbkFJ" + randStr(r, b64u, 74)
	}
	return "sk-proj-" + randStr(r, b64u, 74) + "T3BlbkFJ" + randStr(r, b64u, 74)
}

// req plans one request of a at at, labelled with a's class.
func (g *gen) req(at time.Time, a *account, path string, body tracefmt.Obj) {
	g.reqAs(at, a, path, body, 0, a.class, a.campaign)
}

// reqAs plans one request with an explicit retry count and label.
func (g *gen) reqAs(at time.Time, a *account, path string, body tracefmt.Obj, retry int, class string, campaign bool) {
	if at.Before(g.start) || !at.Before(g.end) {
		return
	}
	raw := a.cl.encode(path, body)
	ev := &event{
		rec: tracefmt.Record{RequestID: g.requestID(), IP: a.ip, Method: "POST", Path: path,
			Headers: a.cl.headers(a, path, len(raw), retry), JA4: a.cl.ja4, Body: raw},
	}
	ev.lab = tracefmt.Label{RequestID: ev.rec.RequestID, Class: class, Campaign: campaign, Account: a.name}
	g.sched.Add(at, ev)
}

// ---- timing ----

// arrivals returns the instants of a Poisson process on [from, to) whose
// rate per hour at t is rate(t), at most maxRate (thinning).
func arrivals(r *rand.Rand, from, to time.Time, maxRate float64, rate func(time.Time) float64) []time.Time {
	var out []time.Time
	if maxRate <= 0 {
		return nil
	}
	t := from
	for {
		t = t.Add(time.Duration(r.ExpFloat64() / maxRate * float64(time.Hour)))
		if !t.Before(to) {
			return out
		}
		if r.Float64()*maxRate < rate(t) {
			out = append(out, t)
		}
	}
}

// flat is a constant rate.
func flat(v float64) func(time.Time) float64 { return func(time.Time) float64 { return v } }

// localHour returns the local hour of day (fractional) at UTC offset tz.
func localHour(t time.Time, tz float64) float64 {
	h := float64(t.Hour()) + float64(t.Minute())/60 + tz
	return math.Mod(h+48, 24)
}

// office is the activity (0..1) of office workers at local hour h:
// arrivals from 8, a lunch dip, leaving from 17:30.
func office(h float64) float64 {
	switch {
	case h < 7.5:
		return 0.02
	case h < 9:
		return 0.02 + 0.98*(h-7.5)/1.5
	case h < 12:
		return 1
	case h < 13.5:
		return 0.55
	case h < 17.5:
		return 1
	case h < 19.5:
		return 1 - 0.9*(h-17.5)/2
	case h < 23:
		return 0.08
	}
	return 0.03
}

// lognormal draws exp(N(ln(median), sigma)).
func lognormal(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(r.NormFloat64()*sigma)
}

// dur is a duration of s seconds.
func dur(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// pick returns a random element of s.
func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }
