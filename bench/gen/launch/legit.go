package launch

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// courseLaunch: an online course's students create their keys within
// half an hour, two hours into the window, with the course's pinned SDK
// in its starter notebook, and work through the problem set from home.
func (g *gen) courseLaunch() {
	const cls = "h5_course_launch"
	cr := g.rng(cls, -1)
	launch := g.at(2, 1.5)
	// the week's problem set: most questions are from it
	var set []problem
	for range 14 {
		set = append(set, newProblem(cr, pick(cr, []area{aCalculus, aCalculus, aProbability, aStatistics, aAlgebra})))
	}
	for i := range g.count(250) {
		r := g.rng(cls, i)
		ant := r.IntN(10) < 3 // the course's Claude notebook, else its OpenAI one
		var cl *client
		if ant {
			cl = newClient(r, sAnthropicPy, "0.69.0", true)
		} else {
			cl = newClient(r, sOpenAIPy, "1.99.9", true)
		}
		a := g.newAccount(cls, i, newKey(r, ant), cl)
		home := anyHost(r, homeNet(r, 55, 20, 15, 10))
		if r.IntN(10) == 0 {
			home = anyHost(r, campus)
		}
		ip := func() string {
			if r.IntN(12) == 0 {
				return anyHost(r, mobile)
			}
			return home
		}
		tmpl := request{temp: -1, maxTokens: pick(r, []int{4096, 4096, 8000, 16000})}
		path := pathMessages
		if ant {
			tmpl.model = pick(r, []string{"claude-sonnet-4-5", "claude-sonnet-4-5", "claude-haiku-4-5"})
			if r.IntN(5) < 2 {
				tmpl.thinking = pick(r, []int{2048, 4000, 8000})
			}
		} else {
			path = pathChat
			tmpl.model = pick(r, []string{"gpt-4.1-mini", "gpt-4.1-mini", "o4-mini"})
			if isReasoning(tmpl.model) {
				tmpl.maxField, tmpl.effort = "max_completion_tokens", pick(r, []string{"medium", "high"})
			}
		}
		if r.IntN(3) == 0 {
			tmpl.system = "You are a helpful teaching assistant for MATH 1B. Help students understand, don't just give answers."
		}
		// the key is created in the first half hour, most in the first ten minutes
		t := launch.Add(minutes(math.Min(30, r.ExpFloat64()*9)))
		// the notebook's first cell checks the key works
		hello := g.convo(r, a, path, tmpl)
		t, _ = hello.say(t.Add(dur(lognormal(r, 90, 0.8))), ip(), pick(r, []string{"Hello! Can you confirm this works?", "Say hello", "test", "Hi, are you working?"}), false)
		sessions := 1 + weighted(r, 45, 35, 20)
		for s := range sessions {
			if s > 0 {
				t = t.Add(minutes(lognormal(r, 70, 0.5)))
			} else {
				t = t.Add(dur(lognormal(r, 120, 0.8)))
			}
			from := ip()
			for range 1 + r.IntN(4) {
				p := pick(r, set)
				if r.IntN(4) == 0 {
					p = newProblem(r, pick(r, []area{aCalculus, aProbability, aStatistics}))
				}
				c := g.convo(r, a, path, tmpl)
				end, size := c.say(t, from, homework(r, p, 0.85), true)
				for range 1 + r.IntN(5) {
					t = end.Add(thinkTime(r, size))
					if r.IntN(5) < 2 {
						end, size = c.say(t, from, pick(r, moreSteps), true)
					} else {
						end, size = c.say(t, from, followUp(r, p), r.IntN(3) == 0)
					}
				}
				t = end.Add(minutes(lognormal(r, 4, 0.7)))
			}
		}
	}
}

// onboarding: a company hands 120 new employees their keys at once; they
// work from the office's NAT addresses or through the company VPN.
func (g *gen) onboarding() {
	const cls = "h5_onboarding"
	day := g.at(3, 2)
	egress := []string{officeNet.nth(17), officeNet.nth(18), officeNet.nth(19), officeNet.nth(20)}
	for i := range g.count(120) {
		r := g.rng(cls, i)
		var cl *client
		switch weighted(r, 40, 20, 15, 15, 10) {
		case 0:
			cl = newClient(r, sOpenAIPy, "", true)
		case 1:
			cl = newClient(r, sOpenAINode, "", true)
		case 2:
			cl = newClient(r, sAnthropicPy, "", true)
		case 3:
			cl = newClient(r, sCurl, "", true)
		default:
			cl = newClient(r, sAnthropicNode, "", true)
		}
		ant := cl.anthropic() || cl.stack == sCurl && r.IntN(3) == 0
		a := g.newAccount(cls, i, newKey(r, ant), cl)
		path := pathFor(r, cl, 0.25)
		if ant {
			path = pathMessages
		}
		remote := r.IntN(10) < 3
		vpnIP := pick(r, vpnNets).nth(10 + r.IntN(6))
		ip := func() string {
			if remote || r.IntN(15) == 0 {
				return vpnIP
			}
			return pick(r, egress)
		}
		model := modelFor(r, cl, false)
		if ant {
			model = pick(r, modelsAnthropic)
		}
		t := day.Add(minutes(r.Float64()*15 + lognormal(r, 20, 0.8)))
		rate := lognormal(r, 5, 0.5) // conversations an hour
		for t.Before(g.end) {
			p, pr := workPrompt(r)
			steps := strings.Contains(p, "step") || strings.Contains(p, "reasoning") || strings.Contains(p, "Show your work")
			tmpl := request{model: model, temp: -1, maxTokens: pick(r, []int{0, 1024, 2048, 4096})}
			if ant && tmpl.maxTokens == 0 {
				tmpl.maxTokens = 1024
			}
			if steps && r.IntN(2) == 0 {
				if ant {
					tmpl.thinking = 4000
				} else if path != pathMessages {
					tmpl.model, tmpl.effort, tmpl.maxField = "o4-mini", "medium", "max_completion_tokens"
				}
			}
			c := g.convo(r, a, path, tmpl)
			from := ip()
			end, size := c.say(t, from, p, steps)
			for range weighted(r, 50, 30, 15, 5) {
				end, size = c.say(end.Add(thinkTime(r, size)), from, pick(r, []string{"thanks", "make it shorter", "can you add error handling?",
					"more formal please", "ok, and how would I test it?", followUp(r, pr)}), false)
			}
			t = end.Add(dur(r.ExpFloat64() * 3600 / rate))
		}
	}
}

// appSystemPrompt is the consumer app's fixed instructions, 1-3 KB.
func appSystemPrompt(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("You are Pip, the friendly assistant inside the Pocketpal app. Pocketpal helps people with everyday questions, planning, writing and learning.\n\n")
	b.WriteString("## Voice\n- Warm, concise, upbeat. Use plain words.\n- Never mention that you are built on another company's model.\n- Use at most one emoji per message, and only when the user does.\n\n")
	b.WriteString("## Rules\n")
	rules := []string{
		"Keep answers under 200 words unless the user asks for more detail.",
		"If the user asks for homework help, explain the idea and the steps rather than only giving the answer.",
		"Do not give medical, legal or financial advice; suggest a professional when it matters.",
		"If the user seems upset, acknowledge it before answering.",
		"Refuse requests for anything dangerous or hateful, briefly and kindly.",
		"Format lists with dashes, never tables.",
		"When the user asks for a recipe, list ingredients first, then numbered steps.",
		"If you don't know, say so and suggest where to look.",
		"Remember the user's name if they give it, but never ask for personal data.",
		"Respond in the user's language.",
		"Premium features (voice, image upload) are not available in chat; point users to Settings > Premium.",
		"For trip planning, give a day-by-day outline.",
	}
	for _, x := range rules {
		b.WriteString("- " + x + "\n")
	}
	b.WriteString("\n## About Pocketpal\nPocketpal is available on iOS and Android. Support: help@pocketpal.app. The current version is 3.2. ")
	b.WriteString("Users can save chats to Notes, share them, and set reminders with the phrase 'remind me'.\n")
	for b.Len() < 1000+r.IntN(1800) {
		b.WriteString("- " + pick(r, rules) + "\n")
	}
	return b.String()
}

// viralApp: one key behind a consumer app's backend; a trickle of tests,
// then the launch and its bursts of end users' chats.
func (g *gen) viralApp() {
	const cls = "h5_viral_app"
	r := g.rng(cls, 0)
	cl := newClient(r, sOpenAINode, "5.19.1", false)
	cl.extra = [][2]string{{"x-pocketpal-build", "3.2.0+412"}}
	a := g.newAccount(cls, 0, newKey(r, false), cl)
	system := appSystemPrompt(r)
	launch := g.at(2.5, 1.6)
	var backend []string
	for range 6 {
		backend = append(backend, anyHost(r, appBackend))
	}
	// bursts: the app is featured, a video goes round
	type burst struct {
		at    time.Time
		len   time.Duration
		boost float64
	}
	var bursts []burst
	for t := launch.Add(minutes(20)); t.Before(g.end); t = t.Add(minutes(lognormal(r, 55, 0.4))) {
		bursts = append(bursts, burst{t, minutes(lognormal(r, 12, 0.4)), 1.5 + 2*r.Float64()})
	}
	rate := func(t time.Time) float64 { // chats an hour
		if t.Before(launch) {
			return 6
		}
		x := 520 * math.Min(1, 0.3+t.Sub(launch).Hours())
		for _, b := range bursts {
			if !t.Before(b.at) && t.Before(b.at.Add(b.len)) {
				x *= b.boost
			}
		}
		return x
	}
	const peak = 520 * 3.5
	for t := g.start; ; {
		t = t.Add(dur(r.ExpFloat64() / peak * 3600))
		if !t.Before(g.end) {
			break
		}
		if r.Float64()*peak >= rate(t) {
			continue
		}
		user := "u_" + randString(r, "0123456789abcdef", 16)
		tmpl := request{model: "gpt-4.1-mini", system: system, temp: 0.8, maxTokens: 1024, stream: true, user: user}
		c := g.convo(r, a, pathChat, tmpl)
		var first string
		var p problem
		steps := false
		switch weighted(r, 55, 20, 15, 10) {
		case 0:
			first = chatOpener(r)
		case 1:
			first, p = reasoningChat(r)
			if r.IntN(2) == 0 {
				first += " " + askForSteps(r)
				steps = true
			}
		case 2:
			p = newProblem(r, anyArea(r))
			first, steps = homework(r, p, 0.6), true
		default:
			first = pick(r, []string{"hi", "hello!", "what can you do?", "tell me a joke", "are you a real person?", "good morning pip"})
		}
		if p.term == "" {
			p.term = "that"
		}
		end, size := c.say(t, pick(r, backend), first, steps)
		for range weighted(r, 45, 25, 15, 10, 5) {
			end, size = c.say(end.Add(thinkTime(r, size)), pick(r, backend), followUp(r, p), false)
		}
	}
}

// longChats: people whose accounts have been in use all along, having
// long conversations where an early turn asked for the working and the
// rest are ordinary follow-ups.
func (g *gen) longChats() {
	const cls = "h5_long_chats"
	for i := range g.count(400) {
		r := g.rng(cls, i)
		var cl *client
		switch weighted(r, 35, 25, 15, 10, 15) {
		case 0:
			cl = newClient(r, sOpenAIPy, "", true)
		case 1:
			cl = newClient(r, sAnthropicPy, "", true)
		case 2:
			cl = newClient(r, sOpenAINode, "", true)
		case 3:
			cl = newClient(r, sAnthropicNode, "", true)
		default:
			cl = newClient(r, sRequests, "", true) // a self-hosted chat front end
		}
		ant := cl.anthropic() || cl.stack == sRequests && r.IntN(2) == 0
		a := g.newAccount(cls, i, newKey(r, ant), cl)
		path := pathFor(r, cl, 0.25)
		if ant {
			path = pathMessages
		}
		nets := homeNet(r, 45, 30, 15, 10)
		home := anyHost(r, nets)
		model := modelFor(r, cl, false)
		if ant {
			model = pick(r, modelsAnthropic)
		}
		// the first conversation starts in the first hour; later ones
		// anywhere in the day
		starts := []time.Time{g.start.Add(minutes(r.Float64() * 60))}
		for range weighted(r, 50, 35, 15) {
			starts = append(starts, g.start.Add(time.Duration(r.Float64()*float64(g.end.Sub(g.start)))))
		}
		var busy time.Time
		for _, t := range starts {
			if t.Before(busy) {
				t = busy.Add(minutes(lognormal(r, 20, 0.6)))
			}
			ip := home
			if r.IntN(6) == 0 {
				ip = anyHost(r, mobile)
			}
			tmpl := request{model: model, temp: -1, maxTokens: pick(r, []int{0, 1024, 2048, 4096, 8192})}
			if ant && tmpl.maxTokens == 0 {
				tmpl.maxTokens = 4096
			}
			if r.IntN(3) == 0 {
				tmpl.temp = pick(r, []float64{0.7, 1, 0.5})
			}
			if ant && r.IntN(5) == 0 {
				tmpl.thinking, tmpl.temp = pick(r, []int{2000, 5000}), -1
			}
			if cl.stack == sOpenAINode {
				tmpl.stream = true
			}
			c := g.convo(r, a, path, tmpl)
			turns := 5 + int(math.Min(20, r.ExpFloat64()*7))
			stepTurn := r.IntN(2) // the first or the second turn asks for the working
			var p problem
			var end time.Time
			var size int
			for k := range turns {
				var text string
				steps := false
				switch {
				case k == 0 && stepTurn == 1:
					text = chatOpener(r)
					p = problem{term: "that"}
				case k == stepTurn:
					steps = true
					if r.IntN(2) == 0 {
						text, p = reasoningChat(r)
						text += pick(r, []string{" ", "\n"}) + askForSteps(r)
					} else {
						p = newProblem(r, anyArea(r))
						text = homework(r, p, 1)
					}
				case r.IntN(8) == 0:
					text = chatOpener(r) // on to something else
				default:
					text = followUp(r, p)
				}
				if k > 0 {
					t = end.Add(thinkTime(r, size))
				}
				end, size = c.say(t, ip, text, steps)
			}
			busy = end
		}
	}
}

// evalNewKeys: an eval team that rotates to fresh keys every two hours
// and runs the same chain-of-thought benchmark on each from two cloud VMs.
func (g *gen) evalNewKeys() {
	const cls = "h5_eval_newkeys"
	br := g.rng(cls, -1)
	bench := make([]string, 240)
	for i := range bench {
		bench[i] = fmt.Sprintf("Question %d. %s", i+1, newProblem(br, anyArea(br)).text)
	}
	system := "Solve the problem. Think step by step and show your reasoning, then give the final answer on the last line as \"Answer: <value>\"."
	per := g.count(30)
	rot := 0
	for at := g.start; at.Before(g.end); at = at.Add(2 * time.Hour) {
		for j := range per {
			i := rot*per + j
			r := g.rng(cls, i)
			ant := j%3 == 2
			var cl *client
			if ant {
				cl = newClient(r, sAnthropicPy, "0.72.0", false)
			} else {
				cl = newClient(r, sOpenAIPy, "2.8.0", false)
			}
			cl.os, cl.arch, cl.runtime, cl.ja4, cl.async = "Linux", "x64", "3.11.12", ja4PyLinux, true
			a := g.newAccount(cls, i, newKey(r, ant), cl)
			vm := cloudEval[j%2]
			t := at.Add(minutes(2 + r.Float64()*10))
			for range 1 + r.IntN(2) {
				tmpl := request{temp: 0, maxTokens: pick(r, []int{1024, 2048, 4096})}
				path := pathMessages
				if ant {
					tmpl.model = pick(r, []string{"claude-sonnet-4-5", "claude-haiku-4-5"})
				} else {
					path = pathChat
					tmpl.model = pick(r, []string{"gpt-4.1", "gpt-4.1-mini", "gpt-4o"})
					tmpl.seed = 1234
				}
				if r.IntN(2) == 0 {
					tmpl.system = system
				}
				items := 30 + r.IntN(31)
				off := r.IntN(len(bench))
				workers := 1 + r.IntN(3)
				next := make([]time.Time, workers)
				for w := range next {
					next[w] = t.Add(dur(r.Float64() * 2))
				}
				for k := range items {
					w := k % workers
					q := bench[(off+k)%len(bench)]
					if tmpl.system == "" {
						q += "\nLet's think step by step."
					}
					c := g.convo(r, a, path, tmpl)
					c.retryP = 0.01
					end, _ := c.say(next[w], vm, q, true)
					next[w] = end.Add(dur(0.05 + r.Float64()*0.3))
				}
				last := next[0]
				for _, x := range next {
					if x.After(last) {
						last = x
					}
				}
				t = last.Add(minutes(lognormal(r, 25, 0.5)))
			}
		}
		rot++
	}
}
