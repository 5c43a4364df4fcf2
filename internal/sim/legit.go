package sim

import (
	"math/rand/v2"
	"strings"
	"time"
)

// poisson is an actor for apps and gateways: requests arrive by a
// (possibly diurnal) Poisson process and make builds each one.
type poisson struct {
	r     *rand.Rand
	end   time.Duration
	rate  float64
	shape func(time.Duration) float64
	t     time.Duration
	make  func(r *rand.Rand) event
}

func newPoisson(g *gen, r *rand.Rand, from, to time.Duration, rate float64, shape func(time.Duration) float64, mk func(*rand.Rand) event) *poisson {
	p := &poisson{r: r, end: to, rate: rate, shape: shape, make: mk}
	p.t = arrival(r, from, to, rate, shape)
	return p
}

func (p *poisson) at() time.Duration { return p.t }

func (p *poisson) fire() event {
	ev := p.make(p.r)
	p.t = arrival(p.r, p.t, p.end, p.rate, p.shape)
	return ev
}

// serverStack is what an app's backend runs.
func serverStack(r *rand.Rand) stack {
	return newStack(r, pick(r, []stackKind{kindOpenAIPy, kindOpenAINode, kindAnthropicPy, kindAnthropicTS, kindGo, kindRequests}))
}

// buildRAG: support bots, each with one fixed long system prompt sent with
// every request, retrieved context and the customer's question.
func buildRAG(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	n := g.accounts(spec.Accounts)
	out := make([]actor, 0, n)
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		net := datacenterNet(r)
		acct := newAccount(r, RAGApp, i, serverStack(r), net.ip(10+r.IntN(200)))
		hosts := []string{acct.ip, net.ip(10 + r.IntN(200)), net.ip(10 + r.IntN(200))}
		a := &areas[pick(r, []int{areaEconomics, areaTravel, areaLaw, areaMedicine, areaCooking})]
		prod := pick(r, products)
		var sys strings.Builder
		hf := filler{area: a}
		hf.set("product", prod)
		sys.WriteString(tidyText(r, &hf, "You are the {support assistant|customer service agent|help desk bot} for $product. {Answer only from the context.|Use only the provided documents.} {Be friendly and concise.|Keep answers short and polite.} {If you do not know, say so.|Never invent policies.}"))
		sys.WriteString("\n\nPolicies:\n")
		for k := 0; k < 25; k++ {
			sys.WriteString("- ")
			f := filler{area: a}
			f.set("product", prod)
			sys.Write(expand(nil, r, pick(r, docLines), &f))
			sys.WriteByte('\n')
		}
		system := sys.String()
		stream := r.IntN(2) == 0
		rate := spec.Rate * []float64{0.6, 1, 1.4}[i%3]
		tz := pick(r, []int{-5, 0, 1})
		c := &convo{}
		out = append(out, newPoisson(g, r, from, to, rate, func(t time.Duration) float64 { return 0.3 + 0.7*diurnal(g.s.Start.Add(t), tz) }, func(r *rand.Rand) event {
			*c = convo{model: models[acct.dialect][2], system: system, temperature: temp(0.2), maxTokens: 600, stream: stream, turns: c.turns[:0]}
			f := filler{area: a}
			f.set("product", prod)
			var u []byte
			u = append(u, "Context:\n"...)
			for k := 0; k < 3+r.IntN(3); k++ {
				u = expand(u, r, pick(r, docLines), &f)
				u = append(u, '\n')
			}
			u = append(u, "\nCustomer question: "...)
			u = expand(u, r, pick(r, intentTemplates[pick(r, []intent{intentAsk, intentAsk, intentSolve, intentSummarize})]), &f)
			if r.IntN(4) == 0 {
				history(r, c, a, 1+r.IntN(2))
			}
			c.turns = append(c.turns, turn{role: roleUser, text: string(u)})
			return event{acct: acct, ip: pick(r, hosts), class: RAGApp, c: c}
		}))
	}
	return out
}

// benchItem is one public benchmark item: every evaluating organisation
// sends the same text.
type benchItem struct {
	q    string
	mcq  bool
	area int
}

// benchmark is the shared public benchmark, the same for every seed.
var benchmark = func() []benchItem {
	r := rand.New(rand.NewPCG(2024, 7))
	items := make([]benchItem, 600)
	for i := range items {
		ai := r.IntN(len(areas))
		a := &areas[ai]
		f := filler{area: a}
		q := string(expand(nil, r, pick(r, a.problems), &f))
		if i%2 == 0 {
			items[i] = benchItem{q: q + "\nA) " + answer(r, a, 1) + "\nB) " + answer(r, a, 1) + "\nC) " + answer(r, a, 1) + "\nD) " + answer(r, a, 1) + "\nAnswer with the letter only.", mcq: true, area: ai}
		} else {
			items[i] = benchItem{q: q, area: ai}
		}
	}
	return items
}()

// mcqBias restricts a one-token answer to the letters A to D.
var mcqBias = map[string]int{"32": 100, "33": 100, "34": 100, "35": 100}

// batchJob is one organisation's evaluation cron: a job starts every period
// at a fixed minute and walks the benchmark at a steady pace.
type batchJob struct {
	r        *rand.Rand
	acct     *account
	hosts    []string
	end      time.Duration
	period   time.Duration
	offset   time.Duration
	size     int
	t        time.Duration
	jobStart time.Duration
	left     int
	kind     int // 0 multiple choice (logprobs on OpenAI), 1 generation, 2 grading
	pos      int
	top      int  // top_logprobs of multiple-choice jobs
	letters  bool // restrict multiple-choice answers to A-D with logit_bias
	c        convo
}

func buildBatch(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	period := spec.Period
	if period <= 0 {
		period = 30 * time.Minute
	}
	n := g.accounts(spec.Accounts)
	out := make([]actor, 0, n)
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		net := datacenterNet(r)
		kind := kindOpenAIPy
		if i%3 == 1 {
			kind = kindAnthropicPy
		}
		acct := newAccount(r, BatchEval, i, newStack(r, kind), net.ip(20+r.IntN(200)))
		b := &batchJob{r: r, acct: acct, hosts: []string{acct.ip, net.ip(20 + r.IntN(200))}, end: to, period: period,
			offset: time.Duration(i)*3*time.Minute + time.Duration(r.IntN(60))*time.Second,
			size:   max(1, int(spec.Rate*period.Hours())), kind: r.IntN(3),
			top: pick(r, []int{5, 5, 10, 20}), letters: i%2 == 0}
		b.jobStart = from - from%period + b.offset
		if b.jobStart < from {
			b.jobStart += period
		}
		b.t, b.left = b.jobStart+time.Duration(r.IntN(3000))*time.Millisecond, b.size
		if b.t >= to {
			b.t = never
		}
		out = append(out, b)
	}
	return out
}

func (b *batchJob) at() time.Duration { return b.t }

func (b *batchJob) fire() event {
	r := b.r
	it := benchmark[b.pos%len(benchmark)]
	b.pos++
	d := b.acct.dialect
	b.c = convo{model: models[d][1], temperature: temp(0), turns: b.c.turns[:0]}
	switch {
	case b.kind == 0 || (it.mcq && b.kind != 2):
		b.c.turns = append(b.c.turns, turn{role: roleUser, text: it.q})
		b.c.maxTokens = 1
		if d == OpenAI && b.kind == 0 {
			b.c.logprobs, b.c.topLogprobs = true, b.top
		}
		if d == OpenAI && b.letters {
			b.c.logitBias = mcqBias
		}
	case b.kind == 1:
		b.c.turns = append(b.c.turns, turn{role: roleUser, text: it.q})
		b.c.maxTokens = 2048
		if d == OpenAI && it.area == areaCoding {
			b.c.n, b.c.temperature = 5, temp(0.8) // pass@5
		}
	default:
		a := &areas[it.area]
		f := filler{area: a}
		f.set("problem", it.q)
		b.c.system = "You are an impartial evaluator. Follow the rubric exactly."
		b.c.turns = append(b.c.turns, turn{role: roleUser, text: string(expand(nil, r, pick(r, intentTemplates[intentGrade]), &f))})
		b.c.maxTokens = 256
	}
	ev := event{acct: b.acct, ip: b.hosts[b.pos%len(b.hosts)], class: BatchEval, c: &b.c}
	b.left--
	if b.left > 0 {
		b.t += 150*time.Millisecond + exp(r, 350*time.Millisecond)
	} else {
		b.jobStart += b.period
		b.t, b.left, b.kind = b.jobStart+time.Duration(r.IntN(3000))*time.Millisecond, b.size, (b.kind+1)%3
	}
	if b.t >= b.end {
		b.t = never
	}
	return ev
}

// agentSession is a tool-using session: a task, then tool round trips,
// each a request carrying the whole trajectory so far.
type agentSession struct {
	r      *rand.Rand
	g      *gen
	acct   *account
	class  Class
	system string
	tools  []toolDef
	end    time.Duration
	rate   float64 // sessions per hour
	shape  func(time.Duration) float64
	steps  func(*rand.Rand) int
	gap    func(*rand.Rand) time.Duration
	mix    *intentMix
	model  string
	ipf    func(*rand.Rand) string
	t      time.Duration
	left   int
	step   int
	c      convo
}

func (s *agentSession) at() time.Duration { return s.t }

func (s *agentSession) fire() event {
	r := s.r
	d := s.acct.dialect
	if s.left == 0 {
		s.c = convo{model: s.model, system: s.system, tools: s.tools, maxTokens: 8192, stream: true, turns: s.c.turns[:0]}
		a := &areas[areaCoding]
		if s.mix != nil && r.IntN(4) == 0 {
			a = &areas[r.IntN(len(areas))]
		}
		i := intentCode
		if s.mix != nil {
			i = s.mix.draw(r)
		}
		s.c.turns = append(s.c.turns, turn{role: roleUser, text: prompt(r, i, a)})
		s.left, s.step = s.steps(r), 0
	} else {
		s.step++
		toolStep(r, &s.c, d, s.step)
	}
	s.left--
	ev := event{acct: s.acct, class: s.class, c: &s.c}
	if s.ipf != nil {
		ev.ip = s.ipf(r)
	}
	if s.left > 0 {
		s.t += s.gap(r)
	} else {
		s.t = arrival(r, s.t, s.end, s.rate, s.shape)
	}
	if s.t >= s.end {
		s.t = never
	}
	return ev
}

// buildPopularTool: an open-source coding agent. Every user has their own
// key and home address, but all send the same preamble and tools from the
// same client build.
func buildPopularTool(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	shared := g.rng(ci, -1)
	system, tools := preamble(shared, "Tern", 10, 7)
	oaVer, antVer := pick(shared, openaiNodeVersions), pick(shared, antTSVersions)
	n := g.accounts(spec.Accounts)
	out := make([]actor, 0, n)
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		kind := kindOpenAINode
		if r.IntN(4) == 0 {
			kind = kindAnthropicTS
		}
		st := newStack(r, kind)
		if kind == kindOpenAINode {
			st.version, st.ua = oaVer, "OpenAI/JS "+oaVer
		} else {
			st.version, st.ua = antVer, "Anthropic/JS "+antVer
		}
		acct := newAccount(r, PopularTool, i, st, residentialIP(r))
		tz := pick(r, []int{-8, -5, 0, 1, 2, 5, 8})
		s := &agentSession{r: r, g: g, acct: acct, class: PopularTool, system: system, tools: tools, end: to,
			rate: spec.Rate / 5 * lognormalF(r, 0.7), shape: g.diurnalShape(tz),
			steps: func(r *rand.Rand) int { return 1 + r.IntN(9) },
			gap: func(r *rand.Rand) time.Duration {
				if r.IntN(4) == 0 {
					return lognormal(r, 30*time.Second, 0.8) // the user reads and answers
				}
				return time.Second + lognormal(r, 4*time.Second, 0.7)
			},
			model: models[acct.dialect][r.IntN(2)]}
		s.t = arrival(r, from, to, s.rate, s.shape)
		out = append(out, s)
	}
	return out
}

// enterprise is a gateway in front of many employees: it spreads requests
// round-robin over a pool of keys, all from one /24, and on a (simulated)
// 429 resends the same body on the next key a moment later.
type enterprise struct {
	r       *rand.Rand
	keys    []*account
	hosts   []string
	chat    [2]chatter
	next    int
	end     time.Duration
	rate    float64
	shape   func(time.Duration) float64
	t       time.Duration
	regT    time.Duration // next regular request
	pendT   time.Duration // pending failover resend, never if none
	c       convo
	resend  convo
	resendD Dialect
}

func buildEnterprise(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	r := g.rng(ci, 0)
	net := residentialNet(r) // an office range, not a cloud
	e := &enterprise{r: r, end: to, pendT: never}
	for h := 0; h < 4; h++ {
		e.hosts = append(e.hosts, net.ip(2+h))
	}
	gwOA, gwAnt := newStack(r, kindOpenAIPy), newStack(r, kindAnthropicPy)
	n := g.accounts(spec.Accounts)
	for i := 0; i < n; i++ {
		st := gwOA
		if i%3 == 2 {
			st = gwAnt
		}
		acct := newAccount(r, Enterprise, i, st, e.hosts[0])
		e.keys = append(e.keys, acct)
	}
	e.chat[OpenAI] = newChatter(r, OpenAI, &mixWork)
	e.chat[Anthropic] = newChatter(r, Anthropic, &mixWork)
	for d := range e.chat {
		e.chat[d].interests = []int{areaCoding, areaWriting, areaLaw, areaEconomics, areaMedicine}
		e.chat[d].responses = false
	}
	e.rate = spec.Rate * float64(n)
	e.shape = func(t time.Duration) float64 { return diurnal(g.s.Start.Add(t), 1) }
	e.regT = arrival(r, from, to, e.rate, e.shape)
	e.t = e.regT
	return []actor{e}
}

func (e *enterprise) at() time.Duration { return e.t }

// nextKey returns the next key of dialect d in round-robin order, or the
// next key if the pool has none of d.
func (e *enterprise) nextKey(d Dialect) *account {
	for range e.keys {
		k := e.keys[e.next%len(e.keys)]
		e.next++
		if k.dialect == d {
			return k
		}
	}
	e.next++
	return e.keys[(e.next-1)%len(e.keys)]
}

func (e *enterprise) fire() event {
	r := e.r
	var ev event
	if e.t == e.pendT && e.pendT < e.regT {
		// the same body again on another key: only the key differs
		ev = event{acct: e.nextKey(e.resendD), c: &e.resend}
		e.pendT = never
	} else {
		d := Dialect(0)
		if r.IntN(3) == 0 {
			d = Anthropic
		}
		acct := e.nextKey(d)
		a := e.chat[d].start(r, &e.c, d)
		if r.IntN(3) == 0 {
			history(r, &e.c, a, 1+r.IntN(2))
		}
		ev = event{acct: acct, c: &e.c}
		if e.pendT == never && r.IntN(100) == 0 {
			e.resend = e.c
			e.resend.turns = append([]turn(nil), e.c.turns...)
			e.resendD = d
			e.pendT = e.t + 500*time.Millisecond + time.Duration(r.IntN(2500))*time.Millisecond
		}
		e.regT = arrival(r, e.t, e.end, e.rate, e.shape)
	}
	ev.ip, ev.class = e.hosts[r.IntN(len(e.hosts))], Enterprise
	e.t = min(e.regT, e.pendT)
	if e.t >= e.end {
		e.t = never
	}
	return ev
}

// buildSignups: a classroom (one NAT address, the lab's identical Python
// setup, the same homework) and a hackathon (a venue /24, mixed clients,
// coding), both of brand-new accounts arriving within minutes.
func buildSignups(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	n := g.accounts(spec.Accounts)
	shared := g.rng(ci, -1)
	nat := residentialNet(shared).ip(1 + shared.IntN(250))
	venue := residentialNet(shared)
	lab := newStack(shared, kindOpenAIPy)
	homeworkArea := &areas[pick(shared, []int{areaMath, areaPhysics, areaChemistry})]
	var homework []string
	for k := 0; k < 6; k++ {
		homework = append(homework, text(shared, pick(shared, homeworkArea.problems), homeworkArea))
	}
	hackStart := from + (to-from)/3
	nClass := n * 3 / 5
	out := make([]actor, 0, n)
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		var acct *account
		var join time.Duration
		var mix *intentMix
		var a *area
		if i < nClass {
			st := lab
			st.os, st.arch = pick(r, sdkOS), pick(r, sdkArch)
			acct = newAccount(r, NewSignups, i, st, nat)
			join, mix, a = from+time.Duration(r.Int64N(int64(10*time.Minute))), &mixTutor, homeworkArea
		} else {
			st := newStack(r, pick(r, []stackKind{kindOpenAINode, kindOpenAIPy, kindAnthropicTS, kindBrowser, kindCurl}))
			acct = newAccount(r, NewSignups, i, st, venue.ip(10+r.IntN(60)))
			join, mix, a = hackStart+time.Duration(r.Int64N(int64(15*time.Minute))), &mixWork, &areas[areaCoding]
		}
		ch := newChatter(r, acct.dialect, mix)
		s := &student{r: r, acct: acct, ch: ch, a: a, homework: homework, classroom: i < nClass,
			t: join, stop: min(to, join+40*time.Minute+time.Duration(r.Int64N(int64(20*time.Minute)))),
			gap: time.Duration(float64(time.Hour) / spec.Rate)}
		if s.t >= to {
			s.t = never
		}
		out = append(out, s)
	}
	return out
}

// student works through homework (or a hackathon project) in one sitting.
type student struct {
	r         *rand.Rand
	acct      *account
	ch        chatter
	a         *area
	homework  []string
	classroom bool
	t, stop   time.Duration
	gap       time.Duration
	c         convo
	turns     int
	hw        int
}

func (s *student) at() time.Duration { return s.t }

func (s *student) fire() event {
	r := s.r
	if s.turns == 0 || r.IntN(3) == 0 || len(s.c.turns) > 8 {
		s.ch.start(r, &s.c, s.acct.dialect)
		if s.classroom {
			f := filler{area: s.a}
			f.set("problem", s.homework[s.hw%len(s.homework)])
			s.hw++
			i := pick(r, []intent{intentStepwise, intentStepwise, intentSolve, intentRationalize, intentAsk})
			s.c.turns[0].text = string(expand(nil, r, pick(r, intentTemplates[i]), &f))
		}
	} else {
		followup(r, &s.c, s.a)
	}
	s.turns++
	ev := event{acct: s.acct, class: NewSignups, c: &s.c}
	s.t += s.gap/4 + exp(r, s.gap*3/4)
	if s.t >= s.stop {
		s.t = never
	}
	return ev
}

// buildTutoring: a tutoring app's backend, a fixed tutor system prompt and
// students' questions that ask for the steps, often with the book's answer.
func buildTutoring(g *gen, spec ClassSpec, ci int) []actor {
	from, to := g.window(spec)
	n := g.accounts(spec.Accounts)
	out := make([]actor, 0, n)
	for i := 0; i < n; i++ {
		r := g.rng(ci, i)
		net := datacenterNet(r)
		acct := newAccount(r, Tutoring, i, newStack(r, pick(r, []stackKind{kindOpenAINode, kindAnthropicTS, kindOpenAIPy})), net.ip(30+r.IntN(200)))
		system := text(r, "You are {Ada|Sage|Milo}, a {patient|friendly|encouraging} tutor for {high school|university} students. {Always|Whenever possible,} explain step by step. {Never give only the final answer.|Show every intermediate step and check the result.} If the student gives the answer from the book, show how to get there. {Use simple language.|Ask a guiding question at the end.}", &areas[areaMath])
		tz := pick(r, []int{-5, 1, 8})
		c := &convo{}
		subjects := []int{areaMath, areaMath, areaPhysics, areaChemistry, areaBiology}
		out = append(out, newPoisson(g, r, from, to, spec.Rate, g.diurnalShape(tz), func(r *rand.Rand) event {
			*c = convo{model: models[acct.dialect][1], system: system, temperature: temp(0.3), maxTokens: 2048, stream: true, turns: c.turns[:0]}
			a := &areas[pick(r, subjects)]
			if r.IntN(3) == 0 {
				c.turns = append(c.turns, turn{role: roleUser, text: prompt(r, mixTutor.draw(r), a)})
				history(r, c, a, 1+r.IntN(3))
			} else {
				c.turns = append(c.turns, turn{role: roleUser, text: prompt(r, mixTutor.draw(r), a)})
			}
			return event{acct: acct, class: Tutoring, c: c}
		}))
	}
	return out
}
