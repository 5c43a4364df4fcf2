package localize

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// support_desk: multilingual customer-support bots of shops, airlines, a
// bank and a game studio. Each company sends its one fixed system prompt
// (the knowledge base pasted in) with every turn of every conversation,
// from its own few cloud addresses, in the languages of its customers,
// busiest in its market's daytime. Some look orders and bookings up with
// tools before they answer.

type company struct {
	name, desc, industry string
	langs                []string
	tz                   float64
	cloud                string
	peak                 float64 // conversations an hour at the busiest
	api                  string  // "chat", "anthropic" or "responses"
	st                   stack
}

var companies = []company{
	{"Zapatería Norte", "an online shoe shop in Spain and Latin America", "shop", []string{"es:9", "en:1"}, 1, "aws-fra", 70, "chat", openaiNode},
	{"Hausmarkt24", "a home and garden web shop in Germany, Austria and Switzerland", "shop", []string{"de:9", "en:1"}, 1, "gcp-eu", 110, "anthropic", anthropicPy},
	{"Maison Lumière", "a French cosmetics brand selling online", "shop", []string{"fr:8", "en:1", "de:1"}, 1, "ovh", 45, "chat", openaiPy},
	{"VoaBem Linhas Aéreas", "a Brazilian airline", "airline", []string{"pt:8", "es:1", "en:2"}, -3, "aws-iad", 90, "chat", openaiNode},
	{"Aurora Air", "a European low-cost airline", "airline", []string{"en:4", "es:2", "it:2", "de:1", "pl:1", "fr:1"}, 1, "aws-fra", 160, "anthropic", anthropicNode},
	{"Banco Sereno", "a digital bank in Mexico", "bank", []string{"es:10"}, -6, "azure-we", 60, "responses", openaiDotnet},
	{"Kaiju Quest", "the studio behind a mobile game played worldwide", "game", []string{"en:4", "ja:3", "ko:2", "zh:2", "es:1", "pt:2"}, 9, "gcp-us", 150, "chat", openaiGo},
	{"Sakura Mart", "a Japanese e-commerce marketplace", "shop", []string{"ja:10"}, 9, "aws-nrt", 130, "anthropic", anthropicPy},
	{"Bazaar Daily", "a grocery delivery app in India", "shop", []string{"hi:5", "en:5"}, 5.5, "aws-sin", 140, "chat", openaiNode},
	{"Souk Express", "an online marketplace in the Gulf and Egypt", "shop", []string{"ar:8", "en:2"}, 3, "aws-fra", 80, "chat", openaiPy},
	{"TatilRota", "a Turkish travel booking site", "travel", []string{"tr:8", "en:1", "de:1"}, 3, "hetzner", 50, "anthropic", anthropicPy},
	{"Lumo Stay", "a hotel booking platform in Southeast Asia", "travel", []string{"id:4", "vi:3", "th:2", "en:3"}, 7, "aws-sin", 90, "chat", openaiNode},
	{"Hanbit Mall", "a Korean fashion shop shipping abroad", "shop", []string{"ko:6", "en:2", "ja:2"}, 9, "oracle-kr", 60, "chat", openaiPy},
	{"Fietsfabriek", "a Dutch e-bike maker", "shop", []string{"nl:6", "de:2", "en:2"}, 1, "azure-we", 25, "anthropic", anthropicNode},
	{"Polka Dom", "a Polish furniture web shop", "shop", []string{"pl:9", "en:1"}, 1, "ovh", 35, "chat", openaiPy},
	{"Chengxin Mobile", "a phone accessories brand selling in China and abroad", "shop", []string{"zh:7", "en:3"}, 8, "ali-hk", 85, "chat", openaiGo},
}

var kb = map[string][]string{
	"shop": {
		"Returns: 30 days from delivery, unused, with the original packaging. Refunds are issued to the original payment method within 5–7 business days after the return arrives.",
		"Shipping: standard 2–4 business days, express next business day if ordered before 14:00. Tracking links are sent by email once the parcel leaves the warehouse.",
		"Order changes: an order can be changed or cancelled until it is marked \"preparing\". After that, the customer must return it.",
		"Damaged items: ask for a photo of the item and the box, then open a claim; a replacement is sent without waiting for the return.",
		"Payment: cards, PayPal and local methods. Cash on delivery is not available for orders above 300.",
	},
	"airline": {
		"Cabin baggage: one personal item (40x30x20 cm) free; a cabin bag up to 10 kg with Plus and Flex fares.",
		"Changes: Light fares cannot be changed; Plus fares can be changed for a fee plus any fare difference; Flex fares change for free up to 2 hours before departure.",
		"Check-in: online from 48 hours to 2 hours before departure. Airport check-in desks close 45 minutes before departure.",
		"Delays over 3 hours: customers may be entitled to compensation under the applicable regulation; direct them to the claims form, do not confirm amounts.",
		"Special assistance must be requested at least 48 hours before departure.",
	},
	"bank": {
		"Lost or stolen card: block it at once in the app (Card > Block). A replacement arrives in 5–7 business days.",
		"Transfers: SPEI transfers are instant 24/7; the daily limit can be raised in Settings > Limits after identity verification.",
		"Never ask the customer for full card numbers, CVV, passwords or one-time codes.",
		"Disputed charges: open a dispute in the app within 90 days of the charge.",
	},
	"game": {
		"Account recovery: ask for the player ID (Settings > Account) and the platform; never ask for passwords.",
		"Purchases not received: ask for the receipt ID from the store; items are credited within 24 hours after verification.",
		"Bans: explain that appeals go through the appeal form; support cannot lift bans.",
		"Events: the winter event runs until the 30th; rewards are sent to the in-game mailbox.",
	},
	"travel": {
		"Free cancellation applies when the booking page says so; otherwise the hotel's policy applies.",
		"Changes of dates are requests to the hotel and are confirmed by email within 24 hours.",
		"Payment at the property: the card is only used to guarantee the booking.",
		"Invoices are issued by the hotel; the platform sends a booking confirmation only.",
	},
}

const supportSystem = "You are the virtual assistant of {company}, {desc}. Answer in the language the customer writes in. " +
	"Use only the knowledge base below. If the answer is not in it, say so and offer to hand the conversation to a human agent. " +
	"Never promise refunds, compensation or exceptions beyond the policy. Keep answers under 120 words and do not use Markdown.\n\n# Knowledge base\n{kb}"

// customer messages by language; {id} is an order or booking number.
var customerMsgs = map[string][]string{
	"es": {"Hola, hice un pedido hace una semana y todavía no me ha llegado. El número es {id}.", "Quiero devolver unas zapatillas que me quedan pequeñas, ¿cómo lo hago?",
		"Me han cobrado dos veces el mismo pedido, ¿me lo podéis revisar?", "¿Puedo cambiar la dirección de entrega del pedido {id}?", "Perdí mi tarjeta ayer, ¿qué tengo que hacer?"},
	"pt": {"Olá, meu voo {id} foi cancelado e não recebi nenhum aviso. O que eu faço?", "Posso levar uma mala de 12 kg na cabine?",
		"Quero remarcar minha passagem para a semana que vem, quanto custa?", "Não consigo fazer o check-in pelo app, aparece um erro."},
	"de": {"Guten Tag, meine Bestellung {id} ist beschädigt angekommen. Was kann ich tun?", "Wie lange dauert die Rückerstattung nach der Rücksendung?",
		"Kann ich meine Bestellung noch stornieren? Ich habe sie vor einer Stunde aufgegeben.", "Die Sendungsverfolgung zeigt seit drei Tagen nichts Neues an."},
	"fr": {"Bonjour, je n'ai toujours pas reçu ma commande {id}, pouvez-vous vérifier ?", "Est-ce que je peux retourner un produit déjà ouvert ?",
		"Le code promo ne fonctionne pas sur mon panier.", "Je voudrais modifier l'adresse de livraison, c'est encore possible ?"},
	"it": {"Buongiorno, il mio volo {id} è in ritardo di quattro ore, ho diritto a un rimborso?", "Posso aggiungere un bagaglio dopo aver prenotato?",
		"Non riesco a scaricare la carta d'imbarco."},
	"en": {"Hi, my order {id} says delivered but I never got it.", "How do I change the date of my booking {id}?", "I bought gems yesterday and they never showed up in my account.",
		"Can I get an invoice with my company's VAT number?", "Is there any way to speak to a real person?"},
	"ja": {"注文番号{id}の商品がまだ届いていません。いつ届きますか？", "サイズを間違えて注文してしまいました。交換できますか？", "ポイントが反映されていないようです。",
		"課金したアイテムが受け取れません。", "配送先住所を変更したいのですが。"},
	"zh": {"你好，我的订单{id}显示已签收，但是我没有收到。", "充电器坏了，还在保修期内，怎么办？", "可以开发票吗？", "我想取消订单，已经发货了吗？"},
	"ko": {"주문번호 {id} 배송이 언제 되나요?", "사이즈 교환하고 싶어요.", "해외 배송비는 얼마예요?", "결제한 아이템이 안 들어왔어요."},
	"ar": {"مرحباً، طلبي رقم {id} لم يصل حتى الآن.", "أريد إرجاع منتج وصلني تالفاً.", "هل يمكن الدفع عند الاستلام؟", "كم تستغرق عملية استرداد المبلغ؟"},
	"hi": {"नमस्ते, मेरा ऑर्डर {id} अभी तक नहीं आया है।", "मुझे गलत सामान मिला है, बदलना है।", "रिफंड कब तक आएगा?"},
	"tr": {"Merhaba, {id} numaralı rezervasyonumu iptal etmek istiyorum.", "Otelde ödeme yapabilir miyim?", "Fatura alabilir miyim?"},
	"id": {"Halo, saya mau ubah tanggal menginap untuk pesanan {id}.", "Apakah bisa batal gratis?", "Pembayaran saya sudah terpotong tapi pesanan belum terkonfirmasi."},
	"vi": {"Chào bạn, tôi muốn đổi ngày nhận phòng cho mã đặt {id}.", "Tôi có thể thanh toán tại khách sạn không?", "Bao lâu thì tôi nhận được hoàn tiền?"},
	"th": {"สวัสดีค่ะ อยากเปลี่ยนวันเข้าพักของการจอง {id}", "ยกเลิกฟรีได้ไหมคะ"},
	"nl": {"Hallo, mijn fiets {id} maakt een vreemd geluid bij het trappen.", "Hoe lang duurt de levering van een nieuwe accu?", "Kan ik een proefrit maken?"},
	"pl": {"Dzień dobry, kiedy zostanie wysłane moje zamówienie {id}?", "Chcę zwrócić krzesło, jak to zrobić?", "Czy mogę zmienić kolor sofy w zamówieniu?"},
}

// messages of customers of a bank, a game and airlines, by language; the
// shops and travel sites draw from customerMsgs.
var industryMsgs = map[string]map[string][]string{
	"bank": {"es": {"Perdí mi tarjeta ayer, ¿qué tengo que hacer?", "Hice una transferencia SPEI hace dos horas y no le ha llegado a mi hermano.",
		"¿Cómo subo el límite diario de transferencias?", "Me aparece un cargo de {id} que no reconozco.", "No me llega el código para entrar a la app."}},
	"game": {
		"en": {"I bought gems yesterday and they never showed up in my account.", "My account got banned for no reason, player ID {id}.", "How do I move my progress to a new phone?", "When does the winter event end?"},
		"ja": {"課金したアイテムが受け取れません。", "機種変更でデータを引き継ぎたいです。プレイヤーIDは{id}です。", "イベントの報酬が届いていません。"},
		"ko": {"결제한 아이템이 안 들어왔어요.", "계정이 정지됐는데 이유를 모르겠어요. ID {id}", "새 폰으로 데이터 옮기는 방법 알려주세요."},
		"zh": {"充值的钻石没有到账。", "我的账号被封了，玩家ID是{id}。", "换手机了怎么转移游戏进度？"},
		"es": {"Compré gemas y no me llegaron.", "¿Cómo paso mi partida a otro móvil?"},
		"pt": {"Comprei diamantes e não caíram na conta.", "Minha conta foi banida, ID {id}."},
	},
	"airline": {
		"pt": {"Olá, meu voo {id} foi cancelado e não recebi nenhum aviso. O que eu faço?", "Posso levar uma mala de 12 kg na cabine?", "Quero remarcar minha passagem para a semana que vem, quanto custa?", "Não consigo fazer o check-in pelo app, aparece um erro."},
		"en": {"My flight {id} is delayed by three hours, am I entitled to compensation?", "Can I bring a 10 kg cabin bag on a Light fare?", "How do I change the date of my booking {id}?", "I need wheelchair assistance at the airport."},
		"es": {"Mi vuelo {id} sale con retraso, ¿pierdo la conexión?", "¿Puedo cambiar el nombre del pasajero?", "¿Hasta cuándo puedo hacer el check-in online?"},
		"it": {"Buongiorno, il mio volo {id} è in ritardo di quattro ore, ho diritto a un rimborso?", "Posso aggiungere un bagaglio dopo aver prenotato?", "Non riesco a scaricare la carta d'imbarco."},
		"de": {"Mein Flug {id} wurde annulliert. Welche Optionen habe ich?", "Kann ich einen Sitzplatz nachträglich reservieren?"},
		"fr": {"Mon vol {id} a été annulé, comment être remboursé ?", "Puis-je emporter une poussette en cabine ?"},
		"pl": {"Mój lot {id} jest opóźniony, co mam zrobić?", "Czy mogę zabrać walizkę 10 kg do kabiny?"},
	},
}

// firstMessage draws a customer's opening message.
func firstMessage(r *rand.Rand, industry, lang string) string {
	if m, ok := industryMsgs[industry][lang]; ok {
		return pick(r, m)
	}
	return pick(r, customerMsgs[lang])
}

var customerFollowups = map[string][]string{
	"es": {"Vale, gracias. ¿Y cuánto tarda el reembolso?", "No me sirve, ¿puedo hablar con una persona?", "Perfecto, muchas gracias."},
	"pt": {"Entendi. E se eu quiser o reembolso?", "Obrigado pela ajuda!", "Pode me passar para um atendente?"},
	"de": {"Danke. Muss ich das Paket selbst zur Post bringen?", "Alles klar, vielen Dank.", "Kann ich mit einem Mitarbeiter sprechen?"},
	"fr": {"D'accord, merci. Et pour le remboursement ?", "Merci beaucoup !", "Je préfère parler à un conseiller."},
	"it": {"Grazie. E per il rimborso?", "Va bene, grazie mille."},
	"en": {"Ok thanks. How long will that take?", "That doesn't help, can I talk to someone?", "Great, thank you!"},
	"ja": {"わかりました。ありがとうございます。", "返金はいつになりますか？", "担当者と話せますか？"},
	"zh": {"好的，谢谢。", "大概要多久？", "能转人工客服吗？"},
	"ko": {"네 감사합니다.", "얼마나 걸려요?"},
	"ar": {"شكراً لك.", "هل يمكنني التحدث مع موظف؟"},
	"hi": {"ठीक है, धन्यवाद।", "कितना समय लगेगा?"},
	"tr": {"Teşekkürler.", "Ne kadar sürer?"},
	"id": {"Oke, terima kasih.", "Berapa lama prosesnya?"},
	"vi": {"Cảm ơn bạn.", "Mất bao lâu vậy?"},
	"th": {"ขอบคุณค่ะ"},
	"nl": {"Bedankt!", "Hoe lang duurt dat?"},
	"pl": {"Dziękuję.", "Ile to potrwa?"},
}

var agentReplies = map[string][]string{
	"es": {"Gracias por escribirnos. He revisado tu pedido y está en reparto; debería llegar mañana.", "Puedes solicitar la devolución desde «Mis pedidos» en los 30 días siguientes a la entrega."},
	"pt": {"Sinto muito pelo transtorno. Você pode remarcar sem custo pelo app ou pedir o reembolso.", "A franquia de cabine é de até 10 kg nas tarifas Plus e Flex."},
	"de": {"Das tut uns leid! Bitte schicken Sie uns ein Foto des Artikels und der Verpackung, dann senden wir Ersatz.", "Die Rückerstattung erfolgt 5–7 Werktage nach Eingang der Rücksendung."},
	"fr": {"Je suis désolé pour ce retard. Votre colis est en cours d'acheminement.", "Les retours sont possibles sous 30 jours si le produit n'a pas été utilisé."},
	"it": {"Mi dispiace per il disagio. Può presentare la richiesta tramite il modulo reclami."},
	"en": {"Sorry about that! I've checked and the parcel is with the carrier.", "You can change the dates from My bookings; the hotel will confirm by email."},
	"ja": {"ご不便をおかけして申し訳ございません。配送状況を確認いたしました。", "交換は到着後30日以内であれば承ります。"},
	"zh": {"非常抱歉给您带来不便，我已为您查询物流信息。", "商品在保修期内，可以为您办理换货。"},
	"ko": {"불편을 드려 죄송합니다. 배송 상태를 확인해 드렸어요."},
	"ar": {"نعتذر عن الإزعاج، لقد تحققنا من طلبك وهو في طريقه إليك."},
	"hi": {"असुविधा के लिए खेद है। आपका ऑर्डर रास्ते में है।"},
	"tr": {"Rezervasyon iptali otelin politikasına bağlıdır; kontrol ettim."},
	"id": {"Baik, permintaan perubahan tanggal sudah kami teruskan ke hotel."},
	"vi": {"Chúng tôi đã gửi yêu cầu đổi ngày đến khách sạn."},
	"th": {"ได้เลยค่ะ ส่งคำขอไปยังโรงแรมแล้วค่ะ"},
	"nl": {"Vervelend! Kunt u een video van het geluid sturen?"},
	"pl": {"Zamówienie zostanie wysłane w ciągu dwóch dni roboczych."},
}

func planSupport(w *world) {
	r := w.r
	nc := min(len(companies), w.scale(len(companies), 3))
	for ci := 0; ci < nc; ci++ {
		co := companies[ci]
		slug := strings.NewReplacer("í", "i", "é", "e", "ã", "a").Replace(strings.ToLower(strings.Fields(co.name)[0]))
		kbText := "- " + strings.Join(kb[co.industry], "\n- ")
		sys := fill(supportSystem, map[string]string{"company": co.name, "desc": co.desc, "kb": kbText})
		cl := newClient(r, co.st, "server", "")
		ips := []string{}
		netw := cloudNet(r, co.cloud)
		for range between(r, 1, 4) {
			ips = append(ips, v4In(r, netw))
		}
		prod := w.newAccount("support_desk", slug+"-prod", false, cl)
		keys := []*account{prod}
		if chance(r, 0.5) {
			// a second key for a second region or brand
			keys = append(keys, w.newAccount("support_desk", slug+"-prod2", false, cl))
		}
		staging := w.newAccount("support_desk", slug+"-staging", false, cl)
		useTools := co.industry != "game" && co.api != "responses" && chance(r, 0.6)
		model := pick(r, []string{mMini, mMini, mFlag})
		for _, st := range arrivals(r, w.start, w.end, co.peak*0.55, co.tz, &service) {
			lang := pickLang(r, co.langs)
			w.supportConversation(co, sys, pick(r, keys), pick(r, ips), lang, st, useTools, model)
		}
		// developers try prompts, and the new model once it is out
		for _, st := range arrivals(r, w.start, w.end, 1.5, co.tz, &office) {
			m := model
			if st.After(w.release) && chance(r, 0.6) {
				m = mNew
			}
			w.supportConversation(co, sys, staging, homeV4(r, countries[pickCode(co.tz)]), pickLang(r, co.langs), st, useTools, m)
		}
	}
}

// pickCode returns a country code in time zone tz for a developer's home line.
func pickCode(tz float64) string {
	switch tz {
	case 1:
		return "ES"
	case -3:
		return "BR"
	case -6:
		return "MX"
	case 9:
		return "JP"
	case 5.5:
		return "IN"
	case 3:
		return "TR"
	case 7:
		return "ID"
	case 8:
		return "CN"
	}
	return "DE"
}

func pickLang(r *rand.Rand, spec []string) string {
	ws := make([]float64, len(spec))
	codes := make([]string, len(spec))
	for i, s := range spec {
		c, wt, _ := strings.Cut(s, ":")
		codes[i] = c
		ws[i] = 1
		if wt != "" {
			fmt.Sscan(wt, &ws[i])
		}
	}
	return codes[pickW(r, ws)]
}

func (w *world) supportConversation(co company, sys string, a *account, ip, lang string, start time.Time, tools bool, model string) {
	r := w.r
	turns := 1 + pickW(r, []float64{0.45, 0.3, 0.15, 0.1})
	cseed := r.Uint64()
	id := fmt.Sprintf("%c%c%d", 'A'+r.IntN(26), 'A'+r.IntN(26), 100000+r.IntN(900000))
	times := gaps(r, start, turns, 45, 0.6)
	user := "cust_" + hexStr(r, 10)
	for k, at := range times {
		k := k
		// a tool round trip: the model asks for the order, the backend answers
		steps := 1
		if tools && k == 0 {
			steps = 2
		}
		for s := 0; s < steps; s++ {
			s := s
			w.add(at, a, ip, func(r *rand.Rand) request {
				cr := rand.New(rand.NewPCG(cseed, 7))
				var msgs []O
				for j := 0; j <= k; j++ {
					if j == 0 {
						msgs = append(msgs, msg("user", strings.ReplaceAll(firstMessage(cr, co.industry, lang), "{id}", id)))
					} else {
						msgs = append(msgs, msg("user", pick(cr, customerFollowups[lang])))
					}
					if j == 0 && tools && (j < k || s == 1) {
						msgs = append(msgs, supportToolTurn(co.api, id)...)
					}
					if j < k {
						msgs = append(msgs, msg("assistant", pick(cr, agentReplies[lang])))
					}
				}
				return supportBody(co, sys, model, msgs, tools, user)
			})
			at = at.Add(secs(logn(r, 1.8, 0.4)))
		}
	}
}

// supportToolTurn is the model's call of the order lookup and its result.
func supportToolTurn(api, id string) []O {
	result := `{"order_id":"` + id + `","status":"in_transit","carrier":"GLS","last_scan":"2026-11-17T18:42:00Z","eta":"2026-11-19"}`
	callID := "call_" + strings.ToLower(id)
	if api == "anthropic" {
		return []O{
			msg("assistant", []O{{{"type", "tool_use"}, {"id", "toolu_" + strings.ToLower(id)}, {"name", "lookup_order"}, {"input", O{{"order_id", id}}}}}),
			msg("user", []O{{{"type", "tool_result"}, {"tool_use_id", "toolu_" + strings.ToLower(id)}, {"content", result}}}),
		}
	}
	return []O{
		{{"role", "assistant"}, {"content", nil}, {"tool_calls", []O{{{"id", callID}, {"type", "function"}, {"function", O{{"name", "lookup_order"}, {"arguments", `{"order_id":"` + id + `"}`}}}}}}},
		{{"role", "tool"}, {"tool_call_id", callID}, {"content", result}},
	}
}

func supportBody(co company, sys, model string, msgs []O, tools bool, user string) request {
	switch co.api {
	case "anthropic":
		o := anth(model, 600, cachedSystem(sys), msgs...).Set("temperature", 0.3)
		if tools {
			o = o.Set("tools", []O{atool("lookup_order", "Look up an order or booking by its number.", schema("order_id", "The order or booking number"))})
		}
		return request{path: pMessages, body: o}
	case "responses":
		// the Responses API: instructions and input items
		o := O{{"model", model}, {"instructions", sys}, {"input", msgs}, {"max_output_tokens", 600}, {"temperature", 0.3}, {"store", false}}
		return request{path: pResponses, body: o}
	}
	all := append([]O{msg("system", sys)}, msgs...)
	o := chat(model, all...).Set("temperature", 0.3).Set("max_tokens", 600).Set("user", user)
	if tools {
		o = o.Set("tools", []O{fn("lookup_order", "Look up an order or booking by its number.", schema("order_id", "The order or booking number"))})
	}
	return request{path: pChat, body: o}
}
