package dialect_test

// A reference decoder built on encoding/json that implements the same
// extraction rules as the scanner, the slow and obvious way. The fuzz
// test compares the two.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

type refTurn struct {
	role fingerprint.Role
	text string
}

type refReq struct {
	model  string
	system []string // pieces, joined with "\n"
	hasSys bool
	turns  []refTurn
	knobs  fingerprint.Request
}

var errRef = errors.New("ref: rejected")

type obj = map[string]json.RawMessage

// shape walks a valid body with json.Decoder and reports its nesting
// depth, whether any object repeats a key, and the top-level key order.
func shape(body []byte) (depth int, dup bool, order []string) {
	type frame struct {
		obj     bool
		wantKey bool
		keys    map[string]bool
	}
	var stack []frame
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			panic(err)
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{', '[':
				if top != nil && top.obj {
					top.wantKey = true
				}
				stack = append(stack, frame{obj: tok == '{', wantKey: true, keys: map[string]bool{}})
				depth = max(depth, len(stack))
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if top != nil && top.obj && top.wantKey {
				if top.keys[tok] {
					dup = true
				}
				top.keys[tok] = true
				top.wantKey = false
				if len(stack) == 1 {
					order = append(order, tok)
				}
			} else if top != nil && top.obj {
				top.wantKey = true
			}
		default:
			if top != nil && top.obj {
				top.wantKey = true
			}
		}
	}
}

func isNull(raw json.RawMessage) bool { return raw == nil || string(raw) == "null" }

func first(raw json.RawMessage) byte {
	if len(raw) == 0 {
		return 0
	}
	return raw[0]
}

func refString(raw json.RawMessage) (s string, ok bool, err error) {
	if isNull(raw) {
		return "", false, nil
	}
	if first(raw) != '"' {
		return "", false, errRef
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false, err
	}
	return s, true, nil
}

func refBool(raw json.RawMessage, v *bool) error {
	if isNull(raw) {
		return nil
	}
	return json.Unmarshal(raw, v)
}

func refInt(raw json.RawMessage, v *int) error {
	if isNull(raw) {
		return nil
	}
	if c := first(raw); c != '-' && (c < '0' || c > '9') {
		return errRef
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil || n < 0 || n > 1<<31-1 {
		return errRef
	}
	*v = int(n)
	return nil
}

func refFloat(raw json.RawMessage, v *float64, has *bool) error {
	if isNull(raw) {
		return nil
	}
	if c := first(raw); c != '-' && (c < '0' || c > '9') {
		return errRef
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return err
	}
	*has = true
	return nil
}

func refArray(raw json.RawMessage) ([]json.RawMessage, bool, error) {
	if isNull(raw) {
		return nil, false, nil
	}
	if first(raw) != '[' {
		return nil, false, errRef
	}
	var a []json.RawMessage
	return a, true, json.Unmarshal(raw, &a)
}

func refObject(raw json.RawMessage) (obj, bool, error) {
	if isNull(raw) {
		return nil, false, nil
	}
	if first(raw) != '{' {
		return nil, false, errRef
	}
	var o obj
	return o, true, json.Unmarshal(raw, &o)
}

func refEffort(raw json.RawMessage, r *refReq) error {
	s, ok, err := refString(raw)
	if ok {
		switch s {
		case "none", "minimal", "low", "medium", "high", "xhigh":
			r.knobs.ReasoningEffort = s
		default:
			r.knobs.ReasoningEffort = dialect.EffortOther
		}
	}
	return err
}

func (r *refReq) addSystem(parts []string) {
	r.system = append(r.system, join(parts))
	r.hasSys = true
}

func join(parts []string) string {
	var b []byte
	for i, p := range parts {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, p...)
	}
	return string(b)
}

// refParts reads a content value: string, array of {type,text} parts, or
// null. textTypes lists the part types that count.
func refParts(raw json.RawMessage, lenient bool, textTypes ...string) ([]string, error) {
	if isNull(raw) {
		return nil, nil
	}
	switch first(raw) {
	case '"':
		s, _, err := refString(raw)
		return []string{s}, err
	case '[':
	default:
		if lenient {
			return nil, nil
		}
		return nil, errRef
	}
	a, _, err := refArray(raw)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, el := range a {
		if first(el) != '{' {
			if lenient {
				continue
			}
			return nil, errRef
		}
		o, _, err := refObject(el)
		if err != nil {
			return nil, err
		}
		typ, _, err := refString(o["type"])
		if err != nil {
			return nil, err
		}
		text, hasText, err := refString(o["text"])
		if err != nil {
			return nil, err
		}
		for _, tt := range textTypes {
			if hasText && typ == tt {
				out = append(out, text)
				break
			}
		}
	}
	return out, nil
}

func refArguments(raw json.RawMessage) ([]string, error) {
	o, _, err := refObject(raw)
	if err != nil {
		return nil, err
	}
	s, ok, err := refString(o["arguments"])
	if ok {
		return []string{s}, err
	}
	return nil, err
}

// refParse decodes body like Parser.Parse. skip is set when the body
// repeats a key: the scanner then keeps one of the values, unspecified.
func refParse(ep fingerprint.Endpoint, body []byte) (r refReq, err error, skip bool) {
	if !json.Valid(body) {
		return r, errRef, false
	}
	depth, dup, order := shape(body)
	if depth > 64 {
		return r, errRef, false
	}
	var top obj
	if err := json.Unmarshal(body, &top); err != nil || top == nil {
		return r, errRef, false
	}
	k := &r.knobs
	check := func(errs ...error) error { return errors.Join(errs...) }
	if s, _, e := refString(top["model"]); e != nil {
		return r, e, dup
	} else {
		r.model = s
	}
	if ep == messages {
		err = check(refBool(top["stream"], &k.Stream), refInt(top["max_tokens"], &k.MaxTokens),
			refFloat(top["temperature"], &k.Temperature, &k.HasTemperature))
		if err != nil {
			return r, err, dup
		}
		if a, _, e := refArray(top["tools"]); e != nil {
			return r, e, dup
		} else {
			k.Tools = len(a)
		}
		if th, ok, e := refObject(top["thinking"]); e != nil {
			return r, e, dup
		} else if ok {
			typ, _, e := refString(th["type"])
			if e == nil {
				e = refInt(th["budget_tokens"], &k.ThinkingBudget)
			}
			if e != nil {
				return r, e, dup
			}
			k.Thinking = typ == "enabled" || typ == "adaptive"
		}
		if sys := top["system"]; !isNull(sys) {
			if c := first(sys); c != '"' && c != '[' {
				return r, errRef, dup
			}
			parts, e := refParts(sys, false, "text")
			if e != nil {
				return r, e, dup
			}
			r.addSystem(parts)
		}
		msgs, _, e := refArray(top["messages"])
		if e != nil {
			return r, e, dup
		}
		for _, m := range msgs {
			if first(m) != '{' {
				return r, errRef, dup
			}
			o, _, _ := refObject(m)
			role, _, e := refString(o["role"])
			if e != nil {
				return r, e, dup
			}
			var content, results []string
			toolResult := false
			c := o["content"]
			switch {
			case isNull(c):
			case first(c) == '"':
				s, _, _ := refString(c)
				content = append(content, s)
			case first(c) == '[':
				blocks, _, _ := refArray(c)
				for _, b := range blocks {
					if first(b) != '{' {
						return r, errRef, dup
					}
					bo, _, _ := refObject(b)
					typ, _, e := refString(bo["type"])
					if e != nil {
						return r, e, dup
					}
					text, hasText, e := refString(bo["text"])
					if e != nil {
						return r, e, dup
					}
					inner, e := refParts(bo["content"], true, "text")
					if e != nil {
						return r, e, dup
					}
					switch typ {
					case "text":
						if hasText {
							content = append(content, text)
						}
					case "tool_use":
						// Raw JSON text, not decoded: normalise it as
						// compare does the scanner's text.
						if in := bo["input"]; !isNull(in) {
							content = append(content, norm(in))
						}
					case "tool_result":
						toolResult = true
						results = append(results, inner...)
					}
				}
			default:
				return r, errRef, dup
			}
			switch {
			case role == "assistant":
				r.turns = append(r.turns, refTurn{fingerprint.RoleAssistant, join(content)})
			default:
				if toolResult {
					r.turns = append(r.turns, refTurn{fingerprint.RoleTool, join(results)})
				}
				if !toolResult || len(content) > 0 {
					r.turns = append(r.turns, refTurn{fingerprint.RoleUser, join(content)})
				}
			}
		}
		return r, nil, dup
	}

	// OpenAI.
	err = check(refBool(top["stream"], &k.Stream), refFloat(top["temperature"], &k.Temperature, &k.HasTemperature))
	if err != nil {
		return r, err, dup
	}
	if so, _, e := refObject(top["stream_options"]); e != nil {
		return r, e, dup
	} else if e := refBool(so["include_usage"], &k.StreamIncludeUsage); e != nil {
		return r, e, dup
	}
	tools, _, e := refArray(top["tools"])
	if e != nil {
		return r, e, dup
	}
	k.Tools = len(tools)
	switch ep {
	case chat:
		mt, mct := -1, -1
		err = check(refInt(top["max_tokens"], &mt), refInt(top["max_completion_tokens"], &mct),
			refInt(top["n"], &k.N), refBool(top["logprobs"], &k.Logprobs), refInt(top["top_logprobs"], &k.TopLogprobs),
			refEffort(top["reasoning_effort"], &r))
		if err != nil {
			return r, err, dup
		}
		if mct >= 0 {
			k.MaxTokens = mct
		} else if mt >= 0 {
			k.MaxTokens = mt
		}
		lb, _, e := refObject(top["logit_bias"])
		if e != nil {
			return r, e, dup
		}
		k.LogitBias = len(lb)
		if len(lb) > 0 {
			k.LogitBiasHash = xxhash.Sum64(bytes.TrimSpace(top["logit_bias"])) | 1
		}
		fns, _, e := refArray(top["functions"])
		if e != nil {
			return r, e, dup
		}
		k.Tools += len(fns)
		msgs, _, e := refArray(top["messages"])
		if e != nil {
			return r, e, dup
		}
		for _, m := range msgs {
			if first(m) != '{' {
				return r, errRef, dup
			}
			o, _, _ := refObject(m)
			role, _, e := refString(o["role"])
			if e != nil {
				return r, e, dup
			}
			content, e := refParts(o["content"], false, "text")
			if e != nil {
				return r, e, dup
			}
			var calls []string
			tcs, _, e := refArray(o["tool_calls"])
			if e != nil {
				return r, e, dup
			}
			for _, tc := range tcs {
				if first(tc) != '{' {
					return r, errRef, dup
				}
				tco, _, _ := refObject(tc)
				args, e := refArguments(tco["function"])
				if e != nil {
					return r, e, dup
				}
				calls = append(calls, args...)
			}
			fc, e := refArguments(o["function_call"])
			if e != nil {
				return r, e, dup
			}
			switch role {
			case "system", "developer":
				r.addSystem(content)
			case "assistant":
				all := append(append(content, calls...), fc...)
				r.turns = append(r.turns, refTurn{fingerprint.RoleAssistant, join(all)})
			case "tool", "function":
				r.turns = append(r.turns, refTurn{fingerprint.RoleTool, join(content)})
			default:
				r.turns = append(r.turns, refTurn{fingerprint.RoleUser, join(content)})
			}
		}
	case legacy:
		lp := -1
		err = check(refInt(top["max_tokens"], &k.MaxTokens), refInt(top["n"], &k.N), refInt(top["logprobs"], &lp))
		if err != nil {
			return r, err, dup
		}
		if lp >= 0 {
			k.Logprobs, k.TopLogprobs = true, lp
		}
		lb, _, e := refObject(top["logit_bias"])
		if e != nil {
			return r, e, dup
		}
		k.LogitBias = len(lb)
		if len(lb) > 0 {
			k.LogitBiasHash = xxhash.Sum64(bytes.TrimSpace(top["logit_bias"])) | 1
		}
		p := top["prompt"]
		switch {
		case isNull(p):
		case first(p) == '"':
			s, _, _ := refString(p)
			r.turns = append(r.turns, refTurn{fingerprint.RoleUser, s})
		case first(p) == '[':
			a, _, _ := refArray(p)
			var parts []string
			for _, el := range a {
				if first(el) == '"' {
					s, _, _ := refString(el)
					parts = append(parts, s)
				}
			}
			r.turns = append(r.turns, refTurn{fingerprint.RoleUser, join(parts)})
		default:
			return r, errRef, dup
		}
	case responses:
		err = check(refInt(top["max_output_tokens"], &k.MaxTokens), refInt(top["top_logprobs"], &k.TopLogprobs))
		if err != nil {
			return r, err, dup
		}
		inc, _, e := refArray(top["include"])
		if e != nil {
			return r, e, dup
		}
		for _, el := range inc {
			s, _, e := refString(el)
			if e != nil {
				return r, e, dup
			}
			if s == "message.output_text.logprobs" {
				k.Logprobs = true
			}
		}
		if ro, _, e := refObject(top["reasoning"]); e != nil {
			return r, e, dup
		} else if e := refEffort(ro["effort"], &r); e != nil {
			return r, e, dup
		}
		// instructions and input both add system pieces: body order.
		for _, key := range order {
			switch key {
			case "instructions":
				s, ok, e := refString(top["instructions"])
				if e != nil {
					return r, e, dup
				}
				if ok {
					r.addSystem([]string{s})
				}
			case "input":
				if e := refInput(top["input"], &r); e != nil {
					return r, e, dup
				}
			}
		}
	}
	if k.TopLogprobs > 0 {
		k.Logprobs = true
	}
	return r, nil, dup
}

func refInput(in json.RawMessage, r *refReq) error {
	switch {
	case isNull(in):
		return nil
	case first(in) == '"':
		s, _, _ := refString(in)
		r.turns = append(r.turns, refTurn{fingerprint.RoleUser, s})
		return nil
	case first(in) != '[':
		return errRef
	}
	items, _, _ := refArray(in)
	for _, it := range items {
		if first(it) != '{' {
			return errRef
		}
		o, _, _ := refObject(it)
		typ, _, e := refString(o["type"])
		if e != nil {
			return e
		}
		role, _, e := refString(o["role"])
		if e != nil {
			return e
		}
		content, e := refParts(o["content"], false, "input_text", "output_text", "text")
		if e != nil {
			return e
		}
		output, e := refParts(o["output"], true, "input_text", "output_text", "text")
		if e != nil {
			return e
		}
		args, hasArgs, e := refString(o["arguments"])
		if e != nil {
			return e
		}
		switch typ {
		case "function_call_output":
			r.turns = append(r.turns, refTurn{fingerprint.RoleTool, join(output)})
		case "function_call":
			var a []string
			if hasArgs {
				a = []string{args}
			}
			r.turns = append(r.turns, refTurn{fingerprint.RoleAssistant, join(a)})
		case "", "message":
			switch role {
			case "system", "developer":
				r.addSystem(content)
			case "assistant":
				r.turns = append(r.turns, refTurn{fingerprint.RoleAssistant, join(content)})
			default:
				r.turns = append(r.turns, refTurn{fingerprint.RoleUser, join(content)})
			}
		}
	}
	return nil
}

// norm replaces each invalid UTF-8 byte with U+FFFD, as encoding/json
// does when it decodes a string; the scanner passes such bytes through.
func norm(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var out []byte
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return string(out)
}
