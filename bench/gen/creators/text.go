package creators

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

var (
	firstNames = []string{"Mira", "Tomás", "Aiko", "Jonah", "Priya", "Elif", "Kwame", "Sofia", "Lars", "Nadia", "Ravi", "Chloe", "Mateo", "Yuki", "Amara", "Felix", "Ingrid", "Omar", "Lucía", "Declan", "Hana", "Theo", "Zanele", "Marek", "Anouk", "Iris", "Bashir", "Rosa", "Kenji", "Freya", "Dmitri", "Leila", "Silas", "Noor", "Ada", "Viktor", "Esme", "Joaquín", "Tariq", "Maeve", "Ines", "Arjun", "Wren", "Soren", "Catalina", "Otto", "Beatriz", "Idris", "June", "Kofi"}
	places     = []string{"a lighthouse on a foggy island", "a night market in Taipei", "a snowed-in mountain hostel", "a generation ship between stars", "a crumbling Venetian palazzo", "a desert town with one gas station", "a floating city above a flooded London", "a Lagos recording studio", "a small bakery in Lyon", "an abandoned observatory", "a river barge on the Mekong", "a suburban high school in Ohio", "a monastery in the Carpathians", "a Martian greenhouse", "a 1920s jazz club in Harlem", "a fishing village in Hokkaido", "a Berlin U-Bahn station at 3 a.m.", "a library that is open only at night", "an orbital hotel", "a vineyard during the harvest", "a hospital night shift", "a tiny apartment in Seoul", "a wildfire lookout tower", "a ferry crossing the Baltic", "a travelling circus", "a rainforest research camp", "a chess club in Buenos Aires", "a salt mine", "a coastal town where the tide never returns", "a parliament during a blackout"}
	genres     = []string{"literary fiction", "cozy mystery", "science fiction", "fantasy", "horror", "romance", "magical realism", "noir", "fairy tale", "slice of life", "thriller", "historical fiction", "solarpunk", "gothic", "comedy", "fable", "cyberpunk", "western", "adventure", "ghost story"}
	tones      = []string{"warm", "melancholic", "playful", "tense", "wry", "hopeful", "eerie", "bittersweet", "whimsical", "sardonic", "tender", "urgent", "dreamlike", "understated"}
	topics     = []string{"a lost letter that arrives forty years late", "two rivals forced to share a secret", "a robot learning to lie", "an apprentice who outgrows a master", "a city that forgets one word every day", "a grandmother's recipe that is actually a map", "the last speaker of a language", "a detective who cannot see colours", "a wedding interrupted by a storm", "a musician who hears the future", "siblings dividing an inheritance", "a translator who changes one sentence", "a clockmaker who stops time for a minute", "a stray dog that adopts a family", "an astronaut returning to a changed Earth", "a debt paid in memories", "a chess game that lasts a lifetime", "a ghost who wants to move out", "a village that votes on the weather", "a photographer who captures what people regret", "a bakery that sells second chances", "a mapmaker who invents an island", "a heist at a museum of smells", "a lighthouse keeper's final night", "a friendship kept alive through postcards", "a queen who abdicates for love of gardening", "a train that never arrives", "an AI that writes poems to its operator", "a mother and daughter on a road trip", "a festival of lanterns in a drought"}
	authors    = []string{"Anton Chekhov", "Jane Austen", "Edgar Allan Poe", "Jorge Luis Borges", "Virginia Woolf", "Mark Twain", "Franz Kafka", "Charles Dickens", "Oscar Wilde", "H. P. Lovecraft", "Leo Tolstoy", "Emily Brontë", "O. Henry", "Arthur Conan Doyle", "Katherine Mansfield", "Ryūnosuke Akutagawa", "Herman Melville", "Mary Shelley", "Nikolai Gogol", "Guy de Maupassant"}
	languages  = []string{"Spanish", "French", "German", "Japanese", "Korean", "Brazilian Portuguese", "Italian", "Simplified Chinese", "Arabic", "Turkish", "Polish", "Dutch", "Indonesian", "Vietnamese", "Hindi", "Russian", "Ukrainian", "Swedish", "Thai", "Greek"}
	objects    = []string{"a brass key", "a cracked violin", "an unsent letter", "a jar of sea glass", "a broken compass", "a red umbrella", "a wedding ring", "a tape recorder", "a paper crane", "a silver locket", "an old map", "a pocket watch", "a child's drawing", "a train ticket", "a pressed flower"}
	feelings   = []string{"regret", "relief", "longing", "suspicion", "joy", "grief", "pride", "fear", "tenderness", "envy", "wonder", "guilt", "resolve"}
	verbsPast  = []string{"noticed", "remembered", "hid", "found", "counted", "ignored", "carried", "repaired", "burned", "photographed", "traded", "mislaid", "unfolded", "whispered about"}
	weather    = []string{"rain", "fog", "the first snow", "a heatwave", "a dust storm", "a pale winter sun", "thunder", "a warm wind"}
	products   = []string{"handmade ceramic mugs", "a budgeting app", "vegan protein bars", "a language-learning podcast", "refurbished laptops", "a yoga studio", "organic coffee beans", "a photography course", "minimalist wallets", "a dog-walking service", "a indie video game", "natural skincare", "a coworking space", "a bike repair shop", "secondhand designer clothes", "a meal-prep service", "a true-crime newsletter", "a plant nursery"}
	platforms  = []string{"Instagram", "TikTok", "LinkedIn", "X", "Threads", "Facebook", "Pinterest", "YouTube Shorts"}
)

// sentence returns one line of plain narrative prose.
func sentence(r *rand.Rand) string {
	n, m := pick(r, firstNames), pick(r, firstNames)
	switch r.IntN(16) {
	case 0:
		return n + " had never trusted " + pick(r, objects) + ", not since the winter of " + strconv.Itoa(between(r, 1961, 2019)) + "."
	case 1:
		return "The " + pick(r, weather) + " came early that year, and " + n + " " + pick(r, verbsPast) + " " + pick(r, objects) + " before anyone else woke."
	case 2:
		return "\"You're late,\" " + m + " said, without looking up from " + pick(r, objects) + "."
	case 3:
		return "In " + pick(r, places) + ", nobody asked questions after midnight."
	case 4:
		return n + " felt a strange " + pick(r, feelings) + ", the kind that settles in the chest and refuses to leave."
	case 5:
		return "It was " + m + " who first " + pick(r, verbsPast) + " the pattern in the letters."
	case 6:
		return "Somewhere below, a door closed, and the whole house seemed to hold its breath."
	case 7:
		return n + " and " + m + " had not spoken in " + strconv.Itoa(between(r, 2, 19)) + " years."
	case 8:
		return "The note said only: meet me where the " + pick(r, weather) + " ends."
	case 9:
		return "By the time the " + pick(r, weather) + " cleared, " + n + " had made up their mind."
	case 10:
		return "\"Tell me the truth,\" " + n + " said. \"Just once.\""
	case 11:
		return "Every morning " + m + " " + pick(r, verbsPast) + " " + pick(r, objects) + " and told no one."
	case 12:
		return "The town smelled of salt and diesel and something sweeter underneath."
	case 13:
		return n + " laughed, but it came out wrong, too loud for " + pick(r, places) + "."
	case 14:
		return "What " + m + " wanted was simple: one honest conversation before the end of " + pick(r, []string{"summer", "the year", "the festival", "the trial", "the voyage"}) + "."
	default:
		return "Nobody in the family mentioned " + pick(r, objects) + " again."
	}
}

func prose(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if r.IntN(5) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(sentence(r))
	}
	return b.String()
}

// workText is an everyday paragraph someone might select in a browser:
// emails, posts, notes.
func workText(r *rand.Rand) string {
	n := pick(r, firstNames)
	parts := []string{
		"Hi " + n + ", just following up on the proposal we sent last week. Let me know if you had a chance to look at it, happy to jump on a call whenever suits you.",
		"we are excited to anounce that our " + pick(r, products) + " is now available in " + strconv.Itoa(between(r, 3, 40)) + " new cities, thanks to everyone who supported us from the start",
		"Sorry for the late reply, I was out sick. The invoice should be fixed now, can you confirm the amount is correct on your side?",
		"Our team has been working hard on improving the onboarding experience and we'd love your feedback on the new flow before it goes live next month.",
		"I think the meeting went ok but honestly I'm not sure they understood what we were proposing, maybe we need a simpler deck",
		"Reminder: the office will be closed on Monday. Please make sure all deadlines are moved accordingly and let clients know in advance.",
		"This is my first post here!! I've been baking sourdough for about a year and finally got an open crumb, sharing my process below",
		"Dear hiring manager, I am writing to apply for the position of " + pick(r, []string{"junior copywriter", "content strategist", "social media manager", "UX writer", "marketing coordinator"}) + " at your company.",
		"Quick update on the " + pick(r, products) + " launch: shipping is delayed by about a week because of supplier issues, we'll keep you posted.",
		"Thank you so much for coming to my talk yesterday. As promised, here are the slides and a few links to the papers I mentioned.",
		"honestly the ending of the book ruined it for me, the whole middle part was great but the last chapter felt rushed",
		"We regret to inform you that your order has been cancelled due to a payment issue. Please update your details and try again.",
	}
	s := pick(r, parts)
	if r.IntN(3) == 0 {
		s += " " + pick(r, parts)
	}
	return s
}

// dialogueLine is one short subtitle or script line.
func dialogueLine(r *rand.Rand) string {
	lines := []string{"Where were you last night?", "I told you, I don't know anything about it.", "We have to leave. Now.", "Is that really what you think of me?", "Put the gun down, " + pick(r, firstNames) + ".", "It's not what it looks like.", "Do you remember the lake?", "I'll be right back, don't move.", "Nobody's coming. It's just us.", "You kept it all these years?", "Turn left here. No, the other left!", "I never wanted any of this.", "Happy birthday, kiddo.", "The train leaves at six.", "What did the doctor say?", "Say that again, I dare you.", "We're out of coffee. Again.", "Thank you. For everything.", "Don't open that door.", "How long have you known?", "I'm fine. Really.", "Listen to me carefully.", "That's the worst idea you've ever had.", "Can we talk about this later?", "He's gone. He's really gone.", "Hold on, I'm getting a signal.", "You're not supposed to be here.", "I missed you.", "Okay. Let's do it your way.", "Why is everyone staring at me?"}
	return pick(r, lines)
}

// srtChunk returns n numbered subtitle cues starting at cue first.
func srtChunk(r *rand.Rand, first, n int, at float64) string {
	var b strings.Builder
	for i := range n {
		d := 1.2 + r.Float64()*3
		b.WriteString(strconv.Itoa(first + i))
		b.WriteByte('\n')
		b.WriteString(srtTime(at) + " --> " + srtTime(at+d))
		b.WriteByte('\n')
		b.WriteString(dialogueLine(r))
		if r.IntN(4) == 0 {
			b.WriteByte('\n')
			b.WriteString(dialogueLine(r))
		}
		b.WriteString("\n\n")
		at += d + 0.2 + r.Float64()*2.5
	}
	return strings.TrimRight(b.String(), "\n")
}

func srtTime(s float64) string {
	ms := int(s * 1000)
	h, m, sec := ms/3600000, ms/60000%60, ms/1000%60
	return pad2(h) + ":" + pad2(m) + ":" + pad2(sec) + "," + pad3(ms%1000)
}

func pad2(x int) string {
	if x < 10 {
		return "0" + strconv.Itoa(x)
	}
	return strconv.Itoa(x)
}

func pad3(x int) string {
	s := strconv.Itoa(x)
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}

// chatQuestion is something a person asks a general assistant; the
// creative and writing mix of this world, plus everyday questions.
func chatQuestion(r *rand.Rand) string {
	switch r.IntN(22) {
	case 0:
		return "can you help me come up with a name for a " + pick(r, genres) + " novel about " + pick(r, topics) + "?"
	case 1:
		return "Write a short poem about " + pick(r, weather) + " for my mom's birthday card, nothing too cheesy"
	case 2:
		return "What's the difference between a novella and a novelette? I'm trying to figure out which contests I can submit to."
	case 3:
		return "I'm stuck on chapter " + strconv.Itoa(between(r, 2, 30)) + ". My character " + pick(r, firstNames) + " needs a reason to go back to " + pick(r, places) + ". Any ideas?"
	case 4:
		return "Translate this to " + pick(r, languages) + " please: \"" + workText(r) + "\""
	case 5:
		return "how do I politely decline a wedding invitation from a coworker"
	case 6:
		return "Give me 10 writing prompts about " + pick(r, feelings) + "."
	case 7:
		return "Can you critique this opening paragraph? Be honest.\n\n" + prose(r, between(r, 3, 6))
	case 8:
		return "explain show don't tell with an example"
	case 9:
		return "What are some good books like the ones " + pick(r, authors) + " wrote but more modern?"
	case 10:
		return "Help me write a toast for my brother's wedding. He loves hiking and bad puns. About 2 minutes long."
	case 11:
		return "Is \"" + pick(r, []string{"irregardless", "alot", "could care less", "for all intensive purposes", "whom"}) + "\" correct? my editor says no"
	case 12:
		return "I want to write a D&D one-shot set in " + pick(r, places) + ". Can you sketch the plot and three NPCs?"
	case 13:
		return "what should I cook tonight, I have rice, eggs, spinach and half an onion"
	case 14:
		return "Rewrite this so it sounds less passive aggressive: " + workText(r)
	case 15:
		return "Write a limerick about a cat named " + pick(r, firstNames)
	case 16:
		return "I'm learning " + pick(r, languages) + ". Can you write a short story at A2 level with a vocabulary list?"
	case 17:
		return "summarize the plot of Hamlet in 5 sentences for a 12 year old"
	case 18:
		return "Continue this story for two more paragraphs, keep the " + pick(r, tones) + " tone:\n\n" + prose(r, between(r, 2, 5))
	case 19:
		return "What's a good structure for a YouTube script reviewing " + pick(r, products) + "?"
	case 20:
		return "How do I make my villain more sympathetic without making them less scary?"
	default:
		return "Can you write a bedtime story about " + pick(r, topics) + "? Short please, my kid is already half asleep"
	}
}

// followUp is a short next turn in a chat.
func followUp(r *rand.Rand) string {
	return pick(r, []string{"make it shorter", "can you make it funnier?", "Thanks! Now a version in " + pick(r, languages), "I like the second one, expand it", "more " + pick(r, tones) + " please", "ok but change the name to " + pick(r, firstNames), "That's great, thank you!", "Can you explain why you chose that ending?", "hmm not quite, try again with a different angle", "perfect. one more?", "What would " + pick(r, authors) + " do differently here?", "Now turn it into a dialogue", "cut it to 100 words"})
}

// assistantReply stands in for an earlier answer carried in a history.
func assistantReply(r *rand.Rand, sentences int) string {
	openers := []string{"Here's a version you could use:\n\n", "Sure! ", "Great question. ", "Of course. ", "", "Here are a few ideas:\n\n1. "}
	return pick(r, openers) + prose(r, sentences)
}

func wordsTarget(r *rand.Rand) int {
	return pick(r, []int{150, 200, 250, 300, 400, 500, 600, 800, 1000, 1200})
}

// typo sometimes damages a word, as typing people do.
func typo(r *rand.Rand, s string) string {
	if len(s) < 12 || r.IntN(4) != 0 {
		return s
	}
	i := 1 + r.IntN(len(s)-2)
	if s[i] < 'a' || s[i] > 'z' || s[i+1] < 'a' || s[i+1] > 'z' {
		return s
	}
	b := []byte(s)
	b[i], b[i+1] = b[i+1], b[i]
	return string(b)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
