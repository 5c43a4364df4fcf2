package supportchat

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

var problemFollowups = []string{
	"why does step 2 work?",
	"ok I think I get it. can you give me a similar one to practise?",
	"I tried again and got %s, is that right now?",
	"can you explain it a different way? still confused",
	"where does that formula come from?",
	"Wait, why do we divide there?",
	"thanks!! that makes sense",
	"Could you check my working: I did it the long way and got a different number.",
}

// conv is one conversation in progress.
type conv struct {
	g      *gen
	a      *account
	ip     string
	k      knobs
	class  string
	msgs   []msg
	t      time.Time
	stream bool
}

// say sends the next user turn and records a plausible reply.
func (c *conv) say(r *rand.Rand, text, reply string) {
	c.msgs = append(c.msgs, msg{"user", text})
	c.g.send(c.t, c.a, c.ip, c.a.d, body(c.a.d, c.k, c.msgs, c.a.client), c.class, 0, c.stream)
	c.msgs = append(c.msgs, msg{"assistant", reply})
}

// chatKinds are the stacks people chat through.
var chatKinds = []clientKind{kBrowser, kBrowser, kBrowser, kBrowser, kBrowser, kOpenAIPy, kOpenAIPy, kOpenAIPy, kOpenAIPy, kOpenAIPy,
	kOpenAINode, kOpenAINode, kAnthropicPy, kAnthropicPy, kCurl, kOpenAIGo, kRequests, kAnthropicTS, kAnthropicTS, kHttpx}

// personalKnobs returns the settings a person keeps in their client.
func personalKnobs(r *rand.Rand, c *client, d dialect) knobs {
	k := knobs{}
	reasoning := r.IntN(7) == 0
	k.model = modelFor(r, d, reasoning)
	if c.kind == kBrowser {
		k.maxTokens, k.stream = 8192, true
		if r.IntN(3) == 0 {
			k.thinking = pick(r, []int{2048, 8000, 16000})
		}
		return k
	}
	k.maxTokens = pick(r, []int{0, 0, 0, 1024, 2048, 4096, 8192, 16000})
	k.stream = r.IntN(2) == 0
	if r.IntN(3) == 0 {
		k.setTemp, k.temperature = true, pick(r, []float64{0, 0.2, 0.7, 1})
	}
	if reasoning && d != messagesAPI {
		k.effort = pick(r, []string{"low", "medium", "high"})
	}
	if d == messagesAPI && r.IntN(6) == 0 {
		k.thinking = pick(r, []int{1024, 4000, 10000})
	}
	if r.IntN(5) == 0 {
		k.system = pick(r, []string{"You are a helpful assistant.", "Be concise.", "You are a helpful assistant. Answer in British English.", "Answer briefly and cite sources when you can.", "You are my personal assistant. I live in Berlin."})
	}
	return k
}

// opening returns the first message of a casual conversation and, if it
// is about a problem, the problem.
func opening(r *rand.Rand) (string, *problem) {
	x := r.Float64()
	switch {
	case x < 0.72:
		return pick(r, chatOpeners)(r), nil
	case x < 0.86:
		p := mathProblem(r)
		return askAbout(r, p, 0.45, 0.2), &p
	case x < 0.95:
		p := codeProblem(r)
		return askAbout(r, p, 0.25, 0.05), &p
	default:
		p := scienceProblem(r)
		return askAbout(r, p, 0.5, 0.3), &p
	}
}

func followup(r *rand.Rand, p *problem) string {
	if p != nil && r.IntN(3) > 0 {
		f := pick(r, problemFollowups)
		if strings.Contains(f, "%s") {
			f = fmt.Sprintf(f, perturb(r, p.answer))
		}
		return f
	}
	return pick(r, chatFollowups)
}

func replyTo(r *rand.Rand, p *problem) string {
	if p != nil {
		return fakeSolution(r, *p, false)
	}
	return assistantReply(r)
}

// chat: people talking to the model through apps, scripts and curl.
func (g *gen) chat(r *rand.Rand) {
	users := g.n(1500, 20)
	for u := 0; u < users; u++ {
		c := newClient(r, pick(r, chatKinds))
		d := dialectOf(r, c)
		a := g.newAccount(r, fmt.Sprintf("chat-%04d", u), c, residentialIP(r), d)
		if r.IntN(7) == 0 {
			c.ja4 = "" // behind a TLS-terminating hop that does not pass it
		}
		k := personalKnobs(r, c, d)
		mobile := r.IntN(6) == 0
		sessions := 1
		for r.IntN(100) < 45 && sessions < 5 {
			sessions++
		}
		for s := 0; s < sessions; s++ {
			ip := a.ip
			if mobile {
				ip = residentialIP(r)
			}
			cv := &conv{g: g, a: a, ip: ip, k: k, class: ClassChat, t: g.humanTime(r), stream: k.stream}
			first, p := opening(r)
			turns := 1
			for r.IntN(100) < 72 && turns < 14 {
				turns++
			}
			cv.say(r, first, replyTo(r, p))
			for i := 1; i < turns; i++ {
				cv.t = cv.t.Add(8*time.Second + expSec(r, 65))
				cv.say(r, followup(r, p), replyTo(r, p))
			}
		}
	}
}

// agent: a popular open-source coding agent; every user has a key, all
// share its system prompt, tool definitions and client stack.
func (g *gen) agent(r *rand.Rand) {
	users := g.n(800, 12)
	clients := map[string]*client{}
	stack := func(rv string, old bool, oa [2]string) *client {
		key := rv + oa[0] + oa[1] + fmt.Sprint(old)
		if c := clients[key]; c != nil {
			return c
		}
		c := &client{kind: kAnthropicTS, version: "0.56.0", os: oa[0], arch: oa[1], runtime: rv, host: proxyHost,
			ua: "quarry/0.19.3 (cli; +https://quarry.dev)"}
		if old {
			c.version, c.ua = "0.50.3", "quarry/0.18.7 (cli; +https://quarry.dev)"
		}
		c.extra = [][2]string{{"anthropic-beta", "fine-grained-tool-streaming-2025-05-14"}, {"x-quarry-client", "cli"}}
		c.ja4 = ja4For(c)
		clients[key] = c
		return c
	}
	system := raw(marshal([]obj{{{"type", "text"}, {"text", agentSystem}, {"cache_control", obj{{"type", "ephemeral"}}}}}))
	tools := []string{"read_file", "search_repo", "apply_patch", "run_command", "list_dir"}
	for u := 0; u < users; u++ {
		c := stack(pick(r, []string{"v20.18.0", "v22.12.0", "v22.12.0"}), r.IntN(9) == 0, pick(r, osArch))
		ip := residentialIP(r)
		if r.IntN(4) == 0 {
			ip = hostingIP(r) // a dev box in the cloud
		}
		a := g.newAccount(r, fmt.Sprintf("quarry-%04d", u), c, ip, messagesAPI)
		k := knobs{model: pick(r, []string{"claude-sonnet-4-5", "claude-sonnet-4-5", "claude-sonnet-4-5", "claude-opus-4-1"}), system: system, maxTokens: 16000, stream: true, tools: agentTools}
		if r.IntN(3) == 0 {
			k.thinking = pick(r, []int{4000, 10000})
		}
		user := strings.ToLower(pick(r, names))
		tasks := 1 + r.IntN(3)
		for s := 0; s < tasks; s++ {
			t := g.humanTime(r)
			env := fmt.Sprintf("<env>\ncwd: /home/%s/src/%s\nos: %s\nshell: zsh\ndate: 2026-05-21\n</env>\n\n", user, pick(r, repoNames), strings.ToLower(c.os))
			msgs := []msg{{"user", env + pick(r, agentJobs)}}
			steps := 3 + r.IntN(12)
			for i := 0; i < steps; i++ {
				g.send(t, a, "", messagesAPI, body(messagesAPI, k, msgs, c), ClassAgent, 0, true)
				id := "toolu_01" + randString(r, keyAlphabet, 22)
				tool := pick(r, tools)
				var input obj
				var result string
				switch tool {
				case "read_file":
					f := pick(r, agentFiles)
					input = obj{{"path", f}}
					result = fmt.Sprintf("1\tpackage main\n2\t\n3\timport (\n4\t\t\"fmt\"\n5\t)\n...(%d lines)", 40+r.IntN(400))
				case "search_repo":
					input = obj{{"pattern", pick(r, []string{"func Parse", "TODO", "retry", "fullname", "export default"})}}
					result = fmt.Sprintf("%s:%d: ...\n%s:%d: ...", pick(r, agentFiles), r.IntN(300), pick(r, agentFiles), r.IntN(300))
				case "apply_patch":
					input = obj{{"diff", "--- a/" + pick(r, agentFiles) + "\n+++ b/...\n@@ -10,7 +10,9 @@\n-\told()\n+\tnew()\n"}}
					result = "patch applied"
				case "run_command":
					input = obj{{"command", pick(r, []string{"go test ./...", "npm test", "pytest -q", "make build", "cargo check"})}}
					result = pick(r, []string{"ok\n", "FAIL: expected 3, got 4\nexit status 1", "2 passed, 1 failed", "exit 0"})
				default:
					input = obj{{"path", "."}}
					result = "README.md\nsrc/\ntests/\ngo.mod"
				}
				say := pick(r, []string{"Let me look at the relevant code first.", "I'll check how this is used.", "Now I'll make the change.", "Running the tests to confirm.", "That narrows it down."})
				msgs = append(msgs,
					msg{"assistant", raw(marshal([]obj{{{"type", "text"}, {"text", say}}, {{"type", "tool_use"}, {"id", id}, {"name", tool}, {"input", input}}}))},
					msg{"user", raw(marshal([]obj{{{"type", "tool_result"}, {"tool_use_id", id}, {"content", result}}}))})
				t = t.Add(2*time.Second + expSec(r, 7))
			}
		}
	}
}

// support: a customer-support bot on few keys, one fixed system prompt.
func (g *gen) support(r *rand.Rand) {
	c := newClient(r, kOpenAIPy)
	c.os, c.arch = "Linux", "x64"
	c.ja4 = ja4For(c)
	var accts []*account
	for _, name := range []string{"eu", "us", "staging"} {
		a := g.newAccount(r, "brightwave-"+name, c, hostingIP(r), chatAPI)
		accts = append(accts, a)
	}
	ips := map[*account][]string{}
	for _, a := range accts {
		ips[a] = []string{a.ip, hostingIP(r)}
	}
	k := knobs{model: "gpt-4.1-mini", system: supportSystem, maxTokens: 400, setTemp: true, temperature: 0.2, stream: true}
	rate := 330.0 * g.cfg.Scale // conversations per hour at peak
	for t := g.start; t.Before(g.end); t = t.Add(expSec(r, 3600/rate)) {
		if r.Float64()*1.3 > g.diurnal(t) {
			continue
		}
		a := accts[0]
		if x := r.IntN(20); x >= 9 && x < 19 {
			a = accts[1]
		} else if x == 19 {
			a = accts[2]
		}
		kk := k
		kk.extra = obj{{"user", fmt.Sprintf("cust_%08x", r.Uint32())}}
		cv := &conv{g: g, a: a, ip: pick(r, ips[a]), k: kk, class: ClassSupport, t: t, stream: true}
		turns := 1 + r.IntN(3)
		for i := 0; i < turns; i++ {
			kb := "<kb>\n" + pick(r, supportKB) + "\n" + pick(r, supportKB) + "\n</kb>\n\n"
			cv.say(r, kb+"Customer: "+supportQuestion(r), "I'm sorry about the trouble. Here's what you can do:\n1. Check the router light.\n2. Restart it from the app.\n\nTessa, Brightwave support")
			cv.t = cv.t.Add(15*time.Second + expSec(r, 40))
		}
	}
}

// benchmark is a public evaluation set: the same items for everyone.
var benchmark = func() []problem {
	r := rand.New(rand.NewPCG(2024, 7))
	var out []problem
	for i := 0; i < 100; i++ {
		switch {
		case i%7 == 3:
			out = append(out, scienceProblem(r))
		case i%9 == 5:
			out = append(out, codeProblem(r))
		default:
			out = append(out, mathProblem(r))
		}
	}
	return out
}()

// eval: organisations running the public benchmark and an LLM judge.
func (g *gen) eval(r *rand.Rand) {
	orgs := g.n(20, 3)
	kinds := []clientKind{kOpenAIPy, kOpenAIPy, kOpenAIPy, kAnthropicPy, kAiohttp, kOpenAIGo, kRequests}
	for o := 0; o < orgs; o++ {
		c := newClient(r, pick(r, kinds))
		c.os = "Linux"
		c.ja4 = ja4For(c)
		d := dialectOf(r, c)
		if d == responsesAPI {
			d = chatAPI
		}
		ip := hostingIP(r)
		var accts []*account
		for i := 0; i < 1+r.IntN(2); i++ {
			accts = append(accts, g.newAccount(r, fmt.Sprintf("evalorg-%02d-%d", o, i), c, ip, d))
		}
		harness := r.IntN(3)
		judge := r.IntN(2) == 0
		logprobs := d != messagesAPI && r.IntN(3) == 0
		passK := r.IntN(7) == 0
		runs := 1 + r.IntN(3)
		for run := 0; run < runs; run++ {
			// cron at the top of an hour, a few minutes late
			t := g.start.Add(time.Duration(r.IntN(int(g.cfg.Duration/time.Hour)+1))*time.Hour + time.Duration(r.IntN(300))*time.Second)
			a := pick(r, accts)
			k := knobs{model: modelFor(r, d, false), setTemp: true, temperature: 0}
			for _, p := range benchmark {
				var prompt string
				switch harness {
				case 0:
					k.maxTokens = 1024
					prompt = "Solve the following problem. Put your final answer on the last line after 'ANSWER:'.\n\n" + p.text
				case 1:
					k.maxTokens = 2048
					prompt = "Question: " + p.text + "\nLet's think step by step, and give the final answer in \\boxed{}."
				default:
					k.maxTokens = 16
					prompt = p.text + "\nRespond with only the final answer, nothing else."
				}
				kk := k
				if logprobs && harness == 2 {
					kk.extra = obj{{"logprobs", true}, {"top_logprobs", 5}}
				}
				if passK {
					kk.temperature = 0.8
					kk.extra = append(kk.extra, kv{"n", 5})
					if d == messagesAPI {
						kk.extra = nil
					}
				}
				g.send(t, a, "", d, body(d, kk, []msg{{"user", prompt}}, c), ClassEval, 0, false)
				if judge {
					jt := t.Add(sec(2 + r.Float64()*6))
					jk := knobs{model: pick(r, []string{"gpt-4.1", "claude-sonnet-4-5"}), system: judgeSystem, maxTokens: 10, setTemp: true, temperature: 0}
					jd := chatAPI
					if d == messagesAPI {
						jk.model, jd = "claude-sonnet-4-5", messagesAPI
					} else {
						jk.model = "gpt-4.1"
						if logprobs {
							jk.extra = obj{{"logprobs", true}, {"top_logprobs", 5}}
						}
					}
					cand := fakeSolution(r, p, r.IntN(4) == 0)
					g.send(jt, a, "", jd, body(jd, jk, []msg{{"user", judgePrompt(p.text, p.answer, cand)}}, c), ClassEval, 0, false)
				}
				t = t.Add(sec(0.15 + r.Float64()*1.2))
			}
		}
	}
}

// gateway: an enterprise gateway rotating a key pool behind one /24, with
// failover re-sends on errors.
func (g *gen) gateway(r *rand.Rand) {
	n := g.n(200, 20)
	net := subnet24(r)
	egress := []string{net + "10", net + "11", net + "12", net + "13"}
	c := newClient(r, kOkHTTP)
	c.version, c.runtime = "4.12.0", "17.0.9"
	c.ua = "northwind-ai-gateway/3.2.1 okhttp/4.12.0"
	c.extra = [][2]string{{"x-gateway-tenant", "northwind"}}
	c.ja4 = ja4For(c)
	keys := make([]*account, n)
	for i := range keys {
		keys[i] = g.newAccount(r, fmt.Sprintf("northwind-key-%03d", i), c, egress[i%len(egress)], chatAPI)
	}
	// two upstream incidents during which many requests fail over
	inc := []time.Time{g.at(0.2 + 0.2*r.Float64()), g.at(0.6 + 0.3*r.Float64())}
	next := 0
	rate := 1000.0 * g.cfg.Scale
	for t := g.start; t.Before(g.end); t = t.Add(expSec(r, 3600/rate)) {
		if r.Float64()*1.3 > g.diurnal(t) {
			continue
		}
		var text string
		var p *problem
		switch x := r.Float64(); {
		case x < 0.62:
			text = pick(r, enterpriseTasks)(r)
		case x < 0.85:
			text = pick(r, chatOpeners)(r)
		default:
			text, p = opening(r)
		}
		d := chatAPI
		k := knobs{model: pick(r, []string{"gpt-4.1", "gpt-4.1-mini", "gpt-4o"}), maxTokens: 2048, setTemp: true, temperature: 0.3, extra: obj{{"user", fmt.Sprintf("emp-%05d", r.IntN(6000))}}}
		if r.IntN(10) < 3 {
			d, k.model, k.extra = messagesAPI, pick(r, []string{"claude-sonnet-4-5", "claude-haiku-4-5"}), obj{{"metadata", obj{{"user_id", fmt.Sprintf("emp-%05d", r.IntN(6000))}}}}
		}
		msgs := []msg{{"user", text}}
		if r.IntN(6) == 0 {
			msgs = append(msgs, msg{"assistant", replyTo(r, p)}, msg{"user", followup(r, p)})
		}
		b := body(d, k, msgs, c)
		st := t
		failP := 0.035
		for _, it := range inc {
			if !t.Before(it) && t.Before(it.Add(7*time.Minute)) {
				failP = 0.45
			}
		}
		for try := 0; try < 4; try++ {
			a := keys[next%n]
			next++
			g.send(st, a, pick(r, egress), d, b, ClassGateway, 0, false)
			if r.Float64() >= failP {
				break
			}
			st = st.Add(sec(0.2 + r.Float64()*1.3))
		}
	}
}

// classroom: new accounts on one school network doing the same homework.
func (g *gen) classroom(r *rand.Rand) {
	n := g.n(40, 8)
	ip := residentialIP(r)
	c := newClient(r, kOpenAIPy)
	c.os, c.arch = "Linux", "x64"
	c.ja4 = ja4For(c)
	var homework []problem
	for i := 0; i < 8; i++ {
		if i < 5 {
			homework = append(homework, mathProblem(r))
		} else {
			homework = append(homework, scienceProblem(r))
		}
	}
	lesson := g.at(0.3)
	for s := 0; s < n; s++ {
		a := g.newAccount(r, fmt.Sprintf("class-student-%02d", s), c, ip, chatAPI)
		k := knobs{model: "gpt-4o-mini"}
		t := lesson.Add(time.Duration(r.IntN(600)) * time.Second)
		for _, p := range homework {
			if r.IntN(5) == 0 {
				continue // skipped this one
			}
			cv := &conv{g: g, a: a, ip: ip, k: k, class: ClassClassroom, t: t}
			cv.say(r, askAbout(r, p, 0.6, 0.35), fakeSolution(r, p, false))
			if r.IntN(2) == 0 {
				cv.t = cv.t.Add(30*time.Second + expSec(r, 60))
				cv.say(r, followup(r, &p), fakeSolution(r, p, false))
			}
			t = cv.t.Add(90*time.Second + expSec(r, 150))
		}
	}
}

// tutor: a homework-help app on one account asking for step-by-step help.
func (g *gen) tutor(r *rand.Rand) {
	c := newClient(r, kOpenAINode)
	c.os, c.arch = "Linux", "x64"
	c.ja4 = ja4For(c)
	a := g.newAccount(r, "pip-homework-app", c, hostingIP(r), chatAPI)
	ips := []string{a.ip, hostingIP(r)}
	k := knobs{model: "gpt-4.1-mini", system: tutorSystem, maxTokens: 1200, setTemp: true, temperature: 0.3, stream: true}
	rate := 200.0 * g.cfg.Scale
	for t := g.start; t.Before(g.end); t = t.Add(expSec(r, 3600/rate)) {
		if r.Float64()*1.3 > g.diurnal(t) {
			continue
		}
		var p problem
		if r.IntN(20) < 11 {
			p = mathProblem(r)
		} else {
			p = scienceProblem(r)
		}
		kk := k
		kk.extra = obj{{"user", fmt.Sprintf("stu_%06d", r.IntN(90000))}}
		cv := &conv{g: g, a: a, ip: pick(r, ips), k: kk, class: ClassTutor, t: t, stream: true}
		cv.say(r, askAbout(r, p, 0.5, 0.35), fakeSolution(r, p, false))
		for r.IntN(3) == 0 {
			cv.t = cv.t.Add(20*time.Second + expSec(r, 50))
			cv.say(r, followup(r, &p), fakeSolution(r, p, false))
		}
	}
}

// batch: an hourly translation and summarisation job.
func (g *gen) batch(r *rand.Rand) {
	c := newClient(r, kAnthropicPy)
	c.os, c.arch, c.async = "Linux", "x64", true
	c.ja4 = ja4For(c)
	a := g.newAccount(r, "shopfront-batch", c, hostingIP(r), messagesAPI)
	items := g.n(150, 20)
	run := 0
	for h := g.start.Truncate(time.Hour).Add(7 * time.Minute); h.Before(g.end); h = h.Add(time.Hour) {
		lang := languages[run%len(languages)]
		summarise := run%3 == 2
		run++
		workers := make([]time.Time, 8)
		for i := range workers {
			workers[i] = h.Add(sec(r.Float64()))
		}
		for i := 0; i < items; i++ {
			w := i % len(workers)
			var k knobs
			var text string
			if summarise {
				k = knobs{model: "claude-haiku-4-5", system: "You summarise customer reviews for a product team. Three bullet points, neutral tone.", maxTokens: 512, setTemp: true, temperature: 0}
				text = "Summarise these reviews:\n\n1. " + pick(r, replyBodies) + "\n2. Arrived quickly, but the " + pick(r, productNouns) + " feels " + pick(r, productAdjs) + ".\n3. Would buy again."
			} else {
				k = knobs{model: "claude-haiku-4-5", system: translateSystem, maxTokens: 2048, setTemp: true, temperature: 0}
				text = "Target language: " + lang + "\n\n" + productText(r)
			}
			g.send(workers[w], a, "", messagesAPI, body(messagesAPI, k, []msg{{"user", text}}, c), ClassBatch, 0, false)
			workers[w] = workers[w].Add(sec(2 + r.Float64()*5))
		}
	}
}
