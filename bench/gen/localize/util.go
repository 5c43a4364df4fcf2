package localize

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// pick returns a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// pickW returns an index drawn with the weights ws.
func pickW(r *rand.Rand, ws []float64) int {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	x := r.Float64() * t
	for i, w := range ws {
		if x < w {
			return i
		}
		x -= w
	}
	return len(ws) - 1
}

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// logn draws from a log-normal distribution of the given median and sigma.
func logn(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// secs is a duration of s seconds.
func secs(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// between draws an int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// sample returns k distinct elements of xs (all of them when k >= len).
func sample[T any](r *rand.Rand, xs []T, k int) []T {
	if k >= len(xs) {
		k = len(xs)
	}
	idx := r.Perm(len(xs))[:k]
	out := make([]T, k)
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// randStr returns n characters of alphabet.
func randStr(r *rand.Rand, alphabet string, n int) string {
	var b strings.Builder
	b.Grow(n)
	for range n {
		b.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

func hexStr(r *rand.Rand, n int) string { return randStr(r, "0123456789abcdef", n) }

func uuid4(r *rand.Rand) string {
	h := hexStr(r, 32)
	v := "89ab"[r.IntN(4)]
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + string(v) + h[17:20] + "-" + h[20:]
}

// mix64 is the splitmix64 finaliser: a bijection of uint64.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashName is FNV-1a of s, for deriving per-class random streams.
func hashName(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// fill replaces each {name} in tpl by vals[name].
func fill(tpl string, vals map[string]string) string {
	if !strings.Contains(tpl, "{") {
		return tpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		name := tpl[i+1 : i+j]
		if v, ok := vals[name]; ok {
			b.WriteString(tpl[:i])
			b.WriteString(v)
		} else {
			b.WriteString(tpl[:i+j+1])
		}
		tpl = tpl[i+j+1:]
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// scaled returns n*s rounded, at least lo.
func scaled(n int, s float64, lo int) int {
	v := int(math.Round(float64(n) * s))
	if v < lo {
		return lo
	}
	return v
}
