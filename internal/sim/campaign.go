package sim

import (
	"math/rand/v2"
	"time"
)

// sdkKinds are the official SDK stacks, the most common clients of all.
var sdkKinds = []stackKind{kindOpenAIPy, kindOpenAIPy, kindOpenAINode, kindAnthropicPy, kindAnthropicTS}

// harvester writes harvesting requests: elicitation prompts on a few areas,
// the strongest model, long outputs, reasoning switched on.
type harvester struct {
	areas     []int
	skeletons []string // frozen templates; nil: paraphrase freely
	thinking  bool
}

func (h *harvester) write(r *rand.Rand, c *convo, d Dialect) {
	*c = convo{model: models[d][r.IntN(2)], maxTokens: pick(r, []int{8192, 16000}), turns: c.turns[:0]}
	if h.skeletons != nil {
		c.model = models[d][0]
	}
	if r.IntN(2) == 0 {
		c.temperature = temp(1)
	}
	if h.thinking {
		c.thinking = pick(r, []int{8000, 16000})
	}
	if h.skeletons == nil { // the careful operator varies its knobs like a user
		c.stream = r.IntN(10) < 3
		c.responses = d == OpenAI && r.IntN(6) == 0
		if d == OpenAI && !c.responses && r.IntN(10) == 0 {
			c.n = 2 + r.IntN(3) // several samples per prompt
		}
	}
	a := &areas[pick(r, h.areas)]
	var t string
	if h.skeletons != nil {
		t = pick(r, h.skeletons)
	} else {
		t = pick(r, intentTemplates[mixHarvest.draw(r)])
	}
	c.turns = append(c.turns, turn{role: roleUser, text: text(r, t, a)})
}

// rotor dispatches a campaign's requests over its accounts.
//   - even: a fixed interval (±5%) and round-robin accounts, the shape of a
//     load balancer; otherwise Poisson arrivals and a random account.
//   - lifetime > 0: an account is replaced by a fresh one after an
//     exponential lifetime (bans are not observable offline, so accounts
//     simply rotate).
type rotor struct {
	r        *rand.Rand
	class    Class
	accts    []*account
	expiry   []time.Duration
	fresh    func(r *rand.Rand, i int) *account
	made     int
	lifetime time.Duration
	even     bool
	interval time.Duration
	end      time.Duration
	t        time.Duration
	next     int
	h        *harvester
	ipf      func(r *rand.Rand, a *account) string
	c        convo
}

func (o *rotor) at() time.Duration { return o.t }

func (o *rotor) fire() event {
	r := o.r
	var i int
	if o.even {
		i = o.next % len(o.accts)
		o.next++
	} else {
		i = r.IntN(len(o.accts))
	}
	if o.lifetime > 0 && o.t >= o.expiry[i] {
		o.accts[i] = o.fresh(r, o.made)
		o.made++
		o.expiry[i] = o.t + exp(r, o.lifetime)
	}
	a := o.accts[i]
	o.h.write(r, &o.c, a.dialect)
	ev := event{acct: a, class: o.class, c: &o.c}
	if o.ipf != nil {
		ev.ip = o.ipf(r, a)
	}
	if o.even {
		o.t += o.interval*95/100 + time.Duration(r.Int64N(int64(o.interval/10)+1))
	} else {
		o.t += exp(r, o.interval) + time.Millisecond
	}
	if o.t >= o.end {
		o.t = never
	}
	return ev
}

func newRotor(g *gen, spec ClassSpec, r *rand.Rand, n int, fresh func(*rand.Rand, int) *account) *rotor {
	from, to := g.window(spec)
	o := &rotor{r: r, class: spec.Class, fresh: fresh, end: to,
		interval: time.Duration(float64(time.Hour) / (spec.Rate * float64(n)))}
	for ; o.made < n; o.made++ {
		o.accts = append(o.accts, fresh(r, o.made))
	}
	o.t = from + time.Duration(r.Int64N(int64(o.interval)+1))
	if o.t >= to {
		o.t = never
	}
	return o
}

// buildNaive: many new accounts, one frozen elicitation template on one
// area, a shared client stack from the common population, a few datacenter
// /24s, and load spread evenly by a dispatcher.
func buildNaive(g *gen, spec ClassSpec, ci int) []actor {
	r := g.rng(ci, 0)
	st := newStack(r, kindRequests)
	nets := []prefix24{datacenterNet(r), datacenterNet(r), datacenterNet(r)}
	h := &harvester{areas: []int{areaMath}, thinking: true,
		skeletons: []string{freeze(r, intentTemplates[intentRationalize][0])}}
	o := newRotor(g, spec, r, g.accounts(spec.Accounts), func(r *rand.Rand, i int) *account {
		return newAccount(r, Naive, i, st, nets[i%len(nets)].ip(2+r.IntN(250)))
	})
	o.even, o.h = true, h
	return []actor{o}
}

// buildDisguised: official SDK stacks with consistent TLS, paraphrased
// elicitation over two areas, residential addresses (some requests through
// rotating residential exits), Poisson timing, accounts rotating.
func buildDisguised(g *gen, spec ClassSpec, ci int) []actor {
	r := g.rng(ci, 0)
	lifetime := spec.Lifetime
	if lifetime <= 0 {
		lifetime = time.Hour
	}
	h := &harvester{areas: []int{areaCoding, areaCoding, areaMath}}
	o := newRotor(g, spec, r, g.accounts(spec.Accounts), func(r *rand.Rand, i int) *account {
		return newAccount(r, Disguised, i, newStack(r, pick(r, sdkKinds)), residentialIP(r))
	})
	o.h, o.lifetime = h, lifetime
	o.expiry = make([]time.Duration, len(o.accts))
	for i := range o.expiry {
		o.expiry[i] = o.t + exp(r, lifetime)
	}
	o.ipf = func(r *rand.Rand, a *account) string {
		if r.IntN(10) < 3 {
			return residentialIP(r)
		}
		return a.ip
	}
	return []actor{o}
}

// reseller is one account reselling access: its customers' genuine chat
// and its own harvesting share one key, one server and one client.
type reseller struct {
	r            *rand.Rand
	acct         *account
	end          time.Duration
	rate         float64
	custT, harvT time.Duration
	customers    []chatter
	h            *harvester
	c            convo
}

func buildReseller(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	n := g.accounts(spec.Accounts)
	out := make([]actor, 0, n)
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		kind := kindOpenAINode
		if i%2 == 1 {
			kind = kindAnthropicPy
		}
		net := datacenterNet(r)
		rs := &reseller{r: r, acct: newAccount(r, Reseller, i, newStack(r, kind), net.ip(5+r.IntN(200))), end: to, rate: spec.Rate / 2,
			h: &harvester{areas: []int{areaChemistry, areaBiology}, thinking: true}}
		for k := 0; k < 3; k++ {
			rs.h.skeletons = append(rs.h.skeletons, freeze(r, pick(r, intentTemplates[mixHarvest.draw(r)])))
		}
		for k := 0; k < 50; k++ {
			rs.customers = append(rs.customers, newChatter(r, rs.acct.dialect, &mixChat))
		}
		rs.custT = arrival(r, from, to, rs.rate, nil)
		rs.harvT = arrival(r, from, to, rs.rate, nil)
		out = append(out, rs)
	}
	return out
}

func (rs *reseller) at() time.Duration { return min(rs.custT, rs.harvT) }

func (rs *reseller) fire() event {
	r := rs.r
	d := rs.acct.dialect
	ev := event{acct: rs.acct, c: &rs.c}
	if rs.custT <= rs.harvT {
		ch := &rs.customers[r.IntN(len(rs.customers))]
		a := ch.start(r, &rs.c, d)
		rs.c.responses = false
		history(r, &rs.c, a, r.IntN(3))
		ev.class = ResellerCustomer
		rs.custT = arrival(r, rs.custT, rs.end, rs.rate, nil)
	} else {
		rs.h.write(r, &rs.c, d)
		ev.class = ResellerHarvest
		rs.harvT = arrival(r, rs.harvT, rs.end, rs.rate, nil)
	}
	return ev
}

// logprobber extracts log-probabilities: one prompt repeated at max_tokens
// 1, temperature 0 and the maximal top_logprobs, with a logit_bias window
// of hundreds of token ids sweeping the vocabulary.
type logprobber struct {
	r        *rand.Rand
	acct     *account
	end      time.Duration
	interval time.Duration
	t        time.Duration
	prompt   string
	left     int
	sweep    int
	model    string
	c        convo
}

func buildLogprob(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	n := g.accounts(spec.Accounts)
	shared := g.rng(ci, -1)
	nets := []prefix24{datacenterNet(shared), datacenterNet(shared)}
	out := make([]actor, 0, n)
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		st := newStack(r, kindOpenAIPy)
		acct := newAccount(r, Logprob, i, st, nets[i%2].ip(2+r.IntN(250)))
		lp := &logprobber{r: r, acct: acct, end: to, interval: time.Duration(float64(time.Hour) / spec.Rate),
			model: models[OpenAI][pick(r, []int{2, 4})]}
		lp.t = from + time.Duration(r.Int64N(int64(lp.interval)+1))
		if lp.t >= to {
			lp.t = never
		}
		out = append(out, lp)
	}
	return out
}

func (lp *logprobber) at() time.Duration { return lp.t }

func (lp *logprobber) fire() event {
	r := lp.r
	if lp.left == 0 {
		a := &areas[r.IntN(len(areas))]
		lp.prompt = prompt(r, pick(r, []intent{intentAsk, intentSolve}), a)
		lp.left, lp.sweep = 80+r.IntN(120), r.IntN(1000)
	}
	lp.left--
	lp.sweep++
	bias := 100
	if lp.sweep%2 == 0 {
		bias = -100
	}
	lp.c = convo{model: lp.model, temperature: temp(0), maxTokens: 1, logprobs: true, topLogprobs: 20,
		logitBias: logitBias((lp.sweep*300)%100000, 300, bias), turns: append(lp.c.turns[:0], turn{role: roleUser, text: lp.prompt})}
	ev := event{acct: lp.acct, class: Logprob, c: &lp.c}
	lp.t += lp.interval*9/10 + time.Duration(r.Int64N(int64(lp.interval/5)+1))
	if lp.t >= lp.end {
		lp.t = never
	}
	return ev
}

// buildAgentic: many accounts running long tool trajectories at machine
// speed under an agent preamble built from the same pieces as the popular
// tool's.
func buildAgentic(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	shared := g.rng(ci, -1)
	system, tools := preamble(shared, "Forge", 8, 8)
	nets := []prefix24{datacenterNet(shared), datacenterNet(shared)}
	n := g.accounts(spec.Accounts)
	out := make([]actor, 0, n)
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		acct := newAccount(r, Agentic, i, newStack(r, pick(r, sdkKinds)), nets[i%2].ip(2+r.IntN(250)))
		if i%4 == 3 {
			acct.ip = residentialIP(r)
		}
		s := &agentSession{r: r, g: g, acct: acct, class: Agentic, system: system, tools: tools, end: to,
			rate:  spec.Rate / 19,
			steps: func(r *rand.Rand) int { return 8 + r.IntN(23) },
			gap:   func(r *rand.Rand) time.Duration { return time.Second + lognormal(r, 3*time.Second, 0.5) },
			model: models[acct.dialect][0]}
		s.t = arrival(r, from, to, s.rate*2, nil)
		out = append(out, s)
	}
	return out
}

// buildLowSlow: a few long-lived accounts on home addresses eliciting
// reasoning on one area at a human rate, all period long.
func buildLowSlow(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	n := g.accounts(spec.Accounts)
	out := make([]actor, 0, n)
	h := &harvester{areas: []int{areaChemistry}, thinking: true}
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		acct := newAccount(r, LowSlow, i, newStack(r, pick(r, sdkKinds)), residentialIP(r))
		c := &convo{}
		out = append(out, newPoisson(g, r, from, to, spec.Rate, g.diurnalShape(pick(r, []int{0, 1, 2, 8})), func(r *rand.Rand) event {
			h.write(r, c, acct.dialect)
			return event{acct: acct, class: LowSlow, c: c}
		}))
	}
	return out
}
