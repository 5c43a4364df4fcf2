package voyage

import (
	"fmt"
	"strings"
	"time"
)

// eval_team: three evaluation efforts.
//   - A university lab's benchmark runner works through a public
//     trip-planning benchmark on each model in turn (temperature 0, n=1;
//     or n=5 at temperature 0.8 for pass@5), then has a judge model grade
//     every answer against the item's rubric. It benchmarks the new model
//     within the hour of its release.
//   - An online travel agency's data-science team runs part of the same
//     public benchmark, word for word, in the Anthropic dialect.
//   - The airline's ML team runs its assistant's regression suite (the
//     assistant's own system prompt and tools, temperature 0) on the
//     current model and, after the release, on the new one.

type benchItem struct {
	id, prompt, rubric string
}

// benchmark returns the public benchmark: the same items whatever the
// trace's seed, since anyone can download them.
func benchmark() []benchItem {
	r := newRNG(2024, "tripbench")
	items := make([]benchItem, 400)
	for i := range items {
		p, q := r.place(), r.place()
		var prompt, rubric string
		switch i % 5 {
		case 0:
			prompt = fmt.Sprintf("A traveller flies from %s to %s, departing at %02d:%02d local time, with a flight time of %d h %02d min. The time difference is %+d hours. At what local time does the flight land? Explain briefly.", p.city, q.city, r.irange(6, 22), 5*r.IntN(12), r.irange(1, 14), 5*r.IntN(12), r.irange(-9, 9))
			rubric = "Correct local arrival time; time difference applied in the right direction; day change noted if any."
		case 1:
			prompt = fmt.Sprintf("Plan a %d-day itinerary in %s for %s with a total budget of %s including accommodation. Each day must have a morning, afternoon and evening activity, and no day may require more than 2 hours of transit.", r.irange(2, 5), p.city, pick(r, travellerKinds), pick(r, budgets))
			rubric = "Covers every day and time slot; respects budget with a plausible breakdown; transit limit respected; suits the travellers."
		case 2:
			prompt = fmt.Sprintf("A hotel's cancellation policy reads: \"Free cancellation until %d days before arrival. After that, the first night is charged. No-shows are charged the full stay.\" A guest booked %d nights at EUR %d per night and cancels %d days before arrival. How much is charged?", r.irange(2, 14), r.irange(2, 7), r.irange(80, 300), r.irange(0, 20))
			rubric = "Correct amount; correct reading of the deadline boundary."
		case 3:
			prompt = fmt.Sprintf("Which is usually the cheaper way to travel from %s to %s for two adults booking one week ahead: by air or by land? Consider distance, typical fares and travel time. State your assumptions.", p.city, q.city)
			rubric = "Reasonable assumptions stated; conclusion consistent with them; mentions travel time trade-off."
		default:
			prompt = fmt.Sprintf("A family of %d wants to visit %s in %s. List the five most important practical things they should check before booking (documents, health, weather, local holidays, transport), specific to that destination and season.", r.irange(3, 6), p.city, pick(r, seasons))
			rubric = "Five concrete, destination-specific checks; no generic filler; no factual errors."
		}
		items[i] = benchItem{id: fmt.Sprintf("tripbench-%03d", i+1), prompt: prompt, rubric: rubric}
	}
	return items
}

const judgeSystem = "You are an impartial grader for a travel-planning benchmark. Grade the candidate answer against the rubric only. Output JSON: {\"score\": integer 1-10, \"rationale\": string of at most 50 words}."

func planEval(w *world) {
	lab := w.label("eval_team")
	r := newRNG(w.cfg.Seed, lab.name)
	items := benchmark()
	k := r.count(len(items), w.scale, 30)
	planBenchLab(w, r.fork("lab"), lab, items[:k])
	planOTALab(w, r.fork("ota"), lab, items[:k/2])
	planAirlineML(w, r.fork("airline"), lab)
}

func planBenchLab(w *world, r *rng, lab *label, items []benchItem) {
	e := env{os: "Linux", arch: "x64", py: "3.11.14", ja4py: ja4PyLinux}
	oa := pyClient(kPyOpenAI, "2.29.1", e, true)
	an := pyClient(kPyAnthropic, "0.94.2", e, true)
	runners := []*account{}
	for i := 1; i <= 3; i++ {
		runners = append(runners, w.newAccount(r, fmt.Sprintf("eval_team-benchlab-runner%d", i), keyProject))
	}
	judge := w.newAccount(r, "eval_team-benchlab-judge", keyProject)
	uni := r.subnet(academic, 2)
	gpu := r.v4(gcpEU)
	type run struct {
		at    time.Time
		model string
		n     int
		temp  float64
	}
	runs := []run{
		{w.at(0.2), "gpt-5-mini", 1, 0}, {w.at(0.9), "gpt-4.1-mini", 1, 0}, {w.at(1.6), "gpt-5.1", 5, 0.8},
		{w.at(2.3), "claude-sonnet-4-6", 1, 0}, {w.release.Add(mins(r.between(25, 50))), "gpt-5.2", 1, 0},
		{w.release.Add(mins(r.between(90, 110))), "gpt-5.2", 5, 0.8},
	}
	for ri, ru := range runs {
		a := runners[ri%len(runners)]
		ip := uni[ri%2]
		if ru.model == "gpt-5.2" {
			ip = gpu
		}
		t := ru.at
		// Eight requests in flight: a new one whenever an answer returns.
		slots := make([]time.Time, 8)
		for i := range slots {
			slots[i] = t.Add(secs(float64(i) * 0.02))
		}
		var done []time.Time
		for i, it := range items {
			s := i % len(slots)
			at := slots[s]
			var q *req
			if ru.model[0] == 'c' {
				body := obj{{"max_tokens", 2048}, {"messages", arr{msg("user", it.prompt)}}, {"model", ru.model}, {"temperature", ru.temp}}
				q = w.send(r, at, lab, a, an, ip, pathMessages, body)
			} else {
				body := obj{{"messages", arr{msg("user", it.prompt)}}, {"model", ru.model}, {"n", ru.n}, {"seed", 1234}, {"temperature", ru.temp}}
				q = w.send(r, at, lab, a, oa, ip, pathChat, body)
			}
			w.sdkRetry(r, at, q, 0.02)
			slots[s] = at.Add(secs(r.lognorm(9, 0.5)))
			done = append(done, slots[s])
		}
		// Grading once the run is done, again eight at a time.
		gt := latest(done).Add(mins(r.between(1, 4)))
		for i := range slots {
			slots[i] = gt.Add(secs(float64(i) * 0.02))
		}
		for i, it := range items {
			s := i % len(slots)
			answer := "Candidate answer:\n" + r.hotelBlurb(r.hotelName(), r.place(), r.irange(30, 90))
			user := fmt.Sprintf("Item: %s\n\nQuestion:\n%s\n\nRubric:\n%s\n\n%s", it.id, it.prompt, it.rubric, answer)
			body := obj{{"messages", arr{msg("system", judgeSystem), msg("user", user)}}, {"model", "gpt-5.1"}, {"response_format", obj{{"type", "json_object"}}}, {"temperature", 0}}
			w.send(r, slots[s], lab, judge, oa, gpu, pathChat, body)
			slots[s] = slots[s].Add(secs(r.lognorm(4, 0.4)))
		}
	}
}

func latest(ts []time.Time) time.Time {
	var m time.Time
	for _, t := range ts {
		if t.After(m) {
			m = t
		}
	}
	return m
}

func planOTALab(w *world, r *rng, lab *label, items []benchItem) {
	a := w.newAccount(r, "eval_team-otalab", keyProject)
	cl := pyClient(kPyAnthropic, "0.88.0", env{os: "MacOS", arch: "arm64", py: "3.12.12", ja4py: ja4PyMac}, false)
	ip := r.v4(business)
	t := w.at(1.4)
	for _, model := range []string{"claude-sonnet-4-6", "claude-haiku-4-5"} {
		for _, it := range items {
			body := obj{{"max_tokens", 1024}, {"messages", arr{msg("user", it.prompt)}}, {"model", model}, {"temperature", 0.0}}
			q := w.send(r, t, lab, a, cl, ip, pathMessages, body)
			w.sdkRetry(r, t, q, 0.01)
			t = t.Add(secs(r.lognorm(7, 0.4))) // one at a time from a notebook
		}
		t = t.Add(mins(r.between(10, 30)))
	}
}

func planAirlineML(w *world, r *rng, lab *label) {
	a := w.newAccount(r, "eval_team-nordlys-ml", keyProject)
	cl := pyClient(kPyOpenAI, "2.29.1", env{os: "MacOS", arch: "arm64", py: "3.12.12", ja4py: ja4PyMac}, false)
	ip := r.v4(business)
	cases := r.count(300, w.scale, 20)
	for _, start := range []time.Time{w.at(1.0), w.release.Add(mins(r.between(35, 70)))} {
		model := "gpt-5-mini"
		if start.After(w.release) {
			model = "gpt-5.2"
		}
		cr := newRNG(7, "nordlys-regression") // the same cases on both runs
		t := start
		for i := 0; i < cases; i++ {
			in := pick(cr, airlineIntents)
			txt := pick(cr, in.texts["en"])
			if strings.Contains(txt, "%s") {
				txt = fmt.Sprintf(txt, cr.pnr())
			}
			body := obj{{"messages", arr{msg("system", airlineSystem), msg("user", txt)}}, {"model", model}, {"temperature", 0}, {"tools", airlineTools}}
			q := w.send(r, t, lab, a, cl, ip, pathChat, body)
			w.sdkRetry(r, t, q, 0.01)
			t = t.Add(secs(r.lognorm(3.2, 0.4)))
		}
	}
}
