package dialect_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// compare parses body with the scanner and with the reference decoder and
// reports any difference: errors must agree (json.Valid, depth, types)
// and so must every extracted field.
func compare(t *testing.T, ep fingerprint.Endpoint, body []byte) {
	t.Helper()
	p := dialect.Get()
	defer dialect.Put(p)
	var req fingerprint.Request
	err := p.Parse(ep, body, &req)
	ref, refErr, skip := refParse(ep, body)
	if skip {
		// A repeated key: the reference sees only the last value, the
		// scanner checks each. Only invalid JSON must fail in both.
		if refErr != nil && err == nil && !json.Valid(body) {
			t.Fatalf("%v %q: invalid JSON accepted", ep, body)
		}
		return
	}
	if (err != nil) != (refErr != nil) {
		t.Fatalf("%v %q: scanner err %v, reference err %v", ep, body, err, refErr)
	}
	if err != nil {
		if _, ok := err.(*dialect.Error); !ok {
			t.Fatalf("error %T is not *dialect.Error", err)
		}
	}
	if err != nil {
		return
	}
	if norm([]byte(req.Model)) != ref.model {
		t.Errorf("%q: model %q, reference %q", body, req.Model, ref.model)
	}
	wantSys := ""
	if ref.hasSys {
		wantSys = join(ref.system)
	}
	if norm(req.System) != wantSys {
		t.Errorf("%q: system %q, reference %q", body, req.System, wantSys)
	}
	got := make([]refTurn, len(req.Turns))
	for i, tr := range req.Turns {
		got[i] = refTurn{tr.Role, norm(tr.Text)}
	}
	if len(got) != len(ref.turns) || (len(got) > 0 && !reflect.DeepEqual(got, ref.turns)) {
		t.Errorf("%q: turns %q, reference %q", body, got, ref.turns)
	}
	k := req
	k.Dialect, k.Endpoint, k.Model, k.System, k.Turns = 0, 0, "", nil, nil
	if !reflect.DeepEqual(k, ref.knobs) {
		t.Errorf("%q: knobs %+v, reference %+v", body, k, ref.knobs)
	}
}

var endpoints = [...]fingerprint.Endpoint{chat, legacy, responses, messages}

// FuzzParse checks the scanner against the encoding/json reference on
// arbitrary bodies for every endpoint. Seeds: testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range seeds {
		f.Add(uint8(0), []byte(s))
	}
	f.Fuzz(func(t *testing.T, ep uint8, body []byte) {
		compare(t, endpoints[int(ep)%len(endpoints)], body)
	})
}

// TestReference runs the seeds through compare on every endpoint, so
// that plain go test exercises the comparison.
func TestReference(t *testing.T) {
	t.Parallel()
	for _, s := range seeds {
		for _, ep := range endpoints {
			compare(t, ep, []byte(s))
		}
	}
}

var seeds = []string{
	`{"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}]}`,
	`{"messages":[{"content":"sys","role":"developer"},{"content":[{"type":"text","text":"a\u00e9"},{"type":"image_url"},{"text":"b","type":"text"}],"role":"user"}],"n":2,"logprobs":true,"top_logprobs":3,"logit_bias":{"1":2}}`,
	`{"messages":[{"role":"assistant","content":null,"tool_calls":[{"function":{"name":"w","arguments":"{\"a\":1}"}}],"function_call":{"arguments":"x"}},{"role":"tool","content":"r"}],"tools":[{}],"functions":[{}],"reasoning_effort":"low","max_completion_tokens":3,"max_tokens":9}`,
	`{"prompt":["a","b",[1,2],3],"logprobs":2,"max_tokens":1,"temperature":0,"stream":true,"stream_options":{"include_usage":true}}`,
	`{"prompt":"one"}`,
	`{"instructions":"i","input":[{"role":"developer","content":"d"},{"type":"message","role":"assistant","content":[{"type":"output_text","text":"o"}]},{"type":"function_call","arguments":"{}"},{"type":"function_call_output","output":"42"},{"type":"reasoning","content":[{"type":"reasoning_text","text":"r"}]}],"include":["message.output_text.logprobs"],"reasoning":{"effort":"high"},"max_output_tokens":10}`,
	`{"input":"hello","top_logprobs":0}`,
	`{"model":"claude-sonnet-4-5","system":[{"type":"text","text":"s1"},{"type":"text","text":"s2"}],"max_tokens":1024,"thinking":{"type":"enabled","budget_tokens":2048},"messages":[{"role":"user","content":"q"},{"role":"assistant","content":[{"type":"thinking","thinking":"t"},{"type":"text","text":"a"},{"type":"tool_use","id":"x","name":"n","input":{"k":[1,2]}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"x","content":[{"type":"text","text":"r"}]},{"type":"text","text":"more"}]}]}`,
	`{"system":"plain","messages":[{"role":"user","content":[{"type":"tool_result","content":"only"}]}],"tools":[]}`,
	`{"messages":[{"role":"user","content":"\ud83d\ude00 \ud800 \u4e2d\u6587 中文"}]}`,
	"{\"messages\":[{\"role\":\"user\",\"content\":\"bad \xff\xfe utf8\"}],\"model\":\"m\xc3\"}",
	`{"model":"x","model":"y"}`,
	`{"stream":"yes"}`,
	`{"max_tokens":-5}`,
	`{"max_tokens":1e3}`,
	`{"temperature":1e999}`,
	`[1,2,3]`,
	`{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
	`{"a":"\u12"}`,
	` { } `,
	``,
}
