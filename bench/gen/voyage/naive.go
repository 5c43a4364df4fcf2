package voyage

import (
	"fmt"
	"time"
)

// naive: a many-account harvest of destination knowledge with little
// disguise. A script on five rented servers deals out a grid of
// destination questions round robin over a couple of hundred accounts
// bought in bulk days before, one request every couple of seconds for
// the whole operation, every account the same pinned SDK release, the
// same system prompt and parameters. It adds two batches of fresh
// accounts during the window as it scales up.

var naiveQuestions = []string{
	"Describe the history and the main attractions of %[1]s.",
	"What are the entry requirements and practical formalities for tourists visiting %[2]s?",
	"Create a detailed %[3]d-day itinerary for %[1]s, with morning, afternoon and evening plans.",
	"Explain the local cuisine of %[1]s and list the dishes a visitor must try, with where to find them.",
	"What is the best time of year to visit %[1]s, month by month?",
	"Compare %[1]s and %[4]s as holiday destinations for %[5]s.",
	"Explain all the public transport options in %[1]s and how tourists should use them.",
	"Give detailed budget travel tips for %[1]s: accommodation, food, transport and free activities.",
	"What are the safety considerations for tourists in %[1]s, by neighbourhood?",
	"Describe the cultural etiquette visitors to %[2]s should follow.",
	"What are the best day trips from %[1]s and how to organise each one?",
	"Write a complete guide to %[1]s for %[5]s.",
}

func planNaive(w *world) {
	lab := w.label("naive")
	r := newRNG(w.cfg.Seed, lab.name)
	n := r.count(240, w.scale, 16)
	vps := r.v4s(hetzner, 5)
	cl := pyClient(kPyOpenAI, "1.109.1", env{os: "Linux", arch: "x64", py: "3.11.14", ja4py: ja4PyLinux}, false)
	type acct struct {
		a    *account
		ip   string
		from time.Time
	}
	var accts []acct
	for i := 0; i < n; i++ {
		from := w.start
		switch {
		case i >= n*11/12:
			from = w.at(3.67).Add(secs(float64(i-n*11/12) * r.between(20, 40)))
		case i >= n*5/6:
			from = w.at(1.17).Add(secs(float64(i-n*5/6) * r.between(20, 40)))
		}
		accts = append(accts, acct{w.newAccount(r, fmt.Sprintf("naive-%04d", i+1), keyProject), vps[i%len(vps)], from})
	}
	sys := "You are an expert travel advisor. Provide comprehensive, accurate and well-structured answers."
	gap := 2.2 * 240 / float64(n) // each account about every nine minutes
	k := 0
	for t := w.start.Add(secs(r.between(0, 5))); t.Before(w.end); t = t.Add(secs(gap * r.between(0.85, 1.15))) {
		// Next account in turn that exists yet.
		var a acct
		for range accts {
			a = accts[k%len(accts)]
			k++
			if !a.from.After(t) {
				break
			}
		}
		if a.from.After(t) {
			continue
		}
		p, q := r.place(), r.place()
		user := fmt.Sprintf(pick(r, naiveQuestions), p.city, p.country, r.irange(3, 10), q.city, pick(r, travellerKinds))
		body := obj{{"messages", arr{msg("system", sys), msg("user", user)}}, {"model", "gpt-5.1"}, {"max_completion_tokens", 4096}, {"temperature", 0.7}}
		qr := w.send(r, t, lab, a.a, cl, a.ip, pathChat, body)
		w.sdkRetry(r, t, qr, 0.04)
	}
}
