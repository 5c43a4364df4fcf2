package civic

import (
	"math/rand/v2"
	"strings"
)

// What residents, staff and hobbyists ask a general assistant.
var personalAsks = []string{
	"How do I get {service} in {city}? What documents do I need?",
	"My landlord hasn't fixed the heat in {#2-6} weeks. What are my options as a tenant before I withhold rent?",
	"Can you help me write a short, polite email to my kid's {subject} teacher asking about a missing assignment?",
	"What's a good weeknight dinner I can make with chicken thighs, rice, and whatever vegetables are in season in {month}?",
	"Explain the difference between a Roth IRA and a traditional IRA like I'm new to this.",
	"I got a letter saying my {program} case is closing. What usually happens if I miss the renewal interview?",
	"Write a birthday message for my coworker {first} who is retiring after {#15-35} years with the {agency}.",
	"What are some free things to do with kids in {city} on a rainy weekend?",
	"How do I dispute a parking ticket? I was parked legally but the sign was covered by a tree branch.",
	"Summarize the main arguments for and against ranked choice voting in about 200 words.",
	"My {#2-9} year old won't sleep before 10pm. Any realistic tips that don't involve screens?",
	"Plan a 3-day itinerary for {city|Chicago|Portland|Montreal|Lisbon|Mexico City} on a budget, traveling with a wheelchair user.",
	"What should I ask at a community meeting about a proposed {bike lane|cell tower|homeless shelter|new apartment building|data center} in my neighborhood?",
	"Help me understand my water bill. It says {#12-40} CCF usage — how many gallons is that and is that normal for a family of {#2-6}?",
	"Translate this into {lang}: \"{The meeting is moved to Thursday at 6pm in the library basement.|Please bring your ID and a utility bill to the appointment.|The food pantry is open Saturdays from 9 to noon.|Your child was absent today. Please call the school office.}\"",
	"Write a cover letter for a {role} position with the city. I have {#2-12} years of experience in customer service.",
	"What's the best way to learn Excel pivot tables quickly? I have an interview on {weekday}.",
	"Is it safe to eat eggs a week past the sell-by date if they've been refrigerated?",
	"Rewrite this to sound more professional: \"hey so the {service} thing is still not done and its been forever, can someone pls look\"",
	"Give me a workout plan for someone who hasn't exercised in years and has bad knees.",
	"What are the signs of heat exhaustion vs heat stroke? Cooling centers just opened and I'm worried about my dad.",
	"How do property tax appeals usually work? My assessment went up {#8-30}% this year.",
	"Explain how a bill becomes a law at the state level, with an example.",
	"Suggest five names for a community garden in {neighborhood}.",
	"I'm volunteering at {org}. Can you draft a flyer announcing our next meeting on {date}?",
	"What questions should I ask a contractor before hiring them to replace my roof?",
	"Why do my tomato leaves have yellow spots with brown edges?",
	"Can you explain what a 'continuing resolution' is and why it matters for federal employees?",
	"I need a polite way to decline a meeting invite because I'm overbooked this week.",
	"My neighbor's dog barks all night. How should I approach them before I call {city} animal services?",
	"What's the difference between a will and a living trust? Keep it simple.",
	"Help me make a monthly budget. Take-home pay is {$2400-5200}, rent is {$900-2100}, and I have a car payment of {$250-480}.",
	"Write a short speech (2 minutes) for public comment at city council supporting more library hours.",
	"Give me 10 practice interview questions for a {role} job and what a good answer would cover.",
	"What's a good way to explain to my elderly mom how to spot scam texts pretending to be from the {agency|bank|post office|IRS}?",
	"Make a packing list for a weekend camping trip at a state park with two kids.",
	"How long should I keep old tax returns and pay stubs?",
	"Can you recommend some novels similar to {Station Eleven|The Overstory|Americanah|The Remains of the Day|Pachinko|Project Hail Mary}?",
	"Explain compound interest with a simple example using {$500-5000}.",
	"I want to start a neighborhood tool library. What do I need to think about?",
}

// What public employees ask while working.
var staffAsks = []string{
	"Summarize these meeting notes into action items with owners:\n\n{notes}",
	"Draft a response to a resident who complained that {service} took {#3-9} weeks. Be empathetic, explain the backlog, and give next steps.",
	"Rewrite this paragraph from our {agency} web page at an 8th-grade reading level:\n\n{letter}",
	"Write an Excel formula that counts rows where column C is \"Open\" and column F is more than 30 days before today.",
	"Create a short social media post announcing {notice_head}",
	"Give me an agenda for a 45-minute team meeting about switching to a new case management system.",
	"Convert this list into a table with columns Name, Department, Extension:\n{person}, {agency}, x{#1000-9999}\n{person}, {agency}, x{#1000-9999}\n{person}, {agency}, x{#1000-9999}",
	"What should be in a records retention policy for email at a small city? Give an outline.",
	"Write a SQL query that returns the number of service requests per neighborhood per month from a table requests(id, created_at, neighborhood, status).",
	"I'm a {role}. Write a professional out-of-office message for {date} through {date}.",
	"Proofread this and fix grammar only:\n\n{letter}",
	"Explain the difference between a grant and a cooperative agreement in federal funding.",
	"Draft talking points for the mayor about the {notice_head}",
	"Write a job posting for a part-time {role} at the {agency}. Include duties and minimum qualifications.",
	"Suggest survey questions to ask residents about {park} renovation priorities. Keep it under 10 questions.",
	"My Python script reads a CSV of permits but crashes with UnicodeDecodeError: 'utf-8' codec can't decode byte 0x92. How do I fix it?",
	"Write a PowerShell snippet that lists all users in an AD group and exports them to CSV.",
	"What is a reasonable way to estimate staff hours saved if we move {service} applications online?",
	"Turn these bullet points into a one-page memo to the city manager:\n- {notes}",
}

var meetingNotes = []string{
	"{first} said the {service} backlog is down to {#40-300} cases. {first} will check with IT about the portal outage last {weekday}. Budget request due {date}. {first} to draft the council memo. Next meeting {weekday} {time}.",
	"Discussed summer staffing at {park}. Need {#2-8} more lifeguards. {first} will repost the job ad. Concern about vandalism at the restrooms; {first} to get quotes for cameras. Grant report due {date}.",
	"Updates: new phone tree goes live {date}. Spanish line wait times still high ({#6-25} min). {first} suggested a callback option. {first} to follow up with the vendor. Training for front desk on {weekday}.",
	"Reviewed the {neighborhood} traffic calming petition ({#60-400} signatures). Engineering to do a speed study. {first} will reply to the petition organizer. Possible agenda item for {month} council meeting.",
}

var noticeHeads = []string{
	"road closure on {street} {stsuf} starting {date}.", "cooling centers opening this weekend.",
	"the boil water advisory in {neighborhood}.", "summer program registration opening {date}.",
	"the holiday trash collection schedule.", "the public hearing on accessory dwelling units on {date}.",
}

var shortLetters = []string{
	"Residents must obtain a permit prior to commencing any construction, alteration or repair of a structure, except as otherwise exempted in Section {#4-9}.{#1-12}. Applications shall be submitted with plans drawn to scale and the applicable fee.",
	"The Department will endeavor to respond to all public records requests within ten business days. Requests that require extensive review may take longer, and the requester will be notified of the anticipated timeframe.",
	"Customers are responsible for the maintenance of the service line from the property line to the structure. Leaks on the customer side must be repaired within {#10-30} days of notification.",
	"Use of park facilities for organized events with more than {#25-75} participants requires a reservation and proof of liability insurance naming the City as additional insured.",
}

// followUps are what people say after a first answer.
var followUps = []string{
	"Thanks! Can you make it shorter?", "Can you give me an example?", "What if I already missed the deadline?",
	"ok, and what documents exactly?", "Make it a bit more formal please.", "Can you put that in a table?",
	"That's helpful. What would you do first?", "Can you translate that into {lang}?", "hmm that didn't work, any other ideas",
	"Can you explain the second point more?", "great, now write a version for a 10 year old",
	"Is there anything I should avoid saying?", "What would this cost roughly?", "Who do I call about this?",
	"Can you double check that? I thought it was different in {city}.", "perfect thanks. one more question — {ask}",
}

var smallAsks = []string{"how long does it usually take?", "is there a fee?", "can I do it online?", "what if I rent instead of own?"}

var replyOpeners = []string{"Sure — here's a concise version.", "Good question.", "Here's what usually applies.",
	"Happy to help.", "Here's a draft you can adapt:", "Short answer: it depends on a few things.", "Here are the main options:"}

var replyBodies = []string{
	"First, check the official page or call 311 to confirm current requirements, since rules change.",
	"Most cities require proof of address and a photo ID; some accept a utility bill dated within 60 days.",
	"If the deadline has passed, ask whether a late filing or good-cause exception is available — many programs have one.",
	"Keep copies of everything you submit and write down the date and the name of anyone you speak with.",
	"You can usually do this online, by mail, or in person; online is fastest if you have the documents scanned.",
	"A polite, specific message tends to get a faster response than a long one.",
	"1. Gather your documents.\n2. Submit the application.\n3. Follow up after a week if you haven't heard back.",
	"Fees vary, but expect somewhere between $25 and $150 depending on the permit type.",
	"If you have a disability or need language assistance, you can request an accommodation at no cost.",
	"Dear {first},\n\nThank you for reaching out. I wanted to follow up on the item we discussed and confirm next steps.\n\nBest regards,",
	"The key difference is timing: one is taxed now, the other later, so it depends on whether you expect your tax rate to rise.",
	"Try breaking it into smaller steps and setting one concrete goal for this week.",
}

// reply is a plausible earlier answer of the assistant in a conversation.
func reply(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString(pick(r, replyOpeners))
	for range 1 + r.IntN(3) {
		b.WriteString("\n\n")
		b.WriteString(expand(r, pick(r, replyBodies)))
	}
	return b.String()
}

// conversation returns the turns of a chat whose last user message is
// turn k (0-based) of a session opened by first.
func conversation(r *rand.Rand, first string, k int) []string {
	ts := []string{first}
	for range k {
		ts = append(ts, reply(r), typo(r, expand(r, pick(r, followUps))))
	}
	return ts
}
