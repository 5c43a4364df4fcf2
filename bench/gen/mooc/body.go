package mooc

import (
	"slices"
	"strings"
)

// api is the endpoint (and so the dialect) of a request.
type api uint8

const (
	apiChat        api = iota // OpenAI /v1/chat/completions
	apiResponses              // OpenAI /v1/responses
	apiCompletions            // OpenAI /v1/completions (legacy)
	apiMessages               // Anthropic /v1/messages
)

func (a api) path() string {
	switch a {
	case apiResponses:
		return "/v1/responses"
	case apiCompletions:
		return "/v1/completions"
	case apiMessages:
		return "/v1/messages"
	}
	return "/v1/chat/completions"
}

func (a api) anthropic() bool { return a == apiMessages }

// msg is one turn of a conversation, independent of the dialect.
type msg struct {
	role     string // "user", "assistant" or "tool"
	text     string
	thinking string     // assistant: a thinking block (Anthropic, with thinking on)
	calls    []toolCall // assistant: tool calls
	callID   string     // tool: the call this is the result of
}

type toolCall struct {
	id, name, args string // args: JSON object text
}

type toolDef struct {
	name, desc, schema string // schema: JSON schema text
}

type toolset struct {
	defs []toolDef
}

// knobs are the sampling and output options of a request; zero values are
// omitted from the body.
type knobs struct {
	maxTokens   int
	temp        float64
	hasTemp     bool
	topP        float64
	stream      bool
	streamUsage bool
	n           int
	logprobs    bool
	topLogprobs int
	cLogprobs   int // legacy completions: logprobs count
	echo        bool
	thinking    int    // Anthropic thinking budget_tokens
	effort      string // OpenAI reasoning effort
	summary     string // OpenAI responses reasoning summary
	jsonMode    bool
	toolChoice  string
	user        string
	seed        int
	stop        []string
	noParallel  bool // parallel_tool_calls: false
	store       int  // 0 omit, 1 true, 2 false
	prevID      string
	metadata    string // Anthropic metadata.user_id
}

func (k *knobs) setTemp(t float64) { k.temp, k.hasTemp = t, true }

// call is everything that goes into one request body.
type call struct {
	api         api
	model       string
	system      string
	devRole     bool // chat: the system prompt as role "developer"
	cacheSystem bool // messages: system as a text block with cache_control
	msgs        []msg
	prompt      string // legacy completions
	tools       *toolset
	k           knobs
}

// reasoningModel reports whether an OpenAI model takes
// max_completion_tokens and reasoning effort instead of temperature.
func reasoningModel(m string) bool {
	return strings.HasPrefix(m, "gpt-5") || strings.HasPrefix(m, "o3") || strings.HasPrefix(m, "o4") || strings.HasPrefix(m, "o1")
}

// body renders c as JSON. pyOrder orders keys the way the official Python
// SDKs serialise them (the leading required parameters, then the others
// sorted); otherwise keys come in the order a person writes them.
func (c *call) body(pyOrder bool) []byte {
	var o obj
	var lead []string
	switch c.api {
	case apiChat:
		o, lead = c.chatBody(), []string{"messages", "model"}
	case apiResponses:
		o = c.responsesBody()
	case apiCompletions:
		o, lead = c.completionsBody(), []string{"model", "prompt"}
	case apiMessages:
		o, lead = c.messagesBody(), []string{"max_tokens", "messages", "model"}
	}
	if pyOrder {
		o = pySort(o, lead)
	}
	return enc.Marshal(o)
}

func pySort(o obj, lead []string) obj {
	out := make(obj, 0, len(o))
	for _, k := range lead {
		for _, f := range o {
			if f.Key == k {
				out = append(out, f)
			}
		}
	}
	var rest obj
	for _, f := range o {
		if !slices.Contains(lead, f.Key) {
			rest = append(rest, f)
		}
	}
	slices.SortStableFunc(rest, func(a, b kv) int { return strings.Compare(a.Key, b.Key) })
	return append(out, rest...)
}

func (c *call) chatBody() obj {
	k := &c.k
	msgs := make(arr, 0, len(c.msgs)+1)
	if c.system != "" {
		role := "system"
		if c.devRole {
			role = "developer"
		}
		msgs = append(msgs, obj{{"role", role}, {"content", c.system}})
	}
	for _, m := range c.msgs {
		switch {
		case m.role == "tool":
			msgs = append(msgs, obj{{"role", "tool"}, {"tool_call_id", m.callID}, {"content", m.text}})
		case m.role == "assistant" && len(m.calls) > 0:
			calls := make(arr, len(m.calls))
			for i, tc := range m.calls {
				calls[i] = obj{{"id", tc.id}, {"type", "function"}, {"function", obj{{"name", tc.name}, {"arguments", tc.args}}}}
			}
			var content any
			if m.text != "" {
				content = m.text
			}
			msgs = append(msgs, obj{{"role", "assistant"}, {"content", content}, {"tool_calls", calls}})
		default:
			msgs = append(msgs, obj{{"role", m.role}, {"content", m.text}})
		}
	}
	o := obj{{"model", c.model}, {"messages", msgs}}
	if c.tools != nil {
		ts := make(arr, len(c.tools.defs))
		for i, d := range c.tools.defs {
			ts[i] = obj{{"type", "function"}, {"function", obj{{"name", d.name}, {"description", d.desc}, {"parameters", rawJSON(d.schema)}}}}
		}
		o = append(o, kv{"tools", ts})
		if k.toolChoice != "" {
			o = append(o, kv{"tool_choice", k.toolChoice})
		}
		if k.noParallel {
			o = append(o, kv{"parallel_tool_calls", false})
		}
	}
	if k.hasTemp {
		o = append(o, kv{"temperature", k.temp})
	}
	if k.topP != 0 {
		o = append(o, kv{"top_p", k.topP})
	}
	if k.maxTokens > 0 {
		if reasoningModel(c.model) {
			o = append(o, kv{"max_completion_tokens", k.maxTokens})
		} else {
			o = append(o, kv{"max_tokens", k.maxTokens})
		}
	}
	if k.effort != "" {
		o = append(o, kv{"reasoning_effort", k.effort})
	}
	if k.n > 0 {
		o = append(o, kv{"n", k.n})
	}
	if k.logprobs {
		o = append(o, kv{"logprobs", true})
		if k.topLogprobs > 0 {
			o = append(o, kv{"top_logprobs", k.topLogprobs})
		}
	}
	if k.jsonMode {
		o = append(o, kv{"response_format", obj{{"type", "json_object"}}})
	}
	if k.seed != 0 {
		o = append(o, kv{"seed", k.seed})
	}
	if len(k.stop) > 0 {
		o = append(o, kv{"stop", k.stop})
	}
	if k.stream {
		o = append(o, kv{"stream", true})
		if k.streamUsage {
			o = append(o, kv{"stream_options", obj{{"include_usage", true}}})
		}
	}
	if k.user != "" {
		o = append(o, kv{"user", k.user})
	}
	if k.store != 0 {
		o = append(o, kv{"store", k.store == 1})
	}
	return o
}

func (c *call) responsesBody() obj {
	k := &c.k
	o := obj{{"model", c.model}}
	if c.system != "" {
		o = append(o, kv{"instructions", c.system})
	}
	if len(c.msgs) == 1 && c.msgs[0].role == "user" {
		o = append(o, kv{"input", c.msgs[0].text})
	} else {
		in := make(arr, 0, len(c.msgs))
		for _, m := range c.msgs {
			switch m.role {
			case "tool":
				in = append(in, obj{{"type", "function_call_output"}, {"call_id", m.callID}, {"output", m.text}})
			case "assistant":
				if m.text != "" {
					in = append(in, obj{{"role", "assistant"}, {"content", m.text}})
				}
				for _, tc := range m.calls {
					in = append(in, obj{{"type", "function_call"}, {"call_id", tc.id}, {"name", tc.name}, {"arguments", tc.args}})
				}
			default:
				in = append(in, obj{{"role", m.role}, {"content", m.text}})
			}
		}
		o = append(o, kv{"input", in})
	}
	if c.tools != nil {
		ts := make(arr, len(c.tools.defs))
		for i, d := range c.tools.defs {
			ts[i] = obj{{"type", "function"}, {"name", d.name}, {"description", d.desc}, {"parameters", rawJSON(d.schema)}}
		}
		o = append(o, kv{"tools", ts})
	}
	if k.effort != "" {
		r := obj{{"effort", k.effort}}
		if k.summary != "" {
			r = append(r, kv{"summary", k.summary})
		}
		o = append(o, kv{"reasoning", r})
	}
	if k.hasTemp {
		o = append(o, kv{"temperature", k.temp})
	}
	if k.maxTokens > 0 {
		o = append(o, kv{"max_output_tokens", k.maxTokens})
	}
	if k.jsonMode {
		o = append(o, kv{"text", obj{{"format", obj{{"type", "json_object"}}}}})
	}
	if k.prevID != "" {
		o = append(o, kv{"previous_response_id", k.prevID})
	}
	if k.stream {
		o = append(o, kv{"stream", true})
	}
	if k.store != 0 {
		o = append(o, kv{"store", k.store == 1})
	}
	if k.user != "" {
		o = append(o, kv{"user", k.user})
	}
	return o
}

func (c *call) completionsBody() obj {
	k := &c.k
	o := obj{{"model", c.model}, {"prompt", c.prompt}}
	if k.maxTokens > 0 {
		o = append(o, kv{"max_tokens", k.maxTokens})
	}
	if k.hasTemp {
		o = append(o, kv{"temperature", k.temp})
	}
	if k.n > 0 {
		o = append(o, kv{"n", k.n})
	}
	if k.cLogprobs > 0 {
		o = append(o, kv{"logprobs", k.cLogprobs})
	}
	if k.echo {
		o = append(o, kv{"echo", true})
	}
	if len(k.stop) > 0 {
		o = append(o, kv{"stop", k.stop})
	}
	if k.seed != 0 {
		o = append(o, kv{"seed", k.seed})
	}
	if k.stream {
		o = append(o, kv{"stream", true})
	}
	return o
}

func (c *call) messagesBody() obj {
	k := &c.k
	o := obj{{"model", c.model}, {"max_tokens", k.maxTokens}}
	if c.system != "" {
		if c.cacheSystem {
			o = append(o, kv{"system", arr{obj{{"type", "text"}, {"text", c.system}, {"cache_control", obj{{"type", "ephemeral"}}}}}})
		} else {
			o = append(o, kv{"system", c.system})
		}
	}
	msgs := make(arr, 0, len(c.msgs))
	for i := 0; i < len(c.msgs); i++ {
		m := c.msgs[i]
		switch {
		case m.role == "tool":
			var blocks arr
			for ; i < len(c.msgs) && c.msgs[i].role == "tool"; i++ {
				blocks = append(blocks, obj{{"type", "tool_result"}, {"tool_use_id", c.msgs[i].callID}, {"content", c.msgs[i].text}})
			}
			i--
			msgs = append(msgs, obj{{"role", "user"}, {"content", blocks}})
		case m.role == "assistant" && (m.thinking != "" || len(m.calls) > 0):
			var blocks arr
			if m.thinking != "" {
				blocks = append(blocks, obj{{"type", "thinking"}, {"thinking", m.thinking}, {"signature", signature(m.thinking)}})
			}
			if m.text != "" {
				blocks = append(blocks, obj{{"type", "text"}, {"text", m.text}})
			}
			for _, tc := range m.calls {
				blocks = append(blocks, obj{{"type", "tool_use"}, {"id", tc.id}, {"name", tc.name}, {"input", rawJSON(tc.args)}})
			}
			msgs = append(msgs, obj{{"role", "assistant"}, {"content", blocks}})
		default:
			msgs = append(msgs, obj{{"role", m.role}, {"content", m.text}})
		}
	}
	o = append(o, kv{"messages", msgs})
	if c.tools != nil {
		ts := make(arr, len(c.tools.defs))
		for i, d := range c.tools.defs {
			ts[i] = obj{{"name", d.name}, {"description", d.desc}, {"input_schema", rawJSON(d.schema)}}
		}
		o = append(o, kv{"tools", ts})
		if k.toolChoice != "" {
			o = append(o, kv{"tool_choice", obj{{"type", k.toolChoice}}})
		}
	}
	if k.thinking > 0 {
		o = append(o, kv{"thinking", obj{{"type", "enabled"}, {"budget_tokens", k.thinking}}})
	}
	if k.hasTemp && k.thinking == 0 {
		o = append(o, kv{"temperature", k.temp})
	}
	if len(k.stop) > 0 {
		o = append(o, kv{"stop_sequences", k.stop})
	}
	if k.stream {
		o = append(o, kv{"stream", true})
	}
	if k.metadata != "" {
		o = append(o, kv{"metadata", obj{{"user_id", k.metadata}}})
	}
	return o
}

// signature is a stand-in for the opaque signature of a thinking block,
// derived from its text so that replays of one conversation agree.
func signature(thinking string) string {
	const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	h := hashString(thinking)
	var sb strings.Builder
	sb.WriteString("ErUB")
	for i := 0; i < 176; i++ {
		h = splitmix(h)
		sb.WriteByte(b64[h&63])
	}
	sb.WriteString("==")
	return sb.String()
}
