package mooc

import (
	"math/rand/v2"
	"time"
)

// Helpers shared by the classes: conversations, people's preferences,
// languages and places.

// convo is a growing conversation; snapshots share the backing array and
// stay valid because turns are only appended.
type convo struct{ msgs []msg }

func (c *convo) user(s string) []msg {
	c.msgs = append(c.msgs, msg{role: "user", text: s})
	return c.msgs
}

func (c *convo) assistant(s string) { c.msgs = append(c.msgs, msg{role: "assistant", text: s}) }

func (c *convo) add(m ...msg) { c.msgs = append(c.msgs, m...) }

var openAIChatModels = []string{"gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-5", "gpt-5-mini", "o4-mini"}
var openAIChatModelW = []float64{10, 15, 15, 15, 20, 15, 5}
var anthropicModels = []string{"claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-5", "claude-3-5-haiku-latest", "claude-sonnet-4-20250514"}
var anthropicModelW = []float64{45, 25, 15, 5, 10}

// prefs are one person's (or one program's) habitual request options.
type prefs struct {
	api       api
	model     string
	system    string
	maxTokens int
	temp      float64
	hasTemp   bool
	stream    bool
	usage     bool
	thinking  int
	effort    string
	chain     bool // responses: continue with previous_response_id
}

// personalPrefs draws the settings of an individual user of a chat client.
func personalPrefs(r *rand.Rand, anthropic bool, stream bool) prefs {
	p := prefs{stream: stream}
	if anthropic {
		p.api = apiMessages
		p.model = anthropicModels[pickW(r, anthropicModelW...)]
		p.maxTokens = pick(r, []int{1024, 2048, 4096, 4096, 8192, 8192})
		if chance(r, 0.1) {
			p.maxTokens = pick(r, []int{16000, 32000, 64000})
		}
		if chance(r, 0.15) && p.model != "claude-3-5-haiku-latest" {
			p.thinking = pick(r, []int{1024, 2048, 4096, 8000, 16000})
			p.maxTokens = max(p.maxTokens, p.thinking+pick(r, []int{2048, 4096, 8192}))
		} else if chance(r, 0.35) {
			p.temp, p.hasTemp = pick(r, []float64{0, 0.3, 0.5, 0.7, 1}), true
		}
		return p
	}
	p.api = apiChat
	if chance(r, 0.2) {
		p.api = apiResponses
		p.chain = chance(r, 0.5)
	}
	p.model = openAIChatModels[pickW(r, openAIChatModelW...)]
	if chance(r, 0.45) {
		p.maxTokens = pick(r, []int{512, 1000, 2048, 4096, 4096, 8192})
		if chance(r, 0.2) {
			p.maxTokens = pick(r, []int{16000, 16384, 32768})
		}
	}
	if reasoningModel(p.model) {
		if chance(r, 0.4) {
			p.effort = pick(r, []string{"minimal", "low", "medium", "high"})
		}
	} else if chance(r, 0.4) {
		p.temp, p.hasTemp = pick(r, []float64{0, 0.2, 0.5, 0.7, 0.7, 1, 1.2}), true
	}
	p.usage = stream && chance(r, 0.5)
	return p
}

func (p *prefs) call(msgs []msg) *call {
	c := &call{api: p.api, model: p.model, system: p.system, msgs: msgs}
	c.k.maxTokens = p.maxTokens
	if p.api == apiMessages && c.k.maxTokens == 0 {
		c.k.maxTokens = 4096
	}
	if p.hasTemp {
		c.k.setTemp(p.temp)
	}
	c.k.stream = p.stream
	c.k.streamUsage = p.usage && p.api == apiChat
	c.k.thinking = p.thinking
	c.k.effort = p.effort
	return c
}

// language shares of consumer chat traffic.
var chatLangs = []lang{en, zh, es, ja, de, fr, pt, ko, ru}
var chatLangW = []float64{62, 8, 8, 6, 4, 3, 3, 3, 3}

func countryOf(r *rand.Rand, l lang) string {
	switch l {
	case zh:
		return pick(r, []string{"TW", "TW", "US", "CN", "CA", "AU"})
	case ja:
		return "JP"
	case ko:
		return "KR"
	case es:
		return pick(r, []string{"ES", "MX", "MX", "AR", "US"})
	case de:
		return "DE"
	case fr:
		return pick(r, []string{"FR", "FR", "CA"})
	case pt:
		return pick(r, []string{"BR", "BR", "PT"})
	case ru:
		return pick(r, []string{"RU", "NL", "DE", "PL"})
	}
	return userCountries[pickW(r, userCountryW...)]
}

// chatTopic draws the topic of a consumer chat message.
func chatTopic(r *rand.Rand) topic {
	return topic(pickW(r,
		10, // math
		1,  // proof
		4,  // physics
		3,  // chemistry
		4,  // biology
		6,  // cs
		2,  // logic
		4,  // econ
		5,  // history
		10, // code
		5,  // debug
		13, // writing
		25, // everyday
	))
}

// sessionGap is the pause between two turns of a person typing.
func sessionGap(r *rand.Rand) time.Duration {
	return lognorm(r, 75*time.Second, 0.8, 12*time.Second, 12*time.Minute)
}
