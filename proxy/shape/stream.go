package shape

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// Sink receives the usage of an exchange once, when its body is closed.
type Sink interface {
	Done(u Usage)
}

// MaxEvent bounds the bytes of one buffered SSE event. A longer event
// cannot be inspected, so a shaping Stream drops it (it fails closed); a
// Meter passes it through unscanned.
const MaxEvent = 1 << 20

// DefaultTarpitMax is the default bound on the delay added to one stream.
const DefaultTarpitMax = 60 * time.Second

// StreamOptions configure a Stream or a Meter.
type StreamOptions struct {
	// Endpoint is the API endpoint of the exchange.
	Endpoint fingerprint.Endpoint
	// Config holds the measures; nil or no measures: meter only.
	Config *Config
	// StripUsage removes the OpenAI usage chunk (the proxy asked for it,
	// the client did not).
	StripUsage bool
	// Prompt is the prompt-token estimate charged when the upstream never
	// reports usage (a stream cut short).
	Prompt limiter.Tokens
	// Sink receives the usage when the body is closed; may be nil.
	Sink Sink
	// Context ends a tarpit wait (the client went away); nil: none.
	Context context.Context
}

var streamBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

func getBuf() []byte { return (*streamBufs.Get().(*[]byte))[:0] }
func putBuf(b []byte) {
	if cap(b) <= 64<<10 {
		b = b[:0]
		streamBufs.Put(&b)
	}
}

// Stream shapes a streamed (SSE) response body event by event: it strips
// reasoning and log-probabilities, renumbers what it removed around, delays
// events (tarpit), ends the stream well formed once the token budget is
// spent, removes the usage chunk the client did not ask for, and meters
// the usage. It buffers at most one event (MaxEvent) plus its output.
// A tarpit delay reuses one timer per stream inside Read: no goroutine per
// event or per stream. Build one with NewStream; Read and Close are called
// by one goroutine (the proxy's copy loop).
type Stream struct {
	src  io.ReadCloser
	o    StreamOptions
	c    Config
	ctx  context.Context
	w    Rewriter
	in   []byte
	r    int
	out  []byte
	oi   int
	err  error // upstream error or io.EOF, returned once out is drained
	done bool  // no further input is consumed
	shut bool  // closed

	skipping, lineEmpty bool // dropping an oversize event
	scan                int  // in[r+scan:] is not yet searched for an event end

	u            Usage
	emitted      int  // events passed to the client
	dropped      int  // events removed
	pendingDelay bool // wait before the next output
	delayed      time.Duration
	timer        *time.Timer
	idx          []int32 // Anthropic block / Responses output index: new index, -1 dropped
	openBlock    int32   // Anthropic: renumbered index of the open block, -1
	maxChoice    int
	id, model    []byte // OpenAI chat: of the last chunk, for a synthetic end
	created      []byte
	finished     bool // the upstream's own end was seen
	rs           responsesEnd
}

// NewStream returns a Stream reading src.
func NewStream(src io.ReadCloser, o StreamOptions) *Stream {
	s := &Stream{src: src, o: o, ctx: o.Context, openBlock: -1, rs: responsesEnd{item: -1, part: -1, seq: -1}}
	if o.Config != nil {
		s.c = *o.Config
	}
	if s.c.TarpitMax <= 0 {
		s.c.TarpitMax = DefaultTarpitMax
	}
	if s.ctx == nil {
		s.ctx = context.Background()
	}
	s.in, s.out = getBuf(), getBuf()
	return s
}

// Usage returns the usage metered so far.
func (s *Stream) Usage() Usage { return s.u }

var errClosed = errors.New("shape: read after close")

// Read implements io.Reader.
func (s *Stream) Read(p []byte) (int, error) {
	if s.shut {
		return 0, errClosed
	}
	for {
		if s.oi < len(s.out) {
			if s.pendingDelay {
				s.pendingDelay = false
				if err := s.wait(); err != nil {
					return 0, err
				}
			}
			n := copy(p, s.out[s.oi:])
			s.oi += n
			return n, nil
		}
		s.out, s.oi = s.out[:0], 0
		if s.events() {
			continue
		}
		if s.done {
			if s.err == nil {
				s.err = io.EOF
			}
			return 0, s.err
		}
		s.fill()
	}
}

// fill reads more upstream bytes into in.
func (s *Stream) fill() {
	if s.r > 0 {
		n := copy(s.in, s.in[s.r:])
		s.in, s.r = s.in[:n], 0
	}
	if len(s.in) == cap(s.in) {
		if cap(s.in) >= MaxEvent {
			// oversize event: drop it up to its end
			s.skipping, s.lineEmpty = true, false
			s.in, s.scan = s.in[:0], 0
			s.dropped++
		} else {
			nb := make([]byte, len(s.in), min(2*cap(s.in), MaxEvent))
			copy(nb, s.in)
			putBuf(s.in)
			s.in = nb
		}
	}
	n, err := s.src.Read(s.in[len(s.in):cap(s.in)])
	s.in = s.in[:len(s.in)+n]
	if s.skipping && n > 0 {
		s.skip()
	}
	if err != nil {
		s.err = err
		s.done = true
		if err == io.EOF && !s.skipping && s.r < len(s.in) {
			// a last event without its blank line
			s.in = append(s.in, '\n', '\n')
		}
	}
}

// skip drops input up to the end of the oversize event.
func (s *Stream) skip() {
	for i := s.r; i < len(s.in); i++ {
		switch c := s.in[i]; c {
		case '\n':
			if s.lineEmpty {
				s.skipping = false
				s.r = i + 1
				return
			}
			s.lineEmpty = true
		case '\r':
		default:
			s.lineEmpty = false
		}
	}
	s.in, s.r = s.in[:0], 0
}

// events shapes buffered complete events into out; with a tarpit it stops
// after the first event that produced output. It reports whether out has
// bytes.
func (s *Stream) events() bool {
	for !s.skipping && s.r < len(s.in) {
		ev, end := nextEvent(s.in[s.r:], s.scan)
		if end < 0 {
			s.scan = max(0, len(s.in)-s.r-3)
			break
		}
		s.r += end
		s.scan = 0
		before := len(s.out)
		s.event(ev)
		if len(s.out) == before {
			s.dropped++
			continue
		}
		if s.c.Measures&limiter.MeasureTarpit != 0 && s.c.TarpitDelay > 0 {
			// one event per Read, each after the delay
			s.pendingDelay = s.emitted > 0
			s.emitted++
			return true
		}
		s.emitted++
	}
	return len(s.out) > 0
}

// nextEvent returns the first event of b (without its blank line) and the
// offset after it, or end -1 when b holds no complete event. The search
// for the blank line starts at from (where an earlier search stopped), so
// that a long event arriving in small reads is scanned once, not once per
// read.
func nextEvent(b []byte, from int) (ev []byte, end int) {
	if len(b) > 0 && b[0] == '\n' {
		return b[:0], 1
	}
	if len(b) > 1 && b[0] == '\r' && b[1] == '\n' {
		return b[:0], 2
	}
	for i := from; ; {
		k := bytes.IndexByte(b[i:], '\n')
		if k < 0 {
			return nil, -1
		}
		k += i
		switch {
		case k+1 < len(b) && b[k+1] == '\n':
			end = k + 2
		case k+2 < len(b) && b[k+1] == '\r' && b[k+2] == '\n':
			end = k + 3
		default:
			i = k + 1
			continue
		}
		ev = b[:k]
		if len(ev) > 0 && ev[len(ev)-1] == '\r' {
			ev = ev[:len(ev)-1]
		}
		return ev, end
	}
}

// dataOf returns the span of the single data line's payload in ev, or
// (-1, -1) when ev has no or several data lines.
func dataOf(ev []byte) (int, int) {
	ds, de := -1, -1
	for j := 0; j < len(ev); {
		k := bytes.IndexByte(ev[j:], '\n')
		le := len(ev)
		if k >= 0 {
			le = j + k
		}
		line := ev[j:le]
		if bytes.HasPrefix(line, []byte("data:")) {
			if ds >= 0 {
				return -1, -1
			}
			ds = j + 5
			if ds < le && ev[ds] == ' ' {
				ds++
			}
			de = le
			if de > ds && ev[de-1] == '\r' {
				de--
			}
		}
		if k < 0 {
			break
		}
		j = le + 1
	}
	return ds, de
}

// event shapes one event and appends it (or nothing) to out.
func (s *Stream) event(ev []byte) {
	if len(ev) == 0 {
		return // a stray blank line
	}
	ds, de := dataOf(ev)
	if ds < 0 {
		s.emit(ev, nil, 0, 0)
		return
	}
	data := ev[ds:de]
	ed := &s.w.ed
	ed.reset()
	if s.o.Endpoint == fingerprint.EndpointMessages {
		s.anthropic(ev, ds, de, data)
		return
	}
	if string(data) == "[DONE]" {
		s.finished = true
		s.emit(ev, nil, 0, 0)
		return
	}
	its, _, ok := members(data, ws(data, 0), ed.its[:0])
	ed.its = its
	if !ok {
		s.emit(ev, nil, 0, 0)
		return
	}
	switch s.o.Endpoint {
	case fingerprint.EndpointResponses:
		s.responses(ev, ds, de, data, its)
	default:
		s.chat(ev, ds, de, data, its)
	}
}

// emit appends ev with its data span [ds, de) replaced by the edits of
// data (when data is not nil) and the event separator.
func (s *Stream) emit(ev, data []byte, ds, de int) {
	if data == nil || len(s.w.ed.edits) == 0 {
		s.out = append(s.out, ev...)
	} else {
		s.out = append(s.out, ev[:ds]...)
		s.out = s.w.ed.apply(s.out, data)
		s.out = append(s.out, ev[de:]...)
	}
	s.out = append(s.out, '\n', '\n')
}

// budgetSpent reports whether one more content delta would exceed the
// token budget.
func (s *Stream) budgetSpent() bool {
	return s.c.Measures&limiter.MeasureClampTokens != 0 && s.u.Deltas >= int64(s.c.maxTokens())*int64(s.maxChoice+1)
}

// end stops reading the upstream after a synthetic end of stream.
func (s *Stream) end() {
	s.finished = true
	s.done = true
	s.err = io.EOF
	if s.src != nil {
		_ = s.src.Close()
		s.src = nil
	}
	s.r = len(s.in)
}

// newIndex maps an upstream index to the client's (-1: dropped).
func (s *Stream) newIndex(i int64) int32 {
	if i < 0 || i >= int64(len(s.idx)) {
		return int32(i) - int32(s.countDropped())
	}
	return s.idx[i]
}

func (s *Stream) countDropped() int {
	n := 0
	for _, v := range s.idx {
		if v < 0 {
			n++
		}
	}
	return n
}

// mark records the fate of upstream index i.
func (s *Stream) mark(i int64, drop bool) {
	if i < 0 || i > 1<<16 {
		return
	}
	for int64(len(s.idx)) <= i {
		s.idx = append(s.idx, int32(len(s.idx)-s.countDropped()))
	}
	if drop {
		s.idx[i] = -1
	} else {
		s.idx[i] = int32(i) - int32(s.countDroppedBefore(i))
	}
}

func (s *Stream) countDroppedBefore(i int64) int {
	n := 0
	for _, v := range s.idx[:i] {
		if v < 0 {
			n++
		}
	}
	return n
}

// renumber rewrites the member index (a top-level "index" or
// "output_index") to the client's numbering; it reports false when the
// index was dropped.
func (s *Stream) renumber(data []byte, it item) bool {
	n, ok := atoi(it.val(data))
	if !ok {
		return true
	}
	ni := s.newIndex(n)
	if ni < 0 {
		return false
	}
	if int64(ni) != n {
		s.w.ed.replaceInt(it.vs, it.ve, int64(ni))
	}
	return true
}

func (s *Stream) strip() bool { return s.c.Measures&limiter.MeasureStripReasoning != 0 }

// anthropic shapes one Anthropic messages event.
func (s *Stream) anthropic(ev []byte, ds, de int, data []byte) {
	ed := &s.w.ed
	its, _, ok := members(data, ws(data, 0), ed.its[:0])
	ed.its = its
	if !ok {
		s.emit(ev, nil, 0, 0)
		return
	}
	typ, _ := find(data, its, "type")
	t := typ.val(data)
	index, hasIndex := find(data, its, "index")
	switch {
	case isStr(t, "message_start"):
		if m, ok := find(data, its, "message"); ok {
			s.w.lv[0], _ = findUsage(m.val(data), &s.u, s.w.lv[0])
		}
	case isStr(t, "message_delta"):
		if u, ok := find(data, its, "usage"); ok && len(u.val(data)) > 0 && u.val(data)[0] == '{' {
			s.w.lv[0] = parseUsage(data, u.vs, &s.u, s.w.lv[0])
			s.u.Reported = true
		}
	case isStr(t, "message_stop"):
		s.finished = true
	case isStr(t, "content_block_start") && hasIndex:
		n, _ := atoi(index.val(data))
		drop := false
		if s.strip() {
			if cb, ok := find(data, its, "content_block"); ok {
				sub, _, _ := members(data, cb.vs, s.w.lv[1][:0])
				s.w.lv[1] = sub
				ct, _ := find(data, sub, "type")
				drop = isThinking(ct.val(data))
			}
		}
		s.mark(int64(n), drop)
		if drop {
			return
		}
		s.renumber(data, index)
		s.openBlock = s.newIndex(int64(n))
	case (isStr(t, "content_block_delta") || isStr(t, "content_block_stop")) && hasIndex:
		if !s.renumber(data, index) {
			return
		}
		if isStr(t, "content_block_stop") {
			s.openBlock = -1
			break
		}
		if bytes.Contains(data, []byte(`"signature_delta"`)) {
			break // no token
		}
		if s.budgetSpent() {
			s.anthropicEnd()
			return
		}
		s.u.Deltas++
	}
	s.emit(ev, data, ds, de)
}

// anthropicEnd ends an Anthropic stream at the token budget: the open
// block stops, message_delta says max_tokens, message_stop follows.
func (s *Stream) anthropicEnd() {
	if s.openBlock >= 0 {
		s.out = append(s.out, "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":"...)
		s.out = strconv.AppendInt(s.out, int64(s.openBlock), 10)
		s.out = append(s.out, "}\n\n"...)
	}
	s.u.Output = max(s.u.Output, limiter.Tokens(s.u.Deltas))
	s.out = append(s.out, "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":"...)
	s.out = strconv.AppendInt(s.out, int64(s.u.Output), 10)
	s.out = append(s.out, "}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"...)
	s.end()
}

// chat shapes one OpenAI chat completions or completions chunk.
func (s *Stream) chat(ev []byte, ds, de int, data []byte, its []item) {
	var choices item
	hasChoices, empty := false, true
	for _, it := range its {
		switch string(it.key(data)) {
		case "choices":
			choices, hasChoices = it, true
		case "usage":
			if v := it.val(data); len(v) > 0 && v[0] == '{' {
				s.w.lv[0] = parseUsage(data, it.vs, &s.u, s.w.lv[0])
				s.u.Reported = true
			}
		case "id":
			s.id = append(s.id[:0], it.val(data)...)
		case "model":
			s.model = append(s.model[:0], it.val(data)...)
		case "created":
			s.created = append(s.created[:0], it.val(data)...)
		}
	}
	if hasChoices {
		els, _, _ := elements(data, choices.vs, s.w.lv[2][:0])
		s.w.lv[2] = els
		empty = len(els) == 0
		for _, el := range els {
			ch, _, _ := members(data, el.vs, s.w.lv[3][:0])
			s.w.lv[3] = ch
			if ix, ok := find(data, ch, "index"); ok {
				if n, ok := atoi(ix.val(data)); ok && n < 128 {
					s.maxChoice = max(s.maxChoice, int(n))
				}
			}
			if isContentChoice(data, ch) {
				if s.budgetSpent() {
					s.chatEnd()
					return
				}
				s.u.Deltas++
			}
		}
		if s.c.Measures&(limiter.MeasureStripReasoning|limiter.MeasureDropLogprobs) != 0 {
			s.w.choices(data, choices, "delta", &s.c)
		}
	}
	if empty && s.u.Reported && s.o.StripUsage {
		return // the usage chunk the client did not ask for
	}
	s.emit(ev, data, ds, de)
}

// isContentChoice reports whether a chunk's choice carries output: a
// delta with content, refusal or tool calls, or a completions text.
func isContentChoice(b []byte, ch []item) bool {
	for _, m := range ch {
		switch string(m.key(b)) {
		case "text":
			return len(m.val(b)) > 2
		case "delta":
			v := m.val(b)
			return bytes.Contains(v, []byte(`"content":"`)) && !bytes.Contains(v, []byte(`"content":""`)) ||
				bytes.Contains(v, []byte(`"tool_calls"`)) || bytes.Contains(v, []byte(`"refusal":"`))
		}
	}
	return false
}

// chatEnd ends an OpenAI chat stream at the token budget: a finish chunk
// with finish_reason "length" per choice, the usage chunk when the client
// asked for it, and [DONE].
func (s *Stream) chatEnd() {
	head := func() {
		s.out = append(s.out, `data: {"id":`...)
		s.out = appendRaw(s.out, s.id, `""`)
		obj := `"chat.completion.chunk"`
		if s.o.Endpoint == fingerprint.EndpointCompletions {
			obj = `"text_completion"`
		}
		s.out = append(s.out, `,"object":`...)
		s.out = append(s.out, obj...)
		s.out = append(s.out, `,"created":`...)
		s.out = appendRaw(s.out, s.created, "0")
		s.out = append(s.out, `,"model":`...)
		s.out = appendRaw(s.out, s.model, `""`)
	}
	for i := 0; i <= s.maxChoice; i++ {
		head()
		s.out = append(s.out, `,"choices":[{"index":`...)
		s.out = strconv.AppendInt(s.out, int64(i), 10)
		if s.o.Endpoint == fingerprint.EndpointCompletions {
			s.out = append(s.out, `,"text":"","logprobs":null,"finish_reason":"length"}]}`+"\n\n"...)
		} else {
			s.out = append(s.out, `,"delta":{},"logprobs":null,"finish_reason":"length"}]}`+"\n\n"...)
		}
	}
	in := max(s.u.Input, s.o.Prompt)
	s.u.Input = in
	s.u.Output = max(s.u.Output, limiter.Tokens(s.u.Deltas))
	if !s.o.StripUsage {
		head()
		s.out = append(s.out, `,"choices":[],"usage":{"prompt_tokens":`...)
		s.out = strconv.AppendInt(s.out, int64(s.u.Input), 10)
		s.out = append(s.out, `,"completion_tokens":`...)
		s.out = strconv.AppendInt(s.out, int64(s.u.Output), 10)
		s.out = append(s.out, `,"total_tokens":`...)
		s.out = strconv.AppendInt(s.out, int64(s.u.Total()), 10)
		s.out = append(s.out, "}}\n\n"...)
	}
	s.out = append(s.out, "data: [DONE]\n\n"...)
	s.end()
}

func appendRaw(dst, v []byte, def string) []byte {
	if len(v) == 0 {
		return append(dst, def...)
	}
	return append(dst, v...)
}

// responses shapes one OpenAI Responses event.
func (s *Stream) responses(ev []byte, ds, de int, data []byte, its []item) {
	ed := &s.w.ed
	typ, _ := find(data, its, "type")
	t := typ.val(data)
	if len(t) < 2 {
		s.emit(ev, data, ds, de)
		return
	}
	name := t[1 : len(t)-1]
	if s.strip() && bytes.HasPrefix(name, []byte("response.reasoning")) {
		return
	}
	track := s.c.Measures&limiter.MeasureClampTokens != 0
	// the budget counts the output's deltas, not reasoning's (as chat
	// counts content, not reasoning_content); metering counts all
	visible := bytes.HasSuffix(name, []byte(".delta")) && !bytes.HasPrefix(name, []byte("response.reasoning"))
	if track && visible {
		if s.rs.deltas >= int64(s.c.maxTokens()) {
			s.responsesEnd()
			return
		}
		s.rs.deltas++
	}
	for _, it := range its {
		switch string(it.key(data)) {
		case "response":
			sub, _, ok := members(data, it.vs, s.w.lv[1][:0])
			s.w.lv[1] = sub
			if !ok {
				continue
			}
			if u, ok := find(data, sub, "usage"); ok && len(u.val(data)) > 0 && u.val(data)[0] == '{' {
				s.w.lv[0] = parseUsage(data, u.vs, &s.u, s.w.lv[0])
				s.u.Reported = true
				s.finished = true
			}
			if out, ok := find(data, sub, "output"); ok && s.c.Measures&(limiter.MeasureStripReasoning|limiter.MeasureDropLogprobs) != 0 {
				s.w.output(data, out, &s.c)
			}
		case "item":
			sub, _, ok := members(data, it.vs, s.w.lv[1][:0])
			s.w.lv[1] = sub
			if !ok {
				continue
			}
			ityp, _ := find(data, sub, "type")
			oi, hasOI := find(data, its, "output_index")
			n, _ := atoi(oi.val(data))
			if s.strip() && isStr(ityp.val(data), "reasoning") {
				if hasOI {
					s.mark(n, true)
				}
				return
			}
			if hasOI && bytes.HasSuffix(name, []byte(".added")) {
				s.mark(n, false)
			}
			if c, ok := find(data, sub, "content"); ok && s.c.Measures&limiter.MeasureDropLogprobs != 0 {
				s.w.partLogprobs(data, c.vs)
			}
		case "output_index":
			if !s.renumber(data, it) {
				return
			}
		case "logprobs":
			if s.c.Measures&limiter.MeasureDropLogprobs != 0 && string(it.val(data)) != "[]" {
				ed.replace(it.vs, it.ve, "[]")
			}
		case "part":
			if s.c.Measures&limiter.MeasureDropLogprobs != 0 {
				sub, _, ok := members(data, it.vs, s.w.lv[1][:0])
				s.w.lv[1] = sub
				if lp, ok2 := find(data, sub, "logprobs"); ok && ok2 && string(lp.val(data)) != "[]" {
					ed.replace(lp.vs, lp.ve, "[]")
				}
			}
		}
	}
	if bytes.HasSuffix(name, []byte(".delta")) {
		s.u.Deltas++
	}
	if sn, ok := find(data, its, "sequence_number"); ok {
		if s.dropped > 0 {
			ed.replaceInt(sn.vs, sn.ve, int64(s.emitted))
			s.rs.seq = int64(s.emitted)
		} else if n, ok := atoi(sn.val(data)); ok {
			s.rs.seq = n
		}
	}
	if !track {
		s.emit(ev, data, ds, de)
		return
	}
	at := len(s.out)
	s.emit(ev, data, ds, de)
	s.trackResponses(name, s.out[at:])
}

// wait is the tarpit: one reused timer, bounded in total per stream,
// ended early by the context.
func (s *Stream) wait() error {
	d := min(s.c.TarpitDelay, s.c.TarpitMax-s.delayed)
	if d <= 0 {
		return nil
	}
	s.delayed += d
	if s.timer == nil {
		s.timer = time.NewTimer(d)
	} else {
		s.timer.Reset(d)
	}
	select {
	case <-s.timer.C:
		return nil
	case <-s.ctx.Done():
		s.timer.Stop()
		return s.ctx.Err()
	}
}

// Close closes the upstream body and reports the usage to the sink: the
// upstream's when it reported one, else the prompt estimate plus the
// deltas passed to the client.
func (s *Stream) Close() error {
	if s.shut {
		return nil
	}
	s.shut = true
	var err error
	if s.src != nil {
		err = s.src.Close()
	}
	if s.timer != nil {
		s.timer.Stop()
	}
	putBuf(s.in)
	putBuf(s.out)
	s.in, s.out = nil, nil
	if s.o.Sink != nil {
		s.o.Sink.Done(finalUsage(s.u, s.o.Prompt))
	}
	return err
}

// finalUsage fills what the upstream did not report.
func finalUsage(u Usage, prompt limiter.Tokens) Usage {
	if !u.Reported {
		if u.Input == 0 {
			u.Input = prompt
		}
		u.Output = max(u.Output, limiter.Tokens(u.Deltas))
	}
	return u
}
