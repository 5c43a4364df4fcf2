package voyage

import (
	"fmt"
	"strings"
	"time"
)

// agentic: a harvest of tool-use trajectories for training a travel
// booking agent. The operator's simulator invents a traveller's request,
// serves the model its own fixed set of booking tools, answers every tool
// call at once with plausible made-up data, and keeps the full
// transcript, interleaved thinking included. Each account runs one
// episode after another with a pause between them, to stay at some
// twenty requests an hour; accounts are added through the day, and
// workers run on a few cloud machines, some behind datacentre proxies.

const agenticSystem = "You are a travel booking agent working for a customer. Use the tools to search, compare, check rules and book. Think carefully about constraints before acting, verify availability and fare rules before booking, and confirm the final itinerary with a complete summary including prices."

var agenticTools = arr{
	anthTool("search_flights", "Search available flights.", schema("origin:string:IATA airport or city code", "destination:string:IATA airport or city code", "departure_date:string:YYYY-MM-DD", "return_date?:string:YYYY-MM-DD", "passengers:integer:Number of passengers", "cabin?:enum=economy|premium|business|first:Cabin class")),
	anthTool("get_fare_rules", "Get the fare rules of a flight offer.", schema("offer_id:string:Offer id from search_flights")),
	anthTool("search_hotels", "Search hotels.", schema("city:string:City name", "check_in:string:YYYY-MM-DD", "check_out:string:YYYY-MM-DD", "guests:integer:Guests", "max_price?:number:Maximum price per night in EUR")),
	anthTool("get_hotel_details", "Get details and cancellation policy of a hotel offer.", schema("hotel_offer_id:string:Hotel offer id")),
	anthTool("hold_booking", "Place a 24-hour hold on flight and hotel offers.", schema("offer_ids:array:Offer ids to hold", "traveller_names:array:Full names as in passports")),
	anthTool("convert_currency", "Convert an amount between currencies.", schema("amount:number:Amount", "from:string:ISO 4217 code", "to:string:ISO 4217 code")),
	anthTool("check_entry_requirements", "Check passport and visa requirements.", schema("nationality:string:ISO country code", "destination_country:string:ISO country code")),
	anthTool("create_booking", "Confirm held offers and issue the booking.", schema("hold_id:string:Hold id", "payment_token:string:Payment token")),
}

func planAgentic(w *world) {
	lab := w.label("agentic")
	r := newRNG(w.cfg.Seed, lab.name)
	n := r.count(50, w.scale, 8)
	machines := r.v4s(awsUSEast, 6)
	proxies := r.v4s(vpnExits, 4)
	cl := pyClient(kPyAnthropic, "0.96.0", env{os: "Linux", arch: "x64", py: "3.12.12", ja4py: ja4PyLinux}, true).
		with([2]string{"anthropic-beta", "interleaved-thinking-2025-05-14"})
	for i := 0; i < n; i++ {
		a := w.newAccount(r, fmt.Sprintf("agentic-%03d", i+1), keyProject)
		ip := machines[i%len(machines)]
		if i%5 == 4 {
			ip = proxies[i%len(proxies)]
		}
		from := w.start.Add(mins(r.between(0, 15)))
		if r.chance(0.3) {
			from = w.start.Add(secs(r.Float64() * w.end.Sub(w.start).Seconds() * 0.85))
		}
		for t := from; t.Before(w.end); {
			t = agenticEpisode(w, r, lab, a, cl, ip, t)
			t = t.Add(secs(r.lognorm(22*60, 0.4)))
		}
	}
}

// agenticEpisode plans one simulated booking episode and returns when it
// ended.
func agenticEpisode(w *world, r *rng, lab *label, a *account, cl *client, ip string, t time.Time) time.Time {
	from, to := r.place(), r.place()
	pax := r.irange(1, 5)
	goal := fmt.Sprintf(pick(r, []string{
		"I need to get from %[1]s to %[2]s on %[3]s with %[4]d people, back a week later. We'd like a hotel near the centre under EUR %[5]d a night. Book the best option.",
		"Find me the cheapest refundable option to fly %[1]s to %[2]s around %[3]s for %[4]d, plus 3 nights in a 4-star hotel. I'm a %[6]s citizen, check if I need a visa.",
		"We are %[4]d travellers going to %[2]s from %[1]s for a wedding on %[3]s. Arrive two days before, leave the day after. Budget EUR %[5]d per night for the hotel. Hold everything and tell me the total in %[7]s.",
		"Book a business trip %[1]s-%[2]s departing %[3]s morning, business class, returning the next evening, hotel within walking distance of the convention centre.",
	}), from.city, to.city, r.date(), pax, 10*r.irange(8, 40), pick(r, []string{"Indian", "Brazilian", "US", "German", "Nigerian", "Chinese", "Mexican"}), pick(r, []string{"USD", "GBP", "JPY", "INR", "BRL"}))
	h := history{msg("user", goal)}
	plan := []string{"search_flights", "get_fare_rules", "search_hotels", "get_hotel_details"}
	if strings.Contains(goal, "visa") {
		plan = append([]string{"check_entry_requirements"}, plan...)
	}
	if strings.Contains(goal, "total in") {
		plan = append(plan, "convert_currency")
	}
	plan = append(plan, "hold_booking")
	if r.chance(0.5) {
		plan = append(plan, "create_booking")
	}
	for _, tool := range plan {
		if !w.within(t) {
			return t
		}
		q := w.send(r, t, lab, a, cl, ip, pathMessages, agenticBody(h))
		w.sdkRetry(r, t, q, 0.02)
		t = t.Add(secs(r.lognorm(9, 0.4)))
		input, result := agenticCall(r, tool, from, to, pax)
		thinking := obj{{"type", "thinking"}, {"thinking", agenticThought(r, tool)}, {"signature", r.str(b64url, r.irange(280, 420))}}
		turn, ids := anthToolTurn(r, "", tool, input)
		content := append(arr{thinking}, turn[1].Value.(arr)...)
		h = h.with(obj{{"role", "assistant"}, {"content", content}}, anthResults(ids, result))
		t = t.Add(secs(r.between(0.2, 1.2))) // the simulator answers at once
	}
	w.send(r, t, lab, a, cl, ip, pathMessages, agenticBody(h))
	return t.Add(secs(r.lognorm(12, 0.4)))
}

func agenticBody(h history) obj {
	return obj{{"max_tokens", 16000}, {"messages", h.list()}, {"model", "claude-sonnet-4-6"}, {"system", agenticSystem},
		{"thinking", obj{{"type", "enabled"}, {"budget_tokens", 4096}}}, {"tools", agenticTools}}
}

func agenticThought(r *rng, tool string) string {
	return pick(r, []string{
		"The traveller's constraints are the dates, party size and budget. I should search first, then verify the fare rules before holding anything.",
		"The cheapest offer is non-refundable, which conflicts with the request. The second offer is refundable for a small difference, so I will check its rules.",
		"Hotel options within budget: two are near the centre. I need the cancellation policy before deciding.",
		"Everything needed for the hold is known: offer ids and traveller names. I will place the hold and then summarise the total.",
		"Entry requirements come first because a visa could change the dates.",
	}) + " Next: " + tool + "."
}

func agenticCall(r *rng, tool string, from, to place, pax int) (obj, string) {
	switch tool {
	case "search_flights":
		return obj{{"origin", from.iata}, {"destination", to.iata}, {"departure_date", r.date()}, {"passengers", pax}},
			compactJSON(obj{{"offers", arr{
				obj{{"offer_id", "FO-" + r.str(alnum, 8)}, {"carrier", pick(r, airlines)}, {"depart", "07:40"}, {"arrive", "12:15"}, {"stops", 0}, {"price_eur", r.irange(90, 900)}, {"refundable", false}},
				obj{{"offer_id", "FO-" + r.str(alnum, 8)}, {"carrier", pick(r, airlines)}, {"depart", "13:05"}, {"arrive", "19:50"}, {"stops", 1}, {"price_eur", r.irange(90, 900)}, {"refundable", true}}}}})
	case "get_fare_rules":
		return obj{{"offer_id", "FO-" + r.str(alnum, 8)}}, compactJSON(obj{{"change_fee_eur", r.irange(0, 150)}, {"refund", pick(r, []string{"full", "partial", "none"})}, {"baggage", "1x23kg"}})
	case "search_hotels":
		return obj{{"city", to.city}, {"check_in", r.date()}, {"check_out", r.date()}, {"guests", pax}},
			compactJSON(obj{{"hotels", arr{obj{{"hotel_offer_id", "HO-" + r.str(alnum, 8)}, {"name", r.hotelName()}, {"stars", r.irange(3, 5)}, {"price_eur", r.irange(70, 400)}},
				obj{{"hotel_offer_id", "HO-" + r.str(alnum, 8)}, {"name", r.hotelName()}, {"stars", r.irange(3, 5)}, {"price_eur", r.irange(70, 400)}}}}})
	case "get_hotel_details":
		return obj{{"hotel_offer_id", "HO-" + r.str(alnum, 8)}}, compactJSON(obj{{"free_cancellation_until", r.date()}, {"breakfast", r.chance(0.5)}, {"distance_to_centre_km", float64(r.irange(2, 60)) / 10}})
	case "check_entry_requirements":
		return obj{{"nationality", pick(r, []string{"IN", "BR", "US", "DE", "NG", "CN", "MX"})}, {"destination_country", strings.ToUpper(to.iata[:2])}},
			compactJSON(obj{{"visa_required", r.chance(0.4)}, {"passport_validity_months", 6}})
	case "convert_currency":
		return obj{{"amount", float64(r.irange(500, 5000))}, {"from", "EUR"}, {"to", "USD"}}, compactJSON(obj{{"converted", float64(r.irange(500, 5000))}, {"rate", 1.08}})
	case "hold_booking":
		return obj{{"offer_ids", arr{"FO-" + r.str(alnum, 8), "HO-" + r.str(alnum, 8)}}, {"traveller_names", arr{r.person()}}}, compactJSON(obj{{"hold_id", "HLD-" + r.str(alnum, 10)}, {"expires_in_hours", 24}})
	}
	return obj{{"hold_id", "HLD-" + r.str(alnum, 10)}, {"payment_token", "tok_" + r.str(alnum, 24)}}, compactJSON(obj{{"booking_reference", r.pnr()}, {"status", "ticketed"}})
}
