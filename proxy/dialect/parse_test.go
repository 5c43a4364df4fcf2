package dialect_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

const (
	chat      = fingerprint.EndpointChatCompletions
	legacy    = fingerprint.EndpointCompletions
	responses = fingerprint.EndpointResponses
	messages  = fingerprint.EndpointMessages
)

func user(s string) fingerprint.Turn {
	return fingerprint.Turn{Role: fingerprint.RoleUser, Text: []byte(s)}
}
func asst(s string) fingerprint.Turn {
	return fingerprint.Turn{Role: fingerprint.RoleAssistant, Text: []byte(s)}
}
func tool(s string) fingerprint.Turn {
	return fingerprint.Turn{Role: fingerprint.RoleTool, Text: []byte(s)}
}

// want is the part of a Request a test case checks; zero fields must be
// zero in the result too.
type want struct {
	model  string
	system string
	turns  []fingerprint.Turn
	knobs  fingerprint.Request // knob fields only (no text, model, dialect)
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		ep   fingerprint.Endpoint
		body string
		want want
	}{
		// OpenAI chat completions.
		{"chat plain", chat, `{"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}]}`,
			want{model: "gpt-4o", system: "Be brief.", turns: []fingerprint.Turn{user("Hi")}}},
		{"chat role after content", chat, `{"messages":[{"content":"sys","role":"developer"},{"content":"q","role":"user"}]}`,
			want{system: "sys", turns: []fingerprint.Turn{user("q")}}},
		{"chat two system messages", chat, `{"messages":[{"role":"system","content":"a"},{"role":"user","content":"q"},{"role":"developer","content":"b\tc"}]}`,
			want{system: "a\nb\tc", turns: []fingerprint.Turn{user("q")}}},
		{"chat content parts", chat, `{"model":"gpt-4.1","messages":[{"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","image_url":{"url":"data:x"}},{"text":"at this","type":"text"}]}]}`,
			want{model: "gpt-4.1", turns: []fingerprint.Turn{user("look\nat this")}}},
		{"chat image only", chat, `{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"u"}}]}]}`,
			want{turns: []fingerprint.Turn{user("")}}},
		{"chat tools and tool turns", chat, `{"messages":[{"role":"user","content":"weather?"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"w","arguments":"{\"city\":\"Paris\"}"}}]},{"role":"tool","tool_call_id":"c1","content":"sunny"},{"role":"function","name":"w","content":"old"}],"tools":[{"type":"function","function":{"name":"w","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],"functions":[{"name":"f"}]}`,
			want{turns: []fingerprint.Turn{user("weather?"), asst(`{"city":"Paris"}`), tool("sunny"), tool("old")}, knobs: fingerprint.Request{Tools: 2}}},
		{"chat assistant content and function_call", chat, `{"messages":[{"function_call":{"name":"f","arguments":"{}"},"role":"assistant","content":"ok"}]}`,
			want{turns: []fingerprint.Turn{asst("ok\n{}")}}},
		{"chat unknown role is user", chat, `{"messages":[{"role":"narrator","content":"x"},{"content":"y"}]}`,
			want{turns: []fingerprint.Turn{user("x"), user("y")}}},
		{"chat knobs", chat, `{"model":"gpt-5","messages":[],"stream":true,"stream_options":{"include_usage":true},"max_tokens":100,"temperature":0.7,"n":3,"reasoning_effort":"high"}`,
			want{model: "gpt-5", knobs: fingerprint.Request{Stream: true, StreamIncludeUsage: true, MaxTokens: 100, Temperature: 0.7, HasTemperature: true, N: 3, ReasoningEffort: "high"}}},
		{"chat max_completion_tokens wins", chat, `{"max_completion_tokens":5,"max_tokens":100}`,
			want{knobs: fingerprint.Request{MaxTokens: 5}}},
		{"chat logprob extraction shape", chat, `{"messages":[{"role":"user","content":"x"}],"max_tokens":1,"temperature":0,"logprobs":true,"top_logprobs":20,"logit_bias":{"1":100,"2":-100,"3":5}}`,
			want{turns: []fingerprint.Turn{user("x")}, knobs: fingerprint.Request{MaxTokens: 1, HasTemperature: true, Logprobs: true, TopLogprobs: 20, LogitBias: 3}}},
		{"chat top_logprobs alone", chat, `{"top_logprobs":2}`,
			want{knobs: fingerprint.Request{Logprobs: true, TopLogprobs: 2}}},
		{"chat nulls are absent", chat, `{"model":null,"messages":null,"stream":null,"temperature":null,"n":null,"logprobs":null,"tools":null,"logit_bias":null,"reasoning_effort":null,"stream_options":null}`,
			want{}},
		{"chat unknown effort", chat, `{"reasoning_effort":"maximal"}`,
			want{knobs: fingerprint.Request{ReasoningEffort: dialect.EffortOther}}},
		{"chat unknown fields skipped", chat, `{"metadata":{"a":[1,2,{"b":null}]},"user":"u","seed":-1.5e3,"response_format":{"type":"json_schema"},"messages":[{"role":"user","content":"q","name":"n"}]}`,
			want{turns: []fingerprint.Turn{user("q")}}},
		{"chat whitespace", chat, " \n\t{ \"messages\" : [ { \"role\" : \"user\" , \"content\" : \"q\" } ] , \"n\" : 2 } \r\n",
			want{turns: []fingerprint.Turn{user("q")}, knobs: fingerprint.Request{N: 2}}},

		// Escapes and unicode.
		{"escapes", chat, `{"messages":[{"role":"user","content":"a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u4e2d\ud83d\ude00"}]}`,
			want{turns: []fingerprint.Turn{user("a\"b\\c/d\b\f\n\r\tAé中😀")}}},
		{"lone surrogates", chat, `{"messages":[{"role":"user","content":"x\ud800y\udc00z\ud800\u0041"}]}`,
			want{turns: []fingerprint.Turn{user("x\uFFFDy\uFFFDz\uFFFDA")}}},
		{"chinese raw", chat, `{"model":"qwen-max","messages":[{"role":"system","content":"你是一个乐于助人的助手。"},{"role":"user","content":"请一步一步地解释你的推理过程。"}]}`,
			want{model: "qwen-max", system: "你是一个乐于助人的助手。", turns: []fingerprint.Turn{user("请一步一步地解释你的推理过程。")}}},
		{"escaped keys", chat, `{"\u006dodel":"gpt-4o","m\u0065ssages":[{"r\u006fle":"assistant","content":"a"}]}`,
			want{model: "gpt-4o", turns: []fingerprint.Turn{asst("a")}}},
		{"escaped model", chat, `{"model":"my-\u00e9-model"}`, want{model: "my-é-model"}},
		{"escaped long model", chat, `{"model":"` + strings.Repeat("x", 70) + `\u0041"}`, want{model: strings.Repeat("x", 70) + "A"}},
		{"invalid utf8 passes", chat, "{\"messages\":[{\"role\":\"user\",\"content\":\"a\xffb\"}]}",
			want{turns: []fingerprint.Turn{user("a\xffb")}}},
		{"escaped parts joined", chat, `{"messages":[{"role":"user","content":[{"type":"text","text":"l\u00edne1"},{"type":"text","text":"line2"}]}]}`,
			want{turns: []fingerprint.Turn{user("líne1\nline2")}}},

		// Legacy completions.
		{"legacy prompt", legacy, `{"model":"gpt-3.5-turbo-instruct","prompt":"Say this is a test","max_tokens":7,"logprobs":5,"n":2}`,
			want{model: "gpt-3.5-turbo-instruct", turns: []fingerprint.Turn{user("Say this is a test")}, knobs: fingerprint.Request{MaxTokens: 7, Logprobs: true, TopLogprobs: 5, N: 2}}},
		{"legacy prompt array", legacy, `{"prompt":["a","b\u0021",[1,2],3],"logprobs":0}`,
			want{turns: []fingerprint.Turn{user("a\nb!")}, knobs: fingerprint.Request{Logprobs: true}}},
		{"legacy logit_bias", legacy, `{"prompt":"p","logit_bias":{"50256":-100}}`,
			want{turns: []fingerprint.Turn{user("p")}, knobs: fingerprint.Request{LogitBias: 1}}},

		// Responses.
		{"responses string input", responses, `{"model":"o3","instructions":"Talk like a pirate.","input":"Are semicolons optional?","reasoning":{"effort":"medium","summary":"auto"},"max_output_tokens":500}`,
			want{model: "o3", system: "Talk like a pirate.", turns: []fingerprint.Turn{user("Are semicolons optional?")}, knobs: fingerprint.Request{MaxTokens: 500, ReasoningEffort: "medium"}}},
		{"responses items", responses, `{"input":[{"role":"developer","content":"dev"},{"type":"message","role":"user","content":[{"type":"input_text","text":"q1"},{"type":"input_image","image_url":"u"}]},{"type":"message","role":"assistant","content":[{"type":"output_text","text":"a1","annotations":[]}]},{"type":"function_call","call_id":"c","name":"f","arguments":"{\"x\":1}"},{"type":"function_call_output","call_id":"c","output":"42"},{"type":"reasoning","summary":[{"type":"summary_text","text":"hidden"}]}],"instructions":"ins"}`,
			want{system: "dev\nins", turns: []fingerprint.Turn{user("q1"), asst("a1"), asst(`{"x":1}`), tool("42")}}},
		{"responses output parts and object output", responses, `{"input":[{"output":[{"type":"input_text","text":"o1"}],"type":"function_call_output"},{"type":"computer_call_output","output":{"type":"computer_screenshot"}}]}`,
			want{turns: []fingerprint.Turn{tool("o1")}}},
		{"responses logprobs", responses, `{"top_logprobs":5,"include":["reasoning.encrypted_content","message.output_text.logprobs"],"tools":[{"type":"web_search"}],"stream":true,"temperature":1}`,
			want{knobs: fingerprint.Request{Logprobs: true, TopLogprobs: 5, Tools: 1, Stream: true, Temperature: 1, HasTemperature: true}}},
		{"responses include without logprobs", responses, `{"include":["file_search_call.results"]}`, want{}},

		// Anthropic messages.
		{"anthropic plain", messages, `{"model":"claude-sonnet-4-5","max_tokens":1024,"system":"You are terse.","messages":[{"role":"user","content":"Hello"},{"role":"assistant","content":"Hi"},{"role":"user","content":"Why?"}]}`,
			want{model: "claude-sonnet-4-5", system: "You are terse.", turns: []fingerprint.Turn{user("Hello"), asst("Hi"), user("Why?")}, knobs: fingerprint.Request{MaxTokens: 1024}}},
		{"anthropic system blocks", messages, `{"system":[{"type":"text","text":"a","cache_control":{"type":"ephemeral"}},{"type":"text","text":"b"}],"messages":[]}`,
			want{system: "a\nb"}},
		{"anthropic blocks", messages, `{"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAA"}},{"type":"text","text":"describe"}]},{"role":"assistant","content":[{"type":"thinking","thinking":"secret","signature":"s"},{"type":"redacted_thinking","data":"x"},{"type":"text","text":"Let me check."},{"type":"tool_use","id":"t1","name":"get","input":{"q": "x"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"result 1"},{"type":"tool_result","tool_use_id":"t2","content":[{"type":"text","text":"r2"},{"type":"image","source":{}}],"is_error":true},{"type":"text","text":"continue"}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t3"}]}]}`,
			want{turns: []fingerprint.Turn{user("describe"), asst("Let me check.\n{\"q\": \"x\"}"), tool("result 1\nr2"), user("continue"), tool("")}}},
		{"anthropic type last", messages, `{"messages":[{"content":[{"text":"t","type":"text"},{"content":"c","type":"web_search_tool_result"},{"input":{},"type":"server_tool_use"}],"role":"assistant"}]}`,
			want{turns: []fingerprint.Turn{asst("t")}}},
		{"anthropic lenient block content", messages, `{"messages":[{"role":"user","content":[{"type":"web_search_tool_result","tool_use_id":"x","content":{"type":"web_search_tool_result_error","error_code":"unavailable"}},{"type":"text","text":"q"}]}]}`,
			want{turns: []fingerprint.Turn{user("q")}}},
		{"anthropic thinking", messages, `{"model":"claude-opus-4-1","thinking":{"type":"enabled","budget_tokens":16000},"stream":true,"temperature":1,"tools":[{"name":"a","input_schema":{}},{"name":"b","input_schema":{}}]}`,
			want{model: "claude-opus-4-1", knobs: fingerprint.Request{Thinking: true, ThinkingBudget: 16000, Stream: true, Temperature: 1, HasTemperature: true, Tools: 2}}},
		{"anthropic adaptive thinking", messages, `{"thinking":{"type":"adaptive"}}`, want{knobs: fingerprint.Request{Thinking: true}}},
		{"anthropic disabled thinking", messages, `{"thinking":{"type":"disabled"}}`, want{}},
		{"anthropic ignores openai knobs", messages, `{"logprobs":true,"n":5,"logit_bias":{"1":1}}`, want{}},
		{"anthropic chinese escaped", messages, `{"messages":[{"role":"user","content":"\u8bf7\u89e3\u91ca"}]}`,
			want{turns: []fingerprint.Turn{user("请解释")}}},
	}
	p := dialect.Get()
	defer dialect.Put(p)
	var req fingerprint.Request
	for _, tt := range tests {
		if err := p.Parse(tt.ep, []byte(tt.body), &req); err != nil {
			t.Errorf("%s: Parse: %v", tt.name, err)
			continue
		}
		check(t, tt.name, tt.ep, &req, tt.want)
	}
}

func check(t *testing.T, name string, ep fingerprint.Endpoint, got *fingerprint.Request, w want) {
	t.Helper()
	d, _ := dialect.Detect(map[fingerprint.Endpoint]string{chat: "/v1/chat/completions", legacy: "/v1/completions", responses: "/v1/responses", messages: "/v1/messages"}[ep])
	if got.Dialect != d || got.Endpoint != ep {
		t.Errorf("%s: dialect/endpoint = %v/%v, want %v/%v", name, got.Dialect, got.Endpoint, d, ep)
	}
	if got.Model != w.model {
		t.Errorf("%s: model = %q, want %q", name, got.Model, w.model)
	}
	if string(got.System) != w.system {
		t.Errorf("%s: system = %q, want %q", name, got.System, w.system)
	}
	if len(got.Turns) != len(w.turns) {
		t.Errorf("%s: %d turns %s, want %d %s", name, len(got.Turns), fmtTurns(got.Turns), len(w.turns), fmtTurns(w.turns))
	} else {
		for i := range w.turns {
			if got.Turns[i].Role != w.turns[i].Role || string(got.Turns[i].Text) != string(w.turns[i].Text) {
				t.Errorf("%s: turn %d = %s, want %s", name, i, fmtTurns(got.Turns[i:i+1]), fmtTurns(w.turns[i:i+1]))
			}
		}
	}
	k := *got
	k.Dialect, k.Endpoint, k.Model, k.System, k.Turns = 0, 0, "", nil, nil
	if (k.LogitBias > 0) != (k.LogitBiasHash != 0) {
		t.Errorf("%s: %d logit_bias entries with hash %x", name, k.LogitBias, k.LogitBiasHash)
	}
	k.LogitBiasHash = 0 // TestLogitBiasHash
	if !reflect.DeepEqual(k, w.knobs) {
		t.Errorf("%s: knobs = %+v, want %+v", name, k, w.knobs)
	}
}

func fmtTurns(ts []fingerprint.Turn) string {
	var sb strings.Builder
	for _, t := range ts {
		sb.WriteString([]string{"user", "assistant", "tool"}[t.Role])
		sb.WriteString(":")
		sb.WriteString(strings.ReplaceAll(string(t.Text), "\n", `\n`))
		sb.WriteString(" ")
	}
	return "[" + sb.String() + "]"
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		ep    fingerprint.Endpoint
		body  string
		param string // "" for syntax errors
	}{
		// Syntax.
		{"empty", chat, ``, ""},
		{"truncated", chat, `{"model":"gpt-4o","messages":[`, ""},
		{"trailing comma", chat, `{"model":"x",}`, ""},
		{"trailing garbage", chat, `{"model":"x"} x`, ""},
		{"two values", messages, `{}{}`, ""},
		{"single quotes", chat, `{'model':'x'}`, ""},
		{"bad escape", chat, `{"messages":[{"role":"user","content":"\x"}]}`, ""},
		{"bad unicode escape", chat, `{"x":"\u12G4"}`, ""},
		{"control char", chat, "{\"x\":\"a\x01b\"}", ""},
		{"bad number", chat, `{"seed":01}`, ""},
		{"bad number frac", chat, `{"seed":1.}`, ""},
		{"bad literal", chat, `{"stream":tru}`, ""},
		{"missing colon", chat, `{"model" "x"}`, ""},
		{"unterminated string", chat, `{"model":"x`, ""},
		{"too deep", chat, `{"x":` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}`, ""},
		{"not an object", chat, `[{"model":"x"}]`, ""},
		{"string body", messages, `"hello"`, ""},
		{"null body", messages, `null`, ""},

		// Types.
		{"stream string", chat, `{"stream":"yes"}`, "stream"},
		{"max_tokens negative", chat, `{"max_tokens":-5}`, "max_tokens"},
		{"max_tokens huge", messages, `{"max_tokens":99999999999999999999}`, "max_tokens"},
		{"max_tokens fraction", chat, `{"max_completion_tokens":1.5}`, "max_completion_tokens"},
		{"max_output_tokens string", responses, `{"max_output_tokens":"10"}`, "max_output_tokens"},
		{"messages object", chat, `{"messages":{"role":"user"}}`, "messages"},
		{"message string", chat, `{"messages":["hi"]}`, "messages[0]"},
		{"content number", chat, `{"messages":[{"role":"user","content":"a"},{"role":"user","content":5}]}`, "messages[1].content"},
		{"part text number", chat, `{"messages":[{"role":"user","content":[{"type":"text","text":1}]}]}`, "messages[0].content[0].text"},
		{"part not object", chat, `{"messages":[{"role":"user","content":["a"]}]}`, "messages[0].content[0]"},
		{"role number", chat, `{"messages":[{"role":1}]}`, "messages[0].role"},
		{"tool call arguments", chat, `{"messages":[{"role":"assistant","tool_calls":[{"function":{"arguments":{}}}]}]}`, "messages[0].tool_calls[0].function.arguments"},
		{"temperature string", chat, `{"temperature":"hot"}`, "temperature"},
		{"temperature overflow", messages, `{"temperature":1e400}`, "temperature"},
		{"logprobs number on chat", chat, `{"logprobs":5}`, "logprobs"},
		{"logprobs bool on legacy", legacy, `{"logprobs":true}`, "logprobs"},
		{"logit_bias array", chat, `{"logit_bias":[1]}`, "logit_bias"},
		{"tools object", chat, `{"tools":{}}`, "tools"},
		{"include_usage string", chat, `{"stream_options":{"include_usage":"y"}}`, "stream_options.include_usage"},
		{"effort number", chat, `{"reasoning_effort":1}`, "reasoning_effort"},
		{"responses effort", responses, `{"reasoning":{"effort":true}}`, "reasoning.effort"},
		{"include element", responses, `{"include":["a",1]}`, "include[1]"},
		{"input number", responses, `{"input":1}`, "input"},
		{"input item string", responses, `{"input":["x"]}`, "input[0]"},
		{"input content number", responses, `{"input":[{"role":"user","content":1}]}`, "input[0].content"},
		{"prompt object", legacy, `{"prompt":{}}`, "prompt"},
		{"model number", messages, `{"model":4}`, "model"},
		{"system number", messages, `{"system":4}`, "system"},
		{"thinking string", messages, `{"thinking":"on"}`, "thinking"},
		{"thinking budget", messages, `{"thinking":{"type":"enabled","budget_tokens":-1}}`, "thinking.budget_tokens"},
		{"block text", messages, `{"messages":[{"role":"user","content":[{"type":"text","text":"ok"},{"type":"text","text":[]}]}]}`, "messages[0].content[1].text"},
		{"block content", messages, `{"messages":[{"role":"user","content":true}]}`, "messages[0].content"},
		{"type error then syntax", chat, `{"stream":"x",`, ""},
	}
	p := dialect.Get()
	defer dialect.Put(p)
	var req fingerprint.Request
	for _, tt := range tests {
		err := p.Parse(tt.ep, []byte(tt.body), &req)
		var e *dialect.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: err = %v, want *Error", tt.name, err)
			continue
		}
		if e.Kind != dialect.InvalidRequest || e.Status() != 400 {
			t.Errorf("%s: kind %v status %d", tt.name, e.Kind, e.Status())
		}
		if tt.param != "" && e.Param != tt.param {
			t.Errorf("%s: param = %q, want %q (%v)", tt.name, e.Param, tt.param, err)
		}
		if tt.param != "" && !strings.HasPrefix(e.Msg, tt.param+": must be ") {
			t.Errorf("%s: msg = %q", tt.name, e.Msg)
		}
	}
}

// TestErrorNeverEchoesPrompt: error messages are client-safe.
func TestErrorNeverEchoesPrompt(t *testing.T) {
	t.Parallel()
	secret := "SECRET-PROMPT-TEXT"
	for _, body := range []string{
		`{"messages":[{"role":"user","content":"` + secret + `"}],"stream":"` + secret + `"}`,
		`{"messages":[{"role":"user","content":"` + secret + `\q"}]}`,
		`{"` + secret + `":1,"model":` + secret + `}`,
	} {
		p := dialect.Get()
		var req fingerprint.Request
		err := p.Parse(chat, []byte(body), &req)
		dialect.Put(p)
		if err == nil || strings.Contains(err.Error(), secret) {
			t.Errorf("err = %v", err)
		}
	}
}

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path string
		d    fingerprint.Dialect
		ep   fingerprint.Endpoint
	}{
		{"/v1/chat/completions", fingerprint.DialectOpenAI, chat},
		{"/v1/completions", fingerprint.DialectOpenAI, legacy},
		{"/v1/responses", fingerprint.DialectOpenAI, responses},
		{"/v1/messages", fingerprint.DialectAnthropic, messages},
		{"/v1/models", fingerprint.DialectUnknown, fingerprint.EndpointOther},
		{"/v1/messages/count_tokens", fingerprint.DialectUnknown, fingerprint.EndpointOther},
		{"/v1/chat/completions/", fingerprint.DialectUnknown, fingerprint.EndpointOther},
		{"", fingerprint.DialectUnknown, fingerprint.EndpointOther},
	}
	for _, tt := range tests {
		if d, ep := dialect.Detect(tt.path); d != tt.d || ep != tt.ep {
			t.Errorf("Detect(%q) = %v, %v; want %v, %v", tt.path, d, ep, tt.d, tt.ep)
		}
	}
}

// TestSlicesStable: slices from one Parse keep their contents while the
// parser writes more (scratch never moves under them), and Turns is
// reused across calls.
func TestSlicesStable(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	sb.WriteString(`{"messages":[`)
	for i := range 200 {
		if i > 0 {
			sb.WriteString(",")
		}
		sb.WriteString(`{"role":"system","content":"s\u0041"},{"role":"user","content":[{"type":"text","text":"a\n"},{"type":"text","text":"b"}]}`)
	}
	sb.WriteString(`]}`)
	p := dialect.Get()
	defer dialect.Put(p)
	var req fingerprint.Request
	if err := p.Parse(chat, []byte(sb.String()), &req); err != nil {
		t.Fatal(err)
	}
	if len(req.Turns) != 200 {
		t.Fatalf("%d turns", len(req.Turns))
	}
	for i, tr := range req.Turns {
		if string(tr.Text) != "a\n\nb" {
			t.Fatalf("turn %d = %q", i, tr.Text)
		}
	}
	if want := strings.TrimSuffix(strings.Repeat("sA\n", 200), "\n"); string(req.System) != want {
		t.Fatalf("system = %q", req.System)
	}
	turns := req.Turns
	if err := p.Parse(chat, []byte(`{"messages":[{"role":"user","content":"x"}]}`), &req); err != nil {
		t.Fatal(err)
	}
	if &req.Turns[0] != &turns[0] {
		t.Error("Turns slice not reused")
	}
	if req.System != nil || len(req.Turns) != 1 {
		t.Errorf("not reset: %+v", req)
	}
}

func TestParseOtherEndpoint(t *testing.T) {
	t.Parallel()
	var req fingerprint.Request
	err := dialect.Get().Parse(fingerprint.EndpointOther, []byte(`{}`), &req)
	var e *dialect.Error
	if !errors.As(err, &e) || e.Kind != dialect.NotFound {
		t.Errorf("err = %v", err)
	}
}

// TestLogitBiasHash: the hash of logit_bias tells one bias from another
// (an extraction's walk over the vocabulary) and is the same for the same
// bias, whatever surrounds it.
func TestLogitBiasHash(t *testing.T) {
	hash := func(body string) uint64 {
		p := dialect.Get()
		defer dialect.Put(p)
		var req fingerprint.Request
		if err := p.Parse(fingerprint.EndpointChatCompletions, []byte(body), &req); err != nil {
			t.Fatal(err)
		}
		return req.LogitBiasHash
	}
	a := hash(`{"messages":[{"role":"user","content":"x"}],"logit_bias":{"15":100,"16":100}}`)
	b := hash(`{"logit_bias" :  {"15":100,"16":100} ,"messages":[{"role":"user","content":"y"}],"max_tokens":1}`)
	c := hash(`{"messages":[{"role":"user","content":"x"}],"logit_bias":{"15":100,"17":100}}`)
	none := hash(`{"messages":[{"role":"user","content":"x"}],"logit_bias":{}}`)
	if a == 0 || a != b {
		t.Errorf("the same bias: %x and %x, want equal and not 0", a, b)
	}
	if c == a {
		t.Errorf("another bias hashes like the first: %x", c)
	}
	if none != 0 {
		t.Errorf("an empty bias: %x, want 0", none)
	}
}
