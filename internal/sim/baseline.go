package sim

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// Request is what the baselines see of a trace record: time, credential
// and address.
type Request struct {
	TS        time.Time
	RequestID string
	Key       string // the credential; empty if none
	IP        string
}

// ReadTrace reads trace records (JSON lines) and keeps what the baselines
// need.
func ReadTrace(r io.Reader) ([]Request, error) {
	var out []Request
	err := eachLine(r, func(n int, line []byte) error {
		var rec struct {
			TS        time.Time   `json:"ts"`
			RequestID string      `json:"request_id"`
			IP        string      `json:"ip"`
			Headers   [][2]string `json:"headers"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			return fmt.Errorf("sim: trace line %d: %w", n, err)
		}
		out = append(out, Request{TS: rec.TS, RequestID: rec.RequestID, IP: rec.IP, Key: credential(rec.Headers)})
		return nil
	})
	return out, err
}

// credential returns the API key of a request: the bearer token of
// Authorization, or x-api-key / api-key.
func credential(h [][2]string) string {
	for _, kv := range h {
		switch strings.ToLower(kv[0]) {
		case "authorization":
			if v, ok := strings.CutPrefix(kv[1], "Bearer "); ok {
				return v
			}
			return kv[1]
		case "x-api-key", "api-key":
			return kv[1]
		}
	}
	return ""
}

// Baseline limits: the per-key limit of the detection issue and a per-IP
// limit ten times as generous (an address may carry a team's traffic).
const (
	PerKeyPerMinute = 60
	PerIPPerMinute  = 600
)

// PerKey is the plain per-key baseline: a token bucket per credential of
// perMinute requests a minute with a burst of as many. Requests over the
// limit are throttled and do not consume tokens, as with rate.Limiter's
// AllowN. reqs must be in timestamp order.
func PerKey(reqs []Request, perMinute float64) []Decision {
	return limit(reqs, perMinute, "per_key_limit", func(r *Request) string { return r.Key })
}

// PerIP is the per-address baseline, PerKey's twin keyed by client IP.
func PerIP(reqs []Request, perMinute float64) []Decision {
	return limit(reqs, perMinute, "per_ip_limit", func(r *Request) string { return r.IP })
}

type bucket struct {
	tokens float64
	last   time.Time
}

func limit(reqs []Request, perMinute float64, reason string, key func(*Request) string) []Decision {
	burst := perMinute
	perNs := perMinute / float64(time.Minute)
	buckets := map[string]*bucket{}
	out := make([]Decision, len(reqs))
	reasons := []string{reason}
	for i := range reqs {
		r := &reqs[i]
		b := buckets[key(r)]
		if b == nil {
			b = &bucket{tokens: burst, last: r.TS}
			buckets[key(r)] = b
		}
		if el := r.TS.Sub(b.last); el > 0 {
			b.tokens = min(burst, b.tokens+float64(el)*perNs)
			b.last = r.TS
		}
		d := Decision{TS: r.TS, RequestID: r.RequestID, IP: r.IP, Action: ActionAllow}
		if b.tokens >= 1 {
			b.tokens--
		} else {
			d.Action, d.Reasons = ActionThrottle, reasons
		}
		out[i] = d
	}
	return out
}
