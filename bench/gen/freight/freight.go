package freight

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

// Config sets the world's size and window.
type Config struct {
	Seed    uint64
	Start   time.Time     // start of the window (UTC)
	Window  time.Duration // at least 24 hours
	Release time.Duration // offset of the tide-3 release from Start
	Scale   float64       // multiplies the number of accounts of every class
}

// Full is the benchmark size: two days, about a hundred thousand requests.
func Full(seed uint64) Config {
	return Config{Seed: seed, Start: time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC), Window: 48 * time.Hour, Release: 26*time.Hour + 30*time.Minute, Scale: 1}
}

// Small is the test size: thirty hours, a fraction of the accounts.
func Small(seed uint64) Config {
	return Config{Seed: seed, Start: time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC), Window: 30 * time.Hour, Release: 17 * time.Hour, Scale: 0.25}
}

// classes lists every class, legitimate first.
var classes = []genkit.Class[*gen]{
	{Name: "staff_chat", Plan: planStaff},
	{Name: "dispatch_plugin", Plan: planPlugin},
	{Name: "telematics_app", Plan: planTelematics},
	{Name: "marketplace_support", Plan: planMarketplace},
	{Name: "shipping_gateway", Plan: planGateway},
	{Name: "customs_batch", Plan: planCustoms},
	{Name: "driver_school", Plan: planSchool},
	{Name: "eval_team", Plan: planEval},
	{Name: "warehouse_agents", Plan: planWarehouse},
	{Name: "reseller_customer", Plan: planReseller}, // plans reseller_harvest too
	{Name: "reseller_harvest", Campaign: true, Plan: func(*gen) {}},
	{Name: "naive", Campaign: true, Plan: planNaive},
	{Name: "disguised", Campaign: true, Plan: planDisguised},
	{Name: "logprob", Campaign: true, Plan: planLogprob},
	{Name: "agentic", Campaign: true, Plan: planAgentic},
	{Name: "churn", Campaign: true, Plan: planChurn},
	{Name: "pivot", Campaign: true, Plan: planPivot},
	{Name: "low_slow", Campaign: true, Plan: planLowSlow},
}

// Classes maps every class to whether it is a campaign.
func Classes() map[string]bool { return genkit.Campaigns(classes) }

// account is one API key and who holds it.
type account struct {
	name string // label account
	key  string
	c    *client
}

// ev is one planned request.
type ev struct {
	a        *account
	class    string
	campaign bool
	ip       string
	c        *client // the client that sent it (usually a.c)
	body     []byte
}

type gen struct {
	cfg                 Config
	start, end, release time.Time
	sched               *genkit.Schedule[*ev]
	keys                map[string]bool
	campaign            map[string]bool
	n                   uint64
}

// Write writes the trace of cfg to trace and its labels to labels, in
// timestamp order, and returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	if cfg.Window < 24*time.Hour {
		return 0, fmt.Errorf("freight: window %s shorter than 24h", cfg.Window)
	}
	g := &gen{cfg: cfg, start: cfg.Start.UTC(), keys: map[string]bool{}, campaign: Classes()}
	g.end = g.start.Add(cfg.Window)
	g.release = g.start.Add(cfg.Release)
	g.sched = genkit.NewSchedule[*ev](g.start, g.end)
	genkit.PlanAll(classes, g)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return g.sched.Flush(g.render, emit)
	})
}

// rng returns the random stream of one class, independent of the others.
func (g *gen) rng(name string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(g.cfg.Seed, h.Sum64()))
}

// count scales a number of accounts.
func (g *gen) count(x float64) int { return max(1, int(math.Round(x*g.cfg.Scale))) }

// days is the window's length in days.
func (g *gen) days() float64 { return g.cfg.Window.Hours() / 24 }

// newAccount creates an account of class (or of the named owner) with client c.
func (g *gen) newAccount(r *rand.Rand, owner string, i int, c *client) *account {
	var key string
	for key == "" || g.keys[key] {
		key = "sk-tw-" + randStr(r, 40)
	}
	g.keys[key] = true
	return &account{name: fmt.Sprintf("%s-%04d", owner, i), key: key, c: c}
}

// add plans q from a at t, from ip, labelled class.
func (g *gen) add(t time.Time, a *account, class, ip string, q *req) {
	g.addVia(t, a, a.c, class, ip, q)
}

// addVia is add with the client c instead of the account's own.
func (g *gen) addVia(t time.Time, a *account, c *client, class, ip string, q *req) {
	g.sched.Add(t, &ev{a: a, class: class, campaign: g.campaign[class], ip: ip, c: c, body: c.body(q)})
}

// model returns the model an adopter picks at t: tide-3 once it has been
// out for delay, else base.
func (g *gen) model(t time.Time, base string, delay time.Duration) string {
	if delay >= 0 && !t.Before(g.release.Add(delay)) {
		return mTide3
	}
	return base
}

func (g *gen) render(t time.Time, e *ev) (tracefmt.Record, tracefmt.Label) {
	g.n++
	id := fmt.Sprintf("req_%016x", mix(g.cfg.Seed+g.n*0x9e3779b97f4a7c15))
	r := tracefmt.Record{TS: t, RequestID: id, IP: e.ip, Method: "POST", Path: e.c.d.path(),
		Headers: e.c.headers(e.a.key, len(e.body)), JA4: e.c.ja4, Body: e.body}
	return r, tracefmt.Label{RequestID: id, Class: e.class, Campaign: e.campaign, Account: e.a.name}
}

// mix is splitmix64's finaliser, a bijection.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
