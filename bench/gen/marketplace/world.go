package marketplace

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects a trace.
type Config struct {
	Seed  uint64
	Start time.Time     // the window's first instant
	Span  time.Duration // the window's length
	// Scale multiplies the number of accounts of the many-account classes
	// and the request rate of the few-account ones (batch jobs, the
	// evaluation team, the naive dispatcher, ...); 1 is the full trace.
	Scale float64
}

// DefaultStart is the window's start: Thursday 14 May 2026, 14:00 UTC
// (07:00 on the US west coast, 16:00 in central Europe, 22:00 in
// Shanghai).
var DefaultStart = time.Date(2026, 5, 14, 14, 0, 0, 0, time.UTC)

// Full is the full trace of a seed: six hours, about 120,000 records.
func Full(seed uint64) Config {
	return Config{Seed: seed, Start: DefaultStart, Span: 6 * time.Hour, Scale: 1}
}

// Small is the CI trace of a seed: the same six hours and every class,
// with about a third of the accounts and of the few-account classes' rates.
func Small(seed uint64) Config {
	c := Full(seed)
	c.Scale = 0.33
	return c
}

// ReleaseAfter is when, after the window's start, the new model ships.
const ReleaseAfter = 3*time.Hour + 5*time.Minute

// NewModel is the model released inside the window.
const NewModel = "claude-sonnet-5"

// Classes returns every class this generator labels and whether it is a
// campaign.
func Classes() map[string]bool { return genkit.Campaigns(classList) }

// Write writes the trace of cfg and its labels and returns the number of
// records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	w := newWorld(cfg)
	genkit.PlanAll(classList, w)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return w.sched.Flush(w.render, emit)
	})
}

// kind is what a planned request is: its label class and how its body is
// written.
type kind struct {
	class    string
	campaign bool
	render   func(w *world, r *rng, e *event) req
}

// req is a rendered request before its headers.
type req struct {
	path   string
	body   tracefmt.Obj
	stream bool
}

type account struct {
	name    string // the label's account
	key     string
	cli     *client
	region  int // 0 Americas, 1 Europe/Africa, 2 Asia-Pacific
	ip      string
	app     int // which app, company, job or persona the account serves
	model   string
	migrate time.Time // when it moves to NewModel; zero: never
	seed    uint64
}

// event is one planned request.
type event struct {
	a     *account
	k     *kind
	ip    string
	model string
	cli   *client // nil: the account's
	seed  uint64  // the conversation's or task's seed
	turn  int     // the turn within it
	aux   int     // what else the kind's renderer needs
}

type world struct {
	cfg                 Config
	r                   *rng
	start, end, release time.Time
	sched               *genkit.Schedule[event]
	keys                map[string]bool
	n                   uint64 // records rendered
	salt                uint64
}

func newWorld(cfg Config) *world {
	w := &world{cfg: cfg, r: newRNG(cfg.Seed, "world"), start: cfg.Start, end: cfg.Start.Add(cfg.Span),
		release: cfg.Start.Add(ReleaseAfter), keys: map[string]bool{}}
	w.sched = genkit.NewSchedule[event](w.start, w.end)
	w.salt = w.r.u64()
	return w
}

// count scales a number of accounts, keeping at least lo.
func (w *world) count(n, lo int) int { return max(lo, int(math.Round(float64(n)*w.cfg.Scale))) }

// rate scales a rate of a few-account class.
func (w *world) rate(x float64) float64 { return x * w.cfg.Scale }

func (w *world) hours() float64 { return w.cfg.Span.Hours() }

func (w *world) at(h float64) time.Time { return w.start.Add(time.Duration(h * float64(time.Hour))) }

func (w *world) add(at time.Time, e event) { w.sched.Add(at, e) }

// newKey returns a fresh credential in the provider's format.
func (w *world) newKey(r *rng, anthropic bool) string {
	for {
		var k string
		if anthropic {
			k = "sk-ant-api03-" + r.token(86, alnum+"-_") + "-" + r.token(6, alnum) + "AA"
		} else {
			k = "sk-proj-" + r.token(64, alnum+"-_") + "T3BlbkFJ" + r.token(48, alnum+"-_")
		}
		if !w.keys[k] {
			w.keys[k] = true
			return k
		}
	}
}

func (w *world) newAccount(r *rng, class string, i int, cli *client, anthropic bool) *account {
	return &account{name: fmt.Sprintf("%s-%04d", class, i), key: w.newKey(r, anthropic), cli: cli, seed: r.u64()}
}

// modelAt is the account's model at t, after its migration if any.
func (a *account) modelAt(t time.Time) string {
	if !a.migrate.IsZero() && !t.Before(a.migrate) {
		return NewModel
	}
	return a.model
}

// Local-time activity of people, by region (UTC offsets in May).
var regionOffset = [3]float64{-6, 2, 8}

func localActivity(h float64) float64 {
	h = math.Mod(h+48, 24)
	switch {
	case h < 6:
		return 0.07
	case h < 8:
		return 0.07 + 0.45*(h-6)
	case h < 12:
		return 1
	case h < 13:
		return 0.8
	case h < 18:
		return 1
	case h < 23:
		return 0.65
	}
	return 0.3
}

// activity is how busy people of region reg are at t, in (0, 1].
func activity(reg int, t time.Time) float64 {
	u := float64(t.Hour()) + float64(t.Minute())/60
	return localActivity(u + regionOffset[reg])
}

// arrivals calls f at the instants of a Poisson process of rate(t) per
// hour over [from, to), by thinning with the bound peak.
func arrivals(r *rng, from, to time.Time, peak float64, rate func(time.Time) float64, f func(time.Time)) {
	if peak <= 0 {
		return
	}
	t := from
	for {
		t = t.Add(time.Duration(r.exp() / peak * float64(time.Hour)))
		if !t.Before(to) {
			return
		}
		if r.float()*peak < rate(t) {
			f(t)
		}
	}
}

func secs(x float64) time.Duration { return time.Duration(x * float64(time.Second)) }

// render turns a planned event into its record and label.
func (w *world) render(at time.Time, e event) (tracefmt.Record, tracefmt.Label) {
	r := &rng{s: mix(e.seed ^ mix(uint64(e.turn)+0x51ed27))}
	q := e.k.render(w, r, &e)
	cli := e.cli
	if cli == nil {
		cli = e.a.cli
	}
	body := sdkOrder(cli, q.path, q.body)
	b := tracefmt.Encoder{EscapeHTML: cli.escapeHTML()}.Marshal(body)
	id := fmt.Sprintf("%016x", mix(w.n^w.salt))
	w.n++
	rec := tracefmt.Record{TS: at, RequestID: id, IP: e.ip, Method: "POST", Path: q.path,
		Headers: cli.headers(q.path, e.a.key, len(b), q.stream), JA4: cli.print(), Body: b}
	return rec, tracefmt.Label{RequestID: id, Class: e.k.class, Campaign: e.k.campaign, Account: e.a.name}
}

// dialectBody builds the body for path.
func dialectBody(path, model, system string, turns []msg, k knobs) tracefmt.Obj {
	switch path {
	case "/v1/messages":
		if k.maxTokens == 0 {
			k.maxTokens = 4096
		}
		return messagesBody(model, system, turns, k)
	case "/v1/responses":
		return responsesBody(model, system, turns, k)
	}
	return chatBody(model, system, turns, k)
}
