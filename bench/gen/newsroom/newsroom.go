package newsroom

import (
	"errors"
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Models of the vendor. The 3.5 family is released during the window.
const (
	mMini    = "halyard-3-mini"
	mFlag    = "halyard-3"
	mThink   = "halyard-3-think"
	mPinned  = "halyard-3-20260210"
	mNew     = "halyard-3.5"
	mNewMini = "halyard-3.5-mini"
)

// DefaultStart is the start of the window: Tuesday 12 May 2026, 00:00 UTC.
var DefaultStart = time.Date(2026, 5, 12, 0, 0, 0, 0, time.UTC)

// ReleaseOffset is when, after the start, the vendor releases halyard-3.5:
// Wednesday 17:00 UTC (10:00 on the US west coast).
const ReleaseOffset = 41 * time.Hour

// keys issued before this date have the old format
var keyFormatChange = time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)

// Config sets what Write generates.
type Config struct {
	Seed  uint64
	Start time.Time // start of the window (UTC); zero: DefaultStart
	Hours int       // length of the window; 0: 72
	Scale float64   // population scale (accounts and volumes); 0: 1
}

// Full is the full-size world: about 150,000 requests over 72 hours.
func Full(seed uint64) Config { return Config{Seed: seed, Start: DefaultStart, Hours: 72, Scale: 1} }

// Small is the same world at about a seventh of its population, for tests.
func Small(seed uint64) Config {
	return Config{Seed: seed, Start: DefaultStart, Hours: 72, Scale: 0.14}
}

// Classes maps every class the generator labels to whether it is a
// distillation campaign.
func Classes() map[string]bool { return genkit.Campaigns(classList) }

// ResellerPrefix is the account prefix of the reseller's keys, which carry
// both reseller_customer and reseller_harvest requests.
const ResellerPrefix = "reseller-"

// Write writes the trace of cfg to trace and its labels to labels, and
// returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	if cfg.Start.IsZero() {
		cfg.Start = DefaultStart
	}
	if cfg.Hours == 0 {
		cfg.Hours = 72
	}
	if cfg.Scale == 0 {
		cfg.Scale = 1
	}
	if cfg.Hours < 48 || cfg.Scale < 0 {
		return 0, errors.New("newsroom: the window must be at least 48 hours and the scale positive")
	}
	g := &gen{cfg: cfg, start: cfg.Start.UTC(), keys: map[string]bool{}, campaign: Classes()}
	g.end = g.start.Add(time.Duration(cfg.Hours) * time.Hour)
	g.release = g.start.Add(ReleaseOffset)
	g.sched = genkit.NewSchedule[*req](g.start, g.end)
	g.idKey = mix64(cfg.Seed ^ 0x6e657773726f6f6d)
	genkit.PlanAll(classList, g)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error { return g.sched.Flush(g.render, emit) })
}

type gen struct {
	cfg                 Config
	start, end, release time.Time
	sched               *genkit.Schedule[*req]
	r                   *rand.Rand // the current class's
	keys                map[string]bool
	campaign            map[string]bool
	idKey               uint64
	emitted             uint64
}

// account is one API key.
type account struct {
	name    string
	key     string
	cl      *client
	created time.Time
}

// req is one planned request.
type req struct {
	a     *account
	cl    *client
	class string
	ip    string
	body  []byte
	retry int
	extra [][2]string
}

// plan wraps a class planner so that each class draws from its own
// generator, seeded by the seed and the class name.
func plan(name string, f func(g *gen)) func(*gen) {
	return func(g *gen) {
		h := fnv.New64a()
		h.Write([]byte(name))
		g.r = rand.New(rand.NewPCG(g.cfg.Seed, h.Sum64()))
		f(g)
	}
}

var classList = []genkit.Class[*gen]{
	{Name: "journalist", Plan: plan("journalist", (*gen).planJournalists)},
	{Name: "personal", Plan: plan("personal", (*gen).planPersonal)},
	{Name: "hackathon", Plan: plan("hackathon", (*gen).planHackathon)},
	{Name: "classroom", Plan: plan("classroom", (*gen).planClassroom)},
	{Name: "eval_team", Plan: plan("eval_team", (*gen).planEval)},
	{Name: "cms_plugin", Plan: plan("cms_plugin", (*gen).planCMS)},
	{Name: "browser_extension", Plan: plan("browser_extension", (*gen).planExtension)},
	{Name: "media_gateway", Plan: plan("media_gateway", (*gen).planGateway)},
	{Name: "wire_batch", Plan: plan("wire_batch", (*gen).planWire)},
	{Name: "reader_bot", Plan: plan("reader_bot", (*gen).planReaderBot)},
	{Name: "tutor_app", Plan: plan("tutor_app", (*gen).planTutor)},
	{Name: "factcheck_agent", Plan: plan("factcheck_agent", (*gen).planFactcheck)},
	{Name: "coding_agent", Plan: plan("coding_agent", (*gen).planCodingAgent)},
	{Name: "reseller_customer", Plan: func(*gen) {}}, // planned with reseller_harvest: one key pool carries both
	{Name: "naive", Campaign: true, Plan: plan("naive", (*gen).planNaive)},
	{Name: "disguised", Campaign: true, Plan: plan("disguised", (*gen).planDisguised)},
	{Name: "reseller_harvest", Campaign: true, Plan: plan("reseller", (*gen).planReseller)},
	{Name: "logprob", Campaign: true, Plan: plan("logprob", (*gen).planLogprob)},
	{Name: "agentic", Campaign: true, Plan: plan("agentic", (*gen).planAgentic)},
	{Name: "churn", Campaign: true, Plan: plan("churn", (*gen).planChurn)},
	{Name: "pivot", Campaign: true, Plan: plan("pivot", (*gen).planPivot)},
	{Name: "low_slow", Campaign: true, Plan: plan("low_slow", (*gen).planLowSlow)},
}

// n scales a population count; never below lo.
func (g *gen) n(base int, lo int) int {
	return max(lo, int(math.Round(float64(base)*g.cfg.Scale)))
}

// vol scales a rate for the classes whose size is their volume, not their
// number of accounts.
func (g *gen) vol(x float64) float64 { return x * g.cfg.Scale }

const b62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func randStr(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func hexStr(r *rand.Rand, n int) string { return randStr(r, "0123456789abcdef", n) }

// newAccount issues a key: the old format before September 2025, project
// keys after, service-account keys for servers when svc.
func (g *gen) newAccount(name string, cl *client, created time.Time, svc bool) *account {
	r := g.r
	for {
		var k string
		switch {
		case created.Before(keyFormatChange):
			k = "sk-hly1-" + randStr(r, b62, 40)
		case svc:
			k = "sk-svc-hly2-" + randStr(r, b62, 12) + "-" + randStr(r, b62, 48)
		default:
			k = "sk-hly2-" + randStr(r, b62, 12) + "-" + randStr(r, b62, 48)
		}
		if !g.keys[k] {
			g.keys[k] = true
			return &account{name: name, key: k, cl: cl, created: created}
		}
	}
}

func acctName(class string, i int) string { return class + "-" + strconv.Itoa(10000 + i)[1:] }

// daysAgo returns a creation time d days (with a random part) before the window.
func (g *gen) daysAgo(lo, hi float64) time.Time {
	d := lo + g.r.Float64()*(hi-lo)
	return g.start.Add(-time.Duration(d * 24 * float64(time.Hour)))
}

// add plans a request of a's at at with body o, sent by a's client.
func (g *gen) add(at time.Time, a *account, class, ip string, o tracefmt.Obj) *req {
	return g.addc(at, a, a.cl, class, ip, o)
}

func (g *gen) addc(at time.Time, a *account, c *client, class, ip string, o tracefmt.Obj) *req {
	q := &req{a: a, cl: c, class: class, ip: ip, body: c.encode(o)}
	if g.sched.Add(at, q) {
		return q
	}
	return nil
}

// again plans q once more at at: the same body, from account a (failover
// to another key when a is not q's) or as the SDK's retry of the same key.
func (g *gen) again(q *req, at time.Time, a *account, ip string) *req {
	if q == nil {
		return nil
	}
	n := *q
	n.a, n.ip = a, ip
	if a == q.a {
		n.retry = q.retry + 1
	} else {
		n.cl = a.cl
		n.retry = 0
	}
	if g.sched.Add(at, &n) {
		return &n
	}
	return nil
}

func (g *gen) render(at time.Time, q *req) (tracefmt.Record, tracefmt.Label) {
	g.emitted++
	x := mix64(g.idKey + g.emitted)
	id := "req_" + strconv.FormatUint(x, 36)
	for len(id) < 17 {
		id += "0"
	}
	return tracefmt.Record{
			TS: at, RequestID: id, IP: q.ip, Method: "POST", Path: q.cl.d.path(),
			Headers: q.cl.hdr(q.cl, q, q.a.key, len(q.body)), JA4: q.cl.ja4, Body: q.body,
		}, tracefmt.Label{
			RequestID: id, Class: q.class, Campaign: g.campaign[q.class], Account: q.a.name,
		}
}

// ---- time

// profile is an activity level per local hour (0..1), interpolated.
type profile [24]float64

func (p *profile) at(h float64) float64 {
	i := int(h) % 24
	f := h - math.Floor(h)
	return p[i]*(1-f) + p[(i+1)%24]*f
}

func (p *profile) mean() float64 {
	s := 0.0
	for _, x := range p {
		s += x
	}
	return s / 24
}

var (
	profOffice = profile{.02, .01, .01, .01, .01, .02, .06, .2, .55, .9, 1, .95, .7, .8, .95, .95, .85, .6, .4, .3, .28, .24, .14, .06}
	profNews   = profile{.05, .03, .02, .02, .03, .08, .25, .55, .8, .95, 1, 1, .8, .85, .95, .95, .9, .75, .6, .5, .45, .38, .25, .12}
	profHome   = profile{.25, .12, .06, .03, .02, .03, .08, .2, .3, .35, .38, .42, .5, .45, .42, .45, .5, .6, .75, .9, 1, .95, .75, .45}
	profStudnt = profile{.45, .3, .15, .05, .02, .02, .03, .08, .2, .45, .7, .8, .75, .8, .85, .8, .75, .7, .65, .7, .8, .85, .8, .65}
	profReader = profile{.2, .12, .08, .06, .08, .15, .4, .75, .85, .8, .7, .72, .8, .72, .65, .62, .65, .7, .75, .85, .9, .8, .6, .35}
)

func localHour(t time.Time, tz float64) float64 {
	h := float64(t.Unix()%86400)/3600 + tz
	return math.Mod(h+48, 24)
}

// expGap returns an exponential gap with the given rate per hour.
func expGap(r *rand.Rand, perHour float64) time.Duration {
	return time.Duration(r.ExpFloat64() / perHour * float64(time.Hour))
}

// arrivals returns the times of a Poisson process on [from, to) whose rate
// at t is peak × w(t) per hour, with 0 ≤ w ≤ 1 (thinning).
func arrivals(r *rand.Rand, from, to time.Time, peak float64, w func(time.Time) float64) []time.Time {
	var out []time.Time
	if peak <= 0 {
		return out
	}
	for t := from.Add(expGap(r, peak)); t.Before(to); t = t.Add(expGap(r, peak)) {
		if r.Float64() < w(t) {
			out = append(out, t)
		}
	}
	return out
}

// sessionStarts returns the starts of the sessions of a person who starts
// about perDay sessions on a day they work, on profile p in time zone tz;
// each day is skipped with probability off.
func (g *gen) sessionStarts(perDay float64, p *profile, tz float64, from, to time.Time, off float64) []time.Time {
	r := g.r
	days := int(g.end.Sub(g.start).Hours()/24) + 2
	dayOn := make([]float64, days)
	for i := range dayOn {
		if r.Float64() >= off {
			dayOn[i] = 0.6 + 0.4*r.Float64()
		}
	}
	peak := perDay / (24 * p.mean())
	return arrivals(r, from, to, peak, func(t time.Time) float64 {
		lh := localHour(t, tz)
		d := int(t.Add(time.Duration(tz*float64(time.Hour))).Sub(g.start.Add(-24*time.Hour)).Hours() / 24)
		if d < 0 || d >= days {
			return 0
		}
		return p.at(lh) * dayOn[d]
	})
}

func secs(x float64) time.Duration { return time.Duration(x * float64(time.Second)) }

// lognorm returns a log-normal value with the given median and spread.
func lognorm(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// afterRelease reports whether t is after the release, plus a lag.
func (g *gen) afterRelease(t time.Time, lag time.Duration) bool { return !t.Before(g.release.Add(lag)) }
