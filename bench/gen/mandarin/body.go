package mandarin

import (
	"fmt"
	"math/rand/v2"
)

// msg is one conversation turn in a dialect-neutral form.
type msg struct {
	role string // user | assistant | tool
	text string
	call *toolCall // assistant tool call
	id   string    // tool result: the call id
}

type toolCall struct {
	id, name string
	args     obj
}

type toolDef struct {
	name, desc string
	params     obj
}

// req is one request in a dialect-neutral form; render turns it into the
// body of a dialect.
type req struct {
	model       string
	system      string
	msgs        []msg
	maxTokens   int     // 0: unset
	temperature float64 // <0: unset
	topP        float64 // 0: unset
	stream      bool
	n           int // 0/1: unset
	user        string
	tools       []toolDef
	thinking    int    // Anthropic thinking budget; 0: off
	effort      string // OpenAI reasoning effort; "": unset
	logprobs    bool
	topLogprobs int
	logitBias   obj
	seed        int
}

func render(q *req, path string) []byte {
	switch path {
	case pathMessages:
		return encode(renderMessages(q))
	case pathResponses:
		return encode(renderResponses(q))
	default:
		return encode(renderChat(q))
	}
}

func renderChat(q *req) obj {
	var ms []obj
	if q.system != "" {
		role := "system"
		if q.effort != "" {
			role = "developer"
		}
		ms = append(ms, obj{}.Set("role", role).Set("content", q.system))
	}
	for _, m := range q.msgs {
		switch {
		case m.call != nil:
			o := obj{}.Set("role", "assistant")
			if m.text != "" {
				o = o.Set("content", m.text)
			} else {
				o = o.Set("content", nil)
			}
			o = o.Set("tool_calls", []obj{obj{}.Set("id", m.call.id).Set("type", "function").
				Set("function", obj{}.Set("name", m.call.name).Set("arguments", string(encode(m.call.args))))})
			ms = append(ms, o)
		case m.role == "tool":
			ms = append(ms, obj{}.Set("role", "tool").Set("tool_call_id", m.id).Set("content", m.text))
		default:
			ms = append(ms, obj{}.Set("role", m.role).Set("content", m.text))
		}
	}
	o := obj{}.Set("messages", ms).Set("model", q.model)
	if q.logitBias != nil {
		o = o.Set("logit_bias", q.logitBias)
	}
	if q.logprobs {
		o = o.Set("logprobs", true)
	}
	if q.maxTokens > 0 {
		if q.effort != "" {
			o = o.Set("max_completion_tokens", q.maxTokens)
		} else {
			o = o.Set("max_tokens", q.maxTokens)
		}
	}
	if q.n > 1 {
		o = o.Set("n", q.n)
	}
	if q.effort != "" {
		o = o.Set("reasoning_effort", q.effort)
	}
	if q.seed != 0 {
		o = o.Set("seed", q.seed)
	}
	if q.stream {
		o = o.Set("stream", true).Set("stream_options", obj{}.Set("include_usage", true))
	}
	if q.temperature >= 0 {
		o = o.Set("temperature", q.temperature)
	}
	if len(q.tools) > 0 {
		var ts []obj
		for _, t := range q.tools {
			ts = append(ts, obj{}.Set("type", "function").Set("function", obj{}.Set("name", t.name).Set("description", t.desc).Set("parameters", t.params)))
		}
		o = o.Set("tools", ts)
	}
	if q.topLogprobs > 0 {
		o = o.Set("top_logprobs", q.topLogprobs)
	}
	if q.topP > 0 {
		o = o.Set("top_p", q.topP)
	}
	if q.user != "" {
		o = o.Set("user", q.user)
	}
	return o
}

func renderResponses(q *req) obj {
	var input any
	if len(q.msgs) == 1 && q.msgs[0].role == "user" {
		input = q.msgs[0].text
	} else {
		var items []obj
		for _, m := range q.msgs {
			switch {
			case m.call != nil:
				items = append(items, obj{}.Set("type", "function_call").Set("call_id", m.call.id).Set("name", m.call.name).Set("arguments", string(encode(m.call.args))))
			case m.role == "tool":
				items = append(items, obj{}.Set("type", "function_call_output").Set("call_id", m.id).Set("output", m.text))
			default:
				items = append(items, obj{}.Set("role", m.role).Set("content", m.text))
			}
		}
		input = items
	}
	o := obj{}.Set("input", input).Set("model", q.model)
	if q.system != "" {
		o = o.Set("instructions", q.system)
	}
	if q.maxTokens > 0 {
		o = o.Set("max_output_tokens", q.maxTokens)
	}
	if q.effort != "" {
		o = o.Set("reasoning", obj{}.Set("effort", q.effort).Set("summary", "auto"))
	}
	if q.stream {
		o = o.Set("stream", true)
	}
	if q.temperature >= 0 && q.effort == "" {
		o = o.Set("temperature", q.temperature)
	}
	if len(q.tools) > 0 {
		var ts []obj
		for _, t := range q.tools {
			ts = append(ts, obj{}.Set("type", "function").Set("name", t.name).Set("description", t.desc).Set("parameters", t.params))
		}
		o = o.Set("tools", ts)
	}
	if q.user != "" {
		o = o.Set("user", q.user)
	}
	return o
}

func renderMessages(q *req) obj {
	var ms []obj
	// consecutive tool results go into one user turn
	for i := 0; i < len(q.msgs); i++ {
		m := q.msgs[i]
		switch {
		case m.call != nil:
			var blocks []obj
			if m.text != "" {
				blocks = append(blocks, obj{}.Set("type", "text").Set("text", m.text))
			}
			blocks = append(blocks, obj{}.Set("type", "tool_use").Set("id", m.call.id).Set("name", m.call.name).Set("input", m.call.args))
			ms = append(ms, obj{}.Set("role", "assistant").Set("content", blocks))
		case m.role == "tool":
			blocks := []obj{obj{}.Set("type", "tool_result").Set("tool_use_id", m.id).Set("content", m.text)}
			ms = append(ms, obj{}.Set("role", "user").Set("content", blocks))
		default:
			ms = append(ms, obj{}.Set("role", m.role).Set("content", m.text))
		}
	}
	maxT := q.maxTokens
	if maxT == 0 {
		maxT = 4096
	}
	if q.thinking > 0 && maxT <= q.thinking {
		maxT = q.thinking + 4096
	}
	o := obj{}.Set("max_tokens", maxT).Set("messages", ms).Set("model", q.model)
	if q.user != "" {
		o = o.Set("metadata", obj{}.Set("user_id", q.user))
	}
	if q.stream {
		o = o.Set("stream", true)
	}
	if q.system != "" {
		o = o.Set("system", q.system)
	}
	if q.temperature >= 0 && q.thinking == 0 {
		o = o.Set("temperature", q.temperature)
	}
	if q.thinking > 0 {
		o = o.Set("thinking", obj{}.Set("type", "enabled").Set("budget_tokens", q.thinking))
	}
	if len(q.tools) > 0 {
		var ts []obj
		for _, t := range q.tools {
			ts = append(ts, obj{}.Set("name", t.name).Set("description", t.desc).Set("input_schema", t.params))
		}
		o = o.Set("tools", ts)
	}
	if q.topP > 0 && q.thinking == 0 {
		o = o.Set("top_p", q.topP)
	}
	return o
}

var (
	openaiModels    = []string{"gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini"}
	openaiReasoners = []string{"o3", "o4-mini", "gpt-5", "gpt-5-mini"}
	claudeModels    = []string{"claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "claude-opus-4-1", "claude-haiku-4-5"}
)

func modelFor(r *rand.Rand, anthropic bool) string {
	if anthropic {
		return pick(r, claudeModels)
	}
	return pick(r, openaiModels)
}

// Tool helpers.

func schema(props ...string) obj {
	p := obj{}
	var req []string
	for i := 0; i+1 < len(props); i += 2 {
		p = p.Set(props[i], obj{}.Set("type", "string").Set("description", props[i+1]))
		req = append(req, props[i])
	}
	return obj{}.Set("type", "object").Set("properties", p).Set("required", req)
}

func callID(r *rand.Rand, anthropic bool) string {
	if anthropic {
		return "toolu_01" + randChars(r, 22, base62)
	}
	return "call_" + randChars(r, 24, base62)
}

var (
	repoFiles  = []string{"src/server.ts", "internal/cache/lru.go", "app/models/user.py", "pkg/ratelimit/bucket.go", "src/utils/parse.js", "tests/test_api.py", "README.md", "cmd/worker/main.go", "lib/db/query.rb", "web/src/App.tsx"}
	testOutput = []string{"FAIL: TestEvict (0.00s)\n    lru_test.go:42: got 3 entries, want 2\nFAIL", "============ 2 failed, 31 passed in 4.21s ============\nE   AssertionError: expected 200, got 500", "ok  \tgithub.com/acme/app/pkg/ratelimit\t0.412s", "npm ERR! Test failed.  See above for more details.\n  ● parse › handles empty input\n    TypeError: Cannot read properties of undefined (reading 'split')", "PASS  src/utils/parse.test.js (12 tests)", "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable"}
)

// fileBody is a synthetic file snippet for a read tool result.
func fileBody(r *rand.Rand, path string) string {
	n := between(r, 8, 30)
	var b []byte
	for i := 1; i <= n; i++ {
		line := pick(r, []string{"func (c *Cache) Get(key string) (V, bool) {", "    if err != nil { return nil, err }", "const limit = cfg.MaxItems ?? 100;", "def handle(request):", "    return JSONResponse(status_code=500)", "// TODO: handle eviction under lock", "    items = [x for x in rows if x.active]", "export function parse(input: string) {", "  const parts = input.split(',');", "}", "    c.mu.Lock()", "    defer c.mu.Unlock()"})
		b = fmt.Appendf(b, "%4d\t%s\n", i, line)
	}
	return fmt.Sprintf("%s\n%s", path, b)
}
