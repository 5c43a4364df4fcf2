package voyage

import (
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Building blocks of the two dialects' request bodies.

func msg(role string, content any) obj { return obj{{"role", role}, {"content", content}} }

// history is a conversation as sent: each request carries a copy of the
// messages so far.
type history []any

func (h history) with(m ...any) history {
	out := make(history, 0, len(h)+len(m))
	return append(append(out, h...), m...)
}

func (h history) list() arr { return arr(h) }

// callID draws an OpenAI tool call id.
func (r *rng) callID() string { return "call_" + r.str(alnum, 24) }

// toolUseID draws an Anthropic tool use id.
func (r *rng) toolUseID() string { return "toolu_01" + r.str(alnum, 22) }

// schema is a JSON schema of an object with the given properties, each
// "name:type:description"; a name ending in "?" is optional.
func schema(props ...string) obj {
	var p obj
	var req []string
	for _, s := range props {
		f := strings.SplitN(s, ":", 3)
		name, typ, desc := f[0], f[1], f[2]
		if strings.HasSuffix(name, "?") {
			name = strings.TrimSuffix(name, "?")
		} else {
			req = append(req, name)
		}
		if strings.HasPrefix(typ, "enum=") {
			var vals []any
			for _, v := range strings.Split(strings.TrimPrefix(typ, "enum="), "|") {
				vals = append(vals, v)
			}
			p = append(p, kv(name, obj{{"type", "string"}, {"enum", arr(vals)}, {"description", desc}}))
			continue
		}
		p = append(p, kv(name, obj{{"type", typ}, {"description", desc}}))
	}
	o := obj{{"type", "object"}, {"properties", p}}
	if len(req) > 0 {
		o = append(o, kv("required", req))
	}
	return o
}

func kv(k string, v any) tracefmt.KV { return tracefmt.KV{Key: k, Value: v} }

// fnTool is an OpenAI function tool.
func fnTool(name, desc string, params obj) obj {
	return obj{{"type", "function"}, {"function", obj{{"name", name}, {"description", desc}, {"parameters", params}}}}
}

// anthTool is an Anthropic tool.
func anthTool(name, desc string, params obj) obj {
	return obj{{"name", name}, {"description", desc}, {"input_schema", params}}
}

// oaCall is an assistant message with one or more OpenAI tool calls;
// calls alternate name and JSON arguments.
func oaCall(r *rng, calls ...string) (obj, []string) {
	var tc arr
	var ids []string
	for i := 0; i+1 < len(calls); i += 2 {
		id := r.callID()
		ids = append(ids, id)
		tc = append(tc, obj{{"id", id}, {"type", "function"}, {"function", obj{{"name", calls[i]}, {"arguments", calls[i+1]}}}})
	}
	return obj{{"role", "assistant"}, {"content", nil}, {"tool_calls", tc}}, ids
}

func oaToolResult(id, content string) obj {
	return obj{{"role", "tool"}, {"tool_call_id", id}, {"content", content}}
}

// anthToolTurn is an assistant turn of an Anthropic conversation: an
// optional text and tool uses (name, input object alternating).
func anthToolTurn(r *rng, text string, uses ...any) (obj, []string) {
	var content arr
	if text != "" {
		content = append(content, obj{{"type", "text"}, {"text", text}})
	}
	var ids []string
	for i := 0; i+1 < len(uses); i += 2 {
		id := r.toolUseID()
		ids = append(ids, id)
		content = append(content, obj{{"type", "tool_use"}, {"id", id}, {"name", uses[i].(string)}, {"input", uses[i+1]}})
	}
	return obj{{"role", "assistant"}, {"content", content}}, ids
}

// anthResults is the user turn that answers tool uses.
func anthResults(ids []string, contents ...string) obj {
	var c arr
	for i, id := range ids {
		c = append(c, obj{{"type", "tool_result"}, {"tool_use_id", id}, {"content", contents[i]}})
	}
	return obj{{"role", "user"}, {"content", c}}
}

// textBlock is a text content block, cached when cache is set.
func textBlock(text string, cache bool) obj {
	b := obj{{"type", "text"}, {"text", text}}
	if cache {
		b = append(b, kv("cache_control", obj{{"type", "ephemeral"}}))
	}
	return b
}

// compactJSON writes v the way a program's tool returns it.
func compactJSON(v any) string { return string(styleJS.marshal(v)) }
