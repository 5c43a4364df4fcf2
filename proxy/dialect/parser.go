package dialect

import (
	"iter"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/cespare/xxhash/v2"

	"github.com/sluicehq/sluice/fingerprint"
)

// maxInt bounds every integer knob (max_tokens, n, top_logprobs, ...).
// Larger values are rejected as invalid rather than clamped, so no
// arithmetic downstream can overflow.
const maxInt = 1<<31 - 1

// maxPooledScratch is the largest scratch buffer Put keeps: a parser that
// served one huge body does not pin that memory in the pool.
const maxPooledScratch = 1 << 20

// maxCachedModel is the longest model name a Parser remembers between
// calls (no real name comes close; a hostile one is not kept in the pool).
const maxCachedModel = 128

// Parser decodes model API request bodies into fingerprint.Request values.
// It owns reusable scratch memory, so that parsing a warm parser allocates
// nothing except, at most, the model name.
//
// A Parser is not safe for concurrent use. Take one from the pool with Get,
// call Parse, and give it back with Put once the Request is no longer read.
// The zero value is ready to use.
type Parser struct {
	s scanner

	// scratch holds turn text that could not alias the body (escaped or
	// multi-part); sys the system prompt when it has several pieces. Both
	// are sized to the body before the first write of a Parse, which is
	// enough for everything that Parse writes (unescaped text is never
	// longer than its JSON form), so slices handed out never move.
	scratch []byte
	sys     []byte

	// spans collects the text parts of the message being parsed, so that
	// its role (which may come after its content) decides where they go.
	spans []span

	req      *fingerprint.Request
	sysN     int  // system pieces added so far
	sysInBuf bool // req.System lives in sys

	model  string // last model name, reused when the next one is equal
	keybuf [256]byte

	// hint sizes scratch and sys before their first write: the body's
	// length for Parse (enough for all it writes, so that they never
	// grow), a bounded guess for ParseAt, whose part's end is not known.
	hint int

	// The history cache (see history.go): hist overrides the process-wide
	// cache and noHist disables it (tests). While a long message list is
	// read, bounds records its messages, pieces its system pieces (when
	// rec), t0 the turns before it and d0 the nesting depth inside it.
	hist     *histCache
	noHist   bool
	replayed int // messages the last Parse took from the cache
	rec      bool
	t0, d0   int
	bounds   []histBound
	pieces   [][]byte
}

// span is one text part of a message: the raw bytes of a JSON string (to
// unescape) or of a JSON value (taken verbatim, e.g. tool_use input).
type span struct {
	start, end int
	esc        bool
	group      uint8
}

// Span groups: which field of a message a part came from. A message's
// text joins the parts of the selected groups in this order.
const (
	gContent    uint8 = 1 << iota // content / text blocks
	gToolCalls                    // assistant tool_calls[].function.arguments
	gFuncCall                     // assistant function_call.arguments
	gOutput                       // function_call_output output
	gArguments                    // function_call arguments
	gToolResult                   // Anthropic tool_result content
	gLast
)

var pool = sync.Pool{New: func() any { return new(Parser) }}

// Get returns a Parser from a process-wide pool.
func Get() *Parser { return pool.Get().(*Parser) }

// Put returns p to the pool. Text slices of Requests parsed by p must not
// be used afterwards.
func Put(p *Parser) {
	p.s.reset(nil)
	p.req = nil
	clear(p.pieces)
	p.pieces = p.pieces[:0]
	if cap(p.scratch) > maxPooledScratch {
		p.scratch = nil
	}
	if cap(p.sys) > maxPooledScratch {
		p.sys = nil
	}
	pool.Put(p)
}

// Parse decodes body, sent to endpoint ep, into req. req is reset first;
// its Turns slice is reused. Text slices in req alias body or p's scratch
// memory and stay valid until the next Parse or Put.
//
// Parse validates the whole body as JSON and the types of the fields it
// reads; unknown fields are skipped. Missing fields are not an error. The
// error is an *Error whose message is safe to show to the client.
func (p *Parser) Parse(ep fingerprint.Endpoint, body []byte, req *fingerprint.Request) error {
	_, err := p.parse(ep, body, 0, len(body), req)
	if err == nil {
		err = p.s.end()
	}
	return err
}

// maxPartHint bounds the scratch a part of a batch reserves up front; a
// larger part grows it as it is written.
const maxPartHint = 64 << 10

// ParseAt decodes the request body that is the JSON value starting at
// body[off:] (a part of a batch, say) into req, as Parse does for a whole
// body, and returns the offset just past that value. Text slices in req
// alias body or p's scratch, as for Parse. What follows the value is not
// read: the caller walks the enclosing document, so that a batch is read
// in one pass. The value's nesting is counted from its own start.
func (p *Parser) ParseAt(ep fingerprint.Endpoint, body []byte, off int, req *fingerprint.Request) (end int, err error) {
	if off < 0 || off > len(body) {
		off = len(body)
	}
	return p.parse(ep, body, off, min(len(body)-off, maxPartHint), req)
}

func (p *Parser) parse(ep fingerprint.Endpoint, body []byte, off, hint int, req *fingerprint.Request) (int, error) {
	turns := req.Turns[:cap(req.Turns)]
	clear(turns) // drop references to earlier bodies
	*req = fingerprint.Request{Turns: turns[:0], Endpoint: ep}
	p.req = req
	p.s.reset(body)
	p.s.i = off
	p.hint = hint
	p.scratch = p.scratch[:0]
	p.sys = p.sys[:0]
	p.spans = p.spans[:0]
	p.sysN, p.sysInBuf = 0, false
	p.rec, p.replayed = false, 0

	var err error
	switch ep {
	case fingerprint.EndpointChatCompletions, fingerprint.EndpointCompletions, fingerprint.EndpointResponses:
		req.Dialect = fingerprint.DialectOpenAI
		err = p.openAI(ep)
	case fingerprint.EndpointMessages:
		req.Dialect = fingerprint.DialectAnthropic
		err = p.anthropic()
	default:
		return off, &Error{Kind: NotFound, Msg: "not a model endpoint"}
	}
	return p.s.i, err
}

// root opens the top-level object.
func (p *Parser) root() error {
	if c := p.s.peek(); c != '{' {
		if err := p.s.skip(); err != nil {
			return err
		}
		return errNotAnObject
	}
	return p.s.open('{')
}

// small returns the string at start:end unescaped when it is short
// enough to compare with constants; long escaped strings come back raw.
func (p *Parser) small(start, end int, esc bool) []byte {
	raw := p.s.b[start:end]
	if esc && len(raw) <= len(p.keybuf) {
		return unescape(p.keybuf[:0], raw)
	}
	return raw
}

// Type errors. The readers return one of these sentinels; the object or
// array iterator that reads the field turns it into an *Error that names
// the field (see at).
type wantError struct{ want string }

func (e *wantError) Error() string { return "must be " + e.want }

var (
	errWantString  = &wantError{"a string or null"}
	errWantBool    = &wantError{"a boolean or null"}
	errWantInt     = &wantError{"a non-negative integer or null"}
	errWantNumber  = &wantError{"a finite number or null"}
	errWantObject  = &wantError{"an object or null"}
	errWantArray   = &wantError{"an array or null"}
	errWantText    = &wantError{"a string, an array of content parts, or null"}
	errWantItem    = &wantError{"an object"}
	errTooDeep     = &Error{Kind: InvalidRequest, Msg: "request body nests deeper than 64 levels"}
	errNotAnObject = &Error{Kind: InvalidRequest, Msg: "request body must be a JSON object"}
)

// at names the field a type error came from. path alternates names and
// array indexes: at(err, "messages", 2, "content") -> messages[2].content.
// Type errors of nested fields get the outer path prefixed; syntax errors
// are returned unchanged.
func at(err error, path ...any) error {
	if err == nil {
		return nil
	}
	return atSlow(err, path)
}

func atSlow(err error, path []any) error {
	var e *Error
	switch w := err.(type) {
	case *wantError:
		e = &Error{Kind: InvalidRequest, want: w.want}
	case *Error:
		if w.want == "" {
			return err
		}
		e = w
	default:
		return err
	}
	var sb strings.Builder
	for _, el := range path {
		switch el := el.(type) {
		case string:
			if sb.Len() > 0 {
				sb.WriteByte('.')
			}
			sb.WriteString(el)
		case int:
			sb.WriteByte('[')
			sb.WriteString(strconv.Itoa(el))
			sb.WriteByte(']')
		}
	}
	if e.Param != "" {
		if e.Param[0] != '[' && sb.Len() > 0 {
			sb.WriteByte('.')
		}
		sb.WriteString(e.Param)
	}
	e.Param = sb.String()
	e.Msg = e.Param + ": must be " + e.want
	return e
}

// mismatch skips the wrongly typed value (so that a syntax error in it
// wins) and returns want.
func (p *Parser) mismatch(want error) error {
	if err := p.s.skip(); err != nil {
		return err
	}
	return want
}

// readBool reads a boolean; null leaves v unchanged.
func (p *Parser) readBool(v *bool) error {
	switch p.s.peek() {
	case 't':
		*v = true
		return p.s.lit("true")
	case 'f':
		*v = false
		return p.s.lit("false")
	case 'n':
		return p.s.lit("null")
	}
	return p.mismatch(errWantBool)
}

// readInt reads an integer literal in [0, maxInt]; null leaves v
// unchanged. Fractions and exponents are rejected.
func (p *Parser) readInt(v *int) error {
	c := p.s.peek()
	if c == 'n' {
		return p.s.lit("null")
	}
	if c != '-' && (c < '0' || c > '9') {
		return p.mismatch(errWantInt)
	}
	start, end, isInt, err := p.s.num()
	if err != nil {
		return err
	}
	b := p.s.b[start:end]
	if !isInt {
		return errWantInt
	}
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	n := 0
	for _, d := range b {
		n = n*10 + int(d-'0')
		if n > maxInt {
			return errWantInt
		}
	}
	if neg && n != 0 {
		return errWantInt
	}
	*v = n
	return nil
}

// readFloat reads a number; null leaves v and has unchanged.
func (p *Parser) readFloat(v *float64, has *bool) error {
	c := p.s.peek()
	if c == 'n' {
		return p.s.lit("null")
	}
	if c != '-' && (c < '0' || c > '9') {
		return p.mismatch(errWantNumber)
	}
	start, end, _, err := p.s.num()
	if err != nil {
		return err
	}
	b := p.s.b[start:end]
	// The string does not outlive the call: strconv copies it into errors.
	f, err := strconv.ParseFloat(unsafe.String(&b[0], len(b)), 64)
	if err != nil {
		return errWantNumber
	}
	*v, *has = f, true
	return nil
}

// readString reads a string. null returns ok false.
func (p *Parser) readString() (start, end int, esc, ok bool, err error) {
	switch p.s.peek() {
	case '"':
		start, end, esc, err = p.s.str()
		return start, end, esc, err == nil, err
	case 'n':
		return 0, 0, false, false, p.s.lit("null")
	}
	return 0, 0, false, false, p.mismatch(errWantString)
}

// readSmall reads a short string for comparison with constants (role,
// type, effort). null returns nil.
func (p *Parser) readSmall() ([]byte, error) {
	start, end, esc, ok, err := p.readString()
	if !ok {
		return nil, err
	}
	return p.small(start, end, esc), nil
}

// readModel reads the model name into req.Model. It allocates only for a
// name that is neither well known nor the one this parser saw last.
func (p *Parser) readModel() error {
	start, end, esc, ok, err := p.readString()
	if !ok {
		return err
	}
	b := p.s.b[start:end]
	if esc {
		if len(b) <= len(p.keybuf) {
			b = unescape(p.keybuf[:0], b)
		} else {
			b = unescape(nil, b)
		}
	}
	switch {
	case len(b) == 0:
	case knownModel(b) != "":
		p.req.Model = knownModel(b)
	case string(b) == p.model:
		p.req.Model = p.model
	case len(b) > maxCachedModel:
		p.req.Model = string(b)
	default:
		p.model = string(b)
		p.req.Model = p.model
	}
	return nil
}

// countArray reads an array and returns its length; null counts 0.
func (p *Parser) countArray(v *int) error {
	if ok, err := p.beginArray(errWantArray); !ok {
		return err
	}
	n := 0
	var err error
	for range p.elements(&err) {
		err = p.s.skip()
		n++
	}
	if err != nil {
		return err
	}
	*v = n
	return nil
}

// countObject reads an object and returns its number of members.
func (p *Parser) countObject(v *int) error {
	if ok, err := p.beginObject(errWantObject); !ok {
		return err
	}
	n := 0
	var err error
	for range p.members(&err) {
		err = p.s.skip()
		n++
	}
	if err != nil {
		return err
	}
	*v = n
	return nil
}

// logitBias reads logit_bias: the number of its entries, and a hash of
// its raw JSON, which tells a bias that changes from request to request
// (a log-probability extraction walking the vocabulary) from one fixed
// label set (a classifier).
func (p *Parser) logitBias() error {
	p.s.peek()
	start := p.s.i
	if err := p.countObject(&p.req.LogitBias); err != nil {
		return err
	}
	if p.req.LogitBias > 0 {
		p.req.LogitBiasHash = xxhash.Sum64(p.s.b[start:p.s.i]) | 1
	}
	return nil
}

// beginObject opens an object member value; null returns ok false.
func (p *Parser) beginObject(want error) (ok bool, err error) {
	switch p.s.peek() {
	case 'n':
		return false, p.s.lit("null")
	case '{':
		return true, p.s.open('{')
	}
	return false, p.mismatch(want)
}

// beginArray opens an array member value; null returns ok false.
func (p *Parser) beginArray(want error) (ok bool, err error) {
	switch p.s.peek() {
	case 'n':
		return false, p.s.lit("null")
	case '[':
		return true, p.s.open('[')
	}
	return false, p.mismatch(want)
}

// beginItem opens an array element that must be an object (null too is
// errWantItem).
func (p *Parser) beginItem() error {
	if p.s.peek() != '{' {
		return p.mismatch(errWantItem)
	}
	return p.s.open('{')
}

// The iterators below walk the members or elements of an object or array
// with the scanner at each value, which the loop body must read. *err must
// be nil when the loop starts. The body reports an error by setting *err,
// which ends the loop; the error is returned with the member's key or the
// element's index prefixed (see at), so that a type error names its
// field. A syntax error between values ends the loop too, stored in *err.
// After the last value the closing byte is consumed and *err stays nil.
// The compiler inlines the iterators and their loop bodies: they allocate
// nothing (TestAllocs).

// object yields the keys of an object member value, unescaped when
// needed (keys too long for keybuf cannot be known fields and come back
// raw). A key may alias keybuf: it is valid until the body reads a value.
// null is an object without members; another type sets *err to want. With
// want nil, the object is already open (see members).
func (p *Parser) object(want error, err *error) iter.Seq[[]byte] {
	return func(yield func(key []byte) bool) {
		if want != nil {
			if ok, e := p.beginObject(want); !ok {
				*err = e
				return
			}
		}
		for first := true; ; first = false {
			ok, e := p.s.more(first, '}')
			if e != nil || !ok {
				*err = e
				return
			}
			start, end, esc, e := p.s.key()
			if e != nil {
				*err = e
				return
			}
			if !yield(p.small(start, end, esc)) {
				return
			}
			if *err != nil {
				// Named after the key, read again: keybuf may have
				// been reused for the value.
				*err = at(*err, string(p.small(start, end, esc)))
				return
			}
		}
	}
}

// array yields the indexes of an array member value. null is an empty
// array; another type sets *err to want. With want nil, the array is
// already open (see elements).
func (p *Parser) array(want error, err *error) iter.Seq[int] {
	return func(yield func(i int) bool) {
		if want != nil {
			if ok, e := p.beginArray(want); !ok {
				*err = e
				return
			}
		}
		for i := 0; ; i++ {
			ok, e := p.s.more(i == 0, ']')
			if e != nil || !ok {
				*err = e
				return
			}
			if !yield(i) {
				return
			}
			if *err != nil {
				*err = at(*err, i)
				return
			}
		}
	}
}

// members yields the keys of the object just opened (see object).
func (p *Parser) members(err *error) iter.Seq[[]byte] { return p.object(nil, err) }

// elements yields the indexes of the array just opened (see array).
func (p *Parser) elements(err *error) iter.Seq[int] { return p.array(nil, err) }

// addSpan records a text part of the current message.
func (p *Parser) addSpan(start, end int, esc bool, g uint8) {
	p.spans = append(p.spans, span{start: start, end: end, esc: esc, group: g})
}

// stringSpan reads a string (or null) and records it as a part of group g.
func (p *Parser) stringSpan(g uint8) error {
	start, end, esc, ok, err := p.readString()
	if ok {
		p.addSpan(start, end, esc, g)
	}
	return err
}

// text joins the spans of the groups in mask (in group order, then
// document order) with "\n". A lone unescaped part aliases the body;
// anything else is written to *buf, which is sized to the body first.
func (p *Parser) text(buf *[]byte, spans []span, mask uint8) []byte {
	n, last := 0, -1
	for i, sp := range spans {
		if sp.group&mask != 0 {
			n++
			last = i
		}
	}
	switch {
	case n == 0:
		return nil
	case n == 1 && !spans[last].esc:
		return p.s.b[spans[last].start:spans[last].end:spans[last].end]
	}
	start := len(*buf)
	p.write(buf, spans, mask, false)
	return (*buf)[start:len(*buf):len(*buf)]
}

// write appends the selected spans to *buf, with a "\n" before each when
// sep is set and between them otherwise.
func (p *Parser) write(buf *[]byte, spans []span, mask uint8, sep bool) {
	b := *buf
	if len(b) == 0 && cap(b) < p.hint+64 {
		b = make([]byte, 0, p.hint+64)
	}
	for g := uint8(1); g < gLast; g <<= 1 {
		if g&mask == 0 {
			continue
		}
		for _, sp := range spans {
			if sp.group != g {
				continue
			}
			if sep {
				b = append(b, '\n')
			}
			sep = true
			raw := p.s.b[sp.start:sp.end]
			if sp.esc {
				b = unescape(b, raw)
			} else {
				b = append(b, raw...)
			}
		}
	}
	*buf = b
}

// turn appends a turn made of the spans of the groups in mask.
func (p *Parser) turn(role fingerprint.Role, spans []span, mask uint8) {
	p.req.Turns = append(p.req.Turns, fingerprint.Turn{Role: role, Text: p.text(&p.scratch, spans, mask)})
}

// system adds one piece to the system prompt: pieces are joined with "\n".
func (p *Parser) system(spans []span, mask uint8) {
	req := p.req
	switch {
	case p.sysN == 0:
		req.System = p.text(&p.sys, spans, mask)
		p.sysInBuf = len(p.sys) > 0
		if p.rec {
			p.pieces = append(p.pieces, req.System)
		}
	default:
		if !p.sysInBuf {
			// The first piece aliased the body: copy it so that the
			// pieces are contiguous.
			if cap(p.sys) < p.hint+64 {
				p.sys = make([]byte, 0, p.hint+64)
			}
			p.sys = append(p.sys[:0], req.System...)
			p.sysInBuf = true
		}
		p.sys = append(p.sys, '\n')
		start := len(p.sys)
		p.write(&p.sys, spans, mask, false)
		req.System = p.sys[:len(p.sys):len(p.sys)]
		if p.rec {
			p.pieces = append(p.pieces, p.sys[start:len(p.sys):len(p.sys)])
		}
	}
	p.sysN++
}

// knownModel interns common model names so that they cost no allocation.
func knownModel(b []byte) string {
	switch string(b) {
	case "gpt-4o":
		return "gpt-4o"
	case "gpt-4o-mini":
		return "gpt-4o-mini"
	case "gpt-4.1":
		return "gpt-4.1"
	case "gpt-4.1-mini":
		return "gpt-4.1-mini"
	case "gpt-4.1-nano":
		return "gpt-4.1-nano"
	case "gpt-5":
		return "gpt-5"
	case "gpt-5-mini":
		return "gpt-5-mini"
	case "gpt-5-nano":
		return "gpt-5-nano"
	case "o3":
		return "o3"
	case "o4-mini":
		return "o4-mini"
	case "claude-opus-4-1":
		return "claude-opus-4-1"
	case "claude-opus-4-5":
		return "claude-opus-4-5"
	case "claude-sonnet-4-5":
		return "claude-sonnet-4-5"
	case "claude-sonnet-4-0":
		return "claude-sonnet-4-0"
	case "claude-haiku-4-5":
		return "claude-haiku-4-5"
	case "claude-3-5-haiku-latest":
		return "claude-3-5-haiku-latest"
	}
	return ""
}

// Reasoning effort values, stored as constants so they cost nothing.
// EffortOther stands for a value sluice does not know.
const (
	EffortNone    = "none"
	EffortMinimal = "minimal"
	EffortLow     = "low"
	EffortMedium  = "medium"
	EffortHigh    = "high"
	EffortXHigh   = "xhigh"
	EffortOther   = "other"
)

func effort(b []byte) string {
	switch string(b) {
	case "none":
		return EffortNone
	case "minimal":
		return EffortMinimal
	case "low":
		return EffortLow
	case "medium":
		return EffortMedium
	case "high":
		return EffortHigh
	case "xhigh":
		return EffortXHigh
	}
	return EffortOther
}

// readEffort reads a reasoning effort string into req.ReasoningEffort.
func (p *Parser) readEffort() error {
	b, err := p.readSmall()
	if err != nil {
		return err
	}
	if b != nil {
		p.req.ReasoningEffort = effort(b)
	}
	return nil
}
