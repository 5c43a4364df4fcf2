package localize

import (
	"math/rand/v2"
	"time"
)

// disguised: a hydra that wants multilingual step-by-step reasoning on
// maths, science and programming and works to look like ordinary users.
// Each account has a persona: a country, its language and local hours,
// its own client (a bring-your-own-key web chat in a browser, an SDK
// install of its own version, the shell), and a residential proxy exit in
// that country that changes with every session. Accounts work in short
// sessions with human pauses, ask follow-up questions, vary their wording
// across many phrasings and languages, and mix in everyday requests.
// Some accounts are aged (bought or warmed up weeks ago), the others are
// opened as the day goes on.

var disguisedProblems = []string{
	"A ball is thrown straight up at {v} m/s. Ignoring air resistance, how high does it go and how long until it lands?",
	"Two dice are rolled. What is the probability that the sum is {s} or more?",
	"A rectangle's length is {a} cm more than its width, and its area is {b} cm². Find its dimensions.",
	"How many ways can {n} people sit around a round table if two of them refuse to sit next to each other?",
	"A loan of {p} at {q}% annual interest compounded monthly: how much is owed after {y} years?",
	"Prove that the sum of the first n odd numbers is a perfect square, and check it for n = {n}.",
	"A train leaves at {h}:00 going {v} km/h; a second train leaves an hour later at {u} km/h on a parallel track. When does the second catch up?",
	"Write a function that returns the {k}-th smallest element of an unsorted list and explain its time complexity.",
	"In a class of {cl} students, {fb} play football, {ch} play chess and {d} play both. How many play neither?",
	"A solution is {q}% salt. How much water must be added to {v} litres of it to make it {d}%?",
	"Find all integer solutions of x² − y² = {b}.",
	"An object cools from {t}°C to 60°C in 10 minutes in a room at 20°C. Using Newton's law of cooling, when does it reach 30°C?",
	"Why does ice float on water? Explain using density and hydrogen bonding.",
	"A population of bacteria doubles every {h} hours. Starting from {a}, how long until it exceeds one million?",
	"What is the expected number of coin flips needed to get two heads in a row?",
}

var disguisedNative = map[string][]string{
	"es": {"Un depósito se llena con un grifo en {h} horas y con otro en {k} horas. ¿Cuánto tarda con los dos abiertos?", "¿Cuál es la probabilidad de sacar al menos un seis en {n} tiradas de un dado?"},
	"pt": {"Um carro percorre {v} km com {k} litros de gasolina. Quantos litros gasta para percorrer {b} km?", "Qual é a soma dos ângulos internos de um polígono de {n} lados?"},
	"de": {"Ein Kapital von {p} Euro wird {y} Jahre lang mit {q} % verzinst. Wie hoch ist das Endkapital?", "Wie viele Diagonalen hat ein {n}-Eck?"},
	"ja": {"{n}人の中から委員を3人選ぶ方法は何通りありますか。", "時速{v}kmで走る車が{h}時間で進む距離を求め、途中の考え方も説明してください。"},
	"ko": {"{n}명 중에서 대표 2명을 뽑는 경우의 수는?", "둘레가 {b}cm인 정사각형의 넓이는 얼마인가요?"},
	"tr": {"Bir işi Ali {h} günde, Ayşe {k} günde bitiriyor. Birlikte kaç günde bitirirler?", "{n} kenarlı bir çokgenin iç açıları toplamı kaçtır?"},
	"ar": {"إذا كان ثمن {n} أقلام هو {b} ريالاً، فكم ثمن {k} أقلام؟", "احسب مساحة دائرة نصف قطرها {a} سم."},
	"hi": {"एक ट्रेन {v} किमी/घंटा की गति से {h} घंटे चलती है। वह कितनी दूरी तय करती है?", "{n} लोगों में से 2 को कितने तरीकों से चुना जा सकता है?"},
	"fr": {"Un robinet remplit une baignoire en {h} minutes et la bonde la vide en {k} minutes. En combien de temps se remplit-elle si les deux sont ouverts ?", "Combien de diagonales a un polygone à {n} côtés ?"},
}

var disguisedWrappers = map[string][]string{
	"en": {"{p}\nCan you walk me through it step by step? I want to understand the reasoning, not just the answer.", "I'm stuck on this one from my homework: {p}",
		"{p}\n\nPlease show your full thought process, including the scratch work, and don't skip steps.", "My answer was {g} but the book says something else. {p} Where did I go wrong?",
		"quick q - {p}", "{p} explain like you're tutoring me", "Could you double-check this? {p} I'd like to see each step."},
	"es": {"{p}\n¿Me lo explicas paso a paso? Quiero entender el razonamiento.", "Tengo este ejercicio y no me sale: {p}", "{p}\nDetalla todo tu razonamiento, sin saltarte pasos.", "A mí me da {g}, ¿está bien? {p}"},
	"pt": {"{p}\nPode me explicar passo a passo?", "Não consigo resolver esse exercício: {p}", "{p}\nMostre todo o raciocínio, sem pular etapas.", "deu {g} pra mim, tá certo? {p}"},
	"de": {"{p}\nKannst du mir das Schritt für Schritt erklären?", "Ich komme bei dieser Aufgabe nicht weiter: {p}", "{p}\nBitte zeig den kompletten Lösungsweg mit allen Zwischenschritten."},
	"fr": {"{p}\nTu peux m'expliquer étape par étape ?", "Je bloque sur cet exercice : {p}", "{p}\nDétaille tout ton raisonnement, même les calculs intermédiaires."},
	"ja": {"{p}\nステップごとに考え方を説明してください。", "この問題が解けません：{p}", "{p}\n途中の計算も省略せずに書いてください。"},
	"ko": {"{p}\n단계별로 풀이 과정을 설명해 주세요.", "이 문제 어떻게 풀어요? {p}", "{p}\n중간 계산도 생략하지 말고 보여 주세요."},
	"tr": {"{p}\nAdım adım açıklar mısın?", "Bu soruda takıldım: {p}"},
	"ar": {"{p}\nهل يمكنك شرح الحل خطوة بخطوة؟", "لم أستطع حل هذه المسألة: {p}"},
	"hi": {"{p}\nकृपया इसे चरण-दर-चरण समझाइए।", "यह सवाल हल नहीं हो रहा: {p}"},
	"id": {"{p}\nBisa jelaskan langkah demi langkah?", "Aku bingung sama soal ini: {p}"},
	"vi": {"{p}\nGiải thích từng bước giúp mình nhé.", "Bài này mình làm mãi không ra: {p}"},
	"pl": {"{p}\nWyjaśnisz krok po kroku?", "Utknąłem na tym zadaniu: {p}"},
	"it": {"{p}\nMe lo spieghi passo per passo?", "Non riesco a risolvere questo esercizio: {p}"},
}

var disguisedFollowups = map[string][]string{
	"en": {"Why does the second step work?", "What if the numbers were different, say double?", "ok got it. can you give me a similar one to practise?", "I don't get the part where you rearranged the equation."},
	"es": {"¿Por qué funciona el segundo paso?", "¿Y si los números fueran el doble?", "Vale, ¿me pones otro parecido para practicar?"},
	"pt": {"Por que o segundo passo funciona?", "E se os números fossem o dobro?", "Entendi! Me dá outro parecido?"},
	"de": {"Warum funktioniert der zweite Schritt?", "Und wenn die Zahlen doppelt so groß wären?"},
	"fr": {"Pourquoi la deuxième étape marche-t-elle ?", "Et si les nombres étaient doublés ?"},
	"ja": {"二つ目のステップはなぜそうなるのですか？", "似た問題をもう一つ出してください。"},
	"ko": {"두 번째 단계가 왜 그렇게 되나요?", "비슷한 문제 하나 더 내 주세요."},
}

var disguisedFiller = map[string][]string{
	"en": {"what should I cook tonight with rice, eggs and spinach?", "write a short happy birthday message for my sister", "recommend a sci-fi book like The Martian"},
	"es": {"¿Qué puedo cocinar con arroz, huevos y espinacas?", "Escríbeme un mensaje corto de cumpleaños para mi hermana."},
	"pt": {"Me dá uma ideia de presente para o dia dos pais.", "Escreve uma mensagem de aniversário curta para minha irmã."},
	"de": {"Was kann ich heute Abend mit Reis, Eiern und Spinat kochen?", "Schreib einen kurzen Geburtstagsgruß für meine Schwester."},
	"fr": {"Que puis-je cuisiner avec du riz, des œufs et des épinards ?"},
	"ja": {"今夜の夕飯、卵とほうれん草で何か作れますか？"},
	"ko": {"계란이랑 시금치로 만들 수 있는 저녁 메뉴 추천해 줘."},
}

var disguisedCountries = []string{"US:6", "USW:2", "GB:3", "DE:3", "FR:3", "ES:3", "IT:2", "BR:4", "MX:3", "IN:5", "JP:3", "KR:3",
	"ID:2", "TR:2", "SA:1", "EG:1", "VN:2", "PL:2"}

func disguisedProblem(r *rand.Rand, lang string) string {
	tpl := pick(r, disguisedProblems)
	if ps, ok := disguisedNative[lang]; ok && chance(r, 0.5) {
		tpl = pick(r, ps)
	}
	return fill(tpl, map[string]string{
		"v": itoa(between(r, 8, 40)), "s": itoa(between(r, 6, 11)), "a": itoa(between(r, 2, 12)), "b": itoa(between(r, 40, 300)),
		"n": itoa(between(r, 5, 12)), "p": itoa(between(r, 2, 50) * 1000), "q": itoa(between(r, 2, 12)), "y": itoa(between(r, 2, 10)),
		"h": itoa(between(r, 2, 9)), "u": itoa(between(r, 50, 120)), "k": itoa(between(r, 2, 9)), "c": itoa(between(r, 3, 12)),
		"d": itoa(between(r, 1, 4)), "t": itoa(between(r, 80, 100)), "cl": itoa(between(r, 24, 36)), "fb": itoa(between(r, 8, 15)),
		"ch": itoa(between(r, 5, 11)),
	})
}

type persona struct {
	a     *account
	c     *country
	lang  string
	rh    *rhythm
	model string
	anth  bool
}

func planDisguised(w *world) {
	r := w.r
	n := w.scale(700, 15)
	for i := 0; i < n; i++ {
		p := &persona{c: pickCountry(r, disguisedCountries)}
		p.lang = p.c.lang
		if _, ok := disguisedWrappers[p.lang]; !ok || chance(r, 0.2) {
			p.lang = "en"
		}
		st := []stack{chrome, openaiPy, openaiNode, anthropicPy, firefox, safari, curlCLI, pyRequests}[pickW(r, []float64{0.35, 0.18, 0.15, 0.1, 0.1, 0.05, 0.04, 0.03})]
		cl := newClient(r, st, "laptop", "")
		cl.origin = pick(r, chatOrigins)
		cl.acceptLang = localeOf[p.lang] + "," + p.lang + ";q=0.9,en;q=0.8"
		p.a = w.newAccount("disguised", "p"+itoa(i+1), true, cl)
		p.anth = cl.dialect() == "anthropic" || (cl.dialect() == "" && chance(r, 0.3))
		p.model = pick(r, []string{mThink, mFlag})
		p.rh = &leisure
		if chance(r, 0.4) {
			p.rh = &office
		}
		from := w.start
		if !chance(r, 0.4) { // opened during the day
			from = w.at(r.Float64() * 0.85)
		}
		starts := arrivals(r, from, w.end, 0.9, p.c.tz, p.rh)
		if len(starts) == 0 && from.After(w.start) {
			starts = []time.Time{from.Add(secs(r.Float64() * 600))}
		}
		for _, t := range starts {
			w.disguisedSession(p, t)
		}
	}
}

func (w *world) disguisedSession(p *persona, t time.Time) {
	r := w.r
	ip := homeIP(r, p.c) // a new proxy exit every session
	n := between(r, 2, 6)
	seed := r.Uint64()
	chain := 0 // turns in the current conversation
	for _, at := range gaps(r, t, n, 100, 0.7) {
		if chain > 0 && chance(r, 0.45) {
			chain++
		} else {
			chain = 1
			seed = r.Uint64()
		}
		k, s := chain, seed
		filler := chain == 1 && chance(r, 0.12)
		w.add(at, p.a, ip, func(r *rand.Rand) request {
			cr := rand.New(rand.NewPCG(s, 9))
			var first string
			if filler {
				fl, ok := disguisedFiller[p.lang]
				if !ok {
					fl = disguisedFiller["en"]
				}
				first = pick(cr, fl)
			} else {
				first = fill(pick(cr, disguisedWrappers[p.lang]), map[string]string{"p": disguisedProblem(cr, p.lang), "g": itoa(between(cr, 3, 99))})
			}
			msgs := []O{msg("user", first)}
			fu, ok := disguisedFollowups[p.lang]
			if !ok {
				fu = disguisedFollowups["en"]
			}
			for j := 1; j < k; j++ {
				msgs = append(msgs, msg("assistant", "Let's work through it.\n\n**Step 1.** Write down what we know.\n**Step 2.** Set up the relation between the quantities.\n**Step 3.** Solve and check the result."))
				msgs = append(msgs, msg("user", pick(cr, fu)))
			}
			browser := p.a.cl.stack == chrome || p.a.cl.stack == firefox || p.a.cl.stack == safari
			if p.anth {
				o := anth(p.model, 8192, nil, msgs...)
				if p.model == mThink {
					o = o.Set("thinking", O{{"type", "enabled"}, {"budget_tokens", pick(r, []int{4096, 6000, 4000})}})
				}
				if browser {
					o = o.Set("stream", true)
				}
				return request{path: pMessages, body: o}
			}
			if browser {
				msgs = append([]O{msg("system", "You are a helpful assistant.")}, msgs...)
				return request{path: pChat, body: withStream(chat(p.model, msgs...).Set("temperature", 1), false)}
			}
			o := chat(p.model, msgs...)
			if p.model == mThink {
				o = o.Set("reasoning_effort", "high")
			}
			return request{path: pChat, body: o}
		})
	}
}
