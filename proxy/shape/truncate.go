package shape

import (
	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// truncate ends a non-streamed answer whose reported output overruns the
// token budget (an upstream that ignored the clamped max_tokens) as the
// API ends one that reaches its limit: each text is cut in proportion to
// budget/output at a space (or a character boundary), the stop reason
// says so (chat and completions finish_reason "length", Anthropic
// stop_reason "max_tokens", Responses status "incomplete" with
// incomplete_details {"reason":"max_output_tokens"}) and the usage shows
// the budget as the output. Metering keeps the upstream's own count.
// its are the top-level members of b.
func (w *Rewriter) truncate(b []byte, its []item, ep fingerprint.Endpoint, c *Config, u Usage) {
	if !u.Reported || u.Output <= 0 {
		return
	}
	budget := limiter.Tokens(c.maxTokens())
	// the budget is for the visible output, as in a stream: reasoning
	// tokens the upstream reports apart do not count
	u.Output -= limiter.Tokens(w.reasoningTokens(b, its))
	if u.Output <= 0 {
		return
	}
	ed := &w.ed
	switch ep {
	case fingerprint.EndpointMessages:
		if u.Output <= budget {
			return
		}
		content, _ := find(b, its, "content")
		els, _, _ := elements(b, content.vs, w.lv[0][:0])
		w.lv[0] = els
		for _, el := range els {
			blk, _, ok := members(b, el.vs, w.lv[1][:0])
			w.lv[1] = blk
			if typ, _ := find(b, blk, "type"); ok && isStr(typ.val(b), "text") {
				if t, ok := find(b, blk, "text"); ok {
					w.cut(b, t, budget, u.Output)
				}
			}
		}
		if sr, ok := find(b, its, "stop_reason"); ok {
			ed.replace(sr.vs, sr.ve, `"max_tokens"`)
		}
		if ss, ok := find(b, its, "stop_sequence"); ok {
			ed.replace(ss.vs, ss.ve, "null")
		}
	case fingerprint.EndpointResponses:
		if u.Output <= budget {
			return
		}
		output, _ := find(b, its, "output")
		els, _, _ := elements(b, output.vs, w.lv[0][:0])
		w.lv[0] = els
		for _, el := range els {
			obj, _, ok := members(b, el.vs, w.lv[1][:0])
			w.lv[1] = obj
			if typ, _ := find(b, obj, "type"); !ok || !isStr(typ.val(b), "message") {
				continue
			}
			if st, ok := find(b, obj, "status"); ok {
				ed.replace(st.vs, st.ve, `"incomplete"`)
			}
			parts, _ := find(b, obj, "content")
			ps, _, _ := elements(b, parts.vs, w.lv[2][:0])
			w.lv[2] = ps
			for _, p := range ps {
				fs, _, ok := members(b, p.vs, w.lv[3][:0])
				w.lv[3] = fs
				if typ, _ := find(b, fs, "type"); ok && isStr(typ.val(b), "output_text") {
					if t, ok := find(b, fs, "text"); ok {
						w.cut(b, t, budget, u.Output)
					}
				}
			}
		}
		_, end, _ := members(b, ws(b, 0), w.lv[3][:0])
		n := len(its)
		for _, kv := range [...][2]string{{"status", `"incomplete"`}, {"incomplete_details", `{"reason":"max_output_tokens"}`}} {
			if it, ok := find(b, its, kv[0]); ok {
				ed.replace(it.vs, it.ve, kv[1])
			} else if end > 0 {
				ed.insertMember(end, n, kv[0], kv[1])
				n++
			}
		}
	default: // chat completions, completions: the budget is per choice
		choices, _ := find(b, its, "choices")
		els, _, _ := elements(b, choices.vs, w.lv[0][:0])
		w.lv[0] = els
		budget *= limiter.Tokens(max(len(els), 1))
		if u.Output <= budget {
			return
		}
		for _, el := range els {
			ch, _, ok := members(b, el.vs, w.lv[1][:0])
			w.lv[1] = ch
			if !ok {
				continue
			}
			if t, ok := find(b, ch, "text"); ok {
				w.cut(b, t, budget, u.Output)
			} else if m, ok := find(b, ch, "message"); ok {
				msg, _, _ := members(b, m.vs, w.lv[2][:0])
				w.lv[2] = msg
				if t, ok := find(b, msg, "content"); ok {
					w.cut(b, t, budget, u.Output)
				}
			}
			if fr, ok := find(b, ch, "finish_reason"); ok {
				ed.replace(fr.vs, fr.ve, `"length"`)
			}
		}
	}
	w.budgetUsage(b, its, budget)
}

// cut shortens the JSON string value t to about budget/output of its
// length: only its tail goes (a prefix of the raw bytes stays, so escapes
// and UTF-8 are cut at boundaries, see textCut).
func (w *Rewriter) cut(b []byte, t item, budget, output limiter.Tokens) {
	v := t.val(b)
	if len(v) < 2 || v[0] != '"' {
		return
	}
	raw := v[1 : len(v)-1]
	keep := int(int64(len(raw)) * int64(budget) / int64(output))
	if k := textCut(raw, keep); k < len(raw) {
		w.ed.edits = append(w.ed.edits, edit{s: t.vs + 1 + k, e: t.ve - 1})
	}
}

// textCut returns where to cut the raw (escaped) JSON string content raw
// so that at most keep bytes stay: before the last space at or below
// keep, else at the last character or escape boundary.
func textCut(raw []byte, keep int) int {
	if keep >= len(raw) {
		return len(raw)
	}
	space, safe := -1, 0
	for i := 0; i <= keep && i < len(raw); {
		safe = i
		c := raw[i]
		switch {
		case c == ' ':
			space = i
			i++
		case c == '\\':
			if i+1 < len(raw) && raw[i+1] == 'u' {
				i += 6
			} else {
				i += 2
			}
		case c < 0x80:
			i++
		default: // a UTF-8 sequence: skip its continuation bytes
			i++
			for i < len(raw) && raw[i]&0xC0 == 0x80 {
				i++
			}
		}
	}
	if space > 0 {
		return space
	}
	return safe
}

// budgetUsage sets the usage's output count to at most budget and its
// total to match.
func (w *Rewriter) budgetUsage(b []byte, its []item, budget limiter.Tokens) {
	us, ok := find(b, its, "usage")
	if !ok {
		return
	}
	fs, _, ok := members(b, us.vs, w.lv[3][:0])
	w.lv[3] = fs
	if !ok {
		return
	}
	var in, out int64
	outAt, totalAt := -1, -1
	for k, f := range fs {
		n, isInt := atoi(f.val(b))
		if !isInt {
			continue
		}
		switch string(f.key(b)) {
		case "prompt_tokens", "input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens":
			in += n
		case "completion_tokens", "output_tokens":
			out, outAt = n, k
		case "total_tokens":
			totalAt = k
		}
	}
	if outAt < 0 || out <= int64(budget) {
		return
	}
	w.ed.replaceInt(fs[outAt].vs, fs[outAt].ve, int64(budget))
	if totalAt >= 0 {
		w.ed.replaceInt(fs[totalAt].vs, fs[totalAt].ve, in+int64(budget))
	}
}

// reasoningTokens returns the reasoning tokens of the usage's
// completion_tokens_details or output_tokens_details, 0 when not reported.
func (w *Rewriter) reasoningTokens(b []byte, its []item) int64 {
	us, ok := find(b, its, "usage")
	if !ok {
		return 0
	}
	fs, _, ok := members(b, us.vs, w.lv[3][:0])
	w.lv[3] = fs
	if !ok {
		return 0
	}
	for _, f := range fs {
		switch string(f.key(b)) {
		case "completion_tokens_details", "output_tokens_details":
			ds, _, _ := members(b, f.vs, w.lv[2][:0])
			w.lv[2] = ds
			if r, ok := find(b, ds, "reasoning_tokens"); ok {
				n, _ := atoi(r.val(b))
				return n
			}
		}
	}
	return 0
}
