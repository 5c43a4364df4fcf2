package marketplace

import (
	"fmt"
	"strings"
)

// Text. Everything that people, apps and operators write in the trace is
// drawn from the banks below: hand-written seeds, slots filled from word
// lists, and light human noise (case, punctuation, typos) where a person
// types.

// fill replaces each {key} in t by its value from kv (key, value, ...).
func fill(t string, kv ...string) string { return strings.NewReplacer(braced(kv)...).Replace(t) }

func braced(kv []string) []string {
	out := make([]string, len(kv))
	for i := range kv {
		if i%2 == 0 {
			out[i] = "{" + kv[i] + "}"
		} else {
			out[i] = kv[i]
		}
	}
	return out
}

var topics = []string{
	"photosynthesis", "the causes of the French Revolution", "how vaccines train the immune system", "plate tectonics",
	"the Byzantine Empire's economy", "inflation and interest rates", "how transistors work", "the water cycle",
	"the Treaty of Westphalia", "black holes and event horizons", "CRISPR gene editing", "the Silk Road trade routes",
	"supply and demand curves", "the Krebs cycle", "the history of the printing press", "Keynesian economics",
	"the Meiji Restoration", "how GPS determines position", "the Cold War arms race", "antibiotic resistance",
	"the structure of DNA", "monsoon climate systems", "the Ottoman Empire's decline", "quantum entanglement",
	"the Industrial Revolution in Britain", "how the stock market works", "coral reef bleaching", "the Roman Republic's constitution",
	"neural networks and backpropagation", "the Green Revolution in agriculture", "the Mughal Empire", "ocean acidification",
	"the theory of comparative advantage", "how compilers work", "the Apollo program", "the Bretton Woods system",
	"the human circulatory system", "volcanic eruptions", "the Renaissance in Florence", "game theory and the prisoner's dilemma",
	"the Haber-Bosch process", "the partition of India", "how public-key cryptography works", "the nitrogen cycle",
	"the Tang dynasty", "behavioural economics", "the special theory of relativity", "the Great Depression",
	"the immune response to viruses", "the Protestant Reformation", "how batteries store energy", "the scramble for Africa",
	"the Maya calendar", "central bank independence", "the greenhouse effect", "the Enlightenment philosophers",
	"the history of the Internet", "evolution by natural selection", "the Han dynasty civil service", "how earthquakes are measured",
}

var languages = []string{"Spanish", "French", "German", "Portuguese", "Japanese", "Korean", "Simplified Chinese", "Indonesian",
	"Vietnamese", "Arabic", "Hindi", "Turkish", "Russian", "Italian", "Polish", "Thai", "Dutch", "Swahili"}

var englishSentences = []string{
	"The meeting has been moved to Thursday afternoon because the client's flight was delayed.",
	"Please keep your receipt, as returns are only accepted within thirty days of purchase.",
	"Our team believes that small, frequent releases reduce the risk of serious outages.",
	"The museum will be closed for renovations until the end of next spring.",
	"If the symptoms persist for more than three days, you should consult a doctor.",
	"She spent the summer volunteering at a wildlife rescue centre on the coast.",
	"The new regulation requires all restaurants to display allergen information clearly.",
	"Farmers in the region have started planting drought-resistant varieties of wheat.",
	"The train to the airport leaves every fifteen minutes from platform four.",
	"Despite the heavy rain, thousands of fans gathered outside the stadium.",
	"We apologise for the inconvenience and appreciate your patience while we fix the issue.",
	"The committee postponed its decision until more data on the pilot programme is available.",
	"Learning a second language as an adult is difficult but far from impossible.",
	"The bridge, built in 1887, is one of the oldest iron structures in the country.",
	"Customers who subscribe before Friday will receive a twenty percent discount.",
	"He argued that the novel's ending was both inevitable and deeply unsatisfying.",
	"The hospital is recruiting nurses for its new paediatric intensive care unit.",
	"Scientists warn that rising sea temperatures could devastate local fisheries.",
	"Remember to back up your files before installing the operating system update.",
	"The festival celebrates the harvest with music, dancing and traditional food.",
	"Our quarterly revenue grew by eight percent, driven mainly by subscription sales.",
	"The old lighthouse keeper knew every rock along that stretch of the coast.",
	"Children under twelve must be accompanied by an adult at all times.",
	"The startup plans to expand into three new markets by the end of the year.",
	"Good sleep habits are as important for learning as hours spent studying.",
}

// knowledgeQuestions are plain questions on a topic, in several shapes.
var knowledgeForms = []string{
	"What is {t}?", "Explain {t}.", "Can you explain {t} in simple terms?", "How does {t} work?",
	"Why is {t} important?", "Give me an overview of {t}.", "What are the main ideas behind {t}?",
	"What should a student know about {t}?", "Summarize the key facts about {t}.", "What are common misconceptions about {t}?",
}

var codingAsks = []string{
	"how do I reverse a linked list in {lang}", "why does my {lang} code throw a null pointer here", "write a {lang} function that parses ISO 8601 dates",
	"what's the difference between a mutex and a semaphore", "how do I read a CSV file in {lang} and group rows by a column",
	"explain big-O of quicksort worst case", "convert this for loop to a list comprehension", "how to debounce a function in {lang}",
	"regex to validate an email address, not too strict", "how do I set up a GitHub Actions workflow for a {lang} project",
	"my docker container exits immediately, what should I check", "write a SQL query that finds the second highest salary per department",
	"how to make an HTTP request with retries in {lang}", "what is dependency injection and do I need it", "explain async/await in {lang}",
	"help me write unit tests for a function that calculates shipping cost", "why is my React component re-rendering so often",
	"how do I paginate results from a REST API in {lang}", "what does 'borrowed value does not live long enough' mean",
}

var progLangs = []string{"Python", "JavaScript", "TypeScript", "Go", "Rust", "Java", "C#", "Kotlin", "Ruby", "PHP"}

var lifeAsks = []string{
	"what can I cook with chickpeas, spinach and rice", "plan a 3 day trip to {city} on a budget", "write a polite email asking my landlord to fix the heating",
	"how do I ask for a raise without sounding entitled", "best way to learn {lang2} in 6 months", "help me write a birthday message for my grandmother",
	"is it better to pay off student loans or invest", "give me a beginner workout plan, 3 days a week", "what are good questions to ask at the end of a job interview",
	"my cat keeps scratching the sofa, what do I do", "explain the offside rule like I'm five", "write a short toast for my best friend's wedding",
	"how do I politely decline a meeting invite", "recommend some sci-fi books similar to the Expanse", "rewrite this paragraph to sound more professional: {snippet}",
	"how long should I boil an egg for a runny yolk", "what's a good name for a bakery that sells sourdough", "summarize the plot of Hamlet in five sentences",
	"help me write a cover letter for a junior data analyst role", "how do I get rid of fruit flies in the kitchen",
}

var cities = []string{"Lisbon", "Kyoto", "Mexico City", "Prague", "Seoul", "Istanbul", "Buenos Aires", "Edinburgh", "Hanoi", "Marrakech", "Vancouver", "Athens"}

var studyAsks = []string{
	"solve 3x + 7 = 22 and show the steps", "what's the derivative of x^2 sin(x)", "explain step by step how to balance this equation: Fe + O2 -> Fe2O3",
	"help me understand {t} for my exam tomorrow", "can you quiz me on {t}", "what's the difference between mitosis and meiosis",
	"how do I find the area of a triangle with sides 5, 6 and 7", "explain the causes of World War 1 in bullet points", "what is a p-value, really",
	"I don't get {t}, can you explain it with an analogy",
}

var nonEnglish = [3][]string{
	{"¿Cómo puedo mejorar mi currículum para un puesto de marketing?", "Explícame la diferencia entre ser y estar con ejemplos",
		"Qual é a melhor forma de estudar para o ENEM?", "¿Me ayudas a escribir un correo para pedir un día libre?"},
	{"Kannst du mir erklären, wie die Einkommensteuer in Deutschland funktioniert?", "Écris-moi un court poème sur l'automne à Paris",
		"Wie formuliere ich eine höfliche Absage auf eine Einladung?", "Quelles sont les causes principales de la Révolution française ?",
		"Puoi riassumere la trama dei Promessi Sposi?", "Hoe schrijf ik een goede sollicitatiebrief?"},
	{"東京で安くて美味しいラーメン屋を教えてください", "这段Python代码为什么会报错？", "영어 면접 준비를 어떻게 하면 좋을까요?",
		"日本語のメールを丁寧に書き直してください", "帮我写一份周报的模板", "明日のプレゼンの構成を考えてください"},
}

var snippets = []string{
	"we didnt finish the report because the data was late and also the team was sick",
	"the product is good but shipping took forever and nobody answered my emails",
	"I think we should maybe consider possibly moving the launch to next quarter if thats ok",
	"our app has lots of features that users like and its fast and cheap",
}

var followUps = []string{
	"can you make it shorter?", "thanks! can you give an example?", "what about the second point, can you expand?",
	"ok and how would that work in practice", "make it more formal please", "can you put that in a table", "hmm that doesn't look right, are you sure?",
	"great, now translate it to {lang2}", "why?", "can you explain that last part again more simply", "perfect. one more thing: {ask}",
	"that didn't work, I get an error: {err}", "nice. what are the downsides?", "give me 3 alternatives",
}

var errMsgs = []string{"TypeError: Cannot read properties of undefined (reading 'map')", "KeyError: 'user_id'", "panic: runtime error: index out of range [3] with length 3",
	"ModuleNotFoundError: No module named 'pandas'", "error[E0382]: borrow of moved value: `buf`", "SyntaxError: Unexpected token '}'"}

// humanize adds the noise of a person typing: lower case, dropped final
// punctuation, an occasional typo.
func humanize(r *rng, s string) string {
	if s == "" {
		return s
	}
	if r.chance(0.45) {
		s = strings.ToLower(s[:1]) + s[1:]
	}
	if r.chance(0.3) {
		s = strings.TrimRight(s, "?.")
	}
	if r.chance(0.15) {
		w := strings.Fields(s)
		i := r.intn(len(w))
		if b := []byte(w[i]); len(b) > 3 && b[1] < 128 && b[2] < 128 {
			b[1], b[2] = b[2], b[1]
			w[i] = string(b)
		}
		s = strings.Join(w, " ")
	}
	return s
}

// personAsk is one thing a person types to start a chat; region 0..2
// shifts the language.
func personAsk(r *rng, region int) string {
	if r.chance([]float64{0.04, 0.18, 0.3}[region]) {
		return pick(r, nonEnglish[region])
	}
	var s string
	switch weighted(r, 0.3, 0.25, 0.2, 0.15, 0.1) {
	case 0:
		s = fill(pick(r, codingAsks), "lang", pick(r, progLangs))
	case 1:
		s = fill(pick(r, lifeAsks), "city", pick(r, cities), "lang2", pick(r, languages), "snippet", pick(r, snippets))
	case 2:
		s = fill(pick(r, knowledgeForms), "t", pick(r, topics))
	case 3:
		s = fill(pick(r, studyAsks), "t", pick(r, topics))
	default:
		s = "translate to " + pick(r, languages) + ": " + pick(r, englishSentences)
	}
	if r.chance(0.12) {
		s = pick(r, []string{"hey, ", "hi! ", "quick question: ", "ok so ", "pls "}) + s
	}
	return humanize(r, s)
}

func personFollowUp(r *rng, region int) string {
	return humanize(r, fill(pick(r, followUps), "lang2", pick(r, languages), "ask", personAsk(r, region), "err", pick(r, errMsgs)))
}

var proseSentences = []string{
	"{T} is best understood by looking at a few key factors.", "The first thing to note is that {T} does not happen in isolation.",
	"In practice, most people run into {T} through everyday examples.", "A common misconception is that {T} is simple; in reality there are several moving parts.",
	"There are three main points worth keeping in mind.", "First, the outcome depends heavily on the conditions involved.",
	"Second, the effects tend to build up gradually rather than all at once.", "Finally, it helps to compare it with related ideas.",
	"For example, a small change at the start can lead to very different results later on.", "This is why experts usually recommend looking at the evidence carefully.",
	"In short, the answer depends on the context and on what you want to achieve.", "Let me know if you'd like more detail on any of these points.",
	"Here is a simple way to think about it.", "The key trade-off is between speed and accuracy.", "Most sources agree on the broad outline, although the details are still debated.",
	"One useful analogy is a busy train station, where many things move at once but follow a schedule.", "It is worth separating the short-term effects from the long-term ones.",
	"The evidence for this comes mainly from careful observation and repeated measurement.", "If you only remember one thing, remember that {T} is about balance.",
	"That said, there are important exceptions.", "Researchers still disagree about how much each factor matters.", "You can see this clearly in the numbers from recent years.",
	"A good next step is to try a small example yourself.", "Overall, {T} has shaped far more than most people realise.",
	"The main risk is overlooking how the different parts interact.", "To put it another way, the whole is more than the sum of its parts.",
}

// prose returns about n words of plausible assistant-like text about topic
// (or about "this" when topic is empty): the earlier answers that a
// multi-turn request carries and the documents that prompts quote.
func prose(r *rng, topic string, n int) string {
	if topic == "" {
		topic = "this"
	}
	var b strings.Builder
	b.WriteString(pick(r, []string{"Sure! ", "Great question. ", "Certainly. ", "", "", ""}))
	words := 0
	for words < n {
		s := strings.ReplaceAll(pick(r, proseSentences), "{T}", topic)
		s = strings.ToUpper(s[:1]) + s[1:]
		b.WriteString(s)
		words += strings.Count(s, " ") + 1
		if r.chance(0.2) {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return strings.TrimSpace(b.String())
}

var sentSubjects = []string{"The city council", "My neighbour", "The research team", "Our supplier", "The new manager", "A local bakery", "The school board",
	"The airline", "Most visitors", "The software update", "Her grandfather", "The football club", "The village library", "Several engineers", "The festival organisers"}
var sentVerbs = []string{"announced that", "complained that", "discovered that", "promised that", "explained that", "reported that", "insisted that", "wrote that"}
var sentClauses = []string{"the project would be delayed by several months", "prices will rise again next winter", "the old road is finally being repaired",
	"nobody had read the instructions carefully", "the results were better than expected", "the shop will open on Sundays from now on",
	"the river flooded twice last year", "the tickets sold out within an hour", "the recipe had been in the family for generations",
	"remote work has improved the team's morale", "the museum will offer free entry to students", "the bus timetable changes in September"}

// sentence is one English sentence of a large generated pool.
func sentence(r *rng) string {
	if r.chance(0.3) {
		return pick(r, englishSentences)
	}
	return pick(r, sentSubjects) + " " + pick(r, sentVerbs) + " " + pick(r, sentClauses) + "."
}

var genres = []string{"short story", "persuasive essay", "blog post", "cover letter", "product description", "poem", "speech", "news article",
	"opinion piece", "dialogue", "fable", "personal statement", "LinkedIn post", "book review", "op-ed", "letter of complaint"}

var audiences = []string{"high school students", "busy executives", "a general audience", "children aged 8-10", "first-year university students",
	"non-native speakers", "investors", "retirees", "software engineers"}

// Japanese product descriptions for the catalogue translation job.
var jpProducts = []string{
	"軽量で丈夫なステンレス製の水筒です。保温・保冷効果は最大12時間持続します。",
	"天然木を使用したシンプルなデザインの折りたたみテーブル。キャンプやベランダでの使用に最適です。",
	"敏感肌にもやさしい無添加の保湿クリーム。べたつかず、さらっとした使い心地です。",
	"防水仕様のワイヤレスイヤホン。最大30時間の連続再生が可能です。",
	"国産の有機緑茶をティーバッグにしました。お湯を注ぐだけで本格的な味わいが楽しめます。",
	"洗濯機で丸洗いできる低反発まくら。通気性の良いカバー付きです。",
	"子ども用の知育パズル。木製で角が丸く、安全に遊べます。",
	"大容量のリュックサック。ノートパソコン専用のポケット付きで通勤・通学に便利です。",
	"手作りの有田焼マグカップ。電子レンジと食洗機に対応しています。",
	"折りたたみ式の電動自転車。最大走行距離は約60キロメートルです。",
}

var ticketBits = []string{"I was charged twice for my subscription this month", "the app crashes every time I open the settings page",
	"can you add dark mode to the dashboard", "I can't log in after resetting my password", "how do I export my data to CSV",
	"my card was declined but the money left my account", "please close my account and delete my data", "the invoice shows the wrong company name",
	"the sync between my phone and laptop stopped working", "is there a discount for non-profits", "transfer still pending after 5 days",
	"your last update broke the CSV import", "where can I change my billing address", "the 2FA code never arrives by SMS"}

// ticket is a customer's message as it reaches a support or labelling
// system.
func ticket(r *rng) string {
	s := pick(r, ticketBits)
	if r.chance(0.5) {
		s = pick(r, []string{"Hi, ", "Hello team, ", "URGENT: ", "hey ", "Good morning, "}) + s
	}
	if r.chance(0.5) {
		s += pick(r, []string{". Order #", ". Account ID ", ". Ref "}) + fmt.Sprint(r.between(100000, 999999))
	}
	if r.chance(0.4) {
		s += pick(r, []string{". Thanks", ". This is really frustrating.", ". Please help asap", "!!", ". Kind regards, " + pick(r, firstNames)})
	}
	return s
}

var firstNames = []string{"Maria", "James", "Aiko", "Chen", "Fatima", "Lukas", "Priya", "Diego", "Olga", "Kwame", "Sofia", "Mateus", "Ines", "Tom", "Yuki", "Amara"}

var mcSubjects = []string{"high school biology", "college physics", "world history", "macroeconomics", "formal logic", "professional law",
	"clinical knowledge", "computer security", "astronomy", "moral scenarios", "high school chemistry", "international law"}

// benchItem is one item of a public benchmark: the same text for anyone
// who runs that benchmark, whatever the seed.
func benchItem(i int) (kindOf int, prompt string) {
	r := newRNG(0, fmt.Sprintf("public-bench/%d", i))
	switch i % 4 {
	case 0, 1:
		subj, t := pick(r, mcSubjects), pick(r, topics)
		return 0, fmt.Sprintf("The following is a multiple choice question about %s.\n\nWhich statement about %s is correct?\nA. %s\nB. %s\nC. %s\nD. %s\n\nAnswer with the letter of the correct option only.",
			subj, t, prose(r, t, 9), prose(r, t, 11), prose(r, t, 8), prose(r, t, 10))
	case 2:
		a, b, c := r.between(3, 40), r.between(2, 12), r.between(5, 90)
		who := pick(r, firstNames)
		return 1, fmt.Sprintf("Question: %s buys %d packs of stickers with %d stickers in each pack. %s gives away %d stickers to friends and then buys %d more packs. How many stickers does %s have now?\nLet's think step by step.",
			who, a, b, who, c, r.between(1, 9), who)
	}
	fn := pick(r, []string{"is_palindrome", "merge_intervals", "count_vowels", "rotate_matrix", "longest_common_prefix", "parse_duration", "flatten_dict", "run_length_encode"})
	return 2, fmt.Sprintf("Complete the following Python function. Return only the code.\n\n```python\ndef %s(%s):\n    \"\"\"%s\n    \"\"\"\n```", fn, pick(r, []string{"s", "xs", "items, key=None", "text: str", "matrix: list[list[int]]"}), prose(r, fn, 14))
}
