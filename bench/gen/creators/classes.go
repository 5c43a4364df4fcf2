package creators

import (
	"math/rand/v2"
	"time"

	"github.com/sluicehq/sluice/bench/genkit"
)

// Models. The provider serves both dialects; model names are accepted on
// every path (as an aggregator does). newModel is released inside the
// window, at gen.release.
const (
	mSonnet   = "claude-sonnet-4-5"
	mHaiku    = "claude-haiku-4-5"
	mOpus     = "claude-opus-4-1"
	mGPT41    = "gpt-4.1"
	mGPT41m   = "gpt-4.1-mini"
	mGPT4om   = "gpt-4o-mini"
	mO4m      = "o4-mini"
	mInstruct = "gpt-3.5-turbo-instruct"
	newModel  = "claude-sonnet-4-6"
)

const (
	pChat   = "/v1/chat/completions"
	pResp   = "/v1/responses"
	pCompl  = "/v1/completions"
	pAnthMs = "/v1/messages"
)

// classList is every class, legitimate first; Plan adds its requests to
// the schedule. Each class draws from its own random source.
var classList = []genkit.Class[*gen]{
	{Name: "writing_extension", Plan: planExtension},
	{Name: "subtitle_tool", Plan: planSubtitles},
	{Name: "companion_app", Plan: planCompanion},
	{Name: "caption_saas", Plan: planCaptions},
	{Name: "bedtime_story_app", Plan: planStoryApp},
	{Name: "chat_people", Plan: planChatPeople},
	{Name: "workshop_live", Plan: planWorkshop},
	{Name: "campus_class", Plan: planCampus},
	{Name: "agency_office", Plan: planAgency},
	{Name: "media_gateway", Plan: planGateway},
	{Name: "eval_vendor", Plan: planEval},
	{Name: "reseller_customer", Plan: planReseller}, // plans reseller_harvest too
	{Name: "reseller_harvest", Campaign: true, Plan: func(*gen) {}},
	{Name: "naive", Campaign: true, Plan: planNaive},
	{Name: "disguised", Campaign: true, Plan: planDisguised},
	{Name: "logprob", Campaign: true, Plan: planLogprob},
	{Name: "agentic", Campaign: true, Plan: planAgentic},
	{Name: "churn", Campaign: true, Plan: planChurn},
	{Name: "pivot", Campaign: true, Plan: planPivot},
	{Name: "low_slow", Campaign: true, Plan: planLowSlow},
}

// send plans one request.
func (g *gen) send(r *rand.Rand, at time.Time, ci *classInfo, a *account, ip string, c *client, path string, stream bool, build func(*rand.Rand) obj) {
	g.add(at, &event{class: ci, acct: a, ip: ip, cl: c, path: path, stream: stream, bodySeed: r.Uint64(), body: build})
}

// sendReq plans a request whose body is q (fixed at planning time).
func (g *gen) sendReq(r *rand.Rand, at time.Time, ci *classInfo, a *account, ip string, c *client, path string, q req) {
	g.send(r, at, ci, a, ip, c, path, q.stream, func(*rand.Rand) obj { return body(path, q) })
}

// latency draws how long an answer of about tokens output tokens takes
// to come back (a streamed one ends then too).
func latency(r *rand.Rand, tokens int) time.Duration {
	return 400*time.Millisecond + logn(r, time.Duration(tokens)*14*time.Millisecond, 0.35)
}

// dialectPath picks the path of a client that may speak both dialects.
func dialectPath(r *rand.Rand, c *client, anthShare float64) string {
	switch {
	case c.anthropicOnly():
		return pAnthMs
	case c.openaiOnly():
		return pChat
	case r.Float64() < anthShare:
		return pAnthMs
	}
	return pChat
}
