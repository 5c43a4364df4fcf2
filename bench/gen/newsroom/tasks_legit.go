package newsroom

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// task is one piece of work a person or an app asks of the model: an
// optional system prompt, the first user message, and follow-ups a person
// might send after reading the answer.
type task struct {
	kind   string
	sys    string
	user   string
	follow []string
	reply  func(r *rand.Rand) string // a plausible answer to the previous user turn
	maxTok int
}

var newsroomSystems = []string{
	"You are an assistant for a newsroom. Be accurate and neutral. Never add facts, names or numbers that are not in the text you are given. If something is unclear, say so.",
	"You help reporters and editors at a regional newspaper. Follow AP style unless told otherwise. Keep answers short.",
	"You are a copy desk assistant. Use British spelling. Do not speculate.",
	"",
	"",
	"You are a helpful assistant.",
}

var followUps = []string{
	"Shorter.", "Can you make it less sensational?", "Now in Spanish, please.", "Use British spelling.",
	"Good. Now a version for a push notification, max 110 characters.", "Thanks! What would be a good pull quote?",
	"Make the second one more neutral.", "Can you cut it to 50 words?", "Drop the adjectives.",
	"Too formal — our readers are local. Try again.", "Which of these is most accurate to the text?",
	"ok and a subhead?", "Can you give me three more options?", "Is the third claim actually in the text?",
	"Rewrite without the passive voice.", "Now as a single tweet.",
}

var styleQuestions = [][2]string{
	{"percent", "per cent"}, {"OK", "okay"}, {"email", "e-mail"}, {"health care", "healthcare"}, {"toward", "towards"},
	{"co-worker", "coworker"}, {"website", "Web site"}, {"under way", "underway"}, {"Mr. Smith", "Smith"},
	{"the late 1990s", "the late '90s"}, {"COVID-19", "Covid"}, {"adviser", "advisor"}, {"data is", "data are"},
}

var datasets = []struct{ what, cols string }{
	{"police use-of-force incidents", "date, precinct, officer_id, force_type, subject_age, injury"},
	{"restaurant inspections", "inspection_date, name, address, score, violation_code, grade"},
	{"campaign contributions", "donor_name, employer, amount, date, recipient, zip"},
	{"school test scores", "school_id, school_name, year, grade, subject, pct_proficient"},
	{"311 service requests", "created_at, closed_at, complaint_type, borough, latitude, longitude"},
	{"hospital wait times", "hospital, month, median_wait_minutes, patients_seen, left_without_seen"},
	{"eviction filings", "case_number, filing_date, landlord, zip, judgment, amount_owed"},
}

var dataAsks = []struct{ ask, tool string }{
	{"count incidents per month and plot them", "pandas"}, {"find the top 10 by total amount", "SQL"},
	{"join it with census tract populations and compute a rate per 10,000 residents", "pandas"},
	{"compute the median time between created_at and closed_at by category", "R with dplyr"},
	{"detect duplicate rows where the name is spelled slightly differently", "Python"},
	{"make a choropleth map by zip code", "Datawrapper"}, {"calculate year-over-year percent change", "Google Sheets"},
	{"group by and keep only groups with more than 30 rows", "SQL"},
}

var agencies = []string{"the city police department", "the county health department", "the state department of transportation", "the public housing authority", "the school district", "the port authority"}
var records = []string{"all emails between the mayor's office and {company}", "use-of-force reports", "restaurant inspection reports", "overtime payroll records", "contracts over $50,000", "complaints about the water utility"}

// newsroomTask returns one task a journalist or editor might give the model
// about story s.
func newsroomTask(r *rand.Rand, s *story) task {
	sys := pick(r, newsroomSystems)
	var t task
	switch pickW(r, 18, 12, 8, 8, 6, 5, 7, 7, 6, 4, 5, 6, 4, 4) {
	case 0:
		k := 2 + r.IntN(4)
		t = task{kind: "summary", user: fill(pick(r, []string{
			"Summarise this story in {k} bullet points for our morning newsletter:\n\n{a}",
			"Give me a two-sentence summary of this:\n\n{a}",
			"tl;dr please\n\n{a}",
			"Write a 60-word summary suitable for our homepage. Keep the numbers exact.\n\n{a}",
			"Summarize for a reader who has not followed the story:\n\n{a}",
		}), map[string]string{"k": strconv.Itoa(k), "a": s.article(r, 3+r.IntN(4))}),
			reply: func(r *rand.Rand) string { return bulletsOf(r, s, k) }}
	case 1:
		t = task{kind: "headlines", user: fill(pick(r, []string{
			"Suggest {k} headlines for this story, under 70 characters each. One should be SEO-friendly.\n\n{a}",
			"Headline ideas? Straight news, not clickbait.\n\n{a}",
			"Give me {k} headline options and a dek for each:\n\n{a}",
		}), map[string]string{"k": strconv.Itoa(3 + r.IntN(5)), "a": s.article(r, 2+r.IntN(4))}),
			reply: func(r *rand.Rand) string { return headlinesOf(r, s) }}
	case 2:
		lang := pick(r, languages)
		t = task{kind: "translate", user: fill(pick(r, []string{
			"Translate into {l}. Keep names and numbers unchanged.\n\n{x}",
			"Can you translate this lede to {l} for our partner site?\n\n{x}",
			"{l} translation please, newspaper register:\n\n{x}",
		}), map[string]string{"l": lang, "x": s.lede(r) + " " + s.paragraph(r, 1+r.IntN(3))}),
			reply: func(r *rand.Rand) string { return "[" + lang + "] " + s.lede(r) }}
	case 3:
		t = task{kind: "claims", user: fill(pick(r, []string{
			"List every checkable factual claim in this paragraph, and for each say what kind of source would confirm it:\n\n{x}",
			"Which statements here need a citation before we publish?\n\n{x}",
			"Pull out the claims with numbers in them and tell me which ones I should verify first.\n\n{x}",
		}), map[string]string{"x": s.paragraph(r, 3+r.IntN(3))}),
			reply: func(r *rand.Rand) string { return claimsOf(r, s) }}
	case 4:
		t = task{kind: "transcript", user: fill(pick(r, []string{
			"Clean up this interview transcript: remove filler words and false starts but keep the meaning. Mark anything unclear as [inaudible].\n\n{x}",
			"tidy this transcript, keep quotes verbatim where possible\n\n{x}",
		}), map[string]string{"x": s.transcript(r)}), maxTok: 2000,
			reply: func(r *rand.Rand) string { return s.quote(r) + "\n" + s.paragraph(r, 2) }}
	case 5:
		q := pick(r, styleQuestions)
		t = task{kind: "style", user: fill(pick(r, []string{
			"AP style: is it \"{a}\" or \"{b}\"?", "Quick style question — \"{a}\" or \"{b}\"?",
			"Which is correct in current AP style, {a} or {b}? And is it different in the Guardian style guide?",
		}), map[string]string{"a": q[0], "b": q[1]}),
			reply: func(r *rand.Rand) string { return "AP style uses \"" + q[0] + "\"." }}
	case 6:
		t = task{kind: "social", user: fill(pick(r, []string{
			"Write {k} social posts promoting this story, one for X and one for LinkedIn. No clickbait, no emojis.\n\n{h}\n{l}",
			"Instagram caption for this story? Keep it factual.\n\n{h}\n{l}",
			"Draft a Bluesky post and a WhatsApp channel message for:\n\n{h}\n{l}",
		}), map[string]string{"k": "2", "h": s.headline(r), "l": s.lede(r)}),
			reply: func(r *rand.Rand) string { return s.headline(r) + " " + s.v["city"] }}
	case 7:
		c := pick(r, s.t.concepts)
		t = task{kind: "explainer", user: fill(pick(r, []string{
			"Explain {c} in plain language for readers, in under 150 words.",
			"How would you explain {c} to a 15-year-old?",
			"I'm writing about {t} in {city}. What is {c}, and what questions should I ask officials about it?",
		}), map[string]string{"c": c, "t": s.t.name, "city": s.c.name}),
			reply: func(r *rand.Rand) string { return "In short, " + c + " describes " + s.paragraph(r, 1) }}
	case 8:
		d, a := pick(r, datasets), pick(r, dataAsks)
		t = task{kind: "data", user: fill(pick(r, []string{
			"I have a CSV of {w} with columns {c}. How do I {a} in {t}?",
			"Data desk question: {w} file, columns are {c}. I need to {a}. Using {t}. Code please.",
			"in {t}, how would I {a}? the data is {w} ({c})",
		}), map[string]string{"w": d.what, "c": d.cols, "a": a.ask, "t": a.tool}), maxTok: 1500,
			reply: func(r *rand.Rand) string {
				return "Here is one way to do it in " + a.tool + ":\n\n```\ndf = pd.read_csv('data.csv', parse_dates=True)\n```"
			}}
	case 9:
		t = task{kind: "foia", user: fill(pick(r, []string{
			"Draft a public records request to {g} asking for {x} from January 2024 to the present. Cite the state public records law generically.",
			"Help me write a FOI request to {g} for {x}. I want it narrow enough that they can't claim it's too burdensome.",
		}), map[string]string{"g": pick(r, agencies), "x": fill(pick(r, records), s.v)}),
			reply: func(r *rand.Rand) string {
				return "Dear Records Officer,\n\nUnder the public records law, I request copies of ..."
			}}
	case 10:
		t = task{kind: "questions", user: fill(pick(r, []string{
			"Give me 8 questions for an interview with a {role} about {t} in {city}. Start easy, end with the hard one.",
			"I have 15 minutes with the {role} tomorrow. What should I ask about this?\n\n{l}",
		}), map[string]string{"role": pick(r, s.t.roles), "t": s.t.name, "city": s.c.name, "l": s.lede(r)}),
			reply: func(r *rand.Rand) string { return "1. Can you walk me through the decision?\n2. Who was consulted?" }}
	case 11:
		t = task{kind: "edit", user: fill(pick(r, []string{
			"Make this paragraph tighter and more neutral:\n\n{x}",
			"Edit for clarity and length, keep all facts:\n\n{x}",
			"Can you fix the flow here? It reads choppy.\n\n{x}",
			"copyedit this pls\n\n{x}",
		}), map[string]string{"x": s.paragraph(r, 2+r.IntN(3))}),
			reply: func(r *rand.Rand) string { return s.paragraph(r, 2) }}
	case 12:
		t = task{kind: "brief", user: fill(pick(r, []string{
			"Turn these notes into a 120-word brief:\n- {n1}\n- {n2}\n- {q}",
			"notes from the meeting, can you make a short news brief:\n{n1}\n{n2}\n{q}",
		}), map[string]string{"n1": s.paragraph(r, 1), "n2": s.paragraph(r, 1), "q": s.quote(r)}),
			reply: func(r *rand.Rand) string { return s.lede(r) + " " + s.paragraph(r, 1) }}
	default:
		t = task{kind: "legal", user: fill(pick(r, []string{
			"Is anything in this paragraph potentially defamatory? Flag it and explain why.\n\n{x}\n\n{q}",
			"Our lawyer is out. Anything here I should soften before publishing?\n\n{x}",
		}), map[string]string{"x": s.paragraph(r, 3), "q": s.quote(r)}),
			reply: func(r *rand.Rand) string {
				return "The quote attributed to " + s.v["p2"] + " is opinion; the rest is factual."
			}}
	}
	t.sys = sys
	for range r.IntN(3) {
		t.follow = append(t.follow, pick(r, followUps))
	}
	if t.maxTok == 0 {
		t.maxTok = pick(r, []int{512, 800, 1024, 1024, 2048, 4096})
	}
	return t
}

func bulletsOf(r *rand.Rand, s *story, k int) string {
	var b strings.Builder
	for i := range k {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("- ")
		b.WriteString(fill(pick(r, s.t.body), s.v))
	}
	return b.String()
}

func headlinesOf(r *rand.Rand, s *story) string {
	var b strings.Builder
	for i, h := range s.t.headlines {
		b.WriteString(strconv.Itoa(i+1) + ". " + fill(h, s.v) + "\n")
	}
	b.WriteString("\nOption " + strconv.Itoa(1+r.IntN(len(s.t.headlines))) + " is the most searchable.")
	return b.String()
}

func claimsOf(r *rand.Rand, s *story) string {
	return "1. " + fill(pick(r, s.t.body), s.v) + " — check against " + s.v["org"] + " records.\n2. " +
		fill(pick(r, s.t.body), s.v) + " — ask for the underlying data."
}

// The everyday questions of people who are not at work: readers,
// freelancers, students, parents.
var personalTemplates = []string{
	"What's a good {d}-day itinerary for {city} in early June? We like food markets and walking, not museums.",
	"Can you give me a recipe for {dish} that doesn't need an oven?",
	"Help me write a polite email to my landlord about a broken {thing} that hasn't been fixed in two weeks.",
	"Explain what happened with {topic} in {city} this week like I'm not a news person.",
	"My {kid} has a science project on {sci}. Can you suggest three experiments we can do at home?",
	"Write a short birthday message for my {rel} who is turning {age}. Funny but not rude.",
	"I'm training for a 10k in {weeks} weeks. I can run 3 km now. Give me a weekly plan.",
	"What are the pros and cons of {choice}?",
	"Proofread my cover letter:\n\nDear Hiring Manager,\nI am writing to apply for the position of {job} at your company. I have {yrs} years of experience in {field} and I am passionate about {field2}. In my previous role I {did}. I would welcome the chance to discuss how I can contribute to your team.\nBest regards",
	"How do I {code} in {lang}?",
	"Is it normal for a {thing} to make a clicking noise? It started yesterday.",
	"Can you summarise the plot of {book} without spoilers past the first half?",
	"translate to {language}: \"{phrase}\"",
	"What should I ask at a parent-teacher meeting if my kid is struggling with {subject}?",
	"Give me 5 gift ideas under 40 euros for someone who likes {hobby}.",
	"Rewrite this text to sound more confident: \"{plain}\"",
	"Why is the sky {colour} at sunset some days and not others?",
	"I read that {claim}. Is that true?",
}

var personalSlots = map[string][]string{
	"d":        {"2", "3", "4"},
	"dish":     {"shakshuka", "a lentil curry", "pad see ew", "a chickpea salad", "miso soup", "jollof rice", "ceviche"},
	"thing":    {"boiler", "window latch", "dishwasher", "extractor fan", "fridge", "washing machine"},
	"kid":      {"son", "daughter", "kid", "niece"},
	"sci":      {"density", "plant growth and light", "static electricity", "the water cycle", "magnets"},
	"rel":      {"sister", "boss", "grandmother", "best friend", "dad"},
	"age":      {"30", "40", "65", "18", "50"},
	"weeks":    {"6", "8", "10", "12"},
	"choice":   {"renting vs buying in a city where prices just fell", "an electric car for a 60 km commute", "switching to a four-day week at 80% pay", "doing a master's degree part time"},
	"job":      {"data analyst", "audience editor", "project coordinator", "UX researcher", "communications officer"},
	"yrs":      {"three", "five", "seven", "two"},
	"field":    {"digital marketing", "local journalism", "customer support", "public health"},
	"field2":   {"clear communication", "using data to tell stories", "building communities"},
	"did":      {"grew our newsletter from 4,000 to 19,000 subscribers", "led a team of four through a CMS migration", "cut response times by a third"},
	"code":     {"read a CSV and skip the header", "reverse a string", "send an email from a script", "parse a date like 12/05/2026", "remove duplicates from a list"},
	"lang":     {"Python", "JavaScript", "Excel", "Go", "R", "bash"},
	"book":     {"Middlemarch", "The Remains of the Day", "Things Fall Apart", "One Hundred Years of Solitude", "Pachinko"},
	"language": {"Spanish", "French", "German", "Italian", "Japanese", "Portuguese"},
	"phrase":   {"Could we move the meeting to Thursday?", "Thank you for your hospitality", "Where is the nearest pharmacy?", "I'm allergic to peanuts"},
	"subject":  {"fractions", "reading comprehension", "chemistry", "French"},
	"hobby":    {"birdwatching", "baking bread", "cycling", "board games", "pottery"},
	"plain":    {"I think maybe I could possibly help with the project if that's ok", "Sorry to bother you, but I was wondering if the report is done"},
	"colour":   {"red", "orange", "pink"},
	"claim":    {"you lose most of your body heat through your head", "bananas are radioactive", "goldfish have a three-second memory", "lightning never strikes the same place twice"},
}

// personalSlotNames is personalSlots' keys in a fixed order, so that the
// draws do not depend on map iteration.
var personalSlotNames = func() []string {
	var ks []string
	for k := range personalSlots {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}()

func personalTask(r *rand.Rand) task {
	v := map[string]string{}
	for _, k := range personalSlotNames {
		v[k] = pick(r, personalSlots[k])
	}
	s := newStory(r)
	v["city"], v["topic"] = s.c.name, s.t.name
	u := fill(pick(r, personalTemplates), v)
	if r.IntN(3) == 0 {
		u = lowerCasual(u)
	}
	t := task{kind: "personal", user: u, maxTok: pick(r, []int{0, 1024, 2048, 4096})}
	t.reply = func(r *rand.Rand) string {
		return pick(r, []string{"Sure! Here are a few ideas:\n\n1. ", "Good question. ", "Here's a draft:\n\n"}) + s.paragraph(r, 1)
	}
	for range r.IntN(3) {
		t.follow = append(t.follow, pick(r, []string{
			"thanks! can you make it shorter", "What about for two people?", "Can you explain the second point more?",
			"ok but cheaper", "Great, and in a friendlier tone?", "That doesn't look right, are you sure?", "perfect thank you",
			"Could you put that in a table?", "what if I only have 20 minutes a day",
		}))
	}
	return t
}
