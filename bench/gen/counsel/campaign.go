package counsel

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---------------------------------------------------------------- naive

// sweepTax returns the q-th question of a sweep over profiles and topics:
// the coverage a harvest wants, in the wording of a preparer's question.
func sweepTax(q int, r *rand.Rand) string {
	t := taxTopics[q%len(taxTopics)]
	p := fillAmount(r, taxProfiles[(q/len(taxTopics))%len(taxProfiles)])
	return fmt.Sprintf("My client is %s. %s applies to their 2025 return: %s", p, strings.ToUpper(t[:1])+t[1:], pick(r, taxAsks))
}

func planNaive(w *world) {
	const class = "naive"
	r := w.rng(class)
	n := w.n(320, 40)
	ips := append(hetzner.hosts(r, w.n(7, 2)), ovh.hosts(r, w.n(5, 2))...)
	c := pyOpenAI("2.14.0", "3.11.9", linuxX64, true)
	accts := make([]*account, n)
	for i := range accts {
		accts[i] = w.newAccount(r, class, true, fmt.Sprintf("%s-%04d", class, i+1), keyV2)
	}
	period := 11*time.Minute + 30*time.Second
	q := 0
	for i, a := range accts {
		ip := ips[i%len(ips)]
		// the dispatcher spreads the accounts evenly over its period
		t := w.start.Add(time.Duration(float64(period) * float64(i) / float64(n)))
		for t.Before(w.end) {
			q++
			qq := q
			e := w.send(r, t, a, c, ip, 0.02, func(r *rand.Rand) tracefmt.Obj {
				return oaBody(mFlag, "You are an expert US tax advisor and attorney.",
					[]tracefmt.Obj{m("user", sweepTax(qq, r)+"\n\nProvide a thorough answer: explain the relevant rules, walk through the analysis step by step, and cite the applicable Code sections and forms.")},
					kv("max_tokens", 4096), kv("temperature", 0.7))
			})
			if chance(r, 0.03) { // throttled: the dispatcher moves the request to another account
				j := r.IntN(n)
				w.again(t.Add(dur(r, time.Second, 4*time.Second)), e, accts[j], c, ips[j%len(ips)])
			}
			t = t.Add(jitter(r, period, 0.05))
		}
	}
}

// ---------------------------------------------------------------- disguised

// disguisedPlugin is a click of the add-in as the harvest scripts it: the
// clause kind comes from the harvest's sweep, the actions lean to the ones
// with long answers.
func disguisedPlugin(firm, playbook string, seed uint64, i, kind int) func(*rand.Rand) tracefmt.Obj {
	inner := pluginRequest(firm, playbook, []float64{44, 40, 6, 8, 2}, seed, i)
	return func(r *rand.Rand) tracefmt.Obj {
		o := inner(r)
		// the sweep picks the clause kind; rebuild the user turn around it
		rs := rand.New(rand.NewPCG(seed, 3))
		a, b := company(rs), company(rs)
		var msgs []tracefmt.Obj
		for _, x := range o {
			if x.Key == "messages" {
				msgs = x.Value.([]tracefmt.Obj)
			}
		}
		user := msgs[0][1].Value.(string)
		head := user[:strings.Index(user, "\n\n<clause")]
		k := clauseKinds[kind%len(clauseKinds)]
		msgs[0][1].Value = fmt.Sprintf("%s\n\n<clause number=\"%d.%d\" heading=\"%s\">\n%s\n</clause>", head, 2+i/3, 1+i%4, title(k), clauseText(r, k, a, b))
		return o
	}
}

func title(s string) string {
	ws := strings.Fields(s)
	for i, x := range ws {
		if x != "of" && x != "and" && x != "for" {
			ws[i] = strings.ToUpper(x[:1]) + x[1:]
		}
	}
	return strings.Join(ws, " ")
}

func planDisguised(w *world) {
	const class = "disguised"
	r := w.rng(class)
	n := w.n(1100, 120)
	// a residential proxy pool: home broadband exits and a mobile share on
	// the carrier's NAT, each exit used by several accounts over the day
	exits := make([]string, w.n(520, 60))
	for i := range exits {
		if chance(r, 0.15) {
			exits[i] = pick(r, w.mobileNAT)
		} else {
			exits[i] = homeAddr(r)
		}
	}
	sweep := 0
	for i := 0; i < n; i++ {
		kind := keyV2
		if chance(r, 0.2) {
			kind = keyLegacy // aged accounts bought in bulk
		}
		a := w.newAccount(r, class, true, fmt.Sprintf("%s-%04d", class, i+1), kind)
		budget := 7 + r.IntN(4) // requests a day's quota allows in these hours
		if i < n*6/10 {
			// the add-in, driven by a browser automation on real Chromium
			c := webviewClient("0.68.0", chance(r, 0.8), pickW(r, []int{135, 134, 133}, []float64{5, 3, 1}),
				pickW(r, []string{"en-US,en;q=0.9", "en-US", "en-US,en;q=0.9,es;q=0.8"}, []float64{70, 15, 8}), pluginOrigin)
			firm := fmt.Sprintf("%s %s LLP", pick(r, lastNames), pick(r, lastNames))
			playbook := pick(r, playbooks)
			for budget > 0 {
				t := shapeTime(r, w.start, w.end, usOffices)
				ip := pick(r, exits)
				seed := r.Uint64()
				clicks := min(budget, 4+r.IntN(5))
				for k := 0; k < clicks; k++ {
					sweep++
					w.send(r, t, a, c, ip, 0.006, disguisedPlugin(firm, playbook, seed, k, sweep))
					t = t.Add(dur(r, 25*time.Second, 120*time.Second))
				}
				budget -= clicks
			}
			continue
		}
		// a preparer's Python scripts, as the world's developers run them
		c := pyOpenAI(pickW(r, pyOpenAIVersions, []float64{3, 3, 3, 2, 2, 1, 1, 1}), pickW(r, cpythonVersions, []float64{5, 3, 4, 2, 1, 1, 1, 2}), randPlatform(r), false)
		temp := pick(r, []float64{0.2, 0.3, 0.5, 0.7})
		maxTok := pick(r, []int{2048, 3000, 4096})
		for budget > 0 {
			t := shapeTime(r, w.start, w.end, usOffices)
			ip := pick(r, exits)
			burst := min(budget, 2+r.IntN(3))
			for k := 0; k < burst; k++ {
				sweep++
				q := sweep
				w.send(r, t, a, c, ip, 0.008, func(r *rand.Rand) tracefmt.Obj {
					lead := pick(r, []string{
						"Draft a client-ready memo on this. ",
						"I need to explain this to a client tomorrow. ",
						"Review this fact pattern and identify every issue. ",
						"Prepare a short workpaper note for the file. ",
					})
					return oaBody(mFlag, pick(r, []string{"", "You are an experienced CPA.", "You are a senior tax manager at a mid-size firm."}),
						[]tracefmt.Obj{m("user", lead+sweepTax(q*7, r)+" Explain your reasoning.")},
						kv("temperature", temp), kv("max_tokens", maxTok))
				})
				t = t.Add(dur(r, 40*time.Second, 6*time.Minute))
			}
			budget -= burst
		}
	}
}

// ---------------------------------------------------------------- reseller_harvest

func planResellerHarvest(w *world) {
	r := w.rng("reseller_harvest")
	t := w.reseller()
	q := 0
	poisson(r, w.start, w.end, 5000*w.cfg.Scale/6, flat, func(at time.Time) {
		q++
		qq := q
		t.send(w, r, at, true, func(r *rand.Rand) tracefmt.Obj {
			var p string
			switch qq % 3 {
			case 0:
				p = sweepTax(qq, r) + " Explain your reasoning step by step before you state the conclusion."
			case 1:
				k := clauseKinds[qq%len(clauseKinds)]
				p = fmt.Sprintf("Analyze this %s clause for the %s. Think it through carefully: what it does, what risk it allocates, how a court in %s would likely read it, and what you would change.\n\n%s",
					k, pick(r, []string{"customer", "vendor", "buyer", "licensor"}), pick(r, govLaws), clauseText(r, k, company(r), company(r)))
			default:
				p = fmt.Sprintf("The reviewing partner's conclusion on the file below is: %s\n\nWrite out the complete analysis that supports this conclusion, step by step, the way it would appear in the workpapers.\n\n%s",
					pick(r, []string{"the loss is covered subject to the deductible", "coverage is excluded", "the client qualifies for the exclusion", "a penalty applies but first-time abatement is available", "the position is not supportable without disclosure"}),
					pick(r, []string{claimFacts(r), taxFact(r)}))
			}
			return ask(openAI, mFlag, "", p, 4096, 1, false)
		})
	})
}

// ---------------------------------------------------------------- logprob

var probeTasks = []string{
	"Classify the following contract clause. Respond with one word: ENFORCEABLE, UNENFORCEABLE or UNCERTAIN.\n\nClause: %s",
	"Is the liability in the following clause capped? Answer YES or NO.\n\nClause: %s",
	"Does the following clause favor the first-named party? Answer YES or NO.\n\nClause: %s",
}

func planLogprob(w *world) {
	const class = "logprob"
	r := w.rng(class)
	n := w.n(40, 8)
	ips := awsUSW2.hosts(r, w.n(6, 2))
	c := goOpenAI("3.8.1", "go1.24.4", linuxX64)
	for i := 0; i < n; i++ {
		a := w.newAccount(r, class, true, fmt.Sprintf("%s-%03d", class, i+1), keyV2)
		ip := ips[i%len(ips)]
		budget := 100 + r.IntN(51)
		for _, t := range startTimes(r, w, 2+r.IntN(3)) {
			if budget <= 0 {
				break
			}
			job := r.Uint64()
			calls := min(budget, 25+r.IntN(36))
			for j := 0; j < calls; j++ {
				jj := j
				w.send(r, t, a, c, ip, 0.01, func(r *rand.Rand) tracefmt.Obj {
					rs := rand.New(rand.NewPCG(job, 5)) // one prompt for the whole job
					k := pick(rs, clauseKinds)
					prompt := fmt.Sprintf(pick(rs, probeTasks), clauseText(rs, k, company(rs), company(rs)))
					// about 300 candidate token ids lifted into the top 20, the
					// tokens already seen pushed out
					id := 1000 + (jj*613)%180000
					keys := make([]string, 0, 300)
					for range 297 {
						id += 1 + rs.IntN(3)
						keys = append(keys, strconv.Itoa(id))
					}
					for x := 0; x < 3; x++ {
						keys = append(keys, strconv.Itoa(190000+x*1000+rs.IntN(1000)))
					}
					slices.Sort(keys) // Go's encoder writes map keys sorted
					lb := make(tracefmt.Obj, len(keys))
					for x, k := range keys {
						v := 30
						if len(k) == 6 && k[0] == '1' && k[1] == '9' {
							v = -100 // the tokens already seen, pushed out
						}
						lb[x] = kv(k, v)
					}
					return oaBody(mFlag, "", []tracefmt.Obj{m("user", prompt)},
						kv("logit_bias", lb), kv("logprobs", true), kv("max_tokens", 1), kv("temperature", 0), kv("top_logprobs", 20))
				})
				t = t.Add(dur(r, 1800*time.Millisecond, 4200*time.Millisecond))
			}
			budget -= calls
		}
	}
}

// startTimes returns n sorted instants spread over the window: when a
// harvest's scheduler hands an account its jobs.
func startTimes(r *rand.Rand, w *world, n int) []time.Time {
	out := make([]time.Time, n)
	slot := w.cfg.Span / time.Duration(n)
	for i := range out {
		out[i] = w.start.Add(time.Duration(i)*slot + dur(r, 0, slot-10*time.Minute))
	}
	return out
}

// ---------------------------------------------------------------- agentic

var agentToolsAN = []any{
	tracefmt.Obj{{"name", "search_tax_code"}, {"description", "Search the Internal Revenue Code and regulations. Returns matching sections with text."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"query", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"query"}}}}},
	tracefmt.Obj{{"name", "get_form_instructions"}, {"description", "Fetch the instructions for an IRS form and line."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"form", tracefmt.Obj{{"type", "string"}}}, {"line", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"form"}}}}},
	tracefmt.Obj{{"name", "read_client_document"}, {"description", "Read a document from the client's file by id."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"doc_id", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"doc_id"}}}}},
	tracefmt.Obj{{"name", "compute_tax"}, {"description", "Compute federal income tax for the given inputs."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"filing_status", tracefmt.Obj{{"type", "string"}}}, {"taxable_income", tracefmt.Obj{{"type", "number"}}}}}, {"required", []string{"filing_status", "taxable_income"}}}}},
	tracefmt.Obj{{"name", "write_workpaper"}, {"description", "Write a section of the engagement workpaper."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"section", tracefmt.Obj{{"type", "string"}}}, {"content", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"section", "content"}}}}},
}

func oaTools(an []any) []any {
	out := make([]any, len(an))
	for i, t := range an {
		o := t.(tracefmt.Obj)
		out[i] = tracefmt.Obj{{"type", "function"}, {"function", tracefmt.Obj{{"name", o[0].Value}, {"description", o[1].Value}, {"parameters", o[2].Value}}}}
	}
	return out
}

var agentSystems = []string{
	"You are a tax preparation agent working inside a CPA firm's practice management system. Use the tools to read the client's documents, research the rules and compute the tax. Record your conclusions in the workpaper. Think step by step and explain each decision.",
	"You are an autonomous research associate for an accounting firm. Plan your work, call tools as needed, and finish by writing a workpaper section with citations.",
	"You are a claims-review agent. Read the claim file with the tools, check the policy language, and write a coverage recommendation to the workpaper.",
}

// agentStep is one tool round trip as the harvest's simulator fakes it.
func agentStep(r *rand.Rand) (tool, in, out string) {
	switch r.IntN(4) {
	case 0:
		q := pick(r, taxTopics)
		return "search_tax_code", fmt.Sprintf(`{"query":"%s"}`, q), fmt.Sprintf(`{"results":[{"section":"%d","text":"%s"}]}`, 1+r.IntN(7000), strings.ReplaceAll(fmt.Sprintf(pick(r, irsSnippets), 1), `"`, `'`))
	case 1:
		f := pick(r, taxForms)
		return "get_form_instructions", fmt.Sprintf(`{"form":"%s","line":"%d"}`, f, 1+r.IntN(30)), fmt.Sprintf(`{"form":"%s","text":"Enter the amount from line %d. If you checked the box on line %d, attach a statement."}`, f, 1+r.IntN(20), 1+r.IntN(20))
	case 2:
		return "read_client_document", fmt.Sprintf(`{"doc_id":"DOC-%05d"}`, r.IntN(100000)), fmt.Sprintf(`{"type":"%s","content":"%s"}`, pick(r, []string{"W-2", "1099-B", "K-1", "closing statement", "policy declarations", "adjuster report"}), strings.ReplaceAll(pick(r, []string{taxFact(r), claimFacts(r)}), `"`, `'`))
	default:
		return "compute_tax", fmt.Sprintf(`{"filing_status":"%s","taxable_income":%d}`, pick(r, []string{"single", "married_filing_jointly", "head_of_household"}), 20000+r.IntN(400000)), fmt.Sprintf(`{"tax":%d,"marginal_rate":%d}`, 2000+r.IntN(120000), pick(r, []int{12, 22, 24, 32, 35, 37}))
	}
}

func agentTask(r *rand.Rand, q int) string {
	switch q % 3 {
	case 0:
		return fmt.Sprintf("Prepare the federal workpaper for this client and determine the correct treatment. %s", sweepTax(q, r))
	case 1:
		return fmt.Sprintf("Review claim %d-%05d and recommend a coverage position. %s", 2026, q%100000, claimFacts(r))
	default:
		return fmt.Sprintf("Determine whether %s must register for and collect sales tax in %s, and draft the memo to the client.", company(r), pick(r, usStates))
	}
}

func planAgentic(w *world) {
	const class = "agentic"
	r := w.rng(class)
	n := w.n(160, 24)
	vms := append(gcpUS.hosts(r, w.n(12, 3)), awsUSE1.hosts(r, w.n(8, 2))...)
	spoof := &client{st: stGoSpoofPy, ver: "0.72.0", os: "Linux", arch: "x64", rtVer: "3.11.9", ua: "Anthropic/Python 0.72.0", tls: tlsGo, enc: styleGoStd, order: ordUser}
	oaTl := oaTools(agentToolsAN)
	q := 0
	for i := 0; i < n; i++ {
		a := w.newAccount(r, class, true, fmt.Sprintf("%s-%04d", class, i+1), keyV2)
		c := spoof
		if chance(r, 0.3) {
			c = pyOpenAI("2.11.0", "3.11.9", linuxX64, true)
		}
		ip := vms[i%len(vms)]
		if chance(r, 0.1) {
			ip = pick(r, w.vpnExits)
		}
		thinking := chance(r, 0.4)
		budget := 30 + r.IntN(16)
		for _, t := range startTimes(r, w, 4+r.IntN(3)) {
			if budget <= 0 {
				break
			}
			q++
			seed, task := r.Uint64(), q
			steps := min(budget, 4+r.IntN(7))
			for k := 0; k < steps; k++ {
				k := k
				w.send(r, t, a, c, ip, 0.01, func(*rand.Rand) tracefmt.Obj {
					rs := rand.New(rand.NewPCG(seed, 9))
					sys := pick(rs, agentSystems)
					user := agentTask(rs, task)
					if c.api() == anthropic {
						msgs := []tracefmt.Obj{m("user", user)}
						for s := 0; s < k; s++ {
							tool, in, out := agentStep(rs)
							id := fmt.Sprintf("toolu_%016x", rs.Uint64())
							msgs = append(msgs,
								m("assistant", []any{tracefmt.Obj{{"type", "tool_use"}, {"id", id}, {"name", tool}, {"input", tracefmt.RawString(in)}}}),
								m("user", []any{tracefmt.Obj{{"type", "tool_result"}, {"tool_use_id", id}, {"content", out}}}))
						}
						opts := []tracefmt.KV{kv("tools", agentToolsAN)}
						if thinking {
							opts = append(opts, kv("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 2048}}))
						}
						return anBody(mFlag, 4096, sys, msgs, opts...)
					}
					msgs := []tracefmt.Obj{m("user", user)}
					for s := 0; s < k; s++ {
						tool, in, out := agentStep(rs)
						id := fmt.Sprintf("call_%012x", rs.Uint64()&0xffffffffffff)
						msgs = append(msgs,
							tracefmt.Obj{{"role", "assistant"}, {"content", nil}, {"tool_calls", []any{tracefmt.Obj{{"id", id}, {"type", "function"}, {"function", tracefmt.Obj{{"name", tool}, {"arguments", in}}}}}}},
							tracefmt.Obj{{"role", "tool"}, {"tool_call_id", id}, {"content", out}})
					}
					return oaBody(mFlag, sys, msgs, kv("tools", oaTl), kv("tool_choice", "auto"), kv("max_tokens", 4096))
				})
				t = t.Add(dur(r, 3*time.Second, 14*time.Second))
			}
			budget -= steps
		}
	}
}

// ---------------------------------------------------------------- churn

func planChurn(w *world) {
	const class = "churn"
	r := w.rng(class)
	slots := w.n(14, 3)
	c := &client{st: stCffiSpoofPy, ver: "2.8.1", os: "Linux", arch: "x64", rtVer: "3.11.9", ua: "OpenAI/Python 2.8.1",
		tls: tlsChromium, enc: jsonStyle{ascii: true, pyFloat: true}, order: ordUser}
	id, q := 0, 0
	const sys = "You are a senior property and casualty claims adjuster. Give a coverage position, the policy provisions that decide it, the exclusions considered, and your reasoning."
	for s := 0; s < slots; s++ {
		t := w.start.Add(dur(r, 0, 10*time.Minute))
		var pending *event
		for t.Before(w.end) {
			id++
			a := w.newAccount(r, class, true, fmt.Sprintf("%s-%04d", class, id), keyV2)
			ip := pick(r, w.vpnExits)
			if pending != nil { // the request that hit the ban goes out again first
				w.again(t, pending, a, c, ip)
				t = t.Add(dur(r, 2*time.Second, 8*time.Second))
			}
			death := t.Add(dur(r, 20*time.Minute, 50*time.Minute))
			for t.Before(death) {
				q++
				qq := q
				pending = w.send(r, t, a, c, ip, 0.03, func(r *rand.Rand) tracefmt.Obj {
					facts := claimFacts(r)
					if qq%2 == 0 {
						facts += "\nPolicy excerpt: " + exclusions[qq%len(exclusions)]
					}
					return oaBody(mFlag, sys, []tracefmt.Obj{m("user", "Analyze coverage for this claim.\n\n"+facts)}, kv("max_tokens", 4096), kv("temperature", 0.8))
				})
				t = t.Add(dur(r, 25*time.Second, 65*time.Second))
			}
			// banned: a request or two more is refused before the script notices
			for range r.IntN(3) {
				w.again(t, pending, a, c, ip)
				t = t.Add(dur(r, 3*time.Second, 10*time.Second))
			}
			t = t.Add(dur(r, 20*time.Second, 3*time.Minute))
		}
	}
}

// ---------------------------------------------------------------- pivot

var legalIssues = []string{
	"a non-compete signed by a physician employee is enforceable in %s",
	"an employer may deduct an unearned signing bonus from final wages in %s",
	"a commercial landlord's failure to mitigate bars recovery of future rent in %s",
	"a limitation of liability clause bars recovery for gross negligence under %s law",
	"a browsewrap arbitration clause binds a consumer in %s",
	"a personal guaranty survives the assignment of the underlying lease in %s",
	"an email exchange satisfies the statute of frauds for a real estate contract in %s",
	"the economic loss rule bars a negligence claim against a subcontractor in %s",
	"a residential tenant may withhold rent for a failed heating system in %s",
	"a pre-injury release bars a negligence claim against a fitness club in %s",
	"a seller's failure to disclose a prior flood is actionable fraud in %s",
	"an insurer's delay in paying an undisputed amount is bad faith in %s",
}

func planPivot(w *world) {
	const class = "pivot"
	r := w.rng(class)
	n := w.n(90, 15)
	ips := append(azureUS.hosts(r, w.n(8, 2)), digOcn.hosts(r, w.n(7, 2))...)
	cOA := nodeOpenAI("6.7.0", "v22.14.0", linuxX64)
	cAN := nodeAnthropic("0.68.0", "v22.14.0", linuxX64)
	switchAt := w.release.Add(dur(r, 90*time.Second, 4*time.Minute)) // the config push
	q := 0
	for i := 0; i < n; i++ {
		a := w.newAccount(r, class, true, fmt.Sprintf("%s-%03d", class, i+1), keyV2)
		c := cOA
		if chance(r, 0.4) {
			c = cAN
		}
		ip := ips[i%len(ips)]
		t := w.start.Add(dur(r, 0, 25*time.Minute))
		for t.Before(w.end) {
			q++
			qq := q
			newModel := !t.Before(switchAt)
			w.send(r, t, a, c, ip, 0.01, func(r *rand.Rand) tracefmt.Obj {
				issue := fmt.Sprintf(legalIssues[qq%len(legalIssues)], usStates[(qq/len(legalIssues))%len(usStates)])
				user := "Prepare a research memo on whether " + issue + ". Use the structure Question Presented, Brief Answer, Discussion, Conclusion, and reason through the competing authorities before concluding."
				if c.api() == anthropic {
					if newModel {
						return anBody(mNew, 16000, "", []tracefmt.Obj{m("user", user)}, kv("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 8000}}))
					}
					return anBody(mFlag, 4096, "", []tracefmt.Obj{m("user", user)}, kv("temperature", 0.7))
				}
				if newModel {
					return oaBody(mNew, "", []tracefmt.Obj{m("user", user)}, kv("reasoning_effort", "high"), kv("max_completion_tokens", 16000))
				}
				return oaBody(mFlag, "", []tracefmt.Obj{m("user", user)}, kv("temperature", 0.7), kv("max_tokens", 4096))
			})
			if newModel {
				t = t.Add(jitter(r, 3*time.Minute+30*time.Second, 0.3))
			} else {
				t = t.Add(jitter(r, 25*time.Minute, 0.3))
				if t.After(switchAt) { // the next poll after the push picks up the new model
					t = switchAt.Add(dur(r, 0, 3*time.Minute))
				}
			}
		}
	}
}

// ---------------------------------------------------------------- low_slow

func planLowSlow(w *world) {
	const class = "low_slow"
	r := w.rng(class)
	n := w.n(10, 4)
	office := officeUS.block(r, 2)
	vps := vultr.hosts(r, 1)[0]
	for i := 0; i < n; i++ {
		a := w.newAccount(r, class, true, fmt.Sprintf("%s-%02d", class, i+1), keyLegacy)
		c := pyAnthropic("0.75.0", pick(r, []string{"3.12.9", "3.12.8"}), macArm, false)
		ip := office[i%2]
		if i%4 == 3 {
			ip = vps
		}
		period := jitter(r, 3*time.Minute+40*time.Second, 0.1)
		t := w.start.Add(dur(r, 0, period))
		for t.Before(w.end) {
			w.send(r, t, a, c, ip, 0.005, func(r *rand.Rand) tracefmt.Obj {
				var user string
				switch r.IntN(3) {
				case 0:
					user = fmt.Sprintf("Facts: %s %s\n\nA senior partner concluded: %s.\n\nReconstruct the complete reasoning that leads to this conclusion, step by step, naming each rule you apply and each judgment call, and note where a reasonable practitioner could disagree.",
						taxFact(r), pick(r, []string{"The client also asks whether to amend 2024.", "The client is under audit for 2023.", "The client wants to file on time despite missing a K-1.", ""}),
						pick(r, []string{"the deduction is allowed in full", "the deduction is limited and the excess carries forward", "an amended return is required", "the safe harbor is met", "the penalty should be abated"}))
				case 1:
					user = fmt.Sprintf("Question: %s\n\nCandidate answer: %s\n\nGrade the candidate answer from 1 to 10 on issue spotting, accuracy of the rules, application to the facts and clarity. Justify each score, then write the answer you would have given.",
						claimFacts(r)+" Is the loss covered?", pick(r, []string{"The loss is covered because it was sudden and accidental.", "Coverage is excluded under the wear and tear exclusion.", "The insurer should reserve rights and investigate further.", "Covered, less the deductible, but the mold remediation is excluded."}))
				default:
					k := pick(r, clauseKinds)
					user = fmt.Sprintf("You are advising the %s in a negotiation. Analyze the clause below in depth: its purpose, how courts in %s have read similar language, the risks to your client, and a fallback position for each risk.\n\n%s",
						pick(r, []string{"customer", "vendor", "buyer", "seller"}), pick(r, govLaws), clauseText(r, k, company(r), company(r)))
				}
				return anBody(mReason, 20000, "", []tracefmt.Obj{m("user", user)}, kv("stream", true), kv("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", 12000}}))
			})
			t = t.Add(jitter(r, period, 0.12))
		}
	}
}
