package civic

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// A public civics benchmark: every organisation that runs it sends the
// same questions.
var civicsMC = []struct {
	q    string
	opts [4]string
}{
	{"Which of the following powers is reserved to the states under the U.S. Constitution?", [4]string{"Establishing public schools", "Coining money", "Declaring war", "Making treaties"}},
	{"How many voting members does the U.S. House of Representatives have?", [4]string{"435", "100", "538", "50"}},
	{"A city council's power to adopt ordinances comes most directly from:", [4]string{"The state constitution and statutes", "The U.S. Congress", "The county sheriff", "Federal regulations"}},
	{"Which body confirms federal judges?", [4]string{"The Senate", "The House of Representatives", "The Supreme Court", "The Attorney General"}},
	{"What is the main purpose of an open meetings law?", [4]string{"To require that public bodies deliberate in public", "To fund public broadcasting", "To limit campaign spending", "To set term limits"}},
	{"Under FOIA, which of the following is generally exempt from disclosure?", [4]string{"Personnel files whose release would invade personal privacy", "Adopted agency budgets", "Final agency opinions", "Published regulations"}},
	{"Which amendment guarantees equal protection of the laws against the states?", [4]string{"Fourteenth", "First", "Fifth", "Tenth"}},
	{"A special district is best described as:", [4]string{"A local government created for a specific function such as water or transit", "A federal court district", "A legislative committee", "A voting precinct"}},
	{"In most states, who certifies election results?", [4]string{"A state canvassing board or the secretary of state", "The governor alone", "The U.S. Election Assistance Commission", "The state supreme court"}},
	{"Which of the following is typically funded by property taxes?", [4]string{"Local public schools", "Social Security", "Interstate highways", "Medicare"}},
	{"A 'charter city' differs from a 'general law city' in that it:", [4]string{"Has adopted its own charter granting home-rule powers", "Cannot levy taxes", "Is governed by the county", "Has no elected council"}},
	{"The Americans with Disabilities Act requires public entities to:", [4]string{"Provide reasonable modifications so people with disabilities can access programs", "Hire only people with disabilities", "Close inaccessible buildings", "Charge fees for accommodations"}},
	{"What does a line-item veto allow an executive to do?", [4]string{"Reject specific provisions of a spending bill", "Veto a bill after it becomes law", "Dissolve the legislature", "Appoint judges without confirmation"}},
	{"Which level of government issues driver's licenses?", [4]string{"State", "Federal", "County", "City"}},
	{"Which document established the structure of the U.S. federal government?", [4]string{"The Constitution", "The Declaration of Independence", "The Federalist Papers", "The Articles of Confederation"}},
	{"Redistricting after each census is primarily intended to:", [4]string{"Equalize population across districts", "Increase the number of states", "Change voting age", "Reassign federal judges"}},
}

// benchItem is one benchmark prompt.
type benchItem struct {
	kind   string // mc, math, route, rewrite
	prompt string
}

// benchmark is the public suite, the same for everyone who runs it.
var benchmark = func() []benchItem {
	r := rand.New(rand.NewPCG(2025, 11))
	var out []benchItem
	for range 12 {
		for _, it := range civicsMC {
			order := r.Perm(4)
			var b strings.Builder
			fmt.Fprintf(&b, "The following is a multiple choice question about U.S. civics and local government.\n\n%s", it.q)
			for i, j := range order {
				fmt.Fprintf(&b, "\n%c. %s", 'A'+i, it.opts[j])
			}
			b.WriteString("\nAnswer:")
			out = append(out, benchItem{"mc", b.String()})
		}
	}
	for range 200 {
		out = append(out, benchItem{"math", mathProblem(r).text})
	}
	for range 150 {
		out = append(out, benchItem{"route", expand(r, pick(r, complaints))})
	}
	for range 100 {
		out = append(out, benchItem{"rewrite", letter(r)})
	}
	return out
}()

func benchOf(kind string) []benchItem {
	var out []benchItem
	for _, b := range benchmark {
		if b.kind == kind {
			out = append(out, b)
		}
	}
	return out
}

var routeSchema = tracefmt.Obj{{"type", "json_schema"}, {"json_schema", tracefmt.Obj{
	{"name", "service_route"}, {"strict", true},
	{"schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{
		{"department", tracefmt.Obj{{"type", "string"}, {"enum", []string{"Streets", "Sanitation", "Parks", "Water", "Noise", "Animals", "Traffic", "Other"}}}},
		{"urgent", tracefmt.Obj{{"type", "boolean"}}},
	}}, {"required", []string{"department", "urgent"}}, {"additionalProperties", false}}},
}}}

const gradeRubric = `You are grading a plain-language rewrite of an official document.
Score each criterion and justify briefly:
1. Accuracy (0-3): every date, amount, deadline and case number is preserved exactly.
2. Readability (0-3): short sentences, common words, terms explained.
3. Completeness (0-2): all required actions are listed.
4. Tone (0-2): respectful, not alarming, no legal advice.
Return JSON: {"accuracy": n, "readability": n, "completeness": n, "tone": n, "rationale": "..."}`

// planEvalTeam: a state digital service's evaluation team. Nightly CI runs
// and daytime runs of a public benchmark at temperature 0, multiple-choice
// scoring by log-probabilities, self-consistency with n=5, a grader key,
// and a full run of the new model within hours of its release.
func planEvalTeam(w *world) {
	const cls = "eval_team"
	r := w.rng(cls)
	const z = zCT
	vmIP := netGCPCentr.pick4(r)
	vm := pyKit(r, "Linux")
	vm.oai, vm.ant, vm.spaced, vm.oldHdr, vm.ja4, vm.async = "2.24.0", "0.81.0", false, false, ja4PyOSSL3, true
	ci := pyKit(r, "Linux")
	ci.oai, ci.ant, ci.spaced, ci.oldHdr, ci.ja4, ci.rt = "2.24.0", "0.81.0", false, false, ja4PyOSSL3, "3.12.11"
	ciAcct := newAccount(r, acctName(cls, 1))
	grader := newAccount(r, acctName(cls, 2))
	var evaluators []*account
	for i := range 4 {
		evaluators = append(evaluators, newAccount(r, acctName(cls, 3+i)))
	}
	sc := w.cfg.Scale
	items := func(kind string, n int) []benchItem {
		all := benchOf(kind)
		n = max(5, min(len(all), int(float64(n)*sc)))
		return all[:n]
	}
	// run sends items at the pace of a harness with a few workers.
	run := func(t time.Time, a *account, ip string, k *kit, model string, its []benchItem, variant int) time.Time {
		gap := lognormal(r, 900*time.Millisecond, 0.3)
		for _, it := range its {
			t = t.Add(lognormal(r, gap, 0.6))
			w.emit(r, t, cls, a, ip, k, evalRequest(model, it, variant))
		}
		return t
	}
	grade := func(t time.Time, model string, its []benchItem) {
		for _, it := range its {
			t = t.Add(lognormal(r, 2*time.Second, 0.5))
			doc := it.prompt
			w.emit(r, t, cls, grader, vmIP, vm, func(rr *rand.Rand) req {
				rewrite := "Summary: this letter asks you to act by the deadline.\n\nWhat you need to do:\n1. " + firstLine(doc) + "\n2. Keep this letter."
				return chat{model: model, system: gradeRubric, temp: 0, maxTokens: 600,
					msgs: []tracefmt.Obj{umsg("Original document:\n" + doc + "\n\nRewrite to grade:\n" + rewrite)}}.anthropic()
			})
		}
	}
	for _, day := range w.days(z) {
		// nightly CI at 01:00
		t := atLocal(day, z, 1, 0).Add(between(r, 0, 4*time.Minute))
		ip := netGHActions.pick4(r)
		for _, m := range []string{mLarge, mSmall} {
			t = run(t, ciAcct, ip, ci, m, items("mc", 60), 0)
			t = run(t, ciAcct, ip, ci, m, items("route", 40), 0)
			t = run(t, ciAcct, ip, ci, m, items("math", 20), 0)
		}
		if weekend(day.Add(12*time.Hour), z) {
			continue
		}
		for _, e := range evaluators {
			for range 1 + r.IntN(2) {
				t := atLocal(day, z, 9, 0).Add(between(r, 0, 8*time.Hour))
				kind := pick(r, []string{"mc", "mc", "math", "math", "route", "rewrite"})
				model := pick(r, []string{mLarge, mSmall, mReasoner, mLargeOld})
				if t.After(w.release) {
					model = pick(r, []string{mRelease, mRelease, mLarge})
				}
				its := items(kind, 150+r.IntN(350))
				variant := r.IntN(3)
				end := run(t, e, vmIP, vm, model, its, variant)
				if kind == "rewrite" {
					grade(end.Add(between(r, time.Minute, 20*time.Minute)), mLarge, its)
				}
			}
		}
	}
	// the release: the full suite on the new model within hours
	t := w.release.Add(between(r, 50*time.Minute, 3*time.Hour))
	for i, kind := range []string{"mc", "math", "route", "rewrite"} {
		e := evaluators[i%2]
		end := run(t, e, vmIP, vm, mRelease, items(kind, 300), i%3)
		if kind == "rewrite" {
			grade(end.Add(5*time.Minute), mLarge, items(kind, 300))
		}
		t = t.Add(between(r, 2*time.Minute, 10*time.Minute))
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i > 0 {
		return s[:i]
	}
	return s
}

// Token ids of " A" .. " D" in the vendor's tokenizer.
var mcTokens = []string{"362", "426", "356", "423"}

func evalRequest(model string, it benchItem, variant int) builder {
	return func(_ *rand.Rand) req {
		switch it.kind {
		case "mc":
			c := chat{model: model, temp: 0, maxTokens: 1, logprobs: true, topLogprobs: 5, msgs: []tracefmt.Obj{umsg(it.prompt)}}
			if variant == 1 {
				c.logitBias = tracefmt.Obj{}
				for _, t := range mcTokens {
					c.logitBias = c.logitBias.Set(t, 100)
				}
			}
			if variant == 2 {
				c.topLogprobs = 20
			}
			return c.openai()
		case "math":
			c := chat{model: model, temp: 0, maxTokens: 1024, seed: 1234,
				msgs: []tracefmt.Obj{umsg("Solve the following problem. Let's think step by step. At the end, write \"The answer is\" followed by the final answer.\n\n" + it.prompt)}}
			if variant == 1 {
				c.n, c.temp, c.seed = 5, 0.7, 0
			}
			return c.openai()
		case "route":
			return chat{model: model, temp: 0, maxTokens: 50, respFormat: routeSchema,
				system: "Route the resident's 311 request to a department. Urgent means a safety hazard.",
				msgs:   []tracefmt.Obj{umsg(it.prompt)}}.openai()
		}
		return chat{model: model, system: plainSystem, temp: 0, maxTokens: 1200,
			msgs: []tracefmt.Obj{umsg("Rewrite the following text in plain language for a reader at about a 6th-grade reading level.\n\nText:\n\"\"\"\n" + it.prompt + "\n\"\"\"")}}.openai()
	}
}
