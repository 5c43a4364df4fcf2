package counsel

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---------------------------------------------------------------- intake_app

const intakeSystem = `You are Ask Harbor, the client assistant in the Harbor & Main Tax client portal. You help existing clients with questions about their 2025 return, documents we still need, appointments, extensions and payment options. Be warm and brief (under 120 words unless the client asks for detail). Do not give definitive advice on complex tax matters; offer to book time with the client's preparer instead. Never ask for a full Social Security number or bank account number. If the client mentions an IRS notice, ask for the notice code (for example CP2000 or CP14) and the date printed on it. Today is Tuesday, April 14, 2026; the federal filing deadline is Wednesday, April 15. Offices are open 8 a.m. to 9 p.m. local time through April 15. Returning clients can have their preparer file an extension (Form 4868) at no charge; an extension gives more time to file, not more time to pay. IRS payment plans can be requested online for balances under $50,000.`

var (
	intakeOpen = []string{"Hi,", "Hello!", "Hi there,", "Good morning,", "Quick question:", "Hey,", "", "", "Hi Harbor,", "Sorry to bother you,"}
	intakeAsk  = []string{
		"I uploaded my W-2 yesterday, do you have everything you need now?",
		"can I still get an extension if I think I owe money?",
		"I got a CP2000 letter saying I underreported income from %s. What do I do?",
		"my refund last year was %s and this year I owe. Why?",
		"do I need to bring my 1098-T for my son?",
		"when is my appointment with my preparer?",
		"I forgot to send my 1099-INT from my savings account. Is it too late?",
		"can I pay what I owe with a credit card?",
		"I sold some stock this year, what form do you need from me?",
		"my husband and I got married in October, should we file jointly?",
		"is it normal that my return isn't ready yet?",
		"I started driving for DoorDash, do I need to send you my mileage?",
		"how do I set up a payment plan with the IRS?",
		"I moved states in the middle of the year, will I need two state returns?",
		"I received a 1099-K from PayPal for selling my old furniture, do I need to report it?",
		"what is the portal code I should use to sign my e-file form?",
		"can you file my extension today please",
		"my daughter is in college but still on my insurance, can I claim her?",
		"I had a baby in December, does that change anything?",
		"I got a letter saying my identity needs to be verified. Is that real?",
	}
	intakeReplies = []string{
		"Thanks for checking! I can see your W-2 in the portal. Your preparer still needs your 1099-INT and last year's state refund amount. You can upload them under Documents > Outstanding.",
		"Yes. An extension (Form 4868) gives you until October 15 to file, but any tax owed is still due April 15. If you'd like, I can ask your preparer to file it for you at no charge.",
		"I'm sorry you're dealing with that. Could you tell me the notice code and the date printed at the top? I can then book a call with your preparer to review it.",
		"That can happen when withholding changes or a credit phases out. Your preparer can walk you through the numbers. Would you like me to book 15 minutes with them?",
		"I can help with that. Could you confirm the name on the account so I can look up your appointment?",
		"You can pay by debit or credit card through the IRS's approved processors; they charge a small fee. Would you like the link?",
	}
)

func intakeQuestion(r *rand.Rand) string {
	q := pick(r, intakeAsk)
	if strings.Contains(q, "%s") {
		q = fmt.Sprintf(q, pick(r, []string{"a brokerage account", "Venmo", "a side job", money(r, 800, 9000, 10)}))
	}
	o := pick(r, intakeOpen)
	if o == "" {
		return strings.ToUpper(q[:1]) + q[1:]
	}
	return o + " " + q
}

func planIntakeApp(w *world) {
	const class = "intake_app"
	r := w.rng(class)
	prodA := w.newAccount(r, class, false, class+"-prod-east", keyLegacy)
	prodB := w.newAccount(r, class, false, class+"-prod-west", keyLegacy)
	staging := w.newAccount(r, class, false, class+"-staging", keyLegacy)
	cEast := nodeOpenAI("6.7.0", "v20.18.1", linuxX64)
	cWest := nodeOpenAI("6.7.0", "v20.18.1", linuxArm)
	natEast := awsUSE1.hosts(r, 4)
	natWest := awsUSW2.hosts(r, 2)
	office := officeUS.block(r, 2)
	cDev := nodeOpenAI("6.10.0", "v22.14.0", macArm)

	body := func(sid uint64, k int, user string, model string) func(*rand.Rand) tracefmt.Obj {
		return func(*rand.Rand) tracefmt.Obj {
			rs := rand.New(rand.NewPCG(sid, 7))
			var msgs []tracefmt.Obj
			for i := 0; i <= k; i++ {
				msgs = append(msgs, m("user", intakeQuestion(rs)))
				if i < k {
					msgs = append(msgs, m("assistant", pick(rs, intakeReplies)))
				}
			}
			return oaBody(model, intakeSystem, msgs, kv("temperature", 0.4), kv("max_tokens", 600), kv("stream", true),
				kv("stream_options", tracefmt.Obj{{"include_usage", true}}), kv("user", user))
		}
	}
	consumers := func(t time.Time) float64 { return 0.3 + 0.65*usOffices(t) }
	poisson(r, w.start, w.end, 1000*w.cfg.Scale, consumers, func(t time.Time) {
		sid := r.Uint64()
		user := fmt.Sprintf("hm_%012x", r.Uint64()&0xffffffffffff)
		acct, c, nat := prodA, cEast, natEast
		if chance(r, 0.3) {
			acct, c, nat = prodB, cWest, natWest
		}
		turns := 1
		for turns < 8 && chance(r, 0.62) {
			turns++
		}
		for k := range turns {
			w.send(r, t, acct, c, pick(r, nat), 0.004, body(sid, k, user, mMini))
			t = t.Add(dur(r, 12*time.Second, 150*time.Second))
		}
	})
	// the team trying the new model against the same prompt from the office
	poisson(r, w.release.Add(20*time.Minute), w.end, 30*w.cfg.Scale+4, local(-4), func(t time.Time) {
		sid := r.Uint64()
		w.send(r, t, staging, cDev, pick(r, office), 0, body(sid, r.IntN(3), "hm_qa_tester", pick(r, []string{mNew, mMini})))
	})
}

// ---------------------------------------------------------------- batch_jobs

// workers runs n jobs on k workers from t0, each job taking a latency drawn
// by lat, and calls fn at each job's start.
func workers(r *rand.Rand, t0 time.Time, n, k int, lat func() time.Duration, fn func(i int, t time.Time)) {
	next := make([]time.Time, k)
	for i := range next {
		next[i] = t0.Add(time.Duration(r.IntN(1500)) * time.Millisecond)
	}
	for i := 0; i < n; i++ {
		j := 0
		for x := range next {
			if next[x].Before(next[j]) {
				j = x
			}
		}
		fn(i, next[j])
		next[j] = next[j].Add(lat() + time.Duration(20+r.IntN(250))*time.Millisecond)
	}
}

var bankPayees = []string{"ACH DEBIT GUSTO PAYROLL", "CHECK 10%d", "AMEX EPAYMENT", "DEPOSIT STRIPE TRANSFER", "POS ADOBE *CREATIVE CLD", "WIRE IN %s", "ACH CREDIT SQUARE INC", "COMCAST BUSINESS", "ONLINE TRANSFER TO SAV", "IRS USATAXPYMT", "ACH DEBIT INTUIT QBOOKS", "POS STAPLES 0%d", "ACH DEBIT ADP TAX", "DEPOSIT MOBILE CHECK", "FEDEX %d"}

func bankLine(r *rand.Rand, i int) string {
	p := pick(r, bankPayees)
	switch {
	case strings.Contains(p, "%d"):
		p = fmt.Sprintf(p, 100+r.IntN(900))
	case strings.Contains(p, "%s"):
		p = fmt.Sprintf(p, strings.ToUpper(shortCo(r)))
	}
	sign := "-"
	if strings.Contains(p, "DEPOSIT") || strings.Contains(p, "CREDIT") || strings.Contains(p, "WIRE IN") {
		sign = ""
	}
	return fmt.Sprintf("B%d | 2026-03-%02d | %s | %s%d.%02d", i, 1+r.IntN(31), p, sign, 10+r.IntN(24000), r.IntN(100))
}

func planBatchJobs(w *world) {
	const class = "batch_jobs"
	r := w.rng(class)
	sc := w.cfg.Scale

	// Pune back office: the nightly reconciliation run of its US clients' books.
	recon := w.newAccount(r, class, false, class+"-recon-pune", keyLegacy)
	cRecon := pyOpenAI("2.8.1", "3.11.9", linuxX64, true)
	ipRecon := awsAPS1.hosts(r, 2)
	const reconSystem = "You are a bookkeeping assistant for a US accounting firm. Match bank transactions to ledger entries for month-end close. Respond only with a JSON object."
	n := w.n(10000, 50)
	k := w.n(12, 2)
	workers(r, w.start.Add(30*time.Minute+dur(r, 0, 40*time.Second)), n, k, func() time.Duration { return jitter(r, 16*time.Second, 0.6) }, func(i int, t time.Time) {
		clientCode := fmt.Sprintf("CL-%04d", 1000+i/9)
		w.send(r, t, recon, cRecon, ipRecon[i%2], 0.01, func(r *rand.Rand) tracefmt.Obj {
			var b strings.Builder
			fmt.Fprintf(&b, "Client: %s\nPeriod: 2026-03\nBank transactions:\n", clientCode)
			nb := 5 + r.IntN(7)
			for j := 1; j <= nb; j++ {
				b.WriteString(bankLine(r, j) + "\n")
			}
			b.WriteString("Ledger entries:\n")
			for j := range nb - 1 + r.IntN(3) {
				fmt.Fprintf(&b, "L%d | 2026-03-%02d | %s | %d.%02d\n", j+1, 1+r.IntN(31), pick(r, []string{"Payroll expense", "Software subscriptions", "Sales - card processor", "Utilities", "Office supplies", "Owner draw", "Federal estimated tax", "Shipping", "Accounts receivable"}), 10+r.IntN(24000), r.IntN(100))
			}
			b.WriteString("Return keys: matches (array of {bank_id, ledger_id, confidence}), unmatched_bank, unmatched_ledger, notes.")
			return oaBody(mMini, reconSystem, []tracefmt.Obj{m("user", b.String())},
				kv("temperature", 0), kv("max_tokens", 4096), kv("response_format", tracefmt.Obj{{"type", "json_object"}}))
		})
	})

	// An insurer's hourly extraction of first notices of loss.
	fnol := w.newAccount(r, class, false, class+"-fnol-extract", keyLegacy)
	cFnol := javaOpenAI("4.6.1", "21.0.5", linuxX64)
	ipFnol := officeUS.block(r, 2)
	schema := tracefmt.Obj{{"type", "json_schema"}, {"json_schema", tracefmt.Obj{{"name", "fnol"}, {"strict", true}, {"schema", tracefmt.Obj{
		{"type", "object"},
		{"properties", tracefmt.Obj{
			{"insured_name", tracefmt.Obj{{"type", "string"}}},
			{"policy_type", tracefmt.Obj{{"type", "string"}}},
			{"date_of_loss", tracefmt.Obj{{"type", "string"}}},
			{"cause_of_loss", tracefmt.Obj{{"type", "string"}}},
			{"reported_delay_days", tracefmt.Obj{{"type", "integer"}}},
			{"estimated_amount", tracefmt.Obj{{"type", []string{"number", "null"}}}},
			{"injury_reported", tracefmt.Obj{{"type", "boolean"}}},
			{"litigation_risk", tracefmt.Obj{{"type", "string"}, {"enum", []string{"low", "medium", "high"}}}},
		}},
		{"required", []string{"insured_name", "policy_type", "date_of_loss", "cause_of_loss", "reported_delay_days", "estimated_amount", "injury_reported", "litigation_risk"}},
		{"additionalProperties", false},
	}}}}}
	for h := 0; h < 6; h++ {
		t0 := w.start.Add(time.Duration(h)*time.Hour + 5*time.Minute + dur(r, 0, 20*time.Second))
		workers(r, t0, w.n(250, 12), w.n(8, 2), func() time.Duration { return jitter(r, 9*time.Second, 0.5) }, func(i int, t time.Time) {
			w.send(r, t, fnol, cFnol, pick(r, ipFnol), 0.01, func(r *rand.Rand) tracefmt.Obj {
				return oaBody(mFlag, "Extract structured data from first notice of loss reports. Use null when a value is not stated.",
					[]tracefmt.Obj{m("user", "FNOL "+fmt.Sprintf("%d-%06d", 2026, r.IntN(1000000))+"\n"+claimFacts(r))},
					kv("max_tokens", 8000), kv("temperature", 0.0), kv("response_format", schema))
			})
		})
	}

	// A UK compliance team's evening adverse-media digest.
	media := w.newAccount(r, class, false, class+"-media-digest", keyLegacy)
	cMedia := pyAnthropic("0.72.0", "3.12.3", linuxX64, false)
	ipMedia := azureUK.hosts(r, 1)[0]
	workers(r, w.start.Add(4*time.Hour), w.n(2100, 20), max(1, int(2*sc+0.5)), func() time.Duration { return jitter(r, 5*time.Second, 0.5) }, func(i int, t time.Time) {
		w.send(r, t, media, cMedia, ipMedia, 0.01, func(r *rand.Rand) tracefmt.Obj {
			ent := company(r)
			art := fmt.Sprintf("%s, %s 2026 — Regulators in %s are examining transactions linked to %s after a bank flagged %s. A spokesperson for the company said it \"cooperates fully with all authorities\" and denied wrongdoing. The review concerns payments made between 2022 and 2024 and follows a report that %s. No charges have been filed.",
				pick(r, []string{"Reuters-style wire", "Financial daily", "Regional business journal", "Trade press"}), pick(r, []string{"April 11", "April 13", "April 9", "April 12"}), pick(r, jurisdictionsRisk), ent, pick(r, redFlags), pick(r, redFlags))
			return anBody(mFlag, 3000, "You screen news for adverse media on behalf of a UK compliance team. For the entity named, state whether the article alleges financial crime, the type of allegation, its status, and a relevance score from 1 to 5. Use British English.",
				[]tracefmt.Obj{m("user", fmt.Sprintf("Entity: %s\n\nArticle:\n%s", ent, art))}, kv("temperature", 0))
		})
	})
}

// ---------------------------------------------------------------- review_plugin

const pluginOrigin = "https://addin.clauselens.example"

var pluginActions = []struct {
	label, text string
	weight      float64
}{
	{"Flag risks", "Identify the risks in this clause for our side, ranked by severity. For each, quote the language and explain why it matters.", 40},
	{"Suggest redline", "Propose a redline of this clause that moves it to our playbook position. Show deletions in [brackets] and insertions in {braces}, then explain each change in one sentence.", 25},
	{"Summarize obligations", "Summarize each party's obligations under this clause in a short table.", 15},
	{"Compare to playbook", "Compare this clause to our playbook position and say whether it is acceptable, acceptable with changes, or unacceptable, with reasons.", 15},
	{"Explain", "Explain this clause in plain English for a business client.", 5},
}

var playbooks = []string{
	"Liability cap at 12 months' fees, mutual; carve-outs only for confidentiality and IP indemnity. Net 45 payment. No auto-renewal over 12 months. Governing law New York or Delaware.",
	"Customer-side standard: uncapped indemnity for data breaches, cap at 2x annual fees otherwise. Termination for convenience on 30 days. Assignment only with consent.",
	"Vendor-side standard: cap at fees paid in prior 12 months, exclude consequential damages, no MFN clauses, non-solicit limited to 12 months and direct hires.",
	"Mid-market M&A: non-compete no longer than 3 years and limited to current lines of business; indemnity basket 0.5%, cap 10% of purchase price.",
	"Healthcare clients: BAA required, breach notice within 48 hours, cyber insurance of at least $5M, audit rights once per year.",
	"Firm standard (v4): reject unilateral price increases over CPI, require 60 days' notice of non-renewal, venue in the client's home state.",
}

func pluginSystem(firm, playbook, side, doc, law string) string {
	return fmt.Sprintf("You are ClauseLens, a contract review assistant running inside Microsoft Word. You review one clause at a time for a lawyer at %s. Apply the firm playbook below. Be precise, quote the clause language you rely on, and never assume facts that are not in the document.\n\nPlaybook: %s\nReviewing for: %s\nDocument: %s\nGoverning law stated in the document: %s", firm, playbook, side, doc, law)
}

// pluginRequest is one click in the add-in.
func pluginRequest(firm, playbook string, actionW []float64, seed uint64, i int) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		rs := rand.New(rand.NewPCG(seed, 3)) // the document: the same for every click of a session
		doc, side, law := pick(rs, docTypes), pick(rs, []string{"Customer", "Vendor", "Buyer", "Seller", "Licensee", "Licensor"}), pick(rs, govLaws)
		a, b := company(rs), company(rs)
		idx := make([]int, len(pluginActions))
		for j := range idx {
			idx[j] = j
		}
		act := pluginActions[pickW(r, idx, actionW)]
		kind := pick(r, clauseKinds)
		user := fmt.Sprintf("%s\n\n<clause number=\"%d.%d\" heading=\"%s\">\n%s\n</clause>", act.text, 2+i/3, 1+i%4, title(kind), clauseText(r, kind, a, b))
		model := mFlag
		if act.label == "Summarize obligations" || act.label == "Explain" {
			model = mMini
		}
		return anBody(model, 2048, pluginSystem(firm, playbook, side, doc, law), []tracefmt.Obj{m("user", user)},
			kv("temperature", 0.2), kv("stream", true))
	}
}

var realActionMix = []float64{40, 25, 15, 15, 5}

func planReviewPlugin(w *world) {
	const class = "review_plugin"
	r := w.rng(class)
	total := w.n(2400, 140)
	users := 0
	firmN := 0
	rolloutDone := false
	for users < total {
		firmN++
		size := 1 + r.IntN(4)
		switch x := r.Float64(); {
		case x < 0.15:
			size = 26 + r.IntN(120)
		case x < 0.45:
			size = 5 + r.IntN(21)
		}
		rollout := false
		if !rolloutDone && users > total/3 {
			// a firm that rolls the add-in out at a lunchtime training today
			size, rollout, rolloutDone = w.n(40, 10), true, true
		}
		size = min(size, total-users+1)
		uk := chance(r, 0.08)
		tz := pickW(r, []float64{-4, -5, -7, -6}, []float64{55, 24, 15, 6})
		offices := officeUS.block(r, 1+size/40)
		if uk {
			tz, offices = 1, officeUK.block(r, 1+size/40)
		}
		firmName := fmt.Sprintf("%s %s LLP", pick(r, lastNames), pick(r, lastNames))
		playbook := pick(r, playbooks)
		edgeShare := 0.8
		if chance(r, 0.2) {
			edgeShare = 0.3 // a Mac shop
		}
		for u := 0; u < size; u++ {
			users++
			kind := keyLegacy
			if rollout || chance(r, 0.35) {
				kind = keyV2
			}
			a := w.newAccount(r, class, false, fmt.Sprintf("%s-u%05d", class, users), kind)
			edge := chance(r, edgeShare)
			lang := pickW(r, []string{"en-US,en;q=0.9", "en-US", "en-US,en;q=0.9,es;q=0.8", "en-GB,en;q=0.9,en-US;q=0.8"}, []float64{70, 15, 8, 2})
			if uk {
				lang = "en-GB,en;q=0.9"
			}
			sdk := pickW(r, []string{"0.68.0", "0.65.0"}, []float64{9, 1})
			c := webviewClient(sdk, edge, pickW(r, []int{135, 134, 133, 131}, []float64{5, 3, 1, 0.5}), lang, pluginOrigin)
			home := homeAddr(r)
			if uk {
				home = resUK.pick(r)
			}
			sessions := 0
			for sessions < 4 && chance(r, 0.5) {
				sessions++
			}
			if rollout {
				sessions = 1 + r.IntN(2)
			}
			for s := 0; s < sessions; s++ {
				var t time.Time
				if rollout {
					t = w.start.Add(3*time.Hour + dur(r, 15*time.Minute, 100*time.Minute))
				} else {
					t = shapeTime(r, w.start, w.end, local(tz))
				}
				ip := pick(r, offices)
				switch x := r.Float64(); {
				case rollout:
				case x < 0.24:
					ip = home
				case x < 0.29:
					ip = pick(r, w.mobileNAT)
					if chance(r, 0.4) {
						ip = mobile6.pick(r)
					}
				}
				seed := r.Uint64()
				clicks := 2 + r.IntN(8)
				for i := 0; i < clicks; i++ {
					w.send(r, t, a, c, ip, 0.006, pluginRequest(firmName, playbook, realActionMix, seed, i))
					t = t.Add(dur(r, 15*time.Second, 170*time.Second))
				}
			}
		}
	}
}

// ---------------------------------------------------------------- firm_gateway

var irsSnippets = []string{
	"[S%d] IRC §199A(b)(2): the deductible amount for each qualified trade or business is the lesser of 20 percent of qualified business income or the greater of 50 percent of W-2 wages or 25 percent of W-2 wages plus 2.5 percent of the unadjusted basis of qualified property.",
	"[S%d] IRC §6654(d)(1)(B): the required annual payment is the lesser of 90 percent of the current year's tax or 100 percent of the prior year's tax (110 percent if prior-year AGI exceeded $150,000).",
	"[S%d] Treas. Reg. §1.1411-4: net investment income includes interest, dividends, annuities, royalties and rents, other than those derived in the ordinary course of a non-passive trade or business.",
	"[S%d] IRC §280A(c)(1): a deduction is allowed for the portion of a dwelling used exclusively and on a regular basis as the principal place of business.",
	"[S%d] Firm memo TX-2025-14: for S corporation shareholders, reasonable compensation should be documented using at least two external salary benchmarks.",
	"[S%d] IRC §1366(d)(1): losses and deductions taken into account by a shareholder cannot exceed the adjusted basis of the shareholder's stock and debt.",
	"[S%d] Rev. Proc. 2025-28 sets the 2026 inflation adjustments, including the standard deduction and the thresholds for the qualified business income deduction.",
	"[S%d] IRC §121(c): a reduced maximum exclusion applies to a sale due to a change of place of employment, health, or unforeseen circumstances.",
}

func planFirmGateway(w *world) {
	const class = "firm_gateway"
	r := w.rng(class)
	office := officeUS.block(r, 6)
	tz := local(-5)
	type app struct {
		name  string
		keys  []*account
		c     *client
		perH  float64
		burst bool
		body  func(r *rand.Rand) tracefmt.Obj
	}
	mk := func(name string, nkeys int, c *client, perDay float64, body func(r *rand.Rand) tracefmt.Obj) *app {
		c.inspected = true
		a := &app{name: name, c: c, perH: perDay * w.cfg.Scale / 6, body: body}
		for i := 0; i < w.n(float64(nkeys), 2); i++ {
			a.keys = append(a.keys, w.newAccount(r, class, false, fmt.Sprintf("%s-%s-%02d", class, name, i+1), keyLegacy))
		}
		return a
	}
	research := mk("taxresearch", 16, pyOpenAI("2.11.0", "3.12.3", linuxX64, false), 3000, func(r *rand.Rand) tracefmt.Obj {
		var src strings.Builder
		idx := r.Perm(len(irsSnippets))[:3]
		for i, j := range idx {
			fmt.Fprintf(&src, irsSnippets[j]+"\n", i+1)
		}
		q := taxFact(r) + " " + pick(r, taxAsks)
		return oaBody(mFlag, "You are the firm's tax research assistant. Answer only from the sources provided and cite them as [S1], [S2]. If the sources do not answer the question, say so.",
			[]tracefmt.Obj{m("user", "Question: "+q+"\n\nSources:\n"+src.String())}, kv("temperature", 0.1), kv("max_tokens", 1500))
	})
	review := mk("returnreview", 16, dotnetOpenAI("2.5.0", "8.0.14", "10.0.20348"), 3500, func(r *rand.Rand) tracefmt.Obj {
		line := fmt.Sprintf("%s line %d: %s %s\nPrior year: %s\nPreparer note: %s", pick(r, taxForms), 1+r.IntN(30),
			pick(r, []string{"Other income", "Depreciation", "Charitable contributions (cash)", "Business use of home", "Mortgage interest", "Estimated payments", "Foreign tax credit", "Rental expenses", "Meals", "Vehicle expenses"}),
			money(r, 0, 90000, 1), money(r, 0, 90000, 1), pick(r, []string{"per client organizer", "see K-1", "client provided receipts", "carryover from 2024", "none", "confirmed by phone"}))
		return oaBody(mMini, "Classify whether the return line below needs a reviewer's attention. Answer with exactly one word: OK or REVIEW.",
			[]tracefmt.Obj{m("user", line)}, kv("temperature", 0.0), kv("max_tokens", 1), kv("logprobs", true), kv("top_logprobs", 5))
	})
	review.c.traceCtx = true
	review.burst = true
	letters := mk("engletters", 8, javaOpenAI("4.2.0", "17.0.12", linuxX64), 800, func(r *rand.Rand) tracefmt.Obj {
		return oaBody(mFlag, "Draft engagement letters in the firm's house style. Use the clause library provided; do not invent fee terms.",
			[]tracefmt.Obj{m("user", fmt.Sprintf("Client: %s\nServices: %s\nFee: %s fixed, billed %s\nPartner: %s\nSpecial terms: %s",
				company(r), pick(r, []string{"2025 federal and state income tax returns", "quarterly bookkeeping and payroll tax filings", "sales tax nexus study", "R&D credit study", "audit of 2025 financial statements", "estate tax return (Form 706)"}),
				money(r, 2500, 85000, 250), pick(r, []string{"monthly", "on delivery", "50% on signing"}), person(r), pick(r, []string{"none", "extension to be filed by April 15", "prior preparer workpapers to be provided", "client is a new S corporation"})))},
			kv("temperature", 0.3), kv("max_tokens", 3000))
	})
	email := mk("mailsummary", 16, nodeOpenAI("6.10.0", "v22.14.0", linuxX64), 2000, func(r *rand.Rand) tracefmt.Obj {
		var th strings.Builder
		for range 2 + r.IntN(4) {
			fmt.Fprintf(&th, "From: %s\n%s\n\n", person(r), pick(r, clientEmails))
		}
		return oaBody(mMini, "Summarize this client email thread in three bullets and list any deadlines or documents requested.",
			[]tracefmt.Obj{m("user", th.String())}, kv("max_tokens", 500), kv("temperature", 0.2))
	})
	audit := mk("auditwp", 8, pyAnthropic("0.76.0", "3.12.3", linuxX64, false), 1000, func(r *rand.Rand) tracefmt.Obj {
		return anBody(mFlag, 2000, "You review audit workpapers for completeness. List missing evidence, unsupported conclusions and tick-mark inconsistencies.",
			[]tracefmt.Obj{m("user", fmt.Sprintf("Workpaper %s-%d: %s testing for %s. Sample size %d of %d. Exceptions noted: %d. Conclusion: %s",
				pick(r, []string{"C", "D", "R", "P"}), 10+r.IntN(90), pick(r, []string{"Revenue cutoff", "Accounts payable search for unrecorded liabilities", "Payroll", "Inventory observation", "Fixed asset additions"}),
				company(r), 15+r.IntN(45), 200+r.IntN(4000), r.IntN(3), pick(r, []string{"Control operating effectively.", "No exceptions; substantive procedures sufficient.", "Exception is isolated; no further work."})))},
			kv("temperature", 0))
	})
	apps := []*app{research, review, letters, email, audit}
	for _, a := range apps {
		ring := r.IntN(len(a.keys))
		emit := func(t time.Time) {
			ring = (ring + 1) % len(a.keys)
			e := w.send(r, t, a.keys[ring], a.c, pick(r, office), 0.004, a.body)
			if chance(r, 0.02) { // 429 on this key: the gateway fails over to the next one
				ring = (ring + 1) % len(a.keys)
				w.again(t.Add(dur(r, 200*time.Millisecond, 1500*time.Millisecond)), e, a.keys[ring], a.c, pick(r, office))
			}
		}
		if !a.burst {
			poisson(r, w.start, w.end, a.perH, tz, emit)
			continue
		}
		poisson(r, w.start, w.end, a.perH/40, tz, func(t time.Time) {
			for range 20 + r.IntN(41) {
				emit(t)
				t = t.Add(dur(r, 300*time.Millisecond, 1400*time.Millisecond))
			}
		})
	}
}

// ---------------------------------------------------------------- cpe_cohort

var workshopProblems = []string{
	"A single filer has W-2 wages of $68,400 and $1,250 of taxable interest, takes the standard deduction, and has no credits. Compute taxable income and the 2025 federal income tax.",
	"A freelancer has $54,000 of net self-employment earnings. Compute the self-employment tax and the deduction for one-half of it.",
	"A married couple filing jointly sold their home for $910,000. They bought it for $410,000 nine years ago and spent $60,000 on improvements. Compute the gain and the taxable amount after the Section 121 exclusion.",
	"An S corporation shareholder starts the year with stock basis of $12,000, receives a K-1 showing a $30,000 ordinary loss, and took $5,000 of distributions. How much of the loss is deductible, and what carries forward?",
	"A taxpayer owed $14,000 for 2024 and expects $22,000 for 2025. Her 2024 AGI was $140,000. What total estimated payments avoid the underpayment penalty?",
	"A client contributed $7,000 to a Roth IRA but their MAGI was $245,000 filing jointly. Compute the excess contribution and the excise tax if it is not withdrawn.",
	"A landlord bought a rental house for $380,000, of which $80,000 is land, and placed it in service on July 1. Compute the first-year depreciation.",
	"A small business owner buys $140,000 of equipment and has $95,000 of business income. Compare Section 179 with bonus depreciation for the first year.",
}

func planCPECohort(w *world) {
	const class = "cpe_cohort"
	r := w.rng(class)
	venue := officeUS.block(r, 2)
	n := w.n(36, 12)
	blocks := []time.Duration{85, 100, 112, 125, 135, 145, 155, 165} // minutes after the window opens
	const tutor = "You are a patient tax tutor for practising accountants. Use 2025 federal rules."
	for i := 0; i < n; i++ {
		a := w.newAccount(r, class, false, fmt.Sprintf("%s-a%02d", class, i+1), keyV2)
		p := pickW(r, []platform{macArm, winX64, macX64}, []float64{55, 35, 10})
		c := pyOpenAI("2.21.0", pickW(r, []string{"3.12.9", "3.13.5", "3.11.9"}, []float64{5, 3, 2}), p, false)
		ip := venue[0]
		if chance(r, 0.3) {
			ip = venue[1]
		}
		signup := w.start.Add(65*time.Minute + dur(r, 0, 18*time.Minute))
		w.send(r, signup, a, c, ip, 0, func(r *rand.Rand) tracefmt.Obj {
			return oaBody(mMini, "", []tracefmt.Obj{m("user", pick(r, []string{"Hello! Can you confirm you're working?", "Say hello", "test", "What is 2+2?"}))})
		})
		for b, at := range blocks {
			if chance(r, 0.1) {
				continue
			}
			t := w.start.Add(at*time.Minute + dur(r, 30*time.Second, 4*time.Minute))
			prob := workshopProblems[b]
			model := mMini
			if b >= 6 {
				model = mNew // the instructor shows the model released at 11:30
			}
			for k := range 2 + r.IntN(8) {
				variant := k
				w.send(r, t, a, c, ip, 0.003, func(r *rand.Rand) tracefmt.Obj {
					q := prob
					if variant > 0 && chance(r, 0.6) {
						q = strings.Replace(q, "$", "$1", 1) // the attendee changes a number
					}
					user := "Work through this problem step by step, showing each calculation, then give the final answer on its own line.\n\nProblem: " + q
					opts := []tracefmt.KV{kv("temperature", 0), kv("max_tokens", 1000)}
					if variant > 1 && chance(r, 0.3) {
						opts = []tracefmt.KV{kv("temperature", 1)}
					}
					return oaBody(model, tutor, []tracefmt.Obj{m("user", user)}, opts...)
				})
				t = t.Add(dur(r, 15*time.Second, 95*time.Second))
			}
		}
	}
}

// ---------------------------------------------------------------- developers

func devPrompt(r *rand.Rand) string {
	switch x := r.Float64(); {
	case x < 0.4:
		return pick(r, codeAsks)
	case x < 0.7:
		return taxFact(r) + " " + pick(r, taxAsks)
	case x < 0.85:
		k := pick(r, clauseKinds)
		return "Summarize this clause and flag anything unusual:\n\n" + clauseText(r, k, company(r), company(r))
	default:
		return pick(r, everyday)
	}
}

var devTools = []any{tracefmt.Obj{{"type", "function"}, {"function", tracefmt.Obj{
	{"name", "lookup_client"},
	{"description", "Look up a client record by name or client code."},
	{"parameters", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"query", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"query"}}}},
}}}}

func planDevelopers(w *world) {
	const class = "developers"
	r := w.rng(class)
	n := w.n(250, 40)
	for i := 0; i < n; i++ {
		kind := keyLegacy
		if chance(r, 0.4) {
			kind = keyV2
		}
		a := w.newAccount(r, class, false, fmt.Sprintf("%s-%04d", class, i+1), kind)
		dial := openAI
		if chance(r, 0.4) {
			dial = anthropic
		}
		c := devClient(r, dial)
		var side *client
		if chance(r, 0.2) && c.st != stCurl {
			side = curl(pick(r, []string{"8.5.0", "8.7.1", "8.14.1"}), c.os == "MacOS")
		}
		tz := pickW(r, []float64{-4, -5, -7, -6, 1, -4.0001}, []float64{40, 20, 15, 5, 8, 12})
		var home string
		switch x := r.Float64(); {
		case tz == 1:
			home = resUK.pick(r)
		case tz == -4.0001:
			home = resCA.pick(r)
		case x < 0.62:
			home = homeAddr(r)
		case x < 0.8:
			home = officeUS.block(r, 1)[0]
		case x < 0.92:
			home = pick(r, []cidrs{awsUSE1, gcpUS, digOcn, hetzner, azureUS}).pick(r)
		default:
			home = ""
		}
		vpn := home == ""
		model := pickW(r, []string{mFlag, mMini, mReason}, []float64{45, 40, 15})
		tryNew := chance(r, 0.3)
		temp := pick(r, []float64{unset, unset, 0, 0.2, 0.7, 1})
		maxTok := pick(r, []int{0, 256, 1024, 1024, 2048, 4096})
		if dial == anthropic && maxTok == 0 {
			maxTok = 1024
		}
		stream := chance(r, 0.4)
		sessions := 1
		for sessions < 4 && chance(r, 0.45) {
			sessions++
		}
		for s := 0; s < sessions; s++ {
			t := shapeTime(r, w.start, w.end, local(tz))
			ip := home
			if vpn {
				ip = pick(r, w.vpnExits)
			} else if chance(r, 0.04) {
				ip = pick(r, w.mobileNAT)
			}
			mdl := model
			if tryNew && t.After(w.release) {
				mdl = mNew
			}
			tools := dial == openAI && chance(r, 0.12)
			lp := dial == openAI && chance(r, 0.04)
			seed := r.Uint64()
			for k := range 3 + r.IntN(30) {
				cl := c
				if side != nil && chance(r, 0.25) {
					cl = side
				}
				k := k
				w.send(r, t, a, cl, ip, 0.01, func(r *rand.Rand) tracefmt.Obj {
					rs := rand.New(rand.NewPCG(seed, uint64(k/4))) // a debugging loop resends its prompt
					p := devPrompt(rs)
					var opts []tracefmt.KV
					if tools {
						opts = append(opts, kv("tools", devTools))
					}
					if lp {
						opts = append(opts, kv("logprobs", true), kv("top_logprobs", 3))
					}
					body := ask(cl.api(), mdl, pick(r, []string{"", "", "You are a helpful assistant.", "You are an assistant for a small accounting firm."}), p, maxTok, temp, stream, opts...)
					return body
				})
				t = t.Add(dur(r, 4*time.Second, 140*time.Second))
			}
		}
	}
}

// ---------------------------------------------------------------- eval_bench

// benchItems returns the items of a public legal and tax benchmark: the same text
// for every organisation that runs it.
func benchItems(w *world) []string {
	r := w.rng("public-benchmark")
	n := w.n(400, 60)
	out := make([]string, n)
	for i := range out {
		switch i % 4 {
		case 0:
			out[i] = fmt.Sprintf("Is the following evidence hearsay? Answer Yes or No.\n\nOn the issue of whether %s was at the warehouse on March 3, a witness testifies that %s told her, \"%s\"",
				pick(r, firstNames), pick(r, firstNames), pick(r, []string{"I was at the warehouse all morning.", "Meet me at the warehouse at nine.", "The shipment arrived late.", "I never went near that place."}))
		case 1:
			k := pick(r, clauseKinds)
			out[i] = fmt.Sprintf("Clause: %s\n\nHypothesis: %s\n\nDoes the clause entail, contradict, or not mention the hypothesis? Answer with one word.",
				clauseText(r, k, "Provider", "Customer"), pick(r, []string{"The customer may terminate without cause.", "Liability is capped.", "The agreement renews automatically.", "The provider may assign the agreement to an affiliate.", "Notice must be given in writing."}))
		case 2:
			out[i] = fmt.Sprintf("A single filer has wages of %s, interest of %s and no other income, and takes the standard deduction for 2025. What is taxable income? Give the number only.",
				money(r, 20000, 250000, 50), money(r, 0, 5000, 5))
		default:
			out[i] = pick(r, []string{
				"What is the 2025 standard deduction for married filing jointly? Give the amount only.",
				"Under the Federal Rules of Evidence, is a statement against interest admissible if the declarant is available? Answer Yes or No.",
				"Which form does a partnership file to report its income?",
				"What is the due date of a calendar-year C corporation's return without extension?",
				"Can a limitation of liability clause exclude liability for fraud under New York law? Answer Yes or No.",
				"Is diversity jurisdiction present if the plaintiff is a citizen of Ohio and one of two defendants is a citizen of Ohio? Answer Yes or No.",
			}) + fmt.Sprintf(" (item %d)", i)
		}
	}
	return out
}

func planEvalBench(w *world) {
	const class = "eval_bench"
	r := w.rng(class)
	items := benchItems(w)
	const instr = "Answer the question. End your response with a line of the form 'Answer: <answer>'."
	grader := func(item string, r *rand.Rand) string {
		return fmt.Sprintf("You are grading a model's answer against the reference answer.\n\nQuestion:\n%s\n\nReference answer: %s\n\nModel answer:\n%s\n\nReply with a score of 0 or 1 and a one-sentence justification.",
			item, pick(r, []string{"Yes", "No", "entail", "contradict", "not mentioned", "$31,500", "Form 1065"}), pick(r, []string{"Answer: Yes", "Answer: No", "The clause entails the hypothesis.\nAnswer: entail", "Answer: 48,350", "Answer: Form 1065"}))
	}
	type team struct {
		keys []*account
		c    *client
		ips  []string
		k    int
	}
	mkTeam := func(name string, nkeys int, c *client, ips []string, k int) *team {
		t := &team{c: c, ips: ips, k: k}
		for i := 0; i < nkeys; i++ {
			t.keys = append(t.keys, w.newAccount(r, class, false, fmt.Sprintf("%s-%s-%d", class, name, i+1), keyLegacy))
		}
		return t
	}
	run := func(t *team, at time.Time, model string, n int, grade bool) {
		workers(r, at, len(items), t.k, func() time.Duration { return jitter(r, 5*time.Second, 0.7) }, func(i int, ts time.Time) {
			item := items[i]
			key := t.keys[i%len(t.keys)]
			w.send(r, ts, key, t.c, t.ips[i%len(t.ips)], 0.01, func(r *rand.Rand) tracefmt.Obj {
				var opts []tracefmt.KV
				if n > 1 {
					opts = append(opts, kv("n", n), kv("temperature", 0.8))
				} else {
					opts = append(opts, kv("temperature", 0))
				}
				return ask(t.c.api(), model, instr, item, 512, unset, false, opts...)
			})
			if grade {
				w.send(r, ts.Add(dur(r, 3*time.Second, 12*time.Second)), key, t.c, t.ips[i%len(t.ips)], 0.01, func(r *rand.Rand) tracefmt.Obj {
					return ask(t.c.api(), mFlag, "", grader(item, r), 200, 0, false)
				})
			}
		})
	}
	lab := mkTeam("lexlab", 3, pyOpenAI("2.17.0", "3.12.9", linuxX64, true), gcpUS.hosts(r, 3), 8)
	univ := mkTeam("univ", 2, pyAnthropic("0.79.0", "3.11.9", linuxX64, false), awsUSE1.hosts(r, 2), 4)
	arena := mkTeam("arena", 2, goOpenAI("3.8.1", "go1.25.3", linuxX64), gcpUS.hosts(r, 2), 6)
	run(lab, w.start.Add(60*time.Minute), mFlag, 1, true)
	run(lab, w.start.Add(100*time.Minute), mMini, 1, true)
	run(lab, w.release.Add(12*time.Minute), mNew, 1, true)
	run(univ, w.start.Add(120*time.Minute), mFlag, 1, false)
	run(univ, w.release.Add(25*time.Minute), mNew, 1, false)
	run(arena, w.start.Add(30*time.Minute), mReason, 5, false)
	run(arena, w.release.Add(18*time.Minute), mNew, 5, true)
}

// ---------------------------------------------------------------- screening_agent

var screeningTools = []any{
	tracefmt.Obj{{"name", "search_sanctions_lists"}, {"description", "Search consolidated sanctions and watch lists for a name. Returns candidate matches with scores."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"name", tracefmt.Obj{{"type", "string"}}}, {"country", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"name"}}}}},
	tracefmt.Obj{{"name", "lookup_corporate_registry"}, {"description", "Fetch a company's registry record: status, officers, registered address, filing history."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"company_name", tracefmt.Obj{{"type", "string"}}}, {"jurisdiction", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"company_name", "jurisdiction"}}}}},
	tracefmt.Obj{{"name", "search_adverse_media"}, {"description", "Search news archives for adverse media about a subject."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"query", tracefmt.Obj{{"type", "string"}}}, {"since", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"query"}}}}},
	tracefmt.Obj{{"name", "get_ownership_chain"}, {"description", "Return the beneficial ownership chain of a company as far as registries disclose it."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"company_id", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"company_id"}}}}},
	tracefmt.Obj{{"name", "record_finding"}, {"description", "Record the case finding and close the case."}, {"input_schema", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{{"risk", tracefmt.Obj{{"type", "string"}, {"enum", []string{"low", "medium", "high"}}}}, {"summary", tracefmt.Obj{{"type", "string"}}}}}, {"required", []string{"risk", "summary"}}}}},
}

// screeningTurns returns the messages of a case after k tool round trips.
func screeningTurns(seed uint64, k int) []tracefmt.Obj {
	r := rand.New(rand.NewPCG(seed, 11))
	subj := company(r)
	jur := pick(r, jurisdictionsRisk)
	msgs := []tracefmt.Obj{m("user", fmt.Sprintf("Subject: %s (%s). Type: %s. Requested by: %s. Case ref: NG-%06d.", subj, jur,
		pick(r, []string{"corporate customer onboarding", "periodic review", "payment counterparty", "vendor onboarding"}), shortCo(r)+" Bank", r.IntN(1000000)))}
	steps := []struct{ say, tool, in, out string }{
		{"I'll start by checking the sanctions lists.", "search_sanctions_lists", fmt.Sprintf(`{"name":"%s","country":"%s"}`, subj, jur), fmt.Sprintf(`{"matches":[{"name":"%s","list":"%s","score":0.%02d}]}`, company(r), pick(r, []string{"OFAC SDN", "EU consolidated", "UK HMT"}), 40+r.IntN(50))},
		{"Next I'll pull the registry record.", "lookup_corporate_registry", fmt.Sprintf(`{"company_name":"%s","jurisdiction":"%s"}`, subj, jur), fmt.Sprintf(`{"status":"active","incorporated":"%d-%02d-%02d","officers":["%s","%s"],"registered_agent":"%s"}`, 2005+r.IntN(20), 1+r.IntN(12), 1+r.IntN(28), person(r), person(r), company(r))},
		{"Let me look at the ownership chain.", "get_ownership_chain", fmt.Sprintf(`{"company_id":"%s-%d"}`, strings.ToUpper(jur[:3]), r.IntN(99999999)), fmt.Sprintf(`{"chain":[{"owner":"%s","pct":%d},{"owner":"%s","pct":%d}],"disclosure":"%s"}`, company(r), 51+r.IntN(49), person(r), 100, pick(r, []string{"complete", "partial", "nominee shareholder reported"}))},
		{"Now I'll check for adverse media.", "search_adverse_media", fmt.Sprintf(`{"query":"%s","since":"2020-01-01"}`, subj), fmt.Sprintf(`{"results":[{"headline":"%s","date":"2025-%02d-%02d","relevance":%d}]}`, pick(r, redFlags), 1+r.IntN(12), 1+r.IntN(28), 1+r.IntN(5))},
		{"The majority owner should be screened as well.", "search_sanctions_lists", fmt.Sprintf(`{"name":"%s"}`, person(r)), `{"matches":[]}`},
	}
	for i := 0; i < k && i < len(steps); i++ {
		id := fmt.Sprintf("toolu_%016x", r.Uint64())
		st := steps[i]
		msgs = append(msgs,
			m("assistant", []any{
				tracefmt.Obj{{"type", "text"}, {"text", st.say}},
				tracefmt.Obj{{"type", "tool_use"}, {"id", id}, {"name", st.tool}, {"input", tracefmt.RawString(st.in)}},
			}),
			m("user", []any{tracefmt.Obj{{"type", "tool_result"}, {"tool_use_id", id}, {"content", st.out}}}),
		)
	}
	return msgs
}

func planScreeningAgent(w *world) {
	const class = "screening_agent"
	r := w.rng(class)
	us := azureUS.hosts(r, 3)
	eu := azureUK.hosts(r, 1)
	keys := []*account{
		w.newAccount(r, class, false, class+"-prod-us-1", keyLegacy),
		w.newAccount(r, class, false, class+"-prod-us-2", keyLegacy),
		w.newAccount(r, class, false, class+"-prod-eu", keyLegacy),
		w.newAccount(r, class, false, class+"-periodic", keyLegacy),
	}
	c := pyAnthropic("0.75.0", "3.12.9", linuxX64, true)
	const sys = "You are Northgate's screening analyst. For the subject below, search sanctions lists, corporate registries and adverse media, then record a finding with a risk rating. Use the tools; never guess a match."
	shape := func(t time.Time) float64 { return 0.65*usOffices(t) + 0.35*local(1)(t) }
	poisson(r, w.start, w.end, 150*w.cfg.Scale, shape, func(t time.Time) {
		seed := r.Uint64()
		ki := r.IntN(2)
		ip := pick(r, us)
		if chance(r, 0.3) {
			ki, ip = 2, eu[0]
		} else if chance(r, 0.15) {
			ki = 3
		}
		steps := 3 + r.IntN(6)
		for k := 0; k < steps; k++ {
			k := k
			w.send(r, t, keys[ki], c, ip, 0.005, func(*rand.Rand) tracefmt.Obj {
				return anBody(mFlag, 2048, sys, screeningTurns(seed, k), kv("temperature", 0), kv("tools", screeningTools))
			})
			t = t.Add(dur(r, 2*time.Second, 11*time.Second))
		}
	})
}

// ---------------------------------------------------------------- reseller

// reseller is Tollgate: a gray-market reseller whose gateway sends its
// customers' requests through a pool of keys, each request on whichever
// key is least loaded.
type reseller struct {
	customer, harvest []*account // the same keys, labelled by whose request it is
	gw                *client
	ips               []string
}

func (w *world) reseller() *reseller {
	if w.tollgate != nil {
		return w.tollgate
	}
	r := w.rng("tollgate")
	t := &reseller{gw: pyOpenAI("1.99.9", "3.11.9", linuxX64, true)}
	t.ips = append(hetzner.hosts(r, 3), ovh.hosts(r, 1)...)
	for i := 0; i < w.n(30, 8); i++ {
		a := w.newAccount(r, "reseller_customer", false, fmt.Sprintf("%sk%02d", ResellerPrefix, i+1), keyLegacy)
		h := *a
		h.class, h.campaign = "reseller_harvest", true
		t.customer = append(t.customer, a)
		t.harvest = append(t.harvest, &h)
	}
	w.tollgate = t
	return t
}

func (t *reseller) send(w *world, r *rand.Rand, at time.Time, harvest bool, body func(*rand.Rand) tracefmt.Obj) {
	i := r.IntN(len(t.customer))
	a := t.customer[i]
	if harvest {
		a = t.harvest[i]
	}
	w.send(r, at, a, t.gw, pick(r, t.ips), 0.01, body)
}

func planResellerCustomers(w *world) {
	r := w.rng("reseller_customer")
	t := w.reseller()
	n := w.n(120, 15)
	for i := 0; i < n; i++ {
		tz := pick(r, []float64{8, 5.5, 1, -3, -4, 3, 7, 2})
		rate := 9 * (0.3 + r.ExpFloat64())
		model := pickW(r, []string{mMini, mFlag}, []float64{6, 4})
		temp := pick(r, []float64{unset, 0.7, 0.3, 1})
		stream := chance(r, 0.5)
		maxTok := pick(r, []int{0, 1024, 2048})
		poisson(r, w.start, w.end, rate, local(tz), func(at time.Time) {
			t.send(w, r, at, false, func(r *rand.Rand) tracefmt.Obj {
				var p string
				switch x := r.Float64(); {
				case x < 0.4:
					p = pick(r, everyday)
				case x < 0.65:
					p = pick(r, codeAsks)
				case x < 0.85:
					p = taxFact(r) + " " + pick(r, taxAsks)
				default:
					p = "Summarize this clause for a non-lawyer:\n\n" + clauseText(r, pick(r, clauseKinds), company(r), company(r))
				}
				return ask(openAI, model, "", p, maxTok, temp, stream)
			})
		})
	}
}
