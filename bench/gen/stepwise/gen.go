package stepwise

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects a trace: the seed of every random draw and its size. The
// zero Config is the full trace of seed 0.
type Config struct {
	Seed  uint64
	Small bool // three simulated hours and about 70% of the population
}

// Full is the six-hour trace of seed.
func Full(seed uint64) Config { return Config{Seed: seed} }

// Small is the three-hour trace of seed with a smaller population.
func Small(seed uint64) Config { return Config{Seed: seed, Small: true} }

// Start is the first instant of the window: Tuesday 15 September 2026,
// 14:00 UTC — late afternoon in Europe and India, morning in the Americas.
var Start = time.Date(2026, 9, 15, 14, 0, 0, 0, time.UTC)

// Duration is the length of the window of c.
func (c Config) Duration() time.Duration {
	if c.Small {
		return 3 * time.Hour
	}
	return 6 * time.Hour
}

// Emit receives every record with its label, in timestamp order.
type Emit = genkit.Emit

// Generate simulates the window of cfg and hands each record and its label
// to emit in timestamp order. A Config always yields the same records.
func Generate(cfg Config, emit Emit) error {
	s := newSim(cfg)
	genkit.PlanAll(classes, s)
	if err := s.events.Flush(s.render, emit); err != nil {
		return fmt.Errorf("stepwise: %w", err)
	}
	return nil
}

// Write writes the trace of cfg to trace and its labels to labels, both as
// JSON lines, and returns how many records it wrote.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	return genkit.Write(trace, labels, func(emit Emit) error { return Generate(cfg, emit) })
}

// Classes returns every class label the generator writes, mapped to
// whether it marks a distillation campaign.
func Classes() map[string]bool { return genkit.Campaigns(classes) }

var classes = []genkit.Class[*sim]{
	{Name: "h6_math_app", Plan: (*sim).mathApp},
	{Name: "h6_reasoning_researchers", Plan: (*sim).researchers},
	{Name: "h6_daily_keys", Plan: (*sim).dailyKeys},
	{Name: "h6_enterprise_copilot", Plan: (*sim).enterpriseCopilot},
	{Name: "h6_casual", Plan: (*sim).casual},
	{Name: "h6_key_farm", Campaign: true, Plan: (*sim).keyFarm},
	{Name: "h6_slow_aged", Campaign: true, Plan: (*sim).slowAged},
	{Name: "h6_teacher_front", Campaign: true, Plan: (*sim).teacherFront},
}

// acct is one API key and the software that sends with it.
type acct struct {
	label    string // stable account name in the labels
	class    string
	campaign bool
	key      string
	sw       *software
}

// event is one planned request; the schedule keeps when.
type event struct {
	who     *acct
	ip      string
	path    string
	q       *query
	attempt int // the SDK's retry count
}

type sim struct {
	cfg      Config
	t0, t1   time.Time
	pop      float64 // population factor
	events   *genkit.Schedule[event]
	seen     map[string]bool
	campaign map[string]bool
	ids      uint64
}

func newSim(cfg Config) *sim {
	s := &sim{cfg: cfg, t0: Start, t1: Start.Add(cfg.Duration()), pop: 1, seen: map[string]bool{}, campaign: Classes()}
	s.events = genkit.NewSchedule[event](s.t0, s.t1)
	if cfg.Small {
		s.pop = 0.7
	}
	return s
}

// stream returns the PCG stream of one named actor, so that every actor
// draws independently of the others.
func (s *sim) stream(name string, i int) *rand.Rand {
	var h uint64 = 0xcbf29ce484222325
	for j := 0; j < len(name); j++ {
		h ^= uint64(name[j])
		h *= 0x100000001b3
	}
	return rand.New(rand.NewPCG(s.cfg.Seed^0x6865_6c64_6f75_7436, h+uint64(i)*0x9e3779b97f4a7c15))
}

// n scales a head count to the trace's population.
func (s *sim) n(full int) int { return max(1, int(math.Round(float64(full)*s.pop))) }

// perHour scales a head count of people who arrive through the whole
// six-hour window (from hour from on) to the trace's population and
// window.
func (s *sim) perHour(full int, from float64) int {
	return s.n(int(math.Round(float64(full) * (s.window() - from) / (6 - from))))
}

// window is the simulated length in hours.
func (s *sim) window() float64 { return s.t1.Sub(s.t0).Hours() }

func (s *sim) account(class string, i int, sw *software, key string) *acct {
	camp, ok := s.campaign[class]
	if !ok {
		panic("stepwise: unknown class " + class)
	}
	label := fmt.Sprintf("%s-%04d", class, i)
	if s.seen[label] {
		panic("stepwise: account repeated: " + label)
	}
	s.seen[label] = true
	return &acct{label: label, class: class, campaign: camp, key: key, sw: sw}
}

// send plans a request at t; a request outside the window is dropped. It
// reports whether the request was kept.
func (s *sim) send(t time.Time, a *acct, ip, path string, q *query) bool {
	return s.events.Add(t, event{who: a, ip: ip, path: path, q: q})
}

// maybeRetry, with probability p, repeats the last planned request as its
// SDK would after a timeout or a 5xx: the same body a few seconds later,
// the attempt counted in the retry header.
func (s *sim) maybeRetry(r *rand.Rand, p float64) {
	if s.events.Len() == 0 || r.Float64() >= p {
		return
	}
	at, e, _ := s.events.Last()
	if !e.who.sw.sdk() {
		return
	}
	e.attempt++
	s.events.Add(at.Add(secs(20+40*r.Float64()+float64(e.attempt))), e)
}

func (s *sim) render(at time.Time, e event) (tracefmt.Record, tracefmt.Label) {
	id := s.nextID()
	body := e.who.sw.body(e.q, e.path)
	rec := tracefmt.Record{
		TS: at, RequestID: id, IP: e.ip, Method: "POST", Path: e.path,
		Headers: e.who.sw.headers(e.who.key, e.path, len(body), e.attempt, e.q.stream),
		JA4:     e.who.sw.ja4,
		Body:    body,
	}
	return rec, tracefmt.Label{RequestID: id, Class: e.who.class, Campaign: e.who.campaign, Account: e.who.label}
}

// nextID returns a request id unique in the trace: an invertible scramble
// of a counter, keyed by the seed.
func (s *sim) nextID() string {
	s.ids++
	x := s.ids*0xff51afd7ed558ccd + s.cfg.Seed
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 29
	return fmt.Sprintf("h6-%016x", x)
}

// ---- time and draws ----

func secs(x float64) time.Duration { return time.Duration(x * float64(time.Second)) }
func mins(x float64) time.Duration { return time.Duration(x * float64(time.Minute)) }
func hrs(x float64) time.Duration  { return time.Duration(x * float64(time.Hour)) }

// logn draws from a log-normal with median med and spread sd.
func logn(r *rand.Rand, med, sd float64) float64 { return med * math.Exp(sd*r.NormFloat64()) }

func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

func uniform(r *rand.Rand, lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }

func oneOf[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// choose returns i with probability w[i]/sum(w).
func choose(r *rand.Rand, w ...float64) int {
	t := 0.0
	for _, x := range w {
		t += x
	}
	u := r.Float64() * t
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

// readAndType is a person's pause between turns after a reply of n
// characters: reading part of it and typing the next message.
func readAndType(r *rand.Rand, n int) time.Duration {
	read := float64(n) / logn(r, 30, 0.35) * r.Float64()
	return secs(math.Min(1200, math.Max(5, read+logn(r, 30, 0.8))))
}

// answerTime is how long the model streams an answer of about n output
// characters.
func answerTime(r *rand.Rand, n int) time.Duration {
	return secs(0.5 + float64(n)/logn(r, 260, 0.25))
}
