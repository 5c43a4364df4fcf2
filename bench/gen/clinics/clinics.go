package clinics

import (
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects one trace of the clinics world.
type Config struct {
	Seed    uint64        // every random draw follows from it
	Start   time.Time     // the window's first instant
	Span    time.Duration // the window's length
	Scale   float64       // multiplies every population and every volume (1: the full trace)
	Release time.Duration // when halcyon-4.5 is released, counted from Start
}

// Full returns the full trace of seed: six hours, from 16:00 to 22:00 US
// Eastern (20:00-02:00 UTC) on a Tuesday in May 2026, with halcyon-4.5
// released at 18:50 Eastern.
func Full(seed uint64) Config {
	return Config{
		Seed:    seed,
		Start:   time.Date(2026, 5, 12, 20, 0, 0, 0, time.UTC),
		Span:    6 * time.Hour,
		Scale:   1,
		Release: 2*time.Hour + 50*time.Minute,
	}
}

// Small returns the small trace of seed: the same window and world with
// about a twentieth of its people and volume (every class still present,
// with enough accounts to show its shape, so small classes weigh more).
func Small(seed uint64) Config {
	c := Full(seed)
	c.Scale = 0.04
	return c
}

// The models the provider serves. halcyon-4.5 is released within the
// window (Config.Release); the dated names are the snapshots that
// integrators pin.
const (
	mFlag     = "halcyon-4"
	mFlagPin  = "halcyon-4-2026-03-01"
	mMini     = "halcyon-4-mini"
	mMiniPin  = "halcyon-4-mini-2025-11-18"
	mNew      = "halcyon-4.5"
	mNewDated = "halcyon-4.5-2026-05-12"
)

// Paths the trace's requests use.
const (
	pChat     = "/v1/chat/completions"
	pMessages = "/v1/messages"
	pComplete = "/v1/completions"
	pRespond  = "/v1/responses"
)

// Paths lists every path a request of the trace may have.
func Paths() []string { return []string{pChat, pMessages, pComplete, pRespond} }

// account is one API key and the stable name its labels carry.
type account struct {
	name string // the label's account
	key  string // the credential
}

// req is one planned request.
type req struct {
	acct     *account
	st       *stack
	class    string
	campaign bool
	ip       string
	path     string
	body     []byte
	retry    int         // the SDK's retry count for this attempt
	extra    [][2]string // headers the application adds (before the credential where it matters)
}

// world is the state every class plans on.
type world struct {
	cfg         Config
	start, end  time.Time
	release     time.Time
	sched       *genkit.Schedule[*req]
	keys        map[string]bool
	names       map[string]bool
	ids         *rand.Rand
	hdr         *rand.Rand // per-request header draws at render time
	cur         string     // the class being planned
	campaignNow bool
	scale       float64
	reseller    *reseller
	evalBank    []mcqItem // the public benchmark the eval team (and others) use
	cohortBank  []mcqItem // the prep course's question bank
}

// classes is the registry of the world's classes in planning order.
var classes = []genkit.Class[*world]{
	// legitimate
	{Name: "scribe_vendor", Plan: planScribe},
	{Name: "coding_batch", Plan: planCoding},
	{Name: "claims_nightly", Plan: planClaims},
	{Name: "law_review", Plan: planLaw},
	{Name: "exam_cohort", Plan: planCohort},
	{Name: "nlp_eval", Plan: planEval},
	{Name: "intake_bot", Plan: planIntake},
	{Name: "hospital_gateway", Plan: planGateway},
	{Name: "pro_individual", Plan: planPro},
	{Name: "reseller_customer", Plan: planResellerCustomers},
	// campaigns
	{Name: "reseller_harvest", Campaign: true, Plan: planResellerHarvest},
	{Name: "naive", Campaign: true, Plan: planNaive},
	{Name: "disguised", Campaign: true, Plan: planDisguised},
	{Name: "logprob", Campaign: true, Plan: planLogprob},
	{Name: "agentic", Campaign: true, Plan: planAgentic},
	{Name: "churn", Campaign: true, Plan: planChurn},
	{Name: "pivot", Campaign: true, Plan: planPivot},
	{Name: "low_slow", Campaign: true, Plan: planLowSlow},
}

// Classes maps every class of the world to whether it is a campaign.
func Classes() map[string]bool { return genkit.Campaigns(classes) }

// ResellerPrefix is the account prefix of the reseller's key pool, which
// carries both reseller_customer and reseller_harvest.
const ResellerPrefix = "reseller-"

// Write writes the trace of cfg and its labels and returns the number of
// records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	w := newWorld(cfg)
	for _, c := range classes {
		w.cur, w.campaignNow = c.Name, c.Campaign
		c.Plan(w)
	}
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return w.sched.Flush(w.render, emit)
	})
}

func newWorld(cfg Config) *world {
	if cfg.Scale <= 0 {
		cfg.Scale = 1
	}
	w := &world{
		cfg:     cfg,
		start:   cfg.Start,
		end:     cfg.Start.Add(cfg.Span),
		release: cfg.Start.Add(cfg.Release),
		sched:   genkit.NewSchedule[*req](cfg.Start, cfg.Start.Add(cfg.Span)),
		keys:    map[string]bool{},
		names:   map[string]bool{},
		ids:     rand.New(rand.NewPCG(cfg.Seed, 0x1d5)),
		hdr:     rand.New(rand.NewPCG(cfg.Seed, 0x4ed)),
		scale:   cfg.Scale,
	}
	// The public benchmark is the same whatever the seed: it is public.
	pub := rand.New(rand.NewPCG(20240611, 7))
	w.evalBank = makeBank(pub, 400)
	w.cohortBank = makeBank(w.rng("cohort-bank"), 140)
	return w
}

// rng returns the random source of one part of the world, so that the
// draws of one class do not shift those of another.
func (w *world) rng(part string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(part))
	return rand.New(rand.NewPCG(w.cfg.Seed, h.Sum64()))
}

// n scales a population or a volume, never below lo.
func (w *world) n(base float64, lo int) int {
	v := int(math.Round(base * w.scale))
	if v < lo {
		return lo
	}
	return v
}

// newAccount returns a fresh account of the class being planned, named
// class-name.
func (w *world) newAccount(r *rand.Rand, name string) *account {
	return w.namedAccount(r, w.cur+"-"+name)
}

func (w *world) namedAccount(r *rand.Rand, label string) *account {
	for w.names[label] { // two draws of one random name: tell them apart
		label += "x"
	}
	w.names[label] = true
	for {
		k := "sk-hc-" + randString(r, alnum, 40)
		if !w.keys[k] {
			w.keys[k] = true
			return &account{name: label, key: k}
		}
	}
}

// add plans one request of the class being planned.
func (w *world) add(at time.Time, a *account, st *stack, ip, path string, body []byte) *req {
	q := &req{acct: a, st: st, class: w.cur, campaign: w.campaignNow, ip: ip, path: path, body: body}
	w.sched.Add(at, q)
	return q
}

// addq plans q as is.
func (w *world) addq(at time.Time, q *req) bool { return w.sched.Add(at, q) }

func (w *world) render(at time.Time, q *req) (tracefmt.Record, tracefmt.Label) {
	id := "req_" + randString(w.ids, lowerHex, 24)
	rec := tracefmt.Record{
		TS:        at,
		RequestID: id,
		IP:        q.ip,
		Method:    "POST",
		Path:      q.path,
		Headers:   q.st.headers(w.hdr, q, len(q.body)),
		JA4:       q.st.ja4,
		Body:      q.body,
	}
	return rec, tracefmt.Label{RequestID: id, Class: q.class, Campaign: q.campaign, Account: q.acct.name}
}

const (
	alnum    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	lowerHex = "0123456789abcdef"
	b32      = "0123456789abcdefghjkmnpqrstvwxyz"
)

func randString(r *rand.Rand, set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[r.IntN(len(set))]
	}
	return string(b)
}

// --- time helpers ---

// poisson calls fn at the arrivals of a Poisson process of rate(t) per
// second over [from, to), by thinning a process of rate max.
func poisson(r *rand.Rand, from, to time.Time, max float64, rate func(time.Time) float64, fn func(time.Time)) {
	if max <= 0 {
		return
	}
	t := from
	for {
		t = t.Add(secs(r.ExpFloat64() / max))
		if !t.Before(to) {
			return
		}
		if r.Float64()*max < rate(t) {
			fn(t)
		}
	}
}

func secs(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func mins(m float64) time.Duration { return time.Duration(m * float64(time.Minute)) }

// lognormal returns a log-normal draw with the given median and spread
// (the sigma of its log).
func lognormal(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// between returns a uniform draw in [lo, hi).
func between(r *rand.Rand, lo, hi float64) float64 { return lo + r.Float64()*(hi-lo) }

func betweenInt(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// localHour returns the hour of day, with fraction, at t in a zone offset
// by off hours from UTC.
func localHour(t time.Time, off int) float64 {
	u := t.UTC()
	h := float64(u.Hour()) + float64(u.Minute())/60 + float64(u.Second())/3600 + float64(off)
	for h < 0 {
		h += 24
	}
	for h >= 24 {
		h -= 24
	}
	return h
}

// US time zones in May (daylight saving) and the share of the country's
// clinics and offices in each.
var usZones = []struct {
	off   int
	share float64
	name  string
}{{-4, 0.47, "America/New_York"}, {-5, 0.29, "America/Chicago"}, {-6, 0.07, "America/Denver"}, {-7, 0.17, "America/Los_Angeles"}}

func pickZone(r *rand.Rand) int {
	x := r.Float64()
	for _, z := range usZones {
		if x < z.share {
			return z.off
		}
		x -= z.share
	}
	return -4
}

// clinicDay is the relative activity of outpatient clinics by local hour,
// with the evening "pajama time" of clinicians finishing their notes.
func clinicDay(h float64) float64 {
	switch {
	case h < 6:
		return 0.03
	case h < 7.5:
		return 0.15
	case h < 12:
		return 1
	case h < 13:
		return 0.6
	case h < 17:
		return 1
	case h < 18:
		return 0.55
	case h < 19:
		return 0.28
	case h < 22:
		return 0.22
	default:
		return 0.07
	}
}

// officeDay is the activity of office workers (law firms, billing teams)
// by local hour.
func officeDay(h float64) float64 {
	switch {
	case h < 7:
		return 0.02
	case h < 9:
		return 0.4
	case h < 12:
		return 1
	case h < 13:
		return 0.7
	case h < 18:
		return 1
	case h < 19:
		return 0.5
	case h < 21:
		return 0.25
	case h < 23:
		return 0.12
	default:
		return 0.04
	}
}

// homeEvening is the activity of people at home: patients filling in
// forms, students, professionals catching up after work.
func homeEvening(h float64) float64 {
	switch {
	case h < 7:
		return 0.05
	case h < 9:
		return 0.35
	case h < 17:
		return 0.55
	case h < 19:
		return 0.8
	case h < 22:
		return 1
	case h < 23.5:
		return 0.6
	default:
		return 0.15
	}
}
