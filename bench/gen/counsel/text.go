package counsel

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The wording of the world: the matters professional-services firms work
// on during tax season. Every class composes its own prompts from these
// parts in its own way.

var (
	firstNames = []string{"Maria", "James", "Priya", "Daniel", "Aisha", "Robert", "Mei", "Carlos", "Hannah", "Tomasz", "Olivia", "Kwame", "Sofia", "Ethan", "Fatima", "Liam", "Grace", "Noah", "Elena", "Samuel", "Chloe", "Ravi", "Isabel", "Marcus", "Yuki", "Andre", "Leah", "Omar", "Nina", "Victor", "Bridget", "Hector", "Anjali", "Declan", "Rosa", "Tobias"}
	lastNames  = []string{"Alvarez", "Chen", "Okafor", "Patel", "Kowalski", "Nguyen", "Brennan", "Haddad", "Morales", "Fischer", "Sato", "Whitaker", "Osei", "Lindqvist", "Rossi", "Kaplan", "Delgado", "Murphy", "Novak", "Abernathy", "Ibrahim", "Castillo", "Park", "Henderson", "Varga", "Dubois", "Ferreira", "Walsh", "Yamamoto", "Goldberg", "Oyelaran", "McAllister", "Szabo", "Quintero"}
	coStems    = []string{"Brightwater", "Kessler", "Northfield", "Alder", "Cobalt", "Harrow", "Juniper", "Lakeshore", "Meridian", "Pinecrest", "Redstone", "Sable", "Tidewater", "Vantage", "Westbrook", "Ironwood", "Silverline", "Oakmont", "Bluestem", "Copperleaf", "Granite Peak", "Halcyon", "Larkspur", "Quarry Hill", "Riverbend", "Stonegate", "Thornbury", "Wexford", "Ashby", "Fairhaven", "Kingsbridge", "Mistral", "Orchard Lane", "Palisade"}
	coTails    = []string{"Logistics, Inc.", "Medical Group, LLC", "Software Corp.", "Holdings LLC", "Manufacturing Co.", "Capital Partners, L.P.", "Health Systems, Inc.", "Foods, Inc.", "Analytics LLC", "Construction Co.", "Energy Services, Inc.", "Retail Group LLC", "Biosciences, Inc.", "Realty Trust", "Freight Lines, Inc.", "Dental Partners, PLLC", "Hospitality Group, Inc.", "Staffing Solutions LLC"}
	usStates   = []string{"New York", "California", "Texas", "Florida", "Illinois", "Pennsylvania", "Ohio", "Georgia", "New Jersey", "Massachusetts", "Washington", "Arizona", "Colorado", "Michigan", "North Carolina", "Virginia", "Minnesota", "Oregon", "Tennessee", "Maryland"}
	govLaws    = []string{"Delaware", "New York", "California", "Texas", "Illinois", "Massachusetts", "England and Wales", "Ontario", "Washington", "Georgia", "Colorado", "New Jersey"}
)

func person(r *rand.Rand) string { return pick(r, firstNames) + " " + pick(r, lastNames) }

func company(r *rand.Rand) string { return pick(r, coStems) + " " + pick(r, coTails) }

func shortCo(r *rand.Rand) string { return pick(r, coStems) }

// money formats a dollar amount between lo and hi, rounded to step.
func money(r *rand.Rand, lo, hi, step int) string {
	v := lo + r.IntN((hi-lo)/step+1)*step
	s := fmt.Sprint(v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return "$" + b.String()
}

// --- tax

var (
	taxProfiles = []string{
		"a married couple filing jointly with two children under 13",
		"a single filer who drives for a rideshare app on weekends",
		"a retired teacher drawing a state pension and Social Security",
		"an S corporation owner who pays herself a salary of %s",
		"a freelance graphic designer with %s of 1099-NEC income",
		"a landlord with three single-family rentals",
		"a nurse who moved from Ohio to Arizona in July",
		"a partner in a two-member LLC taxed as a partnership",
		"a household employer paying a nanny %s a year",
		"a graduate student with a %s fellowship and no W-2",
		"an active trader with wash sales across two brokerages",
		"a head of household with a dependent parent",
		"a software engineer who exercised ISOs in 2025",
		"a dentist who bought her practice building in 2025",
		"a couple who sold their home after 18 months for a job relocation",
		"a sole proprietor with a home office of 240 square feet",
		"a farmer with a Schedule F loss in 2025",
		"a US citizen working in Germany since March",
		"a widow filing for the first time as a qualifying surviving spouse",
		"a contractor who received a 1099-K from a payment app for %s",
		"a family that received advance premium tax credits all year",
		"a restaurant owner with employees who report tips",
		"a minister with a housing allowance",
		"a consultant who made no estimated payments in 2025",
	}
	taxTopics = []string{
		"the qualified business income deduction", "the home office deduction", "the estimated tax safe harbor",
		"the child tax credit phase-out", "Section 179 expensing", "bonus depreciation", "the net investment income tax",
		"an excess Roth IRA contribution", "the kiddie tax", "the 1099-K reporting threshold", "the passive activity loss rules",
		"stock basis in an S corporation", "the foreign earned income exclusion", "premium tax credit reconciliation",
		"the SALT deduction cap", "a casualty loss from a federally declared disaster", "the saver's credit",
		"required minimum distributions", "a Section 1031 like-kind exchange", "the American opportunity credit",
		"dependent care benefits", "an automatic extension on Form 4868", "the failure-to-pay penalty",
		"first-time penalty abatement", "an excess HSA contribution", "the Section 121 home sale exclusion",
		"staking rewards and other digital asset income", "Section 174 research expenditure amortization",
		"the self-employment tax on a K-1", "reasonable compensation for an S corporation shareholder",
		"the at-risk rules", "a backdoor Roth conversion and the pro rata rule", "the alternative minimum tax on ISOs",
		"the clean vehicle credit", "the residential clean energy credit", "the underpayment penalty on Form 2210",
	}
	taxForms = []string{"Form 1040", "Schedule C", "Schedule E", "Form 8829", "Form 8995", "Form 2210", "Form 4868", "Form 1120-S", "Form 1065", "Schedule K-1", "Form 8962", "Form 5329", "Form 8949", "Form 4562", "Form 8606", "Form 6251", "Form 2555", "Form 8936", "Form 5695", "Schedule SE", "Form 7203", "Form 1116"}
	taxAsks  = []string{
		"How should this be reported, and on which forms?",
		"What are the options, and which one minimizes the total tax?",
		"Is there a penalty, and can it be reduced?",
		"What documentation should we ask the client for before filing?",
		"Walk me through the calculation.",
		"What are the filing risks if we take the aggressive position?",
		"Does an extension change anything here?",
		"What changed for the 2025 tax year that affects this?",
		"How do I explain this to the client in plain terms?",
		"What is the correct treatment, and what is the Code section?",
	}
)

func fillAmount(r *rand.Rand, s string) string {
	if strings.Contains(s, "%s") {
		return fmt.Sprintf(s, money(r, 18000, 240000, 500))
	}
	return s
}

// taxFact is a short fact pattern about a taxpayer.
func taxFact(r *rand.Rand) string {
	p := fillAmount(r, pick(r, taxProfiles))
	t := pick(r, taxTopics)
	details := []string{
		fmt.Sprintf("AGI is about %s", money(r, 38000, 640000, 1000)),
		fmt.Sprintf("they live in %s", pick(r, usStates)),
		fmt.Sprintf("withholding so far is %s", money(r, 0, 48000, 100)),
		fmt.Sprintf("the issue came up when we prepared %s", pick(r, taxForms)),
		fmt.Sprintf("last year's tax was %s", money(r, 2000, 95000, 100)),
		"the client only sent the documents this week",
		"prior-year return was prepared by another firm",
	}
	r.Shuffle(len(details), func(i, j int) { details[i], details[j] = details[j], details[i] })
	return fmt.Sprintf("The client is %s. The question is about %s; %s, and %s.", p, t, details[0], details[1])
}

// --- contracts

var clauseKinds = []string{"limitation of liability", "indemnification", "termination for convenience", "assignment", "change of control", "confidentiality", "non-solicitation", "governing law and venue", "intellectual property ownership", "warranty", "force majeure", "audit rights", "data protection", "most favored customer pricing", "exclusivity", "payment terms", "auto-renewal", "insurance requirements", "service levels", "non-compete"}

// clauseText returns the text of a clause of kind k between parties a and
// b, in the register of commercial contracts.
func clauseText(r *rand.Rand, k, a, b string) string {
	months := pick(r, []string{"twelve (12)", "six (6)", "twenty-four (24)", "three (3)"})
	days := pick(r, []string{"thirty (30)", "sixty (60)", "ninety (90)", "fifteen (15)", "ten (10)"})
	law := pick(r, govLaws)
	switch k {
	case "limitation of liability":
		return fmt.Sprintf("EXCEPT FOR A PARTY’S INDEMNIFICATION OBLIGATIONS AND BREACH OF SECTION %d (CONFIDENTIALITY), IN NO EVENT SHALL EITHER PARTY’S AGGREGATE LIABILITY ARISING OUT OF OR RELATED TO THIS AGREEMENT EXCEED THE %s BY %s UNDER THIS AGREEMENT IN THE %s MONTHS PRECEDING THE EVENT GIVING RISE TO THE CLAIM. NEITHER PARTY SHALL BE LIABLE FOR ANY INDIRECT, INCIDENTAL, SPECIAL, OR CONSEQUENTIAL DAMAGES, INCLUDING LOST PROFITS, EVEN IF ADVISED OF THEIR POSSIBILITY.", 6+r.IntN(8), pick(r, []string{"TOTAL FEES PAID", "FEES PAID OR PAYABLE", "AMOUNTS ACTUALLY PAID"}), strings.ToUpper(b), strings.ToUpper(months))
	case "indemnification":
		return fmt.Sprintf("%s shall defend, indemnify and hold harmless %s and its affiliates, officers, directors and employees from and against any and all losses, damages, liabilities, costs and expenses (including reasonable attorneys’ fees) arising out of any third-party claim %s. %s shall give prompt written notice of any claim, provided that failure to do so shall relieve the indemnifying party only to the extent it is materially prejudiced.", a, b, pick(r, []string{"alleging that the Services infringe any patent, copyright or trade secret", "arising from the indemnifying party’s gross negligence or willful misconduct", "relating to a breach of Section 9 (Data Protection)", "arising from bodily injury or damage to tangible property"}), b)
	case "termination for convenience":
		return fmt.Sprintf("Either party may terminate this Agreement for any reason or no reason upon %s days’ prior written notice to the other party. Upon any such termination by %s, %s shall pay all fees for Services performed through the effective date of termination%s.", days, b, b, pick(r, []string{"", " plus an early termination fee equal to " + pick(r, []string{"fifty percent (50%)", "twenty-five percent (25%)", "one hundred percent (100%)"}) + " of the fees that would have been payable for the remainder of the then-current term"}))
	case "assignment":
		return fmt.Sprintf("Neither party may assign or transfer this Agreement, by operation of law or otherwise, without the prior written consent of the other party, which shall not be unreasonably withheld; provided, however, that %s may assign this Agreement without consent to an affiliate or to a successor in connection with a merger, acquisition or sale of all or substantially all of its assets. Any attempted assignment in violation of this Section is void.", a)
	case "change of control":
		return fmt.Sprintf("If %s undergoes a Change of Control, %s may terminate this Agreement upon %s days’ written notice given within %s months after it receives notice of the Change of Control. “Change of Control” means the acquisition, directly or indirectly, of more than fifty percent (50%%) of the voting securities of a party by a person that was not an affiliate of such party on the Effective Date.", a, b, days, months)
	case "confidentiality":
		return fmt.Sprintf("The Receiving Party shall hold the Disclosing Party’s Confidential Information in strict confidence, shall not disclose it to any third party except to its employees and contractors who need to know it and are bound by obligations at least as protective as these, and shall use it solely to perform under this Agreement. These obligations survive for %s years after termination, except for trade secrets, which remain protected for so long as they qualify as trade secrets under applicable law.", pick(r, []string{"three (3)", "five (5)", "two (2)", "seven (7)"}))
	case "non-solicitation":
		return fmt.Sprintf("During the Term and for %s months thereafter, %s shall not, directly or indirectly, solicit for employment or hire any employee of %s who was involved in the performance of this Agreement, provided that general solicitations not targeted at such employees shall not violate this Section.", months, a, b)
	case "governing law and venue":
		return fmt.Sprintf("This Agreement shall be governed by the laws of %s, without regard to its conflict of laws principles. Each party irrevocably submits to the exclusive jurisdiction of the state and federal courts located in %s, and waives any objection to venue therein. THE PARTIES WAIVE ANY RIGHT TO A JURY TRIAL.", law, pick(r, []string{"New Castle County, Delaware", "New York County, New York", "Cook County, Illinois", "Harris County, Texas", "San Francisco County, California", "London"}))
	case "intellectual property ownership":
		return fmt.Sprintf("All Deliverables, and all intellectual property rights therein, shall be the sole and exclusive property of %s upon payment in full. %s hereby assigns to %s all right, title and interest in the Deliverables, excluding %s’s Pre-Existing Materials, for which %s grants a perpetual, non-exclusive, royalty-free license to the extent incorporated into the Deliverables.", b, a, b, a, a)
	case "warranty":
		return fmt.Sprintf("%s warrants that the Services will be performed in a professional and workmanlike manner consistent with generally accepted industry standards. %s’s sole remedy for breach of this warranty shall be re-performance of the non-conforming Services, provided %s notifies %s within %s days of delivery. EXCEPT AS EXPRESSLY SET FORTH HEREIN, %s DISCLAIMS ALL OTHER WARRANTIES, EXPRESS OR IMPLIED.", a, b, b, a, days, strings.ToUpper(a))
	case "force majeure":
		return fmt.Sprintf("Neither party shall be liable for any failure or delay in performance caused by events beyond its reasonable control, including acts of God, flood, fire, pandemic, war, terrorism, labor disputes (other than those involving the affected party’s own employees), or failures of public utilities, provided that the affected party gives notice within %s days and uses commercially reasonable efforts to resume performance. If such event continues for more than %s days, either party may terminate this Agreement upon written notice.", pick(r, []string{"five (5)", "ten (10)", "three (3)"}), days)
	case "audit rights":
		return fmt.Sprintf("Upon %s days’ written notice and no more than once in any twelve-month period, %s may audit %s’s books and records relating to the fees charged under this Agreement. If an audit reveals an overcharge of more than %s, %s shall reimburse the reasonable cost of the audit in addition to refunding the overcharge.", days, b, a, pick(r, []string{"five percent (5%)", "three percent (3%)", "ten percent (10%)"}), a)
	case "data protection":
		return fmt.Sprintf("%s shall process Personal Data only on documented instructions from %s, shall implement appropriate technical and organizational measures to protect Personal Data, and shall notify %s without undue delay and in any event within %s hours after becoming aware of a Personal Data Breach. %s shall not engage any sub-processor without prior written authorization.", a, b, b, pick(r, []string{"forty-eight (48)", "seventy-two (72)", "twenty-four (24)"}), a)
	case "most favored customer pricing":
		return fmt.Sprintf("%s represents that the prices charged to %s hereunder are no less favorable than the prices charged to any other customer purchasing similar volumes of similar services. If %s offers more favorable pricing to any such customer during the Term, it shall promptly offer the same pricing to %s, effective as of the date first offered to such other customer.", a, b, a, b)
	case "exclusivity":
		return fmt.Sprintf("During the Term, %s shall purchase all of its requirements for the Products in the Territory exclusively from %s, and %s shall not appoint any other distributor in the Territory, provided that %s meets the Minimum Purchase Commitment set forth in Exhibit B for each Contract Year.", b, a, a, b)
	case "payment terms":
		return fmt.Sprintf("%s shall pay all undisputed invoices within %s days of receipt. Late payments shall bear interest at the lesser of %s per month or the maximum rate permitted by law. %s may suspend the Services upon %s days’ notice if any undisputed amount remains unpaid more than %s days after its due date.", b, days, pick(r, []string{"one and one-half percent (1.5%)", "one percent (1%)", "two percent (2%)"}), a, pick(r, []string{"ten (10)", "fifteen (15)"}), pick(r, []string{"thirty (30)", "forty-five (45)"}))
	case "auto-renewal":
		return fmt.Sprintf("This Agreement shall automatically renew for successive renewal terms of %s months each unless either party gives written notice of non-renewal at least %s days before the end of the then-current term. Fees for each renewal term may be increased by up to %s over the fees for the preceding term.", months, days, pick(r, []string{"seven percent (7%)", "five percent (5%)", "the CPI increase plus three percent (3%)"}))
	case "insurance requirements":
		return fmt.Sprintf("%s shall maintain, at its own expense, commercial general liability insurance with limits of not less than %s per occurrence, professional liability insurance of not less than %s per claim, and cyber liability insurance of not less than %s, and shall name %s as an additional insured on its general liability policy.", a, money(r, 1, 5, 1)+",000,000", money(r, 1, 10, 1)+",000,000", money(r, 2, 10, 1)+",000,000", b)
	case "service levels":
		return fmt.Sprintf("%s shall make the Platform available %s of the time in each calendar month, excluding Scheduled Maintenance. If availability falls below this level, %s shall issue a service credit of %s of the monthly fees for each full %s below the commitment, up to %s of the monthly fees. Service credits are %s’s sole and exclusive remedy for unavailability.", a, pick(r, []string{"99.9%", "99.5%", "99.95%"}), a, pick(r, []string{"five percent (5%)", "ten percent (10%)"}), pick(r, []string{"0.1%", "0.5%", "hour"}), pick(r, []string{"thirty percent (30%)", "fifty percent (50%)"}), b)
	default: // non-compete
		return fmt.Sprintf("For a period of %s months following the Closing, %s shall not, directly or indirectly, engage in, own, manage or operate any business that competes with the Business within %s, or solicit any customer of the Business for the purpose of providing competing products or services.", months, a, pick(r, []string{"fifty (50) miles of any location of the Business", "the United States", "the States of " + pick(r, usStates) + " and " + pick(r, usStates), "any county in which the Business operated during the twelve months before the Closing"}))
	}
}

var docTypes = []string{"Master Services Agreement", "SaaS Subscription Agreement", "Asset Purchase Agreement", "Distribution Agreement", "Data Processing Addendum", "Consulting Agreement", "Supply Agreement", "Software License Agreement", "Statement of Work", "Reseller Agreement", "Commercial Lease", "Stock Purchase Agreement"}

// --- insurance claims

var (
	losses = []string{
		"water damage from a burst supply line under a kitchen sink", "hail damage to a commercial flat roof", "a rear-end collision at a stoplight",
		"a kitchen fire that spread to the attic", "theft of contractor tools from a locked van", "a slip and fall in a grocery store produce aisle",
		"business interruption after a three-day regional power outage", "mold discovered after a slow roof leak", "a tree falling on a detached garage",
		"sewer backup into a finished basement", "a delivery driver injured while unloading", "a burst pipe in a vacant rental unit during a freeze",
		"vandalism to a storefront during a protest", "a dog bite at the insured's home", "smoke damage from a neighboring unit's fire",
		"a collision with an uninsured motorist", "spoilage of refrigerated inventory after a compressor failed", "wind-driven rain through a damaged window",
		"a cyber incident that encrypted the insured's billing system", "foundation cracking the insured attributes to a water main break",
	}
	policies   = []string{"HO-3 homeowners policy", "commercial general liability policy", "businessowners policy (BOP)", "personal auto policy", "commercial property policy on a special form", "inland marine contractor's equipment floater", "landlord dwelling fire policy (DP-3)", "commercial auto policy", "workers compensation policy", "cyber liability policy"}
	exclusions = []string{
		"We do not insure for loss caused by continuous or repeated seepage or leakage of water over a period of 14 or more days.",
		"We do not cover loss caused by wear and tear, marring, deterioration, mechanical breakdown, latent defect, or rust.",
		"This insurance does not apply to 'bodily injury' to an 'employee' of the insured arising out of and in the course of employment.",
		"We will not pay for loss or damage caused by or resulting from water that backs up or overflows from a sewer, drain or sump.",
		"We will not pay for loss caused by fungus, wet rot or dry rot unless it results from a specified cause of loss.",
		"Coverage does not apply if the dwelling has been vacant for more than 60 consecutive days immediately before the loss.",
		"We do not cover property while in or on any vehicle unless the vehicle is locked and there are visible signs of forced entry.",
		"We will not pay for loss caused by the interruption of power or other utility service if the failure occurs away from the described premises.",
		"This policy does not cover earth movement, including settling, cracking, shrinking or expansion of foundations.",
	}
)

func claimFacts(r *rand.Rand) string {
	return fmt.Sprintf("Insured: %s. Policy: %s, limit %s, deductible %s. Date of loss: %s. Loss: %s. Reported %d days after the loss. Adjuster notes: %s",
		strings.TrimSuffix(pick(r, []string{person(r), company(r)}), "."), pick(r, policies), money(r, 100000, 2000000, 50000), money(r, 500, 10000, 250),
		pick(r, []string{"March 3, 2026", "March 19, 2026", "February 27, 2026", "April 2, 2026", "January 30, 2026", "April 8, 2026"}), pick(r, losses), 1+r.IntN(40),
		pick(r, []string{"insured says the damage was sudden", "photos show staining on the subfloor", "estimate received from contractor for " + money(r, 4000, 180000, 100), "police report filed", "insured has a prior claim from 2023", "no signs of forced entry", "engineer inspection scheduled"}))
}

// --- compliance

var (
	jurisdictionsRisk = []string{"Cyprus", "the United Arab Emirates", "the British Virgin Islands", "Panama", "Hong Kong", "Singapore", "Malta", "Estonia", "the Cayman Islands", "Luxembourg", "Seychelles", "Delaware"}
	redFlags          = []string{
		"cash deposits just under $10,000 on consecutive days", "a shell company with nominee directors", "wire transfers routed through three intermediary banks",
		"a beneficial owner who is a politically exposed person", "rapid movement of funds in and out of a new account", "invoices that do not match shipping records",
		"a customer who refuses to explain the source of funds", "payments to a consultant with no apparent services", "frequent changes of registered address",
	}
)

// --- everyday work

var everyday = []string{
	"Rewrite this email to a client so it sounds firm but polite: we still need their brokerage 1099 before we can file, and the deadline is tomorrow.",
	"Summarize the attached engagement letter in five bullet points for a new associate.",
	"Draft a short reminder to clients that our office will be closed on Thursday after the filing deadline.",
	"Translate this paragraph into Spanish for a client letter: Your return has been filed and your refund should arrive within three weeks.",
	"Give me three subject lines for a newsletter about extension deadlines.",
	"Turn these notes into a meeting summary with action items: partner call, discuss staffing for extension season, review WIP report, follow up on two unpaid invoices.",
	"Write a polite reply declining a new client who wants their return done by tomorrow.",
	"Explain the difference between a W-9 and a W-8BEN in plain language for a small business owner.",
	"Create a checklist for onboarding a new bookkeeping client.",
	"Proofread this paragraph for grammar only: The firm have reviewed the documents you provide and we believes the return is ready for signature.",
	"Suggest a friendly way to tell a client their invoice is 60 days overdue.",
	"Write a job posting for a seasonal tax preparer, part time, remote friendly.",
}

var clientEmails = []string{
	"Attached are the two K-1s you asked for. The third one from the real estate fund still hasn't arrived; they say end of next week.",
	"Can we push the extension? My brokerage sent a corrected 1099 yesterday and I don't want to file twice.",
	"Thanks for the draft. Why is the estimated payment for Q1 so much higher than last year?",
	"Our controller left in March. Please send the payroll tax notices directly to me until further notice.",
	"We signed the engagement letter but the portal won't let me upload the bank statements. Can I email them?",
	"Following up on the sales tax question from last week. We now have a warehouse in Nevada as of February.",
	"Please confirm you received the signed 8879 and that the return will be filed today.",
	"I got a notice from the state about a missing payment in 2023. I'm forwarding it now; it says respond within 30 days.",
	"The board approved the bonus accrual on April 2. Does that change the deduction timing for 2025?",
	"Could you call me before you file? I think we forgot the charitable contribution to the university.",
}

var codeAsks = []string{
	"Write a Python function that parses a bank CSV export and returns transactions grouped by payee.",
	"Why does this SQL query return duplicate rows? SELECT c.id, c.name, i.total FROM clients c JOIN invoices i ON i.client_id = c.id JOIN contacts ct ON ct.client_id = c.id",
	"Write a regex that matches US EINs in the form 12-3456789.",
	"How do I stream responses from the chat completions API in Node and write them to a file?",
	"Convert this Excel formula to Python: =IF(B2>0, B2*0.153*0.9235, 0)",
	"Write a TypeScript type for a contract clause with id, heading, text and an optional list of redlines.",
	"My Go HTTP client times out on long responses; what should I set?",
	"Write a function that splits a long contract into sections by numbered headings like 1., 1.1, 1.1.1.",
	"How can I retry on 429 with exponential backoff in Python?",
	"Generate a JSON schema for an invoice with vendor, date, line items and total.",
	"Write a pandas snippet that reconciles two ledgers on amount and date within two days.",
	"Explain what this error means: context length exceeded, and how to chunk documents to avoid it.",
}
