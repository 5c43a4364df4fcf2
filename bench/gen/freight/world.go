package freight

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// The vendor: Tidewater Labs, serving both dialects on one host.
const host = "api.tidewater.ai"

// Models: tide-3 is released inside the window (gen.release).
const (
	mTide2       = "tide-2"
	mTide2Mini   = "tide-2-mini"
	mTide2Reason = "tide-2-reason"
	mTide3       = "tide-3"
)

// pick returns a uniformly chosen element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns a uniform integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// poisson draws a Poisson variate of mean lambda (normal approximation
// above 30).
func poisson(r *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda > 30 {
		n := int(math.Round(lambda + math.Sqrt(lambda)*r.NormFloat64()))
		return max(n, 0)
	}
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// jitter returns d scaled by a uniform factor in [1-f, 1+f].
func jitter(r *rand.Rand, d time.Duration, f float64) time.Duration {
	return time.Duration(float64(d) * (1 - f + 2*f*r.Float64()))
}

// secs returns a uniform duration between lo and hi seconds.
func secs(r *rand.Rand, lo, hi float64) time.Duration {
	return time.Duration((lo + (hi-lo)*r.Float64()) * float64(time.Second))
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func randStr(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alnum[r.IntN(len(alnum))]
	}
	return string(b)
}

// ---- time of day ----

// profile is the relative activity of each local hour (0-23).
type profile [24]float64

var (
	office = profile{0, 0, 0, 0, 0, 0.05, 0.2, 0.6, 1, 1, 1, 0.95, 0.6, 0.85, 1, 0.95, 0.8, 0.5, 0.25, 0.15, 0.1, 0.06, 0.03, 0.01}
	// dispatch desks start early and run into the evening.
	dispatch = profile{0.05, 0.03, 0.03, 0.05, 0.2, 0.6, 0.9, 1, 1, 1, 0.9, 0.85, 0.7, 0.85, 0.9, 0.9, 0.8, 0.65, 0.45, 0.3, 0.2, 0.15, 0.1, 0.07}
	// drivers: before the shift, breaks, evening at the truck stop.
	driver  = profile{0.15, 0.1, 0.08, 0.15, 0.45, 0.8, 0.7, 0.5, 0.45, 0.5, 0.55, 0.65, 0.8, 0.6, 0.5, 0.5, 0.6, 0.8, 0.95, 1, 0.85, 0.6, 0.4, 0.25}
	evening = profile{0.1, 0.05, 0.02, 0.01, 0.01, 0.02, 0.05, 0.15, 0.25, 0.3, 0.35, 0.4, 0.45, 0.4, 0.4, 0.45, 0.5, 0.6, 0.8, 0.95, 1, 0.9, 0.6, 0.3}
	// warehouses run three shifts with a dip at shift change.
	shifts = profile{0.6, 0.55, 0.5, 0.5, 0.45, 0.6, 0.5, 0.8, 1, 1, 0.95, 0.9, 0.8, 0.9, 0.7, 0.9, 1, 0.95, 0.85, 0.8, 0.75, 0.7, 0.5, 0.6}
	flat   = profile{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
)

// zone is a UTC offset in hours, during the window (summer time).
type zone int

var (
	usEast    zone = -4
	usCentral zone = -5
	usMount   zone = -6
	usWest    zone = -7
	mexico    zone = -6
	london    zone = 1
	berlin    zone = 2
	singapore zone = 8
)

// usZones weights the US time zones by freight activity.
var usZones = []zone{usEast, usEast, usCentral, usCentral, usCentral, usMount, usWest, usWest}

// at draws an instant in [from, to) whose local hour in z follows p
// (rejection sampling). It returns from when the range is empty.
func at(r *rand.Rand, from, to time.Time, z zone, p profile) time.Time {
	span := to.Sub(from)
	if span <= 0 {
		return from
	}
	for range 200 {
		t := from.Add(time.Duration(r.Int64N(int64(span))))
		h := t.Add(time.Duration(z) * time.Hour).UTC().Hour()
		if r.Float64() < p[h] {
			return t
		}
	}
	return from.Add(time.Duration(r.Int64N(int64(span))))
}

// ---- addresses ----

// net4 is an IPv4 prefix of one to three octets.
type net4 string

// ip returns an address inside n.
func (n net4) ip(r *rand.Rand) string {
	s := string(n)
	dots := 0
	for i := range len(s) {
		if s[i] == '.' {
			dots++
		}
	}
	for ; dots < 3; dots++ {
		s += "." + strconv.Itoa(between(r, 1, 254))
	}
	return s
}

var (
	// cloud egress (AWS, GCP, Azure).
	cloudNets = []net4{"3.213", "3.92", "18.204", "18.118", "34.201", "34.83", "35.185", "35.231", "52.14", "52.71", "54.145", "54.210", "20.98", "20.121", "40.76", "44.208"}
	// cheap hosting (Hetzner, OVH, DigitalOcean, Contabo, Vultr).
	hostingNets = []net4{"95.216", "65.21", "135.181", "49.13", "51.68", "51.75", "141.94", "159.89", "164.90", "143.198", "62.171", "173.212", "45.77", "108.61", "207.148"}
	// home broadband (US cable and telco, EU, Asia).
	homeNets = []net4{"73", "24", "98", "76", "97", "99", "107", "71", "108", "68", "67", "174.62", "47.185", "69.136", "84", "86", "91.64", "79.210", "121.7", "116.86"}
	// mobile carriers' CGNAT egress: few addresses, many subscribers.
	mobileNets = []net4{"172.56.20", "172.56.21", "172.58.121", "172.59.4", "174.205.33", "174.240.2", "166.205.140", "166.199.12", "107.77.209"}
	// commercial VPN exits.
	vpnNets = []net4{"146.70.116", "146.70.187", "185.156.46", "149.102.240", "89.187.180", "37.19.200", "193.37.254", "212.102.35"}
)

// cgnat returns one of a carrier's shared egress addresses.
func cgnat(r *rand.Rand) string {
	n := pick(r, mobileNets)
	return string(n) + "." + strconv.Itoa(between(r, 2, 40))
}

// v6 returns an IPv6 address of a residential, mobile or hosting prefix.
func v6(r *rand.Rand, kind string) string {
	switch kind {
	case "mobile":
		return fmt.Sprintf("2607:fb90:%x:%x:%x:%x:%x:%x", r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff))
	case "hosting":
		return fmt.Sprintf("2a01:4f8:%x:%x::%x", between(r, 0x100, 0x1fff), r.IntN(0xffff), between(r, 2, 0xff))
	default:
		return fmt.Sprintf("2600:1700:%x:%x:%x:%x:%x:%x", r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff))
	}
}

// homeIP is a household's address: mostly IPv4, some IPv6.
func homeIP(r *rand.Rand) string {
	if chance(r, 0.18) {
		return v6(r, "home")
	}
	return pick(r, homeNets).ip(r)
}

// corpBlock is an organisation's /24 (or smaller) egress block.
type corpBlock struct {
	prefix string
	lo, hi int
}

func newCorp(r *rand.Rand) corpBlock {
	firsts := []int{12, 38, 63, 64, 65, 66, 70, 104, 128, 131, 192, 199, 204, 206, 208, 209, 216}
	p := fmt.Sprintf("%d.%d.%d", pick(r, firsts), between(r, 1, 254), between(r, 0, 255))
	lo := between(r, 1, 200)
	return corpBlock{p, lo, lo + between(r, 2, 30)}
}

func (c corpBlock) ip(r *rand.Rand) string {
	return c.prefix + "." + strconv.Itoa(between(r, c.lo, c.hi))
}
