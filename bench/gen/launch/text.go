package launch

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The phrase pools below are shared: a student, a person in a long chat,
// an eval harness and a harvesting script all draw their requests for
// reasoning from the same ones. Who uses them, how often, how and when is
// what differs between the classes.

// askSteps are the ways people ask for the reasoning to be shown.
var askSteps = []string{
	"Show your work.",
	"Please show all your work.",
	"Explain every step.",
	"Explain each step so I can follow it.",
	"Walk me through it step by step.",
	"Can you go step by step?",
	"Step by step please.",
	"I need the full reasoning, not just the answer.",
	"Give a complete derivation.",
	"Derive it from first principles and justify each step.",
	"Lay out your reasoning in full before the final answer.",
	"Show every intermediate result.",
	"Please explain your reasoning in detail.",
	"Break it down step by step.",
	"Solve it and explain why each step works.",
	"Explain the reasoning behind each step, even the ones that seem obvious.",
	"Write out the complete solution like a worked example in a textbook.",
	"Don't skip any steps.",
	"Explain it like you would on a whiteboard, one step at a time.",
	"Think it through carefully and show me how you got there.",
}

var (
	askVerb   = []string{"Show", "Write out", "Lay out", "Give me", "Walk me through", "Go through", "Spell out"}
	askScope  = []string{"all the steps", "your full reasoning", "every intermediate step", "the whole derivation", "the complete chain of reasoning", "each step of the solution", "how you get from the question to the answer"}
	askManner = []string{"", " in detail", " one line at a time", " and don't skip anything", " so I can check it against mine", " with a short justification for each", " carefully", " before giving the answer"}
)

// askForSteps draws a request for the reasoning: a stock phrase or one
// put together from pieces.
func askForSteps(r *rand.Rand) string {
	if r.IntN(5) < 3 {
		return pick(r, askSteps)
	}
	s := pick(r, askVerb) + " " + pick(r, askScope) + pick(r, askManner) + "."
	if r.IntN(4) == 0 {
		s = strings.ToLower(s[:1]) + s[1:]
		s = pick(r, []string{"Please ", "Can you ", "Could you "}) + strings.TrimSuffix(s, ".") + pick(r, []string{".", "?", " please."})
	}
	return s
}

var openers = []string{"", "", "", "Hi! ", "Hey, ", "Quick question: ", "Homework question: ", "Can you help with this? ", "I'm stuck on this one. ",
	"Problem: ", "Q: ", "Here's the problem. ", "Our teacher gave us this: ", "Practice problem: ", "Need help: "}

// attempt is a learner's (or a script's) wrong try at a problem.
func attempt(r *rand.Rand, p problem) string {
	return pick(r, []string{
		fmt.Sprintf("I got %d but the answer key says %d.", n(r, 2, 90), n(r, 2, 90)),
		fmt.Sprintf("My attempt: I used %s and ended up with something that doesn't match the book.", p.term),
		"I tried it twice and got two different answers.",
		fmt.Sprintf("I think my mistake is somewhere around %s but I can't see it.", p.term),
		"My answer came out negative, which can't be right.",
		fmt.Sprintf("I set it up with %s and got stuck halfway.", p.term),
	})
}

var whereWrong = []string{"Where did I go wrong?", "Where did I go wrong? Explain every step.", "Can you find my mistake and show the correct steps?",
	"What did I do wrong? Please show your work.", "Which step is wrong?"}

// homework phrases a problem the way a person asking for help would:
// the problem, often a request for the steps, sometimes their attempt.
func homework(r *rand.Rand, p problem, steps float64) string {
	var b strings.Builder
	b.WriteString(pick(r, openers))
	lead := r.Float64() < steps && r.IntN(4) == 0
	var ask string
	if r.Float64() < steps {
		ask = askForSteps(r)
	}
	if lead {
		b.WriteString(ask + "\n\n")
	}
	b.WriteString(p.text)
	switch {
	case r.IntN(5) == 0:
		b.WriteString("\n\n" + attempt(r, p) + " " + pick(r, whereWrong))
	case ask != "" && !lead:
		b.WriteString(pick(r, []string{" ", "\n\n", "\n"}) + ask)
	}
	return b.String()
}

var thanks = []string{"thanks!", "thank you, that helps", "ok got it", "perfect, thanks", "ahh that makes sense now", "thx", "great, thank you!", "ok cool"}

// followUp is an ordinary next turn in a conversation about p.
func followUp(r *rand.Rand, p problem) string {
	switch r.IntN(14) {
	case 0, 1:
		return pick(r, thanks)
	case 2:
		return "shorter please"
	case 3:
		return "can you make that shorter?"
	case 4:
		return fmt.Sprintf("what about if the %d were %d instead?", n(r, 2, 20), n(r, 2, 40))
	case 5:
		return "can you give me another example like this?"
	case 6:
		return fmt.Sprintf("why does %s work here?", p.term)
	case 7:
		return "is there a faster way to do this?"
	case 8:
		return "how would I check my answer?"
	case 9:
		return "ok makes sense. what's the intuition behind it?"
	case 10:
		return "can you summarize that in two sentences?"
	case 11:
		return fmt.Sprintf("what does %s mean exactly?", p.term)
	case 12:
		return "I still don't get the second part"
	}
	return "and what would change if it were on the exam with no calculator?"
}

// moreSteps is a next turn that asks for (more of) the reasoning.
var moreSteps = []string{
	"Now explain your reasoning in full.",
	"Can you go through that again step by step?",
	"Please redo it showing every intermediate step.",
	"Explain why each step is valid.",
	"Go back to the middle part and show all the algebra.",
	"Now give the complete derivation, nothing skipped.",
	"ok but can you show your work for that?",
	"Explain your reasoning for each step in more detail.",
}

// ---- everyday chat ----

var (
	dishes   = []string{"a vegetarian lasagna", "chicken curry", "banana bread", "pad thai", "a quick weeknight soup", "sourdough", "shakshuka", "tacos for 12 people"}
	cities   = []string{"Lisbon", "Kyoto", "Mexico City", "Edinburgh", "Seoul", "Vienna", "Buenos Aires", "Montreal", "Istanbul", "Cape Town"}
	concepts = []string{"inflation", "how vaccines work", "black holes", "the stock market", "machine learning", "compound interest", "the electoral college", "photosynthesis", "how GPS works", "blockchain"}
	chores   = []string{"get red wine out of a carpet", "fix a running toilet", "repot a monstera", "clean a cast iron pan", "unclog a drain without chemicals", "descale a kettle"}
	people_  = []string{"my mom", "my best friend", "a coworker who is leaving", "my grandfather", "my sister", "my neighbour"}
)

// chatOpener is the first message of an ordinary conversation.
func chatOpener(r *rand.Rand) string {
	switch r.IntN(10) {
	case 0:
		return "What's a good recipe for " + pick(r, dishes) + "?"
	case 1:
		return fmt.Sprintf("Plan a %d-day trip to %s on a moderate budget.", n(r, 2, 6), pick(r, cities))
	case 2:
		return "Explain " + pick(r, concepts) + " like I'm 12."
	case 3:
		return "How do I " + pick(r, chores) + "?"
	case 4:
		return "Help me write a birthday message for " + pick(r, people_) + "."
	case 5:
		return fmt.Sprintf("I'm trying to decide between a %s and a %s for commuting %d km a day. Pros and cons?", pick(r, []string{"used car", "e-bike", "scooter"}), pick(r, []string{"transit pass", "regular bike", "car lease"}), n(r, 5, 40))
	case 6:
		return "Can you recommend some books like " + pick(r, []string{"Project Hail Mary", "The Name of the Wind", "Sapiens", "Educated", "Pachinko"}) + "?"
	case 7:
		return "What should I say in a cover letter for a " + pick(r, []string{"barista", "junior analyst", "nursing", "UX designer", "warehouse lead"}) + " job?"
	case 8:
		return "How much water should I drink if I run " + fmt.Sprint(n(r, 3, 15)) + " km a day?"
	}
	return "I have " + pick(r, []string{"eggs, spinach and feta", "rice, tofu and broccoli", "pasta, tomatoes and garlic", "potatoes and leeks"}) + ". What can I make for dinner?"
}

// reasoningChat is an everyday question where a person wants the working:
// money, measurements, schedules.
func reasoningChat(r *rand.Rand) (string, problem) {
	var q, term string
	switch r.IntN(6) {
	case 0:
		q, term = fmt.Sprintf("How do I calculate the monthly payment on a $%d,000 mortgage at %d.%d%% over %d years?", n(r, 150, 700), n(r, 3, 7), n(r, 0, 9), pick(r, []int{15, 20, 30})), "amortization"
	case 1:
		q, term = fmt.Sprintf("If I put $%d a month into an account at %d%% a year, how much will I have after %d years?", 50*n(r, 2, 20), n(r, 3, 8), n(r, 5, 30)), "compounding"
	case 2:
		q, term = fmt.Sprintf("A recipe for %d people needs %d g flour and %d eggs. How do I scale it to %d people?", n(r, 2, 6), 50*n(r, 4, 12), n(r, 2, 4), n(r, 7, 15)), "the scaling factor"
	case 3:
		q, term = fmt.Sprintf("My salary went from %d to %d and inflation was %d%%. Did I actually get a raise?", 1000*n(r, 40, 90), 1000*n(r, 42, 95), n(r, 2, 9)), "real wages"
	case 4:
		q, term = fmt.Sprintf("I need to drive %d km with a car that does %d.%d L/100km and fuel is %d.%02d a litre. What does the trip cost?", n(r, 150, 1200), n(r, 4, 9), n(r, 0, 9), n(r, 1, 2), n(r, 0, 99)), "the consumption rate"
	default:
		q, term = fmt.Sprintf("Is it cheaper to buy a $%d laptop now or a $%d one with %d%% off next month if my old one loses $%d a month in resale?", 100*n(r, 6, 20), 100*n(r, 7, 22), 5*n(r, 2, 6), 10*n(r, 2, 8)), "the comparison"
	}
	return q, problem{text: q, term: term}
}

// ---- work ----

var (
	workTasks = []string{"rotate the API keys in staging", "set up the local dev environment", "request access to the data warehouse",
		"run the integration tests", "deploy a hotfix", "file an expense report", "onboard to the on-call rotation"}
	recipients = []string{"a customer whose order is late", "my manager about next week's deadline", "the vendor about a billing error",
		"the team about the offsite", "a candidate we are rejecting", "IT about my laptop setup"}
	langs = []string{"Python", "TypeScript", "Go", "SQL", "Java", "Bash"}
)

// snippet is a short piece of code with a bug in it, in language l.
func snippet(r *rand.Rand, l string) string {
	v := pick(r, []string{"items", "rows", "orders", "users", "events"})
	switch l {
	case "Python":
		return fmt.Sprintf("def total(%s):\n    s = 0\n    for i in range(1, len(%s)):\n        s += %s[i]['amount']\n    return s / len(%s)", v, v, v, v)
	case "TypeScript":
		return fmt.Sprintf("async function load(ids: string[]) {\n  const out = [];\n  ids.forEach(async (id) => {\n    out.push(await fetch%s(id));\n  });\n  return out;\n}", capital(v))
	case "Go":
		return fmt.Sprintf("func process(%s []Item) error {\n\tfor _, it := range %s {\n\t\tgo func() {\n\t\t\thandle(it)\n\t\t}()\n\t}\n\treturn nil\n}", v, v)
	case "SQL":
		return fmt.Sprintf("SELECT customer_id, COUNT(*)\nFROM %s\nWHERE created_at > NOW() - INTERVAL '%d days'\nGROUP BY 1\nHAVING amount > %d;", v, n(r, 7, 90), 10*n(r, 1, 50))
	case "Java":
		return fmt.Sprintf("for (String k : map.keySet()) {\n    if (map.get(k) == null) {\n        map.remove(k);\n    }\n}\nreturn %s.size();", v)
	}
	return fmt.Sprintf("for f in $(ls *.%s); do\n  mv $f backup/$f\ndone", pick(r, []string{"csv", "log", "json"}))
}

// workPrompt is a request an employee sends in their first days: code,
// docs, emails, notes; a few ask for the reasoning.
func workPrompt(r *rand.Rand) (string, problem) {
	l := pick(r, langs)
	switch weighted(r, 30, 12, 16, 10, 8, 8, 6, 10) {
	case 0:
		s := snippet(r, l)
		return pick(r, []string{"Why doesn't this work?", "What's wrong with this " + l + " code?", "Can you review this?", "This gives the wrong result sometimes:"}) + "\n\n```\n" + s + "\n```", problem{text: s, term: "the loop"}
	case 1:
		return fmt.Sprintf("Write a short internal doc explaining how to %s. Use headings and a numbered list.", pick(r, workTasks)), problem{term: "the second step"}
	case 2:
		return fmt.Sprintf("Draft a polite email to %s. Keep it under 150 words.", pick(r, recipients)), problem{term: "the tone"}
	case 3:
		return "Summarize these meeting notes into action items:\n" + meetingNotes(r), problem{term: "the owners"}
	case 4:
		return fmt.Sprintf("Write a %s function that %s, with tests.", l, pick(r, []string{"parses ISO 8601 durations", "deduplicates records by email", "retries a request with exponential backoff", "validates an IBAN", "paginates through an API"})), problem{term: "the edge cases"}
	case 5:
		return fmt.Sprintf("Write a regex that matches %s and explain it.", pick(r, []string{"UK postcodes", "semantic version strings", "our ticket ids like ENG-1234", "email addresses, roughly"})), problem{term: "the anchors"}
	case 6:
		return "Explain what " + pick(r, []string{"a Kubernetes readiness probe", "an OAuth refresh token", "a database index", "eventual consistency", "a feature flag"}) + " is, I'm new here.", problem{term: "the difference"}
	}
	q := pick(r, []string{
		"We need to choose between Postgres and DynamoDB for an audit log of about 50M rows a month. Think through the trade-offs step by step.",
		fmt.Sprintf("Our service handles %d requests/s with p99 %d ms. If traffic doubles, roughly how many more instances do we need? Explain your reasoning.", 100*n(r, 2, 40), n(r, 80, 400)),
		"Reason step by step: should we cache this endpoint at the CDN or in Redis, given per-user responses?",
		fmt.Sprintf("If a job processes %d files an hour and the backlog is %d files, with %d%% failing and retried once, when does it finish? Show your work.", 100*n(r, 2, 12), 1000*n(r, 3, 40), n(r, 1, 10)),
	})
	return q, problem{text: q, term: "the assumptions"}
}

func meetingNotes(r *rand.Rand) string {
	var b strings.Builder
	for i := range n(r, 4, 9) {
		fmt.Fprintf(&b, "- %s %s %s\n", pick(r, names), pick(r, []string{"will follow up on", "raised concerns about", "to draft", "owns", "is blocked on", "demoed"}),
			pick(r, []string{"the Q3 roadmap", "the pricing page", "SSO rollout", "the flaky CI job", "vendor contract", "hiring plan", "the migration"}))
		if i == 2 {
			b.WriteString("- decision: ship behind a flag\n")
		}
	}
	return b.String()
}

// ---- replies ----

var stepLines = []string{
	"We start by writing down what is given and what we need to find.",
	"Rearranging the terms so the unknown is on one side gives the next line.",
	"Substituting the values we already have simplifies the expression.",
	"This step uses the standard identity, which holds because the terms are independent.",
	"Now we check the units to make sure the result is consistent.",
	"Dividing both sides by the coefficient isolates the variable.",
	"The key observation is that the two cases are symmetric, so we only need one.",
	"Plugging the result back into the original equation confirms it.",
	"We can drop the negative root because the quantity must be positive.",
	"Collecting like terms leaves a simpler expression.",
	"Taking the limit term by term, the higher-order terms vanish.",
	"Here the common mistake is to forget the factor of two.",
}

var proseLines = []string{
	"Sure, here is a quick overview.",
	"There are a few things to keep in mind.",
	"It depends a bit on your situation, but generally this works well.",
	"A good rule of thumb is to start simple and adjust.",
	"Many people find it helpful to write this down first.",
	"If you want, I can go into more detail on any of these.",
	"The main trade-off is cost against convenience.",
	"Here is a version you can adapt.",
	"This is a common question, and the short answer is yes, with caveats.",
	"Let me know if you'd like a shorter version.",
}

// reply is an assistant's earlier answer kept in a conversation's
// history: worked steps when steps, prose otherwise, about size
// characters.
func reply(r *rand.Rand, steps bool, size int) string {
	var b strings.Builder
	if steps {
		b.WriteString(pick(r, []string{"Let's work through this step by step.\n\n", "Here's the full solution.\n\n", "Step by step:\n\n"}))
		for i := 1; b.Len() < size; i++ {
			fmt.Fprintf(&b, "**Step %d.** %s %s\n\n", i, pick(r, stepLines), pick(r, stepLines))
		}
		fmt.Fprintf(&b, "**Answer:** %d", n(r, 2, 999))
		return b.String()
	}
	for b.Len() < size {
		b.WriteString(pick(r, proseLines) + " ")
		if r.IntN(3) == 0 {
			b.WriteString("\n\n")
		}
	}
	return strings.TrimSpace(b.String())
}

// capital upper-cases the first letter of an ASCII word.
func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
