package campus

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects a trace: the seed of every draw, the window and a scale
// of the population.
type Config struct {
	Seed  uint64
	Start time.Time     // beginning of the window
	Span  time.Duration // length of the window
	// Release is the offset into the window at which the new model
	// (NewModel) becomes available.
	Release time.Duration
	// Scale multiplies the number of accounts of the many-account classes
	// and the volume of the few-key ones: 1 for Full.
	Scale float64
}

// Window start: Tuesday 6 October 2026, 11:00 UTC (13:00 on a central
// European campus, early morning in the Americas).
var windowStart = time.Date(2026, 10, 6, 11, 0, 0, 0, time.UTC)

// NewModel is the model released inside the window; OldModel the one the
// pivot campaign and many apps use before it.
const (
	NewModel = "claude-opus-5"
	OldModel = "claude-sonnet-4-5"
)

// Full is the six-hour trace of seed.
func Full(seed uint64) Config {
	return Config{Seed: seed, Start: windowStart, Span: 6 * time.Hour, Release: 2*time.Hour + 40*time.Minute, Scale: 1}
}

// Small is the same six hours with about a third of the traffic.
func Small(seed uint64) Config {
	c := Full(seed)
	c.Scale = 0.33
	return c
}

// Classes returns every class of the trace and whether it is a campaign.
func Classes() map[string]bool { return genkit.Campaigns(classes) }

var classes = []genkit.Class[*world]{
	{Name: "lab_session", Plan: planLab},
	{Name: "eval_research", Plan: planEval},
	{Name: "lms_plugin", Plan: planLMS},
	{Name: "it_gateway", Plan: planGateway},
	{Name: "tutoring_app", Plan: planTutoring},
	{Name: "personal_chat", Plan: planChat},
	{Name: "course_assistant", Plan: planAssistant},
	{Name: "coding_agent", Plan: planCodingAgent},
	{Name: "reseller_customer", Plan: planResellerCustomers},
	{Name: "reseller_harvest", Campaign: true, Plan: planResellerHarvest},
	{Name: "naive", Campaign: true, Plan: planNaive},
	{Name: "disguised", Campaign: true, Plan: planDisguised},
	{Name: "logprob", Campaign: true, Plan: planLogprob},
	{Name: "agentic", Campaign: true, Plan: planAgentic},
	{Name: "churn", Campaign: true, Plan: planChurn},
	{Name: "pivot", Campaign: true, Plan: planPivot},
	{Name: "low_slow", Campaign: true, Plan: planLowSlow},
}

// account is one credential and its label.
type account struct {
	name, key string
}

// event is one planned request.
type event struct {
	class    string
	campaign bool
	acct     *account
	ip       string
	cl       *client
	path     string
	body     tracefmt.Obj
}

// world is the state the classes plan on.
type world struct {
	cfg        Config
	start, end time.Time
	release    time.Time
	sched      *genkit.Schedule[*event]
	class      string // the class being planned
	campaign   bool
	reseller   *reseller
}

// rng returns the random source of one named part of the world, so that
// the classes draw independently of one another.
func (w *world) rng(name string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(w.cfg.Seed, h.Sum64()))
}

// n scales a count, keeping at least min.
func (w *world) n(count, min int) int {
	return max(min, int(math.Round(float64(count)*w.cfg.Scale)))
}

func (w *world) at(d time.Duration) time.Time { return w.start.Add(d) }

// add plans a request of the class being planned.
func (w *world) add(at time.Time, a *account, ip string, cl *client, path string, body tracefmt.Obj) {
	w.sched.Add(at, &event{class: w.class, campaign: w.campaign, acct: a, ip: ip, cl: cl, path: path, body: body})
}

// Write generates the trace of cfg and writes it to trace and its labels
// to labels, in timestamp order; it returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	w := &world{cfg: cfg, start: cfg.Start, end: cfg.Start.Add(cfg.Span), release: cfg.Start.Add(cfg.Release)}
	w.sched = genkit.NewSchedule[*event](w.start, w.end)
	for _, c := range classes {
		w.class, w.campaign = c.Name, c.Campaign
		c.Plan(w)
	}
	hdr := w.rng("headers")
	seq := uint64(0)
	render := func(at time.Time, ev *event) (tracefmt.Record, tracefmt.Label) {
		seq++
		body := ev.cl.encoder().Marshal(ev.cl.shape(ev.path, ev.body))
		id := requestID(cfg.Seed, seq)
		rec := tracefmt.Record{TS: at, RequestID: id, IP: ev.ip, Method: "POST", Path: ev.path,
			Headers: ev.cl.headers(ev.path, ev.acct.key, len(body), hdr), JA4: ev.cl.ja4, Body: body}
		return rec, tracefmt.Label{RequestID: id, Class: ev.class, Campaign: ev.campaign, Account: ev.acct.name}
	}
	return genkit.Write(trace, labels, func(emit genkit.Emit) error { return w.sched.Flush(render, emit) })
}

// requestID is a unique id per record: a bijective mix of the sequence
// number, keyed by the seed.
func requestID(seed, seq uint64) string {
	x := seq ^ (seed * 0x9e3779b97f4a7c15)
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], x)
	return fmt.Sprintf("req_%x", b)
}

// Timing helpers.

// exp draws an exponential duration of the given mean.
func exp(r *rand.Rand, mean time.Duration) time.Duration {
	return time.Duration(r.ExpFloat64() * float64(mean))
}

// lognorm draws a log-normal duration with the given median and sigma.
func lognorm(r *rand.Rand, median time.Duration, sigma float64) time.Duration {
	return time.Duration(float64(median) * math.Exp(sigma*r.NormFloat64()))
}

// jitter returns d plus or minus up to frac of it.
func jitter(r *rand.Rand, d time.Duration, frac float64) time.Duration {
	return time.Duration(float64(d) * (1 + frac*(2*r.Float64()-1)))
}

// Body helpers.

func msg(role string, content any) tracefmt.Obj {
	return tracefmt.Obj{{"role", role}, {"content", content}}
}

// convo is a growing conversation; each turn's request sends a prefix of
// the shared history.
type convo struct {
	msgs []any
}

func (c *convo) user(s string)      { c.msgs = append(c.msgs, msg("user", s)) }
func (c *convo) assistant(s string) { c.msgs = append(c.msgs, msg("assistant", s)) }
func (c *convo) snapshot() []any    { return c.msgs[:len(c.msgs):len(c.msgs)] }

// withSystem prepends an OpenAI system (or developer) message.
func withSystem(role, sys string, msgs []any) []any {
	out := make([]any, 0, len(msgs)+1)
	return append(append(out, msg(role, sys)), msgs...)
}

func chatBody(model string, msgs []any) tracefmt.Obj {
	return tracefmt.Obj{{"model", model}, {"messages", msgs}}
}

func messagesBody(model string, maxTokens int, system string, msgs []any) tracefmt.Obj {
	b := tracefmt.Obj{{"model", model}, {"max_tokens", maxTokens}}
	if system != "" {
		b = b.Set("system", system)
	}
	return b.Set("messages", msgs)
}
