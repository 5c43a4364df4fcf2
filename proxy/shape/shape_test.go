package shape

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

const (
	clamp  = limiter.MeasureClampTokens
	drop   = limiter.MeasureDropLogprobs
	n1     = limiter.MeasureForceN1
	strip  = limiter.MeasureStripReasoning
	cheap  = limiter.MeasureCheaperModel
	tarpit = limiter.MeasureTarpit
)

func TestRequest(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		ep      fingerprint.Endpoint
		m       limiter.Measures
		usage   bool
		in, out string
	}{
		// OpenAI chat
		{"chat clamp", fingerprint.EndpointChatCompletions, clamp, false,
			`{"model":"gpt-4o", "max_tokens": 9000,"messages":[]}`, `{"model":"gpt-4o", "max_tokens": 16,"messages":[]}`},
		{"chat clamp adds", fingerprint.EndpointChatCompletions, clamp, false,
			`{"model":"gpt-4o","messages":[]}`, `{"model":"gpt-4o","messages":[],"max_completion_tokens":16}`},
		{"chat clamp keeps smaller", fingerprint.EndpointChatCompletions, clamp, false,
			`{"max_completion_tokens":8}`, `{"max_completion_tokens":8}`},
		{"chat drop logprobs", fingerprint.EndpointChatCompletions, drop, false,
			`{"logprobs":true,"model":"m","top_logprobs":20,"logit_bias":{"1":100}}`, `{"model":"m"}`},
		{"chat drop last two", fingerprint.EndpointChatCompletions, drop, false,
			`{"model":"m", "logprobs":true, "top_logprobs":5}`, `{"model":"m"}`},
		{"chat drop all", fingerprint.EndpointChatCompletions, drop, false,
			`{"logprobs":true}`, `{}`},
		{"chat drop all, clamp adds", fingerprint.EndpointChatCompletions, drop | clamp, false,
			`{"logprobs":true}`, `{"max_completion_tokens":16}`},
		{"chat drop all, clamp and usage add", fingerprint.EndpointChatCompletions, drop | clamp, true,
			`{"logprobs":true,"top_logprobs":3}`, `{"max_completion_tokens":16,"stream_options":{"include_usage":true}}`},
		{"chat n", fingerprint.EndpointChatCompletions, n1, false,
			`{"n":8,"model":"m"}`, `{"n":1,"model":"m"}`},
		{"chat effort", fingerprint.EndpointChatCompletions, strip, false,
			`{"reasoning_effort":"high","x":[1,{"a":"}"}]}`, `{"reasoning_effort":"low","x":[1,{"a":"}"}]}`},
		{"chat model", fingerprint.EndpointChatCompletions, cheap, false,
			`{"model":"gpt-5","messages":[{"role":"user","content":"model"}]}`, `{"model":"cheap","messages":[{"role":"user","content":"model"}]}`},
		{"chat usage added", fingerprint.EndpointChatCompletions, 0, true,
			`{"stream":true}`, `{"stream":true,"stream_options":{"include_usage":true}}`},
		{"chat usage set", fingerprint.EndpointChatCompletions, 0, true,
			`{"stream":true,"stream_options":{"include_usage":false}}`, `{"stream":true,"stream_options":{"include_usage":true}}`},
		{"chat usage merged", fingerprint.EndpointChatCompletions, 0, true,
			`{"stream_options":{"x":1}}`, `{"stream_options":{"x":1,"include_usage":true}}`},
		// legacy completions
		{"completions", fingerprint.EndpointCompletions, clamp | drop | n1, false,
			`{"prompt":"hi","max_tokens":100,"logprobs":5,"n":3,"best_of":5}`, `{"prompt":"hi","max_tokens":16,"n":1,"best_of":1}`},
		// responses
		{"responses", fingerprint.EndpointResponses, clamp | drop | strip, false,
			`{"input":"hi","max_output_tokens":100,"top_logprobs":5,"include":["message.output_text.logprobs","reasoning.encrypted_content","file_search_call.results"],"reasoning":{"effort":"high","summary":"detailed"}}`,
			`{"input":"hi","max_output_tokens":16,"include":["file_search_call.results"],"reasoning":{"effort":"low"}}`},
		{"responses clamp adds", fingerprint.EndpointResponses, clamp, false,
			`{"input":"hi"}`, `{"input":"hi","max_output_tokens":16}`},
		// Anthropic
		{"messages strip thinking", fingerprint.EndpointMessages, strip, false,
			`{"model":"claude","max_tokens":4096,"thinking":{"type":"enabled","budget_tokens":2048},"messages":[]}`, `{"model":"claude","max_tokens":4096,"messages":[]}`},
		{"messages clamp drops thinking", fingerprint.EndpointMessages, clamp, false,
			`{"max_tokens":4096,"thinking":{"type":"enabled","budget_tokens":2048}}`, `{"max_tokens":16}`},
		{"messages thinking disabled stays", fingerprint.EndpointMessages, strip, false,
			`{"max_tokens":4096,"thinking":{"type":"disabled"}}`, `{"max_tokens":4096,"thinking":{"type":"disabled"}}`},
		{"messages no clamp adds nothing", fingerprint.EndpointMessages, clamp, false,
			`{"max_tokens":10}`, `{"max_tokens":10}`},
		// nothing to do: identical bytes
		{"untouched", fingerprint.EndpointChatCompletions, clamp | drop | n1 | strip | cheap, false,
			"{\n  \"max_tokens\": 3,\n  \"messages\": [ {\"role\": \"user\", \"content\": \"logprobs\"} ]\n}", "{\n  \"max_tokens\": 3,\n  \"messages\": [ {\"role\": \"user\", \"content\": \"logprobs\"} ]\n}"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var w Rewriter
			c := Config{Measures: tc.m, MaxTokens: 16, Model: "cheap"}
			got, err := w.Request(nil, []byte(tc.in), tc.ep, &c, tc.usage)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.out {
				t.Fatalf("\n got %s\nwant %s", got, tc.out)
			}
		})
	}
	var w Rewriter
	if _, err := w.Request(nil, []byte(`[1]`), fingerprint.EndpointMessages, &Config{}, false); err != ErrBody {
		t.Fatalf("array body: %v", err)
	}
}

func TestResponseJSON(t *testing.T) {
	t.Parallel()
	c := Config{Measures: strip | drop}
	cases := []struct {
		name    string
		ep      fingerprint.Endpoint
		in, out string
		total   limiter.Tokens
	}{
		{"anthropic", fingerprint.EndpointMessages,
			`{"content":[{"type":"thinking","thinking":"x","signature":"s"},{"type":"redacted_thinking","data":"d"},{"type":"text","text":"hi"}],"usage":{"input_tokens":3,"cache_read_input_tokens":2,"output_tokens":5}}`,
			`{"content":[{"type":"text","text":"hi"}],"usage":{"input_tokens":3,"cache_read_input_tokens":2,"output_tokens":5}}`, 10},
		{"chat", fingerprint.EndpointChatCompletions,
			`{"choices":[{"index":0,"message":{"role":"assistant","content":"hi","reasoning_content":"think"},"logprobs":{"content":[]}}],"usage":{"prompt_tokens":2,"completion_tokens":4,"total_tokens":6}}`,
			`{"choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"logprobs":null}],"usage":{"prompt_tokens":2,"completion_tokens":4,"total_tokens":6}}`, 6},
		{"responses", fingerprint.EndpointResponses,
			`{"output":[{"type":"reasoning","id":"rs"},{"type":"message","content":[{"type":"output_text","text":"hi","logprobs":[{"token":"hi"}]}]}],"usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3}}`,
			`{"output":[{"type":"message","content":[{"type":"output_text","text":"hi","logprobs":[]}]}],"usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3}}`, 3},
	}
	for _, tc := range cases {
		var w Rewriter
		got, u := w.Response(nil, []byte(tc.in), tc.ep, &c)
		if string(got) != tc.out || u.Total() != tc.total || !u.Reported {
			t.Errorf("%s:\n got %s %+v\nwant %s %d", tc.name, got, u, tc.out, tc.total)
		}
	}
}

// anthropicThinking is an upstream Anthropic stream with a thinking block
// before the text block.
const anthropicThinking = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":7,\"output_tokens\":1}}}\n\n" +
	"event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}\n\n" +
	"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}}\n\n" +
	"event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n" +
	"event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n" +
	"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}\n\n" +
	"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"b\"}}\n\n" +
	"event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n" +
	"event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":9}}\n\n" +
	"event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"

type sinkFunc func(Usage)

func (f sinkFunc) Done(u Usage) { f(u) }

func shapeAll(t testing.TB, in string, o StreamOptions, chunk int) (string, Usage) {
	var u Usage
	o.Sink = sinkFunc(func(x Usage) { u = x })
	s := NewStream(io.NopCloser(&chunked{s: in, n: chunk}), o)
	out, err := io.ReadAll(s)
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	return string(out), u
}

// chunked reads s in pieces of n bytes: events split anywhere.
type chunked struct {
	s string
	n int
}

func (c *chunked) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[n:]
	return n, nil
}

func TestStreamAnthropicStrip(t *testing.T) {
	t.Parallel()
	want := "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":7,\"output_tokens\":1}}}\n\n" +
		"event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n" +
		"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}\n\n" +
		"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"b\"}}\n\n" +
		"event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n" +
		"event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":9}}\n\n" +
		"event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
	for _, chunk := range []int{1, 7, 64, 1 << 20} {
		got, u := shapeAll(t, anthropicThinking, StreamOptions{Endpoint: fingerprint.EndpointMessages, Config: &Config{Measures: strip}}, chunk)
		if got != want {
			t.Fatalf("chunk %d:\n got %q\nwant %q", chunk, got, want)
		}
		if u.Total() != 16 || !u.Reported {
			t.Fatalf("usage %+v", u)
		}
	}
}

func TestStreamTruncate(t *testing.T) {
	t.Parallel()
	got, u := shapeAll(t, anthropicThinking, StreamOptions{Endpoint: fingerprint.EndpointMessages, Config: &Config{Measures: strip | clamp, MaxTokens: 1}}, 1<<20)
	if !strings.HasSuffix(got, "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"+
		"event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":1}}\n\n"+
		"event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n") || strings.Contains(got, `"text":"b"`) {
		t.Fatalf("not ended at the budget: %q", got)
	}
	if u.Output != 1 || u.Input != 7 {
		t.Fatalf("usage %+v", u)
	}
	chat := "data: {\"id\":\"c\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n" +
		"data: {\"id\":\"c\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}\n\n" +
		"data: [DONE]\n\n"
	got, _ = shapeAll(t, chat, StreamOptions{Endpoint: fingerprint.EndpointChatCompletions, Config: &Config{Measures: clamp, MaxTokens: 1}, Prompt: 3}, 1<<20)
	want := "data: {\"id\":\"c\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\n" +
		"data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"length\"}]}\n\n" +
		"data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}\n\n" +
		"data: [DONE]\n\n"
	if got != want {
		t.Fatalf("\n got %q\nwant %q", got, want)
	}
}

func TestStreamStripUsage(t *testing.T) {
	t.Parallel()
	in := "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[1]}}]}\n\n" +
		"data: {\"choices\":[],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":1,\"total_tokens\":3}}\n\ndata: [DONE]\n\n"
	got, u := shapeAll(t, in, StreamOptions{Endpoint: fingerprint.EndpointChatCompletions, Config: &Config{Measures: drop}, StripUsage: true}, 5)
	want := "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"logprobs\":null}]}\n\ndata: [DONE]\n\n"
	if got != want || u.Total() != 3 {
		t.Fatalf("\n got %q %+v\nwant %q", got, u, want)
	}
	// the allow-path meter does the same without shaping
	m := NewMeter(io.NopCloser(&chunked{s: in, n: 5}), true, StreamOptions{Endpoint: fingerprint.EndpointChatCompletions, StripUsage: true})
	b, _ := io.ReadAll(m)
	if strings.Contains(string(b), "usage") || !strings.HasSuffix(string(b), "data: [DONE]\n\n") || m.Usage().Total() != 3 {
		t.Fatalf("meter: %q %+v", b, m.Usage())
	}
}

// TestMeterPassThrough checks that the allow-path meter hands out the
// upstream's bytes unchanged however they are split, and finds the usage.
func TestMeterPassThrough(t *testing.T) {
	t.Parallel()
	for _, chunk := range []int{1, 3, 100, 1 << 20} {
		m := NewMeter(io.NopCloser(&chunked{s: anthropicThinking, n: chunk}), true, StreamOptions{Endpoint: fingerprint.EndpointMessages})
		b, _ := io.ReadAll(m)
		if string(b) != anthropicThinking || m.Usage().Total() != 16 || !m.Usage().Reported || m.Usage().Deltas != 3 {
			t.Fatalf("chunk %d: %+v", chunk, m.Usage())
		}
		body := `{"id":"x","content":[{"type":"text","text":"\"usage\": no"}],"usage":{"input_tokens":4,"output_tokens":6}}`
		m = NewMeter(io.NopCloser(&chunked{s: body, n: chunk}), false, StreamOptions{Endpoint: fingerprint.EndpointMessages})
		b, _ = io.ReadAll(m)
		_ = m.Close()
		if string(b) != body || m.Usage().Total() != 10 {
			t.Fatalf("json chunk %d: %+v", chunk, m.Usage())
		}
	}
}

// TestTarpit checks the delay between events on a fake clock: n events
// take (n-1) delays, bounded by TarpitMax, and a cancelled client ends
// the wait.
func TestTarpit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := &Config{Measures: tarpit, TarpitDelay: 100 * time.Millisecond, TarpitMax: 450 * time.Millisecond}
		start := time.Now()
		got, _ := shapeAll(t, anthropicThinking, StreamOptions{Endpoint: fingerprint.EndpointMessages, Config: c}, 1<<20)
		if got != anthropicThinking {
			t.Fatalf("tarpit changed the stream: %q", got)
		}
		if d := time.Since(start); d != 450*time.Millisecond {
			t.Fatalf("took %v, want the 450ms bound", d)
		}
		c.TarpitMax = time.Hour
		start = time.Now()
		shapeAll(t, anthropicThinking, StreamOptions{Endpoint: fingerprint.EndpointMessages, Config: c}, 1<<20)
		if d := time.Since(start); d != 900*time.Millisecond {
			t.Fatalf("10 events took %v, want 9 delays", d)
		}
	})
}

// FuzzStream feeds the shaper and the meter arbitrary upstream bytes, split
// anywhere: no panic, no hang (Read always progresses to EOF), and output
// bounded by the input plus the synthetic end events. The seed corpus is in
// testdata/fuzz/FuzzStream (every dialect, reasoning, logprobs, broken
// JSON, CRLF separators, missing final events, a token-budget overrun);
// the giant-line seed is built here rather than stored.
func FuzzStream(f *testing.F) {
	f.Add(append([]byte("data: "), bytes.Repeat([]byte("x"), 3<<20)...), uint8(200), uint8(1))
	eps := []fingerprint.Endpoint{fingerprint.EndpointMessages, fingerprint.EndpointChatCompletions, fingerprint.EndpointResponses, fingerprint.EndpointCompletions}
	f.Fuzz(func(t *testing.T, in []byte, chunk, ep uint8) {
		o := StreamOptions{Endpoint: eps[int(ep)%len(eps)], Config: &Config{Measures: clamp | drop | strip | n1, MaxTokens: 3}, StripUsage: ep&4 != 0}
		n := int(chunk)*97 + 1
		s := NewStream(io.NopCloser(&chunked{s: string(in), n: n}), o)
		out, err := io.ReadAll(s)
		if err != nil {
			t.Fatal(err)
		}
		_ = s.Close()
		if len(out) > len(in)+2+1024 {
			t.Fatalf("output %d bytes for input %d", len(out), len(in))
		}
		m := NewMeter(io.NopCloser(&chunked{s: string(in), n: n}), true, o)
		out, err = io.ReadAll(m)
		if err != nil {
			t.Fatal(err)
		}
		if !o.StripUsage && string(out) != string(in) {
			t.Fatal("meter changed the bytes")
		}
	})
}
