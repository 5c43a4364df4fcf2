package creators

import (
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Config selects a trace: the seed of every draw, the window and the size
// of the simulated populations.
type Config struct {
	Seed  uint64
	Start time.Time // start of the window (UTC)
	Hours int       // length of the window
	// Scale multiplies the number of accounts (or, for apps with pooled
	// keys, the number of their users) of every class; 1 is Full.
	Scale float64
}

// windowStart is a Thursday afternoon in Europe, morning in the Americas,
// evening in Asia, inside the period of the reported incident.
var windowStart = time.Date(2026, 5, 14, 12, 0, 0, 0, time.UTC)

// Full returns the configuration of the full trace: six hours, about
// 125,000 records.
func Full(seed uint64) Config { return Config{Seed: seed, Start: windowStart, Hours: 6, Scale: 1} }

// Small returns the configuration of the small trace: the same six hours
// and every class, with about a third of the accounts.
func Small(seed uint64) Config { return Config{Seed: seed, Start: windowStart, Hours: 6, Scale: 0.3} }

// Write writes the trace of cfg and its labels and returns the number of
// records.
func Write(cfg Config, trace, labels io.Writer) (int, error) {
	g := newGen(cfg)
	genkit.PlanAll(classList, g)
	return genkit.Write(trace, labels, func(emit genkit.Emit) error {
		return g.sched.Flush(g.render, emit)
	})
}

// Classes returns every class of the trace and whether it is a campaign.
func Classes() map[string]bool { return genkit.Campaigns(classList) }

// End returns the end of the window of cfg.
func (c Config) End() time.Time { return c.Start.Add(time.Duration(c.Hours) * time.Hour) }

type gen struct {
	cfg        Config
	start, end time.Time
	release    time.Time // the new model's release
	sched      *genkit.Schedule[*event]
	keys       map[string]bool
	n          uint64 // records rendered
}

func newGen(cfg Config) *gen {
	g := &gen{cfg: cfg, start: cfg.Start, end: cfg.End(), keys: map[string]bool{}}
	g.sched = genkit.NewSchedule[*event](g.start, g.end)
	// The release time is fixed relative to the window (2h10m in) so that
	// every seed has a before and an after.
	g.release = g.start.Add(130 * time.Minute)
	return g
}

// rng returns the random source of one class (or sub-population), derived
// from the seed and a name so that classes do not shift one another.
func (g *gen) rng(name string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(g.cfg.Seed, h.Sum64()))
}

// count scales a Full population size n, keeping at least min.
func (g *gen) count(n, min int) int {
	v := int(math.Round(float64(n) * g.cfg.Scale))
	if v < min {
		v = min
	}
	return v
}

// account is one credential and the stable name it is labelled with.
type account struct {
	name string
	key  string
}

const keyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// newAccount mints a provider key (sk-proj- style for keys issued in an
// organisation's project, sk- for older personal keys).
func (g *gen) newAccount(r *rand.Rand, name string, project bool) *account {
	for {
		b := make([]byte, 0, 64)
		if project {
			b = append(b, "sk-proj-"...)
		} else {
			b = append(b, "sk-"...)
		}
		for range 48 {
			b = append(b, keyAlphabet[r.IntN(len(keyAlphabet))])
		}
		k := string(b)
		if !g.keys[k] {
			g.keys[k] = true
			return &account{name: name, key: k}
		}
	}
}

// event is one planned request; its body is built when it is written.
type event struct {
	class    *classInfo
	acct     *account
	ip       string
	cl       *client
	path     string
	stream   bool
	bodySeed uint64
	body     func(r *rand.Rand) tracefmt.Obj
}

type classInfo struct {
	name     string
	campaign bool
}

func (g *gen) add(at time.Time, ev *event) { g.sched.Add(at, ev) }

func (g *gen) render(at time.Time, ev *event) (tracefmt.Record, tracefmt.Label) {
	g.n++
	r := rand.New(rand.NewPCG(ev.bodySeed, 0x5eed))
	body := ev.cl.encoder().Marshal(order(ev.cl, ev.path, ev.body(r)))
	x := splitmix(g.cfg.Seed ^ (g.n * 0x9e3779b97f4a7c15))
	id := fmt.Sprintf("req_%012x%06x", x>>16, g.n)
	rec := tracefmt.Record{
		TS:        at,
		RequestID: id,
		IP:        ev.ip,
		Method:    "POST",
		Path:      ev.path,
		Headers:   ev.cl.headers(ev.path, ev.acct.key, len(body), ev.stream, r),
		JA4:       ev.cl.ja4,
		Body:      body,
	}
	return rec, tracefmt.Label{RequestID: id, Class: ev.class.name, Campaign: ev.class.campaign, Account: ev.acct.name}
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// ---- random helpers ----

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// weighted returns an index drawn with the given weights.
func weighted(r *rand.Rand, w ...float64) int {
	s := 0.0
	for _, x := range w {
		s += x
	}
	u := r.Float64() * s
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

// logn draws a log-normal duration with the given median and spread
// (sigma of the log).
func logn(r *rand.Rand, median time.Duration, sigma float64) time.Duration {
	return time.Duration(float64(median) * math.Exp(sigma*r.NormFloat64()))
}

func expo(r *rand.Rand, mean time.Duration) time.Duration {
	return time.Duration(r.ExpFloat64() * float64(mean))
}

func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

func uniformDur(r *rand.Rand, lo, hi time.Duration) time.Duration {
	return lo + time.Duration(r.Int64N(int64(hi-lo)+1))
}

// poisson draws a Poisson count with mean m (small m).
func poisson(r *rand.Rand, m float64) int {
	l, k, p := math.Exp(-m), 0, 1.0
	for {
		p *= r.Float64()
		if p < l {
			return k
		}
		k++
	}
}

// ---- time of day ----

// region is where a person lives: its UTC offsets (hours) and its
// residential address prefixes.
type region struct {
	name    string
	offsets []float64
	resi    [][2]int // first two octets of residential ranges
	mobile  [][2]int
}

var (
	regUS    = region{"us", []float64{-4, -5, -6, -7}, [][2]int{{73, 0}, {24, 0}, {98, 0}, {71, 0}, {67, 0}, {76, 0}, {108, 0}, {174, 0}, {99, 0}, {47, 0}}, [][2]int{{172, 56}, {172, 58}, {174, 192}, {107, 77}}}
	regEU    = region{"eu", []float64{1, 2, 2, 3}, [][2]int{{86, 0}, {79, 0}, {91, 0}, {2, 0}, {87, 0}, {176, 0}, {93, 0}, {81, 0}, {95, 0}, {213, 0}, {84, 0}, {62, 0}}, [][2]int{{37, 0}, {46, 0}, {89, 0}}}
	regLatam = region{"latam", []float64{-3, -3, -5, -6}, [][2]int{{177, 0}, {186, 0}, {189, 0}, {200, 0}, {181, 0}, {190, 0}}, [][2]int{{191, 0}, {201, 0}}}
	regIndia = region{"in", []float64{5.5}, [][2]int{{49, 0}, {106, 0}, {117, 0}, {122, 0}, {157, 0}}, [][2]int{{223, 0}, {27, 0}}}
	regAsia  = region{"apac", []float64{8, 8, 9, 7}, [][2]int{{110, 0}, {126, 0}, {1, 0}, {180, 0}, {121, 0}, {114, 0}, {61, 0}, {58, 0}}, [][2]int{{39, 0}, {111, 0}}}
	regAfr   = region{"af", []float64{1, 2, 3}, [][2]int{{41, 0}, {102, 0}, {105, 0}, {196, 0}, {197, 0}}, [][2]int{{154, 0}, {129, 0}}}
)

// consumer activity by local hour, relative.
var consumerHour = [24]float64{0.35, 0.2, 0.12, 0.08, 0.06, 0.07, 0.15, 0.3, 0.5, 0.65, 0.75, 0.8, 0.85, 0.85, 0.85, 0.85, 0.85, 0.9, 0.95, 1, 1, 0.95, 0.8, 0.55}

// office activity by local hour.
var officeHour = [24]float64{0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.03, 0.1, 0.5, 0.9, 1, 1, 0.7, 0.9, 1, 1, 0.9, 0.6, 0.25, 0.12, 0.08, 0.06, 0.04, 0.02}

func hourCurve(curve *[24]float64, t time.Time, offset float64) float64 {
	lt := t.Add(time.Duration(offset * float64(time.Hour)))
	h := lt.Hour()
	f := float64(lt.Minute()) / 60
	return curve[h]*(1-f) + curve[(h+1)%24]*f
}

// drawTime draws an instant in [lo, hi) with density proportional to the
// curve at the given offset.
func drawTime(r *rand.Rand, lo, hi time.Time, curve *[24]float64, offset float64) time.Time {
	span := hi.Sub(lo)
	for range 200 {
		t := lo.Add(time.Duration(r.Int64N(int64(span))))
		if r.Float64() < hourCurve(curve, t, offset) {
			return t
		}
	}
	return lo.Add(time.Duration(r.Int64N(int64(span))))
}

// ---- networks ----

func ip4(a, b, c, d int) string {
	return strconv.Itoa(a) + "." + strconv.Itoa(b) + "." + strconv.Itoa(c) + "." + strconv.Itoa(d)
}

// resiIP draws a home address in a region.
func resiIP(r *rand.Rand, reg region) string {
	p := pick(r, reg.resi)
	b := p[1]
	if b == 0 {
		b = between(r, 1, 254)
	}
	return ip4(p[0], b, between(r, 0, 255), between(r, 2, 254))
}

// mobileIP draws a carrier (CGNAT) address in a region.
func mobileIP(r *rand.Rand, reg region) string {
	p := pick(r, reg.mobile)
	b := p[1]
	if b == 0 {
		b = between(r, 1, 254)
	}
	return ip4(p[0], b, between(r, 0, 255), between(r, 2, 254))
}

// cloud prefixes (first two octets) by provider.
var cloudRanges = map[string][][2]int{
	"aws":     {{3, 80}, {3, 91}, {18, 204}, {34, 224}, {44, 192}, {52, 4}, {54, 160}, {35, 170}},
	"gcp":     {{34, 16}, {34, 82}, {34, 125}, {35, 185}, {35, 197}, {34, 143}, {35, 230}, {104, 154}},
	"azure":   {{20, 51}, {20, 83}, {40, 113}, {52, 149}, {20, 108}},
	"hetzner": {{65, 108}, {95, 216}, {135, 181}, {5, 161}, {49, 12}, {116, 202}},
	"do":      {{159, 89}, {167, 99}, {164, 90}, {138, 68}, {143, 198}, {146, 190}},
	"ovh":     {{51, 77}, {51, 91}, {54, 36}, {141, 94}, {147, 135}},
	"vultr":   {{45, 76}, {45, 77}, {108, 61}, {149, 28}, {207, 148}},
	"tencent": {{43, 128}, {43, 134}, {43, 153}, {119, 28}},
	"alibaba": {{47, 242}, {47, 243}, {8, 210}, {47, 74}},
}

func cloudIP(r *rand.Rand, provider string) string {
	p := pick(r, cloudRanges[provider])
	return ip4(p[0], p[1], between(r, 0, 255), between(r, 2, 254))
}

// block returns n consecutive addresses of one /24 of a provider.
func blockIPs(r *rand.Rand, provider string, n int) []string {
	p := pick(r, cloudRanges[provider])
	c, d := between(r, 0, 255), between(r, 2, 250-n)
	out := make([]string, n)
	for i := range out {
		out[i] = ip4(p[0], p[1], c, d+i)
	}
	return out
}

var allRegions = []region{regUS, regEU, regLatam, regIndia, regAsia, regAfr}

// worldRegion draws a region with the weights of an English-language
// consumer product's users.
func worldRegion(r *rand.Rand) region {
	return allRegions[weighted(r, 38, 30, 10, 9, 9, 4)]
}
