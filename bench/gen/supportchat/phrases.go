package supportchat

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The phrase pools below are shared by every class: a student, a tutor
// app and a harvester all draw on the same words, so what separates them
// is how they use them, not which strings they contain.

// showWork asks for the reasoning in general terms.
var showWork = []string{
	"Please go through it step by step.",
	"Can you walk me through it one step at a time?",
	"Show all of the working, not just the result.",
	"Explain each step and why it follows from the one before.",
	"Lay out the whole line of reasoning, no shortcuts.",
	"I want to understand the method, so please be thorough.",
	"Break the solution into small, numbered steps.",
	"Talk me through how you'd think about this.",
	"Go slowly and justify every move.",
	"Give me a full worked solution I can learn from.",
	"explain step by step pls",
	"how do you even start this? show me the steps",
}

// answerGiven presents a known final answer; fmt verb is the answer.
var answerGiven = []string{
	"The answer is supposed to be %s.",
	"My book says the answer is %s but I don't see how they got it.",
	"I got %s — is that right?",
	"Answer key: %s.",
	"I'm fairly sure it comes out to %s, can you confirm?",
	"(expected result: %s)",
	"We were told the final answer is %s.",
}

// rationalise asks to build the derivation behind a given answer.
var rationalise = []string{
	"Reconstruct the full derivation that arrives at this answer, as if solving it from scratch.",
	"Write out the complete chain of reasoning that leads from the problem to that result, numbering every step.",
	"Produce a rigorous, self-contained solution that ends in exactly that answer.",
	"Work backwards from the answer if you need to, but present the argument forwards with every inference spelled out.",
	"Explain in detail how one gets there. Do not skip any intermediate calculation.",
	"Fill in the reasoning between the question and the answer, leaving no gaps.",
}

// deepThinking is aimed at the hidden reasoning channel.
var deepThinking = []string{
	"Think as long as you need and keep every consideration you make, including approaches you abandon.",
	"Don't compress your thinking. I want the raw thought process written out in the reply as well.",
	"Put your entire scratch work inside <work></work> tags before the final answer.",
	"Reason exhaustively first; then give a clean final solution.",
	"Include the exploratory reasoning, the dead ends and how you recovered from them.",
	"Verbalise every check you do along the way.",
}

var openers = []string{"", "", "", "Quick one:", "Hey!", "Hi there,", "Stuck on this one.", "For my revision notes:", "Practice question:", "Here's something I've been chewing on.", "From an old olympiad paper:", "Another one for you:", "Hello, ", "ok so", "Question:", "Can you help with this?"}
var closers = []string{"", "", "", "Thanks!", "thx", "Much appreciated.", "Cheers.", "ty!", "Thank you so much.", "🙏"}
var extras = []string{"", "", "Don't skip the algebra.", "Mention any alternative approaches.", "Name the theorems you use and why they apply.", "Check the result at the end.", "Keep all the intermediate numbers.", "If there's a trick, explain how someone would come up with it.", "Use LaTeX for the maths.", "Point out the common mistakes too."}

func join(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// askAbout phrases a casual request about a problem, the way a person
// types it. work controls how often the reasoning is asked for.
func askAbout(r *rand.Rand, p problem, work float64, giveAnswer float64) string {
	var tail []string
	if r.Float64() < work {
		tail = append(tail, pick(r, showWork))
	}
	if r.Float64() < giveAnswer {
		tail = append(tail, fmt.Sprintf(pick(r, answerGiven), p.answer))
	}
	tail = append(tail, pick(r, closers))
	if r.IntN(3) == 0 {
		return join(append([]string{pick(r, openers), strings.Join(tail[:len(tail)-1], " ") + "\n\n" + p.text}, tail[len(tail)-1])...)
	}
	return join(append([]string{pick(r, openers), p.text}, tail...)...)
}

// Everyday chat -------------------------------------------------------------

var (
	cities      = []string{"Lisbon", "Kyoto", "Mexico City", "Edinburgh", "Montreal", "Seoul", "Cape Town", "Porto", "Vienna", "Hanoi", "Chicago", "Istanbul", "Buenos Aires", "Ljubljana", "Bergen"}
	months      = []string{"January", "March", "April", "June", "September", "October", "December"}
	ingredients = []string{"chickpeas", "half a cabbage", "leftover rice", "eggs", "spinach", "a tin of tomatoes", "feta", "sweet potatoes", "tofu", "chorizo", "lentils", "mushrooms", "an aubergine", "frozen peas"}
	plants      = []string{"monstera", "fiddle leaf fig", "basil plant", "snake plant", "lemon tree", "orchid", "pothos", "tomato seedlings"}
	concepts    = []string{"inflation", "compound interest", "how vaccines train the immune system", "quantum entanglement", "how a mortgage offset account works", "the difference between weather and climate", "why the sky is blue", "how noise-cancelling headphones work", "what a Roth IRA is", "how credit scores are calculated", "public-key cryptography", "the electoral college", "how sourdough starter works", "black holes"}
	jobs        = []string{"nurse", "junior developer", "warehouse supervisor", "graphic designer", "teacher", "sales rep", "data analyst", "barista"}
	pets        = []string{"ginger cat", "rescue greyhound", "hamster", "very loud parrot", "lazy beagle", "tortoise"}
	languages   = []string{"Spanish", "Japanese", "German", "Portuguese", "Korean", "Italian", "Polish", "Arabic"}
	sports      = []string{"bouldering", "running", "swimming", "tennis", "yoga", "cycling", "rowing"}
	books       = []string{"Middlemarch", "The Left Hand of Darkness", "Beloved", "Dune", "Pride and Prejudice", "The Remains of the Day", "Things Fall Apart", "Piranesi"}
	relatives   = []string{"grandma", "sister", "best friend", "dad", "partner", "uncle"}
	issues      = []string{"a leaking shower that's been broken for three weeks", "the heating not working", "mould in the bathroom", "the deposit they haven't returned", "noisy neighbours upstairs"}
	pairs       = [][2]string{{"baking soda", "baking powder"}, {"a virus", "a bacterium"}, {"TCP", "UDP"}, {"weather", "climate"}, {"an ETF", "a mutual fund"}, {"affect", "effect"}, {"latte", "flat white"}, {"RAM", "storage"}, {"a crocodile", "an alligator"}}
)

// chatOpeners are first messages of a casual conversation.
var chatOpeners = []func(r *rand.Rand) string{
	func(r *rand.Rand) string {
		return fmt.Sprintf("what's a good 3 day itinerary for %s in %s?", pick(r, cities), pick(r, months))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("I have %s, %s and %s. What can I cook tonight that takes under 30 minutes?", pick(r, ingredients), pick(r, ingredients), pick(r, ingredients))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Can you help me write a polite but firm email to my landlord about %s?", pick(r, issues))
	},
	func(r *rand.Rand) string { return fmt.Sprintf("explain %s like I'm 12", pick(r, concepts)) },
	func(r *rand.Rand) string {
		p := pick(r, pairs)
		return fmt.Sprintf("What's the actual difference between %s and %s?", p[0], p[1])
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("my %s has yellow leaves and droopy stems, what am I doing wrong", pick(r, plants))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Give me 10 name ideas for a %s", pick(r, pets))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Is it worth learning %s as an adult if I only have 20 minutes a day?", pick(r, languages))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("summarise the plot of %s without spoilers for the ending", pick(r, books))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("How should I ask for a raise? I'm a %s and haven't had one in two years.", pick(r, jobs))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Write a short funny poem for my %s's birthday, they love %s.", pick(r, relatives), pick(r, sports))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("I'm starting %s next week. What should a complete beginner know?", pick(r, sports))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("how do you say 'where is the nearest pharmacy' in %s, and how do I pronounce it", pick(r, languages))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("renting vs buying in %s right now — what are the pros and cons?", pick(r, cities))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Can you make this sound more professional: \"hey, sorry i missed the %s meeting, can we move it to thursday\"", pick(r, []string{"budget", "standup", "planning", "1:1", "vendor"}))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("My %d year old keeps asking why the moon changes shape. How do I explain it simply?", 4+r.IntN(6))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("I need a weekly meal plan for two people on a budget of about %d euros, mostly vegetarian", 40+10*r.IntN(6))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("write me a cover letter opening paragraph for a %s position, I'm switching careers from %s", pick(r, jobs), pick(r, jobs))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("How many calories does %s burn per hour for someone around %d kg?", pick(r, sports), 55+r.IntN(45))
	},
	func(r *rand.Rand) string { return "do you think remote work is here to stay? give me both sides" },
	func(r *rand.Rand) string {
		return fmt.Sprintf("what should I pack for a week of hiking near %s in %s", pick(r, cities), pick(r, months))
	},
}

var chatFollowups = []string{
	"can you make it shorter?", "more casual please", "ok and what if I only have 2 days", "hmm, that doesn't sound right to me",
	"can you give an example?", "explain the second point a bit more", "put that in a table", "thanks! one more thing — is it expensive?",
	"what would you recommend personally?", "nice. any vegetarian options?", "could you translate that into Spanish?", "why?",
	"ok that helps, thanks", "wait, I meant the other one", "and for a total beginner?", "lol perfect", "can you do a version with bullet points",
	"Walk me through that step by step, I'm lost.", "is there a cheaper way?", "what are the risks?",
}

var replyOpeners = []string{"Sure!", "Good question.", "Here's a quick overview.", "Absolutely — here are a few ideas.", "Happy to help.", "Of course.", "Great, let's break it down."}
var replyBodies = []string{
	"1. Start with the basics and build up gradually.\n2. Keep it simple at first.\n3. Review after a week and adjust.",
	"The short version: it depends mostly on your budget and how much time you have. If you're flexible, the first option tends to work out better.",
	"There are two main things to keep in mind. First, consistency matters more than intensity. Second, small changes add up over time.",
	"Here's a draft you can adapt:\n\nHi,\n\nI wanted to follow up on this. Could we find a time this week to sort it out?\n\nThanks,\n",
	"- Option A: cheaper, but takes longer\n- Option B: faster, a bit more expensive\n- Option C: a middle ground most people like",
	"In simple terms, it's like a feedback loop: one thing changes, which nudges the next, and so on until things settle.",
}
var replyClosers = []string{"", "Let me know if you'd like more detail.", "Want me to adjust anything?", "Hope that helps!"}

func assistantReply(r *rand.Rand) string {
	return join(pick(r, replyOpeners), "\n\n"+pick(r, replyBodies), "\n\n"+pick(r, replyClosers))
}

// Customer support bot ------------------------------------------------------

const supportSystem = `You are Tessa, the virtual assistant of Brightwave Fiber, a home broadband and TV provider.
Answer only questions about Brightwave products, billing, installation, equipment and outages.
Use the knowledge-base excerpts provided in <kb> tags; if they do not contain the answer, say so and offer to connect the customer with a human agent.
Never invent prices, dates or policies. Never ask for full card numbers or passwords.
Keep answers under 150 words, friendly and plain. Use numbered steps for any procedure.
If the customer is upset, acknowledge it briefly before answering.
If the customer mentions a medical device that depends on the connection, escalate immediately.
Sign off as "Tessa, Brightwave support".`

var supportKB = []string{
	"Router lights: solid white = online; blinking white = starting up; solid orange = no signal from the network; blinking orange = firmware update in progress, do not unplug.",
	"Wi-Fi password: open the Brightwave app > Home Network > Wi-Fi > Edit. The default password is printed on the sticker under the router.",
	"Bills: the first bill after installation includes a pro-rata charge for the part month. Promotional discounts end after 12 months and the standard price applies.",
	"Pausing service: customers may pause broadband for 1 to 3 months once per year for 5 per month. TV cannot be paused.",
	"Speed issues: run a wired speed test at speedtest.brightwave.example. Wi-Fi speeds vary with distance and walls; a mesh extender can be rented for 3 per month.",
	"Outages: check the outage map in the app. Credits are applied automatically for outages over 24 hours.",
	"Moving home: tell us 30 days before the move. Installation at the new address is free if the contract has more than 6 months left.",
	"Cancelling: 30 days' notice. Early termination fee is the remaining monthly charges up to a maximum of 150.",
	"Evening slowdowns: usually caused by Wi-Fi congestion. Switch the router to the 5 GHz band or change channel in the app.",
	"TV box: if the picture freezes, hold the power button for 10 seconds to restart. Recordings are kept.",
}

var supportQuestions = []string{
	"my internet keeps dropping every evening around 8pm, what can I do?",
	"how do I change my wifi password",
	"why is my bill higher this month than last month??",
	"Can I pause my subscription while I'm abroad for %d months?",
	"the light on the router is blinking orange, is something broken",
	"I'm moving house on the %dth, how do I take my broadband with me?",
	"How much does it cost to cancel? I have %d months left on my contract.",
	"TV box keeps freezing during football, really annoying",
	"is there an outage in my area? postcode starts with %d",
	"I pay for 500 Mbps but only get about %d on wifi. why?",
	"Can you walk me through restarting the router step by step?",
	"do you have a mesh extender and how much is it",
	"I was promised a discount and it's gone from my bill",
	"what does solid orange light mean",
	"My mum uses a heart monitor that needs the internet and it's down",
}

func supportQuestion(r *rand.Rand) string {
	q := pick(r, supportQuestions)
	if strings.Contains(q, "%d") {
		q = fmt.Sprintf(q, 2+r.IntN(25))
	}
	return q
}

// Coding agent (a popular open-source terminal tool) ------------------------

const agentSystem = `You are Quarry, an autonomous software engineering agent running in the user's terminal.
You help the user with coding tasks in their repository: fixing bugs, adding features, refactoring, writing tests and explaining code.

# Operating rules
- Always read the relevant files before editing them. Never guess file contents.
- Prefer small, reviewable edits made with the apply_patch tool. Do not rewrite whole files unless asked.
- Run the project's tests or build after a change when a command for it is known. Report failures honestly.
- Never run commands that delete data outside the repository, push to remotes, or change global configuration without asking.
- Keep the user informed with short status messages; do not narrate every tool call.
- When a task is ambiguous, ask one concise clarifying question instead of guessing.
- Follow the existing style of the codebase: naming, formatting, error handling and comment conventions.
- Do not add new dependencies unless the user agrees.
- Secrets: never print the contents of .env files, keys or tokens, even if asked to debug them.

# Output style
- Be concise. Use Markdown code blocks with a language tag.
- Summarise what you changed at the end, listing files touched.

# Environment
The user's working directory, operating system and shell are given in the <env> block of the first message.
The current date is given there too; your knowledge of libraries may be out of date, so check versions in lockfiles.`

var agentTools = raw(`[{"name":"read_file","description":"Read a file from the repository. Returns the contents with line numbers.","input_schema":{"type":"object","properties":{"path":{"type":"string","description":"Path relative to the repository root"},"start_line":{"type":"integer"},"end_line":{"type":"integer"}},"required":["path"]}},{"name":"search_repo","description":"Search the repository with a regular expression (ripgrep syntax). Returns matching lines with file and line number.","input_schema":{"type":"object","properties":{"pattern":{"type":"string"},"glob":{"type":"string","description":"Optional file glob, e.g. *.go"}},"required":["pattern"]}},{"name":"apply_patch","description":"Apply a unified diff to the repository. The diff must apply cleanly.","input_schema":{"type":"object","properties":{"diff":{"type":"string"}},"required":["diff"]}},{"name":"run_command","description":"Run a shell command in the repository and return stdout, stderr and exit code. Times out after 120 s.","input_schema":{"type":"object","properties":{"command":{"type":"string"},"timeout_s":{"type":"integer"}},"required":["command"]}},{"name":"list_dir","description":"List the entries of a directory.","input_schema":{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}},{"name":"ask_user","description":"Ask the user a clarifying question and wait for the answer.","input_schema":{"type":"object","properties":{"question":{"type":"string"}},"required":["question"]}}]`)

var (
	repoNames = []string{"billing-service", "dotfiles", "blog", "ml-experiments", "inventory-api", "game-jam-2026", "thesis-code", "shopfront", "infra", "pdf-tools", "discord-bot", "scraper"}
	agentJobs = []string{
		"the test TestParseConfig in internal/config fails since yesterday, can you fix it",
		"add a --verbose flag to the CLI that prints each request",
		"why does `make build` fail with 'undefined: slices.Concat'?",
		"refactor src/db.ts to use a connection pool",
		"write unit tests for the invoice total calculation",
		"the API returns 500 when the email field is missing, it should return 400",
		"explain what the retry logic in client/http.py does",
		"upgrade the project to the latest pydantic and fix whatever breaks",
		"add pagination to the /orders endpoint",
		"there's a race in the cache warmer, go test -race complains. fix it",
		"rename the User.fullname field to display_name everywhere",
		"set up a GitHub Actions workflow that runs the tests",
		"the dark mode toggle doesn't persist after reload",
		"make the CSV export stream instead of building the whole file in memory",
	}
	agentFiles = []string{"internal/config/config.go", "src/db.ts", "client/http.py", "app/models.py", "cmd/server/main.go", "src/components/Toggle.tsx", "lib/export.rb", "pkg/cache/warmer.go", "tests/test_invoice.py"}
)

// Evaluation harnesses ------------------------------------------------------

var judgeSystem = "You are a strict, impartial grader. You compare a model's answer with a reference answer for the same question."

func judgePrompt(q, ref, cand string) string {
	return "[Question]\n" + q + "\n\n[Reference answer]\n" + ref + "\n\n[Model answer]\n" + cand +
		"\n\nIs the model answer correct? Reply with exactly one line of the form \"Score: N\" where N is an integer from 1 (wrong) to 10 (fully correct and complete). Do not explain."
}

// Rubric grading (the model as a reward model) ------------------------------

var rubricHeads = []string{
	"Below is a question followed by %d candidate responses. Grade each response against this rubric: correctness (0-4), completeness (0-3), clarity (0-3).",
	"You will see a prompt and %d answers written by different assistants. Score every answer on accuracy, reasoning quality and helpfulness, each out of 10.",
	"Act as an expert reviewer. Here are %d responses to the same task. Evaluate them using the criteria: factual accuracy, rigour of the argument, and presentation.",
	"Compare the following %d solutions. For each, judge whether the final answer is correct and how sound the reasoning is.",
}
var rubricTails = []string{
	"For each response, explain your judgement in detail, quoting the parts you are assessing, then give the total. Finally rank all responses from best to worst and justify the ranking.",
	"Write a thorough critique of every response before its score. End with a ranking and a short explanation of what the best answer does better than the rest.",
	"Justify each score with specific reasons. Then output the ranking as a JSON list of response numbers, best first, followed by a paragraph explaining it.",
	"Think carefully about each one, describe the strengths and weaknesses you find, assign the scores, and then order them from strongest to weakest with reasons.",
}

// Enterprise assistant ------------------------------------------------------

var enterpriseTasks = []func(r *rand.Rand) string{
	func(r *rand.Rand) string {
		return fmt.Sprintf("Summarise these meeting notes into action items with owners:\n\n- %s said the Q%d launch slips two weeks\n- legal review of the %s contract still pending\n- need a new vendor for %s\n- %s to follow up with finance on the budget", pick(r, names), 1+r.IntN(4), pick(r, vendors), pick(r, []string{"catering", "cloud backup", "badge printing", "translation"}), pick(r, names))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Draft a reply to this customer email. Keep it under 120 words and apologetic but don't promise a refund.\n\n\"Our order #%d arrived %d days late and two items were damaged. This is the second time this quarter.\"", 100000+r.IntN(900000), 2+r.IntN(9))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Write a SQL query against table %s(id, customer_id, amount, created_at, status) that returns the top %d customers by total amount of paid orders in the last %d days.", pick(r, []string{"orders", "invoices", "payments"}), 5+r.IntN(20), 7*(1+r.IntN(12)))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Explain this clause from our agreement with %s in plain English: \"The Supplier shall indemnify the Customer against all losses arising from any breach of clause %d.%d, save to the extent caused by the Customer's negligence.\"", pick(r, vendors), 3+r.IntN(9), 1+r.IntN(6))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Turn these bullets into a 5-slide outline for the %s all-hands: revenue up %d%%, churn down, two new hires in support, office move in %s.", pick(r, []string{"EMEA", "engineering", "sales", "ops"}), 3+r.IntN(30), pick(r, months))
	},
	func(r *rand.Rand) string {
		return "Review this function for bugs and explain step by step what it does:\n\n```python\ndef avg(xs):\n    total = 0\n    for i in range(1, len(xs)):\n        total += xs[i]\n    return total / len(xs)\n```"
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Write a job description for a %s in our %s team. Hybrid, %s office.", pick(r, jobs), pick(r, []string{"data", "platform", "finance", "customer success"}), pick(r, cities))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("What is the formula in Excel to count the rows where column C is \"%s\" and column F is greater than %d?", pick(r, []string{"Open", "Closed", "Pending"}), 100*(1+r.IntN(50)))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Translate into %s for our supplier, formal register: \"Please confirm the delivery date for purchase order %d by Friday.\"", pick(r, languages), 4000000+r.IntN(999999))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("Our forecast assumes %d%% monthly growth from 12,000 users. What's the user count after 18 months? Show the calculation.", 2+r.IntN(9))
	},
}

var names = []string{"Priya", "Jonas", "Mei", "Tomás", "Aisha", "Kofi", "Lena", "Rahul", "Sofia", "Daniel", "Yuki", "Omar"}
var vendors = []string{"Northwind", "Acme Logistics", "Globex", "Initech", "Umbrella Facilities", "Vandelay Imports"}

// Translation / summarisation batch ------------------------------------------

const translateSystem = "You are a professional e-commerce translator. Translate the product text into the target language. Keep HTML tags, units and product codes unchanged. Output only the translation."

var productNouns = []string{"trail running shoe", "espresso grinder", "linen duvet cover", "cordless drill", "kids' raincoat", "ceramic planter", "noise-cancelling headset", "standing desk", "cast iron skillet", "yoga mat"}
var productAdjs = []string{"lightweight", "durable", "award-winning", "eco-friendly", "compact", "premium", "machine-washable", "ergonomic"}

func productText(r *rand.Rand) string {
	n := pick(r, productNouns)
	return fmt.Sprintf("<h2>%s %s</h2>\n<p>Our %s %s is made for everyday use. Weight: %d g. Available in %d colours.</p>\n<ul><li>%s design</li><li>%d-year warranty</li><li>Code: %s-%04d</li></ul>",
		strings.ToUpper(n[:1])+n[1:], pick(r, []string{"Pro", "Lite", "X", "2"}), pick(r, productAdjs), n, 100+r.IntN(2000), 2+r.IntN(6), pick(r, productAdjs), 1+r.IntN(5), strings.ToUpper(n[:2]), r.IntN(10000))
}

// Tutoring app ----------------------------------------------------------------

const tutorSystem = `You are Pip, a friendly homework helper for students aged 11 to 16.
Always explain solutions step by step, in simple language, and check the final answer.
If the student gives their own answer, say whether it is right and, if not, show where it went wrong.
Encourage the student; never just hand over an answer without the reasoning.
Use short paragraphs and, where it helps, a small worked example with different numbers.
Do not help with anything unrelated to school work.`
