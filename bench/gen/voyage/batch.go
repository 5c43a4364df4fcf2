package voyage

import (
	"fmt"
	"strings"
	"time"
)

// batch_jobs: scheduled work of four companies. Each job is a queue
// worked off at a steady pace with one prompt template and a large
// max_tokens:
//   - a bed bank's hotel-content localisation, Go workers on four shard
//     keys (service accounts) behind a cloud NAT;
//   - a travel-gear shop's hourly review digests (Anthropic dialect,
//     async Python, two keys split by product category);
//   - a hotel group's guest-review sentiment scoring, which reads the
//     log-probabilities of a one-token answer;
//   - a travel management company's fare-rule summaries, a Java job every
//     fifteen minutes.

func planBatch(w *world) {
	lab := w.label("batch_jobs")
	r := newRNG(w.cfg.Seed, lab.name)
	planLocalisation(w, r.fork("localisation"), lab)
	planReviewDigest(w, r.fork("digest"), lab)
	planSentiment(w, r.fork("sentiment"), lab)
	planFareRules(w, r.fork("farerules"), lab)
}

func planLocalisation(w *world, r *rng, lab *label) {
	cl := goClient(kGoOpenAI, "3.95.0", "go1.26.7", "Linux", "x64")
	nat := r.v4s(gcpEU, 2)
	items := r.count(4600, w.scale, 40)
	shards := 4
	sys := "You are a professional hotel copywriter and translator for an online travel platform. You translate property descriptions faithfully and naturally."
	// Each shard's workers pull from their share of the queue, two at a
	// time, from 14:20 until the queue is empty.
	for s := 1; s <= shards; s++ {
		a := w.newAccount(r, fmt.Sprintf("batch_jobs-bedbank-shard%d", s), keyService)
		for worker := 0; worker < 2; worker++ {
			t := w.at(0.33).Add(secs(r.between(0, 20)))
			for i := 0; i < items/shards/2; i++ {
				p := r.place()
				name := r.hotelName()
				lang := pick(r, languages[1:])
				user := fmt.Sprintf("Translate the hotel description below from English into %s. Keep every fact, keep the paragraph structure and do not add amenities that are not mentioned. Return JSON with the keys \"title\" and \"description\".\n\nProperty ID: %d\nHotel: %s, %s\nDescription:\n%s",
					lang, r.irange(100000, 999999), name, p.city, r.hotelBlurb(name, p, r.irange(70, 160)))
				body := obj{{"model", "gpt-5-mini"}, {"messages", arr{msg("system", sys), msg("user", user)}},
					{"max_completion_tokens", 4096}, {"temperature", 0.2}, {"response_format", obj{{"type", "json_object"}}}}
				q := w.send(r, t, lab, a, cl, pick(r, nat), pathChat, body)
				w.sdkRetry(r, t, q, 0.01)
				t = t.Add(secs(r.lognorm(11, 0.35))) // the answer's latency, then the next item
			}
		}
	}
}

func planReviewDigest(w *world, r *rng, lab *label) {
	cls := []string{"luggage", "accessories"}
	ip := r.v4(awsEUCent)
	cl := pyClient(kPyAnthropic, "0.94.2", env{os: "Linux", arch: "x64", py: "3.12.12", ja4py: ja4PyLinux}, true)
	per := r.count(70, w.scale, 3)
	for _, c := range cls {
		a := w.newAccount(r, "batch_jobs-gearshop-"+c, keyService)
		for h := 0; h < 6; h++ {
			// The cron job starts at five past the hour and runs ten
			// requests at a time.
			t := w.start.Add(time.Duration(h)*time.Hour + 5*time.Minute + secs(r.between(0, 4)))
			for i := 0; i < per; i++ {
				prod := pick(r, products)
				n := r.irange(6, 18)
				var b strings.Builder
				for k := 1; k <= n; k++ {
					st, txt := r.review(prod)
					fmt.Fprintf(&b, "%d. %s%s %s\n", k, strings.Repeat("★", st), strings.Repeat("☆", 5-st), txt)
				}
				user := fmt.Sprintf("Summarise these %d customer reviews of the product \"%s\" (SKU %s) for the product page. Return JSON with the keys pros (at most 4 short phrases), cons (at most 3) and summary (at most 40 words). Do not mention individual reviewers.\n\nReviews:\n%s",
					n, prod, strings.ToUpper(r.str(lowerAlnm, 8)), b.String())
				body := obj{{"model", "claude-haiku-4-5"}, {"max_tokens", 2048}, {"messages", arr{msg("user", user)}}, {"temperature", 0.0}}
				q := w.send(r, t.Add(secs(float64(i%10)*0.05)), lab, a, cl, ip, pathMessages, body)
				w.sdkRetry(r, t, q, 0.01)
				if i%10 == 9 {
					t = t.Add(secs(r.lognorm(6, 0.3)))
				}
			}
		}
	}
}

func planSentiment(w *world, r *rng, lab *label) {
	a := w.newAccount(r, "batch_jobs-hotelgroup-sentiment", keyProject)
	cl := pyClient(kPyOpenAI, "2.24.0", env{os: "Linux", arch: "x64", py: "3.11.14", ja4py: ja4PyLinux}, false)
	ip := r.v4(azureEU)
	sys := "You rate the overall sentiment of a hotel guest review. Answer with a single digit from 1 (very negative) to 5 (very positive)."
	n := r.count(1500, w.scale, 20)
	t := w.at(1.1)
	for i := 0; i < n && w.within(t); i++ {
		_, txt := r.review("hotel")
		body := obj{{"model", "gpt-4.1-mini"}, {"messages", arr{msg("system", sys), msg("user", txt)}},
			{"max_tokens", 1}, {"temperature", 0}, {"logprobs", true}, {"top_logprobs", 5}}
		q := w.send(r, t, lab, a, cl, ip, pathChat, body)
		w.sdkRetry(r, t, q, 0.005)
		t = t.Add(secs(r.lognorm(0.9, 0.3) / w.scale))
	}
}

var fareRuleCats = []string{
	"CAT 5 ADVANCE RES/TICKETING: RESERVATIONS FOR ALL SECTORS ARE REQUIRED AT LEAST %d DAYS BEFORE DEPARTURE. TICKETING WITHIN 72 HOURS AFTER RESERVATIONS ARE MADE.",
	"CAT 6 MINIMUM STAY: TRAVEL FROM LAST STOPOVER MUST COMMENCE NO EARLIER THAN THE FIRST SUN AFTER DEPARTURE OF THE FIRST INTERNATIONAL SECTOR.",
	"CAT 7 MAXIMUM STAY: TRAVEL FROM LAST STOPOVER MUST COMMENCE NO LATER THAN %d MONTHS AFTER DEPARTURE FROM FARE ORIGIN.",
	"CAT 16 PENALTIES: CHANGES ANY TIME CHARGE EUR %d FOR REISSUE. CANCELLATIONS BEFORE DEPARTURE CHARGE EUR %d FOR CANCEL/REFUND. AFTER DEPARTURE TICKET IS NON-REFUNDABLE. NO-SHOW: CHARGE EUR 150.",
	"CAT 16 PENALTIES: CHANGES PERMITTED FREE OF CHARGE. CANCELLATIONS ANY TIME PERMITTED. FULL REFUND OF UNUSED TICKET.",
	"CAT 19 CHILDREN DISCOUNTS: ACCOMPANIED CHILD 2-11 - CHARGE 75 PERCENT OF THE FARE. INFANT UNDER 2 WITHOUT A SEAT - CHARGE 10 PERCENT OF THE FARE.",
	"CAT 31 VOLUNTARY CHANGES: IN THE EVENT OF REISSUE THE NEW FARE MUST BE EQUAL OR HIGHER. REPRICE USING CURRENT FARES IN EFFECT.",
	"BAGGAGE: 1PC UP TO 23KG INCLUDED. SECOND PIECE EUR 70 PER DIRECTION.",
	"CAT 8 STOPOVERS: 1 FREE STOPOVER PERMITTED IN EACH DIRECTION. ADDITIONAL STOPOVERS EUR 100 EACH.",
}

func planFareRules(w *world, r *rng, lab *label) {
	a := w.newAccount(r, "batch_jobs-tmc-farerules", keyService)
	cl := &client{kind: kJavaOpenAI, ver: "4.12.0", rt: "21.0.9", os: "Linux", arch: "x64", ja4: ja4OkHttp, style: styleJackson, sdkSort: true}
	ip := r.v4(azureEU)
	per := r.count(40, w.scale, 2)
	for t := w.start.Add(mins(r.between(0, 15))); t.Before(w.end); t = t.Add(15 * time.Minute) {
		at := t
		for i := 0; i < per; i++ {
			var rules []string
			for _, c := range r.some(fareRuleCats, r.irange(3, 6)) {
				if strings.Count(c, "%d") == 2 {
					c = fmt.Sprintf(c, 10*r.irange(5, 30), 10*r.irange(10, 40))
				} else if strings.Contains(c, "%d") {
					c = fmt.Sprintf(c, r.irange(3, 21))
				}
				rules = append(rules, c)
			}
			from, to := r.place(), r.place()
			user := fmt.Sprintf("Summarise the fare rules below for a corporate traveller in at most five bullet points: changes, cancellation, no-show, baggage and validity. Use plain language and keep amounts as written.\n\nFare basis: %s\nRoute: %s-%s\n\n%s",
				strings.ToUpper(r.str("ABCDEFGHKLMNQSTVWY", 1)+r.str("ABCDEFGHKLMNQSTVWY0123456789", r.irange(4, 7))), from.iata, to.iata, strings.Join(rules, "\n"))
			body := obj{{"model", "gpt-4.1-mini"}, {"messages", arr{msg("user", user)}}, {"max_tokens", 600}, {"temperature", 0.0}}
			q := w.send(r, at, lab, a, cl, ip, pathChat, body)
			w.sdkRetry(r, at, q, 0.005)
			at = at.Add(secs(r.lognorm(3.5, 0.3)))
		}
	}
}
