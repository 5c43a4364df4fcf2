package annotation

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// person is one ordinary account holder.
type person struct {
	g     *gen
	r     *rand.Rand
	i     int
	reg   *region
	lang  string
	home  string
	work  string
	acct  *account
	path  string
	model string
	curve *[24]float64

	// habits
	stream, setTemp, setMax bool
	effort                  string
	thinking                int
	blocks                  bool
}

// sessionIP is where a session comes from: home mostly, sometimes the
// phone, the office or a VPN.
func (p *person) sessionIP() string {
	switch x := p.r.Float64(); {
	case x < 0.78:
		return p.home
	case x < 0.88:
		return pickAddr(p.r, p.reg.mobile)
	case x < 0.96:
		return p.work
	default:
		return pickAddr(p.r, vpnExits)
	}
}

func (p *person) local(t time.Time) float64 { return curve(p.curve, localHour(t, p.reg.tz)) }

// laptopClient draws the stack a person codes against.
func laptopClient(r *rand.Rand) (c *client, anthropicHome bool) {
	switch x := r.Float64(); {
	case x < 0.30:
		return newClient(r, kOpenAIPy, true), false
	case x < 0.40:
		return newClient(r, kOpenAINode, true), false
	case x < 0.56:
		return newClient(r, kAnthropicPy, true), true
	case x < 0.62:
		return newClient(r, kAnthropicTS, true), true
	case x < 0.70:
		return newClient(r, kCurl, true), chance(r, 0.3)
	case x < 0.80:
		return newClient(r, kRequests, true), chance(r, 0.3)
	case x < 0.85:
		return newClient(r, kBrowser, true), chance(r, 0.25)
	case x < 0.88:
		return newClient(r, kOpenAIGo, true), false
	case x < 0.95:
		return newClient(r, kFetch, true), chance(r, 0.3)
	default:
		return newClient(r, kAiohttp, true), chance(r, 0.3)
	}
}

// newPerson sets up an account with a client, an API and habits.
func (g *gen) newPerson(class string, i int, r *rand.Rand, cl *client, anthropicHome bool) *person {
	reg := pickRegion(r)
	p := &person{g: g, r: r, i: i, reg: reg, lang: pick(r, reg.langs), home: pickAddr(r, reg.home), work: pickAddr(r, reg.home), curve: &devs}
	if chance(r, 0.4) {
		p.curve = &people
	}
	var ant *client
	switch {
	case cl.kind == kAnthropicPy || cl.kind == kAnthropicTS:
		p.path = pathMessages
	case anthropicHome:
		p.path = pathMessages
	case cl.kind == kOpenAIPy && verAtLeast(cl.ver, "1.66") || cl.kind == kOpenAINode && verAtLeast(cl.ver, "4.87") || cl.kind == kOpenAIGo && verAtLeast(cl.ver, "2"):
		p.path = pick(r, []string{pathChat, pathChat, pathResponses})
	default:
		p.path = pathChat
		if chance(r, 0.1) {
			p.path = pathResponses
		}
	}
	// some people use both SDKs with the one key
	if p.path != pathMessages && (cl.kind == kOpenAIPy || cl.kind == kOpenAINode) && chance(r, 0.08) {
		k := kAnthropicPy
		if cl.kind == kOpenAINode {
			k = kAnthropicTS
		}
		ant = newClient(r, k, true)
		ant.os, ant.arch, ant.rtVer, ant.ja4 = cl.os, cl.arch, cl.rtVer, cl.ja4
	}
	p.acct = g.newAccount(class, i, newKey(r, p.path == pathMessages), cl, ant)
	switch p.path {
	case pathMessages:
		p.model = pick(r, antModels)
	case pathResponses:
		p.model = pick(r, []string{"gpt-4.1", "gpt-5", "gpt-5-mini", "o4-mini", "gpt-4.1-mini", "gpt-5.1"})
	default:
		if chance(r, 0.3) {
			p.model = pick(r, oaiReasoning)
		} else {
			p.model = pick(r, oaiClassic)
		}
	}
	p.stream = chance(r, 0.4)
	p.setTemp = chance(r, 0.35)
	p.setMax = chance(r, 0.45) || p.path == pathMessages
	if isReasoning(p.model) && chance(r, 0.35) {
		p.effort = pick(r, []string{"low", "medium", "high", "minimal"})
	}
	if p.path == pathMessages && isThinkingCapable(p.model) && chance(r, 0.15) {
		p.thinking = pick(r, []int{1024, 2048, 4000, 8000, 10000, 16000})
	}
	p.blocks = cl.kind == kAnthropicTS && chance(r, 0.5)
	return p
}

// request builds the person's request for a conversation.
func (p *person) request(system string, turns []turn) *req {
	r := p.r
	q := &req{path: p.path, system: system, turns: turns, blocks: p.blocks, k: knobs{model: p.model, stream: p.stream, streamUsage: p.stream && chance(r, 0.3)}}
	if p.path == pathChat && isReasoning(p.model) && system != "" && chance(r, 0.5) {
		q.sysRole = "developer"
	}
	k := &q.k
	if p.setTemp && !isReasoning(p.model) {
		k.temp = temps(r)
	}
	if p.setMax {
		k.maxTok = pick(r, []int{256, 500, 512, 1000, 1024, 2000, 2048, 4096, 8192})
		if p.path == pathChat && (isReasoning(p.model) || chance(r, 0.3)) {
			k.maxField = "max_completion_tokens"
		}
	}
	if p.path == pathMessages {
		if k.maxTok == 0 {
			k.maxTok = 1024
		}
		if p.thinking > 0 && chance(r, 0.7) {
			k.thinking = p.thinking
			k.maxTok = max(k.maxTok, p.thinking+pick(r, []int{2000, 4096, 8000}))
		}
	}
	if p.effort != "" {
		k.effort = p.effort
	}
	if p.path == pathResponses && len(turns) > 2 && chance(r, 0.6) {
		// the conversation state lives on the server
		q.prevID, q.turns = respID(r), turns[len(turns)-1:]
	}
	return q
}

// question is what the person asks, in their language and interests.
func (p *person) question(devShare float64) (string, string) {
	r := p.r
	if p.lang != "en" && chance(r, 0.6) {
		return foreignQ(r, p.lang), "general"
	}
	var q, kind string
	switch x := r.Float64(); {
	case x < devShare:
		q, kind = codingQ(r), "code"
	case x < devShare+0.08:
		q, kind = scienceQ(r), "general"
	case x < devShare+0.14:
		mq, ans := mathQ(r, pick(r, []string{"school", "word", "calc", "comp", "proof"}))
		kind = "math"
		if ans != "" && chance(r, 0.15) {
			q = answerGiven(r, mq, ans)
		} else if chance(r, 0.5) {
			q = withReasoning(r, mq)
		} else {
			q = mq
		}
	case x < devShare+0.20:
		q, kind = document(r, 1000, 8000)+"\n\n"+summaryAsk(r, chance(r, 0.15)), "general"
		if chance(r, 0.5) {
			q = summaryAsk(r, false) + "\n\n" + document(r, 1000, 6000)
		}
	case x < devShare+0.23:
		q, kind = borderlineQ(r), "refusal"
	case x < devShare+0.27:
		q, kind = planQ(r), "general"
	default:
		q, kind = everyday(r), "general"
	}
	if kind != "math" && chance(r, 0.08) {
		q = withReasoning(r, q)
	}
	return q, kind
}

// ordinary: developers and people, diverse in every way.
func (g *gen) ordinary() {
	const class = "h4_ordinary"
	for i := range g.count(1600) {
		r := g.rng(class+"/person", i)
		switch seg := r.Float64(); {
		case seg < 0.42:
			cl, ah := laptopClient(r)
			g.chatUser(g.newPerson(class, i, r, cl, ah))
		case seg < 0.59:
			g.appBuilder(class, i, r)
		case seg < 0.67:
			g.agentUser(class, i, r)
		case seg < 0.72:
			g.hobbyRP(class, i, r)
		case seg < 0.76:
			g.batchUser(class, i, r)
		case seg < 0.79:
			g.cronUser(class, i, r)
		case seg < 0.94:
			cl, ah := laptopClient(r)
			g.learner(g.newPerson(class, i, r, cl, ah))
		default:
			g.chatUI(class, i, r)
		}
	}
}

func (g *gen) chatUser(p *person) {
	r := p.r
	rate := min(4, lognF(r, 0.3, 0.9))
	devShare := 0.1 + 0.5*r.Float64()
	g.addActor(func(after time.Time) []call {
		t, ok := g.nextArrival(r, after, rate, func(t time.Time) float64 { return rate * p.local(t) })
		if !ok {
			return nil
		}
		ip := p.sessionIP()
		q, kind := p.question(devShare)
		var sys string
		if chance(r, 0.25) {
			sys = pick(r, []string{"You are a helpful assistant.", "You are a helpful assistant.", "You are a senior software engineer. Answer concisely.", "Answer in " + map[string]string{"en": "English", "es": "Spanish", "de": "German", "fr": "French", "pt": "Portuguese", "ja": "Japanese"}[p.lang] + ".", "You are an expert tutor."})
			if strings.HasSuffix(sys, "in .") {
				sys = "You are a helpful assistant."
			}
		}
		turns := []turn{userTurn(q)}
		var out []call
		for n := 1 + int(r.ExpFloat64()*1.2); n > 0 && len(turns) < 16; n-- {
			out = append(out, mk(p.acct, t, ip, p.request(sys, turns)))
			t = t.Add(logn(r, 8, 0.7) + logn(r, 50, 0.9))
			next := expand(r, followUp(r))
			if kind == "refusal" && chance(r, 0.4) {
				next = pick(r, refusalFollows)
			}
			turns = append(turns, assistantTurn(reply(r, kind)), userTurn(next))
		}
		return out
	})
}

// learner: students and self-learners, often asking for the reasoning.
func (g *gen) learner(p *person) {
	r := p.r
	rate := min(3, lognF(r, 0.35, 0.7))
	p.curve = &people
	g.addActor(func(after time.Time) []call {
		t, ok := g.nextArrival(r, after, rate, func(t time.Time) float64 { return rate * p.local(t) })
		if !ok {
			return nil
		}
		ip := p.sessionIP()
		var out []call
		for range between(r, 1, 4) {
			var q string
			kind := "math"
			switch x := r.Float64(); {
			case p.lang != "en" && x < 0.4:
				q = foreignQ(r, p.lang)
				if rs, ok := foreignReason[p.lang]; ok && chance(r, 0.5) {
					q += " " + pick(r, rs)
				}
			case x < 0.6:
				mq, ans := mathQ(r, pick(r, []string{"school", "word", "calc", "proof", "comp"}))
				switch {
				case ans != "" && chance(r, 0.2):
					q = answerGiven(r, mq, ans)
				case chance(r, 0.6):
					q = withReasoning(r, mq)
				default:
					q = mq
				}
			case x < 0.85:
				q = scienceQ(r)
				if chance(r, 0.5) {
					q = withReasoning(r, q)
				}
				kind = "general"
			default:
				q = codingQ(r)
				kind = "code"
			}
			turns := []turn{userTurn(q)}
			for n := 1 + int(r.ExpFloat64()*1.5); n > 0 && len(turns) < 12; n-- {
				out = append(out, mk(p.acct, t, ip, p.request("", turns)))
				t = t.Add(logn(r, 15, 0.6) + logn(r, 70, 0.8))
				turns = append(turns, assistantTurn(reply(r, kind)), userTurn(pick(r, []string{
					"Why does step 2 work?", "Can you explain that differently?", "I don't get the last part.", "What if the numbers were different?",
					"ok, can you give me a similar problem to practice?", "Thanks! Can you check my answer to this one too?", "Explain that step by step please.", "How would I know to use that method on a test?",
				})))
			}
			t = t.Add(logn(r, 120, 0.8))
		}
		return out
	})
}

var appNiches = []struct{ name, rules string }{
	{"recipe", "Suggest recipes and cooking tips. Ask about dietary restrictions when relevant."},
	{"homework", "Help students with homework. Always explain the solution step by step so the student learns the method; never just give the answer."},
	{"writing", "Help users write and improve emails, letters and posts. Keep the user's voice."},
	{"code", "Help developers with programming questions. Prefer short, working examples."},
	{"language", "Help users learn languages. Correct mistakes gently and explain the grammar."},
	{"summaries", "Summarise documents that users upload. Produce a structured summary with key points, risks and action items, and justify each point with a quote from the document."},
	{"companion", "Stay in character as the user's chosen companion. Be warm, playful and curious."},
	{"travel", "Plan trips: itineraries, budgets, packing lists. Mention visa requirements when relevant."},
}

// appBuilder: a small app's backend sending its end users' requests
// with one system prompt and one key.
func (g *gen) appBuilder(class string, i int, r *rand.Rand) {
	kinds := []kind{kOpenAIPy, kOpenAIPy, kOpenAINode, kOpenAINode, kAnthropicPy, kAnthropicTS, kOpenAIGo, kFetch, kRequests}
	cl := newClient(r, pick(r, kinds), false)
	p := g.newPerson(class, i, r, cl, false)
	p.curve = &people
	host := pick(r, allHosting)
	ips := fixedSet(r, host, between(r, 1, 3))
	niche := pick(r, appNiches)
	company := expand(r, "{wordA}{wordB}")
	sys := fmt.Sprintf("You are %s, the assistant in %s's %s app. %s %s", pick(r, []string{"Sage", "Buddy", "Remy", "Lexi", "Atlas", "Echo"}), company, niche.name, niche.rules,
		pick(r, []string{"Be concise.", "Use markdown.", "Reply in the user's language.", "Keep a friendly tone.", ""}))
	var char, card string
	if niche.name == "companion" {
		char, card = persona(r)
		sys = rpSystem(r, char, card, "the user")
	}
	rate := min(40, lognF(r, 2.5, 1))
	g.addActor(func(after time.Time) []call {
		t, ok := g.nextArrival(r, after, rate, func(t time.Time) float64 { return rate * p.local(t) })
		if !ok {
			return nil
		}
		var q, kind string
		switch niche.name {
		case "recipe", "writing", "travel":
			q, kind = everyday(r), "general"
		case "homework":
			mq, _ := mathQ(r, pick(r, []string{"school", "word", "calc"}))
			q, kind = pick(r, []string{mq, scienceQ(r), withReasoning(r, mq)}), "math"
		case "code":
			q, kind = codingQ(r), "code"
		case "language":
			q, kind = foreignQ(r, pick(r, []string{"es", "de", "fr", "ja", "it", "pt"})), "general"
		case "summaries":
			q, kind = document(r, 2000, 12000)+"\n\n"+summaryAsk(r, chance(r, 0.5)), "general"
		default:
			q, kind = rpUser(r, false), "rp"
		}
		turns := []turn{userTurn(q)}
		if chance(r, 0.25) {
			turns = []turn{userTurn(everyday(r)), assistantTurn(reply(r, kind)), userTurn(q)}
		}
		qq := p.request(sys, turns)
		if chance(r, 0.5) {
			qq.k.user = fmt.Sprintf("user-%d", r.IntN(5000))
		}
		return []call{mk(p.acct, t, pick(r, ips), qq)}
	})
}

var forgeTools = []toolDef{
	tool("read_file", "Read a file from the workspace.", "path", "string"),
	tool("write_file", "Create or overwrite a file.", "path", "string", "content", "string"),
	tool("edit_file", "Replace an exact string in a file.", "path", "string", "old_string", "string", "new_string", "string"),
	tool("run_command", "Run a shell command in the project directory.", "command", "string"),
	tool("search_code", "Search the codebase with a regular expression.", "pattern", "string"),
	tool("list_directory", "List the files in a directory.", "path", "string"),
}

var forgeVersions = []string{"1.8.2", "1.9.0", "1.9.1", "1.10.0", "1.10.3"}

// agentUser: a developer running the open-source coding agent "Forge"
// with their own key: the same long preamble and tools as thousands of
// others, tool loops a few seconds apart.
func (g *gen) agentUser(class string, i int, r *rand.Rand) {
	var cl *client
	anth := chance(r, 0.6)
	if anth {
		cl = newClient(r, kAnthropicTS, true)
	} else {
		cl = newClient(r, kOpenAINode, true)
	}
	cl.extra = [][2]string{{"x-forge-version", recent(r, forgeVersions)}}
	p := g.newPerson(class, i, r, cl, anth)
	p.curve = &devs
	if anth {
		p.model = pick(r, []string{"claude-sonnet-4-5", "claude-sonnet-4-5", "claude-opus-4-5", "claude-haiku-4-5"})
	} else {
		p.path = pathChat
		p.model = pick(r, []string{"gpt-5", "gpt-4.1", "gpt-5-mini"})
	}
	env := fmt.Sprintf("<env>\nPlatform: %s\nShell: %s\nGit repository: yes\n</env>\n\n", map[string]string{"MacOS": "darwin", "Linux": "linux", "Windows": "win32"}[cl.os], pick(r, []string{"zsh", "bash", "fish", "powershell"}))
	rate := min(1, lognF(r, 0.15, 0.6))
	lang := pick(r, []string{"Python", "Go", "TypeScript", "JavaScript"})
	g.addActor(func(after time.Time) []call {
		t, ok := g.nextArrival(r, after, rate, func(t time.Time) float64 { return rate * p.local(t) })
		if !ok {
			return nil
		}
		ip := p.sessionIP()
		var out []call
		var turns []turn
		for task := range between(r, 1, 3) {
			text := expand(r, pick(r, agentTasks))
			if task == 0 {
				text = env + text
			}
			turns = append(turns, userTurn(text))
			for step := range between(r, 2, 12) {
				q := &req{path: p.path, system: agentPreamble, sysCache: true, turns: trimHistory(turns, 60000), k: knobs{model: p.model, stream: true, tools: forgeTools}}
				if p.path == pathMessages {
					q.k.maxTok = pick(r, []int{8192, 16000, 32000})
				} else {
					q.k.maxTok, q.k.maxField = 16000, "max_completion_tokens"
				}
				out = append(out, mk(p.acct, t, ip, q))
				t = t.Add(logn(r, 6, 0.6))
				if step == 0 && chance(r, 0.3) {
					break
				}
				calls, results := agentStep(r, lang)
				turns = append(turns, turn{text: pick(r, []string{"", "", "Let me look at the relevant files.", "I'll run the tests first.", "Now I'll make the change."}), calls: calls}, turn{user: true, results: results})
			}
			turns = append(turns, assistantTurn(pick(r, []string{"Done. The tests pass now.", "I've made the change and updated the tests.", "Here's what I found: the handler doesn't validate the input before saving."})))
			t = t.Add(logn(r, 120, 0.8))
		}
		return out
	})
}

func agentStep(r *rand.Rand, lang string) ([]toolCall, []toolResult) {
	var calls []toolCall
	var results []toolResult
	for range between(r, 1, 2) {
		id := newCallID(r)
		file := "src/" + pick(r, slotBank["noun"]) + map[string]string{"Python": ".py", "Go": ".go", "TypeScript": ".ts", "JavaScript": ".js"}[lang]
		var c toolCall
		var out string
		switch r.IntN(5) {
		case 0, 1:
			c = toolCall{id: id, name: "read_file", args: newObj("path", file)}
			out = codeSnippet(r, lang, between(r, 300, 2500))
		case 2:
			c = toolCall{id: id, name: "run_command", args: newObj("command", pick(r, []string{"go test ./...", "npm test", "pytest -x", "make lint", "git status"}))}
			out = pick(r, []string{"ok  \tservice\t0.412s\nok  \tservice/store\t1.032s", "FAIL: test_" + pick(r, slotBank["fn"]) + " - AssertionError: expected 3, got 2\n1 failed, 41 passed in 2.31s", "On branch main\nChanges not staged for commit:\n  modified:   " + file})
		case 3:
			c = toolCall{id: id, name: "search_code", args: newObj("pattern", pick(r, slotBank["fn"]))}
			out = file + ":" + fmt.Sprint(between(r, 5, 300)) + ": " + pick(r, slotBank["fn"]) + "(" + pick(r, slotBank["a"]) + ")\n" + file + ":" + fmt.Sprint(between(r, 5, 300)) + ": return " + pick(r, slotBank["x"])
		default:
			c = toolCall{id: id, name: "edit_file", args: newObj("path", file, "old_string", "return result", "new_string", "return result, nil")}
			out = "The file " + file + " has been updated."
		}
		calls = append(calls, c)
		results = append(results, toolResult{id: id, content: out})
	}
	return calls, results
}

// trimHistory drops old tool outputs once a conversation grows past
// limit bytes, as agents compact their context.
func trimHistory(turns []turn, limit int) []turn {
	size := 0
	for _, t := range turns {
		size += len(t.text)
		for _, res := range t.results {
			size += len(res.content)
		}
	}
	if size <= limit {
		return turns
	}
	out := make([]turn, len(turns))
	copy(out, turns)
	for i := range out {
		if size <= limit {
			break
		}
		if len(out[i].results) == 0 {
			continue
		}
		res := make([]toolResult, len(out[i].results))
		for j, x := range out[i].results {
			size -= len(x.content) - 20
			res[j] = toolResult{id: x.id, content: "[output truncated]"}
		}
		out[i].results = res
	}
	return out
}

// hobbyRP: someone roleplaying through a self-hosted front end.
func (g *gen) hobbyRP(class string, i int, r *rand.Rand) {
	cl := newClient(r, kFetch, true)
	p := g.newPerson(class, i, r, cl, chance(r, 0.3))
	p.curve = &people
	p.stream = true
	cards := make([][2]string, between(r, 1, 3))
	for j := range cards {
		cards[j][0], cards[j][1] = persona(r)
	}
	userName := pick(r, slotBank["name"])
	rate := min(1, lognF(r, 0.2, 0.5))
	temp := fl(pick(r, []float64{0.85, 0.9, 1, 1, 1.1, 1.2}))
	g.addActor(func(after time.Time) []call {
		t, ok := g.nextArrival(r, after, rate, func(t time.Time) float64 { return rate * p.local(t) })
		if !ok {
			return nil
		}
		c := pick(r, cards)
		sys := rpSystem(r, c[0], c[1], userName)
		turns := []turn{userTurn(rpUser(r, false))}
		var out []call
		for range between(r, 6, 35) {
			q := p.request(sys, turns)
			q.k.temp, q.k.maxTok = &temp, pick(r, []int{300, 400, 600})
			if q.path == pathChat && chance(r, 0.5) {
				q.k.presence, q.k.frequency = 0.4, 0.3
			}
			q.k.thinking = 0
			out = append(out, mk(p.acct, t, p.home, q))
			t = t.Add(logn(r, 10, 0.5) + logn(r, 40, 0.7))
			turns = append(turns, assistantTurn(reply(r, "rp")), userTurn(rpUser(r, false)))
			if len(turns) > 41 {
				turns = turns[2:]
			}
		}
		return out
	})
}

var batchTemplates = []string{
	"Classify the sentiment of this review as positive, negative or neutral. Reply with one word.\n\nReview: The {product} {verdict}.",
	"Translate into {tongue}: {phrase}",
	"Write a product description of at most 80 words for: {product}.",
	"Extract the company name, the amount and the date from this sentence as JSON: {wordA} {wordB} paid ${n:100:99000} on 2026-0{n:1:5}-{n:10:28}.",
	"Suggest a category for this support ticket (billing, shipping, account, bug, other): {ticket}",
	"Rewrite this product title to be clearer and under 60 characters: {product} {wordA} edition {n:2:9}",
	"Give a one-sentence summary of: {sentence}",
}

func init() {
	slotBank["verdict"] = []string{"works great and arrived early", "stopped working after two weeks", "is okay for the price", "exceeded my expectations", "was not as described", "is fine but the setup was confusing"}
	slotBank["ticket"] = supportOpeners
	slotBank["sentence"] = append(append([]string{}, docSentences["article"]...), docSentences["report"]...)
}

// batchUser: a one-off batch job run from a script.
func (g *gen) batchUser(class string, i int, r *rand.Rand) {
	cl := newClient(r, pick(r, []kind{kOpenAIPy, kOpenAIPy, kRequests, kAiohttp, kAnthropicPy, kOpenAINode}), chance(r, 0.6))
	cl.async = chance(r, 0.5)
	p := g.newPerson(class, i, r, cl, false)
	ip := p.home
	if chance(r, 0.4) {
		ip = pickAddr(r, pick(r, allHosting))
	}
	tmpl := pick(r, batchTemplates)
	// a job some time in an eight-hour stretch around the window
	start := g.start.Add(dur((r.Float64()*8 - 0.5) * 3600))
	n := min(500, 15+int(lognF(r, 40, 0.8)))
	gap := lognF(r, 1, 0.8)
	temp := fl(0)
	g.addActor(once(func() []call {
		var out []call
		t := start
		for range n {
			q := p.request("", []turn{userTurn(expand(r, tmpl))})
			q.k.temp, q.k.stream, q.k.maxTok = &temp, false, pick(r, []int{0, 60, 200})
			if q.path == pathMessages || isReasoning(q.k.model) {
				q.k.maxTok, q.k.temp = 512, nil
				if q.path == pathMessages {
					q.k.temp = &temp
				}
			}
			q.k.thinking, q.k.effort = 0, ""
			out = append(out, mk(p.acct, t, ip, q))
			t = t.Add(expSec(r, gap))
		}
		return out
	}))
}

// cronUser: a scheduled job on a server, the same template on the same
// minute of each period.
func (g *gen) cronUser(class string, i int, r *rand.Rand) {
	cl := newClient(r, pick(r, []kind{kCurl, kRequests, kOpenAIGo, kOpenAIPy}), false)
	p := g.newPerson(class, i, r, cl, false)
	ip := pickAddr(r, pick(r, allHosting))
	period := time.Duration(pick(r, []int{10, 15, 30, 60})) * time.Minute
	offset := time.Duration(r.IntN(int(period/time.Minute))) * time.Minute
	job := r.IntN(3)
	next := g.start.Truncate(period).Add(offset)
	g.addActor(func(after time.Time) []call {
		for next.Before(after) {
			next = next.Add(period)
		}
		t := next.Add(dur(0.2 + r.Float64()*2))
		next = next.Add(period)
		if !t.Before(g.end) {
			return nil
		}
		var b strings.Builder
		switch job {
		case 0:
			b.WriteString("Summarize these new support tickets and list the top 3 themes:\n\n")
			for k := range between(r, 3, 15) {
				fmt.Fprintf(&b, "%d. %s\n", k+1, expand(r, pick(r, supportOpeners)))
			}
		case 1:
			b.WriteString("Write a short morning briefing from these headlines:\n\n")
			for range between(r, 4, 10) {
				b.WriteString("- " + expand(r, pick(r, slotBank["sentence"])) + "\n")
			}
		default:
			b.WriteString("Classify each log line as ERROR, WARN or INFO and explain any ERROR briefly:\n\n")
			for range between(r, 5, 20) {
				fmt.Fprintf(&b, "2026-05-12T%02d:%02d:%02dZ %s %s\n", t.Hour(), t.Minute(), r.IntN(60), pick(r, []string{"GET /api/orders 200", "db timeout after 5000ms", "retrying job 42", "cache miss ratio 0.31", "worker 3 restarted"}), pick(r, slotBank["noun"]))
			}
		}
		q := p.request("", []turn{userTurn(b.String())})
		q.k.stream, q.k.thinking = false, 0
		return []call{mk(p.acct, t, ip, q)}
	})
}

// chatUI: a self-hosted chat front end shared by a household: chats plus
// the front end's own title and follow-up requests.
func (g *gen) chatUI(class string, i int, r *rand.Rand) {
	cl := newClient(r, pick(r, []kind{kAiohttp, kOpenAIPy}), false)
	cl.async = true
	p := g.newPerson(class, i, r, cl, false)
	p.path, p.curve, p.stream = pathChat, &people, true
	members := between(r, 1, 4)
	rate := min(3, lognF(r, 0.4, 0.6)) * float64(members)
	models := []string{pick(r, oaiClassic), pick(r, oaiReasoning), pick(r, oaiClassic)}
	g.addActor(func(after time.Time) []call {
		t, ok := g.nextArrival(r, after, rate, func(t time.Time) float64 { return rate * p.local(t) })
		if !ok {
			return nil
		}
		p.model = pick(r, models)
		q, kind := p.question(0.2)
		turns := []turn{userTurn(q)}
		var out []call
		for n := 1 + int(r.ExpFloat64()*1.5); n > 0 && len(turns) < 14; n-- {
			out = append(out, mk(p.acct, t, p.home, p.request("", turns)))
			t = t.Add(logn(r, 10, 0.6))
			turns = append(turns, assistantTurn(reply(r, kind)))
			if len(turns) == 2 {
				title := &req{path: pathChat, turns: []turn{userTurn("### Task:\nGenerate a concise, 3-5 word title with an emoji summarizing the chat history.\n### Chat History:\n<chat_history>\nUSER: " + q + "\nASSISTANT: " + turns[1].text + "\n</chat_history>")}, k: knobs{model: models[0], stream: false}}
				out = append(out, mk(p.acct, t, p.home, title))
				if chance(r, 0.5) {
					fu := &req{path: pathChat, turns: []turn{userTurn("### Task:\nSuggest 3-5 relevant follow-up questions the user might ask next, as a JSON list.\n### Chat History:\n<chat_history>\nUSER: " + q + "\n</chat_history>")}, k: knobs{model: models[0]}}
					out = append(out, mk(p.acct, t.Add(dur(0.3)), p.home, fu))
				}
			}
			t = t.Add(logn(r, 60, 0.8))
			turns = append(turns, userTurn(expand(r, followUp(r))))
		}
		return out
	})
}
