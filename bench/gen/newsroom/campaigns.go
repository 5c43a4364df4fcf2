package newsroom

import (
	"math/rand/v2"
	"net/netip"
	"slices"
	"time"
)

// The distillation campaigns.

// planNaive: many fresh accounts, one script. python-requests from four
// addresses of one rented block, one system prompt and two templates,
// the accounts taken in turn at an even pace around the clock. Accounts
// that stop (banned) are replaced at once, and a request that fails is
// sent again on the next account.
func (g *gen) planNaive() {
	r := g.r
	cl := newRequests(r, dOAI)
	cl.ua, cl.ja4, cl.accEnc = "python-requests/2.31.0", ja4PyOSSL3, "gzip, deflate"
	ips := officeBlock(r, hetzner, 4)
	n := g.n(100, 8)
	var active []*account
	for i := range n {
		active = append(active, g.newAccount(acctName("naive", i), cl, g.daysAgo(0.5, 3), false))
	}
	next := n
	replace := []time.Duration{18 * time.Hour, 33 * time.Hour, 57 * time.Hour}
	interval := 86400 / (30 * float64(n))
	t := g.start.Add(secs(r.Float64() * interval))
	for i := 0; t.Before(g.end); i++ {
		if len(replace) > 0 && !t.Before(g.start.Add(replace[0])) {
			replace = replace[1:]
			k := max(1, len(active)*12/100)
			for range k {
				j := r.IntN(len(active))
				active = slices.Delete(active, j, j+1)
			}
			for range k {
				active = append(active, g.newAccount(acctName("naive", next), cl, t.Add(-secs(60+r.Float64()*600)), false))
				next++
			}
		}
		a := active[i%len(active)]
		p := harvestProblem(r, 6, 0, 2, 2)
		ch := chat{model: mThink, sys: naiveSys, turns: []string{naivePrompt(r, p)}, maxTok: 4096}
		ch.setTemp(0.7)
		q := g.add(t, a, "naive", ips.pick(r), ch.obj(dOAI))
		if r.IntN(50) == 0 {
			g.again(q, t.Add(secs(1+r.Float64()*2)), active[(i+1)%len(active)], ips.pick(r))
		}
		t = t.Add(secs(interval * (0.9 + 0.2*r.Float64())))
	}
}

var disguisedCountries = []string{"US", "US", "US", "GB", "GB", "DE", "IN", "IN", "BR", "PH", "CA", "FR", "NL", "AU", "MX", "KE", "NG"}

func cityIn(r *rand.Rand, cc string) city {
	var cs []city
	for _, c := range cities {
		if c.cc == cc {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return pick(r, cities)
	}
	return pick(r, cs)
}

// operatorClient returns the client a persona of a careful operator
// claims to be; the operator's real TLS stack (curl_cffi impersonating
// Chrome) shows through for about half of the SDK personas.
func operatorClient(r *rand.Rand, spoof float64) *client {
	var c *client
	switch pickW(r, 28, 14, 14, 8, 24, 12) {
	case 0:
		c = newPySDK(r, dOAI, false, false)
	case 1:
		c = newPySDK(r, dANT, false, false)
	case 2:
		c = newNodeSDK(r, dOAI, false)
	case 3:
		c = newNodeSDK(r, dANT, false)
	case 4:
		d := dOAI
		if r.IntN(3) == 0 {
			d = dANT
		}
		return newBrowserApp(r, d)
	default:
		return newDesktopApp(r, dOAI)
	}
	if r.Float64() < spoof {
		c.ja4 = ja4CurlCffi
	}
	return c
}

// planDisguised: a hydra of aged accounts made to look like independent
// people: each a persona with its own country, residential proxy exits,
// client, working hours and wording; sessions of a few questions with
// reading pauses. What it cannot hide: all personas draw on one queue of
// problems in a few capability areas, the queue's mix changes at one
// moment for all of them, and the whole fleet pauses during the
// operator's maintenance.
func (g *gen) planDisguised() {
	r := g.r
	maintFrom, maintTo := g.start.Add(30*time.Hour), g.start.Add(32*time.Hour+30*time.Minute)
	shift := g.start.Add(20 * time.Hour)
	for i := range g.n(180, 12) {
		c := cityIn(r, pick(r, disguisedCountries))
		cl := operatorClient(r, 0.5)
		created := g.daysAgo(25, 140)
		if r.IntN(5) == 0 {
			created = g.daysAgo(250, 420)
		}
		a := g.newAccount(acctName("disguised", i), cl, created, false)
		prof := &profHome
		if r.IntN(2) == 0 {
			prof = &profOffice
		}
		mc := modelChoice{usual: mThink}
		if r.IntN(100) < 45 {
			mc.usual = mFlag
		}
		if r.IntN(100) < 40 {
			mc.next, mc.switchAt = mNew, g.release.Add(time.Duration(lognorm(r, 10, 0.7)*float64(time.Hour)))
		}
		for _, st := range g.sessionStarts(lognorm(r, 6, 0.35), prof, c.tz, g.start, g.end, 0.1) {
			if !st.Before(maintFrom) && st.Before(maintTo) {
				continue
			}
			ip := newHomeLine(r, c.cc).addr(r, st) // a residential exit for this session
			if r.IntN(8) == 0 {
				ip = mobileAddr(r, c.cc)
			}
			at := st
			for k := 0; k < 2+r.IntN(6); k++ {
				w := []float64{45, 20, 15, 20}
				if !at.Before(shift) {
					w = []float64{30, 40, 10, 20}
				}
				p := harvestProblem(r, w[0], w[1], w[2], w[3])
				ch := humanChat(r, cl, mc.at(at), pick(r, []int{0, 4096, 8192}))
				u := disguisedPrompt(r, p)
				ch.turns = []string{u}
				if r.IntN(4) == 0 { // a follow-up that asks for the reasoning
					ch.turns = []string{p.q, "The answer is " + p.a + ".", pick(r, []string{"can you explain step by step how you got that?", "Why? Walk me through it.", "Show me the full working please."})}
				}
				if cl.d == dANT && r.IntN(2) == 0 {
					ch.think = pick(r, []int{4000, 8000, 12000})
					ch.maxTok = ch.think + 4000
				}
				if cl.d == dOAI && ch.model == mThink && r.IntN(2) == 0 {
					ch.effort = "high"
				}
				g.addc(at, a, cl, "disguised", ip, ch.obj(cl.d))
				at = at.Add(secs(15 + lognorm(r, 70, 0.6)))
				if r.IntN(10) == 0 {
					ip = newHomeLine(r, c.cc).addr(r, at)
				}
			}
		}
	}
}

// planReseller: a relay service selling cheap access in East and
// South-East Asia. Its Go relay spreads every request over its pool of
// vendor keys in turn. Its customers' traffic is legitimate; in the hours
// its customers sleep it fills the pool with its own harvest.
func (g *gen) planReseller() {
	r := g.r
	relay := &client{kind: "go-relay", d: dOAI, ja4: ja4GoH1, ua: "Go-http-client/1.1", hdr: hGoRelay, enc: g.goEnc()}
	relayAnt := &client{kind: "go-relay", d: dANT, ja4: ja4GoH1, ua: "Go-http-client/1.1", hdr: hGoRelay, enc: g.goEnc()}
	servers := append(newHostSet(r, alibabaHK, 2), newHostSet(r, tencentSG, 1)...)
	var pool []*account
	for i := range g.n(30, 4) {
		pool = append(pool, g.newAccount(acctName("reseller", i), relay, g.daysAgo(5, 400), false))
	}
	// keys added during the window
	type added struct {
		at time.Time
		a  *account
	}
	var later []added
	for k := range g.n(4, 1) {
		at := g.start.Add(time.Duration(r.Float64() * float64(g.end.Sub(g.start))))
		later = append(later, added{at, g.newAccount(acctName("reseller", len(pool)+k), relay, at.Add(-secs(300)), false)})
	}
	slices.SortFunc(later, func(x, y added) int { return x.at.Compare(y.at) })
	const tz = 8.0
	custW := func(t time.Time) float64 {
		lh := localHour(t, tz)
		return 0.5*profOffice.at(lh) + 0.5*profHome.at(lh)
	}
	custUA := []string{"OpenAI/Python 2.15.0", "OpenAI/JS 6.9.1", "OpenAI/Python 1.97.1", "Apifox/1.0.0 (https://apifox.com)", "axios/1.9.0", "okhttp/4.12.0"}
	type ev struct {
		at      time.Time
		harvest bool
	}
	var evs []ev
	for _, t := range arrivals(r, g.start, g.end, g.vol(75)/0.5, custW) {
		evs = append(evs, ev{t, false})
	}
	for _, t := range arrivals(r, g.start, g.end, g.vol(40)/0.55, func(t time.Time) float64 { return 1 - 0.85*custW(t) }) {
		evs = append(evs, ev{t, true})
	}
	slices.SortFunc(evs, func(x, y ev) int { return x.at.Compare(y.at) })
	rr := r.IntN(len(pool))
	nextKey := func(t time.Time) *account {
		for len(later) > 0 && !t.Before(later[0].at) {
			pool = append(pool, later[0].a)
			later = later[1:]
		}
		rr++
		return pool[rr%len(pool)]
	}
	for _, e := range evs {
		at := e.at
		if e.harvest {
			p := harvestProblem(r, 40, 35, 10, 15)
			model := pick(r, []string{mThink, mThink, mFlag})
			if g.afterRelease(at, 2*time.Hour) && r.IntN(2) == 0 {
				model = mNew
			}
			ch := chat{model: model, turns: []string{resellerHarvestPrompt(r, p)}, maxTok: pick(r, []int{4096, 8192})}
			if r.IntN(2) == 0 {
				ch.setTemp(0.6)
			}
			q := g.addc(at, nextKey(at), relay, "reseller_harvest", servers.pick(r), ch.obj(dOAI))
			if q != nil && r.IntN(2) == 0 {
				q.extra = [][2]string{{"User-Agent", "OpenAI/Python 2.15.0"}}
			}
			continue
		}
		t := resellerCustomerTask(r)
		c := relay
		if r.IntN(10) == 0 {
			c = relayAnt
		}
		ua := ""
		if r.IntN(10) < 6 {
			ua = pick(r, custUA)
		}
		ch := chat{model: pick(r, []string{mMini, mMini, mFlag, mThink}), maxTok: t.maxTok, stream: r.IntN(2) == 0}
		if r.IntN(2) == 0 {
			ch.setTemp(pick(r, []float64{0.3, 0.7, 0.8, 1}))
		}
		turns := []string{t.user}
		for i := 0; ; i++ {
			ch.sys, ch.turns = t.sys, append([]string(nil), turns...)
			q := g.addc(at, nextKey(at), c, "reseller_customer", servers.pick(r), ch.obj(c.d))
			if q != nil && ua != "" {
				q.extra = [][2]string{{"User-Agent", ua}}
			}
			if i >= len(t.follow) || t.reply == nil {
				break
			}
			turns = append(turns, t.reply(r), t.follow[i])
			at = at.Add(humanGap(r))
		}
	}
}

func (g *gen) goEnc() (e encoder) { e.EscapeHTML = true; return e }

// planLogprob: extraction of the next-token distribution. Workers take
// tasks from one queue: for each probe prompt, a baseline and a series of
// logit_bias sweeps over batches of a few hundred token ids, each with
// max_tokens 1, temperature 0 and the maximal top_logprobs. The tasks of
// one prompt are spread over the accounts; some cover traffic is mixed in.
func (g *gen) planLogprob() {
	r := g.r
	cl := newPySDK(r, dOAI, true, true)
	cl.os, cl.arch, cl.ja4 = "Linux", "x64", ja4PyOSSL3
	n := g.n(30, 4)
	var accts []*account
	for i := range n {
		accts = append(accts, g.newAccount(acctName("logprob", i), cl, g.daysAgo(4, 12), false))
	}
	// bursts of work per account, then a global queue handed out in time order
	type slot struct {
		at time.Time
		a  *account
		ip string
	}
	var slots []slot
	for _, a := range accts {
		for _, b := range arrivals(r, g.start, g.end, 1.5/24, func(time.Time) float64 { return 1 }) {
			ip := gcpUSC1.addr4(r).String()
			if r.IntN(10) < 3 {
				ip = pick(r, vpnExits).addr4(r).String()
			}
			at := b
			for k := 0; k < 30+r.IntN(25); k++ {
				slots = append(slots, slot{at, a, ip})
				at = at.Add(secs(25 + r.Float64()*60))
			}
		}
	}
	slices.SortFunc(slots, func(x, y slot) int { return x.at.Compare(y.at) })
	var probes []string
	for range g.n(160, 20) {
		s := newStory(r)
		switch r.IntN(4) {
		case 0, 1:
			l := s.lede(r)
			cut := len(l) * (55 + r.IntN(35)) / 100
			for cut > 0 && l[cut] != ' ' {
				cut--
			}
			probes = append(probes, l[:cut])
		case 2:
			it := pick(r, benchMC)
			probes = append(probes, "Q: "+it.q+"\nA:")
		default:
			probes = append(probes, "Complete the sentence with one word: "+clip(s.paragraph(r, 1), 40))
		}
	}
	pi, batch, nb := 0, -1, 6+r.IntN(6)
	batchSize := 280
	for _, s := range slots {
		if r.IntN(10) == 0 { // cover traffic
			t := personalTask(r)
			g.add(s.at, s.a, "logprob", s.ip, chat{model: mFlag, sys: t.sys, turns: []string{t.user}, maxTok: t.maxTok}.obj(dOAI))
			continue
		}
		ch := chat{model: mFlag, turns: []string{probes[pi%len(probes)]}, maxTok: 1, logprobs: true, topLP: 20}
		ch.setTemp(0)
		if r.IntN(8) == 0 {
			ch.maxTok = 2
		}
		if batch >= 0 {
			size := batchSize - r.IntN(40)
			start := (pi*7919 + batch*batchSize) % 190000
			ids := make([]int, size)
			for k := range ids {
				ids[k] = start + k*(1+r.IntN(3))
			}
			ch.bias, ch.biasVal = ids, 100
		}
		g.add(s.at, s.a, "logprob", s.ip, ch.obj(dOAI))
		batch++
		if batch >= nb {
			pi, batch, nb = pi+1, -1, 6+r.IntN(6)
		}
	}
}

var agentSystems = []string{
	"You are an autonomous software engineering agent operating in a sandboxed Linux environment with the repository checked out at /workspace/repo. Resolve the issue described by the user. Explore the code, reproduce the problem, make the fix, and verify it with tests. Think carefully before each action. When you are done, call submit.",
	"You are an expert software engineer working autonomously in a sandbox. The repository is at /workspace/repo. Your goal is to resolve the GitHub issue below with a minimal, correct patch. Reason step by step about the root cause before editing. Use the tools; do not ask the user questions. Call submit when finished.",
	"You are a capable research agent. Use the tools to search, read sources and compute. Reason step by step, cite sources, and give a final answer with confidence.",
	"You are an AI agent that solves tasks by calling tools. Think about what you know and what you need before each tool call. Be thorough: verify results before finishing.",
}

var agentRepos = []struct{ name, lang string }{
	{"tinyorm", "Python"}, {"fastcsv", "Python"}, {"pyjwt-lite", "Python"}, {"go-ratelimit", "Go"}, {"vue-datepicker-x", "JS"},
	{"httpmock", "Go"}, {"yaml-merge", "JS"}, {"img-resize-svc", "Go"}, {"event-kit", "JS"}, {"cronparse", "Python"},
	{"markdown-lint", "JS"}, {"sqlbuilder", "Python"},
}
var agentIssues = []string{
	"TypeError when passing None to {fn}", "Off-by-one in pagination when the page size divides the total", "Race condition in cache eviction under concurrent writes",
	"Support timezone-aware datetimes in the serializer", "Memory grows without bound when streaming large files", "Escaped quotes are mishandled by the CSV parser",
	"Add retry with exponential backoff to the HTTP client", "{fn} returns duplicates when input contains mixed case", "Crash on empty input to {fn}",
}
var researchQs = []string{
	"What is the current population of {city} and how has it changed since 2010? Give numbers with sources.",
	"Compare inflation in {country} over the last five years with its central bank's target. Cite sources.",
	"Who are the main employers in {city} and how many people does each employ?",
	"Has the crime rate in {city} gone up or down over the past decade? Compute the percent change.",
	"What were the three largest infrastructure projects announced in {country} in 2025, and their budgets?",
}

// planAgentic: harvesting agentic trajectories. Accounts on cloud workers
// run synthetic tasks (software issues, research questions) through a
// generic agent harness with tools; the harness fakes tool results
// instantly, so steps follow each other at the model's pace. Each account
// runs a few trajectories a day, around the clock.
func (g *gen) planAgentic() {
	r := g.r
	workers := append(newHostSet(r, awsUSE1, 6), newHostSet(r, doFRA, 4)...)
	pyA := newPySDK(r, dANT, true, true)
	pyO := newPySDK(r, dOAI, true, true)
	pyO.os, pyO.arch, pyO.rtVer, pyO.ja4 = pyA.os, pyA.arch, pyA.rtVer, pyA.ja4
	for i := range g.n(50, 5) {
		cl := pyA
		if r.IntN(10) < 3 {
			cl = pyO
		}
		a := g.newAccount(acctName("agentic", i), cl, g.daysAgo(3, 10), false)
		ip := workers.pick(r)
		t := g.start.Add(secs(r.Float64() * 4 * 3600))
		for t.Before(g.end) {
			if r.IntN(6) == 0 {
				ip = workers.pick(r)
			}
			think := cl.d == dANT && r.IntN(2) == 0
			model := mFlag
			if g.afterRelease(t, 90*time.Minute) && r.IntN(10) < 6 {
				model = mNew
			}
			base := chat{model: model, maxTok: 8192}
			var first string
			var steps []step
			if r.IntN(100) < 65 {
				repo := pick(r, agentRepos)
				lang := repo.lang
				base.sys, base.tools = pick(r, agentSystems[:2]), sweTools
				first = "Repository: " + pick(r, []string{"acme", "openlab", "fastdev", "orbit"}) + "/" + repo.name + "\nIssue #" + itoa(100+r.IntN(4000)) + ": " + fill(pick(r, agentIssues), map[string]string{"fn": pick(r, fnNames)}) + "\n\nResolve the issue. Run the tests to confirm the fix."
				steps = codeSteps(r, cl.d, lang, libFiles[lang], 5+r.IntN(10), think, "swe")
			} else {
				c := pick(r, cities)
				base.sys, base.tools = pick(r, agentSystems[2:]), researchAgentTools
				first = fill(pick(r, researchQs), map[string]string{"city": c.name, "country": c.country})
				steps = researchSteps(r, cl.d, newStoryIn(r, c), 4+r.IntN(7), think, "agent")
			}
			if think {
				base.think = pick(r, []int{6000, 8000, 10000})
				base.maxTok = 16000
			}
			if cl.d == dOAI && r.IntN(2) == 0 {
				base.effort = "high"
			}
			gap := func(step) time.Duration {
				x := lognorm(r, 9, 0.4) + 0.2 + r.Float64()*1.3
				if think {
					x += lognorm(r, 6, 0.5)
				}
				return secs(x)
			}
			t = g.runTrajectory(t, a, cl, "agentic", func() string { return ip }, base, first, steps, gap)
			t = t.Add(time.Duration(lognorm(r, 5, 0.6) * float64(time.Hour)))
		}
	}
}

// planChurn: free-trial farming. New accounts keep appearing, each burns
// through its trial credit in a few hours from a VPN or cheap-hosting
// exit, and is never used again.
func (g *gen) planChurn() {
	r := g.r
	cls := []*client{newPySDK(r, dANT, true, true), newPySDK(r, dOAI, true, true)}
	for _, c := range cls {
		c.os, c.arch, c.ja4 = "Linux", "x64", ja4PyOSSL3
	}
	var nets []netip.Prefix
	i := 0
	for _, born := range arrivals(r, g.start, g.end, g.vol(3.2), func(time.Time) float64 { return 1 }) {
		cl := cls[pickW(r, 6, 4)]
		a := g.newAccount(acctName("churn", i), cl, born.Add(-secs(30+r.Float64()*300)), false)
		i++
		var ip string
		switch {
		case len(nets) > 0 && r.IntN(10) < 3: // the proxy pool repeats its ranges
			ip = randIn(r, pick(r, nets)).String()
		case r.IntN(2) == 0:
			ip = pick(r, vpnExits).addr4(r).String()
		default:
			ip = pick(r, cheapHost).addr4(r).String()
		}
		if p, err := netip.MustParseAddr(ip).Prefix(24); err == nil {
			nets = append(nets, p)
		}
		life := lognorm(r, 2.5, 0.5) * 3600
		nreq := 15 + r.IntN(45)
		at := born
		for k := 0; k < nreq; k++ {
			p := harvestProblem(r, 35, 40, 10, 15)
			model := pick(r, []string{mFlag, mThink})
			if g.afterRelease(at, time.Hour) {
				model = mNew
			}
			ch := chat{model: model, turns: []string{churnPrompt(r, p)}, maxTok: 8192}
			if cl.d == dANT && r.IntN(3) == 0 {
				ch.think, ch.maxTok = 8000, 16000
			}
			g.add(at, a, "churn", ip, ch.obj(cl.d))
			at = at.Add(secs(life / float64(nreq) * (0.4 + 1.2*r.Float64())))
		}
	}
}

// planPivot: a campaign on the previous flagship that moves, within about
// an hour of the release, to the new model and to another pattern (coding
// with full reasoning, rubric grading), adds accounts and speeds up.
func (g *gen) planPivot() {
	r := g.r
	var ips hostSet
	for range 2 {
		p := doNYC.sub(r, false, 24)
		for range 5 {
			ips = append(ips, randIn(r, p).String())
		}
	}
	clO := newNodeSDK(r, dOAI, true)
	clA := newNodeSDK(r, dANT, true)
	clA.os, clA.arch, clA.rtVer = clO.os, clO.arch, clO.rtVer
	n := g.n(70, 6)
	var accts []*account
	home := map[*account]string{}
	for i := range n {
		a := g.newAccount(acctName("pivot", i), clO, g.daysAgo(7, 14), false)
		accts = append(accts, a)
		home[a] = ips[i%len(ips)]
	}
	switchAt := g.release.Add(secs(2700 + r.Float64()*3600))
	type late struct {
		at time.Time
		a  *account
	}
	var surge []late
	for k := range g.n(25, 2) {
		at := g.release.Add(time.Duration((1 + 2*r.Float64()) * float64(time.Hour)))
		a := g.newAccount(acctName("pivot", n+k), clO, at.Add(-secs(120+r.Float64()*600)), false)
		home[a] = ips[r.IntN(len(ips))]
		surge = append(surge, late{at, a})
	}
	slices.SortFunc(surge, func(x, y late) int { return x.at.Compare(y.at) })
	t := g.start.Add(secs(r.Float64() * 60))
	for i := 0; t.Before(g.end); i++ {
		for len(surge) > 0 && !t.Before(surge[0].at) {
			accts = append(accts, surge[0].a)
			surge = surge[1:]
		}
		a := accts[i%len(accts)]
		perDay := 26.0
		if !t.Before(switchAt) {
			perDay = 40
			p := harvestProblem(r, 15, 60, 10, 15)
			if r.IntN(100) < 35 {
				ch := chat{model: mNew, turns: []string{pivotPromptAfter(r, p)}, maxTok: 16000, think: 10000}
				g.addc(t, a, clA, "pivot", home[a], ch.obj(dANT))
			} else {
				ch := chat{model: mNew, turns: []string{pivotPromptAfter(r, p)}, maxTok: 8000, maxKey: "max_completion_tokens", effort: "high"}
				g.addc(t, a, clO, "pivot", home[a], ch.obj(dOAI))
			}
		} else {
			p := harvestProblem(r, 50, 0, 15, 35)
			ch := chat{model: mThink, sys: "You are a meticulous tutor.", turns: []string{pivotPromptBefore(p)}, maxTok: 6000, maxKey: "max_completion_tokens", effort: "high"}
			ch.setTemp(0.6)
			g.addc(t, a, clO, "pivot", home[a], ch.obj(dOAI))
		}
		t = t.Add(secs(86400 / (perDay * float64(len(accts))) * (0.85 + 0.3*r.Float64())))
	}
}

// planLowSlow: aged accounts, each on its own residential address and
// client, a handful of requests a day at human hours: under every per-key
// and per-address limit. The content is the most valuable kind:
// rationalisation of given answers, step-by-step reasoning, grading.
func (g *gen) planLowSlow() {
	r := g.r
	for i := range g.n(140, 10) {
		c := cityIn(r, pick(r, disguisedCountries))
		cl := operatorClient(r, 0.2)
		a := g.newAccount(acctName("low_slow", i), cl, g.daysAgo(90, 420), false)
		home := newHomeLine(r, c.cc)
		prof := &profHome
		if r.IntN(2) == 0 {
			prof = &profOffice
		}
		mc := modelChoice{usual: pick(r, []string{mThink, mFlag})}
		if r.IntN(10) < 3 {
			mc.next, mc.switchAt = mNew, g.release.Add(time.Duration(lognorm(r, 20, 0.5)*float64(time.Hour)))
		}
		for _, st := range g.sessionStarts(lognorm(r, 5, 0.35), prof, c.tz, g.start, g.end, 0.15) {
			at := st
			for k := 0; k < 1+pickW(r, 8, 2); k++ {
				p := harvestProblem(r, 40, 25, 15, 20)
				ch := humanChat(r, cl, mc.at(at), pick(r, []int{0, 4096, 8192}))
				ch.turns = []string{lowSlowPrompt(r, p)}
				if cl.d == dANT && r.IntN(3) == 0 {
					ch.think, ch.maxTok = 6000, 12000
				}
				g.addc(at, a, cl, "low_slow", home.addr(r, at), ch.obj(cl.d))
				at = at.Add(secs(30 + lognorm(r, 120, 0.6)))
			}
		}
	}
}
