package annotation

import (
	"container/heap"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects the trace: the seed of every random choice and the size.
type Config struct {
	Seed  uint64
	Small bool // 2 simulated hours and 45% of the accounts instead of 6 hours
}

// Full is the six-hour trace of seed.
func Full(seed uint64) Config { return Config{Seed: seed} }

// Small is the two-hour trace of seed, with fewer accounts.
func Small(seed uint64) Config { return Config{Seed: seed, Small: true} }

// Start is the first instant of the simulated window, a Tuesday afternoon
// in Europe and morning in the Americas.
var Start = time.Date(2026, 5, 12, 13, 0, 0, 0, time.UTC)

// Duration returns the length of the simulated window.
func (c Config) Duration() time.Duration {
	if c.Small {
		return 2 * time.Hour
	}
	return 6 * time.Hour
}

// Emit receives each record with its label, in timestamp order.
type Emit = genkit.Emit

// Generate simulates the window and passes every record and its label to
// emit, sorted by ts. The same Config always gives the same bytes.
func Generate(cfg Config, emit Emit) error {
	g := newGen(cfg)
	genkit.PlanAll(classList, g)
	return g.run(emit)
}

// Write writes the trace of cfg to trace and its labels to labels (JSON
// lines) and returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	return genkit.Write(trace, labels, func(emit Emit) error { return Generate(cfg, emit) })
}

// Classes lists every class the generator labels, and whether it is a
// campaign.
func Classes() map[string]bool { return genkit.Campaigns(classList) }

var classList = []genkit.Class[*gen]{
	{Name: "h4_support_vendor", Plan: (*gen).supportVendor},
	{Name: "h4_bootcamp", Plan: (*gen).bootcamp},
	{Name: "h4_research_evals", Plan: (*gen).researchEvals},
	{Name: "h4_annotation_vendor", Plan: (*gen).annotationVendor},
	{Name: "h4_prompt_ab", Plan: (*gen).promptAB},
	{Name: "h4_mobile_app", Plan: (*gen).mobileApp},
	{Name: "h4_ordinary", Plan: (*gen).ordinary},
	{Name: "h4_proxy_shop", Campaign: true, Plan: (*gen).proxyShop},
	{Name: "h4_batch_sampler", Campaign: true, Plan: (*gen).batchSampler},
	{Name: "h4_refusal_harvest", Campaign: true, Plan: (*gen).refusalHarvest},
	{Name: "h4_longdoc_harvest", Campaign: true, Plan: (*gen).longdocHarvest},
	{Name: "h4_roleplay_harvest", Campaign: true, Plan: (*gen).roleplayHarvest},
	{Name: "h4_codereview_harvest", Campaign: true, Plan: (*gen).codereviewHarvest},
	{Name: "h4_aged_slow", Campaign: true, Plan: (*gen).agedSlow},
}

// account is one API key and the clients that send with it.
type account struct {
	name     string // the label's account
	class    string
	campaign bool
	key      string
	oai      *client // client for OpenAI paths
	ant      *client // client for /v1/messages (nil: oai)
}

// call is one request waiting to be sent.
type call struct {
	at    time.Time
	acct  *account
	ip    string
	path  string
	body  []byte
	retry int // x-stainless-retry-count and the like
}

// actor is a source of calls: a user, a service, a job, a dispatcher.
// plan returns the next batch of calls, none before after; an empty batch
// ends the actor.
type actor struct {
	id    int
	calls []call
	plan  func(after time.Time) []call
}

type gen struct {
	spawned    []*actor // actors started while running
	cfg        Config
	start, end time.Time
	scale      float64
	actors     []*actor
	campaign   map[string]bool
	seq        uint64
	names      map[string]bool
}

func newGen(cfg Config) *gen {
	g := &gen{cfg: cfg, start: Start, end: Start.Add(cfg.Duration()), scale: 1, campaign: Classes(), names: map[string]bool{}}
	if cfg.Small {
		g.scale = 0.45
	}
	return g
}

// rng returns the generator of one named stream: every actor draws from
// its own, so adding a class or an account leaves the others unchanged.
func (g *gen) rng(tag string, i int) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(tag))
	return rand.New(rand.NewPCG(g.cfg.Seed^0x5eed_4a11_0c4d_0000, h.Sum64()+uint64(i)*0x9e3779b97f4a7c15))
}

// count scales an account count to the trace size.
func (g *gen) count(n int) int { return max(1, int(math.Round(float64(n)*g.scale))) }

// frac is the instant a fraction f of the way through the window.
func (g *gen) frac(f float64) time.Time {
	return g.start.Add(time.Duration(f * float64(g.end.Sub(g.start))))
}

func (g *gen) newAccount(class string, i int, key string, oai, ant *client) *account {
	campaign, ok := g.campaign[class]
	if !ok {
		panic("annotation: unknown class " + class)
	}
	name := fmt.Sprintf("%s-%04d", class, i)
	if g.names[name] {
		panic("annotation: account name repeated: " + name)
	}
	g.names[name] = true
	return &account{name: name, class: class, campaign: campaign, key: key, oai: oai, ant: ant}
}

func (g *gen) addActor(plan func(after time.Time) []call) {
	g.actors = append(g.actors, &actor{id: len(g.actors), plan: plan})
}

// spawn sends calls later than the current one on their own, without
// holding up the actor that planned them: a retry, a follow-up.
func (g *gen) spawn(calls []call) {
	if len(calls) == 0 {
		return
	}
	a := &actor{id: len(g.actors), plan: once(func() []call { return calls })}
	g.actors = append(g.actors, a)
	g.spawned = append(g.spawned, a)
}

// refill asks the actor for its next batch, keeps the calls inside the
// window, millisecond-aligned and in order; false when the actor is done.
func (g *gen) refill(a *actor, after time.Time) bool {
	for {
		batch := a.plan(after)
		if len(batch) == 0 {
			return false
		}
		// calls planned before the window opened did not happen in it
		inWindow := batch[:0]
		for _, c := range batch {
			if !c.at.Before(g.start) {
				inWindow = append(inWindow, c)
			}
		}
		if len(inWindow) == 0 {
			if last := batch[len(batch)-1].at; last.After(after) {
				after = last
			}
			continue
		}
		batch = inWindow
		for i := range batch {
			if batch[i].at.Before(after) {
				batch[i].at = after
			}
			batch[i].at = batch[i].at.Truncate(time.Millisecond)
		}
		slices.SortStableFunc(batch, func(x, y call) int { return x.at.Compare(y.at) })
		if !batch[0].at.Before(g.end) {
			return false
		}
		kept := batch[:0]
		for _, c := range batch {
			if c.at.Before(g.end) {
				kept = append(kept, c)
			}
		}
		if len(kept) > 0 {
			a.calls = kept
			return true
		}
		after = batch[len(batch)-1].at
	}
}

type actorHeap []*actor

func (h actorHeap) Len() int { return len(h) }
func (h actorHeap) Less(i, j int) bool {
	if c := h[i].calls[0].at.Compare(h[j].calls[0].at); c != 0 {
		return c < 0
	}
	return h[i].id < h[j].id
}
func (h actorHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *actorHeap) Push(x any)   { *h = append(*h, x.(*actor)) }
func (h *actorHeap) Pop() any {
	old := *h
	a := old[len(old)-1]
	*h = old[:len(old)-1]
	return a
}

func (g *gen) run(emit Emit) error {
	var h actorHeap
	for _, a := range g.actors {
		if g.refill(a, g.start) {
			h = append(h, a)
		}
	}
	heap.Init(&h)
	for h.Len() > 0 {
		a := h[0]
		c := a.calls[0]
		a.calls = a.calls[1:]
		rec, lab := g.render(&c)
		if err := emit(rec, lab); err != nil {
			return err
		}
		if len(a.calls) == 0 && !g.refill(a, c.at) {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
		for _, s := range g.spawned {
			if g.refill(s, c.at) {
				heap.Push(&h, s)
			}
		}
		g.spawned = g.spawned[:0]
	}
	if g.seq == 0 {
		return errors.New("annotation: no records generated")
	}
	return nil
}

// requestID is a 16-hex-digit id, unique within a trace: a bijective mix
// of the sequence number.
func (g *gen) requestID() string {
	g.seq++
	x := g.seq + g.cfg.Seed*0x9e3779b97f4a7c15
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return fmt.Sprintf("req_%016x", x)
}

func (g *gen) render(c *call) (tracefmt.Record, tracefmt.Label) {
	id := g.requestID()
	cl := c.acct.oai
	anthropic := c.path == pathMessages
	if anthropic && c.acct.ant != nil {
		cl = c.acct.ant
	}
	if anthropic && (cl.kind == kOpenAIPy || cl.kind == kOpenAINode || cl.kind == kOpenAIGo) || !anthropic && (cl.kind == kAnthropicPy || cl.kind == kAnthropicTS) {
		panic("annotation: " + c.acct.name + " calls " + c.path + " with the other dialect's SDK")
	}
	rec := tracefmt.Record{
		TS: c.at, RequestID: id, IP: c.ip, Method: "POST", Path: c.path,
		Headers: cl.headers(c.acct.key, anthropic, len(c.body), c.retry),
		JA4:     cl.ja4,
		Body:    c.body,
	}
	lab := tracefmt.Label{RequestID: id, Class: c.acct.class, Campaign: c.acct.campaign, Account: c.acct.name}
	return rec, lab
}

// ---- time helpers ----

// dur is a duration of s seconds.
func dur(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// expSec draws an exponential duration with the given mean in seconds.
func expSec(r *rand.Rand, mean float64) time.Duration { return dur(r.ExpFloat64() * mean) }

// logn draws a log-normal duration with the given median in seconds.
func logn(r *rand.Rand, median, sigma float64) time.Duration {
	return dur(median * math.Exp(sigma*r.NormFloat64()))
}

// lognF draws a log-normal number with the given median.
func lognF(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// nextArrival is the next event after t of a Poisson process whose rate
// per hour is rate(t) <= peak; ok is false once past the window's end.
func (g *gen) nextArrival(r *rand.Rand, t time.Time, peak float64, rate func(time.Time) float64) (time.Time, bool) {
	if peak <= 0 {
		return t, false
	}
	for {
		t = t.Add(dur(r.ExpFloat64() / peak * 3600))
		if !t.Before(g.end) {
			return t, false
		}
		if rate == nil || r.Float64()*peak < rate(t) {
			return t, true
		}
	}
}

// localHour is the hour of day (fractional) at UTC offset tz hours.
func localHour(t time.Time, tz float64) float64 {
	h := float64(t.Hour()) + float64(t.Minute())/60 + tz
	return math.Mod(h+48, 24)
}

// curve interpolates a 24-point hourly profile.
func curve(p *[24]float64, h float64) float64 {
	i := int(h) % 24
	f := h - math.Floor(h)
	return p[i]*(1-f) + p[(i+1)%24]*f
}

// workday: offices and business tools, with a lunch dip.
var workday = [24]float64{0.03, 0.02, 0.02, 0.02, 0.03, 0.05, 0.12, 0.35, 0.75, 1, 1, 0.95, 0.6, 0.85, 1, 0.95, 0.8, 0.5, 0.25, 0.15, 0.1, 0.08, 0.05, 0.04}

// people: consumers and hobbyists, evening peak.
var people = [24]float64{0.35, 0.2, 0.1, 0.06, 0.05, 0.07, 0.15, 0.3, 0.45, 0.55, 0.6, 0.65, 0.7, 0.65, 0.62, 0.65, 0.7, 0.75, 0.85, 0.95, 1, 0.95, 0.8, 0.55}

// devs: developers, late and long days.
var devs = [24]float64{0.3, 0.2, 0.12, 0.08, 0.06, 0.06, 0.1, 0.22, 0.45, 0.75, 0.9, 0.95, 0.8, 0.9, 1, 1, 0.95, 0.85, 0.7, 0.6, 0.6, 0.6, 0.55, 0.45}
