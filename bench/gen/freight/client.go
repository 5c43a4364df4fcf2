package freight

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

type dialect int

const (
	openAI dialect = iota
	anthropic
)

func (d dialect) path() string {
	if d == anthropic {
		return "/v1/messages"
	}
	return "/v1/chat/completions"
}

// stack is an HTTP client stack: how it orders headers, what it claims in
// them, how it serialises the body and the TLS fingerprint it presents.
type stack int

const (
	sdkPy      stack = iota // official Python SDK (httpx)
	sdkJS                   // official TypeScript SDK on Node (undici)
	pyRequests              // python-requests with a hand-built body
	curlCLI                 // curl from a shell script
	goHTTP                  // Go net/http, map-marshalled body
	okhttp                  // Android app, Moshi-serialised body
)

// TLS fingerprints, one per TLS stack. Python stacks share OpenSSL's.
const (
	ja4PyOpenSSL3 = "t13d1812h1_85036bcba153_375ca2c5e164"
	ja4PyOpenSSL1 = "t13d1713h1_5b57614c22b0_3d5424432f57"
	ja4Node20     = "t13d1711h1_5b57614c22b0_ef7df7f74e48"
	ja4Node22     = "t13d1712h1_5b57614c22b0_1fc7e3b7c1c4"
	ja4Curl       = "t13d3112h2_e8f1e7e78f70_ce5650b735ce"
	ja4Go         = "t13d1311h2_f57a46bbacb6_e7c285222651"
	ja4Android    = "t13d1516h2_8daaf6152771_02713d6af862"
)

// client is one installed client: a stack with its versions and platform.
type client struct {
	st       stack
	d        dialect
	ver      string // SDK or library version
	rt       string // runtime version
	os, arch string
	async    bool
	ja4      string
	ua       string // user-agent override (apps that set their own)
	beta     string // anthropic-beta, when set
	maxField string // openai: max_tokens or max_completion_tokens
}

var (
	openaiPyVers    = []string{"1.68.2", "1.75.0", "1.79.0", "1.82.1", "1.86.0"}
	openaiJSVers    = []string{"4.87.3", "4.96.0", "4.100.0", "5.1.0", "5.3.0"}
	anthropicPyVers = []string{"0.49.0", "0.50.0", "0.52.2", "0.54.0"}
	anthropicJSVers = []string{"0.39.0", "0.50.4", "0.52.0", "0.53.0"}
	pyRuntimes      = []string{"3.10.12", "3.11.9", "3.11.11", "3.12.3", "3.12.8", "3.13.1"}
	nodeRuntimes    = []string{"v18.19.1", "v20.12.2", "v20.18.1", "v22.11.0", "v22.14.0"}
)

// newSDK returns an official SDK client of dialect d on a random platform.
func newSDK(r *rand.Rand, st stack, d dialect) *client {
	c := &client{st: st, d: d, maxField: "max_tokens"}
	switch st {
	case sdkPy:
		c.ver = pick(r, openaiPyVers)
		if d == anthropic {
			c.ver = pick(r, anthropicPyVers)
		}
		c.rt = pick(r, pyRuntimes)
		c.os, c.arch = pickOS(r, []string{"Linux", "Linux", "Linux", "MacOS", "Windows"})
		c.async = chance(r, 0.3)
		c.ja4 = ja4PyOpenSSL3
		if strings.HasPrefix(c.rt, "3.10") && c.os == "Linux" {
			c.ja4 = ja4PyOpenSSL1
		}
	case sdkJS:
		c.ver = pick(r, openaiJSVers)
		if d == anthropic {
			c.ver = pick(r, anthropicJSVers)
		}
		c.rt = pick(r, nodeRuntimes)
		c.os, c.arch = pickOS(r, []string{"Linux", "Linux", "MacOS", "MacOS", "Windows"})
		c.ja4 = ja4Node20
		if strings.HasPrefix(c.rt, "v22") {
			c.ja4 = ja4Node22
		}
	case pyRequests:
		c.ver = pick(r, []string{"2.31.0", "2.32.3"})
		c.ja4 = ja4PyOpenSSL3
	case curlCLI:
		c.ver = pick(r, []string{"7.81.0", "8.5.0", "8.7.1"})
		c.ja4 = ja4Curl
	case goHTTP:
		c.ja4 = ja4Go
	case okhttp:
		c.ver = "4.12.0"
		c.ja4 = ja4Android
	}
	if d == openAI && (st == sdkPy || st == sdkJS) && chance(r, 0.3) {
		c.maxField = "max_completion_tokens"
	}
	return c
}

func pickOS(r *rand.Rand, oses []string) (string, string) {
	os := pick(r, oses)
	switch {
	case os == "MacOS":
		return os, "arm64"
	case chance(r, 0.1):
		return os, "arm64"
	}
	return os, "x64"
}

// clone returns a copy of c, the same install on another machine.
func (c *client) clone() *client { cc := *c; return &cc }

// headers returns the request headers in wire order.
func (c *client) headers(key string, n int) [][2]string {
	cl := strconv.Itoa(n)
	var auth [][2]string
	if c.d == anthropic {
		auth = [][2]string{{"x-api-key", key}, {"anthropic-version", "2023-06-01"}}
		if c.beta != "" {
			auth = append(auth, [2]string{"anthropic-beta", c.beta})
		}
	} else {
		auth = [][2]string{{"authorization", "Bearer " + key}}
	}
	var h [][2]string
	switch c.st {
	case sdkPy:
		name := "OpenAI/Python "
		if c.d == anthropic {
			name = "Anthropic/Python "
		}
		h = [][2]string{{"host", host}, {"accept-encoding", "gzip, deflate"}, {"connection", "keep-alive"},
			{"accept", "application/json"}, {"content-type", "application/json"}, {"user-agent", c.agent(name + c.ver)},
			{"x-stainless-lang", "python"}, {"x-stainless-package-version", c.ver}, {"x-stainless-os", c.os},
			{"x-stainless-arch", c.arch}, {"x-stainless-runtime", "CPython"}, {"x-stainless-runtime-version", c.rt}}
		h = append(h, auth...)
		h = append(h, [][2]string{{"x-stainless-async", asyncName(c.async)}, {"x-stainless-retry-count", "0"},
			{"x-stainless-read-timeout", "600"}, {"content-length", cl}}...)
	case sdkJS:
		name := "OpenAI/JS "
		if c.d == anthropic {
			name = "Anthropic/JS "
		}
		h = [][2]string{{"host", host}, {"connection", "keep-alive"}, {"accept", "application/json"},
			{"content-type", "application/json"}, {"user-agent", c.agent(name + c.ver)},
			{"x-stainless-lang", "js"}, {"x-stainless-package-version", c.ver}, {"x-stainless-os", c.os},
			{"x-stainless-arch", c.arch}, {"x-stainless-runtime", "node"}, {"x-stainless-runtime-version", c.rt}}
		h = append(h, auth...)
		h = append(h, [][2]string{{"x-stainless-retry-count", "0"}, {"x-stainless-timeout", "600"},
			{"accept-language", "*"}, {"sec-fetch-mode", "cors"}, {"accept-encoding", "gzip, deflate"}, {"content-length", cl}}...)
	case pyRequests:
		h = [][2]string{{"Host", host}, {"User-Agent", c.agent("python-requests/" + c.ver)}, {"Accept-Encoding", "gzip, deflate"},
			{"Accept", "*/*"}, {"Connection", "keep-alive"}}
		if c.d == openAI {
			auth[0][0] = "Authorization"
		}
		h = append(h, auth...)
		h = append(h, [][2]string{{"Content-Type", "application/json"}, {"Content-Length", cl}}...)
	case curlCLI:
		h = [][2]string{{"host", host}, {"user-agent", "curl/" + c.ver}, {"accept", "*/*"}, {"content-type", "application/json"}}
		h = append(h, auth...)
		h = append(h, [2]string{"content-length", cl})
	case goHTTP:
		h = [][2]string{{"host", host}, {"user-agent", c.agent("Go-http-client/2.0")}, {"content-length", cl}}
		if c.d == anthropic {
			h = append(h, [][2]string{{"anthropic-version", "2023-06-01"}, {"content-type", "application/json"}, {"x-api-key", key}}...)
		} else {
			h = append(h, [][2]string{{"authorization", "Bearer " + key}, {"content-type", "application/json"}}...)
		}
		h = append(h, [2]string{"accept-encoding", "gzip"})
	case okhttp:
		h = [][2]string{{"host", host}}
		h = append(h, auth...)
		h = append(h, [][2]string{{"content-type", "application/json; charset=utf-8"}, {"content-length", cl},
			{"accept-encoding", "gzip"}, {"user-agent", c.agent("okhttp/" + c.ver)}}...)
	}
	return h
}

func (c *client) agent(def string) string {
	if c.ua != "" {
		return c.ua
	}
	return def
}

func asyncName(a bool) string {
	if a {
		return "async:asyncio"
	}
	return "false"
}

// ---- request bodies ----

// turn is one message of a conversation.
type turn struct {
	role   string // user or assistant
	text   string
	call   *toolCall   // an assistant's tool call
	result *toolResult // a tool's result, sent as the user
}

type toolCall struct {
	id, name string
	args     tracefmt.Obj
}

type toolResult struct{ id, content string }

type tool struct {
	name, desc string
	params     tracefmt.Obj
}

// req is one request, independent of dialect.
type req struct {
	model       string
	system      string
	turns       []turn
	maxTokens   int
	temp        float64 // < 0: not sent
	topP        float64 // 0: not sent
	stream      bool
	tools       []tool
	thinking    int // thinking budget (anthropic) or reasoning effort (openai)
	topLogprobs int // > 0: logprobs with this many alternatives (openai)
	logitBias   tracefmt.Obj
	n           int
	jsonMode    bool
	user        string // end-user tag: openai user, anthropic metadata.user_id
	stop        []string
}

func newReq(model string, maxTokens int, temp float64) *req {
	return &req{model: model, maxTokens: maxTokens, temp: temp}
}

func (q *req) say(role, text string) *req {
	q.turns = append(q.turns, turn{role: role, text: text})
	return q
}

// body encodes q as c sends it.
func (c *client) body(q *req) []byte {
	enc := tracefmt.Encoder{}
	if c.st == goHTTP {
		enc = tracefmt.Encoder{EscapeHTML: true, Float: 'f'}
	}
	var o tracefmt.Obj
	if c.d == anthropic {
		o = c.anthropicBody(q)
	} else {
		o = c.openaiBody(q)
	}
	switch {
	case c.st == goHTTP, c.st == sdkPy && c.d == anthropic:
		// map-marshalled (Go) or the SDK's alphabetical parameter order
		slices.SortStableFunc(o, func(a, b tracefmt.KV) int { return strings.Compare(a.Key, b.Key) })
	case c.st == sdkPy:
		// messages, model, then the rest alphabetically
		slices.SortStableFunc(o, func(a, b tracefmt.KV) int { return strings.Compare(pyKey(a.Key), pyKey(b.Key)) })
	}
	return enc.Marshal(o)
}

func pyKey(k string) string {
	switch k {
	case "messages":
		return "\x00"
	case "model":
		return "\x01"
	}
	return k
}

func (c *client) openaiBody(q *req) tracefmt.Obj {
	var msgs []tracefmt.Obj
	if q.system != "" {
		msgs = append(msgs, tracefmt.Obj{{"role", "system"}, {"content", q.system}})
	}
	for _, t := range q.turns {
		switch {
		case t.call != nil:
			fn := tracefmt.Obj{{"name", t.call.name}, {"arguments", string(tracefmt.Encoder{}.Marshal(t.call.args))}}
			var content any
			if t.text != "" {
				content = t.text
			}
			msgs = append(msgs, tracefmt.Obj{{"role", "assistant"}, {"content", content},
				{"tool_calls", []tracefmt.Obj{{{"id", t.call.id}, {"type", "function"}, {"function", fn}}}}})
		case t.result != nil:
			msgs = append(msgs, tracefmt.Obj{{"role", "tool"}, {"tool_call_id", t.result.id}, {"content", t.result.content}})
		default:
			msgs = append(msgs, tracefmt.Obj{{"role", t.role}, {"content", t.text}})
		}
	}
	o := tracefmt.Obj{{"model", q.model}, {"messages", msgs}}
	if q.temp >= 0 {
		o = o.Set("temperature", q.temp)
	}
	if q.topP > 0 {
		o = o.Set("top_p", q.topP)
	}
	if q.maxTokens > 0 {
		o = o.Set(c.maxField, q.maxTokens)
	}
	if q.n > 1 {
		o = o.Set("n", q.n)
	}
	if q.topLogprobs > 0 {
		o = o.Set("logprobs", true).Set("top_logprobs", q.topLogprobs)
	}
	if len(q.logitBias) > 0 {
		o = o.Set("logit_bias", q.logitBias)
	}
	if q.thinking > 0 {
		effort := "medium"
		if q.thinking >= 8000 {
			effort = "high"
		}
		o = o.Set("reasoning_effort", effort)
	}
	if len(q.stop) > 0 {
		o = o.Set("stop", q.stop)
	}
	if q.jsonMode {
		o = o.Set("response_format", tracefmt.Obj{{"type", "json_object"}})
	}
	if len(q.tools) > 0 {
		var ts []tracefmt.Obj
		for _, t := range q.tools {
			ts = append(ts, tracefmt.Obj{{"type", "function"}, {"function", tracefmt.Obj{{"name", t.name}, {"description", t.desc}, {"parameters", t.params}}}})
		}
		o = o.Set("tools", ts)
	}
	if q.stream {
		o = o.Set("stream", true)
		if c.st == sdkJS {
			o = o.Set("stream_options", tracefmt.Obj{{"include_usage", true}})
		}
	}
	if q.user != "" {
		o = o.Set("user", q.user)
	}
	return o
}

func (c *client) anthropicBody(q *req) tracefmt.Obj {
	var msgs []tracefmt.Obj
	for _, t := range q.turns {
		switch {
		case t.call != nil:
			var content []tracefmt.Obj
			if t.text != "" {
				content = append(content, tracefmt.Obj{{"type", "text"}, {"text", t.text}})
			}
			content = append(content, tracefmt.Obj{{"type", "tool_use"}, {"id", t.call.id}, {"name", t.call.name}, {"input", t.call.args}})
			msgs = append(msgs, tracefmt.Obj{{"role", "assistant"}, {"content", content}})
		case t.result != nil:
			msgs = append(msgs, tracefmt.Obj{{"role", "user"}, {"content", []tracefmt.Obj{{{"type", "tool_result"}, {"tool_use_id", t.result.id}, {"content", t.result.content}}}}})
		default:
			msgs = append(msgs, tracefmt.Obj{{"role", t.role}, {"content", t.text}})
		}
	}
	mt := max(q.maxTokens, 256)
	if q.thinking > 0 && mt <= q.thinking {
		mt = q.thinking + 4096
	}
	o := tracefmt.Obj{{"model", q.model}, {"max_tokens", mt}}
	if q.system != "" {
		o = o.Set("system", q.system)
	}
	o = o.Set("messages", msgs)
	if q.thinking > 0 {
		o = o.Set("thinking", tracefmt.Obj{{"type", "enabled"}, {"budget_tokens", q.thinking}})
	} else if q.temp >= 0 {
		o = o.Set("temperature", q.temp)
	}
	if q.topP > 0 && q.thinking == 0 {
		o = o.Set("top_p", q.topP)
	}
	if len(q.stop) > 0 {
		o = o.Set("stop_sequences", q.stop)
	}
	if len(q.tools) > 0 {
		var ts []tracefmt.Obj
		for _, t := range q.tools {
			ts = append(ts, tracefmt.Obj{{"name", t.name}, {"description", t.desc}, {"input_schema", t.params}})
		}
		o = o.Set("tools", ts)
	}
	if q.stream {
		o = o.Set("stream", true)
	}
	if q.user != "" {
		o = o.Set("metadata", tracefmt.Obj{{"user_id", q.user}})
	}
	return o
}

// callID returns a tool-call id in the dialect's format.
func callID(r *rand.Rand, d dialect) string {
	if d == anthropic {
		return "toolu_01" + randStr(r, 22)
	}
	return "call_" + randStr(r, 24)
}

// schema returns a JSON schema of string properties, all required.
func schema(props ...string) tracefmt.Obj {
	var p tracefmt.Obj
	for i := 0; i+1 < len(props); i += 2 {
		p = p.Set(props[i], tracefmt.Obj{{"type", "string"}, {"description", props[i+1]}})
	}
	var req []string
	for i := 0; i < len(props); i += 2 {
		req = append(req, props[i])
	}
	return tracefmt.Obj{{"type", "object"}, {"properties", p}, {"required", req}}
}
