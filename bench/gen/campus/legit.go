package campus

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// arrivals calls f at the instants of a Poisson process on [from, to)
// whose rate per minute is rate(t), never above peak.
func arrivals(r *rand.Rand, from, to time.Time, peak float64, rate func(time.Time) float64, f func(time.Time)) {
	if peak <= 0 {
		return
	}
	for t := from; ; {
		t = t.Add(exp(r, time.Duration(float64(time.Minute)/peak)))
		if !t.Before(to) {
			return
		}
		if r.Float64()*peak < rate(t) {
			f(t)
		}
	}
}

// evening is a rate that grows from 60% to 100% of peak over the window
// (students and pupils do homework later in the day).
func (w *world) evening(peak float64) func(time.Time) float64 {
	return func(t time.Time) float64 {
		return peak * (0.6 + 0.4*float64(t.Sub(w.start))/float64(w.end.Sub(w.start)))
	}
}

// modelAfter returns the model a migrating user sends at t: old until
// their switch, NewModel after it.
func modelAfter(t, switchAt time.Time, old string) string {
	if !switchAt.IsZero() && !t.Before(switchAt) {
		return NewModel
	}
	return old
}

// migration returns when a user who may adopt the new model switches:
// with probability p, after the release plus a log-normal delay of the
// given median; zero when they do not switch in the window.
func (w *world) migration(r *rand.Rand, p float64, median time.Duration) time.Time {
	if !chance(r, p) {
		return time.Time{}
	}
	return w.release.Add(lognorm(r, median, 1.0))
}

// lab_session: lecturers have a class create accounts during a lab session
// on the campus network and work through the day's exercise sheet.
func planLab(w *world) {
	r := w.rng("lab")
	type sess struct {
		course   string
		areas    []string
		at       time.Duration
		students int
		notebook string // "": the course's web page in the lab's browsers; else the SDK in the JupyterHub notebook
	}
	sessions := []sess{
		{"PHYS 101 Mechanics", []string{"mechanics", "physics"}, 15 * time.Minute, 48, ""},
		{"MATH 221 Linear Algebra and Calculus", []string{"calculus", "linear algebra", "algebra"}, 70 * time.Minute, 36, "openai"},
		{"CHEM 110 General Chemistry", []string{"chemistry"}, 150 * time.Minute, 55, ""},
		{"CS 105 Programming for Scientists", []string{"number theory", "combinatorics", "probability"}, 200 * time.Minute, 42, "anthropic"},
		{"BIO 150 Genetics and Growth", []string{"biology", "probability"}, 270 * time.Minute, 30, ""},
	}
	for si, s := range sessions {
		start := w.at(s.at)
		// The exercise sheet: the same text for every student.
		var sheet []problem
		for len(sheet) < 8 {
			if p := anyProblem(r); contains(s.areas, p.Area) {
				sheet = append(sheet, p)
			}
		}
		nat := []string{campusLabs.random(r), campusLabs.random(r)}
		var cl *client
		system := fmt.Sprintf("You are a tutor for the course %s. Explain step by step and check the student's reasoning, but do not just give away the final answer.", s.course)
		switch s.notebook {
		case "openai", "anthropic":
			cl = newPy(r, map[string]kind{"openai": pyOpenAI, "anthropic": pyAnthropic}[s.notebook])
			cl.os, cl.arch, cl.runtime = "Linux", "x64", "3.11.9"
			cl.ja4 = ja4For(pySSL(cl.runtime))
			nat = []string{jupyterHub.random(r)}
		default:
			// Identical lab PCs: one browser build for the whole room.
			for cl = newBrowser(r, "https://tutor.uni-nordstadt.de"); cl.browser != "chrome" || cl.os != "Windows"; cl = newBrowser(r, "https://tutor.uni-nordstadt.de") {
			}
		}
		n := w.n(s.students, 8)
		for i := range n {
			a := &account{name: fmt.Sprintf("lab_session-%d-%02d", si+1, i+1), key: newKey(r, "sk-proj-")}
			ip := pick(r, nat)
			t := start.Add(4*time.Minute + time.Duration(r.Int64N(int64(11*time.Minute))))
			send := func(at time.Time, msgs []any) {
				switch cl.kind {
				case pyOpenAI:
					b := chatBody("gpt-4.1-mini", withSystem("system", system, msgs)).Set("temperature", 0.2).Set("max_tokens", 800)
					w.add(at, a, ip, cl, "/v1/chat/completions", b)
				case pyAnthropic:
					w.add(at, a, ip, cl, "/v1/messages", messagesBody("claude-haiku-4-5", 800, system, msgs).Set("temperature", 0.2))
				default:
					b := chatBody("gpt-4.1-mini", withSystem("system", system, msgs)).Set("stream", true)
					w.add(at, a, ip, cl, "/v1/chat/completions", b)
				}
			}
			send(t, []any{msg("user", pick(r, []string{"hello", "Hello, are you working?", "test", "Say hello", "hi", "Can you help me with " + s.course + "?"}))})
			// The lecturer announces an exercise every nine minutes.
			for k, p := range sheet {
				if !chance(r, 0.85) {
					continue
				}
				at := start.Add(12*time.Minute + time.Duration(k)*9*time.Minute + lognorm(r, 2*time.Minute, 0.6))
				var c convo
				q := fmt.Sprintf("Exercise %d: %s", k+1, p.Text)
				switch r.IntN(4) {
				case 0:
					q = studentAsk(r, p)
				case 1:
					q += "\n\nMy attempt: " + pick(r, []string{"I got " + p.Answer + " but I'm not sure", "I started with the formula but got stuck", "I think the answer is 12?", "no idea where to start"})
				}
				c.user(q)
				send(at, c.snapshot())
				for range r.IntN(5) {
					at = at.Add(lognorm(r, 90*time.Second, 0.5))
					c.assistant(assistantReply(r, p))
					c.user(pick(r, followUps))
					send(at, c.snapshot())
				}
			}
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Public benchmark items: the same for every seed and every group, as a
// published benchmark is.
var (
	benchWord, benchComp, benchMC []problem
)

func init() {
	r := rand.New(rand.NewPCG(2021, 1319))
	for range 1319 {
		p := problemGens[r.IntN(20)](r)
		benchWord = append(benchWord, p)
	}
	for range 500 {
		benchComp = append(benchComp, compProblem(r))
	}
	for range 1000 {
		p := anyProblem(r)
		opts := []string{p.Answer, "0", "1/2", "none of the above"}
		r.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
		p.Text = fmt.Sprintf("%s\nA) %s\nB) %s\nC) %s\nD) %s", p.Text, opts[0], opts[1], opts[2], opts[3])
		benchMC = append(benchMC, p)
	}
}

// eval_research: research groups run reasoning benchmarks from the HPC
// cluster: temperature 0, n>1 self-consistency, graders, log-probability
// calibration, each job a fixed pool of workers with regular timing.
func planEval(w *world) {
	r := w.rng("eval")
	type group struct {
		name string
		keys []*account
		ips  []string
		oa   *client
		an   *client
	}
	mk := func(name string, nkeys int, net cidr) *group {
		g := &group{name: name}
		for i := range nkeys {
			g.keys = append(g.keys, &account{name: fmt.Sprintf("eval_research-%s-%d", name, i+1), key: newKey(r, "sk-svcacct-")})
		}
		for range 3 {
			g.ips = append(g.ips, net.random(r))
		}
		g.oa = newPy(r, pyOpenAI)
		g.oa.os, g.oa.arch, g.oa.async = "Linux", "x64", true
		g.an = newPy(r, pyAnthropic)
		g.an.os, g.an.arch, g.an.async = "Linux", "x64", true
		g.an.runtime, g.an.ja4 = g.oa.runtime, g.oa.ja4
		return g
	}
	nlp := mk("nlp", 3, campusHPC)
	mathed := mk("mathed", 2, campusHPC)
	physed := mk("physed", 2, cloudB[1])

	solveSys := "Solve the problem. Reason step by step, then give the final answer on the last line in the form 'Answer: <value>'."
	type job struct {
		g       *group
		at      time.Duration
		kind    string // solve, sc (self-consistency), grade, calib, solve-msg
		model   string
		items   []problem
		workers int
		latency time.Duration
	}
	rel := w.cfg.Release
	jobs := []job{
		{nlp, 2 * time.Minute, "solve", "gpt-4.1", benchWord, 6, 9 * time.Second},
		{nlp, 35 * time.Minute, "calib", "gpt-4.1-mini", benchMC, 4, 2 * time.Second},
		{mathed, 60 * time.Minute, "solve-msg", OldModel, benchComp, 4, 14 * time.Second},
		{physed, 100 * time.Minute, "sc", "gpt-4.1", benchComp[:300], 3, 20 * time.Second},
		{nlp, 120 * time.Minute, "grade", "gpt-4.1-mini", benchWord[:800], 6, 4 * time.Second},
		{mathed, rel + 25*time.Minute, "solve-msg", NewModel, benchComp, 4, 25 * time.Second},
		{nlp, rel + 50*time.Minute, "calib", NewModel, benchMC[:600], 4, 3 * time.Second},
		{physed, 240 * time.Minute, "grade", "gpt-4.1", benchComp[:300], 3, 5 * time.Second},
		{nlp, 300 * time.Minute, "solve", "gpt-4.1-mini", benchWord, 6, 8 * time.Second},
	}
	for ji, j := range jobs {
		items := j.items[:max(20, int(float64(len(j.items))*w.cfg.Scale))]
		// Each worker takes the next item when its previous request
		// returns; a job's worker uses one of the group's keys.
		free := make([]time.Time, j.workers)
		for i := range free {
			free[i] = w.at(j.at).Add(time.Duration(i) * 150 * time.Millisecond)
		}
		for i, p := range items {
			wk := i % j.workers
			at := free[wk]
			free[wk] = at.Add(jitter(r, j.latency, 0.35))
			a := j.g.keys[(ji+wk)%len(j.g.keys)]
			ip := j.g.ips[wk%len(j.g.ips)]
			user := []any{msg("user", p.Text)}
			switch j.kind {
			case "solve":
				b := chatBody(j.model, withSystem("system", solveSys, user)).Set("temperature", 0.0).Set("max_tokens", 2048).Set("seed", 1234)
				w.add(at, a, ip, j.g.oa, "/v1/chat/completions", b)
			case "sc":
				b := chatBody(j.model, withSystem("system", solveSys, user)).Set("temperature", 0.7).Set("n", 8).Set("max_tokens", 2048)
				w.add(at, a, ip, j.g.oa, "/v1/chat/completions", b)
			case "grade":
				prompt := fmt.Sprintf("You are grading a solution to a math or science problem.\n\nProblem:\n%s\n\nReference answer: %s\n\nCandidate solution:\n%s\n\nScore the candidate from 0 to 10 for correctness and rigor of the reasoning. Respond with JSON: {\"score\": <int>, \"justification\": <string>}.",
					p.Text, p.Answer, assistantReply(r, p))
				b := chatBody(j.model, []any{msg("user", prompt)}).Set("temperature", 0.0).Set("max_tokens", 300).Set("response_format", tracefmt.Obj{{"type", "json_object"}})
				w.add(at, a, ip, j.g.oa, "/v1/chat/completions", b)
			case "calib":
				b := chatBody(j.model, withSystem("system", "Answer with the letter of the correct option only.", user)).
					Set("temperature", 0.0).Set("max_tokens", 1).Set("logprobs", true).Set("top_logprobs", 20)
				w.add(at, a, ip, j.g.oa, "/v1/chat/completions", b)
			case "solve-msg":
				b := messagesBody(j.model, 4096, solveSys, user)
				if j.model == NewModel {
					b = messagesBody(j.model, 16000, solveSys, user).Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 8000}})
				} else {
					b = b.Set("temperature", 0.0)
				}
				w.add(at, a, ip, j.g.an, "/v1/messages", b)
			}
		}
	}
}

// lms_plugin: an AI assistant plugin of the learning management system,
// used by teachers with their own keys from their school's server.
func planLMS(w *world) {
	r := w.rng("lms")
	cl := &client{kind: guzzle, ua: "GuzzleHttp/7", ja4: ja4For("php-curl"), order: orderNatural}
	levels := []string{"year 7", "year 9", "year 11", "upper secondary", "first-year university", "vocational"}
	courses := []string{"Physics", "Chemistry", "Biology", "Mathematics", "History", "English", "Geography", "Computer Science", "Economics", "Art"}
	rubrics := []string{"accuracy (4), use of evidence (3), clarity (3)", "correct method (5), correct result (3), units and notation (2)", "argument (4), structure (3), language (3)"}
	var schools []string
	for range w.n(300, 15) {
		schools = append(schools, pick(r, append(hosting, residential...)).random(r))
	}
	n := w.n(1500, 30)
	for i := range n {
		a := &account{name: fmt.Sprintf("lms_plugin-%04d", i+1), key: newKey(r, "sk-proj-")}
		ip := pick(r, schools)
		if chance(r, 0.4) {
			ip = moodleCloud.random(r)
		}
		model := pick(r, []string{"gpt-4.1-mini", "gpt-4.1-mini", "gpt-4.1-mini", "gpt-4o-mini", "gpt-4.1"})
		course := pick(r, courses)
		level := pick(r, levels)
		system := fmt.Sprintf("You are the AI Teaching Assistant inside Moodle. Answer in the language of the request. Be accurate, age-appropriate and concise. Course: %s (%s).", course, level)
		t := w.start.Add(time.Duration(r.Int64N(int64(w.cfg.Span))))
		for range between(r, 1, 12) {
			var user string
			switch r.IntN(5) {
			case 0:
				user = fmt.Sprintf("Generate %d multiple-choice questions about \"%s\" for %s students. For each question give four options, mark the correct one and add a one-sentence explanation.", between(r, 3, 10), pick(r, chatTopics), level)
			case 1:
				p := anyProblem(r)
				user = fmt.Sprintf("Give constructive feedback on the following student answer.\nQuestion: %s\nStudent answer: %s\nUse this rubric: %s. Return a score out of 10 and two suggestions for improvement.", p.Text, pick(r, []string{p.Answer, "I think it is " + p.Answer + " because of the formula", "dont know", "the answer is 42"}), pick(r, rubrics))
			case 2:
				p := anyProblem(r)
				user = fmt.Sprintf("Write a worked example with step-by-step explanation for %s students, based on this exercise: %s", level, p.Text)
			case 3:
				user = fmt.Sprintf("Create a lesson plan of %d minutes on \"%s\" for %s.", pick(r, []int{45, 60, 90}), pick(r, chatTopics), level)
			default:
				user = fmt.Sprintf("Summarise the following text for %s students in simple language:\n\n%s", level, chatRequest(r))
			}
			b := chatBody(model, []any{msg("system", system), msg("user", user)}).Set("temperature", 0.7).Set("max_tokens", 1500)
			w.add(t, a, ip, cl, "/v1/chat/completions", b)
			t = t.Add(lognorm(r, 2*time.Minute, 0.7))
		}
	}
}

// it_gateway: the university IT's gateway proxies every staff member's
// key from one small address range with one client stack; departments'
// batch pipelines rotate over small key pools.
func planGateway(w *world) {
	r := w.rng("gateway")
	oa := newPy(r, pyOpenAI)
	oa.os, oa.arch, oa.async, oa.ver, oa.runtime = "Linux", "x64", true, "1.97.1", "3.12.3"
	oa.ja4 = ja4For(pySSL(oa.runtime))
	an := newPy(r, pyAnthropic)
	an.os, an.arch, an.async, an.runtime, an.ja4 = "Linux", "x64", true, oa.runtime, oa.ja4
	ips := []string{campusGW.addr(1), campusGW.addr(2), campusGW.addr(3), campusGW.addr(4)}
	send := func(at time.Time, a *account, model string, msgs []any, extra tracefmt.Obj) {
		ip := pick(r, ips)
		if model[:3] == "gpt" {
			w.add(at, a, ip, oa, "/v1/chat/completions", append(chatBody(model, msgs), extra...))
			return
		}
		w.add(at, a, ip, an, "/v1/messages", append(messagesBody(model, 4096, "", msgs), extra...))
	}
	n := w.n(500, 12)
	for i := range n {
		a := &account{name: fmt.Sprintf("it_gateway-staff-%03d", i+1), key: newKey(r, "sk-proj-")}
		old := pick(r, []string{"gpt-4.1", "gpt-4.1-mini", OldModel, OldModel, "claude-haiku-4-5", "gpt-4o"})
		sw := w.migration(r, 0.3, 45*time.Minute)
		for range between(r, 1, 4) {
			t := w.start.Add(time.Duration(r.Int64N(int64(w.cfg.Span))))
			var c convo
			c.user(chatRequest(r))
			for k := range between(r, 1, 7) {
				if k > 0 {
					c.assistant(chatReply(r))
					c.user(pick(r, chatFollowUps))
				}
				send(t, a, modelAfter(t, sw, old), c.snapshot(), nil)
				t = t.Add(lognorm(r, 100*time.Second, 0.7))
			}
		}
	}
	// Departmental pipelines: document summarisation over a pool of keys
	// used round-robin, in runs at a steady rate.
	for d, dept := range []string{"history", "medicine", "library"} {
		var pool []*account
		for k := range 3 {
			pool = append(pool, &account{name: fmt.Sprintf("it_gateway-pool-%s-%d", dept, k+1), key: newKey(r, "sk-svcacct-")})
		}
		for run := range 3 {
			t := w.at(time.Duration(40+d*25+run*110) * time.Minute)
			for i := range w.n(400, 60) {
				doc := fmt.Sprintf("Document %d of the %s archive.\n\n%s %s", i+1, dept, chatRequest(r), chatReply(r))
				send(t, pool[i%3], "gpt-4.1-mini", []any{msg("system", "Summarise the document in five bullet points and extract names, dates and places as JSON."), msg("user", doc)},
					tracefmt.Obj{{"temperature", 0.0}})
				t = t.Add(jitter(r, 6*time.Second, 0.3))
			}
		}
	}
}

// tutoring_app: homework and tutoring apps that send every student's
// question through a few backend keys with one fixed system prompt.
func planTutoring(w *world) {
	r := w.rng("tutoring")
	type app struct {
		name   string
		cl     *client
		path   string
		model  string
		sys    string
		perMin float64
		keys   []*account
		ips    []string
		sw     time.Time
	}
	stepwise := newNode(r, nodeOpenAI)
	stepwise.os, stepwise.arch, stepwise.ver, stepwise.runtime = "Linux", "x64", "5.20.1", "v20.19.5"
	stepwise.ja4 = ja4For("node20")
	mentor := newPy(r, pyAnthropic)
	mentor.os, mentor.arch, mentor.async = "Linux", "x64", true
	chem := &client{kind: goHTTP, ua: "ChemPal-backend/2.3 (+https://chempal.app)", ja4: ja4For("go"), order: orderNatural}
	apps := []*app{
		{name: "stepwise", cl: stepwise, path: "/v1/chat/completions", model: "gpt-4.1-mini", perMin: 40,
			sys: "You are StepWise, a patient tutor for school students. Always explain the solution step by step, numbering the steps. Ask a guiding question if the student seems stuck. Never write essays for students."},
		{name: "mathmentor", cl: mentor, path: "/v1/messages", model: "claude-haiku-4-5", perMin: 18, sw: w.release.Add(18 * time.Minute),
			sys: "You are MathMentor. Explain math and science homework with clear, numbered steps and finish with the final answer in bold. Use LaTeX for formulas."},
		{name: "chempal", cl: chem, path: "/v1/responses", model: "gpt-4.1-mini", perMin: 9,
			sys: "You are ChemPal, a chemistry homework helper. Show every step of the calculation with units, then the answer."},
	}
	for _, ap := range apps {
		for k := range pick(r, []int{2, 3, 4}) {
			ap.keys = append(ap.keys, &account{name: fmt.Sprintf("tutoring_app-%s-%d", ap.name, k+1), key: newKey(r, "sk-svcacct-")})
		}
		net := pick(r, append(cloudA, cloudB...))
		for range between(r, 2, 6) {
			ap.ips = append(ap.ips, net.random(r))
		}
		var open []*convo
		var probs []problem
		arrivals(r, w.start, w.end, ap.perMin*w.cfg.Scale, w.evening(ap.perMin*w.cfg.Scale), func(t time.Time) {
			var c *convo
			if len(open) > 0 && chance(r, 0.3) {
				i := r.IntN(len(open))
				c = open[i]
				c.assistant(assistantReply(r, probs[i]))
				c.user(pick(r, followUps))
			} else {
				p := anyProblem(r)
				if ap.name == "chempal" {
					for p.Area != "chemistry" {
						p = anyProblem(r)
					}
				}
				c = &convo{}
				c.user(studentAsk(r, p))
				if len(open) > 50 {
					open, probs = open[1:], probs[1:]
				}
				open, probs = append(open, c), append(probs, p)
			}
			a := ap.keys[r.IntN(len(ap.keys))]
			ip := pick(r, ap.ips)
			model := modelAfter(t, ap.sw, ap.model)
			switch ap.path {
			case "/v1/chat/completions":
				b := chatBody(model, withSystem("system", ap.sys, c.snapshot())).Set("stream", true).Set("stream_options", tracefmt.Obj{{"include_usage", true}}).
					Set("temperature", 0.3).Set("max_tokens", 1200).Set("user", fmt.Sprintf("u_%08x", r.Uint32()))
				w.add(t, a, ip, ap.cl, ap.path, b)
			case "/v1/messages":
				b := messagesBody(model, 1024, ap.sys, c.snapshot()).Set("stream", true).Set("temperature", 0.3)
				w.add(t, a, ip, ap.cl, ap.path, b)
			default:
				b := tracefmt.Obj{{"model", model}, {"instructions", ap.sys}, {"input", c.snapshot()}, {"max_output_tokens", 1000}, {"store", false}}
				w.add(t, a, ip, ap.cl, ap.path, b)
			}
		})
	}
}

// personal_chat: students and staff with personal keys chatting through
// notebooks, scripts, curl and bring-your-own-key web apps.
func planChat(w *world) {
	r := w.rng("chat")
	origins := []string{"https://chat.uni-nordstadt.de", "https://byok-chat.pages.dev", "https://notes.studyroom.app", "https://llm-playground.vercel.app"}
	n := w.n(900, 20)
	for i := range n {
		a := &account{name: fmt.Sprintf("personal_chat-%04d", i+1), key: newKey(r, "sk-proj-")}
		var cl *client
		switch x := r.IntN(10); {
		case x < 4:
			cl = newBrowser(r, pick(r, origins))
		case x < 6:
			cl = newPy(r, pick(r, []kind{pyOpenAI, pyAnthropic}))
		case x < 8:
			cl = newNode(r, pick(r, []kind{nodeOpenAI, nodeAnthropic}))
		default:
			cl = newCurl(r)
		}
		anthropic := cl.kind == pyAnthropic || cl.kind == nodeAnthropic || (cl.kind != pyOpenAI && cl.kind != nodeOpenAI && chance(r, 0.4))
		home := residentialIP(r)
		onCampus := chance(r, 0.55)
		old := pick(r, []string{"gpt-4.1", "gpt-4.1-mini", "gpt-4o", "o4-mini"})
		if anthropic {
			old = pick(r, []string{OldModel, OldModel, "claude-haiku-4-5", "claude-opus-4-1"})
		}
		sw := time.Time{}
		if anthropic {
			sw = w.migration(r, 0.4, 30*time.Minute)
		}
		for range between(r, 1, 3) {
			t := w.start.Add(time.Duration(r.Int64N(int64(w.cfg.Span))))
			ip := home
			if onCampus {
				ip = campusWifi.random(r)
			}
			var c convo
			c.user(chatRequest(r))
			stream := cl.kind == browser || chance(r, 0.3)
			for k := range between(r, 1, 8) {
				if k > 0 {
					c.assistant(chatReply(r))
					c.user(pick(r, chatFollowUps))
				}
				model := modelAfter(t, sw, old)
				if anthropic {
					b := messagesBody(model, pick(r, []int{1024, 2048, 4096, 8192}), "", c.snapshot())
					if stream {
						b = b.Set("stream", true)
					}
					if model == NewModel && chance(r, 0.5) {
						b = messagesBody(model, 16000, "", c.snapshot()).Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 4000}})
					}
					w.add(t, a, ip, cl, "/v1/messages", b)
				} else {
					b := chatBody(model, c.snapshot())
					if stream {
						b = b.Set("stream", true)
					}
					if model == "o4-mini" {
						b = b.Set("reasoning_effort", pick(r, []string{"low", "medium", "high"}))
					} else if chance(r, 0.3) {
						b = b.Set("temperature", pick(r, []float64{0.2, 0.5, 0.7, 1}))
					}
					w.add(t, a, ip, cl, "/v1/chat/completions", b)
				}
				t = t.Add(lognorm(r, 80*time.Second, 0.7))
			}
		}
	}
}

// course_assistant: apps with one fixed system prompt and retrieved
// context: the library's help bot and a department's syllabus bot.
func planAssistant(w *world) {
	r := w.rng("assistant")
	lib := newPy(r, pyOpenAI)
	lib.os, lib.arch = "Linux", "x64"
	syl := newPy(r, pyAnthropic)
	syl.os, syl.arch = "Linux", "x64"
	libKey := &account{name: "course_assistant-asklib", key: newKey(r, "sk-svcacct-")}
	sylKey := &account{name: "course_assistant-syllabus", key: newKey(r, "sk-svcacct-")}
	libIP, sylIP := campusServer.random(r), campusServer.random(r)
	libSys := "You are AskLib, the help assistant of the University Library of Nordstadt. Answer only from the provided context passages. If the answer is not in the context, say so and point to the service desk (library@uni-nordstadt.de). Keep answers under 120 words."
	sylSys := []any{tracefmt.Obj{{"type", "text"}, {"text", "You are the syllabus assistant of the Department of Physics. Use the module handbook below to answer students' questions about modules, exams, credits and prerequisites.\n\n<handbook>\nPHYS 101 Mechanics: 8 ECTS, written exam 120 min, prerequisite none.\nPHYS 102 Electromagnetism: 8 ECTS, written exam, prerequisite PHYS 101.\nPHYS 210 Quantum Mechanics I: 10 ECTS, oral exam, prerequisites PHYS 102 and MATH 221.\nLab course: attendance required, reports graded pass/fail.\n</handbook>"}, {"cache_control", tracefmt.Obj{{"type", "ephemeral"}}}}}
	libQ := []string{"How long can I borrow a book?", "Can I renew my loans online?", "Where can I print in colour?", "How do I access IEEE papers from home?", "When is the library open on Sunday?", "How do I book a group study room?", "Can alumni get a library card?", "How do I cite a dataset in APA?"}
	sylQ := []string{"What do I need before taking Quantum Mechanics I?", "How many credits is the lab course?", "Is the PHYS 102 exam oral or written?", "Can I take PHYS 210 in my second semester?", "what happens if i fail the mechanics exam", "How are lab reports graded?"}
	arrivals(r, w.start, w.end, 8*w.cfg.Scale, w.evening(8*w.cfg.Scale), func(t time.Time) {
		ctx := fmt.Sprintf("[1] Loan periods: standard loans 28 days, renewable up to %d times online.\n[2] Opening hours: Mon-Fri 8-24, Sat-Sun 10-22.\n[3] Remote access via VPN or Shibboleth login.", between(r, 3, 5))
		b := chatBody("gpt-4.1-mini", []any{msg("system", libSys), msg("user", "Context:\n"+ctx+"\n\nQuestion: "+pick(r, libQ))}).Set("temperature", 0.2).Set("max_tokens", 300)
		w.add(t, libKey, libIP, lib, "/v1/chat/completions", b)
	})
	arrivals(r, w.start, w.end, 6*w.cfg.Scale, w.evening(6*w.cfg.Scale), func(t time.Time) {
		b := tracefmt.Obj{{"model", "claude-haiku-4-5"}, {"max_tokens", 512}, {"system", sylSys}, {"messages", []any{msg("user", pick(r, sylQ))}}}
		w.add(t, sylKey, sylIP, syl, "/v1/messages", b)
	})
}

// coding_agent: students and staff running the same open-source coding
// agent with their own keys: identical system prompt, tools and client.
func planCodingAgent(w *world) {
	r := w.rng("coding")
	n := w.n(140, 8)
	for i := range n {
		a := &account{name: fmt.Sprintf("coding_agent-%03d", i+1), key: newKey(r, "sk-proj-")}
		cl := newNode(r, nodeAnthropic)
		cl.ver = "0.60.0"
		cl.ua = quillUA
		cl.extra = [][2]string{{"anthropic-beta", "interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14"}, {"x-app", "cli"}}
		ip := residentialIP(r)
		if chance(r, 0.5) {
			ip = campusWifi.random(r)
		}
		sw := w.migration(r, 0.35, 40*time.Minute)
		for range between(r, 1, 4) {
			t := w.start.Add(time.Duration(r.Int64N(int64(w.cfg.Span))))
			task, steps := codingTrajectory(r, between(r, 3, 18))
			msgs := trajectoryMessages(r, task, steps, true)
			for k := 0; k <= len(steps); k++ {
				model := modelAfter(t, sw, OldModel)
				b := messagesBody(model, 32000, quillSystem, msgs[:1+2*k:1+2*k]).Set("tools", quillTools).Set("stream", true)
				if model == NewModel || chance(r, 0.3) {
					b = b.Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 4000}})
				}
				w.add(t, a, ip, cl, "/v1/messages", b)
				t = t.Add(lognorm(r, 7*time.Second, 0.6))
				if chance(r, 0.15) {
					t = t.Add(lognorm(r, 90*time.Second, 0.8)) // the user reads and approves
				}
			}
		}
	}
}
