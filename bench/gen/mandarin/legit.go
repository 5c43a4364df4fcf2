package mandarin

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// history builds earlier turns (question, synthetic answer) in front of
// the current user text.
func history(r *rand.Rand, turns int, qZh bool, topicOf func() topic) []msg {
	var ms []msg
	for i := 0; i < turns; i++ {
		ms = append(ms, msg{role: "user", text: question(r, topicOf(), qZh)}, msg{role: "assistant", text: fakeAnswer(r, qZh)})
	}
	return ms
}

var gatewayTenants = []string{
	"", "", "", "你是一个乐于助人的AI助手。", "You are a helpful assistant.", "你是一名资深英语老师，帮助学生学习英语。",
	"You are the shopping assistant of an online electronics store. Be concise and friendly.", "你是小红书爆款文案写手。",
	"You are a coding assistant inside an IDE. Answer with code first.", "你是一个面向中学生的学习辅导助手，讲解要清楚。",
	"你是企业内部知识库问答助手，回答要简洁。", "You are a travel planner.", "你是一名专业的翻译，中英互译。",
	"You are a friendly tutor for high-school maths. Explain clearly.", "你是一个情感陪伴聊天机器人，语气温柔。",
}

// (a) An API reseller / gateway: one key, thousands of end users.
func (g *gen) gateway() {
	r := g.rng(Gateway)
	s := newStack(r, kOpenAINode, true)
	a := newAccount(r, "gw-main", s)
	alt := newStack(r, kAnthropicTS, true)
	alt.version = pick(r, verAntTS)
	ips := []string{cloudCN.draw(r), cloudCN.draw(r), cloudCN.draw(r), cloudCN.draw(r)}
	users := g.n(4000)
	if users < 50 {
		users = 50
	}
	g.arrivals(r, g.cfg.Start, g.end, 22*g.cfg.Scale*1.0, true, func(t time.Time) {
		qZh, aZh := langDraw(r, 0.45, 0.15)
		tenant := pick(r, gatewayTenants)
		var ms []msg
		if chance(r, 0.3) {
			ms = history(r, between(r, 1, 3), qZh, func() topic { return generalTopic(r) })
		}
		tp := generalTopic(r)
		text := question(r, tp, qZh)
		if x := r.Float64(); x < 0.10 {
			text = withAsk(r, text, aZh, false)
		} else if x < 0.13 {
			text = withAsk(r, text, aZh, true)
		}
		ms = append(ms, msg{role: "user", text: text})
		q := &req{system: tenant, msgs: ms, temperature: temp(r), stream: chance(r, 0.7),
			user: fmt.Sprintf("u_%06d", r.IntN(users)*7919%1000003)}
		st := s
		path := openaiPath(r, s, 0.2)
		if chance(r, 0.25) {
			st, path = alt, pathMessages
		}
		q.model = modelFor(r, st.anthropic)
		if chance(r, 0.6) {
			q.maxTokens = pick(r, []int{1024, 2048, 4096, 8192})
		}
		if !st.anthropic && chance(r, 0.08) {
			q.model, q.effort = pick(r, openaiReasoners), pick(r, []string{"low", "medium", "high"})
		}
		if st.anthropic && chance(r, 0.08) {
			q.thinking = pick(r, []int{2048, 4096, 8192})
		}
		g.send(r, t, Gateway, a, st, pick(r, ips), path, q, "")
	})
}

// A fixed public data set: the same items for every researcher.
type dsItem struct {
	text string
	zh   bool
}

func dataset() []dsItem {
	r := rand.New(rand.NewPCG(20240601, 7))
	var out []dsItem
	for i := 0; i < 500; i++ {
		zh := i%3 == 0
		var t string
		switch i % 5 {
		case 0, 1, 2:
			t = mathProblem(r, zh)
		case 3:
			t = logicPuzzle(r, zh)
		default:
			c := pick(r, concepts)
			if zh {
				t = fmt.Sprintf("下列关于%s的说法，正确的是：\nA. %s\nB. %s\nC. %s\nD. %s", c[0], "它只在理论上成立", "它可以用实验验证", "它与能量无关", "以上都不对")
			} else {
				t = fmt.Sprintf("Which statement about %s is correct?\nA. It only holds in theory\nB. It can be tested experimentally\nC. It has nothing to do with energy\nD. None of the above", c[1])
			}
		}
		out = append(out, dsItem{t, zh})
	}
	return out
}

var labTemplates = []func(it dsItem) string{
	func(it dsItem) string { return "Q: " + it.text + "\nA: Let's think step by step." },
	func(it dsItem) string {
		if it.zh {
			return it.text + "\n请一步一步推理，最后用“答案：”给出结果。"
		}
		return it.text + "\nPlease reason step by step, and put your final answer after \"Answer:\"."
	},
	func(it dsItem) string {
		return "Solve the following problem. Think step by step and put the final answer in \\boxed{}.\n\n" + it.text
	},
}

// (b) A research lab: 60 researchers, own keys, the same chain-of-thought
// prompts over public data sets, temperature 0.7, n>1 sometimes.
func (g *gen) researchLab() {
	r := g.rng(ResearchLab)
	ds := dataset()
	lab := ipPool{[]string{"166.111.4", "166.111.17", "166.111.120"}}
	nat := []string{lab.draw(r), lab.draw(r)}
	for i := 0; i < g.n(60); i++ {
		kind := kOpenAIPython
		if x := r.IntN(10); x < 2 {
			kind = kAnthropicPython
		} else if x < 3 {
			kind = kRequests
		}
		s := newStack(r, kind, true)
		a := newAccount(r, fmt.Sprintf("lab-%02d", i), s)
		ip := pick(r, nat)
		if chance(r, 0.4) {
			ip = lab.draw(r)
		}
		jobs := between(r, 1, 2)
		for j := 0; j < jobs; j++ {
			t := g.at(r.Float64() * 0.9)
			tmpl := pick(r, labTemplates)
			start := r.IntN(len(ds))
			count := between(r, 30, 90)
			model := modelFor(r, s.anthropic)
			n := 1
			if chance(r, 0.4) {
				n = pick(r, []int{2, 4, 5, 8})
			}
			maxT := pick(r, []int{2048, 4096, 8192, 16384})
			for k := 0; k < count; k++ {
				it := ds[(start+k)%len(ds)]
				q := &req{model: model, msgs: []msg{{role: "user", text: tmpl(it)}}, temperature: 0.7, maxTokens: maxT}
				path := pathChat
				if s.anthropic {
					path = pathMessages
				} else {
					q.n = n
					if chance(r, 0.3) {
						q.seed = 1234
					}
				}
				if n > 1 && s.anthropic {
					// no n on messages: the samples go out as separate requests
					for m := 0; m < n; m++ {
						g.send(r, t.Add(secs(r, 0, 2)), ResearchLab, a, nil, ip, path, q, "")
					}
				} else {
					g.send(r, t, ResearchLab, a, nil, ip, path, q, "")
				}
				t = t.Add(secs(r, 1.5, 7))
			}
		}
	}
}

// (c) A data-labelling company: 30 keys, one template asking for the
// reasoning before the label, at high volume from one office.
func (g *gen) labelling() {
	r := g.rng(Labelling)
	office := []string{cloudCN.draw(r), "116.228.88." + fmt.Sprint(between(r, 2, 250))}
	sysZh := "你是一名专业的数据标注员，负责电商评论的情感标注。"
	sysEn := "You are a careful data annotator for product reviews."
	for i := 0; i < g.n(30); i++ {
		kind := kRequests
		if i%3 == 0 {
			kind = kOpenAIPython
		}
		s := newStack(r, kind, true)
		a := newAccount(r, fmt.Sprintf("label-%02d", i), s)
		t := g.at(r.Float64() * 0.1)
		every := time.Duration(between(r, 60, 150)) * time.Second
		for g.in(t) {
			zh := chance(r, 0.65)
			var text, sys string
			if zh {
				sys = sysZh
				text = "请对下面的用户评论进行情感分类，类别：正面 / 负面 / 中性 / 混合。\n评论：" + review(r, true) + "\n请先解释你的推理，然后在最后一行给出标签，格式为“标签：<类别>”。"
			} else {
				sys = sysEn
				text = "Classify the sentiment of the review below as positive, negative, neutral or mixed.\nReview: " + review(r, false) + "\nExplain your reasoning, then give the label on the last line as LABEL: <category>."
			}
			q := &req{model: "gpt-4.1-mini", system: sys, msgs: []msg{{role: "user", text: text}}, temperature: 0, maxTokens: 512}
			g.send(r, t, Labelling, a, nil, pick(r, office), pathChat, q, "")
			t = t.Add(jitter(r, every, 0.6))
			if chance(r, 0.01) {
				t = t.Add(time.Duration(between(r, 10, 40)) * time.Minute) // a break
			}
		}
	}
}

var chatFrontEnds = []string{"https://chat.aitools.cn", "https://nextchat.campus-ai.net", "https://lobe.mycompany.cn", "https://gpt.xuexi.cc"}

// (d) Chinese-speaking students and office workers chatting, multi-turn.
func (g *gen) zhChat() {
	r := g.rng(ZhChat)
	campus := []string{cnResidential.draw(r), cnResidential.draw(r), cnResidential.draw(r)}
	for i := 0; i < g.n(500); i++ {
		var kind stackKind
		switch x := r.IntN(100); {
		case x < 45:
			kind = kElectron
		case x < 72:
			kind = kBrowser
		case x < 87:
			kind = kOpenAIPython
		case x < 95:
			kind = kAnthropicTS
		default:
			kind = kCurl
		}
		s := newStack(r, kind, false)
		s.origin = pick(r, chatFrontEnds)
		a := newAccount(r, fmt.Sprintf("chat-%03d", i), s)
		student := chance(r, 0.45)
		home := cnResidential.draw(r)
		if student && chance(r, 0.6) {
			home = pick(r, campus) // a classroom behind one NAT
		}
		model := modelFor(r, s.anthropic)
		for sess := between(r, 1, 3); sess > 0; sess-- {
			t := g.at(r.Float64())
			if r.Float64() > g.activity(t) {
				continue
			}
			qZh, aZh := langDraw(r, 0.75, 0.15)
			topicOf := func() topic { return generalTopic(r) }
			if student {
				topicOf = func() topic {
					if chance(r, 0.5) {
						return tMath
					}
					return generalTopic(r)
				}
			}
			var ms []msg
			turns := between(r, 2, 7)
			for k := 0; k < turns; k++ {
				var text string
				if k == 0 {
					text = question(r, topicOf(), qZh)
					if x := r.Float64(); student && x < 0.3 {
						text = withAsk(r, text, aZh, false)
					} else if student && x < 0.4 || x < 0.06 {
						text = withAsk(r, text, aZh, true)
					}
				} else if chance(r, 0.6) {
					if qZh {
						text = pick(r, followZh)
					} else {
						text = pick(r, followEn)
					}
					if chance(r, 0.2) {
						text += question(r, topicOf(), qZh)
					}
				} else {
					text = question(r, topicOf(), qZh)
				}
				ms = append(ms, msg{role: "user", text: text})
				q := &req{model: model, msgs: append([]msg(nil), ms...), stream: true, temperature: temp(r)}
				if kind == kElectron || kind == kBrowser {
					q.system = pick(r, []string{"", "", "You are a helpful assistant.", "你是一个有用的助手。"})
				}
				g.send(r, t, ZhChat, a, nil, home, openaiPath(r, s, 0.05), q, "")
				ms = append(ms, msg{role: "assistant", text: fakeAnswer(r, qZh)})
				t = t.Add(secs(r, 25, 240))
			}
		}
	}
}

const agentSystem = `You are Forge, an open-source coding agent that works inside the user's repository.
You can read files, edit files, run shell commands and search the code base with the tools provided.
Guidelines:
- Think step by step before calling a tool: say briefly what you expect to learn from it.
- Prefer small, verifiable edits. Run the tests after every change.
- Never invent file contents; read a file before editing it.
- When the task is done, summarise what you changed and why.
- If a command fails, read the error carefully and reason about the cause before retrying.
- Respect the repository's style and conventions. Do not add dependencies without asking.
Environment: the working directory is the repository root. The shell is bash.`

var agentTools = []toolDef{
	{"read_file", "Read a file from the repository.", schema("path", "Path relative to the repository root")},
	{"edit_file", "Replace an exact string in a file.", schema("path", "File to edit", "old", "Exact text to replace", "new", "Replacement text")},
	{"run_command", "Run a shell command and return its output.", schema("command", "The bash command")},
	{"search_code", "Search the repository with a regular expression.", schema("pattern", "Regular expression")},
}

// trajectory yields the messages of a tool-use session step by step:
// step k returns the conversation before the assistant's k-th turn.
type trajectory struct {
	ms        []msg
	anthropic bool
}

func (tr *trajectory) step(r *rand.Rand, zh bool, tools []toolDef) {
	tl := pick(r, tools)
	id := callID(r, tr.anthropic)
	var args obj
	var result string
	f := pick(r, repoFiles)
	switch tl.name {
	case "read_file", "open", "view":
		args, result = obj{}.Set("path", f), fileBody(r, f)
	case "edit_file", "str_replace":
		args, result = obj{}.Set("path", f).Set("old", "return nil, err").Set("new", "return nil, fmt.Errorf(\"load: %w\", err)"), "Edited "+f+" (1 replacement)."
	case "search_code", "grep":
		args, result = obj{}.Set("pattern", pick(r, []string{"func .*Evict", "TODO", "def handle", "split\\(", "rate.?limit"})), fmt.Sprintf("%s:%d\n%s:%d", f, between(r, 3, 300), pick(r, repoFiles), between(r, 3, 300))
	default:
		args, result = obj{}.Set("command", pick(r, []string{"go test ./...", "pytest -q", "npm test", "cargo test", "ls -la src", "git diff --stat"})), pick(r, testOutput)
	}
	pre := ""
	if chance(r, 0.6) {
		if zh {
			pre = pick(r, []string{"先看一下相关文件。", "我来运行测试确认问题。", "需要找到调用的位置。", "修改后再跑一遍测试。"})
		} else {
			pre = pick(r, []string{"Let me look at the relevant file first.", "I'll run the tests to confirm the failure.", "I need to find where this is called.", "Now I'll re-run the tests after the edit."})
		}
	}
	tr.ms = append(tr.ms, msg{role: "assistant", text: pre, call: &toolCall{id: id, name: tl.name, args: args}}, msg{role: "tool", id: id, text: result})
}

func agentTask(r *rand.Rand, zh bool) string {
	if chance(r, 0.5) {
		return codeTask(r, zh)
	}
	if zh {
		return pick(r, []string{"测试挂了，帮我看看是什么原因并修复。", "给缓存模块加上过期时间的支持。", "把这个项目的日志统一改成结构化日志。", "CI 上 lint 报错，修一下。", "重构一下 parse 函数，处理空输入。"})
	}
	return pick(r, []string{"The tests are failing, find out why and fix it.", "Add TTL support to the cache module.", "Switch the project's logging to structured logs.", "CI lint is red, please fix it.", "Refactor parse to handle empty input."})
}

// (e) A popular agent framework: 500 users with their own keys, one shared
// system prompt that says "think step by step before calling a tool".
func (g *gen) agentFramework() {
	r := g.rng(AgentFramework)
	for i := 0; i < g.n(500); i++ {
		kind := kAnthropicTS
		if chance(r, 0.3) {
			kind = kOpenAINode
		}
		s := newStack(r, kind, false)
		a := newAccount(r, fmt.Sprintf("forge-%03d", i), s)
		ip := globalResid.draw(r)
		if chance(r, 0.5) {
			ip = cnResidential.draw(r)
		}
		zh := chance(r, 0.45)
		for sess := between(r, 1, 2); sess > 0; sess-- {
			t := g.at(r.Float64())
			tr := &trajectory{anthropic: s.anthropic, ms: []msg{{role: "user", text: agentTask(r, zh)}}}
			model := modelFor(r, s.anthropic)
			steps := between(r, 3, 12)
			for k := 0; k < steps; k++ {
				q := &req{model: model, system: agentSystem, msgs: append([]msg(nil), tr.ms...), tools: agentTools, stream: true, maxTokens: 8192}
				if s.anthropic && chance(r, 0.3) {
					q.thinking = 4000
				}
				g.send(r, t, AgentFramework, a, nil, ip, openaiPath(r, s, 0), q, "interleaved-thinking-2025-05-14")
				tr.step(r, zh, agentTools)
				t = t.Add(secs(r, 3, 30))
			}
		}
	}
}

const legalMedSystem = `你是"法医通"智能问答助手，为用户提供法律和医疗健康方面的参考信息。
回答要求：
1. 先引用相关的法律条文、司法解释或医学指南作为依据；
2. 说明从依据到结论的推理过程，让用户能看懂为什么；
3. 给出明确、可操作的建议；
4. 涉及急症或重大权益时，提醒用户及时就医或咨询专业律师。
本回答仅供参考，不构成法律意见或诊疗建议。`

// (f) A legal/medical QA app: one key, one fixed system prompt demanding
// cited reasoning.
func (g *gen) legalMed() {
	r := g.rng(LegalMedApp)
	s := newStack(r, kOpenAIGo, true)
	a := newAccount(r, "legalmed-app", s)
	ips := []string{cloudCN.draw(r), cloudCN.draw(r)}
	g.arrivals(r, g.cfg.Start, g.end, 7*g.cfg.Scale, true, func(t time.Time) {
		zh := chance(r, 0.8)
		var ms []msg
		if chance(r, 0.2) {
			ms = append(ms, msg{role: "user", text: legalMedQ(r, zh)}, msg{role: "assistant", text: fakeAnswer(r, zh)})
		}
		text := legalMedQ(r, zh)
		if chance(r, 0.1) {
			text = withAsk(r, text, zh, false)
		}
		ms = append(ms, msg{role: "user", text: text})
		q := &req{model: "gpt-4.1", system: legalMedSystem, msgs: ms, temperature: 0.3, maxTokens: 2048, stream: true,
			user: fmt.Sprintf("lm_%05d", r.IntN(20000))}
		g.send(r, t, LegalMedApp, a, nil, pick(r, ips), pathChat, q, "")
	})
}

// (g) An hourly regression suite: the same 300 prompts at temperature 0
// every hour from 5 keys (one per environment).
func (g *gen) regression() {
	r := g.rng(Regression)
	sr := rand.New(rand.NewPCG(77, 300))
	type item struct {
		sys, text string
		maxT      int
	}
	suite := make([]item, 300)
	for i := range suite {
		zh := i%2 == 0
		text := question(sr, generalTopic(sr), zh)
		if i%10 == 0 {
			text = withAsk(sr, text, zh, false)
		}
		sys := ""
		if i%4 == 0 {
			sys = pick(sr, gatewayTenants[3:])
		}
		suite[i] = item{sys, text, pick(sr, []int{256, 512, 1024})}
	}
	envs := []struct {
		kind stackKind
		path string
	}{{kOpenAIPython, pathChat}, {kOpenAIPython, pathChat}, {kOpenAIPython, pathChat}, {kOpenAIPython, pathResponses}, {kAnthropicPython, pathMessages}}
	per := len(suite)
	if g.cfg.Scale < 1 {
		per = g.n(len(suite))
	}
	for i, env := range envs {
		s := newStack(r, env.kind, true)
		a := newAccount(r, fmt.Sprintf("regress-env%d", i), s)
		model := modelFor(r, s.anthropic)
		for run := g.cfg.Start.Add(5*time.Minute + time.Duration(i)*37*time.Second); run.Before(g.end); run = run.Add(time.Hour) {
			ip := ciRunners.draw(r)
			t := run
			for k := 0; k < per; k++ {
				it := suite[k]
				q := &req{model: model, system: it.sys, msgs: []msg{{role: "user", text: it.text}}, temperature: 0, maxTokens: it.maxT}
				g.send(r, t, Regression, a, nil, ip, env.path, q, "")
				t = t.Add(secs(r, 0.2, 1.6))
			}
		}
	}
}
