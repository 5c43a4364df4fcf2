package civic

import (
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// chat is a request in the terms both dialects share; openai and
// anthropic write it as each API's body, members in the order client code
// usually passes them (the SDK kits reorder as their libraries do).
type chat struct {
	model     string
	system    string
	developer bool // OpenAI: system prompt as a "developer" message
	cacheSys  bool // Anthropic: system as a cached text block
	msgs      []tracefmt.Obj
	maxTokens int
	maxCompl  bool    // OpenAI: max_completion_tokens instead of max_tokens
	temp      float64 // < 0: not sent
	topP      float64 // 0: not sent
	stream    bool
	usage     bool // OpenAI: stream_options.include_usage

	n           int // OpenAI: > 1 sent
	logprobs    bool
	topLogprobs int
	logitBias   tracefmt.Obj
	respFormat  tracefmt.Obj
	seed        int
	user        string
	stop        []string

	thinking   int // Anthropic: budget_tokens, 0: off
	tools      []tracefmt.Obj
	toolChoice tracefmt.Obj
	parallel   bool // OpenAI: parallel_tool_calls sent (true)
	metaUser   string
}

func umsg(text string) tracefmt.Obj { return tracefmt.Obj{{"role", "user"}, {"content", text}} }
func amsg(text string) tracefmt.Obj { return tracefmt.Obj{{"role", "assistant"}, {"content", text}} }

// turns builds alternating user and assistant messages, user first.
func turns(texts ...string) []tracefmt.Obj {
	out := make([]tracefmt.Obj, len(texts))
	for i, t := range texts {
		if i%2 == 0 {
			out[i] = umsg(t)
		} else {
			out[i] = amsg(t)
		}
	}
	return out
}

func (c chat) openai() req {
	var msgs []tracefmt.Obj
	if c.system != "" {
		role := "system"
		if c.developer {
			role = "developer"
		}
		msgs = append(msgs, tracefmt.Obj{{"role", role}, {"content", c.system}})
	}
	msgs = append(msgs, c.msgs...)
	b := tracefmt.Obj{{"model", c.model}, {"messages", msgs}}
	if c.temp >= 0 {
		b = b.Set("temperature", c.temp)
	}
	if c.topP > 0 {
		b = b.Set("top_p", c.topP)
	}
	if c.maxTokens > 0 {
		if c.maxCompl {
			b = b.Set("max_completion_tokens", c.maxTokens)
		} else {
			b = b.Set("max_tokens", c.maxTokens)
		}
	}
	if c.n > 1 {
		b = b.Set("n", c.n)
	}
	if c.seed != 0 {
		b = b.Set("seed", c.seed)
	}
	if c.logprobs {
		b = b.Set("logprobs", true)
		if c.topLogprobs > 0 {
			b = b.Set("top_logprobs", c.topLogprobs)
		}
	}
	if c.logitBias != nil {
		b = b.Set("logit_bias", c.logitBias)
	}
	if len(c.stop) > 0 {
		b = b.Set("stop", c.stop)
	}
	if c.respFormat != nil {
		b = b.Set("response_format", c.respFormat)
	}
	if len(c.tools) > 0 {
		b = b.Set("tools", c.tools)
		if c.toolChoice != nil {
			b = b.Set("tool_choice", c.toolChoice)
		}
		if c.parallel {
			b = b.Set("parallel_tool_calls", true)
		}
	}
	if c.user != "" {
		b = b.Set("user", c.user)
	}
	if c.stream {
		b = b.Set("stream", true)
		if c.usage {
			b = b.Set("stream_options", tracefmt.Obj{{"include_usage", true}})
		}
	}
	return req{body: b}
}

func (c chat) anthropic() req {
	b := tracefmt.Obj{{"model", c.model}, {"max_tokens", c.maxTokens}}
	if c.system != "" {
		if c.cacheSys {
			b = b.Set("system", []tracefmt.Obj{{{"type", "text"}, {"text", c.system}, {"cache_control", tracefmt.Obj{{"type", "ephemeral"}}}}})
		} else {
			b = b.Set("system", c.system)
		}
	}
	b = b.Set("messages", c.msgs)
	if c.thinking > 0 {
		b = b.Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", c.thinking}})
	} else if c.temp >= 0 {
		b = b.Set("temperature", c.temp)
	}
	if c.topP > 0 && c.thinking == 0 {
		b = b.Set("top_p", c.topP)
	}
	if len(c.stop) > 0 {
		b = b.Set("stop_sequences", c.stop)
	}
	if len(c.tools) > 0 {
		b = b.Set("tools", c.tools)
		if c.toolChoice != nil {
			b = b.Set("tool_choice", c.toolChoice)
		}
	}
	if c.metaUser != "" {
		b = b.Set("metadata", tracefmt.Obj{{"user_id", c.metaUser}})
	}
	if c.stream {
		b = b.Set("stream", true)
	}
	return req{anthropic: true, body: b}
}

// in writes c in the dialect asked for.
func (c chat) in(anthropic bool) req {
	if anthropic {
		if c.maxTokens == 0 {
			c.maxTokens = 1024
		}
		if c.thinking > 0 && c.maxTokens <= c.thinking {
			c.maxTokens = c.thinking + 2048
		}
		return c.anthropic()
	}
	return c.openai()
}

// fnTool is an OpenAI function tool; antTool the same tool for Anthropic.
func fnTool(name, desc string, params tracefmt.Obj) tracefmt.Obj {
	return tracefmt.Obj{{"type", "function"}, {"function", tracefmt.Obj{{"name", name}, {"description", desc}, {"parameters", params}}}}
}

func antTool(name, desc string, params tracefmt.Obj) tracefmt.Obj {
	return tracefmt.Obj{{"name", name}, {"description", desc}, {"input_schema", params}}
}

// schema is a JSON schema of an object with string properties (name,
// description pairs), all required.
func schema(props ...string) tracefmt.Obj {
	p := tracefmt.Obj{}
	var req []string
	for i := 0; i+1 < len(props); i += 2 {
		p = p.Set(props[i], tracefmt.Obj{{"type", "string"}, {"description", props[i+1]}})
		req = append(req, props[i])
	}
	return tracefmt.Obj{{"type", "object"}, {"properties", p}, {"required", req}}
}
