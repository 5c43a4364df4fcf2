package arcade

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects one trace of the arcade world.
type Config struct {
	Seed    uint64        // every random draw derives from it
	Start   time.Time     // first instant of the window
	Window  time.Duration // length of the window
	Scale   float64       // multiplies every population and every app's volume
	Release time.Duration // when the new model ships, counted from Start
}

// The window: a Friday, 15:00-21:00 UTC, which is the European evening (the
// peak of games and companion apps), the American working day and the
// South-East Asian night.
var defaultStart = time.Date(2026, 5, 15, 15, 0, 0, 0, time.UTC)

// Full returns the configuration of the full trace: six hours, every
// population at its full size, the new model released 2 h 25 min in.
func Full(seed uint64) Config {
	return Config{Seed: seed, Start: defaultStart, Window: 6 * time.Hour, Scale: 1, Release: 2*time.Hour + 25*time.Minute}
}

// Small returns the configuration of the small trace: the same window and
// release, every population and volume scaled down.
func Small(seed uint64) Config {
	c := Full(seed)
	c.Scale = 0.12
	return c
}

// Classes returns every class of the world and whether it is a
// distillation campaign.
func Classes() map[string]bool { return genkit.Campaigns(classList) }

var classList = []genkit.Class[*world]{
	{Name: "companion_app", Plan: planCompanion},
	{Name: "npc_studio", Plan: planStudios},
	{Name: "streamer_tools", Plan: planStreamer},
	{Name: "chat_bots", Plan: planBots},
	{Name: "mod_players", Plan: planMod},
	{Name: "game_jam", Plan: planJam},
	{Name: "eval_team", Plan: planEval},
	{Name: "indie_devs", Plan: planIndie},
	{Name: "mobile_apps", Plan: planMobile},
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

// Write writes the trace of cfg and its labels and returns the number of
// records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	if cfg.Window <= 0 || cfg.Scale <= 0 {
		return 0, fmt.Errorf("arcade: bad config: window %s, scale %g", cfg.Window, cfg.Scale)
	}
	w := newWorld(cfg)
	genkit.PlanAll(classList, w)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return w.sched.Flush(w.render, emit)
	})
}

// world is the state every class plans on.
type world struct {
	cfg             Config
	start, end      time.Time
	release         time.Time
	sched           *genkit.Schedule[*req]
	emitted         uint64
	keys            map[string]bool
	mesh            *playmesh // the reseller's key pool, built by whichever class plans first
	classCampaign   map[string]bool
	accountsOfClass map[string]int
	observe         func(time.Time, *req) // when set, sees every request the schedule keeps (tests)
}

func newWorld(cfg Config) *world {
	return &world{
		cfg:             cfg,
		start:           cfg.Start,
		end:             cfg.Start.Add(cfg.Window),
		release:         cfg.Start.Add(cfg.Release),
		sched:           genkit.NewSchedule[*req](cfg.Start, cfg.Start.Add(cfg.Window)),
		keys:            map[string]bool{},
		classCampaign:   Classes(),
		accountsOfClass: map[string]int{},
	}
}

// rng returns the random source of one planning stream (a class, or a
// part of one), independent of every other stream.
func (w *world) rng(stream string) *rand.Rand {
	return rand.New(rand.NewPCG(w.cfg.Seed, hashString(stream)))
}

// n scales a population of base at full size, never below min.
func (w *world) n(base float64, min int) int {
	return max(min, int(math.Round(base*w.cfg.Scale)))
}

// workers scales a team of base parallel workers: it returns how many to
// run (at least one) and the factor their pauses stretch by so that the
// team's volume still scales with the population.
func (w *world) workers(base float64) (int, float64) {
	want := base * w.cfg.Scale
	n := max(1, int(math.Round(want)))
	return n, float64(n) / want
}

// rate scales a per-hour volume.
func (w *world) rate(base float64) float64 { return base * w.cfg.Scale }

// account is one API key: the unit the labels name.
type account struct {
	name string // label account
	key  string // the credential
	cl   *client
	path string // the endpoint it calls
}

// newAccount makes an account named prefix-NNNN (or prefix-suffix) with a
// fresh key.
func (w *world) newAccount(r *rand.Rand, prefix string, cl *client, path string) *account {
	w.accountsOfClass[prefix]++
	name := fmt.Sprintf("%s-%04d", prefix, w.accountsOfClass[prefix])
	return w.namedAccount(r, name, cl, path)
}

func (w *world) namedAccount(r *rand.Rand, name string, cl *client, path string) *account {
	for {
		k := apiKey(r)
		if !w.keys[k] {
			w.keys[k] = true
			return &account{name: name, key: k, cl: cl, path: path}
		}
	}
}

// req is one planned request, rendered when the schedule emits it.
type req struct {
	acct  *account
	class string
	cl    *client // the client that sent it: acct.cl unless the account mixes clients
	ip    string
	path  string
	retry int         // the SDK's retry count header
	extra [][2]string // per-request headers (beta flags, origins)
	seed  uint64      // the body's random source: the same seed, the same body
	body  func(*rand.Rand) tracefmt.Obj
}

// add plans one request of class by a at at.
func (w *world) add(at time.Time, class string, a *account, ip string, seed uint64, body func(*rand.Rand) tracefmt.Obj) *req {
	q := &req{acct: a, class: class, cl: a.cl, ip: ip, path: a.path, seed: seed, body: body}
	return w.keep(at, q)
}

// keep plans q at at and returns it, or nil when it falls outside the
// window.
func (w *world) keep(at time.Time, q *req) *req {
	if !w.sched.Add(at, q) {
		return nil
	}
	if w.observe != nil {
		w.observe(at, q)
	}
	return q
}

// again plans q once more at at: an SDK retry (same key, retry count up)
// when to is nil or q.acct, a failover to another key otherwise.
func (w *world) again(at time.Time, q *req, to *account, ip string) *req {
	c := *q
	c.ip = ip
	if to == nil || to == q.acct {
		c.retry++
	} else {
		c.acct, c.cl, c.path, c.retry = to, to.cl, to.path, 0
	}
	return w.keep(at, &c)
}

func (w *world) render(at time.Time, q *req) (tracefmt.Record, tracefmt.Label) {
	w.emitted++
	id := fmt.Sprintf("req_%016x", mix64(w.emitted+hashString("ids")^w.cfg.Seed<<1))
	r := rand.New(rand.NewPCG(q.seed, 0x5eed))
	body := q.cl.shape(q.body(r))
	raw := q.cl.enc.Marshal(body)
	rec := tracefmt.Record{
		TS:        at,
		RequestID: id,
		IP:        q.ip,
		Method:    "POST",
		Path:      q.path,
		Headers:   q.cl.headers(q, len(raw)),
		JA4:       q.cl.ja4,
		Body:      raw,
	}
	return rec, tracefmt.Label{RequestID: id, Class: q.class, Campaign: w.classCampaign[q.class], Account: q.acct.name}
}

// mix64 is the splitmix64 finalizer: a bijection of the 64-bit integers.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix64(h)
}

// sub returns the random source of part i of the thing seeded by seed: a
// conversation's turn, a trajectory's step.
func sub(seed uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, mix64(uint64(i)+0x51ab)))
}

// --- timing ---

// arrivals returns the instants of a Poisson process of peak rate perHour
// on [from, to), thinned by shape (in [0, 1]; nil: flat).
func arrivals(r *rand.Rand, from, to time.Time, perHour float64, shape func(time.Time) float64) []time.Time {
	var out []time.Time
	if perHour <= 0 {
		return nil
	}
	mean := float64(time.Hour) / perHour
	for t := from; ; {
		t = t.Add(time.Duration(r.ExpFloat64() * mean))
		if !t.Before(to) {
			return out
		}
		if shape == nil || r.Float64() < shape(t) {
			out = append(out, t)
		}
	}
}

// logn draws a log-normal duration of median m and spread sigma.
func logn(r *rand.Rand, m time.Duration, sigma float64) time.Duration {
	return time.Duration(float64(m) * math.Exp(r.NormFloat64()*sigma))
}

// between draws a uniform duration in [a, b).
func between(r *rand.Rand, a, b time.Duration) time.Duration {
	if b <= a {
		return a
	}
	return a + time.Duration(r.Int64N(int64(b-a)))
}

// jitter multiplies d by a uniform factor in [1-f, 1+f).
func jitter(r *rand.Rand, d time.Duration, f float64) time.Duration {
	return time.Duration(float64(d) * (1 - f + 2*f*r.Float64()))
}

// diurnal is the relative activity of people at a local hour (0-23.99):
// low before dawn, rising through the day, a peak in the late evening.
var diurnalCurve = [25]float64{
	0.38, 0.25, 0.16, 0.10, 0.07, 0.07, 0.10, 0.17, 0.27, 0.36, 0.43, 0.48,
	0.53, 0.55, 0.56, 0.58, 0.62, 0.69, 0.78, 0.88, 0.96, 1.00, 0.90, 0.64, 0.38,
}

// region is where people are: its UTC offset (hours) and its address pools.
type region struct {
	name   string
	offset float64
}

var (
	usEast = region{"us_east", -4}
	usWest = region{"us_west", -7}
	eu     = region{"eu", 2}
	uk     = region{"uk", 1}
	brazil = region{"br", -3}
	sea    = region{"sea", 8}
	japan  = region{"jp", 9}
)

// activity returns the diurnal activity of rg at t, in [0, 1].
func (rg region) activity(t time.Time) float64 {
	h := float64(t.UTC().Hour()) + float64(t.UTC().Minute())/60 + rg.offset
	h = math.Mod(h+48, 24)
	i := int(h)
	f := h - float64(i)
	return diurnalCurve[i]*(1-f) + diurnalCurve[i+1]*f
}

// weighted picks one of xs with the given weights.
func weighted[T any](r *rand.Rand, xs []T, ws []float64) T {
	var sum float64
	for _, x := range ws {
		sum += x
	}
	u := r.Float64() * sum
	for i, x := range ws {
		if u < x {
			return xs[i]
		}
		u -= x
	}
	return xs[len(xs)-1]
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }
