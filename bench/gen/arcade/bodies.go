package arcade

import (
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// The models the API serves. modelNew ships inside the window (Config.Release).
const (
	modelHaiku       = "claude-haiku-4-5"
	modelHaikuDated  = "claude-haiku-4-5-20251001"
	modelSonnet      = "claude-sonnet-4-5"
	modelSonnetDated = "claude-sonnet-4-5-20250929"
	modelOpus        = "claude-opus-4-1"
	modelNew         = "claude-sonnet-4-6"
)

type kv = tracefmt.KV

// msg is one chat message with plain text content.
func msg(role, content string) tracefmt.Obj {
	return tracefmt.Obj{{Key: "role", Value: role}, {Key: "content", Value: content}}
}

// turns returns alternating user and assistant messages, starting with
// the user.
func turns(texts ...string) []tracefmt.Obj {
	out := make([]tracefmt.Obj, len(texts))
	for i, t := range texts {
		role := "user"
		if i%2 == 1 {
			role = "assistant"
		}
		out[i] = msg(role, t)
	}
	return out
}

// chat builds a request body for path in the order an application writes
// it: model, the token limit and system (Anthropic), the messages, then
// params. On the OpenAI path the system prompt is the first message and
// maxTokens, when not 0, a max_tokens param. sys is a string, or content
// blocks on the Anthropic path.
func chat(path, model string, sys any, msgs []tracefmt.Obj, maxTokens int, params ...kv) tracefmt.Obj {
	o := tracefmt.Obj{{Key: "model", Value: model}}
	if path == pathMessages {
		o = append(o, kv{Key: "max_tokens", Value: maxTokens})
		switch s := sys.(type) {
		case nil:
		case string:
			if s != "" {
				o = append(o, kv{Key: "system", Value: s})
			}
		default:
			o = append(o, kv{Key: "system", Value: sys})
		}
		o = append(o, kv{Key: "messages", Value: msgs})
		return append(o, params...)
	}
	all := msgs
	if s, _ := sys.(string); s != "" {
		all = append([]tracefmt.Obj{msg("system", s)}, msgs...)
	}
	o = append(o, kv{Key: "messages", Value: all})
	if maxTokens > 0 {
		o = append(o, kv{Key: "max_tokens", Value: maxTokens})
	}
	return append(o, params...)
}

// cachedSystem is a system prompt as content blocks whose first block is
// marked for prompt caching (apps with a long fixed preamble do this).
func cachedSystem(fixed, variable string) []tracefmt.Obj {
	out := []tracefmt.Obj{{{Key: "type", Value: "text"}, {Key: "text", Value: fixed}, {Key: "cache_control", Value: tracefmt.Obj{{Key: "type", Value: "ephemeral"}}}}}
	if variable != "" {
		out = append(out, tracefmt.Obj{{Key: "type", Value: "text"}, {Key: "text", Value: variable}})
	}
	return out
}

// streamParams are the params of a streaming request on path.
func streamParams(path string, usage bool) []kv {
	p := []kv{{Key: "stream", Value: true}}
	if path != pathMessages && usage {
		p = append(p, kv{Key: "stream_options", Value: tracefmt.Obj{{Key: "include_usage", Value: true}}})
	}
	return p
}

// history returns the messages of a conversation seeded by seed: the turns
// [from, to) (a user and an assistant message each) and the user message
// of turn to. Turn i draws from sub(seed, i), user text first, so that a
// turn reads the same in every later request.
func history(seed uint64, from, to int, user, asst func(r *rand.Rand, i int) string) []tracefmt.Obj {
	from = max(from, 0)
	texts := make([]string, 0, 2*(to-from)+1)
	for i := from; i < to; i++ {
		r := sub(seed, i)
		texts = append(texts, user(r, i), asst(r, i))
	}
	texts = append(texts, user(sub(seed, to), to))
	return turns(texts...)
}

// userID is an opaque end-user id as apps send it.
func userID(prefix string, seed uint64) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.WriteString(prefix)
	x := mix64(seed)
	for range 12 {
		b.WriteByte(hex[x&15])
		x >>= 4
	}
	return b.String()
}

// retryMaybe plans, with probability p, an SDK retry of q (same key) a
// backoff later: the first retry of the official SDKs waits about half a
// second to a few seconds, or what retry-after says.
func (w *world) retryMaybe(r *rand.Rand, q *req, at time.Time, p float64) {
	if q == nil || !chance(r, p) {
		return
	}
	switch q.cl.kind {
	case kOpenAIPy, kAnthropicPy, kOpenAINode, kAnthropicNode, kStainlessGo:
		w.again(at.Add(between(r, 600*time.Millisecond, 4*time.Second)), q, nil, q.ip)
	}
}

// base62 draws n characters of an id.
func base62(r *rand.Rand, n int) string {
	const a = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b := make([]byte, n)
	for i := range b {
		b[i] = a[r.IntN(len(a))]
	}
	return string(b)
}

// modelAt returns modelNew with probability p for requests after the
// release (plus delay), else def: someone trying the new model.
func (w *world) modelAt(r *rand.Rand, at time.Time, delay time.Duration, p float64, def string) string {
	if at.After(w.release.Add(delay)) && chance(r, p) {
		return modelNew
	}
	return def
}
