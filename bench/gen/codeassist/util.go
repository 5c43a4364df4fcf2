package codeassist

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// rng is the generator's source of every random draw: a PCG stream per
// class (see world.rngFor), so that one class's draws do not shift another's.
type rng struct{ *rand.Rand }

func newRNG(a, b uint64) *rng { return &rng{rand.New(rand.NewPCG(a, b))} }

// fork returns an independent stream derived from r.
func (r *rng) fork() *rng { return newRNG(r.Uint64(), r.Uint64()) }

func (r *rng) pick(xs []string) string { return xs[r.IntN(len(xs))] }

// between returns an int in [a, b].
func (r *rng) between(a, b int) int {
	if b <= a {
		return a
	}
	return a + r.IntN(b-a+1)
}

func (r *rng) chance(p float64) bool { return r.Float64() < p }

// exp returns an exponential duration of the given mean.
func (r *rng) exp(mean time.Duration) time.Duration {
	return time.Duration(r.ExpFloat64() * float64(mean))
}

// logn returns a log-normal duration of the given median and sigma.
func (r *rng) logn(median time.Duration, sigma float64) time.Duration {
	return time.Duration(float64(median) * math.Exp(r.NormFloat64()*sigma))
}

// uniform returns a duration in [a, b).
func (r *rng) uniform(a, b time.Duration) time.Duration {
	return a + time.Duration(r.Float64()*float64(b-a))
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func (r *rng) alnum(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alnum[r.IntN(len(alnum))]
	}
	return string(b)
}

func (r *rng) hex(n int) string {
	const h = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = h[r.IntN(16)]
	}
	return string(b)
}

func (r *rng) uuid() string {
	h := r.hex(32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + string("89ab"[r.IntN(4)]) + h[17:20] + "-" + h[20:]
}

// weighted returns an index into weights, drawn in proportion to them.
func (r *rng) weighted(weights ...float64) int {
	var sum float64
	for _, w := range weights {
		sum += w
	}
	x := r.Float64() * sum
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// mix is the splitmix64 finaliser: a bijection of uint64, so distinct
// inputs give distinct request ids.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func hashString(s string) uint64 {
	h := uint64(1469598103934665603)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// --- networks -------------------------------------------------------------

// First octets (or /16s) of consumer ISPs in North America, Europe, Asia and
// South America; residential addresses are drawn inside them.
var residentialV4 = []string{
	"73", "24", "98", "71", "67", "76", "108", "174.6", "68", "50", "99", "47.14", "70", "75", "96",
	"86", "92", "81", "82", "2.2", "5.1", "31", "37", "79", "84", "88", "89", "176", "178", "188", "212", "217", "93", "94", "95", "109", "151", "87",
	"1.1", "14", "27", "36", "39", "42", "49", "58", "60", "61", "110", "111", "112", "113", "114", "115", "116", "117", "118", "121", "122", "123", "124", "125", "180", "182", "183", "202", "203", "210", "211", "218", "219", "220", "221",
	"177", "179", "181", "186", "187", "189", "190", "191", "200", "201",
}

// Consumer IPv6 prefixes (cable, DSL and fibre operators).
var residentialV6 = []string{"2601", "2600:1700", "2603:6000", "2a02", "2a01", "2003", "2a00", "2405", "2409", "2804"}

// Mobile carriers' CGNAT ranges.
var mobileV4 = []string{"172.56", "172.58", "174.205", "174.224", "100.128", "166.205", "46.234", "80.187", "37.166", "117.193", "223.104"}

// Cloud and hosting /16s by provider.
var cloudV4 = map[string][]string{
	"aws":     {"3.80", "3.91", "18.206", "52.23", "54.87", "44.201", "3.238", "18.117", "13.58", "54.180"},
	"gcp":     {"34.66", "34.118", "35.192", "35.230", "34.141", "35.247"},
	"azure":   {"20.42", "20.106", "40.76", "52.190", "13.64", "20.57"},
	"hetzner": {"65.108", "95.217", "135.181", "49.12", "5.161", "116.203"},
	"ovh":     {"51.75", "51.89", "141.94", "57.128", "146.59"},
	"do":      {"137.184", "159.89", "164.92", "143.198", "167.71"},
	"vultr":   {"149.28", "45.77", "66.42", "108.61", "45.32"},
	"hk":      {"47.242", "43.154", "8.210", "119.28", "103.152"},
}

var cloudNames = []string{"aws", "gcp", "azure", "hetzner", "ovh", "do", "vultr", "hk"}

// GitHub-hosted runners egress from Azure ranges; each job gets a fresh VM.
var actionsV4 = []string{"20.57", "20.102", "20.84", "40.84", "52.176", "172.183", "4.148", "13.105", "52.225", "20.81"}

// fill completes prefix (one to three octets) to an address.
func (r *rng) fill(prefix string) string {
	parts := strings.Count(prefix, ".") + 1
	var b strings.Builder
	b.WriteString(prefix)
	for i := parts; i < 4; i++ {
		lo := 0
		if i == 3 {
			lo = 1
		}
		fmt.Fprintf(&b, ".%d", r.between(lo, 254))
	}
	return b.String()
}

func (r *rng) residentialIP() string {
	if r.chance(0.18) {
		p := r.pick(residentialV6)
		n := strings.Count(p, ":") + 1
		var b strings.Builder
		b.WriteString(p)
		for i := n; i < 4; i++ {
			fmt.Fprintf(&b, ":%x", r.IntN(0x10000))
		}
		for range 4 {
			fmt.Fprintf(&b, ":%x", r.IntN(0x10000))
		}
		return b.String()
	}
	return r.fill(r.pick(residentialV4))
}

func (r *rng) mobileIP() string { return r.fill(r.pick(mobileV4)) }

func (r *rng) cloudIP(provider string) string { return r.fill(r.pick(cloudV4[provider])) }

// subnet24 returns a random /24 of provider, as "a.b.c".
func (r *rng) subnet24(provider string) string {
	return fmt.Sprintf("%s.%d", r.pick(cloudV4[provider]), r.between(0, 255))
}

func (r *rng) in24(net24 string) string { return fmt.Sprintf("%s.%d", net24, r.between(2, 253)) }

// --- time shapes ----------------------------------------------------------

// Relative activity per local hour on a working Friday, for people at work
// and for people coding in their spare time.
var (
	workHours  = [24]float64{.02, .01, .01, .01, .01, .02, .05, .15, .45, .8, .95, 1, .75, .85, 1, .95, .85, .6, .35, .3, .3, .25, .15, .06}
	hobbyHours = [24]float64{.1, .05, .02, .01, .01, .01, .02, .05, .1, .15, .2, .25, .3, .3, .3, .35, .4, .5, .65, .8, .95, 1, .85, .4}
)

// activity returns the relative activity of a person in zone tz (hours
// from UTC) at t, by the table.
func activity(t time.Time, tz float64, table *[24]float64) float64 {
	local := float64(t.Hour()) + float64(t.Minute())/60 + tz
	local = math.Mod(local+48, 24)
	h := int(local)
	f := local - float64(h)
	return table[h]*(1-f) + table[(h+1)%24]*f
}

// Time zones of the developer population and their weights.
var (
	zones       = []float64{-7, -5, -4, 1, 2, 3, 5.5, 8, 9, -3}
	zoneWeights = []float64{22, 5, 18, 12, 18, 4, 8, 6, 4, 3}
)

func (r *rng) zone() float64 { return zones[r.weighted(zoneWeights...)] }
