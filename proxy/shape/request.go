package shape

import (
	"errors"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// Config says what the degrade measures do. Zero fields take the documented
// defaults. A Config is read-only once in use and may be shared.
type Config struct {
	// Measures are the measures to apply (limiter.Measure*).
	Measures limiter.Measures
	// MaxTokens is the clamp of max_tokens / max_completion_tokens /
	// max_output_tokens and the token budget after which a stream is ended.
	// Default 512.
	MaxTokens int
	// Model is the cheaper model requests are routed to; MeasureCheaperModel
	// does nothing when it is empty.
	Model string
	// ThinkingBudget caps Anthropic thinking.budget_tokens when reasoning is
	// stripped; 0 removes thinking from the request. A budget that does not
	// fit under the (clamped) max_tokens removes thinking too.
	ThinkingBudget int
	// ReasoningEffort replaces an OpenAI reasoning_effort / reasoning.effort
	// when reasoning is stripped. Default "low".
	ReasoningEffort string
	// TarpitDelay is the delay before each streamed event after the first.
	TarpitDelay time.Duration
	// TarpitMax bounds the total delay added to one stream. Default 60s.
	TarpitMax time.Duration
}

// DefaultMaxTokens is the default clamp.
const DefaultMaxTokens = 512

func (c *Config) maxTokens() int {
	if c.MaxTokens > 0 {
		return c.MaxTokens
	}
	return DefaultMaxTokens
}

func (c *Config) effort() string {
	if c.ReasoningEffort != "" {
		return c.ReasoningEffort
	}
	return "low"
}

func (c *Config) has(m limiter.Measures) bool { return c.Measures&m != 0 }

// ErrBody is returned by Request for a body that is not a JSON object.
var ErrBody = errors.New("shape: request body is not a JSON object")

// Rewriter rewrites request bodies. The zero value is ready to use; it keeps
// scratch space between calls and is not safe for concurrent use (pool it).
type Rewriter struct {
	ed   editor
	lv   [4][]item // scratch per nesting level
	del3 []bool
}

// Request appends to dst the body rewritten for endpoint ep: the measures
// of c that act on the request, and, when includeUsage is set, an OpenAI
// stream_options.include_usage:true so that a stream reports its usage.
// Only the fields a measure names change; every other byte passes as is.
// It returns ErrBody when body is not a JSON object.
func (w *Rewriter) Request(dst, body []byte, ep fingerprint.Endpoint, c *Config, includeUsage bool) ([]byte, error) {
	ed := &w.ed
	ed.reset()
	i := ws(body, 0)
	its, end, ok := members(body, i, ed.its[:0])
	ed.its = its
	if !ok {
		return dst, ErrBody
	}
	clamp := int64(c.maxTokens())
	del := ed.del[:0]
	for range its {
		del = append(del, false)
	}
	var maxTok int64 = -1 // Anthropic max_tokens after the clamp
	var thinking = -1
	hasMax := false
	for k, it := range its {
		key := string(it.key(body))
		v := it.val(body)
		switch key {
		case "max_tokens", "max_completion_tokens", "max_output_tokens":
			hasMax = true
			n, isInt := atoi(v)
			if c.has(limiter.MeasureClampTokens) && (!isInt || n > clamp) {
				ed.replaceInt(it.vs, it.ve, clamp)
				n = clamp
			}
			if key == "max_tokens" && isInt {
				maxTok = n
			}
		case "logprobs", "top_logprobs", "logit_bias":
			if c.has(limiter.MeasureDropLogprobs) {
				del[k] = true
			}
		case "n", "best_of":
			if c.has(limiter.MeasureForceN1) && string(v) != "1" && string(v) != "null" {
				ed.replace(it.vs, it.ve, "1")
			}
		case "model":
			if c.has(limiter.MeasureCheaperModel) && c.Model != "" {
				ed.replaceQuoted(it.vs, it.ve, c.Model)
			}
		case "reasoning_effort":
			if c.has(limiter.MeasureStripReasoning) && v[0] == '"' {
				ed.replaceQuoted(it.vs, it.ve, c.effort())
			}
		case "reasoning":
			if c.has(limiter.MeasureStripReasoning) && ep == fingerprint.EndpointResponses {
				w.reasoning(body, it, c)
			}
		case "include":
			if ep == fingerprint.EndpointResponses {
				w.include(body, it, c)
			}
		case "thinking":
			if ep == fingerprint.EndpointMessages {
				thinking = k
			}
		case "stream_options":
			if includeUsage {
				w.streamOptions(body, it)
				includeUsage = false
			}
		}
	}
	if thinking >= 0 {
		w.thinking(body, its, thinking, maxTok, c, del)
	}
	// members left after the deletions: an inserted member needs a comma
	// before it only after one of them (or an earlier insertion)
	kept := 0
	for _, d := range del {
		if !d {
			kept++
		}
	}
	if c.has(limiter.MeasureClampTokens) && !hasMax && ep != fingerprint.EndpointMessages {
		name := "max_tokens"
		switch ep {
		case fingerprint.EndpointChatCompletions:
			name = "max_completion_tokens"
		case fingerprint.EndpointResponses:
			name = "max_output_tokens"
		}
		ed.insertMember(end, kept, name, string(strconv64(clamp)))
		kept++
	}
	if includeUsage && (ep == fingerprint.EndpointChatCompletions || ep == fingerprint.EndpointCompletions) {
		ed.insertMember(end, kept, "stream_options", `{"include_usage":true}`)
	}
	ed.del = del
	ed.remove(its, del)
	return ed.apply(dst, body), nil
}

func strconv64(v int64) []byte {
	var b [20]byte
	i := len(b)
	if v == 0 {
		return []byte{'0'}
	}
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return b[i:]
}

// thinking caps or removes Anthropic's thinking member its[k].
func (w *Rewriter) thinking(body []byte, its []item, k int, maxTok int64, c *Config, del []bool) {
	ed := &w.ed
	it := its[k]
	sub, _, ok := members(body, it.vs, ed.its2[:0])
	ed.its2 = sub
	if !ok {
		return
	}
	typ, _ := find(body, sub, "type")
	if !isStr(typ.val(body), "enabled") && !isStr(typ.val(body), "adaptive") {
		return
	}
	b, hasBudget := find(body, sub, "budget_tokens")
	if !c.has(limiter.MeasureStripReasoning) {
		// a clamped max_tokens must stay above the thinking budget
		if n, isInt := atoi(b.val(body)); hasBudget && (!isInt || maxTok > 0 && n >= maxTok) {
			del[k] = true
		}
		return
	}
	budget := int64(c.ThinkingBudget)
	if budget <= 0 || (maxTok > 0 && budget >= maxTok) {
		del[k] = true
		return
	}
	if hasBudget {
		if n, isInt := atoi(b.val(body)); !isInt || n > budget {
			ed.replaceInt(b.vs, b.ve, budget)
		}
	}
}

// reasoning sets a Responses reasoning.effort to the configured effort and
// drops its summary request.
func (w *Rewriter) reasoning(body []byte, it item, c *Config) {
	ed := &w.ed
	sub, _, ok := members(body, it.vs, ed.its2[:0])
	ed.its2 = sub
	if !ok {
		return
	}
	for k, s := range sub {
		switch string(s.key(body)) {
		case "effort":
			if v := s.val(body); len(v) > 0 && v[0] == '"' {
				ed.replaceQuoted(s.vs, s.ve, c.effort())
			}
		case "summary", "generate_summary":
			ed.removeOne(sub, k)
		}
	}
}

// include drops the Responses include entries that ask for what a measure
// removes: output logprobs and encrypted reasoning.
func (w *Rewriter) include(body []byte, it item, c *Config) {
	ed := &w.ed
	els, _, ok := elements(body, it.vs, ed.its2[:0])
	ed.its2 = els
	if !ok {
		return
	}
	del := ed.del2[:0]
	for range els {
		del = append(del, false)
	}
	ed.del2 = del
	any := false
	for k, e := range els {
		v := e.val(body)
		if (c.has(limiter.MeasureDropLogprobs) && isStr(v, "message.output_text.logprobs")) ||
			(c.has(limiter.MeasureStripReasoning) && isStr(v, "reasoning.encrypted_content")) {
			del[k], any = true, true
		}
	}
	if any {
		ed.remove(els, del)
	}
}

// streamOptions makes stream_options.include_usage true.
func (w *Rewriter) streamOptions(body []byte, it item) {
	ed := &w.ed
	sub, end, ok := members(body, it.vs, ed.its2[:0])
	ed.its2 = sub
	if !ok {
		if string(it.val(body)) == "null" {
			ed.replace(it.vs, it.ve, `{"include_usage":true}`)
		}
		return
	}
	if u, ok := find(body, sub, "include_usage"); ok {
		if string(u.val(body)) != "true" {
			ed.replace(u.vs, u.ve, "true")
		}
		return
	}
	ed.insertMember(end, len(sub), "include_usage", "true")
}
