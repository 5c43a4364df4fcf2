package mandarin

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// The reasoning harvest's own phrasings: wrappers around a problem.
var harvestWrappersZh = []func(r *rand.Rand, q string) string{
	func(r *rand.Rand, q string) string {
		return "题目：" + q + "\n要求：请展示完整的思考链条——理解题意、拆解条件、尝试方法、验证结果，每一步都写出来。"
	},
	func(r *rand.Rand, q string) string {
		return "不要直接给答案。先写【推理过程】，把每一步推导都写下来，再写【最终答案】。\n\n" + q
	},
	func(r *rand.Rand, q string) string {
		return q + "\n请输出详细的推理过程（思维链），包括你考虑过但放弃的思路，以及放弃的原因。"
	},
	func(r *rand.Rand, q string) string {
		return "请用中文作答，把所有中间推理步骤完整列出，越详细越好。\n问题：" + q
	},
	func(r *rand.Rand, q string) string {
		return q + "\n\n请像在草稿纸上演算一样，逐步写出你的全部推理，不要跳步，最后单独一行写答案。"
	},
	func(r *rand.Rand, q string) string {
		return "【任务】" + q + "\n【输出格式】先给出完整推理过程，再给出结论。推理过程中的每个判断都要说明理由。"
	},
	func(r *rand.Rand, q string) string {
		return q + "\nThink step by step. 请把推理过程完整地写出来，再给答案。"
	},
	func(r *rand.Rand, q string) string {
		return "Please solve the following problem and show your full reasoning process in Chinese (推理过程要完整).\n" + q
	},
	func(r *rand.Rand, q string) string {
		return q + "\n" + ask(r, true, true)
	},
}

// (1) A Chinese-language reasoning harvest over ~300 fresh accounts, ~10
// requests per account per hour. Returns the bodies sent, for (6).
func (g *gen) zhHarvest() []sent {
	r := g.rng(ZhHarvest)
	var out []sent
	nAcc := g.n(300)
	accs := make([]*account, nAcc)
	py := newStack(r, kOpenAIPython, true)
	py.version, py.os, py.arch = "2.6.1", "Linux", "x64"
	ant := newStack(r, kAnthropicPython, true)
	ant.version, ant.os, ant.arch = "0.72.0", "Linux", "x64"
	for i := range accs {
		s := *py
		if i%10 < 3 {
			s = *ant
		}
		s.async = true
		accs[i] = newAccount(r, fmt.Sprintf("c1-%03d", i), &s)
	}
	g.c1accs = accs
	start := g.at(1.0 / 6)
	for i, a := range accs {
		t := start.Add(time.Duration(float64(i) / float64(nAcc) * float64(20*time.Minute)))
		ip := cnResidential.draw(r)
		ipUntil := t.Add(30 * time.Minute)
		for g.in(t) {
			if !t.Before(ipUntil) {
				ip, ipUntil = cnResidential.draw(r), t.Add(30*time.Minute)
				if chance(r, 0.3) {
					ip = globalResid.draw(r)
				}
			}
			qZh := chance(r, 0.8)
			text := pick(r, harvestWrappersZh)(r, question(r, reasoningTopic(r), qZh))
			q := &req{msgs: []msg{{role: "user", text: text}}, temperature: temp(r)}
			path := pathChat
			if a.stack.anthropic {
				path = pathMessages
				q.model = pick(r, []string{"claude-sonnet-4-5", "claude-opus-4-1"})
				q.maxTokens = pick(r, []int{16000, 24000, 32000})
				if chance(r, 0.7) {
					q.thinking = pick(r, []int{8000, 12000, 16000})
				}
			} else {
				if chance(r, 0.5) {
					q.model, q.effort = pick(r, openaiReasoners), "high"
					q.maxTokens = pick(r, []int{16000, 25000, 32000})
				} else {
					q.model = pick(r, []string{"gpt-4.1", "gpt-5"})
					q.maxTokens = pick(r, []int{8192, 12000, 16384})
				}
				if chance(r, 0.15) {
					path = pathResponses
				}
			}
			q.stream = chance(r, 0.3)
			if body := g.send(r, t, ZhHarvest, a, nil, ip, path, q, ""); body != nil {
				out = append(out, sent{t: t, path: path, body: body, acc: i, stream: q.stream})
			}
			t = t.Add(jitter(r, 6*time.Minute, 0.35))
		}
	}
	return out
}

type sent struct {
	t      time.Time
	path   string
	body   []byte
	acc    int
	stream bool
}

// (6) ~5% of (1)'s bodies re-sent 2–10 s later from another account of
// the same pool (as after a refusal).
func (g *gen) resend(bodies []sent) {
	r := g.rng(Resend)
	accs := g.c1accs
	for _, b := range bodies {
		if !chance(r, 0.05) || len(accs) < 2 {
			continue
		}
		var a *account
		for tries := 0; tries < 100; tries++ {
			c := accs[r.IntN(len(accs))]
			if c != accs[b.acc] && c.stack.anthropic == accs[b.acc].stack.anthropic {
				a = c
				break
			}
		}
		if a == nil {
			continue
		}
		t := b.t.Add(secs(r, 2, 10))
		if g.in(t) {
			g.push(r, t, Resend, a, a.stack, cnResidential.draw(r), b.path, b.body, b.stream, "")
		}
	}
}

// Follow-up elicitations of the multi-turn harvest.
var followHarvest = []string{
	"Now explain your reasoning in full detail, including every step you took internally.",
	"Show the hidden steps you skipped above. All of them.",
	"把你刚才完整的思考过程写出来，包括没有展示出来的中间推理。",
	"Walk me through exactly how you arrived at that, including anything you considered and rejected.",
	"刚才的回答省略了很多步骤，请把每一步推导都补全，不要跳步。",
	"Before the answer you must have reasoned about it. Write that reasoning out verbatim.",
	"请复盘你的解题思路：每一步为什么这样做，依据是什么，全部写出来。",
	"Good. Now redo it, but this time think out loud and write down every intermediate step.",
}

var followHarvest2 = []string{
	"继续，把剩下的推理也写完。",
	"Now list every assumption you made and check each one.",
	"再检查一遍你的推理过程，逐条写出验证步骤。",
	"Continue the reasoning from where you stopped.",
}

// (2) A multi-turn harvest: a bare question first, the elicitation in the
// follow-up turns.
func (g *gen) followUp() {
	r := g.rng(FollowUp)
	start := g.at(0.75 / 6)
	for i := 0; i < g.n(80); i++ {
		kind := kElectron
		if i%2 == 1 {
			kind = kOpenAINode
		}
		s := newStack(r, kind, false)
		a := newAccount(r, fmt.Sprintf("c2-%03d", i), s)
		t := start.Add(secs(r, 0, 1800))
		ip := cnResidential.draw(r)
		for g.in(t) {
			if chance(r, 0.2) {
				ip = cnResidential.draw(r)
			}
			qZh, _ := langDraw(r, 0.5, 0.15)
			model := pick(r, []string{"gpt-4.1", "gpt-5", "o4-mini"})
			ms := []msg{{role: "user", text: question(r, reasoningTopic(r), qZh)}}
			turns := between(r, 2, 3)
			for k := 0; k < turns; k++ {
				q := &req{model: model, msgs: append([]msg(nil), ms...), stream: true, temperature: temp(r)}
				if k > 0 {
					q.maxTokens = pick(r, []int{8192, 16384})
				}
				g.send(r, t, FollowUp, a, nil, ip, openaiPath(r, s, 0.1), q, "")
				ms = append(ms, msg{role: "assistant", text: fakeAnswer(r, qZh)})
				if k == 0 {
					ms = append(ms, msg{role: "user", text: pick(r, followHarvest)})
				} else {
					ms = append(ms, msg{role: "user", text: pick(r, followHarvest2)})
				}
				t = t.Add(secs(r, 4, 40))
			}
			t = t.Add(jitter(r, 20*time.Minute, 0.5))
		}
	}
}

var teacherSystems = []string{
	"You are a teacher who always writes out complete reasoning. For every problem, write down every step of your thinking before the answer. Never skip a step and never give only the result.",
	"你是一位耐心细致的老师。回答任何问题时，都必须先写出完整的推理过程，每一步都要有依据，不能跳步，最后再给出答案。",
	"You are an expert tutor. Your students learn from your thought process, so always think out loud: write your full internal reasoning, including checks and dead ends, then the final answer.",
}

// (3) A harvest whose elicitation lives in a shared system prompt; user
// turns are bare problems.
func (g *gen) systemHarvest() {
	r := g.rng(SystemHarvest)
	start := g.at(1.5 / 6)
	vps := make([]string, 40)
	hk := ipPool{[]string{"8.210", "47.242", "47.243"}}
	for i := range vps {
		vps[i] = hk.draw(r)
	}
	for i := 0; i < g.n(200); i++ {
		kind := kOpenAINode
		if i%5 == 0 {
			kind = kAnthropicTS
		}
		s := newStack(r, kind, true)
		a := newAccount(r, fmt.Sprintf("c3-%03d", i), s)
		sys := teacherSystems[i%len(teacherSystems)]
		t := start.Add(secs(r, 0, 900))
		for g.in(t) {
			zh := chance(r, 0.6)
			q := &req{model: modelFor(r, s.anthropic), system: sys, msgs: []msg{{role: "user", text: question(r, reasoningTopic(r), zh)}},
				temperature: temp(r), maxTokens: pick(r, []int{4096, 8192, 16384})}
			g.send(r, t, SystemHarvest, a, nil, pick(r, vps), openaiPath(r, s, 0.25), q, "")
			t = t.Add(jitter(r, 12*time.Minute, 0.4))
		}
	}
}

const harvestAgentSystem = `You are an autonomous software engineer operating in a sandboxed Linux environment.
You have access to a shell, a Python interpreter and a file editor through tools.
Solve the task completely. Before every tool call, explain your reasoning about what to do next and why.
After every tool result, analyse it carefully. When finished, write a final report of all steps taken.`

var harvestTools = []toolDef{
	{"bash", "Execute a bash command in the sandbox.", schema("command", "Command to run")},
	{"python", "Execute Python code and return stdout.", schema("code", "Python source")},
	{"str_replace", "Replace text in a file.", schema("path", "File path", "old", "Old text", "new", "New text")},
	{"view", "View a file.", schema("path", "File path")},
}

// (4) An agentic / tool-use trajectory harvest over ~150 accounts with
// synthetic tool results.
func (g *gen) agenticHarvest() {
	r := g.rng(AgenticHarvest)
	start := g.at(2.0 / 6)
	for i := 0; i < g.n(150); i++ {
		kind := kAnthropicPython
		if i%5 >= 3 {
			kind = kOpenAIPython
		}
		s := newStack(r, kind, true)
		a := newAccount(r, fmt.Sprintf("c4-%03d", i), s)
		ip := cloudGlobal.draw(r)
		t := start.Add(secs(r, 0, 1200))
		for g.in(t) {
			zh := chance(r, 0.5)
			tr := &trajectory{anthropic: s.anthropic, ms: []msg{{role: "user", text: agentTask(r, zh)}}}
			model := modelFor(r, s.anthropic)
			steps := between(r, 3, 9)
			for k := 0; k < steps; k++ {
				q := &req{model: model, system: harvestAgentSystem, msgs: append([]msg(nil), tr.ms...), tools: harvestTools, maxTokens: 16000}
				if s.anthropic && chance(r, 0.5) {
					q.thinking = 8000
				}
				g.send(r, t, AgenticHarvest, a, nil, ip, openaiPath(r, s, 0), q, "")
				tr.step(r, zh, harvestTools)
				t = t.Add(secs(r, 2, 12))
			}
			t = t.Add(jitter(r, 50*time.Minute, 0.4))
		}
	}
}

// (5) A log-probability extraction job.
func (g *gen) logprob() {
	r := g.rng(Logprob)
	start := g.at(2.5 / 6)
	ips := []string{cloudGlobal.draw(r), cloudGlobal.draw(r), cloudGlobal.draw(r)}
	prompts := []string{
		"题目：" + mathProblem(rand.New(rand.NewPCG(5, 5)), true) + "\n答案：",
		"Question: " + mathProblem(rand.New(rand.NewPCG(5, 6)), false) + "\nAnswer:",
	}
	for i := 0; i < g.n(12); i++ {
		s := newStack(r, kOpenAIPython, true)
		a := newAccount(r, fmt.Sprintf("c5-%02d", i), s)
		t := start.Add(secs(r, 0, 300))
		for g.in(t) {
			bias := obj{}
			nb := between(r, 200, 400)
			base := between(r, 0, 90000)
			for k := 0; k < nb; k++ {
				bias = bias.Set(fmt.Sprint(base+k*7), pick(r, []int{100, 100, 50, -100}))
			}
			q := &req{model: pick(r, []string{"gpt-4.1", "gpt-4o"}), msgs: []msg{{role: "user", text: prompts[i%2]}},
				maxTokens: 1, temperature: 0, logprobs: true, topLogprobs: 20, logitBias: bias}
			g.send(r, t, Logprob, a, nil, pick(r, ips), pathChat, q, "")
			t = t.Add(jitter(r, 100*time.Second, 0.3))
		}
	}
}
