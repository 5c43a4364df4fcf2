package counsel

import (
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects a trace of the counsel world.
type Config struct {
	Seed  uint64
	Start time.Time     // first instant of the window
	Span  time.Duration // length of the window
	Scale float64       // share of the full world's population and volume
}

// windowStart is 09:00 in New York on Tuesday 14 April 2026, the day before
// the federal filing deadline.
var windowStart = time.Date(2026, 4, 14, 13, 0, 0, 0, time.UTC)

// releaseAfter is when, after the window's start, the new model goes live
// (11:30 in New York).
const releaseAfter = 150 * time.Minute

// Full returns the configuration of the full trace of seed: six hours of
// the whole world.
func Full(seed uint64) Config {
	return Config{Seed: seed, Start: windowStart, Span: 6 * time.Hour, Scale: 1}
}

// Small returns the configuration of the small trace of seed: the same six
// hours with a sixth of every population.
func Small(seed uint64) Config {
	return Config{Seed: seed, Start: windowStart, Span: 6 * time.Hour, Scale: 1.0 / 6}
}

// Models of the API. aster-3 is released inside the window.
const (
	mFlag   = "aster-2"
	mMini   = "aster-2-mini"
	mReason = "aster-2-reasoning"
	mNew    = "aster-3"
)

// ResellerPrefix starts the name of every account of the reseller's key
// pool, whichever of its two classes a request belongs to.
const ResellerPrefix = "tollgate-"

type world struct {
	cfg        Config
	start, end time.Time
	release    time.Time
	sched      *genkit.Schedule[*event]
	keys       map[string]bool
	emitted    uint64

	mobileNAT []string // the carrier's IPv4 egress addresses in the region
	vpnExits  []string // exits of the consumer VPN services
	tollgate  *reseller
}

// event is one planned request; its body is built when it is written.
type event struct {
	acct  *account
	cl    *client
	ip    string
	api   api
	retry int
	seed  uint64
	body  func(r *rand.Rand) tracefmt.Obj
}

// account is one API key and the label of everything sent with it.
type account struct {
	name     string
	class    string
	campaign bool
	key      string
}

func newWorld(cfg Config) *world {
	w := &world{cfg: cfg, start: cfg.Start, end: cfg.Start.Add(cfg.Span), keys: map[string]bool{}}
	w.release = w.start.Add(releaseAfter)
	w.sched = genkit.NewSchedule[*event](w.start, w.end)
	r := w.rng("shared-networks")
	w.mobileNAT = mobileUS.hosts(r, 48)
	w.vpnExits = vpnRanges.hosts(r, 160)
	return w
}

// rng returns the random source of one part of the world, independent of
// every other part.
func (w *world) rng(name string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(w.cfg.Seed, h.Sum64()))
}

// n scales a full-world count, keeping at least lo.
func (w *world) n(full float64, lo int) int {
	return max(lo, int(math.Round(full*w.cfg.Scale)))
}

const (
	keyLegacy = iota // sk- and 48 characters: keys made before February 2026
	keyV2            // sk-live- and 40 characters: keys made since
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// newAccount makes an account with a fresh key.
func (w *world) newAccount(r *rand.Rand, class string, campaign bool, name string, kind int) *account {
	for {
		var b strings.Builder
		n := 48
		if kind == keyV2 {
			b.WriteString("sk-live-")
			n = 40
		} else {
			b.WriteString("sk-")
		}
		for range n {
			b.WriteByte(base62[r.IntN(len(base62))])
		}
		k := b.String()
		if !w.keys[k] {
			w.keys[k] = true
			return &account{name: name, class: class, campaign: campaign, key: k}
		}
	}
}

// add plans e at t (dropped outside the window).
func (w *world) add(t time.Time, e *event) {
	w.sched.Add(t, e)
}

// send plans one request from a on c at ip, and its SDK retries: with
// probability pRetry the first attempt failed (429 or 5xx) and the SDK sent
// the same body again after its backoff, with the retry count raised.
func (w *world) send(r *rand.Rand, t time.Time, a *account, c *client, ip string, pRetry float64, body func(*rand.Rand) tracefmt.Obj) *event {
	e := &event{acct: a, cl: c, ip: ip, api: c.api(), seed: r.Uint64(), body: body}
	w.add(t, e)
	if pRetry > 0 && chance(r, pRetry) {
		t2 := t
		for i := 1; i <= 2; i++ {
			back := time.Duration(float64(500*time.Millisecond) * math.Pow(2, float64(i-1)) * (0.75 + 0.25*r.Float64()))
			if chance(r, 0.5) { // the 429 named a Retry-After
				back = time.Duration(1+r.IntN(20)) * time.Second
			}
			t2 = t2.Add(back + time.Duration(300+r.IntN(4000))*time.Millisecond)
			re := *e
			re.retry = i
			w.add(t2, &re)
			if !chance(r, 0.25) {
				break
			}
		}
	}
	return e
}

// again plans the body of e once more at t from another account, client
// or address (a gateway failing over to its next key, a harvester moving a
// throttled request to another account).
func (w *world) again(t time.Time, e *event, a *account, c *client, ip string) {
	x := *e
	x.acct, x.cl, x.ip, x.retry = a, c, ip, 0
	w.add(t, &x)
}

func (w *world) render(at time.Time, e *event) (tracefmt.Record, tracefmt.Label) {
	r := rand.New(rand.NewPCG(e.seed, 0x5eed))
	obj := reorder(e.body(r), e.cl.order, e.api)
	body := e.cl.enc.marshal(obj)
	hr := rand.New(rand.NewPCG(e.seed, uint64(e.retry)+1))
	w.emitted++
	id := requestID(w.cfg.Seed, w.emitted)
	rec := tracefmt.Record{
		TS: at, RequestID: id, IP: e.ip, Method: "POST", Path: e.api.path(),
		Headers: e.cl.headers(e.api, e.acct.key, e.retry, len(body), hr),
		JA4:     e.cl.ja4(),
		Body:    body,
	}
	lab := tracefmt.Label{RequestID: id, Class: e.acct.class, Campaign: e.acct.campaign, Account: e.acct.name}
	return rec, lab
}

// requestID is the proxy's id of the n-th request: random-looking, the same
// for a seed.
func requestID(seed, n uint64) string {
	a := splitmix(seed ^ n*0x9e3779b97f4a7c15)
	b := splitmix(a ^ n)
	return fmt.Sprintf("req_%016x%08x", a, uint32(b))
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// Write writes the trace of cfg to trace and its labels to labels, and
// returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	w := newWorld(cfg)
	genkit.PlanAll(classList(), w)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return w.sched.Flush(w.render, emit)
	})
}

// Classes maps every class of the world to whether it is a distillation
// campaign.
func Classes() map[string]bool { return genkit.Campaigns(classList()) }

func classList() []genkit.Class[*world] {
	return []genkit.Class[*world]{
		{Name: "intake_app", Plan: planIntakeApp},
		{Name: "batch_jobs", Plan: planBatchJobs},
		{Name: "review_plugin", Plan: planReviewPlugin},
		{Name: "firm_gateway", Plan: planFirmGateway},
		{Name: "cpe_cohort", Plan: planCPECohort},
		{Name: "developers", Plan: planDevelopers},
		{Name: "eval_bench", Plan: planEvalBench},
		{Name: "screening_agent", Plan: planScreeningAgent},
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
}

// --- time shapes and arrival processes

// officeDay is the relative activity of office workers at local hour h:
// quiet before eight, full in the morning, a dip at lunch, fading after
// five.
func officeDay(h float64) float64 {
	pts := [][2]float64{{0, 0.04}, {6, 0.05}, {7, 0.15}, {8, 0.55}, {9, 0.95}, {10, 1}, {11.5, 1}, {12, 0.7}, {13, 0.72}, {13.5, 0.95}, {16, 0.95}, {17, 0.6}, {18, 0.3}, {20, 0.18}, {22, 0.1}, {24, 0.04}}
	h = math.Mod(h+24, 24)
	for i := 1; i < len(pts); i++ {
		if h <= pts[i][0] {
			a, b := pts[i-1], pts[i]
			return a[1] + (b[1]-a[1])*(h-a[0])/(b[0]-a[0])
		}
	}
	return pts[len(pts)-1][1]
}

// local returns the activity shape of offices at UTC offset tz hours.
func local(tz float64) func(time.Time) float64 {
	return func(t time.Time) float64 {
		h := float64(t.Hour()) + float64(t.Minute())/60 + tz
		return officeDay(h)
	}
}

// usOffices mixes the four US time zones by population.
func usOffices(t time.Time) float64 {
	return 0.47*local(-4)(t) + 0.29*local(-5)(t) + 0.07*local(-6)(t) + 0.17*local(-7)(t)
}

func flat(time.Time) float64 { return 1 }

// poisson calls fn at the arrival times of a Poisson process over
// [from, to) with the rate perHour*shape(t); shape must stay at or below 1.
func poisson(r *rand.Rand, from, to time.Time, perHour float64, shape func(time.Time) float64, fn func(time.Time)) {
	if perHour <= 0 {
		return
	}
	mean := float64(time.Hour) / perHour
	for t := from; ; {
		t = t.Add(time.Duration(r.ExpFloat64() * mean))
		if !t.Before(to) {
			return
		}
		if r.Float64() < shape(t) {
			fn(t)
		}
	}
}

// --- small random helpers

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func pickW[T any](r *rand.Rand, xs []T, ws []float64) T {
	var sum float64
	for _, w := range ws[:len(xs)] {
		sum += w
	}
	x := r.Float64() * sum
	for i, w := range ws[:len(xs)] {
		if x < w {
			return xs[i]
		}
		x -= w
	}
	return xs[len(xs)-1]
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

func dur(r *rand.Rand, lo, hi time.Duration) time.Duration {
	return lo + time.Duration(r.Int64N(int64(hi-lo)+1))
}

// jitter returns d scaled by a random factor in [1-f, 1+f].
func jitter(r *rand.Rand, d time.Duration, f float64) time.Duration {
	return time.Duration(float64(d) * (1 - f + 2*f*r.Float64()))
}

// shapeTime draws an instant in [from, to) with density proportional to
// shape (rejection sampling).
func shapeTime(r *rand.Rand, from, to time.Time, shape func(time.Time) float64) time.Time {
	span := to.Sub(from)
	for i := 0; i < 200; i++ {
		t := from.Add(time.Duration(r.Int64N(int64(span))))
		if r.Float64() < shape(t) {
			return t
		}
	}
	return from.Add(time.Duration(r.Int64N(int64(span))))
}

// --- body helpers

func m(role string, content any) tracefmt.Obj {
	return tracefmt.Obj{{"role", role}, {"content", content}}
}

// oaBody is a chat completions body as calling code writes it: model,
// messages (system first), then the options.
func oaBody(model, system string, msgs []tracefmt.Obj, opts ...tracefmt.KV) tracefmt.Obj {
	all := make([]tracefmt.Obj, 0, len(msgs)+1)
	if system != "" {
		all = append(all, m("system", system))
	}
	all = append(all, msgs...)
	o := tracefmt.Obj{{"model", model}, {"messages", all}}
	return append(o, opts...)
}

// anBody is a messages body as calling code writes it.
func anBody(model string, maxTokens int, system string, msgs []tracefmt.Obj, opts ...tracefmt.KV) tracefmt.Obj {
	o := tracefmt.Obj{{"model", model}, {"max_tokens", maxTokens}}
	if system != "" {
		o = append(o, tracefmt.KV{"system", system})
	}
	o = append(o, tracefmt.KV{"messages", msgs})
	return append(o, opts...)
}

func kv(k string, v any) tracefmt.KV { return tracefmt.KV{Key: k, Value: v} }

// ask is a one-turn body of either API: system and user text, output
// budget, temperature (NaN: unset), streaming, and extra options.
func ask(a api, model, system, user string, maxTok int, temp float64, stream bool, opts ...tracefmt.KV) tracefmt.Obj {
	var o []tracefmt.KV
	if a == anthropic {
		if !math.IsNaN(temp) {
			o = append(o, kv("temperature", temp))
		}
		if stream {
			o = append(o, kv("stream", true))
		}
		o = append(o, opts...)
		return anBody(model, maxTok, system, []tracefmt.Obj{m("user", user)}, o...)
	}
	if !math.IsNaN(temp) {
		o = append(o, kv("temperature", temp))
	}
	if maxTok > 0 {
		o = append(o, kv("max_tokens", maxTok))
	}
	if stream {
		o = append(o, kv("stream", true))
	}
	o = append(o, opts...)
	return oaBody(model, system, []tracefmt.Obj{m("user", user)}, o...)
}

var unset = math.NaN()
