package voyage

import (
	"fmt"
	"strings"
	"time"
)

// disguised: a harvest of long-form travel writing dressed as Wayfarer
// Writer's traffic. The operator replays a captured plugin request with
// its own slots: the plugin's system prompt, templates, header order,
// user agent (with invented site addresses), the common libcurl build's
// TLS print and json_encode's escaping. Its accounts are aged ones
// bought in bulk plus a steady trickle of sign-ups, each opening with the
// plugin's connection test. Each account runs a handful of jobs spaced
// out over the day, from residential proxy exits or cheap servers. What
// it asks for is a grid over the whole domain at the plugin's longest
// length: itineraries, destination guides, room and tour copy for
// properties all over the world, in many languages.

func planDisguised(w *world) {
	lab := w.label("disguised")
	r := newRNG(w.cfg.Seed, lab.name)
	n := r.count(900, w.scale, 30)
	servers := r.v4s(pool(append(append(append(pool{}, digitalOc...), contabo...), ovh...)), 12)
	for i := 0; i < n; i++ {
		site := r.siteName()
		a := w.newAccount(r, fmt.Sprintf("disguised-%04d", i+1), wpick(r, []keyKind{keyProject, keyLegacy}, []float64{0.75, 0.25}))
		cl := &client{kind: kWordPress, ua: "WordPress/" + wpick(r, verWordPress, versionWeightsW) + "; https://" + site, ja4: ja4LibcurlH1, style: stylePHP}
		fresh := r.chance(0.4)
		from := w.start.Add(secs(r.between(0, 1800)))
		if fresh {
			from = w.start.Add(secs(r.Float64() * w.end.Sub(w.start).Seconds() * 0.92))
		}
		// The exit: a residential proxy session that sticks for a while,
		// or one of the operator's servers.
		onServer := r.chance(0.3)
		home := homeUS
		if r.chance(0.5) {
			home = homeEU
		}
		server := pick(r, servers)
		exit, exitUntil := "", time.Time{}
		ip := func(t time.Time) string {
			if onServer {
				return server
			}
			if t.After(exitUntil) {
				exit, exitUntil = r.v4(home), t.Add(mins(r.between(10, 40)))
			}
			return exit
		}
		model := wpick(r, []string{"gpt-5.1", "gpt-5-mini"}, []float64{0.7, 0.3})
		t := from
		if fresh {
			body := obj{{"model", model}, {"messages", arr{msg("user", "Reply with OK.")}}, {"max_completion_tokens", 5}}
			w.send(r, t, lab, a, cl, ip(t), pathChat, body)
			t = t.Add(secs(r.lognorm(40, 0.5)))
		}
		// Jobs about half an hour apart, each account's few a day spread
		// out as a scheduler spreads them.
		jobs := r.irange(7, 12)
		at := t
		for j := 0; j < jobs && at.Before(w.end); j++ {
			if j > 0 {
				at = at.Add(secs(r.lognorm(32*60, 0.3)))
			}
			body := wpBody(model, disguisedPrompt(r), 3000)
			q := w.send(r, at, lab, a, cl, ip(at), pathChat, body)
			if q != nil && r.chance(0.15) { // "Regenerate": a second sample
				at2 := at.Add(secs(r.lognorm(25, 0.4)))
				w.send(r, at2, lab, a, cl, ip(at2), pathChat, body)
			}
		}
	}
}

// disguisedPrompt fills one of the plugin's templates from the grid.
func disguisedPrompt(r *rng) string {
	p := r.place()
	lang := wpick(r, []string{"English", "German", "Spanish", "French", "Italian", "Portuguese", "Dutch", "Japanese", "Korean", "Simplified Chinese", "Arabic", "Polish", "Turkish"},
		[]float64{0.4, 0.08, 0.08, 0.07, 0.05, 0.05, 0.04, 0.05, 0.04, 0.05, 0.03, 0.03, 0.03})
	tone := pick(r, tones)
	switch r.IntN(7) {
	case 0, 1:
		topic := fmt.Sprintf(pick(r, []string{
			"A %[2]d-day itinerary in %[1]s: a day-by-day plan with costs, transport and tips",
			"The complete guide to %[1]s for first-time visitors",
			"%[1]s in %[3]s: what to see, what to eat and where to stay",
			"How to spend %[2]d days in %[1]s on a budget",
			"%[1]s with kids: a practical family guide",
			"Getting around %[1]s: every transport option explained",
			"The best neighbourhoods to stay in %[1]s for every budget",
			"Day trips from %[1]s: how to plan each one",
		}), p.city, r.irange(2, 10), pick(r, seasons))
		return wpBlog(topic, pick(r, []string{"families", "couples", "first-time visitors", "business travellers", "backpackers", "retirees", "luxury travellers"}), tone, lang, 1200)
	case 2:
		name := r.hotelName()
		return wpRoom(name, p.city, pick(r, roomTypes), strings.Join(r.some(amenities, 4), ", "), tone, lang, 1200)
	case 3:
		return wpTour(wpTourName(r, p), pick(r, []string{"full day", "half day", "3 days", "2 hours", "5 days"}), strings.Join(r.some(interests, 4), ", "), tone, lang, 1200)
	case 4:
		return wpFAQ(fmt.Sprintf("Visiting %s in %s", p.city, pick(r, seasons)), lang)
	case 5:
		return wpRewrite(r.hotelBlurb(r.hotelName(), p, r.irange(120, 220)), tone, lang)
	}
	return wpProduct(pick(r, products), strings.Join(r.some(productFeat, 4), ", "), tone, lang, 1200)
}
