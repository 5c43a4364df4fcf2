package clinics

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---------------------------------------------------------------------
// hospital_gateway: Northbay Health's internal AI gateway. Each
// application has a pair of keys the gateway balances between; five
// applications rotate their keys at 19:00 Eastern (new keys appear
// mid-trace, on the same addresses); on a 429 the gateway fails over and
// re-sends the same body on the sibling key within a second or two. All
// of it leaves from four addresses of one /28, on the gateway's two SDK
// stacks.
// ---------------------------------------------------------------------

type gwApp struct {
	name   string
	path   string
	model  string
	weight float64
	system string
	user   func(r *rand.Rand) string
}

func planGateway(w *world) {
	r := w.rng("gateway")
	oa := openaiPy("1.66.3", "3.11.9", "Linux", "x64", true)
	an := anthPy("0.45.2", "3.11.9", "Linux", "x64", true)
	blk := cidr("199.102.226.32/28")
	ips := []string{blk.nth(1), blk.nth(2), blk.nth(3), blk.nth(4)}
	apps := []gwApp{
		{"ed-triage-summary", pMessages, mFlag, 1.4, "Summarize the ED triage note for the attending in five bullet points: presentation, red flags, vitals trend, pending results, disposition considerations.", func(r *rand.Rand) string { c := anySeed(r); return c.vignette(r, c.patient(r), 2) }},
		{"nursing-handoff", pChat, mMini, 1.2, "Write an SBAR nursing handoff from the shift data. Be brief and concrete.", func(r *rand.Rand) string {
			c := anySeed(r)
			return fmt.Sprintf("Unit: %s. Patient %s. Vitals: %s. Events this shift: %s. Pending: %s.", pick(r, []string{"4 West", "Cardiac step-down", "MICU", "Ortho/Neuro", "Mother-Baby"}), c.dx, c.vitalsLine(r), pick(r, c.plan), pick(r, c.labs))
		}},
		{"pharmacy-interactions", pChat, mFlag, 0.8, "You support Northbay pharmacists. List clinically significant interactions with mechanism, severity and a management suggestion. Cite the interacting pair for each.", func(r *rand.Rand) string {
			return "Active medication list: " + join(pickN(r, drugs, 4+r.IntN(5))) + ". Renal function: eGFR " + fmt.Sprint(20+r.IntN(80)) + "."
		}},
		{"patient-letters", pChat, mFlag, 1.0, "Write a discharge letter to the patient in plain language (grade 6), warm and clear, with a 'When to get help' box.", func(r *rand.Rand) string {
			c := anySeed(r)
			return "Diagnosis: " + c.dx + "\nPlan: " + join(pickN(r, c.plan, 3)) + "\nFollow-up: " + pick(r, []string{"primary care in 1 week", "cardiology in 2 weeks", "none scheduled", "lab draw in 3 days"})
		}},
		{"radiology-impressions", pMessages, mFlag, 0.9, "Draft the IMPRESSION section from the radiologist's findings. Numbered, most important first, with recommendations per ACR guidance where applicable.", func(r *rand.Rand) string {
			return "FINDINGS: " + pick(r, []string{"Right lower lobe consolidation with air bronchograms. Small right pleural effusion. Heart size normal.", "8 mm solid nodule in the left upper lobe, new compared with 2023. No lymphadenopathy.", "Dilated appendix measuring 11 mm with surrounding fat stranding. No free air.", "Acute nondisplaced fracture of the right femoral neck. Diffuse osteopenia.", "Cardiomegaly with vascular congestion and bilateral small effusions."})
		}},
		{"it-helpdesk", pChat, mMini, 0.6, "You are Northbay IT's helpdesk assistant. Answer from the knowledge base excerpts; if unsure, open a ticket.", func(r *rand.Rand) string {
			return pick(r, []string{"My badge tap isn't logging me into the workstation on 5 North", "How do I reset my Epic password from home?", "The label printer in the lab prints blank labels", "Can't access the shared drive after the update", "Dictation app crashes when I switch patients"})
		}},
		{"hr-policy", pChat, mMini, 0.5, "Answer employee questions using only the policy excerpts provided. Quote the policy number.", func(r *rand.Rand) string {
			return "Policy excerpts: HR-214 PTO accrual ... HR-301 shift differentials ... HR-118 tuition assistance ...\n\nQuestion: " + pick(r, []string{"Do night differentials apply to PTO payouts?", "How many hours of PTO can I carry over?", "Is the RN-to-BSN program covered?", "What happens to my accrual if I go per diem?"})
		}},
		{"quality-abstraction", pChat, mFlagPin, 0.7, "Abstract the chart for the CMS core measure specified. Return JSON with each data element, the value, and the source sentence.", func(r *rand.Rand) string {
			c := anySeed(r)
			return "Measure: " + pick(r, []string{"SEP-1", "VTE-1", "STK-2", "PC-02"}) + "\n\n" + c.dischargeSummary(r, c.patient(r), 0)
		}},
		{"clinician-copilot", pChat, mFlag, 1.6, "You are Northbay Copilot for licensed clinicians. Be concise, evidence-based, and state uncertainty. Do not replace clinical judgment.", func(r *rand.Rand) string {
			c := anySeed(r)
			return pick(r, []string{"Quick question: ", "", "Attending here. ", "Curbside: "}) + c.vignette(r, c.patient(r), 1) + " " + pick(r, []string{"What am I missing?", "Would you anticoagulate?", "Next step?", "What's the dosing in renal impairment?", "Any guideline updates I should know?"})
		}},
		{"interpreter-letters", pChat, mMini, 0.5, "Translate the patient letter faithfully. Keep medication names in English in parentheses.", func(r *rand.Rand) string {
			c := anySeed(r)
			return "Target language: " + pick(r, []string{"Spanish", "Vietnamese", "Tagalog", "Cantonese", "Russian"}) + "\n\nYou were treated for " + c.dx + ". " + capFirst(join(pickN(r, c.plan, 2))) + "."
		}},
		{"denials-appeals", pMessages, mFlag, 0.6, "Draft an appeal letter for a denied claim citing the medical record and the payer's own policy. Professional tone.", func(r *rand.Rand) string {
			c := anySeed(r)
			return "Denial reason: " + pick(r, []string{"not medically necessary", "inpatient level of care not supported", "missing prior authorization", "experimental/investigational"}) + "\n\n" + c.dischargeSummary(r, c.patient(r), 0)
		}},
		{"research-irb", pMessages, mFlag, 0.3, "Help investigators draft IRB protocol sections. Flag any human-subjects concerns.", func(r *rand.Rand) string {
			return "Draft the risks and benefits section for a retrospective chart review of " + pick(r, []string{"sepsis bundle compliance", "readmissions after heart failure admissions", "opioid prescribing after knee replacement", "ED boarding times"}) + " using a limited data set."
		}},
	}
	type keys struct{ a, b, bNew *account }
	ks := make([]keys, len(apps))
	rotate := w.start.Add(3 * time.Hour)
	for i, ap := range apps {
		ks[i] = keys{a: w.newAccount(r, "nbh-"+ap.name+"-1"), b: w.newAccount(r, "nbh-"+ap.name+"-2")}
		if i%2 == 0 && i < 10 {
			ks[i].bNew = w.newAccount(r, "nbh-"+ap.name+"-3")
		}
	}
	total := 0.0
	for _, ap := range apps {
		total += ap.weight
	}
	base := 0.45 * w.scale
	poisson(r, w.start, w.end, base, func(t time.Time) float64 { return base * (0.35 + 0.65*clinicDay(localHour(t, -7))) }, func(t time.Time) {
		x := r.Float64() * total
		i := 0
		for i = range apps {
			if x < apps[i].weight {
				break
			}
			x -= apps[i].weight
		}
		ap := apps[i]
		k := ks[i]
		pair := []*account{k.a, k.b}
		if k.bNew != nil && t.After(rotate.Add(mins(between(r, -5, 10)))) {
			pair = []*account{k.bNew, k.b}
		}
		j := r.IntN(2)
		u := ap.user(r)
		var body tracefmt.Obj
		st := oa
		if ap.path == pMessages {
			st = an
			body = msgBody(ap.model, 2048, ap.system, aconvo(u), kv("temperature", flt(0.2)), kv("metadata", tracefmt.Obj{kv("user_id", "nbh-"+ap.name)}))
		} else {
			body = chatBody(ap.model, convo(ap.system, u), kv("temperature", flt(0.2)), kv("user", "nbh-"+ap.name))
			if ap.name == "clinician-copilot" {
				body = append(body, kv("stream", true))
			}
		}
		enc := st.encode(ap.path, body)
		w.add(t, pair[j], st, pick(r, ips), ap.path, enc)
		if r.Float64() < 0.04 { // 429: fail over to the sibling key
			w.add(t.Add(secs(between(r, 0.15, 1.8))), pair[1-j], st, pick(r, ips), ap.path, enc)
		}
	})
}

// ---------------------------------------------------------------------
// pro_individual: clinicians, nurse practitioners, attorneys and
// paralegals with their own keys, on whatever client they like (a
// bring-your-own-key web app, a desktop app, a script, curl), from home
// or the office, in short sessions. Some signed up today; after the
// release some try halcyon-4.5.
// ---------------------------------------------------------------------

var byokApps = []string{"https://app.wardnotes.io", "https://chat.briefbench.app", "https://www.clinicpad.ai", "https://counsel.tools"}

// personalStack draws the client an individual uses and the path it
// speaks.
func personalStack(r *rand.Rand) (*stack, string) {
	switch x := r.Float64(); {
	case x < 0.42:
		plat := pick(r, []string{"macOS", "macOS", "Windows", "Windows", "Linux"})
		eng := pick(r, []string{"chrome", "chrome", "chrome", "edge", "firefox", "safari"})
		if eng == "safari" {
			plat = "macOS"
		}
		s := browser(plat, eng, betweenInt(r, 134, 137), pick(r, byokApps), r.Float64() < 0.4)
		s.pkg = pick(r, []string{"0.52.0", "5.6.0"})
		if r.Float64() < 0.4 {
			return s, pMessages
		}
		return s, pChat
	case x < 0.55:
		osName, arch := pick(r, []string{"MacOS", "Windows"}), "x64"
		if osName == "MacOS" {
			arch = "arm64"
		}
		return openaiPy(pick(r, []string{"1.82.0", "1.86.0", "1.91.0", "1.75.0", "1.68.2"}), pick(r, []string{"3.11.9", "3.12.6", "3.13.1", "3.10.12"}), osName, arch, false), pChat
	case x < 0.67:
		return desk(r, anthNode(pick(r, []string{"0.50.4", "0.52.0", "0.54.0"}), pick(r, []string{"v20.18.0", "v22.14.0"}), pick(r, []string{"MacOS", "Windows"}), pick(r, []string{"arm64", "x64"}))), pMessages
	case x < 0.76:
		return desk(r, anthPy(pick(r, []string{"0.49.0", "0.52.0", "0.57.1"}), pick(r, []string{"3.12.6", "3.11.9"}), pick(r, []string{"MacOS", "Linux", "Windows"}), pick(r, []string{"arm64", "x64"}), false)), pMessages
	case x < 0.84:
		return desk(r, openaiNode(pick(r, []string{"4.96.0", "5.3.0", "5.6.0"}), pick(r, []string{"v20.18.0", "v22.14.0", "v18.20.4"}), pick(r, []string{"MacOS", "Windows", "Linux"}), pick(r, []string{"arm64", "x64"}))), pChat
	case x < 0.91:
		return curlC(pick(r, []string{"8.7.1", "8.5.0", "8.11.1"})), pick(r, []string{pChat, pMessages, pRespond})
	default:
		return requestsPy(pick(r, []string{"2.31.0", "2.32.3"}), "MacOS", "3.12.6"), pick(r, []string{pChat, pRespond})
	}
}

var (
	clinAsks = []func(r *rand.Rand) string{
		func(r *rand.Rand) string {
			c := anySeed(r)
			return "Draft a letter of medical necessity for " + pick(r, []string{"a continuous glucose monitor", "an MRI of the lumbar spine", "a GLP-1 agonist", "home oxygen", "physical therapy extension"}) + " for my patient: " + c.vignette(r, c.patient(r), 1)
		},
		func(r *rand.Rand) string {
			return "Explain these labs to my patient in plain English, no alarmism: " + join(pickN(r, anySeed(r).labs, 2))
		},
		func(r *rand.Rand) string {
			return "What's the renal dose adjustment for " + pick(r, drugs) + " at a CrCl of " + fmt.Sprint(15+r.IntN(45)) + "? Cite the source you're relying on."
		},
		func(r *rand.Rand) string {
			c := anySeed(r)
			return "Write a referral note to " + pick(r, []string{"cardiology", "GI", "neurology", "orthopedics", "endocrinology"}) + " for: " + c.vignette(r, c.patient(r), 1)
		},
		func(r *rand.Rand) string {
			return "Summarize the key changes in the latest " + pick(r, []string{"ADA Standards of Care", "GOLD COPD report", "ACC/AHA hypertension guideline", "USPSTF colorectal screening recommendation", "IDSA UTI guidance"}) + " relevant to a primary care practice."
		},
		func(r *rand.Rand) string {
			return "Help me word a portal message to a patient who " + pick(r, []string{"missed three appointments", "keeps requesting opioid refills early", "asked for antibiotics for a cold", "wants a note for work after a telehealth visit"}) + ". Kind but firm."
		},
	}
	lawAsks = []func(r *rand.Rand) string{
		func(r *rand.Rand) string {
			return "Draft a demand letter to " + company(r) + " for " + pick(r, []string{"unpaid invoices of ", "a returned security deposit of ", "breach of a services agreement causing losses of "}) + money(r, 2000, 250000) + ". " + pick(r, states) + " law."
		},
		func(r *rand.Rand) string {
			_, t := contract(r, 2)
			return "Is this clause enforceable against a physician in " + pick(r, states) + "? Short answer first.\n\n" + t
		},
		func(r *rand.Rand) string {
			return "Plain-language summary of HIPAA's " + pick(r, []string{"minimum necessary standard", "right of access timelines", "breach notification rule", "rules on texting PHI"}) + " for a small practice's staff training."
		},
		func(r *rand.Rand) string {
			return "Outline responses and objections to these interrogatories in a " + pick(r, []string{"med mal", "employment", "contract", "premises liability"}) + " case: 1. Identify all persons with knowledge. 2. Describe all communications regarding the incident. 3. State the factual basis for your affirmative defenses."
		},
		func(r *rand.Rand) string {
			return "Write a client update email: hearing moved to " + pick(r, []string{"June 3", "next Thursday", "the 14th"}) + ", what to expect, what we need from them. Friendly, not too long."
		},
		func(r *rand.Rand) string {
			return "Summarize this email thread for my file memo:\n\n" + email(r)
		},
	}
)

func planPro(w *world) {
	r := w.rng("pro")
	n := w.n(520, 20)
	for i := 0; i < n; i++ {
		legal := r.Float64() < 0.45
		kind := pick(r, []string{"md", "np", "pa", "rn", "dds", "pharmd"})
		asks := clinAsks
		if legal {
			kind = pick(r, []string{"atty", "atty", "paralegal"})
			asks = lawAsks
		}
		a := w.newAccount(r, fmt.Sprintf("%s-%s%s", kind, pick(r, firstNames)[:1], randString(r, "abcdefghijklmnopqrstuvwxyz", 5)))
		st, path := personalStack(r)
		zone := pickZone(r)
		home := newHome(r)
		office := pickV4(r, bizV4).addr(r)
		from := w.start
		if r.Float64() < 0.15 {
			from = w.start.Add(mins(between(r, 5, 330)))
		}
		model := pick(r, []string{mFlag, mFlag, mMini})
		tries := r.Float64() < 0.3
		sessions := 0.45 / 3600
		poisson(r, from, w.end, sessions, func(t time.Time) float64 {
			return sessions * (officeDay(localHour(t, zone)) + homeEvening(localHour(t, zone))) / 2
		}, func(t time.Time) {
			ip := home.addr(r)
			if officeDay(localHour(t, zone)) > 0.9 && r.Float64() < 0.6 {
				ip = office
			}
			var turns []string
			for k := 0; k < 1+r.IntN(6); k++ {
				m := model
				if tries && t.After(w.release) {
					m = mNew
				}
				if k == 0 || r.Float64() < 0.5 {
					turns = []string{pick(r, asks)(r)}
				} else {
					turns = append(turns, "Here's a draft based on what you provided. "+pick(r, []string{"Let me know if you want it shorter.", "I kept the tone formal.", "I've marked assumptions in brackets."}),
						pick(r, []string{"shorter please", "make it more formal", "can you add a line about follow-up?", "good, now a version for the family", "thanks - can you turn that into bullet points", "what if they refuse?"}))
				}
				w.send(t, a, st, ip, path, personalBody(r, st, path, m, turns))
				t = t.Add(secs(lognormal(r, 90, 0.8)))
			}
		})
	}
}

// personalBody writes an individual's request on path.
func personalBody(r *rand.Rand, st *stack, path, model string, turns []string) tracefmt.Obj {
	switch path {
	case pMessages:
		o := msgBody(model, pick(r, []int{1024, 2048, 4096, 8192}), nil, aconvo(turns...))
		if st.kind == kBrowser {
			o = append(o, kv("stream", true))
		}
		return o
	case pRespond:
		var in any = turns[len(turns)-1]
		if len(turns) > 1 {
			var arr tracefmt.Arr
			for i, t := range turns {
				role := "user"
				if i%2 == 1 {
					role = "assistant"
				}
				arr = append(arr, msg(role, t))
			}
			in = arr
		}
		return tracefmt.Obj{kv("model", model), kv("input", in)}
	}
	o := chatBody(model, convo("", turns...))
	if st.kind == kBrowser {
		o = append(o, kv("temperature", flt(0.7)), kv("stream", true))
	}
	return o
}

// ---------------------------------------------------------------------
// reseller_customer: CarePath API Hub resells model access to small
// practices and legal-tech startups. Its Go gateway relays each
// customer's request with a key of its pool (spread over the pool),
// passing the customer's client headers on, from its three addresses.
// The same pool carries the reseller's own harvest (reseller_harvest).
// Accounts are the pool's keys, named reseller-pool-NN.
// ---------------------------------------------------------------------

type reseller struct {
	pool []*account
	ips  []string
	next int
}

func (w *world) theReseller() *reseller {
	if w.reseller == nil {
		r := w.rng("reseller-pool")
		rs := &reseller{}
		blk := cidr("5.161.84.0/24")
		rs.ips = []string{blk.nth(17), blk.nth(18), blk.nth(19)}
		for i := 0; i < w.n(44, 8); i++ {
			rs.pool = append(rs.pool, w.namedAccount(r, fmt.Sprintf("%spool-%02d", ResellerPrefix, i+1)))
		}
		w.reseller = rs
	}
	return w.reseller
}

// key returns the gateway's key for the next request: least recently
// used, with a little randomness.
func (rs *reseller) key(r *rand.Rand) *account {
	rs.next++
	return rs.pool[(rs.next+r.IntN(3))%len(rs.pool)]
}

func planResellerCustomers(w *world) {
	r := w.rng("reseller-customers")
	rs := w.theReseller()
	type customer struct {
		st     *stack
		path   string
		rate   float64
		zone   int
		make   func(r *rand.Rand) string
		system string
	}
	kinds := []struct {
		system string
		make   func(r *rand.Rand) string
	}{
		{"You write patient letters for a small medical practice. Warm, plain language.", func(r *rand.Rand) string {
			c := anySeed(r)
			return "Letter to patient re: " + c.dx + ". Plan: " + join(pickN(r, c.plan, 2))
		}},
		{"Write dental insurance narratives that justify the procedure from the chart notes.", func(r *rand.Rand) string {
			return "Procedure: " + pick(r, []string{"D2740 crown", "D4341 scaling and root planing", "D7210 surgical extraction", "D2950 core buildup"}) + ". Notes: " + pick(r, []string{"fractured cusp #30 with recurrent decay", "6mm pockets UL and LL quadrants with bleeding", "impacted #17 with pericoronitis", "large MOD restoration failing on #14"})
		}},
		{"Extract clauses as JSON: {type, section, text, party_favored, risk}.", func(r *rand.Rand) string { _, t := contract(r, 3); return t }},
		{"You prepare prior authorization requests. Map the chart to the payer's criteria and list what is missing.", func(r *rand.Rand) string {
			c := anySeed(r)
			return "Payer: " + pick(r, payers) + "\nRequested: " + pick(r, c.plan) + "\nChart: " + c.vignette(r, c.patient(r), 2)
		}},
		{"Clean up this dictation into a formatted clinic note. Fix obvious speech-recognition errors.", func(r *rand.Rand) string {
			c := anySeed(r)
			return strings.ToLower(c.transcript(r, c.patient(r)))
		}},
		{"Summarize deposition transcripts for attorneys with page:line cites.", func(r *rand.Rand) string {
			return "Q. Please state your role.\nA. I'm the " + pick(r, []string{"practice manager", "billing lead", "charge nurse", "compliance officer"}) + ".\nQ. Were you aware of the audit?\nA. " + pick(r, emailBody)
		}},
		{"Answer patients' FAQs for a physical therapy clinic from the clinic's policies. Never give medical advice.", func(r *rand.Rand) string {
			return pick(r, []string{"do you take medicare", "how long is a first visit", "can I bring my kid", "what do I wear", "do I need a referral in " + pick(r, states)})
		}},
	}
	n := w.n(60, 8)
	var cs []customer
	for i := 0; i < n; i++ {
		k := kinds[r.IntN(len(kinds))]
		st, path := personalStack(r)
		if st.kind == kBrowser { // customers of an API reseller call it from servers
			st, path = openaiNode("5.6.0", "v22.14.0", "Linux", "x64"), pChat
		}
		cs = append(cs, customer{st: st, path: path, rate: lognormal(r, 16, 1.0) / 3600, zone: pickZone(r), make: k.make, system: k.system})
	}
	for _, c := range cs {
		c := c
		fw := forward(c.st)
		poisson(r, w.start, w.end, c.rate, func(t time.Time) float64 { return c.rate * (0.3 + 0.7*officeDay(localHour(t, c.zone))) }, func(t time.Time) {
			u := c.make(r)
			var body tracefmt.Obj
			switch c.path {
			case pMessages:
				body = msgBody(pick(r, []string{mFlag, mMini}), 2048, c.system, aconvo(u))
			case pRespond:
				body = tracefmt.Obj{kv("model", mMini), kv("instructions", c.system), kv("input", u)}
			default:
				body = chatBody(pick(r, []string{mFlag, mMini, mMini}), convo(c.system, u), kv("temperature", flt(0.4)))
			}
			w.send(t, rs.key(r), fw, pick(r, rs.ips), c.path, body)
		})
	}
}
