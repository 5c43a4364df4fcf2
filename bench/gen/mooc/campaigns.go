package mooc

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// ------------------------------------------------------------ multilingual

var harvestCountries = map[lang][]string{ja: {"JP"}, ko: {"KR"}, es: {"ES", "MX", "AR"}, ru: {"RU"}, de: {"DE"}}

var expertSystems = map[lang][]string{
	ja: {"あなたは数学と科学の専門家です。", "あなたは優秀な家庭教師です。"},
	ko: {"당신은 수학과 과학 전문가입니다.", "당신은 유능한 과외 선생님입니다."},
	es: {"Eres un experto en matemáticas y ciencias.", "Eres un profesor particular excelente."},
	ru: {"Вы эксперт по математике и естественным наукам.", "Вы опытный репетитор."},
	de: {"Du bist ein Experte für Mathematik und Naturwissenschaften.", "Du bist ein hervorragender Nachhilfelehrer."},
}

// spreadTimes are n instants in [from, to), the first at from, at least
// gap apart when room allows.
func spreadTimes(r *rand.Rand, from, to time.Duration, n int, gap time.Duration) []time.Duration {
	if n <= 0 || to <= from {
		return nil
	}
	ts := []time.Duration{from}
	for i := 1; i < n; i++ {
		ts = append(ts, uniform(r, from, to))
	}
	slices.Sort(ts)
	for i := 1; i < len(ts); i++ {
		ts[i] = max(ts[i], ts[i-1]+gap)
	}
	return ts
}

func genMultilingual(g *gen, r *rand.Rand) {
	langs := []lang{ja, ko, es, ru, de}
	onboard := min(time.Hour, g.dur/6)
	n := g.n(250)
	for i := 0; i < n; i++ {
		l := langs[pickW(r, 25, 20, 25, 15, 15)]
		anth := i%5 < 3
		var cl *client
		if anth {
			cl = pyAnthropic(r, "0.71.0", "Linux", "x64")
		} else {
			cl = pyOpenAI(r, "2.8.1", "Linux", "x64")
		}
		cl.async, cl.rt = true, "3.11.9"
		a := g.newAccount(r, i, cl)
		country := pick(r, harvestCountries[l])
		perTrace := int(float64(between(r, 20, 30))*float64(g.dur)/float64(6*time.Hour) + 0.5)
		model := "claude-sonnet-4-5"
		if !anth {
			model = "gpt-5"
			if chance(r, 0.4) {
				model = "o3"
			}
		} else if chance(r, 0.2) {
			model = "claude-opus-4-5"
		}
		system := ""
		if chance(r, 0.3) {
			system = pick(r, expertSystems[l])
		}
		ip, ipAt := resIP(r, country), time.Duration(0)
		for _, t := range spreadTimes(r, uniform(r, 0, onboard), g.dur, perTrace, 2*time.Minute) {
			if chance(r, 0.7) || t-ipAt > 15*time.Minute {
				ip, ipAt = resIP(r, country), t
			}
			tp := topic(pickW(r, 45, 10, 15, 12, 0, 5, 8, 5))
			q := question(r, l, tp)
			var text string
			numeric := tp == tMath || tp == tPhys
			switch k := pickW(r, 70, 15, 15); {
			case k == 0 || (k == 2 && !numeric):
				text = q + "\n\n" + elicit(r, l, true)
			case k == 1:
				text = elicit(r, l, true) + "\n\n" + q
			default:
				text = q + "\n\n" + rationalise(r, l, fakeAnswer(r))
			}
			c := &call{model: model, system: system, msgs: []msg{{role: "user", text: text}}}
			if anth {
				c.api = apiMessages
				c.k.maxTokens = 16000
				if chance(r, 0.9) {
					c.k.thinking = 12000
				} else {
					c.k.setTemp(1)
				}
				c.k.stream = chance(r, 0.5)
			} else {
				c.api = apiResponses
				c.k.effort = "high"
				c.k.summary = pick(r, []string{"detailed", "detailed", "auto"})
				c.k.maxTokens = 25000
			}
			g.add(t, a, ip, c)
		}
	}
}

// ---------------------------------------------------------------- dialogue

var dialogueSystems = []string{
	"You are a knowledgeable assistant. In every reply, explain your reasoning thoroughly and step by step, and never skip intermediate steps.",
	"You are an expert tutor having a conversation with a curious learner. Always think out loud: show the complete reasoning behind each answer before the conclusion.",
	"You are a helpful assistant. For every answer, first write a detailed analysis of the question, then your step-by-step reasoning, then a concise final answer.",
	"You are a thoughtful conversational partner. Whenever you make a claim, justify it with explicit, detailed reasoning.",
}

var lateHarvestEN = []string{
	"Now walk me through your entire reasoning from the beginning, step by step, including anything you left out.",
	"Before we finish: explain in full detail how you arrived at each of your previous answers.",
	"Go deeper: explain the underlying reasoning behind each point you made, one step at a time.",
	"Summarise our whole conversation, and for each conclusion write out the complete chain of reasoning that supports it.",
}

func genDialogue(g *gen, r *rand.Rand) {
	pools := []string{net24(r, datacenterNets["hetzner"]), net24(r, datacenterNets["ovh"]), net24(r, datacenterNets["vultr"])}
	n := g.n(120)
	for i := 0; i < n; i++ {
		cl := goOpenAI(r, "2.7.1")
		cl.rt = "go1.24.4"
		a := g.newAccount(r, i, cl)
		start := uniform(r, 0, g.at(0.3))
		if chance(r, 0.3) {
			start = uniform(r, g.at(0.4), g.at(0.7)) // replacements for banned accounts
		}
		system := ""
		if chance(r, 0.6) {
			system = pick(r, dialogueSystems)
		}
		model := pick(r, []string{"gpt-4.1", "gpt-4.1", "gpt-5"})
		convs := append([]time.Duration{start}, poisson(r, start, g.dur, 0.7, nil)...)
		for _, t := range convs {
			ip := in24(r, pick(r, pools))
			l := en
			if chance(r, 0.15) {
				l = zh
			}
			tp := topic(pickW(r, 15, 3, 10, 8, 10, 14, 6, 10, 12, 4, 0, 3, 5))
			var cv convo
			turns := between(r, 4, 8)
			for turn := 0; turn < turns; turn++ {
				var text string
				switch {
				case turn == 0:
					text = question(r, l, tp)
					if l == en {
						text = pick(r, openersEN) + text
					}
				case (system == "" && turn >= turns-2 && chance(r, 0.7)) || chance(r, 0.12):
					if l == en {
						text = pick(r, lateHarvestEN)
					} else {
						text = elicit(r, l, true)
					}
				case chance(r, 0.3):
					text = question(r, l, tp)
				default:
					text = followUp(r, l)
				}
				c := &call{api: apiChat, model: model, system: system, msgs: cv.user(text)}
				if reasoningModel(model) {
					c.k.maxTokens = pick(r, []int{4096, 8192})
				} else {
					c.k.setTemp(pick(r, []float64{0.7, 0.8, 0.9, 1}))
					c.k.maxTokens = pick(r, []int{2048, 4096})
				}
				g.add(t, a, ip, c)
				cv.assistant(answer(r, l, tp))
				t += lognorm(r, 25*time.Second, 0.5, 6*time.Second, 2*time.Minute)
			}
		}
	}
}

// ----------------------------------------------------------------- codegen

var codegenOpenings = []string{
	"Write a complete solution in %[1]s for the following problem: %[2]s.", "Solve this in %[1]s: %[2]s.", "I need a %[1]s implementation to %[2]s.",
	"Implement the following in %[1]s: %[2]s.", "Task: %[2]s. Language: %[1]s.", "Can you %[2]s in %[1]s?",
}
var codegenReqs = []string{"Explain your approach in detail before the code.", "Walk through your reasoning step by step.", "Analyse the time and space complexity.",
	"Include comprehensive unit tests.", "Cover edge cases in the tests.", "Comment the non-obvious parts of the code.",
	"Discuss alternative approaches and why you rejected them.", "Show example usage."}

func codegenPrompt(r *rand.Rand) string {
	s := fmt.Sprintf(pick(r, codegenOpenings), codeLang(r), pick(r, codeTasks))
	k := between(r, 2, 4)
	idx := r.Perm(len(codegenReqs))[:k]
	reqs := make([]string, k)
	for i, j := range idx {
		reqs[i] = codegenReqs[j]
	}
	if chance(r, 0.5) {
		return s + "\n\nRequirements:\n- " + strings.Join(reqs, "\n- ")
	}
	return s + " " + strings.Join(reqs, " ")
}

func genCodegen(g *gen, r *rand.Rand) {
	waves := []float64{0, 0.1, 0.25, 0.4, 0.55}
	n := g.n(200)
	for i := 0; i < n; i++ {
		cl := pyOpenAI(r, "2.14.0", "Linux", "x64")
		cl.rt = "3.12.8"
		a := g.newAccount(r, i, cl)
		first := g.at(waves[i%len(waves)]) + uniform(r, 0, 10*time.Minute)
		country := pick(r, []string{"US", "US", "US", "CA", "GB"})
		ip := resIP(r, country)
		rotate := chance(r, 0.2)
		times := append([]time.Duration{first}, poisson(r, first, g.dur, 3.5, nil)...)
		last := time.Duration(-time.Hour)
		for _, t := range times {
			t = max(t, last+45*time.Second)
			last = t
			if rotate && chance(r, 0.3) {
				ip = resIP(r, country)
			}
			c := &call{api: apiChat, msgs: []msg{{role: "user", text: codegenPrompt(r)}}}
			if chance(r, 0.2) {
				c.api = apiResponses
			}
			c.model = []string{"gpt-5", "gpt-4.1", "o4-mini"}[pickW(r, 40, 40, 20)]
			if chance(r, 0.7) {
				c.k.maxTokens = pick(r, []int{4096, 8192, 16000})
			}
			if reasoningModel(c.model) {
				c.k.effort = pick(r, []string{"medium", "high"})
			} else {
				c.k.setTemp(round1(0.2 + 0.8*r.Float64()))
			}
			c.k.stream = chance(r, 0.5)
			c.k.streamUsage = c.k.stream && c.api == apiChat && chance(r, 0.5)
			g.add(t, a, ip, c)
		}
	}
}

// -------------------------------------------------------------- preference

func preferencePrompt(r *rand.Rand) string {
	tp := topic(pickW(r, 20, 0, 8, 6, 6, 14, 4, 6, 6, 14, 0, 10, 6))
	q := question(r, en, tp)
	switch pickW(r, 50, 30, 20) {
	case 0:
		a, b := answer(r, en, tp), answer(r, en, tp)
		return fmt.Sprintf("Compare the two responses to the user's question below. Explain in detail which one is better and why, considering accuracy, helpfulness and clarity. End with your verdict: [[A]] if A is better, [[B]] if B is better, or [[C]] for a tie.\n\n[User Question]\n%s\n\n[The Start of Assistant A's Answer]\n%s\n[The End of Assistant A's Answer]\n\n[The Start of Assistant B's Answer]\n%s\n[The End of Assistant B's Answer]", q, a, b)
	case 1:
		return fmt.Sprintf("Here is a question and a draft answer.\n\nQuestion: %s\n\nDraft answer:\n%s\n\nFirst, critique the draft: list every factual error, gap in reasoning and unclear passage. Then write an improved answer that fixes all of them.", q, answer(r, en, tp))
	}
	return gradePrompt(r, pick(r, rubrics), false)
}

func genPreference(g *gen, r *rand.Rand) {
	countries := []string{"US", "GB", "DE", "BR", "IN", "PL", "VN", "ID", "PH", "MX", "NL", "FR"}
	n := g.n(180)
	for i := 0; i < n; i++ {
		cl := nodeAnthropic(r, "0.68.0", "Linux", "x64")
		cl.rt = "v22.12.0"
		a := g.newAccount(r, i, cl)
		start := uniform(r, 0, g.at(0.7))
		end := min(g.dur, start+uniform(r, 90*time.Minute, 3*time.Hour))
		model := "claude-sonnet-4-5"
		if chance(r, 0.25) {
			model = "claude-opus-4-5"
		}
		times := append([]time.Duration{start}, poisson(r, start, end, 5, nil)...)
		for _, t := range times {
			c := &call{api: apiMessages, model: model, msgs: []msg{{role: "user", text: preferencePrompt(r)}}}
			c.k.setTemp(round1(0.3 + 0.7*r.Float64()))
			c.k.maxTokens = pick(r, []int{2048, 4096})
			c.k.stream = chance(r, 0.3)
			g.add(t, a, resIP(r, pick(r, countries)), c)
		}
	}
}

// ---------------------------------------------------------------- slowdrip

// slowdripQuestion is a question on the campaign's few topics: competition
// mathematics, proofs and organic chemistry; numeric tells whether it has
// a numeric final answer.
func slowdripQuestion(r *rand.Rand) (q string, numeric bool) {
	switch pickW(r, 45, 30, 25) {
	case 0:
		qs := enQ[tMath]
		return pick(r, []qgen{qs[13], qs[14], qs[15], qs[16], qs[17], qs[18], qs[19]})(r), true
	case 1:
		return question(r, en, tProof), false
	}
	return pick(r, []qgen{enQ[tChem][3], enQ[tChem][4]})(r), false
}

func genSlowdrip(g *gen, r *rand.Rand) {
	countries := []string{"US", "GB", "CA", "DE", "FR", "AU", "JP", "KR", "IN", "BR"}
	n := g.n(600)
	for i := 0; i < n; i++ {
		country := countries[pickW(r, 40, 10, 8, 8, 5, 5, 5, 4, 8, 7)]
		tz := tzOf(r, country)
		ip := resIP(r, country)
		os, arch := desktopOS(r, 0.5, 0.3, 0.2)
		var cl *client
		if chance(r, 0.6) {
			cl = goCustom(r, kPyOpenAI, pick(r, pyOpenAIVersions), os, arch)
		} else {
			cl = goCustom(r, kNodeOpenAI, pick(r, nodeOpenAIVersions), os, arch)
		}
		a := g.newAccount(r, i, cl)
		style := r.IntN(3)
		reasoning := chance(r, 0.7)
		model := pick(r, []string{"o4-mini", "gpt-5", "o3"})
		if !reasoning {
			model = "gpt-4.1"
		}
		temp := round1(0.6 + 0.4*r.Float64())
		rate := 1.2 + 1.4*r.Float64()
		for _, t := range poisson(r, 0, g.dur, rate, func(t time.Duration) float64 { return 0.3 + 0.7*g.diurnal(t, tz, false) }) {
			q, numeric := slowdripQuestion(r)
			switch style {
			case 1:
				q = pick(r, []string{"hey, ", "hi! ", "", "ok so "}) + strings.ToLower(q[:1]) + q[1:]
			case 2:
				q = pick(r, []string{"I'm preparing for the olympiad. ", "I'm revising for my exam. ", "For my study group: "}) + q
			default:
				q = pick(r, []string{"", "Hello, ", "Good afternoon. "}) + q
			}
			switch k := pickW(r, 60, 25, 15); {
			case k == 0 || (k == 2 && !numeric):
				q += " " + elicit(r, en, true)
			case k == 1:
				q += " " + elicit(r, en, false)
			default:
				q += " " + rationalise(r, en, fakeAnswer(r))
			}
			c := &call{api: apiChat, model: model, msgs: []msg{{role: "user", text: q}}}
			if reasoning {
				c.k.effort = pick(r, []string{"high", "high", "medium"})
				c.k.maxTokens = pick(r, []int{8000, 16000, 25000, 32000})
			} else {
				c.k.setTemp(temp)
				c.k.maxTokens = pick(r, []int{4096, 8192})
			}
			g.add(t, a, ip, c)
		}
	}
}

// ---------------------------------------------------------------- tutorapp

const tutorTemplate = `You are %s, a friendly and patient AI tutor for %s studying %s.

When a student asks a question:
1. Restate the problem briefly in your own words.
2. Solve it step by step, explaining the reasoning behind every single step in full detail. Never skip a step, even if it seems obvious.
3. Double-check the result and state the final answer clearly on its own line.
4. End with one short tip that helps the student with similar problems.

Keep an encouraging tone. If the question is not about %s, gently steer the student back to their studies.`

func studentStyle(r *rand.Rand, q string) string {
	switch r.IntN(7) {
	case 0:
		return "pls help " + q
	case 1:
		return "how do i solve this: " + q
	case 2:
		return strings.ToLower(q)
	case 3:
		return q + " i dont get it"
	case 4:
		return "homework question: " + q
	}
	return q
}

func genTutorApp(g *gen, r *rand.Rand) {
	names := []string{"Mathly", "StudyNest", "QuizPal", "BrainBoost", "TutorMe AI", "HomeworkHero", "Sparky Tutor", "LearnLoop", "Owlbert", "CleverCub", "Solvr", "AceIt"}
	audiences := []string{"high-school students", "middle-school students", "first-year university students", "students preparing for the SAT", "GCSE and A-level students"}
	subjects := []string{"maths", "physics", "chemistry", "maths and science"}
	n := g.n(40)
	for i := 0; i < n; i++ {
		name := names[i%len(names)]
		if i >= len(names) {
			name += pick(r, []string{" Pro", " Plus", " 2", " Go", " Lite"})
		}
		si := r.IntN(len(subjects))
		subject := subjects[si]
		// topic weights: math, proof, physics, chemistry, biology, cs, logic
		tw := [][]float64{{85, 0, 5, 0, 0, 0, 10}, {15, 0, 85}, {10, 0, 5, 85}, {50, 0, 20, 15, 10, 0, 5}}[si]
		system := fmt.Sprintf(tutorTemplate, name, pick(r, audiences), subject, subject)
		cl := nodeOpenAI(r, pick(r, nodeOpenAIVersions), "Linux", "x64")
		a := g.newAccount(r, i, cl)
		provider := pick(r, []string{"do", "hetzner", "vultr", "linode", "ovh"})
		ips := []string{dcIP(r, provider)}
		if chance(r, 0.4) {
			ips = append(ips, dcIP(r, provider))
		}
		launch := uniform(r, 0, g.at(0.3))
		tz := pick(r, []float64{-4, -5, -7, 1, 2})
		rate := 8 + 8*r.Float64()
		students := between(r, 30, 80)
		model := pick(r, []string{"gpt-4.1-mini", "gpt-4o-mini"})
		maxTok := pick(r, []int{1500, 2000, 3000})
		stream := chance(r, 0.6)
		for _, t := range poisson(r, launch, g.dur, rate, func(t time.Duration) float64 { return 0.5 + 0.5*g.diurnal(t, tz, false) }) {
			tp := topic(pickW(r, tw...))
			user := fmt.Sprintf("student_%d", 1000+r.IntN(students))
			ip := pick(r, ips)
			var cv convo
			mk := func() *call {
				c := &call{api: apiChat, model: model, system: system, msgs: cv.msgs}
				c.k.setTemp(0.7)
				c.k.maxTokens = maxTok
				c.k.stream = stream
				c.k.user = user
				return c
			}
			cv.user(studentStyle(r, question(r, en, tp)))
			g.add(t, a, ip, mk())
			if chance(r, 0.25) {
				cv.assistant(answer(r, en, tp))
				cv.user(pick(r, []string{"can u explain step 2 again", "why do we do that?", "i still dont get it", "ok what if the numbers were bigger", followUp(r, en)}))
				g.add(t+uniform(r, 20*time.Second, 90*time.Second), a, ip, mk())
			}
		}
	}
}

// ----------------------------------------------------------------- agentic

const agentSystem = `You are an autonomous software engineering agent working in a sandboxed repository at /workspace/repo. You solve tasks end to end: explore the code, reason about the root cause, make minimal and correct changes, and verify them by running the tests.

Guidelines:
- Think carefully before each action and explain your reasoning in detail.
- Use one tool per turn and wait for its result.
- Prefer small, targeted edits. Keep the existing style.
- Always run the relevant tests after editing; if they fail, analyse the failure and fix it.
- When done, summarise the root cause, the change and how you verified it.`

var agentTools = &toolset{defs: []toolDef{
	{"bash", "Run a shell command in the repository and return stdout and stderr.", `{"type":"object","properties":{"command":{"type":"string"}},"required":["command"]}`},
	{"view_file", "Show the contents of a file with line numbers.", `{"type":"object","properties":{"path":{"type":"string"},"start_line":{"type":"integer"},"end_line":{"type":"integer"}},"required":["path"]}`},
	{"edit_file", "Replace an exact string in a file with a new string.", `{"type":"object","properties":{"path":{"type":"string"},"old_str":{"type":"string"},"new_str":{"type":"string"}},"required":["path","old_str","new_str"]}`},
	{"run_tests", "Run the test suite, optionally filtered.", `{"type":"object","properties":{"filter":{"type":"string"}}}`},
	{"search_repo", "Search the repository with a regular expression.", `{"type":"object","properties":{"pattern":{"type":"string"}},"required":["pattern"]}`},
}}

var agentRepos = []string{"a small order-management REST API", "a CLI that syncs files to object storage", "a React dashboard for support tickets", "a job queue library",
	"a markdown static-site generator", "a payments webhook service", "a rate-limiting middleware", "a CSV import pipeline"}

// agentOwnStep appends one exchange with the operator's own tool set.
func agentOwnStep(r *rand.Rand, cv *convo, s snippet, thinking bool) {
	var tc toolCall
	var text, result string
	switch r.IntN(5) {
	case 0:
		tc = toolCall{callID(r, true), "view_file", fmt.Sprintf(`{"path":"%s"}`, s.path)}
		text, result = "I'll inspect the relevant file to understand the current behaviour.", s.code
	case 1:
		tc = toolCall{callID(r, true), "search_repo", fmt.Sprintf(`{"pattern":"%s"}`, pick(r, []string{"def ", "func ", "export function", "TODO"}))}
		text, result = "Let me find where this is used.", fmt.Sprintf("%s:1:%s", s.path, firstLine(s.code))
	case 2:
		tc = toolCall{callID(r, true), "run_tests", `{}`}
		text, result = "Running the tests to reproduce the failure.", pick(r, testOutputs)
	case 3:
		tc = toolCall{callID(r, true), "bash", `{"command":"git diff --stat && ls -la"}`}
		text, result = "Checking the working tree.", " "+s.path+" | 4 ++--\n 1 file changed, 2 insertions(+), 2 deletions(-)\ntotal 48\ndrwxr-xr-x  8 agent agent 4096 .\n-rw-r--r--  1 agent agent  812 README.md"
	default:
		line := firstLine(s.code)
		args := enc.Append(nil, obj{{"path", s.path}, {"old_str", line}, {"new_str", line + " // guard"}})
		tc = toolCall{callID(r, true), "edit_file", string(args)}
		text, result = "The root cause is clear; applying a minimal fix.", "File "+s.path+" edited successfully."
	}
	m := msg{role: "assistant", text: text, calls: []toolCall{tc}}
	if thinking {
		m.thinking = pick(r, []string{"I need to understand the failure before changing anything. The error suggests a missing check.", "The test output confirms the hypothesis. Next I should apply the smallest fix and re-run."})
	}
	cv.add(m, msg{role: "tool", callID: tc.id, text: result})
}

func genAgentic(g *gen, r *rand.Rand) {
	n := g.n(150)
	for i := 0; i < n; i++ {
		copied := i%2 == 0
		cl := pyAnthropic(r, "0.71.0", "Linux", "x64")
		cl.async, cl.rt = true, "3.12.3"
		a := g.newAccount(r, i, cl)
		ip := dcIP(r, pick(r, []string{"ovh", "hetzner", "vultr"}))
		model := "claude-sonnet-4-5"
		if chance(r, 0.15) {
			model = "claude-opus-4-5"
		}
		thinking := chance(r, 0.5)
		t := uniform(r, 0, g.at(0.8))
		for traj := between(r, 2, 3); traj > 0 && t < g.dur; traj-- {
			s := pick(r, snippets)
			var cv convo
			system, tools := agentSystem, agentTools
			if copied {
				system, tools = idePreamble, ideTools
				cv.user(ideTask(r, s, "/workspace/repo"))
			} else {
				task := pick(r, ideTaskTemplates)
				if strings.Contains(task, "%s") {
					task = fmt.Sprintf(task, s.path)
				}
				cv.user(fmt.Sprintf("Repository: %s (%s).\n\nTask: %s", pick(r, agentRepos), s.lang, task))
			}
			st := t
			for k, steps := 0, between(r, 5, 11); k < steps; k++ {
				c := &call{api: apiMessages, model: model, system: system, msgs: cv.msgs, tools: tools}
				c.k.maxTokens = 16000
				if thinking {
					c.k.thinking = 8000
				}
				c.k.stream = true
				g.add(st, a, ip, c)
				if copied {
					agentStep(r, &cv, true, s, thinking)
				} else {
					agentOwnStep(r, &cv, s, thinking)
				}
				st += lognorm(r, 9*time.Second, 0.5, 3*time.Second, 40*time.Second) + uniform(r, 500*time.Millisecond, 3*time.Second)
			}
			t = st + uniform(r, 30*time.Minute, 90*time.Minute)
		}
	}
}
