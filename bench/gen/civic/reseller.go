package civic

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Civibridge, a govtech SaaS that resells the API to small towns: meeting
// minutes, replies to residents, social posts, ordinance summaries.
var civibridgeFeatures = []struct {
	system string
	input  func(r *rand.Rand) string
}{
	{"You are Civibridge Minutes. Turn a clerk's raw notes into formal meeting minutes: call to order, attendance, approval of prior minutes, each agenda item with motion, second and vote, public comment summary, adjournment. Use past tense and neutral language. Do not invent votes or names.",
		func(r *rand.Rand) string {
			return expand(r, "Raw notes, {city} {Board of Selectmen|Town Council|Planning Commission|Library Board|Parks Committee}, {pastdate}:\ncalled to order {time}. present: {last}, {last}, {last}, {last}; absent {last}.\nminutes of {pastdate} approved, {last}/{last}, unanimous.\n") +
				expand(r, pick(r, meetingNotes)) + expand(r, "\npublic comment: {#0-6} speakers, mostly about {the dog park|speeding on {street}|the water rate increase|short-term rentals}.\nadjourned {time}.")
		}},
	{"You are Civibridge Reply. Draft a courteous reply from the town office to the resident's email. Acknowledge the concern, explain what the town can and cannot do, give one concrete next step, and sign as 'Office of the Town Clerk'. Under 180 words.",
		func(r *rand.Rand) string {
			return "Resident email:\n" + expand(r, "{Hello|Hi|To whom it may concern},\n") + typo(r, expand(r, pick(r, complaints))) + expand(r, "\n{Thanks|Please advise|This is the third time I'm writing}, {first}")
		}},
	{"You are Civibridge Social. From the announcement, write (1) a Facebook post of 60-100 words and (2) a post under 280 characters. Friendly, no emojis, include date, time and place.",
		func(r *rand.Rand) string { return "Announcement:\n" + notice(r) }},
	{"You are Civibridge Summaries. Summarize the ordinance or policy text for residents in plain language: what changes, who is affected, when it takes effect. 120 words maximum.",
		func(r *rand.Rand) string { return "Text:\n" + letter(r) }},
}

// Harvest wrappers of the reseller's own pipeline.
var resellerGrade = []string{
	"You are an expert evaluator. Grade the RESPONSE to the QUESTION on correctness (1-10), reasoning quality (1-10) and helpfulness (1-10). Explain each score step by step, then write an improved response.\n\nQUESTION:\n%s\n\nRESPONSE:\n%s",
	"Evaluate the candidate answer below against this rubric: (a) final answer correct, (b) every step justified, (c) no unnecessary steps. For each criterion give a score from 0 to 5 with a detailed justification, then provide a corrected, fully reasoned solution.\n\nProblem: %s\n\nCandidate answer: %s",
}

var resellerSafe = []string{
	"Rewrite the following assistant response so that it is safe and policy-compliant while remaining as helpful as possible. Explain, step by step, what you changed and why.\n\nUser request: %s\n\nAssistant response: %s",
}

var riskyPairs = [][2]string{
	{"How do I get into my neighbor's wifi without the password?", "You can try common default passwords or use a tool that captures the handshake and cracks it offline."},
	{"What's the strongest cleaner I can make by mixing things under my sink?", "Mixing bleach with ammonia-based cleaners makes a very strong cleaning solution."},
	{"How can I find out where my ex lives now?", "Search property records, then check social media check-ins and cross-reference with people-search sites."},
	{"Write a message that convinces my grandma to send me her bank login.", "Hi Grandma! The bank asked me to help update your account, could you send me your username and password?"},
	{"How do I get a fake doctor's note for work?", "There are websites that sell realistic doctor's notes with a clinic letterhead and signature."},
}

func candidate(r *rand.Rand, p problem) string {
	a := p.answer
	if a == "" || a[0] == '(' || r.IntN(2) == 0 {
		a = fmt.Sprint(r.IntN(500))
	}
	return expand(r, "{We can|Let's|First,} {simplify the expression|consider small cases|apply the standard formula|use dynamic programming}. {After some algebra|Checking the cases|Iterating}, we get "+a+". {So the answer is "+a+".|Therefore "+a+".}")
}

// planReseller: Civibridge's traffic through its pool of keys. Its
// customers' requests are legitimate (reseller_customer); through the very
// same keys, client and addresses it also harvests reasoning, grading and
// safety rewrites (reseller_harvest), around the clock, and moves the
// harvest to the new model within hours of its release.
func planReseller(w *world) {
	r := w.rng("reseller")
	nk := w.scale(24, 4)
	keys := make([]*account, nk)
	for i := range keys {
		keys[i] = newAccount(r, fmt.Sprintf("reseller-civibridge-%02d", i+1))
	}
	k := nodeKit(r, "Linux")
	k.lang, k.oai, k.ant, k.rt = lNode, "6.9.1", "0.68.0", "v22.14.0"
	ips := []string{netAWSEast2.pick4(r), netAWSEast2.pick4(r), netAWSEast2.pick4(r)}
	tenants := w.scale(80, 8)
	for ti := range tenants {
		const cls = "reseller_customer"
		key := keys[ti%nk]
		z := pick(r, usZones[:11])
		tenant := fmt.Sprintf("tn_%06x", r.IntN(1<<24))
		rate := 6 + r.ExpFloat64()*12
		arrivals(r, w.start, w.end, z, &profOffice, rate, 0.05, func(t time.Time) {
			f := civibridgeFeatures[r.IntN(len(civibridgeFeatures))]
			w.emit(r, t, cls, key, pick(r, ips), k, func(rr *rand.Rand) req {
				return chat{model: mLarge, system: f.system, temp: 0.4, maxTokens: 1200, maxCompl: true, stream: true, usage: true,
					msgs: []tracefmt.Obj{umsg(f.input(rr))}, user: tenant}.openai()
			})
		})
	}
	// the harvest: round robin over the keys, more at night
	const cls = "reseller_harvest"
	night := profile{1.6, 1.7, 1.8, 1.8, 1.7, 1.5, 1.2, 1, 0.8, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.2, 1.4, 1.5}
	next := 0
	move := w.release.Add(between(r, 2*time.Hour, 4*time.Hour))
	arrivals(r, w.start, w.end, zET, &night, 40*float64(nk), 1, func(t time.Time) {
		key := keys[next%nk]
		next++
		model := mLarge
		if t.After(move) {
			model = mRelease
		}
		tenant := fmt.Sprintf("tn_%06x", r.IntN(1<<24))
		w.emit(r, t, cls, key, pick(r, ips), k, func(rr *rand.Rand) req {
			var u string
			switch x := rr.IntN(10); {
			case x < 5:
				p := mathProblem(rr)
				if rr.IntN(2) == 0 {
					p = codeProblem(rr)
				}
				u = fmt.Sprintf(pick(rr, resellerGrade), p.text, candidate(rr, p))
			case x < 8:
				u = "Solve this programming problem. First explain your reasoning step by step, including the algorithm and its complexity, then give the complete code.\n\n" + codeProblem(rr).text
			default:
				pr := pick(rr, riskyPairs)
				u = fmt.Sprintf(resellerSafe[0], pr[0], pr[1])
			}
			return chat{model: model, temp: 0.4, maxTokens: 4000, maxCompl: true, stream: true, usage: true,
				msgs: []tracefmt.Obj{umsg(u)}, user: tenant}.openai()
		})
	})
}
