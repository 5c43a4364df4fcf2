package fingerprint

import (
	"fmt"
	"unsafe"
)

// matcher is an Aho–Corasick automaton compiled to a full DFA over byte
// classes. It is built once in New and read-only afterwards, so one matcher
// serves all goroutines.
//
// Input is folded while it is read: ASCII letters are lower-cased (through
// the byte classes), and every run of whitespace, '-' and '_' counts as one
// space (states entered by a space loop on a space), so "Step-by-step",
// "step by  step" and "STEP_BY_STEP" all match the pattern "step by step".
// Patterns go through the same folding when the automaton is built. A scan
// starts as if a space preceded the text, so a pattern that begins with a
// space matches only at the start of a word.
type matcher struct {
	class    [256]uint8 // byte -> input class; 0 is "no pattern uses it"
	nclass   int
	delta    []uint32 // row + class -> next row; row = state*nclass
	outStart []uint32 // per state: outputs are outs[outStart[s]:outStart[s+1]]
	outs     []uint16 // pattern ids
}

// outRow is the first row of the states with outputs: they are numbered
// after a gap that follows the states without outputs, so that "one of
// these rows has outputs" is a test of the bits above outRow in their OR,
// without a register for the bound.
const outRow = 1 << 20

// maxPatterns bounds the pattern set so that the per-scan "seen" set is a
// fixed-size array on the stack.
const maxPatterns = 1024

const spaceClass = 1

func foldByte(b byte) (c byte, space bool) {
	switch {
	case 'A' <= b && b <= 'Z':
		return b + ('a' - 'A'), false
	case b == ' ', b == '\t', b == '\n', b == '\r', b == '\v', b == '\f', b == '-', b == '_':
		return ' ', true
	}
	return b, false
}

// foldPattern applies the input folding to a pattern text.
func foldPattern(p string) []byte {
	out := make([]byte, 0, len(p))
	prevSpace := false
	for i := 0; i < len(p); i++ {
		c, sp := foldByte(p[i])
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

// newMatcher compiles the patterns. It panics on a programmer error in the
// pattern table (empty pattern, too many patterns or states); it never sees
// request input.
func newMatcher(pats []string) *matcher {
	if len(pats) > maxPatterns {
		panic(fmt.Sprintf("fingerprint: %d patterns, at most %d", len(pats), maxPatterns))
	}
	m := &matcher{}
	folded := make([][]byte, len(pats))
	// Byte classes: 0 for bytes in no pattern, 1 for the folded space, then
	// one per distinct byte; upper-case ASCII letters share their lower-case
	// class.
	m.class[' '] = spaceClass
	m.nclass = 2
	for i, p := range pats {
		folded[i] = foldPattern(p)
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
		c, sp := foldByte(byte(b))
		if sp {
			m.class[b] = spaceClass
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

	// Breadth-first: failure links, full transitions, merged outputs.
	fail := make([]int32, len(nodes))
	queue := make([]int32, 0, len(nodes))
	bfs := []int32{0} // breadth-first order of the states
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
		bfs = append(bfs, s)
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

	// Whitespace runs: a node whose string ends in a space loops on a
	// space, which is the same as skipping the repeated space.
	endsInSpace := make([]bool, len(nodes))
	for s := range nodes {
		if t := nodes[s].next[spaceClass]; t > 0 {
			endsInSpace[t] = true
		}
	}
	for s := range nodes {
		if endsInSpace[s] {
			nodes[s].next[spaceClass] = int32(s)
		}
	}

	// States are numbered breadth first (the shallow states that most
	// input bytes visit lie together), those with outputs from outRow on
	// (see outRow), so that "has outputs" is a comparison. Transitions hold
	// the premultiplied row index of the next state: one load and no
	// multiply per input byte. The rows between the last state without
	// outputs and outRow are never used (nor, being zero pages, touched).
	row := make([]uint32, len(nodes)) // old state -> new row
	var plain, outputs []int32        // old states in new order
	for _, s := range bfs {
		if len(nodes[s].out) > 0 {
			row[s] = outRow + uint32(len(outputs)*m.nclass)
			outputs = append(outputs, s)
		} else {
			row[s] = uint32(len(plain) * m.nclass)
			plain = append(plain, s)
		}
	}
	if len(plain)*m.nclass > outRow || outRow+len(outputs)*m.nclass > 1<<30 {
		panic("fingerprint: elicitation automaton too large")
	}
	m.delta = make([]uint32, outRow+len(outputs)*m.nclass)
	m.outStart = make([]uint32, len(outputs)+1)
	for _, s := range append(plain, outputs...) {
		r := row[s]
		for c := 0; c < m.nclass; c++ {
			m.delta[int(r)+c] = row[nodes[s].next[c]]
		}
		if r >= outRow {
			q := (r - outRow) / uint32(m.nclass)
			m.outStart[q] = uint32(len(m.outs))
			m.outs = append(m.outs, nodes[s].out...)
		}
	}
	m.outStart[len(outputs)] = uint32(len(m.outs))
	return m
}

// start is the state after the implicit leading space, as a row index.
func (m *matcher) start() uint32 { return m.delta[spaceClass] }

// scan runs text through the automaton from row s and records each pattern
// occurrence in st. It returns the end row so that several texts can be
// scanned as one stream.
//
// The automaton's transitions are a chain of dependent loads, one per byte,
// so a serial scan runs at the latency of a load rather than at the rate
// the core can issue them. A long text is therefore cut into scanLanes
// parts that are scanned in lock step, each part from the root state
// starting scanWarm bytes before it (that warm-up's matches are dropped).
// The state of an Aho–Corasick automaton depends only on the last bytes
// read (at most the longest pattern, folded), so after the warm-up a lane
// is usually in the state the serial scan would be in; this is checked,
// not assumed: a lane whose state at the start of its part differs from
// the end state of the part before, or that found more matches than it can
// hold, is scanned again serially from the right state. The matches of
// the lanes after the first are held (see laneHits) and recorded after the
// lanes before them, so that st ends in the state that a serial scan
// leaves, bit for bit (identity_test.go compares the two).
func (m *matcher) scan(s uint32, text []byte, st *elicitState) uint32 {
	return m.scanTo(s, text, 0, sink{st, nil})
}

// scan2 scans text from row s into st and, from the start row, into st2,
// and returns the end row of the first scan: two scans of one text in
// about the time of one. Once the two scans reach the same state they stay
// together, and from there each match is recorded in both.
func (m *matcher) scan2(s uint32, text []byte, st, st2 *elicitState) uint32 {
	delta := m.delta
	class := &m.class
	s2 := m.start()
	for i, b := range text {
		if s == s2 {
			return m.scanTo(s, text[i:], i, sink{st, st2})
		}
		c := uint32(class[b])
		s, s2 = delta[s+c], delta[s2+c]
		if s >= outRow {
			m.record(s, i, sink{st, nil})
		}
		if s2 >= outRow {
			m.record(s2, i, sink{st2, nil})
		}
	}
	return s
}

// sink is where a scan records its matches: in a, and in b when it is not
// nil.
type sink struct{ a, b *elicitState }

func (k sink) hit(id uint16, i int) {
	k.a.hit(id, i)
	if k.b != nil {
		k.b.hit(id, i)
	}
}

// scanTo scans text from row s into st, recording matches at off + their
// index.
func (m *matcher) scanTo(s uint32, text []byte, off int, st sink) uint32 {
	if len(text) < scanLanesMin {
		return m.scanSerial(s, text, off, st)
	}
	return m.scanLanes(s, text, off, st)
}

// scanSerial scans text from row s, recording matches at off + their index.
func (m *matcher) scanSerial(s uint32, text []byte, off int, st sink) uint32 {
	delta := m.delta
	class := &m.class
	for i, b := range text {
		s = delta[s+uint32(class[b])]
		if s >= outRow {
			m.record(s, off+i, st)
		}
	}
	return s
}

// record records the outputs of the state at row s, ending at index i.
func (m *matcher) record(s uint32, i int, st sink) {
	q := (s - outRow) / uint32(m.nclass)
	for _, id := range m.outs[m.outStart[q]:m.outStart[q+1]] {
		st.hit(id, i)
	}
}

// Lane parameters of scan: the number of lanes, the warm-up of each lane
// after the first (longer than the longest folded pattern, 43 bytes, so
// that a lane is in the serial scan's state unless the warm-up holds long
// runs of white space), the distinct patterns a lane holds, and the
// shortest text scanned in lanes.
const (
	scanLanes    = 4
	scanWarm     = 64
	scanLaneHits = 48
	scanLanesMin = 16 * scanWarm
)

// laneHit is the first match of one pattern in a lane: the pattern and the
// index of the byte that ended it.
type laneHit struct {
	id uint16
	i  int32
}

// laneHits holds what a lane found, in the form in which it can be
// recorded after the lanes before it: the first match of each pattern in
// the lane, in order, and how many later matches (repeats within the lane)
// count as repeated answer labels and repeated step-by-step phrases (see
// elicitState.hit: a repeat changes nothing else, and its pattern's weight
// cannot beat the first match's for the tracked cue). A lane that found
// more than scanLaneHits distinct patterns is scanned again.
type laneHits struct {
	seen       [maxPatterns / 64]uint64
	n          int
	ans, steps int
	hit        [scanLaneHits]laneHit
}

// add takes the outputs of the state at row s, ending at index i.
func (h *laneHits) add(m *matcher, pats []pattern, s uint32, i int) {
	q := (s - outRow) / uint32(m.nclass)
	for _, id := range m.outs[m.outStart[q]:m.outStart[q+1]] {
		w, b := id>>6, uint64(1)<<(id&63)
		if h.seen[w]&b != 0 {
			switch p := &pats[id]; {
			case p.cue == cueAnswerGiven && p.w <= answerLabel:
				h.ans++
			case p.cue == cueStep:
				h.steps++
			}
			continue
		}
		h.seen[w] |= b
		if h.n < scanLaneHits {
			h.hit[h.n] = laneHit{id, int32(i)}
		}
		h.n++
	}
}

// scanLanes is scan in scanLanes lanes (see scan); len(text) >= scanLanesMin.
//
// The lock-step loop indexes without bounds checks: every row in delta is
// a multiple of nclass below len(delta) and every class is below nclass,
// so row+class is in range, and the byte indexes stay below T within each
// lane's part of text. Bounds checks would cost registers that the four
// lanes' states need.
func (m *matcher) scanLanes(s uint32, text []byte, off int, st sink) uint32 {
	const W = scanWarm
	n := len(text)
	// lane j scans text[j*step : j*step+T]; its first W bytes are the
	// warm-up that the lane before it owns
	T := (n + (scanLanes-1)*W) / scanLanes
	step := T - W
	_ = text[3*step+T-1]
	delta := unsafe.Pointer(unsafe.SliceData(m.delta))
	class := &m.class
	p := unsafe.Pointer(unsafe.SliceData(text))
	next := func(s uint32, b byte) uint32 {
		return *(*uint32)(unsafe.Add(delta, 4*uintptr(s+uint32(class[b]))))
	}
	at := func(i int) byte { return *(*byte)(unsafe.Add(p, i)) }
	s0, s1, s2, s3 := s, uint32(0), uint32(0), uint32(0)
	// The inner loops have no calls, so that the lane states stay in
	// registers; a match leaves them for one byte. In the warm-up only the
	// first lane's matches count.
	i := 0
	for {
		for ; i < W; i++ {
			s0 = next(s0, at(i))
			s1 = next(s1, at(step+i))
			s2 = next(s2, at(2*step+i))
			s3 = next(s3, at(3*step+i))
			if s0 >= outRow {
				break
			}
		}
		if i == W {
			break
		}
		m.record(s0, off+i, st)
		i++
	}
	w1, w2, w3 := s1, s2, s3
	var h1, h2, h3 laneHits
	for {
		for ; i < T; i++ {
			s0 = next(s0, at(i))
			s1 = next(s1, at(step+i))
			s2 = next(s2, at(2*step+i))
			s3 = next(s3, at(3*step+i))
			if (s0|s1|s2|s3)&^(outRow-1) != 0 {
				break
			}
		}
		if i == T {
			break
		}
		if s0 >= outRow {
			m.record(s0, off+i, st)
		}
		if s1 >= outRow {
			h1.add(m, *st.a.pats, s1, step+i)
		}
		if s2 >= outRow {
			h2.add(m, *st.a.pats, s2, 2*step+i)
		}
		if s3 >= outRow {
			h3.add(m, *st.a.pats, s3, 3*step+i)
		}
		i++
	}
	s = m.join(s0, 1*step, T, text, off, w1, s1, &h1, st)
	s = m.join(s, 2*step, T, text, off, w2, s2, &h2, st)
	s = m.join(s, 3*step, T, text, off, w3, s3, &h3, st)
	return m.scanSerial(s, text[3*step+T:], off+3*step+T, st)
}

// join appends one lane to the scan: s is the serial scan's row at the end
// of the part before the lane's, the lane scanned text[base:base+T] and was
// in row warm after its warm-up and in row end at its end, with matches h
// (at indexes that off shifts into the scanned stream). It returns the row
// at the end of the lane's part.
func (m *matcher) join(s uint32, base, T int, text []byte, off int, warm, end uint32, h *laneHits, st sink) uint32 {
	if warm != s || h.n > scanLaneHits {
		return m.scanSerial(s, text[base+scanWarm:base+T], off+base+scanWarm, st)
	}
	for _, x := range h.hit[:h.n] {
		st.hit(x.id, off+int(x.i))
	}
	h.repeats(st.a)
	if st.b != nil {
		h.repeats(st.b)
	}
	return end
}

// repeats adds the lane's repeats to st's counts.
func (h *laneHits) repeats(st *elicitState) {
	st.ansRepeats = uint8(min(int(st.ansRepeats)+h.ans, 255))
	st.stepRepeats = uint8(min(int(st.stepRepeats)+h.steps, 255))
}
