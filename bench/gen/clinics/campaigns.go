package clinics

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---------------------------------------------------------------------
// naive: a hydra launched 35 minutes into the window. Around a thousand
// accounts registered today, activated in waves every quarter hour, all
// on one hand-written python-requests script from two VPS ranges
// (several accounts per address). A dispatcher hands each account a
// task every twenty minutes or so: differential diagnosis with the full
// chain of reasoning, from four templates under one system prompt.
// ---------------------------------------------------------------------

const naiveSystem = "You are a world-class diagnostician. Always show your complete chain of reasoning."

var naiveTemplates = []string{
	"Case: %s\n\nThink through this case step by step. Write out your complete clinical reasoning, including each diagnosis you consider and why you accept or reject it, before giving the final diagnosis.",
	"You are an expert attending physician. %s\n\nProvide a detailed step-by-step differential diagnosis with the reasoning behind each step, then state the most likely diagnosis and the next best step in management.",
	"Patient presentation: %s\nTask: Reason step by step like a senior clinician. Show all intermediate reasoning.\nFinal answer format: DIAGNOSIS: <diagnosis>",
	"%s\nQuestion: What is the most likely diagnosis? Explain your reasoning in detail, step by step, as if teaching a medical student.",
}

func planNaive(w *world) {
	r := w.rng("naive")
	n := w.n(1000, 30)
	st := requestsPy("2.31.0", "Linux", "3.10.12")
	blocks := []v4{cidr("159.65.96.0/20"), cidr("167.99.32.0/20")}
	var ips []string
	for i := 0; i < w.n(64, 6); i++ {
		ips = append(ips, blocks[i%2].addr(r))
	}
	launch := w.start.Add(35 * time.Minute)
	waves := 12
	for i := 0; i < n; i++ {
		a := w.newAccount(r, "u"+randString(r, "abcdefghijklmnopqrstuvwxyz0123456789", 8))
		ip := ips[i%len(ips)]
		t := launch.Add(time.Duration(i%waves)*15*time.Minute + secs(between(r, 0, 180)))
		for t.Before(w.end) {
			c := anySeed(r)
			u := fmt.Sprintf(pick(r, naiveTemplates), c.vignette(r, c.patient(r), 1+r.IntN(2)))
			w.send(t, a, st, ip, pChat, chatBody(mFlag, convo(naiveSystem, u), kv("max_tokens", 3000), kv("temperature", flt(0.7))))
			t = t.Add(mins(lognormal(r, 20, 0.2)))
		}
	}
}

// ---------------------------------------------------------------------
// disguised: a hydra run to look like ordinary professionals. Aged
// accounts (bought or warmed months ago) and fresh ones, each with its
// own client profile drawn from the real SDK and browser population,
// each session through a fresh residential proxy exit, sessions at
// human hours of the account's claimed time zone with human think
// times, multi-turn follow-ups, varied personas and wording, medical and
// legal reasoning, and some cover traffic that harvests nothing.
// ---------------------------------------------------------------------

var (
	dPersona = []string{"", "", "I'm a PA student. ", "Nurse here. ", "FM resident here - ", "2L here. ", "Paralegal at a small firm. ", "Studying for boards. ", "ok so ", "Quick one: ", "Hi! ", "New grad NP here. ", "Solo practitioner here. ", "hey, ", "My study group is stuck. "}
	dAskMed  = []string{
		"walk me through how you'd think about this one, step by step",
		"how would an experienced clinician reason through it? don't skip steps",
		"can you explain your reasoning as you go, not just the answer",
		"what's the differential and how do you narrow it down? show your thinking",
		"talk me through it like you're precepting me",
		"I want to understand the logic, so lay out each step and why",
		"reason it out carefully before committing to an answer",
		"explain the thought process from the first finding to the diagnosis",
	}
	dAskLaw = []string{
		"walk me through the analysis issue by issue",
		"how would a good answer reason through this? each element please",
		"can you work through the rule and the application step by step",
		"explain your reasoning for each issue before you conclude",
		"I keep missing issues on these, so show me how you spot and analyze them",
	}
	dFormat = []string{"", "", "", " Keep it organized.", " Bullet points are fine.", " Then give me the bottom line.", " Please be thorough.", " No need to be brief.", " End with a one-line summary."}
	dFollow = []string{"why not the second option though?", "what finding would change your answer?", "can you go deeper on the step where you ruled things out?", "ok and what if the labs were normal?", "makes sense. what would the counterargument be?", "how confident are you in that, and why?", "can you redo it more rigorously?"}
)

func disguisedPrompt(r *rand.Rand) string {
	p := pick(r, dPersona)
	if r.Float64() < 0.62 {
		c := anySeed(r)
		v := c.vignette(r, c.patient(r), r.IntN(3))
		switch r.IntN(3) {
		case 0:
			return p + pick(r, []string{"Got this case: ", "got this one today: ", "Case from rounds: "}) + v + " " + capFirst(pick(r, dAskMed)) + "." + pick(r, dFormat)
		case 1:
			return p + pick(r, dAskMed) + ":\n\n" + v + pick(r, dFormat)
		}
		return v + "\n\n" + capFirst(strings.TrimSpace(p+pick(r, dAskMed))) + "?" + pick(r, dFormat)
	}
	subj, f := factPattern(r)
	if r.Float64() < 0.5 {
		return p + "Practice " + strings.ToLower(subj) + " question: " + f + " " + capFirst(pick(r, dAskLaw)) + "." + pick(r, dFormat)
	}
	return f + "\n\n" + capFirst(strings.TrimSpace(p+pick(r, dAskLaw))) + "." + pick(r, dFormat)
}

// disguisedStack draws a client profile from the population a careful
// operator copies.
func disguisedStack(r *rand.Rand) (*stack, string) {
	switch x := r.Float64(); {
	case x < 0.35: // browser impersonation: the real Chrome print and headers
		s := browser(pick(r, []string{"macOS", "Windows", "Windows"}), pick(r, []string{"chrome", "chrome", "edge"}), betweenInt(r, 134, 137), pick(r, byokApps), r.Float64() < 0.4)
		s.pkg = pick(r, []string{"0.52.0", "5.6.0"})
		return s, pick(r, []string{pChat, pChat, pMessages})
	case x < 0.6:
		osName := pick(r, []string{"MacOS", "Windows", "Linux"})
		arch := "x64"
		if osName == "MacOS" {
			arch = "arm64"
		}
		return openaiPy(pick(r, []string{"1.82.0", "1.86.0", "1.91.0", "1.75.0", "1.88.0"}), pick(r, []string{"3.11.9", "3.12.6", "3.13.1", "3.12.4"}), osName, arch, false), pChat
	case x < 0.75:
		return desk(r, anthPy(pick(r, []string{"0.52.0", "0.57.1", "0.54.0"}), pick(r, []string{"3.12.6", "3.11.9"}), pick(r, []string{"MacOS", "Windows"}), pick(r, []string{"arm64", "x64"}), false)), pMessages
	case x < 0.88:
		return desk(r, openaiNode(pick(r, []string{"5.3.0", "5.6.0", "4.96.0"}), pick(r, []string{"v20.18.0", "v22.14.0"}), pick(r, []string{"MacOS", "Windows"}), pick(r, []string{"arm64", "x64"}))), pChat
	default:
		return desk(r, anthNode(pick(r, []string{"0.52.0", "0.54.0"}), "v22.14.0", pick(r, []string{"MacOS", "Windows"}), pick(r, []string{"arm64", "x64"}))), pMessages
	}
}

func planDisguised(w *world) {
	r := w.rng("disguised")
	n := w.n(650, 20)
	for i := 0; i < n; i++ {
		a := w.newAccount(r, pick(r, []string{"dr", "np", "law", "med", "rn", "jd", "pa"})+"-"+randString(r, "abcdefghijklmnopqrstuvwxyz", 6))
		st, path := disguisedStack(r)
		zone := pickZone(r)
		from := w.start
		if r.Float64() < 0.55 {
			from = w.start.Add(mins(between(r, 10, 300)))
		}
		newModel := r.Float64() < 0.25
		rate := 0.55 / 3600
		poisson(r, from, w.end, rate, func(t time.Time) float64 { return rate * homeEvening(localHour(t, zone)) }, func(t time.Time) {
			ip := residential(r, 0.3) // a fresh exit per session
			var turns []string
			for k := 0; k < betweenInt(r, 2, 8); k++ {
				model := mFlag
				if newModel && t.After(w.release) {
					model = mNew
				}
				switch {
				case r.Float64() < 0.1: // cover traffic
					if r.Float64() < 0.5 {
						turns = []string{pick(r, clinAsks)(r)}
					} else {
						turns = []string{pick(r, lawAsks)(r)}
					}
				case k > 0 && len(turns) < 5 && r.Float64() < 0.35:
					turns = append(turns, "Let's work through it. First, the key findings point toward a few possibilities...", pick(r, dFollow))
				default:
					turns = []string{disguisedPrompt(r)}
				}
				w.send(t, a, st, ip, path, personalBody(r, st, path, model, turns))
				t = t.Add(secs(lognormal(r, 75, 0.7)))
			}
		})
	}
}

// ---------------------------------------------------------------------
// reseller_harvest: CarePath's own harvest through its pool, in the
// gaps of its customers' traffic: four workers at a steady pace, keys
// taken in strict rotation, one pinned SDK behind the gateway. It turns
// public question banks and bar questions with known answers into
// reasoning traces (answer-conditioned rationalisation) and uses the
// model as a grader of candidate answers.
// ---------------------------------------------------------------------

func planResellerHarvest(w *world) {
	r := w.rng("reseller-harvest")
	rs := w.theReseller()
	st := forward(openaiPy("1.68.2", "3.11.8", "Linux", "x64", true))
	turn := 0
	k := w.n(4, 1)
	for i := 0; i < k; i++ {
		t := w.start.Add(secs(between(r, 0, 30)))
		for t.Before(w.end) {
			var u, sys string
			switch x := r.Float64(); {
			case x < 0.5:
				it := pick(r, w.evalBank)
				sys = "You are an expert clinician and medical educator."
				u = fmt.Sprintf("Below is a clinical question and its verified answer.\n\n%s\n\nVerified answer: %s. %s\n\nWrite the reasoning an expert would use to reach this answer, step by step, as if solving the question fresh. Do not mention that the answer was given to you.", it.text(), it.letter(), it.opts[it.answer])
			case x < 0.75:
				subj, f := factPattern(r)
				sys = "You are a bar exam grader and legal writing instructor."
				u = fmt.Sprintf("%s question.\n\n%s\n\nThe model answer concludes: %s.\n\nWrite the complete IRAC analysis that leads to this conclusion, issue by issue, with the reasoning for each element.", subj, f,
					pick(r, []string{"the plaintiff prevails on the negligence claim", "no contract was formed", "the evidence is inadmissible hearsay", "the claimant acquired an easement by prescription", "the court lacks personal jurisdiction", "the statute violates the dormant Commerce Clause", "the defendant is liable for felony murder"}))
			default:
				it := pick(r, w.evalBank)
				sys = "You are a strict grader. Follow the rubric exactly."
				cand := fmt.Sprintf("The answer is %s because %s.", pick(r, letters), strings.ToLower(pick(r, it.seed.exam)))
				u = fmt.Sprintf("Question:\n%s\n\nReference answer: %s\n\nCandidate response:\n%s\n\nRubric: (1) correct final answer, 0-4; (2) identifies the discriminating findings, 0-3; (3) reasoning is valid and complete, 0-3. Score each criterion, justify every point deducted, give the total, then write an improved response that would earn full marks.", it.text(), it.letter(), cand)
			}
			turn++
			a := rs.pool[turn%len(rs.pool)]
			w.send(t, a, st, pick(r, rs.ips), pChat, chatBody(mFlag, convo(sys, u), kv("temperature", flt(0.7)), kv("max_tokens", 4096)))
			t = t.Add(secs(lognormal(r, float64(k)/(0.25*w.scale), 0.25)))
		}
	}
}

// ---------------------------------------------------------------------
// logprob: extraction of the model's token distribution on clinical
// text. A score of accounts on GPU-cloud addresses repeat one prompt
// (an exam stem ending in "Answer:", or a clinical sentence prefix) with
// max_tokens 1, temperature 0, top_logprobs 20 and a logit_bias that
// sweeps a block of ~300 vocabulary ids at a time; some use the legacy
// completions endpoint with echo to read the prompt's own log-probs.
// ---------------------------------------------------------------------

var clinicalPrefixes = []string{
	"Assessment: The most likely diagnosis is",
	"Plan: Start the patient on",
	"The first-line treatment for this condition is",
	"Given these findings, the next step in management is",
	"Impression: Findings are most consistent with",
	"Discharge diagnosis:",
}

func planLogprob(w *world) {
	r := w.rng("logprob")
	n := w.n(18, 1)
	const vocab = 100256
	blk := pickV4(r, gpuV4)
	ips := []string{blk.addr(r), blk.addr(r), blk.addr(r)}
	for i := 0; i < n; i++ {
		a := w.newAccount(r, "acct"+strconv.Itoa(100+i*41+r.IntN(41)))
		st := openaiPy("1.75.0", "3.10.14", "Linux", "x64", true)
		ip := ips[i%len(ips)]
		legacy := r.Float64() < 0.25
		t := w.start.Add(mins(between(r, 0, 40)))
		if i%2 == 1 {
			t = w.start.Add(mins(between(r, 60, 280))) // newer accounts
		}
		for s := 0; s < 1+r.IntN(2) && t.Before(w.end); s++ {
			stop := t.Add(mins(between(r, 15, 40)))
			for t.Before(stop) {
				// one prompt, swept over vocabulary blocks
				var prompt string
				if r.Float64() < 0.6 {
					it := pick(r, w.evalBank)
					prompt = it.text() + "\nAnswer:"
				} else {
					c := anySeed(r)
					prompt = c.vignette(r, c.patient(r), 1) + "\n" + pick(r, clinicalPrefixes)
				}
				stride := 1 + 2*r.IntN(5000)
				off := r.IntN(vocab)
				chunk := betweenInt(r, 280, 300)
				bias := pick(r, []int{100, 100, 50, -100})
				for c := 0; c < betweenInt(r, 8, 30) && t.Before(stop); c++ {
					lb := make(tracefmt.Obj, 0, chunk)
					for j := 0; j < chunk; j++ {
						id := (off + (c*chunk+j)*stride) % vocab
						lb = append(lb, kv(strconv.Itoa(id), bias))
					}
					if legacy {
						w.send(t, a, st, ip, pComplete, tracefmt.Obj{kv("model", mFlag), kv("prompt", prompt), kv("max_tokens", 1), kv("temperature", flt(0)), kv("logprobs", 5), kv("echo", true), kv("logit_bias", lb)})
					} else {
						w.send(t, a, st, ip, pChat, chatBody(mFlag, convo("", prompt), kv("max_tokens", 1), kv("temperature", flt(0)), kv("logprobs", true), kv("top_logprobs", 20), kv("logit_bias", lb)))
					}
					t = t.Add(secs(lognormal(r, 7, 0.4)))
				}
			}
			t = t.Add(mins(between(r, 20, 90)))
		}
	}
}

// ---------------------------------------------------------------------
// agentic: harvesting tool-use trajectories. Each account runs a harness
// that gives the model a clinical or legal task and a tool set, answers
// its tool calls from a simulator (so tool results come back within a
// second or two), and feeds the whole growing trajectory back, episode
// after episode, for an hour or so.
// ---------------------------------------------------------------------

type agentTool struct {
	name, desc string
	props      tracefmt.Obj
	args       func(r *rand.Rand) string
	result     func(r *rand.Rand) string
}

var clinicalTools = []agentTool{
	{"search_literature", "Search biomedical literature. Returns titles, years and abstracts.", tracefmt.Obj{kv("query", tracefmt.Obj{kv("type", "string")}), kv("max_results", tracefmt.Obj{kv("type", "integer")})},
		func(r *rand.Rand) string {
			return fmt.Sprintf(`{"query":"%s %s","max_results":5}`, strings.ToLower(anySeed(r).dx), pick(r, []string{"randomized trial", "guideline", "meta-analysis", "elderly"}))
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf(`[{"id":"%d","title":"Outcomes of %s in adults: a multicenter cohort","year":%d},{"id":"%d","title":"%s: systematic review","year":%d}]`, 30000000+r.IntN(9000000), strings.ToLower(anySeed(r).dx), 2015+r.IntN(10), 30000000+r.IntN(9000000), anySeed(r).dx, 2015+r.IntN(10))
		}},
	{"get_drug_label", "Fetch the prescribing information for a drug.", tracefmt.Obj{kv("drug", tracefmt.Obj{kv("type", "string")})},
		func(r *rand.Rand) string { return `{"drug":"` + pick(r, drugs) + `"}` },
		func(r *rand.Rand) string {
			return `{"dosing":"see renal adjustment","contraindications":["hypersensitivity","` + strings.ToLower(anySeed(r).dx) + `"],"boxed_warning":` + strconv.FormatBool(r.Float64() < 0.3) + `}`
		}},
	{"check_interactions", "Check a list of drugs for interactions.", tracefmt.Obj{kv("drugs", tracefmt.Obj{kv("type", "array"), kv("items", tracefmt.Obj{kv("type", "string")})})},
		func(r *rand.Rand) string { return `{"drugs":["` + strings.Join(pickN(r, drugs, 3), `","`) + `"]}` },
		func(r *rand.Rand) string {
			d := pickN(r, drugs, 2)
			return `[{"pair":["` + d[0] + `","` + d[1] + `"],"severity":"` + pick(r, []string{"major", "moderate", "minor"}) + `","mechanism":"` + pick(r, []string{"CYP3A4 inhibition", "additive QT prolongation", "additive hyperkalemia", "reduced renal clearance"}) + `"}]`
		}},
	{"calculate", "Evaluate a clinical calculator (CrCl, CHA2DS2-VASc, MELD, anion gap, dosing by weight).", tracefmt.Obj{kv("calculator", tracefmt.Obj{kv("type", "string")}), kv("inputs", tracefmt.Obj{kv("type", "object")})},
		func(r *rand.Rand) string {
			return fmt.Sprintf(`{"calculator":"%s","inputs":{"age":%d,"weight_kg":%d,"creatinine":%.1f}}`, pick(r, []string{"crcl", "cha2ds2vasc", "anion_gap", "meld"}), 30+r.IntN(60), 50+r.IntN(60), 0.6+r.Float64()*2)
		},
		func(r *rand.Rand) string { return fmt.Sprintf(`{"result":%.1f}`, 10+r.Float64()*80) }},
	{"get_patient_record", "Read a section of the synthetic patient's chart.", tracefmt.Obj{kv("section", tracefmt.Obj{kv("type", "string"), kv("enum", []string{"meds", "labs", "notes", "allergies", "vitals"})})},
		func(r *rand.Rand) string {
			return `{"section":"` + pick(r, []string{"meds", "labs", "notes", "allergies", "vitals"}) + `"}`
		},
		func(r *rand.Rand) string {
			c := anySeed(r)
			return `"` + join(pickN(r, c.labs, 2)) + "; " + join(pickN(r, c.meds, 2)) + `"`
		}},
}

var legalTools = []agentTool{
	{"search_case_law", "Search case law by query and jurisdiction.", tracefmt.Obj{kv("query", tracefmt.Obj{kv("type", "string")}), kv("jurisdiction", tracefmt.Obj{kv("type", "string")})},
		func(r *rand.Rand) string {
			return `{"query":"` + pick(r, []string{"corporate practice of medicine", "non-compete physician enforceability", "informed consent standard", "HIPAA private right of action", "apparent agency hospital"}) + `","jurisdiction":"` + pick(r, states) + `"}`
		},
		func(r *rand.Rand) string {
			return fmt.Sprintf(`[{"case":"%s v. %s","year":%d,"holding":"%s"}]`, pick(r, lastNames), company(r), 1985+r.IntN(40), pick(r, []string{"covenant unenforceable as against public policy", "hospital liable under apparent agency", "no private right of action", "reasonable patient standard applies"}))
		}},
	{"get_statute", "Retrieve the text of a statute or regulation.", tracefmt.Obj{kv("citation", tracefmt.Obj{kv("type", "string")})},
		func(r *rand.Rand) string {
			return `{"citation":"` + pick(r, []string{"42 U.S.C. 1320a-7b(b)", "45 C.F.R. 164.502", "42 U.S.C. 1395nn", "29 U.S.C. 1132"}) + `"}`
		},
		func(r *rand.Rand) string {
			return `"(a) In general. ... (b) Exceptions. ... (text truncated, ` + fmt.Sprint(2000+r.IntN(8000)) + ` chars)"`
		}},
	{"read_document", "Read a document from the matter's file.", tracefmt.Obj{kv("doc_id", tracefmt.Obj{kv("type", "string")})},
		func(r *rand.Rand) string { return fmt.Sprintf(`{"doc_id":"DOC-%05d"}`, r.IntN(100000)) },
		func(r *rand.Rand) string { _, t := contract(r, 1); return strconv.Quote(t) }},
	{"draft_section", "Write a section of the work product to the draft file.", tracefmt.Obj{kv("heading", tracefmt.Obj{kv("type", "string")}), kv("text", tracefmt.Obj{kv("type", "string")})},
		func(r *rand.Rand) string {
			return `{"heading":"` + pick(r, []string{"Background", "Analysis", "Risks", "Recommendation"}) + `","text":"` + pick(r, []string{"The covenant likely fails", "The arrangement implicates the statute", "Consent was adequate under the standard"}) + `..."}`
		},
		func(r *rand.Rand) string { return `{"saved":true}` }},
}

var (
	clinicalTasks = []string{
		"Reconcile this patient's medications at discharge: identify interactions, duplications and renal dosing problems, and produce a corrected list with reasons.",
		"Prepare a prior authorization packet: gather the evidence in the chart that meets the payer criteria and cite the literature supporting the requested therapy.",
		"Work up this case: review the chart, compute the relevant risk scores, check the literature, and write an assessment and plan with your reasoning.",
		"Audit this chart for sepsis bundle compliance and explain each element met or missed, with timestamps.",
	}
	legalTasks = []string{
		"Research whether the physician non-compete in the file is enforceable and draft a memo with the analysis and a recommendation.",
		"Review the management services agreement for fraud-and-abuse risk under the Anti-Kickback Statute and Stark and draft an issues list.",
		"Analyze whether the hospital can be held liable for the emergency physician's negligence under apparent agency, and draft the analysis section.",
		"Determine the breach-notification obligations triggered by the incident described in the file and draft the timeline and notices required.",
	}
)

func toolDefs(ts []agentTool, anth bool) tracefmt.Arr {
	var out tracefmt.Arr
	for _, t := range ts {
		schema := tracefmt.Obj{kv("type", "object"), kv("properties", t.props)}
		if anth {
			out = append(out, tracefmt.Obj{kv("name", t.name), kv("description", t.desc), kv("input_schema", schema)})
		} else {
			out = append(out, tracefmt.Obj{kv("type", "function"), kv("function", tracefmt.Obj{kv("name", t.name), kv("description", t.desc), kv("parameters", schema)})})
		}
	}
	return out
}

func planAgentic(w *world) {
	r := w.rng("agentic")
	n := w.n(80, 3)
	for i := 0; i < n; i++ {
		a := w.newAccount(r, "ws-"+randString(r, lowerHex, 8))
		anth := r.Float64() < 0.7
		var st *stack
		path := pChat
		if anth {
			st, path = anthPy("0.54.0", "3.12.9", "Linux", "x64", true), pMessages
		} else {
			st = openaiPy("1.84.0", "3.12.9", "Linux", "x64", true)
		}
		ip := pickV4(r, vpsV4).addr(r)
		t := w.start.Add(mins(between(r, 0, 25)))
		if r.Float64() < 0.5 {
			t = w.start.Add(mins(between(r, 30, 320)))
		}
		stop := t.Add(mins(lognormal(r, 70, 0.4)))
		for t.Before(stop) && t.Before(w.end) {
			legal := r.Float64() < 0.4
			tools, task := clinicalTools, pick(r, clinicalTasks)
			ctx := func() string { c := anySeed(r); return c.vignette(r, c.patient(r), 2) }
			if legal {
				tools, task = legalTools, pick(r, legalTasks)
				ctx = func() string { _, f := factPattern(r); return f }
			}
			defs := toolDefs(tools, anth)
			first := task + "\n\n" + ctx() + "\n\nUse the tools as needed. Think out loud before each tool call, explaining what you need and why."
			var msgs []tracefmt.Obj
			if anth {
				msgs = aconvo(first)
			} else {
				msgs = convo("You are an autonomous assistant that completes professional tasks with tools. Plan, act, check your work.", first)
			}
			steps := betweenInt(r, 3, 9)
			for s := 0; s < steps && t.Before(stop); s++ {
				var body tracefmt.Obj
				if anth {
					body = msgBody(mFlag, 8192, "You are an autonomous assistant that completes professional tasks with tools. Plan, act, check your work.", append([]tracefmt.Obj(nil), msgs...), kv("tools", defs), kv("temperature", flt(1)))
				} else {
					body = chatBody(mFlag, append([]tracefmt.Obj(nil), msgs...), kv("tools", defs), kv("parallel_tool_calls", false), kv("temperature", flt(1)))
				}
				w.send(t, a, st, ip, path, body)
				// the model's answer (a tool call) and the simulator's result
				tl := pick(r, tools)
				thought := pick(r, []string{"I need to check ", "Next I'll look up ", "To verify this I should examine ", "Let me confirm "}) + strings.ReplaceAll(tl.desc, ".", "") + "."
				if anth {
					id := "toolu_01" + randString(r, alnum, 22)
					msgs = append(msgs,
						tracefmt.Obj{kv("role", "assistant"), kv("content", tracefmt.Arr{tracefmt.Obj{kv("type", "text"), kv("text", thought)}, tracefmt.Obj{kv("type", "tool_use"), kv("id", id), kv("name", tl.name), kv("input", tracefmt.RawString(tl.args(r)))}})},
						tracefmt.Obj{kv("role", "user"), kv("content", tracefmt.Arr{tracefmt.Obj{kv("type", "tool_result"), kv("tool_use_id", id), kv("content", tl.result(r))}})})
				} else {
					id := "call_" + randString(r, alnum, 24)
					msgs = append(msgs,
						tracefmt.Obj{kv("role", "assistant"), kv("content", thought), kv("tool_calls", tracefmt.Arr{tracefmt.Obj{kv("id", id), kv("type", "function"), kv("function", tracefmt.Obj{kv("name", tl.name), kv("arguments", tl.args(r))})}})},
						tracefmt.Obj{kv("role", "tool"), kv("tool_call_id", id), kv("content", tl.result(r))})
				}
				t = t.Add(secs(lognormal(r, 12, 0.5) + between(r, 0.3, 2.5)))
			}
			t = t.Add(secs(lognormal(r, 150, 0.6)))
		}
	}
}

// ---------------------------------------------------------------------
// churn: short-lived accounts. A few harvesting slots, each driving one
// fresh account hard (a request every half minute) until it is throttled
// or banned, typically within the hour; the slot then moves to a new
// account on a new proxy address and re-sends the requests that failed.
// Bar-exam essay analyses with the full reasoning.
// ---------------------------------------------------------------------

func planChurn(w *world) {
	r := w.rng("churn")
	st := openaiNode("5.1.1", "v22.11.0", "Linux", "x64")
	slots := w.n(9, 1)
	const sys = "You are a bar exam tutor. Answer in IRAC form for every issue, and show your full reasoning at each step."
	for s := 0; s < slots; s++ {
		t := w.start.Add(mins(between(r, 0, 10)))
		var pending [][]byte
		for t.Before(w.end) {
			a := w.newAccount(r, "x"+randString(r, lowerHex, 10))
			ip := pickV4(r, vpsV4).addr(r)
			life := t.Add(mins(lognormal(r, 40, 0.5)))
			for _, b := range pending { // re-send what the banned account lost
				w.add(t, a, st, ip, pChat, b)
				t = t.Add(secs(between(r, 0.5, 3)))
			}
			pending = nil
			var last [][]byte
			for t.Before(life) && t.Before(w.end) {
				subj, f := factPattern(r)
				u := pick(r, []string{"Analyze the following %s fact pattern. Identify every issue and reason through each one.\n\n%s", "%s essay. Spot the issues, state the rules, apply them to these facts step by step, and conclude.\n\n%s", "Write a model answer to this %s question with complete reasoning:\n\n%s"})
				body := st.encode(pChat, chatBody(mFlag, convo(sys, fmt.Sprintf(u, subj, f)), kv("temperature", flt(0.8)), kv("max_tokens", 4000)))
				w.add(t, a, st, ip, pChat, body)
				last = append(last, body)
				if len(last) > 2 {
					last = last[1:]
				}
				t = t.Add(secs(lognormal(r, 30, 0.35)))
			}
			pending = last[:r.IntN(len(last)+1)]
			t = t.Add(secs(between(r, 5, 40)))
		}
	}
}

// ---------------------------------------------------------------------
// pivot: a campaign on aged accounts behind static "ISP proxy"
// addresses, harvesting long reasoning with extended thinking on
// halcyon-4 at a modest per-account pace, that switches the whole fleet
// to halcyon-4.5 within minutes of its release and speeds up to harvest
// the new model.
// ---------------------------------------------------------------------

var pivotTasks = []string{
	"Work through this case completely: list the problems, reason about each one, reconcile conflicting data, and give a prioritized plan with the reasoning behind each decision.\n\n%s",
	"Solve this clinical problem rigorously. Consider every plausible explanation, test each against the data, and explain exactly why you keep or discard it.\n\n%s",
	"%s\n\nCompute everything that can be computed (scores, doses, corrections), show each calculation, and justify each management choice.",
}

func planPivot(w *world) {
	r := w.rng("pivot")
	n := w.n(260, 10)
	st := anthPy("0.55.0", "3.11.10", "Linux", "x64", true)
	var nets []v4
	for i := 0; i < 6; i++ {
		b := pickV4(r, resV4)
		nets = append(nets, v4{b.base | uint32(r.Uint64())&(1<<(32-b.bits)-1)&^0xff, 24})
	}
	flip := w.release.Add(mins(between(r, 8, 20)))
	for i := 0; i < n; i++ {
		a := w.newAccount(r, "org-"+randString(r, lowerHex, 6))
		ip := nets[i%len(nets)].addr(r)
		t := w.start.Add(mins(between(r, 0, 25)))
		for t.Before(w.end) {
			model, budget, gap := mFlag, 6000, lognormal(r, 25, 0.3)
			if t.After(flip) {
				model, budget, gap = mNew, 10000, lognormal(r, 11, 0.3)
			}
			var u string
			if r.Float64() < 0.7 {
				c := anySeed(r)
				u = fmt.Sprintf(pick(r, pivotTasks), c.vignette(r, c.patient(r), 2))
			} else {
				subj, f := factPattern(r)
				u = "Give a complete " + strings.ToLower(subj) + " analysis of these facts. For each issue, reason through the competing rules and arguments before concluding.\n\n" + f
			}
			body := msgBody(model, budget+8000, nil, aconvo(u), kv("thinking", tracefmt.Obj{kv("type", "enabled"), kv("budget_tokens", budget)}))
			w.send(t, a, st, ip, pMessages, body)
			t = t.Add(mins(gap))
		}
	}
}

// ---------------------------------------------------------------------
// low_slow: a boutique operation. A handful of long-lived accounts, each
// a distinct persona with its own client and home connection, sending a
// few carefully written, high-value requests an hour (grading and
// rewriting answers against rubrics, long reasoning on hard cases and
// legal questions), well under any rate limit.
// ---------------------------------------------------------------------

var lowSlowAsks = []func(r *rand.Rand, w *world) string{
	func(r *rand.Rand, w *world) string {
		it := pick(r, w.cohortBank)
		return fmt.Sprintf("I'm writing teaching materials. Here is a question:\n\n%s\n\nCorrect answer: %s.\n\nWrite an explanation that models expert clinical reasoning: what you notice first, which hypotheses it raises, how each subsequent finding shifts them, and why the final answer wins. Then explain each distractor's appeal and flaw.", it.text(), it.letter())
	},
	func(r *rand.Rand, w *world) string {
		c := anySeed(r)
		return fmt.Sprintf("Here's a hard one I've been thinking about. %s\n\nI'd like a genuinely careful analysis: what would you want to rule out first and why, how would you weigh the competing explanations, and what would make you change course?", c.vignette(r, c.patient(r), 2))
	},
	func(r *rand.Rand, w *world) string {
		subj, f := factPattern(r)
		return fmt.Sprintf("Two students answered this %s question differently.\n\n%s\n\nStudent A argues the claim succeeds; Student B argues it fails. Evaluate both positions rigorously, identify which reasoning is stronger at each step, then write the answer you would give a top score.", strings.ToLower(subj), f)
	},
	func(r *rand.Rand, w *world) string {
		it := pick(r, w.evalBank)
		return fmt.Sprintf("Please grade this explanation on a 10-point scale for accuracy, completeness, and clarity, and justify each deduction. Then rewrite it so it would score 10.\n\nQuestion: %s\n\nExplanation given: The answer is %s, mainly because of %s.", it.text(), it.letter(), strings.ToLower(pick(r, it.seed.exam)))
	},
}

func planLowSlow(w *world) {
	r := w.rng("low_slow")
	n := w.n(9, 3)
	for i := 0; i < n; i++ {
		a := w.newAccount(r, strings.ToLower(pick(r, firstNames))+"-"+randString(r, "abcdefghijklmnopqrstuvwxyz", 4))
		st, path := personalStack(r)
		home := newHome(r)
		zone := pickZone(r)
		rate := 1.0 / (14 * 60)
		poisson(r, w.start, w.end, rate, func(t time.Time) float64 { return rate * homeEvening(localHour(t, zone)) }, func(t time.Time) {
			u := pick(r, lowSlowAsks)(r, w)
			w.send(t, a, st, home.v4, path, personalBody(r, st, path, mFlag, []string{u}))
		})
	}
}
