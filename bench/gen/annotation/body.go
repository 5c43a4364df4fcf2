package annotation

import (
	"math/rand/v2"
	"slices"
)

// Models offered behind the proxy.
var (
	oaiClassic   = []string{"gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano"}
	oaiReasoning = []string{"o3", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5.1"}
	antModels    = []string{"claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1", "claude-sonnet-4-20250514", "claude-3-5-haiku-latest", "claude-opus-4-5"}
	legacyModels = []string{"gpt-3.5-turbo-instruct", "davinci-002", "babbage-002"}
)

func isReasoning(model string) bool { return slices.Contains(oaiReasoning, model) }

func isThinkingCapable(model string) bool {
	return model != "claude-3-5-haiku-latest"
}

// toolDef is a function tool.
type toolDef struct {
	name, desc string
	params     *obj
}

func tool(name, desc string, props ...string) toolDef {
	p := newObj()
	var req []any
	for i := 0; i+1 < len(props); i += 2 {
		p.set(props[i], newObj("type", props[i+1]))
		req = append(req, props[i])
	}
	return toolDef{name: name, desc: desc, params: newObj("type", "object", "properties", p, "required", req)}
}

type toolCall struct {
	id   string // 24 letters and digits, dressed per dialect
	name string
	args *obj
}

type toolResult struct{ id, content string }

// turn is one message of a conversation.
type turn struct {
	user    bool
	text    string
	calls   []toolCall   // assistant
	results []toolResult // user: outputs of the previous turn's calls
}

func userTurn(s string) turn      { return turn{user: true, text: s} }
func assistantTurn(s string) turn { return turn{text: s} }

// knobs are the sampling and output settings of a request.
type knobs struct {
	model       string
	maxTok      int
	maxField    string // chat: "max_tokens" or "max_completion_tokens"
	temp        *fl
	topP        *fl
	topK        int
	stream      bool
	streamUsage bool
	n           int
	logprobs    bool
	topLogprobs int
	compLogprob int // completions: logprobs as a count
	seed        int
	hasSeed     bool
	effort      string // reasoning effort
	summary     string // responses: reasoning summary
	thinking    int    // messages: thinking budget
	format      string // "json_object", "json_schema" or ""
	schemaName  string
	schema      *obj
	tools       []toolDef
	toolChoice  string
	user        string
	stop        []string
	presence    fl
	frequency   fl
	store       *bool
	echo        bool
}

func ptr[T any](v T) *T { return &v }

// req is a request before serialisation.
type req struct {
	path     string
	system   string
	sysRole  string // chat: "system" or "developer"
	sysCache bool   // messages: system as a cached text block
	blocks   bool   // messages: user content as text blocks
	turns    []turn
	prompt   string // completions
	prevID   string // responses: previous_response_id
	k        knobs
}

func (q *req) body() *obj {
	switch q.path {
	case pathResponses:
		return q.responsesBody()
	case pathCompletions:
		return q.completionsBody()
	case pathMessages:
		return q.messagesBody()
	}
	return q.chatBody()
}

// encode serialises q as the account's client for its path would.
func (a *account) encode(q *req) []byte {
	cl := a.oai
	if q.path == pathMessages && a.ant != nil {
		cl = a.ant
	}
	return cl.st.encode(q.body(), q.path)
}

var argStyle = style{spaced: true}

func (q *req) chatBody() *obj {
	k := &q.k
	o := newObj("model", k.model)
	var msgs []any
	if q.system != "" {
		role := q.sysRole
		if role == "" {
			role = "system"
		}
		msgs = append(msgs, newObj("role", role, "content", q.system))
	}
	for _, t := range q.turns {
		switch {
		case t.user && len(t.results) > 0:
			for _, res := range t.results {
				msgs = append(msgs, newObj("role", "tool", "tool_call_id", "call_"+res.id, "content", res.content))
			}
			if t.text != "" {
				msgs = append(msgs, newObj("role", "user", "content", t.text))
			}
		case t.user:
			msgs = append(msgs, newObj("role", "user", "content", t.text))
		default:
			m := newObj("role", "assistant")
			if t.text != "" || len(t.calls) == 0 {
				m.set("content", t.text)
			} else {
				m.set("content", nil)
			}
			if len(t.calls) > 0 {
				var calls []any
				for _, c := range t.calls {
					calls = append(calls, newObj("id", "call_"+c.id, "type", "function", "function",
						newObj("name", c.name, "arguments", string(argStyle.encode(c.args, "")))))
				}
				m.set("tool_calls", calls)
			}
			msgs = append(msgs, m)
		}
	}
	o.set("messages", msgs)
	if k.temp != nil {
		o.set("temperature", *k.temp)
	}
	if k.topP != nil {
		o.set("top_p", *k.topP)
	}
	if k.maxTok > 0 {
		f := k.maxField
		if f == "" {
			f = "max_tokens"
		}
		o.set(f, k.maxTok)
	}
	if k.n > 1 {
		o.set("n", k.n)
	}
	if k.logprobs {
		o.set("logprobs", true)
		if k.topLogprobs > 0 {
			o.set("top_logprobs", k.topLogprobs)
		}
	}
	if k.hasSeed {
		o.set("seed", k.seed)
	}
	if k.effort != "" {
		o.set("reasoning_effort", k.effort)
	}
	switch k.format {
	case "json_object":
		o.set("response_format", newObj("type", "json_object"))
	case "json_schema":
		o.set("response_format", newObj("type", "json_schema", "json_schema", newObj("name", k.schemaName, "strict", true, "schema", k.schema)))
	}
	if len(k.tools) > 0 {
		var ts []any
		for _, t := range k.tools {
			ts = append(ts, newObj("type", "function", "function", newObj("name", t.name, "description", t.desc, "parameters", t.params)))
		}
		o.set("tools", ts)
		if k.toolChoice != "" {
			o.set("tool_choice", k.toolChoice)
		}
	}
	if len(k.stop) > 0 {
		o.set("stop", k.stop)
	}
	if k.presence != 0 {
		o.set("presence_penalty", k.presence)
	}
	if k.frequency != 0 {
		o.set("frequency_penalty", k.frequency)
	}
	if k.user != "" {
		o.set("user", k.user)
	}
	if k.stream {
		o.set("stream", true)
		if k.streamUsage {
			o.set("stream_options", newObj("include_usage", true))
		}
	}
	return o
}

func (q *req) responsesBody() *obj {
	k := &q.k
	o := newObj("model", k.model)
	if q.system != "" {
		o.set("instructions", q.system)
	}
	if len(q.turns) == 1 && q.turns[0].user && len(q.turns[0].results) == 0 && q.prevID == "" {
		o.set("input", q.turns[0].text)
	} else {
		var items []any
		for _, t := range q.turns {
			for _, res := range t.results {
				items = append(items, newObj("type", "function_call_output", "call_id", "call_"+res.id, "output", res.content))
			}
			if t.text != "" {
				role := "assistant"
				if t.user {
					role = "user"
				}
				items = append(items, newObj("role", role, "content", t.text))
			}
			for _, c := range t.calls {
				items = append(items, newObj("type", "function_call", "call_id", "call_"+c.id, "name", c.name, "arguments", string(argStyle.encode(c.args, ""))))
			}
		}
		o.set("input", items)
	}
	if q.prevID != "" {
		o.set("previous_response_id", q.prevID)
	}
	if k.effort != "" {
		rs := newObj("effort", k.effort)
		if k.summary != "" {
			rs.set("summary", k.summary)
		}
		o.set("reasoning", rs)
	}
	if k.maxTok > 0 {
		o.set("max_output_tokens", k.maxTok)
	}
	if k.temp != nil {
		o.set("temperature", *k.temp)
	}
	if k.topP != nil {
		o.set("top_p", *k.topP)
	}
	if len(k.tools) > 0 {
		var ts []any
		for _, t := range k.tools {
			ts = append(ts, newObj("type", "function", "name", t.name, "description", t.desc, "parameters", t.params))
		}
		o.set("tools", ts)
	}
	switch k.format {
	case "json_object":
		o.set("text", newObj("format", newObj("type", "json_object")))
	case "json_schema":
		o.set("text", newObj("format", newObj("type", "json_schema", "name", k.schemaName, "strict", true, "schema", k.schema)))
	}
	if k.store != nil {
		o.set("store", *k.store)
	}
	if k.user != "" {
		o.set("user", k.user)
	}
	if k.stream {
		o.set("stream", true)
	}
	return o
}

func (q *req) completionsBody() *obj {
	k := &q.k
	o := newObj("model", k.model, "prompt", q.prompt)
	if k.maxTok > 0 {
		o.set("max_tokens", k.maxTok)
	}
	if k.temp != nil {
		o.set("temperature", *k.temp)
	}
	if k.topP != nil {
		o.set("top_p", *k.topP)
	}
	if k.n > 1 {
		o.set("n", k.n)
	}
	if k.compLogprob > 0 {
		o.set("logprobs", k.compLogprob)
	}
	if k.echo {
		o.set("echo", true)
	}
	if len(k.stop) > 0 {
		o.set("stop", k.stop)
	}
	if k.hasSeed {
		o.set("seed", k.seed)
	}
	return o
}

func (q *req) messagesBody() *obj {
	k := &q.k
	o := newObj("model", k.model, "max_tokens", k.maxTok)
	if q.system != "" {
		if q.sysCache {
			o.set("system", []any{newObj("type", "text", "text", q.system, "cache_control", newObj("type", "ephemeral"))})
		} else {
			o.set("system", q.system)
		}
	}
	var msgs []any
	for _, t := range q.turns {
		if t.user {
			if len(t.results) > 0 {
				var blocks []any
				for _, res := range t.results {
					blocks = append(blocks, newObj("type", "tool_result", "tool_use_id", "toolu_01"+res.id[:22], "content", res.content))
				}
				if t.text != "" {
					blocks = append(blocks, newObj("type", "text", "text", t.text))
				}
				msgs = append(msgs, newObj("role", "user", "content", blocks))
			} else if q.blocks {
				msgs = append(msgs, newObj("role", "user", "content", []any{newObj("type", "text", "text", t.text)}))
			} else {
				msgs = append(msgs, newObj("role", "user", "content", t.text))
			}
			continue
		}
		if len(t.calls) == 0 {
			msgs = append(msgs, newObj("role", "assistant", "content", t.text))
			continue
		}
		var blocks []any
		if t.text != "" {
			blocks = append(blocks, newObj("type", "text", "text", t.text))
		}
		for _, c := range t.calls {
			blocks = append(blocks, newObj("type", "tool_use", "id", "toolu_01"+c.id[:22], "name", c.name, "input", c.args))
		}
		msgs = append(msgs, newObj("role", "assistant", "content", blocks))
	}
	o.set("messages", msgs)
	if k.thinking > 0 {
		o.set("thinking", newObj("type", "enabled", "budget_tokens", k.thinking))
	} else {
		if k.temp != nil {
			o.set("temperature", *k.temp)
		}
		if k.topP != nil {
			o.set("top_p", *k.topP)
		}
		if k.topK > 0 {
			o.set("top_k", k.topK)
		}
	}
	if len(k.tools) > 0 {
		var ts []any
		for _, t := range k.tools {
			ts = append(ts, newObj("name", t.name, "description", t.desc, "input_schema", t.params))
		}
		o.set("tools", ts)
		if k.toolChoice != "" {
			o.set("tool_choice", newObj("type", k.toolChoice))
		}
	}
	if len(k.stop) > 0 {
		o.set("stop_sequences", k.stop)
	}
	if k.user != "" {
		o.set("metadata", newObj("user_id", k.user))
	}
	if k.stream {
		o.set("stream", true)
	}
	return o
}

func newCallID(r *rand.Rand) string { return randStr(r, base62, 24) }

func respID(r *rand.Rand) string { return "resp_" + randStr(r, "0123456789abcdef", 48) }

// temps is a temperature drawn from what people set.
func temps(r *rand.Rand) *fl {
	return ptr(fl(pick(r, []float64{0, 0.2, 0.3, 0.5, 0.7, 0.7, 0.8, 1})))
}
