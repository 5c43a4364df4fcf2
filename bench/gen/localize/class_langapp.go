package localize

import (
	"math/rand/v2"
	"strings"
	"time"
)

// language_app: Parlo, an open-source reading and tutoring app in which
// every learner pastes their own API key. Thousands of unrelated learners
// send the app's one system prompt and its few request templates from the
// same client stack (the desktop app embeds the OpenAI or Anthropic
// TypeScript SDK; the Android app posts JSON with OkHttp), from home and
// mobile lines all over the world, mostly in their evening.

const parloSystem = "You are Parlo, a patient language tutor inside a reading app. The learner's native language is {native}. " +
	"They are learning {target} at CEFR level {level}. Answer in {native} unless the learner writes to you in {target}. " +
	"Quote {target} examples in their original script and add a transliteration for non-Latin scripts. Keep explanations short and " +
	"use Markdown lists. When you correct a text, list each mistake, explain the rule step by step, then give the corrected text."

const parloPractice = "Role-play: you are {role}. Speak only {target}, at CEFR level {level}, in short turns. " +
	"After each of your turns add one line starting with \"Tip:\" in {native} about a word or structure the learner could use."

var parloTemplates = map[string]string{
	"explain": "Explain this {target} sentence from the text I am reading. Go through it word by word, then explain the grammar.\n\nSentence: \"{sent}\"\nContext: \"{ctx}\"",
	"lookup":  "Word: {word}\nGive its meaning in {native}, the part of speech, and three example sentences in {target} with translations.",
	"correct": "Correct my {target} text. Explain each correction step by step.\n\n{text}",
	"drill":   "Make a short exercise on: {drill}. Give 5 items, then the solutions with a step-by-step explanation.",
	"ask":     "{question}\n\n> {sent}",
}

var readerSentences = map[string][]string{
	"en": {
		"By the time the last train pulled out of the station, the platform had already emptied.",
		"She would have called you if she had known you were in town.",
		"Hardly had we sat down when the lights went out.",
		"The report, which was published last week, has been widely criticised.",
		"I'm used to getting up early, but I'll never get used to the cold.",
		"Despite the rain, the market was as crowded as ever.",
	},
	"es": {
		"Si hubiera sabido que venías, te habría preparado algo de comer.",
		"Cuando llegamos al pueblo, ya se había puesto el sol.",
		"Me extraña que no te lo hayan dicho antes.",
		"Por mucho que lo intente, no consigo acostumbrarme al horario.",
		"Se me olvidaron las llaves en casa de mi abuela.",
		"Ojalá el tren no llegue con retraso esta vez.",
	},
	"fr": {
		"Bien qu'il fasse froid, nous avons décidé de dîner sur la terrasse.",
		"Si j'avais su, je serais venu plus tôt.",
		"C'est le livre dont je t'ai parlé hier soir.",
		"Il faut que tu prennes une décision avant la fin de la semaine.",
		"À peine était-elle arrivée que le téléphone a sonné.",
		"Je me suis rendu compte que j'avais oublié mon parapluie.",
	},
	"de": {
		"Obwohl es regnete, gingen wir am Fluss spazieren.",
		"Wenn ich mehr Zeit hätte, würde ich öfter ins Theater gehen.",
		"Das ist der Mann, dessen Hund gestern in unserem Garten war.",
		"Nachdem sie den Brief gelesen hatte, rief sie sofort ihre Schwester an.",
		"Er behauptet, er habe nichts davon gewusst.",
		"Es lohnt sich, früh aufzustehen, um den Sonnenaufgang zu sehen.",
	},
	"ja": {
		"駅に着いたときには、もう電車は出てしまっていた。",
		"雨が降りそうだから、傘を持って行ったほうがいいよ。",
		"先生に褒められて、弟はとても嬉しそうだった。",
		"この本は読めば読むほど面白くなる。",
		"日本に来たばかりの頃は、敬語の使い方がよく分からなかった。",
		"もう少し早く起きていれば、バスに間に合ったのに。",
	},
	"it": {
		"Se avessi saputo che eri in città, ti avrei chiamato.",
		"Nonostante piovesse, siamo andati al mare lo stesso.",
		"È il ristorante di cui ti avevo parlato.",
		"Credo che abbia ragione lui, anche se non mi piace ammetterlo.",
		"Ce ne siamo andati prima che finisse il concerto.",
	},
	"ko": {
		"비가 오는데도 사람들이 줄을 서서 기다리고 있었다.",
		"한국에 온 지 벌써 3년이 되었어요.",
		"시간이 있으면 같이 영화를 보러 갈래요?",
		"그 사람은 내가 생각했던 것보다 훨씬 친절했다.",
		"먹어 보니까 생각보다 맵지 않네요.",
	},
	"pt": {
		"Se eu tivesse tempo, viajaria mais pelo interior do país.",
		"Quando cheguei em casa, meus pais já tinham jantado.",
		"Embora esteja cansada, ela vai terminar o trabalho hoje.",
		"É bom que vocês cheguem cedo amanhã.",
		"Faz dois anos que moro em Lisboa.",
	},
	"zh": {
		"虽然下着大雨，他还是准时到了公司。",
		"我把钥匙忘在办公室了。",
		"这家饭馆的菜又便宜又好吃。",
		"他一边听音乐，一边做作业。",
		"要是早知道会堵车，我们就坐地铁了。",
	},
}

var lookupWords = map[string][]string{
	"en": {"nevertheless", "to put off", "thorough", "reluctant", "to come across", "outcome", "to take for granted", "spare"},
	"es": {"aprovechar", "sobremesa", "madrugar", "quedar", "echar de menos", "desenvolverse", "ilusión", "a lo mejor"},
	"fr": {"se débrouiller", "chantier", "d'ailleurs", "se rendre compte", "flâner", "avoir beau", "entre-temps"},
	"de": {"Feierabend", "sich auskennen", "eigentlich", "Gemütlichkeit", "umziehen", "bekommen", "doch"},
	"ja": {"なるほど", "懐かしい", "よろしくお願いします", "一応", "せっかく", "気を遣う", "わざわざ"},
	"it": {"magari", "cavarsela", "allora", "comunque", "sbrigarsi", "meno male"},
	"ko": {"눈치", "아깝다", "그냥", "정", "답답하다", "괜찮다"},
	"pt": {"saudade", "dar um jeito", "aliás", "caprichar", "puxa", "então"},
	"zh": {"马马虎虎", "加油", "随便", "面子", "不好意思", "差不多"},
}

var learnerTexts = map[string][]string{
	"en": {
		"Yesterday I go to the cinema with my friends and we have watched a very interesting film. After we was eating pizza.",
		"I am living in this city since five years and I like very much the people here.",
		"If I will have more money, I would travel to Canada for learn English better.",
		"My boss said me that I must to finish the report until Friday.",
	},
	"es": {
		"Ayer yo fui a la playa y hacía mucho calor, entonces nosotros nadamos mucho y después comemos paella.",
		"Espero que mañana hace buen tiempo para ir a la montaña.",
		"Soy muy cansado porque trabajé todo el día en la oficina.",
		"Me gusta mucho los libros de historia, pero no tengo tiempo para leerlos.",
	},
	"fr": {
		"Hier je suis allé au marché et j'ai acheté des pommes, mais ils étaient pas très bons.",
		"Je veux que tu viens avec moi au concert samedi.",
		"Depuis deux ans je travaille dans une entreprise qui fait des logiciels, c'est très intéressante.",
	},
	"de": {
		"Gestern ich habe mit meiner Freundin in einem Restaurant gegessen und es war sehr lecker.",
		"Ich freue mich für die Ferien, weil ich nach Spanien fahren will.",
		"Wenn ich habe Zeit, ich lerne jeden Tag Deutsch.",
	},
	"ja": {
		"昨日、私は友達と映画を見ましたでした。とても面白いだった。",
		"日本語を勉強するのは難しいですが、楽しいと思いますです。",
		"来週、京都に行くつもりです。そこで古いお寺を見るたいです。",
	},
	"it": {
		"Ieri sono andato al cinema e ho visto un film molto bello, dopo abbiamo mangiato una pizza insieme a i miei amici.",
		"Spero che domani fa bel tempo.",
	},
	"ko": {
		"어제 저는 친구를 만났어요 그리고 우리는 커피를 마셨다.",
		"한국어를 공부하는 것이 어렵지만 재미있어요 생각해요.",
	},
	"pt": {
		"Ontem eu fui no mercado e comprei muitas frutas, mas esqueci de comprar o pão.",
		"Se eu tenho tempo amanhã, eu vou visitar você.",
	},
	"zh": {
		"我昨天去了商店买了很多东西了。",
		"我学习中文两年了，但是我的发音还是不很好。",
	},
}

var drills = map[string][]string{
	"en": {"present perfect vs. past simple", "first, second and third conditionals", "phrasal verbs with \"take\"", "reported speech"},
	"es": {"ser vs. estar", "pretérito indefinido vs. imperfecto", "presente de subjuntivo after \"espero que\"", "por vs. para"},
	"fr": {"passé composé with être or avoir", "subjonctif after \"il faut que\"", "the pronouns y and en"},
	"de": {"Akkusativ vs. Dativ after two-way prepositions", "Konjunktiv II", "separable verbs"},
	"ja": {"the te-form of verbs", "は vs. が", "keigo: polite and humble forms"},
	"it": {"passato prossimo vs. imperfetto", "congiuntivo presente"},
	"ko": {"-아요/어요 endings", "이/가 vs. 은/는"},
	"pt": {"pretérito perfeito vs. imperfeito", "ser vs. estar"},
	"zh": {"了 for completed actions", "the 把 construction", "measure words"},
}

var practiceRoles = []string{"a waiter in a café", "a pharmacist", "a hotel receptionist", "a colleague on the learner's first day at work",
	"a ticket agent at a train station", "a landlord showing a flat"}

var practiceLines = map[string][]string{
	"en": {"Hi, I'd like to book a room for two nights, please.", "Is breakfast included?", "Could you recommend somewhere to eat nearby?", "Sorry, could you say that again more slowly?"},
	"es": {"Hola, quería un café con leche y un cruasán, por favor.", "¿Tienen algo sin gluten?", "¿Cuánto es en total?", "Perdone, ¿puede repetirlo más despacio?"},
	"fr": {"Bonjour, je voudrais réserver une table pour deux personnes.", "Qu'est-ce que vous me conseillez ?", "Est-ce que je peux payer par carte ?", "Pardon, vous pouvez répéter plus lentement ?"},
	"de": {"Guten Tag, ich hätte gern eine Fahrkarte nach München.", "Muss ich umsteigen?", "Wann fährt der nächste Zug?", "Entschuldigung, können Sie das bitte wiederholen?"},
	"ja": {"すみません、この近くに薬局はありますか。", "頭が痛いんですが、何かいい薬はありますか。", "一日に何回飲めばいいですか。", "すみません、もう一度ゆっくり言っていただけますか。"},
	"it": {"Buongiorno, vorrei un cappuccino e un cornetto.", "Quanto costa?", "Posso sedermi fuori?"},
	"ko": {"안녕하세요, 이 근처에 약국이 있어요?", "두 사람 자리 있어요?", "카드로 계산해도 돼요?"},
	"pt": {"Bom dia, queria reservar um quarto para duas noites.", "O café da manhã está incluído?", "Pode falar mais devagar, por favor?"},
	"zh": {"你好，我想订一个两个人的房间。", "早餐包括在里面吗？", "请问附近有地铁站吗？"},
}

var practiceReplies = map[string][]string{
	"en": {"Of course! Could I have your name, please?", "Yes, breakfast is served from seven to ten in the restaurant.", "Sure. There's a nice little bistro just around the corner."},
	"es": {"¡Claro! Ahora mismo se lo traigo.", "Sí, tenemos tostadas con pan sin gluten.", "Son cuatro euros con cincuenta."},
	"fr": {"Bien sûr ! Pour quelle heure ?", "Je vous conseille le plat du jour, un bœuf bourguignon.", "Oui, sans problème."},
	"de": {"Gern. Einfach oder hin und zurück?", "Ja, Sie müssen in Nürnberg umsteigen.", "Der nächste Zug fährt um 14:12 Uhr von Gleis 5."},
	"ja": {"はい、駅の前にありますよ。", "こちらの頭痛薬はいかがですか。", "一日三回、食後に飲んでください。"},
	"it": {"Certo, arriva subito!", "Sono tre euro e venti.", "Sì, si accomodi pure."},
	"ko": {"네, 저 건물 1층에 있어요.", "네, 이쪽으로 앉으세요.", "네, 카드 됩니다."},
	"pt": {"Claro! Para quais datas?", "Sim, o café da manhã está incluído.", "Claro, sem problema."},
	"zh": {"好的，请问您哪天入住？", "是的，早餐包括在房费里。", "有，出门右转走五分钟就到。"},
}

var nativeQuestions = map[string][]string{
	"es": {"¿Cuál es la diferencia entre estas dos formas? No entiendo cuándo usar una u otra.", "¿Me puedes explicar paso a paso cómo se forma este tiempo verbal?"},
	"pt": {"Qual é a diferença entre essas duas expressões?", "Pode me explicar passo a passo quando usar esse tempo verbal?"},
	"fr": {"Quelle est la différence entre ces deux formes ?", "Peux-tu m'expliquer étape par étape comment on forme ce temps ?"},
	"de": {"Was ist der Unterschied zwischen diesen beiden Formen?", "Kannst du mir Schritt für Schritt erklären, wann man diese Zeitform benutzt?"},
	"it": {"Qual è la differenza tra queste due forme?", "Mi spieghi passo per passo quando si usa questo tempo?"},
	"ja": {"この二つの表現の違いは何ですか？", "この文法をステップごとに説明してもらえますか？"},
	"zh": {"这两种说法有什么区别？", "可以一步一步地解释一下这个语法吗？"},
	"ko": {"이 두 표현의 차이가 뭐예요?", "이 문법을 단계별로 설명해 줄 수 있어요?"},
	"ar": {"ما الفرق بين هاتين الصيغتين؟", "هل يمكنك أن تشرح لي خطوة بخطوة متى أستخدم هذا الزمن؟"},
	"hi": {"इन दोनों रूपों में क्या अंतर है?", "क्या आप मुझे चरण-दर-चरण समझा सकते हैं कि यह काल कब इस्तेमाल होता है?"},
	"tr": {"Bu iki ifade arasındaki fark nedir?", "Bu zamanın ne zaman kullanıldığını adım adım açıklayabilir misin?"},
	"vi": {"Hai cách nói này khác nhau như thế nào?", "Bạn có thể giải thích từng bước khi nào dùng thì này không?"},
	"id": {"Apa perbedaan antara dua bentuk ini?", "Bisakah kamu menjelaskan langkah demi langkah kapan memakai bentuk ini?"},
	"ru": {"В чём разница между этими двумя формами?", "Объясни, пожалуйста, по шагам, когда используется это время."},
	"uk": {"У чому різниця між цими двома формами?", "Поясни, будь ласка, крок за кроком, коли вживається цей час."},
	"pl": {"Jaka jest różnica między tymi dwiema formami?", "Czy możesz wyjaśnić krok po kroku, kiedy używa się tego czasu?"},
	"nl": {"Wat is het verschil tussen deze twee vormen?", "Kun je stap voor stap uitleggen wanneer je deze tijd gebruikt?"},
	"th": {"สองรูปแบบนี้ต่างกันอย่างไร", "ช่วยอธิบายทีละขั้นตอนได้ไหมว่าใช้กาลนี้เมื่อไร"},
	"he": {"מה ההבדל בין שתי הצורות האלה?", "אפשר להסביר לי שלב אחרי שלב מתי משתמשים בזמן הזה?"},
	"en": {"What's the difference between these two forms?", "Can you explain step by step when to use this tense?"},
}

var learnerCountries = []string{"BR:8", "MX:5", "ES:4", "AR:2", "CO:2", "DE:5", "FR:5", "IT:4", "JP:7", "KR:5", "CN:4", "TW:2",
	"IN:8", "ID:4", "VN:4", "TR:4", "PL:3", "RU:2", "UA:2", "SA:2", "EG:3", "MA:1", "US:6", "USW:2", "GB:3", "NL:2", "TH:2", "PH:2", "IL:1"}

type learner struct {
	a              *account
	c              *country
	native, target string
	level          string
	home           string
	android        bool
	anthropic      bool
	model          string
}

func planLanguageApp(w *world) {
	r := w.r
	// the app's releases and the SDK each embeds
	type release struct{ app, sdk, anthSDK, node string }
	releases := []release{{"3.4.2", "6.19.1", "0.84.1", "v22.20.0"}, {"3.4.1", "6.19.1", "0.84.1", "v22.20.0"}, {"3.3.9", "5.23.2", "0.77.0", "v20.18.3"}}
	n := w.scale(3200, 30)
	for i := 0; i < n; i++ {
		L := &learner{c: pickCountry(r, learnerCountries)}
		L.native = L.c.lang
		if L.c.code == "PH" {
			L.native = "en"
		}
		targets := []string{"en", "en", "en", "es", "fr", "de", "ja", "it", "ko", "pt", "zh"}
		if L.native == "en" {
			targets = []string{"es", "es", "fr", "fr", "de", "ja", "ja", "it", "ko", "pt", "zh"}
		}
		for L.target = pick(r, targets); L.target == L.native; L.target = pick(r, targets) {
		}
		L.level = pick(r, []string{"A2", "B1", "B1", "B2", "B2", "C1"})
		rel := releases[pickW(r, []float64{0.7, 0.18, 0.12})]
		L.android = chance(r, 0.25)
		L.anthropic = chance(r, 0.18)
		var cl *client
		switch {
		case L.android:
			cl = newClient(r, okhttp, "laptop", "")
		case L.anthropic:
			cl = newClient(r, anthropicNode, "laptop", rel.anthSDK)
			cl.runtime = rel.node
		default:
			cl = newClient(r, openaiNode, "laptop", rel.sdk)
			cl.runtime = rel.node
		}
		if cl.stack != okhttp {
			cl.ja4 = ja4Node22
			if rel.node[:3] == "v20" {
				cl.ja4 = ja4Node20
			}
		}
		L.a = w.newAccount("language_app", "u"+itoa(10000+i), false, cl)
		L.home = homeIP(r, L.c)
		L.model = mMini
		if chance(r, 0.2) {
			L.model = mFlag
		}
		// new sign-ups start during the window with a key check
		from := w.start
		newUser := chance(r, 0.07)
		if newUser {
			from = w.at(0.05 + 0.85*r.Float64())
		}
		starts := arrivals(r, from, w.end, 0.28, L.c.tz, &leisure)
		if newUser {
			starts = append([]time.Time{from}, starts...)
		}
		for si, st := range starts {
			w.langSession(L, st, newUser && si == 0)
		}
	}
}

func (w *world) langSession(L *learner, t time.Time, first bool) {
	r := w.r
	ip := L.home
	if L.android && chance(r, 0.6) {
		ip = mobileIP(r, L.c)
	} else if chance(r, 0.12) {
		ip = homeIP(r, L.c)
	}
	model := L.model
	if t.After(w.release) && chance(r, 0.06) {
		model = mNew
	}
	if first {
		w.add(t, L.a, ip, func(r *rand.Rand) request { return L.ping() })
		t = t.Add(secs(logn(r, 20, 0.6)))
	}
	n := max(1, int(logn(r, 6, 0.6)))
	times := gaps(r, t, n, 50, 0.8)
	vals := map[string]string{"native": langName[L.native].en, "target": langName[L.target].en, "level": L.level}
	sys := fill(parloSystem, vals)
	if chance(r, 0.15) {
		// role-play practice: one growing conversation
		vals["role"] = pick(r, practiceRoles)
		psys := fill(parloPractice, vals)
		cseed := r.Uint64()
		for k, at := range times {
			turns := k + 1
			w.add(at, L.a, ip, func(r *rand.Rand) request {
				cr := rand.New(rand.NewPCG(cseed, 1))
				var msgs []O
				for j := 0; j < turns; j++ {
					msgs = append(msgs, msg("user", pick(cr, practiceLines[L.target])))
					if j < turns-1 {
						msgs = append(msgs, msg("assistant", pick(cr, practiceReplies[L.target])+"\n\nTip: "+pick(cr, lookupWords[L.target])))
					}
				}
				return L.body(model, psys, msgs, 0.8)
			})
		}
		return
	}
	ctxSents := sample(w.r, readerSentences[L.target], 3)
	for _, at := range times {
		mode := pick(r, []string{"explain", "explain", "explain", "lookup", "lookup", "ask", "correct", "drill"})
		w.add(at, L.a, ip, func(r *rand.Rand) request {
			v := map[string]string{"native": langName[L.native].en, "target": langName[L.target].en,
				"sent": pick(r, ctxSents), "ctx": strings.Join(ctxSents, " "),
				"word": pick(r, lookupWords[L.target]), "text": pick(r, learnerTexts[L.target]),
				"drill": pick(r, drills[L.target]), "question": pick(r, nativeQuestions[L.native])}
			return L.body(model, sys, []O{msg("user", fill(parloTemplates[mode], v))}, 0.4)
		})
	}
}

// body is the app's request for its client.
func (L *learner) body(model, system string, msgs []O, temperature float64) request {
	if L.anthropic {
		return request{path: pMessages, body: anth(model, 1024, system, msgs...).Set("temperature", temperature).Set("stream", true)}
	}
	all := append([]O{msg("system", system)}, msgs...)
	o := chat(model, all...).Set("temperature", temperature)
	if L.android {
		return request{path: pChat, body: o.Set("stream", true)}
	}
	return request{path: pChat, body: withStream(o.Set("max_completion_tokens", 1200), true)}
}

// ping is the key check the app sends when a key is pasted in.
func (L *learner) ping() request {
	if L.anthropic {
		return request{path: pMessages, body: anth(mMini, 1, nil, msg("user", "ping"))}
	}
	return request{path: pChat, body: chat(mMini, msg("user", "ping")).Set("max_tokens", 1)}
}
