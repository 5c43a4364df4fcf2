package voyage

import (
	"fmt"
	"strings"
	"time"
)

// reseller_customer and reseller_harvest: RelayPoint, an API reseller in
// Singapore that sells access in local currency to small businesses in
// South-East Asia and, increasingly, Europe. Its backend forwards each
// customer's request through a pool of twenty keys, round robin, moving a
// request that gets a 429 to the next key; it rebuilds every body with
// its own SDKs and tags it with a hash of the customer's id. Two of its
// bigger "customers" are a harvesting operation: their requests go
// through the same keys, addresses and client stack as everyone else's.
// Every request of the pool is labelled with the pool key it went out
// on, whichever class it belongs to.

type rpCustomer struct {
	id      string // the hash the reseller tags requests with
	tz      float64
	rate    float64 // conversations an hour at the customer's peak
	kind    string
	model   string
	lang    string
	system  string
	harvest bool
}

func planReseller(w *world) {
	custLab, harvLab := w.label("reseller_customer"), w.label("reseller_harvest")
	r := newRNG(w.cfg.Seed, "reseller")
	pool := make([]*account, 20)
	for i := range pool {
		pool[i] = w.newAccount(r, fmt.Sprintf("%sk%02d", ResellerPrefix, i+1), keyProject)
	}
	e := env{os: "Linux", arch: "x64", node: "v22.20.0"}
	oa := nodeClient(kNodeOpenAI, "6.18.2", e)
	an := nodeClient(kNodeAnthropic, "0.90.1", e)
	ips := append(r.v4s(awsAPSE, 3), r.v4(awsEUCent))
	next := r.IntN(len(pool))
	// route sends a body out on the pool's next key, failing over on a 429.
	route := func(t time.Time, lab *label, path string, body obj) {
		cl := oa
		if path == pathMessages {
			cl = an
		}
		a := pool[next%len(pool)]
		next++
		ip := ips[r.IntN(len(ips))]
		q := w.send(r, t, lab, a, cl, ip, path, body)
		for hop := 0; q != nil && r.chance(0.03) && hop < 3; hop++ {
			t = t.Add(secs(r.between(0.03, 0.3)))
			a = pool[next%len(pool)]
			next++
			q = w.resend(r, t, q, a, ip)
		}
	}
	var customers []*rpCustomer
	nc := r.count(48, w.scale, 10)
	for i := 0; i < nc; i++ {
		c := &rpCustomer{id: "rp_" + r.hex(24)}
		c.tz = wpick(r, []float64{tzSGT, tzJakarta, tzIndia, tzCET, tzUK, tzDubai, tzUSEast}, []float64{0.3, 0.2, 0.1, 0.2, 0.08, 0.07, 0.05})
		c.kind = wpick(r, []string{"chatbot", "content", "shop", "translate", "email"}, []float64{0.35, 0.2, 0.2, 0.1, 0.15})
		c.rate = r.lognorm(30, 0.9)
		c.model = wpick(r, []string{"gpt-5-mini", "gpt-4.1-mini", "gpt-5.1", "claude-haiku-4-5", "claude-sonnet-4-6"}, []float64{0.35, 0.2, 0.15, 0.15, 0.15})
		c.lang = map[float64]string{tzSGT: "English", tzJakarta: "Indonesian", tzIndia: "English", tzCET: "German", tzUK: "English", tzDubai: "Arabic", tzUSEast: "English"}[c.tz]
		if c.tz == tzSGT && r.chance(0.4) {
			c.lang = pick(r, []string{"Thai", "Vietnamese", "Simplified Chinese", "Malay"})
		}
		if c.kind == "chatbot" {
			name := r.hotelName()
			p := r.place()
			c.system = fmt.Sprintf("You are the front desk assistant of %s in %s. Answer guests' questions about rooms, breakfast, transfers, check-in and the neighbourhood. Be warm and brief. If you do not know, ask the guest to contact reception at +%d %d %d.", name, p.city, r.irange(30, 99), r.irange(100, 999), r.irange(1000, 9999))
		}
		customers = append(customers, c)
	}
	for _, c := range customers {
		ctr := c
		peak := ctr.rate / 3600 // the scale is in the number of customers
		rate := func(t time.Time) float64 { return peak * activity(&hobbyHours, t, ctr.tz) }
		for _, t := range r.poisson(w.start, w.end, peak, rate) {
			rpConversation(w, r, custLab, ctr, t, route)
		}
	}
	// The harvest: two customer ids, steady around the clock, three
	// requests in flight each.
	for hi, per := range []float64{0.11 * w.scale, 0.09 * w.scale} {
		c := &rpCustomer{id: "rp_" + r.hex(24), harvest: true}
		for worker := 0; worker < 3; worker++ {
			t := w.start.Add(secs(r.between(0, 30)))
			for t.Before(w.end) {
				path, body := rpHarvestBody(r, hi, c.id)
				route(t, harvLab, path, body)
				t = t.Add(secs(r.lognorm(3/per, 0.35)))
			}
		}
	}
}

// rpConversation plans one of a customer's conversations or jobs.
func rpConversation(w *world, r *rng, lab *label, c *rpCustomer, t time.Time, route func(time.Time, *label, string, obj)) {
	path := pathChat
	if strings.HasPrefix(c.model, "claude") {
		path = pathMessages
	}
	turns := 1
	if c.kind == "chatbot" {
		turns = 1 + int(r.exp(1.5))
	}
	h := history{}
	for i := 0; i < turns && w.within(t); i++ {
		var user string
		switch c.kind {
		case "chatbot":
			user = pick(r, []string{"Do you have airport pickup? How much?", "Is breakfast included in my booking?", "Can I check in at 10am?",
				"What's a good place to eat nearby?", "Do you have a room with two beds for 3 nights from Friday?", "Is there parking?",
				"Can I leave my luggage after checkout?", "How far is the night market?", "Wifi password please", "Can you book a taxi for 6am tomorrow?"})
		case "content":
			p := r.place()
			user = fmt.Sprintf("Write a %d-word blog post in %s about %s in %s for %s. Include a catchy title.", 100*r.irange(4, 12), c.lang, pick(r, interests), p.city, pick(r, travellerKinds))
		case "shop":
			user = fmt.Sprintf("Write a product title (max 120 characters) and 5 bullet points in %s for: %s, %s.", c.lang, pick(r, products), strings.Join(r.some(productFeat, 2), ", "))
		case "translate":
			user = fmt.Sprintf("Translate to %s, keep formatting:\n\n%s", pick(r, languages), r.hotelBlurb(r.hotelName(), r.place(), r.irange(30, 120)))
		default:
			_, rv := r.review("tour")
			user = fmt.Sprintf("Write a reply to this customer email for our tour agency. Be polite, offer a solution.\n\nEmail: %s", rv)
		}
		h = h.with(msg("user", user))
		var body obj
		if path == pathChat {
			msgs := h
			if c.system != "" {
				msgs = history{msg("system", c.system)}.with(h...)
			}
			body = obj{{"model", c.model}, {"messages", msgs.list()}, {"temperature", 0.7}}
			if c.kind == "chatbot" {
				body = append(body, kv("stream", true))
			}
			body = append(body, kv("safety_identifier", c.id))
		} else {
			body = obj{{"model", c.model}, {"max_tokens", 2048}}
			if c.system != "" {
				body = append(body, kv("system", c.system))
			}
			body = append(body, kv("messages", h.list()), kv("metadata", obj{{"user_id", c.id}}))
		}
		route(t, lab, path, body)
		h = h.with(msg("assistant", pick(r, []string{"Yes, we offer airport pickup for SGD 45 per car.", "Breakfast is included with your booking.", "Early check-in depends on availability; we will do our best.", "Here is the text you asked for."})))
		t = t.Add(secs(r.lognorm(40, 0.7)))
	}
}

// rpHarvestBody draws one harvesting request: synthetic support
// dialogues with an ideal final answer (stream hi 0) or a senior
// consultant's answer to a question from a grid over the domain (hi 1).
func rpHarvestBody(r *rng, hi int, id string) (string, obj) {
	if hi == 0 {
		party := pick(r, []string{"an airline", "a hotel", "an online travel agency", "a cruise line", "a car rental company", "a tour operator"})
		issue := pick(r, []string{"a missed connection after a delay", "a double charge on the credit card", "a room that does not match the photos",
			"a cancelled cruise port call", "a name misspelled on the ticket", "a lost bag on a codeshare flight", "a refund that has not arrived after 30 days",
			"an overbooked hotel at midnight", "a visa refusal days before departure", "a rental car damage claim disputed by the customer",
			"a tour cancelled because of weather", "a wheelchair not provided at the gate"})
		user := fmt.Sprintf("Write a realistic customer-support conversation between a traveller and an agent of %s about %s. 6 to 10 turns. The traveller is %s. The agent follows common industry policy and resolves the case. After the conversation, write the agent's best possible final message on its own, under the heading FINAL REPLY.",
			party, issue, pick(r, []string{"calm", "angry", "confused", "in a hurry", "elderly and not tech-savvy", "a frequent flyer", "writing in broken English"}))
		return pathChat, obj{{"model", "gpt-5.1"}, {"messages", arr{msg("user", user)}}, {"temperature", 0.9}, {"max_completion_tokens", 4000}, {"safety_identifier", id}}
	}
	p := r.place()
	q := pick(r, []string{
		"What should a traveller know about getting around %s without a car?", "How do the seasons affect prices and crowds in %s?",
		"What are the best neighbourhoods to stay in %s for different budgets, and why?", "Which day trips from %s are worth it, and how do you do them by public transport?",
		"What local etiquette and tipping customs should visitors to %s know?", "How would you plan a first visit of four days to %s?",
		"What are the common tourist scams in %s and how do you avoid them?", "What should families with young children know before visiting %s?",
		"What are the accessibility challenges in %s for wheelchair users, and how can they be managed?", "How do you get from the airport to the centre of %s, and what does each option cost?",
	})
	user := "Answer as a senior travel consultant with twenty years of experience. Be specific and practical, and structure the answer with headings.\n\n" + fmt.Sprintf(q, p.city)
	return pathMessages, obj{{"model", "claude-opus-4-6"}, {"max_tokens", 4096}, {"messages", arr{msg("user", user)}}, {"metadata", obj{{"user_id", id}}}}
}
