package localize

import (
	"math/rand/v2"
	"time"
)

// freelancer: individual translators, writers, students and developers
// with their own keys, in a browser chat client that calls the API
// directly, a desktop script or the shell. They work in sessions of a few
// turns, in their own languages, and some early adopters try atlas-4.5 as
// soon as it is out.

var freelanceTasks = map[string][]string{
	"en": {"Rewrite this paragraph so it sounds less formal: \"We hereby inform you that the deadline has been extended.\"", "Give me 10 title ideas for a blog post about learning a language after 40.",
		"Explain the difference between a mutex and a semaphore with a short example.", "Summarise the main arguments for and against a four-day work week.", "Write a polite reminder to a client whose invoice is 30 days overdue."},
	"es": {"Corrige el estilo de este párrafo para una revista cultural: «La exposición estuvo muy buena y había muchas obras muy interesantes de muchos artistas».", "Tradúceme al inglés esta carta de presentación manteniendo un tono profesional.",
		"¿Qué diferencias hay entre una sociedad limitada y un autónomo a la hora de facturar en España?", "Hazme un plan de estudio de 4 semanas para preparar el DELE C1."},
	"de": {"Formuliere diese E-Mail an meinen Vermieter höflicher: Die Heizung ist schon wieder kaputt und niemand kümmert sich.", "Übersetze diesen Abschnitt ins Englische, aber behalte die Fachbegriffe aus dem Maschinenbau bei.",
		"Erkläre mir den Unterschied zwischen Umsatzsteuer und Einkommensteuer für Freiberufler."},
	"fr": {"Reformule ce paragraphe de mémoire pour qu'il soit plus concis.", "Traduis ce contrat de prestation en anglais, en gardant la structure des articles.", "Propose-moi trois accroches pour un post LinkedIn sur la traduction littéraire."},
	"pt": {"Revise este texto para um site de turismo, deixando-o mais atraente.", "Traduza para o espanhol esta descrição de produto.", "Me explica de forma simples o que é inflação de serviços."},
	"ja": {"この文章をもっと自然な日本語に直してください：「私たちは会議を来週に移動することを決定しました」", "英語のメールを丁寧な日本語に翻訳してください。", "翻訳者として独立するための準備を箇条書きで教えてください。"},
	"zh": {"帮我把这段产品介绍翻译成英文，语气要专业。", "润色一下这封求职信。", "解释一下Python里的装饰器，并给一个例子。"},
	"ar": {"ساعدني في صياغة رسالة رسمية إلى الجامعة لطلب تأجيل الامتحان.", "ترجم هذه الفقرة إلى الإنجليزية بأسلوب أكاديمي."},
	"hi": {"इस अनुच्छेद को सरल हिंदी में फिर से लिखिए।", "मेरे रिज़्यूमे के लिए एक अच्छा सारांश लिखने में मदद करें।"},
	"ko": {"이 문장을 자연스러운 영어로 번역해 주세요: 회의 자료는 내일 오전까지 공유드리겠습니다.", "블로그 글 제목 아이디어 5개만 주세요."},
	"it": {"Correggi questa email per un cliente, tono cordiale ma professionale.", "Traduci in inglese questo menù mantenendo i nomi dei piatti."},
	"tr": {"Bu paragrafı daha akıcı bir Türkçeyle yeniden yaz.", "Bu e-postayı İngilizceye çevir."},
	"pl": {"Popraw stylistycznie ten tekst na stronę firmową.", "Przetłumacz ten opis produktu na niemiecki."},
	"ru": {"Сделай этот текст короче и понятнее для клиента.", "Переведи это письмо на английский деловым языком."},
	"vi": {"Dịch đoạn này sang tiếng Anh giúp mình.", "Viết lại đoạn giới thiệu bản thân cho chuyên nghiệp hơn."},
	"id": {"Tolong terjemahkan paragraf ini ke bahasa Inggris.", "Buatkan caption Instagram untuk produk kopi lokal."},
	"nl": {"Herschrijf deze tekst in eenvoudig Nederlands (B1).", "Vertaal deze e-mail naar het Engels."},
}

var freelancerCountries = []string{"ES:3", "MX:2", "AR:1", "DE:3", "FR:3", "IT:2", "PT:1", "BR:3", "JP:3", "CN:2", "KR:2", "IN:3",
	"SA:1", "EG:1", "TR:1", "PL:1", "RU:1", "VN:1", "ID:1", "NL:1", "US:3", "GB:2", "USW:1"}

var chatOrigins = []string{"https://app.chatdesk.io", "https://lingopad.app", "https://typingmind.local", "https://byok-chat.dev"}

func planFreelancers(w *world) {
	r := w.r
	n := w.scale(400, 12)
	for i := 0; i < n; i++ {
		c := pickCountry(r, freelancerCountries)
		lang := c.lang
		if _, ok := freelanceTasks[lang]; !ok || chance(r, 0.2) {
			lang = "en"
		}
		st := []stack{chrome, firefox, safari, openaiPy, anthropicPy, curlCLI, openaiNode, pyRequests}[pickW(r, []float64{0.35, 0.12, 0.08, 0.16, 0.12, 0.05, 0.08, 0.04})]
		cl := newClient(r, st, "laptop", "")
		cl.origin = pick(r, chatOrigins)
		cl.acceptLang = localeOf[lang] + "," + lang + ";q=0.9,en;q=0.8"
		a := w.newAccount("freelancer", "f"+itoa(1000+i), false, cl)
		anthAPI := cl.dialect() == "anthropic" || (cl.dialect() == "" && chance(r, 0.3))
		home := homeIP(r, c)
		early := chance(r, 0.3)
		model := pick(r, []string{mFlag, mFlag, mMini, mThink})
		rh := &office
		if chance(r, 0.4) {
			rh = &leisure
		}
		from := w.start
		if chance(r, 0.05) {
			from = w.at(r.Float64())
		}
		for _, t := range arrivals(r, from, w.end, 0.4, c.tz, rh) {
			m := model
			if early && t.After(w.release) {
				m = mNew
			}
			w.freelanceSession(a, home, t, lang, m, anthAPI)
		}
	}
}

func (w *world) freelanceSession(a *account, ip string, t time.Time, lang, model string, anthAPI bool) {
	r := w.r
	n := between(r, 1, 7)
	seed := r.Uint64()
	browser := a.cl.stack == chrome || a.cl.stack == firefox || a.cl.stack == safari
	for k, at := range gaps(r, t, n, 70, 0.8) {
		k := k
		w.add(at, a, ip, func(r *rand.Rand) request {
			cr := rand.New(rand.NewPCG(seed, 5))
			var msgs []O
			hist := k
			if !browser {
				hist = 0 // scripts send one question at a time
			}
			for j := 0; j <= hist; j++ {
				msgs = append(msgs, msg("user", pick(cr, freelanceTasks[lang])))
				if j < hist {
					msgs = append(msgs, msg("assistant", "Here is a version you can use:\n\n"+pick(cr, enSegments)))
				}
			}
			if anthAPI {
				o := anth(model, 4096, nil, msgs...)
				if model == mThink {
					o = o.Set("thinking", O{{"type", "enabled"}, {"budget_tokens", 2048}})
				}
				if browser {
					o = o.Set("stream", true)
				}
				return request{path: pMessages, body: o}
			}
			if browser {
				msgs = append([]O{msg("system", "You are a helpful assistant.")}, msgs...)
				return request{path: pChat, body: withStream(chat(model, msgs...).Set("temperature", 1), false)}
			}
			return request{path: pChat, body: chat(model, msgs...)}
		})
	}
}
