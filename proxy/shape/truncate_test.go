package shape

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
)

// responsesOverrun is the Responses stream of the fuzz corpus seed
// responses_overrun: a reasoning item, then a message whose 8 text deltas
// (with escapes and non-ASCII text) overrun a budget of 3.
func responsesOverrun(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/fuzz/FuzzStream/responses_overrun")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	var in []byte
	if _, err := fmtSscan(lines[1], &in); err != nil {
		t.Fatal(err)
	}
	return string(in)
}

// TestResponsesStreamEnd checks the synthetic end of a Responses stream
// that overruns the budget: the text done events carry the text sent, the
// message item is done "incomplete" at its renumbered index, and
// response.incomplete carries status, incomplete_details, the output and
// the usage; sequence numbers go on without a gap; every event is JSON.
func TestResponsesStreamEnd(t *testing.T) {
	t.Parallel()
	got, u := shapeAll(t, responsesOverrun(t), StreamOptions{Endpoint: fingerprint.EndpointResponses, Config: &Config{Measures: clamp | strip, MaxTokens: 3}, Prompt: 4}, 7)
	var types []string
	seq := -1
	var last map[string]any
	for _, ev := range strings.Split(strings.TrimSuffix(got, "\n\n"), "\n\n") {
		_, data, _ := strings.Cut(ev, "data: ")
		var m map[string]any
		if err := json.Unmarshal([]byte(data), &m); err != nil {
			t.Fatalf("event %q: %v", ev, err)
		}
		types = append(types, m["type"].(string))
		if n := int(m["sequence_number"].(float64)); n != seq+1 {
			t.Fatalf("sequence_number %d after %d", n, seq)
		} else {
			seq = n
		}
		last = m
		switch m["type"] {
		case "response.output_text.done":
			if m["text"] != ` w"0é w"1é w"2é` || m["output_index"].(float64) != 0 {
				t.Fatalf("text done %v", m)
			}
		case "response.output_item.done":
			item := m["item"].(map[string]any)
			if item["status"] != "incomplete" || item["id"] != "msg_1" || m["output_index"].(float64) != 0 {
				t.Fatalf("item done %v", m)
			}
		}
	}
	want := "response.created response.output_item.added response.content_part.added " +
		"response.output_text.delta response.output_text.delta response.output_text.delta " +
		"response.output_text.done response.content_part.done response.output_item.done response.incomplete"
	if strings.Join(types, " ") != want {
		t.Fatalf("events\n got %s\nwant %s", strings.Join(types, " "), want)
	}
	r := last["response"].(map[string]any)
	if r["status"] != "incomplete" || r["id"] != "resp_1" || r["incomplete_details"].(map[string]any)["reason"] != "max_output_tokens" {
		t.Fatalf("final response %v", r)
	}
	out := r["output"].([]any)
	if len(out) != 1 || out[0].(map[string]any)["content"].([]any)[0].(map[string]any)["text"] != ` w"0é w"1é w"2é` {
		t.Fatalf("final output %v", out)
	}
	if usage := r["usage"].(map[string]any); usage["output_tokens"].(float64) != 3 || usage["input_tokens"].(float64) != 4 || u.Total() != 7 {
		t.Fatalf("usage %v, metered %+v", usage, u)
	}
}

// TestTruncateJSON checks non-streamed bodies whose reported output
// overruns the budget: text cut at a word, stop reasons and usage set,
// every other byte kept, and bodies within the budget untouched.
func TestTruncateJSON(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		ep      fingerprint.Endpoint
		in, out string
	}{
		{"chat", fingerprint.EndpointChatCompletions,
			`{"choices":[{"index":0,"message":{"role":"assistant","content":"one two three four five six seven eight"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":8,"total_tokens":11}}`,
			`{"choices":[{"index":0,"message":{"role":"assistant","content":"one two three four"},"finish_reason":"length"}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}`},
		{"chat within budget", fingerprint.EndpointChatCompletions,
			`{"choices":[{"index":0,"message":{"content":"one two"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":9,"total_tokens":12,"completion_tokens_details":{"reasoning_tokens":7}}}`,
			`{"choices":[{"index":0,"message":{"content":"one two"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":9,"total_tokens":12,"completion_tokens_details":{"reasoning_tokens":7}}}`},
		{"completions", fingerprint.EndpointCompletions,
			`{"choices":[{"text":"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9","index":0,"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":8}}`,
			`{"choices":[{"text":"\u00e9\u00e9\u00e9\u00e9","index":0,"finish_reason":"length"}],"usage":{"prompt_tokens":1,"completion_tokens":4}}`},
		{"messages", fingerprint.EndpointMessages,
			`{"content":[{"type":"text","text":"one two three four five six seven eight"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":8}}`,
			`{"content":[{"type":"text","text":"one two three four"}],"stop_reason":"max_tokens","stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":4}}`},
		{"responses", fingerprint.EndpointResponses,
			`{"id":"r","status":"completed","output":[{"type":"message","status":"completed","content":[{"type":"output_text","text":"one two three four five six seven eight"}]}],"usage":{"input_tokens":3,"output_tokens":8,"total_tokens":11}}`,
			`{"id":"r","status":"incomplete","output":[{"type":"message","status":"incomplete","content":[{"type":"output_text","text":"one two three four"}]}],"usage":{"input_tokens":3,"output_tokens":4,"total_tokens":7},"incomplete_details":{"reason":"max_output_tokens"}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var w Rewriter
			got, u := w.Response(nil, []byte(tc.in), tc.ep, &Config{Measures: clamp, MaxTokens: 4})
			if string(got) != tc.out {
				t.Fatalf("\n got %s\nwant %s", got, tc.out)
			}
			if !json.Valid(got) || !u.Reported {
				t.Fatalf("invalid JSON or no usage: %+v", u)
			}
		})
	}
}

// TestTextCut checks that a cut never splits an escape or a UTF-8
// sequence.
func TestTextCut(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{`ab\"cd\u00e9fg`, "héllo wörld", `\\\\\\\\`, "abc"} {
		for keep := 0; keep <= len(raw)+1; keep++ {
			k := textCut([]byte(raw), keep)
			if k > max(keep, 0) && k != len(raw) || !json.Valid([]byte(`"`+raw[:k]+`"`)) {
				t.Fatalf("%q keep %d: cut at %d: %q", raw, keep, k, raw[:k])
			}
		}
	}
}

// fmtSscan reads a Go-quoted []byte("...") corpus line.
func fmtSscan(line string, dst *[]byte) (int, error) {
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(line, "[]byte("), ")"))
	*dst = []byte(s)
	return len(s), err
}
