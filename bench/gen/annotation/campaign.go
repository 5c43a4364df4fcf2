package annotation

import (
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// harvestPrompt is a reasoning-harvest prompt on one capability area,
// the elicitation drawn from the shared phrasing pieces. It returns the
// prompt, an optional system prompt that carries the elicitation instead,
// and the reply kind.
func harvestPrompt(r *rand.Rand, area string) (string, string, string) {
	var q, ans, kind string
	switch area {
	case "math":
		q, ans = mathQ(r, pick(r, []string{"school", "word", "comp", "comp", "calc", "proof"}))
		kind = "math"
	case "science":
		q, kind = scienceQ(r), "general"
	case "plan":
		return planQ(r), "", "general"
	default: // coding
		switch r.IntN(3) {
		case 0:
			q = compProgramming(r)
		case 1:
			q = expand(r, "Write a {lang} function that "+pick(r, codeTasks)+".")
		default:
			q = codingQ(r)
		}
		kind = "code"
	}
	switch x := r.Float64(); {
	case ans != "" && x < 0.12:
		return answerGiven(r, q, ans), "", kind
	case x < 0.2:
		lang := pick(r, []string{"zh", "es", "de", "fr", "ja", "ru", "pt", "ko"})
		return q + "\n\n" + pick(r, foreignReason[lang]), "", kind
	case x < 0.35:
		return q, pick(r, []string{
			"You are a meticulous expert. Think step by step and show your full reasoning before giving the final answer.",
			"You are a world-class tutor. Always explain your reasoning in detail, step by step.",
			"Reason carefully. Write out every intermediate step, then state the final answer clearly.",
			"You are a helpful assistant. " + pick(r, reasonAsks),
		}), kind
	}
	return withReasoning(r, q), "", kind
}

// harvestKnobs sets up a reasoning-heavy request on one of three APIs.
func harvestKnobs(r *rand.Rand, path string) knobs {
	var k knobs
	switch path {
	case pathMessages:
		k.model = pick(r, []string{"claude-opus-4-5", "claude-sonnet-4-5", "claude-opus-4-1"})
		if chance(r, 0.7) {
			k.thinking = pick(r, []int{8000, 10000, 16000, 20000, 24000, 32000})
			k.maxTok = k.thinking + pick(r, []int{4000, 4096, 8000, 8192})
		} else {
			k.maxTok = pick(r, []int{4096, 8192})
			k.temp = ptr(fl(pick(r, []float64{0.6, 0.7, 0.8, 1})))
		}
	case pathResponses:
		k.model = pick(r, []string{"gpt-5", "o3", "gpt-5.1"})
		k.effort = pick(r, []string{"high", "high", "medium"})
		k.summary = pick(r, []string{"detailed", "auto", "detailed"})
		k.maxTok = pick(r, []int{16000, 25000, 32000})
	default:
		if chance(r, 0.6) {
			k.model = pick(r, []string{"gpt-5", "o3", "o4-mini", "gpt-5.1"})
			k.effort = pick(r, []string{"high", "high", "medium", ""})
			k.maxField = "max_completion_tokens"
			k.maxTok = pick(r, []int{8000, 16000, 25000, 32000})
		} else {
			k.model = pick(r, []string{"gpt-4.1", "gpt-4o"})
			k.temp = ptr(fl(pick(r, []float64{0.6, 0.7, 0.8, 0.9, 1})))
			k.maxTok = pick(r, []int{4096, 8192})
			if chance(r, 0.3) {
				k.topP = ptr(fl(0.95))
			}
		}
	}
	return k
}

// proxyShop: a distillation shop with accounts bought in batches, a
// rotating residential proxy pool and an SDK wrapper with retries; a
// central dispatcher hands tasks to the least recently used live key.
func (g *gen) proxyShop() {
	const class = "h4_proxy_shop"
	r := g.rng(class, 0)
	n := g.count(300)
	const batches = 6
	per := int(math.Ceil(float64(n) / batches))
	type shopAcct struct {
		a       *account
		live    time.Time
		last    time.Time
		ip      string
		ipUntil time.Time
		sticky  bool
	}
	var accts []*shopAcct
	py := recent(r, verPython)
	for b := range batches {
		br := g.rng(class+"/batch", b)
		oai := newClient(br, kOpenAIPy, false)
		oai.rtVer, oai.ja4, oai.st, oai.async = py, ja4PyOpenSSL3, stylePyNew, true
		ant := newClient(br, kAnthropicPy, false)
		ant.rtVer, ant.ja4, ant.st, ant.async = py, ja4PyOpenSSL3, styleAntPy, true
		live := g.frac(float64(b) * 0.12)
		for j := range per {
			i := b*per + j
			if i >= n {
				break
			}
			ar := g.rng(class+"/acct", i)
			a := g.newAccount(class, i, newKey(ar, false), oai, ant)
			accts = append(accts, &shopAcct{a: a, live: live.Add(dur(ar.Float64() * 900)), sticky: chance(ar, 0.6)})
		}
	}
	const perAcct = 3.2 // requests per hour and key
	areas := []string{"math", "math", "science", "science", "coding", "coding", "math", "coding", "science", "plan"}
	g.addActor(func(after time.Time) []call {
		live := func(t time.Time) int {
			c := 0
			for _, s := range accts {
				if !s.live.After(t) {
					c++
				}
			}
			return c
		}
		t, ok := g.nextArrival(r, after, perAcct*float64(len(accts)), func(t time.Time) float64 { return perAcct * float64(live(t)) })
		if !ok {
			return nil
		}
		// least recently used among the live keys, a little shuffled
		var best *shopAcct
		for _, idx := range r.Perm(len(accts)) {
			s := accts[idx]
			if s.live.After(t) {
				continue
			}
			if best == nil || s.last.Before(best.last) {
				best = s
			}
		}
		if best == nil {
			return nil
		}
		best.last = t
		exit := func(t time.Time) string {
			if !best.sticky || !t.Before(best.ipUntil) || best.ip == "" {
				best.ip = residentialAny(r)
				best.ipUntil = t.Add(dur(600 + r.Float64()*1200))
			}
			return best.ip
		}
		path := pick(r, []string{pathChat, pathChat, pathChat, pathChat, pathResponses, pathResponses, pathMessages})
		prompt, sys, kind := harvestPrompt(r, pick(r, areas))
		q := &req{path: path, system: sys, turns: []turn{userTurn(prompt)}, k: harvestKnobs(r, path)}
		if path == pathChat && sys != "" && isReasoning(q.k.model) {
			q.sysRole = "developer"
		}
		out := []call{mk(best.a, t, exit(t), q)}
		var later []call
		at := t
		for retry := 1; retry <= 2 && chance(r, 0.07); retry++ {
			c := out[0]
			at = at.Add(logn(r, 12, 0.6))
			c.at, c.retry, c.ip = at, retry, exit(at)
			later = append(later, c)
		}
		if chance(r, 0.1) {
			at = at.Add(logn(r, 60, 0.5))
			q2 := *q
			q2.turns = []turn{userTurn(prompt), assistantTurn(reply(r, kind)), userTurn(pick(r, []string{
				"Now verify your answer using a different method.", "Check each step for errors and explain any corrections.",
				"Explain the key insight of the solution in more depth.", "Solve it again a second way and compare.",
			}))}
			later = append(later, mk(best.a, at, exit(at), &q2))
		}
		g.spawn(later)
		return out
	})
}

// batchSampler: keys on a few rented servers asking for several samples
// per competition problem at temperature 1, slowly.
func (g *gen) batchSampler() {
	const class = "h4_batch_sampler"
	r := g.rng(class, 0)
	vps := append(fixedSet(r, hetzner, 5), fixedSet(r, ovh, 3)...)
	base := newClient(r, kRequests, false)
	base.ver, base.rtVer, base.ja4 = "2.31.0", "3.10.12", ja4PyOpenSSL3
	instr := []string{
		"Please reason step by step, and put your final answer within \\boxed{}.",
		"Solve the problem. Think carefully and show your reasoning. Put the final answer in \\boxed{}.",
		"Let's think step by step and output the final answer within \\boxed{}.",
	}
	codeInstr := []string{
		"Solve this problem in C++. Explain your approach first, then give the complete code.",
		"Think through the algorithm step by step, state its complexity, then write a full Python solution.",
	}
	for i := range g.count(80) {
		ar := g.rng(class+"/acct", i)
		a := g.newAccount(class, i, newKey(ar, false), base, nil)
		ip := vps[i%len(vps)]
		first := true
		model := pick(ar, []string{"gpt-4.1", "gpt-4.1", "gpt-4o"})
		g.addActor(func(after time.Time) []call {
			t := after.Add(expSec(ar, 1500))
			if first {
				t = g.start.Add(dur(ar.Float64() * 1800))
				first = false
			}
			var prompt string
			if chance(ar, 0.6) {
				q, _ := mathQ(ar, "comp")
				prompt = q + "\n\n" + pick(ar, instr)
			} else {
				prompt = compProgramming(ar) + "\n\n" + pick(ar, codeInstr)
			}
			q := &req{path: pathChat, turns: []turn{userTurn(prompt)}, k: knobs{model: model, n: between(ar, 4, 8), temp: ptr(fl(1)), topP: ptr(fl(1)), maxTok: pick(ar, []int{4096, 8192})}}
			return []call{mk(a, t, ip, q)}
		})
	}
}

// refusalHarvest: borderline prompts, then a request for a compliant,
// harmless rewrite or for the policy reasoning behind a refusal.
func (g *gen) refusalHarvest() {
	const class = "h4_refusal_harvest"
	r := g.rng(class, 0)
	exits := fixedSet(r, vpnExits, 40)
	antBase := newClient(r, kAnthropicPy, false)
	nodeBase := newClient(r, kOpenAINode, false)
	meta := []string{
		"Here is a user request: \"%s\"\nWould an AI assistant be right to help? Explain the reasoning behind the decision, then write the best response an assistant could safely give.",
		"Consider this message from a user: \"%s\"\nFirst explain which safety considerations apply and why. Then give a helpful answer that stays within them.",
		"\"%s\"\nIf you would refuse this, explain exactly why, step by step, and then provide a harmless alternative answer.",
		"Write two responses to \"%s\": one refusal with a clear explanation of the policy reasoning, and one safe, helpful rewrite that addresses the legitimate need.",
	}
	for i := range g.count(100) {
		ar := g.rng(class+"/acct", i)
		anth := chance(ar, 0.6)
		cl := nodeBase
		if anth {
			cl = antBase
		}
		a := g.newAccount(class, i, newKey(ar, anth), cl, nil)
		ip, ipUntil := "", time.Time{}
		model := pick(ar, []string{"gpt-4.1", "gpt-4o", "gpt-5"})
		if anth {
			model = pick(ar, []string{"claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5"})
		}
		g.addActor(func(after time.Time) []call {
			t, ok := g.nextArrival(ar, after, 1.3, nil)
			if !ok {
				return nil
			}
			if !t.Before(ipUntil) {
				ip, ipUntil = pick(ar, exits), t.Add(logn(ar, 3600, 0.4))
			}
			b := borderlineQ(ar)
			mkq := func(turns []turn) *req {
				q := &req{path: pathChat, turns: turns, k: knobs{model: model, maxTok: pick(ar, []int{1024, 1500, 2048})}}
				if anth {
					q.path = pathMessages
					q.k.temp = ptr(fl(pick(ar, []float64{0.7, 1})))
				} else {
					chatSettings(ar, &q.k, 1500, ptr(fl(0.7)))
				}
				return q
			}
			if chance(ar, 0.3) {
				return []call{mk(a, t, ip, mkq([]turn{userTurn(strings.Replace(pick(ar, meta), "%s", b, 1))}))}
			}
			out := []call{mk(a, t, ip, mkq([]turn{userTurn(b)}))}
			if chance(ar, 0.75) {
				t2 := t.Add(dur(20 + ar.Float64()*70))
				out = append(out, mk(a, t2, ip, mkq([]turn{userTurn(b), assistantTurn(reply(ar, "refusal")), userTurn(pick(ar, refusalFollows))})))
			}
			return out
		})
	}
}

// longdocHarvest: long documents with instructions for structured
// summaries with justifications, from a handful of cloud machines.
func (g *gen) longdocHarvest() {
	const class = "h4_longdoc_harvest"
	r := g.rng(class, 0)
	vms := fixedSet(r, gcp, 6)
	antBase := newClient(r, kAnthropicPy, false)
	oaiBase := newClient(r, kOpenAIPy, false)
	schema := newObj("type", "object", "properties", newObj(
		"key_points", newObj("type", "array", "items", newObj("type", "object", "properties", newObj("point", newObj("type", "string"), "evidence", newObj("type", "string"), "justification", newObj("type", "string")), "required", []string{"point", "evidence", "justification"}, "additionalProperties", false)),
		"risks", newObj("type", "array", "items", newObj("type", "string")),
		"summary", newObj("type", "string"),
	), "required", []string{"key_points", "risks", "summary"}, "additionalProperties", false)
	systems := []string{"You are an expert analyst. Be thorough and precise.", "You are a careful research assistant. Ground every statement in the source text.", ""}
	for i := range g.count(60) {
		ar := g.rng(class+"/acct", i)
		anth := chance(ar, 0.7)
		cl := oaiBase
		if anth {
			cl = antBase
		}
		a := g.newAccount(class, i, newKey(ar, anth), cl, nil)
		ip := vms[i%len(vms)]
		rate := 2 + 2*ar.Float64()
		g.addActor(func(after time.Time) []call {
			t, ok := g.nextArrival(ar, after, rate, nil)
			if !ok {
				return nil
			}
			doc := document(ar, 5000, 15000)
			ask := summaryAsk(ar, true)
			text := doc + "\n\n" + ask
			if chance(ar, 0.4) {
				text = ask + "\n\n<document>\n" + doc + "\n</document>"
			}
			q := &req{path: pathChat, system: pick(ar, systems), turns: []turn{userTurn(text)}}
			if anth {
				q.path = pathMessages
				q.k = knobs{model: pick(ar, []string{"claude-sonnet-4-5", "claude-opus-4-5", "claude-sonnet-4-20250514"}), maxTok: pick(ar, []int{4096, 8192}), temp: ptr(fl(pick(ar, []float64{0.2, 0.3, 0.5})))}
			} else {
				q.k = knobs{model: pick(ar, []string{"gpt-4.1", "gpt-5"}), temp: ptr(fl(0.3))}
				chatSettings(ar, &q.k, 4000, q.k.temp)
				if chance(ar, 0.5) {
					q.k.format, q.k.schemaName, q.k.schema = "json_schema", "structured_summary", schema
				} else {
					q.k.format = "json_object"
				}
			}
			return []call{mk(a, t, ip, q)}
		})
	}
}

// roleplayHarvest: multi-turn roleplay generated from seed scenarios, the
// user turns written by a user simulator, through mobile proxies.
func (g *gen) roleplayHarvest() {
	const class = "h4_roleplay_harvest"
	r := g.rng(class, 0)
	var pool []string
	for _, code := range []string{"us-east", "us-west", "uk", "de", "br"} {
		pool = append(pool, fixedSet(r, regionByCode(code).mobile, 40)...)
	}
	nodeBase := newClient(r, kOpenAINode, false)
	antBase := newClient(r, kAnthropicTS, false)
	antBase.rtVer, antBase.os, antBase.arch = nodeBase.rtVer, nodeBase.os, nodeBase.arch
	fetchBase := newClient(r, kFetch, false)
	for i := range g.count(120) {
		ar := g.rng(class+"/acct", i)
		cl, ant := nodeBase, antBase
		if chance(ar, 0.2) {
			cl, ant = fetchBase, nil
		}
		a := g.newAccount(class, i, newKey(ar, false), cl, ant)
		first := true
		g.addActor(func(after time.Time) []call {
			t, ok := g.nextArrival(ar, after, 0.25, nil)
			if first {
				t, ok, first = g.frac(ar.Float64()*0.7), true, false
			}
			if !ok {
				return nil
			}
			char, card := persona(ar)
			user := pick(ar, slotBank["name"])
			sys := rpSystem(ar, char, card, user)
			path := pathChat
			if chance(ar, 0.1) {
				path = pathMessages
			}
			model := pick(ar, []string{"gpt-4.1", "gpt-4o", "gpt-4.1"})
			if path == pathMessages {
				model = pick(ar, []string{"claude-sonnet-4-5", "claude-opus-4-1"})
			}
			temp := fl(pick(ar, []float64{0.9, 1}))
			ip, ipUntil := pick(ar, pool), t.Add(dur(600+ar.Float64()*1200))
			turns := []turn{userTurn(rpUser(ar, true))}
			var out []call
			for range between(ar, 8, 16) {
				if !t.Before(ipUntil) {
					ip, ipUntil = pick(ar, pool), t.Add(dur(600+ar.Float64()*1200))
				}
				q := &req{path: path, system: sys, turns: turns, k: knobs{model: model, temp: &temp, maxTok: pick(ar, []int{800, 1000})}}
				if path == pathChat {
					q.k.presence = 0.5
				}
				out = append(out, mk(a, t, ip, q))
				t = t.Add(logn(ar, 100, 0.4))
				turns = append(turns, assistantTurn(reply(ar, "rp")), userTurn(rpUser(ar, true)))
			}
			return out
		})
	}
}

// codereviewHarvest: long code snippets with requests for line-by-line
// explanations and improved versions, behind an IDE-like system prompt.
func (g *gen) codereviewHarvest() {
	const class = "h4_codereview_harvest"
	r := g.rng(class, 0)
	var ips []string
	for range 3 {
		ips = append(ips, block(r, pick(r, []*region{regionByCode("us-east"), regionByCode("us-west")}).home, 16)...)
	}
	oaiBase := newClient(r, kOpenAIPy, false)
	antBase := newClient(r, kAnthropicPy, false)
	ideSystem := func(ar *rand.Rand, lang string) string {
		file := pick(ar, slotBank["noun"]) + map[string]string{"Python": ".py", "Go": ".go", "TypeScript": ".ts", "JavaScript": ".js", "Java": ".java"}[lang]
		return "You are an AI programming assistant integrated into the user's code editor (" + pick(ar, []string{"VS Code", "a JetBrains IDE", "Neovim"}) + "). " +
			"The user is currently editing " + file + ". When asked to explain code, be precise and thorough. When suggesting changes, show the complete updated code in a fenced block. Follow the conventions of the existing code."
	}
	asks := func(ar *rand.Rand) string {
		if chance(ar, 0.7) {
			// the operator's task list wants the explain-and-improve kind
			for range 8 {
				s := codeAsk(ar)
				for _, w := range []string{"line by line", "step by step", "improved", "refactored", "cleaner", "change"} {
					if strings.Contains(s, w) {
						return s
					}
				}
			}
		}
		return codeAsk(ar)
	}
	for i := range g.count(150) {
		ar := g.rng(class+"/acct", i)
		anth := chance(ar, 0.3)
		cl := oaiBase
		if anth {
			cl = antBase
		}
		a := g.newAccount(class, i, newKey(ar, anth), cl, nil)
		ip := pick(ar, ips)
		copyAgent := chance(ar, 0.5)
		rate := 2 + 2*ar.Float64()
		g.addActor(func(after time.Time) []call {
			t, ok := g.nextArrival(ar, after, rate, nil)
			if !ok {
				return nil
			}
			lang := pick(ar, []string{"Python", "Python", "Go", "TypeScript", "JavaScript", "Java"})
			code := codeSnippet(ar, lang, between(ar, 1000, 6000))
			fence := strings.ToLower(lang)
			text := "```" + fence + "\n" + code + "```\n\n" + asks(ar)
			if chance(ar, 0.4) {
				text = asks(ar) + "\n\n```" + fence + "\n" + code + "```"
			}
			sys := ideSystem(ar, lang)
			var tools []toolDef
			if copyAgent {
				sys = agentPreamble
				if chance(ar, 0.5) {
					tools = forgeTools
				}
			}
			q := &req{path: pathChat, system: sys, turns: []turn{userTurn(text)}, k: knobs{tools: tools}}
			if anth {
				q.path, q.sysCache = pathMessages, copyAgent
				q.k.model = pick(ar, []string{"claude-sonnet-4-5", "claude-opus-4-5"})
				q.k.maxTok = 8192
				if chance(ar, 0.3) {
					q.k.thinking, q.k.maxTok = 8000, 16000
				} else {
					q.k.temp = ptr(fl(0.2))
				}
			} else {
				q.k.model = pick(ar, []string{"gpt-4.1", "gpt-5", "gpt-4.1"})
				chatSettings(ar, &q.k, 4000, ptr(fl(0.2)))
			}
			return []call{mk(a, t, ip, q)}
		})
	}
}

// agedSlow: aged accounts bought from their first owners, each with its
// own residential address, one to three requests an hour of reasoning on
// a few capability areas, with ordinary requests mixed in as cover.
func (g *gen) agedSlow() {
	const class = "h4_aged_slow"
	for i := range g.count(400) {
		ar := g.rng(class+"/acct", i)
		reg := pickRegion(ar)
		anth := chance(ar, 0.2)
		var cl *client
		if anth {
			cl = newClient(ar, kAnthropicPy, true)
		} else {
			cl = newClient(ar, kOpenAIPy, true)
		}
		// the harvester runs on Linux servers whatever the platform headers say
		cl.ja4, cl.async = ja4PyOpenSSL3, true
		a := g.newAccount(class, i, newKey(ar, anth), cl, nil)
		ip := pickAddr(ar, reg.home)
		moveAt := g.frac(2)
		if chance(ar, 0.1) {
			moveAt = g.frac(ar.Float64())
		}
		areas := []string{pick(ar, []string{"math", "science", "plan"})}
		if chance(ar, 0.5) {
			areas = append(areas, pick(ar, []string{"math", "science", "plan", "coding"}))
		}
		rate := min(3, max(1, lognF(ar, 2, 0.3)))
		cover := &person{g: g, r: ar, reg: reg, lang: "en", acct: a, path: pathChat, model: pick(ar, oaiClassic), curve: &people}
		if anth {
			cover.path, cover.model = pathMessages, pick(ar, antModels)
		}
		g.addActor(func(after time.Time) []call {
			t, ok := g.nextArrival(ar, after, rate, func(t time.Time) float64 { return rate * (0.6 + 0.4*curve(&people, localHour(t, reg.tz))) })
			if !ok {
				return nil
			}
			if !t.Before(moveAt) {
				ip, moveAt = pickAddr(ar, reg.home), g.frac(2)
			}
			if chance(ar, 0.2) {
				q, kind := cover.question(0.3)
				turns := []turn{userTurn(q)}
				out := []call{mk(a, t, ip, cover.request("", turns))}
				if chance(ar, 0.3) {
					turns = append(turns, assistantTurn(reply(ar, kind)), userTurn(expand(ar, followUp(ar))))
					out = append(out, mk(a, t.Add(logn(ar, 90, 0.6)), ip, cover.request("", turns)))
				}
				return out
			}
			prompt, sys, _ := harvestPrompt(ar, pick(ar, areas))
			path := pathChat
			if anth {
				path = pathMessages
			} else if chance(ar, 0.3) {
				path = pathResponses
			}
			q := &req{path: path, system: sys, turns: []turn{userTurn(prompt)}, k: harvestKnobs(ar, path)}
			if path == pathChat && sys != "" && isReasoning(q.k.model) {
				q.sysRole = "developer"
			}
			return []call{mk(a, t, ip, q)}
		})
	}
}
