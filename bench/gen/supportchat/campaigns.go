package supportchat

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// narrowProblem draws from the campaigns' target capability: competition
// maths, with some algorithmic code.
func narrowProblem(r *rand.Rand, code float64) problem {
	if r.Float64() < code {
		return codeProblem(r)
	}
	return mathProblem(r)
}

// naive: hundreds of fresh accounts, one template, one stack, datacentre
// addresses, an even cadence.
func (g *gen) naive(r *rand.Rand) {
	n := g.n(260, 10)
	c := &client{kind: kHttpx, version: "0.27.2", runtime: "3.11.9", os: "Linux", arch: "x64", host: proxyHost}
	c.ja4 = ja4For(c)
	var pool []string
	for i := 0; i < 3; i++ {
		s := subnet24(r)
		for j := 0; j < 12; j++ {
			pool = append(pool, s+octet(r))
		}
	}
	const sys = "You are a meticulous competition mathematician and programmer."
	tmpl := []string{
		"Problem:\n%s\n\nFinal answer: %s\n\nWrite out the complete chain of reasoning that leads from the problem to that result, numbering every step. Include every intermediate calculation.",
		"Problem:\n%s\n\nKnown answer: %s\n\nReconstruct the full derivation that arrives at this answer, as if solving it from scratch. Number every step and keep all intermediate calculations.",
	}
	cadence := 6 * time.Minute // about ten requests per account per hour
	for i := 0; i < n; i++ {
		d := chatAPI
		if r.IntN(10) < 3 {
			d = messagesAPI
		}
		a := g.newAccount(r, fmt.Sprintf("naive-%04d", i), c, pick(r, pool), d)
		t := g.start.Add(time.Duration(r.Int64N(int64(40 * time.Minute))))
		for ; t.Before(g.end); t = t.Add(cadence + sec(r.NormFloat64()*15)) {
			p := narrowProblem(r, 0.15)
			text := fmt.Sprintf(tmpl[r.IntN(len(tmpl))], p.text, p.answer)
			var k knobs
			if d == messagesAPI {
				k = knobs{model: "claude-sonnet-4-5", system: sys, maxTokens: 32000, thinking: 16000}
			} else {
				k = knobs{model: "o3", system: sys, maxTokens: 32000, effort: "high"}
			}
			g.send(t, a, "", d, body(d, k, []msg{{"user", text}}, c), ClassNaive, 0, false)
		}
	}
}

// paraphrase composes a harvesting prompt from the shared phrase pools, in
// many shapes.
func paraphrase(r *rand.Rand, p problem) string {
	var ask []string
	switch x := r.Float64(); {
	case x < 0.45:
		ask = append(ask, fmt.Sprintf(pick(r, answerGiven), p.answer), pick(r, rationalise))
	case x < 0.8:
		ask = append(ask, pick(r, showWork))
	default:
		ask = append(ask, pick(r, showWork), fmt.Sprintf(pick(r, answerGiven), p.answer))
	}
	if r.IntN(10) < 3 {
		ask = append(ask, pick(r, deepThinking))
	}
	ask = append(ask, pick(r, extras))
	switch r.IntN(4) {
	case 0:
		return join(pick(r, openers), strings.Join(ask, " ")+"\n\n"+p.text, pick(r, closers))
	case 1:
		return join(pick(r, openers), p.text+"\n\n"+strings.Join(ask, " "), pick(r, closers))
	case 2:
		return join(p.text, strings.Join(ask, " "))
	default:
		return join(pick(r, openers), p.text, strings.Join(ask, " "), pick(r, closers))
	}
}

// disguised: official SDKs, paraphrased prompts, residential addresses,
// accounts replaced every hour or two.
func (g *gen) disguised(r *rand.Rand) {
	slots := g.n(110, 6)
	serial := 0
	kinds := []clientKind{kOpenAIPy, kOpenAIPy, kAnthropicPy, kOpenAINode, kAnthropicTS}
	for s := 0; s < slots; s++ {
		t := g.start.Add(time.Duration(r.Int64N(int64(30 * time.Minute))))
		for t.Before(g.end) {
			life := time.Duration(60+r.IntN(61)) * time.Minute
			c := newClient(r, pick(r, kinds))
			d := dialectOf(r, c)
			a := g.newAccount(r, fmt.Sprintf("disg-%05d", serial), c, residentialIP(r), d)
			serial++
			death := t.Add(life)
			for ; t.Before(death) && t.Before(g.end); t = t.Add(40*time.Second + expSec(r, 560)) {
				p := narrowProblem(r, 0.35)
				k := knobs{model: modelFor(r, d, r.IntN(2) == 0), maxTokens: pick(r, []int{4096, 8192, 12000, 16000}), stream: r.IntN(2) == 0}
				if d == messagesAPI {
					if r.IntN(5) < 2 {
						k.thinking = pick(r, []int{8000, 12000})
					}
				} else if strings.HasPrefix(k.model, "o") || strings.HasPrefix(k.model, "gpt-5") {
					k.effort = pick(r, []string{"medium", "high", "high"})
				}
				msgs := []msg{{"user", paraphrase(r, p)}}
				g.send(t, a, "", d, body(d, k, msgs, c), ClassDisguised, 0, k.stream)
				if r.IntN(7) == 0 {
					t = t.Add(30*time.Second + expSec(r, 60))
					msgs = append(msgs, msg{"assistant", fakeSolution(r, p, false)}, msg{"user", fmt.Sprintf("Expand step %d — why exactly is it valid? Be as detailed as before.", 2+r.IntN(4))})
					g.send(t, a, "", d, body(d, k, msgs, c), ClassDisguised, 0, k.stream)
				}
			}
			// the replacement starts a little later, elsewhere
			t = death.Add(time.Duration(r.IntN(300)) * time.Second)
		}
	}
}

// logprob: the log-probability extraction shape on a few accounts.
func (g *gen) logprob(r *rand.Rand) {
	n := g.n(3, 2)
	net := subnet24(r)
	c := newClient(r, kRequests)
	c.os = "Linux"
	prompt := "Complete the sentence with one word. The most important quality in a good teacher is"
	for i := 0; i < n; i++ {
		a := g.newAccount(r, fmt.Sprintf("lp-%d", i), c, net+octet(r), chatAPI)
		t := g.at(0.1 + 0.1*r.Float64())
		stop := g.at(0.85 + 0.1*r.Float64())
		window := r.IntN(100000)
		for ; t.Before(stop); t = t.Add(sec(14 + r.Float64()*12)) {
			bias := make(obj, 0, 300)
			for j := 0; j < 300; j++ {
				bias = append(bias, kv{fmt.Sprint((window + j) % 100256), 100})
			}
			window = (window + 300) % 100256
			k := knobs{model: "gpt-4.1-mini", maxTokens: 1, setTemp: true, temperature: 0,
				extra: obj{{"logprobs", true}, {"top_logprobs", 20}, {"logit_bias", bias}}}
			g.send(t, a, "", chatAPI, body(chatAPI, k, []msg{{"user", prompt}}, c), ClassLogprob, 0, false)
		}
	}
}

// rubric: the model used as a reward model: grade and rank candidate
// answers with long explanations, across many new accounts.
func (g *gen) rubric(r *rand.Rand) {
	n := g.n(70, 6)
	c := newClient(r, kOpenAINode)
	c.version, c.runtime, c.os, c.arch = "4.104.0", "v20.18.0", "Linux", "x64"
	c.ja4 = ja4For(c)
	nets := []string{subnet24(r), subnet24(r)}
	for i := 0; i < n; i++ {
		a := g.newAccount(r, fmt.Sprintf("rubric-%03d", i), c, pick(r, nets)+octet(r), chatAPI)
		t := g.at(0.05 + 0.15*r.Float64())
		for ; t.Before(g.end); t = t.Add(5*time.Minute + expSec(r, 300)) {
			p := narrowProblem(r, 0.3)
			k := 3 + r.IntN(3)
			var b strings.Builder
			fmt.Fprintf(&b, pick(r, rubricHeads), k)
			b.WriteString("\n\n### Question\n" + p.text + "\n")
			for j := 1; j <= k; j++ {
				fmt.Fprintf(&b, "\n### Response %d\n%s\n", j, fakeSolution(r, p, r.IntN(2) == 0))
			}
			b.WriteString("\n" + pick(r, rubricTails))
			kn := knobs{model: pick(r, []string{"gpt-4.1", "o4-mini", "gpt-5"}), maxTokens: 6000}
			if kn.model != "gpt-4.1" {
				kn.effort = "high"
			} else {
				kn.setTemp, kn.temperature = true, 1
			}
			g.send(t, a, "", chatAPI, body(chatAPI, kn, []msg{{"user", b.String()}}, c), ClassRubric, 0, false)
		}
	}
}

// reseller: one account serving its own customers' chat and, mixed in,
// a harvest of worked solutions.
func (g *gen) reseller(r *rand.Rand) {
	c := newClient(r, kOpenAINode)
	c.os, c.arch = "Linux", "x64"
	c.ja4 = ja4For(c)
	a := g.newAccount(r, "reseller-relay", c, hostingIP(r), chatAPI)
	ips := []string{a.ip, hostingIP(r)}
	// customers
	crate := 160.0 * g.cfg.Scale
	for t := g.start; t.Before(g.end); t = t.Add(expSec(r, 3600/crate)) {
		if r.Float64()*1.3 > g.diurnal(t) {
			continue
		}
		k := personalKnobs(r, c, chatAPI)
		k.model = pick(r, []string{"gpt-4.1-mini", "gpt-4o-mini", "gpt-4.1"})
		k.effort = ""
		cv := &conv{g: g, a: a, ip: pick(r, ips), k: k, class: ClassCustomer, t: t, stream: k.stream}
		first, p := opening(r)
		cv.say(r, first, replyTo(r, p))
		for r.IntN(2) == 0 {
			cv.t = cv.t.Add(10*time.Second + expSec(r, 60))
			cv.say(r, followup(r, p), replyTo(r, p))
		}
	}
	// harvest, in bursts the reseller schedules between customers
	hrate := 170.0 * g.cfg.Scale
	sys := []string{"", "You are an expert tutor. Explain thoroughly."}
	for t := g.at(0.05); t.Before(g.end); t = t.Add(expSec(r, 3600/hrate)) {
		p := narrowProblem(r, 0.25)
		var text string
		if r.IntN(2) == 0 {
			text = "Solve:\n" + p.text + "\n\nRespond with your complete reasoning process first, every step written out, then the final answer on its own line."
		} else {
			text = paraphrase(r, p)
		}
		k := knobs{model: pick(r, []string{"o4-mini", "o3"}), maxTokens: 16000, effort: "high"}
		if s := pick(r, sys); s != "" {
			k.system = s
		}
		g.send(t, a, pick(r, ips), chatAPI, body(chatAPI, k, []msg{{"user", text}}, c), ClassHarvest, 0, false)
	}
}
