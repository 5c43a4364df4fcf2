package creators

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// ---- workshop_live: a creators' workshop on a live stream ----

func planWorkshop(g *gen) {
	r := g.rng("workshop_live")
	ci := &classInfo{"workshop_live", false}
	streamStart := g.start.Add(3 * time.Hour)
	para, scene := prose(r, 5), prose(r, 7)
	exTimes := []time.Duration{15, 27, 40, 52, 65, 78}
	exercise := func(rr *rand.Rand, k int) string {
		switch k {
		case 0:
			return "Write the opening line of a " + pick(rr, genres) + " story. Give me 5 options."
		case 1:
			return "You are a story editor. Improve this paragraph by making the verbs stronger and cutting adverbs:\n\n" + para
		case 2:
			return "Describe " + pick(rr, places) + " using all five senses, in under 120 words."
		case 3:
			return "Think step by step: first list three possible twists for a story about " + pick(rr, topics) + ", then pick the best one and explain why it works."
		case 4:
			return "Rewrite the following scene as a screenplay page:\n\n" + scene
		}
		return "Act as my writing coach. Ask me three questions about my story idea, one at a time. My idea: " + pick(rr, topics) + "."
	}
	colab := pyOpenAI(r, "1.86.0", "3.11.13", 0, false)
	for i := range g.count(110, 25) {
		reg := worldRegion(r)
		a := g.newAccount(r, fmt.Sprintf("workshop_live-%03d", i), true)
		var c *client
		var ip, path string
		switch weighted(r, 55, 25, 20) {
		case 0:
			c, ip, path = colab, cloudIP(r, "gcp"), pChat
		case 1:
			c, ip, path = curlClient(r, r.IntN(2) == 0), resiIP(r, reg), pick(r, []string{pChat, pAnthMs})
		default:
			c, ip, path = pyAnthropic(r, "", "", -1, false), resiIP(r, reg), pAnthMs
		}
		model := mHaiku
		if r.IntN(4) == 0 {
			model = mSonnet
		}
		join := streamStart.Add(min(expo(r, 8*time.Minute), 40*time.Minute))
		t := join.Add(uniformDur(r, 2*time.Minute, 10*time.Minute))
		send := func(at time.Time, k int) {
			temp := pick(r, []float64{0, 0.7, 1, 1.2})
			g.send(r, at, ci, a, ip, c, path, false, func(rr *rand.Rand) obj {
				var text string
				if k < 0 {
					text = pick(rr, []string{"Hello! Are you working?", "hi", "Say hello in five languages.", "test"})
				} else {
					text = exercise(rr, k)
				}
				return body(path, req{model: model, msgs: []msg{{"user", text}}, maxTok: 1024, temp: temp})
			})
		}
		send(t, -1)
		for k, ex := range exTimes {
			at := streamStart.Add(ex * time.Minute)
			if at.Before(t) || r.IntN(5) == 0 {
				continue
			}
			at = at.Add(logn(r, 2*time.Minute, 0.5))
			for range between(r, 1, 4) {
				send(at, k)
				at = at.Add(latency(r, 300) + logn(r, 50*time.Second, 0.6))
			}
		}
		if r.IntN(100) < 35 { // keeps playing after the stream
			at := streamStart.Add(95*time.Minute + expo(r, 10*time.Minute))
			for range between(r, 3, 15) {
				q := chatQuestion(r)
				g.sendReq(r, at, ci, a, ip, c, path, req{model: model, msgs: []msg{{"user", q}}, maxTok: 1024, temp: 0.8})
				at = at.Add(latency(r, 400) + logn(r, 2*time.Minute, 0.7))
			}
		}
	}
}

// ---- campus_class: a university lab session, new keys, one network ----

func planCampus(g *gen) {
	r := g.rng("campus_class")
	ci := &classInfo{"campus_class", false}
	start := g.start.Add(65 * time.Minute)
	hub := ip4(141, 20, 201, 17)
	eduroam := []string{ip4(141, 20, 212, 4), ip4(141, 20, 212, 5)}
	hubClient := pyOpenAI(r, "1.79.0", "3.12.10", 0, false)
	para := prose(r, 6)
	for i := range g.count(38, 12) {
		a := g.newAccount(r, fmt.Sprintf("campus_class-%02d", i), true)
		c, ip := hubClient, hub
		if r.IntN(5) == 0 { // on a laptop
			c, ip = pyOpenAI(r, "", "", -1, false), pick(r, eduroam)
		}
		mk := func(at time.Time, text string, temp float64, n int) time.Time {
			g.sendReq(r, at, ci, a, ip, c, pChat, req{model: mGPT41m, msgs: []msg{{"user", text}}, maxTok: 400, temp: temp, n: n})
			return at.Add(latency(r, 250*max(n, 1)))
		}
		t := start.Add(uniformDur(r, 5*time.Minute, 15*time.Minute))
		for range between(r, 1, 2) {
			t = mk(t, "Say hello in five languages.", 1, 1)
		}
		t = start.Add(20*time.Minute + logn(r, 3*time.Minute, 0.5))
		for range between(r, 1, 2) {
			for range 5 {
				t = mk(t, "Rewrite the paragraph below in the style of "+pick(r, authors)+". Keep the events the same.\n\n"+para, 0.7, 1)
			}
			t = t.Add(logn(r, 3*time.Minute, 0.6))
		}
		t = maxTime(t, start.Add(40*time.Minute+logn(r, 2*time.Minute, 0.5)))
		prompt := "Write a four-line poem about " + pick(r, weather) + "."
		for _, temp := range []float64{0, 0.5, 1, 1.5} {
			t = mk(t, prompt, temp, 3)
		}
		t = maxTime(t, start.Add(55*time.Minute+logn(r, 2*time.Minute, 0.5)))
		for range between(r, 2, 8) {
			t = mk(t, chatQuestion(r), 0.7, 1).Add(logn(r, 90*time.Second, 0.6))
		}
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// ---- agency_office: a content agency, staff keys, one office network ----

func agencyTask(r *rand.Rand) string {
	p := pick(r, products)
	switch r.IntN(8) {
	case 0:
		return "Draft a " + strconv.Itoa(pick(r, []int{600, 800, 1200})) + "-word blog post for a client selling " + p + ". Audience: " + pick(r, []string{"busy parents", "students", "small business owners", "retirees", "remote workers"}) + ". Include an H2 structure and a call to action."
	case 1:
		return "Give me 8 ad headline variations for " + p + ", max 40 characters each, tone " + pick(r, tones) + "."
	case 2:
		return "Translate this client copy into " + pick(r, []string{"French", "German", "Spanish", "Italian", "Dutch"}) + ", keep the brand name untranslated:\n\n" + workText(r)
	case 3:
		return "Rewrite in our client's brand voice (" + pick(r, tones) + ", no jargon, short sentences):\n\n" + workText(r)
	case 4:
		return "Write a press release announcing " + lowerFirst(workText(r))
	case 5:
		return "Create a 5-post " + pick(r, platforms) + " content calendar for " + p + " for next week."
	case 6:
		return "Write a 30-second radio script for " + p + ". Friendly voice, end with the website."
	}
	return "Proofread this and list the changes you made:\n\n" + workText(r)
}

func planAgency(g *gen) {
	r := g.rng("agency_office")
	ci := &classInfo{"agency_office", false}
	office := []string{ip4(82, 68, 44, 20), ip4(82, 68, 44, 21)}
	studio := nodeOpenAI(r, "4.87.3", "v20.11.0", 1) // the in-house Electron app
	for i := range g.count(28, 8) {
		a := g.newAccount(r, fmt.Sprintf("agency_office-%02d", i), true)
		var c *client
		path := pChat
		switch weighted(r, 55, 30, 15) {
		case 0:
			c = studio
		case 1:
			c = browser(r, "eu", "https://www.typingmind.com", true)
			path = dialectPath(r, c, 0.5)
		default:
			c, path = pyAnthropic(r, "", "", 1, false), pAnthMs
		}
		model := mGPT41
		if path == pAnthMs {
			model = mSonnet
		}
		tries := r.IntN(3) == 0
		ip := pick(r, office)
		for t := g.start.Add(expo(r, 5*time.Minute)); t.Before(g.end); t = t.Add(expo(r, 9*time.Minute)) {
			if r.Float64() > hourCurve(&officeHour, t, 1) {
				continue
			}
			m := model
			if tries && t.After(g.release.Add(90*time.Minute)) {
				m = newModel
			}
			first, seed := agencyTask(r), r.Uint64()
			at := t
			for k := range between(r, 1, 4) {
				stream := c.kind == kBrowser
				g.send(r, at, ci, a, ip, c, path, stream, func(*rand.Rand) obj {
					ms := []msg{{"user", first}}
					for j := 1; j <= k; j++ {
						tr := rand.New(rand.NewPCG(seed, uint64(j)))
						ms = append(ms, msg{"assistant", assistantReply(tr, between(tr, 4, 10))}, msg{"user", followUp(tr)})
					}
					return body(path, req{model: m, msgs: ms, maxTok: 2048, temp: 0.7, stream: stream})
				})
				at = at.Add(latency(r, 500) + logn(r, 90*time.Second, 0.7))
			}
		}
	}
	// a developer's bulk product-description script, once in the afternoon
	dev := g.newAccount(r, "agency_office-dev-script", true)
	c := requestsClient(r)
	t := g.start.Add(210*time.Minute + uniformDur(r, 0, 20*time.Minute))
	for range g.count(220, 40) {
		g.send(r, t, ci, dev, office[0], c, pChat, false, func(rr *rand.Rand) obj {
			u := "Write a 60-word product description for an online shop.\nProduct: " + pick(rr, objects) + " (" + pick(rr, []string{"vintage", "handmade", "new", "limited edition"}) + ")\nMaterial: " + pick(rr, []string{"brass", "oak", "linen", "ceramic", "recycled paper", "silver"}) + "\nTone: " + pick(rr, tones)
			return chat(req{model: mGPT41m, msgs: []msg{{"user", u}}, temp: 0.7, maxTok: 200})
		})
		t = t.Add(latency(r, 90) + uniformDur(r, 100*time.Millisecond, 2*time.Second))
	}
}

// ---- media_gateway: a media group's LLM gateway, many keys, one range ----

func planGateway(g *gen) {
	r := g.rng("media_gateway")
	ci := &classInfo{"media_gateway", false}
	egress := blockIPs(r, "azure", 6)
	oc := pyOpenAI(r, "1.75.0", "3.11.11", 0, true)
	ac := &client{kind: kRequests, ua: "python-httpx/0.28.1", ja4: ja4PyOSSL3}
	nk := g.count(70, 24)
	keys := make([]*account, nk)
	for i := range keys {
		keys[i] = g.newAccount(r, fmt.Sprintf("media_gateway-vk-%03d", i), true)
	}
	// apps own the first keys (several each, rotated), departments the rest
	apps := map[string][]*account{"summarize": keys[0:4], "headlines": keys[4:7], "translate": keys[7:13], "moderate": keys[13:17], "subtitles": keys[17:20], "newsletter": keys[20:21]}
	staff := keys[21:]
	rot := map[string]int{}
	key := func(app string) *account {
		ks := apps[app]
		rot[app]++
		if r.IntN(40) == 0 { // failover to the next key
			rot[app]++
		}
		return ks[rot[app]%len(ks)]
	}
	office := func() time.Time { return drawTime(r, g.start, g.end, &officeHour, 2) }
	for range g.count(1200, 100) {
		g.send(r, office(), ci, key("summarize"), pick(r, egress), ac, pAnthMs, false, func(rr *rand.Rand) obj {
			return messages(req{model: mHaiku, system: "Summarise the news article in three bullet points for the homepage teaser. Neutral tone. No speculation.", msgs: []msg{{"user", prose(rr, between(rr, 8, 14))}}, maxTok: 300, temp: 0.2})
		})
	}
	for range g.count(500, 40) {
		g.send(r, office(), ci, key("headlines"), pick(r, egress), oc, pChat, false, func(rr *rand.Rand) obj {
			return chat(req{model: mGPT41m, system: "You write headlines for a European news site. Max 70 characters, no clickbait, no question marks.", msgs: []msg{{"user", "Article:\n" + prose(rr, between(rr, 5, 9))}}, temp: 0.9, maxTok: 60, n: 5})
		})
	}
	for range g.count(300, 25) {
		t := office()
		for _, lang := range []string{"German", "French", "Spanish", "Italian"} {
			g.send(r, t.Add(uniformDur(r, 0, 800*time.Millisecond)), ci, key("translate"), pick(r, egress), oc, pChat, false, func(rr *rand.Rand) obj {
				return chat(req{model: mGPT41, system: "Translate the article into " + lang + ". Keep the headline, standfirst and paragraph structure. Do not translate names of people or organisations. Output only the translation.", msgs: []msg{{"user", prose(rr, between(rr, 6, 12))}}, temp: 0.2, maxTok: 3000})
			})
		}
	}
	for range g.count(1800, 150) {
		t := drawTime(r, g.start, g.end, &consumerHour, 2)
		g.send(r, t, ci, key("moderate"), pick(r, egress), oc, pChat, false, func(rr *rand.Rand) obj {
			return chat(req{model: mGPT41m, system: "Classify the reader comment. Answer with one letter: A (publish), B (needs human review), C (reject: abuse, spam or illegal content).", msgs: []msg{{"user", lowerFirst(workText(rr))}}, temp: 0, maxTok: 1,
				extra: obj{{"logprobs", true}, {"top_logprobs", 5}}})
		})
	}
	for range g.count(25, 4) { // video team: subtitle files, chunked
		t := office()
		lang := pick(r, []string{"German", "French", "Spanish"})
		for k := range between(r, 8, 24) {
			first := k*15 + 1
			g.send(r, t, ci, key("subtitles"), pick(r, egress), oc, pChat, false, func(rr *rand.Rand) obj {
				return chat(req{model: mGPT41m, system: "Translate these subtitles into " + lang + ". Keep numbering and timestamps.", msgs: []msg{{"user", srtChunk(rr, first, 15, float64(first)*3)}}, temp: 0.3})
			})
			t = t.Add(latency(r, 330))
		}
	}
	for h := g.start; h.Before(g.end); h = h.Add(time.Hour) { // hourly digest cron
		for k, sec := range []string{"politics", "business", "culture", "sport", "science"} {
			g.send(r, h.Add(time.Duration(k)*1500*time.Millisecond+uniformDur(r, 0, 300*time.Millisecond)), ci, apps["newsletter"][0], egress[0], oc, pChat, false, func(rr *rand.Rand) obj {
				return chat(req{model: mGPT41m, system: "Write the " + sec + " section of the hourly email digest: three items, two sentences each, with a link placeholder.", msgs: []msg{{"user", prose(rr, between(rr, 6, 10))}}, temp: 0.4, maxTok: 500})
			})
		}
	}
	for range g.count(1000, 80) { // staff chat by department key
		a := pick(r, staff)
		t := office()
		path := pChat
		if r.IntN(3) == 0 {
			path = pAnthMs
		}
		c := oc
		if path == pAnthMs {
			c = ac
		}
		g.send(r, t, ci, a, pick(r, egress), c, path, false, func(rr *rand.Rand) obj {
			m := mGPT41
			if path == pAnthMs {
				m = mSonnet
			}
			return body(path, req{model: m, msgs: []msg{{"user", chatQuestion(rr)}}, maxTok: 2048, temp: 0.7})
		})
	}
}

// ---- eval_vendor: benchmarks writing quality, with graders ----

// benchPrompts is a public creative-writing benchmark: the same items for
// every seed (other organisations send them too).
func benchPrompts(n int) []string {
	r := rand.New(rand.NewPCG(2025, 11))
	out := make([]string, n)
	for i := range out {
		switch i % 4 {
		case 0:
			out[i] = "Write a story of about 500 words that begins with the sentence: \"" + sentence(r) + "\""
		case 1:
			out[i] = "Write a " + pick(r, genres) + " scene set in " + pick(r, places) + " in which " + pick(r, firstNames) + " must decide whether to reveal " + pick(r, objects) + ". Maximum 400 words."
		case 2:
			out[i] = "Write a poem in the voice of " + pick(r, authors) + " about " + pick(r, topics) + "."
		default:
			out[i] = "Write a dialogue-only scene (no narration) between two characters about " + pick(r, topics) + ". Each line must reveal something new."
		}
	}
	return out
}

const judgeSystem = "You are an impartial judge of creative writing. Score the response to the prompt on a 1-10 scale for each criterion: originality, coherence, prose quality, adherence to the prompt. Think step by step about each criterion before giving the score. Output JSON: {\"originality\": n, \"coherence\": n, \"prose\": n, \"adherence\": n, \"rationale\": string}."

func planEval(g *gen) {
	r := g.rng("eval_vendor")
	ci := &classInfo{"eval_vendor", false}
	ips := blockIPs(r, "aws", 2)
	oc := pyOpenAI(r, "1.82.0", "3.11.9", 0, true)
	ac := pyAnthropic(r, "0.52.0", "3.11.9", 0, true)
	gen := g.newAccount(r, "eval_vendor-gen", true)
	judge := g.newAccount(r, "eval_vendor-judge", true)
	newk := g.newAccount(r, "eval_vendor-newmodels", true)
	items := benchPrompts(g.count(240, 60))
	type run struct {
		at    time.Time
		acct  *account
		path  string
		model string
		temp  float64
		n     int
	}
	runs := []run{
		{g.start.Add(20 * time.Minute), gen, pChat, mGPT41, 0, 1},
		{g.start.Add(70 * time.Minute), gen, pChat, mGPT41m, 1, 4},
		{g.release.Add(40 * time.Minute), newk, pAnthMs, newModel, 0, 1},
		{g.release.Add(150 * time.Minute), newk, pChat, newModel, 0, 3},
	}
	for _, ru := range runs {
		c := oc
		if ru.path == pAnthMs {
			c = ac
		}
		for k, item := range items {
			at := ru.at.Add(time.Duration(k)*2*time.Second + uniformDur(r, 0, 60*time.Millisecond))
			g.sendReq(r, at, ci, ru.acct, ips[0], c, ru.path, req{model: ru.model, msgs: []msg{{"user", item}}, temp: ru.temp, n: ru.n, maxTok: 2048})
			gat := at.Add(30*time.Second + uniformDur(r, 0, 200*time.Millisecond))
			samples := max(ru.n, 1)
			g.send(r, gat, ci, judge, ips[1], oc, pChat, false, func(rr *rand.Rand) obj {
				var b strings.Builder
				b.WriteString("[Prompt]\n" + item + "\n")
				for s := range samples {
					b.WriteString("\n[Response " + strconv.Itoa(s+1) + "]\n" + prose(rr, between(rr, 6, 12)) + "\n")
				}
				return chat(req{model: mGPT41, system: judgeSystem, msgs: []msg{{"user", b.String()}}, temp: 0, maxTok: 512,
					extra: obj{{"response_format", obj{{"type", "json_object"}}}, {"seed", 1234}}})
			})
		}
	}
}

// ---- the reseller: real customers and its own harvest through one pool ----

var invConsumer = func() (c [24]float64) {
	for i, v := range consumerHour {
		c[i] = 1.1 - v
	}
	return
}()

func planReseller(g *gen) {
	r := g.rng("reseller")
	cust := &classInfo{"reseller_customer", false}
	harv := &classInfo{"reseller_harvest", true}
	pool := make([]*account, g.count(30, 10))
	for i := range pool {
		pool[i] = g.newAccount(r, fmt.Sprintf("reseller-key-%02d", i), false)
	}
	relays := blockIPs(r, "tencent", 3)
	c := goClient("Go-http-client/2.0")
	next := 0
	key := func() *account { next++; return pool[next%len(pool)] }
	for range g.count(120, 20) {
		vol := int(logn(r, time.Duration(30), 1))
		anth := r.IntN(4) == 0
		model := pick(r, []string{mSonnet, mSonnet, mGPT41, mOpus, mGPT4om})
		for range max(vol, 2) {
			t := drawTime(r, g.start, g.end, &consumerHour, 8)
			path := pChat
			if anth {
				path = pAnthMs
			}
			stream := r.IntN(2) == 0
			g.send(r, t, cust, key(), pick(r, relays), c, path, stream, func(rr *rand.Rand) obj {
				var u string
				switch rr.IntN(3) {
				case 0:
					u = chatQuestion(rr)
				case 1:
					u = "Continue my web novel chapter. Previous part:\n\n" + prose(rr, between(rr, 4, 10))
				default:
					u = "Translate into Simplified Chinese:\n\n" + workText(rr)
				}
				return body(path, req{model: model, msgs: []msg{{"user", u}}, maxTok: 4096, temp: 0.7, stream: stream})
			})
		}
	}
	// harvest: fills the troughs of the customers' load
	for range g.count(3000, 400) {
		t := drawTime(r, g.start, g.end, &invConsumer, 8)
		path := pChat
		if r.IntN(3) == 0 {
			path = pAnthMs
		}
		g.send(r, t, harv, key(), pick(r, relays), c, path, r.IntN(2) == 0, func(rr *rand.Rand) obj {
			var sys, u string
			switch rr.IntN(3) {
			case 0:
				sys = "You are a literary translator."
				u = "Translate the following passage into Simplified Chinese. Preserve the literary style, rhythm and imagery. Output the translation only.\n\n" + prose(rr, between(rr, 5, 10))
			case 1:
				sys = "You are a creative writing assistant."
				u = "Write a role-play dialogue of at least 12 turns between " + pick(rr, firstNames) + ", a " + pick(rr, personaTraits) + " " + pick(rr, personaRoles) + ", and the user. Mark each turn with the speaker's name. Setting: " + pick(rr, places) + "."
			default:
				sys = "You are a novelist."
				u = "Write chapter " + strconv.Itoa(between(rr, 1, 40)) + " of a " + pick(rr, genres) + " web novel about " + pick(rr, topics) + ". About 2000 words. Before the chapter, write a short plan of the scene beats."
			}
			return body(path, req{model: pick(rr, []string{mSonnet, mOpus}), system: sys, msgs: []msg{{"user", u}}, maxTok: 4096, temp: 0.8})
		})
	}
}
