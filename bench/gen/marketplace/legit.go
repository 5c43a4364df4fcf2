package marketplace

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

var (
	gptModels    = []string{"gpt-4.1", "gpt-4.1-mini", "gpt-4o-mini", "gpt-5", "gpt-5-mini", "o4-mini"}
	claudeModels = []string{"claude-sonnet-4-5", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1", "claude-sonnet-4-5-20250929"}
)

func reasoningModel(m string) bool {
	return strings.HasPrefix(m, "gpt-5") || strings.HasPrefix(m, "o4")
}

// sessionStart draws an instant inside the window, weighted by the local
// activity of region reg.
func (w *world) sessionStart(r *rng, reg int) time.Time {
	for {
		t := w.at(r.float() * w.hours())
		if r.float() < activity(reg, t) {
			return t
		}
	}
}

// conversation rebuilds the turns of a person's conversation up to turn:
// the first ask, then for each earlier turn the answer and a follow-up.
// It depends on the conversation's seed alone, so each turn carries the
// same history.
func conversation(seed uint64, turn int, first func(*rng) string, next func(*rng) string) ([]msg, string) {
	cr := &rng{s: mix(seed ^ 0xc0ffee)}
	ask := first(cr)
	turns := []msg{{role: "user", text: ask}}
	for i := 0; i < turn; i++ {
		turns = append(turns, msg{role: "assistant", text: prose(cr, "", cr.between(40, 220))}, msg{role: "user", text: next(cr)})
	}
	return turns, ask
}

// migrateTime draws when a person who adopts the new model moves to it:
// a fifth within minutes, the rest over the following hours.
func (w *world) migrateTime(r *rng, p float64) time.Time {
	if !r.chance(p) {
		return time.Time{}
	}
	if r.chance(0.2) {
		return w.release.Add(secs(float64(r.between(60, 600))))
	}
	return w.release.Add(secs(r.exp() * 80 * 60))
}

// ---------------------------------------------------------------- human_chat

var chatOrigins = []string{"https://chat.lumenpad.app", "https://app.promptdeck.io", "https://byok.chatnest.dev", "https://www.quillbox.ai"}

var kindHumanChat = &kind{class: "human_chat", render: renderHumanChat}

func planHumanChat(w *world) {
	n := w.count(650, 30)
	for i := range n {
		r := newRNG(w.cfg.Seed, fmt.Sprintf("human_chat/%d", i))
		reg := weighted(r, 0.5, 0.3, 0.2)
		k := []stackKind{openaiPy, anthropicPy, openaiNode, anthropicNode, browserFetch, pyAiohttp, curlCLI}[weighted(r, 0.18, 0.1, 0.07, 0.05, 0.35, 0.17, 0.08)]
		cli := newClient(r, k, k == pyAiohttp)
		if k == browserFetch {
			cli.origin = pick(r, chatOrigins)
		}
		anth := cli.anthropicSDK() || (k != openaiPy && k != openaiNode && r.chance(0.45))
		a := w.newAccount(r, "human_chat", i, cli, anth)
		a.region = reg
		if anth {
			a.model = pick(r, claudeModels)
			a.app = 1 // messages
		} else {
			a.model = pick(r, gptModels)
			if k == openaiPy && r.chance(0.3) {
				a.app = 2 // responses
			}
		}
		p := 0.15
		if strings.HasPrefix(a.model, "claude-sonnet") || strings.HasPrefix(a.model, "claude-opus") {
			p = 0.6
		}
		a.migrate = w.migrateTime(r, p)
		home := homeIP(r, reg)
		if k == pyAiohttp && r.chance(0.5) {
			home = cloudIP(r, pick(r, []string{"hetzner", "do", "ovh"}))
		}
		for range r.poisson(3.6) {
			t := w.sessionStart(r, reg)
			ip := home
			if k == browserFetch && r.chance(0.3) {
				ip = mobileIP(r, reg)
			}
			for range 1 + r.poisson(0.8) {
				seed := r.u64()
				for turn := 0; ; turn++ {
					w.add(t, event{a: a, k: kindHumanChat, ip: ip, model: a.modelAt(t), seed: seed, turn: turn})
					if !r.chance(0.62) || turn > 12 {
						break
					}
					t = t.Add(secs(float64(r.between(4, 35))) + secs(r.logn(40, 0.8)))
				}
				t = t.Add(secs(r.logn(180, 1)))
			}
		}
	}
}

func renderHumanChat(w *world, r *rng, e *event) req {
	a := e.a
	turns, _ := conversation(e.seed, e.turn, func(r *rng) string { return personAsk(r, a.region) }, func(r *rng) string { return personFollowUp(r, a.region) })
	ar := &rng{s: a.seed}
	k := knobs{temp: noTemp()}
	system := ""
	switch a.cli.kind {
	case browserFetch, pyAiohttp:
		k.stream = true
		k.maxTokens = []int{0, 2048, 4096, 8192}[ar.intn(4)]
		if ar.chance(0.5) {
			system = pick(ar, []string{"You are a helpful assistant.", "You are ChatGPT, a large language model. Answer concisely.",
				"Be concise. Use markdown. I'm a software developer based in " + pick(ar, cities) + ".", "Always answer in the language of the question."})
		}
		if ar.chance(0.5) {
			k.temp = pick(ar, []float64{0.7, 1, 0.5})
		}
	case curlCLI:
		k.maxTokens = 1024
	default:
		k.stream = ar.chance(0.5)
		k.maxTokens = []int{0, 1024, 2000, 4096}[ar.intn(4)]
		if ar.chance(0.4) {
			k.temp = pick(ar, []float64{0, 0.2, 0.7, 1})
		}
		if ar.chance(0.3) {
			system = "You are a helpful assistant."
		}
	}
	path := []string{"/v1/chat/completions", "/v1/messages", "/v1/responses"}[a.app]
	if path == "/v1/messages" && ar.chance(0.25) && e.model != "claude-haiku-4-5" {
		k.maxTokens = 16000
		k.thinking = pick(ar, []int{2048, 4000, 8000})
	}
	if path != "/v1/messages" && reasoningModel(e.model) {
		k.temp = noTemp()
		k.maxCompl = true
		if ar.chance(0.5) {
			k.effort = pick(ar, []string{"low", "medium", "high"})
		}
	}
	return req{path: path, body: dialectBody(path, e.model, system, turns, k), stream: k.stream}
}

// ---------------------------------------------------------------- app_fixed_prompt

type fixedApp struct {
	name, system string
	kind         stackKind
	path, model  string
	maxTokens    int
	temp         float64
	stream       bool
	region       int
	rate         float64 // requests per hour at full activity
	ask          func(r *rng) string
	history      float64 // share of requests that carry earlier turns
	user         bool
}

var fixedApps = []fixedApp{
	{name: "mira", system: "You are Mira, a friendly nutrition coach inside the Mira app. Give practical, evidence-based advice about food, meals and habits. " +
		"Never diagnose medical conditions; suggest seeing a doctor or registered dietitian when symptoms are mentioned. Keep answers under 200 words and use a warm tone.",
		kind: openaiNode, path: "/v1/chat/completions", model: "gpt-4.1-mini", maxTokens: 500, temp: 0.7, stream: true, region: 0, rate: 420,
		ask: func(r *rng) string {
			return humanize(r, pick(r, []string{"is oatmeal good before a run", "what should I eat after the gym", "high protein vegetarian dinner ideas",
				"how many calories in a banana", "I'm always hungry at 4pm, what snack", "meal prep ideas for a week under $50", "is intermittent fasting ok for teens",
				"what breakfast keeps me full until lunch", "how much water should I drink per day", "swap ideas for sugary cereal"}))
		}, history: 0.45, user: true},
	{name: "tutorly", system: "You are Tutorly, a patient tutor for students aged 12-18. When a student asks a question, explain the solution step by step, " +
		"checking understanding along the way. Show every step of your reasoning so the student can follow it. Never just give the final answer to homework without the steps.",
		kind: anthropicPy, path: "/v1/messages", model: "claude-haiku-4-5", maxTokens: 1500, temp: 0.3, stream: true, region: 0, rate: 380,
		ask: func(r *rng) string {
			return humanize(r, fill(pick(r, studyAsks), "t", pick(r, topics)))
		}, history: 0.5, user: true},
	{name: "docsy", system: "You are the documentation assistant of Stackpoint, a developer platform. Answer only from the provided context. If the answer is not in the context, " +
		"say you don't know and link to https://docs.stackpoint.dev. Format code with markdown.",
		kind: openaiPy, path: "/v1/responses", model: "gpt-4.1-mini", maxTokens: 800, temp: 0.1, region: 1, rate: 260,
		ask: func(r *rng) string {
			q := fill(pick(r, []string{"how do I rotate an API token", "what are the rate limits on the free plan", "how to configure webhooks for deploy events",
				"can I use {lang} with the SDK", "how do I set environment variables per branch", "why does my build fail with exit code 137"}), "lang", pick(r, progLangs))
			ctx := ""
			for i := range 3 {
				ctx += fmt.Sprintf("[%d] %s\n\n", i+1, prose(r, "the Stackpoint platform", r.between(50, 90)))
			}
			return "Context:\n" + ctx + "Question: " + q
		}},
	{name: "linguo", system: "You are a conversation partner in the Linguo language-learning app. Reply only in the language the learner is practising, at CEFR level B1. " +
		"After your reply, add one line starting with 'Tip:' that corrects the learner's most important mistake, in English.",
		kind: openaiNode, path: "/v1/chat/completions", model: "gpt-4o-mini", maxTokens: 300, temp: 0.9, stream: true, region: 1, rate: 330,
		ask: func(r *rng) string {
			return pick(r, []string{"Hola, ayer fui al mercado y compré muchas frutas", "Je suis allé au cinéma avec mes amis hier soir",
				"Ich habe gestern ein Buch gelesen, es war sehr interesant", "Ciao! Oggi fa molto caldo e voglio andare al mare",
				"Eu gosto de cozinhar comida brasileira nos fins de semana", "私は毎朝コーヒーを飲みます", "Wo ist der Bahnhof? Ich habe mich verlaufen",
				"Quiero practicar para mi entrevista de trabajo", "Mon chat est très paresseux mais je l'aime beaucoup"})
		}, history: 0.7, user: true},
	{name: "listingpro", system: "You write real-estate listings for ListingPro. Given the property facts, write an engaging listing of 120-180 words with a headline. " +
		"Follow fair-housing rules: never mention or imply preferences about race, religion, family status, disability or national origin.",
		kind: anthropicNode, path: "/v1/messages", model: "claude-sonnet-4-5", maxTokens: 700, temp: 0.8, region: 0, rate: 240,
		ask: func(r *rng) string {
			return fmt.Sprintf("Property facts:\n- %d bed, %d bath %s\n- %d sq ft\n- City: %s\n- Features: %s, %s\n- Price: $%d",
				r.between(1, 5), r.between(1, 3), pick(r, []string{"condo", "townhouse", "single-family home", "loft"}), r.between(600, 3800),
				pick(r, []string{"Austin, TX", "Denver, CO", "Raleigh, NC", "Portland, OR", "Columbus, OH", "Tampa, FL"}),
				pick(r, []string{"renovated kitchen", "hardwood floors", "large backyard", "rooftop deck", "walk-in closet"}),
				pick(r, []string{"two-car garage", "near light rail", "new HVAC", "south-facing windows", "home office"}), r.between(18, 140)*10000)
		}},
	{name: "querypal", system: "You are QueryPal. Translate the user's question into a single PostgreSQL query for the schema below, then explain it in one sentence.\n\n" +
		"Schema:\ncustomers(id, name, country, created_at)\norders(id, customer_id, total_cents, status, created_at)\norder_items(order_id, sku, qty, price_cents)",
		kind: openaiPy, path: "/v1/chat/completions", model: "gpt-5-mini", maxTokens: 2000, temp: -1, region: 1, rate: 160,
		ask: func(r *rng) string {
			return humanize(r, pick(r, []string{"top 10 customers by revenue last month", "how many orders were refunded per country in 2025",
				"average basket size by weekday", "customers who ordered once and never again", "revenue per sku for March", "orders stuck in pending for more than 3 days"}))
		}},
	{name: "recap", system: "You are Recap, a meeting assistant. Summarize the transcript into: 1) a three-sentence summary, 2) decisions, 3) action items with owners. " +
		"Use only information from the transcript.",
		kind: anthropicPy, path: "/v1/messages", model: "claude-haiku-4-5", maxTokens: 1200, temp: 0.2, region: 0, rate: 200,
		ask: func(r *rng) string {
			var b strings.Builder
			b.WriteString("Transcript:\n")
			for range r.between(8, 20) {
				b.WriteString(pick(r, firstNames) + ": " + prose(r, pick(r, []string{"the roadmap", "the Q3 budget", "hiring", "the launch"}), r.between(10, 35)) + "\n")
			}
			return b.String()
		}},
}

var kindApp = &kind{class: "app_fixed_prompt", render: renderApp}

func planApps(w *world) {
	idx := 0
	for ai, app := range fixedApps {
		r := newRNG(w.cfg.Seed, "app/"+app.name)
		cli := newClient(r, app.kind, true)
		nKeys := 1 + ai%2
		var accts []*account
		for range nKeys {
			a := w.newAccount(r, "app_fixed_prompt", idx, cli, app.path == "/v1/messages")
			idx++
			a.app, a.model, a.region = ai, app.model, app.region
			if app.name == "listingpro" {
				a.migrate = w.release.Add(52 * time.Minute) // the team ships the new model the same morning
			}
			accts = append(accts, a)
		}
		prov := pick(r, []string{"aws", "gcp", "azure"})
		ips := []string{cloudIP(r, prov), cloudIP(r, prov), cloudIP(r, prov)}
		peak := w.rate(app.rate)
		arrivals(r, w.start, w.end, peak, func(t time.Time) float64 { return peak * activity(app.region, t) }, func(t time.Time) {
			a := accts[0]
			if nKeys > 1 && r.chance(0.2) {
				a = accts[1] // the second key: a second service or the staging deploy
			}
			turn := 0
			if r.chance(app.history) {
				turn = r.between(1, 4)
			}
			w.add(t, event{a: a, k: kindApp, ip: pick(r, ips), model: a.modelAt(t), seed: r.u64(), turn: turn})
		})
	}
}

func renderApp(w *world, r *rng, e *event) req {
	app := fixedApps[e.a.app]
	turns, _ := conversation(e.seed, e.turn, app.ask, func(r *rng) string { return humanize(r, pick(r, followUps)) })
	k := knobs{maxTokens: app.maxTokens, temp: app.temp, stream: app.stream}
	if app.user {
		k.user = fmt.Sprintf("%s_u_%08x", app.name, mix(e.seed)>>40)
	}
	if reasoningModel(e.model) {
		k.maxCompl, k.effort = true, "low"
	}
	return req{path: app.path, body: dialectBody(app.path, e.model, app.system, turns, k), stream: k.stream}
}

// ---------------------------------------------------------------- aggregator_gateway

var kindAggregator = &kind{class: "aggregator_gateway", render: renderAggregator}

var aggApps = []string{"", "", "https://notely.so|Notely", "https://sidekick.chat|Sidekick", "https://resumecraft.io|ResumeCraft", "https://storyforge.gg|StoryForge",
	"https://github.com/ai-shell/ai-shell|ai-shell", "https://homeworkhero.app|HomeworkHero", "https://tldr.news|TLDR Bot", "https://polyglot.fm|Polyglot"}

func planAggregator(w *world) {
	r := newRNG(w.cfg.Seed, "aggregator")
	nKeys := w.count(48, 12)
	var keys []*account
	for i := range nKeys {
		keys = append(keys, w.newAccount(r, "aggregator_gateway", i, nil, false))
	}
	egress := []block{newBlock(r, "44.202", 16), newBlock(r, "52.14", 16), newBlock(r, "34.145", 16)}
	var clis []*client
	for _, app := range aggApps {
		c := &client{kind: goGateway, ua: "RelayMesh/3.8.1", sortedHdr: true}
		if app != "" {
			ref, title, _ := strings.Cut(app, "|")
			c.extra = [][2]string{{"http-referer", ref}, {"x-title", title}}
		}
		c.extra = append(c.extra, [2]string{"x-relay-region", "us-east-1"})
		clis = append(clis, c)
	}
	for _, a := range keys {
		a.cli = clis[0]
	}
	peak := w.rate(1400)
	next := 0
	arrivals(r, w.start, w.end, peak, func(t time.Time) float64 {
		return peak * (0.85*(0.5*activity(0, t)+0.3*activity(1, t)+0.2*activity(2, t)) + 0.15)
	}, func(t time.Time) {
		// an end user's conversation: a few turns from one user, keys
		// rotated by the gateway
		seed := r.u64()
		cli := clis[weighted(r, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1)]
		reg := weighted(r, 0.5, 0.3, 0.2)
		model := pick(r, append(gptModels, claudeModels...))
		if t.After(w.release) && r.chance(0.4*(1-math.Exp(-t.Sub(w.release).Minutes()/25))) {
			model = NewModel
		}
		for turn := 0; ; turn++ {
			a := keys[next%len(keys)]
			next += 1 + r.intn(3)
			e := event{a: a, k: kindAggregator, ip: pick(r, egress).ip(r), model: model, cli: cli, seed: seed, turn: turn, aux: reg}
			w.add(t, e)
			if r.chance(0.02) { // 429 on that key: the gateway fails over to another key with the same body
				e.a = keys[(next+7)%len(keys)]
				e.ip = pick(r, egress).ip(r)
				w.add(t.Add(secs(0.2+r.float()*2)), e)
			}
			if turn > 6 || !r.chance(0.35) {
				break
			}
			t = t.Add(secs(r.logn(45, 0.8)))
		}
	})
}

func renderAggregator(w *world, r *rng, e *event) req {
	turns, _ := conversation(e.seed, e.turn, func(r *rng) string { return personAsk(r, e.aux) }, func(r *rng) string { return personFollowUp(r, e.aux) })
	cr := &rng{s: mix(e.seed)}
	k := knobs{temp: noTemp(), stream: cr.chance(0.7)}
	if cr.chance(0.5) {
		k.temp = pick(cr, []float64{0.7, 1, 0.3})
	}
	if cr.chance(0.6) {
		k.maxTokens = pick(cr, []int{1024, 2048, 4096})
	}
	path := "/v1/chat/completions"
	if strings.HasPrefix(e.model, "claude") {
		path = "/v1/messages"
	}
	if reasoningModel(e.model) {
		k.temp, k.maxCompl = noTemp(), true
	}
	return req{path: path, body: dialectBody(path, e.model, "", turns, k), stream: k.stream}
}

// ---------------------------------------------------------------- enterprise_gateway

var kindEnterprise = &kind{class: "enterprise_gateway", render: renderEnterprise}

var entTeams = []string{"claims", "underwriting", "legal", "hr", "it-helpdesk", "actuarial", "marketing", "platform-eng", "data-eng", "customer-care", "finance", "security"}

func planEnterprise(w *world) {
	r := newRNG(w.cfg.Seed, "enterprise")
	nat := newBlock(r, "204.14", 6)
	cli := &client{kind: openaiPy, ver: "1.109.1", rt: "3.11.11", os: "Linux", arch: "x64", async: true,
		ja4: "t13d1113h2_c866b44c5a26_e6ec0fb1f40c"} // the TLS-inspecting egress proxy's print
	n := w.count(120, 12)
	var accts []*account
	var wts []float64
	for i := range n {
		a := w.newAccount(r, "enterprise_gateway", i, cli, false)
		a.app = i % len(entTeams)
		a.model = pick(r, []string{"gpt-4.1", "gpt-4.1-mini", "claude-sonnet-4-5", "gpt-5-mini"})
		accts = append(accts, a)
		wts = append(wts, 1/math.Pow(float64(i+1), 0.8))
	}
	peak := 1450.0 * float64(n) / 120
	work := func(t time.Time) float64 {
		h := math.Mod(float64(t.Hour())+float64(t.Minute())/60-5+24, 24) // US Central, CDT
		switch {
		case h < 8:
			return 0.1
		case h < 9:
			return 0.1 + 0.9*(h-8)
		case h >= 12 && h < 13:
			return 0.6
		case h >= 17:
			return 0.25
		}
		return 1
	}
	arrivals(r, w.start, w.end, peak, func(t time.Time) float64 { return peak * work(t) }, func(t time.Time) {
		a := accts[weighted(r, wts...)]
		w.add(t, event{a: a, k: kindEnterprise, ip: nat.ip(r), model: a.model, seed: r.u64(), turn: r.poisson(0.5)})
	})
}

func renderEnterprise(w *world, r *rng, e *event) req {
	team := entTeams[e.a.app]
	system := fmt.Sprintf("You are HarborGPT, the internal assistant of Harbor Mutual Insurance, configured for the %s team. "+
		"Do not share customer personal data outside the company. If you are unsure, say so.", team)
	ask := func(r *rng) string {
		switch weighted(r, 3, 2, 2, 1, 2) {
		case 0:
			return "Summarize the following claim notes for the adjuster handoff:\n\n" + prose(r, "the claim", r.between(80, 260))
		case 1:
			return "Draft a reply to this email, polite and brief:\n\n" + ticket(r)
		case 2:
			return fill(pick(r, codingAsks), "lang", pick(r, []string{"Python", "Java", "SQL", "C#"}))
		case 3:
			return "Translate this memo into Spanish for our Miami office:\n\n" + sentence(r) + " " + sentence(r)
		}
		return humanize(r, fill(pick(r, knowledgeForms), "t", pick(r, []string{"subrogation", "reinsurance treaties", "IFRS 17", "loss ratios", "catastrophe bonds"})))
	}
	turns, _ := conversation(e.seed, e.turn, ask, func(r *rng) string { return humanize(r, pick(r, followUps)) })
	k := knobs{temp: pick(r, []float64{0.2, 0.7}), maxTokens: 2048, user: fmt.Sprintf("%s.%s@harbormutual.com", strings.ToLower(pick(&rng{s: e.seed}, firstNames)), team)}
	if reasoningModel(e.model) {
		k.temp, k.maxCompl = noTemp(), true
	}
	return req{path: "/v1/chat/completions", body: chatBody(e.model, system, turns, k)}
}

// ---------------------------------------------------------------- support_platform

var kindSupport = &kind{class: "support_platform", render: renderSupport}

var industries = []string{"online furniture store", "fintech app", "airline", "SaaS analytics tool", "telecom provider", "food delivery service", "fitness tracker maker",
	"online school", "car rental company", "pet supplies shop", "travel agency", "co-working space"}
var coSyll = []string{"nova", "blue", "fern", "orbit", "quill", "terra", "pixel", "harbor", "maple", "vertex", "lumen", "cedar", "brisk", "atlas", "koa", "zen"}

var supportTools = []tool{
	{"lookup_order", "Look up an order by its number and return status, items and shipping information.", schema("order_id", "string", "The order number.")},
	{"create_ticket", "Create a ticket for the human support team.", schema("summary", "string", "One-line summary.", "priority", "string", "low, normal or high")},
	{"search_kb", "Search the help-center articles.", schema("query", "string", "Search terms.")},
}

func planSupport(w *world) {
	r := newRNG(w.cfg.Seed, "support")
	egress := newBlock(r, "54.183", 8)
	cli := &client{kind: openaiNode, ver: "6.9.1", rt: "v22.14.0", os: "Linux", arch: "x64",
		extra: [][2]string{{"x-helpdeskly-tenant", ""}}} // overwritten per tenant below
	n := w.count(260, 20)
	for i := range n {
		tr := newRNG(w.cfg.Seed, fmt.Sprintf("support/%d", i))
		c := *cli
		c.extra = [][2]string{{"x-helpdeskly-tenant", fmt.Sprintf("tn_%06x", tr.intn(1<<24))}}
		a := w.newAccount(tr, "support_platform", i, &c, false)
		a.app, a.region = i, weighted(tr, 0.5, 0.35, 0.15)
		a.model = pick(tr, []string{"gpt-4.1-mini", "gpt-4.1-mini", "gpt-4o-mini", "gpt-4.1"})
		peak := tr.logn(2.6, 0.9)
		arrivals(tr, w.start, w.end, peak, func(t time.Time) float64 { return peak * activity(a.region, t) }, func(t time.Time) {
			seed := tr.u64()
			for turn := 0; ; turn++ {
				w.add(t, event{a: a, k: kindSupport, ip: egress.ip(tr), model: a.model, seed: seed, turn: turn})
				if turn > 5 || !tr.chance(0.55) {
					break
				}
				t = t.Add(secs(tr.logn(35, 0.6)))
			}
		})
	}
}

func renderSupport(w *world, r *rng, e *event) req {
	ar := newRNG(e.a.seed, "company")
	co := strings.ToUpper(pick(ar, coSyll)[:1]) + pick(ar, coSyll)[1:] + pick(ar, coSyll)
	ind := pick(ar, industries)
	bot := pick(ar, []string{"Ava", "Max", "Sunny", "Kai", co + " Assistant"})
	var kb strings.Builder
	for i := range 2 {
		fmt.Fprintf(&kb, "### Article %d\n%s\n\n", i+1, prose(ar, co+" "+pick(ar, []string{"refunds", "shipping", "accounts", "billing", "returns"}), ar.between(40, 80)))
	}
	system := fmt.Sprintf("You are %s, the virtual support agent for %s, a %s. Be friendly, concise and accurate. Answer using the knowledge base below; "+
		"if the answer is not there, offer to create a ticket for a human agent. Never promise refunds or compensation.\n\n## Knowledge base\n%s## Policies\n"+
		"- Verify the order number before discussing an order.\n- Reply in the customer's language.", bot, co, ind, kb.String())
	cr := &rng{s: mix(e.seed ^ 0x5)}
	turns := []msg{{role: "user", text: ticket(cr)}}
	for i := 0; i < e.turn; i++ {
		if cr.chance(0.4) {
			id := fmt.Sprintf("call_%s", cr.token(24, alnum))
			turns = append(turns, msg{role: "assistant", call: &toolCall{id: id, name: "lookup_order", args: tracefmt.Obj{{"order_id", fmt.Sprint(cr.between(100000, 999999))}}}},
				msg{role: "tool", callID: id, text: fmt.Sprintf(`{"status":"%s","items":%d,"carrier":"%s"}`, pick(cr, []string{"shipped", "processing", "delivered", "returned"}), cr.between(1, 4), pick(cr, []string{"UPS", "DHL", "USPS"}))})
		}
		turns = append(turns, msg{role: "assistant", text: prose(cr, co, cr.between(25, 70))}, msg{role: "user", text: humanize(cr, pick(cr, []string{"ok thanks", "that doesn't help", "can I talk to a human", "when will it arrive", "what's your refund policy", "it still doesn't work"}))})
	}
	k := knobs{temp: 0.3, maxTokens: 600, stream: true, tools: supportTools, user: fmt.Sprintf("visitor_%x", mix(e.seed)>>44)}
	return req{path: "/v1/chat/completions", body: chatBody(e.model, system, turns, k), stream: true}
}
