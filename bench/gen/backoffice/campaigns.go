package backoffice

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---- shared harvesting material ----

// harvest draws what a harvesting prompt is about: a task and a document
// it fits, weighted toward legal analysis.
func harvest(r *rand.Rand) (task, doc string) {
	switch r.IntN(8) {
	case 0, 1, 2:
		return pick(r, contractTasks), contractDoc(r, 1+r.IntN(3))
	case 3, 4:
		return pick(r, statementTasks), statementDoc(r)
	case 5, 6:
		return pick(r, claimTasks), claimDoc(r)
	}
	return pick(r, invoiceTasks), invoiceDoc(r)
}

// harvestDoc is a document for a prompt that brings its own task.
func harvestDoc(r *rand.Rand) string {
	_, doc := harvest(r)
	return doc
}

var conclusions = []string{
	"the liability cap is unenforceable as drafted because it conflicts with the indemnity carve-out",
	"the Customer cannot exit before the end of the second renewal term",
	"the company breached its leverage covenant in the last quarter",
	"the claim should be paid net of the deductible with no subrogation",
	"the invoice overstates the tax by applying the standard rate to exempt items",
	"gross margin fell mainly because of freight and the inventory write-down",
}

var showWork = []string{
	"Walk me through your reasoning step by step.",
	"Show your work.",
	"Think it through carefully and explain each step before you conclude.",
	"I need the full reasoning, not just the answer, so I can check it.",
	"Lay out the analysis in numbered steps, then give the conclusion.",
	"Please be thorough and explain why at each step.",
	"explain your thinking",
	"Reason it out in detail first.",
}

// disguisedAsk words a harvesting request the many ways the disguised
// operator's paraphrase pool does: personas, registers, casing, typos,
// document before or after, sometimes a rationalisation or a grading task.
func disguisedAsk(r *rand.Rand, task, doc string) string {
	switch r.IntN(14) {
	case 0:
		return "I'm reviewing this for a client. Can you " + task + "? " + pick(r, showWork) + "\n\n" + doc
	case 1:
		return doc + "\n\n" + pick(r, []string{"Quick one — ", "Hi! ", "", "Hey, "}) + task + ". " + pick(r, showWork)
	case 2:
		return "As a paralegal I have to " + task + " for the partner by tomorrow. " + pick(r, showWork) + "\n\n---\n" + doc + "\n---"
	case 3:
		return "Our senior counsel concluded that " + pick(r, conclusions) + ". Write out the detailed reasoning that would lead to this conclusion, based on the document below.\n\n" + doc
	case 4:
		return strings.ToLower(task) + " pls. " + strings.ToLower(pick(r, showWork)) + "\n\n" + doc
	case 5:
		return "Below are two analyses of the same document. Score each from 1 to 10 for accuracy, completeness and quality of reasoning, explain the scores, then write a better analysis.\n\nDOCUMENT:\n" + doc + "\n\nANALYSIS A:\n" + reply(r) + "\n\nANALYSIS B:\n" + reply(r)
	case 6:
		return "Context: I work in the finance team at a mid-size " + pick(r, []string{"manufacturer", "logistics company", "retailer", "insurer", "law firm"}) + ".\nTask: " + task + ".\n" + pick(r, showWork) + "\n\n" + doc
	case 7:
		return "Could you help me " + task + "? I'm preparing for an exam and want to understand the method, so go step by step.\n\n" + doc
	case 8:
		return doc + "\n\nWhat's your view? Specifically " + task + ". Please reason before answering."
	case 9:
		return "Task: " + task + "\n\nDocument:\n" + doc + "\n\nFirst think about the relevant facts, then the applicable rules, then apply them, then conclude."
	case 10:
		return "I've been going back and forth on this. " + strings.ToUpper(task[:1]) + task[1:] + ". " + pick(r, showWork) + " " + doc
	case 11:
		return "Please " + task + " and write a short memo. Include the reasoning behind every point — my manager always asks 'why'.\n\n" + doc
	case 12:
		return "Here's an excerpt:\n" + doc + "\n\nProblem: " + task + ". Answer in two parts: (1) reasoning, (2) final answer."
	}
	return "can u " + typo(r, task) + "? " + pick(r, showWork) + "\n" + doc
}

// typo swaps two letters once, as a hurried typist does.
func typo(r *rand.Rand, s string) string {
	if len(s) < 8 {
		return s
	}
	b := []byte(s)
	i := 2 + r.IntN(len(b)-4)
	if b[i] != ' ' && b[i+1] != ' ' {
		b[i], b[i+1] = b[i+1], b[i]
	}
	return string(b)
}

// ---- naive: a hydra with one template, one stack, one range ----

const naiveTemplate = "Extract all fields from the following %s and return them as JSON with the keys %s. Before the JSON, explain your reasoning step by step, showing how you identified each field and checking that the amounts add up.\n\n%s TEXT:\n%s"

func planNaive(g *gen) {
	const class = "naive"
	r := g.rng(class)
	cl := sdk(kRequests, "2.31.0", "3.10.12", "openssl3-h1")
	launch := g.start.Add(-40 * time.Minute) // the script was started before the window
	for i := range g.count(48) {
		ip := ipFrom(r, pick(r, []string{"45.134.140.", "45.134.141."}))
		a := newAccount(r, class, true, fmt.Sprintf("acct%03d", i), false, cl, ip)
		t := launch.Add(dur(float64(i) * 0.8))
		for t.Before(g.end) {
			kind, keys, doc := "invoice", "vendor_name, invoice_number, invoice_date, due_date, line_items, subtotal, tax, total, currency, iban", invoiceDoc(r)
			if chance(r, 0.35) {
				kind, keys, doc = "financial statement", "company, currency, periods, line_items, yoy_changes, notes", statementDoc(r)
			}
			prompt := fmt.Sprintf(naiveTemplate, kind, keys, strings.ToUpper(kind), doc)
			g.req(t, a, "/v1/chat/completions", chat(gptMain, "system", "", []tracefmt.Obj{msg("user", prompt)},
				kv("temperature", 1.0), kv("max_completion_tokens", 4096)))
			t = t.Add(dur(150 + r.NormFloat64()*6))
		}
	}
}

// ---- disguised: the same goal, dressed as many small users ----

func planDisguised(g *gen) {
	const class = "disguised"
	r := g.rng(class)
	for i := range g.count(260) {
		reg := homeRegion(r)
		ant := chance(r, 0.45)
		cl := randomClient(r, ant)
		if chance(r, 0.2) {
			// the harness is Go with copied SDK headers: the TLS print
			// does not match the user agent
			cl.ja4 = ja4s["go"]
		}
		a := newAccount(r, class, true, fmt.Sprintf("p%04d", i), ant, cl, "")
		// Each persona keeps office hours in its claimed region, with a
		// per-account appetite; volume stays near what a busy analyst sends.
		keen := 0.5 + r.Float64()*1.1
		useResponses := !ant && chance(r, 0.5)
		for _, s := range sessions(r, g.start, g.end, keen, func(t time.Time) float64 { return keen * (0.1 + office(localHour(t, reg.tz))) }, 3.5, 75) {
			a.ip = ipFrom(r, pick(r, reg.res)) // a residential proxy exit per session
			var turns []tracefmt.Obj
			for k, t := range s {
				task, doc := harvest(r)
				text := disguisedAsk(r, task, doc)
				if k > 0 && chance(r, 0.5) {
					text = pick(r, []string{"Can you expand on the second step?", "What would change if the governing law were English law?",
						"Why did you rule out the alternative?", "Now do the same analysis from the other party's side.", "Redo it but check each number again."})
				} else {
					turns = nil
				}
				turns = append(turns, userTurn(r, ant, text))
				switch {
				case ant:
					budget := pick(r, []int{8000, 10000, 12000, 16000})
					g.req(t, a, "/v1/messages", messages(pick(r, []string{opus, sonnet, opus}), "", turns, budget+pick(r, []int{4000, 8000, 16000}),
						thinking(budget), kv("stream", chance(r, 0.7))))
				case useResponses:
					g.req(t, a, "/v1/responses", responses(gptMain, "", turns, reasoning(pick(r, []string{"high", "high", "medium"}), chance(r, 0.7)),
						kv("max_output_tokens", pick(r, []int{16000, 25000, 32000})), kv("stream", chance(r, 0.5))))
				default:
					g.req(t, a, "/v1/chat/completions", chat(gptMain, "system", "", turns, kv("reasoning_effort", "high"), kv("stream", chance(r, 0.5))))
				}
				turns = append(turns, msg("assistant", reply(r)))
			}
		}
	}
}

// ---- reseller: real customers and a harvest through the same keys ----

func planReseller(g *gen) {
	r := g.rng("reseller")
	ips := []string{"88.99.214.21", "88.99.214.22", "88.99.214.40"}
	cl := sdk(kGoH2, "", "", "go")
	cl.ua = "tessellate-gw/1.14.2"
	var keys []*account
	for i := range g.count(24) {
		ant := i%3 == 2
		a := &account{name: fmt.Sprintf("reseller-tess-%02d", i), class: "reseller_customer", key: newKey(r, ant), ant: ant, cl: cl}
		keys = append(keys, a)
	}
	type cust struct {
		sys   string
		model string
		user  func(*rand.Rand) string
	}
	custApps := []cust{
		{"You are a helpful assistant.", "", func(r *rand.Rand) string { return pick(r, casualAsks) + pick(r, []string{"", reply(r)}) }},
		{"Summarise the text for a busy executive in 3 bullets.", "", func(r *rand.Rand) string { return supportEmail(r) }},
		{"Extract all dates and amounts as JSON.", "", invoiceDoc},
		{"You are a writing assistant for a real-estate agency. Write listing descriptions.", "", func(r *rand.Rand) string {
			return fmt.Sprintf("%d bed flat in %s, %d sqm, balcony, %s", 1+r.IntN(4), pick(r, cities), 40+r.IntN(120), pick(r, []string{"renovated", "needs work", "new build"}))
		}},
		{"Translate to Spanish.", "", func(r *rand.Rand) string { return reply(r) }},
		{"You help small-business owners with bookkeeping questions. Be practical.", "", func(r *rand.Rand) string { return pick(r, casualAsks) }},
	}
	send := func(t time.Time, a *account, sys, text string, harvest bool) {
		a.ip = pick(r, ips)
		class := "reseller_customer"
		if harvest {
			class = "reseller_harvest"
		}
		var path string
		var body tracefmt.Obj
		if a.ant {
			path = "/v1/messages"
			if harvest {
				body = messages(opus, sys, []tracefmt.Obj{msg("user", text)}, 20000, thinking(12000))
			} else {
				body = messages(pick(r, []string{haiku, sonnet}), sys, []tracefmt.Obj{msg("user", text)}, 2048, kv("stream", chance(r, 0.5)))
			}
		} else {
			path = "/v1/chat/completions"
			if harvest {
				body = chat(gptMain, "system", sys, []tracefmt.Obj{msg("user", text)}, kv("reasoning_effort", "high"), kv("max_completion_tokens", 32000))
			} else {
				body = chat(pick(r, []string{gptMini, gpt41m, gptMain}), "system", sys, []tracefmt.Obj{msg("user", text)}, kv("stream", chance(r, 0.5)))
			}
		}
		g.reqAs(t, a, path, body, 0, class, harvest)
	}
	// Customers: each customer sticks to one upstream key (the gateway
	// hashes the customer id); global customers, daytime-heavy.
	for c := range g.count(120) {
		app := custApps[c%len(custApps)]
		a := keys[int(mix(uint64(c)+g.cfg.Seed)%uint64(len(keys)))]
		rate := lognormal(r, 4, 1)
		tz := homeRegion(r).tz
		for _, t := range arrivals(r, g.start, g.end, rate, func(t time.Time) float64 { return rate * (0.2 + office(localHour(t, tz))) }) {
			send(t, a, app.sys, app.user(r), false)
		}
	}
	// Harvest: about a quarter of the keys' volume, round-robin over all
	// keys at a flat rate, one internal system prompt, the analysis
	// tasks with the reasoning written out.
	const harvestSys = "You are an expert analyst. Answer precisely. Always show complete step-by-step reasoning before the final answer."
	rr := 0
	hr := g.vol(270)
	for _, t := range arrivals(r, g.start, g.end, hr, flat(hr)) {
		a := keys[rr%len(keys)]
		rr++
		task, doc := harvest(r)
		text := "## Task\n" + strings.ToUpper(task[:1]) + task[1:] + ".\n\n## Document\n" + doc + "\n\n## Output\nReasoning, then final answer."
		if chance(r, 0.2) {
			text = "## Task\nThe correct conclusion is: " + pick(r, conclusions) + ". Write the full reasoning that leads to it.\n\n## Document\n" + harvestDoc(r)
		}
		send(t, a, harvestSys, text, true)
	}
}

// ---- logprob: log-probability extraction ----

var lpCategories = []string{"invoice", "contract", "statement", "claim", "email", "receipt", "policy", "memo"}

func logitBias(r *rand.Rand, n int) tracefmt.Obj {
	o := make(tracefmt.Obj, 0, n)
	base := 1000 + r.IntN(90000)
	for i := range n {
		o = append(o, tracefmt.KV{Key: strconv.Itoa(base + i*7 + r.IntN(7)), Value: pick(r, []int{100, 100, 100, -100})})
	}
	return o
}

func planLogprob(g *gen) {
	const class = "logprob"
	r := g.rng(class)
	for i := range g.count(12) {
		a := newAccount(r, class, true, fmt.Sprintf("lp%02d", i), false, sdk(kOpenAIPy, "2.6.1", "3.11.9", "openssl3-h1"), ipFrom(r, pick(r, []string{"35.160.", "54.188.", "44.226."})))
		t := g.start.Add(dur(r.Float64() * 600))
		for t.Before(g.end) {
			doc := harvestDoc(r)
			if len(doc) > 900 {
				doc = doc[:900]
			}
			switch mode := r.IntN(10); {
			case mode < 5:
				// one prompt, many logit_bias masks: the next-token distribution
				prompt := "Document:\n" + doc + "\n\nWhich category best describes this document? Choose from: " + strings.Join(lpCategories, ", ") + ". Answer with one word."
				for range 6 + r.IntN(12) {
					g.req(t, a, "/v1/chat/completions", chat(gpt41m, "system", "", []tracefmt.Obj{msg("user", prompt)},
						kv("max_tokens", 1), kv("temperature", 0.0), kv("logprobs", true), kv("top_logprobs", 20), kv("logit_bias", logitBias(r, 100+r.IntN(150)))))
					t = t.Add(dur(0.6 + lognormal(r, 1.2, 0.4)))
				}
			case mode < 8:
				// soft labels for a whole answer
				g.req(t, a, "/v1/chat/completions", chat(gpt41, "system", "", []tracefmt.Obj{msg("user", "Extract the key terms from this document as a list.\n\n"+doc)},
					kv("max_tokens", 256), kv("temperature", 0.0), kv("logprobs", true), kv("top_logprobs", 20)))
				t = t.Add(dur(lognormal(r, 5, 0.4)))
			default:
				prompt := doc + "\n\nQuestion: What is the risk level of this document for the buyer (low, medium, high)?\nAnswer:"
				for range 3 + r.IntN(6) {
					g.req(t, a, "/v1/completions", tracefmt.Obj{{"model", "gpt-3.5-turbo-instruct"}, {"prompt", prompt},
						{"max_tokens", 1}, {"temperature", 0.0}, {"logprobs", 5}, {"logit_bias", logitBias(r, 80+r.IntN(120))}})
					t = t.Add(dur(0.5 + lognormal(r, 1, 0.4)))
				}
			}
			t = t.Add(dur(lognormal(r, 420, 0.6))) // the next document
		}
	}
}

// ---- agentic: tool-use trajectories from a simulated back office ----

func agentTools() []tracefmt.Obj {
	str := tracefmt.Obj{{"type", "string"}}
	num := tracefmt.Obj{{"type", "number"}}
	tool := func(name, desc string, props tracefmt.Obj, req ...string) tracefmt.Obj {
		return tracefmt.Obj{{"name", name}, {"description", desc}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", props}, {"required", req}}}}
	}
	return []tracefmt.Obj{
		tool("search_invoices", "Search the AP ledger for invoices by vendor, date range or amount.", tracefmt.Obj{{"vendor", str}, {"from", str}, {"to", str}, {"min_amount", num}}, "vendor"),
		tool("get_vendor", "Fetch the vendor master record, including bank details and payment terms.", tracefmt.Obj{{"vendor_id", str}}, "vendor_id"),
		tool("get_statement", "Fetch the vendor's latest account statement.", tracefmt.Obj{{"vendor_id", str}}, "vendor_id"),
		tool("read_contract", "Return the text of a contract section.", tracefmt.Obj{{"contract_id", str}, {"section", str}}, "contract_id"),
		tool("post_journal_entry", "Post a journal entry to the general ledger (draft status).", tracefmt.Obj{{"account", str}, {"debit", num}, {"credit", num}, {"memo", str}}, "account", "memo"),
		tool("send_email", "Send an email to a vendor contact.", tracefmt.Obj{{"to", str}, {"subject", str}, {"body", str}}, "to", "subject", "body"),
	}
}

var agentTasks = []string{
	"Reconcile the %s statement against our AP ledger for April and post adjusting entries for any differences.",
	"Check whether invoice INV-%d from %s complies with the payment terms in its contract and draft an email if it does not.",
	"Prepare the month-end accrual for unbilled services from %s and explain the amount.",
	"Find duplicate payments to %s in the last quarter and propose how to recover them.",
	"Verify that the bank details change requested by %s is legitimate before updating anything.",
}

func planAgentic(g *gen) {
	const class = "agentic"
	r := g.rng(class)
	tools := agentTools()
	sys := "You are an autonomous finance operations agent. Use the tools to complete the task. Think carefully before each action and verify figures before posting entries."
	cl := sdk(kAnthropicPy, "0.72.1", "3.11.9", "openssl3-h1")
	for i := range g.count(36) {
		a := newAccount(r, class, true, fmt.Sprintf("ag%03d", i), true, cl, ipFrom(r, pick(r, gcp)))
		t := g.start.Add(dur(r.Float64() * 900))
		for t.Before(g.end) {
			vendor := pick(r, vendors)
			task := agentTasks[r.IntN(len(agentTasks))]
			if strings.Count(task, "%") == 2 {
				task = fmt.Sprintf(task, 10000+r.IntN(89999), vendor)
			} else {
				task = fmt.Sprintf(task, vendor)
			}
			turns := []tracefmt.Obj{msg("user", task)}
			steps := 3 + r.IntN(4)
			for s := range steps {
				g.req(t, a, "/v1/messages", messages(sonnet, sys, turns, 16000, thinking(4000), kv("tools", tools)))
				if s == steps-1 {
					break
				}
				// the operator's tool simulator answers at once
				id := "toolu_01" + randStr(r, b62, 22)
				name := pick(r, []string{"search_invoices", "get_vendor", "get_statement", "read_contract", "post_journal_entry"})
				thought := pick(r, []string{
					"I should first look up the vendor's invoices for the period to compare with the statement.",
					"The statement shows a balance that differs from our ledger; I need the individual lines.",
					"Before posting, I should check the contract's payment terms.",
					"The difference matches a credit note not yet booked; I will draft an adjusting entry.",
				})
				turns = append(turns,
					msg("assistant", []tracefmt.Obj{
						{{"type", "thinking"}, {"thinking", thought}, {"signature", randStr(r, b64u, 128)}},
						{{"type", "tool_use"}, {"id", id}, {"name", name}, {"input", tracefmt.Obj{{"vendor", vendor}}}}}),
					msg("user", []tracefmt.Obj{{{"type", "tool_result"}, {"tool_use_id", id}, {"content", toolResult(r, name, vendor)}}}))
				t = t.Add(dur(lognormal(r, 9, 0.4) + 0.2 + r.Float64()))
			}
			t = t.Add(dur(lognormal(r, 600, 0.5)))
		}
	}
}

func toolResult(r *rand.Rand, name, vendor string) string {
	switch name {
	case "search_invoices":
		var b strings.Builder
		for range 2 + r.IntN(4) {
			fmt.Fprintf(&b, `{"invoice":"INV-%d","vendor":"%s","date":"%s","amount":%s,"status":"%s"}`+"\n", 10000+r.IntN(89999), vendor, date(r),
				strings.ReplaceAll(money(r, 100, 40000), ",", ""), pick(r, []string{"paid", "open", "disputed"}))
		}
		return b.String()
	case "get_vendor":
		return fmt.Sprintf(`{"vendor_id":"V%d","name":"%s","terms":"Net %d","iban_last4":"%04d","contact":"%s"}`, 1000+r.IntN(9000), vendor, pick(r, []int{30, 45, 60}), r.IntN(10000), person(r))
	case "get_statement":
		return statementDoc(r)[:200]
	case "read_contract":
		return clause(r, 1+r.IntN(20), "Customer")
	}
	return `{"status":"draft_created","entry_id":"JE-` + strconv.Itoa(r.IntN(1e6)) + `"}`
}

// ---- churn: short-lived accounts, each replaced when it is spent ----

func planChurn(g *gen) {
	const class = "churn"
	r := g.rng(class)
	cl := sdk(kOpenAINode, "6.9.1", "v22.15.0", "node22")
	sys := "You are a senior commercial contracts lawyer."
	n := 0
	for range g.count(10) {
		t := g.start.Add(dur(-r.Float64() * 1200))
		for t.Before(g.end) {
			a := newAccount(r, class, true, fmt.Sprintf("c%04d", n), false, cl, ipFrom(r, pick(r, append(resUS, resEU...))))
			n++
			life := t.Add(dur(lognormal(r, 1800, 0.4)))
			for t.Before(life) {
				text := fmt.Sprintf("Review this clause: %s\n\n%s Then give a risk rating from 1 to 5 and a redline.", clause(r, 1+r.IntN(20), pick(r, []string{"Customer", "Supplier"})),
					pick(r, []string{"Explain your reasoning in detail.", "Explain your reasoning in detail, step by step.", "Explain in detail how you reach your view."}))
				g.req(t, a, "/v1/chat/completions", chat(gptMain, "developer", sys, []tracefmt.Obj{msg("user", text)},
					kv("temperature", 1.0), kv("max_completion_tokens", 8000)))
				t = t.Add(dur(lognormal(r, 48, 0.5)))
			}
			t = t.Add(dur(20 + r.Float64()*70)) // the next trial account takes over
		}
	}
}

// ---- pivot: onto the new model as soon as it is out ----

func planPivot(g *gen) {
	const class = "pivot"
	r := g.rng(class)
	cl := sdk(kOpenAIPy, "2.8.1", "3.12.8", "openssl3-h1")
	push := g.release.Add(dur(600 + r.Float64()*600)) // the operator's config push
	for i := range g.count(40) {
		a := newAccount(r, class, true, fmt.Sprintf("pv%03d", i), false, cl, ipFrom(r, pick(r, []string{"159.89.", "167.99.", "164.92."})))
		switchAt := push.Add(dur(r.Float64() * 180))
		pre, post := 3+r.Float64()*2, 14+r.Float64()*6
		rate := func(t time.Time) float64 {
			if t.Before(switchAt) {
				return pre
			}
			return post
		}
		for _, t := range arrivals(r, g.start, g.end, post, rate) {
			model, effort := gptMain, "medium"
			if !t.Before(switchAt) {
				model, effort = newModel, "high"
			}
			task, doc := harvest(r)
			text := pick(r, []string{
				"Analyse the following and " + task + ". Think carefully and explain every step.\n\n" + doc,
				doc + "\n\nInstruction: " + task + ". Provide detailed reasoning.",
				"Case file:\n" + doc + "\n\nQuestion: " + task + "?",
			})
			g.req(t, a, "/v1/responses", responses(model, "", text, reasoning(effort, true), kv("max_output_tokens", 32000),
				kv("include", []string{"reasoning.encrypted_content"}), kv("store", false)))
		}
	}
}

// ---- low_slow: established-looking accounts, a few requests an hour ----

func planLowSlow(g *gen) {
	const class = "low_slow"
	r := g.rng(class)
	framings := []string{
		"%s\n\nCan you %s? Please explain your reasoning.",
		"I'd like a second opinion. %s. Reason it through step by step.\n\n%s",
		"For our internal review: %s.\n\n%s\n\nInclude the reasoning.",
		"%s\n\nHelp me %s — walk me through it.",
	}
	for i := range g.count(320) {
		reg := homeRegion(r)
		ant := chance(r, 0.5)
		a := newAccount(r, class, true, fmt.Sprintf("e%04d", i), ant, randomClient(r, ant), ipFrom(r, pick(r, append(reg.res, bizISP...))))
		rate := 1 + r.Float64()*2
		for _, t := range arrivals(r, g.start, g.end, rate, func(t time.Time) float64 { return rate * (0.5 + 0.5*office(localHour(t, reg.tz))) }) {
			task, doc := harvest(r)
			f := pick(r, framings)
			var text string
			if strings.HasPrefix(f, "%s\n\n") {
				text = fmt.Sprintf(f, doc, task)
			} else {
				text = fmt.Sprintf(f, strings.ToUpper(task[:1])+task[1:], doc)
			}
			if ant {
				g.req(t, a, "/v1/messages", messages(pick(r, []string{sonnet, opus}), "", []tracefmt.Obj{userTurn(r, true, text)}, 12000, thinking(6000)))
			} else {
				g.req(t, a, "/v1/chat/completions", chat(gptMain, "system", "", []tracefmt.Obj{msg("user", text)}, kv("reasoning_effort", pick(r, []string{"medium", "high"}))))
			}
		}
	}
}
