package civic

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

// Host is the vendor's API host, Tamarack's; both dialects are served there.
const Host = "api.tamarack.ai"

// The two paths the vendor serves.
const (
	pathChat     = "/v1/chat/completions"
	pathMessages = "/v1/messages"
)

// Models the vendor serves. Release is the model released during the window.
const (
	mLarge    = "tamarack-2-large"
	mLargeOld = "tamarack-2-large-20260112"
	mSmall    = "tamarack-2-small"
	mReasoner = "tamarack-2-reasoner"
	mRelease  = "tamarack-2.5-large"
)

// Config is one trace of the civic world.
type Config struct {
	Seed uint64
	// Scale multiplies the size of every crowd (accounts) and the volume
	// of every job with a fixed number of keys; 1 is the full world.
	Scale float64
	// Start is the beginning of the window (UTC), Days its length. The new
	// model is released ReleaseAfter into the window.
	Start        time.Time
	Days         int
	ReleaseAfter time.Duration
}

var defaultStart = time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC) // a Friday

// Full is the full world: five days from Friday 00:00 UTC to Wednesday,
// a weekend in the middle and a model release on Monday 17:00 UTC.
func Full(seed uint64) Config {
	return Config{Seed: seed, Scale: 1, Start: defaultStart, Days: 5, ReleaseAfter: 89 * time.Hour}
}

// Small is the same world and window with 15% of the accounts and volume.
func Small(seed uint64) Config {
	c := Full(seed)
	c.Scale = 0.15
	return c
}

// Classes maps every class to whether it is a distillation campaign.
func Classes() map[string]bool { return genkit.Campaigns(classList) }

// End returns the end of cfg's window.
func (c Config) End() time.Time { return c.Start.Add(time.Duration(c.Days) * 24 * time.Hour) }

var classList = []genkit.Class[*world]{
	// legitimate
	{Name: "resident_chat", Plan: planResidents},
	{Name: "plain_language_ext", Plan: planExtension},
	{Name: "hackathon", Plan: planHackathon},
	{Name: "classroom", Plan: planClassroom},
	{Name: "eval_team", Plan: planEvalTeam},
	{Name: "contractor_gateway", Plan: planGateway},
	{Name: "notice_translation", Plan: planTranslation},
	{Name: "helpdesk_bot", Plan: planHelpdesk},
	{Name: "benefits_screener", Plan: planBenefits},
	{Name: "school_tutor", Plan: planTutor},
	{Name: "open_data", Plan: planOpenData},
	{Name: "coding_agent", Plan: planCodingAgent},
	{Name: "reseller_customer", Plan: planReseller}, // plans reseller_harvest too
	{Name: "reseller_harvest", Campaign: true, Plan: func(*world) {}},
	// campaigns
	{Name: "naive", Campaign: true, Plan: planNaive},
	{Name: "disguised", Campaign: true, Plan: planDisguised},
	{Name: "logprob", Campaign: true, Plan: planLogprob},
	{Name: "agentic", Campaign: true, Plan: planAgentic},
	{Name: "churn", Campaign: true, Plan: planChurn},
	{Name: "pivot", Campaign: true, Plan: planPivot},
	{Name: "low_slow", Campaign: true, Plan: planLowSlow},
}

// account is one API key.
type account struct {
	name string // the label's account
	key  string
}

// req is a request body before its client serialises it.
type req struct {
	anthropic bool
	body      tracefmt.Obj
	beta      string // anthropic-beta header, if any
	extra     [][2]string
}

// builder makes a request body from its own random stream.
type builder func(r *rand.Rand) req

// event is one planned request.
type event struct {
	acct     *account
	class    string
	campaign bool
	ip       string
	kit      *kit
	seed     uint64
	retry    int
	build    builder
}

type world struct {
	cfg     Config
	start   time.Time
	end     time.Time
	release time.Time
	sched   *genkit.Schedule[event]
	camp    map[string]bool
	n       uint64
}

// rng returns the random stream of one part of the world.
func (w *world) rng(part string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(part))
	return rand.New(rand.NewPCG(w.cfg.Seed, h.Sum64()))
}

// scale returns n scaled by the config, at least min.
func (w *world) scale(n int, min int) int {
	return max(min, int(math.Round(float64(n)*w.cfg.Scale)))
}

// add plans ev at at; its seed is drawn from r.
func (w *world) add(r *rand.Rand, at time.Time, ev event) {
	ev.seed = r.Uint64()
	w.sched.Add(at, ev)
}

// emit plans a request of class cls by account a from ip with client k.
func (w *world) emit(r *rand.Rand, at time.Time, cls string, a *account, ip string, k *kit, b builder) {
	w.add(r, at, event{acct: a, class: cls, campaign: w.camp[cls], ip: ip, kit: k, build: b})
}

// newAccount makes an account of the class (or of the named owner).
func newAccount(r *rand.Rand, name string) *account {
	return &account{name: name, key: newKey(r)}
}

const b62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func newKey(r *rand.Rand) string {
	b := []byte("sk-tmk-")
	for range 48 {
		b = append(b, b62[r.IntN(len(b62))])
	}
	return string(b)
}

func acctName(class string, i int) string { return fmt.Sprintf("%s-%04d", class, i) }

// Write writes the trace of cfg to trace and its labels to labels and
// returns the number of records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	if cfg.Days <= 0 || cfg.Scale <= 0 {
		return 0, fmt.Errorf("civic: bad config: %d days, scale %g", cfg.Days, cfg.Scale)
	}
	w := &world{cfg: cfg, start: cfg.Start.UTC(), end: cfg.End().UTC()}
	w.release = w.start.Add(cfg.ReleaseAfter)
	w.camp = Classes()
	w.sched = genkit.NewSchedule[event](w.start, w.end)
	genkit.PlanAll(classList, w)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return w.sched.Flush(w.render, emit)
	})
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

func (w *world) render(at time.Time, ev event) (tracefmt.Record, tracefmt.Label) {
	r := rand.New(rand.NewPCG(ev.seed, 0x63697669632d7631))
	q := ev.build(r)
	body := ev.kit.encode(q)
	path := pathChat
	if q.anthropic {
		path = pathMessages
	}
	w.n++
	id := fmt.Sprintf("%016x", splitmix(w.cfg.Seed^splitmix(w.n)))
	rec := tracefmt.Record{
		TS: at, RequestID: id, IP: ev.ip, Method: "POST", Path: path,
		Headers: ev.kit.headers(r, q, ev.acct.key, len(body), ev.retry),
		JA4:     ev.kit.ja4, Body: body,
	}
	return rec, tracefmt.Label{RequestID: id, Class: ev.class, Campaign: ev.campaign, Account: ev.acct.name}
}
