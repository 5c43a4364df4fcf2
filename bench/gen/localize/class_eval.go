package localize

import (
	"math/rand/v2"
	"time"
)

// eval_team: a multilingual evaluation team and a university lab. They run
// public benchmark items (grade-school maths in ten languages, sentence
// translation, NLI) at temperature 0 with a fixed step-by-step prompt,
// score NLI labels from log-probabilities, and grade translations with
// the model as a judge against a rubric. Workers send the next item as
// soon as the previous answer is in. On release day the team runs the
// suite on atlas-4.5 within the hour. The lab runs the same public items,
// word for word, from its campus network.

// mgsmTemplates are the public maths items by language (two templates each).
var mgsmTemplates = map[string][2]string{
	"en": {"Maria has {a} apples. She buys {b} more and gives {c} to her friends. How many apples does she have now?",
		"A notebook costs {p} dollars. Tom buys {n} notebooks and pays with a {m}-dollar bill. How much change does he get?"},
	"es": {"María tiene {a} manzanas. Compra {b} más y regala {c} a sus amigas. ¿Cuántas manzanas tiene ahora?",
		"Un cuaderno cuesta {p} euros. Tomás compra {n} cuadernos y paga con un billete de {m} euros. ¿Cuánto le devuelven?"},
	"fr": {"Marie a {a} pommes. Elle en achète {b} de plus et en donne {c} à ses amies. Combien de pommes a-t-elle maintenant ?",
		"Un cahier coûte {p} euros. Thomas achète {n} cahiers et paie avec un billet de {m} euros. Combien lui rend-on ?"},
	"de": {"Maria hat {a} Äpfel. Sie kauft {b} weitere und schenkt {c} ihren Freundinnen. Wie viele Äpfel hat sie jetzt?",
		"Ein Heft kostet {p} Euro. Tom kauft {n} Hefte und bezahlt mit einem {m}-Euro-Schein. Wie viel Wechselgeld bekommt er?"},
	"ja": {"マリアはりんごを{a}個持っています。さらに{b}個買い、友達に{c}個あげました。今、りんごは何個ありますか。",
		"ノートは1冊{p}00円です。トムはノートを{n}冊買い、{m}00円で払いました。おつりはいくらですか。"},
	"zh": {"玛丽亚有{a}个苹果。她又买了{b}个，然后送给朋友{c}个。她现在有多少个苹果？",
		"一本笔记本{p}元。汤姆买了{n}本，付了{m}元。应该找回多少钱？"},
	"ru": {"У Марии было {a} яблок. Она купила ещё {b} и отдала {c} подругам. Сколько яблок у неё теперь?",
		"Тетрадь стоит {p}0 рублей. Том купил {n} тетрадей и заплатил {m}0 рублей. Сколько сдачи он получил?"},
	"th": {"มาเรียมีแอปเปิล {a} ลูก เธอซื้อเพิ่มอีก {b} ลูก และให้เพื่อนไป {c} ลูก ตอนนี้เธอมีแอปเปิลกี่ลูก",
		"สมุดเล่มละ {p} บาท ทอมซื้อสมุด {n} เล่ม และจ่ายเงิน {m} บาท เขาจะได้เงินทอนเท่าไร"},
	"sw": {"Maria ana maembe {a}. Ananunua maembe {b} zaidi na kuwapa marafiki zake {c}. Sasa ana maembe mangapi?",
		"Daftari moja linauzwa shilingi {p}00. Tom ananunua daftari {n} na kulipa shilingi {m}00. Atarudishiwa chenji kiasi gani?"},
	"bn": {"মারিয়ার কাছে {a}টি আপেল আছে। সে আরও {b}টি আপেল কিনল এবং বন্ধুদের {c}টি দিল। এখন তার কাছে কয়টি আপেল আছে?",
		"একটি খাতার দাম {p} টাকা। টম {n}টি খাতা কিনে {m} টাকা দিল। সে কত টাকা ফেরত পাবে?"},
}

var mgsmLangs = []string{"en", "es", "fr", "de", "ja", "zh", "ru", "th", "sw", "bn"}

const mgsmPrompt = "Solve this math word problem. Think step by step, then write the final answer as a number after \"Answer:\".\n\n{problem}"

// mgsmItem is public item i of lang: the same text for everyone.
func mgsmItem(lang string, i int) string {
	r := rand.New(rand.NewPCG(uint64(i), hashName("mgsm-"+lang)))
	a, b := between(r, 5, 60), between(r, 2, 40)
	c := between(r, 1, a)
	p, n := between(r, 2, 9), between(r, 2, 8)
	m := (p*n/10 + 1 + r.IntN(3)) * 10
	t := mgsmTemplates[lang][i%2]
	return fill(t, map[string]string{"a": itoa(a), "b": itoa(b), "c": itoa(c), "p": itoa(p), "n": itoa(n), "m": itoa(m)})
}

var floresSentences = []string{
	"The river rises in the northern highlands and flows for about 400 kilometres before reaching the sea.",
	"The festival, first held in 1953, attracts thousands of visitors every summer.",
	"Most of the island's electricity now comes from wind and solar power.",
	"The museum's collection includes more than two thousand objects from the Bronze Age.",
	"Researchers found that the birds change their migration routes in response to warmer winters.",
	"The bridge was closed for repairs after inspectors discovered cracks in one of its supports.",
	"In the nineteenth century, the town was an important centre of the textile industry.",
	"The new vaccine must be stored at very low temperatures, which makes distribution difficult in rural areas.",
	"Volunteers planted more than ten thousand trees along the riverbanks last spring.",
	"The language is spoken by around two million people, mainly in the mountain villages.",
	"The team won the championship for the third time in five years.",
	"Heavy rain caused flooding in several districts, and schools remained closed on Monday.",
	"The telescope allows astronomers to observe galaxies that formed shortly after the Big Bang.",
	"Local farmers have started growing drought-resistant varieties of maize.",
	"The novel was translated into more than forty languages and adapted for television.",
	"Public transport in the city is free for children and people over sixty-five.",
}

var nliPairs = [][2]string{
	{"The museum is closed on Mondays, except on public holidays.", "The museum never opens on a Monday."},
	{"Volunteers planted trees along the river last spring.", "Trees were planted near the river."},
	{"The team won the championship for the third time in five years.", "The team has never won the championship."},
	{"Heavy rain caused flooding, and schools stayed closed on Monday.", "The schools were closed because of a strike."},
	{"The novel was adapted for television.", "There is a television version of the novel."},
	{"Most of the island's electricity comes from wind and solar power.", "The island burns coal for most of its electricity."},
	{"The hotel offers free parking for guests.", "Guests can park at the hotel."},
	{"The bridge was closed after cracks were found.", "The bridge is painted red."},
}

const judgeRubric = "You are grading machine translation for a benchmark. Compare the candidate with the source and the reference.\n" +
	"Adequacy 1–5: 5 = all meaning preserved, 3 = minor meaning errors, 1 = wrong or missing meaning.\n" +
	"Fluency 1–5: 5 = native-like, 3 = understandable with errors, 1 = broken.\n" +
	"List each error with its span and category (mistranslation, omission, addition, terminology, grammar, punctuation).\n" +
	"Reply only with JSON: {\"adequacy\": int, \"fluency\": int, \"errors\": [{\"span\": str, \"category\": str}]}."

// evalItem is one request of a suite.
type evalItem func(model string) builder

// suite returns the items of one run: maths in langs (k items each),
// translation, NLI and judge items.
func suite(langs []string, k, flores, nli, judge, sc int) []evalItem {
	var items []evalItem
	for _, l := range langs {
		for i := 0; i < k; i++ {
			problem := mgsmItem(l, i)
			items = append(items, func(model string) builder {
				return func(r *rand.Rand) request {
					o := chat(model, msg("user", fill(mgsmPrompt, map[string]string{"problem": problem}))).
						Set("max_tokens", 1024).Set("seed", 1234).Set("temperature", 0)
					return request{path: pChat, body: o}
				}
			})
		}
	}
	tgts := []string{"es", "de", "fr", "ja", "zh", "ko", "ar", "tr", "pl", "it", "pt"}
	for i := 0; i < flores; i++ {
		s, tgt := floresSentences[i%len(floresSentences)], tgts[i/len(floresSentences)%len(tgts)]
		items = append(items, func(model string) builder {
			return func(r *rand.Rand) request {
				u := "Translate the following sentence from English to " + langName[tgt].en + ". Output only the translation.\n\n" + s
				return request{path: pChat, body: chat(model, msg("user", u)).Set("max_tokens", 256).Set("seed", 1234).Set("temperature", 0)}
			}
		})
	}
	for i := 0; i < nli; i++ {
		p := nliPairs[i%len(nliPairs)]
		items = append(items, func(model string) builder {
			return func(r *rand.Rand) request {
				u := "Premise: " + p[0] + "\nHypothesis: " + p[1] + "\nDoes the premise entail the hypothesis? Answer with one word: entailment, neutral or contradiction."
				o := chat(model, msg("user", u)).Set("logit_bias", O{{"306", 100}, {"29552", 100}, {"87172", 100}}).
					Set("logprobs", true).Set("max_tokens", 1).Set("temperature", 0).Set("top_logprobs", 5)
				return request{path: pChat, body: o}
			}
		})
	}
	for i := 0; i < judge; i++ {
		p := parallel[i%len(parallel)]
		tgt := []string{"es", "de", "fr", "ja", "zh", "ko", "ar", "tr", "pl"}[i%9]
		cand := p[tgt]
		if i%3 == 1 {
			cand = p["es"] // a system that answered in the wrong language
		}
		items = append(items, func(model string) builder {
			return func(r *rand.Rand) request {
				u := "Source (English): " + p["en"] + "\nReference (" + langName[tgt].en + "): " + p[tgt] + "\nCandidate: " + cand
				return request{path: pChat, body: chat(mFlag, msg("system", judgeRubric), msg("user", u)).
					Set("response_format", O{{"type", "json_object"}}).Set("temperature", 0)}
			}
		})
	}
	for i := 0; i < sc; i++ {
		problem := mgsmItem(langs[i%len(langs)], 500+i)
		items = append(items, func(model string) builder {
			return func(r *rand.Rand) request {
				o := chat(model, msg("user", fill(mgsmPrompt, map[string]string{"problem": problem}))).
					Set("max_tokens", 1024).Set("n", 5).Set("temperature", 0.7)
				return request{path: pChat, body: o}
			}
		})
	}
	return items
}

// runSuite sends items from workers parallel workers from t on key a.
func (w *world) runSuite(a *account, ips []string, t time.Time, items []evalItem, model string, workers int, latency float64) {
	r := w.r
	free := make([]time.Time, workers)
	for i := range free {
		free[i] = t.Add(secs(r.Float64()))
	}
	order := r.Perm(len(items))
	for k, j := range order {
		wi := k % workers
		w.add(free[wi], a, ips[wi%len(ips)], items[j](model))
		free[wi] = free[wi].Add(secs(logn(r, latency, 0.5)))
	}
}

func planEval(w *world) {
	r := w.r
	// the evaluation team: runner, judge and a developer key
	netw := cloudNet(r, "gcp-eu")
	ips := []string{v4In(r, netw), v4In(r, netw)}
	runner := w.newAccount("eval_team", "polyeval-runner", false, newClient(r, openaiPy, "server", "2.41.0"))
	runner.cl.async = true
	k := w.scale(60, 6)
	// a regression run of the current prompts on atlas-4-mini
	w.runSuite(runner, ips, w.at(0.08+0.1*r.Float64()), suite(mgsmLangs, k, k*6, k*5, k*6, 0), mMini, 8, 5)
	// release day: the whole suite on the new model, and self-consistency
	w.runSuite(runner, ips, w.release.Add(secs(900+r.Float64()*1500)), suite(mgsmLangs, k, k*6, k*5, k*6, k*3), mNew, 12, 5)
	dev := w.newAccount("eval_team", "polyeval-dev", false, newClient(r, openaiPy, "laptop", "2.41.0"))
	home := homeIP(r, countries["DE"])
	for _, t := range arrivals(r, w.start, w.end, 20, 1, &office) {
		lang := pick(r, mgsmLangs)
		i := r.IntN(250)
		m := w.modelAt(t, mFlag, mNew)
		w.add(t, dev, home, func(r *rand.Rand) request {
			return request{path: pChat, body: chat(m, msg("user", fill(mgsmPrompt, map[string]string{"problem": mgsmItem(lang, i)}))).
				Set("max_tokens", 1024).Set("temperature", 0)}
		})
	}
	// the university lab: the same public items, fewer workers
	campus := "130.225." + itoa(r.IntN(256))
	lab := w.newAccount("eval_team", "unilab-run", false, newClient(r, openaiPy, "server", "2.24.0"))
	w.runSuite(lab, []string{v4In(r, campus)}, w.at(0.3+0.4*r.Float64()), suite(mgsmLangs[:6], w.scale(80, 8), 0, 0, 0, 0), mMini, 2, 6)
}
