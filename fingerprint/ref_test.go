// This file is the prompt-print pipeline as it was before the tokenizer and
// matcher were rewritten for speed (prompt.go, template.go, matcher.go,
// signals.go, words.go, sketch.go, tokens.go and hasher.go at that time),
// extracted mechanically with every package-level name prefixed "ref". It
// is the reference that identity_test.go compares the fast implementation
// against: the detector's model is fitted on these prints, so they must
// stay bit-identical. Do not edit it; do not "fix" it.

package fingerprint

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
)

const (
	refTweakExact    = 0x6578616374000000
	refTweakSystem   = 0x73797374656d0000
	refTweakTemplate = 0x74656d706c617465
	refTweakCue      = 0x6375650000000000
)

func (h *refHasher) Prompt(r *Request, out *PromptPrint) {
	*out = PromptPrint{}
	out.Turns = uint16(min(len(r.Turns), 0xffff))
	out.Knobs = refKnobs(r)
	if r.LogitBiasHash != 0 {
		out.Bias = uint32(r.LogitBiasHash^r.LogitBiasHash>>32) | 1
	}
	out.Tokens = int32(min(refRequestTokens(r), 1<<31-1))

	// Exact hashes: the conversation as role-tagged, length-prefixed,
	// trimmed texts, so that two dialects or two JSON layouts of one
	// conversation hash equal while turn boundaries still count.
	var d xxhash.Digest
	var hdr [9]byte
	sys := refTrimSpace(r.System)
	d.ResetWithSeed(h.seed ^ refTweakExact)
	if len(sys) > 0 {
		hdr[0] = 's'
		binary.LittleEndian.PutUint64(hdr[1:], uint64(len(sys)))
		d.Write(hdr[:])
		d.Write(sys)
	}
	for i := range r.Turns {
		t := refTrimSpace(r.Turns[i].Text)
		hdr[0] = 'u' + byte(r.Turns[i].Role)
		binary.LittleEndian.PutUint64(hdr[1:], uint64(len(t)))
		d.Write(hdr[:])
		d.Write(t)
	}
	out.Exact = d.Sum64()
	out.SystemBytes = uint16(min(len(sys), 0xffff))
	if len(sys) > 0 {
		d.ResetWithSeed(h.seed ^ refTweakSystem)
		d.Write(sys)
		out.System = d.Sum64()
	}

	last := -1
	for i := len(r.Turns) - 1; i >= 0; i-- {
		if r.Turns[i].Role == RoleUser {
			last = i
			break
		}
	}
	var (
		k   refSkeleton
		sk  refSimhash
		st  refElicitState
		all = refMix64(h.seed ^ refTweakTemplate)
	)
	st.reset(&h.pats)
	ms := h.match.start()
	tseed := h.seed ^ refTweakTemplate
	if len(r.System) > 0 {
		k.reset(tseed)
		h.walk(r.System, &k, nil)
		all = refMix64(all^k.sum()) + 's'
		out.ElicitSystem = h.elicit(r.System)
	}
	toolTurns := 0
	for i := range r.Turns {
		t := &r.Turns[i]
		switch t.Role {
		case RoleAssistant:
			all = refMix64(all) + 'a'
			continue
		case RoleTool:
			toolTurns++
		}
		k.reset(tseed)
		if i == last {
			h.walk(t.Text, &k, &sk)
			out.TemplateLast = k.sum()
			out.Sketch = sk.sum()
			all = refMix64(all^out.TemplateLast) + 'u'
		} else {
			h.walk(t.Text, &k, nil)
			all = refMix64(all^k.sum()) + 'u' + uint64(t.Role)
		}
		if t.Role == RoleUser {
			st.track = i == last
			ms = h.match.scan(ms, t.Text, &st)
			st.track = false
			ms = h.match.scan(ms, refSpace, &st)
			if i == last && st.bestW >= refCueSentenceMin {
				out.Cue = refSentenceHash(&d, h.seed^refTweakCue, t.Text, st.bestEnd)
			}
			if i == last && i > 0 {

				out.ElicitLast = h.elicit(t.Text)
			}
		}
	}
	out.TemplateAll = refMix64(all)
	st.signals(out, r.Tools, toolTurns)
	if last <= 0 {
		out.ElicitLast = out.Elicit
	}
}

var refSpace = []byte{' '}

func (h *refHasher) elicit(text []byte) float32 {
	var st refElicitState
	st.reset(&h.pats)
	h.match.scan(h.match.start(), text, &st)
	var p PromptPrint
	st.signals(&p, 0, 0)
	return p.Elicit
}

func refTrimSpace(b []byte) []byte {
	for len(b) > 0 && refIsWS(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && refIsWS(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func refIsWS(b byte) bool { return refAsciiClass[b] == refCSpace || b == '\n' }

const (
	refTopLogprobsHigh = 5
	refLogitBiasBig    = 50
	refLongOutput      = 8192
)

func refKnobs(r *Request) Knobs {
	var k Knobs
	if r.Logprobs || r.TopLogprobs > 0 {
		k |= KnobLogprobs
	}
	if r.TopLogprobs >= refTopLogprobsHigh {
		k |= KnobTopLogprobs
	}
	if r.LogitBias > 0 {
		k |= KnobLogitBias
	}
	if r.LogitBias >= refLogitBiasBig {
		k |= KnobLogitBiasBig
	}
	if r.MaxTokens > 0 && r.MaxTokens <= 1 {
		k |= KnobMaxTokens1
	}
	if r.HasTemperature && r.Temperature == 0 {
		k |= KnobTemp0
	}
	if r.N > 1 {
		k |= KnobMultiN
	}
	if r.Thinking || r.ThinkingBudget > 0 || r.ReasoningEffort == "high" || r.ReasoningEffort == "xhigh" {
		k |= KnobThinking
	}
	if r.Tools > 0 {
		k |= KnobTools
	}
	if r.MaxTokens >= refLongOutput {
		k |= KnobLongOutput
	}
	if r.Stream {
		k |= KnobStream
	}
	return k
}

const refCueSentenceMin = 0.4

const refMaxSentence = 512

func refSentenceHash(d *xxhash.Digest, seed uint64, text []byte, at int) uint64 {
	lo := at
	for lo > 0 && at-lo < refMaxSentence && !refSentenceEnd(text, lo-1) {
		lo--
	}
	hi := at + 1
	for hi < len(text) && hi-at < refMaxSentence && !refSentenceEnd(text, hi) {
		hi++
	}
	d.ResetWithSeed(seed)
	var buf [64]byte
	n, refSpace := 0, true
	for _, b := range text[lo:hi] {
		c, sp := refFoldByte(b)
		if sp {
			if refSpace {
				continue
			}
			refSpace = true
		} else {
			refSpace = false
			if '0' <= c && c <= '9' {
				c = '0'
			}
		}
		if n == len(buf) {
			d.Write(buf[:])
			n = 0
		}
		buf[n] = c
		n++
	}
	if n > 0 && buf[n-1] == ' ' {
		n--
	}
	d.Write(buf[:n])
	if s := d.Sum64(); s != 0 {
		return s
	}
	return 1
}

func refSentenceEnd(text []byte, i int) bool {
	switch b := text[i]; b {
	case '.', '!', '?', ';', '\n':
		return true
	case 0x82:
		return i >= 2 && text[i-2] == 0xE3 && text[i-1] == 0x80
	case 0x81, 0x9F, 0x9B:
		return i >= 2 && text[i-2] == 0xEF && text[i-1] == 0xBC
	}
	return false
}

const (
	refTokSlot  uint64 = 0x5a1f5a1f5a1f5a1f
	refTokNL    uint64 = 0x0a0a0a0a0a0a0a0a
	refTokPunct uint64 = 0x7075_6e63_0000_0000 // | the punctuation byte or rune
	refTokNum   uint64 = 0x6e75_6d62_6572_0000 // sketch token for a number
	refTokQuote uint64 = 0x7175_6f74_6500_0000 // sketch token for a quoted span, code or URL
)

const (
	refMaxQuote      = 1024 // a quoted span longer than this is not a slot
	refMaxSingleQuot = 256
)

type refSkeleton struct {
	acc     uint64
	pending uint64 // weak tokens since the last strong token or slot
	npend   int
	inRun   bool // the last emitted token was a slot
	lastNL  bool
}

func (k *refSkeleton) reset(seed uint64) { *k = refSkeleton{acc: seed} }

func (k *refSkeleton) emit(t uint64) { k.acc = refMix64(k.acc^t) * 0x9e3779b97f4a7c15 }

func (k *refSkeleton) slot() {
	k.pending, k.npend = 0, 0
	if !k.inRun {
		k.emit(refTokSlot)
		k.inRun = true
	}
	k.lastNL = false
}

func (k *refSkeleton) weak(t uint64) {
	k.pending = refMix64(k.pending ^ t)
	k.npend++
	k.lastNL = false
}

func (k *refSkeleton) strong(t uint64) {
	if k.npend > 0 && !k.inRun {
		k.emit(k.pending)
	}
	k.pending, k.npend = 0, 0
	k.emit(t)
	k.inRun = false
	k.lastNL = false
}

func (k *refSkeleton) newline() {
	if !k.lastNL {
		k.weak(refTokNL)
		k.lastNL = true
	}
}

func (k *refSkeleton) sum() uint64 {
	if k.npend > 0 && !k.inRun {
		k.emit(k.pending)
	}
	return refMix64(k.acc)
}

const (
	refCOther uint8 = iota
	refCSpace
	refCLower
	refCUpper
	refCDigit
)

var refAsciiClass = func() (t [256]uint8) {
	for b := 0; b < 128; b++ {
		switch {
		case 'a' <= b && b <= 'z':
			t[b] = refCLower
		case 'A' <= b && b <= 'Z':
			t[b] = refCUpper
		case '0' <= b && b <= '9':
			t[b] = refCDigit
		case b == ' ', b == '\t', b == '\r', b == '\v', b == '\f':
			t[b] = refCSpace
		}
	}
	return t
}()

func refIsAlnum(b byte) bool { return refAsciiClass[b] >= refCLower }

func (h *refHasher) walk(text []byte, k *refSkeleton, sk *refSimhash) {
	sent := true
	n := len(text)
	for i := 0; i < n; {
		b := text[i]
		switch refAsciiClass[b] {
		case refCSpace:
			i++
			continue
		case refCLower, refCUpper, refCDigit:
			i = h.word(text, i, sent, k, sk)
			sent = false
			continue
		}
		if b >= utf8.RuneSelf {
			i = h.rune(text, i, &sent, k, sk)
			continue
		}
		switch b {
		case '\n':
			k.newline()
			sent = true
			i++
		case '"':
			if e := bytes.IndexByte(text[i+1:min(n, i+1+refMaxQuote)], '"'); e >= 0 {
				i += e + 2
				refQuoted(k, sk)
				sent = false
				continue
			}
			k.weak(refTokPunct | uint64(b))
			i++
		case '\'':
			if e := refClosingSingle(text, i); e > 0 {
				i = e
				refQuoted(k, sk)
				sent = false
				continue
			}
			k.weak(refTokPunct | uint64(b))
			i++
		case '`':
			if bytes.HasPrefix(text[i:], []byte("```")) {
				e := bytes.Index(text[i+3:], []byte("```"))
				if e < 0 {
					i = n
				} else {
					i += e + 6
				}
			} else if e := bytes.IndexByte(text[i+1:min(n, i+1+refMaxSingleQuot)], '`'); e >= 0 {
				i += e + 2
			} else {
				k.weak(refTokPunct | uint64(b))
				i++
				continue
			}
			refQuoted(k, sk)
			sent = false
		case '.', '?', '!':
			k.weak(refTokPunct | uint64(b))
			sent = true
			i++
		case ':':
			k.strong(refTokPunct | uint64(b))
			sent = true
			i++
		case '-', '_', '*', '#', '>', '|', '=', '~':

			i++
		default:
			k.weak(refTokPunct | uint64(b))
			i++
		}
	}
}

func refQuoted(k *refSkeleton, sk *refSimhash) {
	k.slot()
	if sk != nil {
		sk.word(refTokQuote)
	}
}

func refClosingSingle(text []byte, i int) int {
	if i > 0 && refIsAlnum(text[i-1]) {
		return 0
	}
	end := min(len(text), i+1+refMaxSingleQuot)
	for j := i + 1; j < end; j++ {
		switch text[j] {
		case '\n':
			return 0
		case '\'':
			if j+1 == len(text) || !refIsAlnum(text[j+1]) {
				if j == i+1 {
					return 0
				}
				return j + 1
			}
		}
	}
	return 0
}

func (h *refHasher) word(text []byte, i int, sent bool, k *refSkeleton, sk *refSimhash) int {
	n := len(text)
	start := i
	wh := h.basis
	var digits, uppers, letters int
	innerUpper, connector := false, false
	for i < n {
		c := text[i]
		switch refAsciiClass[c] {
		case refCLower:
			letters++
		case refCUpper:
			letters++
			uppers++
			if i > start && refAsciiClass[text[i-1]] == refCLower {
				innerUpper = true
			}
		case refCDigit:
			digits++
		default:
			if i+1 < n && refIsAlnum(text[i+1]) {
				switch c {
				case '\'':
					wh = (wh ^ uint64(c)) * refFnvPrime
					i++
					continue
				case '_', '.', '@', '/', '\\':
					connector = true
					wh = (wh ^ uint64(c)) * refFnvPrime
					i++
					continue
				}
			}
			if c == ':' && i+2 < n && text[i+1] == '/' && text[i+2] == '/' {

				for i < n && text[i] > ' ' {
					i++
				}
				refQuoted(k, sk)
				return i
			}
			goto done
		}
		wh = (wh ^ uint64(refLower[c])) * refFnvPrime
		i++
	}
done:
	wh |= 1
	switch {
	case digits > 0:
		k.slot()
		if sk != nil {
			sk.word(refTokNum)
		}
		return i
	case connector, innerUpper, uppers >= 2 && uppers == letters, uppers > 0 && !sent:
		k.slot()
	default:
		switch h.words.get(wh) {
		case refWordStrong:
			k.strong(wh)
		case refWordWeak:
			k.weak(wh)
			return i
		default:
			k.slot()
		}
	}
	if sk != nil {
		sk.word(wh)
	}
	return i
}

func (h *refHasher) rune(text []byte, i int, sent *bool, k *refSkeleton, sk *refSimhash) int {
	r, size := utf8.DecodeRune(text[i:])
	switch {
	case r == utf8.RuneError:
		k.weak(refTokPunct | 0xfffd)
		return i + size
	case refIsCJK(r):
		wh := h.basis
		for _, c := range text[i : i+size] {
			wh = (wh ^ uint64(c)) * refFnvPrime
		}
		wh |= 1
		*sent = false
		switch h.words.get(wh) {
		case refWordStrong:
			k.strong(wh)
		case refWordWeak:
			k.weak(wh)
			return i + size
		default:
			k.slot()
		}
		if sk != nil {
			sk.word(wh)
		}
		return i + size
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		wh := h.basis
		j := i
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if !refIsAlnum(c) {
					break
				}
				wh = (wh ^ uint64(refLower[c])) * refFnvPrime
				j++
				continue
			}
			r, size := utf8.DecodeRune(text[j:])
			if refIsCJK(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
				break
			}
			for _, c := range text[j : j+size] {
				wh = (wh ^ uint64(c)) * refFnvPrime
			}
			j += size
		}
		*sent = false
		k.slot()
		if sk != nil {
			sk.word(wh | 1)
		}
		return j
	}
	if cl := refCloserOf(r); cl != 0 {
		end := min(len(text), i+size+refMaxQuote)
		var cb [4]byte
		cn := utf8.EncodeRune(cb[:], cl)
		if e := bytes.Index(text[i+size:end], cb[:cn]); e >= 0 {
			refQuoted(k, sk)
			*sent = false
			return i + size + e + cn
		}
	}
	switch r {
	case '。', '？', '！', '…':
		k.weak(refTokPunct | uint64(r))
		*sent = true
	case '：':
		k.strong(refTokPunct | ':')
		*sent = true
	case '，', '、', '；':
		k.weak(refTokPunct | uint64(r))
	case '\u00a0', '\u2002', '\u2003', '\u2009', '\u200b', '\u3000', '\u2013', '\u2014':

	default:
		k.weak(refTokPunct | uint64(r))
	}
	return i + size
}

func refCloserOf(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '‘':
		return '’'
	case '「':
		return '」'
	case '『':
		return '』'
	case '«':
		return '»'
	case '《':
		return '》'
	}
	return 0
}

func refIsCJK(r rune) bool {
	switch {
	case r < 0x2e80:
		return false
	case r >= 0x4e00 && r <= 0x9fff,
		r >= 0x3400 && r <= 0x4dbf,
		r >= 0x3040 && r <= 0x30ff,
		r >= 0xac00 && r <= 0xd7af,
		r >= 0xf900 && r <= 0xfaff,
		r >= 0x20000 && r <= 0x2fa1f:
		return true
	}
	return false
}

type refMatcher struct {
	class    [256]uint8 // byte -> input class; 0 is "no pattern uses it"
	nclass   int
	delta    []uint32 // row + class -> next row<<1 | has-output; row = state*nclass
	outStart []uint32 // per state: outputs are outs[outStart[s]:outStart[s+1]]
	outs     []uint16 // pattern ids
}

const refMaxPatterns = 1024

const refSpaceClass = 1

func refFoldByte(b byte) (c byte, refSpace bool) {
	switch {
	case 'A' <= b && b <= 'Z':
		return b + ('a' - 'A'), false
	case b == ' ', b == '\t', b == '\n', b == '\r', b == '\v', b == '\f', b == '-', b == '_':
		return ' ', true
	}
	return b, false
}

func refFoldPattern(p string) []byte {
	out := make([]byte, 0, len(p))
	prevSpace := false
	for i := 0; i < len(p); i++ {
		c, sp := refFoldByte(p[i])
		if sp {
			if prevSpace {
				continue
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		out = append(out, c)
	}
	return out
}

func refNewMatcher(pats []string) *refMatcher {
	if len(pats) > refMaxPatterns {
		panic(fmt.Sprintf("fingerprint: %d patterns, at most %d", len(pats), refMaxPatterns))
	}
	m := &refMatcher{}
	folded := make([][]byte, len(pats))

	m.class[' '] = refSpaceClass
	m.nclass = 2
	for i, p := range pats {
		folded[i] = refFoldPattern(p)
		if len(folded[i]) == 0 {
			panic("fingerprint: empty elicitation pattern")
		}
		for _, b := range folded[i] {
			if m.class[b] == 0 {
				if m.nclass == 256 {
					panic("fingerprint: too many byte classes")
				}
				m.class[b] = uint8(m.nclass)
				m.nclass++
			}
		}
	}
	for b := 0; b < 256; b++ {
		c, sp := refFoldByte(byte(b))
		if sp {
			m.class[b] = refSpaceClass
		} else {
			m.class[b] = m.class[c]
		}
	}

	// Trie with goto function; -1 is "no edge".
	type node struct {
		next []int32
		out  []uint16
	}
	newNode := func() node {
		n := node{next: make([]int32, m.nclass)}
		for i := range n.next {
			n.next[i] = -1
		}
		return n
	}
	nodes := []node{newNode()}
	for id, p := range folded {
		s := int32(0)
		for _, b := range p {
			c := m.class[b]
			if nodes[s].next[c] < 0 {
				nodes = append(nodes, newNode())
				nodes[s].next[c] = int32(len(nodes) - 1)
			}
			s = nodes[s].next[c]
		}
		nodes[s].out = append(nodes[s].out, uint16(id))
	}

	fail := make([]int32, len(nodes))
	queue := make([]int32, 0, len(nodes))
	for c := 0; c < m.nclass; c++ {
		if t := nodes[0].next[c]; t >= 0 {
			fail[t] = 0
			queue = append(queue, t)
		} else {
			nodes[0].next[c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		nodes[s].out = append(nodes[s].out, nodes[fail[s]].out...)
		for c := 0; c < m.nclass; c++ {
			t := nodes[s].next[c]
			if t >= 0 {
				fail[t] = nodes[fail[s]].next[c]
				queue = append(queue, t)
			} else {
				nodes[s].next[c] = nodes[fail[s]].next[c]
			}
		}
	}

	endsInSpace := make([]bool, len(nodes))
	for s := range nodes {
		if t := nodes[s].next[refSpaceClass]; t > 0 {
			endsInSpace[t] = true
		}
	}
	for s := range nodes {
		if endsInSpace[s] {
			nodes[s].next[refSpaceClass] = int32(s)
		}
	}

	if len(nodes)*m.nclass > 1<<30 {
		panic("fingerprint: elicitation automaton too large")
	}
	m.delta = make([]uint32, len(nodes)*m.nclass)
	m.outStart = make([]uint32, len(nodes)+1)
	for s := range nodes {
		for c := 0; c < m.nclass; c++ {
			t := int(nodes[s].next[c])
			v := uint32(t*m.nclass) << 1
			if len(nodes[t].out) > 0 {
				v |= 1
			}
			m.delta[s*m.nclass+c] = v
		}
		m.outStart[s] = uint32(len(m.outs))
		m.outs = append(m.outs, nodes[s].out...)
	}
	m.outStart[len(nodes)] = uint32(len(m.outs))
	return m
}

func (m *refMatcher) start() uint32 { return m.delta[refSpaceClass] >> 1 }

func (m *refMatcher) scan(s uint32, text []byte, st *refElicitState) uint32 {
	delta := m.delta
	for i, b := range text {
		v := delta[s+uint32(m.class[b])]
		s = v >> 1
		if v&1 != 0 {
			q := s / uint32(m.nclass)
			for _, id := range m.outs[m.outStart[q]:m.outStart[q+1]] {
				st.hit(id, i)
			}
		}
	}
	return s
}

var refSigWeight = [NumSignals]float32{
	SigRationalize: 0.95,
	SigThinking:    0.9,
	SigRubric:      0.7,
	SigSafeRewrite: 0.6,
	SigStepByStep:  0.25,
	SigAgentic:     0.25,
	SigExhaustive:  0.7,
}

type refElicitState struct {
	pats *[]pattern
	seen [refMaxPatterns / 64]uint64
	// miss[c] is the product of (1 - w) over the distinct patterns of cue c
	// seen so far, so the cue's strength is the noisy-OR 1 - miss[c].
	miss [numCues]float32
	// track: record the strongest harvest cue's pattern and end offset
	// (bestW 0: none) in the text being scanned
	track   bool
	bestW   float32
	bestID  uint16
	bestEnd int
	// ansRepeats and stepRepeats count answer labels and step-by-step
	// phrases seen again. Worked examples repeat their format: an answer
	// label (a weak answer phrase, "the answer is") three times ("… The
	// answer is 4." closing every example of a few-shot prompt), or twice
	// beside a repeated "let's think step by step", make the answers the
	// examples', not one given for the question asked — unless a strong
	// answer phrase ("here is the answer", "given the correct answer") says
	// otherwise: repeating a label cannot switch that off
	ansRepeats, stepRepeats uint8
	strongAns               bool
}

func (st *refElicitState) reset(pats *[]pattern) {
	st.pats = pats
	st.seen = [refMaxPatterns / 64]uint64{}
	st.ansRepeats, st.stepRepeats, st.strongAns = 0, 0, false
	for i := range st.miss {
		st.miss[i] = 1
	}
}

func (st *refElicitState) hit(id uint16, end int) {
	p := &(*st.pats)[id]
	if st.track && refCueSentence[p.cue] && p.w > st.bestW {
		st.bestW, st.bestID, st.bestEnd = p.w, id, end
	}
	w, b := id>>6, uint64(1)<<(id&63)
	if st.seen[w]&b != 0 {
		switch {
		case p.cue == cueAnswerGiven && p.w <= refAnswerLabel && st.ansRepeats < 255:
			st.ansRepeats++
		case p.cue == cueStep && st.stepRepeats < 255:
			st.stepRepeats++
		}
		return
	}
	st.seen[w] |= b
	if p.cue == cueAnswerGiven && p.w > refAnswerLabel {
		st.strongAns = true
	}
	st.miss[p.cue] *= 1 - p.w
}

const refAnswerLabel = 0.5

func (st *refElicitState) cue(c cue) float32 { return 1 - st.miss[c] }

var refCueSentence = [numCues]bool{
	cueReasonRequest: true, cueRationalize: true, cueThinking: true, cueRubric: true,
	cueStep: true, cueExhaustive: true, cueSafe: true,
}

func refNoisyOr(xs ...float32) float32 {
	m := float32(1)
	for _, x := range xs {
		m *= 1 - refClamp01(x)
	}
	return 1 - m
}

func refClamp01(x float32) float32 {
	if x < 0 {
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}

func refBoth(a, b float32) float32 {
	if a <= 0 || b <= 0 {
		return 0
	}
	return 0.5 + 0.5*min(a, b)
}

func refGiven(ans, reason float32) float32 {
	if ans <= 0 || reason <= 0 {
		return 0
	}
	if ans >= 0.5 {
		return refBoth(ans, reason)
	}
	return min(ans, reason) * (0.5 + 0.5*max(ans, reason))
}

func (st *refElicitState) signals(out *PromptPrint, tools, toolTurns int) {
	ans := st.cue(cueAnswerGiven)
	if !st.strongAns && (st.ansRepeats >= 2 || st.ansRepeats >= 1 && st.stepRepeats >= 1) {

		ans = 0
	}
	reason := st.cue(cueReasonRequest)
	step := st.cue(cueStep)

	var s [NumSignals]float32
	s[SigRationalize] = refNoisyOr(st.cue(cueRationalize), 0.3*ans, refGiven(ans, max(reason, step)))
	s[SigThinking] = st.cue(cueThinking)
	s[SigRubric] = refNoisyOr(st.cue(cueRubric), 0.15*st.cue(cueScale), refBoth(st.cue(cueRubric), st.cue(cueScale)))
	s[SigSafeRewrite] = refNoisyOr(0.5*st.cue(cueSafe), refBoth(st.cue(cueSafe), st.cue(cueRewrite)))
	s[SigStepByStep] = refNoisyOr(step, 0.5*reason)
	agentic := st.cue(cueAgentic)
	if tools > 0 {
		agentic = refNoisyOr(agentic, 0.2)
	}
	if toolTurns > 0 {
		agentic = refNoisyOr(agentic, 0.1*float32(min(toolTurns, 5)))
	}
	s[SigAgentic] = agentic

	noun := max(st.cue(cueReasonNoun), reason)
	s[SigExhaustive] = float32(math.Sqrt(float64(noun * st.cue(cueExhaustive))))

	miss := float32(1)
	for i := range s {
		s[i] = refClamp01(s[i])
		miss *= 1 - refSigWeight[i]*s[i]
	}
	out.Signals = s
	out.Elicit = refClamp01(1 - miss)
}

const (
	refWordSlot   uint8 = iota
	refWordWeak         // function word: kept between template words, absorbed into a slot run
	refWordStrong       // template vocabulary: instruction verbs and prompt-structure nouns
)

const refStrongWords = `
explain describe write summarize summarise translate compare contrast analyze
analyse evaluate discuss define identify calculate compute solve prove derive
classify rewrite rephrase paraphrase answer question questions problem
solution step steps reasoning example examples detailed essay paragraph
paragraphs sentences summary following below above response output format
formatted json markdown table bullet bullets advantages disadvantages pros
cons overview introduction conclusion title please provide generate create
review feedback improve fix debug tutorial beginner tone formal informal
professional friendly instructions task assistant expert respond reply
outline draft compose suggest recommend justify elaborate clarify illustrate
critique assess rank extract convert shorten simplify highlight explanation
thorough comprehensive concise briefly rate score grade
`

const refWeakWords = `
a an the of in on at to for from by with about as into onto over under and or
but nor so yet if than that this these those it its it's is are was were be
been being has have had do does did doing can could would will shall may
might what which who whom whose when where there here their they them he she
his her him we our us i me my you your yours not no all any some such very
just more most much many each other one two three between through during
before after while within without per via etc e.g i.e vs versus like
don't doesn't isn't aren't can't won't how why
list give show find key main points point make use using based according
must should only include including every first then finally next also
result results final correct true false option options choice choose select
best approach method strategy plan guide simple simply terms style think
thinking carefully consider assume given suppose imagine pretend context act
user role return check sort complete continue expand cover focus ensure
avoid keep limit words word characters lines items tips ideas reasons
factors analysis insights detail details brief short text passage input
help verify demonstrate mention clear
`

const (
	refCjkStrong = `请释述举译骤推导答案题写列析证评总结比较计算解`
	refCjkWeak   = `给出分步例说明描的了是在和与及一个这那中对为以有也就都而并或从把被之其如何什么吗呢吧下上你我他它们所将要能会可该此每些`
)

type refWordTable struct {
	keys []uint64
	vals []uint8
	mask uint64
}

func refNewWordTable(basis uint64) *refWordTable {
	t := &refWordTable{keys: make([]uint64, 2048), vals: make([]uint8, 2048), mask: 2047}
	for _, w := range strings.Fields(refWeakWords) {
		t.put(refWordHash(basis, w), refWordWeak)
	}
	for _, w := range strings.Fields(refStrongWords) {
		t.put(refWordHash(basis, w), refWordStrong)
	}
	for _, r := range refCjkWeak {
		t.put(refWordHash(basis, string(r)), refWordWeak)
	}
	for _, r := range refCjkStrong {
		t.put(refWordHash(basis, string(r)), refWordStrong)
	}
	return t
}

const (
	refFnvPrime = 1099511628211
	refFnvBasis = 14695981039346656037
)

func refWordHash(basis uint64, w string) uint64 {
	h := basis
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(refLower[w[i]])) * refFnvPrime
	}
	return h | 1
}

func (t *refWordTable) put(k uint64, v uint8) {
	for i := k >> 7 & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 || t.keys[i] == k {
			t.keys[i] = k
			t.vals[i] = v
			return
		}
	}
}

func (t *refWordTable) get(k uint64) uint8 {
	for i := k >> 7 & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return refWordSlot
		}
	}
}

var refLower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] = byte(i + 'a' - 'A')
		}
	}
	return t
}()

var refSpread = func() (t [256]uint64) {
	for b := range t {
		for j := 0; j < 8; j++ {
			if b>>j&1 != 0 {
				t[b] |= 1 << (8 * j)
			}
		}
	}
	return t
}()

type refSimhash struct {
	lanes [8]uint64
	count [64]int32
	n     int32 // shingles so far
	pend  int32 // shingles in lanes
	prev  uint64
	hasP  bool
}

func (s *refSimhash) word(t uint64) {
	if s.hasP {
		s.add(refMix64(s.prev*0xff51afd7ed558ccd ^ t))
	}
	s.prev, s.hasP = t, true
}

func (s *refSimhash) add(h uint64) {
	s.lanes[0] += refSpread[h&0xff]
	s.lanes[1] += refSpread[h>>8&0xff]
	s.lanes[2] += refSpread[h>>16&0xff]
	s.lanes[3] += refSpread[h>>24&0xff]
	s.lanes[4] += refSpread[h>>32&0xff]
	s.lanes[5] += refSpread[h>>40&0xff]
	s.lanes[6] += refSpread[h>>48&0xff]
	s.lanes[7] += refSpread[h>>56]
	s.n++
	s.pend++
	if s.pend == 255 {
		s.flush()
	}
}

func (s *refSimhash) flush() {
	for k, l := range s.lanes {
		for j := 0; j < 8; j++ {
			s.count[8*k+j] += int32(l >> (8 * j) & 0xff)
		}
	}
	s.lanes = [8]uint64{}
	s.pend = 0
}

func (s *refSimhash) sum() uint64 {
	if s.n == 0 {
		if !s.hasP {
			return 0
		}

		return refMix64(s.prev ^ 0x9e3779b97f4a7c15)
	}
	s.flush()
	var out uint64
	for i, c := range s.count {
		if 2*c > s.n {
			out |= 1 << i
		}
	}
	return out
}

func refMix64(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

func refEstimateTokens(text []byte) int {
	var ascii, two, three, four int

	for len(text) >= 8 && binary.LittleEndian.Uint64(text)&0x8080808080808080 == 0 {
		ascii += 8
		text = text[8:]
	}
	for _, b := range text {
		switch {
		case b < 0x80:
			ascii++
		case b < 0xc0:
		case b < 0xe0:
			two++
		case b < 0xf0:
			three++
		default:
			four++
		}
	}
	return (ascii+3)/4 + (two+1)/2 + three + four
}

const refPerTurnTokens = 4

func refRequestTokens(r *Request) int {
	n := 0
	if len(r.System) > 0 {
		n += refEstimateTokens(r.System) + refPerTurnTokens
	}
	for i := range r.Turns {
		n += refEstimateTokens(r.Turns[i].Text) + refPerTurnTokens
	}
	return n
}

type refHasher struct {
	seed  uint64
	basis uint64 // FNV basis of word hashes, derived from the seed
	words *refWordTable
	match *refMatcher
	pats  []pattern
}

func refNew(cfg Config) *refHasher {
	h := &refHasher{
		seed:  cfg.Seed,
		basis: refFnvBasis ^ refMix64(cfg.Seed^0x5bd1e995),
		pats:  patterns,
	}
	h.words = refNewWordTable(h.basis)
	texts := make([]string, len(patterns))
	for i, p := range patterns {
		texts[i] = p.text
	}
	h.match = refNewMatcher(texts)
	return h
}
