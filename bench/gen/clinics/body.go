package clinics

import (
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

func kv(k string, v any) tracefmt.KV { return tracefmt.KV{Key: k, Value: v} }

func msg(role, content string) tracefmt.Obj {
	return tracefmt.Obj{kv("role", role), kv("content", content)}
}

// convo returns an OpenAI message list: the system prompt (when not
// empty) and turns alternating user and assistant.
func convo(system string, turns ...string) []tracefmt.Obj {
	var out []tracefmt.Obj
	if system != "" {
		out = append(out, msg("system", system))
	}
	for i, t := range turns {
		role := "user"
		if i%2 == 1 {
			role = "assistant"
		}
		out = append(out, msg(role, t))
	}
	return out
}

// aconvo is convo for the Messages API (no system message).
func aconvo(turns ...string) []tracefmt.Obj { return convo("", turns...) }

func chatBody(model string, msgs []tracefmt.Obj, extra ...tracefmt.KV) tracefmt.Obj {
	return append(tracefmt.Obj{kv("model", model), kv("messages", msgs)}, extra...)
}

func msgBody(model string, maxTok int, system any, msgs []tracefmt.Obj, extra ...tracefmt.KV) tracefmt.Obj {
	o := tracefmt.Obj{kv("model", model), kv("max_tokens", maxTok)}
	if system != nil {
		o = append(o, kv("system", system))
	}
	o = append(o, kv("messages", msgs))
	return append(o, extra...)
}

// cachedSystem is a system prompt as one text block marked for prompt
// caching.
func cachedSystem(s string) tracefmt.Arr {
	return tracefmt.Arr{tracefmt.Obj{kv("type", "text"), kv("text", s), kv("cache_control", tracefmt.Obj{kv("type", "ephemeral")})}}
}

// send plans a request of body o from a on st.
func (w *world) send(at time.Time, a *account, st *stack, ip, path string, o tracefmt.Obj) *req {
	return w.add(at, a, st, ip, path, st.encode(path, o))
}

// retryLater plans, with probability p, the SDK's retry of q (the same
// body, its retry count one up) after a back-off; it returns whether it
// did.
func (w *world) retryLater(r *rand.Rand, at time.Time, q *req, p float64) bool {
	if r.Float64() >= p {
		return false
	}
	c := *q
	c.retry++
	back := secs(between(r, 0.4, 1.0) * float64(int(1)<<c.retry))
	w.addq(at.Add(back), &c)
	return true
}

// workers runs n items through k workers from t0: item i is planned by fn
// at the instant a worker takes it; fn returns how long the worker is
// then busy. Items past end are dropped.
func workers(t0, end time.Time, k, n int, fn func(i int, at time.Time) time.Duration) {
	free := make([]time.Time, k)
	for i := range free {
		free[i] = t0.Add(time.Duration(i) * 137 * time.Millisecond)
	}
	for i := 0; i < n; i++ {
		j := 0
		for x := range free {
			if free[x].Before(free[j]) {
				j = x
			}
		}
		if !free[j].Before(end) {
			return
		}
		free[j] = free[j].Add(fn(i, free[j]))
	}
}
