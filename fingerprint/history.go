package fingerprint

import (
	"sync"
	"sync/atomic"
)

// History cache
//
// A conversation re-sends its whole history with every turn, and an agent
// loop its whole tool-use trajectory with every step, so without help the
// prompt prints cost grows with the conversation although only the last
// turn or two are new. The prints are a left fold over the system prompt
// and the turns: the state after a prefix of the turns (the template
// accumulator, the matcher's automaton state and cue evidence, the tool
// turn count, the token estimate, and the system prompt's and last user
// turn's prints) is all that the rest of the request needs. Prompt keeps
// such states in a bounded cache keyed by the prefix, and a request whose
// prefix was seen folds only the turns after it. The prints are the same
// bit for bit as those computed from scratch: a state is a value of the
// same computation, not an approximation (identity_test.go compares the
// two on generated conversations).
//
// The key of a prefix is the Exact digest of it (seeded xxhash64 of the
// role-tagged, length-prefixed, trimmed texts, which Prompt computes
// anyway) and a digest of the white space that trimming removed, so that it
// covers the prefix's bytes exactly; the entry also records the prefix's
// length in bytes and turns. A false hit needs two different prefixes of
// equal length whose two seeded 64-bit digests both collide.
//
// A state comes in two kinds. Before the last user turn (kind A) no turn
// has been printed as the last one; once the prefix holds the request's
// last user turn (kind B) the state carries that turn's prints. A request
// whose last user turn is at index last may resume from a kind A state of
// a prefix of at most last turns, or from a kind B state of a longer one.
// After a request, Prompt stores the kind A state before its last user
// turn (for a regenerated or edited last turn, or a shared long system
// prompt), and the kind A and kind B states of the whole request (for the
// next turn of a chat, and the next step of an agent loop).

// DefaultHistoryCache is the number of history states a Hasher keeps when
// Config.HistoryCache is 0: about 2.6 MB, allocated on the first request
// long enough to be cached.
const DefaultHistoryCache = 8192

// historyMin is the shortest prefix (system prompt and turns, in bytes)
// whose state is worth a cache lookup and store.
const historyMin = 4 << 10

// historyWays is the associativity of the cache.
const historyWays = 4

// Kinds of history states.
const (
	historyA uint8 = 1 + iota // before the last user turn
	historyB                  // with the last user turn
)

// historyKey identifies a prefix of a request and the kind of its state.
type historyKey struct {
	exact, side uint64 // the prefix's Exact digest and white-space digest
	bytes       int64  // the prefix's length in bytes
	turns       int32  // its number of turns
	kind        uint8
}

func (k *historyKey) hash() uint64 {
	return mix64(k.exact ^ mix64(k.side^uint64(k.bytes)<<16^uint64(k.turns)<<48^uint64(k.kind)))
}

// historyState is the state of Prompt after a prefix of a request.
type historyState struct {
	all       uint64      // TemplateAll accumulator
	st        elicitState // cue evidence (st.pats is nil in the cache)
	ms        uint32      // matcher row
	toolTurns int32
	tokens    int64
	// the system prompt's prints
	system       uint64
	elicitSystem float32
	systemBytes  uint16
	// the last user turn's prints (kind B)
	templateLast, sketch, cue uint64
	elicitLast                float32
}

// historyCache is a set-associative cache of history states with one lock
// per set and round-robin replacement. Its memory is allocated on the
// first store, so that a Hasher that never sees a long request does not
// pay for it.
type historyCache struct {
	once sync.Once
	n    int                          // entries
	sets atomic.Pointer[[]historySet] // nil until the first store
}

type historySet struct {
	mu   sync.Mutex
	next uint8
	key  [historyWays]historyKey
	val  [historyWays]historyState
}

func newHistoryCache(entries int) *historyCache {
	if entries < 0 {
		return nil
	}
	if entries == 0 {
		entries = DefaultHistoryCache
	}
	return &historyCache{n: entries}
}

func setOf(sets []historySet, k *historyKey) *historySet {
	return &sets[k.hash()%uint64(len(sets))]
}

// get copies the state of k into s and reports whether there was one.
func (c *historyCache) get(k *historyKey, s *historyState) bool {
	if c == nil {
		return false
	}
	sets := c.sets.Load()
	if sets == nil {
		return false
	}
	set := setOf(*sets, k)
	set.mu.Lock()
	defer set.mu.Unlock()
	for i := range set.key {
		if set.key[i] == *k {
			*s = set.val[i]
			return true
		}
	}
	return false
}

// put stores a copy of s as the state of k.
func (c *historyCache) put(k *historyKey, s *historyState) {
	if c == nil {
		return
	}
	c.once.Do(func() {
		sets := make([]historySet, max(c.n/historyWays, 1))
		c.sets.Store(&sets)
	})
	set := setOf(*c.sets.Load(), k)
	set.mu.Lock()
	defer set.mu.Unlock()
	w := int(set.next)
	for i := range set.key {
		if set.key[i] == *k {
			w = i
			break
		}
	}
	if w == int(set.next) {
		set.next = uint8((w + 1) % historyWays)
	}
	set.key[w] = *k
	set.val[w] = *s
	set.val[w].st.pats = nil
}
