package civic

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// gwProgram is one agency program behind the contractor's gateway.
type gwProgram struct {
	name, system string
	asks         []string
	anthropic    bool
	json         bool
}

var gwPrograms = []gwProgram{
	{"foia-triage", "You triage public records requests for a federal agency. Identify the records sought, the likely custodial office, whether expedited processing criteria may apply, and any FOIA exemptions that could be relevant. Be concise and neutral.",
		[]string{"Request received {pastdate}: \"I request all emails between the regional office and {last} Consulting regarding the {neighborhood} levee project from January 2024 to present, including attachments.\"",
			"Request: \"Copies of inspection reports for the facility at {addr}, {city}, for the last five years.\" Requester states they are a journalist with {city} Public Radio.",
			"Request: \"Any and all records mentioning me, {person}, including my case file number {case}.\""}, false, true},
	{"grants-review", "You assist grant reviewers. Summarize the application narrative against the published criteria: need, approach, capacity, budget reasonableness. Flag missing items. Do not score.",
		[]string{"Applicant: {org}. Project: {a mobile food pantry serving {#300-2000} households|a youth workforce program with {#20-80} paid internships|lead service line inventory for {#1000-9000} parcels|digital literacy classes for seniors}. Requested: {$50000-750000}. Narrative: The applicant has operated in {city} since {#1985-2019}. The project will hire {#1-6} staff and partner with {org}. Outcomes will be tracked quarterly. Budget includes {$5000-60000} for equipment and {#8-15}% indirect costs."}, true, false},
	{"procurement-qa", "You answer questions about federal acquisition rules for contracting officers. Cite FAR parts where applicable. If a question requires legal interpretation, recommend consulting counsel.",
		[]string{"What is the current micro-purchase threshold and can a purchase card be used for services above it?",
			"Can we sole-source a follow-on contract for {#6-24} months to avoid a lapse in {IT help desk|janitorial|translation|fleet maintenance} services? What justification is needed?",
			"Summarize the differences between FAR Part 8 and Part 15 procedures for a {$200000-5000000} requirement.",
			"Does a small business set-aside apply if only one small business responded to the sources sought notice?"}, false, false},
	{"benefits-kb", "You are a knowledge assistant for call-center agents of a benefits program. Answer only from policy; if policy is unclear, say to escalate to a supervisor. Keep answers under 150 words.",
		[]string{"Caller asks if they can get {program} while receiving unemployment. Household of {#1-6}.",
			"Caller missed the recertification interview on {pastdate}. Can we reschedule without a new application?",
			"Caller wants to add a newborn to the case. What verification is required?",
			"Caller says the EBT card was stolen and benefits were skimmed on {pastdate}. What are the replacement rules?"}, false, false},
	{"hr-policy", "You answer employee questions about HR policy for a state agency. Refer to the handbook section names when possible. Never give individual legal advice.",
		[]string{"How much bereavement leave do we get for a grandparent?", "Can I telework from another state for {#2-6} weeks while caring for a parent?",
			"What is the process to request a reasonable accommodation?", "Do unused comp hours pay out when I separate?"}, true, false},
	{"ticket-summary", "Summarize IT help desk tickets for the weekly report: issue, impact, root cause if known, resolution, and follow-ups. Use one line per field.",
		[]string{"Ticket INC{#100000-999999}: User {person} ({agency}) cannot access the case management system since the password reset on {pastdate}. Error 'account locked'. Tried unlock in AD, replication delay suspected. Resolved after forcing sync on DC{#1-4}. User confirmed access at {time}.",
			"Ticket INC{#100000-999999}: Printers on floor {#2-9} offline after network maintenance. {#10-60} users affected. VLAN misconfiguration on switch. Reverted config. Follow-up: change review."}, false, false},
	{"sitrep", "You draft situation reports for an emergency operations center. Use the standard headings: Situation, Actions Taken, Resource Needs, Next Update. Be factual; do not speculate.",
		[]string{"Notes: {Heavy rain|Wildfire smoke|A water main break|A power outage} in {neighborhood} since {time}. {#2-40} road closures. Shelter at {neighborhood} Rec Center open, {#5-120} occupants. Public Works deployed {#2-12} crews. Requesting {#2-10} additional barricades and a message in {lang}."}, true, false},
	{"permit-review", "You summarize environmental permit applications for reviewers: facility, activity, emissions or discharges, monitoring commitments, and gaps relative to the checklist.",
		[]string{"Application {case}: {last} Aggregates proposes to expand a quarry at {addr} by {#5-60} acres. Dust control by water trucks. Blasting {#1-3} times per week. Groundwater monitoring wells: {#2-6}. Stormwater plan attached. Nearest residence {#300-2000} feet."}, false, false},
	{"comment-analysis", "Classify public comments on a proposed rule. Output JSON with fields stance (support/oppose/mixed/unclear), themes (list), and a one-sentence summary.",
		[]string{"Comment: \"{As a small farmer in {county}, this rule will cost me thousands|I strongly support stricter limits; my kids have asthma|The agency didn't consider rural broadband access|Please extend the comment period, the docket was hard to find}. {Thank you.|Please reconsider.|}\""}, false, true},
	{"dev-assist", "You help developers of internal government applications. Prefer secure, accessible solutions (WCAG 2.1 AA). Keep code examples short.",
		[]string{"How do I add CSRF protection to a Spring Boot form that posts to /cases/{id}/notes?",
			"Write a Java method that validates a 9-digit case number with a mod-11 check digit.",
			"Our React form fails axe checks for 'form elements must have labels'. Show how to fix a date input.",
			"Explain how to rotate an Azure Key Vault secret used by an App Service without downtime."}, true, false},
}

// planGateway: a government contractor's gateway. Many agency programs,
// each with a small pool of keys the gateway rotates, all behind two
// address ranges (the Go gateway in GovCloud, the older Java build on
// premises); on a 429 the gateway sends the
// same body again on another key of the pool. Half the programs move to
// the new model the day after its release.
func planGateway(w *world) {
	const cls = "contractor_gateway"
	r := w.rng(cls)
	k := goKit(r)
	k.oai, k.ant, k.rt = "3.9.0", "2.3.0", "go1.25.5"
	gc := netGovCloud.sub(r, 28)
	prem := netGov.v4().sub(r, 27)
	var cloudIPs, premIPs []string
	for range 4 {
		cloudIPs = append(cloudIPs, addrIn(r, gc).String())
	}
	for range 2 {
		premIPs = append(premIPs, addrIn(r, prem).String())
	}
	legacy := javaKit(r) // the on-premises gateway, still the Java build
	id := 0
	perProg := w.scale(4, 2)
	migrate := w.release.Add(21 * time.Hour)
	for pi, p := range gwPrograms {
		var keys []*account
		for range perProg + r.IntN(2) {
			id++
			keys = append(keys, newAccount(r, acctName(cls, id)))
		}
		z := pick(r, []int{zET, zET, zCT, zMT, zPT})
		moves := pi%2 == 0
		rate := (120 + float64(r.IntN(240))) * w.cfg.Scale * 1.4
		next := 0
		kp, egress := k, cloudIPs
		if pi%4 == 3 {
			kp, egress = legacy, premIPs
		}
		arrivals(r, w.start, w.end, z, &profOffice, rate, 0.06, func(t time.Time) {
			model := mLarge
			if p.anthropic && pi%3 == 0 {
				model = mSmall
			}
			if moves && t.After(migrate) {
				model = mRelease
			}
			b := gatewayRequest(p, model)
			ev := event{acct: keys[next%len(keys)], class: cls, ip: pick(r, egress), kit: kp, seed: r.Uint64(), build: b}
			next++
			w.sched.Add(t, ev)
			if r.IntN(40) == 0 { // 429: failover to the next key of the pool
				ev.acct = keys[next%len(keys)]
				next++
				w.sched.Add(t.Add(between(r, 300*time.Millisecond, 2500*time.Millisecond)), ev)
			}
		})
	}
}

func gatewayRequest(p gwProgram, model string) builder {
	return func(r *rand.Rand) req {
		c := chat{model: model, system: p.system, temp: pick(r, []float64{0.2, 0.2, 0, 0.5}), maxTokens: pick(r, []int{800, 1500, 2000}),
			msgs: []tracefmt.Obj{umsg(expand(r, pick(r, p.asks)))}}
		if r.IntN(6) == 0 {
			c.msgs = turns(expand(r, pick(r, p.asks)), reply(r), expand(r, pick(r, followUps)))
		}
		if p.json && !p.anthropic {
			c.respFormat = tracefmt.Obj{{"type", "json_object"}}
		}
		q := c.in(p.anthropic)
		q.extra = [][2]string{{"X-Keystone-Program", p.name}, {"X-Request-Id", uuid(r)}}
		return q
	}
}

func uuid(r *rand.Rand) string {
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", r.Uint32(), r.IntN(1<<16), r.IntN(1<<12), 0x8000|r.IntN(1<<14), r.Uint64()&(1<<48-1))
}

// translator is one city's overnight translation job.
type translator struct {
	city  string
	z     int
	langs []string
	docs  int
	kit   func(r *rand.Rand) *kit
	net   ipPool
	anth  bool
}

// planTranslation: three cities translate every notice and changed web
// page overnight into the languages their residents speak: a cron job, one
// fixed system prompt, temperature 0, the same text in six languages.
func planTranslation(w *world) {
	const cls = "notice_translation"
	r := w.rng(cls)
	jobs := []translator{
		{"Halvern", zET, []string{"Spanish", "Simplified Chinese", "Vietnamese", "Tagalog", "Arabic", "Haitian Creole"}, 40, func(r *rand.Rand) *kit { return requestsKit(r) }, netGov, false},
		{"Wrenfield", zPT, []string{"Spanish", "Korean", "Russian"}, 30, func(r *rand.Rand) *kit {
			k := pyKit(r, "Linux")
			k.oai, k.spaced, k.oldHdr, k.ja4, k.rt = "1.59.7", true, true, ja4PyOSSL11, "3.10.12"
			return k
		}, netAzureEast, false},
		{"Kessler County", zCT, []string{"Spanish", "Somali", "Hmong", "Amharic"}, 25, func(r *rand.Rand) *kit { return pyKit(r, "Linux") }, netGov, true},
	}
	for i, j := range jobs {
		a := newAccount(r, acctName(cls, i+1))
		k := j.kit(r)
		ip := j.net.pick4(r)
		glossary := fmt.Sprintf("Glossary (keep these terms as given): \"%s City Council\", \"311\", \"Department of Public Works\" -> use the official translation from the city's glossary; never translate street names or program names.", j.city)
		system := fmt.Sprintf("You are a professional translator for the %s government. Translate the user's text from English into the requested language. Preserve paragraph breaks, numbers, dates, times, phone numbers, URLs and addresses exactly. Use a neutral, respectful register suitable for public notices. Output only the translation.\n%s", j.city, glossary)
		for _, day := range w.days(j.z) {
			t := atLocal(day, j.z, 1, 30).Add(between(r, 0, 2*time.Minute))
			prev := day.Add(-12 * time.Hour)
			docs := int(float64(j.docs) * w.cfg.Scale * (0.7 + 0.6*r.Float64()))
			if weekend(prev, j.z) {
				docs /= 6
			}
			for range max(1, docs) {
				docSeed := r.Uint64()
				chunks := 1 + r.IntN(4)
				for c := range chunks {
					for _, lang := range j.langs {
						t = t.Add(lognormal(r, 4*time.Second, 0.5))
						w.emit(r, t, cls, a, ip, k, func(_ *rand.Rand) req {
							rd := rand.New(rand.NewPCG(docSeed, uint64(c)))
							text := notice(rd)
							ch := chat{model: mLarge, system: system, temp: 0, maxTokens: 4000,
								msgs: []tracefmt.Obj{umsg("Target language: " + lang + "\n\n" + text)}}
							return ch.in(j.anth)
						})
					}
				}
			}
		}
	}
}

var taxPassages = []string{
	"[Homestead exemption] A homeowner who occupies the property as a primary residence on January 1 may apply for a homestead exemption reducing assessed value by up to $50,000. Applications are due by April 30; late applications are accepted through the end of the year with a penalty.",
	"[Payment options] Property taxes may be paid online by e-check at no charge or by card with a 2.35% processing fee, by mail, or in person at the Treasurer's office, 100 Main Street, Monday through Friday 8:00 a.m. to 4:30 p.m.",
	"[Installments] The first half of property taxes is due May 10 and the second half November 10. Payments postmarked by the due date are considered on time.",
	"[Delinquency] Unpaid taxes accrue interest at 1% per month. After three years of delinquency the property may be subject to a tax lien sale.",
	"[Senior deferral] Homeowners aged 65 or older with household income under $58,000 may defer property taxes. Deferred taxes become a lien payable upon sale or transfer.",
	"[Appeals] Valuation appeals go to the Board of Equalization within 30 days of the assessment notice date. The Treasurer's office cannot change assessed values.",
	"[Mortgage escrow] If your mortgage company pays your taxes, the statement is sent to them. You will receive an informational copy.",
	"[Business personal property] Businesses must file a personal property listing by March 1 each year. Equipment under $1,000 per item may be exempt.",
	"[Refunds] Overpayments are refunded within 60 days. Refunds go to the payer of record unless a written assignment is on file.",
	"[Name and address changes] Mailing address changes must be submitted in writing or through the online form. Ownership changes require a recorded deed.",
}

var taxQuestions = []string{
	"when is my property tax due", "I'm 67 can I defer my taxes?", "why did my taxes go up so much this year",
	"can I pay with a credit card and is there a fee", "I sold my house in March, who pays the taxes",
	"my mortgage company should have paid but I got a bill", "how do I apply for the homestead exemption, I missed April 30",
	"what happens if I pay late", "I overpaid, how do I get a refund", "How do I change the mailing address on my tax bill?",
	"Is there a payment plan?", "Do I have to list my food truck as business property?",
}

var libraryAsks = []string{
	"Do you have any books on {starting a small business|local history of {city}|learning {lang}|beekeeping|home repair|grief|the civil rights movement} for {adults|teens|kids}?",
	"How do I renew my library card online?", "Can I place a hold on an ebook that's checked out?",
	"I need peer-reviewed articles about {urban heat islands|school lunch programs|rent control|microplastics in drinking water}. Where do I start?",
	"What are the hours of the {neighborhood} branch on {weekday}?", "how do I print from my phone at the library",
	"Can you help me cite a government report in APA format?", "Are there free tax help sessions at the library?",
	"Do you have citizenship test study materials?", "My kid needs a book report book, grade {#3-8}, likes {dragons|soccer|mysteries|space}",
}

var tools311 = []tracefmt.Obj{
	fnTool("create_service_request", "File a 311 service request for the resident.", tracefmt.Obj{{"type", "object"}, {"properties", tracefmt.Obj{
		{"category", tracefmt.Obj{{"type", "string"}, {"enum", []string{"pothole", "streetlight", "missed_collection", "graffiti", "bulk_pickup", "noise", "water_leak", "other"}}}},
		{"address", tracefmt.Obj{{"type", "string"}}}, {"description", tracefmt.Obj{{"type", "string"}}},
	}}, {"required", []string{"category", "address", "description"}}}),
	fnTool("lookup_collection_day", "Find trash, recycling and yard waste collection days for an address.", schema("address", "Street address in the city")),
	fnTool("get_request_status", "Look up the status of an existing service request.", schema("request_id", "The 311 request number, e.g. SR-2026-001234")),
}

// planHelpdesk: three public chatbots, each one server with one key and
// one fixed system prompt: the county tax office's help desk (retrieval
// passages), the city's 311 assistant (tools), and the library's after-
// hours reference chat. Residents' conversations, several turns each.
func planHelpdesk(w *world) {
	const cls = "helpdesk_bot"
	r := w.rng(cls)
	sc := w.cfg.Scale
	// tax office: async openai-python on GovCloud
	taxK := pyKit(r, "Linux")
	taxK.async, taxK.oai, taxK.spaced, taxK.oldHdr, taxK.ja4 = true, "2.14.0", false, false, ja4PyOSSL3
	taxA, taxStage := newAccount(r, acctName(cls, 1)), newAccount(r, acctName(cls, 2))
	taxIPs := []string{netGovCloud.pick4(r), netGovCloud.pick4(r)}
	// 311: openai-node on Azure
	k311 := nodeKit(r, "Linux")
	k311.lang, k311.oai, k311.rt = lNode, "6.9.1", "v22.14.0"
	a311 := newAccount(r, acctName(cls, 3))
	ips311 := []string{netAzureEast.pick4(r), netAzureEast.pick4(r), netAzureEast.pick4(r)}
	// library: a vendor's .NET service
	libK := dotnetKit(r, "10.0.20348")
	libA := newAccount(r, acctName(cls, 4))
	libIP := netAzureEast.pick4(r)

	session := func(t time.Time, n int, gap time.Duration, send func(t time.Time, sess uint64, turn int)) {
		sess := r.Uint64()
		for i := range n {
			send(t, sess, i)
			t = t.Add(lognormal(r, gap, 0.6))
		}
	}
	turnsN := func() int {
		n := 1
		for n < 7 && r.Float64() < 0.55 {
			n++
		}
		return n
	}
	arrivals(r, w.start, w.end, zCT, &profPublic, 420*sc, 0.45, func(t time.Time) {
		a := taxA
		if r.IntN(40) == 0 {
			a = taxStage
		}
		session(t, turnsN(), 50*time.Second, func(t time.Time, sess uint64, turn int) {
			w.emit(r, t, cls, a, pick(r, taxIPs), taxK, func(_ *rand.Rand) req {
				rs := sessionSeed(sess)
				ctx := "Use only these excerpts from the Treasurer's knowledge base. If the answer is not in them, say you don't know and give the phone number (555) 013-2200.\n\n"
				for _, j := range rs.Perm(len(taxPassages))[:3] {
					ctx += taxPassages[j] + "\n\n"
				}
				sys := "You are the Ostrander County Treasurer's virtual assistant. Be accurate and brief. Never ask for Social Security numbers or bank details.\n\n" + ctx
				first := typo(rs, pick(rs, taxQuestions))
				return chat{model: mLarge, system: sys, temp: 0.2, stream: true, usage: true, maxTokens: 500, maxCompl: true,
					msgs: turns(conversation(rs, first, turn)...)}.openai()
			})
		})
	})
	arrivals(r, w.start, w.end, zET, &profPublic, 480*sc, 0.7, func(t time.Time) {
		session(t, turnsN(), 40*time.Second, func(t time.Time, sess uint64, turn int) {
			w.emit(r, t, cls, a311, pick(r, ips311), k311, func(_ *rand.Rand) req {
				rs := sessionSeed(sess)
				first := typo(rs, expand(rs, pick(rs, complaints)))
				c := chat{model: mSmall, system: "You are Ask Halvern, the City of Halvern's 311 assistant. Help residents report problems and find city services. Use the tools to file requests and look up information. Confirm the address before filing. Reply in the resident's language.",
					temp: 0.3, tools: tools311, msgs: turns(conversation(rs, first, turn)...), user: fmt.Sprintf("web-%x", sess&0xffffffffff)}
				return c.openai()
			})
		})
	})
	libProf := profile{1, 0.6, 0.3, 0.2, 0.1, 0.1, 0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 1, 1.6, 2, 2.2, 2.1, 1.8, 1.4}
	arrivals(r, w.start, w.end, zPT, &libProf, 130*sc, 1.2, func(t time.Time) {
		session(t, turnsN(), 70*time.Second, func(t time.Time, sess uint64, turn int) {
			w.emit(r, t, cls, libA, libIP, libK, func(_ *rand.Rand) req {
				rs := sessionSeed(sess)
				first := typo(rs, expand(rs, pick(rs, libraryAsks)))
				return chat{model: mLarge, system: "You are the Greyhaven Public Library's after-hours reference assistant. Recommend materials from the catalog when possible, explain library services, and suggest contacting a librarian during open hours for complex research. Be warm and concise.",
					temp: 0.5, maxTokens: 700, msgs: turns(conversation(rs, first, turn)...)}.openai()
			})
		})
	})
}

const benefitsSystem = `You are BenefitsCheck, a screening assistant for state assistance programs. You do not decide eligibility; you estimate likely eligibility and explain next steps.
Rules (2026):
- SNAP: gross monthly income at or below 130% of the federal poverty level (household of 1: $1,696; each additional person: +$596). Households with a member aged 60+ or disabled use the net income test only.
- Medicaid (adults 19-64): income at or below 138% FPL (household of 1: $1,800; each additional person: +$633).
- WIC: pregnant, postpartum or breastfeeding people and children under 5, income at or below 185% FPL, or already on SNAP or Medicaid.
- LIHEAP: income at or below 150% FPL; priority for households with a child under 6, a person 60+, or a disability.
Work through each program's rules step by step using the household facts given, show the comparison with the threshold, then state "Likely eligible", "Possibly eligible" or "Likely not eligible" for each program, and list the documents the applicant should gather. Be plain and kind.`

// planBenefits: a state's benefits screener on the Anthropic dialect with
// extended thinking: one fixed system prompt that asks for step-by-step
// reasoning on every request.
func planBenefits(w *world) {
	const cls = "benefits_screener"
	r := w.rng(cls)
	k := pyKit(r, "Linux")
	k.ant, k.spaced, k.oldHdr, k.ja4 = "0.79.2", false, false, ja4PyOSSL3
	prod, stage := newAccount(r, acctName(cls, 1)), newAccount(r, acctName(cls, 2))
	ips := []string{netAWSEast.pick4(r), netAWSEast.pick4(r)}
	stageIP := netAWSEast.pick4(r)
	arrivals(r, w.start, w.end, zET, &profPublic, 560*w.cfg.Scale, 0.5, func(t time.Time) {
		a, ip := prod, pick(r, ips)
		if r.IntN(30) == 0 {
			a, ip = stage, stageIP
		}
		sess := r.Uint64()
		n := 1
		for n < 4 && r.IntN(3) == 0 {
			n++
		}
		for turn := range n {
			w.emit(r, t, cls, a, ip, k, func(_ *rand.Rand) req {
				rs := sessionSeed(sess)
				size := 1 + rs.IntN(6)
				facts := fmt.Sprintf("Household size: %d\nAges: %s\nMonthly gross income: %s (%s)\nRent: %s\nUtilities paid separately: %s\nPregnant or child under 5: %s\nCounty: %s",
					size, ages(rs, size), money((800+rs.IntN(5200))*100), pick(rs, []string{"wages", "wages and child support", "SSI", "unemployment", "self-employment"}),
					money((500+rs.IntN(1800))*100), pick(rs, []string{"yes", "no"}), pick(rs, []string{"yes", "no", "no"}), expand(rs, "{county}"))
				first := "Here is my household information:\n" + facts + "\n\nWhich programs might I qualify for?"
				msgs := turns(conversation(rs, first, turn)...)
				c := chat{model: mLarge, system: benefitsSystem, cacheSys: true, maxTokens: 3000, temp: 0.2, msgs: msgs}
				if rs.IntN(10) < 6 {
					c.thinking, c.maxTokens = pick(rs, []int{2048, 3000, 4096}), 8000
				}
				return c.anthropic()
			})
			t = t.Add(lognormal(r, 80*time.Second, 0.6))
		}
	})
}

func ages(r *rand.Rand, n int) string {
	s := fmt.Sprint(19 + r.IntN(60))
	for range n - 1 {
		s += fmt.Sprintf(", %d", r.IntN(75))
	}
	return s
}

var tutorAsks = []string{
	"how do i solve {#2-9}x + {#1-20} = {#21-90}", "what is the slope between ({#-9-9}, {#0-9}) and ({#0-9}, {#-9-9})",
	"I don't get how to find the area of a circle with radius {#2-15}", "can you check my work: {#12-99} * {#3-9} = {#100-900}",
	"how do you simplify {#2-9}/{#10-40}", "whats the pythagorean theorem and how do i use it for a triangle with legs {#3-12} and {#4-16}",
	"factor x^2 + {#2-12}x + {#1-35}", "what is {#10-60}% of {#40-400}", "how do i graph y = {#1-5}x - {#1-9}",
	"Solve the system: x + y = {#5-20}, x - y = {#1-4}", "How do I find the mean and median of {#2-9}, {#2-9}, {#10-19}, {#2-9}, {#20-40}",
	"I have a test tomorrow on exponents. What's (x^{#2-5})^{#2-4}?", "what does it mean when a function is linear",
	"A shirt costs {$12-60} and is {#10-40}% off. How much do I pay?", "how to convert {#2-9}/{#3-11} to a decimal",
}

// planTutor: school districts' math tutoring app — a fixed system prompt
// that asks for step-by-step guidance, students' questions, school hours
// and homework evenings.
func planTutor(w *world) {
	const cls = "school_tutor"
	r := w.rng(cls)
	system := "You are MathPath, a patient math tutor for students in grades 6-10. Guide the student step by step. Ask one question at a time, and do not give the final answer until the student has tried. Use simple language and LaTeX for math. If the student is frustrated, encourage them."
	k := nodeKit(r, "Linux")
	k.lang, k.oai, k.ant, k.rt = lNode, "6.15.0", "0.71.2", "v22.18.0"
	ips := []string{netAWSWest.pick4(r), netAWSWest.pick4(r)}
	for d, z := range []int{zPT, zMT, zCT} {
		a := newAccount(r, acctName(cls, d+1))
		anth := d == 1
		arrivals(r, w.start, w.end, z, &profSchool, 130*w.cfg.Scale, 0.35, func(t time.Time) {
			sess := r.Uint64()
			n := 1
			for n < 6 && r.Float64() < 0.6 {
				n++
			}
			for turn := range n {
				w.emit(r, t, cls, a, pick(r, ips), k, func(_ *rand.Rand) req {
					rs := sessionSeed(sess)
					first := typo(rs, expand(rs, pick(rs, tutorAsks)))
					ts := []string{first}
					for range turn {
						ts = append(ts, "Good question! Let's start with the first step. "+pick(rs, []string{"What do you think we should do to both sides?", "Can you tell me what the formula is?", "What happens if we subtract first?", "Try plugging in the numbers — what do you get?"}),
							typo(rs, pick(rs, []string{"idk", "subtract {#1-20}?", "is it {#2-30}", "ok i got {#2-99}", "can you just tell me", "I think you divide", "wait why"})))
						ts[len(ts)-1] = expand(rs, ts[len(ts)-1])
					}
					c := chat{model: mSmall, system: system, temp: 0.4, stream: true, maxTokens: 600, msgs: turns(ts...), metaUser: fmt.Sprintf("stu-%x", sess&0xffffff)}
					if !anth {
						c.user, c.metaUser, c.maxTokens = c.metaUser, "", 0
					}
					return c.in(anth)
				})
				t = t.Add(lognormal(r, 55*time.Second, 0.6))
			}
		})
	}
}

// planOpenData: a civic-tech brigade's scripts — an hourly 311 classifier
// on CI runners, a nightly agenda extractor on a volunteer's Raspberry Pi,
// a weekly dataset describer — and volunteers experimenting by hand.
func planOpenData(w *world) {
	const cls = "open_data"
	r := w.rng(cls)
	ciK := pyKit(r, "Linux")
	ciK.oai, ciK.spaced, ciK.oldHdr, ciK.ja4, ciK.rt = "2.21.3", false, false, ja4PyOSSL3, "3.12.11"
	classifier := newAccount(r, acctName(cls, 1))
	for h := w.start.Add(7 * time.Minute); h.Before(w.end); h = h.Add(time.Hour) {
		ip := netGHActions.pick4(r)
		t := h.Add(between(r, 20*time.Second, 3*time.Minute)) // runner queue delay
		n := 5 + poisson(r, 22*profPublic[local(h, zCT).Hour()]/1.2*w.cfg.Scale)
		for range n {
			t = t.Add(lognormal(r, 1500*time.Millisecond, 0.4))
			w.emit(r, t, cls, classifier, ip, ciK, func(rr *rand.Rand) req {
				return chat{model: mSmall, temp: 0, respFormat: routeSchema,
					system: "You classify new 311 service requests from the city's open data feed for the Code for Halvern dashboard.",
					msgs:   []tracefmt.Obj{umsg(expand(rr, pick(rr, complaints)))}}.openai()
			})
		}
	}
	pi := requestsKit(r)
	agenda := newAccount(r, acctName(cls, 2))
	piIP := newHomeLine(r, netHomeUS, netHomeUS6, 0)
	for _, day := range w.days(zCT) {
		t := atLocal(day, zCT, 3, 0).Add(between(r, 0, 30*time.Second))
		for range int(float64(20+r.IntN(40)) * w.cfg.Scale * 2) {
			t = t.Add(lognormal(r, 6*time.Second, 0.3))
			w.emit(r, t, cls, agenda, piIP.at(t), pi, func(rr *rand.Rand) req {
				item := expand(rr, "Item {#1-30}. {Resolution|Ordinance|Motion} 2026-{#100-399}: {Approving a contract with {last} Construction for {street} {stsuf} resurfacing in the amount of {$80000-3000000}|Amending Chapter {#2-30} of the Municipal Code regarding {short-term rentals|leaf blowers|sidewalk cafes|parking minimums}|Accepting a grant of {$10000-900000} from the state for {lead pipe replacement|library broadband|youth employment}}. Sponsor: {last}. Committee recommendation: {approve|hold|no recommendation}.")
				return chat{model: mSmall, temp: 0, maxTokens: 300, system: "Extract fields from a city council agenda item. Return JSON with keys: type, number, title, amount_usd (number or null), sponsor, recommendation.",
					respFormat: tracefmt.Obj{{"type", "json_object"}}, msgs: []tracefmt.Obj{umsg(item)}}.openai()
			})
		}
	}
	desc := newAccount(r, acctName(cls, 3))
	dk := curlKit(r)
	dIP := netHomeUS.pick4(r)
	sun := w.start
	for local(sun, zCT).Weekday() != time.Sunday {
		sun = sun.Add(24 * time.Hour)
	}
	t := atLocal(sun, zCT, 10, 12)
	for range w.scale(90, 10) {
		t = t.Add(lognormal(r, 9*time.Second, 0.4))
		w.emit(r, t, cls, desc, dIP, dk, func(rr *rand.Rand) req {
			cols := expand(rr, "{request_id|permit_no|parcel_id|case_no}, {created_date|issued_date|filed_on}, status, {neighborhood|ward|council_district}, {category|permit_type|violation_code}, {latitude, longitude|x_coord, y_coord}")
			return chat{model: mLarge, maxTokens: 400, temp: -1, system: "Write a two-paragraph plain-English description of a public dataset for an open data portal: what each row is, key columns, caveats.",
				msgs: []tracefmt.Obj{umsg(expand(rr, "Dataset: {city} {Building Permits|311 Service Requests|Code Violations|Street Trees|Parking Citations|Library Circulation} ({#2008-2020}-present). Columns: ") + cols)}}.anthropic()
		})
	}
	for i := range w.scale(6, 2) {
		a := newAccount(r, acctName(cls, 4+i))
		k := pyKit(r, pick(r, []string{"MacOS", "Linux", "Windows"}))
		line := newHomeLine(r, netHomeUS, netHomeUS6, 0.3)
		arrivals(r, w.start, w.end, pick(r, usZones), &profHome, 4, 1.8, func(t time.Time) {
			for range 1 + r.IntN(6) {
				w.emit(r, t, cls, a, line.at(t), k, func(rr *rand.Rand) req {
					return chat{model: pick(rr, []string{mSmall, mLarge}), temp: 0, respFormat: routeSchema,
						msgs: []tracefmt.Obj{umsg("Classify this 311 request: " + expand(rr, pick(rr, complaints)))}}.openai()
				})
				t = t.Add(lognormal(r, 20*time.Second, 1))
			}
		})
	}
}
