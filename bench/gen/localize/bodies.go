package localize

import "github.com/sluicehq/sluice/internal/tracefmt"

// O is a JSON object with ordered members.
type O = tracefmt.Obj

// msg is a chat message.
func msg(role string, content any) O { return O{{"role", role}, {"content", content}} }

// chat is a chat completions body: model and messages.
func chat(model string, msgs ...O) O { return O{{"model", model}, {"messages", []O(msgs)}} }

// withStream adds stream and, for OpenAI clients that ask for it, usage.
func withStream(o O, usage bool) O {
	o = o.Set("stream", true)
	if usage {
		o = o.Set("stream_options", O{{"include_usage", true}})
	}
	return o
}

// anth is a messages body: model, max_tokens, system (when not nil) and
// messages.
func anth(model string, max int, system any, msgs ...O) O {
	o := O{{"model", model}, {"max_tokens", max}}
	if s, ok := system.(string); !ok || s != "" {
		if system != nil {
			o = o.Set("system", system)
		}
	}
	return o.Set("messages", []O(msgs))
}

// cachedSystem is a system prompt as one text block marked for the
// prompt cache.
func cachedSystem(text string) []O {
	return []O{{{"type", "text"}, {"text", text}, {"cache_control", O{{"type", "ephemeral"}}}}}
}

// textBlock is an Anthropic content block of text.
func textBlock(s string) O { return O{{"type", "text"}, {"text", s}} }

// fn is an OpenAI tool of type function.
func fn(name, desc string, params O) O {
	return O{{"type", "function"}, {"function", O{{"name", name}, {"description", desc}, {"parameters", params}}}}
}

// atool is an Anthropic tool.
func atool(name, desc string, schema O) O {
	return O{{"name", name}, {"description", desc}, {"input_schema", schema}}
}

// schema is a JSON schema object of string properties, all required.
func schema(props ...string) O {
	p := O{}
	req := []string{}
	for i := 0; i+1 < len(props); i += 2 {
		p = p.Set(props[i], O{{"type", "string"}, {"description", props[i+1]}})
		req = append(req, props[i])
	}
	return O{{"type", "object"}, {"properties", p}, {"required", req}}
}
