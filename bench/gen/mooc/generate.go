package mooc

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// Config sizes a trace.
type Config struct {
	Seed     uint64
	Start    time.Time     // wall-clock time of the first instant of the trace
	Duration time.Duration // simulated time covered
	Scale    float64       // multiplies account counts and batch sizes
}

// defaultStart is a Tuesday noon UTC: morning in the Americas, afternoon
// and evening in Europe, late evening and night in East Asia.
var defaultStart = time.Date(2026, 5, 12, 12, 0, 0, 0, time.UTC)

// Full is the full trace: about 50,000 records over 6 simulated hours.
func Full(seed uint64) Config {
	return Config{Seed: seed, Start: defaultStart, Duration: 6 * time.Hour, Scale: 1}
}

// Small is the small trace of the tests: about 10,000 records over 2
// simulated hours.
func Small(seed uint64) Config {
	return Config{Seed: seed, Start: defaultStart, Duration: 2 * time.Hour, Scale: 0.4}
}

// class is one kind of traffic: a legitimate population or a campaign.
type class struct {
	name     string
	campaign bool
	gen      func(g *gen, r *rand.Rand)
}

var classes = []class{
	{"h3_hackathon", false, genHackathon},
	{"h3_mooc", false, genMOOC},
	{"h3_support", false, genSupport},
	{"h3_labeling", false, genLabeling},
	{"h3_ide", false, genIDE},
	{"h3_translate", false, genTranslate},
	{"h3_chat", false, genChat},
	{"h3_eval", false, genEval},
	{"h3_multilingual", true, genMultilingual},
	{"h3_dialogue", true, genDialogue},
	{"h3_codegen", true, genCodegen},
	{"h3_preference", true, genPreference},
	{"h3_slowdrip", true, genSlowdrip},
	{"h3_tutorapp", true, genTutorApp},
	{"h3_agentic", true, genAgentic},
}

// Classes lists the class names of the trace and whether each is a
// campaign.
func Classes() map[string]bool {
	m := make(map[string]bool, len(classes))
	for _, c := range classes {
		m[c.name] = c.campaign
	}
	return m
}

// account is one credential and the client behind it.
type account struct {
	name     string
	class    string
	campaign bool
	key      string
	cl       *client
	extra    [][2]string // account-level headers (organization, beta flags)
}

// event is one request before rendering.
type event struct {
	at time.Duration
	a  *account
	ip string
	c  *call
}

type gen struct {
	cfg    Config
	dur    time.Duration
	events []event
	cls    *class
}

// n scales an account count (at least 1).
func (g *gen) n(full int) int {
	return max(1, int(math.Round(float64(full)*g.cfg.Scale)))
}

// at is the offset of fraction f of the trace.
func (g *gen) at(f float64) time.Duration { return time.Duration(f * float64(g.dur)) }

// add schedules a request; requests outside the trace are dropped.
func (g *gen) add(at time.Duration, a *account, ip string, c *call) bool {
	if at < 0 || at >= g.dur {
		return false
	}
	if c.api.anthropic() != a.cl.anthropic {
		panic(fmt.Sprintf("mooc: %s: %s request from a client of the other provider", a.name, c.api.path()))
	}
	g.events = append(g.events, event{at: at, a: a, ip: ip, c: c})
	return true
}

// newAccount makes the i-th account of the current class.
func (g *gen) newAccount(r *rand.Rand, i int, cl *client) *account {
	name := fmt.Sprintf("%s-%04d", g.cls.name, i)
	return g.namedAccount(r, name, cl)
}

func (g *gen) namedAccount(r *rand.Rand, name string, cl *client) *account {
	a := &account{name: name, class: g.cls.name, campaign: g.cls.campaign, cl: cl}
	if cl.anthropic {
		a.key = anthropicKey(r)
	} else {
		a.key = openAIKey(r, "proj")
	}
	return a
}

// Generate produces the trace of cfg in time order and calls emit for
// each record with its label. It stops at the first error of emit.
func Generate(cfg Config, emit func(Record, Label) error) error {
	if cfg.Duration <= 0 || cfg.Scale <= 0 {
		return fmt.Errorf("mooc: bad config: duration %v, scale %v", cfg.Duration, cfg.Scale)
	}
	g := &gen{cfg: cfg, dur: cfg.Duration}
	for i := range classes {
		g.cls = &classes[i]
		r := rand.New(rand.NewPCG(cfg.Seed, hashString(classes[i].name)))
		classes[i].gen(g, r)
	}
	slices.SortStableFunc(g.events, func(a, b event) int {
		switch {
		case a.at < b.at:
			return -1
		case a.at > b.at:
			return 1
		}
		return 0
	})
	for i := range g.events {
		e := &g.events[i]
		id := fmt.Sprintf("req_%012x%06d", splitmix(cfg.Seed^uint64(i)*0x9e3779b97f4a7c15)>>16, i)
		body := e.c.body(e.a.cl.pyOrder())
		rec := Record{
			TS:        cfg.Start.Add(e.at).Truncate(time.Millisecond),
			RequestID: id,
			IP:        e.ip,
			Method:    "POST",
			Path:      e.c.api.path(),
			Headers:   e.a.cl.headers(e.a, e.c, len(body)),
			JA4:       e.a.cl.ja4,
			Body:      body,
		}
		lab := Label{RequestID: id, Class: e.a.class, Campaign: e.a.campaign, Account: e.a.name}
		if err := emit(rec, lab); err != nil {
			return err
		}
		g.events[i] = event{} // let the call be collected
	}
	return nil
}

// --- randomness helpers ---

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func hashString(s string) uint64 {
	h := uint64(1469598103934665603)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return splitmix(h)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// pickN draws min(n, len(xs)) distinct elements of xs.
func pickN[T any](r *rand.Rand, xs []T, n int) []T {
	n = min(n, len(xs))
	out := make([]T, n)
	for i, j := range r.Perm(len(xs))[:n] {
		out[i] = xs[j]
	}
	return out
}

// pickW returns an index with probability proportional to its weight.
func pickW(r *rand.Rand, w ...float64) int {
	var sum float64
	for _, x := range w {
		sum += x
	}
	u := r.Float64() * sum
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between is uniform in [a, b].
func between(r *rand.Rand, a, b int) int { return a + r.IntN(b-a+1) }

func uniform(r *rand.Rand, a, b time.Duration) time.Duration {
	return a + time.Duration(r.Float64()*float64(b-a))
}

func expo(r *rand.Rand, mean time.Duration) time.Duration {
	return time.Duration(r.ExpFloat64() * float64(mean))
}

// lognorm has the given median and log-space spread, clamped to [lo, hi].
func lognorm(r *rand.Rand, median time.Duration, sigma float64, lo, hi time.Duration) time.Duration {
	d := time.Duration(float64(median) * math.Exp(sigma*r.NormFloat64()))
	return min(max(d, lo), hi)
}

// geom is 1 + a geometric number of extra trials with continuation
// probability p, at most hi.
func geom(r *rand.Rand, p float64, hi int) int {
	n := 1
	for n < hi && chance(r, p) {
		n++
	}
	return n
}

// round1 rounds to one decimal, as people write temperatures.
func round1(x float64) float64 { return math.Round(x*10) / 10 }

// diurnal is the relative activity of people at a UTC offset (hours) at
// trace offset t: work hours for work, evenings too for leisure.
func (g *gen) diurnal(t time.Duration, tz float64, work bool) float64 {
	utc := g.cfg.Start.Add(t)
	h := float64(utc.Hour()) + float64(utc.Minute())/60 + tz
	h = math.Mod(h+48, 24)
	var work24 = [24]float64{.03, .02, .02, .02, .02, .04, .08, .2, .5, .85, 1, 1, .8, .9, 1, 1, .9, .7, .45, .3, .25, .2, .12, .06}
	var leisure24 = [24]float64{.25, .15, .08, .05, .04, .05, .1, .25, .45, .6, .7, .75, .8, .75, .75, .75, .8, .85, .9, 1, 1, .95, .8, .5}
	i := int(h)
	f := h - float64(i)
	j := (i + 1) % 24
	if work {
		return work24[i]*(1-f) + work24[j]*f
	}
	return leisure24[i]*(1-f) + leisure24[j]*f
}

// poisson returns the arrival times of a Poisson process of rate perHour
// (events per hour) in [from, to), thinned by weight(t) in [0, 1] (nil: 1).
func poisson(r *rand.Rand, from, to time.Duration, perHour float64, weight func(time.Duration) float64) []time.Duration {
	if perHour <= 0 || to <= from {
		return nil
	}
	mean := time.Duration(float64(time.Hour) / perHour)
	var ts []time.Duration
	for t := from + expo(r, mean); t < to; t += expo(r, mean) {
		if weight == nil || chance(r, weight(t)) {
			ts = append(ts, t)
		}
	}
	return ts
}

const (
	alnum     = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	hexDigits = "0123456789abcdef"
)

func randString(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func openAIKey(r *rand.Rand, kind string) string {
	return "sk-" + kind + "-" + randString(r, 56, alnum+"-_") + "T3BlbkFJ" + randString(r, 56, alnum+"-_")
}

func anthropicKey(r *rand.Rand) string {
	return "sk-ant-api03-" + randString(r, 93, alnum+"-_") + "AA"
}

func callID(r *rand.Rand, anthropic bool) string {
	if anthropic {
		return "toolu_01" + randString(r, 22, alnum)
	}
	return "call_" + randString(r, 24, alnum)
}

func hexID(r *rand.Rand, n int) string { return randString(r, n, hexDigits) }
