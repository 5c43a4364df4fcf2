package backoffice

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ---- models ----

const (
	gptMain  = "gpt-5.2"
	gptMini  = "gpt-5-mini"
	gpt41    = "gpt-4.1"
	gpt41m   = "gpt-4.1-mini"
	newModel = "gpt-5.5" // released inside the window
	sonnet   = "claude-sonnet-4-5"
	haiku    = "claude-haiku-4-5"
	opus     = "claude-opus-4-5"
)

// ---- bodies ----

func msg(role string, content any) tracefmt.Obj {
	return tracefmt.Obj{{"role", role}, {"content", content}}
}

// chat is an OpenAI chat completions body; sysRole is "system" or
// "developer", and an empty sys sends none.
func chat(model, sysRole, sys string, turns []tracefmt.Obj, knobs ...tracefmt.KV) tracefmt.Obj {
	ms := make([]tracefmt.Obj, 0, len(turns)+1)
	if sys != "" {
		ms = append(ms, msg(sysRole, sys))
	}
	ms = append(ms, turns...)
	return append(tracefmt.Obj{{"model", model}, {"messages", ms}}, knobs...)
}

// messages is an Anthropic messages body.
func messages(model, sys string, turns []tracefmt.Obj, maxTokens int, knobs ...tracefmt.KV) tracefmt.Obj {
	b := tracefmt.Obj{{"model", model}, {"max_tokens", maxTokens}}
	if sys != "" {
		b = b.Set("system", sys)
	}
	b = b.Set("messages", turns)
	return append(b, knobs...)
}

// responses is an OpenAI responses body.
func responses(model, instructions string, input any, knobs ...tracefmt.KV) tracefmt.Obj {
	b := tracefmt.Obj{{"model", model}}
	if instructions != "" {
		b = b.Set("instructions", instructions)
	}
	b = b.Set("input", input)
	return append(b, knobs...)
}

func kv(k string, v any) tracefmt.KV { return tracefmt.KV{Key: k, Value: v} }

// thinking is an Anthropic extended-thinking knob.
func thinking(budget int) tracefmt.KV {
	return kv("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", budget}})
}

// reasoning is an OpenAI responses reasoning knob.
func reasoning(effort string, summary bool) tracefmt.KV {
	o := tracefmt.Obj{{"effort", effort}}
	if summary {
		o = o.Set("summary", "auto")
	}
	return kv("reasoning", o)
}

// jsonSchema is a chat response_format with a strict JSON schema of
// string fields.
func jsonSchema(name string, fields []string) tracefmt.KV {
	props := tracefmt.Obj{}
	for _, f := range fields {
		props = props.Set(f, tracefmt.Obj{{"type", []string{"string", "null"}}})
	}
	return kv("response_format", tracefmt.Obj{{"type", "json_schema"}, {"json_schema", tracefmt.Obj{
		{"name", name}, {"strict", true}, {"schema", tracefmt.Obj{
			{"type", "object"}, {"properties", props}, {"required", fields}, {"additionalProperties", false}}}}}})
}

// ---- names and numbers ----

var (
	firstNames = []string{"Maria", "James", "Aiko", "Priya", "Lukas", "Fatima", "Chen", "Olivia", "Mateo", "Sofia",
		"Daniel", "Amara", "Jonas", "Mei", "Rafael", "Hannah", "Tomasz", "Leila", "Kwame", "Elena",
		"Noah", "Ingrid", "Ravi", "Camille", "Diego", "Yuki", "Grace", "Omar", "Freya", "Andrés"}
	lastNames = []string{"Santos", "Fischer", "Tanaka", "Sharma", "Novak", "Haddad", "Wong", "Brennan", "García", "Rossi",
		"Kowalski", "Okafor", "Lindqvist", "Chen", "Dubois", "Müller", "Reyes", "Nakamura", "Patel", "Moreau",
		"Andersen", "Costa", "Ibrahim", "Walsh", "Petrov", "Kim", "Jansen", "Mendes", "Olsen", "Bauer"}
	companies = []string{"Halvard Re", "Brightwater Capital", "Norrland Freight AB", "Pacific Rim Logistics", "Aster Health Partners",
		"Kestrel Logistics", "Meridian Mutual", "Oakhurst Building Supply", "Corvale Foods", "Tidewater Energy",
		"Bluefin Retail Group", "Sable & Finch LLP", "Ironbridge Manufacturing", "Lumen Pharmaceuticals", "Quayside Properties",
		"Greenfield Agritech", "Harborview Hospital Trust", "Vantage Telecom", "Northgate Securities", "Alder Creek Dairy",
		"Silverline Aviation Services", "Monarch Packaging", "Crescent Hotels", "Redwood Data Centers", "Falcon Ridge Mining",
		"Westmark Insurance", "Juniper Legal Services", "Cobalt Automotive", "Evergreen Facilities", "Summit Payroll"}
	vendors = []string{"Acme Industrial Supply", "Delta Office Solutions", "Granite IT Services", "Nordic Cleaning Co.",
		"Pioneer Couriers", "Shiftwise Staffing", "Atlas Electrical Ltd", "Orbit Cloud Hosting", "Beacon Security Services",
		"Copperleaf Printing", "Zenith Catering", "Keystone Fleet Leasing", "Maple HVAC Contractors", "Prism Marketing Agency"}
	cities     = []string{"Rotterdam", "Chicago", "Singapore", "Frankfurt", "Manila", "Toronto", "Sydney", "Warsaw", "Austin", "Dublin", "Osaka", "São Paulo"}
	currencies = []string{"USD", "EUR", "GBP", "SGD", "AUD", "JPY", "PLN", "CAD"}
	govLaws    = []string{"the State of New York", "England and Wales", "the State of Delaware", "Singapore", "the Netherlands", "New South Wales", "Ontario", "Germany"}
	items      = []string{"Consulting services (hours)", "Laptop docking station", "Annual software licence", "Freight charges", "Office cleaning (monthly)",
		"Pallet racking installation", "Printer toner cartridges", "Cloud hosting (compute)", "Security patrol services", "Temporary staffing (days)",
		"Fuel surcharge", "Catering for offsite", "HVAC maintenance visit", "Marketing campaign retainer", "Courier deliveries"}
)

func person(r *rand.Rand) string { return pick(r, firstNames) + " " + pick(r, lastNames) }

func money(r *rand.Rand, lo, hi float64) string {
	v := lo + r.Float64()*(hi-lo)
	return commas(v)
}

func commas(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	intPart, frac := s[:len(s)-3], s[len(s)-3:]
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + frac
}

func date(r *rand.Rand) string {
	return fmt.Sprintf("2026-%02d-%02d", 1+r.IntN(5), 1+r.IntN(28))
}

// ---- documents ----

func invoiceDoc(r *rand.Rand) string {
	var b strings.Builder
	v, c := pick(r, vendors), pick(r, companies)
	cur := pick(r, currencies)
	fmt.Fprintf(&b, "INVOICE\n%s\n%d %s Street, %s\nVAT/Tax ID: %s%d\n\nBill to: %s, Accounts Payable\nInvoice no.: INV-%d\nInvoice date: %s\nPO number: PO-%d\nPayment terms: Net %d\n\n",
		v, 10+r.IntN(900), pick(r, lastNames), pick(r, cities), strings.ToUpper(pick(r, currencies)[:2]), 100000000+r.IntN(899999999),
		c, 10000+r.IntN(89999), date(r), 400000+r.IntN(99999), pick(r, []int{15, 30, 45, 60}))
	n := 2 + r.IntN(6)
	total := 0.0
	b.WriteString("Description | Qty | Unit price | Amount\n")
	for range n {
		q := 1 + r.IntN(40)
		u := 20 + r.Float64()*900
		total += float64(q) * u
		fmt.Fprintf(&b, "%s | %d | %s | %s\n", pick(r, items), q, commas(u), commas(float64(q)*u))
	}
	tax := total * pick(r, []float64{0.0, 0.07, 0.1, 0.19, 0.2, 0.21})
	fmt.Fprintf(&b, "\nSubtotal: %s %s\nTax: %s %s\nTotal due: %s %s\nRemit to IBAN %s%02d %04d %04d %04d %02d\n",
		cur, commas(total), cur, commas(tax), cur, commas(total+tax), pick(r, []string{"NL", "DE", "GB", "IE", "PL"}), r.IntN(99), r.IntN(9999), r.IntN(9999), r.IntN(9999), r.IntN(99))
	return b.String()
}

var clauseTemplates = []string{
	"%d. Limitation of Liability. Except for breaches of confidentiality or indemnification obligations, neither party's aggregate liability arising out of or related to this Agreement shall exceed the fees paid or payable by %s in the %d months preceding the event giving rise to the claim. In no event shall either party be liable for indirect, incidental, special or consequential damages, including lost profits.",
	"%d. Term and Termination. This Agreement commences on the Effective Date and continues for an initial term of %d months, renewing automatically for successive twelve-month periods unless either party gives written notice of non-renewal at least %d days before the end of the then-current term. %s may terminate for convenience on ninety days' notice.",
	"%d. Indemnification. %s shall defend, indemnify and hold harmless the other party and its affiliates from any third-party claim alleging that the Services infringe any intellectual property right, provided that the indemnified party gives prompt written notice and reasonable cooperation. This obligation survives termination for %d years.",
	"%d. Governing Law. This Agreement is governed by the laws of %s, without regard to its conflict of laws rules. The parties submit to the exclusive jurisdiction of the courts located in %s, save that either party may seek injunctive relief in any competent court.",
	"%d. Payment. %s shall pay all undisputed invoices within %d days of receipt. Late amounts bear interest at %d%% per annum or the maximum rate permitted by law, whichever is lower. Disputed amounts must be notified in writing within fifteen days, stating the reasons in reasonable detail.",
	"%d. Confidentiality. Each party shall keep the other's Confidential Information in confidence using at least the degree of care it uses for its own information of like importance, and shall not disclose it except to employees and advisers bound by obligations no less protective. These obligations last %d years after termination; trade secrets are protected for as long as they remain trade secrets under %s law.",
	"%d. Assignment and Change of Control. Neither party may assign this Agreement without the other's prior written consent, except to a successor in a merger or sale of substantially all assets. A change of control of %s entitles the other party to terminate on %d days' notice.",
	"%d. Service Levels. The Supplier shall meet a monthly availability of %d.%d%%. For each full percentage point below the target, %s is entitled to a service credit of %d%% of the monthly fee, capped at 25%%. Service credits are the sole remedy for availability failures.",
	"%d. Data Protection. Where the Supplier processes personal data on behalf of %s, it does so only on documented instructions, implements appropriate technical and organisational measures, and notifies any personal data breach within %d hours of becoming aware of it. Sub-processors require prior written authorisation.",
}

func clause(r *rand.Rand, n int, party string) string {
	t := r.IntN(len(clauseTemplates))
	f := clauseTemplates[t]
	switch t {
	case 0:
		return fmt.Sprintf(f, n, party, pick(r, []int{6, 12, 24}))
	case 1:
		return fmt.Sprintf(f, n, pick(r, []int{12, 24, 36}), pick(r, []int{30, 60, 90}), party)
	case 2:
		return fmt.Sprintf(f, n, party, pick(r, []int{2, 3, 5}))
	case 3:
		return fmt.Sprintf(f, n, pick(r, govLaws), pick(r, cities))
	case 4:
		return fmt.Sprintf(f, n, party, pick(r, []int{30, 45, 60}), pick(r, []int{4, 6, 8, 12}))
	case 5:
		return fmt.Sprintf(f, n, pick(r, []int{3, 5, 7}), pick(r, govLaws))
	case 6:
		return fmt.Sprintf(f, n, party, pick(r, []int{30, 60, 90}))
	case 7:
		return fmt.Sprintf(f, n, pick(r, []int{99, 98}), pick(r, []int{5, 9}), party, pick(r, []int{5, 10}))
	}
	return fmt.Sprintf(f, n, party, pick(r, []int{24, 48, 72}))
}

// contractDoc is an excerpt of k clauses of a services agreement.
func contractDoc(r *rand.Rand, k int) string {
	a, s := pick(r, companies), pick(r, vendors)
	var b strings.Builder
	fmt.Fprintf(&b, "MASTER SERVICES AGREEMENT between %s (\"Customer\") and %s (\"Supplier\"), dated %s.\n\n", a, s, date(r))
	first := 3 + r.IntN(9)
	for i := range k {
		b.WriteString(clause(r, first+i, pick(r, []string{"Customer", "Supplier"})))
		b.WriteString("\n\n")
	}
	return strings.TrimSpace(b.String())
}

var lineItems = []string{"Revenue", "Cost of goods sold", "Gross profit", "Selling, general and administrative", "Research and development",
	"Depreciation and amortisation", "Operating income", "Interest expense", "Income tax expense", "Net income",
	"Cash and equivalents", "Accounts receivable", "Inventory", "Total current liabilities", "Long-term debt", "Free cash flow"}

func statementDoc(r *rand.Rand) string {
	var b strings.Builder
	c := pick(r, companies)
	fmt.Fprintf(&b, "%s — condensed financial information (in thousands of %s)\n", c, pick(r, currencies))
	b.WriteString("Line item | Q1 2026 | Q1 2025\n")
	start := r.IntN(4)
	for _, li := range lineItems[start : start+6+r.IntN(7)] {
		v := 500 + r.Float64()*90000
		fmt.Fprintf(&b, "%s | %s | %s\n", li, commas(v), commas(v*(0.7+r.Float64()*0.5)))
	}
	fmt.Fprintf(&b, "Note: %s\n", pick(r, []string{
		"Revenue includes a one-off licence fee recognised in March.",
		"Prior-year figures restated for the discontinued retail segment.",
		"Inventory write-down of 1,240 recorded in cost of goods sold.",
		"The revolving credit facility was extended to 2029 during the quarter.",
		"FX translation losses are included in SG&A.",
	}))
	return b.String()
}

var claimKinds = []string{"water damage", "vehicle collision", "theft of equipment", "business interruption", "slip and fall on premises", "fire in storage unit", "cargo damaged in transit"}

func claimDoc(r *rand.Rand) string {
	return fmt.Sprintf("Claim CLM-%d. Policyholder: %s (policy %s-%d). Date of loss: %s. Type: %s. Reported by %s by phone. "+
		"Adjuster notes: %s Estimated reserve: %s %s. Deductible %s. %s",
		700000+r.IntN(99999), pick(r, companies), pick(r, []string{"CP", "GL", "MTR", "PRP"}), 10000+r.IntN(89999), date(r),
		pick(r, claimKinds), person(r),
		pick(r, []string{
			"Site visit completed; damage limited to ground floor, contractor quote pending.",
			"Third party admits fault; police report number obtained, photos attached.",
			"Insured could not provide purchase receipts for two of five items.",
			"Loss occurred four days after policy inception; verify prior condition.",
			"Mitigation company on site within 24h; drying equipment invoiced separately.",
		}),
		pick(r, currencies), money(r, 2000, 250000), money(r, 250, 10000),
		pick(r, []string{"Coverage confirmed.", "Coverage under review.", "Possible subrogation.", "Referred to SIU for review.", ""}))
}

var emailTopics = []string{"a duplicate charge on our last invoice", "the status of our refund", "changing the billing address on our account",
	"a late delivery of order", "access to the supplier portal", "a damaged shipment", "our contract renewal terms", "cancelling two seats on our plan",
	"an incorrect VAT amount", "a missing credit note"}

func supportEmail(r *rand.Rand) string {
	first, last := pick(r, firstNames), pick(r, lastNames)
	return fmt.Sprintf("From: %s %s <%s.%s@%s.com>\nSubject: Re: %s\n\nHello,\n\nI'm writing about %s (ref %d). %s %s\n\nBest regards,\n%s %s",
		first, last, ascii(first), ascii(last), ascii(strings.Fields(pick(r, companies))[0]),
		pick(r, []string{"Invoice query", "Order issue", "Account change", "Urgent", "Follow-up"}),
		pick(r, emailTopics), 100000+r.IntN(900000),
		pick(r, []string{"This is the second time I am asking.", "Could you look into it this week?", "We were told it would be fixed last month.", "Please advise on next steps.", ""}),
		pick(r, []string{"Our finance team needs this before month-end close.", "Thanks in advance.", "I've attached the screenshot.", "Happy to jump on a call."}),
		first, last)
}

// ascii lower-cases s and drops what an email address cannot hold.
func ascii(s string) string {
	return strings.Map(func(c rune) rune {
		switch {
		case c >= 'a' && c <= 'z':
			return c
		case c >= 'A' && c <= 'Z':
			return c + 'a' - 'A'
		}
		switch c {
		case 'é':
			return 'e'
		case 'á':
			return 'a'
		case 'í':
			return 'i'
		case 'ü':
			return 'u'
		}
		return -1
	}, s)
}

// ---- legitimate prompts: analysts' own words ----

var analystAsks = []string{
	"Summarise the main variances between the two quarters and flag anything that needs a comment in the board pack.",
	"Can you turn this into three bullet points for the CFO?",
	"What's the gross margin in each period? Show the calculation.",
	"Draft a short note to the auditors explaining the inventory movement.",
	"Is anything here inconsistent? I think the subtotal is off.",
	"Write an Excel formula that computes the year-over-year change for column C vs column B.",
	"Rewrite this paragraph in plainer English for the ops team.",
	"Which of these clauses would you push back on as the customer, and why?",
	"Compare this limitation of liability clause with our standard position (12 months of fees, carve-out for data breaches).",
	"Extract the payment terms and notice periods into a table.",
	"Explain step by step how the deductible applies to this claim.",
	"Give me a reserve recommendation range and the reasoning behind it.",
	"Is there any sign of fraud in these adjuster notes? Be specific.",
	"Translate this to German, keep the legal terms precise.",
	"What questions should I ask the broker before renewal?",
}

var casualAsks = []string{
	"how do I do a vlookup across two sheets when the ids have leading zeros",
	"write a polite reminder email for an overdue invoice, firm but friendly",
	"what's the difference between accrual and deferral, short answer",
	"can you make this sound more professional: ",
	"summarize this for me: ",
	"give me 5 ideas for reducing AP processing time in a 12 person team",
	"explain IFRS 16 lease accounting like I'm new to it",
	"help me structure a 30 min presentation on our Q2 close process",
	"sql: sum invoices per vendor per month from table ap_invoices(vendor_id, amount, invoice_date)",
	"what does 'time is of the essence' mean in a contract",
	"fix the grammar: ",
	"is net 60 normal for a logistics vendor in europe?",
	"draft an agenda for a vendor kickoff meeting",
	"what should be in a data processing agreement checklist",
}

// ---- harvesting: what the campaigns want ----

// The operators' seed tasks by kind of document: legal and financial
// analysis with the reasoning written out, structured extraction with a
// rationale.
var (
	contractTasks = []string{
		"assess whether the limitation of liability is enforceable and which party it favours",
		"identify every obligation of the Supplier and its deadline",
		"determine the notice periods and the earliest date the Customer can exit",
		"classify each clause by risk (high, medium, low) for the Customer",
		"explain how a change of control would affect the agreement",
		"extract the counterparties, dates, amounts and governing law",
	}
	statementTasks = []string{
		"compute the gross margin, operating margin and their change between periods",
		"assess the company's liquidity position and covenant headroom",
		"find the revenue recognition risks suggested by the figures",
		"estimate free cash flow and explain each adjustment",
	}
	claimTasks = []string{
		"decide whether the claim is covered and what the insurer should pay",
		"identify the red flags an adjuster should investigate",
		"estimate a reasonable reserve and justify it",
	}
	invoiceTasks = []string{
		"reconcile the invoice lines to the total and identify any discrepancies",
		"check the tax treatment of each line and the amount due",
		"extract every field into JSON and justify each value",
	}
)
