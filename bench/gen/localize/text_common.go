package localize

import "math/rand/v2"

// names of a language, in English, itself, and in the languages the
// campaigns and apps write their instructions in.
type lname struct{ en, native, zh, ja, ko, ru, es string }

var langName = map[string]lname{
	"en": {"English", "English", "英语", "英語", "영어", "английский", "inglés"},
	"es": {"Spanish", "español", "西班牙语", "スペイン語", "스페인어", "испанский", "español"},
	"de": {"German", "Deutsch", "德语", "ドイツ語", "독일어", "немецкий", "alemán"},
	"fr": {"French", "français", "法语", "フランス語", "프랑스어", "французский", "francés"},
	"it": {"Italian", "italiano", "意大利语", "イタリア語", "이탈리아어", "итальянский", "italiano"},
	"pt": {"Portuguese", "português", "葡萄牙语", "ポルトガル語", "포르투갈어", "португальский", "portugués"},
	"nl": {"Dutch", "Nederlands", "荷兰语", "オランダ語", "네덜란드어", "нидерландский", "neerlandés"},
	"pl": {"Polish", "polski", "波兰语", "ポーランド語", "폴란드어", "польский", "polaco"},
	"tr": {"Turkish", "Türkçe", "土耳其语", "トルコ語", "터키어", "турецкий", "turco"},
	"ru": {"Russian", "русский", "俄语", "ロシア語", "러시아어", "русский", "ruso"},
	"uk": {"Ukrainian", "українська", "乌克兰语", "ウクライナ語", "우크라이나어", "украинский", "ucraniano"},
	"ar": {"Arabic", "العربية", "阿拉伯语", "アラビア語", "아랍어", "арабский", "árabe"},
	"hi": {"Hindi", "हिन्दी", "印地语", "ヒンディー語", "힌디어", "хинди", "hindi"},
	"ja": {"Japanese", "日本語", "日语", "日本語", "일본어", "японский", "japonés"},
	"ko": {"Korean", "한국어", "韩语", "韓国語", "한국어", "корейский", "coreano"},
	"zh": {"Chinese (Simplified)", "简体中文", "简体中文", "中国語（簡体字）", "중국어 간체", "китайский", "chino"},
	"vi": {"Vietnamese", "Tiếng Việt", "越南语", "ベトナム語", "베트남어", "вьетнамский", "vietnamita"},
	"id": {"Indonesian", "Bahasa Indonesia", "印尼语", "インドネシア語", "인도네시아어", "индонезийский", "indonesio"},
	"th": {"Thai", "ภาษาไทย", "泰语", "タイ語", "태국어", "тайский", "tailandés"},
	"he": {"Hebrew", "עברית", "希伯来语", "ヘブライ語", "히브리어", "иврит", "hebreo"},
	"sv": {"Swedish", "svenska", "瑞典语", "スウェーデン語", "스웨덴어", "шведский", "sueco"},
}

// enSegments are English source segments of the kind agencies, shops and
// apps send for translation.
var enSegments = []string{
	"Your order has shipped and should arrive within 3–5 business days.",
	"To reset your password, click the link we sent to your email address. The link expires in 24 hours.",
	"Free returns within 30 days. Items must be unused and in their original packaging.",
	"By continuing, you agree to our Terms of Service and acknowledge our Privacy Policy.",
	"Battery life: up to 18 hours of video playback, depending on settings and usage.",
	"The tenant shall not sublet the premises, in whole or in part, without the prior written consent of the landlord.",
	"Warning: do not operate the appliance if the power cord is damaged. Contact an authorised service centre.",
	"Our new autumn collection combines recycled wool with a relaxed, modern fit.",
	"We're sorry — something went wrong on our end. Please try again in a few minutes.",
	"Add at least one payment method to continue.",
	"Save 20% on your first subscription box. Offer valid until 30 November.",
	"The software is provided \"as is\", without warranty of any kind, express or implied.",
	"Take one tablet twice daily with food. Do not exceed the stated dose.",
	"Hand wash only. Do not tumble dry. Iron on low heat.",
	"Your session has expired. Please sign in again to continue.",
	"The hotel is a ten-minute walk from the old town and offers free parking for guests.",
	"Delivery times may vary during public holidays and peak periods.",
	"This feature is only available on the Pro plan. Upgrade now to unlock unlimited projects.",
	"Either party may terminate this agreement with thirty (30) days' written notice.",
	"The stainless steel blade stays sharp for years and is dishwasher safe.",
	"Please keep your booking reference handy when you contact our support team.",
	"Notifications are turned off. You can change this at any time in Settings.",
	"Ingredients: wheat flour, sugar, butter (milk), eggs, salt. May contain traces of nuts.",
	"The quarterly report shows a 12% increase in revenue compared with the same period last year.",
	"Scan the QR code with your phone to download your boarding pass.",
	"Children under 12 must be accompanied by an adult at all times.",
	"We use cookies to improve your experience and to measure the performance of our campaigns.",
	"The meeting has been moved to Thursday at 3 p.m. (CET). An updated invitation will follow.",
	"Lightweight, waterproof and packable: the ideal jacket for unpredictable weather.",
	"If you did not request this change, please contact us immediately.",
	"Once installed, the update cannot be rolled back.",
	"The museum is closed on Mondays, except on public holidays.",
	"Your subscription will renew automatically unless cancelled at least 24 hours before the end of the current period.",
	"Premium sound, deep bass and active noise cancellation in a compact design.",
	"The processor shall notify the controller without undue delay after becoming aware of a personal data breach.",
	"Tap \"Continue\" to confirm your identity with a one-time code.",
	"Preheat the oven to 180 °C and grease a 24 cm round tin.",
	"The warranty does not cover damage caused by accidents, misuse or unauthorised repairs.",
	"You have 3 unread messages and 1 pending invitation.",
	"All prices include VAT. Shipping costs are calculated at checkout.",
}

// srcText are source segments written in other languages.
var srcText = map[string][]string{
	"es": {
		"El envío es gratuito en pedidos superiores a 50 euros dentro de la península.",
		"Le recordamos que su cita ha sido confirmada para el próximo martes a las 10:30.",
		"La garantía no cubre los daños causados por un uso indebido del producto.",
		"Nuestro equipo de atención al cliente está disponible de lunes a viernes, de 9:00 a 18:00.",
		"Las plazas son limitadas y se asignarán por riguroso orden de inscripción.",
	},
	"de": {
		"Bitte bewahren Sie den Kaufbeleg als Garantienachweis auf.",
		"Die Lieferung erfolgt in der Regel innerhalb von zwei Werktagen.",
		"Der Mieter ist verpflichtet, Schäden an der Mietsache unverzüglich anzuzeigen.",
		"Wir haben Ihre Anfrage erhalten und melden uns so schnell wie möglich bei Ihnen.",
		"Das Gerät darf nur von qualifiziertem Fachpersonal geöffnet werden.",
	},
	"fr": {
		"Votre commande a bien été enregistrée et sera expédiée sous 48 heures.",
		"Les frais de retour sont à la charge du client, sauf en cas de produit défectueux.",
		"Veuillez vous munir d'une pièce d'identité en cours de validité le jour de l'examen.",
		"Cette offre n'est pas cumulable avec d'autres promotions en cours.",
		"Le présent contrat est régi par le droit français.",
	},
	"pt": {
		"O prazo de entrega começa a contar a partir da confirmação do pagamento.",
		"Em caso de dúvidas, entre em contato com a nossa central de atendimento.",
		"A reserva pode ser cancelada sem custos até 48 horas antes do check-in.",
		"Este produto não deve ser utilizado por crianças menores de três anos.",
	},
	"ja": {
		"ご注文いただいた商品は本日発送いたしました。",
		"パスワードを忘れた場合は、ログイン画面の「パスワードをお忘れですか」から再設定してください。",
		"本製品の保証期間はご購入日から1年間です。",
		"お問い合わせの内容によっては、回答までにお時間をいただく場合がございます。",
		"雨の日でも快適に使える、撥水加工のバックパックです。",
	},
	"zh": {
		"您的订单已发货，预计三至五个工作日内送达。",
		"如需退换货，请在收到商品后七天内联系客服。",
		"本合同自双方签字盖章之日起生效。",
		"该功能仅对高级会员开放，升级后即可使用。",
		"请勿将本产品放置在高温或潮湿的环境中。",
	},
	"ko": {
		"주문하신 상품이 오늘 발송되었습니다.",
		"비밀번호는 8자 이상이어야 하며 숫자와 특수문자를 포함해야 합니다.",
		"교환 및 반품은 상품 수령 후 7일 이내에 신청해 주세요.",
		"회의 일정이 목요일 오후 3시로 변경되었습니다.",
	},
	"it": {
		"La consegna è gratuita per ordini superiori a 39 euro.",
		"Il prodotto è coperto da garanzia legale di 24 mesi.",
		"Per completare la registrazione, conferma il tuo indirizzo email.",
	},
	"ar": {
		"تم شحن طلبك وسيصل خلال ثلاثة إلى خمسة أيام عمل.",
		"يرجى الاحتفاظ بالإيصال لإثبات الشراء.",
		"يمكنك إلغاء الاشتراك في أي وقت من إعدادات الحساب.",
	},
	"hi": {
		"आपका ऑर्डर भेज दिया गया है और 3 से 5 कार्यदिवसों में पहुँच जाएगा।",
		"कृपया अपना पासवर्ड किसी के साथ साझा न करें।",
		"यह ऑफ़र केवल नए ग्राहकों के लिए मान्य है।",
	},
	"ru": {
		"Ваш заказ отправлен и будет доставлен в течение трёх–пяти рабочих дней.",
		"Гарантия не распространяется на повреждения, вызванные неправильной эксплуатацией.",
		"Для продолжения необходимо подтвердить адрес электронной почты.",
	},
	"tr": {
		"Siparişiniz kargoya verildi ve 3-5 iş günü içinde teslim edilecektir.",
		"İade işlemleri için ürünü teslim aldıktan sonra 14 gün içinde bizimle iletişime geçin.",
		"Bu kampanya diğer indirimlerle birleştirilemez.",
	},
}

// segmentIn returns a source segment in lang (English when it has none).
func segmentIn(r *rand.Rand, lang string) string {
	if s, ok := srcText[lang]; ok {
		return pick(r, s)
	}
	return pick(r, enSegments)
}

// passage joins n distinct English segments into a paragraph.
func passage(r *rand.Rand, n int) string {
	s := sample(r, enSegments, n)
	out := s[0]
	for _, x := range s[1:] {
		out += " " + x
	}
	return out
}
