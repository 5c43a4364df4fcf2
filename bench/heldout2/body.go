package heldout2

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
		ms = append(ms, obj{}.set("role", role).set("content", q.system))
	}
	for _, m := range q.msgs {
		switch {
		case m.call != nil:
			o := obj{}.set("role", "assistant")
			if m.text != "" {
				o = o.set("content", m.text)
			} else {
				o = o.set("content", nil)
			}
			o = o.set("tool_calls", []obj{obj{}.set("id", m.call.id).set("type", "function").
				set("function", obj{}.set("name", m.call.name).set("arguments", string(encode(m.call.args))))})
			ms = append(ms, o)
		case m.role == "tool":
			ms = append(ms, obj{}.set("role", "tool").set("tool_call_id", m.id).set("content", m.text))
		default:
			ms = append(ms, obj{}.set("role", m.role).set("content", m.text))
		}
	}
	o := obj{}.set("messages", ms).set("model", q.model)
	if q.logitBias != nil {
		o = o.set("logit_bias", q.logitBias)
	}
	if q.logprobs {
		o = o.set("logprobs", true)
	}
	if q.maxTokens > 0 {
		if q.effort != "" {
			o = o.set("max_completion_tokens", q.maxTokens)
		} else {
			o = o.set("max_tokens", q.maxTokens)
		}
	}
	if q.n > 1 {
		o = o.set("n", q.n)
	}
	if q.effort != "" {
		o = o.set("reasoning_effort", q.effort)
	}
	if q.seed != 0 {
		o = o.set("seed", q.seed)
	}
	if q.stream {
		o = o.set("stream", true).set("stream_options", obj{}.set("include_usage", true))
	}
	if q.temperature >= 0 {
		o = o.set("temperature", q.temperature)
	}
	if len(q.tools) > 0 {
		var ts []obj
		for _, t := range q.tools {
			ts = append(ts, obj{}.set("type", "function").set("function", obj{}.set("name", t.name).set("description", t.desc).set("parameters", t.params)))
		}
		o = o.set("tools", ts)
	}
	if q.topLogprobs > 0 {
		o = o.set("top_logprobs", q.topLogprobs)
	}
	if q.topP > 0 {
		o = o.set("top_p", q.topP)
	}
	if q.user != "" {
		o = o.set("user", q.user)
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
				items = append(items, obj{}.set("type", "function_call").set("call_id", m.call.id).set("name", m.call.name).set("arguments", string(encode(m.call.args))))
			case m.role == "tool":
				items = append(items, obj{}.set("type", "function_call_output").set("call_id", m.id).set("output", m.text))
			default:
				items = append(items, obj{}.set("role", m.role).set("content", m.text))
			}
		}
		input = items
	}
	o := obj{}.set("input", input).set("model", q.model)
	if q.system != "" {
		o = o.set("instructions", q.system)
	}
	if q.maxTokens > 0 {
		o = o.set("max_output_tokens", q.maxTokens)
	}
	if q.effort != "" {
		o = o.set("reasoning", obj{}.set("effort", q.effort).set("summary", "auto"))
	}
	if q.stream {
		o = o.set("stream", true)
	}
	if q.temperature >= 0 && q.effort == "" {
		o = o.set("temperature", q.temperature)
	}
	if len(q.tools) > 0 {
		var ts []obj
		for _, t := range q.tools {
			ts = append(ts, obj{}.set("type", "function").set("name", t.name).set("description", t.desc).set("parameters", t.params))
		}
		o = o.set("tools", ts)
	}
	if q.user != "" {
		o = o.set("user", q.user)
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
				blocks = append(blocks, obj{}.set("type", "text").set("text", m.text))
			}
			blocks = append(blocks, obj{}.set("type", "tool_use").set("id", m.call.id).set("name", m.call.name).set("input", m.call.args))
			ms = append(ms, obj{}.set("role", "assistant").set("content", blocks))
		case m.role == "tool":
			blocks := []obj{obj{}.set("type", "tool_result").set("tool_use_id", m.id).set("content", m.text)}
			ms = append(ms, obj{}.set("role", "user").set("content", blocks))
		default:
			ms = append(ms, obj{}.set("role", m.role).set("content", m.text))
		}
	}
	maxT := q.maxTokens
	if maxT == 0 {
		maxT = 4096
	}
	if q.thinking > 0 && maxT <= q.thinking {
		maxT = q.thinking + 4096
	}
	o := obj{}.set("max_tokens", maxT).set("messages", ms).set("model", q.model)
	if q.user != "" {
		o = o.set("metadata", obj{}.set("user_id", q.user))
	}
	if q.stream {
		o = o.set("stream", true)
	}
	if q.system != "" {
		o = o.set("system", q.system)
	}
	if q.temperature >= 0 && q.thinking == 0 {
		o = o.set("temperature", q.temperature)
	}
	if q.thinking > 0 {
		o = o.set("thinking", obj{}.set("type", "enabled").set("budget_tokens", q.thinking))
	}
	if len(q.tools) > 0 {
		var ts []obj
		for _, t := range q.tools {
			ts = append(ts, obj{}.set("name", t.name).set("description", t.desc).set("input_schema", t.params))
		}
		o = o.set("tools", ts)
	}
	if q.topP > 0 && q.thinking == 0 {
		o = o.set("top_p", q.topP)
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
		p = p.set(props[i], obj{}.set("type", "string").set("description", props[i+1]))
		req = append(req, props[i])
	}
	return obj{}.set("type", "object").set("properties", p).set("required", req)
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
