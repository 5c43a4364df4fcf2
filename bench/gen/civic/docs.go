package civic

import (
	"math/rand/v2"
	"strings"
)

// Official letters residents receive: the text people paste into the
// plain-language extension and ask the help desks about.
var letters = [][]string{
	{ // property tax
		"NOTICE OF ASSESSED VALUE — Tax Year 2026. Parcel No. {#10-99}-{#100-999}-{#1000-9999}-000.",
		"Pursuant to {county} Code § 12-{#100-450}, the Assessor has determined the full cash value of the above parcel to be {$180000-690000}.",
		"The assessed value reflects a change of {#2-14}% from the prior valuation and does not by itself determine the amount of tax owed.",
		"If you disagree with this valuation, a petition for review must be filed with the Board of Equalization no later than {date}.",
		"Petitions received after the deadline shall not be considered, except as provided by statute.",
		"Owners who occupy the property as a primary residence may be eligible for a homestead exemption if an application is on file by {date}.",
		"Payment of taxes is not required at this time; a statement of taxes due will be mailed separately.",
		"Failure to receive a tax statement does not relieve the owner of liability for taxes, penalties and interest.",
	},
	{ // parking citation
		"NOTICE OF PARKING VIOLATION. Citation {case}. Issued {pastdate} at {time} at {addr}.",
		"Violation: {Parked in a residential permit zone without a valid permit|Expired meter|Parked within 15 feet of a fire hydrant|Street cleaning restriction|Blocking a driveway}. Fine: {$35-95}.",
		"Payment is due within 21 days of the date of issuance. A late penalty of {$25-60} will be assessed on unpaid citations after that date.",
		"You may contest this citation by requesting an administrative review in writing within 21 calendar days.",
		"Vehicles with three or more unpaid citations are subject to immobilization or impoundment at the owner's expense.",
		"If the citation is not paid or contested, a hold may be placed on the vehicle's registration renewal.",
	},
	{ // benefits renewal
		"IMPORTANT: YOUR {program} BENEFITS WILL END UNLESS YOU COMPLETE YOUR RENEWAL.",
		"Our records indicate that your certification period ends on {date}. To continue receiving benefits, you must submit the enclosed renewal form and required verifications.",
		"Required verification may include proof of earned income for the last 30 days, shelter costs, and dependent care expenses.",
		"An interview is required. Your telephone interview is scheduled for {date} at {time}. If you miss the interview, it is your responsibility to reschedule.",
		"If you do not return the form by the due date, your case will close and you will need to reapply.",
		"You have the right to request a fair hearing if you disagree with any action taken on your case.",
		"Household members who are not applying for benefits do not have to provide their immigration status or Social Security number.",
	},
	{ // jury summons
		"SUMMONS FOR JURY SERVICE. You are hereby summoned to appear for jury service at the {county} Justice Center on {date} at 8:00 a.m.",
		"You must complete the online juror questionnaire within 10 days of receipt of this summons.",
		"Requests for postponement may be made once and must specify a date within the next six months.",
		"Persons over the age of 70 may request to be excused permanently by submitting a written request.",
		"Failure to appear as directed may result in a finding of contempt of court and a fine of up to $500.",
		"Employers are prohibited by law from penalizing employees who are absent from work due to jury service.",
	},
	{ // water shutoff
		"FINAL NOTICE — SCHEDULED SERVICE DISCONNECTION. Account {#100000-999999}-{#10-99}. Past due balance: {$120-940}.",
		"Water service at {addr} is scheduled to be disconnected on or after {date} unless the past due balance is paid in full or a payment arrangement is made.",
		"A reconnection fee of {$50-150} will apply if service is disconnected.",
		"Customers experiencing financial hardship may be eligible for the water bill discount program or a deferred payment plan.",
		"If a member of your household has a serious medical condition, you may submit a medical certificate to postpone disconnection for up to 60 days.",
		"Tenants in buildings with a master meter may have rights to continued service; contact the utility for more information.",
	},
	{ // code violation
		"NOTICE OF VIOLATION AND ORDER TO CORRECT. Case {case}. Property: {addr}.",
		"An inspection on {pastdate} found the following condition(s) in violation of the Property Maintenance Code: {accumulation of rubbish and debris in the rear yard|grass and weeds exceeding 10 inches in height|an inoperable vehicle stored on the property|a fence in disrepair|peeling paint on exterior surfaces|an unpermitted accessory structure}.",
		"You are ordered to correct the violation(s) within {#10-30} days of the date of this notice.",
		"A re-inspection will be conducted on or after {date}. If the violation has not been corrected, a civil penalty of up to {$100-1000} per day may be assessed.",
		"You may appeal this order to the Housing Appeals Board within 15 days by filing a written appeal and paying the filing fee.",
		"This notice is binding on subsequent owners if the property is sold before the violation is corrected.",
	},
	{ // lease / housing authority
		"NOTICE OF ANNUAL RECERTIFICATION. Your annual recertification for the Housing Choice Voucher program is due.",
		"You must attend an appointment on {date} at {time} and bring income documents for all household members aged 18 and over.",
		"Any change in household composition must be reported within 10 days. Failure to report may result in termination of assistance.",
		"Your portion of the rent will be recalculated based on 30 percent of adjusted monthly household income.",
		"If you need a reasonable accommodation because of a disability, please contact your caseworker before the appointment.",
	},
	{ // school enrollment
		"Proof of Residency Verification — {city} Unified School District.",
		"To complete enrollment for the {#2026-2026}-27 school year, families must provide two documents showing the parent or guardian's name and current address.",
		"Acceptable documents include a current utility bill, a lease or mortgage statement, or a letter from a government agency dated within the last 60 days.",
		"Families experiencing homelessness or living with another family due to economic hardship may qualify for immediate enrollment under the McKinney-Vento Act.",
		"Documents must be submitted by {date}. Students without verified residency may be assigned to a school with available seats.",
	},
	{ // unemployment overpayment
		"NOTICE OF DETERMINATION OF OVERPAYMENT. Claim ID {#1000000-9999999}.",
		"It has been determined that you were paid benefits to which you were not entitled for the weeks ending {pastdate} through {pastdate}. Overpayment amount: {$300-4800}.",
		"This determination is based on wages reported by your employer that were not reported on your weekly certifications.",
		"You may request a waiver of recovery if repayment would cause financial hardship and the overpayment was not your fault.",
		"You have 30 days from the mailing date of this notice to file an appeal. If you do not appeal, this determination becomes final.",
		"Future benefits may be offset to recover the overpayment.",
	},
	{ // business license
		"BUSINESS LICENSE RENEWAL REMINDER. License No. BL-{#10000-99999}.",
		"Your business license expires on {date}. Renewal applications received after the expiration date are subject to a penalty of 10 percent per month.",
		"Businesses operating from a residence must confirm compliance with home occupation requirements, including limits on customer visits and signage.",
		"Gross receipts for the prior calendar year must be reported on the renewal application.",
		"Operating a business without a valid license is a misdemeanor and may result in citation.",
	},
}

// Public notices cities publish and translate.
var notices = [][]string{
	{
		"PUBLIC NOTICE: The {city} City Council will hold a public hearing on {date} at 6:00 p.m. in Council Chambers, 200 {street} Street.",
		"The hearing concerns a proposed amendment to the zoning ordinance allowing accessory dwelling units on lots zoned R-1 in {neighborhood}.",
		"Members of the public may comment in person, by video, or in writing before noon on the day of the meeting.",
		"Interpretation services are available upon request with 48 hours' notice.",
		"The staff report is available for review at the Office of the City Clerk and on the City's website.",
	},
	{
		"ROAD CLOSURE: {street} {stsuf} will be closed between {street} and {street} from {date} through {date} for water main replacement.",
		"Local access for residents and emergency vehicles will be maintained. Detour signs will be posted.",
		"Bus routes {#2-48} and {#2-48} will be temporarily rerouted. Check the transit website for stop changes.",
		"Work hours are 7:00 a.m. to 5:00 p.m., Monday through Friday. Some night work may be required.",
		"We apologize for the inconvenience and thank residents for their patience.",
	},
	{
		"BOIL WATER ADVISORY for customers in {neighborhood}, issued {pastdate}.",
		"Due to a loss of pressure in the distribution system, bacteria may have entered the water. Bring all water used for drinking, cooking, making ice, or brushing teeth to a rolling boil for one minute.",
		"Bottled water may be used as an alternative. Water is safe for bathing for adults; supervise young children.",
		"The advisory will remain in effect until two consecutive days of testing show the water is safe. We will notify you when it is lifted.",
		"Free bottled water is available at the {neighborhood} Community Center from 10:00 a.m. to 7:00 p.m.",
	},
	{
		"COOLING CENTERS OPEN: With temperatures expected to exceed 95 degrees, cooling centers will open at all public library branches and recreation centers.",
		"Hours are extended until 9:00 p.m. on {date} and {date}. Pets on leashes are welcome at the {neighborhood} Recreation Center.",
		"Check on elderly neighbors and people living alone. Never leave children or pets in a parked vehicle.",
		"Free transportation to cooling centers is available by calling 311.",
	},
	{
		"HOLIDAY COLLECTION SCHEDULE: Trash, recycling and yard waste collection will be delayed by one day during the week of {date}.",
		"Customers with {weekday} collection will be served on the following day. Place carts at the curb by 6:00 a.m.",
		"Bulk item collection appointments for that week will be rescheduled automatically.",
		"The Drop-Off Center on {street} {stsuf} will be closed on the holiday.",
	},
	{
		"SUMMER PROGRAM REGISTRATION opens {date} for day camps, swim lessons and youth sports at {park} and other sites.",
		"Residents receive priority registration for the first two weeks. Fee assistance is available for families who qualify for free or reduced-price school meals.",
		"Space is limited; some programs fill within hours. A waitlist will be kept for full sessions.",
		"Participants must have a current emergency contact and medical form on file.",
	},
	{
		"NOTICE OF RATE CHANGE: The Water Utility proposes to increase the base monthly charge by {$1-6} and the volume charge by {#3-9} percent effective {month} 1.",
		"The increase funds lead service line replacement and treatment plant upgrades required by state and federal rules.",
		"A public hearing will be held on {date}. Written protests must be received before the close of the hearing.",
		"Low-income customers enrolled in the discount program will not see an increase in their base charge.",
	},
	{
		"ELECTION NOTICE: The deadline to register to vote for the {month} election is {date}.",
		"Early voting locations will be open from {date} through {date}, 8:00 a.m. to 7:00 p.m. daily.",
		"Voters may request a mail ballot until seven days before Election Day. Ballots must be received by 8:00 p.m. on Election Day.",
		"Sample ballots in English, Spanish, Chinese and Vietnamese are available at all library branches.",
		"Voters who need assistance because of a disability or language barrier may bring a person of their choice.",
	},
}

// letter returns an official letter of a random kind.
func letter(r *rand.Rand) string {
	l := letters[r.IntN(len(letters))]
	n := 3 + r.IntN(len(l)-2)
	var parts []string
	for i, s := range l { // keep the heading, then an ordered subset
		if i == 0 || r.IntN(len(l)) < n {
			parts = append(parts, expand(r, s))
		}
	}
	return strings.Join(parts, "\n\n")
}

// notice returns a public notice of a random kind.
func notice(r *rand.Rand) string {
	l := notices[r.IntN(len(notices))]
	var parts []string
	for i, s := range l {
		if i == 0 || r.IntN(5) > 0 {
			parts = append(parts, expand(r, s))
		}
	}
	return strings.Join(parts, "\n\n")
}
