package launch

import (
	"math/rand/v2"
	"slices"
	"time"
)

// convo is one conversation of an account: its settings and its history.
// say sends the next user turn; the caller decides when.
type convo struct {
	g      *gen
	r      *rand.Rand
	a      *account
	path   string
	tmpl   request // model, system prompt and knobs; msgs is ignored
	hist   []msg
	chain  bool // /v1/responses: continue with previous_response_id, not the history
	prev   string
	retryP float64 // chance a request is retried by the SDK
}

func (g *gen) convo(r *rand.Rand, a *account, path string, tmpl request) *convo {
	c := &convo{g: g, r: r, a: a, path: path, tmpl: tmpl, retryP: 0.004}
	c.chain = path == pathResponses && r.IntN(2) == 0
	return c
}

// say sends text at at from ip and returns when the reply has come back
// and how long it was; steps says whether the reply is a worked solution.
func (c *convo) say(at time.Time, ip, text string, steps bool) (time.Time, int) {
	c.hist = append(slices.Clip(c.hist), msg{"user", text})
	q := c.tmpl
	q.msgs = c.hist
	if c.chain && c.prev != "" {
		q.prevID = c.prev
	}
	c.g.send(at, c.a, ip, c.path, &q)
	size := int(lognormal(c.r, 450, 0.5))
	if steps {
		size = int(lognormal(c.r, 1300, 0.35))
	}
	if c.r.Float64() < c.retryP {
		c.g.retry(c.r, dur(lognormal(c.r, 20, 0.8)))
	}
	c.hist = append(slices.Clip(c.hist), msg{"assistant", reply(c.r, steps, size)})
	c.prev = "resp_" + randString(c.r, "0123456789abcdef", 48)
	return at.Add(modelTime(c.r, size)), size
}

// pathFor is where an account's client sends: the Messages API for an
// Anthropic SDK, otherwise chat completions or, with probability resp,
// the Responses API.
func pathFor(r *rand.Rand, cl *client, resp float64) string {
	switch {
	case cl.anthropic():
		return pathMessages
	case r.Float64() < resp:
		return pathResponses
	}
	return pathChat
}

var (
	modelsOpenAI    = []string{"gpt-4.1-mini", "gpt-4.1", "gpt-4o", "gpt-4o-mini", "gpt-5-mini", "gpt-5"}
	modelsReasoning = []string{"o4-mini", "o3", "gpt-5", "gpt-5-mini"}
	modelsAnthropic = []string{"claude-sonnet-4-5", "claude-sonnet-4-20250514", "claude-haiku-4-5", "claude-opus-4-1"}
)

// modelFor draws a model the client's API serves; reasoning asks for one
// that reasons.
func modelFor(r *rand.Rand, cl *client, reasoning bool) string {
	switch {
	case cl.anthropic():
		return pick(r, modelsAnthropic)
	case reasoning:
		return pick(r, modelsReasoning)
	}
	return pick(r, modelsOpenAI)
}

// isReasoning says whether an OpenAI model takes reasoning_effort and
// max_completion_tokens.
func isReasoning(m string) bool {
	return slices.Contains(modelsReasoning, m)
}
