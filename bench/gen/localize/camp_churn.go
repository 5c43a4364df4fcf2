package localize

import (
	"math/rand/v2"
	"time"
)

// churn: an operator generating Russian, Ukrainian, Turkish and English
// instruction data on throwaway accounts. It runs a fixed number of
// worker slots; each slot uses one account hard (a request every half
// minute or so) until the account is banned or throttled, then opens the
// next one from its stock within seconds to a minute, on a fresh VPS
// address, and usually resends the request that failed first.

var churnQuestions = map[string][]string{
	"ru": {"Объясни разницу между процессом и потоком в операционной системе.", "Почему в 1991 году распался СССР? Назови экономические и политические причины.",
		"Реши уравнение 3x² − 5x − 2 = 0 и объясни каждый шаг.", "Как работает сборщик мусора в Java?", "Напиши функцию на Python, которая проверяет, является ли строка палиндромом.",
		"Что такое срок исковой давности и как он считается в РФ?", "Объясни принцип работы трансформера в машинном обучении."},
	"uk": {"Поясни, що таке інфляція і як центральний банк з нею бореться.", "Напиши есе про роль Тараса Шевченка в українській культурі."},
	"tr": {"Osmanlı İmparatorluğu'nun duraklama döneminin nedenlerini açıkla.", "Bir bankanın kredi faizi nasıl hesaplanır? Örnekle anlat.", "Python'da liste ve demet arasındaki farklar nelerdir?"},
	"en": {"Explain how public-key cryptography works with a concrete example.", "What are the main causes of the 2008 financial crisis?", "Write a SQL query to find duplicate emails in a users table and explain it."},
}

var churnTemplates = map[string][]string{
	"ru": {"Сгенерируй подробный, развёрнутый ответ с пошаговыми рассуждениями на вопрос:\n{q}", "Ответь как эксперт. Сначала распиши ход мыслей по шагам, затем дай итоговый ответ.\n\nВопрос: {q}",
		"Оцени следующий ответ по шкале от 1 до 10 и объясни оценку, затем напиши улучшенную версию.\n\nВопрос: {q}\nОтвет: Это сложный вопрос, и однозначного ответа нет."},
	"uk": {"Дай детальну відповідь з поясненням кожного кроку:\n{q}"},
	"tr": {"Aşağıdaki soruya adım adım düşünerek ayrıntılı bir cevap ver:\n{q}"},
	"en": {"Answer in detail. Think step by step and show all your reasoning before the final answer.\n\n{q}"},
}

func planChurn(w *world) {
	r := w.r
	slots := w.scale(10, 2)
	proto := newClient(r, openaiNode, "server", "6.10.0")
	proto.runtime, proto.ja4, proto.os, proto.arch = "v20.19.5", ja4Node20, "Linux", "x64"
	hosters := []string{"vultr", "do", "contabo", "hetzner"}
	acct := 0
	for s := 0; s < slots; s++ {
		t := w.start.Add(secs(r.Float64() * 300))
		netw := cloudNet(r, pick(r, hosters))
		var last *event
		for t.Before(w.end) {
			acct++
			a := w.newAccount("churn", "c"+itoa(acct), true, proto.clone())
			if chance(r, 0.5) {
				netw = cloudNet(r, pick(r, hosters))
			}
			ip := v4In(r, netw)
			life := time.Duration(logn(r, 35, 0.5) * float64(time.Minute))
			dead := t.Add(life)
			if last != nil && chance(r, 0.7) {
				// resend the request that failed on the banned account
				ev := *last
				ev.a, ev.ip, ev.class, ev.retry = a, ip, "", 0
				w.addEv(t, ev)
				t = t.Add(secs(logn(r, 30, 0.3)))
			}
			for t.Before(dead) && t.Before(w.end) {
				lang := []string{"ru", "ru", "ru", "uk", "tr", "en"}[r.IntN(6)]
				b := func(r *rand.Rand) request {
					u := fill(pick(r, churnTemplates[lang]), map[string]string{"q": pick(r, churnQuestions[lang])})
					return request{path: pChat, body: chat(mFlag, msg("user", u)).Set("temperature", 0.8).Set("max_tokens", 3000)}
				}
				ev := event{a: a, ip: ip, build: b, seed: r.Uint64()}
				w.addEv(t, ev)
				last = &ev
				t = t.Add(secs(logn(r, 42, 0.3)))
			}
			// banned: the next account of the stock
			t = t.Add(secs(5 + r.Float64()*60))
		}
	}
}
