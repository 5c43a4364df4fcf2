package voyage

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects a trace of the voyage world.
type Config struct {
	Seed uint64 // seed of every random draw
	// Scale is the share of the full world's accounts, sessions and work
	// items that the trace holds: 1 for the full trace, 0.2 for the small
	// one. Most accounts keep their pace, prompts and clients whatever
	// the scale, and the operators with few accounts keep their size.
	Scale float64
}

// Full returns the configuration of the full trace of seed.
func Full(seed uint64) Config { return Config{Seed: seed, Scale: 1} }

// Small returns the configuration of the small trace of seed: a fifth
// of the full world.
func Small(seed uint64) Config { return Config{Seed: seed, Scale: 0.2} }

// The window: six hours of Tuesday 1 December 2026, the "Travel Tuesday"
// after the Black Friday weekend, from 15:00 to 21:00 in Central Europe
// and 09:00 to 15:00 on the US East Coast. The API releases gpt-5.2 at
// 17:00 UTC.
var (
	Start   = time.Date(2026, 12, 1, 14, 0, 0, 0, time.UTC)
	End     = Start.Add(6 * time.Hour)
	Release = time.Date(2026, 12, 1, 17, 0, 0, 0, time.UTC)
)

// Paths are the endpoints the trace's requests go to.
var Paths = []string{pathChat, pathMessages}

const (
	pathChat     = "/v1/chat/completions"
	pathMessages = "/v1/messages"
)

// ResellerPrefix is the prefix of the accounts of the reseller's key
// pool, which carries both the reseller_customer and the reseller_harvest
// classes.
const ResellerPrefix = "relaypoint-"

func classes() []genkit.Class[*world] {
	return []genkit.Class[*world]{
		{Name: "airline_assistant", Plan: planAirline},
		{Name: "batch_jobs", Plan: planBatch},
		{Name: "plugin_users", Plan: planPlugin},
		{Name: "enterprise_gateway", Plan: planEnterprise},
		{Name: "hackathon_cohort", Plan: planHackathon},
		{Name: "eval_team", Plan: planEval},
		{Name: "developers", Plan: planDevelopers},
		{Name: "agents", Plan: planAgents},
		{Name: "reseller_customer", Plan: planReseller},          // plans the reseller's whole pool
		{Name: "reseller_harvest", Campaign: true, Plan: noPlan}, // planned with reseller_customer
		{Name: "naive", Campaign: true, Plan: planNaive},
		{Name: "disguised", Campaign: true, Plan: planDisguised},
		{Name: "logprob", Campaign: true, Plan: planLogprob},
		{Name: "agentic", Campaign: true, Plan: planAgentic},
		{Name: "churn", Campaign: true, Plan: planChurn},
		{Name: "pivot", Campaign: true, Plan: planPivot},
		{Name: "low_slow", Campaign: true, Plan: planLowSlow},
	}
}

func noPlan(*world) {}

// Classes maps every class of the trace to whether it is a campaign.
func Classes() map[string]bool { return genkit.Campaigns(classes()) }

// Write writes the trace of cfg to trace and its labels to labels, and
// returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	if cfg.Scale <= 0 || cfg.Scale > 4 {
		return 0, fmt.Errorf("voyage: scale %v out of (0, 4]", cfg.Scale)
	}
	w := newWorld(cfg)
	genkit.PlanAll(classes(), w)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return w.sched.Flush(w.render, emit)
	})
}

// label is a class as the labels name it.
type label struct {
	name     string
	campaign bool
}

// account is one credential: one key, one account.
type account struct {
	name string
	key  string
}

// req is one planned request.
type req struct {
	lab   *label
	acct  *account
	cl    *client
	ip    string
	path  string
	retry int    // x-stainless-retry-count
	seed  uint64 // of the per-request draws at render time
	body  obj
}

type world struct {
	cfg     Config
	scale   float64
	start   time.Time
	end     time.Time
	release time.Time
	sched   *genkit.Schedule[*req]
	labels  map[string]*label
	accts   map[string]*account
	keys    map[string]bool
	ids     *rng
	net     sharedNet
}

// sharedNet are addresses that unrelated clients of several classes
// share: carrier-grade NAT exits of mobile networks and the Wi-Fi of a
// hotel that hosts a conference.
type sharedNet struct {
	cgnatUS, cgnatEU []string
	hotelWiFi        []string // the conference hotel's guest and venue network
	airportWiFi      []string
}

func newWorld(cfg Config) *world {
	w := &world{
		cfg: cfg, scale: cfg.Scale, start: Start, end: End, release: Release,
		sched:  genkit.NewSchedule[*req](Start, End),
		labels: map[string]*label{}, accts: map[string]*account{}, keys: map[string]bool{},
		ids: newRNG(cfg.Seed, "request-ids"),
	}
	for _, c := range classes() {
		w.labels[c.Name] = &label{name: c.Name, campaign: c.Campaign}
	}
	r := newRNG(cfg.Seed, "shared-net")
	w.net = sharedNet{
		cgnatUS:     r.v4s(mobileUS, 24),
		cgnatEU:     r.v4s(mobileEU, 24),
		hotelWiFi:   r.subnet(hospitality, 2),
		airportWiFi: r.v4s(hospitality, 6),
	}
	return w
}

func (w *world) label(name string) *label {
	l, ok := w.labels[name]
	if !ok {
		panic("voyage: unknown class " + name)
	}
	return l
}

// keyKind is a format of API key: the API has issued three over the
// years, and an account keeps the format it was created with.
type keyKind int

const (
	keyProject keyKind = iota // sk-proj-..., the default since 2024
	keyService                // sk-svcacct-..., service accounts of an organisation
	keyLegacy                 // sk-... of 48 characters, user keys of before 2024
)

// newAccount creates the account name with a fresh key.
func (w *world) newAccount(r *rng, name string, k keyKind) *account {
	if _, dup := w.accts[name]; dup {
		panic("voyage: account " + name + " created twice")
	}
	var key string
	for {
		switch k {
		case keyService:
			key = "sk-svcacct-" + r.str(b64url, 74) + "T3BlbkFJ" + r.str(b64url, 74)
		case keyLegacy:
			key = "sk-" + r.str(alnum, 20) + "T3BlbkFJ" + r.str(alnum, 20)
		default:
			key = "sk-proj-" + r.str(b64url, 74) + "T3BlbkFJ" + r.str(b64url, 74)
		}
		if !w.keys[key] {
			break
		}
	}
	w.keys[key] = true
	a := &account{name: name, key: key}
	w.accts[name] = a
	return a
}

// send plans one request; it returns nil when at falls outside the
// window.
func (w *world) send(r *rng, at time.Time, lab *label, a *account, cl *client, ip, path string, body obj) *req {
	q := &req{lab: lab, acct: a, cl: cl, ip: ip, path: path, seed: r.Uint64(), body: body}
	if !w.sched.Add(at, q) {
		return nil
	}
	return q
}

// sdkRetry plans, with probability p, the library's own retries of q
// after a 429 or an overloaded upstream: the same body on the same key,
// the retry count in a header, after the library's backoff (0.5 s
// doubling, with up to a quarter of jitter taken off).
func (w *world) sdkRetry(r *rng, at time.Time, q *req, p float64) {
	if q == nil || !q.cl.retries() || !r.chance(p) {
		return
	}
	t := at.Add(secs(r.between(0.08, 1.5))) // the failed attempt's round trip
	for n := 1; n <= 2; n++ {
		t = t.Add(secs(0.5 * math.Pow(2, float64(n-1)) * (1 - 0.25*r.Float64())))
		rq := *q
		rq.retry, rq.seed = n, r.Uint64()
		if !w.sched.Add(t, &rq) || !r.chance(0.25) {
			return
		}
		t = t.Add(secs(r.between(0.08, 0.6)))
	}
}

// resend plans q's body again on another account (a gateway's failover,
// an operator's replacement account) at at.
func (w *world) resend(r *rng, at time.Time, q *req, a *account, ip string) *req {
	rq := *q
	rq.acct, rq.ip, rq.retry, rq.seed = a, ip, 0, r.Uint64()
	if !w.sched.Add(at, &rq) {
		return nil
	}
	return &rq
}

func (w *world) render(at time.Time, q *req) (tracefmt.Record, tracefmt.Label) {
	r := newRNG(q.seed, "render")
	body := q.cl.style.marshal(q.cl.arrange(q.path, q.body))
	id := w.ids.uuid()
	rec := tracefmt.Record{
		TS: at, RequestID: id, IP: q.ip, Method: "POST", Path: q.path,
		Headers: q.cl.headers(q.path, q.acct.key, len(body), q.retry, r),
		JA4:     q.cl.ja4, Body: body,
	}
	return rec, tracefmt.Label{RequestID: id, Class: q.lab.name, Campaign: q.lab.campaign, Account: q.acct.name}
}

// Activity curves: the share of a population active at a local hour,
// 1 at its peak.
var (
	officeHours   = [24]float64{0.05, 0.03, 0.03, 0.03, 0.04, 0.08, 0.2, 0.45, 0.8, 1, 1, 0.95, 0.75, 0.9, 1, 0.95, 0.8, 0.55, 0.35, 0.25, 0.2, 0.15, 0.1, 0.07}
	consumerHours = [24]float64{0.2, 0.1, 0.06, 0.05, 0.05, 0.1, 0.25, 0.45, 0.6, 0.7, 0.75, 0.8, 0.85, 0.8, 0.8, 0.8, 0.85, 0.9, 1, 1, 0.95, 0.85, 0.6, 0.35}
	hobbyHours    = [24]float64{0.35, 0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.35, 0.5, 0.6, 0.65, 0.7, 0.7, 0.7, 0.7, 0.7, 0.75, 0.85, 0.95, 1, 1, 0.85, 0.6}
)

// Time zones of the regions, hours east of UTC in December.
const (
	tzCET     = 1
	tzUK      = 0
	tzNordic  = 1
	tzUSEast  = -5
	tzUSWest  = -8
	tzSGT     = 8
	tzIndia   = 5.5
	tzBrazil  = -3
	tzLisbon  = 0
	tzSydney  = 11
	tzDubai   = 4
	tzJakarta = 7
)

// activity returns curve at the local time of t in a zone tz hours east
// of UTC, interpolated between hours.
func activity(curve *[24]float64, t time.Time, tz float64) float64 {
	h := float64(t.Hour()) + float64(t.Minute())/60 + float64(t.Second())/3600 + tz
	h = math.Mod(h+48, 24)
	i := int(h)
	f := h - float64(i)
	return curve[i]*(1-f) + curve[(i+1)%24]*f
}

// within reports whether t falls inside the window.
func (w *world) within(t time.Time) bool { return !t.Before(w.start) && t.Before(w.end) }

// at returns the instant h hours into the window.
func (w *world) at(h float64) time.Time { return w.start.Add(time.Duration(h * float64(time.Hour))) }
