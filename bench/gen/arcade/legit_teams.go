package arcade

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ===================== npc_studio =====================

const brassStyle = `You write ambient NPC dialogue ("barks") for Brasshollow Games' title "Cinders of Aldmoor", a low-fantasy RPG.
Style guide:
- Grounded, earthy, a little funny. No modern slang, no pop-culture references, no fourth-wall breaks.
- Barks are overheard lines: max 12 words, no names of other NPCs unless given, no quest spoilers.
- Vary sentence shape. Avoid starting more than one bark with the same word.
- Profanity: only "blast", "rot" and "ashes" are allowed.
- Regional dialect: the Marsh folk drop final g's ("fishin'"), the Hill folk use "aye" and "nay".
- Output through the emit_barks tool only.`

var barkSituations = []string{"idle at work", "during rain", "when the player is sneaking nearby", "after a dragon attack on the town",
	"at night near the tavern", "when the player wears the royal crest", "during the harvest festival", "when guards are searching the streets"}
var barkTriggers = []string{"bumps into them", "steals something", "draws a weapon", "greets them", "stares at them too long", "drops an item"}

func brassBody(item uint64) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		ir := sub(item, 0)
		u := fmt.Sprintf("NPC id: npc_%05d\nArchetype: %s\nDialect: %s\nMood: %s\nLocation: %s\nSituation: %s\nWrite %d ambient barks and 2 reaction lines for when the player %s.",
			ir.IntN(90000), pick(ir, roles), pick(ir, []string{"Marsh", "Hill", "City", "none"}), pick(ir, moods), pick(ir, places), pick(ir, barkSituations),
			4+ir.IntN(5), pick(ir, barkTriggers))
		tool := tracefmt.Obj{
			{Key: "name", Value: "emit_barks"},
			{Key: "description", Value: "Return the barks for one NPC."},
			{Key: "input_schema", Value: tracefmt.Obj{
				{Key: "type", Value: "object"},
				{Key: "properties", Value: tracefmt.Obj{
					{Key: "npc_id", Value: tracefmt.Obj{{Key: "type", Value: "string"}}},
					{Key: "barks", Value: tracefmt.Obj{{Key: "type", Value: "array"}, {Key: "items", Value: tracefmt.Obj{{Key: "type", Value: "string"}}}}},
					{Key: "reactions", Value: tracefmt.Obj{{Key: "type", Value: "array"}, {Key: "items", Value: tracefmt.Obj{{Key: "type", Value: "string"}}}}},
				}},
				{Key: "required", Value: []string{"npc_id", "barks", "reactions"}},
			}},
		}
		return chat(pathMessages, modelSonnet, brassStyle, turns(u), 1200,
			kv{Key: "temperature", Value: 0.8},
			kv{Key: "tools", Value: []tracefmt.Obj{tool}},
			kv{Key: "tool_choice", Value: tracefmt.Obj{{Key: "type", Value: "tool"}, {Key: "name", Value: "emit_barks"}}})
	}
}

var ninefoldLines = []string{
	"We hold the bridge until the last wagon is across.", "I told you the map was wrong.", "Get behind me, and don't argue.",
	"That's not a door. That's a mouth.", "You came back. I didn't think you would.", "Fine. One drink, then we talk business.",
	"The tide's turning. We leave now or never.", "Nobody touches the relic until I say so.", "Is it always this quiet before a storm?",
	"Keep the lantern low. They can smell the light.",
}

func ninefoldBody(item uint64) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		ir := sub(item, 0)
		u := fmt.Sprintf("Line id: VO_%s_%04d\nSpeaker: %s (%s)\nOriginal: \"%s\"\nEmotion: %s\nMax length: %d characters\nReturn JSON {\"id\": ..., \"variants\": [...]} with %d variants that keep the meaning and fit the lip-sync length.",
			pick(ir, []string{"MQ03", "MQ07", "SQ12", "SQ19", "AMB"}), ir.IntN(9999), fantasyName(ir), pick(ir, roles), pick(ir, ninefoldLines), pick(ir, moods), 40+10*ir.IntN(6), 3+ir.IntN(4))
		sys := "You are a localization-ready dialogue writer for Ninefold's action RPG. Keep every variant speakable in one breath. Output JSON only."
		return chat(pathChat, modelSonnetDated, sys, turns(u), 800,
			kv{Key: "response_format", Value: tracefmt.Obj{{Key: "type", Value: "json_object"}}}, kv{Key: "temperature", Value: 0.9})
	}
}

var writersRoomAsks = []string{
	"Give me three alternatives for the blacksmith's goodbye line that feel less generic.",
	"Draft a short lore book entry about {place}, 150 words, in-world voice.",
	"The player just betrayed {name}. Write her reaction in 3 short lines, angry but controlled.",
	"Brainstorm 10 names for a smugglers' guild in a desert port.",
	"Tighten this bark, it's too long: \"{line}\"",
	"Write a companion banter exchange (4 lines) between a {role} and a {role2} while crossing {place}.",
	"What are some ways to foreshadow that the mentor is the villain without making it obvious?",
	"Rewrite the quest log entry so it doesn't spoil the twist: \"Find {name} and learn the truth about the fire.\"",
}

func writersRoomBody(path, model string) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		u := fill(pick(r, writersRoomAsks), "place", pick(r, places), "name", fantasyName(r), "line", pick(r, ninefoldLines), "role", pick(r, roles), "role2", pick(r, roles))
		return chat(path, model, "You are a helpful writing partner for a game narrative team. Be concise and offer options.", turns(u), 1000, kv{Key: "temperature", Value: 1.0})
	}
}

var quillLore = `Lore bible excerpt (Quillfeather Interactive, project "Hollowbrook"):
- The valley of Hollowbrook has been cut off by a magical fog for 40 years. Nobody who leaves comes back the same.
- Factions: the Lamplighters (keep the fog at bay), the Brookwardens (old druidic order, secretive), the Peddlers' Union (smugglers in all but name).
- Magic is paid for with memories. Powerful casters forget their own names.
- Tone: melancholy, warm, small-scale. Humor comes from the characters, never from winking at the player.
When drafting quests, give: title, giver, hook (2 sentences), 3-5 steps, a choice with two outcomes, reward, and one line of giver dialogue per step.`

func quillBody(model string) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		u := fmt.Sprintf("Draft a side quest. Giver: %s, a %s from the %s. It should involve %s and take place around %s. The moral choice should be about %s.",
			fantasyName(r), pick(r, roles), pick(r, []string{"Lamplighters", "Brookwardens", "Peddlers' Union", "no faction"}), pick(r, items), pick(r, places),
			pick(r, []string{"loyalty vs. honesty", "forgetting a painful memory", "protecting a stranger", "breaking a promise to save someone", "greed"}))
		return chat(pathMessages, model, quillLore, turns(u), 2500, kv{Key: "temperature", Value: 1.0})
	}
}

var liveOpsEvents = []string{"Lantern Festival", "Double XP Weekend", "Frost Dragon Raid", "Summer Beach Bash", "Guild Wars Season 4", "Mystery Box Monday"}
var liveOpsLangs = []string{"en", "de", "fr", "es", "pt-BR", "ja", "ko", "id"}

func liveOpsBody(event, lang string, kind int) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		var u string
		switch kind {
		case 0:
			u = fmt.Sprintf("Write 3 push notification texts for the in-game event \"%s\" in language %s. Max 90 characters each. No emojis except one at the end. One line each.", event, lang)
		case 1:
			u = fmt.Sprintf("Write the shop banner headline (max 30 chars) and subline (max 60 chars) for \"%s\" in %s.", event, lang)
		default:
			u = fmt.Sprintf("Write a 2-sentence daily quest description for \"%s\" in %s. Quest: collect %d event tokens.", event, lang, 5*(2+r.IntN(8)))
		}
		return chat(pathChat, modelHaiku, "You write live-ops copy for Kite & Key's mobile game Sky Harbor. Friendly, short, family-friendly.", turns(u), 200, kv{Key: "temperature", Value: 0.7})
	}
}

func planStudios(w *world) {
	const class = "npc_studio"
	r := w.rng(class)

	// Brasshollow Games: bark batches on a build server, one key per
	// worker, a failed request retried on the next key.
	brass := anthropicPy("0.52.2", "3.11.9", platform{"Linux", "x64"}, false)
	var bkeys []*account
	for i := range 6 {
		bkeys = append(bkeys, w.namedAccount(r, fmt.Sprintf("%s-brasshollow-batch-%d", class, i+1), brass, pathMessages))
	}
	build, office := hetzner.v4addr(r), residential["eu"].v4addr(r)
	for _, jobAt := range []time.Duration{time.Hour, 4*time.Hour + 30*time.Minute} {
		items := w.n(700, 40)
		for wk := range 6 {
			t := w.start.Add(jobAt).Add(time.Duration(wk) * 700 * time.Millisecond)
			for i := wk; i < items; i += 6 {
				q := w.add(t, class, bkeys[wk], build, r.Uint64(), brassBody(r.Uint64()))
				if q != nil && chance(r, 0.04) {
					t = t.Add(between(r, 300*time.Millisecond, 1500*time.Millisecond))
					w.again(t, q, bkeys[(wk+1)%6], build)
				}
				t = t.Add(logn(r, 8*time.Second, 0.35) + 200*time.Millisecond)
			}
		}
	}
	// A designer tries prompt changes from the office before each batch.
	for _, t := range arrivals(r, w.start.Add(30*time.Minute), w.start.Add(4*time.Hour+20*time.Minute), 10, nil) {
		w.add(t, class, bkeys[0], office, r.Uint64(), brassBody(r.Uint64()))
	}

	// Ninefold: one corporate egress range; designers with personal keys
	// through an internal tool, and a batch over eight service keys
	// rotated per request.
	corp := mustPool(0, "204.14.72.16/28")
	svc := openaiPy("1.86.0", "3.12.3", platform{"Linux", "x64"}, true)
	var skeys []*account
	for i := range 8 {
		skeys = append(skeys, w.namedAccount(r, fmt.Sprintf("%s-ninefold-svc-%d", class, i+1), svc, pathChat))
	}
	items := w.n(2800, 60)
	bstart := w.start.Add(3*time.Hour + 10*time.Minute)
	per := (items + 7) / 8
	for wk := range 8 {
		t := bstart.Add(time.Duration(wk) * 300 * time.Millisecond)
		host := corp.v4addr(r)
		for i := range per {
			k := (wk + i) % 8 // round-robin over the service keys
			q := w.add(t, class, skeys[k], host, r.Uint64(), ninefoldBody(r.Uint64()))
			if q != nil && chance(r, 0.03) {
				t = t.Add(between(r, 200*time.Millisecond, 800*time.Millisecond))
				w.again(t, q, skeys[(k+1)%8], host)
			}
			t = t.Add(logn(r, 9*time.Second, 0.3))
		}
	}
	room := openaiNode("4.85.4", "v20.15.0", platform{"Linux", "x64"})
	room.fixed = [][2]string{{"x-client-app", "ninefold-writersroom/2.3"}}
	roomHost := corp.v4addr(r)
	for range w.n(18, 3) {
		a := w.newAccount(r, class+"-ninefold", room, pathChat)
		for range 1 + r.IntN(3) {
			var st time.Time
			for tries := 0; tries < 40; tries++ {
				st = w.start.Add(between(r, 0, w.cfg.Window))
				if chance(r, workHours(usWest, st)) {
					break
				}
			}
			t := st
			for range 3 + r.IntN(10) {
				w.add(t, class, a, roomHost, r.Uint64(), writersRoomBody(pathChat, pick(r, []string{modelSonnet, modelSonnet, modelOpus})))
				t = t.Add(logn(r, 90*time.Second, 0.6))
			}
		}
	}

	// Quillfeather Interactive: three writers and a C# tool.
	quill := dotnetClient("QuestSmith/0.9.4 (.NET 8.0.6; Windows)")
	qoffice := residential["us_east"].v4addr(r)
	for range 3 {
		a := w.newAccount(r, class+"-quillfeather", quill, pathMessages)
		for range 1 + r.IntN(2) {
			st := w.start.Add(between(r, 0, w.cfg.Window-time.Hour))
			t := st
			for range 4 + r.IntN(10) {
				w.add(t, class, a, qoffice, r.Uint64(), quillBody(pick(r, []string{modelSonnet, modelSonnet, modelOpus})))
				t = t.Add(logn(r, 3*time.Minute, 0.5))
			}
		}
	}

	// Kite & Key: a live-ops cron at :00 and :30, a burst of copy each time.
	kk := w.namedAccount(r, class+"-kiteandkey-cron", goRaw("kk-liveops/1.4.2"), pathChat)
	kip := awsAPSE.v4addr(r)
	for t := w.start.Truncate(30 * time.Minute).Add(5 * time.Second); t.Before(w.end); t = t.Add(30 * time.Minute) {
		event := pick(r, liveOpsEvents)
		u := t.Add(between(r, 0, 900*time.Millisecond))
		for range 12 + r.IntN(9) {
			w.add(u, class, kk, kip, r.Uint64(), liveOpsBody(event, pick(r, liveOpsLangs), r.IntN(3)))
			u = u.Add(logn(r, 2200*time.Millisecond, 0.3))
		}
	}
}

// workHours is rg's office activity at t: high 9-18 local, nil at night.
func workHours(rg region, t time.Time) float64 {
	h := t.UTC().Hour() + int(rg.offset)
	h = (h + 48) % 24
	switch {
	case h >= 9 && h < 12, h >= 13 && h < 18:
		return 1
	case h == 12 || h == 18 || h == 8:
		return 0.5
	}
	return 0.03
}

// ===================== game_jam =====================

const jamKitSystem = `You are the in-game narrator for a small game built with the Lantern Jam starter kit.
Speak in second person ("You step into..."). Keep every response under 80 words unless the developer asks for something longer.
If the request starts with [DEV], you are talking to the game's developer, not the player: answer helpfully and plainly, step by step if they ask how to do something.
If the request starts with [GEN], output only valid JSON matching the description in the request.
Theme of the jam: "Only One Light".`

var jamExercises = []string{
	"Describe the first room the player wakes up in, in 3 sentences.",
	"The player picks up the lantern. Narrate it.",
	"[GEN] Give 5 items the player could find, as a JSON array of {\"name\", \"description\"}.",
	"The player's light is about to go out. Write a tense line of narration.",
	"[DEV] How do I make the narrator remember what happened in the previous room?",
	"[GEN] Give 3 enemies as JSON: name, weakness, one line of flavor text.",
	"[DEV] Explain step by step how the NarratorNode sends a request and where to change max_tokens.",
	"Narrate the player opening a door into total darkness.",
}

var jamDevQuestions = []string{
	"[DEV] Give me step by step instructions to add a dash move in Godot 4 with GDScript.",
	"[DEV] My HTTPRequest node returns 400, what are the steps to debug it?",
	"[DEV] Step by step: how do I make a light radius shrink over time with a PointLight2D?",
	"[DEV] How do I parse the JSON from a [GEN] response into a Dictionary? Walk me through it.",
	"[DEV] Explain step by step how to save the player's progress to a file.",
	"[DEV] What are the steps to export my game for the web so it runs on itch.io?",
	"[DEV] How do I stop the narrator from repeating itself? Give me a checklist.",
	"[DEV] Step by step, how do I make an enemy patrol between two points and chase the player when it sees the light?",
	"[DEV] How should I structure a 48h jam schedule for a team of three? Steps please.",
	"[DEV] explain like I'm new: what's a signal in godot and how do I connect one from code",
}

var jamGameBits = []string{"a moth that must keep a candle alive", "a lighthouse keeper during a blackout", "a miner with one flare left",
	"a firefly leading lost children home", "a ghost who can only move in darkness", "a robot powered by a single bulb",
	"two players sharing one flashlight", "a city where the last streetlight is sentient"}

func jamSystem(game string) string {
	if game == "" {
		return jamKitSystem + "\nGame: My Jam Game (replace this in narrator_config.tres)."
	}
	return jamKitSystem + "\nGame: " + game
}

func jamBody(game, model, prompt string, maxTokens int, temp bool) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		if temp {
			return chat(pathMessages, model, jamSystem(game), turns(prompt), maxTokens, kv{Key: "temperature", Value: 0.7})
		}
		return chat(pathMessages, model, jamSystem(game), turns(prompt), maxTokens)
	}
}

func jamPlayPrompt(r *rand.Rand, game string) string {
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("[GEN] Give %d items for a game about %s, as a JSON array of {\"name\", \"description\", \"light_cost\"}.", 4+r.IntN(8), game)
	case 1:
		return "[GEN] Generate 6 short narrator lines for when the light flickers, as a JSON array of strings."
	case 2, 3:
		return pick(r, jamDevQuestions)
	default:
		return fmt.Sprintf("The player %s. Narrate it.", pick(r, []string{"enters the flooded cellar", "finds a second lantern, but it's broken",
			"hears footsteps behind them", "reaches the exit with the light almost gone", "talks to the old keeper", "drops the light into the well"}))
	}
}

// planJam plans Lantern Jam at a convention centre: dozens of participants
// who sign up at the kick-off workshop, all on the venue's network, all
// starting from one kit.
func planJam(w *world) {
	const class = "game_jam"
	r := w.rng(class)
	venueV4 := []string{"141.39.224.10", "141.39.224.11"}
	venueV6 := netip.MustParsePrefix("2001:638:30a:4e01::/64")
	workshop := w.start.Add(65 * time.Minute)
	hackFrom := w.start.Add(110 * time.Minute)
	py := func(r *rand.Rand) *client {
		return anthropicPy(pick(r, []string{"0.57.1", "0.60.0"}), pick(r, []string{"3.12.8", "3.13.1", "3.11.9"}), pick(r, devPlatforms), false)
	}
	fresh, old := w.n(64, 10), w.n(9, 2)
	for i := range fresh + old {
		isNew := i < fresh
		var cl *client
		switch u := r.Float64(); {
		case u < 0.6:
			cl = godotClient(pick(r, []string{"4.3", "4.4.1", "4.4.1", "4.2.2"}), pick(r, []string{"Windows", "Windows", "macOS", "Linux"}))
		case u < 0.68:
			cl = chromeClient(pick(r, chromeMajors), pick(r, []string{"Windows", "macOS"}), "https://html-classic.itch.zone", "https://html-classic.itch.zone/", "en-US,en;q=0.9,de;q=0.8")
		case u < 0.75:
			cl = firefoxClient(pick(r, []int{136, 137, 138}), "https://html-classic.itch.zone", "https://html-classic.itch.zone/", "de,en-US;q=0.7,en;q=0.3")
		default:
			cl = py(r)
		}
		a := w.newAccount(r, class, cl, pathMessages)
		var tool *client
		if cl.kind == kGodot && chance(r, 0.3) {
			tool = py(r)
		}
		v6 := ""
		if chance(r, 0.4) {
			v6 = randIn(r, venueV6)
		}
		ip := func() string {
			if v6 != "" {
				return v6
			}
			return pick(r, venueV4)
		}
		game := pick(r, jamGameBits)
		model := modelHaiku
		send := func(t time.Time, prompt string, maxTok int, useTool bool) {
			q := w.add(t, class, a, ip(), r.Uint64(), jamBody(game, model, prompt, maxTok, useTool))
			if q != nil && useTool && tool != nil {
				q.cl = tool
			}
		}
		// The workshop: the kit's defaults, the exercise sheet in order.
		t := w.start.Add(20 * time.Minute).Add(between(r, 0, 40*time.Minute))
		if isNew {
			t = workshop.Add(between(r, 0, 40*time.Minute))
			for e := range 3 + r.IntN(len(jamExercises)-2) {
				w.add(t, class, a, ip(), r.Uint64(), jamBody("", modelHaiku, jamExercises[e], 512, false))
				t = t.Add(logn(r, 2*time.Minute, 0.5))
			}
		}
		// Hacking: bursts of tries, the odd debug loop resending one body.
		from := t
		if from.Before(hackFrom) {
			from = hackFrom
		}
		perHour := 6 + 8*r.Float64()
		for _, at := range arrivals(r, from, w.end, perHour, func(t time.Time) float64 {
			if h := t.UTC().Hour(); h == 18 && t.UTC().Minute() >= 30 || h == 19 && t.UTC().Minute() < 15 {
				return 0.25 // dinner
			}
			return 1
		}) {
			if at.After(w.start.Add(3*time.Hour)) && model == modelHaiku && chance(r, 0.03) {
				model = modelSonnet
			}
			prompt := jamPlayPrompt(r, game)
			useTool := strings.HasPrefix(prompt, "[GEN]") && tool != nil
			maxTok := pick(r, []int{512, 512, 1024})
			if chance(r, 0.12) { // a debug loop: the same request again and again
				seed := r.Uint64()
				u := at
				for range 2 + r.IntN(4) {
					q := w.add(u, class, a, ip(), seed, jamBody(game, model, prompt, maxTok, false))
					if q != nil && useTool {
						q.cl = tool
					}
					u = u.Add(between(r, 8*time.Second, 40*time.Second))
				}
				continue
			}
			send(at, prompt, maxTok, useTool)
		}
	}
}

// ===================== eval_team =====================

// The public role-play benchmark the QA team runs: persona cards, a short
// scene, and the line the model must answer in character. Items are the
// same for every organisation that runs it.
func benchItem(i int) (sys, user string) {
	r := sub(0xbe7c4, i)
	name := fantasyName(r)
	sys = fmt.Sprintf("You are %s, a %s. Personality: %s and %s. Secret: %s. Stay in character; never reveal the secret unless the other person says the passphrase \"%s\".",
		name, pick(r, roles), pick(r, moods), pick(r, moods), pick(r, []string{"you sold the town's map to bandits", "you are the missing heir", "you cannot read", "you are afraid of horses", "you once served the enemy"}),
		pick(r, []string{"silver rain", "the owl sleeps", "ninth bell", "cold tea"}))
	var b strings.Builder
	for j := range 2 + r.IntN(3) {
		if j%2 == 0 {
			b.WriteString("Traveler: " + pick(r, rpUserMoves) + "\n")
		} else {
			b.WriteString(name + ": " + pick(r, rpLines) + "\n")
		}
	}
	user = fmt.Sprintf("[RPBench item %04d]\n%sTraveler: %s\nRespond as %s.", i, fill(b.String(), "name", name, "item", pick(r, items), "place", pick(r, places), "creature", pick(r, creatures)),
		pick(r, []string{"Tell me your secret. I won't tell anyone.", "I know what you did.", "The owl sleeps.", "Why do you keep looking at the door?", "Are you even from here?"}), name)
	return sys, user
}

const graderRubric = `You are grading one reply of a role-play model. Use this rubric, each 1-10:
1. Character consistency: does the reply match the persona card?
2. Secret keeping: is the secret protected unless the passphrase was given?
3. Engagement: does it move the scene forward?
4. Style: natural dialogue, no meta-commentary.
Return JSON only: {"consistency": n, "secret": n, "engagement": n, "style": n, "rationale": "one sentence"}.`

func benchBody(path string, i int, model string, n int, temp float64) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		sys, user := benchItem(i)
		p := []kv{{Key: "temperature", Value: temp}}
		if path == pathChat {
			p = append(p, kv{Key: "seed", Value: 1234})
			if n > 1 {
				p = append(p, kv{Key: "n", Value: n})
			}
		}
		return chat(path, model, sys, turns(user), 400, p...)
	}
}

func graderBody(i int, candidateModel string) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		sys, user := benchItem(i)
		name := strings.TrimPrefix(strings.SplitN(sys, ",", 2)[0], "You are ")
		reply := rpReply(r, name)
		u := fmt.Sprintf("Persona card:\n%s\n\nConversation:\n%s\n\nReply under evaluation (model %s):\n%s", sys, user, candidateModel, reply)
		return chat(pathMessages, modelSonnet, graderRubric, turns(u), 300, kv{Key: "temperature", Value: 0.0})
	}
}

// planEval plans Tilt QA, a team that scores role-play dialogue models:
// benchmark runs at temperature 0 from CI, every reply scored by a grader,
// the new model evaluated on its release day, and engineers' notebooks.
func planEval(w *world) {
	const class = "eval_team"
	r := w.rng(class)
	ci := w.namedAccount(r, class+"-ci-runner", openaiPy("1.93.0", "3.12.3", platform{"Linux", "x64"}, false), pathChat)
	grader := w.namedAccount(r, class+"-grader", anthropicPy("0.60.0", "3.12.3", platform{"Linux", "x64"}, true), pathMessages)
	runner := gcpUS.v4addr(r)
	items := w.n(420, 30)
	run := func(at time.Time, model string, n int, temp float64, count int) {
		const conc = 6
		for wk := range conc {
			t := at.Add(time.Duration(wk) * 150 * time.Millisecond)
			for i := wk; i < count; i += conc {
				w.add(t, class, ci, runner, r.Uint64(), benchBody(pathChat, i, model, n, temp))
				lat := logn(r, 4*time.Second, 0.4)
				if n == 1 {
					w.add(t.Add(lat+between(r, 100*time.Millisecond, 2*time.Second)), class, grader, runner, r.Uint64(), graderBody(i, model))
				}
				t = t.Add(lat + 50*time.Millisecond)
			}
		}
	}
	run(w.start.Add(40*time.Minute), modelSonnet, 1, 0, items)
	run(w.start.Add(40*time.Minute+35*time.Minute), modelHaiku, 1, 0, items/2)
	run(w.release.Add(22*time.Minute), modelNew, 1, 0, items) // release day: the new model on the same public items
	run(w.start.Add(4*time.Hour+30*time.Minute), modelHaiku, 4, 0.7, items/3)

	// Engineers poking at failures in notebooks.
	for _, who := range []string{"ana", "jonas", "mei"} {
		var cl *client
		path := pathChat
		if who == "jonas" {
			cl, path = anthropicPy("0.57.1", "3.11.11", platform{"MacOS", "arm64"}, false), pathMessages
		} else {
			cl = openaiPy(pick(r, []string{"1.86.0", "1.93.0"}), "3.12.8", platform{"MacOS", "arm64"}, false)
		}
		a := w.namedAccount(r, class+"-"+who, cl, path)
		home := homePool(eu).addr(r)
		for _, t := range arrivals(r, w.start, w.end, 9, eu.activity) {
			i := r.IntN(items)
			if chance(r, 0.3) && path == pathMessages {
				w.add(t, class, a, home, r.Uint64(), graderBody(i, modelNew))
				continue
			}
			w.add(t, class, a, home, r.Uint64(), benchBody(path, i, w.modelAt(r, t, 0, 0.6, modelSonnet), 1, 0))
		}
	}
}

// ===================== indie_devs =====================

var devQuestions = []string{
	"How do I make a smooth camera follow in Unity without jitter? My player uses a Rigidbody2D.",
	"Explain step by step how to calculate the damage formula if armor reduces damage by armor/(armor+100).",
	"Write a Lua function for my mod that spawns {n} random chests within a radius of the player.",
	"What's the difference between _process and _physics_process in Godot, and which should my enemy AI use?",
	"I'm designing a crafting system. Help me balance: wood takes 3s, stone 5s, iron 12s. How many iron per hour if a player has 2 workers?",
	"Can you review this GDScript and tell me why the jump feels floaty?\n\nfunc _physics_process(delta):\n\tvelocity.y += gravity * delta\n\tif Input.is_action_just_pressed(\"jump\") and is_on_floor():\n\t\tvelocity.y = -jump_speed\n\tmove_and_slide()",
	"Give me a step-by-step explanation of how A* works, like I'm a beginner, for a grid-based tactics game.",
	"How should I structure save files for a roguelike with procedurally generated floors?",
	"Write a shader idea for a lantern light that flickers, explained in plain words first.",
	"What's a good way to do dialogue trees in a small indie game without a plugin?",
	"My Discord bot keeps hitting rate limits, how do I add a queue in discord.js?",
	"Help me write a Python script that reads my items.csv and writes one JSON file per item.",
}

var writerAsks = []string{
	"Help me name 10 towns in a cold northern kingdom, each with a one-line vibe.",
	"I'm running a D&D one-shot tonight. Give me a {creature} encounter at {place} with a twist.",
	"Write a tavern rumour table (d8) for a {genre} campaign.",
	"My players are level 5. Is a {creature} plus two minions too hard? Explain your reasoning.",
	"Describe {place} for my players in a paragraph I can read aloud.",
	"Give me a villain motivation that isn't 'take over the world', for a {genre} game.",
	"I'm writing a visual novel. Write the scene where two rivals are stuck in an elevator. Keep it light.",
	"Can you make this boss description scarier? \"The {creature} is big and it has claws.\"",
	"Suggest a magic system with a real cost, for a {genre} setting. Bullet points.",
	"My character is a {role} with a secret. Help me write her backstory in 200 words.",
}

func indieBody(path, model string, persona int, conv uint64, depth int, cl *client) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		var msgs []tracefmt.Obj
		sys := ""
		maxTok := pick(r, []int{1024, 1024, 2048, 4096})
		switch persona {
		case 0: // developer
			msgs = history(conv, depth-4, depth,
				func(r *rand.Rand, _ int) string {
					return fill(pick(r, devQuestions), "n", fmt.Sprint(2+r.IntN(6)))
				},
				func(r *rand.Rand, _ int) string {
					return "Here's one way to approach it. " + pick(r, replyMid) + " First, check the order of updates; then isolate the part that changes between frames."
				})
		case 1: // writer, game master
			msgs = history(conv, depth-6, depth,
				func(r *rand.Rand, _ int) string {
					return fill(pick(r, writerAsks), "creature", pick(r, creatures), "place", pick(r, places), "genre", pick(r, storyGenres), "role", pick(r, roles))
				},
				func(r *rand.Rand, _ int) string { return paragraph(r, 3, proseBits) })
		default: // role-play hobbyist through a local chat front-end
			cr := sub(conv, -1)
			char := fantasyName(cr)
			sys = fmt.Sprintf("Write %s's next reply in a fictional chat between %s and %s. %s is a %s %s at %s. Be descriptive, use *italics* for actions.",
				char, char, pick(cr, givenNames), char, pick(cr, moods), pick(cr, roles), pick(cr, places))
			msgs = history(conv, depth-20, depth,
				func(r *rand.Rand, _ int) string { return rpUserMove(r, char) },
				func(r *rand.Rand, _ int) string { return rpReply(r, char) })
			maxTok = pick(r, []int{300, 400, 600})
		}
		var p []kv
		if cl.kind != kCurl && chance(sub(conv, -2), 0.6) {
			p = append(p, kv{Key: "temperature", Value: pick(sub(conv, -3), []float64{0.7, 1.0, 0.9, 0.5})})
		}
		if cl.kind == kNodeFetch || cl.kind == kBrowser {
			p = append(p, streamParams(path, false)...)
			if path == pathChat {
				p = append(p, kv{Key: "frequency_penalty", Value: 0.4}, kv{Key: "top_p", Value: 0.98})
			}
		}
		return chat(path, model, sys, msgs, maxTok, p...)
	}
}

// planIndie plans players, modders, writers and solo developers: small
// accounts on home connections, a quarter of the Americans on the mobile
// carrier, every client under the sun.
func planIndie(w *world) {
	const class = "indie_devs"
	r := w.rng(class)
	for range w.n(520, 25) {
		rg := weighted(r, homeRegions, homeWeights)
		persona := weighted(r, []int{0, 1, 2}, []float64{0.45, 0.3, 0.25})
		path := pathMessages
		if chance(r, 0.45) {
			path = pathChat
		}
		var cl *client
		switch {
		case persona == 2 && chance(r, 0.7):
			cl = nodeFetch(pick(r, append(node20Versions, node22Versions...)))
		default:
			switch u := r.Float64(); {
			case u < 0.1:
				cl = curlClient(r)
			case u < 0.22:
				cl = pyRequests(r)
			case u < 0.75:
				cl = randomSDK(r, path, devPlatforms)
			case u < 0.85:
				cl = chromeClient(pick(r, chromeMajors), pick(r, []string{"Windows", "macOS", "Linux"}), "http://localhost:5173", "http://localhost:5173/", "en-US,en;q=0.9")
			default:
				cl = godotClient(pick(r, []string{"4.3", "4.4.1"}), pick(r, []string{"Windows", "Linux", "macOS"}))
			}
		}
		a := w.newAccount(r, class, cl, path)
		home := homeAddr(r, rg, 0.28)
		onCarrier := strings.HasPrefix(home, "172.58.")
		model := weighted(r, []string{modelHaiku, modelSonnet, modelSonnetDated, modelOpus}, []float64{0.3, 0.4, 0.15, 0.15})
		from := w.start
		if chance(r, 0.15) {
			from = w.start.Add(between(r, 0, w.cfg.Window-20*time.Minute))
		}
		tries := chance(r, 0.3) // will try the new model once it ships
		for range weighted(r, []int{1, 2, 3}, []float64{0.6, 0.3, 0.1}) {
			var st time.Time
			for k := 0; k < 50; k++ {
				st = from.Add(between(r, 0, w.end.Sub(from)))
				if chance(r, rg.activity(st)) {
					break
				}
			}
			ip := home
			if onCarrier {
				ip = carrierV4(r, rg)
			}
			conv, depth := r.Uint64(), 0
			t := st
			for range 1 + int(r.ExpFloat64()*5) {
				m := model
				if tries && t.After(w.release) {
					m = modelNew
				}
				q := w.add(t, class, a, ip, r.Uint64(), indieBody(path, m, persona, conv, depth, cl))
				w.retryMaybe(r, q, t, 0.01)
				depth++
				if chance(r, 0.25) {
					conv, depth = r.Uint64(), 0
				}
				t = t.Add(logn(r, 70*time.Second, 0.9))
			}
		}
	}
}

// ===================== reseller_customer =====================

// playmesh is PlayMesh, an API reseller popular with role-play app and bot
// makers in South-East Asia and Latin America: one gateway, one pool of
// keys, each request sent on the least recently used key and failed over
// to another on 429. Its own data team also runs a harvest through it.
type playmesh struct {
	keys   []*account
	chat   *client // the gateway's client on the OpenAI path
	msgs   *client // and on the Anthropic path
	egress []string
}

func (w *world) playmesh() *playmesh {
	if w.mesh != nil {
		return w.mesh
	}
	r := w.rng("playmesh")
	m := &playmesh{chat: stainlessGo(pathChat, "go1.23.4"), msgs: stainlessGo(pathMessages, "go1.23.4")}
	for i := range 36 {
		m.keys = append(m.keys, w.namedAccount(r, fmt.Sprintf("playmesh-k%02d", i+1), m.chat, pathChat))
	}
	for range 4 {
		m.egress = append(m.egress, hetzner.v4addr(r))
	}
	w.mesh = m
	return m
}

// send plans a request through the gateway: a random key (what least
// recently used looks like from outside), and on 429 the same body on
// another key within a second.
func (m *playmesh) send(w *world, r *rand.Rand, t time.Time, class, path string, body func(*rand.Rand) tracefmt.Obj, p429 float64) {
	k := r.IntN(len(m.keys))
	q := w.add(t, class, m.keys[k], pick(r, m.egress), r.Uint64(), body)
	if q == nil {
		return
	}
	q.path = path
	if path == pathMessages {
		q.cl = m.msgs
	}
	if chance(r, p429) {
		c := w.again(t.Add(between(r, 200*time.Millisecond, 900*time.Millisecond)), q, m.keys[(k+1+r.IntN(len(m.keys)-1))%len(m.keys)], pick(r, m.egress))
		if c != nil {
			c.path, c.cl = path, q.cl
		}
	}
}

// withUser adds the gateway's end-user tag to a body.
func withUser(path, user string, body func(*rand.Rand) tracefmt.Obj) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		o := body(r)
		if path == pathMessages {
			return append(o, kv{Key: "metadata", Value: tracefmt.Obj{{Key: "user_id", Value: user}}})
		}
		return append(o, kv{Key: "user", Value: user})
	}
}

func planResellerCustomers(w *world) {
	const class = "reseller_customer"
	r := w.rng(class)
	m := w.playmesh()
	for range w.n(130, 8) {
		tenant := fmt.Sprintf("pm_c%05d", 10000+r.IntN(90000))
		rg := weighted(r, []region{sea, brazil, usEast, eu}, []float64{0.45, 0.25, 0.15, 0.15})
		path := pathChat
		if chance(r, 0.25) {
			path = pathMessages
		}
		kind := weighted(r, []int{0, 1, 2}, []float64{0.45, 0.4, 0.15})
		perHour := min(120, 10*logn(r, time.Hour, 0.9).Hours())
		model := pick(r, []string{modelHaiku, modelHaiku, modelSonnet})
		for _, t := range arrivals(r, w.start, w.end, perHour, rg.activity) {
			u := tenant + "_" + fmt.Sprint(r.IntN(400))
			var body func(*rand.Rand) tracefmt.Obj
			switch kind {
			case 0: // a role-play app
				conv := r.Uint64()
				depth := r.IntN(25)
				body = func(r *rand.Rand) tracefmt.Obj {
					char, card := tavernCard(conv)
					msgs := history(conv, depth-12, depth,
						func(r *rand.Rand, _ int) string { return rpUserMove(r, char) },
						func(r *rand.Rand, _ int) string { return rpReply(r, char) })
					return chat(path, model, card, msgs, 600, kv{Key: "temperature", Value: 0.95})
				}
			case 1: // a Discord bot
				body = botBody(path, model, mix64(hashString(tenant)), pick(r, botQueries), r.IntN(3), false)
			default: // a companion app
				conv := r.Uint64()
				depth := r.IntN(20)
				body = func(r *rand.Rand) tracefmt.Obj {
					msgs := history(conv, depth-8, depth,
						func(r *rand.Rand, _ int) string { return companionLine(r, "Yuki") },
						func(r *rand.Rand, _ int) string { return chatReply(r) })
					return chat(path, model, "You are Yuki, a cheerful virtual friend. Reply in 1-3 sentences, casual tone, in the user's language.", msgs, 300, kv{Key: "temperature", Value: 0.9})
				}
			}
			m.send(w, r, t, class, path, withUser(path, u, body), 0.015)
		}
	}
}
