package voyage

import (
	"fmt"
	"strings"
	"time"
)

// churn: an operator that treats accounts as consumables. A sign-up
// pipeline (virtual phone numbers, prepaid cards) keeps a queue of fresh
// accounts; some two dozen are live at any moment, each worked at a
// modest pace until it is rate-limited or banned, typically within the
// hour, when the next one from the queue takes its place within seconds
// and re-sends the request that failed. The traffic goes out through a
// mobile proxy network, whose exits are carrier NAT addresses that
// ordinary phone users share. The harvest is reasoning about support
// cases: a guest's complaint with the resolution already decided, and the
// model asked to lay out the reasoning that leads there and write the
// reply; now and then a draft reply to be rewritten to policy.

func planChurn(w *world) {
	lab := w.label("churn")
	r := newRNG(w.cfg.Seed, lab.name)
	slots := r.count(24, w.scale, 6)
	cl := nodeClient(kNodeAnthropic, "0.92.0", env{os: "Linux", arch: "x64", node: "v22.21.1"})
	made := 0
	newAcct := func() *account {
		made++
		return w.newAccount(r, fmt.Sprintf("churn-%04d", made), keyProject)
	}
	for s := 0; s < slots; s++ {
		us := s%3 != 0
		exit, exitUntil := "", time.Time{}
		ip := func(t time.Time) string {
			if t.After(exitUntil) {
				switch {
				case us && r.chance(0.5):
					exit = pick(r, w.net.cgnatUS)
				case us:
					exit = r.v4(mobileUS)
				case r.chance(0.5):
					exit = pick(r, w.net.cgnatEU)
				default:
					exit = r.v4(mobileEU)
				}
				exitUntil = t.Add(mins(r.between(3, 15)))
			}
			return exit
		}
		t := w.start.Add(secs(r.between(0, 120)))
		a := newAcct()
		var last *req
		for t.Before(w.end) {
			life := t.Add(mins(r.lognorm(35, 0.5)))
			if last != nil {
				// The replacement re-sends the request that failed.
				w.resend(r, t, last, a, ip(t))
				t = t.Add(secs(r.lognorm(70, 0.5)))
			}
			var lastAt time.Time
			for t.Before(life) && t.Before(w.end) {
				lastAt = t
				last = w.send(r, t, lab, a, cl, ip(t), pathMessages, obj{{"model", "claude-sonnet-4-6"}, {"max_tokens", 4000}, {"messages", arr{msg("user", churnPrompt(r))}}})
				t = t.Add(secs(r.lognorm(70, 0.5)))
			}
			// Rate-limited, then banned: the SDK retries the last request
			// twice on the same key, and the next account from the queue
			// takes over within seconds.
			if last != nil && !lastAt.IsZero() {
				rt := last
				at := lastAt.Add(secs(r.between(0.1, 0.6)))
				for n := 1; n <= 2; n++ {
					at = at.Add(secs(0.5 * float64(n) * (1 - 0.25*r.Float64())))
					rq := *rt
					rq.retry, rq.seed = n, r.Uint64()
					w.sched.Add(at, &rq)
				}
				t = at
			}
			t = t.Add(secs(r.lognorm(12, 0.8)))
			a = newAcct()
		}
	}
}

var churnCases = []struct{ complaint, resolution string }{
	{"We arrived at 23:30 and were told our prepaid room had been given away. We had to take a taxi to another hotel 20 km away.", "Full refund of the first night, taxi costs reimbursed, a free night on a future stay."},
	{"The bathroom had mould and the window did not close. We asked to move and were told the hotel was full.", "10% refund of the stay and a written apology; no free night because the guest declined an alternative room offered the next morning."},
	{"Our flight was cancelled and the airline rebooked us two days later. We lost the first two nights of our package.", "Refund of the two unused hotel nights by the tour operator; the airline is responsible for EU261 compensation, so the operator refers the guest to the airline."},
	{"The tour guide never showed up at the meeting point and nobody answered the phone.", "Full refund of the tour and a 20% voucher for a future booking."},
	{"I was charged a resort fee at check-out that was not shown when I booked.", "Refund of the resort fee because it was not disclosed at booking, as required by the booking terms."},
	{"My wheelchair was damaged on the flight and I had to wait 90 minutes at arrival for assistance.", "Repair or replacement of the wheelchair under the Montreal Convention limits, a goodwill payment for the delay, and escalation to the accessibility team."},
	{"The car rental company charged my card EUR 800 for a scratch that was there when I picked up the car.", "Charge reversed after the customer's pick-up photos showed the scratch; the station was reminded of the check-out procedure."},
	{"The 'sea view' room looked at a car park; you could see the sea only from the balcony corner.", "Move to a real sea-view room for the remaining nights; no refund for the first night because the room category was partially met."},
	{"We booked a cruise excursion that was cancelled on the day, and the refund still has not arrived after six weeks.", "Immediate refund, interest on the delayed amount, and an apology; the finance team is asked to explain the delay."},
	{"My child's name was misspelled on the ticket and the airline wanted EUR 120 to correct it.", "Correction free of charge because the error was made by the agency's booking form."},
}

// churnPrompt draws one request: a rationalised resolution or a rewrite.
func churnPrompt(r *rng) string {
	c := pick(r, churnCases)
	p := r.place()
	slots := strings.NewReplacer("23:30", fmt.Sprintf("%02d:%02d", r.irange(21, 23), 5*r.IntN(12)), "20 km", fmt.Sprintf("%d km", r.irange(5, 40)),
		"EUR 800", fmt.Sprintf("EUR %d", 50*r.irange(4, 30)), "EUR 120", fmt.Sprintf("EUR %d", 10*r.irange(5, 20)), "90 minutes", fmt.Sprintf("%d minutes", 10*r.irange(4, 15)),
		"six weeks", pick(r, []string{"four weeks", "six weeks", "two months", "45 days"}), "two days", pick(r, []string{"one day", "two days", "three days"}),
		"10%", fmt.Sprintf("%d%%", 5*r.irange(1, 6)), "20%", fmt.Sprintf("%d%%", 5*r.irange(2, 8)))
	c.complaint = slots.Replace(c.complaint) + pick(r, []string{"", " This was in " + p.city + ".", fmt.Sprintf(" Booking %s.", r.pnr()), " We are very disappointed.", " I expect an answer this week."})
	c.resolution = slots.Replace(c.resolution)
	business := pick(r, []string{"a hotel", "an airline", "a tour operator", "a cruise line", "a car rental company", "an online travel agency"})
	if r.chance(0.2) {
		return fmt.Sprintf("Rewrite this reply from %s to a customer so that it is polite, takes responsibility where appropriate, complies with consumer-protection rules and does not admit liability beyond the resolution. Keep the resolution exactly as it is.\n\nCustomer: %s\n\nDraft reply: Your complaint has been noted. %s Regards, Customer Relations",
			business, c.complaint, c.resolution)
	}
	return fmt.Sprintf("A customer of %s wrote:\n\n\"%s\"\n\nThe case was resolved as follows: %s\n\nExplain step by step how an experienced customer-relations manager would reason from the complaint to this resolution: the facts to establish, the rules and obligations that apply, the options considered and why each was accepted or rejected. Then write the reply to the customer.",
		business, c.complaint, c.resolution)
}
