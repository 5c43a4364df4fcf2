package marketplace

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// The four dialects' request bodies, built from one description of a
// conversation and its knobs.

type toolCall struct {
	id, name string
	args     tracefmt.Obj
}

// msg is one turn: a user or assistant text, an assistant tool call (with
// optional text before it), or the result of a tool call.
type msg struct {
	role   string // user, assistant, tool
	text   string
	call   *toolCall
	callID string // role tool: the call answered
}

type tool struct {
	name, desc string
	params     tracefmt.Obj // JSON schema
}

type knobs struct {
	maxTokens   int     // 0: not set
	maxCompl    bool    // chat: max_completion_tokens instead of max_tokens
	temp        float64 // <0: not set
	topP        float64 // 0: not set
	stream      bool
	n           int // >1: set
	logprobs    bool
	topLogprobs int
	bias        []int // logit_bias token ids
	biasVal     int
	thinking    int    // messages: thinking budget
	effort      string // chat/responses: reasoning effort
	tools       []tool
	user        string // OpenAI user / Anthropic metadata.user_id
	respFormat  bool   // chat: response_format json_object
	stop        []string
	echo        bool // completions
	store       *bool
}

func noTemp() float64 { return -1 }

func schema(props ...any) tracefmt.Obj {
	p := tracefmt.Obj{}
	var req []string
	for i := 0; i+2 < len(props); i += 3 {
		name, typ, desc := props[i].(string), props[i+1].(string), props[i+2].(string)
		p = p.Set(name, tracefmt.Obj{{"type", typ}, {"description", desc}})
		req = append(req, name)
	}
	return tracefmt.Obj{{"type", "object"}, {"properties", p}, {"required", req}}
}

var enc = tracefmt.Encoder{}

func argsJSON(o tracefmt.Obj) string { return string(enc.Marshal(o)) }

func biasObj(ids []int, v int) tracefmt.Obj {
	o := make(tracefmt.Obj, 0, len(ids))
	for _, id := range ids {
		o = o.Set(strconv.Itoa(id), v)
	}
	return o
}

func chatBody(model, system string, turns []msg, k knobs) tracefmt.Obj {
	var ms []any
	if system != "" {
		role := "system"
		if k.effort != "" {
			role = "developer"
		}
		ms = append(ms, tracefmt.Obj{{"role", role}, {"content", system}})
	}
	for _, m := range turns {
		switch {
		case m.role == "tool":
			ms = append(ms, tracefmt.Obj{{"role", "tool"}, {"tool_call_id", m.callID}, {"content", m.text}})
		case m.call != nil:
			var content any
			if m.text != "" {
				content = m.text
			}
			ms = append(ms, tracefmt.Obj{{"role", "assistant"}, {"content", content}, {"tool_calls", tracefmt.Arr{tracefmt.Obj{
				{"id", m.call.id}, {"type", "function"}, {"function", tracefmt.Obj{{"name", m.call.name}, {"arguments", argsJSON(m.call.args)}}}}}}})
		default:
			ms = append(ms, tracefmt.Obj{{"role", m.role}, {"content", m.text}})
		}
	}
	b := tracefmt.Obj{{"model", model}, {"messages", ms}}
	if k.temp >= 0 {
		b = b.Set("temperature", k.temp)
	}
	if k.topP > 0 {
		b = b.Set("top_p", k.topP)
	}
	if k.maxTokens > 0 {
		if k.maxCompl {
			b = b.Set("max_completion_tokens", k.maxTokens)
		} else {
			b = b.Set("max_tokens", k.maxTokens)
		}
	}
	if k.n > 1 {
		b = b.Set("n", k.n)
	}
	if k.effort != "" {
		b = b.Set("reasoning_effort", k.effort)
	}
	if k.logprobs {
		b = b.Set("logprobs", true)
		if k.topLogprobs > 0 {
			b = b.Set("top_logprobs", k.topLogprobs)
		}
	}
	if len(k.bias) > 0 {
		b = b.Set("logit_bias", biasObj(k.bias, k.biasVal))
	}
	if len(k.stop) > 0 {
		b = b.Set("stop", k.stop)
	}
	if k.respFormat {
		b = b.Set("response_format", tracefmt.Obj{{"type", "json_object"}})
	}
	if len(k.tools) > 0 {
		var ts []any
		for _, t := range k.tools {
			ts = append(ts, tracefmt.Obj{{"type", "function"}, {"function", tracefmt.Obj{{"name", t.name}, {"description", t.desc}, {"parameters", t.params}}}})
		}
		b = b.Set("tools", ts).Set("tool_choice", "auto")
	}
	if k.user != "" {
		b = b.Set("user", k.user)
	}
	if k.stream {
		b = b.Set("stream", true).Set("stream_options", tracefmt.Obj{{"include_usage", true}})
	}
	return b
}

func messagesBody(model, system string, turns []msg, k knobs) tracefmt.Obj {
	var ms []any
	for i := 0; i < len(turns); i++ {
		m := turns[i]
		switch {
		case m.role == "tool":
			// consecutive tool results go into one user turn
			var parts []any
			for ; i < len(turns) && turns[i].role == "tool"; i++ {
				parts = append(parts, tracefmt.Obj{{"type", "tool_result"}, {"tool_use_id", turns[i].callID}, {"content", turns[i].text}})
			}
			i--
			ms = append(ms, tracefmt.Obj{{"role", "user"}, {"content", parts}})
		case m.call != nil:
			var parts []any
			if m.text != "" {
				parts = append(parts, tracefmt.Obj{{"type", "text"}, {"text", m.text}})
			}
			parts = append(parts, tracefmt.Obj{{"type", "tool_use"}, {"id", m.call.id}, {"name", m.call.name}, {"input", m.call.args}})
			ms = append(ms, tracefmt.Obj{{"role", "assistant"}, {"content", parts}})
		default:
			ms = append(ms, tracefmt.Obj{{"role", m.role}, {"content", m.text}})
		}
	}
	b := tracefmt.Obj{{"model", model}, {"max_tokens", k.maxTokens}}
	if system != "" {
		b = b.Set("system", system)
	}
	b = b.Set("messages", ms)
	if k.thinking > 0 {
		b = b.Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", k.thinking}})
	} else if k.temp >= 0 {
		b = b.Set("temperature", k.temp)
	}
	if len(k.stop) > 0 {
		b = b.Set("stop_sequences", k.stop)
	}
	if len(k.tools) > 0 {
		var ts []any
		for _, t := range k.tools {
			ts = append(ts, tracefmt.Obj{{"name", t.name}, {"description", t.desc}, {"input_schema", t.params}})
		}
		b = b.Set("tools", ts)
	}
	if k.user != "" {
		b = b.Set("metadata", tracefmt.Obj{{"user_id", k.user}})
	}
	if k.stream {
		b = b.Set("stream", true)
	}
	return b
}

func responsesBody(model, system string, turns []msg, k knobs) tracefmt.Obj {
	b := tracefmt.Obj{{"model", model}}
	if system != "" {
		b = b.Set("instructions", system)
	}
	if len(turns) == 1 && turns[0].role == "user" {
		b = b.Set("input", turns[0].text)
	} else {
		var in []any
		for _, m := range turns {
			switch {
			case m.role == "tool":
				in = append(in, tracefmt.Obj{{"type", "function_call_output"}, {"call_id", m.callID}, {"output", m.text}})
			case m.call != nil:
				in = append(in, tracefmt.Obj{{"type", "function_call"}, {"call_id", m.call.id}, {"name", m.call.name}, {"arguments", argsJSON(m.call.args)}})
			default:
				in = append(in, tracefmt.Obj{{"role", m.role}, {"content", m.text}})
			}
		}
		b = b.Set("input", in)
	}
	if k.maxTokens > 0 {
		b = b.Set("max_output_tokens", k.maxTokens)
	}
	if k.temp >= 0 && k.effort == "" {
		b = b.Set("temperature", k.temp)
	}
	if k.effort != "" {
		b = b.Set("reasoning", tracefmt.Obj{{"effort", k.effort}, {"summary", "auto"}})
	}
	if len(k.tools) > 0 {
		var ts []any
		for _, t := range k.tools {
			ts = append(ts, tracefmt.Obj{{"type", "function"}, {"name", t.name}, {"description", t.desc}, {"parameters", t.params}})
		}
		b = b.Set("tools", ts)
	}
	if k.store != nil {
		b = b.Set("store", *k.store)
	}
	if k.user != "" {
		b = b.Set("user", k.user)
	}
	if k.stream {
		b = b.Set("stream", true)
	}
	return b
}

func completionsBody(model, prompt string, k knobs) tracefmt.Obj {
	b := tracefmt.Obj{{"model", model}, {"prompt", prompt}, {"max_tokens", k.maxTokens}}
	if k.temp >= 0 {
		b = b.Set("temperature", k.temp)
	}
	if k.topLogprobs > 0 {
		b = b.Set("logprobs", k.topLogprobs)
	}
	if k.echo {
		b = b.Set("echo", true)
	}
	if len(k.bias) > 0 {
		b = b.Set("logit_bias", biasObj(k.bias, k.biasVal))
	}
	if len(k.stop) > 0 {
		b = b.Set("stop", k.stop)
	}
	if k.n > 1 {
		b = b.Set("n", k.n)
	}
	return b
}

// sdkOrder reorders a body the way the Python SDKs serialise it: they build
// the request from the method's keyword arguments, whose order is the
// required ones (openai: messages or input, model) and then the rest
// alphabetically; anthropic-python's are alphabetical throughout.
func sdkOrder(c *client, path string, b tracefmt.Obj) tracefmt.Obj {
	if c.kind != openaiPy && c.kind != anthropicPy {
		return b
	}
	first := map[string]int{}
	switch {
	case c.kind == anthropicPy:
	case path == "/v1/chat/completions":
		first = map[string]int{"messages": 1, "model": 2}
	case path == "/v1/responses":
		first = map[string]int{"input": 1, "model": 2}
	case path == "/v1/completions":
		first = map[string]int{"model": 1, "prompt": 2}
	}
	out := slices.Clone(b)
	slices.SortStableFunc(out, func(x, y tracefmt.KV) int {
		fx, fy := first[x.Key], first[y.Key]
		if fx == 0 {
			fx = 100
		}
		if fy == 0 {
			fy = 100
		}
		if c := cmp.Compare(fx, fy); c != 0 {
			return c
		}
		return cmp.Compare(x.Key, y.Key)
	})
	return out
}
