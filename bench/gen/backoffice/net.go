package backoffice

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// ipFrom returns a random address under prefix ("193.108.42." or "73.").
func ipFrom(r *rand.Rand, prefix string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for i := strings.Count(prefix, "."); i < 4; i++ {
		if i > strings.Count(prefix, ".") {
			b.WriteByte('.')
		}
		b.WriteString(strconv.Itoa(1 + r.IntN(254)))
	}
	return b.String()
}

// Address ranges (first octets) of the networks in this world.
var (
	resUS   = []string{"73.", "24.", "71.", "98.", "68.", "174.", "76.", "107."}
	resEU   = []string{"91.", "86.", "90.", "83.", "79.", "95.", "31.", "188."}
	resAPAC = []string{"49.", "110.", "121.", "125.", "203.", "101."}
	bizISP  = []string{"12.", "63.", "65.", "66.", "80.", "81.", "62.", "212.", "217.", "194."}
	awsUS   = []string{"3.", "18.", "44.", "52.", "54."}
	gcp     = []string{"34.", "35."}
	azure   = []string{"20.", "40.", "52."}
)

// region is a home region: its UTC offset in May and its residential
// ranges.
type region struct {
	tz  float64
	res []string
}

var regions = []region{
	{-4, resUS}, {-5, resUS}, {-7, resUS}, {2, resEU}, {1, resEU}, {3, resEU}, {8, resAPAC}, {10, resAPAC},
}

// homeRegion draws a region, weighted toward the ones awake in the
// window (America's morning, Europe's afternoon).
func homeRegion(r *rand.Rand) region {
	switch x := r.IntN(100); {
	case x < 45:
		return regions[r.IntN(3)]
	case x < 88:
		return regions[3+r.IntN(3)]
	}
	return regions[6+r.IntN(2)]
}

// reply is a plausible earlier assistant answer, re-sent in a history.
func reply(r *rand.Rand) string {
	return pick(r, []string{
		"Here's a summary of the key points:\n\n1. Revenue grew but margins compressed, mainly from higher freight costs.\n2. Working capital increased because receivables rose faster than sales.\n3. The note on the credit facility suggests refinancing risk is lower than last year.",
		"The clause favours the Supplier: the cap is tied to fees paid in the preceding months, and the carve-outs are narrow. As the Customer, I would ask for a higher cap (e.g. 2x annual fees) and a carve-out for data protection breaches.",
		"Based on the invoice, the subtotal is correct but the tax line appears to use the wrong rate. Recomputing at the stated rate gives a slightly different total; I'd confirm with the vendor before paying.",
		"Sure — here is a draft:\n\nSubject: Follow-up on outstanding invoice\n\nHi,\n\nI hope you're well. I'm following up on the invoice below, which is now past its due date. Could you let me know when we can expect payment?\n\nKind regards",
		"Short answer: yes, but with conditions. The notice period is 90 days, and renewal is automatic unless notice is given before the end of the term, so the earliest exit is at the end of the initial term.",
		"I checked the figures: gross margin is about 38% in the current period versus 41% a year earlier. The drop is mostly explained by the inventory write-down mentioned in the note.",
		"The claim appears covered under the property section, subject to the deductible. The open question is the prior condition of the premises; I'd request the inspection report before settling.",
	})
}

// userTurn is a user message, plain or as one text block (Anthropic SDK
// users write both).
func userTurn(r *rand.Rand, ant bool, text string) tracefmt.Obj {
	if ant && chance(r, 0.3) {
		return msg("user", []tracefmt.Obj{{{"type", "text"}, {"text", text}}})
	}
	return msg("user", text)
}

// sessions returns the sessions of a human on [from, to): a session
// starts at rate(t) per hour (at most maxRate), holds about meanReqs
// requests (geometric) spaced by lognormal gaps of median gap seconds.
func sessions(r *rand.Rand, from, to time.Time, maxRate float64, rate func(time.Time) float64, meanReqs, gap float64) [][]time.Time {
	var out [][]time.Time
	for _, s := range arrivals(r, from, to, maxRate, rate) {
		n := 1
		for chance(r, 1-1/meanReqs) && n < 20 {
			n++
		}
		ts := []time.Time{s}
		t := s
		for i := 1; i < n; i++ {
			t = t.Add(dur(5 + lognormal(r, gap, 0.8)))
			ts = append(ts, t)
		}
		out = append(out, ts)
	}
	return out
}
