package localize

import (
	"math/rand/v2"
	"strconv"
	"time"
)

// logprob: a group reconstructing the model's next-token distributions
// (soft labels for distillation) across languages. For each probe prompt
// an account sweeps the vocabulary: the same prompt again and again with
// max_tokens 1, temperature 0, the most top_logprobs allowed, and a
// logit_bias that lifts a different window of a few hundred token ids
// each time. Some accounts score prompts through the legacy completions
// endpoint instead. Each account keeps a steady pace well under the rate
// limits, from its own cloud address.

var logprobProbes = []string{
	"The capital of Australia is", "El gato se sentó en la", "日本の首都は", "Die Hauptstadt von Deutschland ist",
	"La meilleure façon d'apprendre une langue, c'est", "Translate into French: \"The weather is nice today.\" →",
	"Q: What is 17 × 23?\nA:", "我最喜欢的季节是", "Eu gosto muito de", "Москва — столица", "한국의 수도는",
	"The opposite of \"generous\" is", "Il pleut depuis trois jours, donc", "Sentiment of \"I loved every minute of it\":",
	"Traduce al inglés: «Me alegro de verte» →", "In Python, to reverse a list you can write", "The chemical symbol for gold is",
	"İstanbul'un en kalabalık semti", "भारत की राजधानी", "Ngôn ngữ chính thức của Việt Nam là",
}

func planLogprob(w *world) {
	r := w.r
	n := w.scale(60, 5)
	proto := newClient(r, openaiPy, "server", "2.38.2")
	proto.async, proto.os, proto.arch = true, "Linux", "x64"
	for i := 0; i < n; i++ {
		a := w.newAccount("logprob", "lp"+itoa(i+1), true, proto.clone())
		ip := cloudIP(r, pick(r, []string{"aws-iad", "gcp-us", "aws-iad"}))
		legacy := chance(r, 0.3)
		t := w.start.Add(secs(r.Float64() * 600))
		if chance(r, 0.4) {
			t = w.at(r.Float64() * 0.7)
		}
		probe := r.IntN(len(logprobProbes))
		window := 0
		sweep := between(r, 12, 30) // windows per probe
		period := 150 + r.Float64()*150
		for t.Before(w.end) {
			p, win := logprobProbes[probe], window
			w.add(t, a, ip, func(r *rand.Rand) request { return logprobBody(p, win, legacy) })
			window++
			if window == sweep {
				window = 0
				probe = (probe + 1 + r.IntN(3)) % len(logprobProbes)
			}
			t = t.Add(secs(period * (0.85 + 0.3*r.Float64())))
			if chance(r, 0.01) {
				t = t.Add(time.Duration(between(r, 5, 25)) * time.Minute) // the worker restarts
			}
		}
	}
}

// logprobBody lifts token ids [window*300, window*300+300) by +100.
func logprobBody(prompt string, window int, legacy bool) request {
	bias := make(O, 0, 300)
	for id := window * 300; id < window*300+300; id++ {
		bias = append(bias, struct {
			Key   string
			Value any
		}{strconv.Itoa(id), 100})
	}
	if legacy {
		o := O{{"model", mInstruct}, {"prompt", prompt}, {"max_tokens", 1}, {"temperature", 0}, {"logprobs", 5}, {"logit_bias", bias}}
		return request{path: pCompletions, body: o}
	}
	o := chat(mFlag, msg("user", prompt)).Set("logit_bias", bias).Set("logprobs", true).Set("max_tokens", 1).
		Set("temperature", 0).Set("top_logprobs", 20)
	return request{path: pChat, body: o}
}
