package fingerprint

import "fmt"

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
	delta    []uint32 // row + class -> next row<<1 | has-output; row = state*nclass
	outStart []uint32 // per state: outputs are outs[outStart[s]:outStart[s+1]]
	outs     []uint16 // pattern ids
}

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

	// Transitions hold the premultiplied row index of the next state,
	// shifted left by one, with the low bit set when that state has
	// outputs: one load and no multiply per input byte.
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

// start is the state after the implicit leading space, as a row index.
func (m *matcher) start() uint32 { return m.delta[spaceClass] >> 1 }

// scan runs text through the automaton from row s and records each pattern
// occurrence in st. It returns the end row so that several texts can be
// scanned as one stream.
func (m *matcher) scan(s uint32, text []byte, st *elicitState) uint32 {
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
