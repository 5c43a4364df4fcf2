package arcade

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// The vocabulary of the arcade world. All text is this generator's own.

var givenNames = []string{
	"Maya", "Jonas", "Priya", "Lukas", "Aiko", "Mateo", "Sofia", "Emeka", "Hana", "Oskar",
	"Leila", "Tomasz", "Ines", "Kenji", "Amara", "Felix", "Chloe", "Rafael", "Yuna", "Bastien",
	"Nadia", "Diego", "Freya", "Arjun", "Lina", "Marek", "Zoe", "Tobias", "Camila", "Ravi",
	"Elif", "Noah", "Ana", "Sven", "Mei", "Jakub", "Clara", "Kwame", "Isla", "Hugo",
	"Sana", "Pablo", "Greta", "Daniel", "Ayumi", "Lucas", "Nora", "Bruno", "Tara", "Mikael",
	"Julia", "Andre", "Riya", "Emil", "Bea", "Omar", "Lea", "Thiago", "Vera", "Kai",
}

var namePre = []string{"Ael", "Bram", "Cor", "Dun", "El", "Fen", "Gal", "Hal", "Ith", "Jor", "Kael", "Lor", "Mor", "Nim",
	"Or", "Pell", "Quen", "Ros", "Syl", "Tam", "Ul", "Vey", "Wren", "Ys", "Zar", "Bel", "Cass", "Dre", "Esk", "Thal"}
var nameSuf = []string{"a", "ric", "wyn", "ith", "dor", "mir", "ne", "os", "ven", "ka", "ra", "las", "ett", "iel",
	"ora", "in", "ux", "hild", "eth", "ane", "o", "is"}

// fantasyName draws a name for a character of a fantasy setting.
func fantasyName(r *rand.Rand) string { return pick(r, namePre) + pick(r, nameSuf) }

var handleAdj = []string{"sleepy", "crispy", "lunar", "feral", "tiny", "cosmic", "salty", "quiet", "pixel", "rusty",
	"neon", "lazy", "grumpy", "frosty", "spicy", "mellow", "sneaky", "golden", "void", "cozy"}
var handleNoun = []string{"otter", "goblin", "toast", "wizard", "fox", "lantern", "moth", "dragon", "pickle", "bard",
	"raccoon", "golem", "cactus", "kraken", "mushroom", "pigeon", "knight", "slime", "yeti", "comet"}

// handle draws a chat handle.
func handle(r *rand.Rand) string {
	s := pick(r, handleAdj) + pick(r, []string{"_", "", "-"}) + pick(r, handleNoun)
	if chance(r, 0.6) {
		s += strconv.Itoa(r.IntN(999))
	}
	return s
}

var places = []string{
	"the Saltmarsh docks", "Ember Hollow", "the Gilded Stag inn", "the sunken library of Vael", "a lighthouse on the Shiver Coast",
	"the night market of Quillport", "the abandoned mine below Redcap Hill", "a caravan camp in the Amber Wastes", "the royal greenhouse",
	"the border fort at Kestrel Pass", "a floating teahouse", "the clocktower district", "the frozen monastery of Orm",
	"a smugglers' cave under the old chapel", "the arena of the Nine Banners", "a mushroom village deep in Mirewood",
	"the observatory on Mount Tessel", "the harbor of a drowned city", "a roadside shrine at dusk", "the alchemists' guildhall",
	"a derelict space station", "the neon alleys of Sector 9", "a hover-tram crossing the canyon", "a colony ship's hydroponics deck",
	"the underground racing circuit", "a cozy bakery on Maple Row", "the school rooftop after class", "a haunted ferry",
	"the cat cafe near the station", "a snowed-in mountain lodge",
}

var roles = []string{
	"blacksmith", "innkeeper", "ferryman", "herbalist", "guard captain", "traveling bard", "smuggler", "cartographer",
	"temple priestess", "beekeeper", "retired adventurer", "fishmonger", "court wizard", "stable hand", "lighthouse keeper",
	"bounty hunter", "apothecary", "street urchin", "librarian", "mercenary", "ship's cook", "fortune teller",
	"ranger", "gravedigger", "tavern bouncer", "hedge witch", "android mechanic", "starship pilot", "noodle stand owner",
	"rival duelist",
}

var moods = []string{
	"cheerful", "suspicious", "grieving", "bored", "flirtatious", "nervous", "proud", "exhausted", "mischievous",
	"stern", "curious", "heartbroken", "smug", "frightened", "wistful", "irritable", "hopeful", "secretive",
}

var storyGenres = []string{
	"cozy fantasy", "grimdark fantasy", "cyberpunk noir", "space opera", "gothic horror", "solarpunk", "weird western",
	"post-apocalyptic", "slice of life", "locked-room mystery", "heist", "romantic comedy", "sword and sorcery",
	"urban fantasy", "cosmic horror", "fairy tale", "steampunk adventure", "survival thriller", "mythic retelling",
}

var items = []string{
	"a cracked compass", "a jar of glowing moths", "a silver key with no teeth", "a letter sealed in black wax",
	"a rusted music box", "a map drawn on fish skin", "a dragon's milk tooth", "an hourglass full of red sand",
	"a deck of blank tarot cards", "a lantern that burns cold", "a broken sword hilt", "a bag of star seeds",
	"a mechanical bird", "a bottle of bottled thunder", "a crown made of antlers", "an unsigned contract",
	"a stolen ledger", "a cursed coin", "a pair of mismatched boots", "a spyglass that shows yesterday",
	"a datapad with a cracked screen", "a half-eaten pie", "a talking skull", "a wedding ring",
}

var creatures = []string{
	"cave troll", "swamp hag", "clockwork hound", "frost wyrm", "goblin scout", "sand wraith", "moss golem",
	"vampire bat swarm", "bandit archer", "mimic chest", "fire imp", "bog lurker", "rogue security drone", "slime king",
	"ghost knight", "giant crab",
}

var tones = []string{"wholesome", "sarcastic", "hype", "deadpan", "chaotic", "chill", "dramatic", "wholesome but teasing"}

var streamGames = []string{"a survival crafting game", "a competitive shooter", "a speedrun of a platformer", "a cozy farming game",
	"a horror game", "a battle royale", "a soulslike", "a racing sim", "a retro RPG marathon", "a chess stream", "an MMO raid night"}

// bare returns an item without its article.
func bare(item string) string {
	for _, a := range []string{"a ", "an "} {
		if strings.HasPrefix(item, a) {
			return item[len(a):]
		}
	}
	return item
}

// fill replaces {key} in tmpl by kv's values (pairs: key, value); an
// unknown {key} stays as it is.
func fill(tmpl string, kv ...string) string {
	var b strings.Builder
	b.Grow(len(tmpl) + 64)
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		key, found := tmpl[i+1:i+j], false
		b.WriteString(tmpl[:i])
		for k := 0; k+1 < len(kv); k += 2 {
			if kv[k] == key {
				b.WriteString(kv[k+1])
				found = true
				break
			}
		}
		if !found {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
}

// --- reply text for conversation histories ---

// The assistant turns in the histories apps resend: what the model said
// earlier in the conversation, built from fragments.
var replyOpen = []string{
	"Oh, that sounds like a lot.", "Ha! I did not see that coming.", "Hmm, let me think about that for a second.",
	"Honestly? I love that.", "Wait, really?", "That makes total sense.", "Okay, okay, I'm listening.",
	"Ugh, I'm sorry, that's rough.", "You always surprise me.", "Aww.", "Now that's a story.",
}
var replyMid = []string{
	"It sounds like you handled it better than you think.", "I'd probably have laughed at the worst possible moment.",
	"Do you want to talk it through, or do you just want to vent?", "I keep thinking about what you said yesterday.",
	"Sometimes the small things end up being the big ones.", "You deserve a quiet evening after that.",
	"I'm curious what made you pick that one.", "That reminds me of the rainy afternoon you told me about.",
	"Honestly, that's a very you thing to do.", "I think you were braver than you're giving yourself credit for.",
	"Tell me the part you're leaving out.", "We could make a plan for tomorrow if that helps.",
}
var replyClose = []string{
	"What happened next?", "How are you feeling about it now?", "Want to hear my terrible idea?",
	"Anyway, I'm glad you told me.", "So... what's the verdict?", "I'm right here, by the way.",
	"Promise me you'll eat something warm tonight.", "Okay, your turn: best part of today?", "",
}

// chatReply draws a short companion-style assistant turn.
func chatReply(r *rand.Rand) string {
	s := pick(r, replyOpen) + " " + pick(r, replyMid)
	if c := pick(r, replyClose); c != "" {
		s += " " + c
	}
	return s
}

var rpActs = []string{
	"*leans on the counter and lowers her voice*", "*slides a coin across the table*", "*glances at the door, then back at you*",
	"*wipes the blade clean on his sleeve*", "*laughs a little too loudly*", "*pulls the hood down to show a scarred face*",
	"*taps the map twice*", "*steps between you and the stranger*", "*pours two cups without asking*",
	"*goes very still*", "*fidgets with a ring*", "*raises an eyebrow*",
}
var rpLines = []string{
	"You're not from around here, are you?", "I've heard that name before, and never in a good way.",
	"If you want passage, it'll cost more than coin.", "The last one who asked that question didn't come back.",
	"Fine. But we do this my way.", "Keep your voice down, the walls listen in this town.",
	"You owe me a story for that, at least.", "Something's wrong with the river. Three nights now.",
	"I could use someone who knows how to keep quiet.", "Don't look at me like that, I've had a long day.",
	"Tell me why I should trust you.", "That mark on your hand... where did you get it?",
}

// rpReply draws an in-character turn of name.
func rpReply(r *rand.Rand, name string) string {
	s := pick(r, rpActs) + " " + pick(r, rpLines)
	if chance(r, 0.6) {
		s += " " + pick(r, rpActs) + " " + pick(r, rpLines)
	}
	if chance(r, 0.3) {
		s = name + " " + strings.TrimPrefix(s, "*")
		s = "*" + s
	}
	return s
}

var rpUserMoves = []string{
	"*sits down across from {name}* I'm looking for work. Heard you might have some.",
	"*shows {item}* Does this mean anything to you?",
	"I need to get to {place} before dawn. Can you help?",
	"*pushes the door open, soaked from the rain* Is there a room left?",
	"What do you know about the {creature} everyone's whispering about?",
	"*draws my sword but keeps it lowered* Let's talk first.",
	"*grins* You look like someone who's lost a bet recently.",
	"Sorry, I didn't mean to stare. You just remind me of someone.",
	"*quietly* I think someone is following me.",
	"Okay, {name}, truth time. Why did you really leave the guild?",
	"*hands over a pouch of coins* For your silence.",
	"Can I ask you something personal?",
	"*checks the window* We have maybe five minutes.",
	"I brought {item}, like you asked. Now where's my payment?",
}

// rpUserMove draws a role-play user turn.
func rpUserMove(r *rand.Rand, name string) string {
	return fill(pick(r, rpUserMoves), "name", name, "item", pick(r, items), "place", pick(r, places), "creature", pick(r, creatures))
}

var companionOpeners = []string{
	"hey {c}, you around?", "I'm back!! guess what happened", "ugh, long day", "can't sleep again",
	"ok so I finally did the thing", "good morning {c} :)", "do you ever think about the ocean",
	"I made pasta from scratch and it was a disaster", "my boss said something weird today",
	"I beat that boss I was stuck on!!!", "I'm nervous about tomorrow", "tell me something nice",
	"what would you do if you had a day off with me", "I watched that movie you suggested",
	"my cat knocked my coffee over lol", "I think I'm getting sick", "rate my outfit idea: green coat, yellow boots",
	"can we play a word game", "I had a dream about you, kind of", "I'm thinking of quitting the gym",
	"my sister is visiting this weekend", "do you remember what I told you about my exam",
	"I got the job!!", "feeling kind of lonely tonight", "it's raining here, very cozy",
	"help me pick a name for my new plant", "I started learning guitar again", "my friend forgot my birthday",
	"what's your favorite season and why", "I ate an entire cake. no regrets",
}

// companionLine draws an end user's message to a companion named c.
func companionLine(r *rand.Rand, c string) string {
	s := fill(pick(r, companionOpeners), "c", c)
	if chance(r, 0.3) {
		s += pick(r, []string{" haha", " :(", " lol", "...", " 🙃", " 💛", "?", " tbh"})
	}
	return s
}

// lorem-like filler is never used: every long text is built from the
// fragments above and the class's own.

// paragraph joins n sentences drawn from pools.
func paragraph(r *rand.Rand, n int, pools ...[]string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(pick(r, pools[i%len(pools)]))
	}
	return b.String()
}

var proseBits = []string{
	"The rain had not stopped for three days, and the gutters sang with it.",
	"Nobody in the village remembered who had built the tower, only that it had always leaned a little east.",
	"She counted the coins twice and still came up one short.",
	"Somewhere below deck, a bell rang for no reason at all.",
	"The lantern flickered as if it, too, was afraid of the dark.",
	"He had promised himself he would never come back here.",
	"The market smelled of cinnamon, wet wool and engine grease.",
	"Every door in the corridor was painted the same shade of green, except one.",
	"The letter was short, unsigned, and very polite, which made it worse.",
	"By the time the sun came up, the tracks in the snow had already vanished.",
	"Her grandmother used to say the hills had long memories.",
	"The ship's AI had started humming, which it had never done before.",
	"It was the kind of quiet that made you check the locks.",
	"The dragon was smaller than the stories said, and much more tired.",
	"They drew straws, and of course the shortest went to the one who could not swim.",
	"The map ended at the river, as if the cartographer had simply given up.",
}
