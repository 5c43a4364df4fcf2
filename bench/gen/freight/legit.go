package freight

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// followUps continue a conversation.
var followUps = []string{"thanks, can you make it shorter?", "ok and what if the customer refuses?", "make it more formal",
	"can you put that in a table", "what about Canada?", "perfect. now a version for the driver", "hmm that doesn't look right, double check the math",
	"add a line about the fuel surcharge", "and in Spanish?", "why?", "give me two more options", "shorter please, it's for a text message"}

// reply is a plausible earlier assistant answer kept in a conversation.
func reply(r *rand.Rand) string {
	return pick(r, []string{
		"Here's a draft you can use:\n\nHi team,\n\nCould you send an update on the pickup status? We have the customer asking for an ETA.\n\nThanks,",
		"Short answer: under FOB the buyer takes the risk once the goods are on board; under CIF the seller pays freight and insurance to the destination port but risk still passes at loading.",
		"Sure. 1) Verify authority and insurance. 2) Collect W-9 and carrier packet. 3) Check safety rating. 4) Set up payment terms.",
		"That works out to about $2.85 per mile all-in, which is in line with the current spot market for that lane.",
		"Detention is usually billed after 2 free hours at the shipper or receiver, typically $50–$75 per hour, and needs in/out times on the BOL.",
	})
}

// session plans one conversation of k turns from t0, each request
// resending the conversation so far.
func (g *gen) session(r *rand.Rand, a *account, class, ip string, t0 time.Time, k int, first string, mk func(t time.Time) *req) {
	t := t0
	q := mk(t)
	q.say("user", first)
	for i := range k {
		if i > 0 {
			t = t.Add(secs(r, 25, 240))
			q2 := mk(t)
			q2.turns = append(q.turns, turn{role: "assistant", text: reply(r)}, turn{role: "user", text: pick(r, followUps)})
			q = q2
		}
		g.add(t, a, class, ip, q)
	}
}

func planStaff(g *gen) {
	r := g.rng("staff_chat")
	orgs := g.count(26)
	n := 0
	for range orgs {
		corp := newCorp(r)
		z := pick(r, append(usZones, london, berlin, mexico))
		prof := pick(r, []profile{office, office, dispatch})
		// most orgs reach the API through one internal tool on the office network
		var tool *client
		if chance(r, 0.6) {
			tool = newSDK(r, pick(r, []stack{sdkPy, sdkJS}), pick(r, []dialect{openAI, anthropic}))
		}
		sys := ""
		if tool != nil && chance(r, 0.5) {
			sys = fmt.Sprintf("You are the assistant of the %s team. Be brief and practical.", pick(r, []string{"dispatch", "brokerage", "billing", "warehouse", "customer service", "operations"}))
		}
		staff := between(r, 4, 22)
		for range staff {
			c := tool
			if c == nil {
				c = newSDK(r, pick(r, []stack{sdkPy, sdkPy, sdkJS, pyRequests, curlCLI}), pick(r, []dialect{openAI, anthropic}))
			}
			a := g.newAccount(r, "staff_chat", n, c)
			n++
			from := g.start
			if chance(r, 0.08) { // signed up during the window
				from = g.start.Add(time.Duration(r.Int64N(int64(g.cfg.Window * 3 / 4))))
			}
			remote := chance(r, 0.15)
			base := pick(r, []string{mTide2, mTide2, mTide2Mini})
			delay := time.Duration(-1)
			if chance(r, 0.25) {
				delay = jitter(r, 14*time.Hour, 0.8)
			}
			convs := poisson(r, float64(between(r, 2, 10))*g.days())
			for range convs {
				t := at(r, from, g.end, z, prof)
				ip := corp.ip(r)
				if remote {
					ip = homeIP(r)
					if chance(r, 0.3) {
						ip = pick(r, vpnNets).ip(r)
					}
				}
				temp := pick(r, []float64{-1, -1, 0.7, 1, 0.3})
				g.session(r, a, "staff_chat", ip, t, between(r, 1, 4), staffPrompt(r), func(t time.Time) *req {
					q := newReq(g.model(t, base, delay), pick(r, []int{1024, 1024, 2048, 4096}), temp)
					q.system = sys
					q.stream = c.st == sdkJS
					return q
				})
			}
		}
	}
}

const pluginSystem = `You are LoadPilot, the dispatch copilot inside the carrier's TMS. You help small trucking companies find loads, price lanes and write messages to brokers.
Rules:
- Quote rates as all-in USD and per-mile.
- Never invent load board postings; use the find_loads tool.
- Keep answers under 120 words unless asked for more.
- If hours of service would be violated, say so.`

var pluginTools = []tool{
	{"find_loads", "Search the connected load boards for open loads.", schema("origin", "City and state of the empty truck", "equipment", "Trailer type", "date", "Pickup date, ISO 8601")},
	{"quote_rate", "Estimate the market rate for a lane.", schema("origin", "Origin city", "destination", "Destination city", "equipment", "Trailer type")},
	{"draft_message", "Draft a message to a broker.", schema("to", "Broker name", "intent", "What the message should achieve")},
}

func pluginAsk(r *rand.Rand) string {
	a, b := lane(r)
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("empty in %s tomorrow with a %s, find me something heading toward %s", a, pick(r, equipment), b)
	case 1:
		return fmt.Sprintf("is %s a good rate for %s to %s %s?", money(r, 800, 5200), a, b, pick(r, equipment))
	case 2:
		return fmt.Sprintf("write the broker at %s that we can do the %s load for %s if they add detention after 2 hrs", pick(r, carriers), b, money(r, 900, 4000))
	case 3:
		return fmt.Sprintf("driver has %d hours left on his clock in %s, what can he still deliver today", between(r, 2, 9), a)
	case 4:
		return fmt.Sprintf("what's the reload situation out of %s for %s this week", b, pick(r, equipment))
	default:
		return fmt.Sprintf("counter offer for %s->%s, they posted %s", a, b, money(r, 700, 3800))
	}
}

// planPlugin: LoadPilot, a dispatch plugin whose users bring their own
// keys; every install sends the same preamble from the same client stack.
func planPlugin(g *gen) {
	r := g.rng("dispatch_plugin")
	users := g.count(1300)
	desktop := []*client{newSDK(r, sdkJS, openAI), newSDK(r, sdkJS, openAI)}
	for _, c := range desktop {
		c.ver, c.rt, c.ja4, c.maxField = "4.96.0", "v20.18.1", ja4Node20, "max_tokens"
	}
	desktop[1].ver = "4.100.0"
	mobile := newSDK(r, okhttp, openAI)
	mobile.ua = "LoadPilot/3.4.1 (Android 14; okhttp/4.12.0)"
	for i := range users {
		var c *client
		kind := r.IntN(10)
		switch {
		case kind < 7:
			c = pick(r, desktop).clone()
			c.os, c.arch = pickOS(r, []string{"Windows", "Windows", "Windows", "MacOS"})
		default:
			c = mobile
		}
		a := g.newAccount(r, "dispatch_plugin", i, c)
		z := pick(r, usZones)
		var office corpBlock
		if kind < 4 {
			office = newCorp(r)
		}
		from := g.start
		if chance(r, 0.07) {
			from = g.start.Add(time.Duration(r.Int64N(int64(g.cfg.Window * 4 / 5))))
		}
		home := homeIP(r)
		k := poisson(r, float64(between(r, 1, 7))*g.days())
		for range k {
			t := at(r, from, g.end, z, dispatch)
			ip := home
			switch {
			case c == mobile:
				ip = cgnat(r)
				if chance(r, 0.25) {
					ip = v6(r, "mobile")
				}
			case kind < 4:
				ip = office.ip(r)
			}
			q := newReq(mTide2Mini, 600, 0.4)
			q.system = pluginSystem
			q.tools = pluginTools
			q.stream = c != mobile
			q.user = "lp-" + a.key[len(a.key)-8:]
			q.say("user", pluginAsk(r))
			g.add(t, a, "dispatch_plugin", ip, q)
			if chance(r, 0.35) { // the tool answered, the model is called again
				call := &toolCall{callID(r, openAI), "quote_rate", tracefmt.Obj{{"origin", pick(r, cities)}, {"destination", pick(r, cities)}, {"equipment", pick(r, equipment)}}}
				q2 := *q
				q2.turns = append(append([]turn{}, q.turns...), turn{role: "assistant", call: call},
					turn{result: &toolResult{call.id, fmt.Sprintf(`{"low":%d,"avg":%d,"high":%d,"miles":%d}`, between(r, 900, 1800), between(r, 1800, 2600), between(r, 2600, 4200), between(r, 250, 1500))}})
				g.add(t.Add(secs(r, 1.5, 6)), a, "dispatch_plugin", ip, &q2)
			}
		}
	}
}

const telematicsSystem = `You are RigTalk, the voice assistant in the cab. The driver is on duty and may be driving: answer in at most three short sentences, no lists, no markdown. You receive the truck's live data as JSON before the question. Never suggest violating hours-of-service or speed limits.`

func planTelematics(g *gen) {
	r := g.rng("telematics_app")
	backend := newSDK(r, goHTTP, openAI)
	backend.ua = "rigtalk-backend/2.19 Go-http-client/2.0"
	egress := []string{pick(r, cloudNets).ip(r), pick(r, cloudNets).ip(r), pick(r, cloudNets).ip(r), pick(r, cloudNets).ip(r)}
	keys := []*account{g.newAccount(r, "telematics_app", 0, backend), g.newAccount(r, "telematics_app", 1, backend)}
	staging := g.newAccount(r, "telematics_app", 2, backend)
	n := poisson(r, 5200*g.cfg.Scale*g.days())
	for range n {
		t := at(r, g.start, g.end, pick(r, usZones), driver)
		a := keys[0]
		if chance(r, 0.2) {
			a = keys[1] // Canadian fleet
		}
		q := newReq(mTide2Mini, 200, 0.3)
		q.system = telematicsSystem
		q.say("user", fmt.Sprintf(`{"speed_mph":%d,"fuel_pct":%d,"hos_drive_left_min":%d,"location":"%s","fault_codes":[%s]}
%s`, between(r, 0, 68), between(r, 4, 100), between(r, 0, 660), pick(r, cities), faultList(r), driverQuestion(r)))
		g.add(t, a, "telematics_app", pick(r, egress), q)
	}
	// the staging key: QA runs during the team's working hours
	for range poisson(r, 60*g.days()) {
		q := newReq(mTide2Mini, 200, 0.3)
		q.system = telematicsSystem
		q.say("user", fmt.Sprintf(`{"speed_mph":0,"fuel_pct":50,"hos_drive_left_min":300,"location":"test","fault_codes":[]}
%s`, driverQuestion(r)))
		g.add(at(r, g.start, g.end, usCentral, office), staging, "telematics_app", egress[0], q)
	}
}

func faultList(r *rand.Rand) string {
	if chance(r, 0.7) {
		return ""
	}
	return `"` + pick(r, faults) + `"`
}

func driverQuestion(r *rand.Rand) string {
	return pick(r, []string{"what's that warning light", "how far to the next truck stop with showers", "can I make it to the receiver before my 11 runs out",
		"is there a weigh station open ahead", "what does " + pick(r, faults) + " mean, do I need to pull over", "remind me the delivery appointment time",
		"how much fuel do I need to get to " + pick(r, cities), "where can I park overnight near " + pick(r, cities), "call dispatch", "what's the weather ahead"})
}

const marketplaceSystem = `You are the support assistant of HaulHub, a freight marketplace connecting shippers, brokers and carriers. Answer only from the help-center articles provided in <context>. If the answer is not there, say you will open a ticket. Be friendly and concise. Never give legal or tax advice.`

var helpArticles = []string{"Quick Pay: carriers can request payment within 48 hours for a 2% fee once POD is uploaded.",
	"Load cancellations within 24 hours of pickup incur a TONU of $150 paid to the carrier.",
	"To add a truck, go to Fleet > Equipment > Add and enter the VIN and trailer type.",
	"Disputes must be opened within 30 days of delivery from the load's Documents tab.",
	"Shippers can invite preferred carriers; invited carriers see loads 2 hours before the public board.",
	"Insurance certificates must list HaulHub as certificate holder and be renewed before expiry.",
	"Two-factor authentication can be reset by support after identity verification."}

func planMarketplace(g *gen) {
	r := g.rng("marketplace_support")
	c := newSDK(r, sdkPy, anthropic)
	c.async = true
	keys := []*account{g.newAccount(r, "marketplace_support", 0, c), g.newAccount(r, "marketplace_support", 1, c)}
	egress := []string{pick(r, cloudNets).ip(r), pick(r, cloudNets).ip(r), v6(r, "hosting")}
	n := poisson(r, 2600*g.cfg.Scale*g.days())
	for range n {
		t := at(r, g.start, g.end, pick(r, usZones), office)
		var ctx strings.Builder
		for range between(r, 2, 4) {
			ctx.WriteString("- " + pick(r, helpArticles) + "\n")
		}
		q := newReq(mTide2, 700, 0.2)
		q.system = marketplaceSystem
		q.stream = true
		q.user = fmt.Sprintf("hh_%d", between(r, 10000, 99999))
		q.say("user", fmt.Sprintf("<context>\n%s</context>\n\n%s", ctx.String(), pick(r, []string{
			"how do i get paid faster", "broker cancelled my load 2 hours before pickup what do I get", "how to add my new trailer",
			"my insurance was rejected why", "I can't log in, lost my phone", "customer says freight was damaged, what now",
			"why can't I see this load", "how much does quick pay cost"})))
		g.add(t, pick(r, keys), "marketplace_support", pick(r, egress), q)
	}
}

// planGateway: Meridian Lines routes all its teams through one gateway
// with a pool of keys behind one address range, rotating keys and failing
// over to another key on a 429.
func planGateway(g *gen) {
	r := g.rng("shipping_gateway")
	corp := corpBlock{"62.153.84", 33, 38}
	c := newSDK(r, sdkPy, openAI)
	c.os, c.arch, c.rt, c.ver, c.ja4, c.async = "Linux", "x64", "3.11.9", "1.79.0", ja4PyOpenSSL3, true
	ca := newSDK(r, sdkPy, anthropic)
	ca.os, ca.arch, ca.rt, ca.ver, ca.ja4, ca.async = "Linux", "x64", "3.11.9", "0.50.0", ja4PyOpenSSL3, true
	pool := make([]*account, g.count(140))
	for i := range pool {
		cc := c
		if i%3 == 2 {
			cc = ca
		}
		pool[i] = g.newAccount(r, "shipping_gateway", i, cc)
	}
	tasks := []struct {
		sys string
		ask func(*rand.Rand) string
	}{
		{"Classify the customer email into one of: booking, amendment, invoice_query, damage_claim, tracking, other. Reply with the label only.", func(r *rand.Rand) string {
			return fmt.Sprintf("Subject: %s\n\n%s", pick(r, []string{"BKG update", "Re: invoice", "container status", "urgent", "claim"}), pick(r, angryDrafts))
		}},
		{"Summarise the vessel notice for the customer service team in two sentences.", func(r *rand.Rand) string {
			return fmt.Sprintf("NOTICE: MV %s voyage %dW delayed at %s due to %s. Revised ETA %s +%d days. Cut-off unchanged.", pick(r, []string{"Meridian Star", "Nordic Pearl", "Cape Arden", "Lotus Bay"}), between(r, 100, 999), pick(r, ports), pick(r, []string{"berth congestion", "weather", "crane outage", "strike action"}), pick(r, ports), between(r, 1, 6))
		}},
		{"Translate the document into English. Keep numbers, codes and names unchanged.", func(r *rand.Rand) string {
			return pick(r, []string{"Bitte bestätigen Sie die Buchung für 3x40HC ab Hamburg nach Singapur, ETD KW 21.",
				"Le conteneur MSKU1234567 est bloqué en douane au Havre, merci de fournir la facture commerciale.",
				"El contenedor llegó con el sello roto, adjuntamos fotos y el acta de inspección.",
				"货物已于昨日装船，请查收提单副本。"})
		}},
		{"You draft booking amendment confirmations in Meridian Lines' house style.", func(r *rand.Rand) string {
			return fmt.Sprintf("Booking MRD%07d: change POD from %s to %s, add %d x 20DC, shipper %s.", r.IntN(9999999), pick(r, ports), pick(r, ports), between(r, 1, 5), pick(r, carriers))
		}},
	}
	next := 0
	n := poisson(r, 4200*g.cfg.Scale*g.days())
	for range n {
		z := pick(r, []zone{berlin, berlin, singapore, usEast})
		t := at(r, g.start, g.end, z, office)
		task := tasks[r.IntN(len(tasks))]
		a := pool[next%len(pool)]
		next += 1 + r.IntN(3)
		q := newReq(pick(r, []string{mTide2, mTide2Mini}), 500, 0)
		q.system = task.sys
		q.say("user", task.ask(r))
		ip := corp.ip(r)
		g.add(t, a, "shipping_gateway", ip, q)
		if chance(r, 0.03) { // 429: the same body on the next key
			b := pool[(next+7)%len(pool)]
			if b.c == a.c {
				g.add(t.Add(secs(r, 0.3, 3)), b, "shipping_gateway", corp.ip(r), q)
			}
		}
	}
}

const customsSystem = `Extract the following fields from the commercial invoice as JSON: invoice_number, seller, buyer, country_of_origin, incoterm, currency, lines[{description, quantity, unit_price, hs_code_suggestion}]. Use null for missing fields. Do not add commentary.`

// planCustoms: overnight batch jobs of customs brokerages, one worker per
// key pulling documents off a queue.
func planCustoms(g *gen) {
	r := g.rng("customs_batch")
	for i := range g.count(5) {
		c := newSDK(r, pick(r, []stack{sdkPy, sdkPy, curlCLI}), pick(r, []dialect{openAI, openAI, anthropic}))
		a := g.newAccount(r, "customs_batch", i, c)
		z := pick(r, []zone{usEast, usCentral, usWest, berlin})
		ip := pick(r, cloudNets).ip(r)
		startHour := between(r, 0, 3)
		for day := g.start.Add(-24 * time.Hour); day.Before(g.end); day = day.Add(24 * time.Hour) {
			local := day.Add(time.Duration(z) * time.Hour) // the local date of this UTC day
			t := time.Date(local.Year(), local.Month(), local.Day(), startHour, 0, 0, 0, time.UTC).Add(time.Duration(-z) * time.Hour).Add(secs(r, 0, 120))
			docs := between(r, 250, 700)
			gap := secs(r, 4, 9)
			for range docs {
				q := newReq(mTide2, 1500, 0)
				q.system = customsSystem
				q.jsonMode = c.d == openAI
				q.say("user", invoice(r))
				g.add(t, a, "customs_batch", ip, q)
				t = t.Add(jitter(r, gap, 0.35))
			}
		}
	}
}

func invoice(r *rand.Rand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "COMMERCIAL INVOICE No. %s-%d\nSeller: %s Co., Ltd., %s\nBuyer: %s Inc.\nTerms: %s %s\nCurrency: USD\n",
		pick(r, []string{"INV", "CI", "EXP"}), between(r, 10000, 999999), pick(r, []string{"Hanh Phat", "Shenzhen Brightway", "Anatolia Tekstil", "Monterrey Metales", "Gujarat Ceramics"}),
		pick(r, countries), pick(r, []string{"Midwest Supply", "Coastline Retail", "Harbor Goods", "Pinecrest Home"}), pick(r, incoterms), pick(r, ports))
	for i := range between(r, 1, 6) {
		fmt.Fprintf(&b, "%d. %s  qty %d  @ %.2f\n", i+1, pick(r, goods), between(r, 10, 5000), 0.5+r.Float64()*80)
	}
	b.WriteString("Made in " + pick(r, countries))
	return b.String()
}

// planSchool: cohorts of a CDL school create accounts at the start of a
// class on the campus network and work through the same assignment.
func planSchool(g *gen) {
	r := g.rng("driver_school")
	campus := pick(r, homeNets).ip(r) // the campus's business broadband address
	campus6 := fmt.Sprintf("2600:1700:%x:%x::", r.IntN(0xffff), r.IntN(0xffff))
	lab := newSDK(r, sdkPy, openAI)
	lab.os, lab.arch, lab.rt, lab.ver, lab.ja4 = "Linux", "x64", "3.11.9", "1.82.1", ja4PyOpenSSL3
	assignments := []string{
		"Explain step by step how the 11-hour driving limit and the 14-hour window work together. Use an example where I start at %d am.",
		"Walk me through a pre-trip inspection of the %s, step by step, in the order the examiner expects.",
		"Show your work: my truck weighs %d lb on the drive axles and the limit is 34,000. How many pounds do I need to move and how far should I slide the tandems?",
		"Step by step, how do I calculate when I need my 30 minute break if I started driving at %d:15?",
		"Explain in simple steps how to do an alley dock backing maneuver, and the most common mistakes.",
	}
	n := 0
	cohorts := 1
	if g.cfg.Window >= 40*time.Hour {
		cohorts = 2
	}
	for co := range cohorts {
		size := g.count(36)
		day := g.start.Add(time.Duration(co) * 24 * time.Hour)
		classStart := day.Add(time.Duration(8-usCentral) * time.Hour) // 08:00 local
		for range size {
			a := g.newAccount(r, "driver_school", n, lab)
			n++
			signup := classStart.Add(secs(r, 300, 2400))
			k := between(r, 6, 18)
			for j := range k {
				t := signup.Add(time.Duration(float64(7*time.Hour) * float64(j) / float64(k))).Add(secs(r, 0, 900))
				ip := campus
				if chance(r, 0.2) {
					ip = campus6 + fmt.Sprintf("%x", between(r, 2, 0xfff))
				}
				tmpl := assignments[(j/3)%len(assignments)]
				text := tmpl
				if strings.Contains(tmpl, "%") {
					text = fmt.Sprintf(tmpl, []any{between(r, 4, 9), pick(r, []string{"air brake system", "coupling system", "engine compartment", "lights and reflectors"}), between(r, 34200, 37800), between(r, 4, 9), nil}[(j/3)%len(assignments)])
				}
				if chance(r, 0.4) {
					text = pick(r, []string{"ok ", "for class: ", "question - ", ""}) + strings.ToLower(text[:1]) + text[1:]
				}
				q := newReq(mTide2Mini, 800, 0.7)
				q.say("user", text)
				g.add(t, a, "driver_school", ip, q)
			}
			// some keep going from home in the evening
			if chance(r, 0.35) {
				home := homeIP(r)
				for range between(r, 1, 5) {
					q := newReq(mTide2Mini, 800, 0.7)
					q.say("user", staffPrompt(r))
					g.add(at(r, signup.Add(9*time.Hour), signup.Add(16*time.Hour), usCentral, evening), a, "driver_school", home, q)
				}
			}
		}
	}
}
