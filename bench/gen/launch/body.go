package launch

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

const (
	pathChat      = "/v1/chat/completions"
	pathResponses = "/v1/responses"
	pathMessages  = "/v1/messages"
)

// msg is one turn of a conversation.
type msg struct {
	role string // "user" or "assistant"
	text string
}

// request is what a call asks for, independent of the dialect it is sent
// in; encode turns it into the body of one path.
type request struct {
	model     string
	system    string
	msgs      []msg // the conversation so far, the new user turn last
	maxTokens int   // 0: not set
	maxField  string
	temp      float64 // < 0: not set
	stream    bool
	thinking  int    // /v1/messages: thinking budget, 0 none
	effort    string // OpenAI reasoning effort, "" none
	prevID    string // /v1/responses: previous_response_id; input is the last turn only
	user      string // end-user id (chat "user", messages metadata.user_id)
	seed      int    // 0: not set
}

// kv is one member of a JSON object being built.
type kv struct {
	k string
	v any // string, int, float64, bool, []kv, [][]kv
}

// jstyle is how a client library writes JSON.
type jstyle struct {
	spaced  bool // ", " and ": " (Python's json.dumps defaults)
	ascii   bool // non-ASCII as \u escapes
	pyFloat bool // 1.0 rather than 1
	sorted  bool // keys sorted (a Python SDK's parameter order)
	lead    bool // "messages" and "model" before the sorted rest (openai-python chat)
}

func (c *client) encode(q *request, path string) []byte {
	var top []kv
	switch path {
	case pathChat:
		top = chatBody(q)
	case pathResponses:
		top = responsesBody(q)
	default:
		top = messagesBody(q)
	}
	st := c.js
	if st.sorted {
		top = sortKV(top, st.lead && path == pathChat)
	}
	return st.value(make([]byte, 0, 512), top)
}

func sortKV(o []kv, lead bool) []kv {
	out := slices.Clone(o)
	slices.SortStableFunc(out, func(a, b kv) int {
		if lead {
			ra, rb := leadRank(a.k), leadRank(b.k)
			if ra != rb {
				return ra - rb
			}
		}
		return strings.Compare(a.k, b.k)
	})
	return out
}

func leadRank(k string) int {
	switch k {
	case "messages":
		return 0
	case "model":
		return 1
	}
	return 2
}

func textMsgs(q *request, withSystem bool) [][]kv {
	var out [][]kv
	if withSystem && q.system != "" {
		out = append(out, []kv{{"role", "system"}, {"content", q.system}})
	}
	for _, m := range q.msgs {
		out = append(out, []kv{{"role", m.role}, {"content", m.text}})
	}
	return out
}

func chatBody(q *request) []kv {
	o := []kv{{"model", q.model}, {"messages", textMsgs(q, true)}}
	if q.maxTokens > 0 {
		f := q.maxField
		if f == "" {
			f = "max_tokens"
		}
		o = append(o, kv{f, q.maxTokens})
	}
	if q.temp >= 0 {
		o = append(o, kv{"temperature", q.temp})
	}
	if q.effort != "" {
		o = append(o, kv{"reasoning_effort", q.effort})
	}
	if q.seed != 0 {
		o = append(o, kv{"seed", q.seed})
	}
	if q.user != "" {
		o = append(o, kv{"user", q.user})
	}
	if q.stream {
		o = append(o, kv{"stream", true}, kv{"stream_options", []kv{{"include_usage", true}}})
	}
	return o
}

func responsesBody(q *request) []kv {
	o := []kv{{"model", q.model}}
	if q.system != "" {
		o = append(o, kv{"instructions", q.system})
	}
	switch {
	case q.prevID != "":
		o = append(o, kv{"input", q.msgs[len(q.msgs)-1].text}, kv{"previous_response_id", q.prevID})
	case len(q.msgs) == 1:
		o = append(o, kv{"input", q.msgs[0].text})
	default:
		o = append(o, kv{"input", textMsgs(q, false)})
	}
	if q.maxTokens > 0 {
		o = append(o, kv{"max_output_tokens", q.maxTokens})
	}
	if q.effort != "" {
		o = append(o, kv{"reasoning", []kv{{"effort", q.effort}, {"summary", "auto"}}})
	}
	if q.temp >= 0 {
		o = append(o, kv{"temperature", q.temp})
	}
	if q.user != "" {
		o = append(o, kv{"user", q.user})
	}
	if q.stream {
		o = append(o, kv{"stream", true})
	}
	return o
}

func messagesBody(q *request) []kv {
	o := []kv{{"model", q.model}, {"max_tokens", max(q.maxTokens, q.thinking+1024, 256)}}
	if q.system != "" {
		o = append(o, kv{"system", q.system})
	}
	o = append(o, kv{"messages", textMsgs(q, false)})
	if q.thinking > 0 {
		o = append(o, kv{"thinking", []kv{{"type", "enabled"}, {"budget_tokens", q.thinking}}})
	} else if q.temp >= 0 {
		o = append(o, kv{"temperature", q.temp})
	}
	if q.user != "" {
		o = append(o, kv{"metadata", []kv{{"user_id", q.user}}})
	}
	if q.stream {
		o = append(o, kv{"stream", true})
	}
	return o
}

func (s jstyle) sep(b []byte, c byte) []byte {
	b = append(b, c)
	if s.spaced {
		b = append(b, ' ')
	}
	return b
}

func (s jstyle) value(b []byte, v any) []byte {
	switch v := v.(type) {
	case string:
		return s.str(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case float64:
		b = strconv.AppendFloat(b, v, 'f', -1, 64)
		if s.pyFloat && v == float64(int64(v)) {
			b = append(b, ".0"...)
		}
		return b
	case bool:
		return strconv.AppendBool(b, v)
	case []kv:
		b = append(b, '{')
		for i, m := range v {
			if i > 0 {
				b = s.sep(b, ',')
			}
			b = s.str(b, m.k)
			b = s.sep(b, ':')
			b = s.value(b, m.v)
		}
		return append(b, '}')
	case [][]kv:
		b = append(b, '[')
		for i, m := range v {
			if i > 0 {
				b = s.sep(b, ',')
			}
			b = s.value(b, m)
		}
		return append(b, ']')
	}
	panic("launch: cannot encode a value")
}

func (s jstyle) str(b []byte, v string) []byte {
	if !s.ascii {
		return tracefmt.AppendStringKeepHTML(b, v)
	}
	b = append(b, '"')
	for _, r := range v {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x20 || r >= utf8.RuneSelf && r <= 0xffff:
			b = append(b, `\u`...)
			b = append(b, hex4(int(r))...)
		case r > 0xffff:
			r -= 0x10000
			b = append(b, `\u`...)
			b = append(b, hex4(0xd800+int(r>>10))...)
			b = append(b, `\u`...)
			b = append(b, hex4(0xdc00+int(r&0x3ff))...)
		default:
			b = append(b, byte(r))
		}
	}
	return append(b, '"')
}

func hex4(x int) string {
	s := strconv.FormatInt(int64(x), 16)
	return strings.Repeat("0", 4-len(s)) + s
}
