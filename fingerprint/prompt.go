package fingerprint

import (
	"encoding/binary"

	"github.com/cespare/xxhash/v2"
)

// Seed tweaks that keep the hash families apart under one deployment seed.
const (
	tweakExact    = 0x6578616374000000
	tweakSystem   = 0x73797374656d0000
	tweakTemplate = 0x74656d706c617465
	tweakCue      = 0x6375650000000000
)

// Prompt computes the prompt print of r into out, overwriting it. It reads
// r and retains none of it (Turn.Text and Request.System alias parser
// scratch). The work is linear in the prompt size and needs no heap: the
// scratch state (skeleton, SimHash counters, matcher state, hash digest) is
// about a kilobyte on the stack, which is cheaper than a sync.Pool round trip.
func (h *Hasher) Prompt(r *Request, out *PromptPrint) {
	*out = PromptPrint{}
	out.Turns = uint16(min(len(r.Turns), 0xffff))
	out.Knobs = knobs(r)
	if r.LogitBiasHash != 0 {
		out.Bias = uint32(r.LogitBiasHash^r.LogitBiasHash>>32) | 1
	}
	out.Tokens = int32(min(requestTokens(r), 1<<31-1))

	// Exact hashes: the conversation as role-tagged, length-prefixed,
	// trimmed texts, so that two dialects or two JSON layouts of one
	// conversation hash equal while turn boundaries still count.
	var d xxhash.Digest
	var hdr [9]byte
	sys := trimSpace(r.System)
	d.ResetWithSeed(h.seed ^ tweakExact)
	if len(sys) > 0 {
		hdr[0] = 's'
		binary.LittleEndian.PutUint64(hdr[1:], uint64(len(sys)))
		d.Write(hdr[:])
		d.Write(sys)
	}
	for i := range r.Turns {
		t := trimSpace(r.Turns[i].Text)
		hdr[0] = 'u' + byte(r.Turns[i].Role)
		binary.LittleEndian.PutUint64(hdr[1:], uint64(len(t)))
		d.Write(hdr[:])
		d.Write(t)
	}
	out.Exact = d.Sum64()
	out.SystemBytes = uint16(min(len(sys), 0xffff))
	if len(sys) > 0 {
		d.ResetWithSeed(h.seed ^ tweakSystem)
		d.Write(sys)
		out.System = d.Sum64()
	}

	// Templates, sketch and elicitation cues. The last user turn is
	// tokenized once: its skeleton is TemplateLast and also its part of
	// TemplateAll. Assistant turns enter TemplateAll by role only: their
	// text is model output, not the client's template.
	last := -1
	for i := len(r.Turns) - 1; i >= 0; i-- {
		if r.Turns[i].Role == RoleUser {
			last = i
			break
		}
	}
	var (
		k   skeleton
		sk  simhash
		st  elicitState
		all = mix64(h.seed ^ tweakTemplate)
	)
	st.reset(&h.pats)
	ms := h.match.start()
	tseed := h.seed ^ tweakTemplate
	if len(r.System) > 0 {
		k.reset(tseed)
		h.walk(r.System, &k, nil)
		all = mix64(all^k.sum()) + 's'
		out.ElicitSystem = h.elicit(r.System)
	}
	toolTurns := 0
	for i := range r.Turns {
		t := &r.Turns[i]
		switch t.Role {
		case RoleAssistant:
			all = mix64(all) + 'a'
			continue
		case RoleTool:
			toolTurns++
		}
		k.reset(tseed)
		if i == last {
			h.walk(t.Text, &k, &sk)
			out.TemplateLast = k.sum()
			out.Sketch = sk.sum()
			all = mix64(all^out.TemplateLast) + 'u'
		} else {
			h.walk(t.Text, &k, nil)
			all = mix64(all^k.sum()) + 'u' + uint64(t.Role)
		}
		if t.Role == RoleUser {
			st.track = i == last
			ms = h.match.scan(ms, t.Text, &st)
			st.track = false
			ms = h.match.scan(ms, space, &st)
			if i == last && st.bestW >= cueSentenceMin {
				out.Cue = sentenceHash(&d, h.seed^tweakCue, t.Text, st.bestEnd)
			}
			if i == last && i > 0 {
				// a conversation: the last turn's own elicitation, apart
				out.ElicitLast = h.elicit(t.Text)
			}
		}
	}
	out.TemplateAll = mix64(all)
	st.signals(out, r.Tools, toolTurns)
	if last <= 0 {
		out.ElicitLast = out.Elicit
	}
}

var space = []byte{' '}

// elicit is the combined elicitation score of one text on its own.
func (h *Hasher) elicit(text []byte) float32 {
	var st elicitState
	st.reset(&h.pats)
	h.match.scan(h.match.start(), text, &st)
	var p PromptPrint
	st.signals(&p, 0, 0)
	return p.Elicit
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isWS(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isWS(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isWS(b byte) bool { return asciiClass[b] == cSpace || b == '\n' }

// Thresholds of the knob bits (see the Knobs constants).
const (
	topLogprobsHigh = 5
	logitBiasBig    = 50
	longOutput      = 8192
)

func knobs(r *Request) Knobs {
	var k Knobs
	if r.Logprobs || r.TopLogprobs > 0 {
		k |= KnobLogprobs
	}
	if r.TopLogprobs >= topLogprobsHigh {
		k |= KnobTopLogprobs
	}
	if r.LogitBias > 0 {
		k |= KnobLogitBias
	}
	if r.LogitBias >= logitBiasBig {
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
	if r.MaxTokens >= longOutput {
		k |= KnobLongOutput
	}
	if r.Stream {
		k |= KnobStream
	}
	return k
}

// cueSentenceMin is the pattern weight from which a cue's sentence is
// printed.
const cueSentenceMin = 0.4

// maxSentence bounds the bytes hashed on either side of a cue.
const maxSentence = 512

// sentenceHash hashes the sentence of text around byte offset at: from the
// previous sentence end to the next (. ! ? ; newline and their full-width
// forms), folded like the matcher's input (ASCII lower case, whitespace runs
// as one space) with digits masked, at most maxSentence bytes each side.
func sentenceHash(d *xxhash.Digest, seed uint64, text []byte, at int) uint64 {
	lo := at
	for lo > 0 && at-lo < maxSentence && !sentenceEnd(text, lo-1) {
		lo--
	}
	hi := at + 1
	for hi < len(text) && hi-at < maxSentence && !sentenceEnd(text, hi) {
		hi++
	}
	d.ResetWithSeed(seed)
	var buf [64]byte
	n, space := 0, true // drop leading spaces
	for _, b := range text[lo:hi] {
		c, sp := foldByte(b)
		if sp {
			if space {
				continue
			}
			space = true
		} else {
			space = false
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

// sentenceEnd reports whether text[i] ends a sentence: an ASCII . ! ? ; or
// newline, or the last byte of 。！？；.
func sentenceEnd(text []byte, i int) bool {
	switch b := text[i]; b {
	case '.', '!', '?', ';', '\n':
		return true
	case 0x82: // 。 E3 80 82
		return i >= 2 && text[i-2] == 0xE3 && text[i-1] == 0x80
	case 0x81, 0x9F, 0x9B: // ！ EF BC 81, ？ EF BC 9F, ； EF BC 9B
		return i >= 2 && text[i-2] == 0xEF && text[i-1] == 0xBC
	}
	return false
}
