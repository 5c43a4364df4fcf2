package voyage

import (
	"fmt"
	"strings"
)

// logprob: a start-up building a cheap intent router for travel support
// desks. It collects the model's full label distributions rather than
// its answers: a one-token classification with max_tokens 1,
// temperature 0 and the maximal top_logprobs over tens of thousands of
// customer messages; and on a few accounts it probes the hidden logits
// of one fixed prompt with logit_bias over a few hundred token ids at a
// time. An async script on three cloud machines works in bursts, and two
// more accounts join when the first ones start to see 429s.

const logprobSystem = "You route messages sent to a travel company's support desk. Reply with exactly one label: BAGGAGE, CHANGE, CANCEL_REFUND, FLIGHT_STATUS, CHECKIN, SEATS, SPECIAL_ASSISTANCE, LOYALTY, COMPLAINT, HOTEL, OTHER."

func planLogprob(w *world) {
	lab := w.label("logprob")
	r := newRNG(w.cfg.Seed, lab.name)
	n := r.count(10, w.scale, 4)
	ips := r.v4s(gcpUS, 3)
	cl := pyClient(kPyOpenAI, "2.24.0", env{os: "Linux", arch: "x64", py: "3.12.12", ja4py: ja4PyLinux}, true)
	probeMsg := "I booked a flight and a hotel together but the airline changed my flight time, can I cancel just the hotel?"
	for i := 0; i < n; i++ {
		a := w.newAccount(r, fmt.Sprintf("logprob-%02d", i+1), keyProject)
		ip := ips[i%len(ips)]
		from := w.start.Add(secs(r.between(0, 600)))
		if i >= n-2 && n >= 6 {
			from = w.at(2.4).Add(mins(r.between(0, 20))) // added mid-window
		}
		probe := i%4 == 1
		for t := from; t.Before(w.end); t = t.Add(secs(r.lognorm(14*60, 0.3))) {
			// A burst: the async client's batch of concurrent requests.
			at := t
			burst := r.irange(12, 18)
			for j := 0; j < burst; j++ {
				var body obj
				if probe && t.After(w.at(1.8)) {
					body = obj{{"messages", arr{msg("system", logprobSystem), msg("user", probeMsg)}}, {"model", "gpt-4.1-mini"},
						{"logit_bias", logitBias(r)}, {"logprobs", true}, {"max_tokens", 1}, {"temperature", 0}, {"top_logprobs", 20}}
				} else {
					body = obj{{"messages", arr{msg("system", logprobSystem), msg("user", logprobMessage(r))}}, {"model", "gpt-4.1-mini"},
						{"logprobs", true}, {"max_tokens", 1}, {"seed", 0}, {"temperature", 0}, {"top_logprobs", 20}}
				}
				q := w.send(r, at, lab, a, cl, ip, pathChat, body)
				w.sdkRetry(r, at, q, 0.03)
				at = at.Add(secs(r.exp(0.15)))
			}
		}
	}
}

// logitBias draws a bias map over a few hundred token ids: a block of ids
// pushed up by the same amount, the way one recovers the logits of the
// tokens outside the top 20.
func logitBias(r *rng) obj {
	k := r.irange(200, 300)
	start := r.irange(0, 199000)
	bias := float64(pick(r, []int{100, 50, 20, 10}))
	var o obj
	for i := 0; i < k; i++ {
		o = append(o, kv(fmt.Sprint(start+i*r.irange(1, 3)), bias))
	}
	return o
}

// logprobMessage draws a customer message to classify.
func logprobMessage(r *rng) string {
	switch r.IntN(4) {
	case 0:
		in := pick(r, airlineIntents)
		lang := pick(r, []string{"en", "en", "de", "es", "no"})
		texts := in.texts[lang]
		if len(texts) == 0 {
			texts = in.texts["en"]
		}
		t := pick(r, texts)
		if strings.Contains(t, "%s") {
			t = fmt.Sprintf(t, r.pnr())
		}
		return t
	case 1:
		_, rv := r.review("hotel")
		return rv
	case 2:
		return fmt.Sprintf("%s %s %s", pick(r, []string{"Hi,", "Hello,", "Dear team,", "", "URGENT:"}),
			pick(r, []string{"my suitcase did not arrive in", "I was charged twice for my hotel in", "can I bring my bike on the flight to", "the transfer never showed up in", "I want to add my wife to the booking to", "my seat was changed on the flight to"}), r.place().city)
	}
	return pick(r, []string{"where is my refund", "cancel pls", "I need to talk to someone", "Is there wifi on board?", "how do I use my points", "my name is wrong on the ticket"})
}
