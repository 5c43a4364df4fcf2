package voyage

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// rng is a seeded random source with the draws the world needs. Every
// class plans with its own rng, derived from the trace's seed and the
// class's name, so that no class's draws depend on another's.
type rng struct{ *rand.Rand }

func newRNG(seed uint64, salt string) *rng {
	h := fnv.New64a()
	h.Write([]byte(salt))
	return &rng{rand.New(rand.NewPCG(seed, h.Sum64()))}
}

// fork returns an independent rng derived from r and salt.
func (r *rng) fork(salt string) *rng { return newRNG(r.Uint64(), salt) }

func pick[T any](r *rng, xs []T) T { return xs[r.IntN(len(xs))] }

// wpick picks xs[i] with probability weights[i] / sum(weights).
func wpick[T any](r *rng, xs []T, weights []float64) T {
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	x := r.Float64() * sum
	for i, w := range weights {
		if x < w {
			return xs[i]
		}
		x -= w
	}
	return xs[len(xs)-1]
}

func (r *rng) chance(p float64) bool        { return r.Float64() < p }
func (r *rng) between(a, b float64) float64 { return a + (b-a)*r.Float64() }
func (r *rng) irange(a, b int) int          { return a + r.IntN(b-a+1) }

// exp draws an exponential with the given mean.
func (r *rng) exp(mean float64) float64 { return r.ExpFloat64() * mean }

// lognorm draws a log-normal with the given median and shape.
func (r *rng) lognorm(median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// secs turns seconds into a duration.
func secs(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// mins turns minutes into a duration.
func mins(m float64) time.Duration { return time.Duration(m * float64(time.Minute)) }

const (
	alnum     = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b64url    = alnum + "-_"
	lowerHex  = "0123456789abcdef"
	lowerAlnm = "abcdefghijklmnopqrstuvwxyz0123456789"
)

func (r *rng) str(alphabet string, n int) string {
	var b strings.Builder
	b.Grow(n)
	for range n {
		b.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

func (r *rng) hex(n int) string { return r.str(lowerHex, n) }

// uuid returns a random version 4 UUID.
func (r *rng) uuid() string {
	h := []byte(r.hex(32))
	h[12] = '4'
	h[16] = "89ab"[r.IntN(4)]
	s := string(h)
	return s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
}

// poisson returns the instants of a Poisson process on [from, to) whose
// rate (events a second) at t is rate(t) <= max, by thinning.
func (r *rng) poisson(from, to time.Time, max float64, rate func(time.Time) float64) []time.Time {
	var out []time.Time
	if max <= 0 {
		return out
	}
	for t := from; ; {
		t = t.Add(secs(r.exp(1 / max)))
		if !t.Before(to) {
			return out
		}
		if r.Float64()*max < rate(t) {
			out = append(out, t)
		}
	}
}

// count scales n by s, rounding at random so that the expectation is n*s,
// and never below min.
func (r *rng) count(n int, s float64, min int) int {
	x := float64(n) * s
	k := int(x)
	if r.Float64() < x-float64(k) {
		k++
	}
	if k < min {
		k = min
	}
	return k
}
