package localize

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"time"
)

// translation_agency: translation and localisation agencies. A translator
// works through a file in a CAT tool whose plug-in asks the model for a
// draft of each segment (the client's glossary and style guide in the
// system prompt), every half minute or so during office hours; project
// managers pre-translate whole files in batches of segments and run QA
// checks. The agency's keys post from its office address, and from home
// lines of translators working remotely.

var agencyCountries = []string{"ES:4", "DE:4", "FR:3", "IT:2", "PL:2", "PT:1", "BR:2", "JP:3", "CN:2", "KR:2", "IN:2", "TR:1", "NL:1", "GB:2", "US:1", "EG:1", "MX:1"}

var agencyNames = []string{"Babel", "Lingua", "Interpres", "Verba", "Transcend", "Polyglot", "Tradux", "Wortwerk", "Hon'yaku", "Mosaic", "Rosetta", "Kotoba", "Idioma", "Clarity", "Meridian", "Atlas"}

var agencyDomains = []string{"legal", "medical", "marketing", "software", "e-commerce", "technical"}

var styleGuides = map[string][]string{
	"legal":      {"Use the terminology of the jurisdiction; do not paraphrase defined terms; keep clause and article numbering.", "Formal register. Keep capitalised defined terms consistent throughout."},
	"medical":    {"Follow the approved patient leaflet wording; units in SI; do not add or omit warnings.", "Plain language for patients (reading age 12); keep dosage figures exactly."},
	"marketing":  {"Friendly, informal register. Short sentences. Keep the brand name untranslated.", "Transcreate slogans rather than translate them literally; keep the tone playful."},
	"software":   {"UI strings: keep under 120% of the source length; imperative for buttons; sentence case.", "Informal address (tú/du/tu) in the UI; never translate product names."},
	"e-commerce": {"Formal register (usted/Sie/vous). No exclamation marks. Dates as DD/MM/YYYY.", "Prices and sizes in local format; keep SKUs and brand names unchanged."},
	"technical":  {"Use the client's termbase; passive voice for procedures; keep part numbers unchanged.", "Warnings in capital letters as in the source; metric units."},
}

const agencySystem = "You are a professional {domain} translator at {agency}. Translate from {src} into {tgt} ({locale}). " +
	"Follow the client's glossary and style guide strictly. Keep placeholders such as {0}, %s, %d, {{name}}, ICU plural syntax and HTML tags unchanged. " +
	"Return only the translation, with no comments.\n\nStyle guide: {style}\n\nGlossary:\n{glossary}"

func planAgency(w *world) {
	r := w.r
	n := w.scale(34, 4)
	for i := 0; i < n; i++ {
		c := pickCountry(r, agencyCountries)
		name := pick(r, agencyNames) + pick(r, []string{" Translations", " Language Services", " Localization", " Traducciones", " Übersetzungen", " Traductions"})
		slug := strings.ToLower(strings.ReplaceAll(strings.Fields(name)[0], "'", "")) + itoa(i)
		officeIP := homeV4(r, c)
		domain := pick(r, agencyDomains)
		// language pairs: mostly out of English, some into it
		tgts := []string{c.lang}
		if c.lang == "en" || chance(r, 0.5) {
			tgts = sample(r, []string{"es", "de", "fr", "it", "pt", "ja", "zh", "ko", "ar", "tr", "pl", "nl", "sv"}, between(r, 2, 6))
		}
		st := []stack{openaiDotnet, openaiPy, anthropicPy, openaiNode}[pickW(r, []float64{0.4, 0.3, 0.15, 0.15})]
		kind := "laptop"
		if st == openaiDotnet {
			kind = "server"
		}
		cl := newClient(r, st, kind, "")
		model := pick(r, []string{mFlag, mFlag, mMini})
		tries := chance(r, 0.35)
		for k := 0; k < between(r, 1, 4); k++ {
			a := w.newAccount("translation_agency", slug+"-k"+itoa(k+1), false, cl)
			remote := ""
			if chance(r, 0.35) {
				remote = homeIP(r, c)
			}
			style := pick(r, styleGuides[domain])
			for _, st := range arrivals(r, w.start, w.end, 0.5, c.tz, &office) {
				ip := officeIP
				if remote != "" {
					ip = remote
				}
				tgt := pick(r, tgts)
				src := "en"
				if tgt == "en" {
					src = pick(r, []string{"de", "es", "ja", "zh", "fr"})
				}
				m := model
				if tries && st.After(w.release) {
					m = mNew
				}
				sys := fill(agencySystem, map[string]string{"domain": domain, "agency": name, "src": langName[src].en,
					"tgt": langName[tgt].en, "locale": localeOf[tgt], "style": style,
					"glossary": "- " + strings.Join(glossary[tgt], "\n- ")})
				switch x := r.Float64(); {
				case x < 0.7:
					w.agencySession(a, ip, st, sys, src, tgt, m)
				case x < 0.9:
					w.agencyBatch(a, ip, st, sys, src, tgt, m)
				default:
					w.agencyQA(a, ip, st, src, tgt, m)
				}
			}
		}
	}
}

func agencySource(r *rand.Rand, src string) string {
	if src != "en" {
		return segmentIn(r, src)
	}
	if chance(r, 0.3) {
		return pick(r, uiStrings)
	}
	return pick(r, enSegments)
}

// agencySession is a translator confirming segments one by one.
func (w *world) agencySession(a *account, ip string, t time.Time, sys, src, tgt, model string) {
	r := w.r
	for _, at := range gaps(r, t, between(r, 8, 45), 35, 0.7) {
		ctx := chance(r, 0.5)
		w.add(at, a, ip, func(r *rand.Rand) request {
			seg := agencySource(r, src)
			user := seg
			if ctx {
				user = "Previous segment (already translated): " + agencySource(r, src) + "\n\nTranslate this segment:\n" + seg
			}
			return agencyBody(a, model, sys, user, 0.2, false)
		})
	}
}

// agencyBatch is a file pre-translated in chunks of segments.
func (w *world) agencyBatch(a *account, ip string, t time.Time, sys, src, tgt, model string) {
	r := w.r
	for _, at := range gaps(r, t, between(r, 10, 60), 6, 0.5) {
		w.add(at, a, ip, func(r *rand.Rand) request {
			items := make([]string, between(r, 4, 12))
			for i := range items {
				items[i] = agencySource(r, src)
			}
			arr, _ := json.Marshal(items)
			user := "Translate every string of this JSON array into " + langName[tgt].en + ". Return a JSON object {\"translations\": [...]} with the same number of items, in the same order.\n\n" + string(arr)
			return agencyBody(a, model, sys, user, 0.1, true)
		})
	}
}

// agencyQA checks finished translations against the source.
func (w *world) agencyQA(a *account, ip string, t time.Time, src, tgt, model string) {
	r := w.r
	if src != "en" {
		src, tgt = "en", "de"
	}
	for _, at := range gaps(r, t, between(r, 3, 15), 25, 0.6) {
		w.add(at, a, ip, func(r *rand.Rand) request {
			p := pick(r, parallel)
			tgt := tgt
			tr, ok := p[tgt]
			if !ok {
				tgt = "de"
				tr = p[tgt]
			}
			user := "Review this translation for accuracy, terminology, omissions and punctuation. List each issue with its severity (minor/major/critical), or answer \"No issues\".\n\nSource (" + langName[src].en + "): " + p["en"] + "\nTranslation (" + langName[tgt].en + "): " + tr
			return agencyBody(a, model, "You are a senior reviewer at a translation agency. Be concise.", user, 0, false)
		})
	}
}

func agencyBody(a *account, model, sys, user string, temperature float64, jsonOut bool) request {
	if a.cl.dialect() == "anthropic" {
		return request{path: pMessages, body: anth(model, 2000, sys, msg("user", user)).Set("temperature", temperature)}
	}
	o := chat(model, msg("system", sys), msg("user", user)).Set("temperature", temperature).Set("max_tokens", 2000)
	if jsonOut {
		o = o.Set("response_format", O{{"type", "json_object"}})
	}
	return request{path: pChat, body: o}
}
