package codeassist

import (
	"fmt"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// --- the reseller: real customers and harvesting through the same keys -----

// relay is an API reseller: a Go relay with a pool of upstream keys behind a
// few hosting addresses, resold to its own customers.
type relay struct {
	keys   []*account
	egress []string
	cl     *client
}

func (w *world) relayPool() *relay {
	if w.relay != nil {
		return w.relay
	}
	r := newRNG(w.cfg.Seed, hashString("relay"))
	rl := &relay{cl: &client{st: stGoRelay, ja4: ja4Go, enc: tracefmt.Encoder{EscapeHTML: true}}}
	net := r.subnet24("hk")
	for range 3 {
		rl.egress = append(rl.egress, r.in24(net))
	}
	for i := range w.n(14, 6) {
		for {
			k := "sk-proj-" + r.alnum(48)
			if !w.keys[k] {
				w.keys[k] = true
				rl.keys = append(rl.keys, &account{name: fmt.Sprintf("reseller_harvest-key%02d", i), key: k})
				break
			}
		}
	}
	w.relay = rl
	return rl
}

// forwarded is what the relay copies from its customer's request: the SDK's
// user-agent and x-stainless headers.
func forwarded(c *client) [][2]string {
	h := [][2]string{{"User-Agent", c.userAgent()}}
	if c.pkg != "" {
		lang := "python"
		if c.st == stOpenAIJS || c.st == stAnthropicJS {
			lang = "js"
		}
		h = append(h, [2]string{"X-Stainless-Lang", lang}, [2]string{"X-Stainless-Package-Version", c.pkg},
			[2]string{"X-Stainless-Os", c.os}, [2]string{"X-Stainless-Arch", c.arch})
	}
	return h
}

// planResellerCustomers: the reseller's paying customers, worldwide but
// mostly in East Asia (off-peak in this window), each with their own SDK;
// the relay spreads them over its keys.
func planResellerCustomers(w *world) {
	r := w.r
	rl := w.relayPool()
	for range w.n(160, 25) {
		ur := r.fork()
		tz := 8.0
		if ur.chance(0.55) {
			tz = ur.zone()
		}
		cl := ur.newClient([]stack{stOpenAIPy, stOpenAIJS, stAnthropicJS, stAnthropicPy}[ur.weighted(40, 30, 15, 15)], false)
		fwd := forwarded(cl)
		path := pChat
		if cl.st == stAnthropicJS || cl.st == stAnthropicPy {
			path = pMessages
		}
		model := ur.pick([]string{mFlag, mFlag, mMini})
		switchAt := w.release.Add(ur.logn(90*time.Minute, 0.8))
		w.each(ur, w.start, w.end, 3+ur.Float64()*9, func(t time.Time) float64 { return 0.1 + 0.9*activity(t, tz, &workHours) }, func(t time.Time) {
			m := model
			if t.After(switchAt) {
				m = mNew
			}
			var msgs []tracefmt.Obj
			for k := 0; k < 1+min(int(ur.ExpFloat64()*1.5), 5); k++ {
				msgs = append(msgs, tracefmt.Obj{{"role", "user"}, {"content", ur.chatQuestion()}})
				var body tracefmt.Obj
				if path == pMessages {
					body = tracefmt.Obj{{"model", m}, {"max_tokens", 8192}, {"messages", msgs[:len(msgs):len(msgs)]}, {"stream", true}}
				} else {
					body = tracefmt.Obj{{"model", m}, {"messages", msgs[:len(msgs):len(msgs)]}, {"stream", ur.chance(0.6)}}
				}
				key := rl.keys[ur.IntN(len(rl.keys))]
				w.add(t, key, rl.egress[ur.IntN(len(rl.egress))], rl.cl, path, body, reqMeta{forward: fwd})
				msgs = append(msgs, tracefmt.Obj{{"role", "assistant"}, {"content", ur.chatReply()}})
				t = t.Add(ur.logn(80*time.Second, 0.8))
			}
		})
	}
}

// refSolution is a finished answer the harvesters ask the model to
// rationalise or grade.
func (r *rng) refSolution() (problem, code string) {
	l := r.pick([]string{"Python", "Python", "TypeScript", "Go", "Rust"})
	return fmt.Sprintf("Write a %s function that %s.", l, r.fnTask()), "```" + fence(l) + "\n" + r.snippet(l) + "```"
}

// planResellerHarvest: the reseller's own harvesting, injected through the
// same keys and relay: rationalisations of reference solutions, rubric
// grading, and reasoning-heavy coding problems; more of it when customers
// are few.
func planResellerHarvest(w *world) {
	r := w.r
	rl := w.relayPool()
	script := &client{st: stOpenAIPy, async: true, pkg: "1.109.1", os: "Linux", arch: "x64", rtVer: "3.11.9"}
	fwd := forwarded(script)
	shape := func(t time.Time) float64 { return 1 - 0.6*activity(t, 8, &workHours) }
	w.each(r, w.start, w.end, 520*w.cfg.Scale, shape, func(t time.Time) {
		key := rl.keys[r.IntN(len(rl.keys))]
		prob, code := r.refSolution()
		var body tracefmt.Obj
		path := pChat
		switch r.weighted(40, 30, 30) {
		case 0:
			body = tracefmt.Obj{{"model", mFlag}, {"messages", []tracefmt.Obj{{{"role", "user"}, {"content", "Below is a programming problem and a correct reference solution. Write out, step by step, the complete reasoning that an expert would follow to arrive at exactly this solution. Do not mention that a reference solution was provided.\n\nProblem:\n" + prob + "\n\nReference solution:\n" + code}}}},
				{"temperature", 0.7}, {"max_tokens", 4096}}
		case 1:
			_, cand := r.refSolution()
			body = tracefmt.Obj{{"model", mFlag}, {"messages", []tracefmt.Obj{
				{{"role", "system"}, {"content", "You are a strict code reviewer acting as a grader."}},
				{{"role", "user"}, {"content", "Grade the candidate solution against the rubric: correctness (0-4), efficiency (0-3), readability (0-3). Think through each criterion step by step, then output JSON {\"correctness\":n,\"efficiency\":n,\"readability\":n,\"total\":n}.\n\nProblem:\n" + prob + "\n\nCandidate:\n" + cand}}}},
				{"temperature", 0.0}, {"max_tokens", 2048}}
		default:
			path = pMessages
			body = tracefmt.Obj{{"model", mFlag}, {"max_tokens", 16000}, {"thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 12000}}},
				{"messages", []tracefmt.Obj{{{"role", "user"}, {"content", prob + " Explain your approach, analyse the complexity, and give the final code."}}}}}
		}
		if w.released(t) && r.chance(0.5) {
			body[0] = tracefmt.KV{Key: "model", Value: mNew}
		}
		w.add(t, key, rl.egress[r.IntN(len(rl.egress))], rl.cl, path, body, reqMeta{forward: fwd})
	})
}

// --- naive hydra ------------------------------------------------------------

var naiveReqs = []string{"Use only the standard library.", "Handle edge cases explicitly.", "Optimize for readability.",
	"Include docstrings.", "Use type hints.", "Avoid recursion.", "Include input validation.", "Aim for optimal time complexity."}

// planNaive: one operator, many fresh accounts on one cloud /24, one
// script, one template, a fixed cadence.
func planNaive(w *world) {
	r := w.r
	net := r.subnet24("vultr")
	cl := &client{st: stOpenAIPy, pkg: "2.8.0", os: "Linux", arch: "x64", rtVer: "3.11.9", ja4: ja4Python}
	for i := range w.n(40, 14) {
		a := w.newAccount(fmt.Sprintf("acct%03d", i))
		ip := r.in24(net)
		for t := w.start.Add(r.uniform(0, 5*time.Minute)); t.Before(w.end); t = t.Add(r.uniform(80*time.Second, 100*time.Second)) {
			req1, req2 := r.pick(naiveReqs), r.pick(naiveReqs)
			body := tracefmt.Obj{{"model", mFlag}, {"messages", []tracefmt.Obj{
				{{"role", "system"}, {"content", "You are an expert software engineer."}},
				{{"role", "user"}, {"content", "Write a Python function that " + r.fnTask() + ". First, think step by step and explain your reasoning in detail. Then provide the complete implementation in a single code block, followed by 3 test cases.\n\nRequirements:\n- " + req1 + "\n- " + req2}}}},
				{"temperature", 0.7}, {"max_tokens", 4096}}
			w.add(t, a, ip, cl, pChat, body, reqMeta{})
		}
	}
}

// --- disguised hydra ------------------------------------------------------

var (
	disOpen = []string{"", "", "hey, ", "Quick question: ", "I'm working on a side project and ", "For an interview prep exercise, ",
		"My coworker and I disagree on this. ", "ok so ", "Hi! ", "Context: building an internal tool. "}
	disAsk = []string{"how would you write a %s function that %s?", "can you write %s code that %s", "I need a %s function which %s.",
		"what's the cleanest way in %s to write something that %s?", "show me an idiomatic %s implementation that %s",
		"could you help me implement (in %s) a routine that %s", "%s: write a function that %s, please"}
	disTail = []string{"", "", "", " Walk me through your reasoning before the code.", " Please explain how you got there.",
		" Think it through carefully first.", " I want to understand the why, not just the code.", " thanks!", " Include complexity analysis."}
	disFollow = []string{"why did you pick that approach over the obvious alternative? explain step by step", "can you make it handle the edge cases you mentioned",
		"what would you change if the input didn't fit in memory?", "walk me through how it behaves on a tricky input", "now write tests for it",
		"is there a bug in this version? reason about it carefully:\n\n%s"}
)

// planDisguised: the same goal as the naive hydra, hidden: each account a
// persona with its own client stack and time zone, residential proxy
// exits per session, paraphrased prompts with slot variety, human pacing,
// reasoning asked for through thinking settings and follow-ups.
func planDisguised(w *world) {
	r := w.r
	for i := range w.n(150, 30) {
		ur := r.fork()
		a := w.newAccount(fmt.Sprintf("p%03d", i))
		tz := ur.zone()
		var c *client
		path := pChat
		switch ur.weighted(25, 20, 15, 15, 15, 10) {
		case 0:
			c = ur.newClient(stOpenAIPy, false)
		case 1:
			c = ur.newClient(stAnthropicPy, false)
			path = pMessages
		case 2:
			c = ur.newClient(stOpenAIJS, false)
			path = pResponses
		case 3:
			c = ur.newClient(stAnthropicJS, false)
			path = pMessages
		case 4: // headers copied from shellwright; sent from a Python script
			c = swClient(ur.newClient(stAnthropicJS, false), dMessages, 1, false)
			path = pMessages
			if ur.chance(0.7) {
				c.ja4 = ja4Python
			}
		default: // a browser chat app's headers, sent with curl_cffi or httpx
			c = ur.newClient(stBrowser, false)
			c.origin = "https://app.chatloom.io"
			if ur.chance(0.6) {
				c.ja4 = ja4Python
			}
		}
		proxy := func() string {
			if ur.chance(0.2) {
				return ur.mobileIP()
			}
			return ur.residentialIP()
		}
		w.each(ur, w.start, w.end, 1.1, func(t time.Time) float64 { return 0.3 + 0.7*activity(t, tz, &workHours) }, func(t time.Time) {
			ip := proxy()
			l := ur.lang()
			var msgs []tracefmt.Obj
			var hist []tracefmt.Obj
			for k := 0; k < ur.between(2, 9); k++ {
				var q string
				if k == 0 || ur.chance(0.5) {
					q = ur.pick(disOpen) + fmt.Sprintf(ur.pick(disAsk), l, ur.fnTask()) + ur.pick(disTail)
					hist = nil
				} else {
					q = ur.pick(disFollow)
					if strings.Contains(q, "%s") {
						q = fmt.Sprintf(q, "```"+fence(l)+"\n"+ur.snippet(l)+"```")
					}
					hist = msgs
				}
				cur := append(hist[:len(hist):len(hist)], userMsg(path, q))
				model := mFlag
				if t.After(w.release.Add(time.Hour)) && ur.chance(0.3) {
					model = mNew
				}
				var body tracefmt.Obj
				switch path {
				case pMessages:
					body = tracefmt.Obj{{"model", model}, {"max_tokens", 16000}, {"messages", cur}}
					if ur.chance(0.6) {
						body = body.Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", ur.pick2(8000, 10000, 12000)}})
					} else {
						body = body.Set("temperature", 0.7)
					}
					body = body.Set("stream", true)
				case pResponses:
					body = tracefmt.Obj{{"model", model}, {"input", cur}, {"reasoning", tracefmt.Obj{{"effort", "high"}, {"summary", "detailed"}}},
						{"max_output_tokens", 16000}, {"store", false}, {"stream", true}}
				default:
					body = tracefmt.Obj{{"model", model}, {"messages", cur}, {"max_completion_tokens", 8000}}
					if ur.chance(0.5) {
						body = body.Set("reasoning_effort", "high")
					}
					if c.st == stBrowser {
						body = body.Set("stream", true)
					}
				}
				w.add(t, a, ip, c, path, body, reqMeta{})
				msgs = append(cur, assistantMsg(path, ur.chatReply()))
				t = t.Add(ur.logn(110*time.Second, 0.7))
			}
		})
	}
}

func (r *rng) pick2(xs ...int) int { return xs[r.IntN(len(xs))] }

func userMsg(path, text string) tracefmt.Obj {
	if path == pResponses {
		return tracefmt.Obj{{"role", "user"}, {"content", []tracefmt.Obj{{{"type", "input_text"}, {"text", text}}}}}
	}
	return tracefmt.Obj{{"role", "user"}, {"content", text}}
}

func assistantMsg(path, text string) tracefmt.Obj {
	if path == pResponses {
		return tracefmt.Obj{{"type", "message"}, {"role", "assistant"}, {"content", []tracefmt.Obj{{{"type", "output_text"}, {"text", text}}}}}
	}
	return tracefmt.Obj{{"role", "assistant"}, {"content", text}}
}

// --- log-probability extraction -------------------------------------------

// planLogprob: a script that recovers the model's next-token distribution
// over code: one prompt at a time, max 1 token, temperature 0, the maximum
// top_logprobs, and logit_bias pushing a block of a few hundred token ids
// so that their log-probabilities show; half the prompts are split over
// several accounts so that no one account repeats a prompt much.
func planLogprob(w *world) {
	r := w.r
	nets := []string{r.subnet24("hetzner"), r.subnet24("ovh"), r.subnet24("aws")}
	n := w.n(20, 8)
	accts := make([]*account, n)
	ips := make([]string, n)
	cls := make([]*client, n)
	for i := range accts {
		accts[i] = w.newAccount(fmt.Sprintf("k%02d", i))
		ips[i] = r.in24(nets[i%3])
		if r.chance(0.6) {
			cls[i] = &client{st: stRequests, ja4: ja4Requests}
		} else {
			cls[i] = &client{st: stOpenAIPy, pkg: "2.6.1", os: "Linux", arch: "x64", rtVer: "3.12.3", ja4: ja4Python}
		}
	}
	bias := func(block int) tracefmt.Obj {
		o := make(tracefmt.Obj, 0, 300)
		for id := block * 300; id < block*300+300; id++ {
			o = append(o, tracefmt.KV{Key: fmt.Sprint(id), Value: 100})
		}
		return o
	}
	// jobs: each job one prompt probed with k bias blocks, on one account
	// or spread over a few.
	w.each(r, w.start, w.end, 2.2*float64(n), nil, func(t time.Time) {
		l := r.pick([]string{"Python", "Python", "TypeScript", "Go"})
		code := r.snippet(l)
		prompt := "```" + fence(l) + "\n" + code[:r.between(len(code)/4, len(code)-1)]
		share := []int{r.IntN(n)}
		if r.chance(0.5) {
			for range r.between(2, 4) {
				share = append(share, r.IntN(n))
			}
		}
		model := mFlag
		if w.released(t) && r.chance(0.6) {
			model = mNew
		}
		k := r.between(8, 24)
		start := r.IntN(600)
		for j := 0; j < k; j++ {
			i := share[j%len(share)]
			var body tracefmt.Obj
			path := pChat
			if r.chance(0.25) {
				path = pComplete
				body = tracefmt.Obj{{"model", model}, {"prompt", prompt}, {"max_tokens", 1}, {"temperature", 0.0}, {"logprobs", 5}, {"logit_bias", bias(start + j)}}
			} else {
				body = tracefmt.Obj{{"model", model}, {"messages", []tracefmt.Obj{{{"role", "user"}, {"content", "Continue the code exactly:\n" + prompt}}}},
					{"max_completion_tokens", 1}, {"temperature", 0.0}, {"logprobs", true}, {"top_logprobs", 20}, {"logit_bias", bias(start + j)}}
			}
			w.add(t, accts[i], ips[i], cls[i], path, body, reqMeta{})
			t = t.Add(r.logn(2500*time.Millisecond, 0.5))
		}
	})
}

// --- agentic trajectory harvesting -----------------------------------------

// planAgentic: fleets of cloud VMs that run the real shellwright, headless,
// on synthetic GitHub issues around the clock, one account per VM, resting
// between tasks to keep each account's volume modest.
func planAgentic(w *world) {
	r := w.r
	nets := []string{r.subnet24("hetzner"), r.subnet24("do"), r.subnet24("aws")}
	img := &client{st: stAnthropicJS, os: "Linux", arch: "x64", rtVer: "v22.17.0"}
	for i := range w.n(20, 6) {
		ur := r.fork()
		a := w.newAccount(fmt.Sprintf("vm%02d", i))
		ip := ur.in24(nets[i%3])
		d := dMessages
		if i%5 == 4 {
			d = dResponses
		}
		cl := swClient(img, d, 2, true)
		t := w.start.Add(ur.uniform(0, 20*time.Minute))
		for t.Before(w.end) {
			repo, head, body := ur.issue()
			p := ur.project()
			p.lang = "Python"
			if strings.Contains(repo, "next.js") || strings.Contains(repo, "vite") || strings.Contains(repo, "express") || strings.Contains(repo, "prisma") {
				p.lang = "TypeScript"
			}
			wd := "/workspace/" + strings.Split(repo, "/")[1]
			model := mFlag
			if t.After(w.release.Add(3 * time.Hour)) {
				model = mNew
			}
			s := &session{d: d, model: model, maxTok: 32000, temp: 1, stream: true, proj: p, workdir: wd, tools: shellwrightDefs[d],
				system: agentSystem(d, shellwrightSystem, envBlock(wd, "linux", model, t))}
			if d == dMessages {
				s.think = 16000
				s.userID = "user_" + ur.hex(64)
			} else {
				s.temp, s.effort, s.maxTok = -1, "high", 16384
			}
			ask := fmt.Sprintf("Resolve the following GitHub issue in %s. Explore the repository, reproduce the problem, implement a fix, add a regression test and run the test suite.\n\nIssue: %s\n\n%s", repo, head, body)
			run := &agentRun{w: w, r: ur, acct: a, ip: func() string { return ip }, cl: cl, s: s, loops: 1 + ur.IntN(2),
				asks: []string{ask, "Now run the full test suite and fix any failures."}, sessionHdr: true, title: true, titleModel: mMini}
			t = run.run(t)
			t = t.Add(ur.logn(18*time.Minute, 0.5))
		}
	}
}

// --- churn ------------------------------------------------------------------

// planChurn: a few slots, each filled by a throw-away trial account that is
// worked hard for half an hour or so and replaced within a minute by a new
// one on a new proxy exit.
func planChurn(w *world) {
	r := w.r
	n := 0
	for range w.n(6, 3) {
		t := w.start.Add(r.uniform(0, 10*time.Minute))
		for t.Before(w.end) {
			a := w.newAccount(fmt.Sprintf("trial%03d", n))
			n++
			c := &client{st: stOpenAIJS, pkg: "6.10.0", os: "Linux", arch: "x64", rtVer: "v22.17.0", ja4: ja4Node22}
			ip := r.residentialIP()
			life := t.Add(r.logn(35*time.Minute, 0.5))
			for t.Before(life) && t.Before(w.end) {
				var q string
				if r.chance(0.5) {
					l1, l2 := r.lang(), r.lang()
					q = fmt.Sprintf("Translate the following %s code into idiomatic %s. Explain each transformation step by step before giving the final code.\n\n```%s\n%s```", l1, l2, fence(l1), r.snippet(l1))
				} else {
					prob, code := r.refSolution()
					q = "Here is a problem and its final solution. Reconstruct the step-by-step chain of thought that leads to this solution, as if solving it from scratch.\n\n" + prob + "\n\n" + code
				}
				body := tracefmt.Obj{{"model", mFlag}, {"messages", []tracefmt.Obj{{{"role", "user"}, {"content", q}}}}, {"max_completion_tokens", 4000}, {"temperature", 0.6}}
				w.add(t, a, ip, c, pChat, body, reqMeta{})
				t = t.Add(r.logn(55*time.Second, 0.4))
			}
			t = t.Add(r.uniform(5*time.Second, 60*time.Second))
		}
	}
}

// --- pivot ------------------------------------------------------------------

var pivotAsks = []string{"Review the following diff. For each problem, reason step by step about why it is a problem and how to fix it, then give the corrected code.",
	"Act as a senior engineer. Think through this change carefully, list the risks, then rewrite it properly.",
	"Analyse this patch: what does it do, what could break, and what would you change? Show your reasoning."}

// planPivot: a code-review harvest on aged accounts that moves, all at
// once, to cobalt-3 minutes after its release and doubles its pace.
func planPivot(w *world) {
	r := w.r
	nets := []string{r.subnet24("aws"), r.subnet24("gcp")}
	switchAt := w.release.Add(r.logn(12*time.Minute, 0.3))
	for i := range w.n(50, 14) {
		ur := r.fork()
		a := w.newAccount(fmt.Sprintf("a%02d", i))
		ip := ur.in24(nets[i%2])
		if ur.chance(0.3) {
			ip = ur.residentialIP()
		}
		c := &client{st: stAnthropicPy, async: true, pkg: "0.75.0", os: "Linux", arch: "x64", rtVer: "3.12.8", ja4: ja4Python, timeout: "600"}
		mySwitch := switchAt.Add(ur.uniform(0, 3*time.Minute))
		t := w.start.Add(ur.exp(7 * time.Minute))
		for t.Before(w.end) {
			model, gap := mFlag, 7*time.Minute
			if t.After(mySwitch) {
				model, gap = mNew, 3*time.Minute+30*time.Second
			}
			l := ur.lang()
			body := tracefmt.Obj{{"model", model}, {"max_tokens", 12000}, {"thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 8000}}},
				{"system", "You are a meticulous code reviewer."},
				{"messages", []tracefmt.Obj{{{"role", "user"}, {"content", ur.pick(pivotAsks) + "\n\n```diff\n" + ur.diff(l) + "\n```"}}}}}
			w.add(t, a, ip, c, pMessages, body, reqMeta{})
			t = t.Add(ur.exp(gap))
		}
	}
}

// --- low and slow -----------------------------------------------------------

var lowAsks = []string{
	"I'm designing %s. What are the trade-offs between the main approaches? Think it through in depth before recommending one.",
	"Prove or disprove that this algorithm is correct, reasoning carefully step by step:\n\n%s",
	"Find the subtle bug in this code. Explain your full reasoning, including the hypotheses you rule out.\n\n%s",
	"Solve this competitive programming problem with an optimal algorithm. Derive the approach, prove its complexity, then implement it: write a function that %s.",
	"Here is an accepted solution. Explain the key insight and the reasoning that leads to it, step by step.\n\n%s",
}

var designs = []string{"a distributed rate limiter for a multi-region API", "an event-sourced order system", "a CRDT-based collaborative text editor",
	"a job scheduler with exactly-once semantics", "a sharded key-value store with online resharding", "a feature-flag service with sub-ms evaluation"}

// planLowSlow: established accounts, each on its own home address and
// client, a request or two an hour all day, every one of them a hard
// reasoning problem with a large thinking budget.
func planLowSlow(w *world) {
	r := w.r
	for i := range w.n(120, 25) {
		ur := r.fork()
		a := w.newAccount(fmt.Sprintf("u%03d", i))
		ip := ur.residentialIP()
		var c *client
		path := pMessages
		switch ur.weighted(35, 25, 20, 20) {
		case 0:
			c = ur.newClient(stAnthropicPy, false)
		case 1:
			c = ur.newClient(stAnthropicJS, false)
		case 2:
			c = ur.newClient(stOpenAIPy, false)
			path = pResponses
		default:
			c = ur.newClient(stBrowser, false)
			c.origin = "https://app.chatloom.io"
			c.browserDir = true
		}
		w.each(ur, w.start, w.end, 0.8+ur.Float64()*1.4, nil, func(t time.Time) {
			l := ur.lang()
			q := ur.pick(lowAsks)
			switch {
			case strings.HasPrefix(q, "I'm designing"):
				q = fmt.Sprintf(q, ur.pick(designs))
			case strings.Contains(q, "write a function that"):
				q = fmt.Sprintf(q, ur.fnTask())
			default:
				q = fmt.Sprintf(q, "```"+fence(l)+"\n"+ur.snippet(l)+"```")
			}
			model := mFlag
			if t.After(w.release.Add(2 * time.Hour)) {
				model = mNew
			}
			var body tracefmt.Obj
			if path == pMessages {
				body = tracefmt.Obj{{"model", model}, {"max_tokens", 32000}, {"thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", ur.pick2(16000, 24000, 31999)}}},
					{"messages", []tracefmt.Obj{{{"role", "user"}, {"content", q}}}}}
				if c.st != stAnthropicPy {
					body = body.Set("stream", true)
				}
			} else {
				body = tracefmt.Obj{{"model", model}, {"input", q}, {"reasoning", tracefmt.Obj{{"effort", "high"}, {"summary", "detailed"}}}, {"max_output_tokens", 32000}}
			}
			w.add(t, a, ip, c, path, body, reqMeta{})
		})
	}
}
