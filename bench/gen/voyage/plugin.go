package voyage

import (
	"fmt"
	"strings"
	"time"
)

// plugin_users: Wayfarer Writer, a popular WordPress plugin that writes
// copy for small hotels, tour operators and travel shops. Each site owner
// pastes their own API key into its settings (bring your own key), so
// every site is its own account, yet all of them send the plugin's one
// system prompt and request template through the WordPress HTTP API from
// the site's web host. Shared hosting puts several unrelated sites
// behind one address. Owners keep installing it during the window; the
// plugin's first call on a new key is its connection test.

const wpSystem = "You are Wayfarer Writer, a copywriting assistant for hotels/B&Bs, tour operators and travel shops. Write clear, engaging, SEO-friendly copy in the requested language and tone. Never invent prices, awards or certifications. Return plain text without Markdown unless HTML is requested."

// wpSite is one WordPress site with the plugin installed.
type wpSite struct {
	acct   *account
	cl     *client
	ip     string
	tz     float64
	model  string
	length int // the plugin's length setting, in words
	lang   string
	biz    string // hotel, tours or shop
	name   string
	city   place
	items  []string // rooms, tours or products it writes about
	tone   string
	maxTok int
}

// wpHosts are the web hosts' addresses with the libcurl build each runs.
type wpHost struct{ ip, ja4 string }

func (r *rng) wpHosts(n int) []wpHost {
	hosts := make([]wpHost, n)
	for i := range hosts {
		p := webHosting
		if r.chance(0.2) {
			p = pick(r, []pool{digitalOc, ovh, hetzner, vultr, contabo})
		}
		hosts[i] = wpHost{ip: r.v4(p), ja4: wpick(r, []string{ja4LibcurlH1, ja4Libcurl111, ja4LibcurlNSS}, []float64{0.6, 0.3, 0.1})}
	}
	return hosts
}

// wpClient is the plugin's stack on one site.
func wpClient(r *rng, site, ja4 string) *client {
	ver := wpick(r, verWordPress, versionWeightsW)
	return &client{kind: kWordPress, ua: "WordPress/" + ver + "; https://" + site, ja4: ja4, style: stylePHP}
}

func planPlugin(w *world) {
	lab := w.label("plugin_users")
	r := newRNG(w.cfg.Seed, lab.name)
	hosts := r.wpHosts(r.count(600, w.scale, 20))
	newSite := func(i int) *wpSite {
		name := r.siteName()
		h := pick(r, hosts)
		k := keyProject
		if r.chance(0.2) {
			k = keyLegacy
		}
		s := &wpSite{
			acct: w.newAccount(r, fmt.Sprintf("plugin_users-%04d-%s", i, strings.Split(name, ".")[0]), k),
			cl:   wpClient(r, name, h.ja4), ip: h.ip,
			tz:     wpick(r, []float64{tzCET, tzUK, tzUSEast, tzUSWest, tzSydney, tzSGT, tzBrazil}, []float64{0.38, 0.14, 0.2, 0.1, 0.06, 0.06, 0.06}),
			model:  wpick(r, []string{"gpt-5-mini", "gpt-4.1-mini", "gpt-5.1"}, []float64{0.7, 0.15, 0.15}),
			length: wpick(r, []int{150, 300, 600, 1200}, []float64{0.25, 0.4, 0.25, 0.1}),
			lang:   wpick(r, []string{"English", "German", "Spanish", "Italian", "French", "Portuguese", "Dutch", "Norwegian"}, []float64{0.55, 0.1, 0.08, 0.06, 0.07, 0.05, 0.05, 0.04}),
			biz:    wpick(r, []string{"hotel", "tours", "shop"}, []float64{0.45, 0.25, 0.3}),
			tone:   pick(r, tones),
			city:   r.place(),
		}
		s.maxTok = map[int]int{150: 400, 300: 800, 600: 1500, 1200: 3000}[s.length]
		switch s.biz {
		case "hotel":
			s.name = r.hotelName()
			s.items = r.some(roomTypes, r.irange(2, 5))
		case "tours":
			s.name = s.city.city + " " + pick(r, []string{"Walks", "Tours", "Adventures", "Food Tours", "Bike Tours", "Boat Trips", "Day Trips"})
			for range r.irange(2, 6) {
				s.items = append(s.items, wpTourName(r, s.city))
			}
		default:
			s.name = strings.Split(name, ".")[0]
			s.items = r.some(products, r.irange(4, 10))
		}
		return s
	}
	// Sites that had the plugin before the window; only some of them are
	// used today.
	n := r.count(2600, w.scale, 30)
	for i := 0; i < n; i++ {
		s := newSite(i)
		if !r.chance(0.55) {
			continue
		}
		for range 1 + int(r.exp(0.6)) {
			at := wpSessionStart(w, r, s.tz, w.start)
			wpSession(w, r, lab, s, at, false)
		}
	}
	// Sign-ups during the window: a new key, the connection test, then a
	// first session of trying things out.
	m := r.count(250, w.scale, 6)
	for i := 0; i < m; i++ {
		s := newSite(n + i)
		t := wpSessionStart(w, r, s.tz, w.start)
		wpSession(w, r, lab, s, t, true)
	}
}

// wpSessionStart draws a start time weighted by the owner's office day.
func wpSessionStart(w *world, r *rng, tz float64, from time.Time) time.Time {
	for {
		t := from.Add(secs(r.Float64() * w.end.Sub(from).Seconds()))
		if r.Float64() < activity(&officeHours, t, tz) {
			return t
		}
	}
}

func wpTourName(r *rng, p place) string {
	return pick(r, []string{"Old Town Highlights", "Sunset", "Hidden Gems", "Street Food", "Full-Day", "Private", "Small-Group", "Morning"}) + " " +
		pick(r, []string{"Walking Tour", "Food Tour", "Bike Tour", "Boat Trip", "Kayak Tour", "Wine Tasting", "Photo Walk", "Day Trip"}) + " in " + p.city
}

// wpSession plans one owner's editing session: a few actions, each
// sometimes regenerated, or now and then a bulk run over many items.
func wpSession(w *world, r *rng, lab *label, s *wpSite, t time.Time, first bool) {
	if first {
		body := obj{{"model", s.model}, {"messages", arr{msg("user", "Reply with OK.")}}, {"max_completion_tokens", 5}}
		w.send(r, t, lab, s.acct, s.cl, s.ip, pathChat, body)
		t = t.Add(secs(r.lognorm(40, 0.8)))
	}
	if r.chance(0.06) {
		// Bulk action: meta descriptions for every item, one AJAX call
		// after another.
		items := r.irange(15, 60)
		for i := 0; i < items && w.within(t); i++ {
			item := pick(r, s.items)
			w.send(r, t, lab, s.acct, s.cl, s.ip, pathChat, wpBody(s.model, wpMeta(r, item+" – "+s.name, s.lang), 400))
			t = t.Add(secs(r.lognorm(4, 0.3)))
		}
		return
	}
	actions := r.irange(1, 6)
	for i := 0; i < actions && w.within(t); i++ {
		user := wpUserPrompt(r, s)
		body := wpBody(s.model, user, s.maxTok)
		w.send(r, t, lab, s.acct, s.cl, s.ip, pathChat, body)
		t = t.Add(secs(r.lognorm(8, 0.5)))
		for r.chance(0.25) && w.within(t) { // "Regenerate"
			t = t.Add(secs(r.lognorm(15, 0.6)))
			w.send(r, t, lab, s.acct, s.cl, s.ip, pathChat, body)
		}
		t = t.Add(secs(r.lognorm(70, 0.9)))
	}
}

func wpBody(model, user string, maxTok int) obj {
	return obj{{"model", model}, {"messages", arr{msg("system", wpSystem), msg("user", user)}}, {"temperature", 0.7}, {"max_completion_tokens", maxTok}}
}

// The plugin's actions, each a fixed template.

func wpProduct(title, features, tone, lang string, words int) string {
	return fmt.Sprintf("Write a product description.\nProduct: %s\nKey features: %s\nTone: %s\nLanguage: %s\nLength: about %d words", title, features, tone, lang, words)
}

func wpMeta(r *rng, title, lang string) string {
	return fmt.Sprintf("Write an SEO meta description of at most 155 characters.\nPage title: %s\nFocus keyword: %s\nLanguage: %s", title, strings.ToLower(strings.Fields(title)[0]), lang)
}

func wpBlog(topic, audience, tone, lang string, words int) string {
	return fmt.Sprintf("Write a blog post.\nTopic: %s\nAudience: %s\nTone: %s\nLanguage: %s\nLength: about %d words\nFormat: HTML with <h2> subheadings", topic, audience, tone, lang, words)
}

func wpFAQ(subject, lang string) string {
	return fmt.Sprintf("Write 5 frequently asked questions with answers.\nSubject: %s\nLanguage: %s\nFormat: HTML", subject, lang)
}

func wpRewrite(text, tone, lang string) string {
	return fmt.Sprintf("Rewrite the text below to be more engaging. Keep all facts.\nTone: %s\nLanguage: %s\n\nText:\n%s", tone, lang, text)
}

func wpRoom(hotel, city, room, features, tone, lang string, words int) string {
	return fmt.Sprintf("Write a room description.\nProperty: %s, %s\nRoom: %s\nFeatures: %s\nTone: %s\nLanguage: %s\nLength: about %d words", hotel, city, room, features, tone, lang, words)
}

func wpTour(tour, duration, highlights, tone, lang string, words int) string {
	return fmt.Sprintf("Write a tour description.\nTour: %s\nDuration: %s\nHighlights: %s\nTone: %s\nLanguage: %s\nLength: about %d words", tour, duration, highlights, tone, lang, words)
}

// wpUserPrompt draws what an owner asks for about their own business.
func wpUserPrompt(r *rng, s *wpSite) string {
	item := pick(r, s.items)
	switch r.IntN(6) {
	case 0:
		return wpMeta(r, item+" – "+s.name, s.lang)
	case 1:
		topic := pick(r, []string{
			"Top %d things to do in %s this winter", "Where to eat in %[2]s: a local's guide", "How to spend %d days in %s",
			"Our guide to %[2]s's Christmas markets", "Getting from the airport to %[2]s city centre", "%[2]s with kids: %[1]d ideas",
		})
		topic = fmt.Sprintf(topic, r.irange(3, 10), s.city.city)
		return wpBlog(topic, pick(r, []string{"families", "couples", "first-time visitors", "business travellers", "backpackers"}), s.tone, s.lang, s.length)
	case 2:
		return wpFAQ(item+" at "+s.name, s.lang)
	case 3:
		var p place = s.city
		return wpRewrite(r.hotelBlurb(s.name, p, r.irange(40, 90)), s.tone, s.lang)
	}
	switch s.biz {
	case "hotel":
		return wpRoom(s.name, s.city.city, item, strings.Join(r.some(amenities, 3), ", "), s.tone, s.lang, s.length)
	case "tours":
		return wpTour(item, pick(r, []string{"2 hours", "3 hours", "half day", "full day", "4 hours"}), strings.Join(r.some(interests, 3), ", "), s.tone, s.lang, s.length)
	}
	return wpProduct(item, strings.Join(r.some(productFeat, 3), ", "), s.tone, s.lang, s.length)
}
