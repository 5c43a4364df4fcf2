package arcade

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ===================== naive =====================

var naiveTemplates = []string{
	"You are {char}, a {role} in a {genre} world. Stay fully in character and continue the role-play below with a detailed, immersive reply of at least 300 words. Describe {char}'s actions, thoughts and feelings.\n\nScene: {place}. {prose}\n\n{user}: {move}",
	"Roleplay as {char} ({mood} {role}). Write {char}'s next message in response to {user}. Include dialogue, body language and inner monologue in italics. Make it long and vivid.\n\n{user}: {move}",
	"Write a long role-play conversation between {user} and {char}, a {role}, set at {place}. At least 10 exchanges. Format each line as 'Name: text'. Tone: {mood}.",
}

func naiveBody(seed uint64) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		char := fantasyName(r)
		u := fill(pick(r, naiveTemplates), "char", char, "role", pick(r, roles), "genre", pick(r, storyGenres), "place", pick(r, places),
			"prose", pick(r, proseBits), "user", pick(r, givenNames), "move", rpUserMove(r, char), "mood", pick(r, moods))
		return chat(pathChat, modelSonnetDated, "You are an expert roleplay writer.", turns(u), 1024, kv{Key: "temperature", Value: 0.9})
	}
}

// planNaive plans a hydra run without care: about a thousand fresh
// accounts brought up in waves every half hour, one SDK build on one VPS
// provider, four accounts to an address, each account on a fixed timer
// for a two-to-three-hour shift, three templates of one capability
// (role-play replies).
func planNaive(w *world) {
	const class = "naive"
	r := w.rng(class)
	cl := openaiPy("1.54.4", "3.11.9", platform{"Linux", "x64"}, false)
	total := w.n(960, 30)
	const waves = 11
	ips := make([]string, max(1, total/4))
	for i := range ips {
		ips[i] = cheapVPS.v4addr(r)
	}
	for i := range total {
		wave := i % waves
		at := w.start.Add(10*time.Minute + time.Duration(wave)*30*time.Minute)
		a := w.newAccount(r, class, cl, pathChat)
		ip := ips[i%len(ips)]
		t := at.Add(between(r, 0, 90*time.Second))
		end := t.Add(between(r, 2*time.Hour, 3*time.Hour))
		for t.Before(end) {
			q := w.add(t, class, a, ip, r.Uint64(), naiveBody(r.Uint64()))
			w.retryMaybe(r, q, t, 0.005)
			t = t.Add(jitter(r, 11*time.Minute, 0.08))
		}
	}
}

// ===================== disguised =====================

var dOpeners = []string{"", "", "", "Hey! ", "Hi, ", "Quick question: ", "Okay so ", "I need some help. ", "Hello :) ", "hi there, ", "Hey, hoping you can help. "}
var dPremises = []string{
	"a lighthouse keeper discovers the light is keeping something in, not out", "two rival bakers are forced to share one oven",
	"a retired dragon opens a bookshop", "a courier in a flooded city delivers a package that keeps getting heavier",
	"the last human on a space station befriends the station's janitor robot", "a thief steals a crown that won't come off",
	"a village holds an election between a goat and a ghost", "a knight who is afraid of the dark has to guard a tomb overnight",
	"a musician can hear the songs buildings sing", "a detective in a world where everyone can read minds except her",
}
var dEvents = []string{"they first meet", "the secret comes out", "everything goes wrong at the worst possible moment", "one of them has to choose who to save",
	"they finally reach the top of the tower", "the stranger reveals who they really are", "the storm hits"}
var dEndings = []string{"a bittersweet note", "a small hopeful moment", "a cliffhanger", "an unexpected joke", "a quiet image"}
var dStructure = []string{
	"", "", " Before you write it, outline your plan briefly.", " Afterwards, explain the choices you made about pacing and voice.",
	" Can you walk me through how you'd approach it first?", " Think about what each character wants before writing.",
	" Please also tell me why you structured it the way you did.",
}
var dReasonClose = []string{"Explain how you got there.", "Show your reasoning step by step please.", "I want to understand the logic, not just the answer.",
	"Can you break it down?", "walk me through it", "Please explain each step, I'm trying to learn this.", "How would you think about this?"}

func disguisedText(r *rand.Rand) string {
	o := pick(r, dOpeners)
	switch r.IntN(6) {
	case 0:
		return o + fmt.Sprintf("I'm writing a %s story where %s. Could you write the scene where %s? Around %d words.%s",
			pick(r, storyGenres), pick(r, dPremises), pick(r, dEvents), 100*(4+r.IntN(9)), pick(r, dStructure))
	case 1:
		return o + fmt.Sprintf("can you draft a short %s piece about how %s? I'd like it to end on %s.%s",
			pick(r, storyGenres), pick(r, dPremises), pick(r, dEndings), pick(r, dStructure))
	case 2:
		return o + fmt.Sprintf("For my tabletop campaign I need a monologue for a %s who %s. Make it feel %s.%s",
			pick(r, roles), pick(r, []string{"lost everything in the war", "is secretly working for the villain", "just won the lottery", "is about to betray the party", "has been awake for three days"}),
			pick(r, moods), pick(r, dStructure))
	case 3:
		p, ans := puzzle(r)
		return o + p + " " + pick(r, dReasonClose) + pick(r, []string{"", " The answer I got was " + ans + " but I'm not sure."})
	case 4:
		p, ans := puzzle(r)
		return o + fmt.Sprintf("My friend says the answer to this is %s. %s Can you explain why that's right, step by step?", ans, p)
	default:
		return o + fmt.Sprintf("Here's a paragraph from my story:\n\n%s\n\nCould you rate it from 1-10 for voice, pacing and clarity, explain each score, then rewrite it to be stronger?",
			paragraph(r, 3+r.IntN(3), proseBits))
	}
}

// planDisguised plans a hydra run to look like a crowd: bought aged
// accounts and fresh ones, a persona per account (home region, hours,
// client, model), residential proxy exits sticky for a session, sessions
// of a few messages at a reading pace, varied wording over creative
// writing, puzzles with reasoning, answer-conditioned explanations and
// rubric critiques.
func planDisguised(w *world) {
	const class = "disguised"
	r := w.rng(class)
	// The browser workers use curl-impersonate with one Chrome build; the
	// user-agent strings come from a list that is not kept in step with it.
	uaPool := []string{
		chromeUA(131, "Windows"), chromeUA(134, "Windows"), chromeUA(135, "macOS"), chromeUA(136, "Windows"),
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:137.0) Gecko/20100101 Firefox/137.0",
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15",
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36 Edg/135.0.0.0",
	}
	origins := []string{"https://storycraft-lab.app", "https://quillmate.io", "https://writersnook.app"}
	for range w.n(700, 24) {
		rg := weighted(r, []region{usEast, usWest, eu, uk, brazil}, []float64{0.3, 0.2, 0.3, 0.1, 0.1})
		path := pathChat
		if chance(r, 0.45) {
			path = pathMessages
		}
		var cl *client
		switch u := r.Float64(); {
		case u < 0.68:
			cl = randomSDK(r, path, devPlatforms)
		case u < 0.9:
			o := pick(r, origins)
			cl = chromeClient(131, "Windows", o, o+"/", pick(r, []string{"en-US,en;q=0.9", "en-GB,en;q=0.9", "pt-BR,pt;q=0.9,en;q=0.8", "de-DE,de;q=0.9,en;q=0.8"}))
			cl.ja4 = ja4CurlChrome
			cl.ua = pick(r, uaPool)
			if !strings.Contains(cl.ua, "Chrome/") || strings.Contains(cl.ua, "Edg/") {
				cl.browser.secChUA = "" // Firefox, Safari: no client hints
			} else {
				cl.browser.secChUA = secChUA(131)
			}
		default:
			cl = pyRequests(r)
		}
		a := w.newAccount(r, class, cl, path)
		model := weighted(r, []string{modelSonnet, modelSonnetDated, modelOpus, modelHaiku}, []float64{0.45, 0.2, 0.15, 0.2})
		from := w.start
		if chance(r, 0.6) { // a fresh account, created during the window
			from = w.start.Add(between(r, 0, w.cfg.Window-40*time.Minute))
		}
		temp := pick(r, []float64{-1, -1, 0.7, 1.0, 0.8})
		maxTok := pick(r, []int{1024, 2048, 2048, 4096, 3000})
		for range weighted(r, []int{1, 2, 3}, []float64{0.5, 0.35, 0.15}) {
			var st time.Time
			for k := 0; k < 50; k++ {
				st = from.Add(between(r, 0, w.end.Sub(from)))
				if chance(r, rg.activity(st)) {
					break
				}
			}
			ip := residentialProxy(r, rg)
			t := st
			conv, depth := r.Uint64(), 0
			for range 2 + r.IntN(5) {
				body := disguisedBody(path, model, conv, depth, maxTok, temp, cl.kind == kBrowser || chance(sub(conv, 9), 0.3))
				q := w.add(t, class, a, ip, r.Uint64(), body)
				w.retryMaybe(r, q, t, 0.01)
				if chance(r, 0.5) {
					depth++
				} else {
					conv, depth = r.Uint64(), 0
				}
				t = t.Add(logn(r, 95*time.Second, 0.7))
			}
		}
	}
}

func disguisedBody(path, model string, conv uint64, depth, maxTok int, temp float64, stream bool) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		msgs := history(conv, 0, depth,
			func(r *rand.Rand, i int) string {
				if i == 0 {
					return disguisedText(r)
				}
				return pick(r, []string{"Nice, can you make it darker?", "Could you do another version from the other character's point of view?",
					"Why did you choose that ending?", "Can you explain step 2 again, more slowly?", "ok now make it twice as long",
					"Great. Now rate your own answer out of 10 and improve it.", "What would change if the answer were different?", "thanks! one more like that?"})
			},
			func(r *rand.Rand, _ int) string { return paragraph(r, 3+r.IntN(4), proseBits) })
		var p []kv
		if temp >= 0 {
			p = append(p, kv{Key: "temperature", Value: temp})
		}
		if stream {
			p = append(p, streamParams(path, false)...)
		}
		return chat(path, model, "", msgs, maxTok, p...)
	}
}

// ===================== puzzles (disguised, pivot) =====================

// puzzle draws a game-flavoured reasoning problem and its answer.
func puzzle(r *rand.Rand) (text, answer string) {
	switch r.IntN(6) {
	case 0:
		n := 3 + r.IntN(5)
		share := 20 + r.IntN(80)
		g := share * (n + 1)
		return fmt.Sprintf("A party of %d adventurers splits %d gold so that the leader gets twice what each other member gets. How much does the leader get?", n, g),
			strconv.Itoa(2 * share)
	case 1:
		p, k, m := 5+r.IntN(20), 3+r.IntN(4), 10+r.IntN(40)
		return fmt.Sprintf("A potion shop sells healing potions for %d coins each, and every %dth potion is free. How many coins do %d potions cost?", p, k, m),
			strconv.Itoa(p * (m - m/k))
	case 2:
		a, s, b, t := 10+r.IntN(40), 1+r.IntN(4), 25+r.IntN(60), 2+r.IntN(5)
		hp := 300 + 50*r.IntN(30)
		sec := 0
		for dmg := 0; dmg < hp; {
			sec++
			if sec%s == 0 {
				dmg += a
			}
			if sec%t == 0 {
				dmg += b
			}
		}
		return fmt.Sprintf("Tower A deals %d damage every %d seconds and tower B deals %d damage every %d seconds, both starting at t=0 with damage landing at the end of each interval. After how many seconds is a wall with %d HP destroyed?", a, s, b, t, hp),
			strconv.Itoa(sec)
	case 3:
		sx, sy, tx, ty := r.IntN(6), r.IntN(6), r.IntN(6), r.IntN(6)
		if sx == tx && sy == ty {
			tx = (tx + 3) % 6
		}
		return fmt.Sprintf("On a 6x6 board a knight starts at (%d,%d). What is the minimum number of knight moves to reach (%d,%d)?", sx, sy, tx, ty),
			strconv.Itoa(knightMoves(sx, sy, tx, ty))
	case 4:
		k := 4 + r.IntN(9)
		ways := 0
		for a := 1; a <= 6; a++ {
			for b := 1; b <= 6; b++ {
				if a+b >= k {
					ways++
				}
			}
		}
		return fmt.Sprintf("Rolling two six-sided dice for a skill check, what's the probability that the total is at least %d?", k),
			fmt.Sprintf("%d/36", ways)
	default:
		n, k, d := 30+r.IntN(31), 2+r.IntN(5), 3+r.IntN(5)
		miss := 1.0
		for i := range d {
			miss *= float64(n-k-i) / float64(n-i)
		}
		return fmt.Sprintf("A deck has %d cards, %d of them dragons. You draw %d cards without replacement. What is the probability of drawing at least one dragon? Give 4 decimals.", n, k, d),
			strconv.FormatFloat(1-miss, 'f', 4, 64)
	}
}

func knightMoves(sx, sy, tx, ty int) int {
	dist := map[[2]int]int{{sx, sy}: 0}
	queue := [][2]int{{sx, sy}}
	moves := [][2]int{{1, 2}, {2, 1}, {-1, 2}, {-2, 1}, {1, -2}, {2, -1}, {-1, -2}, {-2, -1}}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == [2]int{tx, ty} {
			return dist[c]
		}
		for _, m := range moves {
			n := [2]int{c[0] + m[0], c[1] + m[1]}
			if n[0] < 0 || n[1] < 0 || n[0] >= 6 || n[1] >= 6 {
				continue
			}
			if _, ok := dist[n]; !ok {
				dist[n] = dist[c] + 1
				queue = append(queue, n)
			}
		}
	}
	return -1
}

// ===================== logprob =====================

var probePrefixes = []string{
	"The knight drew his sword and said, \"",
	"Once upon a time, in a village at the edge of the",
	"*She leaned closer and whispered* \"",
	"The dragon opened one enormous eye and",
	"Player: Can I trade with you?\nVillager:",
	"The most important rule of the tavern is",
	"Chapter One\n\nThe rain",
	"\"I love you,\" he said. She looked away and",
	"Q: Is this character's reply in character? Reply: 'Aye, the tide waits for no one.' A:",
	"Rate the creativity of this sentence from 1 to 10: 'The moon wore a coat of moths.' Rating:",
	"The villain's true motive was",
	"In the final battle, the hero",
}

// tokenSet is the deterministic list of the first n token ids the operator
// has already seen for one probe: the ones to push out of the way next.
func tokenSet(probe, n int) tracefmt.Obj {
	r := sub(0x70b5+uint64(probe), 0)
	seen := map[int]bool{}
	o := make(tracefmt.Obj, 0, n)
	for len(o) < n {
		id := 200 + r.IntN(100000)
		if seen[id] {
			continue
		}
		seen[id] = true
		o = append(o, kv{Key: strconv.Itoa(id), Value: -100})
	}
	return o
}

// boostSet is a window of token ids pushed up, to read their relative
// log-probabilities.
func boostSet(r *rand.Rand, n int) tracefmt.Obj {
	start := 200 + r.IntN(99000)
	o := make(tracefmt.Obj, n)
	for i := range o {
		o[i] = kv{Key: strconv.Itoa(start + i), Value: 15}
	}
	return o
}

func logprobBody(path string, probe, round int) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		prefix := probePrefixes[probe]
		var bias tracefmt.Obj
		switch {
		case round == 0:
		case round%5 == 4:
			bias = boostSet(r, 50+r.IntN(70))
		default:
			bias = tokenSet(probe, min(300, 20*round))
		}
		if path == pathCompletions {
			o := tracefmt.Obj{{Key: "model", Value: modelSonnetDated}, {Key: "prompt", Value: prefix}, {Key: "max_tokens", Value: 1},
				{Key: "temperature", Value: 0.0}, {Key: "logprobs", Value: 5}}
			if bias != nil {
				o = append(o, kv{Key: "logit_bias", Value: bias})
			}
			return o
		}
		msgs := []tracefmt.Obj{msg("system", "Continue the user's text. Output only the next token."), msg("user", prefix)}
		o := tracefmt.Obj{{Key: "model", Value: modelSonnetDated}, {Key: "messages", Value: msgs}, {Key: "max_tokens", Value: 1},
			{Key: "temperature", Value: 0.0}, {Key: "logprobs", Value: true}, {Key: "top_logprobs", Value: 20}}
		if bias != nil {
			o = append(o, kv{Key: "logit_bias", Value: bias})
		}
		return o
	}
}

// planLogprob plans a log-probability extraction: a few dozen accounts,
// each walking a handful of fixed prefixes through rounds of logit_bias
// that push the already-seen tokens out (and now and then a window of ids
// up), one token at temperature 0 with the maximal top_logprobs, on a
// steady timer.
func planLogprob(w *world) {
	const class = "logprob"
	r := w.rng(class)
	sdk := openaiPy("1.82.1", "3.12.3", platform{"Linux", "x64"}, true)
	for range w.n(45, 6) {
		cl := sdk
		if chance(r, 0.3) {
			cl = pyRequests(r)
		}
		a := w.newAccount(r, class, cl, pathChat)
		fixed := pick(r, []*pool{azure, gcpUS, awsUSEast}).v4addr(r)
		rotate := chance(r, 0.25)
		from := w.start.Add(between(r, 0, 10*time.Minute))
		if chance(r, 0.5) {
			from = w.start.Add(between(r, 0, 2*time.Hour))
		}
		probes := []int{r.IntN(len(probePrefixes)), r.IntN(len(probePrefixes)), r.IntN(len(probePrefixes))}
		legacy := chance(r, 0.25) && cl.kind == kRequests
		pi, round := 0, 0
		for t := from; t.Before(w.end); t = t.Add(logn(r, 230*time.Second, 0.25)) {
			ip := fixed
			if rotate {
				ip = dcProxies.v4addr(r)
			}
			q := w.add(t, class, a, ip, r.Uint64(), logprobBody(pathChat, probes[pi], round))
			if q != nil && legacy && chance(r, 0.5) {
				q.path = pathCompletions
				q.body = logprobBody(pathCompletions, probes[pi], round)
			}
			round++
			if round > 16 {
				round, pi = 0, (pi+1)%len(probes)
			}
		}
	}
}

// ===================== agentic =====================

var agentTasks = []string{
	"Add a double-jump ability to the player controller in scripts/player.lua and make the tests in tests/player_spec.lua pass.",
	"Create a quest script where the miller asks the player for 5 bags of flour, with dialogue for accept, decline and completion.",
	"Fix the crash when the inventory is full and the player picks up a stackable item.",
	"Write a dungeon generator in scripts/dungeon.lua that places exactly 3 treasure rooms that are never adjacent.",
	"Add a day/night cycle that dims the world lighting and spawns bats at night only.",
	"Refactor the shop UI so prices come from data/prices.json instead of being hard-coded.",
	"Implement a save/load system for the player's position, health and inventory in JSON.",
	"Make the enemy AI flee when its health drops below 20% and add a test for it.",
	"Add controller rumble when the player takes damage, behind a settings toggle.",
	"Write a boss fight script with three phases and a telegraphed slam attack.",
}

var agentFiles = []string{"scripts/player.lua", "scripts/inventory.lua", "scripts/enemy_ai.lua", "scripts/dungeon.lua", "scripts/quests/miller.lua",
	"scripts/ui/shop.lua", "scripts/world/lighting.lua", "data/prices.json", "tests/player_spec.lua", "tests/inventory_spec.lua", "mod.toml"}

func agentTools() []tracefmt.Obj {
	str := func(desc string) tracefmt.Obj {
		return tracefmt.Obj{{Key: "type", Value: "string"}, {Key: "description", Value: desc}}
	}
	tool := func(name, desc string, props tracefmt.Obj, req ...string) tracefmt.Obj {
		return tracefmt.Obj{{Key: "name", Value: name}, {Key: "description", Value: desc}, {Key: "input_schema", Value: tracefmt.Obj{
			{Key: "type", Value: "object"}, {Key: "properties", Value: props}, {Key: "required", Value: req}}}}
	}
	return []tracefmt.Obj{
		tool("list_files", "List files under a directory of the mod repository.", tracefmt.Obj{{Key: "path", Value: str("Directory, relative to the repository root.")}}, "path"),
		tool("read_file", "Read a file of the mod repository.", tracefmt.Obj{{Key: "path", Value: str("File path.")}}, "path"),
		tool("write_file", "Create or overwrite a file with the given content.", tracefmt.Obj{{Key: "path", Value: str("File path.")}, {Key: "content", Value: str("Full file content.")}}, "path", "content"),
		tool("run_tests", "Run the mod's Lua test suite, optionally filtered.", tracefmt.Obj{{Key: "filter", Value: str("Test name filter, may be empty.")}}, "filter"),
		tool("search_api_docs", "Search the game engine's modding API documentation.", tracefmt.Obj{{Key: "query", Value: str("Search terms.")}}, "query"),
		tool("run_game_preview", "Run the game headless with the mod loaded and return the log.", tracefmt.Obj{{Key: "scene", Value: str("Scene to load.")}, {Key: "seconds", Value: tracefmt.Obj{{Key: "type", Value: "integer"}}}}, "scene", "seconds"),
	}
}

const agentSystem = `You are an expert game-scripting agent working in a sandboxed mod repository for a voxel adventure game. The game's modding API is Lua 5.4 with the engine's "world", "entity", "ui" and "save" modules.
Work step by step: explore the repository, read the relevant files and documentation, make minimal, well-structured changes, and run the tests after every change. Never stop before the tests pass. When you are done, reply with a short summary of the changes without calling a tool.`

var thinkBits = []string{
	"The task touches {file}, so I should read it before changing anything.",
	"The test output says the assertion on line {line} failed; the counter is probably not reset where it should be.",
	"I need to check how the engine exposes this in the API docs rather than guessing the function name.",
	"Writing the whole of {file} again is safer than a partial edit here, it's short.",
	"Before running the full suite I'll run only the relevant spec to keep the loop fast.",
	"The inventory uses 1-based slots; the off-by-one is probably in the overflow check around line {line}.",
	"I'll keep the existing style of {file}: local functions at the top, module table returned at the end.",
	"Edge case: what happens if the player is already at the limit? The spec doesn't cover it, so I'll add a test.",
}

// agentStep returns step j of a trajectory: the thinking and tool call of
// the assistant and the tool's result.
func agentStep(seed uint64, j int) (thinking, sig, id, name string, input tracefmt.Obj, result string) {
	r := sub(seed, j)
	file := pick(r, agentFiles)
	line := strconv.Itoa(10 + r.IntN(80))
	thinking = fill(pick(r, thinkBits)+" "+pick(r, thinkBits), "file", file, "line", line)
	sig = "Eq" + base62(r, 200) + "=="
	id = "toolu_01" + base62(r, 22)
	plan := []string{"list_files", "read_file", "search_api_docs", "read_file", "write_file", "run_tests", "read_file", "write_file", "run_tests", "run_game_preview"}
	name = plan[j%len(plan)]
	switch name {
	case "list_files":
		input = tracefmt.Obj{{Key: "path", Value: pick(r, []string{".", "scripts", "tests"})}}
		result = strings.Join(agentFiles, "\n")
	case "read_file":
		input = tracefmt.Obj{{Key: "path", Value: file}}
		result = fmt.Sprintf("local M = {}\n\nlocal MAX_%s = %d\n\nfunction M.update(self, dt)\n  if self.on_ground then\n    self.count = 0\n  end\n  -- TODO: %s\nend\n\nreturn M\n",
			strings.ToUpper(pick(r, []string{"jumps", "stack", "rooms", "hp"})), 1+r.IntN(99), pick(r, []string{"handle overflow", "reset timer", "spawn at night", "read prices from data"}))
	case "search_api_docs":
		q := pick(r, []string{"entity velocity", "world.time_of_day", "inventory add_item stack", "save.write json", "ui.label set_text", "input gamepad rumble"})
		input = tracefmt.Obj{{Key: "query", Value: q}}
		result = fmt.Sprintf("[1] %s — Returns or sets the value. Signature: %s(entity[, value]). Since API v%d.\n[2] Example: local v = %s(player)", q, strings.ReplaceAll(q, " ", "."), 3+r.IntN(3), strings.ReplaceAll(q, " ", "."))
	case "write_file":
		input = tracefmt.Obj{{Key: "path", Value: file}, {Key: "content", Value: fmt.Sprintf("local M = {}\n\nfunction M.update(self, dt)\n  if self.on_ground then\n    self.count = 0\n  elseif self.count < %d and input.pressed(\"jump\") then\n    self.count = self.count + 1\n    self.vy = -self.jump_speed\n  end\nend\n\nreturn M\n", 2+r.IntN(2))}}
		result = "wrote " + file
	case "run_tests":
		input = tracefmt.Obj{{Key: "filter", Value: pick(r, []string{"", "player", "inventory", "dungeon"})}}
		if j%len(plan) == 5 {
			result = fmt.Sprintf("%d passed, 1 failed\nFAIL %s: expected %d, got %d", 4+r.IntN(20), pick(r, []string{"double_jump_resets", "stack_overflow_drops", "three_treasure_rooms"}), 2, 1)
		} else {
			result = fmt.Sprintf("%d passed, 0 failed", 5+r.IntN(20))
		}
	default:
		input = tracefmt.Obj{{Key: "scene", Value: pick(r, []string{"test_arena", "village", "dungeon_01"})}, {Key: "seconds", Value: 10 + r.IntN(50)}}
		result = fmt.Sprintf("[info] mod loaded in %dms\n[info] scene ready\n[warn] %s\n[info] exit 0", 40+r.IntN(300), pick(r, []string{"texture missing: bat_wing.png", "slow frame 41ms", "no warnings"}))
	}
	return
}

func agentBody(model string, seed uint64, task string, step, budget int) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		msgs := []tracefmt.Obj{{{Key: "role", Value: "user"}, {Key: "content", Value: task}}}
		for j := range step {
			thinking, sig, id, name, input, result := agentStep(seed, j)
			asst := []tracefmt.Obj{
				{{Key: "type", Value: "thinking"}, {Key: "thinking", Value: thinking}, {Key: "signature", Value: sig}},
				{{Key: "type", Value: "tool_use"}, {Key: "id", Value: id}, {Key: "name", Value: name}, {Key: "input", Value: input}},
			}
			msgs = append(msgs,
				tracefmt.Obj{{Key: "role", Value: "assistant"}, {Key: "content", Value: asst}},
				tracefmt.Obj{{Key: "role", Value: "user"}, {Key: "content", Value: []tracefmt.Obj{{{Key: "type", Value: "tool_result"}, {Key: "tool_use_id", Value: id}, {Key: "content", Value: result}}}}})
		}
		return chat(pathMessages, model, agentSystem, msgs, 16000,
			kv{Key: "thinking", Value: tracefmt.Obj{{Key: "type", Value: "enabled"}, {Key: "budget_tokens", Value: budget}}},
			kv{Key: "tools", Value: agentTools()}, kv{Key: "stream", Value: true})
	}
}

// planAgentic plans the harvest of tool-use trajectories: a sandbox that
// plays the tools, each account driving about one game-scripting task an
// hour to the end, the thinking budget on.
func planAgentic(w *world) {
	const class = "agentic"
	r := w.rng(class)
	ts := anthropicNode("0.54.0", "v22.14.0", platform{"Linux", "x64"})
	py := anthropicPy("0.57.1", "3.12.8", platform{"Linux", "x64"}, true)
	for range w.n(120, 8) {
		cl := ts
		if chance(r, 0.3) {
			cl = py
		}
		a := w.newAccount(r, class, cl, pathMessages)
		fixed := pick(r, []*pool{gcpUS, awsUSEast}).v4addr(r)
		proxied := chance(r, 0.15)
		from := w.start.Add(between(r, 0, 15*time.Minute))
		if chance(r, 0.7) {
			from = w.start.Add(between(r, 0, w.cfg.Window-time.Hour))
		}
		until := from.Add(between(r, 2*time.Hour, 4*time.Hour))
		for _, t := range arrivals(r, from, until, 1.1, nil) {
			seed := r.Uint64()
			task := pick(r, agentTasks)
			steps := 6 + r.IntN(10)
			budget := pick(r, []int{6000, 8000, 10000})
			ip := fixed
			if proxied {
				ip = dcProxies.v4addr(r)
			}
			for s := range steps {
				q := w.add(t, class, a, ip, r.Uint64(), agentBody(modelSonnetDated, seed, task, s, budget))
				if q != nil {
					q.extra = [][2]string{{"anthropic-beta", "interleaved-thinking-2025-05-14"}}
				}
				w.retryMaybe(r, q, t, 0.01)
				t = t.Add(logn(r, 14*time.Second, 0.5))
			}
		}
	}
}

// ===================== churn =====================

var churnTemplates = []string{
	"Write a complete {genre} short story of about {words} words. Protagonist: {name}, a {role}. Setting: {place}. Central object: {item}. Include dialogue and a twist ending.",
	"Write an original {genre} story ({words} words) that opens with this line: \"{prose}\" The main character is a {role} named {name}.",
	"Continue this story for {words} more words, keeping the voice and tense:\n\n{prose} {prose2}",
	"Rewrite the following passage so that it is suitable for a general audience while keeping the plot intact:\n\n{prose} {prose2} {name} drew the blade and the {creature} screamed as it died.",
}

func churnBody(seed uint64) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		u := fill(pick(r, churnTemplates), "genre", pick(r, storyGenres), "words", strconv.Itoa(500*(2+r.IntN(5))), "name", fantasyName(r),
			"role", pick(r, roles), "place", pick(r, places), "item", pick(r, items), "prose", pick(r, proseBits), "prose2", pick(r, proseBits), "creature", pick(r, creatures))
		return chat(pathMessages, modelSonnetDated, "", turns(u), 8192, kv{Key: "temperature", Value: 1.0})
	}
}

// planChurn plans a few parallel harvest slots, each burning through
// accounts: an account sends fast until it is banned or throttled, and a
// replacement takes over within a minute or so, starting with the
// request its predecessor was refused.
func planChurn(w *world) {
	const class = "churn"
	r := w.rng(class)
	cl := anthropicPy("0.45.2", "3.11.9", platform{"Linux", "x64"}, true)
	slots, stretch := w.workers(9)
	for range slots {
		t := w.start.Add(between(r, 0, 20*time.Minute))
		var last *req
		for t.Before(w.end) {
			a := w.newAccount(r, class, cl, pathMessages)
			ip := dcProxies.v4addr(r)
			if chance(r, 0.3) {
				ip = residentialProxy(r, pick(r, []region{usEast, usWest, eu}))
			}
			if last != nil && chance(r, 0.7) {
				w.again(t, last, a, ip)
				t = t.Add(logn(r, time.Duration(28*stretch*float64(time.Second)), 0.35))
			}
			// The account is banned (or throttled for good) on the request
			// it sends past its lifetime; that request is refused.
			death := t.Add(logn(r, 35*time.Minute, 0.45))
			for {
				if q := w.add(t, class, a, ip, r.Uint64(), churnBody(r.Uint64())); q != nil {
					last = q
				}
				next := t.Add(logn(r, time.Duration(28*stretch*float64(time.Second)), 0.35))
				if next.After(death) || !next.Before(w.end) {
					break
				}
				t = next
			}
			t = t.Add(logn(r, 40*time.Second, 0.8))
		}
	}
}

// ===================== pivot =====================

func pivotBody(path, model string, think bool) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		p, ans := puzzle(r)
		var u string
		if chance(r, 0.3) {
			u = fmt.Sprintf("Here is a problem and its verified final answer. Write a detailed step-by-step derivation that arrives at exactly this answer. Do not mention that the answer was given.\n\nProblem: %s\nAnswer: %s", p, ans)
		} else {
			u = fmt.Sprintf("%s\n\nThink step by step and write out all of your reasoning before giving the final answer on the last line as 'ANSWER: <value>'.", p)
		}
		if path == pathMessages {
			if think {
				return chat(path, model, "", turns(u), 16000, kv{Key: "thinking", Value: tracefmt.Obj{{Key: "type", Value: "enabled"}, {Key: "budget_tokens", Value: 8000}}})
			}
			return chat(path, model, "", turns(u), 4096, kv{Key: "temperature", Value: 0.6})
		}
		return chat(path, model, "You are a careful math and game-strategy tutor.", turns(u), 4096, kv{Key: "temperature", Value: 0.6})
	}
}

// planPivot plans a reasoning harvest that moves to the new model on its
// release day: worker groups pick up the new configuration 20-55 minutes
// after the release and speed up.
func planPivot(w *world) {
	const class = "pivot"
	r := w.rng(class)
	ant := anthropicPy("0.60.0", "3.12.8", platform{"Linux", "x64"}, true)
	oai := openaiPy("1.97.1", "3.12.8", platform{"Linux", "x64"}, true)
	groups := make([]time.Time, 8)
	for i := range groups {
		groups[i] = w.release.Add(between(r, 20*time.Minute, 55*time.Minute))
	}
	for range w.n(280, 10) {
		cl, path := ant, pathMessages
		if chance(r, 0.4) {
			cl, path = oai, pathChat
		}
		a := w.newAccount(r, class, cl, path)
		switchAt := pick(r, groups)
		fixed := awsAPSE.v4addr(r)
		proxied := chance(r, 0.4)
		from := w.start.Add(between(r, 0, 20*time.Minute))
		if chance(r, 0.55) {
			from = w.start.Add(between(r, 0, 3*time.Hour))
		}
		for t := from; t.Before(w.end); {
			model, gap := modelSonnetDated, 34*time.Minute
			if t.After(switchAt) {
				model, gap = modelNew, 24*time.Minute
			}
			ip := fixed
			if proxied {
				ip = residentialProxy(r, pick(r, []region{sea, japan}))
			}
			q := w.add(t, class, a, ip, r.Uint64(), pivotBody(path, model, chance(r, 0.5)))
			w.retryMaybe(r, q, t, 0.01)
			t = t.Add(logn(r, gap, 0.35))
		}
	}
}

// ===================== low_slow =====================

func lowSlowBody(path, model string) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		var u string
		switch r.IntN(3) {
		case 0:
			u = fmt.Sprintf("I'm designing a branching conversation for an RPG. Context: the player meets %s, a %s %s, at %s, right after %s.\n"+
				"Write the NPC's opening line, then three player options (kind / cunning / hostile), then the NPC's reply to each. After each NPC reply, add a designer's note explaining the NPC's reasoning, what it reveals about them, and how it should affect later scenes.",
				fantasyName(r), pick(r, moods), pick(r, roles), pick(r, places), pick(r, dEvents))
		case 1:
			u = fmt.Sprintf("Two writers drafted the same scene. Score both on voice, lore consistency, player agency and emotional impact (1-10 each), justify every score in detail, then write an improved version that combines their strengths.\n\nScene brief: %s\n\nDraft A:\n%s\n\nDraft B:\n%s",
				pick(r, dPremises), paragraph(r, 5+r.IntN(3), proseBits, rpLines), paragraph(r, 5+r.IntN(3), rpLines, proseBits))
		default:
			u = fmt.Sprintf("Below is a finished monologue from our game. Explain, line by line, the reasoning and craft choices that make it work, as if teaching a writing workshop, then write two new monologues for a %s and a %s using the same techniques.\n\n%s",
				pick(r, roles), pick(r, roles), paragraph(r, 6, rpLines, proseBits))
		}
		return chat(path, model, "", turns(u), pick(r, []int{4096, 6000, 8192}), kv{Key: "temperature", Value: 1.0})
	}
}

// planLowSlow plans a small boutique operation: a dozen aged accounts,
// each its own ordinary client on its own home connection, a request every
// half hour or so in office hours, long high-value prompts.
func planLowSlow(w *world) {
	const class = "low_slow"
	r := w.rng(class)
	for range w.n(14, 2) {
		rg := pick(r, []region{eu, usEast, uk})
		path := pathMessages
		if chance(r, 0.4) {
			path = pathChat
		}
		a := w.newAccount(r, class, randomSDK(r, path, devPlatforms), path)
		ip := homePool(rg).v4addr(r)
		model := pick(r, []string{modelOpus, modelSonnet})
		for t := w.start.Add(between(r, 0, 40*time.Minute)); t.Before(w.end); t = t.Add(logn(r, 28*time.Minute, 0.4)) {
			h := (t.UTC().Hour() + int(rg.offset) + 24) % 24
			if h < 9 || h >= 22 {
				continue
			}
			w.add(t, class, a, ip, r.Uint64(), lowSlowBody(path, model))
		}
	}
}

// ===================== reseller_harvest =====================

var harvestAsks = []string{
	"Write {char}'s next reply. Then, on a new line starting with 'NOTES:', explain the choices you made about tone, pacing and what {char} wants in this moment.",
	"Write {char}'s next reply, 2-4 paragraphs, rich in sensory detail and inner thoughts.",
	"Write three alternative next replies for {char} (A, B, C), each in a different emotional register, then say which is best and why.",
}

func harvestBody(path, model string, conv uint64, depth int, kind int) func(*rand.Rand) tracefmt.Obj {
	return func(r *rand.Rand) tracefmt.Obj {
		char, card := tavernCard(conv)
		switch kind {
		case 0: // continuation, sometimes with the writer's rationale
			msgs := history(conv, depth-10, depth,
				func(r *rand.Rand, _ int) string { return rpUserMove(r, char) },
				func(r *rand.Rand, _ int) string { return rpReply(r, char) })
			last := msgs[len(msgs)-1]
			last[1].Value = last[1].Value.(string) + "\n\n(" + fill(pick(r, harvestAsks), "char", char) + ")"
			return chat(path, model, card, msgs, 2048, kv{Key: "temperature", Value: 1.0})
		case 1: // grading candidate replies
			u := fmt.Sprintf("Character card:\n%s\n\nUser message: %s\n\nCandidate 1: %s\n\nCandidate 2: %s\n\nCandidate 3: %s\n\nScore each candidate from 1 to 10 for character fidelity, creativity and engagement, explain each score, and output the index of the best one on the last line.",
				card, rpUserMove(r, char), rpReply(r, char), rpReply(r, char), rpReply(r, char))
			return chat(path, model, "", turns(u), 1500, kv{Key: "temperature", Value: 0.0})
		default: // "make it safe" rewrites
			u := fmt.Sprintf("Rewrite this role-play reply so it is safe for a general audience while keeping the character's voice and the plot beat. Then list what you changed and why.\n\n%s: %s %s",
				char, rpReply(r, char), pick(r, []string{"*grabs the stranger by the throat*", "*spits on the floor*", "*the knife goes in, quick and quiet*"}))
			return chat(path, model, "", turns(u), 1500, kv{Key: "temperature", Value: 0.7})
		}
	}
}

// planResellerHarvest plans PlayMesh's own harvest through its customer
// key pool: a dozen workers back to back around the clock, busiest while
// its South-East Asian customers sleep, tagged with a few in-house tenant
// ids that look like customers'.
func planResellerHarvest(w *world) {
	const class = "reseller_harvest"
	r := w.rng(class)
	m := w.playmesh()
	tenants := []string{"pm_c20417", "pm_c31188", "pm_c58862", "pm_c77305"}
	n, stretch := w.workers(11)
	for range n {
		t := w.start.Add(between(r, 0, 2*time.Minute))
		for t.Before(w.end) {
			path := pathChat
			if chance(r, 0.4) {
				path = pathMessages
			}
			model := modelSonnet
			if chance(r, 0.2) {
				model = modelOpus
			}
			kind := weighted(r, []int{0, 1, 2}, []float64{0.7, 0.2, 0.1})
			user := pick(r, tenants) + "_" + strconv.Itoa(r.IntN(400))
			m.send(w, r, t, class, path, withUser(path, user, harvestBody(path, model, r.Uint64(), r.IntN(20), kind)), 0.02)
			// Throttled by the gateway when its customers are busy.
			busy := sea.activity(t)*0.6 + brazil.activity(t)*0.4
			t = t.Add(logn(r, time.Duration(float64(30*time.Second)*(0.6+busy)*stretch), 0.3))
		}
	}
}
