package supportchat

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"
)

// Config sets up one generated scenario.
type Config struct {
	Seed int64
	// Scale multiplies accounts and volumes of every class; 1 is the full
	// scenario (about 60 thousand records over six hours).
	Scale float64
	// Start is the first instant of the scenario; Duration its length.
	Start    time.Time
	Duration time.Duration
}

// Default returns the full scenario: six simulated hours.
func Default() Config {
	return Config{Seed: 4127, Scale: 1, Start: time.Date(2026, 5, 21, 12, 0, 0, 0, time.UTC), Duration: 6 * time.Hour}
}

// Small returns a reduced scenario for tests: a quarter of the accounts
// over two hours.
func Small() Config {
	c := Default()
	c.Scale, c.Duration = 0.25, 2*time.Hour
	return c
}

// Legitimate and campaign classes. Where a class matches one of
// internal/sim's, it carries the same name so that reports line up.
const (
	ClassChat      = "human_chat"
	ClassSupport   = "rag_app"
	ClassEval      = "batch_eval"
	ClassAgent     = "popular_tool"
	ClassGateway   = "enterprise"
	ClassClassroom = "new_signups"
	ClassTutor     = "tutoring"
	ClassBatch     = "batch_translate"
	ClassCustomer  = "reseller_customer"

	ClassNaive     = "naive"
	ClassDisguised = "disguised"
	ClassLogprob   = "logprob"
	ClassRubric    = "rubric_harvest"
	ClassHarvest   = "reseller_harvest"
)

// Classes lists every class the generator emits, legitimate first.
var Classes = []string{ClassChat, ClassSupport, ClassEval, ClassAgent, ClassGateway, ClassClassroom, ClassTutor, ClassBatch, ClassCustomer,
	ClassNaive, ClassDisguised, ClassLogprob, ClassRubric, ClassHarvest}

// IsCampaign reports whether class is a distillation campaign.
func IsCampaign(class string) bool {
	switch class {
	case ClassNaive, ClassDisguised, ClassLogprob, ClassRubric, ClassHarvest:
		return true
	}
	return false
}

type account struct {
	id     string
	key    string
	client *client
	ip     string
	d      dialect
}

type event struct {
	rec   Record
	label Label
}

type gen struct {
	cfg        Config
	start, end time.Time
	events     []event
}

// Generate builds the scenario and calls emit for each record and its
// label in timestamp order.
func Generate(cfg Config, emit func(Record, Label) error) error {
	if cfg.Scale <= 0 || math.IsNaN(cfg.Scale) || math.IsInf(cfg.Scale, 0) {
		return errors.New("supportchat: scale must be positive")
	}
	if cfg.Duration < 10*time.Minute {
		return errors.New("supportchat: duration must be at least 10 minutes")
	}
	if cfg.Start.IsZero() {
		cfg.Start = Default().Start
	}
	g := &gen{cfg: cfg, start: cfg.Start.UTC().Truncate(time.Millisecond)}
	g.end = g.start.Add(cfg.Duration)
	classes := []struct {
		name string
		fn   func(*gen, *rand.Rand)
	}{
		{ClassChat, (*gen).chat},
		{ClassSupport, (*gen).support},
		{ClassEval, (*gen).eval},
		{ClassAgent, (*gen).agent},
		{ClassGateway, (*gen).gateway},
		{ClassClassroom, (*gen).classroom},
		{ClassTutor, (*gen).tutor},
		{ClassBatch, (*gen).batch},
		{ClassNaive, (*gen).naive},
		{ClassDisguised, (*gen).disguised},
		{ClassLogprob, (*gen).logprob},
		{ClassRubric, (*gen).rubric},
		{"reseller", (*gen).reseller},
	}
	for _, c := range classes {
		h := fnv.New64a()
		h.Write([]byte(c.name))
		c.fn(g, rand.New(rand.NewPCG(uint64(cfg.Seed), h.Sum64())))
	}
	sort.SliceStable(g.events, func(i, j int) bool { return g.events[i].rec.TS.Before(g.events[j].rec.TS) })
	ids := rand.New(rand.NewPCG(uint64(cfg.Seed), 0x5eed1d5))
	seen := make(map[string]bool, len(g.events))
	for i := range g.events {
		e := &g.events[i]
		for {
			id := fmt.Sprintf("%08x%012x", ids.Uint32(), ids.Uint64()&0xffffffffffff)
			if !seen[id] {
				seen[id] = true
				e.rec.RequestID, e.label.RequestID = id, id
				break
			}
		}
		if err := emit(e.rec, e.label); err != nil {
			return err
		}
	}
	return nil
}

// n scales a count, at least min.
func (g *gen) n(base float64, min int) int {
	v := int(math.Round(base * g.cfg.Scale))
	if v < min {
		return min
	}
	return v
}

// at returns the instant frac of the way through the scenario.
func (g *gen) at(frac float64) time.Time {
	return g.start.Add(time.Duration(frac * float64(g.end.Sub(g.start))))
}

// diurnal is the relative activity of people at t: the window runs from
// European afternoon into American morning, so it rises with a dip.
func (g *gen) diurnal(t time.Time) float64 {
	h := float64(t.UTC().Hour()) + float64(t.UTC().Minute())/60
	return 0.55 + 0.35*math.Sin((h-9)/24*2*math.Pi) + 0.25*math.Exp(-(h-16)*(h-16)/2)
}

// humanTime draws a time following the diurnal curve.
func (g *gen) humanTime(r *rand.Rand) time.Time {
	span := g.end.Sub(g.start)
	for {
		t := g.start.Add(time.Duration(r.Float64() * float64(span)))
		if r.Float64()*1.3 < g.diurnal(t) {
			return t
		}
	}
}

func sec(f float64) time.Duration { return time.Duration(f * float64(time.Second)) }

// expSec draws an exponential gap with the given mean in seconds.
func expSec(r *rand.Rand, mean float64) time.Duration { return sec(r.ExpFloat64() * mean) }

// send records one request. It drops requests outside the window.
func (g *gen) send(t time.Time, a *account, ip string, d dialect, body []byte, class string, retry int, stream bool) {
	if t.Before(g.start) || !t.Before(g.end) {
		return
	}
	if ip == "" {
		ip = a.ip
	}
	rec := Record{
		TS:      t.Truncate(time.Millisecond),
		IP:      ip,
		Method:  "POST",
		Path:    d.path(),
		Headers: a.client.headers(a.key, d, len(body), retry, stream),
		JA4:     a.client.ja4,
		Body:    body,
	}
	g.events = append(g.events, event{rec: rec, label: Label{Class: class, Campaign: IsCampaign(class), Account: a.id}})
}

func (g *gen) newAccount(r *rand.Rand, id string, c *client, ip string, d dialect) *account {
	return &account{id: id, key: newKey(r, d), client: c, ip: ip, d: d}
}

// dialectOf returns the dialect a client speaks by default.
func dialectOf(r *rand.Rand, c *client) dialect {
	switch c.kind {
	case kAnthropicPy, kAnthropicTS, kBrowser:
		return messagesAPI
	case kOpenAIPy, kOpenAINode, kOpenAIGo:
		if r.IntN(4) == 0 {
			return responsesAPI
		}
		return chatAPI
	}
	return pick(r, []dialect{chatAPI, chatAPI, messagesAPI})
}

// Request bodies ----------------------------------------------------------

type msg struct {
	role    string
	content any // string or raw content blocks
}

type knobs struct {
	model       string
	system      any // string or raw blocks; nil for none
	maxTokens   int // 0: leave out (where the API allows it)
	temperature float64
	setTemp     bool
	stream      bool
	effort      string // reasoning effort (OpenAI) or "" for none
	thinking    int    // Anthropic thinking budget, 0 for none
	tools       raw
	extra       obj // further knobs, appended in order
}

var (
	openaiModels    = []string{"gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "gpt-5-mini", "gpt-5"}
	reasoningModels = []string{"o3", "o4-mini", "gpt-5", "gpt-5-mini"}
	anthropicModels = []string{"claude-sonnet-4-5", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1", "claude-3-5-haiku-latest"}
)

func modelFor(r *rand.Rand, d dialect, reasoning bool) string {
	if d == messagesAPI {
		return pick(r, anthropicModels[:4])
	}
	if reasoning {
		return pick(r, reasoningModels)
	}
	return pick(r, openaiModels)
}

// body renders a request in dialect d. pySort orders keys the way the
// Python and Go SDKs serialise them.
func body(d dialect, k knobs, msgs []msg, c *client) []byte {
	var o obj
	switch d {
	case chatAPI:
		var ms []obj
		if k.system != nil {
			role := "system"
			if k.effort != "" {
				role = "developer"
			}
			ms = append(ms, obj{{"role", role}, {"content", k.system}})
		}
		for _, m := range msgs {
			ms = append(ms, obj{{"role", m.role}, {"content", m.content}})
		}
		o = obj{{"model", k.model}, {"messages", ms}}
		if k.maxTokens > 0 {
			if k.effort != "" {
				o = o.Set("max_completion_tokens", k.maxTokens)
			} else {
				o = o.Set("max_tokens", k.maxTokens)
			}
		}
		if k.setTemp {
			o = o.Set("temperature", k.temperature)
		}
		if k.effort != "" {
			o = o.Set("reasoning_effort", k.effort)
		}
		o = append(o, k.extra...)
		if k.stream {
			o = o.Set("stream", true).Set("stream_options", obj{{"include_usage", true}})
		}
	case responsesAPI:
		o = obj{{"model", k.model}}
		if k.system != nil {
			o = o.Set("instructions", k.system)
		}
		if len(msgs) == 1 {
			o = o.Set("input", msgs[0].content)
		} else {
			var ms []obj
			for _, m := range msgs {
				ms = append(ms, obj{{"role", m.role}, {"content", m.content}})
			}
			o = o.Set("input", ms)
		}
		if k.maxTokens > 0 {
			o = o.Set("max_output_tokens", k.maxTokens)
		}
		if k.setTemp && k.effort == "" {
			o = o.Set("temperature", k.temperature)
		}
		if k.effort != "" {
			o = o.Set("reasoning", obj{{"effort", k.effort}, {"summary", "auto"}})
		}
		o = append(o, k.extra...)
		if k.stream {
			o = o.Set("stream", true)
		}
	case messagesAPI:
		mt := k.maxTokens
		if mt == 0 {
			mt = 1024
		}
		if k.thinking > 0 && mt <= k.thinking {
			mt = k.thinking + 4096
		}
		o = obj{{"model", k.model}, {"max_tokens", mt}}
		if k.system != nil {
			o = o.Set("system", k.system)
		}
		var ms []obj
		for _, m := range msgs {
			ms = append(ms, obj{{"role", m.role}, {"content", m.content}})
		}
		o = o.Set("messages", ms)
		if k.tools != nil {
			o = o.Set("tools", k.tools)
		}
		if k.setTemp && k.thinking == 0 {
			o = o.Set("temperature", k.temperature)
		}
		if k.thinking > 0 {
			o = o.Set("thinking", obj{{"type", "enabled"}, {"budget_tokens", k.thinking}})
		}
		o = append(o, k.extra...)
		if k.stream {
			o = o.Set("stream", true)
		}
	}
	if c != nil && (c.kind == kOpenAIPy || c.kind == kAnthropicPy || c.kind == kOpenAIGo) {
		// the Python SDKs build the body from a typed dict in
		// declaration order, which is alphabetical after the
		// required fields
		first := map[string]int{"messages": 0, "model": 1}
		if d == messagesAPI {
			first = map[string]int{"max_tokens": 0, "messages": 1, "model": 2}
		}
		slices.SortStableFunc(o, func(a, b kv) int {
			ia, oka := first[a.Key]
			ib, okb := first[b.Key]
			switch {
			case oka && okb:
				return ia - ib
			case oka:
				return -1
			case okb:
				return 1
			}
			if a.Key < b.Key {
				return -1
			}
			if a.Key > b.Key {
				return 1
			}
			return 0
		})
	}
	return marshal(o)
}
