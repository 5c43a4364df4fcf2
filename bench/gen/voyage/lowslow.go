package voyage

import (
	"fmt"
)

// low_slow: a boutique that sells a small specialist model for travel
// revenue managers and contracting teams. Four long-standing accounts,
// each on its own address (a home line, the office, two servers), send
// one expert question every two or three minutes, around the clock, with
// extended thinking at a large budget, collecting answers and reasoning
// of the best model on questions written like an analyst's own. Nothing
// about its pace or its clients stands out; what it asks does, only in
// aggregate.

func planLowSlow(w *world) {
	lab := w.label("low_slow")
	r := newRNG(w.cfg.Seed, lab.name)
	ips := []string{r.v4(homeEU), r.v4(business), r.v4(hetzner), r.v4(ovh)}
	envs := []env{
		{os: "MacOS", arch: "arm64", py: "3.12.12", ja4py: ja4PyMac},
		{os: "MacOS", arch: "arm64", py: "3.12.12", ja4py: ja4PyMac},
		{os: "Linux", arch: "x64", py: "3.11.14", ja4py: ja4PyLinux},
		{os: "Linux", arch: "x64", py: "3.11.14", ja4py: ja4PyLinux},
	}
	for i := range ips {
		a := w.newAccount(r, fmt.Sprintf("low_slow-%d", i+1), keyLegacy)
		cl := pyClient(kPyAnthropic, "0.94.2", envs[i], false)
		for t := w.start.Add(secs(r.between(0, 150))); t.Before(w.end); t = t.Add(secs(r.lognorm(150, 0.25))) {
			body := obj{{"max_tokens", 32000}, {"messages", arr{msg("user", lowSlowPrompt(r))}}, {"model", "claude-opus-4-6"},
				{"thinking", obj{{"type", "enabled"}, {"budget_tokens", 16000}}}}
			q := w.send(r, t, lab, a, cl, ips[i], pathMessages, body)
			w.sdkRetry(r, t, q, 0.01)
		}
	}
}

// lowSlowPrompt draws an expert's question, written like real work.
func lowSlowPrompt(r *rng) string {
	p, q := r.place(), r.place()
	h := r.hotelName()
	switch r.IntN(8) {
	case 0:
		return fmt.Sprintf("We run a %d-room upscale hotel in %s. Our pickup for the next 60 days is %d%% behind last year while the comp set's rates are up %d%%. Group business is %d%% of the mix and a citywide congress lands in week %d. Walk me through how you would rebuild the pricing and inventory strategy for the period: segment by segment, which restrictions (MLOS, CTA, closed-to-discount) you would use and when, and what you would watch to reverse course.",
			r.irange(120, 450), p.city, r.irange(4, 20), r.irange(3, 12), r.irange(10, 45), r.irange(2, 8))
	case 1:
		return fmt.Sprintf("Our tour-operator contract with %s in %s has a %d-day release, a %d%% attrition clause and a rate-parity clause. Occupancy on our allotment was %d%% last season. Analyse whether we should renegotiate to a free-sale agreement, a guaranteed allotment or dynamic rates, with the risks for each side, and draft the key negotiation points.",
			h, p.city, r.irange(7, 30), 5*r.irange(2, 6), r.irange(40, 95))
	case 2:
		return fmt.Sprintf("Explain, for a team that has only priced point-to-point fares, how to construct a through fare %s-%s-%s using the mileage system: TPM vs MPM, the extra mileage allowance, higher intermediate point checks and the circle-trip minimum. Use this itinerary as a worked example with plausible figures, and list the mistakes agents most often make.",
			p.iata, q.iata, r.place().iata)
	case 3:
		return fmt.Sprintf("A cruise line is deciding whether to add a %s turnaround in %s. Build the analysis: port fees, air access from the main source markets, hotel capacity for pre-cruise stays, seasonality and the competitive deployments. State which data you would need, the assumptions you would make where data is missing, and how you would decide.",
			pick(r, seasons), p.city)
	case 4:
		return fmt.Sprintf("Our OTA's conversion on %s hotels dropped from %.1f%% to %.1f%% after we moved the cancellation policy above the fold. Propose a rigorous way to find out whether the change caused the drop, including the experiment design, the metrics, sample sizes for a %d%% minimum detectable effect and the confounders specific to travel (seasonality, price changes, mix of mobile traffic).",
			p.city, r.between(2.5, 5), r.between(1.5, 3), r.irange(3, 10))
	case 5:
		return fmt.Sprintf("Compare the economics of selling %s package holidays as a dynamic packager versus a classic tour operator under the EU Package Travel Directive: liability, insolvency protection, cash flow, margin structure and the effect of the 2026 review. Be concrete with an example package of EUR %d.",
			q.city, 100*r.irange(8, 40))
	case 6:
		return fmt.Sprintf("An airline wants to set overbooking levels on the %s-%s route, %d seats, with a historical no-show rate of %.1f%% (standard deviation %.1f) and a denied-boarding cost of EUR %d. Derive the optimal authorisation level under a normal approximation and under a binomial model, explain where they differ and recommend one.",
			p.iata, q.iata, r.irange(120, 300), r.between(4, 12), r.between(1, 4), r.irange(250, 900))
	}
	return fmt.Sprintf("Write the methodology section of an internal report on forecasting unconstrained demand for %s hotels when historical data is censored by sell-outs: compare the booking-curve, pickup and EM-based unconstraining methods, with their assumptions, failure modes and how to validate them.", p.city)
}
