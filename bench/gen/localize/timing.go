package localize

import (
	"math"
	"math/rand/v2"
	"time"
)

// rhythm is how busy a kind of sender is over the local day, as a weight
// in [0, 1] at each hour 0..24 (linear between hours).
type rhythm [25]float64

var (
	// office: a working day with a lunch dip.
	office = rhythm{0.03, 0.02, 0.02, 0.02, 0.02, 0.03, 0.06, 0.2, 0.55, 0.95, 1, 1, 0.8, 0.6, 0.9, 1, 0.95, 0.7, 0.4, 0.2, 0.12, 0.08, 0.05, 0.04, 0.03}
	// leisure: learners and hobbyists, a little before work, at lunch and
	// most in the evening.
	leisure = rhythm{0.25, 0.12, 0.06, 0.03, 0.03, 0.05, 0.15, 0.35, 0.35, 0.25, 0.25, 0.3, 0.45, 0.45, 0.3, 0.3, 0.35, 0.45, 0.6, 0.8, 0.95, 1, 0.9, 0.6, 0.25}
	// service: a customer-facing desk, long hours.
	service = rhythm{0.15, 0.1, 0.07, 0.05, 0.05, 0.08, 0.2, 0.45, 0.75, 0.95, 1, 1, 0.95, 0.9, 0.95, 1, 0.95, 0.85, 0.75, 0.7, 0.6, 0.45, 0.3, 0.2, 0.15}
	// flat: machines.
	flat = rhythm{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
)

// at returns the weight at local hour h.
func (rh *rhythm) at(h float64) float64 {
	h = math.Mod(h, 24)
	if h < 0 {
		h += 24
	}
	i := int(h)
	f := h - float64(i)
	return rh[i]*(1-f) + rh[i+1]*f
}

// localHour is the local hour of t in a zone tz hours from UTC.
func localHour(t time.Time, tz float64) float64 {
	u := t.UTC()
	h := float64(u.Hour()) + float64(u.Minute())/60 + float64(u.Second())/3600 + tz
	return math.Mod(h+48, 24)
}

// arrivals draws the instants of a Poisson process on [from, to) whose rate
// is peak per hour times rh's weight at the local hour.
func arrivals(r *rand.Rand, from, to time.Time, peak float64, tz float64, rh *rhythm) []time.Time {
	if peak <= 0 || !from.Before(to) {
		return nil
	}
	var out []time.Time
	t := from
	for {
		t = t.Add(secs(r.ExpFloat64() * 3600 / peak))
		if !t.Before(to) {
			return out
		}
		if r.Float64() < rh.at(localHour(t, tz)) {
			out = append(out, t)
		}
	}
}

// gaps returns n instants from start, each the previous one plus a
// log-normal pause of median med seconds.
func gaps(r *rand.Rand, start time.Time, n int, med, sigma float64) []time.Time {
	out := make([]time.Time, 0, n)
	t := start
	for i := 0; i < n; i++ {
		if i > 0 {
			t = t.Add(secs(logn(r, med, sigma)))
		}
		out = append(out, t)
	}
	return out
}
