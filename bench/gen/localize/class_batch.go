package localize

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// subtitle_batch: studios and streaming vendors translating subtitle files.
// A job picks up an episode, splits its cues into chunks and sends each
// chunk (with the previous cues as context) to the model from a few
// workers in parallel, one target language after another, from cloud
// machines that poll a queue every few minutes.

var subtitleLinesEN = []string{
	"I told you not to come back here.", "We don't have much time. The tide turns at six.", "You're late. Again.",
	"Is that what you really think of me?", "Give me one good reason to trust you.", "The whole village saw it happen.",
	"Stay behind me and don't say a word.", "I've been looking for you for three years.", "That's not how it works, and you know it.",
	"If we leave now, we can still catch the last ferry.", "Who else knows about this?", "Put the gun down, Marcus.",
	"Happy birthday, Grandma!", "Welcome back to the show. Tonight we have a very special guest.", "Don't touch that. It's still wet.",
	"Mum says dinner's ready.", "I never meant for any of this to happen.", "We need to talk about what happened at the lake.",
	"The results are in, and they're not good.", "Can you hear that? Something's moving upstairs.", "Fine. But this is the last time.",
	"Next week on Kitchen Rivals: the pressure is on.", "Let's take it from the top, one more time.", "You kept the letter? All these years?",
	"Nobody leaves this room until we find out who did it.", "Breaking news from the capital this morning.", "I'm fine. Really.",
	"Then why are you crying?", "Turn left at the lighthouse and keep going.", "It's the same pattern as last time.",
}

var subtitleLinesJA = []string{
	"ここから先は一人で行く。", "待って！まだ話は終わってない！", "お前、本当にそれでいいのか？", "約束したじゃないか。",
	"今日から、このクラスに転校してきた佐藤です。", "この力があれば、みんなを守れる。", "遅いよ、もう始まってるって！",
	"あの日のこと、覚えてる？", "逃げるな！", "ありがとう…ずっと言いたかったんだ。", "次回、「最後の約束」。",
	"まさか…あいつが生きていたなんて。", "腹減ったなあ。ラーメンでも食いに行くか。", "危ない！伏せろ！",
}

const subtitleSystem = "You translate film and TV subtitles from {src} into {tgt} ({locale}). Keep the cue numbers. " +
	"At most 42 characters per line and 2 lines per cue; condense when needed, as professional subtitlers do. " +
	"Keep names, songs in brackets and on-screen text markers such as [MUSIC] as they are. " +
	"Use the previous cues only as context. Reply with JSON: {\"cues\": [{\"n\": number, \"text\": string}]}."

type subtitleShop struct {
	name  string
	src   string
	tgts  []string
	cloud string
	st    stack
	rate  float64 // jobs an hour
}

var subtitleShops = []subtitleShop{
	{"streamvendor", "en", []string{"es", "pt", "fr", "de", "it", "ja", "ko", "ar", "tr", "pl"}, "aws-iad", openaiPy, 1.2},
	{"dubhaus", "en", []string{"de", "fr", "it", "es"}, "hetzner", openaiPy, 0.8},
	{"animelicensing", "ja", []string{"en", "es", "pt", "fr", "de"}, "aws-nrt", openaiGo, 1},
	{"learnloop", "en", []string{"es", "pt", "hi", "id", "vi", "ar"}, "gcp-us", openaiNode, 0.9},
	{"newsdesk", "en", []string{"es", "fr", "ar", "ru", "zh"}, "azure-we", openaiPy, 1.1},
	{"tubeglobal", "en", []string{"es", "pt", "hi", "id", "ja", "ko", "tr"}, "do", openaiPy, 1.3},
	{"kinoteka", "en", []string{"pl", "uk", "ru"}, "ovh", openaiPy, 0.6},
	{"seriesdub", "en", []string{"es", "pt", "it"}, "aws-fra", openaiNode, 0.9},
}

func planSubtitles(w *world) {
	r := w.r
	n := min(len(subtitleShops), w.scale(len(subtitleShops), 2))
	for i := 0; i < n; i++ {
		s := subtitleShops[i]
		cl := newClient(r, s.st, "server", "")
		cl.async = true
		a := w.newAccount("subtitle_batch", s.name, false, cl)
		netw := cloudNet(r, s.cloud)
		ips := []string{v4In(r, netw), v4In(r, netw)}
		poll := time.Duration(between(r, 2, 10)) * time.Minute
		model := pick(r, []string{mFlag, mMini})
		for _, st := range arrivals(r, w.start, w.end, s.rate, 0, &flat) {
			// the job starts at the next queue poll
			st = st.Truncate(poll).Add(poll).Add(secs(r.Float64() * 3))
			cues := between(r, 300, 900)
			lineSeed := r.Uint64()
			at := st
			for _, tgt := range sample(r, s.tgts, between(r, 2, 5)) {
				at = w.subtitleLanguage(a, pick(r, ips), at, s.src, tgt, cues, lineSeed, model)
			}
		}
	}
}

// subtitleLanguage sends the chunks of one language from 4 workers and
// returns when the last one is done.
func (w *world) subtitleLanguage(a *account, ip string, t time.Time, src, tgt string, cues int, lineSeed uint64, model string) time.Time {
	r := w.r
	const chunk = 30
	sys := fill(subtitleSystem, map[string]string{"src": langName[src].en, "tgt": langName[tgt].en, "locale": localeOf[tgt]})
	workers := make([]time.Time, 4)
	for i := range workers {
		workers[i] = t.Add(secs(r.Float64() * 0.3))
	}
	end := t
	for c := 0; c*chunk < cues; c++ {
		wi := c % len(workers)
		at := workers[wi]
		first := c*chunk + 1
		w.add(at, a, ip, func(r *rand.Rand) request {
			lr := rand.New(rand.NewPCG(lineSeed, uint64(first)))
			lines := subtitleLinesEN
			if src == "ja" {
				lines = subtitleLinesJA
			}
			var b strings.Builder
			if first > 1 {
				b.WriteString("Previous cues (context only):\n")
				for k := first - 3; k < first; k++ {
					fmt.Fprintf(&b, "%d: %s\n", k, pick(lr, lines))
				}
				b.WriteString("\n")
			}
			b.WriteString("Translate these cues:\n")
			type cue struct {
				N    int    `json:"n"`
				Time string `json:"time"`
				Text string `json:"text"`
			}
			var cs []cue
			sec := float64(first) * 3.7
			for k := first; k < first+chunk; k++ {
				d := 1.2 + lr.Float64()*3
				cs = append(cs, cue{k, srtTime(sec) + " --> " + srtTime(sec+d), pick(lr, lines)})
				sec += d + lr.Float64()*1.5
			}
			js, _ := json.Marshal(cs)
			b.Write(js)
			o := chat(model, msg("system", sys), msg("user", b.String())).Set("temperature", 0.3).
				Set("response_format", O{{"type", "json_object"}})
			return request{path: pChat, body: o}
		})
		workers[wi] = at.Add(secs(logn(r, 18, 0.35)))
		if workers[wi].After(end) {
			end = workers[wi]
		}
	}
	return end.Add(secs(2 + r.Float64()*5))
}

func srtTime(s float64) string {
	ms := int(s * 1000)
	return fmt.Sprintf("%02d:%02d:%02d,%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// listing_batch: marketplace sellers and their integrators localising
// product listings. A cron job every hour takes the new and changed
// products and asks for a listing per marketplace locale, with a strict
// JSON schema for the answer, a few requests in parallel.

type product struct {
	title   string
	bullets []string
	attrs   string
}

var products = []product{
	{"Insulated Stainless Steel Water Bottle 750 ml", []string{"Keeps drinks cold for 24 hours and hot for 12", "Leak-proof lid with carry loop", "BPA-free, dishwasher-safe lid"}, "color=Sage Green; capacity=750ml; material=18/8 stainless steel"},
	{"Wireless Noise Cancelling Headphones", []string{"Active noise cancellation with transparency mode", "40-hour battery, 10-minute quick charge for 5 hours", "Multipoint Bluetooth 5.3"}, "color=Black; weight=254g"},
	{"Men's Merino Wool Base Layer Top", []string{"100% merino wool, 200 g/m²", "Odour-resistant and temperature-regulating", "Flatlock seams to prevent chafing"}, "sizes=S-XXL; color=Charcoal"},
	{"Cast Iron Dutch Oven 5.5 qt", []string{"Enamelled interior, no seasoning needed", "Oven-safe up to 260 °C", "Works on all hobs including induction"}, "color=Cherry Red; diameter=26cm"},
	{"Kids' Waterproof Rain Boots", []string{"Natural rubber, easy pull-on handles", "Non-slip sole", "Reflective details for visibility"}, "sizes=EU 22-35; pattern=Dinosaurs"},
	{"Ergonomic Office Chair with Lumbar Support", []string{"Adjustable lumbar support and 3D armrests", "Breathable mesh back", "Supports up to 150 kg"}, "color=Grey; warranty=5 years"},
	{"Organic Matcha Green Tea Powder 100 g", []string{"Ceremonial grade from Uji, Kyoto", "Stone-ground, vibrant green", "Resealable pouch"}, "origin=Japan; certification=EU Organic"},
	{"LED Desk Lamp with Wireless Charger", []string{"5 colour temperatures, 7 brightness levels", "Qi wireless charging pad in the base", "Auto-off timer"}, "power=12W; color=White"},
	{"Yoga Mat 6 mm Non-Slip", []string{"Double-sided texture", "Alignment lines", "Carry strap included"}, "size=183x61cm; material=TPE"},
	{"Smart Wi-Fi Plug (4-pack)", []string{"Control devices from anywhere", "Energy monitoring", "Works with major voice assistants"}, "max load=16A; protocol=2.4GHz Wi-Fi"},
	{"Leather Minimalist Wallet", []string{"Full-grain leather", "RFID blocking", "Holds up to 8 cards"}, "color=Cognac; dimensions=10x7cm"},
	{"Children's Wooden Building Blocks, 100 pcs", []string{"Solid beech wood", "Water-based non-toxic paint", "Storage bag included"}, "age=2+; certification=EN 71"},
}

type seller struct {
	name    string
	locales []string
	cloud   string
	st      stack
	offset  int // minutes past the hour of the cron
}

var sellers = []seller{
	{"homeplus-eu", []string{"de-DE", "fr-FR", "it-IT", "es-ES", "nl-NL", "pl-PL", "sv-SE"}, "aws-fra", openaiNode, 5},
	{"outdoorgear", []string{"de-DE", "fr-FR", "es-ES", "ja-JP"}, "gcp-eu", openaiPy, 0},
	{"listingbridge", []string{"es-MX", "pt-BR", "ja-JP", "ar-SA", "tr-TR"}, "aws-iad", openaiGo, 15},
	{"shenzhen-direct", []string{"en-US", "de-DE", "fr-FR", "es-ES", "ja-JP", "ko-KR"}, "ali-hk", openaiNode, 30},
	{"kawaiihome", []string{"en-US", "zh-CN", "ko-KR"}, "aws-nrt", openaiPy, 45},
	{"tienda-global", []string{"en-US", "pt-BR", "fr-FR"}, "do", openaiPy, 20},
}

var listingSchema = O{{"type", "object"}, {"properties", O{
	{"title", O{{"type", "string"}, {"maxLength", 200}}},
	{"bullets", O{{"type", "array"}, {"items", O{{"type", "string"}}}, {"maxItems", 5}}},
	{"description", O{{"type", "string"}}},
	{"search_terms", O{{"type", "array"}, {"items", O{{"type", "string"}}}}},
}}, {"required", []string{"title", "bullets", "description", "search_terms"}}, {"additionalProperties", false}}

const listingSystem = "You localise e-commerce product listings for marketplaces. Write natural, idiomatic copy for shoppers in the target locale, " +
	"convert units and sizes to local conventions, never invent features, respect the marketplace's limits (title under 200 characters, at most 5 bullets), and " +
	"add 5 to 10 local search terms."

func planListings(w *world) {
	r := w.r
	n := min(len(sellers), w.scale(len(sellers), 2))
	for i := 0; i < n; i++ {
		s := sellers[i]
		cl := newClient(r, s.st, "server", "")
		a := w.newAccount("listing_batch", s.name, false, cl)
		ip := cloudIP(r, s.cloud)
		model := pick(r, []string{mMini, mFlag})
		for h := w.start.Truncate(time.Hour); h.Before(w.end); h = h.Add(time.Hour) {
			at := h.Add(time.Duration(s.offset)*time.Minute + secs(r.Float64()*2))
			nprod := between(r, 6, 30)
			slots := []time.Time{at, at, at}
			for p := 0; p < nprod; p++ {
				pr := pick(r, products)
				sku := fmt.Sprintf("SKU-%05d", r.IntN(100000))
				for _, loc := range sample(r, s.locales, between(r, 2, len(s.locales))) {
					k := (p + len(loc)) % len(slots)
					w.add(slots[k], a, ip, func(r *rand.Rand) request {
						user := "Marketplace locale: " + loc + "\nSKU: " + sku + "\nTitle: " + pr.title + "\nBullets:\n- " + strings.Join(pr.bullets, "\n- ") + "\nAttributes: " + pr.attrs
						o := chat(model, msg("system", listingSystem), msg("user", user)).Set("temperature", 0.5).
							Set("response_format", O{{"type", "json_schema"}, {"json_schema", O{{"name", "listing"}, {"strict", true}, {"schema", listingSchema}}}})
						return request{path: pChat, body: o}
					})
					slots[k] = slots[k].Add(secs(logn(r, 7, 0.4)))
				}
			}
		}
	}
}
