package shape

import (
	"bytes"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// Usage is the token count of one exchange as the upstream reports it, or
// as counted when it did not.
type Usage struct {
	// Input is the prompt side (cached tokens included), Output the
	// completion side.
	Input, Output limiter.Tokens
	// Reported is true when the upstream's final usage was seen; false when
	// Output was counted from the deltas sent (a stream cut short).
	Reported bool
	// Deltas is the number of content deltas passed to the client.
	Deltas int64
}

// Total is Input + Output.
func (u Usage) Total() limiter.Tokens { return u.Input + u.Output }

// usageKey is the byte pattern that introduces a usage object.
var usageKey = []byte(`"usage":`)

// parseUsage merges the usage object at b[i] into u: the larger of what u
// has and what the object says, so cumulative counts (Anthropic
// message_delta) and repeated reports agree.
func parseUsage(b []byte, i int, u *Usage, scratch []item) []item {
	its, _, ok := members(b, i, scratch[:0])
	if !ok {
		return its
	}
	var in, cache, out, total int64
	seen := false
	for _, it := range its {
		n, isInt := atoi(it.val(b))
		if !isInt {
			continue
		}
		switch string(it.key(b)) {
		case "prompt_tokens", "input_tokens":
			in, seen = n, true
		case "cache_creation_input_tokens", "cache_read_input_tokens":
			cache += n
		case "completion_tokens", "output_tokens":
			out, seen = n, true
		case "total_tokens":
			total = n
		}
	}
	if !seen {
		return its
	}
	in += cache
	if total > in+out && out == 0 {
		out = total - in
	}
	u.Input = max(u.Input, limiter.Tokens(in))
	u.Output = max(u.Output, limiter.Tokens(out))
	return its
}

// findUsage merges every usage object in b (a whole body or one event) into
// u, by byte search for `"usage":`; it reports whether it found one.
func findUsage(b []byte, u *Usage, scratch []item) ([]item, bool) {
	found := false
	for off := 0; ; {
		k := bytes.Index(b[off:], usageKey)
		if k < 0 {
			return scratch, found
		}
		j := ws(b, off+k+len(usageKey))
		if j < len(b) && b[j] == '{' {
			scratch = parseUsage(b, j, u, scratch)
			found = true
		}
		off += k + len(usageKey)
	}
}

// ScanUsage returns the usage reported in a whole response body.
func ScanUsage(body []byte) Usage {
	var u Usage
	var scratch [16]item
	_, u.Reported = findUsage(body, &u, scratch[:0])
	return u
}

// Response appends to dst the non-streamed JSON response body of endpoint
// ep shaped by c's measures (strip reasoning, drop logprobs) and returns
// the usage it reports. A body that is not a JSON object passes unchanged.
func (w *Rewriter) Response(dst, body []byte, ep fingerprint.Endpoint, c *Config) ([]byte, Usage) {
	ed := &w.ed
	ed.reset()
	u := ScanUsage(body)
	its, _, ok := members(body, ws(body, 0), ed.its[:0])
	ed.its = its
	if !ok {
		return append(dst, body...), u
	}
	for _, it := range its {
		switch string(it.key(body)) {
		case "choices":
			w.choices(body, it, "message", c)
		case "output":
			if ep == fingerprint.EndpointResponses {
				w.output(body, it, c)
			}
		case "content":
			if ep == fingerprint.EndpointMessages && c.has(limiter.MeasureStripReasoning) {
				w.blocks(body, it)
			}
		}
	}
	if c.has(limiter.MeasureClampTokens) {
		w.truncate(body, its, ep, c, u)
	}
	return ed.apply(dst, body), u
}

// reasoningKeys are the OpenAI-compatible fields that carry reasoning text
// in a chat message or delta.
func isReasoningKey(k []byte) bool {
	switch string(k) {
	case "reasoning_content", "reasoning", "reasoning_details", "thinking":
		return true
	}
	return false
}

// choices shapes chat/completions choices: reasoning fields of each
// choice's msgKey object ("message" or "delta") and logprobs.
func (w *Rewriter) choices(b []byte, it item, msgKey string, c *Config) {
	ed := &w.ed
	els, _, ok := elements(b, it.vs, w.lv[0][:0])
	w.lv[0] = els
	if !ok {
		return
	}
	for _, el := range els {
		ch, _, ok := members(b, el.vs, w.lv[1][:0])
		w.lv[1] = ch
		if !ok {
			continue
		}
		for _, m := range ch {
			switch string(m.key(b)) {
			case "logprobs":
				if c.has(limiter.MeasureDropLogprobs) && string(m.val(b)) != "null" {
					ed.replace(m.vs, m.ve, "null")
				}
			case msgKey:
				if !c.has(limiter.MeasureStripReasoning) {
					continue
				}
				msg, _, ok := members(b, m.vs, w.lv[2][:0])
				w.lv[2] = msg
				if !ok {
					continue
				}
				del := ed.del2[:0]
				any := false
				for _, f := range msg {
					r := isReasoningKey(f.key(b))
					del = append(del, r)
					any = any || r
				}
				ed.del2 = del
				if any {
					ed.remove(msg, del)
				}
			}
		}
	}
}

// output shapes a Responses output array: reasoning items go, and logprobs
// of output_text parts become empty.
func (w *Rewriter) output(b []byte, it item, c *Config) {
	w.removeObjects(b, it, func(obj []item, typ []byte) bool {
		if c.has(limiter.MeasureStripReasoning) && isStr(typ, "reasoning") {
			return true
		}
		if c.has(limiter.MeasureDropLogprobs) {
			if content, ok := find(b, obj, "content"); ok {
				w.partLogprobs(b, content.vs)
			}
		}
		return false
	})
}

// removeObjects walks the objects of the array at it and removes those for
// which drop, given the object's members and its "type" value, reports
// true; elements that are not objects stay.
func (w *Rewriter) removeObjects(b []byte, it item, drop func(obj []item, typ []byte) bool) {
	els, _, ok := elements(b, it.vs, w.lv[0][:0])
	w.lv[0] = els
	if !ok {
		return
	}
	del := w.del3[:0]
	any := false
	for _, el := range els {
		obj, _, ok := members(b, el.vs, w.lv[1][:0])
		w.lv[1] = obj
		r := false
		if ok {
			typ, _ := find(b, obj, "type")
			r = drop(obj, typ.val(b))
		}
		del = append(del, r)
		any = any || r
	}
	w.del3 = del
	if any {
		w.ed.remove(els, del)
	}
}

// partLogprobs empties the logprobs of each part of the array at b[i].
func (w *Rewriter) partLogprobs(b []byte, i int) {
	parts, _, ok := elements(b, i, w.lv[2][:0])
	w.lv[2] = parts
	if !ok {
		return
	}
	for _, p := range parts {
		fs, _, ok := members(b, p.vs, w.lv[3][:0])
		w.lv[3] = fs
		if !ok {
			continue
		}
		if lp, ok := find(b, fs, "logprobs"); ok && string(lp.val(b)) != "[]" {
			w.ed.replace(lp.vs, lp.ve, "[]")
		}
	}
}

// blocks removes Anthropic thinking and redacted_thinking content blocks.
func (w *Rewriter) blocks(b []byte, it item) {
	w.removeObjects(b, it, func(_ []item, typ []byte) bool { return isThinking(typ) })
}

func isThinking(v []byte) bool {
	return isStr(v, "thinking") || isStr(v, "redacted_thinking")
}
