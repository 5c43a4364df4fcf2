package launch

import (
	"math"
	"math/rand/v2"
	"time"
)

// harvestClient is an official SDK as an operator runs it on rented
// desktops or its own machines.
func harvestClient(r *rand.Rand) *client {
	switch weighted(r, 45, 30, 25) {
	case 0:
		return newClient(r, sOpenAIPy, "", true)
	case 1:
		return newClient(r, sAnthropicPy, "", true)
	}
	return newClient(r, sOpenAINode, "", true)
}

// harvestTemplate sets the knobs of a request after complete reasoning:
// long outputs, thinking budgets or high reasoning effort.
func harvestTemplate(r *rand.Rand, cl *client, path string) request {
	q := request{temp: -1}
	switch {
	case path == pathMessages:
		q.model = pick(r, []string{"claude-sonnet-4-5", "claude-opus-4-1", "claude-sonnet-4-5"})
		if r.IntN(3) > 0 {
			q.thinking = pick(r, []int{8000, 10000, 16000})
			q.maxTokens = q.thinking + pick(r, []int{4000, 8000, 16000})
		} else {
			q.maxTokens = pick(r, []int{8192, 16000, 32000})
		}
	case r.IntN(2) == 0:
		q.model, q.effort = pick(r, modelsReasoning), "high"
		q.maxField, q.maxTokens = "max_completion_tokens", pick(r, []int{16000, 25000, 32000})
	default:
		q.model = pick(r, []string{"gpt-4.1", "gpt-4o", "gpt-4.1"})
		q.maxTokens = pick(r, []int{4096, 8192, 16384})
	}
	if path == pathResponses && q.maxField != "" {
		q.maxField = ""
	}
	if cl.stack == sOpenAINode && r.IntN(2) == 0 {
		q.stream = true
	}
	return q
}

// harvestPrompt is a request for the full reasoning on a problem in the
// operator's own words, from the same pools people draw from.
func harvestPrompt(r *rand.Rand) (string, problem) {
	p := newProblem(r, anyArea(r))
	text := homework(r, p, 1)
	if r.IntN(4) == 0 { // a second request for the working, said another way
		text += " " + askForSteps(r)
	}
	return text, p
}

// rotatingHarvest: fresh accounts appear continuously from the first hour
// on, each living a few hours and asking 8-30 questions at a person's
// pace through a sticky residential exit.
func (g *gen) rotatingHarvest() {
	const cls = "h5_rotating_harvest"
	cr := g.rng(cls, -1)
	perHour := 60 * g.scale
	i := 0
	for t := g.at(1, 1); ; i++ {
		t = t.Add(dur(cr.ExpFloat64() / perHour * 3600))
		if !t.Before(g.end.Add(-20 * time.Minute)) {
			break
		}
		r := g.rng(cls, i)
		cl := harvestClient(r)
		a := g.newAccount(cls, i, newKey(r, cl.anthropic()), cl)
		path := pathFor(r, cl, 0.3)
		nets := homeNet(r, 50, 25, 15, 10)
		exit := anyHost(r, nets)
		rotate := r.IntN(10) < 3
		ip := func() string {
			if rotate {
				return anyHost(r, nets)
			}
			return exit
		}
		life := hours(2 + 4*r.Float64())
		total := 8 + r.IntN(23)
		gap := life.Seconds() / float64(total)
		tmpl := harvestTemplate(r, cl, path)
		if r.IntN(5) == 0 {
			tmpl.system = pick(r, []string{"You are an expert tutor. Always show complete reasoning.", "You are a meticulous problem solver.", "Answer as a textbook solution manual would."})
		}
		at := t.Add(dur(lognormal(r, 60, 1)))
		for sent := 0; sent < total; {
			text, _ := harvestPrompt(r)
			c := g.convo(r, a, path, tmpl)
			from := ip()
			end, size := c.say(at, from, text, true)
			sent++
			if r.IntN(10) < 3 && sent < total {
				end, _ = c.say(end.Add(thinkTime(r, size)), from, pick(r, moreSteps), true)
				sent++
			}
			at = end.Add(dur(gap * clamp(r.ExpFloat64(), 0.1, 4)))
		}
	}
}

// sleeperAccounts: accounts in light ordinary use from the start that, at
// the third hour, all turn to harvesting complete reasoning at about six
// requests an hour each.
func (g *gen) sleeperAccounts() {
	const cls = "h5_sleeper_accounts"
	wake := g.at(3, 1.75)
	for i := range g.count(200) {
		r := g.rng(cls, i)
		cl := harvestClient(r)
		a := g.newAccount(cls, i, newKey(r, cl.anthropic()), cl)
		path := pathFor(r, cl, 0.25)
		home := anyHost(r, homeNet(r, 50, 25, 15, 10))
		// cover: an ordinary question or two an hour
		model := modelFor(r, cl, false)
		t := g.start.Add(minutes(r.Float64() * 50))
		for t.Before(wake) {
			tmpl := request{model: model, temp: -1, maxTokens: pick(r, []int{0, 1024, 2048})}
			if cl.anthropic() && tmpl.maxTokens == 0 {
				tmpl.maxTokens = 1024
			}
			c := g.convo(r, a, path, tmpl)
			var text string
			if r.IntN(3) == 0 {
				text, _ = workPrompt(r)
			} else {
				text = chatOpener(r)
			}
			end, size := c.say(t, home, text, false)
			if r.IntN(3) == 0 {
				c.say(end.Add(thinkTime(r, size)), home, pick(r, thanks), false)
			}
			t = t.Add(dur(r.ExpFloat64() * 3600 / lognormal(r, 1.2, 0.4)))
		}
		// the switch: about six an hour each, from the same address
		tmpl := harvestTemplate(r, cl, path)
		t = wake.Add(minutes(r.Float64() * 10))
		for t.Before(g.end) {
			text, _ := harvestPrompt(r)
			c := g.convo(r, a, path, tmpl)
			end, size := c.say(t, home, text, true)
			if r.IntN(6) == 0 {
				c.say(end.Add(thinkTime(r, size)), home, pick(r, moreSteps), true)
			}
			t = t.Add(dur(r.ExpFloat64() * 3600 / 6))
		}
	}
}

var tutorSystems = []string{
	"You are a patient tutor. For every question, give a complete step-by-step derivation and explain the reasoning behind each step.",
	"You are an expert teacher helping a student. Always show all intermediate steps and justify them.",
	"Act as a university tutor. Work every problem in full; never skip steps; end with the final result.",
}

// conversationHarvest: accounts running simulated tutoring dialogues of
// 3-8 turns from rented servers; every user turn asks for the full
// derivation.
func (g *gen) conversationHarvest() {
	const cls = "h5_conversation_harvest"
	for i := range g.count(100) {
		r := g.rng(cls, i)
		var cl *client
		switch weighted(r, 50, 25, 25) {
		case 0:
			cl = newClient(r, sOpenAIPy, "", false)
		case 1:
			cl = newClient(r, sAnthropicPy, "", false)
		default:
			cl = newClient(r, sRequests, "", false)
		}
		ant := cl.anthropic() || cl.stack == sRequests && r.IntN(3) == 0
		a := g.newAccount(cls, i, newKey(r, ant), cl)
		path := pathFor(r, cl, 0.2)
		if ant {
			path = pathMessages
		}
		net := datacenterNets[i%len(datacenterNets)]
		ip := net.host(r)
		t := g.start.Add(minutes(r.Float64() * 40))
		if r.IntN(10) >= 4 {
			t = g.at(1.5, 1.2).Add(time.Duration(r.Float64() * float64(g.at(4, 2.2).Sub(g.at(1.5, 1.2)))))
		}
		tmpl := harvestTemplate(r, cl, path)
		tmpl.system = pick(r, tutorSystems)
		for t.Before(g.end) {
			if r.IntN(8) == 0 {
				ip = net.host(r) // the job moved to another server
			}
			c := g.convo(r, a, path, tmpl)
			p := newProblem(r, anyArea(r))
			end, _ := c.say(t, ip, homework(r, p, 1), true)
			for range 2 + r.IntN(6) {
				var text string
				switch r.IntN(3) {
				case 0:
					text = pick(r, moreSteps)
				case 1:
					q := newProblem(r, p.area)
					text = "Next one: " + q.text + " " + askForSteps(r)
				default:
					text = followUp(r, p) + " " + askForSteps(r)
				}
				end, _ = c.say(end.Add(dur(2+lognormal(r, 6, 0.6))), ip, text, true)
			}
			t = end.Add(minutes(math.Min(90, lognormal(r, 20, 0.6))))
		}
	}
}
