package sim

import (
	"math/rand/v2"
	"time"
)

// chatter holds what a person's requests look like: the client, the models
// and knobs they use, their interests. Human chat, the enterprise's
// employees, reseller customers and new sign-ups are all chatters.
type chatter struct {
	models    []string
	interests []int // indexes into areas
	mix       *intentMix
	tempStyle int // 0 none, 1 fixed, 2 varies
	temp      float64
	stream    bool
	thinks    bool
	responses bool
}

func newChatter(r *rand.Rand, d Dialect, mix *intentMix) chatter {
	ms := models[d]
	ch := chatter{mix: mix, tempStyle: r.IntN(3), temp: pick(r, []float64{0, 0.2, 0.5, 0.7, 1}),
		stream: r.IntN(5) < 3, thinks: r.IntN(8) == 0, responses: d == OpenAI && r.IntN(6) == 0}
	ch.models = []string{ms[r.IntN(len(ms))]}
	if r.IntN(3) == 0 {
		ch.models = append(ch.models, ms[r.IntN(len(ms))])
	}
	k := 1 + r.IntN(3)
	for i := 0; i < k; i++ {
		ch.interests = append(ch.interests, r.IntN(len(areas)))
	}
	return ch
}

// start begins a conversation: knobs and the first user turn.
func (ch *chatter) start(r *rand.Rand, c *convo, d Dialect) *area {
	*c = convo{model: pick(r, ch.models), stream: ch.stream, responses: ch.responses, turns: c.turns[:0]}
	switch ch.tempStyle {
	case 1:
		c.temperature = temp(ch.temp)
	case 2:
		c.temperature = temp(pick(r, []float64{0.3, 0.7, 1}))
	}
	if d == Anthropic {
		c.maxTokens = pick(r, []int{1024, 2048, 4096, 8192})
	} else if r.IntN(2) == 0 {
		c.maxTokens = pick(r, []int{512, 1000, 2048, 4096})
	}
	if ch.thinks && r.IntN(2) == 0 {
		c.thinking = pick(r, []int{2048, 4096, 10000})
	}
	a := &areas[pick(r, ch.interests)]
	i := ch.mix.draw(r)
	if i == intentCode {
		a = &areas[areaCoding]
	}
	c.turns = append(c.turns, turn{role: roleUser, text: prompt(r, i, a)})
	return a
}

// followup appends the assistant's answer and the user's next turn.
func followup(r *rand.Rand, c *convo, a *area) {
	c.turns = append(c.turns,
		turn{role: roleAssistant, text: answer(r, a, 2+r.IntN(5))},
		turn{role: roleUser, text: text(r, pick(r, followups), a)})
}

// history gives c up to n earlier exchanges, for single requests that come
// from the middle of a conversation.
func history(r *rand.Rand, c *convo, a *area, n int) {
	for i := 0; i < n; i++ {
		followup(r, c, a)
	}
}

// humanChat is one person: sessions arrive by a diurnal Poisson process,
// each a few turns with think time between them.
type humanChat struct {
	r     *rand.Rand
	g     *gen
	acct  *account
	ch    chatter
	tz    int
	rate  float64 // sessions per hour at peak
	t     time.Duration
	c     convo
	a     *area
	left  int
	sesIP string
}

func buildHumanChat(g *gen, spec ClassSpec, ci int) []actor {
	from, _ := g.window(spec)
	n := g.accounts(spec.Accounts)
	out := make([]actor, 0, n)
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		st := newStack(r, drawKind(r, stackWeights))
		acct := newAccount(r, HumanChat, i, st, residentialIP(r))
		h := &humanChat{r: r, g: g, acct: acct, ch: newChatter(r, acct.dialect, &mixChat),
			tz: pick(r, []int{-8, -5, -3, 0, 1, 2, 3, 5, 8, 9}),
			// sessions average 3.5 requests; activity varies widely between people
			rate: spec.Rate / 3.5 * lognormalF(r, 0.8)}
		h.t = arrival(r, from, g.end, h.rate, g.diurnalShape(h.tz))
		out = append(out, h)
	}
	return out
}

func lognormalF(r *rand.Rand, sigma float64) float64 {
	return float64(lognormal(r, time.Second, sigma)) / float64(time.Second)
}

func (h *humanChat) at() time.Duration { return h.t }

func (h *humanChat) fire() event {
	r := h.r
	if h.left == 0 {
		h.a = h.ch.start(r, &h.c, h.acct.dialect)
		h.left = 1 + int(r.ExpFloat64()*2.5)
		h.sesIP = ""
		if r.IntN(10) == 0 {
			h.sesIP = residentialIP(r) // on the phone
		}
	} else {
		followup(r, &h.c, h.a)
	}
	h.left--
	ev := event{acct: h.acct, ip: h.sesIP, class: HumanChat, c: &h.c}
	if h.left > 0 {
		h.t += 3*time.Second + lognormal(r, 40*time.Second, 0.9)
	} else {
		h.t = arrival(r, h.t, h.g.end, h.rate, h.g.diurnalShape(h.tz))
	}
	if h.t >= h.g.end {
		h.t = never
	}
	return ev
}
