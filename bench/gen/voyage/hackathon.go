package voyage

import "fmt"

// hackathon_cohort: a travel-tech hackathon in the conference centre of a
// Lisbon hotel. At the opening workshop (14:30 local, which is UTC) some
// forty participants create accounts within half an hour, all on the
// venue's Wi-Fi (whose two addresses the hotel's guests share), install
// the same SDK release and start from the workshop's notebook: one
// template that asks the model to reason step by step. They iterate on it
// all afternoon.

const hackSystem = "You are TripMate, a travel planning assistant. Think step by step: first list the traveller's constraints, then reason about the options for transport, accommodation and activities, and only then give the final day-by-day itinerary with estimated costs."

func planHackathon(w *world) {
	lab := w.label("hackathon_cohort")
	r := newRNG(w.cfg.Seed, lab.name)
	n := r.count(40, w.scale, 12)
	open := w.at(0.5) // 14:30 UTC
	for i := 0; i < n; i++ {
		e := r.devMachine(false)
		var cl *client
		path := pathChat
		if r.chance(0.25) {
			cl = pyClient(kPyAnthropic, "0.96.0", e, false)
			path = pathMessages
		} else {
			cl = pyClient(kPyOpenAI, "2.31.0", e, false)
		}
		a := w.newAccount(r, fmt.Sprintf("hackathon_cohort-%02d", i+1), keyProject)
		ip := pick(r, w.net.hotelWiFi)
		if r.chance(0.12) { // on a phone's hotspot
			ip = pick(r, w.net.cgnatEU)
		}
		t := open.Add(mins(r.between(0, 35)))
		end := w.at(r.between(3.5, 6))
		// A participant's own variation of the template, changed now and
		// then as the project takes shape.
		sys := hackSystem
		for t.Before(end) {
			if r.chance(0.08) {
				sys = hackSystem + " " + pick(r, []string{"Answer in JSON with the keys constraints, reasoning and itinerary.",
					"Keep the reasoning under 150 words.", "Prefer trains over flights when the journey is under 6 hours.",
					"Always include one rainy-day alternative per day.", "Show a budget table at the end."})
			}
			p := r.place()
			user := fmt.Sprintf("Plan a %d-day trip to %s for %s in %s. Budget: %s. Interests: %s. Show your reasoning step by step before the final plan.",
				r.irange(2, 10), p.city, pick(r, travellerKinds), pick(r, seasons), pick(r, budgets), pick(r, interests)+" and "+pick(r, interests))
			var body obj
			if path == pathChat {
				body = obj{{"model", pick(r, []string{"gpt-5-mini", "gpt-5-mini", "gpt-5.1"})}, {"messages", arr{msg("system", sys), msg("user", user)}}, {"temperature", 0.7}}
				if r.chance(0.5) {
					body = append(body, kv("max_completion_tokens", 1500))
				}
			} else {
				body = obj{{"model", "claude-sonnet-4-6"}, {"max_tokens", 1500}, {"system", sys}, {"messages", arr{msg("user", user)}}}
			}
			q := w.send(r, t, lab, a, cl, ip, path, body)
			w.sdkRetry(r, t, q, 0.01)
			// Read, edit the cell, run again; now and then a longer break.
			gap := r.lognorm(90, 0.8)
			if r.chance(0.1) {
				gap += r.between(600, 2400)
			}
			t = t.Add(secs(gap))
		}
	}
}
