package stepwise

import (
	"strconv"
	"unicode/utf8"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

const (
	pathChat      = "/v1/chat/completions"
	pathResponses = "/v1/responses"
	pathMessages  = "/v1/messages"
)

// turn is one message of a conversation.
type turn struct {
	role, text string
}

// query is what one request asks, whatever the dialect; body renders it
// for a path.
type query struct {
	model     string
	system    string
	turns     []turn // the last is the new user message
	maxTokens int    // 0: unset
	newMax    bool   // chat: max_completion_tokens rather than max_tokens
	temp      float64
	hasTemp   bool
	topP      float64 // 0: unset
	n         int     // chat: 0 or 1 unset
	stream    bool
	thinking  int    // messages: thinking budget, 0 none
	effort    string // OpenAI reasoning effort, "" unset
	user      string // end-user id, "" unset
	seed      int    // chat: 0 unset
	store     bool   // responses: store
	jsonMode  bool   // chat: response_format json_object
}

// reasoningModel reports whether an OpenAI model takes reasoning effort
// and no temperature.
func reasoningModel(m string) bool {
	switch m {
	case "o3", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5-nano":
		return true
	}
	return false
}

// field is a member of a JSON object under construction.
type field struct {
	k string
	v any // string, int, float64, bool, []field (object), []any (array)
}

// encoding is how a library serialises JSON.
type encoding struct {
	spaced     bool // ", " and ": " between items
	ascii      bool // non-ASCII escaped as \uXXXX
	floatDot   bool // 1.0 rather than 1
	htmlEscape bool // <, >, & escaped
}

func (sw *software) body(q *query, path string) []byte {
	var o []field
	switch path {
	case pathChat:
		o = chatFields(q)
	case pathResponses:
		o = responsesFields(q)
	default:
		o = messagesFields(q)
	}
	return sw.enc.object(make([]byte, 0, 1024), o)
}

func chatFields(q *query) []field {
	var msgs []any
	if q.system != "" {
		role := "system"
		if reasoningModel(q.model) {
			role = "developer"
		}
		msgs = append(msgs, []field{{"role", role}, {"content", q.system}})
	}
	for _, t := range q.turns {
		msgs = append(msgs, []field{{"role", t.role}, {"content", t.text}})
	}
	o := []field{{"model", q.model}, {"messages", msgs}}
	if q.maxTokens > 0 {
		if q.newMax || reasoningModel(q.model) {
			o = append(o, field{"max_completion_tokens", q.maxTokens})
		} else {
			o = append(o, field{"max_tokens", q.maxTokens})
		}
	}
	if q.hasTemp && !reasoningModel(q.model) {
		o = append(o, field{"temperature", q.temp})
	}
	if q.topP > 0 && !reasoningModel(q.model) {
		o = append(o, field{"top_p", q.topP})
	}
	if q.n > 1 {
		o = append(o, field{"n", q.n})
	}
	if q.effort != "" && reasoningModel(q.model) {
		o = append(o, field{"reasoning_effort", q.effort})
	}
	if q.seed != 0 {
		o = append(o, field{"seed", q.seed})
	}
	if q.jsonMode {
		o = append(o, field{"response_format", []field{{"type", "json_object"}}})
	}
	if q.user != "" {
		o = append(o, field{"user", q.user})
	}
	if q.stream {
		o = append(o, field{"stream", true}, field{"stream_options", []field{{"include_usage", true}}})
	}
	return o
}

func responsesFields(q *query) []field {
	o := []field{{"model", q.model}}
	if len(q.turns) == 1 {
		o = append(o, field{"input", q.turns[0].text})
	} else {
		var in []any
		for _, t := range q.turns {
			in = append(in, []field{{"role", t.role}, {"content", t.text}})
		}
		o = append(o, field{"input", in})
	}
	if q.system != "" {
		o = append(o, field{"instructions", q.system})
	}
	if q.maxTokens > 0 {
		o = append(o, field{"max_output_tokens", q.maxTokens})
	}
	if q.hasTemp && !reasoningModel(q.model) {
		o = append(o, field{"temperature", q.temp})
	}
	if q.effort != "" && reasoningModel(q.model) {
		o = append(o, field{"reasoning", []field{{"effort", q.effort}, {"summary", "auto"}}})
	}
	o = append(o, field{"store", q.store})
	if q.user != "" {
		o = append(o, field{"safety_identifier", q.user})
	}
	if q.stream {
		o = append(o, field{"stream", true})
	}
	return o
}

func messagesFields(q *query) []field {
	max := q.maxTokens
	if max == 0 {
		max = 4096
	}
	if q.thinking > 0 && q.thinking >= max {
		max = q.thinking + 4096
	}
	o := []field{{"model", q.model}, {"max_tokens", max}}
	if q.system != "" {
		o = append(o, field{"system", q.system})
	}
	var msgs []any
	for _, t := range q.turns {
		msgs = append(msgs, []field{{"role", t.role}, {"content", t.text}})
	}
	o = append(o, field{"messages", msgs})
	if q.thinking > 0 {
		o = append(o, field{"thinking", []field{{"type", "enabled"}, {"budget_tokens", q.thinking}}})
	} else if q.hasTemp {
		o = append(o, field{"temperature", q.temp})
	}
	if q.user != "" {
		o = append(o, field{"metadata", []field{{"user_id", q.user}}})
	}
	if q.stream {
		o = append(o, field{"stream", true})
	}
	return o
}

func (e encoding) sep(b []byte, c byte) []byte {
	b = append(b, c)
	if e.spaced {
		b = append(b, ' ')
	}
	return b
}

func (e encoding) object(b []byte, o []field) []byte {
	b = append(b, '{')
	for i, f := range o {
		if i > 0 {
			b = e.sep(b, ',')
		}
		b = e.str(b, f.k)
		b = e.sep(b, ':')
		b = e.value(b, f.v)
	}
	return append(b, '}')
}

func (e encoding) value(b []byte, v any) []byte {
	switch x := v.(type) {
	case string:
		return e.str(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case float64:
		if e.floatDot && x == float64(int64(x)) {
			return strconv.AppendFloat(b, x, 'f', 1, 64)
		}
		return strconv.AppendFloat(b, x, 'g', -1, 64)
	case bool:
		return strconv.AppendBool(b, x)
	case []field:
		return e.object(b, x)
	case []any:
		b = append(b, '[')
		for i, y := range x {
			if i > 0 {
				b = e.sep(b, ',')
			}
			b = e.value(b, y)
		}
		return append(b, ']')
	}
	panic("stepwise: cannot encode value")
}

func (e encoding) str(b []byte, s string) []byte {
	if !e.ascii {
		if e.htmlEscape {
			return tracefmt.AppendString(b, s)
		}
		return tracefmt.AppendStringKeepHTML(b, s)
	}
	// Python's json.dumps with ensure_ascii: everything beyond ASCII as
	// \uXXXX, astral characters as surrogate pairs.
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return tracefmt.AppendStringKeepHTML(b, s)
	}
	const hx = "0123456789abcdef"
	u := func(b []byte, r rune) []byte {
		return append(b, '\\', 'u', hx[r>>12&15], hx[r>>8&15], hx[r>>4&15], hx[r&15])
	}
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r >= 0x10000:
			r -= 0x10000
			b = u(b, 0xd800+(r>>10))
			b = u(b, 0xdc00+(r&0x3ff))
		case r >= utf8.RuneSelf:
			b = u(b, r)
		default:
			q := tracefmt.AppendStringKeepHTML(nil, string(r))
			b = append(b, q[1:len(q)-1]...)
		}
	}
	return append(b, '"')
}
