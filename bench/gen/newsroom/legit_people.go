package newsroom

import (
	"math/rand/v2"
	"time"
)

// Legitimate people: journalists, ordinary users, a hackathon and a class.

// humanGap is the time between one answer and the next message: reading
// the streamed answer, thinking, typing.
func humanGap(r *rand.Rand) time.Duration { return secs(8 + lognorm(r, 50, 0.7)) }

// humanChat returns the knobs a person's client sends.
func humanChat(r *rand.Rand, c *client, model string, maxTok int) chat {
	ch := chat{model: model}
	switch c.kind {
	case "desktop-app":
		ch.stream = true
		ch.setTemp(0.7)
		if c.d == dANT {
			ch.maxTok = 4096
		}
	case "browser", "browser-sdk", "firefox", "safari":
		ch.stream = true
		ch.usage = c.d == dOAI
		if r.IntN(2) == 0 {
			ch.setTemp(1)
		}
		ch.maxTok = pick(r, []int{0, 2048, 4096})
	case "curl":
		ch.maxTok = pick(r, []int{0, 256, 1024})
	default:
		ch.stream = r.IntN(5) == 0
		if r.IntN(3) == 0 {
			ch.setTemp(pick(r, []float64{0, 0.2, 0.3, 0.7}))
		}
		ch.maxTok = maxTok
	}
	if c.d == dOAI && (model == mThink) {
		ch.maxKey = "max_completion_tokens"
	}
	return ch
}

// converse plans a conversation on task t starting at at: the first
// message, then each follow-up with the previous answers in the history.
// It returns the time of the last request.
func (g *gen) converse(at time.Time, a *account, c *client, class, ip string, t task, base chat) time.Time {
	r := g.r
	turns := []string{t.user}
	for i := 0; ; i++ {
		ch := base
		ch.sys = t.sys
		ch.turns = append([]string(nil), turns...)
		g.addc(at, a, c, class, ip, ch.obj(c.d))
		if i >= len(t.follow) || t.reply == nil {
			return at
		}
		turns = append(turns, t.reply(r), t.follow[i])
		at = at.Add(humanGap(r))
	}
}

// modelChoice is a person's usual model and when, if ever, they move to
// the new release.
type modelChoice struct {
	usual, next string
	switchAt    time.Time
}

func (g *gen) newModelChoice(share float64, lagHours float64) modelChoice {
	r := g.r
	m := modelChoice{usual: []string{mMini, mFlag, mFlag, mThink, mPinned}[pickW(r, 35, 35, 10, 12, 8)]}
	if r.Float64() < share {
		m.next = mNew
		if m.usual == mMini {
			m.next = mNewMini
		}
		m.switchAt = g.release.Add(time.Duration(lognorm(r, lagHours, 0.8) * float64(time.Hour)))
	}
	return m
}

func (m modelChoice) at(t time.Time) string {
	if m.next != "" && !t.Before(m.switchAt) {
		return m.next
	}
	return m.usual
}

type newsOrg struct {
	c      city
	office hostSet
}

func (g *gen) planJournalists() {
	r := g.r
	orgs := make([]*newsOrg, g.n(70, 6))
	for i := range orgs {
		orgs[i] = &newsOrg{c: pick(r, cities), office: officeBlock(r, officeTransit, 1+r.IntN(2))}
	}
	for i := range g.n(650, 30) {
		o := pick(r, orgs)
		cl := personalClient(r)
		created, from := g.daysAgo(20, 900), g.start
		if r.Float64() < 0.03 { // signs up during the window
			from = g.start.Add(time.Duration(r.Float64() * float64(g.end.Sub(g.start))))
			created = from.Add(-secs(60 + r.Float64()*600))
		}
		a := g.newAccount(acctName("journalist", i), cl, created, false)
		home := newHomeLine(r, o.c.cc)
		mc := g.newModelChoice(0.35, 4)
		for _, st := range g.sessionStarts(lognorm(r, 1.8, 0.6), &profNews, o.c.tz, from, g.end, 0.12) {
			lh := localHour(st, o.c.tz)
			ip := home.addr(r, st)
			switch {
			case r.IntN(12) == 0:
				ip = mobileAddr(r, o.c.cc)
			case lh >= 8 && lh < 19 && r.IntN(4) != 0:
				ip = o.office.pick(r)
			}
			at := st
			s := newStoryIn(r, o.c)
			for k := 0; k < 1+r.IntN(3); k++ {
				if r.IntN(3) == 0 {
					s = newStoryIn(r, o.c)
				}
				t := newsroomTask(r, s)
				base := humanChat(r, cl, mc.at(at), t.maxTok)
				at = g.converse(at, a, cl, "journalist", ip, t, base).Add(secs(30 + lognorm(r, 240, 1)))
			}
		}
	}
}

func (g *gen) planPersonal() {
	r := g.r
	for i := range g.n(800, 30) {
		c := pick(r, cities)
		cl := personalClient(r)
		created, from := g.daysAgo(3, 700), g.start
		if r.Float64() < 0.05 {
			from = g.start.Add(time.Duration(r.Float64() * float64(g.end.Sub(g.start))))
			created = from.Add(-secs(120 + r.Float64()*900))
		}
		a := g.newAccount(acctName("personal", i), cl, created, false)
		home := newHomeLine(r, c.cc)
		mc := g.newModelChoice(0.25, 10)
		prof := &profHome
		if r.IntN(4) == 0 {
			prof = &profStudnt
		}
		for _, st := range g.sessionStarts(lognorm(r, 0.9, 0.7), prof, c.tz, from, g.end, 0.35) {
			ip := home.addr(r, st)
			if r.IntN(6) == 0 {
				ip = mobileAddr(r, c.cc)
			}
			at := st
			for k := 0; k < 1+r.IntN(2); k++ {
				t := personalTask(r)
				if r.IntN(5) == 0 {
					t.sys = pick(r, []string{"You are a helpful assistant.", "Answer concisely.", "You are a friendly assistant. Use simple language."})
				}
				at = g.converse(at, a, cl, "personal", ip, t, humanChat(r, cl, mc.at(at), t.maxTok)).Add(secs(20 + lognorm(r, 300, 1)))
			}
		}
	}
}

var civic = map[string]bool{"city budget": true, "transit": true, "schools": true, "housing": true}

var campusNYC = nw("university-nyc", []string{"128.122.0.0/16", "216.165.0.0/17"}, "2607:f600::/32")
var campusLDN = nw("university-london", []string{"144.82.0.0/16", "128.40.0.0/16"}, "2001:630:12::/48")

// planHackathon: a journalism school's one-day AI hack day in New York on
// the second day of the window. About 140 students and reporters sign up
// that morning on the school's network and run the same starter notebook.
func (g *gen) planHackathon() {
	r := g.r
	const tz = -4.0
	day := g.start.Add(24 * time.Hour) // Wednesday
	local := func(h float64) time.Time { return day.Add(time.Duration((h - tz) * float64(time.Hour))) }
	nat := officeBlock(r, campusNYC, 3)
	v6net := campusNYC.sub(r, true, 64)
	starter := newStory(rand.New(rand.NewPCG(g.cfg.Seed, 99)))
	sampleArticle := starter.article(rand.New(rand.NewPCG(g.cfg.Seed, 100)), 5)
	const starterSys = "You are a helpful assistant for journalists. Be accurate and say when you are unsure."
	projects := []string{
		"You are HeadlineLab. Given an article, propose headlines and predict which would get more clicks without being misleading. Answer in JSON with keys headlines and reasoning.",
		"You clean up interview transcripts for a local newsroom. Keep quotes verbatim. Mark unclear passages.",
		"You are a fact-check triage bot. For each claim in the text, say whether it is checkable and what source would settle it.",
		"You turn city council agendas into plain-language previews for residents.",
		"You are an election FAQ assistant for a local newsroom. Only answer from the context provided; otherwise say you don't know.",
		"You write accessible alt text and image captions for news photos from a photographer's notes.",
		"You summarise long investigative documents for reporters, listing names, dates and amounts.",
	}
	nTeams := max(2, g.n(140, 12)/5)
	teamSys := make([]string, nTeams)
	for i := range teamSys {
		teamSys[i] = pick(r, projects)
	}
	// the starter kit pins the SDK version; laptops differ in OS
	for i := range g.n(140, 12) {
		cl := newPySDK(r, dOAI, false, false)
		cl.ver, cl.ua, cl.rtVer = "2.20.0", "OpenAI/Python 2.20.0", "3.12.10"
		signup := local(9 + 1.3*r.Float64())
		a := g.newAccount(acctName("hackathon", i), cl, signup, false)
		var v6 string
		if r.IntN(10) < 3 {
			v6 = v6WithIID(v6net, r.Uint64())
		}
		ip := func() string {
			if v6 != "" && r.IntN(4) != 0 {
				return v6
			}
			return nat.pick(r)
		}
		team := i % nTeams
		// exercise 1: everyone runs the same cell, some twice
		at := local(10.25 + r.Float64()*0.15)
		for k := 0; k < 1+pickW(r, 6, 3, 1); k++ {
			ch := chat{model: mMini, sys: starterSys, turns: []string{"In one sentence, what makes a good news lede?"}}
			g.add(at, a, "hackathon", ip(), ch.obj(dOAI))
			at = at.Add(secs(15 + r.Float64()*90))
		}
		// exercise 2: the sample article, with small edits
		at = local(10.75 + r.Float64()*0.3)
		for k := 0; k < 1+r.IntN(4); k++ {
			u := "Summarise this article in three bullet points:\n\n" + sampleArticle
			if k > 0 {
				u = pick(r, []string{"Summarise this article in three bullet points for teenagers:\n\n", "Summarise this article in five bullet points:\n\n", "Summarise this article in three bullet points. Keep every number exact.\n\n", "Write a 50-word summary of this article:\n\n"}) + sampleArticle
			}
			ch := chat{model: mMini, sys: starterSys, turns: []string{u}}
			if k > 1 {
				ch.setTemp(pick(r, []float64{0, 0.2, 1.2}))
			}
			g.add(at, a, "hackathon", ip(), ch.obj(dOAI))
			at = at.Add(secs(40 + r.Float64()*200))
		}
		// team projects, with a lunch break; demos at five
		model := pick(r, []string{mMini, mMini, mFlag})
		for _, st := range arrivals(r, local(11.4), local(17.2), 2+r.Float64()*2.5, func(t time.Time) float64 {
			if lh := localHour(t, tz); lh > 12.5 && lh < 13.25 {
				return 0.1
			}
			return 1
		}) {
			s := newStory(r)
			t := newsroomTask(r, s)
			t.sys = teamSys[team]
			ch := chat{model: model, maxTok: pick(r, []int{0, 500, 1000})}
			if r.IntN(4) == 0 {
				ch.jsonMode = true
			}
			if r.IntN(5) == 0 {
				ch.stream = true
			}
			g.converse(st, a, cl, "hackathon", ip(), t, ch)
		}
		// evening at home and the next day, for some
		home := newHomeLine(r, "US")
		if r.IntN(7) == 0 {
			for _, st := range arrivals(r, local(19), local(23.5), 1.5, func(time.Time) float64 { return 1 }) {
				t := newsroomTask(r, newStory(r))
				t.sys = teamSys[team]
				g.converse(st, a, cl, "hackathon", home.addr(r, st), t, chat{model: model})
			}
		}
		if r.IntN(5) == 0 {
			for _, st := range arrivals(r, local(33), local(46), 0.6, func(t time.Time) float64 { return profOffice.at(localHour(t, tz)) }) {
				t := newsroomTask(r, newStory(r))
				g.converse(st, a, cl, "hackathon", home.addr(r, st), t, chat{model: model})
			}
		}
	}
}

// planClassroom: a data-journalism course in London. The students' keys
// were made in the first week of term; two lab sessions fall in the
// window, with the same assignment for everyone, plus homework.
func (g *gen) planClassroom() {
	r := g.r
	const tz = 1.0
	nat := officeBlock(r, campusLDN, 2)
	created := g.daysAgo(52, 53)
	const sys = "You are a teaching assistant for a data journalism course. Explain your reasoning step by step so that students can follow and check each step."
	sessions := []time.Time{g.start.Add(time.Duration((14 - tz) * float64(time.Hour))), g.start.Add(time.Duration((48 + 14 - tz) * float64(time.Hour)))}
	asks := []string{
		"Here are minutes from a council meeting:\n\n{x}\n\nExtract every spending decision as a table with columns item, amount and vote. Then explain step by step how you decided what counts as a spending decision.",
		"Using the figures in this text, calculate the percentage change and explain each step of the calculation:\n\n{x}",
		"What are the three most newsworthy numbers in this text? Explain step by step why, and what you would check before publishing.\n\n{x}",
	}
	for i := range g.n(34, 6) {
		var cl *client
		if r.IntN(5) == 0 {
			cl = newRequests(r, dOAI)
		} else {
			cl = newPySDK(r, dOAI, false, false)
			cl.ver, cl.ua = "2.15.0", "OpenAI/Python 2.15.0"
		}
		a := g.newAccount(acctName("classroom", i), cl, created.Add(secs(r.Float64()*5400)), false)
		home := newHomeLine(r, "GB")
		for si, s0 := range sessions {
			at := s0.Add(secs(120 + r.Float64()*900))
			end := s0.Add(110 * time.Minute)
			ask := asks[si%len(asks)]
			for at.Before(end) {
				s := newStoryIn(r, city{"London", "United Kingdom", "GB", 1})
				for k := 0; k < 20 && !civic[s.t.name]; k++ {
					s = newStoryIn(r, city{"London", "United Kingdom", "GB", 1})
				}
				t := task{sys: sys, user: fill(ask, map[string]string{"x": s.paragraph(r, 3+r.IntN(3))})}
				if r.IntN(3) == 0 {
					t.follow = []string{pick(r, []string{"I don't understand step 2, can you explain it differently?", "Can you check the arithmetic again?", "Now do the same for the second paragraph.", "Why did you exclude the last item?"})}
					t.reply = func(r *rand.Rand) string { return "Step 1: identify the figures. Step 2: " + s.paragraph(r, 1) }
				}
				ch := chat{model: mMini, maxTok: 1200}
				if r.IntN(3) == 0 {
					ch.setTemp(0)
				}
				at = g.converse(at, a, cl, "classroom", nat.pick(r), t, ch).Add(secs(60 + lognorm(r, 300, 0.6)))
			}
		}
		// homework in the evenings
		for _, st := range arrivals(r, g.start, g.end, 0.5, func(t time.Time) float64 {
			if lh := localHour(t, tz); lh >= 18 && lh < 23.5 {
				return 1
			}
			return 0
		}) {
			s := newStory(r)
			t := task{sys: sys, user: fill(pick(r, asks), map[string]string{"x": s.paragraph(r, 3)})}
			g.converse(st, a, cl, "classroom", home.addr(r, st), t, chat{model: mMini, maxTok: 1200})
		}
	}
}
