package voyage

import (
	"fmt"
	"time"
)

// pivot: an operator harvesting hard multi-step reasoning about travel
// problems (routing with constraints, fare and tax arithmetic, schedule
// feasibility, revenue management) from the strongest model there is.
// Before the release a third of its accounts run at a low pace on
// gpt-5.1; minutes after gpt-5.2 appears every account switches to it,
// the dormant ones (registered weeks ago, unused so far) included, and
// the pace goes up several fold. It runs a Node script behind a
// commercial VPN.

func planPivot(w *world) {
	lab := w.label("pivot")
	r := newRNG(w.cfg.Seed, lab.name)
	n := r.count(70, w.scale, 10)
	exits := r.v4s(vpnExits, 8)
	cl := nodeClient(kNodeOpenAI, "6.21.0", env{os: "Linux", arch: "x64", node: "v24.11.1"})
	switchAt := w.release.Add(mins(r.lognorm(7, 0.4)))
	for i := 0; i < n; i++ {
		a := w.newAccount(r, fmt.Sprintf("pivot-%03d", i+1), keyProject)
		ip := exits[i%len(exits)]
		active := i%7 < 3
		var t time.Time
		if active {
			t = w.start.Add(secs(r.between(0, 900)))
		} else {
			t = switchAt.Add(secs(r.between(0, 240)))
		}
		for t.Before(w.end) {
			model, gap, effort := "gpt-5.1", 600.0, "high"
			if !t.Before(switchAt) {
				model, gap, effort = "gpt-5.2", 230.0, "xhigh"
			}
			body := obj{{"model", model}, {"messages", arr{msg("user", pivotPrompt(r))}}, {"reasoning_effort", effort}, {"max_completion_tokens", 32000}}
			w.send(r, t, lab, a, cl, ip, pathChat, body)
			next := t.Add(secs(r.lognorm(gap, 0.35)))
			if t.Before(switchAt) && !next.Before(switchAt) {
				next = switchAt.Add(secs(r.between(0, 240)))
			}
			t = next
		}
	}
}

// pivotPrompt draws a hard reasoning problem from the domain.
func pivotPrompt(r *rng) string {
	p, q, s := r.place(), r.place(), r.place()
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("A traveller must visit %s, %s and %s, starting and ending in %s, within %d days, spending at least 2 nights in each. Flights between each pair cost between EUR %d and EUR %d, trains are possible only between cities under 800 km apart, and no travel on day %d. Find the cheapest feasible order and schedule. Work through the problem carefully and show your full reasoning before the final answer.",
			p.city, q.city, s.city, r.place().city, r.irange(8, 14), r.irange(40, 90), r.irange(150, 600), r.irange(2, 6))
	case 1:
		return fmt.Sprintf("Compute the total fare for a round trip %s-%s-%s with a stopover in %s: base fare NUC %d.%02d outbound and NUC %d.%02d inbound, ROE %.6f, a Q-surcharge of NUC 15.00 per direction, a stopover charge of NUC 50.00 and taxes %s. Show each step of the fare construction and check it for errors.",
			p.iata, q.iata, p.iata, s.iata, r.irange(300, 1500), r.IntN(100), r.irange(300, 1500), r.IntN(100), r.between(0.7, 1.3), pick(r, []string{"YQ 120.00, GB 88.00, UB 42.50", "XT 96.40", "YR 35.00, FR 12.30, QX 18.50"}))
	case 2:
		return fmt.Sprintf("A hotel in %s has %d rooms. Forecast demand for the next Saturday is %d room-nights at the BAR of EUR %d and %d at a discounted rate of EUR %d; no-show rate is %d%%, and a walked guest costs EUR %d. How many rooms should be protected for BAR and how many should be overbooked? Reason step by step with the formulas, then give the numbers.",
			p.city, r.irange(80, 400), r.irange(60, 300), r.irange(120, 400), r.irange(40, 250), r.irange(60, 160), r.irange(3, 12), r.irange(150, 500))
	case 3:
		return fmt.Sprintf("Passengers connect in %s from a flight arriving at %02d:%02d (terminal 1) to one departing at %02d:%02d (terminal 2). The minimum connecting time is %d minutes, the inbound flight is delayed by %d minutes, %d passengers need wheelchair assistance and the transfer bus takes %d minutes. Which passengers make the connection and what should the airline do for the rest? Think it through step by step.",
			q.city, r.irange(6, 20), 5*r.IntN(12), r.irange(7, 22), 5*r.IntN(12), 5*r.irange(9, 18), 5*r.irange(2, 20), r.irange(1, 6), r.irange(8, 20))
	case 4:
		return fmt.Sprintf("A tour operator must assign %d coaches to %d excursions in %s with start times %s, durations of 3 to 7 hours and group sizes between 20 and 55. Coaches have 49 seats and drivers may not exceed 9 hours. Find an assignment that uses the fewest coaches, explain your reasoning, and prove that no smaller number works.",
			r.irange(5, 12), r.irange(8, 20), p.city, pick(r, []string{"07:00, 07:30, 08:00, 09:00, 13:00 and 14:30", "06:45, 08:15, 09:30, 12:00 and 15:00", "every 45 minutes from 07:00"}))
	}
	return fmt.Sprintf("Under EU261, determine the compensation owed in each case and explain the reasoning: (a) %s to %s, %d km, arrival delay %d h, cause: %s; (b) %s to %s, %d km, cancelled %d days before departure, rerouting offered arriving %d h later; (c) the same as (b) but the carrier is not an EU carrier and the flight departs from outside the EU.",
		p.city, q.city, r.irange(500, 6000), r.irange(2, 8), pick(r, []string{"crew shortage", "bird strike", "air traffic control strike", "technical fault found at pre-flight check", "heavy snow at the departure airport"}),
		q.city, s.city, r.irange(500, 6000), r.irange(3, 20), r.irange(1, 6))
}
