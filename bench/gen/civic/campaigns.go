package civic

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// harvestProblem draws a seed task of the capability areas harvesters want.
func harvestProblem(r *rand.Rand, mathShare, codeShare float64) problem {
	switch x := r.Float64(); {
	case x < mathShare:
		return mathProblem(r)
	case x < mathShare+codeShare:
		return codeProblem(r)
	}
	return scienceProblem(r)
}

// ---- naive: many accounts, one script ----

const naiveSolve = "Solve the following problem. Think step by step and show all of your reasoning before giving the final answer in the form \"Final answer: ...\".\n\nProblem: %s"
const naiveRationalise = "Below is a problem and its correct final answer. Write out, step by step, the complete reasoning that leads to this answer. Do not skip any steps.\n\nProblem: %s\nFinal answer: %s"

// planNaive: one Python script on three rented servers drives every
// account in turn, day and night, at the same pace; when an account gets a
// 429 the script sends the same body on the next account. A third of the
// accounts are banned and replaced at once on the third day.
func planNaive(w *world) {
	const cls = "naive"
	r := w.rng(cls)
	n := w.scale(90, 9)
	servers := []string{netHetzner.pick4(r), netHetzner.pick4(r), netHetzner.pick4(r)}
	k := &kit{lang: lRequests, ua: "python-requests/2.31.0", ja4: ja4PyOSSL3, acceptEnc: "gzip, deflate", spaced: true}
	id := 0
	fresh := func() *account { id++; return newAccount(r, acctName(cls, id)) }
	replace := w.start.Add(58*time.Hour + between(r, 0, time.Hour))
	perDay := 27.0
	for s, ip := range servers {
		var slots []*account
		for i := s; i < n; i += len(servers) {
			slots = append(slots, fresh())
		}
		var spare []*account
		for range len(slots) / 3 {
			spare = append(spare, fresh())
		}
		interval := time.Duration(float64(24*time.Hour) / (perDay * float64(len(slots))))
		t := w.start.Add(between(r, 0, interval))
		swapped := false
		for i := 0; t.Before(w.end); i++ {
			if !swapped && t.After(replace) {
				copy(slots, spare) // the banned third, replaced in one go
				swapped = true
			}
			a := slots[i%len(slots)]
			build := func(rr *rand.Rand) req {
				p := harvestProblem(rr, 0.7, 0.3)
				u := fmt.Sprintf(naiveSolve, p.text)
				if rr.IntN(2) == 0 && p.answer != "" && p.answer[0] != '(' {
					u = fmt.Sprintf(naiveRationalise, p.text, p.answer)
				}
				return chat{model: mLarge, system: "You are a helpful assistant.", msgs: []tracefmt.Obj{umsg(u)}, temp: 0.7, maxTokens: 4096}.openai()
			}
			ev := event{acct: a, class: cls, campaign: true, ip: ip, kit: k, seed: r.Uint64(), build: build}
			w.sched.Add(t, ev)
			if r.IntN(25) == 0 { // 429: the same body on the next account
				ev.acct = slots[(i+1)%len(slots)]
				w.sched.Add(t.Add(between(r, time.Second, 3*time.Second)), ev)
			}
			t = t.Add(interval + between(r, -3*time.Second, 3*time.Second))
		}
	}
}

// ---- disguised: many accounts that try to look like many people ----

var disguisedAsks = []string{
	"Can you walk me through this step by step? I want to understand the reasoning, not just the answer.\n\n%s",
	"I'm studying for an exam. Please solve this and explain every step carefully:\n%s",
	"%s\n\nShow your full reasoning.",
	"Here's a problem I've been stuck on for a while:\n\n%s\n\nCould you explain how you'd think about it from the start?",
	"Explain your thinking in detail as you solve this: %s",
	"My friend and I disagree on this one. Can you work it out carefully, step by step?\n\n%s",
	"%s\n\nPlease reason it through before answering, and double-check each step.",
	"Help me with this? Break it down into small steps.\n%s",
	"Problem:\n%s\n\nI'd like a detailed solution with the reasoning for each step.",
	"Could you solve this and tell me why each step is valid? %s",
	"Quick question from my problem set — %s — how do you approach it?",
	"Think out loud and solve: %s",
}

var disguisedRationalise = []string{
	"The answer key says %[2]s for this problem but I don't see how they got it. Can you explain the reasoning step by step?\n\n%[1]s",
	"%[1]s\n\nI know the answer is %[2]s. Can you show me the full derivation?",
	"Why is the answer to this %[2]s? Walk me through it.\n\n%[1]s",
}

var disguisedGrade = []string{
	"I wrote this solution. Can you grade it out of 10 and explain what's wrong, step by step?\n\nProblem: %s\n\nMy solution: %s",
	"Is this answer right? Please check each step and give a corrected version if needed.\n\n%s\n\nAnswer given: %s",
}

var disguisedFollow = []string{
	"Can you double-check step %d and explain it in more detail?", "Why does step %d follow from the previous one?",
	"I'm confused about step %d, can you expand on it?", "Is there another way to do step %d?",
}

// stepsText is a plausible earlier worked answer, numbered by step.
func stepsText(r *rand.Rand, p problem) string {
	var b strings.Builder
	moves := []string{"Restate what is given and what is asked.", "Rewrite the condition in a more convenient form.",
		"Consider the cases separately.", "Apply the formula to the given values.", "Simplify the expression.",
		"Check the boundary cases.", "Combine the partial results.", "Verify the result against a small example."}
	for i, j := range r.Perm(len(moves))[:3+r.IntN(4)] {
		fmt.Fprintf(&b, "**Step %d.** %s\n\n", i+1, moves[j])
	}
	ans := p.answer
	if ans == "" || ans[0] == '(' {
		ans = "as shown above"
	}
	b.WriteString("**Answer:** " + ans)
	return b.String()
}

// disguisedQ draws one harvesting question in one of the operator's phrasings.
func disguisedQ(r *rand.Rand) (string, problem) {
	p := harvestProblem(r, 0.5, 0.3)
	var u string
	switch x := r.IntN(10); {
	case x < 6 || p.answer == "" || p.answer[0] == '(':
		u = fmt.Sprintf(pick(r, disguisedAsks), p.text)
	case x < 8:
		u = fmt.Sprintf(pick(r, disguisedRationalise), p.text, p.answer)
	default:
		u = fmt.Sprintf(pick(r, disguisedGrade), p.text, candidate(r, p))
	}
	return typo(r, u), p
}

// spoofKit is a header set copied from a real SDK on a machine that is
// not the one sending it: the TLS stack stays the operator's.
func spoofKit(r *rand.Rand, ja4 string) *kit {
	var k *kit
	switch r.IntN(3) {
	case 0:
		k = nodeKit(r, pick(r, []string{"MacOS", "Windows", "Linux"}))
	default:
		k = pyKit(r, pick(r, []string{"MacOS", "MacOS", "Windows", "Linux"}))
	}
	k.ja4 = ja4
	return k
}

// planDisguised: each account is a persona — a US time zone, waking hours,
// a day off now and then, a residential proxy exit, its own SDK header set
// (but the operator's TLS stack), its own temperature and length habits —
// asking in a dozen phrasings, with everyday questions mixed in as cover.
// New accounts keep joining during the window; after the release they
// drift to the new model over a day or two.
func planDisguised(w *world) {
	const cls = "disguised"
	r := w.rng(cls)
	n := w.scale(110, 10)
	for i := range n {
		a := newAccount(r, acctName(cls, i+1))
		ja4 := ja4PyOSSL3
		if r.IntN(4) == 0 {
			ja4 = ja4Chrome // curl_cffi impersonating Chrome
		}
		k := spoofKit(r, ja4)
		z := pick(r, usZones)
		wake, sleep := 7+r.IntN(4), 21+r.IntN(4)
		anth := r.IntN(100) < 35
		daily := 14 + r.Float64()*20
		moves := w.release.Add(lognormal(r, 20*time.Hour, 0.5))
		from := w.start
		if r.IntN(10) < 4 {
			from = w.start.Add(between(r, 0, w.end.Sub(w.start)-12*time.Hour))
		}
		temps := []float64{-1, 0.3, 0.5, 0.7, 1}
		temps = temps[r.IntN(3):]
		maxT := pick(r, []int{2048, 4096, 4096, 8192})
		mobile := r.IntN(4) == 0
		for _, day := range w.days(z) {
			if r.IntN(8) == 0 {
				continue // a day off
			}
			cnt := max(3, int(daily*(0.6+0.8*r.Float64())))
			for cnt > 0 {
				t := atLocal(day, z, wake, 0).Add(between(r, 0, time.Duration(sleep-wake)*time.Hour))
				if t.Before(from) {
					cnt--
					continue
				}
				ip := netHomeUS.pick4(r)
				if mobile && r.IntN(2) == 0 {
					ip = netMobile.pick4(r)
				}
				sess := r.Uint64()
				burst := min(cnt, 1+r.IntN(4))
				cover := r.IntN(5) == 0
				follow := !cover && burst >= 2 && r.IntN(3) == 0
				for b := range burst {
					model := pick(r, []string{mLarge, mLarge, mReasoner})
					if t.After(moves) {
						model = mRelease
					}
					temp := pick(r, temps)
					turn := b
					w.emit(r, t, cls, a, ip, k, func(rr *rand.Rand) req {
						rs := sessionSeed(sess)
						var msgs []tracefmt.Obj
						switch {
						case cover:
							msgs = []tracefmt.Obj{umsg(typo(rs, expand(rs, pick(rs, personalAsks))))}
						case follow && turn > 0:
							first, p := disguisedQ(rs)
							msgs = turns(first, stepsText(rs, p), fmt.Sprintf(pick(rs, disguisedFollow), 1+rs.IntN(3)))
						default:
							var u string
							for range turn + 1 { // each turn of a burst is a new question
								u, _ = disguisedQ(rs)
							}
							msgs = []tracefmt.Obj{umsg(u)}
						}
						c := chat{model: model, temp: temp, maxTokens: maxT, msgs: msgs}
						if model == mReasoner && anth {
							c.thinking, c.maxTokens = 4096, 12000
						}
						if !anth && rr.IntN(2) == 0 {
							c.maxTokens = 0
						}
						return c.in(anth)
					})
					t = t.Add(lognormal(r, 3*time.Minute, 0.7))
					cnt--
				}
			}
		}
	}
}

// ---- logprob: distribution extraction ----

var logprobPrefixes = []string{
	"The city council voted to", "Once upon a time, in a small town,", "The capital of France is",
	"def fibonacci(n):\n    ", "In conclusion, the results show that", "The best way to learn a language is",
	"Q: What is 17 times 23?\nA:", "The patient presented with", "import numpy as np\n", "Dear Sir or Madam,\n\nI am writing to",
	"The mitochondria is", "She opened the door and saw", "According to the report, unemployment", "1, 1, 2, 3, 5, 8,",
}

// planLogprob: one prompt, max_tokens 1, temperature 0, the maximal
// top_logprobs, and logit_bias sweeping the vocabulary a few hundred token
// ids at a time — the sweep of each prompt dealt out over rented servers
// and accounts, each account at a modest daily pace; between sweeps,
// next-token distributions of many training prefixes.
func planLogprob(w *world) {
	const cls = "logprob"
	r := w.rng(cls)
	n := w.scale(24, 4)
	k := pyKit(r, "Linux")
	k.oai, k.rt, k.spaced, k.oldHdr, k.ja4, k.acceptEnc = "2.21.3", "3.11.13", false, false, ja4PyOSSL3, "gzip, deflate"
	type worker struct {
		a  *account
		ip string
	}
	var ws []worker
	for i := range n {
		ws = append(ws, worker{newAccount(r, acctName(cls, i+1)), pick(r, []ipPool{netOVH, netVultr, netDO}).pick4(r)})
	}
	perDay := 55.0
	total := perDay * float64(n)
	gap := time.Duration(float64(24*time.Hour) / total)
	t := w.start.Add(between(r, 0, gap))
	chunk := 0
	prefix := 0
	for i := 0; t.Before(w.end); i++ {
		wk := ws[r.IntN(n)]
		var build builder
		if r.IntN(10) < 7 {
			pfx, base, big := prefix%len(logprobPrefixes), chunk, r.IntN(5) < 2
			chunk++
			if chunk > 500 {
				chunk, prefix = 0, prefix+1
			}
			build = func(_ *rand.Rand) req {
				bias := tracefmt.Obj{}
				if big { // suppress the head to read deeper ranks
					for j := range 300 {
						bias = bias.Set(fmt.Sprint(100+(base*300+j*7)%199900), -100)
					}
				} else { // lift twenty ids into the top twenty
					for j := range 20 {
						bias = bias.Set(fmt.Sprint(100+base*20+j), 100)
					}
				}
				return chat{model: mLarge, temp: 0, maxTokens: 1, logprobs: true, topLogprobs: 20, logitBias: bias,
					msgs: []tracefmt.Obj{umsg(logprobPrefixes[pfx])}}.openai()
			}
		} else {
			build = func(rr *rand.Rand) req {
				p := harvestProblem(rr, 0.4, 0.3)
				return chat{model: mLarge, temp: 0, maxTokens: 1, logprobs: true, topLogprobs: 20,
					msgs: []tracefmt.Obj{umsg(p.text), amsg(pick(rr, []string{"Let", "We", "First", "The", "To", "Step"}))}}.openai()
			}
		}
		w.emit(r, t, cls, wk.a, wk.ip, k, build)
		t = t.Add(time.Duration(float64(gap) * (0.5 + r.Float64())))
	}
}

// ---- agentic: harvesting tool-use trajectories ----

var synthRepos = []string{"ledgerkit", "tinyqueue", "geohashx", "csvtool", "ratelimit", "textwrap2", "mdparse", "intervaltree", "jsonpatch", "cronexpr"}
var synthFuncs = []string{"merge_intervals", "parse_duration", "normalize_path", "lru_get", "tokenize", "apply_patch", "next_run",
	"encode_geohash", "wrap_text", "parse_row", "topological_sort", "diff_lines", "compress_runs", "validate_iban"}

// synthTrajectory is the harness's fixed shape: list, read, read, edit,
// test (fail), edit, test (pass), with fabricated tool results.
func synthTrajectory(r *rand.Rand) (string, []step) {
	rp, fn := pick(r, synthRepos), pick(r, synthFuncs)
	lang := pick(r, []string{"py", "py", "ts", "go", "rs"})
	ext := map[string]string{"py": ".py", "ts": ".ts", "go": ".go", "rs": ".rs"}[lang]
	src := "src/" + fn + ext
	test := "tests/test_" + fn + ext
	task := fmt.Sprintf("In the %s repository, implement `%s` in %s so that all tests in %s pass. Do not modify the tests.", rp, fn, src, test)
	cmd := map[string]string{"py": "pytest -q", "ts": "npx vitest run", "go": "go test ./...", "rs": "cargo test"}[lang]
	stub := fmt.Sprintf("   1\tdef %s(*args):\n   2\t    raise NotImplementedError\n", fn)
	st := []step{
		{"I'll start by exploring the repository structure.", "glob", tracefmt.Obj{{"pattern", "**/*" + ext}}, strings.Join([]string{src, test, "src/__init__" + ext, "README.md"}, "\n")},
		{"Let me read the current implementation.", "read_file", tracefmt.Obj{{"path", src}}, stub},
		{"Now the tests, to understand the expected behavior.", "read_file", tracefmt.Obj{{"path", test}},
			fmt.Sprintf("   1\tfrom src.%s import %s\n   2\t\n   3\tdef test_basic():\n   4\t    assert %s(%d) == %d\n   5\t\n   6\tdef test_empty():\n   7\t    assert %s(0) == 0\n", fn, fn, fn, r.IntN(50), r.IntN(500), fn)},
		{"I'll implement the function.", "edit_file", tracefmt.Obj{{"path", src}, {"old_string", "    raise NotImplementedError"}, {"new_string", "    # first attempt\n    return args[0] * 2 if args else 0"}}, "The file " + src + " has been updated."},
		{"Running the tests.", "bash", tracefmt.Obj{{"command", cmd}}, fmt.Sprintf("F.\nFAILED %s::test_basic - assert %d == %d\n1 failed, 1 passed", test, r.IntN(100), r.IntN(500))},
		{"The first test fails; the edge case handling is wrong. Let me fix it.", "edit_file", tracefmt.Obj{{"path", src}, {"old_string", "    # first attempt\n    return args[0] * 2 if args else 0"}, {"new_string", "    # handle general case\n    ..."}}, "The file " + src + " has been updated."},
		{"Running the tests again.", "bash", tracefmt.Obj{{"command", cmd}}, "..\n2 passed"},
	}
	return task, st
}

// planAgentic: a harness on rented cloud servers replays Tern's system
// prompt and tools with Tern's header set (on its own TLS stack) and
// fabricated tool results, trajectory after trajectory around the clock,
// with extended thinking to capture the reasoning between tool calls.
func planAgentic(w *world) {
	const cls = "agentic"
	r := w.rng(cls)
	n := w.scale(30, 4)
	for i := range n {
		a := newAccount(r, acctName(cls, i+1))
		k := nodeKit(r, "Linux")
		k.lang, k.ant, k.oai, k.ja4 = lNode, "0.71.2", "6.15.0", ja4PyOSSL3
		k.extra = [][2]string{{"x-app", "tern-cli"}}
		ip := pick(r, []ipPool{netAWSEast, netAWSWest}).pick4(r)
		anth := r.IntN(100) < 85
		perDay := 3 + r.Float64()*2
		moves := w.release.Add(between(r, time.Hour, 3*time.Hour))
		arrivals(r, w.start, w.end, zCN, &profile{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, perDay, 1, func(t time.Time) {
			sess := r.Uint64()
			think := r.IntN(2) == 0
			model := pick(r, []string{mLarge, mReasoner})
			if t.After(moves) {
				model = mRelease
			}
			for s := range 7 {
				w.emit(r, t, cls, a, ip, k, func(_ *rand.Rand) req {
					rs := sessionSeed(sess)
					task, st := synthTrajectory(rs)
					msgs := agentMessages(rs, task, st, s, anth, think)
					if anth {
						c := chat{model: model, system: ternSystem, cacheSys: true, maxTokens: 8192, temp: -1, stream: true, tools: ternTools, msgs: msgs}
						if think {
							c.thinking, c.maxTokens = 8000, 16000
						}
						q := c.anthropic()
						if think {
							q.beta = "interleaved-thinking-2025-05-14"
						}
						return q
					}
					return chat{model: model, system: ternSystem, temp: -1, stream: true, usage: true, tools: ternToolsOpenAI, msgs: msgs}.openai()
				})
				t = t.Add(lognormal(r, 6*time.Second, 0.4))
			}
		})
	}
}

// ---- churn: short-lived accounts ----

// planChurn: trial accounts opened one after another through mobile and
// VPN exits, each checked with a hello, burned within a day on answer-
// conditioned explanations and worked solutions, then abandoned.
func planChurn(w *world) {
	const cls = "churn"
	r := w.rng(cls)
	n := w.scale(150, 10)
	images := []*kit{nodeKit(r, "Linux"), nodeKit(r, "Linux"), nodeKit(r, "Linux")}
	for _, k := range images {
		k.lang, k.oai = lNode, recent(r, oaiJSVers[3:])
	}
	span := w.end.Sub(w.start)
	for i := range n {
		a := newAccount(r, acctName(cls, i+1))
		k := images[r.IntN(len(images))]
		born := w.start.Add(time.Duration(float64(span) * (float64(i) + r.Float64()) / float64(n)))
		life := lognormal(r, 20*time.Hour, 0.5)
		reqs := 20 + r.IntN(45)
		vpn := r.IntN(3) == 0
		sticky := netVPN.pick4(r)
		ip := func() string {
			if vpn {
				return sticky
			}
			return netMobile.pick4(r)
		}
		w.emit(r, born, cls, a, ip(), k, func(rr *rand.Rand) req {
			return chat{model: mSmall, temp: -1, maxTokens: 16, msgs: []tracefmt.Obj{umsg(pick(rr, []string{"hi", "test", "Hello", "ping"}))}}.openai()
		})
		gap := time.Duration(float64(life) / float64(reqs))
		t := born.Add(between(r, 30*time.Second, 5*time.Minute))
		for range reqs {
			model := mLarge
			if t.After(w.release.Add(2 * time.Hour)) {
				model = mRelease
			}
			w.emit(r, t, cls, a, ip(), k, func(rr *rand.Rand) req {
				var u string
				if rr.IntN(3) > 0 {
					p := scienceProblem(rr)
					u = fmt.Sprintf("Question: %s\nCorrect answer: %s\n\nExplain in detail, step by step, why this is the correct answer and why each of the other options is wrong.", p.text, p.answer)
				} else {
					u = "Write a complete, well-commented solution. Before the code, explain your approach step by step and state the time and space complexity.\n\n" + codeProblem(rr).text
				}
				return chat{model: model, temp: 0.6, maxTokens: 3000, msgs: []tracefmt.Obj{umsg(u)}}.openai()
			})
			t = t.Add(time.Duration(float64(gap) * (0.3 + 1.4*r.Float64())))
		}
	}
}

// ---- pivot: switches model and pattern at the release ----

// planPivot: a scheduler hands jobs to its accounts in waves every ten
// minutes, on rented servers with one Go client. Before the release:
// worked competition mathematics through the OpenAI dialect on the large
// model. Within hours of the release the whole cluster moves to the new
// model, the Anthropic dialect with large thinking budgets, and coding.
func planPivot(w *world) {
	const cls = "pivot"
	r := w.rng(cls)
	n := w.scale(70, 6)
	k := goKit(r)
	k.oai, k.ant, k.rt = "3.4.0", "2.1.0", "go1.25.3"
	do4 := netDO.v4()
	blocks := []ipPool{{do4.sub(r, 20)}, {do4.sub(r, 20)}, {do4.sub(r, 20)}}
	var accts []*account
	var ips []string
	for i := range n {
		accts = append(accts, newAccount(r, acctName(cls, i+1)))
		ips = append(ips, pick(r, blocks).pick4(r))
	}
	switchAt := w.release.Add(lognormal(r, 150*time.Minute, 0.3))
	perWave := 27.0 * float64(n) / 144
	for t := w.start.Add(between(r, 0, 10*time.Minute)); t.Before(w.end); t = t.Add(10 * time.Minute) {
		jobs := poisson(r, perWave)
		for range jobs {
			i := r.IntN(n)
			at := t.Add(lognormal(r, 20*time.Second, 1))
			after := at.After(switchAt.Add(time.Duration(i%7) * 5 * time.Minute))
			w.emit(r, at, cls, accts[i], ips[i], k, func(rr *rand.Rand) req {
				if after {
					p := codeProblem(rr)
					return chat{model: mRelease, system: "You are an expert competitive programmer. Reason carefully about edge cases and complexity before writing code.",
						thinking: pick(rr, []int{10000, 12000, 16000}), maxTokens: 24000, temp: -1,
						msgs: []tracefmt.Obj{umsg(p.text + "\n\nGive a complete, efficient solution.")}}.anthropic()
				}
				p := mathProblem(rr)
				return chat{model: mLarge, system: "You are an expert mathematician. Always show complete step-by-step reasoning, justify every step, and state the final answer in \\boxed{}.",
					temp: 0.8, maxTokens: 6000, msgs: []tracefmt.Obj{umsg(p.text)}}.openai()
			})
		}
	}
}

// ---- low_slow: under every limit ----

var lowSlowAsks = []string{
	"I'm stuck on this problem from my {subject} class. Could you walk me through how to approach it, explaining why each step works?\n\n%s",
	"%s\n\nI'd really appreciate a careful explanation — I want to understand the idea, not just the answer.",
	"Working through some practice problems this week. This one has me confused:\n%s\nHow would you reason about it?",
	"Can you help me see how to solve this? I keep getting a different answer each time.\n\n%s",
	"%s\n\n(Please explain your reasoning thoroughly, I'm preparing to teach this.)",
	"A colleague sent me this and I'm curious how you'd reason through it: %s",
}

// planLowSlow: long-standing accounts, a handful of requests a day each,
// at human hours through residential proxies that stay put, asking for
// long, carefully reasoned answers with large thinking budgets.
func planLowSlow(w *world) {
	const cls = "low_slow"
	r := w.rng(cls)
	n := w.scale(70, 6)
	venvs := []*kit{pyKit(r, "Linux"), pyKit(r, "Linux"), pyKit(r, "Linux")}
	for _, k := range venvs {
		k.ja4, k.spaced, k.oldHdr = ja4PyOSSL3, false, false
	}
	for i := range n {
		a := newAccount(r, acctName(cls, i+1))
		k := venvs[i%len(venvs)]
		z := pick(r, usZones)
		ip := netHomeUS.pick4(r)
		anth := r.IntN(10) < 7
		perDay := 3 + r.Float64()*5
		moves := w.release.Add(lognormal(r, 30*time.Hour, 0.4))
		arrivals(r, w.start, w.end, z, &profHome, perDay, 1.2, func(t time.Time) {
			model := pick(r, []string{mReasoner, mLarge})
			if t.After(moves) {
				model = mRelease
			}
			w.emit(r, t, cls, a, ip, k, func(rr *rand.Rand) req {
				p := harvestProblem(rr, 0.55, 0.25)
				u := fmt.Sprintf(expand(rr, pick(rr, lowSlowAsks)), p.text)
				if anth {
					return chat{model: model, thinking: pick(rr, []int{12000, 16000, 20000}), maxTokens: 32000, temp: -1,
						msgs: []tracefmt.Obj{umsg(u)}}.anthropic()
				}
				c := chat{model: model, maxTokens: 16000, maxCompl: true, temp: -1, msgs: []tracefmt.Obj{umsg(u)}}
				q := c.openai()
				q.body = q.body.Set("reasoning_effort", "high")
				return q
			})
		})
	}
}
