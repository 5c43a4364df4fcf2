package localize

import (
	"math/rand/v2"
)

// low_slow: a boutique data vendor in Dubai that sells expert Arabic,
// Hebrew and Hindi legal and medical translation data with rationales. A
// handful of accounts, each a few requests an hour in office hours, long
// hand-assembled prompts: a finished professional translation with a
// request to write out, step by step, the reasoning that leads to it, or
// to grade a translation against a rubric. It stays far below every rate
// limit and looks like a careful professional user.

var lowSlowTasks = []string{
	"Below is a source clause and the translation our senior legal translator delivered. Write out, step by step, the reasoning a senior translator would follow to arrive at exactly this translation: how each legal term was chosen, which alternatives were rejected and why, and how the sentence structure was adapted. Do not change the translation.\n\nSource ({src}): {s}\nFinal translation ({tgt}): {t}",
	"Here is a patient-leaflet sentence and its approved translation. Explain, as a medical translator would in a training session, every decision behind the approved translation, step by step, including register, terminology and regulatory wording.\n\nSource ({src}): {s}\nApproved translation ({tgt}): {t}",
	"Grade this translation on a 1–10 scale against the rubric (accuracy 4, terminology 3, register 2, fluency 1). Justify each sub-score in detail before giving the total, then propose a corrected version.\n\nSource ({src}): {s}\nTranslation ({tgt}): {t}",
}

func planLowSlow(w *world) {
	r := w.r
	ae := countries["AE"]
	officeIP := homeV4(r, ae)
	n := w.scale(8, 3)
	for i := 0; i < n; i++ {
		cl := newClient(r, anthropicPy, "laptop", "0.91.1")
		cl.os, cl.arch = "MacOS", "arm64"
		a := w.newAccount("low_slow", "staff"+itoa(i+1), true, cl)
		ip := officeIP
		if i%3 == 2 {
			ip = homeIP(r, ae)
		}
		for _, t := range arrivals(r, w.start, w.end, 3.5, ae.tz, &office) {
			w.add(t, a, ip, func(r *rand.Rand) request {
				p := parallel[pick(r, []int{1, 2, 5})] // the legal and medical segments
				tgt := pick(r, []string{"ar", "ar", "tr", "ko"})
				u := fill(pick(r, lowSlowTasks), map[string]string{"src": "English", "tgt": langName[tgt].en, "s": p["en"], "t": p[tgt]})
				o := anth(mThink, 16000, "You are a senior legal and medical translator and trainer.", msg("user", u)).
					Set("thinking", O{{"type", "enabled"}, {"budget_tokens", 8000}})
				return request{path: pMessages, body: o}
			})
		}
	}
}
