package marketplace

import (
	"fmt"
	"strings"
	"time"
)

// ---------------------------------------------------------------- naive

var kindNaive = &kind{class: "naive", campaign: true, render: renderNaive}

func planNaive(w *world) {
	r := newRNG(w.cfg.Seed, "naive")
	cli := &client{kind: openaiPy, ver: "1.109.1", rt: "3.10.12", os: "Linux", arch: "x64"}
	vms := newBlock(r, "45.76", 8)
	n := w.count(120, 12)
	accts := make([]*account, n)
	for i := range accts {
		accts[i] = w.newAccount(r, "naive", i, cli, false)
		accts[i].model, accts[i].ip = "gpt-4.1", vms.at(i%6)
	}
	// one dispatcher hands the next job to the next account, round robin
	t := w.start.Add(secs(r.float() * 3))
	for i := 0; t.Before(w.end); i++ {
		a := accts[i%n]
		w.add(t, event{a: a, k: kindNaive, ip: a.ip, model: a.model, seed: r.u64()})
		t = t.Add(secs((3 + 0.25*r.norm()) * 120 / float64(n)))
	}
}

func renderNaive(w *world, r *rng, e *event) req {
	p := fmt.Sprintf("Translate the following English text into %s. Then explain step by step the grammatical and lexical choices you made in the translation.\n\nText: \"%s\"",
		pick(r, languages), sentence(r))
	return req{path: "/v1/chat/completions", body: chatBody(e.model, "You are a helpful assistant.", []msg{{role: "user", text: p}}, knobs{temp: 0.7, maxTokens: 2048})}
}

// ---------------------------------------------------------------- disguised

var kindDisguised = &kind{class: "disguised", campaign: true, render: renderDisguised}

// the harness images the operator built: a few pinned versions, with the
// reported OS and architecture randomised per account.
var disguisedStacks = []client{
	{kind: openaiPy, ver: "2.8.1", rt: "3.11.9"},
	{kind: anthropicPy, ver: "0.75.0", rt: "3.11.9"},
	{kind: openaiNode, ver: "6.9.1", rt: "v20.18.1"},
	{kind: browserFetch, ver: "136"},
	{kind: pyAiohttp, ver: "3.11.18", rt: "3.11.9"},
}

func planDisguised(w *world) {
	n := w.count(350, 30)
	for i := range n {
		r := newRNG(w.cfg.Seed, fmt.Sprintf("disguised/%d", i))
		reg := weighted(r, 0.5, 0.3, 0.2)
		c := disguisedStacks[weighted(r, 0.3, 0.2, 0.15, 0.2, 0.15)]
		cli := &c
		cli.os, cli.arch = pickOS(r, false)
		if cli.kind == browserFetch {
			cli.browser, cli.origin = weighted(r, 0.7, 0.15, 0.15), pick(r, chatOrigins)
		}
		anth := cli.anthropicSDK() || (cli.kind != openaiPy && cli.kind != openaiNode && r.chance(0.4))
		a := w.newAccount(r, "disguised", i, cli, anth)
		a.region = reg
		if anth {
			a.model, a.app = pick(r, []string{"claude-sonnet-4-5", "claude-opus-4-1"}), 1
		} else {
			a.model = pick(r, []string{"gpt-5", "gpt-4.1", "gpt-5"})
		}
		for range 1 + r.poisson(1.8) {
			t := w.sessionStart(r, reg)
			ip := homeIP(r, reg) // a residential proxy exit, sticky for the session
			seed, turn := r.u64(), 0
			for range r.between(3, 9) {
				w.add(t, event{a: a, k: kindDisguised, ip: ip, model: a.model, seed: seed, turn: turn})
				if r.chance(0.25) && turn < 3 {
					turn++
				} else {
					seed, turn = r.u64(), 0
				}
				t = t.Add(secs(float64(r.between(8, 40))) + secs(r.logn(55, 0.7)))
			}
		}
	}
}

var disguisedOpeners = []string{"", "", "", "Hi! ", "Hey, ", "Could you help me with something? ", "I'm working on a project and ", "For my class, ", "Quick one: ",
	"Hello there. ", "ok so ", "I have a favour to ask. ", "Need some help: "}
var elicit = []string{"Walk me through your thinking before you answer.", "Please explain your reasoning step by step.",
	"Before writing, lay out your plan and the reasons behind each choice.", "Show how you arrive at it, not just the result.",
	"Think it through carefully and explain why.", "I'd like to understand the reasoning too, so be explicit about each step.",
	"talk me through how you'd approach it first", "Explain the thought process behind it as you go.", "Reason it out carefully before the final version."}

func disguisedAsk(r *rng) string {
	t, g, aud := pick(r, topics), pick(r, genres), pick(r, audiences)
	var s string
	switch weighted(r, 0.45, 0.25, 0.15, 0.15) {
	case 0:
		s = fill(pick(r, []string{"write a {g} about {t} for {a}", "I need a {g} on {t}, aimed at {a}", "can you draft a {g} discussing {t}? the audience is {a}",
			"please compose a {g} about {t} ({a} will read it)", "help me write a {g} about {t} that {a} would enjoy", "could you put together a {g} on {t} for {a}"}),
			"g", g, "t", t, "a", aud)
	case 1:
		s = fill(pick(r, knowledgeForms), "t", t)
	case 2:
		s = pick(r, []string{"Rewrite the following paragraph so it is clearer and more neutral in tone:", "can you rewrite this to be more balanced and less biased?",
			"Please rephrase this so it would be appropriate for a school newsletter:"}) + "\n\n" + prose(r, t, r.between(50, 120))
	default:
		s = fmt.Sprintf("Here's a %s my %s wrote about %s:\n\n%s\n\n%s", g, pick(r, []string{"student", "friend", "colleague", "son"}), t, prose(r, t, r.between(80, 180)),
			pick(r, []string{"How good is it on a scale of 1 to 10? Go through it criterion by criterion (structure, argument, style) and explain each score.",
				"Grade it like a strict teacher would, with a score for each criterion and why.", "what would you score this out of 10, and why? be specific about each weakness"}))
	}
	s = pick(r, disguisedOpeners) + s
	if r.chance(0.7) {
		s += " " + pick(r, elicit)
	}
	if r.chance(0.25) {
		s += fill(pick(r, []string{" Answer in {l}.", " Please respond in {l}.", " (in {l} please)", " Write it in {l}."}), "l", pick(r, languages))
	}
	return humanize(r, s)
}

func renderDisguised(w *world, r *rng, e *event) req {
	turns, _ := conversation(e.seed, e.turn, disguisedAsk, func(r *rng) string {
		return humanize(r, pick(r, []string{"can you make it more formal?", "now make it shorter but keep the reasoning", "what would you change to make it better? explain why",
			"great, can you expand the second part?", "translate that into " + pick(r, languages) + " please"}))
	})
	ar := &rng{s: e.a.seed}
	k := knobs{temp: noTemp(), maxTokens: pick(ar, []int{4096, 8192}), stream: e.a.cli.kind == browserFetch || ar.chance(0.4)}
	path := "/v1/chat/completions"
	if e.a.app == 1 {
		path = "/v1/messages"
		if ar.chance(0.5) {
			k.maxTokens, k.thinking = 16000, pick(ar, []int{6000, 8000, 10000})
		}
	} else if reasoningModel(e.model) {
		k.maxCompl, k.effort = true, pick(ar, []string{"medium", "high"})
	}
	return req{path: path, body: dialectBody(path, e.model, "", turns, k), stream: k.stream}
}

// ---------------------------------------------------------------- low_slow

var kindLowSlow = &kind{class: "low_slow", campaign: true, render: renderLowSlow}

func planLowSlow(w *world) {
	n := w.count(450, 40)
	for i := range n {
		r := newRNG(w.cfg.Seed, fmt.Sprintf("low_slow/%d", i))
		reg := weighted(r, 0.5, 0.3, 0.2)
		k := []stackKind{openaiPy, anthropicPy, openaiNode, anthropicNode, browserFetch, pyAiohttp}[weighted(r, 0.25, 0.15, 0.1, 0.05, 0.3, 0.15)]
		cli := newClient(r, k, false)
		cli.origin = pick(r, chatOrigins)
		anth := cli.anthropicSDK() || (k != openaiPy && k != openaiNode && r.chance(0.45))
		a := w.newAccount(r, "low_slow", i, cli, anth)
		a.region = reg
		if anth {
			a.model, a.app = pick(r, []string{"claude-sonnet-4-5", "claude-opus-4-1", "claude-sonnet-4-5-20250929"}), 1
		} else {
			a.model = pick(r, []string{"gpt-5", "gpt-4.1", "o4-mini"})
		}
		ip := homeIP(r, reg) // a static residential exit, the account's for weeks
		lambda := r.logn(2, 0.3)
		peak := lambda
		arrivals(r, w.start, w.end, peak, func(t time.Time) float64 { return lambda * (0.6 + 0.4*activity(reg, t)) }, func(t time.Time) {
			w.add(t, event{a: a, k: kindLowSlow, ip: ip, model: a.model, seed: r.u64()})
		})
	}
}

func lowSlowAsk(r *rng) string {
	t := pick(r, topics)
	var s string
	switch weighted(r, 0.4, 0.3, 0.3) {
	case 0:
		s = fill(pick(r, knowledgeForms), "t", t)
	case 1:
		s = fill(pick(r, []string{"Write a {g} about {t}.", "Can you write a {g} on {t}?", "I need a {g} about {t} for {a}."}), "g", pick(r, genres), "t", t, "a", pick(r, audiences))
	default:
		s = fill(pick(r, []string{"{q} Please answer in {l}.", "In {l}: {q}", "{q} (answer in {l})"}), "q", fill(pick(r, knowledgeForms), "t", t), "l", pick(r, languages))
	}
	if r.chance(0.5) {
		s += " " + pick(r, []string{"Please be thorough and explain your reasoning.", "Explain step by step.", "Go into detail.", "Take your time and reason carefully."})
	}
	return humanize(r, s)
}

func renderLowSlow(w *world, r *rng, e *event) req {
	ar := &rng{s: e.a.seed}
	k := knobs{temp: noTemp(), maxTokens: pick(ar, []int{4096, 8192}), stream: e.a.cli.kind == browserFetch || e.a.cli.kind == pyAiohttp}
	path := "/v1/chat/completions"
	if e.a.app == 1 {
		path = "/v1/messages"
		if ar.chance(0.4) {
			k.maxTokens, k.thinking = 16000, 6000
		}
	} else if reasoningModel(e.model) {
		k.maxCompl = true
	}
	return req{path: path, body: dialectBody(path, e.model, "", []msg{{role: "user", text: lowSlowAsk(r)}}, k), stream: k.stream}
}

// ---------------------------------------------------------------- churn

var kindChurn = &kind{class: "churn", campaign: true, render: renderChurn}

func planChurn(w *world) {
	r := newRNG(w.cfg.Seed, "churn")
	slots := w.count(12, 4)
	idx := 0
	for range slots {
		t := w.start.Add(secs(r.float() * 300))
		for t.Before(w.end) {
			cli := &client{kind: openaiNode, ver: "5.23.2", rt: "v20.19.0"}
			cli.os, cli.arch = pickOS(r, false)
			a := w.newAccount(r, "churn", idx, cli, false)
			idx++
			a.model = pick(r, []string{"gpt-4.1", "gpt-5-mini"})
			death := t.Add(secs(r.logn(25*60, 0.5)))
			for t.Before(death) {
				w.add(t, event{a: a, k: kindChurn, ip: mobileIP(r, weighted(r, 0.4, 0.3, 0.3)), model: a.model, seed: r.u64()})
				t = t.Add(secs(r.logn(45, 0.5)))
			}
			t = death.Add(secs(5 + r.exp()*40)) // the next account takes over at once
		}
	}
}

func renderChurn(w *world, r *rng, e *event) req {
	p := fill(pick(r, []string{
		"Write a {n} {g} in {l} about {t}. After it, explain in English the literary techniques you used and why.",
		"Write a {n} {g} about {t} in {l}. Then explain, step by step, how you structured it.",
		"In {l}, write a {n} {g} about {t}, followed by a short explanation of your choices.",
	}), "n", pick(r, []string{"300-word", "500-word", "short", "detailed", "800-word"}), "g", pick(r, genres), "l", pick(r, languages), "t", pick(r, topics))
	k := knobs{temp: 0.9, maxTokens: 3000}
	if reasoningModel(e.model) {
		k.temp, k.maxCompl = noTemp(), true
	}
	return req{path: "/v1/chat/completions", body: chatBody(e.model, "", []msg{{role: "user", text: p}}, k)}
}

// ---------------------------------------------------------------- logprob

var kindLogprob = &kind{class: "logprob", campaign: true, render: renderLogprob}

var countries = []string{"France", "Kenya", "Peru", "Vietnam", "Norway", "Egypt", "Canada", "Chile", "Thailand", "Poland", "Ghana", "Nepal", "Portugal", "Mongolia"}

func planLogprob(w *world) {
	n := w.count(24, 6)
	for i := range n {
		r := newRNG(w.cfg.Seed, fmt.Sprintf("logprob/%d", i))
		var cli *client
		if r.chance(0.6) {
			cli = &client{kind: pyRequests, ver: "2.32.3", rt: "3.11.9", os: "Linux", arch: "x64"}
		} else {
			cli = &client{kind: openaiPy, ver: "2.8.1", rt: "3.11.9", os: "Linux", arch: "x64"}
		}
		a := w.newAccount(r, "logprob", i, cli, false)
		a.model = pick(r, []string{"gpt-4.1-mini", "gpt-4o-mini", "gpt-4.1"})
		if r.chance(0.25) {
			a.app = 1 // legacy completions
		}
		ip := cloudIP(r, pick(r, []string{"aws", "gcp", "hetzner", "vultr"}))
		t := w.start.Add(secs(r.float() * 600))
		for t.Before(w.end) {
			probe := r.u64()
			for step := range r.between(40, 120) {
				w.add(t, event{a: a, k: kindLogprob, ip: ip, model: a.model, seed: probe, turn: step})
				t = t.Add(secs(r.logn(110, 0.3)))
			}
		}
	}
}

func renderLogprob(w *world, r *rng, e *event) req {
	pr := &rng{s: mix(e.seed)}
	var prompt string
	switch pr.intn(3) {
	case 0:
		prompt = fmt.Sprintf("Q: What is the capital of %s?\nA:", pick(pr, countries))
	case 1:
		prompt = fmt.Sprintf("Question: %s\nAnswer:", fill(pick(pr, knowledgeForms), "t", pick(pr, topics)))
	default:
		prompt = "Complete the sentence: " + strings.TrimSuffix(sentence(pr), ".")
	}
	// each step sweeps another block of token ids: which token wins under
	// which bias reveals the next-token distribution
	ids := make([]int, 300)
	for i := range ids {
		ids[i] = r.intn(200000)
	}
	val := 100
	if e.turn%2 == 1 {
		val = -100
	}
	if e.a.app == 1 {
		return req{path: "/v1/completions", body: completionsBody("gpt-3.5-turbo-instruct", prompt, knobs{maxTokens: 1, temp: 0, topLogprobs: 5, bias: ids, biasVal: val})}
	}
	k := knobs{maxTokens: 1, maxCompl: e.a.cli.kind == openaiPy, temp: 0, logprobs: true, topLogprobs: 20, bias: ids, biasVal: val}
	return req{path: "/v1/chat/completions", body: chatBody(e.model, "", []msg{{role: "user", text: prompt}}, k)}
}

// ---------------------------------------------------------------- agentic

var kindAgentic = &kind{class: "agentic", campaign: true, render: func(w *world, r *rng, e *event) req {
	return agentRequest(e, e.model, e.a.app == 1, harvestTask)
}}

func planAgentic(w *world) {
	n := w.count(140, 14)
	for i := range n {
		r := newRNG(w.cfg.Seed, fmt.Sprintf("agentic/%d", i))
		cli := &client{kind: anthropicNode, ver: "0.74.0", rt: "v20.19.0", os: "Linux", arch: "x64", ua: tessellateUA("1.9.4")}
		a := w.newAccount(r, "agentic", i, cli, true)
		a.model = "claude-sonnet-4-5"
		if r.chance(0.5) {
			a.app = 1
		}
		ip := cloudIP(r, pick(r, []string{"aws", "gcp", "azure"}))
		arrivals(r, w.start, w.end, 0.55, func(time.Time) float64 { return 0.55 }, func(t time.Time) {
			seed := r.u64()
			w.add(t, event{a: a, k: kindAgentic, ip: ip, model: a.model, seed: seed, aux: 1})
			t = t.Add(secs(0.2 + r.float()*0.3))
			for step := range r.between(8, 16) {
				w.add(t, event{a: a, k: kindAgentic, ip: ip, model: a.model, seed: seed, turn: step})
				t = t.Add(secs(r.logn(6, 0.4) + 0.5))
			}
		})
	}
}

// ---------------------------------------------------------------- pivot

var kindPivot = &kind{class: "pivot", campaign: true, render: renderPivot}

func planPivot(w *world) {
	r := newRNG(w.cfg.Seed, "pivot")
	pivot := w.release.Add(secs(float64(r.between(6*60, 18*60))))
	var pool []string
	for range 12 {
		pool = append(pool, cloudIP(r, "ovh"), cloudIP(r, "hetzner"))
	}
	n := w.count(160, 16)
	for i := range n {
		ar := newRNG(w.cfg.Seed, fmt.Sprintf("pivot/%d", i))
		cli := &client{kind: anthropicPy, ver: "0.79.0", rt: "3.12.8", os: "Linux", arch: "x64"}
		a := w.newAccount(ar, "pivot", i, cli, true)
		a.model = "claude-sonnet-4-5"
		a.migrate = pivot.Add(secs(ar.float() * 300))
		ip := pool[i%len(pool)]
		arrivals(ar, w.start, w.end, 6, func(t time.Time) float64 {
			if t.Before(a.migrate) {
				return 3
			}
			return 6
		}, func(t time.Time) {
			w.add(t, event{a: a, k: kindPivot, ip: ip, model: a.modelAt(t), seed: ar.u64()})
		})
	}
}

func renderPivot(w *world, r *rng, e *event) req {
	var q string
	switch r.intn(3) {
	case 0:
		q = fill(pick(r, knowledgeForms), "t", pick(r, topics))
	case 1:
		_, q = benchItem(4*r.intn(5000) + 2)
		q = strings.TrimSuffix(q, "\nLet's think step by step.")
	default:
		q = fmt.Sprintf("%s claims that %s. Is this correct? Consider the strongest arguments on both sides.", pick(r, firstNames), strings.ToLower(prose(r, pick(r, topics), 12)))
	}
	p := fill(pick(r, []string{"Think carefully and reason step by step before answering.\n\n{q}", "{q}\n\nShow all of your reasoning.", "Solve this and explain each step of your reasoning:\n{q}",
		"{q} Work through it methodically, checking each step.", "Question: {q}\nGive a detailed, well-reasoned answer."}), "q", q)
	k := knobs{maxTokens: 12000, thinking: 6000}
	if e.model == NewModel {
		k.maxTokens, k.thinking = 16000, 10000
	}
	return req{path: "/v1/messages", body: messagesBody(e.model, "", []msg{{role: "user", text: p}}, k)}
}
