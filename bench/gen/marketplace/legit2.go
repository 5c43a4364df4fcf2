package marketplace

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// ---------------------------------------------------------------- popular_tool

var kindTool = &kind{class: "popular_tool", render: func(w *world, r *rng, e *event) req {
	return agentRequest(e, e.model, e.a.app == 1, userTask)
}}

// ToolUpdateAfter is when, after the release, tessellate 1.10.0 ships
// with the new model as its default.
const ToolUpdateAfter = 35 * time.Minute

func tessellateUA(v string) string { return "tessellate/" + v + " (external, cli)" }

func planTool(w *world) {
	offices := make([]block, 40)
	or := newRNG(w.cfg.Seed, "tool/offices")
	for i := range offices {
		offices[i] = newBlock(or, pick(or, residential[weighted(or, 0.5, 0.3, 0.2)]), 2)
	}
	n := w.count(1400, 50)
	for i := range n {
		r := newRNG(w.cfg.Seed, fmt.Sprintf("popular_tool/%d", i))
		reg := weighted(r, 0.45, 0.35, 0.2)
		cli := newClient(r, anthropicNode, false)
		cli.ver = pick(r, []string{"0.71.2", "0.74.0", "0.74.0"})
		old := pick(r, []string{"1.9.2", "1.9.3", "1.9.4", "1.9.4", "1.9.4"})
		cli.ua = tessellateUA(old)
		a := w.newAccount(r, "popular_tool", i, cli, true)
		a.region, a.model = reg, "claude-sonnet-4-5"
		if r.chance(0.25) {
			a.app = 1 // thinking on
		}
		pinned := r.chance(0.2)
		updated := time.Time{}
		if r.chance(0.65) {
			updated = w.release.Add(ToolUpdateAfter + secs(r.exp()*90*60))
		}
		upd := *cli
		upd.ua = tessellateUA("1.10.0")
		ip := homeIP(r, reg)
		if r.chance(0.3) {
			ip = offices[r.intn(len(offices))].ip(r)
		}
		for range 1 + r.poisson(0.35) {
			t := w.sessionStart(r, reg)
			seed := r.u64()
			model, c := a.model, cli
			if !updated.IsZero() && !t.Before(updated) {
				c = &upd
				if !pinned {
					model = NewModel
				}
			}
			w.add(t, event{a: a, k: kindTool, ip: ip, model: model, cli: c, seed: seed, aux: 1})
			t = t.Add(secs(0.2 + r.float()*0.5))
			for step := range r.between(1, 9) {
				w.add(t, event{a: a, k: kindTool, ip: ip, model: model, cli: c, seed: seed, turn: step})
				t = t.Add(secs(r.logn(9, 0.6) + r.logn(1.5, 1.2)))
			}
		}
	}
}

// ---------------------------------------------------------------- batch_jobs

var kindBatch = &kind{class: "batch_jobs", render: renderBatch}

var catalogLangs = []string{"English", "Traditional Chinese", "Korean", "Thai", "Indonesian"}

func planBatch(w *world) {
	r := newRNG(w.cfg.Seed, "batch")
	// job 0: a Japanese retailer's overnight catalogue translation (23:00-05:00 JST)
	tr := &client{kind: openaiPy, ver: "1.109.1", rt: "3.11.9", os: "Linux", arch: "x64"}
	ja := w.newAccount(r, "batch_jobs", 0, tr, false)
	ja.model = "gpt-4.1-mini"
	jip := cloudIP(r, "aws")
	t := w.start.Add(secs(r.float() * 5))
	for step := 0; t.Before(w.end); step++ {
		w.add(t, event{a: ja, k: kindBatch, ip: jip, model: ja.model, seed: uint64(step / len(catalogLangs)), aux: step % len(catalogLangs)})
		t = t.Add(secs((r.logn(6.8, 0.3) + 0.15) / w.cfg.Scale))
	}
	// job 1: a fintech's ticket labelling for a classifier's training set
	lc := &client{kind: anthropicPy, ver: "0.79.0", rt: "3.12.8", os: "Linux", arch: "x64"}
	la := w.newAccount(r, "batch_jobs", 1, lc, true)
	la.model, la.app = "claude-haiku-4-5", 1
	lip := cloudIP(r, "hetzner")
	t = w.start.Add(secs(r.float() * 5))
	for step := 0; t.Before(w.end); step++ {
		w.add(t, event{a: la, k: kindBatch, ip: lip, model: la.model, seed: r.u64(), aux: step})
		t = t.Add(secs((r.logn(9.5, 0.25) + 0.1) / w.cfg.Scale))
	}
	// job 2: a newsletter's digest run, 90 minutes in the second hour
	dc := &client{kind: openaiPy, ver: "2.14.0", rt: "3.12.3", os: "Linux", arch: "arm64"}
	da := w.newAccount(r, "batch_jobs", 2, dc, false)
	da.model, da.app = "gpt-4.1", 2
	dip := cloudIP(r, "gcp")
	t = w.start.Add(50 * time.Minute)
	for t.Before(w.start.Add(140 * time.Minute)) {
		w.add(t, event{a: da, k: kindBatch, ip: dip, model: da.model, seed: r.u64()})
		t = t.Add(secs((r.logn(19, 0.3) + 0.5) / w.cfg.Scale))
	}
}

func renderBatch(w *world, r *rng, e *event) req {
	switch e.a.app {
	case 0:
		pr := &rng{s: mix(e.seed ^ 0x7a)}
		desc := "<p>" + pick(pr, jpProducts) + "</p><ul><li>" + pick(pr, jpProducts) + "</li></ul>"
		return req{path: "/v1/chat/completions", body: chatBody(e.model,
			"You are a professional e-commerce translator. Translate faithfully, keep all HTML tags and attributes unchanged, and output only the translation.",
			[]msg{{role: "user", text: fmt.Sprintf("Translate the following product description from Japanese into %s.\n\n%s", catalogLangs[e.aux], desc)}},
			knobs{temp: 0.2, maxTokens: 1500})}
	case 1:
		return req{path: "/v1/messages", body: messagesBody(e.model,
			"You label customer messages for a classifier training set. Return a JSON object with the keys intent, sentiment (positive, neutral, negative) and urgency (1-3). No other text.",
			[]msg{{role: "user", text: ticket(r)}}, knobs{maxTokens: 200, temp: 0})}
	}
	return req{path: "/v1/responses", body: responsesBody(e.model, "Summarize the article in three bullet points for a daily newsletter. Neutral tone.",
		[]msg{{role: "user", text: prose(r, pick(r, topics), r.between(250, 500))}}, knobs{temp: 0.3, maxTokens: 400})}
}

// ---------------------------------------------------------------- eval_team

var kindEval = &kind{class: "eval_team", render: renderEval}

const (
	evalItem = iota
	evalGrade
)

func planEval(w *world) {
	r := newRNG(w.cfg.Seed, "eval")
	ci := &client{kind: openaiPy, ver: "2.21.0", rt: "3.11.9", os: "Linux", arch: "x64", async: true}
	cia := &client{kind: anthropicPy, ver: "0.81.0", rt: "3.11.9", os: "Linux", arch: "x64", async: true}
	accts := []*account{
		w.newAccount(r, "eval_team", 0, ci, false), // CI, OpenAI-dialect models
		w.newAccount(r, "eval_team", 1, cia, true), // CI, Anthropic-dialect models
		w.newAccount(r, "eval_team", 2, ci, false), // graders
		w.newAccount(r, "eval_team", 3, cia, true), // an engineer's ad-hoc runs
		w.newAccount(r, "eval_team", 4, newClient(r, curlCLI, false), false),
	}
	accts[0].model, accts[1].model, accts[2].model, accts[3].model, accts[4].model = "gpt-4.1", "claude-sonnet-4-5", "gpt-4.1", NewModel, "gpt-4.1-mini"
	runner := newBlock(r, "35.203", 4)
	office := homeIP(r, 0)
	items := int(math.Round(220 * w.cfg.Scale))
	run := func(t time.Time, a *account, model string, n, workers int, ip func() string) {
		ts := make([]time.Time, workers)
		for i := range ts {
			ts[i] = t.Add(secs(r.float()))
		}
		for it := range n {
			wk := it % workers
			kindOf, _ := benchItem(it)
			w.add(ts[wk], event{a: a, k: kindEval, ip: ip(), model: model, seed: uint64(it), aux: evalItem})
			ts[wk] = ts[wk].Add(secs(r.logn(4, 0.5) + 0.05))
			if kindOf != 0 {
				w.add(ts[wk], event{a: accts[2], k: kindEval, ip: ip(), model: accts[2].model, seed: uint64(it), aux: evalGrade})
				ts[wk] = ts[wk].Add(secs(r.logn(2.5, 0.4) + 0.05))
			}
		}
	}
	ciIP := func() string { return runner.ip(r) }
	for h := 0; h < int(w.hours()); h++ {
		a := accts[h%2]
		run(w.start.Add(time.Duration(h)*time.Hour+5*time.Minute), a, a.model, items, 8, ciIP)
	}
	// release day: the new model through the whole suite, from the office
	run(w.release.Add(12*time.Minute), accts[3], NewModel, int(math.Round(550*w.cfg.Scale)), 16, func() string { return office })
	// a few hand-run checks with curl
	for range r.between(5, 15) {
		w.add(w.at(r.float()*w.hours()), event{a: accts[4], k: kindEval, ip: office, model: accts[4].model, seed: uint64(r.intn(items + 1)), aux: evalItem})
	}
}

func renderEval(w *world, r *rng, e *event) req {
	kindOf, prompt := benchItem(int(e.seed))
	path := "/v1/chat/completions"
	if e.a.cli.anthropicSDK() {
		path = "/v1/messages"
	}
	if e.aux == evalGrade {
		cr := &rng{s: mix(e.seed ^ 0x9)}
		g := fmt.Sprintf("You are an impartial grader. Score the model response against the reference using this rubric:\n"+
			"10 = fully correct and complete; 7 = correct with minor omissions; 4 = partially correct; 1 = incorrect.\n"+
			"Return JSON: {\"score\": <1-10>, \"rationale\": \"...\"}.\n\n[Question]\n%s\n\n[Reference]\n%d\n\n[Model response]\n%s",
			prompt, cr.between(10, 400), prose(cr, "the problem", cr.between(60, 160)))
		return req{path: path, body: chatBody(e.model, "", []msg{{role: "user", text: g}}, knobs{temp: 0, maxTokens: 300, respFormat: true})}
	}
	k := knobs{temp: 0, maxTokens: 1024}
	switch kindOf {
	case 0:
		k.maxTokens = 5
	case 1:
		k.n = 3 // determinism check at temperature 0
	case 2:
		k.n, k.temp = 5, 0.8 // pass@5
	}
	if path == "/v1/messages" {
		k.n = 0
		return req{path: path, body: messagesBody(e.model, "", []msg{{role: "user", text: prompt}}, k)}
	}
	return req{path: path, body: chatBody(e.model, "", []msg{{role: "user", text: prompt}}, k)}
}

// ---------------------------------------------------------------- datasci_logprobs

var kindDataSci = &kind{class: "datasci_logprobs", render: renderDataSci}

func planDataSci(w *world) {
	r := newRNG(w.cfg.Seed, "datasci")
	nb := cloudIP(r, "aws")
	office := newBlock(r, pick(r, residential[1]), 3)
	for i := range 4 {
		c := newClient(r, openaiPy, i == 0)
		c.ver = pick(r, []string{"2.14.0", "2.21.0"})
		a := w.newAccount(r, "datasci_logprobs", i, c, false)
		for range 1 + r.intn(2) {
			t := w.at(r.float() * (w.hours() - 0.5))
			ip := nb
			if i > 0 && r.chance(0.5) {
				ip = office.ip(r)
			}
			mode := weighted(r, 0.7, 0.3)
			n := int(math.Round(float64(r.between(300, 600)) * w.cfg.Scale))
			bias := r.u64()
			for range n {
				w.add(t, event{a: a, k: kindDataSci, ip: ip, model: "gpt-4.1-mini", seed: r.u64(), aux: mode, turn: int(bias >> 40)})
				t = t.Add(secs(r.logn(0.9, 0.4)))
			}
		}
	}
}

func renderDataSci(w *world, r *rng, e *event) req {
	br := &rng{s: uint64(e.turn)}
	if e.aux == 1 {
		ids := []int{3967, 4633}
		return req{path: "/v1/completions", body: completionsBody("gpt-3.5-turbo-instruct", "Review: "+ticket(r)+"\nSentiment (positive or negative):",
			knobs{maxTokens: 1, temp: 0, topLogprobs: 5, bias: ids, biasVal: 100})}
	}
	labels := []int{65739, 9106, 14180, 4711, 1748, 4126, 2523}
	ids := labels[:br.between(5, 7)]
	k := knobs{maxTokens: 1, temp: 0, logprobs: true, topLogprobs: pick(br, []int{5, 10, 20}), bias: ids, biasVal: 100}
	return req{path: "/v1/chat/completions", body: chatBody(e.model,
		"Classify the customer message into exactly one of: billing, bug, feature_request, account, cancellation, praise, other. Answer with the label only.",
		[]msg{{role: "user", text: ticket(r)}}, k)}
}

// ---------------------------------------------------------------- demo_day

var kindDemo = &kind{class: "demo_day", render: renderDemo}

var demoIdeas = []string{"that turns lecture recordings into flashcards", "for landlords that drafts lease renewals", "that explains medical bills in plain language",
	"that helps restaurants plan weekly menus", "that writes grant applications for non-profits", "that reviews pull requests for accessibility issues",
	"for truckers that plans legal rest stops", "that turns customer calls into CRM notes", "that coaches founders on investor pitches",
	"that translates menus and explains dishes", "that helps nurses write shift handover notes", "that grades essays with feedback for teachers",
	"that answers questions about city permits", "that builds travel itineraries from a budget", "that summarizes board meeting packs"}

func planDemo(w *world) {
	r := newRNG(w.cfg.Seed, "demo")
	venue := newBlock(r, "38.122", 2)
	n := w.count(60, 8)
	slot0 := w.start.Add(150 * time.Minute) // 16:30 UTC, 09:30 in San Francisco
	slotLen := time.Duration(float64(3*time.Hour) / float64(n))
	for i := range n {
		tr := newRNG(w.cfg.Seed, fmt.Sprintf("demo_day/%d", i))
		k := []stackKind{openaiNode, anthropicNode, openaiPy, browserFetch, anthropicPy}[weighted(tr, 0.35, 0.15, 0.2, 0.2, 0.1)]
		cli := newClient(tr, k, false)
		cli.origin = pick(tr, []string{"http://localhost:3000", "http://localhost:5173", fmt.Sprintf("https://%s-%s.vercel.app", pick(tr, coSyll), pick(tr, coSyll))})
		anth := cli.anthropicSDK() || (k == browserFetch && tr.chance(0.5))
		a := w.newAccount(tr, "demo_day", i, cli, anth)
		a.app = tr.intn(len(demoIdeas))
		if anth {
			a.model, a.app = pick(tr, claudeModels), a.app+1000
		} else {
			a.model = pick(tr, gptModels)
		}
		slot := slot0.Add(time.Duration(i) * slotLen)
		// rehearsal from 15:00 until the slot
		arrivals(tr, w.start.Add(time.Hour), slot, 10, func(time.Time) float64 { return 10 }, func(t time.Time) {
			w.add(t, event{a: a, k: kindDemo, ip: venue.ip(tr), model: a.model, seed: tr.u64()})
		})
		t := slot.Add(secs(tr.float() * 20))
		for range tr.between(4, 12) {
			w.add(t, event{a: a, k: kindDemo, ip: venue.ip(tr), model: a.model, seed: tr.u64(), turn: tr.intn(2)})
			t = t.Add(secs(tr.logn(12, 0.5)))
		}
		// the audience tries it: on the venue's wifi, or on their phones for browser apps
		for range tr.between(5, 20) {
			at := slot.Add(secs(60 + tr.exp()*10*60))
			ip := venue.ip(tr)
			if k == browserFetch && tr.chance(0.5) {
				ip = mobileIP(tr, 0)
			}
			w.add(at, event{a: a, k: kindDemo, ip: ip, model: a.model, seed: tr.u64()})
		}
	}
}

func renderDemo(w *world, r *rng, e *event) req {
	idea := demoIdeas[e.a.app%1000]
	ar := &rng{s: e.a.seed}
	name := strings.ToUpper(pick(ar, coSyll)[:1]) + pick(ar, coSyll)[1:] + pick(ar, []string{"ly", "AI", "io", "Pilot", "Mate"})
	system := fmt.Sprintf("You are %s, an assistant %s. Keep answers short and friendly.", name, idea)
	turns, _ := conversation(e.seed, e.turn, demoAsk, func(r *rng) string { return personFollowUp(r, 0) })
	path := "/v1/chat/completions"
	if e.a.app >= 1000 {
		path = "/v1/messages"
	}
	k := knobs{temp: 0.7, maxTokens: 1000, stream: ar.chance(0.6)}
	if reasoningModel(e.model) {
		k.temp, k.maxCompl = noTemp(), true
	}
	return req{path: path, body: dialectBody(path, e.model, system, turns, k), stream: k.stream}
}

// ---------------------------------------------------------------- reseller

var (
	kindResellerCustomer = &kind{class: "reseller_customer", render: renderResellerCustomer}
	kindResellerHarvest  = &kind{class: "reseller_harvest", campaign: true, render: renderResellerHarvest}
)

// planReseller plans the reseller's keys: its customers' traffic and its
// own harvest go out through the same keys, egress and gateway.
func planReseller(w *world) {
	r := newRNG(w.cfg.Seed, "reseller")
	egress := newBlock(r, "47.242", 2)
	cli := &client{kind: goGateway, sortedHdr: true}
	n := w.count(24, 8)
	var keys []*account
	for i := range n {
		keys = append(keys, w.newAccount(r, "reseller", i, cli, false))
	}
	cpeak := w.rate(1050)
	arrivals(r, w.start, w.end, cpeak, func(t time.Time) float64 {
		return cpeak * (0.55*activity(2, t) + 0.35*activity(0, t) + 0.1)
	}, func(t time.Time) {
		seed := r.u64()
		model := pick(r, append(gptModels, claudeModels...))
		if t.After(w.release.Add(20*time.Minute)) && r.chance(0.25) {
			model = NewModel
		}
		for turn := 0; ; turn++ {
			w.add(t, event{a: keys[r.intn(len(keys))], k: kindResellerCustomer, ip: egress.ip(r), model: model, seed: seed, turn: turn, aux: weighted(r, 0.3, 0.1, 0.6)})
			if turn > 6 || !r.chance(0.4) {
				break
			}
			t = t.Add(secs(r.logn(40, 0.8)))
		}
	})
	hpeak := w.rate(620)
	arrivals(r, w.start, w.end, hpeak, func(time.Time) float64 { return hpeak * (0.9 + 0.1*r.float()) }, func(t time.Time) {
		model := pick(r, []string{"claude-sonnet-4-5", "claude-sonnet-4-5", "gpt-5", "claude-opus-4-1"})
		w.add(t, event{a: keys[r.intn(len(keys))], k: kindResellerHarvest, ip: egress.ip(r), model: model, seed: r.u64()})
	})
}

func renderResellerCustomer(w *world, r *rng, e *event) req {
	turns, _ := conversation(e.seed, e.turn, func(r *rng) string { return personAsk(r, e.aux) }, func(r *rng) string { return personFollowUp(r, e.aux) })
	cr := &rng{s: mix(e.seed ^ 0x3)}
	k := knobs{temp: noTemp(), stream: cr.chance(0.75), maxTokens: pick(cr, []int{0, 2048, 4096})}
	if cr.chance(0.4) {
		k.temp = 0.7
	}
	path := "/v1/chat/completions"
	if strings.HasPrefix(e.model, "claude") {
		path = "/v1/messages"
	}
	if reasoningModel(e.model) {
		k.temp, k.maxCompl = noTemp(), true
	}
	return req{path: path, body: dialectBody(path, e.model, pick(cr, []string{"", "", "You are a helpful assistant.", "你是一个有用的助手。"}), turns, k), stream: k.stream}
}

func renderResellerHarvest(w *world, r *rng, e *event) req {
	t := pick(r, topics)
	var p string
	switch weighted(r, 0.45, 0.25, 0.3) {
	case 0:
		q := fill(pick(r, knowledgeForms), "t", t)
		ans := prose(r, t, r.between(30, 90))
		if r.chance(0.5) {
			p = fmt.Sprintf("以下是一道题目和它的标准答案。请像你自己在解题一样，一步一步写出得到这个答案的完整推理过程。\n\n题目：%s\n答案：%s", q, ans)
		} else {
			p = fmt.Sprintf("Here is a question and its correct answer. Write out, step by step, the complete reasoning that leads to this answer, as if you were solving it yourself.\n\nQuestion: %s\nAnswer: %s", q, ans)
		}
	case 1:
		p = fmt.Sprintf("Rate the answer below from 1 to 10 for accuracy, completeness and clarity. Justify each score, then write an improved answer.\n\nQuestion: %s\n\nAnswer: %s",
			fill(pick(r, knowledgeForms), "t", t), prose(r, t, r.between(60, 150)))
	default:
		p = fmt.Sprintf("%s Answer in %s, and explain your reasoning in detail before giving the final answer.", fill(pick(r, knowledgeForms), "t", t), pick(r, languages))
	}
	k := knobs{maxTokens: 8192, temp: noTemp(), stream: r.chance(0.2)}
	path := "/v1/chat/completions"
	if strings.HasPrefix(e.model, "claude") {
		path = "/v1/messages"
		if r.chance(0.5) {
			k.maxTokens, k.thinking = 16000, 8000
		}
	} else {
		k.maxCompl, k.effort = true, "high"
	}
	return req{path: path, body: dialectBody(path, e.model, "", []msg{{role: "user", text: p}}, k), stream: k.stream}
}

// demoAsk is what a team, a judge or the audience types into a demo.
func demoAsk(r *rng) string {
	switch weighted(r, 0.25, 0.2, 0.55) {
	case 0:
		return pick(r, []string{"test", "hello", "hi", "testing 123", "is this working?", "ping"})
	case 1:
		return pick(r, []string{"what can you do?", "who are you", "how does this work", "give me an example", "what's your favourite feature?"})
	}
	return personAsk(r, 0)
}
