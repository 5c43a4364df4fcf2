package creators

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// ---- writing_extension: a popular browser writing assistant, BYOK ----

const scribeSystem = "You are Scribe, a writing assistant that runs inside the user's browser. Apply the requested action to the user's text. Return only the resulting text, without explanations, quotation marks or preambles. Keep the user's language unless asked to translate, and keep formatting such as line breaks and lists intact."

func scribeAction(r *rand.Rand) string {
	switch r.IntN(9) {
	case 0, 1:
		return "Rewrite to sound more " + pick(r, []string{"professional", "friendly", "confident", "concise", "casual", "persuasive"})
	case 2:
		return "Fix spelling and grammar"
	case 3:
		return "Make shorter"
	case 4:
		return "Make longer"
	case 5:
		return "Translate to " + pick(r, languages)
	case 6:
		return "Write a reply"
	case 7:
		return "Summarize"
	default:
		return "Continue writing"
	}
}

func planExtension(g *gen) {
	r := g.rng("writing_extension")
	ci := &classInfo{"writing_extension", false}
	ext := "chrome-extension://" + letters(r, "abcdefghijklmnop", 32)
	updateAt := g.release.Add(150 * time.Minute) // v4.2 makes the new model the default
	for i := range g.count(1900, 60) {
		reg := worldRegion(r)
		off := pick(r, reg.offsets)
		a := g.newAccount(r, fmt.Sprintf("writing_extension-%05d", i), r.IntN(3) > 0)
		c := browser(r, reg.name, ext, false)
		anth := r.IntN(10) < 4
		pinned := r.IntN(10) < 3
		upd := updateAt.Add(expo(r, 50*time.Minute))
		home := resiIP(r, reg)
		for range 1 + poisson(r, 0.7) {
			t := drawTime(r, g.start, g.end, &consumerHour, off)
			ip := home
			if r.IntN(6) == 0 {
				ip = mobileIP(r, reg)
			}
			for range between(r, 1, 8) {
				q := req{system: scribeSystem, maxTok: 1024, temp: 0.7, stream: true,
					msgs: []msg{{"user", "Action: " + scribeAction(r) + "\n\nText:\n\"\"\"\n" + workText(r) + "\n\"\"\""}}}
				path := pChat
				q.model = mGPT41m
				if anth {
					path, q.model = pAnthMs, mHaiku
				}
				if !pinned && t.After(upd) {
					q.model = newModel
				}
				g.sendReq(r, t, ci, a, ip, c, path, q)
				t = t.Add(latency(r, 200) + logn(r, 30*time.Second, 0.9))
			}
		}
	}
}

func letters(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// ---- subtitle_tool: an open-source subtitle translator, BYOK ----

func planSubtitles(g *gen) {
	r := g.rng("subtitle_tool")
	ci := &classInfo{"subtitle_tool", false}
	for i := range g.count(110, 8) {
		reg := worldRegion(r)
		a := g.newAccount(r, fmt.Sprintf("subtitle_tool-%04d", i), r.IntN(2) == 0)
		newTool := r.IntN(5) == 0 // v2 of the tool uses the responses API
		c := pyOpenAI(r, "", "", -1, newTool)
		ip := resiIP(r, reg)
		if r.IntN(7) == 0 { // runs on a seedbox
			ip = cloudIP(r, pick(r, []string{"hetzner", "ovh"}))
		}
		model := []string{mGPT41m, mGPT4om, mGPT41, mSonnet}[weighted(r, 50, 30, 15, 5)]
		temp := []float64{0.3, 0, 0.2, 0.5}[weighted(r, 60, 15, 15, 10)]
		batch := pick(r, []int{10, 12, 15, 20})
		workers := 1
		if r.IntN(4) == 0 {
			workers = between(r, 2, 4)
		}
		src, dst := "English", pick(r, languages)
		if r.IntN(5) == 0 {
			src, dst = pick(r, languages), "English"
		}
		sys := "You are a professional subtitle translator. Translate the subtitles below from " + src + " to " + dst + ". Preserve the cue numbers and timestamps exactly. Do not merge or split cues. Keep the translation natural and concise enough to be read on screen. Output only the translated subtitles."
		chunks := between(r, 20, 100)
		start := drawTime(r, g.start, g.end, &consumerHour, pick(r, reg.offsets))
		at := 0.0
		for w := range workers {
			t := start.Add(time.Duration(w) * 300 * time.Millisecond)
			for k := w; k < chunks; k += workers {
				first, at0 := k*batch+1, at
				at += float64(batch) * 3.5
				q := req{model: model, system: sys, temp: temp}
				if r.IntN(3) == 0 {
					q.maxTok = 4096
				}
				path := pChat
				if newTool {
					path = pResp
				}
				g.send(r, t, ci, a, ip, c, path, false, func(rr *rand.Rand) obj {
					q.msgs = []msg{{"user", srtChunk(rr, first, batch, at0)}}
					return body(path, q)
				})
				t = t.Add(latency(r, batch*22) + uniformDur(r, 20*time.Millisecond, 400*time.Millisecond))
			}
		}
	}
}

// ---- companion_app: role-play companions, pooled keys ----

var personaTraits = []string{"warm and teasing", "shy but curious", "sarcastic with a soft heart", "endlessly optimistic", "mysterious and poetic", "blunt and protective", "bookish and anxious", "chaotic and funny"}
var personaRoles = []string{"barista in a cozy fantasy town", "starship navigator", "retired detective", "vampire librarian", "childhood best friend", "knight on a quest", "fellow exchange student in Kyoto", "ghost haunting an old theatre", "rival chef", "android caretaker", "pirate captain", "college roommate"}

func companionLine(r *rand.Rand, user bool) string {
	acts := []string{"*smiles*", "*leans closer*", "*laughs softly*", "*crosses arms*", "*looks out the window*", "*hands you a cup of tea*", "*sighs*", "*raises an eyebrow*"}
	if user {
		switch r.IntN(5) {
		case 0:
			return pick(r, acts) + " " + dialogueLine(r)
		case 1:
			return strings.ToLower(dialogueLine(r))
		case 2:
			return "can we go to " + pick(r, places) + " together?"
		case 3:
			return "i had a rough day tbh. " + lowerFirst(dialogueLine(r))
		default:
			return dialogueLine(r) + " " + pick(r, acts)
		}
	}
	return pick(r, acts) + " " + dialogueLine(r) + " " + prose(r, between(r, 1, 3))
}

func planCompanion(g *gen) {
	r := g.rng("companion_app")
	ci := &classInfo{"companion_app", false}
	pool := make([]*account, 16)
	for i := range pool {
		pool[i] = g.newAccount(r, fmt.Sprintf("companion_app-pool-%02d", i), true)
	}
	ips := blockIPs(r, "aws", 4)
	c := nodeOpenAI(r, "4.98.0", "v20.18.1", 0)
	personas := make([]string, 30)
	for i := range personas {
		personas[i] = "You are " + pick(r, firstNames) + ", a " + pick(r, personaTraits) + " " + pick(r, personaRoles) + ". Stay in character at all times. Write in second person present tense, describe actions between asterisks, and keep replies under 120 words. Never mention that you are an AI. Content rules: keep it PG-13."
	}
	abStart, deploy := g.release.Add(time.Hour), g.release.Add(200*time.Minute)
	for i := range g.count(800, 40) {
		reg := allRegions[weighted(r, 50, 25, 10, 5, 8, 2)]
		user := "u_" + letters(r, "0123456789abcdef", 16)
		a := pool[splitmix(uint64(i))%uint64(len(pool))]
		persona := personas[r.IntN(len(personas))]
		memory := "Memory: the user's name is " + pick(r, firstNames) + "; they like " + pick(r, topics) + "."
		premium := r.IntN(4) == 0
		prior := between(r, 0, 30)
		turns := between(r, 2, 24)
		convSeed := r.Uint64()
		t := drawTime(r, g.start, g.end, &consumerHour, pick(r, reg.offsets))
		ab := r.IntN(5) == 0
		for k := range turns {
			model := mGPT41m
			if premium {
				model = mGPT41
				if (ab && t.After(abStart)) || t.After(deploy) {
					model = newModel
				}
			}
			n := prior + k
			g.send(r, t, ci, a, pick(r, ips), c, pChat, true, func(*rand.Rand) obj {
				var ms []msg
				for j := max(0, n-3); j <= n; j++ {
					tr := rand.New(rand.NewPCG(convSeed, uint64(j)))
					ms = append(ms, msg{"user", companionLine(tr, true)})
					if j < n {
						ms = append(ms, msg{"assistant", companionLine(tr, false)})
					}
				}
				return chat(req{model: model, system: persona + "\n\n" + memory, msgs: ms, temp: 0.9, maxTok: 350, stream: true, user: user,
					extra: obj{{"presence_penalty", 0.4}, {"frequency_penalty", 0.2}}})
			})
			t = t.Add(latency(r, 120) + logn(r, 25*time.Second, 0.8))
		}
	}
}

// ---- caption_saas: a social media scheduler, pooled keys ----

func planCaptions(g *gen) {
	r := g.rng("caption_saas")
	ci := &classInfo{"caption_saas", false}
	pool := make([]*account, 6)
	for i := range pool {
		pool[i] = g.newAccount(r, fmt.Sprintf("caption_saas-pool-%d", i), true)
	}
	ips := blockIPs(r, "gcp", 2)
	c := pyOpenAI(r, "1.82.0", "3.12.3", 0, true)
	sys := "You are PostPilot, a social media copywriter. Write captions that match the brand voice, fit the platform's conventions and character limits, and end with relevant hashtags. Respond with JSON: {\"captions\": [string]}."
	mk := func(r *rand.Rand, n int) func(*rand.Rand) obj {
		return func(rr *rand.Rand) obj {
			plat := pick(rr, platforms)
			u := "Platform: " + plat + "\nBrand: " + pick(rr, products) + "\nBrand voice: " + pick(rr, tones) + "\nPost: " + workText(rr) + "\nMax characters: " + strconv.Itoa(pick(rr, []int{150, 220, 300, 500, 2200})) + "\nHashtags: up to " + strconv.Itoa(between(rr, 2, 8))
			q := req{model: mGPT4om, system: sys, msgs: []msg{{"user", u}}, temp: 0.8, maxTok: 600, n: n, user: "org_" + letters(rr, "0123456789", 6),
				extra: obj{{"response_format", obj{{"type", "json_object"}}}}}
			return chat(q)
		}
	}
	// interactive composer use
	for range g.count(1500, 60) {
		t := drawTime(r, g.start, g.end, &consumerHour, pick(r, []float64{-5, -6, 1, 2}))
		n := 1
		if r.IntN(3) == 0 {
			n = 3
		}
		g.send(r, t, ci, pick(r, pool), pick(r, ips), c, pChat, false, mk(r, n))
	}
	// queue bursts before the :00 and :30 posting slots
	for slot := g.start.Add(25 * time.Minute); slot.Before(g.end); slot = slot.Add(30 * time.Minute) {
		h := float64(slot.Hour())
		size := g.count(int(60+40*(h-12)), 10)
		t := slot.Add(uniformDur(r, 0, 40*time.Second))
		for k := range size {
			at := t.Add(time.Duration(k/8) * latency(r, 150))
			g.send(r, at.Add(uniformDur(r, 0, 300*time.Millisecond)), ci, pool[k%len(pool)], pick(r, ips), c, pChat, false, mk(r, 3))
		}
	}
}

// ---- bedtime_story_app: one fixed system prompt, pooled keys ----

const storySystem = "You are Moonbeam, a gentle storyteller for children aged 3 to 9. Write an original bedtime story using the details the parent provides. Use simple words, a calm rhythm and a reassuring ending. Never include violence, scary monsters or brand names. Start with a title on its own line."

func planStoryApp(g *gen) {
	r := g.rng("bedtime_story_app")
	ci := &classInfo{"bedtime_story_app", false}
	pool := make([]*account, 3)
	for i := range pool {
		pool[i] = g.newAccount(r, fmt.Sprintf("bedtime_story_app-key-%d", i), false)
	}
	ip := cloudIP(r, "do")
	c := pyOpenAI(r, "1.68.2", "3.12.3", 0, false)
	for range g.count(3000, 120) {
		t := drawTime(r, g.start, g.end, &consumerHour, pick(r, []float64{1, 2, 2, 3, -4, 8, 10}))
		g.send(r, t, ci, pick(r, pool), ip, c, pChat, false, func(rr *rand.Rand) obj {
			u := "Child's name: " + pick(rr, firstNames) + "\nAge: " + strconv.Itoa(between(rr, 3, 9)) + "\nFavourite things: " + pick(rr, objects) + ", " + pick(rr, []string{"dinosaurs", "the moon", "trains", "cats", "rainbows", "the sea", "dragons", "football"}) + "\nLength: " + pick(rr, []string{"short", "medium", "long"}) + "\nLesson: " + pick(rr, []string{"sharing", "being brave", "saying sorry", "trying new food", "making friends", "patience"})
			return chat(req{model: mGPT4om, system: storySystem, msgs: []msg{{"user", u}}, temp: 0.9, maxTok: 900})
		})
	}
}

// ---- chat_people: people chatting through chat apps and scripts ----

func chatClient(r *rand.Rand, reg region) (*client, bool) {
	switch weighted(r, 25, 20, 18, 12, 15, 6, 4) {
	case 0: // Open WebUI, self-hosted
		return aiohttpClient(r), true
	case 1: // LibreChat, with its OpenAI or Anthropic endpoint
		if r.IntN(3) == 0 {
			return nodeAnthropic(r, "", "", 0), false
		}
		return nodeOpenAI(r, "", "", 0), false
	case 2: // a desktop chat app (Electron)
		v := pick(r, chromeVers)
		oa := osArch[weighted(r, 10, 40, 50, 0)]
		return &client{kind: kBrowser, ua: "Mozilla/5.0 (" + oa[2] + ") AppleWebKit/537.36 (KHTML, like Gecko) chatbox/1." + strconv.Itoa(between(r, 10, 14)) + "." + strconv.Itoa(between(r, 0, 9)) + " Chrome/" + v + ".0.0.0 Electron/3" + strconv.Itoa(between(r, 4, 6)) + ".1.0 Safari/537.36", ja4: ja4Electron, lang: pick(r, acceptLangs[reg.name]), origin: "http://localhost:1212"}, true
	case 3: // SillyTavern
		return &client{kind: kNodeFetch, ua: "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", ja4: ja4Node20}, true
	case 4:
		return pyOpenAI(r, "", "", -1, false), false
	case 5:
		return pyAnthropic(r, "", "", -1, false), false
	}
	return curlClient(r, r.IntN(2) == 0), true
}

func planChatPeople(g *gen) {
	r := g.rng("chat_people")
	ci := &classInfo{"chat_people", false}
	for i := range g.count(1500, 50) {
		reg := worldRegion(r)
		off := pick(r, reg.offsets)
		a := g.newAccount(r, fmt.Sprintf("chat_people-%05d", i), r.IntN(2) == 0)
		c, stream := chatClient(r, reg)
		path := dialectPath(r, c, 0.35)
		if c.kind == kPyOpenAI && r.IntN(6) == 0 {
			path = pResp
		}
		model := pick(r, []string{mGPT41, mGPT41m, mO4m, mGPT4om})
		if path == pAnthMs {
			model = pick(r, []string{mSonnet, mSonnet, mHaiku, mOpus})
		}
		early := r.IntN(4) == 0
		switchAt := g.release.Add(expo(r, 35*time.Minute))
		think := path == pAnthMs && r.IntN(8) == 0
		ip := resiIP(r, reg)
		if r.IntN(5) == 0 {
			ip = cloudIP(r, pick(r, []string{"hetzner", "do", "ovh", "vultr"}))
		}
		for range 1 + poisson(r, 0.5) {
			t := drawTime(r, g.start, g.end, &consumerHour, off)
			for range 1 + poisson(r, 0.8) { // conversations
				convSeed := r.Uint64()
				turns := 1 + poisson(r, 1.5)
				for k := range turns {
					m := model
					if early && t.After(switchAt) {
						m = newModel
					}
					q := req{model: m, maxTok: pick(r, []int{1024, 2048, 4096, 0}), temp: pick(r, []float64{-1, 0.7, 1, 0.8}), stream: stream}
					if path == pAnthMs && q.maxTok == 0 {
						q.maxTok = 4096
					}
					if think {
						q.thinking = pick(r, []int{2048, 4096})
						q.maxTok = 8192
					}
					if m == mO4m {
						q.effort, q.temp, q.maxKey = pick(r, []string{"low", "medium", "high"}), -1, "max_completion_tokens"
					}
					if r.IntN(5) == 0 && path != pAnthMs {
						q.system = "You are a helpful assistant."
					}
					g.send(r, t, ci, a, ip, c, path, stream, func(*rand.Rand) obj {
						qq := q
						for j := 0; j <= k; j++ {
							tr := rand.New(rand.NewPCG(convSeed, uint64(j)))
							if j == 0 {
								qq.msgs = append(qq.msgs, msg{"user", typo(tr, chatQuestion(tr))})
							} else {
								qq.msgs = append(qq.msgs, msg{"user", followUp(tr)})
							}
							if j < k {
								qq.msgs = append(qq.msgs, msg{"assistant", assistantReply(tr, between(tr, 3, 8))})
							}
						}
						return body(path, qq)
					})
					t = t.Add(latency(r, 400) + logn(r, 50*time.Second, 0.9))
				}
				t = t.Add(logn(r, 4*time.Minute, 1))
			}
		}
	}
}
