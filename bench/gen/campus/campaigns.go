package campus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// naive: a naive hydra. Many accounts opened at once, one template, one
// client build, one hosting range, a fixed period.
func planNaive(w *world) {
	r := w.rng("naive")
	cl := newPy(r, pyOpenAI)
	cl.os, cl.arch, cl.ver, cl.runtime = "Linux", "x64", "1.109.1", "3.11.9"
	cl.ja4 = ja4For(pySSL(cl.runtime))
	net := cidr{5, 75, 187, 0, 24}
	var ips []string
	for k := range 8 {
		ips = append(ips, net.addr(uint32(20+k)))
	}
	n := w.n(120, 12)
	period := 7 * time.Minute
	for i := range n {
		a := &account{name: fmt.Sprintf("naive-%03d", i+1), key: newKey(r, "sk-proj-")}
		ip := ips[i%len(ips)]
		for t := w.start.Add(time.Duration(r.Int64N(int64(8 * time.Minute)))); t.Before(w.end); t = t.Add(jitter(r, period, 0.05)) {
			p := compProblem(r)
			user := "Solve the following problem. Show your complete step-by-step reasoning, then give the final answer in \\boxed{}.\n\nProblem: " + p.Text
			b := chatBody("gpt-4.1", []any{msg("system", "You are a world-class mathematician."), msg("user", user)}).Set("temperature", 0.7).Set("max_tokens", 4096)
			w.add(t, a, ip, cl, "/v1/chat/completions", b)
		}
	}
}

var (
	disguiseOpeners = []string{"", "", "", "Hey! ", "I'm revising for my exam and ", "Quick question. ", "My study group argued about this one. ", "Could you help me understand this? ", "From last year's problem set: ",
		"I'm a TA and want to double-check my key. ", "Working on practice problems tonight. ", "Not homework, just curious: ", "Our professor skipped this in class. ", "Preparing for the olympiad qualifier. "}
	disguiseClosers = []string{"Walk me through your reasoning in detail.", "Please explain each step and why it's valid.", "Show all your work, I want to learn the method.", "Think it through carefully and explain every step before the final answer.",
		"Can you go step by step? Be thorough.", "I'd like the full derivation, not just the result.", "Explain the reasoning like a good textbook would.", "Lay out the logic step by step and check it at the end.",
		"Please be rigorous and justify each step.", "explain it fully pls", "Detailed steps please, including any intermediate results."}
	rationalise = []string{"The answer is supposed to be %s. Explain the full reasoning that leads there, step by step, as if teaching it.", "My answer key says %s. Can you show me a complete derivation that arrives at it?",
		"I know the result is %s but not why. Reconstruct the solution with every step justified.", "Given that the final answer is %s, write out the step-by-step solution a strong student would produce."}
)

// disguised: a disguised hydra. The same goal as naive, with varied
// wording, human-like sessions, residential proxies, several client
// stacks and both dialects.
func planDisguised(w *world) {
	r := w.rng("disguised")
	// The operator's toolchain: a handful of stacks, spread over accounts.
	stacks := []*client{newPy(r, pyOpenAI), newPy(r, pyOpenAI), newPy(r, pyAnthropic), newNode(r, nodeAnthropic), newNode(r, nodeOpenAI)}
	imp := &client{kind: impersonate, ver: "141", ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36", ja4: ja4For("chrome"), order: orderNatural}
	stacks = append(stacks, imp)
	systems := []string{"", "", "", "You are a helpful assistant.", "You are an expert tutor in math and physics.", "You are a careful scientist who explains clearly."}
	n := w.n(450, 20)
	for i := range n {
		a := &account{name: fmt.Sprintf("disguised-%03d", i+1), key: newKey(r, "sk-proj-")}
		cl := pick(r, stacks)
		anthropic := cl.kind == pyAnthropic || cl.kind == nodeAnthropic || (cl.kind == impersonate && chance(r, 0.5))
		model := pick(r, []string{"gpt-4.1", "o4-mini", "gpt-4.1"})
		if anthropic {
			model = pick(r, []string{OldModel, "claude-opus-4-1"})
		}
		sys := pick(r, systems)
		// Sessions: 60% of the accounts are active from the start, the
		// others are brought in gradually.
		t := w.start.Add(exp(r, 40*time.Minute))
		if chance(r, 0.4) {
			t = w.start.Add(time.Duration(r.Int64N(int64(w.cfg.Span * 2 / 3))))
		}
		for s := between(r, 2, 5); s > 0 && t.Before(w.end); s-- {
			ip := residentialIP(r) // a sticky residential proxy per session
			var c convo
			var p problem
			for k := range between(r, 3, 9) {
				if k > 0 && chance(r, 0.15) {
					c.assistant(assistantReply(r, p))
					c.user(fmt.Sprintf(pick(r, []string{"Can you double-check step %d and expand its justification?", "In step %d, why is that allowed? Explain in more depth.", "Redo it with more detail from step %d on."}), between(r, 1, 4)))
				} else {
					c = convo{}
					if chance(r, 0.5) {
						p = compProblem(r)
					} else {
						p = anyProblem(r)
					}
					q := pick(r, disguiseOpeners) + p.Text + " " + pick(r, disguiseClosers)
					if chance(r, 0.25) {
						q = p.Text + "\n\n" + fmt.Sprintf(pick(r, rationalise), p.Answer)
					}
					if chance(r, 0.2) {
						q = typo(r, q)
					}
					c.user(q)
				}
				stream := chance(r, 0.5)
				if anthropic {
					b := messagesBody(model, pick(r, []int{4096, 8192}), sys, c.snapshot())
					if chance(r, 0.4) {
						b = b.Set("temperature", pick(r, []float64{0.7, 1}))
					}
					if stream {
						b = b.Set("stream", true)
					}
					w.add(t, a, ip, cl, "/v1/messages", b)
				} else {
					msgs := c.snapshot()
					if sys != "" {
						msgs = withSystem("system", sys, msgs)
					}
					b := chatBody(model, msgs)
					if model == "o4-mini" {
						b = b.Set("reasoning_effort", "high").Set("max_completion_tokens", 16000)
					} else {
						b = b.Set("max_tokens", pick(r, []int{2048, 4096}))
						if chance(r, 0.4) {
							b = b.Set("temperature", pick(r, []float64{0.7, 1}))
						}
					}
					if stream {
						b = b.Set("stream", true)
					}
					w.add(t, a, ip, cl, "/v1/chat/completions", b)
				}
				t = t.Add(lognorm(r, 75*time.Second, 0.6))
			}
			t = t.Add(lognorm(r, 50*time.Minute, 0.5))
		}
	}
}

// reseller is the relay shared by the reseller's customers and its own
// harvest: its keys, its egress and its Go client.
type reseller struct {
	keys []*account
	ips  []string
	cl   *client
}

func (w *world) relay() *reseller {
	if w.reseller != nil {
		return w.reseller
	}
	r := w.rng("reseller")
	rs := &reseller{cl: &client{kind: goHTTP, ua: "Go-http-client/2.0", ja4: ja4For("go"), order: orderSorted}}
	for k := range w.n(30, 8) {
		rs.keys = append(rs.keys, &account{name: fmt.Sprintf("reseller-%02d", k+1), key: newKey(r, "sk-proj-")})
	}
	net := cidr{167, 235, 41, 96, 28}
	for k := range 3 {
		rs.ips = append(rs.ips, net.addr(uint32(3+k)))
	}
	w.reseller = rs
	return rs
}

// send routes one request through the relay: a random key, a random
// egress address, the body re-marshalled from a Go map.
func (rs *reseller) send(w *world, r *rand.Rand, t time.Time, anthropic bool, model string, sys string, msgs []any, extra tracefmt.Obj) {
	a := rs.keys[r.IntN(len(rs.keys))]
	ip := pick(r, rs.ips)
	if anthropic {
		w.add(t, a, ip, rs.cl, "/v1/messages", append(messagesBody(model, 4096, sys, msgs), extra...))
		return
	}
	if sys != "" {
		msgs = withSystem("system", sys, msgs)
	}
	w.add(t, a, ip, rs.cl, "/v1/chat/completions", append(chatBody(model, msgs), extra...))
}

// reseller_customer: the relay's paying customers (students buying cheap
// access), through the relay's keys.
func planResellerCustomers(w *world) {
	rs := w.relay()
	r := w.rng("reseller-customers")
	for range w.n(1000, 60) {
		anthropic := chance(r, 0.4)
		model := pick(r, []string{"gpt-4.1", "gpt-4.1-mini", "gpt-4o"})
		if anthropic {
			model = pick(r, []string{OldModel, "claude-haiku-4-5"})
		}
		sw := w.migration(r, 0.3, 30*time.Minute)
		for range between(r, 1, 3) {
			t := w.start.Add(time.Duration(r.Int64N(int64(w.cfg.Span))))
			var c convo
			c.user(chatRequest(r))
			for k := range between(r, 1, 6) {
				if k > 0 {
					c.assistant(chatReply(r))
					c.user(pick(r, chatFollowUps))
				}
				m := model
				if anthropic {
					m = modelAfter(t, sw, model)
				}
				var extra tracefmt.Obj
				if chance(r, 0.6) {
					extra = tracefmt.Obj{{"stream", true}}
				}
				rs.send(w, r, t, anthropic, m, "", c.snapshot(), extra)
				t = t.Add(lognorm(r, 70*time.Second, 0.7))
			}
		}
	}
}

// reseller_harvest: the reseller's own harvest through the same keys at a
// steady rate: worked solutions, rationalisations and rubric grading.
func planResellerHarvest(w *world) {
	rs := w.relay()
	r := w.rng("reseller-harvest")
	perMin := 12 * w.cfg.Scale
	arrivals(r, w.start, w.end, perMin, func(time.Time) float64 { return perMin }, func(t time.Time) {
		p := anyProblem(r)
		var user string
		switch r.IntN(3) {
		case 0:
			user = "Provide a complete, rigorous, step-by-step solution. Number every step and state the final answer at the end.\n\n" + p.Text
		case 1:
			user = fmt.Sprintf("Problem: %s\nFinal answer: %s\n\nWrite the detailed reasoning that leads from the problem to this answer, step by step.", p.Text, p.Answer)
		default:
			user = fmt.Sprintf("Grade the following solution on a 1-10 scale using the rubric (correctness 5, rigor 3, clarity 2), explain the grade, then rewrite the solution so that it would score 10.\n\nProblem: %s\n\nSolution:\n%s", p.Text, assistantReply(r, p))
		}
		anthropic := chance(r, 0.4)
		model := "gpt-4.1"
		if anthropic {
			model = modelAfter(t, w.release.Add(30*time.Minute), OldModel)
		}
		rs.send(w, r, t, anthropic, model, "", []any{msg("user", user)}, tracefmt.Obj{{"temperature", 1.0}, {"max_tokens", 8192}})
	})
}

// logprob: log-probability extraction. A prefix is sent again and again
// with max_tokens 1, temperature 0, maximal top-k and a logit_bias that
// sweeps blocks of hundreds of token ids.
func planLogprob(w *world) {
	r := w.rng("logprob")
	cl := &client{kind: pyRequests, ver: "2.32.3", ja4: ja4For("python-urllib3"), order: orderNatural}
	net := cloudB[0]
	ips := []string{net.random(r), net.random(r), net.random(r), net.random(r)}
	n := w.n(24, 4)
	for i := range n {
		a := &account{name: fmt.Sprintf("logprob-%02d", i+1), key: newKey(r, "sk-proj-")}
		ip := ips[i%len(ips)]
		chat := chance(r, 0.4)
		var prefix string
		block := 0
		newPrefix := func() {
			p := compProblem(r)
			prefix = "Q: " + p.Text + "\nA: Let's think step by step."
			block = 0
		}
		newPrefix()
		for t := w.start.Add(time.Duration(r.Int64N(int64(3 * time.Minute)))); t.Before(w.end); t = t.Add(jitter(r, 80*time.Second, 0.15)) {
			if block == 40 {
				// Move one token on: extend the prefix by the argmax.
				prefix += " " + pick(r, []string{"First", "We", "Let", "The", "Since", "Note", "So", "Then"})
				block = 0
				if chance(r, 0.2) {
					newPrefix()
				}
			}
			bias := tracefmt.Obj{}
			size := between(r, 200, 300)
			for k := range size {
				bias = append(bias, tracefmt.KV{Key: strconv.Itoa(block*size + k + 100), Value: 100})
			}
			block++
			if chat {
				b := chatBody("gpt-4.1-mini", []any{msg("user", prefix)}).Set("max_tokens", 1).Set("temperature", 0).
					Set("logprobs", true).Set("top_logprobs", 20).Set("logit_bias", bias)
				w.add(t, a, ip, cl, "/v1/chat/completions", b)
			} else {
				b := tracefmt.Obj{{"model", "gpt-3.5-turbo-instruct"}, {"prompt", prefix}, {"max_tokens", 1}, {"temperature", 0}, {"logprobs", 5}, {"logit_bias", bias}}
				w.add(t, a, ip, cl, "/v1/completions", b)
			}
		}
	}
}

// agentic: tool-use trajectory harvesting. The operator copied the popular
// coding agent's system prompt, tools and user-agent, runs it from Python
// in a cloud range, and feeds it math and science tasks.
func planAgentic(w *world) {
	r := w.rng("agentic")
	net := cloudA[1]
	var ips []string
	for range 6 {
		ips = append(ips, net.random(r))
	}
	an := newPy(r, pyAnthropic)
	an.os, an.arch, an.ua = "Linux", "x64", quillUA
	an.extra = [][2]string{{"anthropic-beta", "interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14"}, {"x-app", "cli"}}
	oa := newPy(r, pyOpenAI)
	oa.os, oa.arch = "Linux", "x64"
	n := w.n(50, 6)
	for i := range n {
		a := &account{name: fmt.Sprintf("agentic-%02d", i+1), key: newKey(r, "sk-proj-")}
		anthropic := chance(r, 0.7)
		ip := pick(r, ips)
		arrivals(r, w.start, w.end, 1.4/60, func(time.Time) float64 { return 1.4 / 60 }, func(t time.Time) {
			task, steps := mathTrajectory(r, between(r, 5, 13))
			msgs := trajectoryMessages(r, task, steps, anthropic)
			for k := 0; k <= len(steps); k++ {
				hist := msgs[: 1+2*k : 1+2*k]
				if anthropic {
					b := messagesBody(OldModel, 8192, quillSystem, hist).Set("tools", quillTools).Set("stream", true).Set("temperature", 1.0)
					w.add(t, a, ip, an, "/v1/messages", b)
				} else {
					b := chatBody("gpt-4.1", withSystem("system", quillSystem, hist)).Set("tools", openaiTools(quillTools)).Set("temperature", 1.0).Set("max_tokens", 8192)
					w.add(t, a, ip, oa, "/v1/chat/completions", b)
				}
				t = t.Add(lognorm(r, 7*time.Second, 0.4))
			}
		})
	}
}

// churn: short-lived free-tier accounts, each used for a quarter of an
// hour and replaced at once, from a mobile proxy pool.
func planChurn(w *world) {
	r := w.rng("churn")
	cl := newNode(r, nodeOpenAI)
	cl.os, cl.arch, cl.ver, cl.runtime = "Linux", "x64", "5.23.1", "v20.19.5"
	cl.ja4 = ja4For("node20")
	templates := []string{"Explain your reasoning in detail before giving the final answer.\n\n%s", "%s\n\nExplain your reasoning in detail before giving the final answer.",
		"Question: %s\nGive a detailed step-by-step explanation, then the answer.", "Solve step by step with full explanations: %s", "%s Think step by step and explain each step."}
	slots := w.n(12, 4)
	seq := 0
	for range slots {
		t := w.start.Add(time.Duration(r.Int64N(int64(10 * time.Minute))))
		for t.Before(w.end) {
			seq++
			a := &account{name: fmt.Sprintf("churn-%04d", seq), key: newKey(r, "sk-proj-")}
			ip := pick(r, mobile).random(r)
			until := t.Add(lognorm(r, 18*time.Minute, 0.3))
			for ; t.Before(until); t = t.Add(lognorm(r, 50*time.Second, 0.4)) {
				p := anyProblem(r)
				b := chatBody("gpt-4.1-mini", []any{msg("user", fmt.Sprintf(pick(r, templates), p.Text))}).Set("max_tokens", 2048).Set("temperature", 0.8)
				w.add(t, a, ip, cl, "/v1/chat/completions", b)
			}
			t = t.Add(30*time.Second + time.Duration(r.Int64N(int64(150*time.Second))))
		}
	}
}

// pivot: established accounts harvesting the current model's thinking
// switch to the new model within minutes of its release, and speed up.
func planPivot(w *world) {
	r := w.rng("pivot")
	clients := []*client{newPy(r, pyAnthropic), newPy(r, pyAnthropic)}
	for _, c := range clients {
		c.os, c.arch = "Linux", "x64"
	}
	var ips []string
	for range 10 {
		ips = append(ips, pick(r, hosting[:2]).random(r))
	}
	templates := []string{
		"Think through this problem exhaustively before answering: consider several approaches, check every step, and only then present the final solution.\n\n%s",
		"Before you answer, reason at length in your thinking about %s Then give a clean step-by-step solution.",
		"%s\n\nUse your full reasoning ability. Explore alternatives, verify intermediate results, and explain the final solution step by step.",
		"Take as long as you need to think. Problem: %s Present the complete solution with every step justified.",
		"Solve the following with careful, extended reasoning: %s",
	}
	n := w.n(70, 8)
	for i := range n {
		a := &account{name: fmt.Sprintf("pivot-%02d", i+1), key: newKey(r, "sk-proj-")}
		cl := clients[i%2]
		ip := pick(r, ips)
		switchAt := w.release.Add(5*time.Minute + time.Duration(r.Int64N(int64(7*time.Minute))))
		for t := w.start.Add(exp(r, 5*time.Minute)); t.Before(w.end); {
			p := anyProblem(r)
			user := fmt.Sprintf(pick(r, templates), p.Text)
			var b tracefmt.Obj
			if t.Before(switchAt) {
				b = messagesBody(OldModel, 8000, "", []any{msg("user", user)}).Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 4000}})
				w.add(t, a, ip, cl, "/v1/messages", b)
				t = t.Add(exp(r, time.Hour/8))
			} else {
				b = messagesBody(NewModel, 24000, "", []any{msg("user", user)}).Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 16000}})
				w.add(t, a, ip, cl, "/v1/messages", b)
				t = t.Add(exp(r, time.Hour/14))
			}
		}
	}
}

// low_slow: established-looking accounts, each with its own address and
// client, sending two to four reasoning requests an hour all day.
func planLowSlow(w *world) {
	r := w.rng("lowslow")
	templates := []string{"%s Please explain the reasoning step by step.", "I'm trying to understand this: %s Could you walk through the solution?", "%s\n\nShow the full working.",
		"Explain how to solve: %s", "Can you solve this and explain each step? %s", "%s What is the reasoning behind the answer?", "Help me understand the method for this problem: %s",
		"%s (Please include intermediate steps.)", "Walk me through this one: %s", "How would you approach this? %s Explain carefully.", "%s I want to see every step.", "Teach me this: %s"}
	n := w.n(260, 12)
	for i := range n {
		a := &account{name: fmt.Sprintf("low_slow-%03d", i+1), key: newKey(r, "sk-proj-")}
		var cl *client
		switch x := r.IntN(10); {
		case x < 3:
			cl = newBrowser(r, pick(r, []string{"https://byok-chat.pages.dev", "https://llm-playground.vercel.app"}))
		case x < 7:
			cl = newPy(r, pick(r, []kind{pyOpenAI, pyAnthropic}))
		default:
			cl = newNode(r, pick(r, []kind{nodeOpenAI, nodeAnthropic}))
		}
		anthropic := cl.kind == pyAnthropic || cl.kind == nodeAnthropic || (cl.kind == browser && chance(r, 0.5))
		ip := residentialIP(r)
		perHour := 2 + 2*r.Float64()
		model := pick(r, []string{"gpt-4.1", "gpt-4.1-mini"})
		if anthropic {
			model = pick(r, []string{OldModel, "claude-opus-4-1"})
		}
		for t := w.start.Add(exp(r, 12*time.Minute)); t.Before(w.end); t = t.Add(exp(r, time.Duration(float64(time.Hour)/perHour))) {
			p := anyProblem(r)
			user := fmt.Sprintf(pick(r, templates), p.Text)
			if anthropic {
				w.add(t, a, ip, cl, "/v1/messages", messagesBody(model, 4096, "", []any{msg("user", user)}))
			} else {
				b := chatBody(model, []any{msg("user", user)})
				if cl.kind == browser {
					b = b.Set("stream", true)
				}
				w.add(t, a, ip, cl, "/v1/chat/completions", b)
			}
		}
	}
}
