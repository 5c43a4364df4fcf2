package newsroom

import (
	"math/rand/v2"
	"strconv"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

type obj = tracefmt.Obj

type encoder = tracefmt.Encoder

// chat is what a request asks for, independent of the dialect; obj turns
// it into the body of the dialect in the order a developer writes it.
type chat struct {
	model    string
	sys      string
	sysRole  string // OpenAI: "system" (default) or "developer"
	sysCache bool   // Anthropic: cache_control on the system prompt
	turns    []string
	msgs     []any // prebuilt messages (tool-use trajectories); replaces turns
	blocks   bool  // Anthropic: user content as a list of text blocks

	maxTok   int    // 0: omitted in OpenAI, 1024 in Anthropic
	maxKey   string // OpenAI: "max_tokens" (default) or "max_completion_tokens"
	temp     float64
	hasTemp  bool
	topP     float64
	stream   bool
	usage    bool // OpenAI stream_options.include_usage
	n        int
	logprobs bool
	topLP    int
	bias     []int
	biasVal  int
	tools    []tool
	toolCh   string
	think    int    // Anthropic thinking budget
	effort   string // OpenAI reasoning_effort
	jsonMode bool
	schema   obj // OpenAI response_format json_schema
	user     string
	seed     int
	stop     []string
	meta     string // Anthropic metadata.user_id
}

func (c *chat) setTemp(t float64) *chat { c.temp, c.hasTemp = t, true; return c }

type tool struct {
	name, desc string
	params     obj
}

func (c chat) obj(d dialect) obj {
	if d == dANT {
		return c.antObj()
	}
	return c.oaiObj()
}

func (c chat) oaiObj() obj {
	var msgs []any
	if c.msgs != nil {
		msgs = c.msgs
	} else {
		if c.sys != "" {
			role := c.sysRole
			if role == "" {
				role = "system"
			}
			msgs = append(msgs, obj{{"role", role}, {"content", c.sys}})
		}
		for i, t := range c.turns {
			role := "user"
			if i%2 == 1 {
				role = "assistant"
			}
			msgs = append(msgs, obj{{"role", role}, {"content", t}})
		}
	}
	o := obj{{"model", c.model}, {"messages", msgs}}
	if c.hasTemp {
		o = o.Set("temperature", c.temp)
	}
	if c.topP > 0 {
		o = o.Set("top_p", c.topP)
	}
	if c.n > 1 {
		o = o.Set("n", c.n)
	}
	if c.maxTok > 0 {
		k := c.maxKey
		if k == "" {
			k = "max_tokens"
		}
		o = o.Set(k, c.maxTok)
	}
	if c.stream {
		o = o.Set("stream", true)
		if c.usage {
			o = o.Set("stream_options", obj{{"include_usage", true}})
		}
	}
	if c.logprobs {
		o = o.Set("logprobs", true)
		if c.topLP > 0 {
			o = o.Set("top_logprobs", c.topLP)
		}
	}
	if len(c.bias) > 0 {
		b := make(obj, len(c.bias))
		for i, id := range c.bias {
			b[i] = tracefmt.KV{Key: strconv.Itoa(id), Value: c.biasVal}
		}
		o = o.Set("logit_bias", b)
	}
	if len(c.tools) > 0 {
		ts := make([]any, len(c.tools))
		for i, t := range c.tools {
			ts[i] = obj{{"type", "function"}, {"function", obj{{"name", t.name}, {"description", t.desc}, {"parameters", t.params}}}}
		}
		o = o.Set("tools", ts)
		if c.toolCh != "" {
			o = o.Set("tool_choice", c.toolCh)
		}
	}
	if c.effort != "" {
		o = o.Set("reasoning_effort", c.effort)
	}
	if c.schema != nil {
		o = o.Set("response_format", obj{{"type", "json_schema"}, {"json_schema", c.schema}})
	} else if c.jsonMode {
		o = o.Set("response_format", obj{{"type", "json_object"}})
	}
	if c.seed != 0 {
		o = o.Set("seed", c.seed)
	}
	if len(c.stop) > 0 {
		o = o.Set("stop", c.stop)
	}
	if c.user != "" {
		o = o.Set("user", c.user)
	}
	return o
}

func (c chat) antObj() obj {
	mt := c.maxTok
	if mt == 0 {
		mt = 1024
	}
	if c.think > 0 && c.think >= mt {
		mt = c.think + 2048
	}
	o := obj{{"model", c.model}, {"max_tokens", mt}}
	if c.sys != "" {
		if c.sysCache {
			o = o.Set("system", []any{obj{{"type", "text"}, {"text", c.sys}, {"cache_control", obj{{"type", "ephemeral"}}}}})
		} else {
			o = o.Set("system", c.sys)
		}
	}
	var msgs []any
	if c.msgs != nil {
		msgs = c.msgs
	} else {
		for i, t := range c.turns {
			role := "user"
			if i%2 == 1 {
				role = "assistant"
			}
			if c.blocks && role == "user" {
				msgs = append(msgs, obj{{"role", role}, {"content", []any{obj{{"type", "text"}, {"text", t}}}}})
			} else {
				msgs = append(msgs, obj{{"role", role}, {"content", t}})
			}
		}
	}
	o = o.Set("messages", msgs)
	if c.hasTemp && c.think == 0 {
		o = o.Set("temperature", c.temp)
	}
	if c.topP > 0 && c.think == 0 {
		o = o.Set("top_p", c.topP)
	}
	if c.stream {
		o = o.Set("stream", true)
	}
	if c.think > 0 {
		o = o.Set("thinking", obj{{"type", "enabled"}, {"budget_tokens", c.think}})
	}
	if len(c.tools) > 0 {
		ts := make([]any, len(c.tools))
		for i, t := range c.tools {
			ts[i] = obj{{"name", t.name}, {"description", t.desc}, {"input_schema", t.params}}
		}
		o = o.Set("tools", ts)
		if c.toolCh != "" {
			o = o.Set("tool_choice", obj{{"type", c.toolCh}})
		}
	}
	if len(c.stop) > 0 {
		o = o.Set("stop_sequences", c.stop)
	}
	if c.meta != "" {
		o = o.Set("metadata", obj{{"user_id", c.meta}})
	}
	return o
}

// schemaObj builds a JSON schema of string properties.
func schemaObj(props ...string) obj {
	p := obj{}
	for _, k := range props {
		p = p.Set(k, obj{{"type", "string"}})
	}
	return obj{{"type", "object"}, {"properties", p}, {"required", props}}
}

func param(typ, desc string) obj { return obj{{"type", typ}, {"description", desc}} }

// ---- tool-use trajectories

// step is one model turn of an agent: optional visible text, optional
// thinking, one tool call and the tool's result.
type step struct {
	id       string
	text     string
	thinking string
	sig      string
	name     string
	input    obj
	result   string
}

func toolUseID(r *rand.Rand, d dialect) string {
	if d == dANT {
		return "toolu_01" + randStr(r, b62, 22)
	}
	return "call_" + randStr(r, b62, 24)
}

// trajMsgs returns the messages of request k of a trajectory: the task,
// then k finished steps (call and result each).
func trajMsgs(d dialect, first string, steps []step, k int) []any {
	msgs := []any{}
	if d == dANT {
		msgs = append(msgs, obj{{"role", "user"}, {"content", first}})
		for _, s := range steps[:k] {
			var content []any
			if s.thinking != "" {
				content = append(content, obj{{"type", "thinking"}, {"thinking", s.thinking}, {"signature", s.sig}})
			}
			if s.text != "" {
				content = append(content, obj{{"type", "text"}, {"text", s.text}})
			}
			content = append(content, obj{{"type", "tool_use"}, {"id", s.id}, {"name", s.name}, {"input", s.input}})
			msgs = append(msgs, obj{{"role", "assistant"}, {"content", content}})
			msgs = append(msgs, obj{{"role", "user"}, {"content", []any{obj{{"type", "tool_result"}, {"tool_use_id", s.id}, {"content", s.result}}}}})
		}
		return msgs
	}
	msgs = append(msgs, obj{{"role", "user"}, {"content", first}})
	for _, s := range steps[:k] {
		args := string(tracefmt.Encoder{}.Marshal(s.input))
		var content any
		if s.text != "" {
			content = s.text
		}
		msgs = append(msgs, obj{{"role", "assistant"}, {"content", content}, {"tool_calls", []any{
			obj{{"id", s.id}, {"type", "function"}, {"function", obj{{"name", s.name}, {"arguments", args}}}},
		}}})
		msgs = append(msgs, obj{{"role", "tool"}, {"tool_call_id", s.id}, {"content", s.result}})
	}
	return msgs
}

// withSystem prepends an OpenAI system message to prebuilt messages.
func withSystem(d dialect, sys string, msgs []any) []any {
	if d == dANT || sys == "" {
		return msgs
	}
	return append([]any{obj{{"role", "system"}, {"content", sys}}}, msgs...)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
