package civic

import (
	"math"
	"math/rand/v2"
	"time"
)

// Time zones in May, hours east of UTC (daylight saving where observed).
const (
	zET = -4
	zCT = -5
	zMT = -6
	zPT = -7
	zAK = -8
	zUK = 1
	zCE = 2
	zCN = 8
)

var usZones = []int{zET, zET, zET, zET, zCT, zCT, zCT, zMT, zPT, zPT, zPT, zAK}

// profile is the relative activity in each local hour of the day.
type profile [24]float64

var (
	// staff at their desks
	profOffice = profile{0.02, 0.01, 0.01, 0.01, 0.02, 0.05, 0.2, 0.55, 1.3, 1.9, 2, 1.9, 1.3, 1.6, 1.9, 1.8, 1.4, 0.8, 0.4, 0.3, 0.25, 0.2, 0.1, 0.05}
	// people at home: a little in the day, most in the evening
	profHome = profile{0.35, 0.18, 0.08, 0.05, 0.04, 0.08, 0.25, 0.55, 0.8, 0.9, 1, 1, 1.1, 1, 1, 1, 1.1, 1.3, 1.5, 1.8, 2, 1.9, 1.4, 0.8}
	// residents using public services, day and early evening
	profPublic = profile{0.2, 0.1, 0.05, 0.04, 0.05, 0.1, 0.3, 0.7, 1.2, 1.5, 1.6, 1.6, 1.5, 1.5, 1.5, 1.4, 1.3, 1.2, 1.2, 1.2, 1.1, 0.9, 0.6, 0.35}
	// pupils: the school day, then homework
	profSchool = profile{0.02, 0.01, 0, 0, 0, 0.02, 0.1, 0.6, 1.6, 2, 2, 1.8, 1.4, 1.8, 1.7, 1.2, 0.9, 0.8, 1, 1.3, 1.3, 0.9, 0.4, 0.1}
	// developers: late mornings, afternoons, some evenings
	profDev = profile{0.15, 0.08, 0.04, 0.02, 0.02, 0.04, 0.1, 0.3, 0.8, 1.5, 1.8, 1.7, 1.2, 1.6, 1.8, 1.7, 1.4, 1, 0.7, 0.6, 0.7, 0.6, 0.4, 0.25}
)

func (p *profile) sum() float64 {
	s := 0.0
	for _, v := range p {
		s += v
	}
	return s
}

// local returns t shifted into zone z, to read its hour and weekday.
func local(t time.Time, z int) time.Time { return t.Add(time.Duration(z) * time.Hour) }

func weekend(t time.Time, z int) bool {
	d := local(t, z).Weekday()
	return d == time.Saturday || d == time.Sunday
}

// poisson draws a Poisson count of mean l.
func poisson(r *rand.Rand, l float64) int {
	if l <= 0 {
		return 0
	}
	if l > 40 {
		return max(0, int(math.Round(l+math.Sqrt(l)*r.NormFloat64())))
	}
	lim, k, p := math.Exp(-l), 0, r.Float64()
	for p > lim {
		k++
		p *= r.Float64()
	}
	return k
}

// arrivals calls fn, in time order, at the arrivals of a Poisson process
// between from and to: perDay a weekday's mean, spread over the local
// hours of zone z by p, times wk on Saturdays and Sundays.
func arrivals(r *rand.Rand, from, to time.Time, z int, p *profile, perDay, wk float64, fn func(time.Time)) {
	s := p.sum()
	for h := from.Truncate(time.Hour); h.Before(to); h = h.Add(time.Hour) {
		l := perDay * p[local(h, z).Hour()] / s
		if weekend(h, z) {
			l *= wk
		}
		n := poisson(r, l)
		ts := make([]time.Duration, n)
		for i := range ts {
			ts[i] = time.Duration(r.Int64N(int64(time.Hour)))
		}
		sortDur(ts)
		for _, d := range ts {
			if t := h.Add(d); !t.Before(from) && t.Before(to) {
				fn(t)
			}
		}
	}
}

func sortDur(d []time.Duration) {
	for i := 1; i < len(d); i++ {
		for j := i; j > 0 && d[j] < d[j-1]; j-- {
			d[j], d[j-1] = d[j-1], d[j]
		}
	}
}

// between returns a uniform duration in [a, b).
func between(r *rand.Rand, a, b time.Duration) time.Duration {
	if b <= a {
		return a
	}
	return a + time.Duration(r.Int64N(int64(b-a)))
}

// lognormal returns a duration around median m with spread s (log scale).
func lognormal(r *rand.Rand, m time.Duration, s float64) time.Duration {
	return time.Duration(float64(m) * math.Exp(s*r.NormFloat64()))
}

// atLocal returns the instant of local clock time hh:mm on the day of t in zone z.
func atLocal(day time.Time, z int, hh, mm int) time.Time {
	l := local(day, z)
	d := time.Date(l.Year(), l.Month(), l.Day(), hh, mm, 0, 0, time.UTC)
	return d.Add(-time.Duration(z) * time.Hour)
}

// days returns the local midnights (as instants) of every day touching the window in zone z.
func (w *world) days(z int) []time.Time {
	var out []time.Time
	first := atLocal(w.start, z, 0, 0)
	for d := first; d.Before(w.end); d = d.Add(24 * time.Hour) {
		out = append(out, d)
	}
	return out
}
