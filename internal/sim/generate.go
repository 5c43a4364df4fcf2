package sim

import (
	"container/heap"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// account is one API key and what its owner's requests look like.
type account struct {
	label   string
	key     string
	dialect Dialect
	stack   stack
	ip      string
}

func newAccount(r *rand.Rand, class Class, i int, st stack, ip string) *account {
	d := st.dialectOf(r)
	return &account{label: string(class) + "/" + strconv.Itoa(i), key: newKey(r, d), dialect: d, stack: st, ip: ip}
}

// event is one request an actor produces.
type event struct {
	acct  *account
	ip    string // empty: acct.ip
	class Class
	c     *convo
}

// actor is one source of requests: an account, an app, a gateway or a
// campaign's dispatcher. Actors own their random source, so the stream of
// one actor does not depend on any other.
type actor interface {
	// at is the offset from Scenario.Start of the next request.
	at() time.Duration
	// fire returns the request due at at() and schedules the next one. The
	// event may alias the actor's state until the next call.
	fire() event
}

// gen is the state shared by the generators of one scenario.
type gen struct {
	s     Scenario
	end   time.Duration
	scale float64
	seq   uint64
	r     *rand.Rand // header noise, in emission order
}

// rng returns the random source of stream (class index, actor index).
func (g *gen) rng(class, idx int) *rand.Rand {
	h := splitmix(uint64(g.s.Seed) + splitmix(uint64(class)+1))
	return rand.New(rand.NewPCG(h, splitmix(h^uint64(int64(idx)))))
}

func (g *gen) accounts(n int) int {
	return max(1, int(math.Round(float64(n)*g.scale)))
}

// window returns the active window of spec.
func (g *gen) window(spec ClassSpec) (from, to time.Duration) {
	to = spec.To
	if to == 0 || to > g.end {
		to = g.end
	}
	return spec.From, to
}

// builder makes the actors of one class.
type builder func(g *gen, spec ClassSpec, ci int) []actor

var builders map[Class]builder

func init() {
	builders = map[Class]builder{
		HumanChat: buildHumanChat, RAGApp: buildRAG, BatchEval: buildBatch, PopularTool: buildPopularTool,
		Enterprise: buildEnterprise, NewSignups: buildSignups, Tutoring: buildTutoring,
		Naive: buildNaive, Disguised: buildDisguised, Reseller: buildReseller, Logprob: buildLogprob,
		Agentic: buildAgentic, LowSlow: buildLowSlow,
	}
}

// Generate produces the records of s in timestamp order (ties in a fixed
// order) and calls emit for each with its label. It stops at the first error
// emit returns. The same Scenario always yields the same sequence.
func Generate(s Scenario, emit func(Record, Label) error) error {
	if err := s.validate(); err != nil {
		return err
	}
	g := &gen{s: s, end: s.Duration, scale: s.Scale}
	if g.scale == 0 {
		g.scale = 1
	}
	g.r = rand.New(rand.NewPCG(uint64(s.Seed), math.MaxUint64))
	var h actorHeap
	for ci, spec := range s.Classes {
		for _, a := range builders[spec.Class](g, spec, ci) {
			h = append(h, heapItem{a: a, at: a.at(), id: len(h)})
		}
	}
	heap.Init(&h)
	for len(h) > 0 {
		it := &h[0]
		if it.at >= g.end {
			heap.Pop(&h)
			continue
		}
		ev := it.a.fire()
		rec, lab, err := g.record(it.at, ev)
		if err != nil {
			return err
		}
		if err := emit(rec, lab); err != nil {
			return err
		}
		it.at = it.a.at()
		heap.Fix(&h, 0)
	}
	return nil
}

func (g *gen) record(at time.Duration, ev event) (Record, Label, error) {
	a := ev.acct
	path, body, err := ev.c.encode(a.dialect)
	if err != nil {
		return Record{}, Label{}, fmt.Errorf("sim: encode %s: %w", ev.class, err)
	}
	ip := ev.ip
	if ip == "" {
		ip = a.ip
	}
	g.seq++
	id := requestID(uint64(g.s.Seed), g.seq)
	rec := Record{
		TS: g.s.Start.Add(at).Truncate(time.Millisecond), RequestID: id, IP: ip,
		Method: "POST", Path: path, Headers: a.stack.headers(g.r, a.dialect, a.key, len(body)),
		JA4: a.stack.ja4, Body: body,
	}
	return rec, Label{RequestID: id, Class: ev.class, Campaign: ev.class.Campaign(), Account: a.label}, nil
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// requestID is a unique, unordered-looking id: a bijective mix of the
// sequence number, so ids never collide within a scenario.
func requestID(seed, seq uint64) string {
	x := seq ^ seed*0x9e3779b97f4a7c15
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	b := make([]byte, 0, 20)
	b = append(b, "req_"...)
	const hex = "0123456789abcdef"
	for i := 60; i >= 0; i -= 4 {
		b = append(b, hex[x>>uint(i)&15])
	}
	return string(b)
}

type heapItem struct {
	a  actor
	at time.Duration
	id int
}

type actorHeap []heapItem

func (h actorHeap) Len() int { return len(h) }
func (h actorHeap) Less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].id < h[j].id
}
func (h actorHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *actorHeap) Push(x any)   { *h = append(*h, x.(heapItem)) }
func (h *actorHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}

// Timing helpers.

// never is a time past every scenario's end.
const never = time.Duration(math.MaxInt64)

func exp(r *rand.Rand, mean time.Duration) time.Duration {
	return time.Duration(r.ExpFloat64() * float64(mean))
}

// lognormal draws around median with spread sigma (in log space), capped at 20 medians.
func lognormal(r *rand.Rand, median time.Duration, sigma float64) time.Duration {
	x := math.Exp(r.NormFloat64() * sigma)
	return time.Duration(math.Min(x, 20) * float64(median))
}

// diurnal is the relative activity at time t for a population whose local
// time is UTC+tz hours: 1 at 16:00, 0.15 at 04:00.
func diurnal(t time.Time, tz int) float64 {
	h := float64((t.Hour()+tz+24)%24) + float64(t.Minute())/60
	return 0.575 - 0.425*math.Cos(2*math.Pi*(h-4)/24)
}

// arrival returns the next arrival after t of a Poisson process at
// ratePerHour modulated by shape (0..1) by thinning, or never when it falls
// after end.
func arrival(r *rand.Rand, t, end time.Duration, ratePerHour float64, shape func(time.Duration) float64) time.Duration {
	if ratePerHour <= 0 {
		return never
	}
	mean := time.Duration(float64(time.Hour) / ratePerHour)
	for {
		t += exp(r, mean) + time.Millisecond
		if t >= end {
			return never
		}
		if shape == nil || r.Float64() < shape(t) {
			return t
		}
	}
}

// diurnalShape adapts diurnal to an offset clock.
func (g *gen) diurnalShape(tz int) func(time.Duration) float64 {
	return func(t time.Duration) float64 { return diurnal(g.s.Start.Add(t), tz) }
}
