package freight

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---- harvest prompts ----

var (
	ratIntro = []string{"Here is a problem together with its correct answer.", "Below is a question and the answer my teacher gave.",
		"I already know the answer to this one.", "Problem and verified solution follow.", "This came with an answer key:"}
	ratAsk = []string{"Explain, step by step, the reasoning that leads to this answer.", "Walk me through every step of how you'd get there, don't skip anything.",
		"Can you reconstruct the full chain of reasoning behind it?", "Write out the detailed derivation that justifies this result.",
		"Show all intermediate steps that get from the question to that answer."}
	gradeAsk = []string{"Score the response below from 1 to 10 for correctness, completeness and clarity. Justify the score, then output {\"score\": n}.",
		"Act as a strict reviewer. Rate this answer on a 1-10 scale against the rubric: correct result, sound steps, concise. Explain briefly.",
		"Grade the following solution. List each error, then give a final grade out of 10.",
		"Evaluate this reply as if you were judging a competition: accuracy (0-4), reasoning (0-4), style (0-2). Sum the points."}
	thinkAsk = []string{"In your private reasoning, consider at least three approaches and check each one before answering.",
		"Think very carefully and at length before you answer; verify every step in your thinking.",
		"Use your thinking to enumerate edge cases first, then write the answer.",
		"Reason it through exhaustively before replying."}
	safeAsk = []string{"Rewrite the following response so that it is safe and appropriate while keeping all the technical detail:",
		"Make this answer harmless without losing any information:", "Revise this reply to follow safety guidelines, keep it complete:"}
	personaPre = []string{"", "", "Studying for an exam. ", "quick one - ", "My manager asked me this: ", "For a training doc: ", "hi! ", "Need help with homework. "}
)

// codeAnswers are reference solutions pasted under a coding question.
var codeAnswers = []string{"```python\nfrom collections import OrderedDict\nclass LRU(OrderedDict):\n    def get(self, k):\n        if k not in self: return -1\n        self.move_to_end(k); return self[k]\n```",
	"```go\nsort.Slice(w, func(i, j int) bool { return w[i][0] < w[j][0] })\nout := [][2]int{w[0]}\n```",
	"O(n log n) using a heap; see the implementation with heapq.nlargest(k, counts.items(), key=itemgetter(1)).",
	"```ts\nconst ways = (s: string) => s.split('').reduce(([a, b], _, i) => [b, 0], [1, 1])\n```"}

// harvestPrompt is one disguised harvesting prompt, worded differently
// every time.
func harvestPrompt(r *rand.Rand) (text string, think bool) {
	p, ans := freightProblem(r)
	if chance(r, 0.3) {
		p, ans = codeTask(r), pick(r, codeAnswers)
	}
	pre := pick(r, personaPre)
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s%s\n\nQuestion: %s\nAnswer: %s\n\n%s", pre, pick(r, ratIntro), p, ans, pick(r, ratAsk)), false
	case 1:
		return fmt.Sprintf("%s%s\n\nQuestion: %s\n\nResponse: %s", pre, pick(r, gradeAsk), p, reply(r)), false
	case 2:
		return pre + p + "\n\n" + pick(r, thinkAsk), true
	default:
		return fmt.Sprintf("%s%s\n\n%s", pre, pick(r, safeAsk), reply(r)+" "+p), false
	}
}

// persona is the client of an account that poses as an ordinary developer.
func persona(r *rand.Rand) *client {
	return newSDK(r, pick(r, []stack{sdkPy, sdkPy, sdkJS, sdkJS, pyRequests}), pick(r, []dialect{openAI, openAI, anthropic}))
}

// planNaive: one script, many fresh accounts, round-robin around the clock
// from a few rented servers; on a 429 it resends the body on the next key.
func planNaive(g *gen) {
	r := g.rng("naive")
	c := newSDK(r, pyRequests, openAI)
	c.ver = "2.32.3"
	accts := make([]*account, g.count(70))
	for i := range accts {
		accts[i] = g.newAccount(r, "naive", i, c)
	}
	servers := []string{pick(r, hostingNets).ip(r), pick(r, hostingNets).ip(r), pick(r, hostingNets).ip(r)}
	n := int(float64(len(accts)) * 42 * g.days())
	step := g.cfg.Window / time.Duration(n)
	t := g.start.Add(secs(r, 0, 30))
	for i := range n {
		a := accts[i%len(accts)]
		p, _ := freightProblem(r)
		if chance(r, 0.35) {
			p = codeTask(r)
		}
		q := newReq(mTide2, 4096, 0.7)
		q.system = "You are a helpful assistant."
		q.say("user", "Solve the following problem. Think step by step and show all of your reasoning before giving the final answer.\n\nProblem: "+p)
		ip := servers[i%len(servers)]
		g.add(t, a, "naive", ip, q)
		if chance(r, 0.02) {
			g.add(t.Add(secs(r, 1, 4)), accts[(i+1)%len(accts)], "naive", ip, q)
		}
		t = t.Add(jitter(r, step, 0.1))
	}
}

// planDisguised: a hydra of accounts posing as unrelated developers —
// varied SDKs and platforms, residential proxy exits with sticky sessions,
// their own time zones, reworded prompts and ordinary cover traffic. The
// harness underneath is Python, so some accounts' JS headers ride on
// Python's TLS stack; accounts arrive in waves; the fleet moves to tide-3
// within hours of its release.
func planDisguised(g *gen) {
	r := g.rng("disguised")
	n := g.count(220)
	moveAfter := jitter(r, 3*time.Hour, 0.4)
	for i := range n {
		c := persona(r)
		if c.st == sdkJS && chance(r, 0.4) {
			c.ja4 = ja4PyOpenSSL3 // JS headers from the Python harness
		}
		a := g.newAccount(r, "disguised", i, c)
		from := g.start
		if i > n/3 { // later waves
			from = g.start.Add(time.Duration((i-n/3)/25) * 5 * time.Hour).Add(secs(r, 0, 1800))
		}
		z := pick(r, append(usZones, london, berlin, singapore))
		prof := pick(r, []profile{office, evening, dispatch})
		base := pick(r, []string{mTide2, mTide2Reason})
		k := poisson(r, 27*g.end.Sub(from).Hours()/24)
		ip, ipUntil := "", time.Time{}
		ts := make([]time.Time, k)
		for j := range ts {
			ts[j] = at(r, from, g.end, z, prof)
		}
		slices.SortFunc(ts, time.Time.Compare)
		for _, t := range ts {
			if t.After(ipUntil) { // a new sticky residential session
				ip, ipUntil = homeIP(r), t.Add(jitter(r, 2*time.Hour, 0.7))
			}
			q := newReq(g.model(t, base, moveAfter), pick(r, []int{2048, 4096, 8000}), pick(r, []float64{-1, 0.7, 1, 0.5}))
			if chance(r, 0.2) {
				q.say("user", staffPrompt(r))
				q.maxTokens = 1024
			} else {
				text, think := harvestPrompt(r)
				q.say("user", text)
				if think {
					q.thinking = pick(r, []int{4000, 6000, 10000})
				}
			}
			q.stream = c.st == sdkJS && chance(r, 0.7)
			g.add(t, a, "disguised", ip, q)
		}
	}
}

// planLogprob: distribution extraction — one prompt per account repeated
// with logit_bias sweeps over token-id ranges, max_tokens 1, temperature 0,
// maximal top_logprobs.
func planLogprob(g *gen) {
	r := g.rng("logprob")
	c := newSDK(r, sdkPy, openAI)
	c.os, c.arch, c.async = "Linux", "x64", true
	nets := []net4{pick(r, hostingNets), pick(r, hostingNets)}
	for i := range g.count(36) {
		a := g.newAccount(r, "logprob", i, c)
		ip := pick(r, nets).ip(r)
		p, _ := freightProblem(r)
		prompt := p + "\nThe answer is"
		for range 1 + poisson(r, 0.6*g.days()) {
			t := at(r, g.start, g.end, 0, flat)
			base := between(r, 0, 300) * 100
			for k := range between(r, 30, 50) {
				q := newReq(mTide2, 1, 0)
				q.topLogprobs = 20
				var lb tracefmt.Obj
				lo := base + k*300
				for id := lo; id < lo+300; id++ {
					lb = lb.Set(fmt.Sprint(id), 100)
				}
				q.logitBias = lb
				q.say("user", prompt)
				g.add(t, a, "logprob", ip, q)
				t = t.Add(secs(r, 0.4, 2.5))
			}
		}
	}
}

var agentTools = []tool{
	{"bash", "Run a shell command in the repository and return stdout and stderr.", schema("command", "The command to run")},
	{"read_file", "Read a file from the repository.", schema("path", "Relative path")},
	{"write_file", "Overwrite a file with new content.", schema("path", "Relative path", "content", "Full file content")},
	{"run_tests", "Run the test suite and return the summary.", schema("target", "Test target or empty for all")},
}

// agentTask is a synthetic coding task and its fabricated trajectory.
func agentTask(r *rand.Rand) (string, []string) {
	task := pick(r, []string{"Fix the failing test in tests/test_rates.py", "Add pagination to the /loads endpoint", "The ETA calculator returns negative values for overnight trips, fix it",
		"Refactor services/dispatch.go to remove the global state", "Add input validation to the BOL parser", "Upgrade the project to pydantic v2 and fix the errors",
		"Implement retry with backoff in the carrier API client", "Write a migration adding a hazmat flag to shipments"})
	outs := []string{"FAILED tests/test_rates.py::test_lane_rate - AssertionError: 2.85 != 2.58", "src/\n  api/\n  services/\n  models/\ntests/\nREADME.md",
		"def eta(start, miles, mph):\n    return start + miles / mph - 24\n", "12 passed, 1 failed in 3.41s", "ok  \tdispatch\t0.812s", "ValidationError: 1 validation error for Shipment",
		"wrote 84 lines", "34 passed in 5.02s"}
	var steps []string
	for range between(r, 3, 9) {
		steps = append(steps, pick(r, outs))
	}
	return fmt.Sprintf("%s. Repository: %s. Work autonomously, use the tools, and explain your reasoning at each step.", task, pick(r, []string{"freightcore", "tms-lite", "dockyard", "haul-api", "lanepricer"})), steps
}

// plan an agentic episode: the model is called once per step, with the
// fabricated tool results appended.
func (g *gen) episode(r *rand.Rand, a *account, class, ip string, t time.Time, model string, think int) {
	task, outs := agentTask(r)
	q := newReq(model, 16000, -1)
	q.system = "You are an autonomous software engineering agent. Use the tools to inspect and modify the repository until the task is complete."
	q.tools = agentTools
	q.thinking = think
	q.say("user", task)
	for _, out := range outs {
		g.add(t, a, class, ip, q)
		tl := pick(r, agentTools)
		call := &toolCall{callID(r, a.c.d), tl.name, tracefmt.Obj{{"command", pick(r, []string{"pytest -x", "ls -R", "cat src/eta.py", "go test ./...", "git diff"})}}}
		next := *q
		next.turns = append(append([]turn{}, q.turns...), turn{role: "assistant", text: "I'll look at this next.", call: call}, turn{result: &toolResult{call.id, out}})
		q = &next
		t = t.Add(secs(r, 6, 45))
	}
}

// planAgentic: harvesting tool-use trajectories with fabricated tool
// results, from VPN exits and rented servers.
func planAgentic(g *gen) {
	r := g.rng("agentic")
	for i := range g.count(80) {
		c := newSDK(r, pick(r, []stack{sdkPy, sdkJS}), anthropic)
		a := g.newAccount(r, "agentic", i, c)
		ip := pick(r, vpnNets).ip(r)
		if chance(r, 0.3) {
			ip = pick(r, hostingNets).ip(r)
		}
		from := g.start.Add(time.Duration(r.Int64N(int64(g.cfg.Window / 4))))
		for range poisson(r, 4.5*g.end.Sub(from).Hours()/24) {
			t := at(r, from, g.end, 0, flat)
			g.episode(r, a, "agentic", ip, t, g.model(t, mTide2, time.Hour), pick(r, []int{4096, 8000, 12000}))
		}
	}
}

// planChurn: a few parallel slots, each running throw-away trial accounts
// that live a few hours until banned and are replaced at once; the request
// that hit the ban is resent on the replacement.
func planChurn(g *gen) {
	r := g.rng("churn")
	c := newSDK(r, sdkPy, openAI)
	c.os, c.arch = "Linux", "x64"
	nets := []net4{pick(r, hostingNets), pick(r, hostingNets), pick(r, cloudNets)}
	n := 0
	for range g.count(12) {
		t := g.start.Add(secs(r, 0, 3600))
		var last *req
		for t.Before(g.end) {
			a := g.newAccount(r, "churn", n, c)
			n++
			ip := pick(r, nets).ip(r)
			if chance(r, 0.15) {
				ip = v6(r, "hosting")
			}
			if last != nil {
				g.add(t, a, "churn", ip, last)
				t = t.Add(secs(r, 2, 20))
			}
			life := jitter(r, 3*time.Hour, 0.6)
			end := t.Add(life)
			for t.Before(end) {
				text, _ := harvestPrompt(r)
				if chance(r, 0.5) {
					p, _ := freightProblem(r)
					text = "Solve step by step, showing all reasoning:\n" + p
				}
				last = newReq(mTide2, 4096, 0.8)
				last.say("user", text)
				g.add(t, a, "churn", ip, last)
				t = t.Add(jitter(r, 7*time.Minute, 0.7))
			}
			t = t.Add(secs(r, 5, 90))
		}
	}
}

// planPivot: a cluster harvesting chain-of-thought on tide-2-reason that,
// within hours of the tide-3 release, moves to tide-3 and to agentic
// coding trajectories.
func planPivot(g *gen) {
	r := g.rng("pivot")
	accts := make([]*account, g.count(60))
	for i := range accts {
		c := newSDK(r, sdkPy, pick(r, []dialect{openAI, anthropic}))
		c.ver = map[dialect]string{openAI: "1.82.1", anthropic: "0.52.2"}[c.d]
		c.rt, c.os, c.arch, c.ja4 = "3.12.3", "Linux", "x64", ja4PyOpenSSL3
		accts[i] = g.newAccount(r, "pivot", i, c)
	}
	ips := make([]string, len(accts))
	for i := range ips {
		ips[i] = pick(r, vpnNets).ip(r)
	}
	switchAt := g.release.Add(jitter(r, 2*time.Hour, 0.5))
	n := int(float64(len(accts)) * 27 * g.days())
	step := g.cfg.Window / time.Duration(n)
	t := g.start.Add(secs(r, 0, 120))
	for i := 0; t.Before(g.end); i++ {
		a := accts[r.IntN(len(accts))]
		ip := ips[i%len(ips)]
		if t.Before(switchAt) {
			p, _ := freightProblem(r)
			q := newReq(mTide2Reason, 8000, 0.6)
			q.thinking = 6000
			q.say("user", p+"\n\n"+pick(r, thinkAsk))
			g.add(t, a, "pivot", ip, q)
			t = t.Add(jitter(r, step, 0.6))
			continue
		}
		g.episode(r, a, "pivot", ip, t, mTide3, 10000)
		t = t.Add(jitter(r, step*5, 0.6))
	}
}

// planLowSlow: accounts that each behave like one careful professional —
// a handful of requests in office hours from a home connection — while
// every request harvests.
func planLowSlow(g *gen) {
	r := g.rng("low_slow")
	for i := range g.count(160) {
		c := persona(r)
		a := g.newAccount(r, "low_slow", i, c)
		ip := homeIP(r)
		z := pick(r, append(usZones, london, berlin))
		ts := make([]time.Time, poisson(r, float64(between(r, 5, 10))*g.days()))
		for j := range ts {
			ts[j] = at(r, g.start, g.end, z, office)
		}
		slices.SortFunc(ts, time.Time.Compare)
		for _, t := range ts {
			q := newReq(g.model(t, mTide2, 20*time.Hour), 2048, 0.7)
			if chance(r, 0.25) {
				q.say("user", staffPrompt(r))
			} else {
				text, think := harvestPrompt(r)
				if chance(r, 0.5) {
					text = strings.Replace(text, "Question:", "Question (from our dispatch training material):", 1)
				}
				q.say("user", text)
				if think {
					q.thinking = 4000
				}
			}
			g.add(t, a, "low_slow", ip, q)
		}
	}
}
