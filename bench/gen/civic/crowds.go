package civic

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/netip"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// sessionSeed makes the random stream of one conversation, so that every
// turn of it repeats the earlier turns word for word.
func sessionSeed(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5e55)) }

// homeLine is a household's connection: a stable IPv4 address, or an IPv6
// /64 whose interface identifier changes every day (privacy addresses).
type homeLine struct {
	v4  string
	v6  netip.Prefix
	off int64
}

func newHomeLine(r *rand.Rand, v4, v6 ipPool, v6share float64) homeLine {
	if r.Float64() < v6share {
		return homeLine{v6: v6.v6().sub(r, 64), off: r.Int64()}
	}
	return homeLine{v4: v4.pick4(r)}
}

func (h homeLine) at(t time.Time) string {
	if h.v4 != "" {
		return h.v4
	}
	day := uint64(t.Unix()/86400) ^ uint64(h.off)
	return addrIn(rand.New(rand.NewPCG(day, 64)), h.v6).String()
}

// modelChoice is an account's model, and whether and when it moves to the
// new release.
type modelChoice struct {
	model string
	moves time.Time // zero: never
}

func (m modelChoice) at(t time.Time) string {
	if !m.moves.IsZero() && !t.Before(m.moves) {
		return mRelease
	}
	return m.model
}

func (w *world) chooseModel(r *rand.Rand, adopt float64, lag time.Duration) modelChoice {
	m := modelChoice{model: pick(r, []string{mLarge, mLarge, mLarge, mLarge, mSmall, mSmall, mSmall, mReasoner, mLargeOld})}
	if (m.model == mLarge || m.model == mReasoner) && r.Float64() < adopt {
		m.moves = w.release.Add(lognormal(r, lag, 0.8))
	}
	return m
}

var devAsks = []string{
	"How do I stream responses from the chat completions API in Python and print tokens as they arrive?",
	"Why does my Go HTTP client leak goroutines when I forget to close resp.Body? Show the right pattern.",
	"Write a bash one-liner that finds the 10 largest files under the current directory.",
	"Explain the difference between a Postgres index on (a, b) and separate indexes on a and b.",
	"My React useEffect runs twice in development. Is that a bug?",
	"Convert this JSON to a TypeScript interface: {\"id\": 12, \"name\": \"Riverside Park\", \"amenities\": [\"playground\", \"restrooms\"], \"open\": true}",
	"How do I parse a GTFS-realtime feed in Python and list delayed trips?",
	"Write a GeoPandas snippet to join 311 points to neighborhood polygons and count per polygon.",
	"What's a reasonable retry/backoff strategy for a 429 from an API? Show code.",
	"Explain how to write a Dockerfile for a small Flask app with a non-root user.",
	"How do I read an Excel file with multiple sheets into one pandas DataFrame and keep the sheet name?",
	"Regex to match US phone numbers like (503) 555-0199 and 503.555.0199 but not 5035550199999?",
	"How can I make a static site that shows the city's open data portal datasets in a searchable table?",
	"What are the tradeoffs between SQLite and Postgres for a small volunteer project with 5 users?",
	"Write unit tests with pytest for a function that normalizes street addresses (St -> Street, Ave -> Avenue).",
}

// planResidents: residents, public employees and hobbyist developers, each
// with a key of their own, chatting through SDKs, curl, a bring-your-own-
// key web app and an iOS app.
func planResidents(w *world) {
	const cls = "resident_chat"
	r := w.rng(cls)
	// agencies' office NATs, shared by all staff of one building
	var offices []string
	for range 14 {
		offices = append(offices, netGov.pick4(r))
	}
	n := w.scale(700, 30)
	for i := range n {
		a := newAccount(r, acctName(cls, i+1))
		z := pick(r, usZones)
		if r.IntN(10) == 0 {
			z = pick(r, []int{zUK, zCE})
		}
		kind := pick(r, []string{"home", "home", "home", "home", "staff", "staff", "staff", "dev", "dev"})
		prof, wk := &profHome, 1.2
		line := newHomeLine(r, netHomeUS, netHomeUS6, 0.3)
		if z > 0 {
			line = newHomeLine(r, netHomeEU, netHomeEU, 0.2)
		}
		office := pick(r, offices)
		var k *kit
		var system string
		stream := false
		mobile := false
		switch kind {
		case "home":
			switch x := r.IntN(10); {
			case x < 3:
				k = iosKit("Pocketmind", fmt.Sprint(790+r.IntN(30)), r)
				stream, mobile = true, true
				system = "You are Pocketmind, a friendly assistant on the user's phone. Keep answers short unless asked for detail."
			case x < 7:
				k = browserKit(newBrowser(r), "https://chat.lanternui.org", pick(r, []string{"en-US,en;q=0.9", "en-US,en;q=0.9,es;q=0.8", "en-GB,en;q=0.9"}))
				stream = true
				system = "You are a helpful assistant. Answer concisely and use Markdown where helpful.\nCurrent date: {today}"
			default:
				k = pyKit(r, pick(r, []string{"MacOS", "Windows", "Linux"}))
			}
		case "staff":
			prof, wk = &profOffice, 0.08
			switch x := r.IntN(10); {
			case x < 5:
				k = browserKit(newBrowser(r), "https://chat.lanternui.org", "en-US,en;q=0.9")
				stream = true
				system = "You are a helpful assistant. Answer concisely and use Markdown where helpful.\nCurrent date: {today}"
			case x < 8:
				k = pyKit(r, "Windows")
			default:
				k = dotnetKit(r, "10.0.22631")
			}
		default: // dev
			prof, wk = &profDev, 0.9
			switch x := r.IntN(10); {
			case x < 4:
				k = pyKit(r, pick(r, []string{"MacOS", "Linux"}))
			case x < 7:
				k = nodeKit(r, pick(r, []string{"MacOS", "Linux"}))
			case x < 8:
				k = goKit(r)
			default:
				k = curlKit(r)
			}
		}
		anth := r.IntN(100) < 45 && k.lang != lDotnet
		mc := w.chooseModel(r, 0.35, 10*time.Hour)
		rate := math.Min(12, math.Exp(0.1+0.9*r.NormFloat64())) // sessions a day
		from := w.start
		if r.IntN(8) == 0 {
			from = w.start.Add(between(r, 0, w.end.Sub(w.start)))
		}
		temp := -1.0
		if k.lang == lPy || k.lang == lNode || k.lang == lGo {
			temp = pick(r, []float64{-1, -1, 0.7, 0.2, 1})
		}
		arrivals(r, from, w.end, z, prof, rate, wk, func(t time.Time) {
			sess := r.Uint64()
			nt := 1
			for nt < 8 && r.Float64() < 0.45 {
				nt++
			}
			ip := func(t time.Time) string {
				if kind == "staff" && !weekend(t, z) && r.IntN(8) > 0 {
					return office
				}
				if mobile && r.IntN(2) == 0 {
					if r.IntN(3) == 0 {
						return netMobile6.pick(r)
					}
					return netMobile.pick(r)
				}
				if kind == "dev" && r.IntN(5) == 0 {
					return netAWSEast.pick4(r)
				}
				return line.at(t)
			}(t)
			for k2 := range nt {
				if k2 > 0 {
					t = t.Add(lognormal(r, 75*time.Second, 0.7))
				}
				model := mc.at(t)
				day := local(t, z).Format("2006-01-02")
				w.emit(r, t, cls, a, ip, k, func(_ *rand.Rand) req {
					rs := sessionSeed(sess)
					var first string
					switch kind {
					case "staff":
						first = expand(rs, pick(rs, append(staffAsks, personalAsks[:8]...)))
					case "dev":
						first = expand(rs, pick(rs, devAsks))
					default:
						first = typo(rs, expand(rs, pick(rs, personalAsks)))
					}
					c := chat{model: model, temp: temp, stream: stream, msgs: turns(conversation(rs, first, k2)...)}
					c.system = strings.ReplaceAll(system, "{today}", day)
					if anth || k.lang == lDotnet {
						c.maxTokens = pick(rs, []int{1024, 2048, 4096, 8192})
					}
					if model == mReasoner && anth {
						c.thinking = 2048
						c.maxTokens = 8192
					}
					return c.in(anth)
				})
			}
		})
	}
}

const plainSystem = `You are PlainForm, a browser extension that rewrites official documents in plain language.
Rules:
- Keep every date, deadline, dollar amount, phone number, case number and address exactly as written.
- Use short sentences and common words. Explain legal or technical terms in parentheses the first time they appear.
- Start with a one-sentence summary of what the document wants the reader to do.
- Then list "What you need to do" as numbered steps, and "Important dates" as a bulleted list.
- Do not give legal advice and do not guess at information that is not in the text. If something is unclear, say so.
- If the reader asked for another language, write the whole answer in that language.`

// planExtension: the PlainForm browser extension — thousands of users,
// each with their own key, one system prompt and template, Chrome, Edge
// and Firefox calling the API straight from the browser.
func planExtension(w *world) {
	const cls = "plain_language_ext"
	r := w.rng(cls)
	chromeID := "chrome-extension://" + letterID(r)
	edgeID := "chrome-extension://" + letterID(r)
	newsletter := atLocal(w.start.Add(72*time.Hour), zET, 10, 0) // Monday morning
	n := w.scale(1300, 40)
	for i := range n {
		a := newAccount(r, acctName(cls, i+1))
		b := newBrowser(r)
		origin := chromeID
		switch {
		case b.firefox:
			origin = fmt.Sprintf("moz-extension://%08x-%04x-4%03x-%04x-%012x", r.Uint32(), r.IntN(1<<16), r.IntN(1<<12), 0x8000|r.IntN(1<<14), r.Uint64()&(1<<48-1))
		case strings.Contains(b.chUA, "Edge"):
			origin = edgeID
		}
		lang := pick(r, []string{"en-US,en;q=0.9", "en-US,en;q=0.9", "en-US,en;q=0.9", "es-US,es;q=0.9,en;q=0.8", "en-US,en;q=0.9,vi;q=0.8", "en-US,en;q=0.9,zh-CN;q=0.8,zh;q=0.7"})
		k := browserKit(b, origin, lang)
		z := pick(r, usZones)
		work := r.IntN(10) < 4 // caseworkers and navigators paste letters at work
		prof, wk := &profHome, 1.1
		ip := newHomeLine(r, netHomeUS, netHomeUS6, 0.35)
		if work {
			prof, wk = &profOffice, 0.05
			ip = homeLine{v4: pick(r, []ipPool{netGov, netOffice}).pick4(r)}
		}
		from := w.start
		if r.IntN(9) == 0 {
			from = newsletter.Add(lognormal(r, 8*time.Hour, 1))
		}
		anth := r.IntN(10) < 6
		pinned := r.IntN(5) == 0
		updated := w.release.Add(2*time.Hour + time.Duration(r.Float64()*float64(30*time.Hour)))
		grade := pick(r, []int{5, 6, 6, 6, 8, 8, 10})
		target := ""
		if lang[:2] != "en" || r.IntN(12) == 0 {
			target = pick(r, []string{"Spanish", "Spanish", "Vietnamese", "Simplified Chinese", "Haitian Creole", "Arabic", "Tagalog"})
		}
		bullets := r.IntN(3) > 0
		rate := math.Min(15, math.Exp(0.2+r.NormFloat64()))
		if work {
			rate *= 2
		}
		arrivals(r, from, w.end, z, prof, rate, wk, func(t time.Time) {
			model := mLarge
			if !pinned && t.After(updated) {
				model = mRelease
			}
			w.emit(r, t, cls, a, ip.at(t), k, func(rr *rand.Rand) req {
				u := fmt.Sprintf("Rewrite the following text in plain language for a reader at about a %d%s-grade reading level.", grade, ordinal(grade))
				if bullets {
					u += " Use bullet points for steps."
				}
				if target != "" {
					u += " Write the answer in " + target + "."
				}
				u += "\n\nText:\n\"\"\"\n" + letter(rr) + "\n\"\"\""
				c := chat{model: model, system: plainSystem, temp: 0.3, stream: true, msgs: []tracefmt.Obj{umsg(u)}, maxTokens: 1500}
				if !anth {
					c.maxTokens = 0
				}
				return c.in(anth)
			})
		})
	}
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// letterID is a Chrome extension id: 32 letters a-p.
func letterID(r *rand.Rand) string {
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte('a' + r.IntN(16))
	}
	return string(b)
}
