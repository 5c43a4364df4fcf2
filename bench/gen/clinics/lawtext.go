package clinics

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	coFirst   = []string{"Bluestem", "Harbor Point", "Meridian", "Cedar Ridge", "Summit Lake", "Ironwood", "Northgate", "Pelican Bay", "Silverline", "Keystone", "Oak Hollow", "Tri-County", "Lakeshore", "Granite State", "Riverbend", "Copperfield", "Westbrook", "Eastlake", "Prairie Sky", "Bayview"}
	coSecond  = []string{"Orthopedics", "Imaging", "Home Health", "Pharmacy Services", "Medical Billing", "Surgical Partners", "Dental Group", "Behavioral Health", "Labs", "Health System", "Medical Devices", "Software", "Logistics", "Staffing", "Pediatrics", "Dialysis Centers", "Urgent Care", "Ambulatory Surgery Center", "Telehealth", "Data Systems"}
	coSuffix  = []string{"LLC", "Inc.", "P.C.", "LLP", "Corp.", "PLLC", "Holdings, LLC"}
	states    = []string{"Delaware", "New York", "California", "Texas", "Illinois", "Massachusetts", "Florida", "Pennsylvania", "Ohio", "Georgia", "Washington", "New Jersey", "Colorado", "Minnesota"}
	lawFirmNm = []string{"Hargrove Pell", "Castellan Reyes & Moore", "Tidewater Legal Group", "Brightwater Dunning", "Ashby Kroll", "Mercer Vance Holt", "Lindell & Osei", "Parkhurst Whitman", "Quarry Street Law", "Stanhope Ibarra", "Fenwick-Dale", "Corbin Nakagawa", "Halloran Tse", "Westover Grant", "Delacroix Bram"}
)

func company(r *rand.Rand) string {
	return pick(r, coFirst) + " " + pick(r, coSecond) + " " + pick(r, coSuffix)
}

func person(r *rand.Rand) string { return pick(r, firstNames) + " " + pick(r, lastNames) }

func money(r *rand.Rand, lo, hi int) string {
	v := betweenInt(r, lo, hi)
	switch {
	case v >= 1000000:
		return fmt.Sprintf("$%d,%03d,%03d", v/1000000, v/1000%1000, v%1000)
	case v >= 1000:
		return fmt.Sprintf("$%d,%03d", v/1000, v%1000)
	}
	return fmt.Sprintf("$%d", v)
}

// clause kinds and their drafting variants; %[1]s is the first party,
// %[2]s the second, %[3]s an amount, %[4]s a number of days, %[5]s a
// state.
var clauses = map[string][]string{
	"indemnification": {
		"%[2]s shall indemnify, defend and hold harmless %[1]s and its officers, directors and employees from and against any and all claims, losses, damages and expenses, including reasonable attorneys' fees, arising out of (a) %[2]s's breach of this Agreement, (b) the negligence or willful misconduct of %[2]s or its personnel, or (c) any claim that the Services infringe a third party's intellectual property rights.",
		"Each party (the \"Indemnifying Party\") shall indemnify the other against third-party claims to the extent arising from the Indemnifying Party's gross negligence, fraud or violation of applicable law, provided that the indemnified party gives prompt written notice and reasonable cooperation, and the Indemnifying Party controls the defense.",
	},
	"limitation of liability": {
		"EXCEPT FOR BREACHES OF CONFIDENTIALITY AND INDEMNIFICATION OBLIGATIONS, IN NO EVENT SHALL EITHER PARTY'S AGGREGATE LIABILITY EXCEED THE FEES PAID OR PAYABLE IN THE TWELVE (12) MONTHS PRECEDING THE CLAIM, AND NEITHER PARTY SHALL BE LIABLE FOR INDIRECT, CONSEQUENTIAL OR PUNITIVE DAMAGES.",
		"%[2]s's total liability under this Agreement shall not exceed %[3]s. The foregoing cap shall not apply to liability arising from a Breach of Unsecured Protected Health Information caused by %[2]s.",
	},
	"termination": {
		"Either party may terminate this Agreement for convenience upon %[4]s days' prior written notice. Either party may terminate immediately upon written notice if the other party materially breaches this Agreement and fails to cure within thirty (30) days of notice.",
		"This Agreement shall automatically renew for successive one-year terms unless either party gives notice of non-renewal at least %[4]s days before the end of the then-current term. %[1]s may terminate upon notice if %[2]s is excluded from any federal health care program.",
	},
	"confidentiality": {
		"Each party shall hold the other's Confidential Information in strict confidence, use it only to perform this Agreement, and disclose it only to employees and contractors with a need to know who are bound by obligations at least as protective. These obligations survive for five (5) years after termination, and indefinitely for trade secrets.",
	},
	"business associate": {
		"%[2]s shall not use or disclose Protected Health Information other than as permitted by this Agreement or as required by law, shall implement administrative, physical and technical safeguards in compliance with 45 C.F.R. Part 164, Subpart C, and shall report any Breach of Unsecured Protected Health Information to %[1]s without unreasonable delay and in no case later than %[4]s calendar days after discovery.",
		"Upon termination, %[2]s shall return or destroy all Protected Health Information received from %[1]s and retain no copies, or, if return or destruction is infeasible, extend the protections of this Agreement to such information and limit further uses to those purposes that make return or destruction infeasible.",
	},
	"non-solicitation": {
		"During the Term and for twelve (12) months thereafter, neither party shall directly solicit for employment any clinical or billing employee of the other party with whom it had material contact, provided that general advertisements not targeted at such employees shall not breach this Section.",
		"For a period of two (2) years following the Closing, Seller shall not, within a radius of %[4]s miles of any Practice location, own, manage or provide professional services to any business that competes with the Practice.",
	},
	"governing law": {
		"This Agreement shall be governed by the laws of the State of %[5]s without regard to its conflict-of-laws principles. The parties consent to the exclusive jurisdiction of the state and federal courts located in %[5]s.",
		"Any dispute arising out of or relating to this Agreement shall be resolved by binding arbitration administered under the Commercial Arbitration Rules then in effect, seated in %[5]s, before a single arbitrator.",
	},
	"payment": {
		"%[1]s shall pay all undisputed invoices within %[4]s days of receipt. Late amounts bear interest at the lesser of 1.5%% per month or the maximum rate permitted by law. Fees increase annually by the lesser of 3%% or CPI-U.",
		"The Purchase Price of %[3]s shall be paid as follows: eighty percent (80%%) at Closing and twenty percent (20%%) held in escrow for eighteen (18) months to secure Seller's indemnification obligations.",
	},
	"force majeure": {
		"Neither party shall be liable for delay or failure to perform caused by events beyond its reasonable control, including pandemic, cyberattack, or acts of government, provided that this Section shall not excuse %[2]s's obligations under the disaster recovery plan in Exhibit C.",
	},
	"assignment": {
		"Neither party may assign this Agreement without the other party's prior written consent, except to a successor in connection with a merger, acquisition or sale of all or substantially all of its assets, provided the successor assumes all obligations in writing.",
	},
}

var clauseKinds = []string{"indemnification", "limitation of liability", "termination", "confidentiality", "business associate", "non-solicitation", "governing law", "payment", "force majeure", "assignment"}

var contractKinds = []string{"Master Services Agreement", "Business Associate Agreement", "Asset Purchase Agreement", "Professional Services Agreement", "Commercial Lease", "Physician Employment Agreement", "Software License and Subscription Agreement", "Management Services Agreement", "Group Purchasing Agreement", "Medical Director Agreement"}

// contract writes a contract excerpt of n clauses.
func contract(r *rand.Rand, n int) (kind, text string) {
	a, b := company(r), company(r)
	kind = pick(r, contractKinds)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s\n\nThis %s (the \"Agreement\") is entered into as of %s %d, 20%d by and between %s (\"%s\") and %s (\"%s\").\n",
		strings.ToUpper(kind), kind, pick(r, []string{"January", "March", "June", "August", "October", "December"}), 1+r.IntN(28), 22+r.IntN(4),
		a, shortName(a), b, shortName(b))
	sec := 1 + r.IntN(3)
	for _, k := range pickN(r, clauseKinds, n) {
		sec += 1 + r.IntN(3)
		txt := fmt.Sprintf(pick(r, clauses[k]), shortName(a), shortName(b), money(r, 50000, 5000000), fmt.Sprint(pick(r, []int{10, 15, 30, 45, 60, 90})), pick(r, states))
		fmt.Fprintf(&sb, "\n%d. %s. %s\n", sec, strings.ToUpper(k[:1])+k[1:], txt)
	}
	return kind, sb.String()
}

func shortName(co string) string {
	f := strings.Fields(co)
	return f[0]
}

// --- bar-exam style fact patterns ---

var factPatterns = []struct {
	subject string
	text    string // %[1]s, %[2]s people; %[3]s a company; %[4]s an amount; %[5]s a state
}{
	{"Torts", "%[1]s, a patient at %[3]s, slipped on a freshly mopped floor in the hallway outside radiology. No warning sign had been placed, although the facility's written policy required one. %[1]s fractured a wrist and missed six weeks of work as a surgical technician. %[3]s argues that %[1]s was looking at a phone while walking."},
	{"Torts", "Dr. %[2]s prescribed a new anticoagulant to %[1]s without reviewing the chart, which listed a prior intracranial hemorrhage. Two weeks later %[1]s suffered a second bleed. %[1]s sues Dr. %[2]s and the clinic that employs her, %[3]s. The clinic claims Dr. %[2]s is an independent contractor."},
	{"Contracts", "On March 1, %[3]s emailed %[1]s an offer to buy 400 refurbished infusion pumps for %[4]s, stating the offer would remain open until March 10. On March 6, %[3]s learned of a cheaper source and emailed a revocation. %[1]s, who had not seen the revocation, emailed an acceptance on March 7."},
	{"Contracts", "%[1]s, a hospital purchasing manager, sent a purchase order for surgical gloves on a form that required arbitration of disputes. The seller, %[3]s, shipped the gloves with an acknowledgment form stating that all disputes go to court in %[5]s and disclaiming all warranties. The gloves failed sterility testing."},
	{"Contracts", "%[1]s orally agreed to sell a dental practice to %[2]s for %[4]s, with closing in eighteen months after %[2]s finished residency. %[2]s paid a deposit and signed a lease for the practice space. %[1]s later received a better offer and refused to close."},
	{"Evidence", "In a prosecution for health care fraud, the government offers a spreadsheet prepared by the defendant's office manager, %[1]s, listing services billed but never performed. %[1]s has died. The defense objects. The government also offers testimony that the defendant had been sanctioned for billing irregularities eight years earlier."},
	{"Evidence", "At a malpractice trial, %[1]s seeks to introduce the hospital's post-incident root cause analysis and the fact that the hospital changed its sponge-count policy after the surgery on %[2]s. The hospital objects to both."},
	{"Property", "%[1]s has used a gravel path across %[2]s's land to reach a lakeside clinic every day for twenty-two years, openly and without asking permission. %[2]s recently sold the land to %[3]s, which has blocked the path with a fence. The jurisdiction's prescriptive period is twenty years."},
	{"Property", "%[3]s leased a medical office suite to Dr. %[1]s for ten years. The lease is silent on assignment. Dr. %[1]s assigned the lease to %[2]s, who stopped paying rent after four months. %[3]s sues Dr. %[1]s for the unpaid rent."},
	{"Criminal Law", "%[1]s entered a closed pharmacy at night through an unlocked back door intending to take oxycodone. Inside, %[1]s was startled by a security guard, pushed him, and fled. The guard fell, struck his head, and died. %[1]s is charged with felony murder."},
	{"Criminal Procedure", "Police suspected %[1]s of diverting fentanyl from the hospital where %[1]s worked as a nurse. Without a warrant, officers obtained six months of %[1]s's badge-access and medication-cabinet logs from the hospital and questioned %[1]s at the station for three hours without warnings, telling %[1]s that %[1]s was free to leave."},
	{"Civil Procedure", "%[1]s, a citizen of %[5]s, was injured by a defective hip implant manufactured by %[3]s, incorporated in Delaware with its principal place of business in Indiana. %[1]s sues in federal court in %[5]s, seeking %[4]s. %[3]s sold the implant through a national distributor and never marketed directly in %[5]s."},
	{"Constitutional Law", "A state enacted a law requiring all out-of-state telehealth providers to maintain a physical office in the state and to pay an annual fee ten times that charged to in-state providers. %[3]s, a telehealth company based in a neighboring state, challenges the law."},
	{"Constitutional Law", "A public university hospital fired %[1]s, a respiratory therapist, after %[1]s wrote a letter to a local newspaper criticizing the hospital's staffing ratios. The hospital says the letter disrupted operations and disclosed internal information."},
	{"Professional Responsibility", "Attorney %[2]s represents %[3]s in a billing dispute. %[2]s previously represented %[1]s, a former billing manager at %[3]s, in a divorce, during which %[1]s described the company's coding practices. %[1]s is now a witness for the opposing party."},
	{"Health Law", "%[3]s, a physician-owned laboratory, pays referring physicians %[4]s a year under \"consulting agreements\" that require no documented work. Referrals from those physicians account for 70%% of the laboratory's Medicare revenue. A former employee, %[1]s, has copies of the agreements and the referral reports."},
}

// factPattern returns a filled fact pattern and its subject.
func factPattern(r *rand.Rand) (subject, text string) {
	f := pick(r, factPatterns)
	a, b := person(r), person(r)
	return f.subject, fmt.Sprintf(f.text, a, b, company(r), money(r, 75000, 4000000), pick(r, states))
}

// --- e-discovery documents ---

var (
	matters   = []string{"the Bluestem Orthopedics device recall litigation", "the Keystone billing audit", "the Northgate Imaging breach of contract matter", "the Riverbend Dialysis wage-and-hour class action", "the Meridian Labs qui tam investigation", "the Harbor Point merger second request", "the Cedar Ridge Home Health data breach"}
	emailSubj = []string{"RE: Q3 billing variance", "FW: recall notice draft - privileged?", "lunch thursday", "RE: RE: vendor contract redlines", "Updated coding guidance", "Call with outside counsel", "Staffing for weekend shifts", "FW: patient complaint - urgent", "Board deck v7", "RE: audit sample selection", "Invoice 44817 past due", "Re: can we talk before the meeting"}
	emailBody = []string{
		"Per our call with counsel this morning, please hold off on sending the revised numbers until legal has reviewed. I don't want anything in writing on the variance yet.",
		"Attached is the sample of 120 claims the auditors pulled. About a third were coded at level 5 without documentation of time. Can we discuss before Monday?",
		"Are we still on for lunch Thursday? The place on 5th is closed for renovation, so maybe the deli instead.",
		"I marked up sections 7 and 12 of the vendor agreement. Their indemnity carve-out is a non-starter for us. Forwarding to Dana in legal for her view.",
		"The units from lot 22B showed the same fracture pattern as the ones returned in March. Engineering thinks it's the supplier's alloy change. We need to decide whether to expand the recall.",
		"Reminder that the weekend on-call schedule is due Friday. Please send swaps to me directly and cc the unit manager.",
		"The patient's daughter called again about the delayed discharge. She mentioned contacting a lawyer. Risk management has been looped in.",
		"Slides 14-19 still show the old revenue projections. Can someone from finance update them before the board call?",
		"We were told the consulting fees were fair market value, but I never saw the valuation report. Who signed off on it?",
		"Following up on invoice 44817, which is now 60 days past due. Please advise on payment status.",
	}
)

// email writes one document of a review set.
func email(r *rand.Rand) string {
	from, to := person(r), person(r)
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s <%s>\nTo: %s <%s>\n", from, addr(from), to, addr(to))
	if r.Float64() < 0.3 {
		cc := person(r)
		fmt.Fprintf(&b, "Cc: %s <%s>\n", cc, addr(cc))
	}
	fmt.Fprintf(&b, "Date: %s, %d %s 20%d %02d:%02d\nSubject: %s\n\n", pick(r, []string{"Mon", "Tue", "Wed", "Thu", "Fri"}), 1+r.IntN(28),
		pick(r, []string{"Jan", "Feb", "Mar", "Apr", "Jun", "Sep", "Nov"}), 22+r.IntN(3), 7+r.IntN(12), r.IntN(60), pick(r, emailSubj))
	for _, p := range pickN(r, emailBody, 1+r.IntN(3)) {
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	fmt.Fprintf(&b, "%s\n%s", strings.Fields(from)[0], pick(r, []string{"Sent from my iPhone", "Director, Revenue Cycle", "VP Operations", "Clinical Quality Manager", "Regulatory Affairs"}))
	return b.String()
}

func addr(name string) string {
	f := strings.Fields(strings.ToLower(name))
	return f[0][:1] + f[1] + "@" + pick(rand.New(rand.NewPCG(uint64(len(name)), 3)), []string{"bluestemortho.com", "keystonehp.org", "northgateimaging.com", "meridianlabs.net"})
}
