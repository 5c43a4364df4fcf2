package creators

import (
	"slices"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

type obj = tracefmt.Obj
type arr = tracefmt.Arr

// msg is one turn of a conversation; content is a string or an arr of
// content blocks.
type msg struct {
	role    string
	content any
}

// req is a request in neither dialect; the body functions render it.
type req struct {
	model    string
	system   string
	msgs     []msg
	maxTok   int
	maxKey   string  // "max_tokens" (default) or "max_completion_tokens"
	temp     float64 // negative: not sent
	topP     float64 // 0: not sent
	stream   bool
	n        int            // 0 or 1: not sent
	thinking int            // Anthropic thinking budget, 0: none
	effort   string         // reasoning effort (OpenAI), "": none
	tools    []tracefmt.Obj // already in the dialect's shape
	user     string         // OpenAI user / Anthropic metadata.user_id
	extra    obj            // appended last
}

// chat renders an OpenAI chat completions body.
func chat(q req) obj {
	var ms []any
	if q.system != "" {
		ms = append(ms, obj{{"role", "system"}, {"content", q.system}})
	}
	for _, m := range q.msgs {
		ms = append(ms, obj{{"role", m.role}, {"content", m.content}})
	}
	o := obj{{"model", q.model}, {"messages", arr(ms)}}
	if q.temp >= 0 {
		o = o.Set("temperature", q.temp)
	}
	if q.topP > 0 {
		o = o.Set("top_p", q.topP)
	}
	if q.maxTok > 0 {
		k := q.maxKey
		if k == "" {
			k = "max_tokens"
		}
		o = o.Set(k, q.maxTok)
	}
	if q.n > 1 {
		o = o.Set("n", q.n)
	}
	if q.effort != "" {
		o = o.Set("reasoning_effort", q.effort)
	}
	if len(q.tools) > 0 {
		o = o.Set("tools", q.tools)
	}
	if q.user != "" {
		o = o.Set("user", q.user)
	}
	o = append(o, q.extra...)
	if q.stream {
		o = o.Set("stream", true)
	}
	return o
}

// messages renders an Anthropic messages body.
func messages(q req) obj {
	var ms []any
	for _, m := range q.msgs {
		ms = append(ms, obj{{"role", m.role}, {"content", m.content}})
	}
	mt := q.maxTok
	if q.thinking > 0 && mt <= q.thinking {
		mt = q.thinking + 1024
	}
	o := obj{{"model", q.model}, {"max_tokens", mt}}
	if q.system != "" {
		o = o.Set("system", q.system)
	}
	o = o.Set("messages", arr(ms))
	if q.thinking > 0 {
		o = o.Set("thinking", obj{{"type", "enabled"}, {"budget_tokens", q.thinking}})
	} else if q.temp >= 0 {
		o = o.Set("temperature", q.temp)
	}
	if q.topP > 0 && q.thinking == 0 {
		o = o.Set("top_p", q.topP)
	}
	if len(q.tools) > 0 {
		o = o.Set("tools", q.tools)
	}
	if q.user != "" {
		o = o.Set("metadata", obj{{"user_id", q.user}})
	}
	o = append(o, q.extra...)
	if q.stream {
		o = o.Set("stream", true)
	}
	return o
}

// responses renders an OpenAI responses body (instructions + input).
func responses(q req) obj {
	o := obj{{"model", q.model}}
	if q.system != "" {
		o = o.Set("instructions", q.system)
	}
	single := false
	if len(q.msgs) == 1 && q.msgs[0].role == "user" {
		if s, ok := q.msgs[0].content.(string); ok {
			o, single = o.Set("input", s), true
		}
	}
	if !single {
		var in []any
		for _, m := range q.msgs {
			in = append(in, obj{{"role", m.role}, {"content", m.content}})
		}
		o = o.Set("input", arr(in))
	}
	if q.temp >= 0 && q.effort == "" {
		o = o.Set("temperature", q.temp)
	}
	if q.maxTok > 0 {
		o = o.Set("max_output_tokens", q.maxTok)
	}
	if q.effort != "" {
		o = o.Set("reasoning", obj{{"effort", q.effort}})
	}
	if len(q.tools) > 0 {
		o = o.Set("tools", q.tools)
	}
	o = append(o, q.extra...)
	if q.stream {
		o = o.Set("stream", true)
	}
	return o
}

// body renders q for path.
func body(path string, q req) obj {
	switch path {
	case "/v1/messages":
		return messages(q)
	case "/v1/responses":
		return responses(q)
	}
	return chat(q)
}

// order puts the members of a body in the order the client serialises
// them: the Python SDKs build the body from their keyword arguments
// (openai-python: messages and model first, then the rest alphabetically;
// anthropic-python and responses.create: alphabetically); other clients
// keep the order their code wrote.
func order(c *client, path string, o obj) obj {
	var first []string
	switch {
	case c.kind == kPyOpenAI && path == "/v1/chat/completions":
		first = []string{"messages", "model"}
	case c.kind == kPyOpenAI && path == "/v1/completions":
		first = []string{"model", "prompt"}
	case c.kind == kPyOpenAI || c.kind == kPyAnthropic:
	default:
		return o
	}
	out := make(obj, 0, len(o))
	for _, k := range first {
		for _, m := range o {
			if m.Key == k {
				out = append(out, m)
			}
		}
	}
	var rest obj
	for _, m := range o {
		if !slices.Contains(first, m.Key) {
			rest = append(rest, m)
		}
	}
	slices.SortStableFunc(rest, func(a, b tracefmt.KV) int { return strings.Compare(a.Key, b.Key) })
	return append(out, rest...)
}

// ---- tools ----

func fnTool(anth bool, name, desc string, props obj, required ...string) obj {
	schema := obj{{"type", "object"}, {"properties", props}}
	if len(required) > 0 {
		schema = schema.Set("required", required)
	}
	if anth {
		return obj{{"name", name}, {"description", desc}, {"input_schema", schema}}
	}
	return obj{{"type", "function"}, {"function", obj{{"name", name}, {"description", desc}, {"parameters", schema}}}}
}

func strProp(desc string) obj { return obj{{"type", "string"}, {"description", desc}} }
func intProp(desc string) obj { return obj{{"type", "integer"}, {"description", desc}} }
