package marketplace

import (
	"hash/fnv"
	"math"
)

// rng is a splitmix64 generator. It is written out here rather than taken
// from math/rand so that the bytes of a trace depend on the seed alone and
// not on the Go release that builds the generator.
type rng struct{ s uint64 }

func mix(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// hashString is the FNV-1a hash of s, used to salt streams by name.
func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func newRNG(seed uint64, salt string) *rng {
	return &rng{s: mix(seed ^ mix(hashString(salt)+0x632be59bd9b4e019))}
}

func (r *rng) u64() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix(r.s)
}

// intn returns a uniform int in [0, n); n must be positive.
func (r *rng) intn(n int) int { return int(r.u64() % uint64(n)) }

// between returns a uniform int in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// float returns a uniform float64 in [0, 1).
func (r *rng) float() float64 { return float64(r.u64()>>11) / (1 << 53) }

func (r *rng) chance(p float64) bool { return r.float() < p }

// exp returns an exponential draw of mean 1.
func (r *rng) exp() float64 { return -math.Log(1 - r.float()) }

// norm returns a standard normal draw.
func (r *rng) norm() float64 {
	u := 1 - r.float()
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*r.float())
}

// logn returns a log-normal draw of median med and shape sigma.
func (r *rng) logn(med, sigma float64) float64 { return med * math.Exp(sigma*r.norm()) }

// poisson returns a Poisson draw of mean m (Knuth's method; m is small here).
func (r *rng) poisson(m float64) int {
	if m > 30 {
		n := int(math.Round(m + math.Sqrt(m)*r.norm()))
		return max(n, 0)
	}
	l, k, p := math.Exp(-m), 0, 1.0
	for {
		p *= r.float()
		if p <= l {
			return k
		}
		k++
	}
}

func pick[T any](r *rng, s []T) T { return s[r.intn(len(s))] }

// weighted returns an index drawn with the weights w.
func weighted(r *rng, w ...float64) int {
	t := 0.0
	for _, x := range w {
		t += x
	}
	u := r.float() * t
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func (r *rng) token(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.intn(len(alphabet))]
	}
	return string(b)
}
