package launch

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

// Config selects the trace: the seed of every random choice and its size.
// The zero Config is the full six-hour trace of seed 0.
type Config struct {
	Seed  uint64
	Small bool // three simulated hours and about 55% of the accounts
}

// Full is the six-hour trace of seed.
func Full(seed uint64) Config { return Config{Seed: seed} }

// Small is the three-hour trace of seed, with fewer accounts.
func Small(seed uint64) Config { return Config{Seed: seed, Small: true} }

// Start is the first instant of the simulated window: a Tuesday, early
// afternoon in Europe, morning in the Americas.
var Start = time.Date(2026, 6, 9, 14, 0, 0, 0, time.UTC)

// Duration is the length of the simulated window.
func (c Config) Duration() time.Duration {
	if c.Small {
		return 3 * time.Hour
	}
	return 6 * time.Hour
}

// Emit receives each record and its label, in timestamp order.
type Emit = genkit.Emit

// Generate simulates the window and passes every record with its label to
// emit in timestamp order. The same Config always gives the same records.
func Generate(cfg Config, emit Emit) error {
	g := newGen(cfg)
	genkit.PlanAll(classList, g)
	if err := g.calls.Flush(g.render, emit); err != nil {
		return fmt.Errorf("launch: %w", err)
	}
	return nil
}

// Write writes the trace of cfg to trace and its labels to labels (JSON
// lines) and returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	return genkit.Write(trace, labels, func(emit Emit) error { return Generate(cfg, emit) })
}

// Classes maps every class the generator labels to whether it is a
// campaign.
func Classes() map[string]bool { return genkit.Campaigns(classList) }

var classList = []genkit.Class[*gen]{
	{Name: "h5_course_launch", Plan: (*gen).courseLaunch},
	{Name: "h5_onboarding", Plan: (*gen).onboarding},
	{Name: "h5_viral_app", Plan: (*gen).viralApp},
	{Name: "h5_long_chats", Plan: (*gen).longChats},
	{Name: "h5_eval_newkeys", Plan: (*gen).evalNewKeys},
	{Name: "h5_rotating_harvest", Campaign: true, Plan: (*gen).rotatingHarvest},
	{Name: "h5_sleeper_accounts", Campaign: true, Plan: (*gen).sleeperAccounts},
	{Name: "h5_conversation_harvest", Campaign: true, Plan: (*gen).conversationHarvest},
}

// account is one API key and the client installation that uses it.
type account struct {
	name     string
	class    string
	campaign bool
	key      string
	cl       *client
}

// call is one request: from where, by whom, and what it asks; the
// schedule keeps when.
type call struct {
	acct  *account
	ip    string
	path  string
	req   *request
	retry int
}

type gen struct {
	cfg        Config
	start, end time.Time
	scale      float64
	calls      *genkit.Schedule[call]
	names      map[string]bool
	campaign   map[string]bool
	nreq       uint64
}

func newGen(cfg Config) *gen {
	g := &gen{cfg: cfg, start: Start, end: Start.Add(cfg.Duration()), scale: 1, names: map[string]bool{}, campaign: Classes()}
	g.calls = genkit.NewSchedule[call](g.start, g.end)
	if cfg.Small {
		g.scale = 0.55
	}
	return g
}

// rng is the random stream of one named actor: each actor has its own, so
// that a change in one class leaves the others' draws alone.
func (g *gen) rng(tag string, i int) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(tag))
	return rand.New(rand.NewPCG(g.cfg.Seed*0x9e3779b97f4a7c15+0x68656c64, h.Sum64()^uint64(i)*0xbf58476d1ce4e5b9))
}

// count scales a number of accounts to the trace's size.
func (g *gen) count(n int) int { return max(1, int(math.Round(float64(n)*g.scale))) }

// at is the instant full hours into the full window, or small hours into
// the small one.
func (g *gen) at(full, small float64) time.Time {
	h := full
	if g.cfg.Small {
		h = small
	}
	return g.start.Add(hours(h))
}

func (g *gen) newAccount(cls string, i int, key string, cl *client) *account {
	campaign, ok := g.campaign[cls]
	if !ok {
		panic("launch: unknown class " + cls)
	}
	name := fmt.Sprintf("%s-%04d", cls, i)
	if g.names[name] {
		panic("launch: account name repeated: " + name)
	}
	g.names[name] = true
	return &account{name: name, class: cls, campaign: campaign, key: key, cl: cl}
}

// send plans one request; those outside the window are dropped.
func (g *gen) send(at time.Time, a *account, ip, path string, req *request) {
	g.calls.Add(at, call{acct: a, ip: ip, path: path, req: req})
}

// retry plans a retry of the last planned request by its SDK, after a
// timeout or a dropped connection: the same body, the attempt counted.
func (g *gen) retry(r *rand.Rand, after time.Duration) {
	at, c, ok := g.calls.Last()
	if !ok {
		return
	}
	c.retry++
	g.calls.Add(at.Add(after+dur(0.5+r.Float64())), c)
}

// requestID is unique within a trace: a bijective mix of the sequence
// number and the seed.
func (g *gen) requestID() string {
	g.nreq++
	x := g.nreq ^ (g.cfg.Seed+1)*0xd6e8feb86659fd93
	x ^= x >> 32
	x *= 0xd6e8feb86659fd93
	x ^= x >> 32
	x *= 0xd6e8feb86659fd93
	x ^= x >> 32
	return fmt.Sprintf("h5-%016x", x)
}

func (g *gen) render(at time.Time, c call) (tracefmt.Record, tracefmt.Label) {
	id := g.requestID()
	body := c.acct.cl.encode(c.req, c.path)
	rec := tracefmt.Record{
		TS: at, RequestID: id, IP: c.ip, Method: "POST", Path: c.path,
		Headers: c.acct.cl.headers(c.acct.key, c.path, len(body), c.retry),
		JA4:     c.acct.cl.ja4,
		Body:    body,
	}
	return rec, tracefmt.Label{RequestID: id, Class: c.acct.class, Campaign: c.acct.campaign, Account: c.acct.name}
}

// ---- time ----

func dur(s float64) time.Duration     { return time.Duration(s * float64(time.Second)) }
func hours(h float64) time.Duration   { return time.Duration(h * float64(time.Hour)) }
func minutes(m float64) time.Duration { return time.Duration(m * float64(time.Minute)) }

// lognormal draws a number with median m and log-spread s.
func lognormal(r *rand.Rand, m, s float64) float64 { return m * math.Exp(s*r.NormFloat64()) }

// clamp bounds x to [lo, hi].
func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// thinkTime is how long a person takes to read a reply of n characters
// and type the next message: seconds to a few minutes.
func thinkTime(r *rand.Rand, n int) time.Duration {
	read := float64(n) / lognormal(r, 25, 0.4) // characters a second, skimming
	return dur(clamp(read*r.Float64()+lognormal(r, 25, 0.9), 4, 900))
}

// modelTime is how long the model takes to answer with about n characters.
func modelTime(r *rand.Rand, n int) time.Duration {
	return dur(0.6 + float64(n)/4/lognormal(r, 70, 0.3))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// weighted picks index i with probability w[i]/sum(w).
func weighted(r *rand.Rand, w ...float64) int {
	var s float64
	for _, x := range w {
		s += x
	}
	x := r.Float64() * s
	for i, v := range w {
		if x < v {
			return i
		}
		x -= v
	}
	return len(w) - 1
}
