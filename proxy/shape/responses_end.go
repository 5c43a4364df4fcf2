package shape

import (
	"bytes"
	"strconv"

	"github.com/sluicehq/sluice/limiter"
)

// responsesEnd is what a Stream keeps of an OpenAI Responses stream, when
// the token budget applies, to end it well formed once the budget is
// spent: the response object as created, the output items and content
// parts done so far (as the client saw them), and the open message item
// and text part with its text.
type responsesEnd struct {
	resp  []byte // the response object of response.created / in_progress
	items []byte // output items done, comma-separated
	parts []byte // content parts done in the open item, comma-separated
	id    []byte // the open message item's id (a JSON string)
	item  int64  // its output_index as the client sees it, -1: none open
	part  int64  // the open output_text part's content_index, -1: none
	text  []byte // its text so far, JSON-escaped without quotes
	seq   int64  // the last sequence_number the client saw
	// deltas counts the output deltas passed (reasoning's excluded)
	deltas int64
}

// trackResponses records what the synthetic end needs of one emitted
// Responses event (ev, as the client sees it, separator included).
func (s *Stream) trackResponses(name, ev []byte) {
	rs := &s.rs
	ds, de := dataOf(bytes.TrimSuffix(ev, []byte("\n\n")))
	if ds < 0 {
		return
	}
	data := ev[ds:de]
	its, _, ok := members(data, ws(data, 0), s.w.lv[2][:0])
	s.w.lv[2] = its
	if !ok {
		return
	}
	switch string(name) {
	case "response.created", "response.in_progress":
		if r, ok := find(data, its, "response"); ok {
			rs.resp = append(rs.resp[:0], r.val(data)...)
		}
	case "response.output_item.added":
		it, ok := find(data, its, "item")
		oi, ok2 := find(data, its, "output_index")
		n, ok3 := atoi(oi.val(data))
		if !ok || !ok2 || !ok3 {
			return
		}
		sub, _, _ := members(data, it.vs, s.w.lv[3][:0])
		s.w.lv[3] = sub
		if typ, _ := find(data, sub, "type"); !isStr(typ.val(data), "message") {
			return
		}
		id, _ := find(data, sub, "id")
		rs.id = append(rs.id[:0], id.val(data)...)
		rs.item, rs.part = n, -1
		rs.parts = rs.parts[:0]
	case "response.content_part.added":
		if ci, ok := find(data, its, "content_index"); ok {
			if n, ok := atoi(ci.val(data)); ok {
				rs.part = n
				rs.text = rs.text[:0]
			}
		}
	case "response.output_text.delta":
		if d, ok := find(data, its, "delta"); ok && rs.part >= 0 {
			if v := d.val(data); len(v) >= 2 && v[0] == '"' {
				rs.text = append(rs.text, v[1:len(v)-1]...)
			}
		}
	case "response.content_part.done":
		if p, ok := find(data, its, "part"); ok {
			rs.parts = appendItem(rs.parts, p.val(data))
		}
		rs.part = -1
	case "response.output_item.done":
		if it, ok := find(data, its, "item"); ok {
			rs.items = appendItem(rs.items, it.val(data))
		}
		rs.item, rs.part = -1, -1
	}
}

func appendItem(list, v []byte) []byte {
	if len(list) > 0 {
		list = append(list, ',')
	}
	return append(list, v...)
}

// responsesEnd ends a Responses stream at the token budget as the API ends
// one that reaches max_output_tokens: the open text part is done
// (response.output_text.done, response.content_part.done), the open
// message item is done with status "incomplete"
// (response.output_item.done), and response.incomplete carries the
// response with status "incomplete", incomplete_details
// {"reason":"max_output_tokens"}, the output so far and the usage.
func (s *Stream) responsesEnd() {
	rs := &s.rs
	head := func(typ string) {
		rs.seq++
		s.out = append(s.out, "event: "...)
		s.out = append(s.out, typ...)
		s.out = append(s.out, "\ndata: {\"type\":\""...)
		s.out = append(s.out, typ...)
		s.out = append(s.out, `","sequence_number":`...)
		s.out = strconv.AppendInt(s.out, rs.seq, 10)
	}
	at := func() {
		s.out = append(s.out, `,"item_id":`...)
		s.out = appendRaw(s.out, rs.id, `""`)
		s.out = append(s.out, `,"output_index":`...)
		s.out = strconv.AppendInt(s.out, rs.item, 10)
		s.out = append(s.out, `,"content_index":`...)
		s.out = strconv.AppendInt(s.out, rs.part, 10)
	}
	if rs.item >= 0 && rs.part >= 0 {
		head("response.output_text.done")
		at()
		s.out = append(s.out, `,"text":"`...)
		s.out = append(s.out, rs.text...)
		s.out = append(s.out, `","logprobs":[]}`+"\n\n"...)
		head("response.content_part.done")
		at()
		part := len(s.out) + len(`,"part":`)
		s.out = append(s.out, `,"part":{"type":"output_text","text":"`...)
		s.out = append(s.out, rs.text...)
		s.out = append(s.out, `","annotations":[],"logprobs":[]}`...)
		rs.parts = appendItem(rs.parts, s.out[part:])
		s.out = append(s.out, "}\n\n"...)
	}
	if rs.item >= 0 {
		head("response.output_item.done")
		s.out = append(s.out, `,"output_index":`...)
		s.out = strconv.AppendInt(s.out, rs.item, 10)
		item := len(s.out) + len(`,"item":`)
		s.out = append(s.out, `,"item":{"id":`...)
		s.out = appendRaw(s.out, rs.id, `""`)
		s.out = append(s.out, `,"type":"message","status":"incomplete","role":"assistant","content":[`...)
		s.out = append(s.out, rs.parts...)
		s.out = append(s.out, "]}"...)
		rs.items = appendItem(rs.items, s.out[item:])
		s.out = append(s.out, "}\n\n"...)
	}
	s.u.Input = max(s.u.Input, s.o.Prompt)
	s.u.Output = max(s.u.Output, limiter.Tokens(s.u.Deltas))
	head("response.incomplete")
	s.out = append(s.out, `,"response":`...)
	s.out = s.incompleteResponse(s.out)
	s.out = append(s.out, "}\n\n"...)
	s.end()
}

// incompleteResponse appends the response object of response.incomplete:
// the one response.created carried (or a minimal one) with status,
// incomplete_details, output and usage set.
func (s *Stream) incompleteResponse(dst []byte) []byte {
	rs := &s.rs
	ed := &s.w.ed
	ed.reset()
	src := rs.resp
	its, end, ok := members(src, ws(src, 0), ed.its[:0])
	ed.its = its
	if !ok {
		src = []byte(`{"id":"","object":"response","created_at":0,"model":"","output":[]}`)
		its, end, _ = members(src, 0, ed.its[:0])
		ed.its = its
	}
	ro := len(ed.arena)
	ed.arena = append(ed.arena, '[')
	ed.arena = append(ed.arena, rs.items...)
	ed.arena = append(ed.arena, ']')
	output := string(ed.arena[ro:])
	ed.arena = ed.arena[:ro]
	ro = len(ed.arena)
	ed.arena = append(ed.arena, `{"input_tokens":`...)
	ed.arena = strconv.AppendInt(ed.arena, int64(s.u.Input), 10)
	ed.arena = append(ed.arena, `,"input_tokens_details":{"cached_tokens":0},"output_tokens":`...)
	ed.arena = strconv.AppendInt(ed.arena, int64(s.u.Output), 10)
	ed.arena = append(ed.arena, `,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":`...)
	ed.arena = strconv.AppendInt(ed.arena, int64(s.u.Total()), 10)
	ed.arena = append(ed.arena, '}')
	usage := string(ed.arena[ro:])
	ed.arena = ed.arena[:ro]
	n := len(its)
	set := func(key, raw string) {
		if it, ok := find(src, its, key); ok {
			ed.replace(it.vs, it.ve, raw)
			return
		}
		ed.insertMember(end, n, key, raw)
		n++
	}
	set("status", `"incomplete"`)
	set("incomplete_details", `{"reason":"max_output_tokens"}`)
	set("output", output)
	set("usage", usage)
	return ed.apply(dst, src)
}
