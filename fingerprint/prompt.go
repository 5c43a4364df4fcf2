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
//
// For a long request whose history was seen before (the same system prompt
// and first turns), the work on that history is taken from the history
// cache (see history.go) and only the turns after it are read again; the
// print is the same.
func (h *Hasher) Prompt(r *Request, out *PromptPrint) {
	*out = PromptPrint{}
	out.Turns = uint16(min(len(r.Turns), 0xffff))
	out.Knobs = knobs(r)
	if r.LogitBiasHash != 0 {
		out.Bias = uint32(r.LogitBiasHash^r.LogitBiasHash>>32) | 1
	}
	last := -1
	for i := len(r.Turns) - 1; i >= 0; i-- {
		if r.Turns[i].Role == RoleUser {
			last = i
			break
		}
	}

	// Exact hashes: the conversation as role-tagged, length-prefixed,
	// trimmed texts, so that two dialects or two JSON layouts of one
	// conversation hash equal while turn boundaries still count. The same
	// pass keys the prefixes that the history cache may hold.
	var (
		d, ws xxhash.Digest // ws: the white space that trimming removed
		hdr   [9]byte
		keys  [historyKeys]historyKey
		nkeys int
		n     int64 // bytes so far
	)
	cache := h.hist
	d.ResetWithSeed(h.seed ^ tweakExact)
	ws.Reset()
	sys := trimSpace(r.System)
	if len(sys) > 0 {
		hdr[0] = 's'
		binary.LittleEndian.PutUint64(hdr[1:], uint64(len(sys)))
		d.Write(hdr[:])
		d.Write(sys)
	}
	n = int64(len(r.System))
	if cache != nil && len(sys) != len(r.System) {
		trimmed(&ws, -1, r.System, sys)
	}
	T := len(r.Turns)
	for i := 0; ; i++ {
		// the boundary before turn i: a key for the last few boundaries
		// and the one before the last user turn
		if cache != nil && n >= historyMin && (i == last || i+historyKeys-1 > T) {
			k := &keys[nkeys]
			nkeys++
			*k = historyKey{exact: d.Sum64(), side: ws.Sum64(), bytes: n, turns: int32(i), kind: historyA}
			if i > last {
				k.kind = historyB
			}
		}
		if i == T {
			break
		}
		text := r.Turns[i].Text
		t := trimSpace(text)
		hdr[0] = 'u' + byte(r.Turns[i].Role)
		binary.LittleEndian.PutUint64(hdr[1:], uint64(len(t)))
		d.Write(hdr[:])
		d.Write(t)
		n += int64(len(text))
		if cache != nil && len(t) != len(text) {
			trimmed(&ws, i, text, t)
		}
	}
	out.Exact = d.Sum64()

	// The longest prefix whose state is cached, or none.
	var hs historyState
	from := -1
	for j := nkeys - 1; j >= 0; j-- {
		if cache.get(&keys[j], &hs) {
			from = int(keys[j].turns)
			break
		}
	}
	if from < 0 {
		from = 0
		h.promptStart(r, sys, &hs)
	}
	hs.st.pats = &h.pats

	// Templates, sketch and elicitation cues, turn by turn. The last user
	// turn is tokenized once: its skeleton is TemplateLast and also its
	// part of TemplateAll. Assistant turns enter TemplateAll by role only:
	// their text is model output, not the client's template.
	for i := from; i < T; i++ {
		if i == last && from < last {
			for j := range nkeys {
				if keys[j].turns == int32(last) {
					cache.put(&keys[j], &hs) // the history before the last user turn
				}
			}
		}
		h.promptTurn(r, i, last, &hs)
	}
	if nkeys > 0 && int(keys[nkeys-1].turns) == T && from < T {
		// the whole request, as the history of the next turn of a chat
		// (kind A) and of the next step of an agent loop (kind B)
		k := keys[nkeys-1]
		cache.put(&k, &hs)
		if k.kind == historyB {
			a := hs
			a.st.track, a.st.bestW, a.st.bestID, a.st.bestEnd = false, 0, 0, 0
			a.templateLast, a.sketch, a.cue, a.elicitLast = 0, 0, 0, 0
			k.kind = historyA
			cache.put(&k, &a)
		}
	}

	out.System, out.SystemBytes, out.ElicitSystem = hs.system, hs.systemBytes, hs.elicitSystem
	out.TemplateLast, out.Sketch, out.Cue, out.ElicitLast = hs.templateLast, hs.sketch, hs.cue, hs.elicitLast
	out.TemplateAll = mix64(hs.all)
	out.Tokens = int32(min(hs.tokens, 1<<31-1))
	hs.st.signals(out, r.Tools, int(hs.toolTurns))
	if last <= 0 {
		out.ElicitLast = out.Elicit
	}
}

// historyKeys is the number of prefixes of a request that Prompt looks up
// in the history cache: the whole request and the three before it (an
// agent loop's step adds an assistant turn and a tool turn, a chat's turn
// an assistant turn and a user turn), and the one before the last user
// turn.
const historyKeys = 5

// trimmed records in ws the white space that trimming text (turn i, -1 for
// the system prompt) to t removed, so that the cache key covers the bytes.
func trimmed(ws *xxhash.Digest, i int, text, t []byte) {
	lead := 0
	if len(t) > 0 {
		lead = cap(text) - cap(t)
	}
	var b [24]byte
	binary.LittleEndian.PutUint64(b[0:], uint64(i))
	binary.LittleEndian.PutUint64(b[8:], uint64(lead))
	binary.LittleEndian.PutUint64(b[16:], uint64(len(text)))
	ws.Write(b[:])
	ws.Write(text[:lead])
	ws.Write(text[lead+len(t):])
}

// promptStart sets hs to the state before the first turn: the system
// prompt's prints and its part of TemplateAll and of the token estimate.
func (h *Hasher) promptStart(r *Request, sys []byte, hs *historyState) {
	*hs = historyState{all: mix64(h.seed ^ tweakTemplate), ms: h.match.start()}
	hs.st.reset(&h.pats)
	hs.systemBytes = uint16(min(len(sys), 0xffff))
	if len(sys) > 0 {
		var d xxhash.Digest
		d.ResetWithSeed(h.seed ^ tweakSystem)
		d.Write(sys)
		hs.system = d.Sum64()
	}
	if len(r.System) > 0 {
		var k skeleton
		k.reset(h.seed ^ tweakTemplate)
		h.walk(r.System, &k, nil)
		hs.all = mix64(hs.all^k.sum()) + 's'
		hs.elicitSystem = h.elicit(r.System)
		hs.tokens = int64(EstimateTokens(r.System) + perTurnTokens)
	}
}

// promptTurn folds turn i into hs; last is the index of the last user turn.
func (h *Hasher) promptTurn(r *Request, i, last int, hs *historyState) {
	t := &r.Turns[i]
	hs.tokens += int64(EstimateTokens(t.Text) + perTurnTokens)
	switch t.Role {
	case RoleAssistant:
		hs.all = mix64(hs.all) + 'a'
		return
	case RoleTool:
		hs.toolTurns++
	}
	var k skeleton
	k.reset(h.seed ^ tweakTemplate)
	if i == last {
		var sk simhash
		h.walk(t.Text, &k, &sk)
		hs.templateLast = k.sum()
		hs.sketch = sk.sum()
		hs.all = mix64(hs.all^hs.templateLast) + 'u'
	} else {
		h.walk(t.Text, &k, nil)
		hs.all = mix64(hs.all^k.sum()) + 'u' + uint64(t.Role)
	}
	if t.Role == RoleUser {
		st := &hs.st
		st.track = i == last
		if i == last && i > 0 {
			// a conversation: the last turn's own elicitation, apart,
			// from the same scan
			var own elicitState
			own.reset(&h.pats)
			hs.ms = h.match.scan2(hs.ms, t.Text, st, &own)
			hs.elicitLast = own.elicit()
		} else {
			hs.ms = h.match.scan(hs.ms, t.Text, st)
		}
		st.track = false
		hs.ms = h.match.scan(hs.ms, space, st)
		if i == last && st.bestW >= cueSentenceMin {
			var d xxhash.Digest
			hs.cue = sentenceHash(&d, h.seed^tweakCue, t.Text, st.bestEnd)
		}
	}
}

var space = []byte{' '}

// elicit is the combined elicitation score of one text on its own.
func (h *Hasher) elicit(text []byte) float32 {
	var st elicitState
	st.reset(&h.pats)
	h.match.scan(h.match.start(), text, &st)
	return st.elicit()
}

// elicit is the combined elicitation score of what st recorded, with no
// tools.
func (st *elicitState) elicit() float32 {
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
