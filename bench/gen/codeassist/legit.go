package codeassist

import (
	"fmt"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// --- shellwright, the terminal agent ----------------------------------------

// Shellwright releases: the SDK each bundles, and when 0.15.0 (whose default
// model is cobalt-3) is published, relative to the model's release.
const swUpdateDelay = 50 * time.Minute

var swVersions = []struct{ v, anthJS, oaiJS string }{
	{"0.13.8", "0.68.0", "6.2.0"},
	{"0.14.2", "0.71.2", "6.7.0"},
	{"0.14.3", "0.71.2", "6.7.0"},
	{"0.15.0", "0.74.0", "6.10.0"},
}

// swClient returns shellwright's client on a machine: its SDK (by dialect)
// at the version the release bundles, its user-agent and app header.
func swClient(base *client, d dialect, ver int, headless bool) *client {
	c := *base
	sv := swVersions[ver]
	if d == dMessages {
		c.st, c.pkg = stAnthropicJS, sv.anthJS
	} else {
		c.st, c.pkg = stOpenAIJS, sv.oaiJS
	}
	c.ja4 = nodeJA4(c.rtVer)
	mode := "cli"
	if headless {
		mode = "sdk-cli"
	}
	c.ua = "shellwright/" + sv.v + " (external, " + mode + ")"
	c.timeout = "600"
	c.app = [][2]string{{"x-app", "cli"}}
	return &c
}

// agentRun is one shellwright (or look-alike harness) session to plan.
type agentRun struct {
	w           *world
	r           *rng
	acct        *account
	ip          func() string
	cl          *client
	s           *session
	interactive bool
	loops       int      // user turns
	asks        []string // first user message; later ones from followUp unless given
	sessionHdr  bool
	title       bool   // send the title request first
	titleModel  string // model of the title request
	class       string // "" the world's current class
	campaign    bool
}

// run plans the session from t and returns when it ended.
func (a *agentRun) run(t time.Time) time.Time {
	r := a.r
	var extra [][2]string
	if a.sessionHdr {
		extra = [][2]string{{"x-shellwright-session-id", r.uuid()}}
	}
	if a.s.d == dMessages && a.s.think > 0 {
		extra = append(extra, [2]string{"anthropic-beta", "interleaved-thinking-2025-05-14"})
	}
	add := func(at time.Time, path string, body tracefmt.Obj) {
		if a.class != "" {
			a.w.addAs(a.class, a.campaign, at, a.acct, a.ip(), a.cl, path, body, reqMeta{extra: extra})
		} else {
			a.w.add(at, a.acct, a.ip(), a.cl, path, body, reqMeta{extra: extra})
		}
	}
	for loop := 0; loop < a.loops; loop++ {
		ask := ""
		if loop < len(a.asks) {
			ask = a.asks[loop]
		} else {
			ask = r.followUp()
		}
		if loop == 0 && a.title {
			p := pMessages
			if a.s.d != dMessages {
				p = pChat
			}
			add(t.Add(-r.uniform(0, 300*time.Millisecond)), p, titleBody(a.s.d, a.titleModel, ask))
		}
		a.s.user(ask)
		steps := min(1+int(r.ExpFloat64()*4), 14)
		for i := 0; i <= steps; i++ {
			add(t, a.s.d.path(), a.s.body())
			t = t.Add(r.latency())
			if i == steps {
				a.s.assistantText(r.pick([]string{"Done. The tests pass now.", "I've made the change in " + a.s.proj.file(r) + ".",
					"The failure came from an off-by-one in the pagination cursor; fixed and covered by a new test.",
					"Here's what I found: the config is read before the env override is applied.", "Updated. Let me know if you want the same for the other handlers."}))
				break
			}
			t = t.Add(a.s.step(r, a.interactive))
		}
		if a.interactive {
			t = t.Add(r.logn(70*time.Second, 0.9))
		} else {
			t = t.Add(r.uniform(time.Second, 5*time.Second))
		}
	}
	return t
}

// planTerminalAgent: the thousands of developers who use shellwright with
// their own keys.
func planTerminalAgent(w *world) {
	r := w.r
	offices := make([]string, 60)
	for i := range offices {
		if r.chance(0.5) {
			offices[i] = r.fill(r.pick(residentialV4)) // small offices on business broadband
		} else {
			offices[i] = r.cloudIP(r.pick(cloudNames[:3])) // corporate egress through a cloud NAT
		}
	}
	updateAt := w.release.Add(swUpdateDelay)
	for i := range w.n(700, 60) {
		ur := r.fork()
		a := w.newAccount(fmt.Sprintf("dev%04d", i))
		tz := ur.zone()
		table := &workHours
		if ur.chance(0.3) {
			table = &hobbyHours
		}
		home := ur.residentialIP()
		office := ""
		if ur.chance(0.35) {
			office = offices[ur.IntN(len(offices))]
		}
		base := ur.newClient(stAnthropicJS, false)
		d := []dialect{dMessages, dChat, dResponses}[ur.weighted(60, 28, 12)]
		ver := ur.weighted(10, 55, 35)
		autoUpdate := ur.chance(0.6)
		early := ur.chance(0.18) // switches to cobalt-3 by hand soon after it appears
		earlyAt := w.release.Add(ur.logn(25*time.Minute, 0.8))
		cheap := ur.chance(0.07)
		platform := map[string]string{"MacOS": "darwin", "Linux": "linux", "Windows": "win32"}[base.os]
		user := "user_" + ur.hex(64)
		t := w.start.Add(-ur.uniform(0, 40*time.Minute))
		for t.Before(w.end) {
			t = t.Add(ur.exp(45 * time.Minute))
			if !ur.chance(activity(t, tz, table)) {
				t = t.Add(15 * time.Minute)
				continue
			}
			v := ver
			if autoUpdate && t.After(updateAt) {
				v = 3
			}
			model := mFlag
			if cheap {
				model = mMini
			}
			if (v == 3 && !cheap) || (early && t.After(earlyAt)) {
				model = mNew
			}
			titleModel := mMini
			if v == 3 {
				titleModel = mNewMini
			}
			ip := home
			if office != "" && activity(t, tz, &workHours) > 0.5 {
				ip = office
			}
			if ur.chance(0.05) {
				ip = ur.residentialIP() // a café, a train, a hotspot
			}
			p := ur.project()
			wd := "/Users/" + ur.pick([]string{"dev", "sam", "alex", "jo", "mk", "priya", "chen", "lena"}) + "/code/" + p.name
			if base.os != "MacOS" {
				wd = "/home/" + ur.pick([]string{"dev", "ubuntu", "sam", "alex", "kai"}) + "/src/" + p.name
			}
			s := &session{d: d, model: model, maxTok: 32000, temp: 1, stream: true, proj: p, workdir: wd,
				system: agentSystem(d, shellwrightSystem, envBlock(wd, platform, model, t)), tools: shellwrightDefs[d]}
			if d == dMessages {
				s.userID = user
				if ur.chance(0.2) {
					s.think = ur.between(4000, 31999)
				}
			} else {
				s.temp = -1
				s.maxTok = 16384
				s.effort = ur.pick([]string{"medium", "medium", "high", "low"})
			}
			run := &agentRun{w: w, r: ur, acct: a, ip: func() string { return ip }, cl: swClient(base, d, v, false), s: s,
				interactive: true, loops: 1 + min(int(ur.ExpFloat64()*1.2), 4), asks: []string{ur.devAsk(p)},
				sessionHdr: true, title: true, titleModel: titleModel}
			t = run.run(t)
		}
	}
}

// --- IDE plugin -------------------------------------------------------------

const tabwiseChatSystem = "You are Tabwise, an AI pair programmer inside the user's editor. The user's current file and selection are given below. Answer with code blocks that can be applied directly; keep prose short. If you propose an edit, show only the changed region with three lines of context."

// planIDE: Tabwise, a VS Code extension: fill-in-the-middle completions
// while typing, and a chat panel.
func planIDE(w *world) {
	r := w.r
	for i := range w.n(70, 10) {
		ur := r.fork()
		a := w.newAccount(fmt.Sprintf("u%03d", i))
		tz := ur.zone()
		base := ur.newClient(stOpenAIJS, false)
		base.rtVer = ur.pick([]string{"v20.19.1", "v22.15.1"}) // VS Code's Electron
		base.ja4 = nodeJA4(base.rtVer)
		base.pkg = "6.7.0"
		base.ua = "Tabwise/2." + ur.pick([]string{"4.1", "4.1", "3.9", "5.0"}) + " VSCode/1." + ur.pick([]string{"104.3", "105.1", "106.0"})
		base.timeout = "30"
		ip := ur.residentialIP()
		lang := ur.lang()
		t := w.start.Add(-ur.uniform(0, 30*time.Minute))
		for t.Before(w.end) {
			t = t.Add(ur.exp(30 * time.Minute))
			if !ur.chance(activity(t, tz, &workHours)) {
				t = t.Add(10 * time.Minute)
				continue
			}
			end := t.Add(ur.logn(18*time.Minute, 0.6))
			for t.Before(end) {
				if ur.chance(0.04) {
					code := ur.snippet(lang)
					body := tracefmt.Obj{{"model", mFlag}, {"messages", []tracefmt.Obj{
						{{"role", "system"}, {"content", tabwiseChatSystem}},
						{{"role", "user"}, {"content", fmt.Sprintf("Current file: %s\n\nSelection:\n```%s\n%s```\n\n%s", ur.pick(modules)+ext(lang), fence(lang), code,
							ur.pick([]string{"explain this", "add error handling", "write a test for this", "make this faster", "why is this returning an empty list?", "convert to a generator"}))}},
					}}, {"stream", true}, {"stream_options", tracefmt.Obj{{"include_usage", true}}}, {"temperature", 0.3}}
					w.add(t, a, ip, base, pChat, body, reqMeta{})
					t = t.Add(ur.logn(90*time.Second, 0.7))
					continue
				}
				prefix := ur.snippet(lang)
				cut := ur.between(len(prefix)/3, len(prefix)-1)
				body := tracefmt.Obj{{"model", mMini}, {"prompt", "// Path: " + ur.pick(modules) + ext(lang) + "\n" + ur.snippet(lang) + "\n" + prefix[:cut]},
					{"suffix", prefix[cut:]}, {"max_tokens", []int{64, 128, 256}[ur.IntN(3)]}, {"temperature", 0.2}, {"top_p", 0.95},
					{"stop", []string{"\n\n\n", "<|endoftext|>"}}, {"stream", true}}
				w.add(t, a, ip, base, pComplete, body, reqMeta{})
				t = t.Add(ur.logn(45*time.Second, 1.0))
			}
		}
	}
}

// --- CI review bot ----------------------------------------------------------

const prismSystem = `You are PRism, an automated pull request reviewer. You receive a unified diff and the PR description. Report only real problems: bugs, security issues, missing error handling, race conditions, and missing tests for new behaviour. Do not comment on style that a linter would catch. For each finding output a JSON object {"path": string, "line": number, "severity": "high"|"medium"|"low", "comment": string}. Output a JSON array and nothing else; output [] if there is nothing to report.`

// diff returns a unified diff of one file.
func (r *rng) diff(lang string) string {
	f := r.pick(modules) + ext(lang)
	var b strings.Builder
	at := r.between(1, 200)
	fmt.Fprintf(&b, "diff --git a/src/%s b/src/%s\n--- a/src/%s\n+++ b/src/%s\n", f, f, f, f)
	old := strings.Split(strings.TrimRight(r.snippet(lang), "\n"), "\n")
	nw := strings.Split(strings.TrimRight(r.snippet(lang), "\n"), "\n")
	fmt.Fprintf(&b, "@@ -%d,%d +%d,%d @@\n", at, len(old), at, len(nw))
	for _, l := range old {
		b.WriteString("-" + l + "\n")
	}
	for _, l := range nw {
		b.WriteString("+" + l + "\n")
	}
	return b.String()
}

// planCIBot: the PRism GitHub Action in many organisations' repositories
// (each organisation its own key), on pull requests and on a schedule;
// some organisations run shellwright headless in CI instead.
func planCIBot(w *world) {
	r := w.r
	actionClient := &client{st: stOpenAIPy, pkg: "2.6.1", os: "Linux", arch: "x64", rtVer: "3.12.3", ja4: ja4Python, timeout: "120"}
	for i := range w.n(60, 8) {
		ur := r.fork()
		a := w.newAccount(fmt.Sprintf("org%02d", i))
		tz := zones[ur.weighted(30, 0, 30, 15, 15, 0, 5, 3, 2, 0)]
		lang := ur.lang()
		ip := func() string { return ur.fill(ur.pick(actionsV4)) }
		prRate := 0.5 + ur.Float64()*3.5
		agentMode := ur.chance(0.25)
		var base *client
		if agentMode {
			base = ur.newClient(stAnthropicJS, true)
			base.os, base.arch, base.rtVer = "Linux", "x64", "v20.19.2"
		}
		w.each(ur, w.start, w.end, prRate, func(t time.Time) float64 { return 0.15 + 0.85*activity(t, tz, &workHours) }, func(t time.Time) {
			t = t.Add(ur.uniform(20*time.Second, 90*time.Second)) // runner start-up
			if agentMode {
				ipNow := ip()
				p := ur.project()
				p.lang = lang
				s := &session{d: dMessages, model: mFlag, maxTok: 16000, temp: 1, stream: true, proj: p, workdir: "/home/runner/work/" + p.name + "/" + p.name,
					tools: shellwrightDefs[dMessages]}
				s.system = agentSystem(dMessages, shellwrightSystem, envBlock(s.workdir, "linux", mFlag, t))
				run := &agentRun{w: w, r: ur, acct: a, ip: func() string { return ipNow }, cl: swClient(base, dMessages, 2, true), s: s, loops: 1,
					asks: []string{fmt.Sprintf("Review the changes in this pull request (git diff origin/main...HEAD). PR #%d: %s. Post findings as a markdown list; do not modify files.", ur.between(100, 9000), ur.devAsk(p))}}
				run.run(t)
				return
			}
			ipNow := ip()
			files := ur.between(1, 4)
			for f := 0; f < files; f++ {
				body := tracefmt.Obj{{"model", mFlag}, {"messages", []tracefmt.Obj{
					{{"role", "system"}, {"content", prismSystem}},
					{{"role", "user"}, {"content", fmt.Sprintf("PR #%d: %s\n\n%s", ur.between(100, 9000), ur.devAsk(ur.project()), ur.diff(lang))}},
				}}, {"temperature", 0.2}, {"max_completion_tokens", 2048}, {"response_format", tracefmt.Obj{{"type", "json_object"}}}}
				w.add(t, a, ipNow, actionClient, pChat, body, reqMeta{})
				t = t.Add(ur.logn(9*time.Second, 0.5))
			}
		})
		if ur.chance(0.3) {
			// A scheduled triage of stale issues, on the half hour; GitHub
			// starts scheduled workflows a few minutes late.
			for t := w.start.Truncate(30 * time.Minute); t.Before(w.end); t = t.Add(30 * time.Minute) {
				at := t.Add(ur.uniform(2*time.Minute, 9*time.Minute))
				ipNow := ip()
				for k := 0; k < ur.between(1, 5); k++ {
					_, head, body := ur.issue()
					w.add(at, a, ipNow, actionClient, pChat, tracefmt.Obj{{"model", mMini}, {"messages", []tracefmt.Obj{
						{{"role", "system"}, {"content", "You triage GitHub issues. Classify the issue as bug, feature, question or duplicate-candidate, suggest up to 3 labels, and say whether it needs more information. Reply in JSON."}},
						{{"role", "user"}, {"content", head + "\n\n" + body}},
					}}, {"temperature", 0.0}, {"max_completion_tokens", 300}, {"response_format", tracefmt.Obj{{"type", "json_object"}}}}, reqMeta{})
					at = at.Add(ur.logn(3*time.Second, 0.4))
				}
			}
		}
	}
}

// --- enterprise gateway -----------------------------------------------------

const northwindSystem = "You are Northwind Assist, the internal engineering assistant of Northwind Logistics. Follow the company's coding standards (Java 21, Spring Boot 3, TypeScript with strict mode, Python 3.12). Never include customer data or secrets in answers. If a question concerns production incidents, remind the user of the #incident-response channel."

// planEnterprise: Northwind's developers behind one internal gateway: team
// keys in a pool, one egress range, failover to another key on a 429.
func planEnterprise(w *world) {
	r := w.r
	nKeys := w.n(40, 8)
	keys := make([]*account, nKeys)
	for i := range keys {
		keys[i] = w.newAccount(fmt.Sprintf("team%02d", i))
	}
	egress := []string{"198.176.44.17", "198.176.44.18", "198.176.44.19", "198.176.44.20"}
	oai := &client{st: stOpenAIPy, async: true, pkg: "1.109.1", os: "Linux", arch: "x64", rtVer: "3.11.9", ja4: ja4Python, timeout: "600"}
	anth := &client{st: stHTTPX, os: "Linux", arch: "x64", ja4: ja4Python}
	devs := w.n(900, 120)
	for range devs {
		ur := r.fork()
		team := ur.IntN(nKeys)
		tz := -4.0
		if ur.chance(0.35) {
			tz = -7
		}
		emp := fmt.Sprintf("nw-%06d", ur.between(100000, 999999))
		useAgent := ur.chance(0.3)
		rate := 0.3 + ur.Float64()*0.9 // chats per hour at peak
		send := func(t time.Time, path string, body tracefmt.Obj) {
			c := oai
			if path == pMessages {
				c = anth
			}
			ip := egress[ur.IntN(len(egress))]
			w.add(t, keys[team], ip, c, path, body, reqMeta{})
			// The gateway's router: a 429 on this team key (more likely
			// at peak) makes it resend the same body on another key.
			if ur.chance(0.035 * activity(t, tz, &workHours)) {
				other := (team + 1 + ur.IntN(nKeys-1)) % nKeys
				w.add(t.Add(ur.uniform(150*time.Millisecond, 1500*time.Millisecond)), keys[other], egress[ur.IntN(len(egress))], c, path, body, reqMeta{})
			}
		}
		w.each(ur, w.start, w.end, rate, func(t time.Time) float64 { return activity(t, tz, &workHours) }, func(t time.Time) {
			turns := ur.between(1, 4)
			msgs := []tracefmt.Obj{{{"role", "system"}, {"content", northwindSystem}}}
			for k := 0; k < turns; k++ {
				msgs = append(msgs, tracefmt.Obj{{"role", "user"}, {"content", ur.chatQuestion()}})
				body := tracefmt.Obj{{"model", mFlag}, {"messages", msgs[:len(msgs):len(msgs)]}, {"stream", true}, {"user", emp}}
				send(t, pChat, body)
				msgs = append(msgs, tracefmt.Obj{{"role", "assistant"}, {"content", ur.chatReply()}})
				t = t.Add(ur.logn(2*time.Minute, 0.8))
			}
		})
		if !useAgent {
			continue
		}
		// Developers who run shellwright against the gateway: the gateway
		// re-sends the agent's body with its own client.
		w.each(ur, w.start, w.end, 0.3, func(t time.Time) float64 { return activity(t, tz, &workHours) }, func(t time.Time) {
			p := ur.project()
			p.lang = ur.pick([]string{"Java", "TypeScript", "Python"})
			wd := "/Users/" + emp + "/work/" + p.name
			s := &session{d: dMessages, model: mFlag, maxTok: 32000, temp: 1, stream: true, proj: p, workdir: wd, tools: shellwrightDefs[dMessages],
				system: agentSystem(dMessages, shellwrightSystem, envBlock(wd, "darwin", mFlag, t)), userID: "user_" + ur.hex(64)}
			s.user(ur.devAsk(p))
			steps := 1 + min(int(ur.ExpFloat64()*4), 12)
			for k := 0; k <= steps; k++ {
				send(t, pMessages, s.body())
				t = t.Add(ur.latency())
				if k < steps {
					t = t.Add(s.step(ur, true))
				}
			}
		})
	}
}

// --- evaluation team --------------------------------------------------------

const sweHarnessSystem = "You are a helpful assistant that can interact with a computer shell to solve programming tasks. Every response must contain exactly one bash code block with one command (or commands joined with && or ||). Include a THOUGHT section before your command explaining your reasoning. When you are done, run `echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT` and nothing else."

const graderSystem = `You are grading a candidate patch for a software issue. Score each criterion from 1 to 5: correctness (does it resolve the issue), minimality (no unrelated changes), tests (are tests added or updated), style (consistent with the codebase). Return JSON {"correctness": n, "minimality": n, "tests": n, "style": n, "verdict": "pass"|"fail", "rationale": string}.`

// codeBench returns the prompts of a public HumanEval/MBPP-style benchmark.
func codeBench(n int) []string {
	r := newRNG(2026, 42) // public: the same for every seed
	out := make([]string, n)
	for i := range out {
		f := r.fnName("Python")
		out[i] = fmt.Sprintf("from typing import List, Optional\n\n\ndef %s(%ss: List[int], k: int) -> Optional[int]:\n    \"\"\" Given a list of %ss, return the result of a function that %s.\n    >>> %s([1, 2, 3], 2)\n    %d\n    >>> %s([], 1)\n    None\n    \"\"\"\n",
			f, r.pick(nouns), r.pick(nouns), r.fnTask(), f, r.between(0, 9), f)
	}
	return out
}

// sweBench returns the public issues of an agentic benchmark.
func sweBench(n int) [][3]string {
	r := newRNG(2026, 7)
	out := make([][3]string, n)
	for i := range out {
		repo, head, body := r.issue()
		out[i] = [3]string{repo, head, body}
	}
	return out
}

// planEval: a company's evaluation team: code benchmarks at temperature 0
// and pass@10 with n=10, an agentic benchmark with a fixed harness, and an
// LLM grader; fixed worker pools give regular pacing. They run the pinned
// snapshot at 14:30 and the new model soon after it is released.
func planEval(w *world) {
	r := w.r
	keys := []*account{w.newAccount("harness"), w.newAccount("swe"), w.newAccount("grader"), w.newAccount("adhoc")}
	net := r.subnet24("gcp")
	ips := []string{r.in24(net), r.in24(net), r.in24(net)}
	cl := &client{st: stOpenAIPy, async: true, pkg: "2.8.0", os: "Linux", arch: "x64", rtVer: "3.12.8", ja4: ja4Python, timeout: "600"}
	acl := &client{st: stAnthropicPy, async: true, pkg: "0.75.0", os: "Linux", arch: "x64", rtVer: "3.12.8", ja4: ja4Python, timeout: "600"}
	scale := w.cfg.Scale
	probs := codeBench(max(30, int(164*scale)))
	mbpp := codeBench(max(50, int(400*scale)))[len(probs)/2:]
	swe := sweBench(max(8, int(50*scale)))

	// pool runs jobs on k workers from t; each job's requests are sent one
	// after another, the next job as soon as a worker is free.
	pool := func(t time.Time, k int, jobs int, job func(i int, t time.Time) time.Time) time.Time {
		free := make([]time.Time, k)
		for i := range free {
			free[i] = t.Add(time.Duration(i) * 150 * time.Millisecond)
		}
		last := t
		for j := 0; j < jobs; j++ {
			wi := 0
			for i := range free {
				if free[i].Before(free[wi]) {
					wi = i
				}
			}
			free[wi] = job(j, free[wi]).Add(r.uniform(5*time.Millisecond, 40*time.Millisecond))
			if free[wi].After(last) {
				last = free[wi]
			}
		}
		return last
	}
	run := func(t time.Time, model string) {
		t = pool(t, 8, len(probs), func(i int, t time.Time) time.Time {
			body := tracefmt.Obj{{"model", model}, {"messages", []tracefmt.Obj{
				{{"role", "system"}, {"content", "Complete the following Python function. Return only the completed function in a single ```python code block."}},
				{{"role", "user"}, {"content", probs[i]}}}}, {"temperature", 0.8}, {"top_p", 0.95}, {"n", 10}, {"max_completion_tokens", 1024}, {"seed", 1234}}
			w.add(t, keys[0], ips[0], cl, pChat, body, reqMeta{})
			return t.Add(r.logn(14*time.Second, 0.25))
		})
		t = pool(t.Add(20*time.Second), 8, len(mbpp), func(i int, t time.Time) time.Time {
			body := tracefmt.Obj{{"model", model}, {"messages", []tracefmt.Obj{{{"role", "user"}, {"content", "You are an expert Python programmer, and here is your task:\n" + mbpp[i] + "\nYour code should pass the doctests."}}}},
				{"temperature", 0.0}, {"n", 1}, {"max_completion_tokens", 1024}, {"seed", 1234}}
			w.add(t, keys[0], ips[0], cl, pChat, body, reqMeta{})
			return t.Add(r.logn(6*time.Second, 0.25))
		})
		pool(t.Add(30*time.Second), 4, len(swe), func(i int, t time.Time) time.Time {
			p := r.project()
			p.lang = "Python"
			s := &session{d: dMessages, model: model, maxTok: 4096, temp: 0, system: sweHarnessSystem, proj: p, workdir: "/testbed"}
			s.user(fmt.Sprintf("<pr_description>\nConsider the following issue in %s:\n\n%s\n\n%s\n</pr_description>\n\n<instructions>\nMake changes to non-test files in /testbed so that the issue is resolved. Work step by step.\n</instructions>", swe[i][0], swe[i][1], swe[i][2]))
			steps := r.between(10, 26)
			for k := 0; k < steps; k++ {
				w.add(t, keys[1], ips[1], acl, pMessages, s.body(), reqMeta{})
				t = t.Add(r.logn(8*time.Second, 0.3))
				cmd, out := testRun(r, p)
				thought := "THOUGHT: " + r.pick([]string{"Let me find the relevant file.", "I will reproduce the issue first.", "Now run the tests to verify the fix.", "Apply the fix with sed."})
				s.msgs = append(s.msgs, tracefmt.Obj{{"role", "assistant"}, {"content", thought + "\n\n```bash\n" + cmd + "\n```"}},
					tracefmt.Obj{{"role", "user"}, {"content", "<returncode>0</returncode>\n<output>\n" + out + "\n</output>"}})
				t = t.Add(r.uniform(300*time.Millisecond, 4*time.Second))
			}
			// The grader scores the submitted patch.
			g := tracefmt.Obj{{"model", mFlag}, {"messages", []tracefmt.Obj{{{"role", "system"}, {"content", graderSystem}},
				{{"role", "user"}, {"content", "Issue:\n" + swe[i][1] + "\n\nPatch:\n" + r.diff("Python")}}}},
				{"temperature", 0.0}, {"max_completion_tokens", 800}, {"response_format", tracefmt.Obj{{"type", "json_object"}}}}
			w.add(t.Add(2*time.Second), keys[2], ips[2], cl, pChat, g, reqMeta{})
			return t
		})
	}
	run(w.start.Add(30*time.Minute+r.uniform(0, time.Minute)), mPinned)
	// Release day: the team benchmarks the new model within the half hour.
	run(w.release.Add(r.uniform(20*time.Minute, 30*time.Minute)), mNew)
	// Ad-hoc checks by team members during the day, temperature 0.
	w.each(r, w.start, w.end, 12, nil, func(t time.Time) {
		model := mPinned
		if w.released(t) && r.chance(0.7) {
			model = mNew
		}
		w.add(t, keys[3], r.residentialIP(), cl, pChat, tracefmt.Obj{{"model", model}, {"messages", []tracefmt.Obj{{{"role", "user"}, {"content", probs[r.IntN(len(probs))]}}}},
			{"temperature", 0.0}, {"max_completion_tokens", 1024}, {"logprobs", true}, {"top_logprobs", 5}}, reqMeta{})
	})
}

// --- hackathon --------------------------------------------------------------

const hackSystem = "You are CodeBuddy, a friendly coding assistant built at Hack the Stack Berlin 2026. Answer concisely and include runnable code when helpful."

// planHackathon: a weekend hackathon in Berlin opens at 18:00 local; a
// hundred teams create accounts on the venue's network, start from the
// organisers' starter kit and switch to cobalt-3 as soon as it appears.
func planHackathon(w *world) {
	r := w.r
	venue := []string{"185.88.212.33", "185.88.212.34"}
	open := w.start.Add(2 * time.Hour) // 16:00 UTC
	for i := range w.n(100, 20) {
		ur := r.fork()
		a := w.newAccount(fmt.Sprintf("team%03d", i))
		t := open.Add(ur.logn(25*time.Minute, 0.5))
		var c *client
		path := pMessages
		switch ur.weighted(45, 30, 15, 10) {
		case 0:
			c = ur.newClient(stAnthropicPy, true)
		case 1:
			c = ur.newClient(stOpenAIJS, true)
			path = pChat
		case 2:
			c = ur.newClient(stBrowser, true)
			c.origin = "http://localhost:" + ur.pick([]string{"5173", "3000", "8080"})
			c.browserDir = true
		default:
			c = ur.newClient(stOpenAIPy, true)
			path = pChat
		}
		curl := ur.newClient(stCurl, true)
		phone := ur.mobileIP()
		ip := func() string {
			if ur.chance(0.06) {
				return phone // tethered to a phone when the wifi drops
			}
			return venue[ur.IntN(len(venue))]
		}
		// The quickstart's smoke test, pasted from the starter README.
		w.add(t, a, ip(), curl, pMessages, tracefmt.Obj{{"model", mFlag}, {"max_tokens", 1024},
			{"messages", []tracefmt.Obj{{{"role", "user"}, {"content", "Hello, world"}}}}}, reqMeta{})
		t = t.Add(ur.logn(4*time.Minute, 0.7))
		sys := hackSystem
		if ur.chance(0.4) {
			sys = "You are " + ur.pick([]string{"RepoGuide", "BugHound", "DocSmith", "TestPilot", "CommitCoach", "StackSage"}) + ", an assistant that " +
				ur.pick([]string{"explains GitHub repositories", "finds bugs in pasted code", "writes docstrings", "generates unit tests", "writes commit messages", "answers Stack Overflow style questions"}) + ". " + ur.pick([]string{"Be brief.", "Always answer in Markdown.", "Reply in JSON."})
		}
		switchAt := w.release.Add(ur.logn(20*time.Minute, 0.6))
		stopAt := w.end
		if ur.chance(0.2) {
			stopAt = t.Add(ur.logn(90*time.Minute, 0.5)) // gave up, or went to dinner
		}
		fixed := ur.chatQuestion() // the demo input they test with over and over
		for t.Before(stopAt) {
			model := mFlag
			if t.After(switchAt) && ur.chance(0.85) {
				model = mNew
			}
			q := fixed
			if ur.chance(0.5) {
				q = ur.chatQuestion()
			}
			var body tracefmt.Obj
			if path == pMessages {
				body = tracefmt.Obj{{"model", model}, {"max_tokens", []int{1024, 2048, 4096}[ur.IntN(3)]}, {"system", sys},
					{"messages", []tracefmt.Obj{{{"role", "user"}, {"content", q}}}}}
				if ur.chance(0.3) {
					body = body.Set("stream", true)
				}
			} else {
				body = tracefmt.Obj{{"model", model}, {"messages", []tracefmt.Obj{{{"role", "system"}, {"content", sys}}, {{"role", "user"}, {"content", q}}}}}
				if ur.chance(0.4) {
					body = body.Set("temperature", 0.7)
				}
			}
			w.add(t, a, ip(), c, path, body, reqMeta{})
			if ur.chance(0.12) {
				t = t.Add(ur.logn(20*time.Minute, 0.6)) // a break, a talk, pizza
			} else {
				t = t.Add(ur.logn(90*time.Second, 1.0))
			}
		}
	}
}

// --- people chatting ------------------------------------------------------

// planChat: people asking programming questions in bring-your-own-key chat
// apps (a web app, a desktop app) or from a notebook.
func planChat(w *world) {
	r := w.r
	for i := range w.n(260, 30) {
		ur := r.fork()
		a := w.newAccount(fmt.Sprintf("p%03d", i))
		tz := ur.zone()
		table := &hobbyHours
		if ur.chance(0.5) {
			table = &workHours
		}
		var c *client
		path := pChat
		sys := ""
		switch ur.weighted(40, 35, 25) {
		case 0:
			c = ur.newClient(stBrowser, false)
			c.origin = "https://app.chatloom.io"
			if ur.chance(0.4) {
				path = pMessages
				c.browserDir = true
			}
			sys = "You are a helpful assistant. Format answers in Markdown."
		case 1:
			c = ur.newClient(stOpenAIJS, false)
			c.ua = "Chatloom-Desktop/3.2." + ur.pick([]string{"0", "1", "4"})
		default:
			c = ur.newClient(stOpenAIPy, false)
			if ur.chance(0.5) {
				c = ur.newClient(stAnthropicPy, false)
				path = pMessages
			}
		}
		ip := ur.residentialIP()
		if ur.chance(0.15) {
			ip = ur.mobileIP()
		}
		model := ur.pick([]string{mFlag, mFlag, mMini})
		switchAt := w.release.Add(ur.logn(3*time.Hour, 1.0))
		w.each(ur, w.start, w.end, 1+ur.Float64()*1.5, func(t time.Time) float64 { return activity(t, tz, table) }, func(t time.Time) {
			var msgs []tracefmt.Obj
			if sys != "" && path == pChat {
				msgs = append(msgs, tracefmt.Obj{{"role", "system"}, {"content", sys}})
			}
			for k := 0; k < 1+min(int(ur.ExpFloat64()*2), 8); k++ {
				m := model
				if t.After(switchAt) {
					m = mNew
				}
				msgs = append(msgs, tracefmt.Obj{{"role", "user"}, {"content", ur.chatQuestion()}})
				var body tracefmt.Obj
				if path == pMessages {
					body = tracefmt.Obj{{"model", m}, {"max_tokens", 4096}, {"messages", msgs[:len(msgs):len(msgs)]}, {"stream", true}}
					if sys != "" {
						body = tracefmt.Obj{{"model", m}, {"max_tokens", 4096}, {"system", sys}, {"messages", msgs[:len(msgs):len(msgs)]}, {"stream", true}}
					}
				} else {
					body = tracefmt.Obj{{"model", m}, {"messages", msgs[:len(msgs):len(msgs)]}, {"stream", c.st != stOpenAIPy}}
					if c.st == stBrowser {
						body = body.Set("temperature", 0.7)
					}
				}
				w.add(t, a, ip, c, path, body, reqMeta{})
				msgs = append(msgs, tracefmt.Obj{{"role", "assistant"}, {"content", ur.chatReply()}})
				t = t.Add(ur.logn(100*time.Second, 0.8))
			}
		})
	}
}

// --- docs bot ---------------------------------------------------------------

const docsSystem = `You are the documentation assistant for Pipewire Cloud, a hosted CI/CD service. Answer only from the documentation excerpts provided between <docs> tags. If the answer is not in the excerpts, say you don't know and link to https://docs.pipewire.cloud. Quote YAML examples exactly. Never invent configuration keys.`

var docsChunks = []string{
	"Pipelines are defined in .pipewire.yml at the repository root. Each pipeline has stages; each stage has steps that run in a container image.",
	"Caching: use the cache key with paths to persist directories between runs. Keys may include {{ checksum \"package-lock.json\" }}.",
	"Secrets are set in Project Settings > Secrets and exposed as environment variables. They are masked in logs.",
	"Self-hosted runners connect outbound on port 443 and need the PIPEWIRE_RUNNER_TOKEN environment variable.",
	"Matrix builds: define matrix with axes; each combination runs as a separate job. Use exclude to skip combinations.",
	"Artifacts are kept for 30 days on the Team plan and 90 days on Enterprise. Use artifacts.paths to upload files.",
	"Triggers: on.push, on.pull_request and on.schedule (cron syntax, UTC). Scheduled runs on forks are disabled.",
	"Concurrency groups cancel in-progress runs of the same group when a new run starts, if cancel_in_progress is true.",
}

var docsQuestions = []string{"how do I cache node_modules", "why are my secrets empty in PR builds from forks", "can I run a job only on tags",
	"what's the artifact retention on team plan", "self hosted runner keeps disconnecting", "how to cancel previous runs when I push again",
	"matrix build exclude python 3.8 on windows", "cron schedule not triggering", "how do i pass outputs between stages", "docker layer caching?",
	"is there a way to retry flaky steps automatically", "pricing for extra minutes"}

// planDocsBot: two apps of a SaaS company, each one key with one fixed
// system prompt: a docs assistant (many requests, steady), and a ticket
// triage job that runs every five minutes.
func planDocsBot(w *world) {
	r := w.r
	docs := w.newAccount("helpcenter")
	triage := w.newAccount("triage")
	servers := []string{r.cloudIP("aws"), r.cloudIP("aws")}
	cl := &client{st: stOpenAIPy, async: true, pkg: "2.3.0", os: "Linux", arch: "x64", rtVer: "3.12.3", ja4: ja4Python, timeout: "60"}
	shape := func(t time.Time) float64 {
		return 0.2 + 0.5*activity(t, -5, &workHours) + 0.3*activity(t, 1, &workHours)
	}
	w.each(r, w.start, w.end, 420*w.cfg.Scale, shape, func(t time.Time) {
		var ex string
		for range 3 {
			ex += r.pick(docsChunks) + "\n\n"
		}
		body := tracefmt.Obj{{"model", mMini}, {"messages", []tracefmt.Obj{{{"role", "system"}, {"content", docsSystem}},
			{{"role", "user"}, {"content", "<docs>\n" + ex + "</docs>\n\nQuestion: " + r.pick(docsQuestions)}}}},
			{"temperature", 0.1}, {"max_completion_tokens", 700}, {"stream", true}, {"stream_options", tracefmt.Obj{{"include_usage", true}}}}
		w.add(t, docs, servers[r.IntN(2)], cl, pChat, body, reqMeta{})
	})
	for t := w.start.Truncate(5 * time.Minute); t.Before(w.end); t = t.Add(5 * time.Minute) {
		at := t.Add(r.uniform(800*time.Millisecond, 2*time.Second))
		for k := 0; k < r.between(0, int(8*w.cfg.Scale)+2); k++ {
			body := tracefmt.Obj{{"model", mMini}, {"messages", []tracefmt.Obj{
				{{"role", "system"}, {"content", "Classify the support ticket into one of: billing, runners, pipelines-config, secrets, outage, account, other. Output JSON {\"category\": string, \"urgency\": 1-3, \"summary\": string}."}},
				{{"role", "user"}, {"content", "Subject: " + r.pick(docsQuestions) + "\n\n" + r.pick([]string{"Hi team,", "Hello,", "URGENT:"}) + " " + r.chatQuestion()}}}},
				{"temperature", 0.0}, {"max_completion_tokens", 200}, {"response_format", tracefmt.Obj{{"type", "json_object"}}}}
			w.add(at, triage, servers[0], cl, pChat, body, reqMeta{})
			at = at.Add(r.logn(1500*time.Millisecond, 0.3))
		}
	}
}
