package dialect

import (
	"bytes"
	"math/bits"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/cespare/xxhash/v2"

	"github.com/sluicehq/sluice/fingerprint"
)

// History cache
//
// A conversation re-sends its whole history with every turn, and an agent
// loop its whole tool-use trajectory with every step, so parsing would cost
// what the body weighs although only its last message or two are new. The
// parser keeps what it produced for the messages of recent requests (their
// turns and system pieces, with the decoded text of those that do not alias
// the body) in a bounded, process-wide cache, and a request whose message
// list starts with cached messages takes them from the cache and parses
// only the rest.
//
// What is cached. A message list (chat and Anthropic messages, Responses
// input) is cached as a chain of immutable nodes, each holding a run of
// consecutive messages: their raw JSON bytes (from the list's '[' or the
// previous message's end through the message's '}'), their turns (role and
// text: the offsets of a text that aliases the body, or its decoded bytes)
// and their system pieces. A request that continues a cached chain adds a
// node with its new messages only, so that storing costs what is new.
//
// Lookup. Before the list is parsed, the parser looks the body up at grid
// points g (4 per octave: 4, 5, 6, 7, 8, 10, ... KB from the '['), from
// the largest that fits in the body down to an eighth of it: a chain whose
// raw bytes are L long is indexed by the seeded xxhash of the 128 bytes
// before g for the largest g <= L, and by aliases at the 4 grid points
// below it (down to L/2), so that a body that re-sends an earlier state of
// the conversation finds it too. A candidate is then compared byte for
// byte with the body, node by node (bytes.Equal: a memory-speed pass; no
// hash decides a hit), and the longest run of equal whole messages is
// taken. The body's last message is always parsed, never taken from the
// cache. As the cached bytes equal the body's, parsed in the same state
// (list kind, nesting depth), the result is identical to a parse of the
// whole body, bit for bit: same turns (text bytes, roles, nil-ness), same
// system prompt, same errors (the bytes after the cached messages are
// parsed and validated as before, and the cached ones were).
//
// What is stored. Storing allocates, so a list is stored only when it is
// seen to continue: when the request extends a chain that ended a
// request, or when a marker shows that an earlier request ended where one
// of this request's messages ends (a conversation's next turn or an agent
// loop's next step: everything is stored), or that an earlier request had
// the same messages before its last one (a shared history under different
// last turns: the messages but the last are stored). Markers are keys in a
// fixed table, set for every long list that stored nothing, so that
// traffic whose histories never recur costs no allocation and no copy.
//
// Bounds. An index entry points to the tip of a chain and accounts its
// bytes (raw + decoded text + metadata of every node of the chain; an
// alias accounts nothing and is dropped with the chain's own entry); the
// total is kept under the cache's size (DefaultHistoryCache, 32 MB) by
// CLOCK eviction, and a chain that would exceed 1/8 of it is not extended.
// Chains are at most 32 nodes deep; a longer one is stored again as one
// node. The index has one entry per 4 KB of size, 8 ways per set, and the
// marker table one marker per 2 KB, 4 ways per set: 0.5 MB for the
// default size, allocated with the first long list. Lists under 4 KB are
// neither looked up nor stored. Text slices handed out alias immutable
// nodes, which the garbage collector frees once they are evicted and no
// request reads them: the heap holds the size, the nodes that requests in
// flight still read, and until a collection the evicted ones (so the
// process's RSS may grow by up to about twice the size).
//
// Cost. A lookup costs a few key probes (a hash of 128 bytes and a set's
// lock each) and a byte comparison of the cached part; a hit replays the
// cached turns (no text is copied); a miss costs the probes and two
// marker writes. Sets are locked only to read or write their entries,
// never while the body is compared or parsed. A warm hit allocates
// nothing; storing a node allocates four objects.

// DefaultHistoryCache is the size in bytes of the process-wide history
// cache of the parser (see SetHistoryCache).
const DefaultHistoryCache = 32 << 20

const (
	histMinDefault = 4 << 10 // shortest list (from its '[') looked up or stored
	histWays       = 8       // ways per index set
	histMarkWays   = 4       // ways per marker set
	histChain      = 32      // nodes per chain at most
	histEntryBytes = 4 << 10 // cache size per index entry
	histAliases    = 3       // keys of a chain besides its own
	histMarkBytes  = 2 << 10 // cache size per marker
	histMaxList    = 1 << 30 // offsets are int32
	histNodeBytes  = 160     // accounted per node besides its slices
)

// Kinds of message lists: the same bytes parse differently in each.
const (
	listChat uint8 = 1 + iota
	listAnthropic
	listInput
)

var defaultHist atomic.Pointer[histCache]

func init() { defaultHist.Store(newHistCache(DefaultHistoryCache, histMinDefault)) }

// SetHistoryCache sets the size in bytes of the parser's process-wide
// history cache, which keeps the parsed messages of recent requests so
// that a request re-sending them parses only what is new (see history.go).
// The default is DefaultHistoryCache; 0 or less disables the cache. It
// replaces the cache (what it held is dropped): call it at start-up.
// Parsing gives the same result with or without the cache.
func SetHistoryCache(size int) {
	if size <= 0 {
		defaultHist.Store(nil)
		return
	}
	defaultHist.Store(newHistCache(size, histMinDefault))
}

// histCache is the history cache: an index of chain tips and a table of
// markers, both set-associative and allocated on first use.
type histCache struct {
	size   int64 // bytes the index entries may account
	min    int   // shortest list cached; 4 grid units
	win    int   // bytes hashed for an index key
	seed   uint64
	nsets  int
	nmarks int

	once  sync.Once
	sets  atomic.Pointer[[]histSet]
	marks []markSet // set with sets, before it is published
	total atomic.Int64
	hand  atomic.Uint64
}

type histSet struct {
	mu   sync.Mutex
	next uint8
	e    [histWays]histEntry
}

type histEntry struct {
	key   uint64
	node  *histNode
	size  int64 // bytes accounted: the chain's, 0 for an alias
	used  bool
	alias bool
}

type markSet struct {
	mu   sync.Mutex
	next uint8
	key  [histMarkWays]uint64
	typ  [histMarkWays]uint8
}

// Marker types.
const (
	markPrefix uint8 = 1 + iota // a request had these messages before its last one
	markEnd                     // a request ended with these messages
)

func newHistCache(size, minList int) *histCache {
	c := &histCache{size: int64(size), min: max(minList, 64), seed: rand.Uint64()}
	c.win = min(128, c.min/4)
	c.nsets = max(size/(histEntryBytes*histWays), 1)
	c.nmarks = max(size/(histMarkBytes*histMarkWays), 1)
	return c
}

// index returns the index sets, allocating the cache's tables if create.
func (c *histCache) index(create bool) []histSet {
	if s := c.sets.Load(); s != nil {
		return *s
	}
	if !create {
		return nil
	}
	c.once.Do(func() {
		c.marks = make([]markSet, c.nmarks)
		sets := make([]histSet, c.nsets)
		c.sets.Store(&sets)
	})
	return *c.sets.Load()
}

// histNode is a run of consecutive messages of a cached list. It is not
// modified once indexed.
type histNode struct {
	parent *histNode
	base   int32 // messages of the list before this node (its fork point in the parent's chain)
	count  int32 // messages of the list through this node
	chain  int32 // nodes in the chain through this node
	depth  int32 // nesting depth inside the list
	off    int32 // offset of raw from the list's '['
	nturns int32 // refs[:nturns] are turns, the rest system pieces
	kind   uint8
	last   bool                // ends with the last message of the request that stored it
	key    uint64              // index key
	alias  [histAliases]uint64 // keys at lower grid points, 0 for none
	dead   atomic.Bool         // its own entry is gone
	size   int64               // bytes accounted for the chain through this node
	raw    []byte
	text   []byte
	msgs   []histMsg
	refs   []histRef
}

// histMsg is one message of a node: the offset of its end from the list's
// '[', and the node's turns and system pieces through it.
type histMsg struct{ end, turns, pieces int32 }

// histRef is the text of a turn or a system piece: nil, empty, the body's
// bytes at start:end from the list's '[', or the node's text at start:end.
type histRef struct {
	start, end int32
	role       fingerprint.Role
	where      uint8
}

const (
	refNil uint8 = iota
	refEmpty
	refBody
	refText
)

// histBound is a message of the list being parsed: its end from the
// list's '[', and the turns (since the list's start) and system pieces
// through it.
type histBound struct{ end, turns, pieces int32 }

// histHit is the result of a lookup: the chain whose first matched
// messages equal the body's, and whether all of the chain matched.
type histHit struct {
	node    *histNode
	matched int
	full    bool
}

var emptyText = []byte{}

func (x *histNode) textOf(r histRef, list []byte) []byte {
	switch r.where {
	case refEmpty:
		return emptyText[:0:0]
	case refBody:
		return list[r.start:r.end:r.end]
	case refText:
		return x.text[r.start:r.end:r.end]
	}
	return nil
}

// stack puts the chain through x into s, tip first, and returns its length.
func (x *histNode) stack(s *[histChain]*histNode) int {
	d := 0
	for ; x != nil && d < len(s); x = x.parent {
		s[d] = x
		d++
	}
	return d
}

// match returns how many of the chain's messages the list (from its '[')
// starts with.
func (x *histNode) match(list []byte) int {
	var s [histChain]*histNode
	d := x.stack(&s)
	matched := 0
	for i := d - 1; i >= 0; i-- {
		y := s[i]
		hi := y.count
		if i > 0 {
			hi = s[i-1].base
		}
		n := int(hi - y.base)
		off := int(y.off)
		if end := int(y.msgs[n-1].end); end <= len(list) && bytes.Equal(list[off:end], y.raw[:end-off]) {
			matched = int(hi)
			continue
		}
		lo := off
		for j := range n {
			end := int(y.msgs[j].end)
			if end > len(list) || !bytes.Equal(list[lo:end], y.raw[lo-off:end-off]) {
				break
			}
			matched++
			lo = end
		}
		break
	}
	return matched
}

// locate returns the node of the chain through x that holds message k-1
// (k >= 1 and at most x.count) and the message's index in it.
func (x *histNode) locate(k int) (*histNode, int) {
	for x.base >= int32(k) {
		x = x.parent
	}
	return x, k - 1 - int(x.base)
}

// gridFloor returns the largest grid point at most n (n >= c.min).
func (c *histCache) gridFloor(n int) int {
	u := c.min / 4
	q := n / u
	e := bits.Len(uint(q)) - 3
	return (q >> e) << e * u
}

// key is the index key of a list's prefix of g bytes: the seeded hash of
// its last c.win bytes, its length and the list's kind.
func (c *histCache) key(kind uint8, list []byte, g int) uint64 {
	var d xxhash.Digest
	d.ResetWithSeed(c.seed ^ uint64(kind)<<56 ^ uint64(g))
	_, _ = d.Write(list[g-c.win : g])
	return d.Sum64() | 1
}

// markKey is the marker key of a list's prefix that ends at end with the
// message that starts at start: a seeded hash of the message's first and
// last (up to) 256 bytes, its bounds and the list's kind.
func (c *histCache) markKey(kind uint8, list []byte, start, end int) uint64 {
	const w = 256
	var d xxhash.Digest
	d.ResetWithSeed(c.seed ^ 0x6d61726b<<32 ^ uint64(kind)<<56 ^ uint64(end)<<24 ^ uint64(end-start))
	m := list[start:end]
	if len(m) <= 2*w {
		_, _ = d.Write(m)
	} else {
		_, _ = d.Write(m[:w])
		_, _ = d.Write(m[len(m)-w:])
	}
	return d.Sum64() | 1
}

// candidates copies the tips indexed by key into out.
func (c *histCache) candidates(sets []histSet, key uint64, out *[histWays]*histNode) int {
	s := &sets[key%uint64(len(sets))]
	n := 0
	s.mu.Lock()
	for i := range s.e {
		if s.e[i].key == key && s.e[i].node != nil {
			out[n] = s.e[i].node
			n++
		}
	}
	s.mu.Unlock()
	return n
}

// touch marks the entry of x used, so that eviction passes it once.
func (c *histCache) touch(sets []histSet, x *histNode) {
	s := &sets[x.key%uint64(len(sets))]
	s.mu.Lock()
	for i := range s.e {
		if s.e[i].node == x {
			s.e[i].used = true
		}
	}
	s.mu.Unlock()
}

// insert indexes x under its key and its aliases, evicting as needed to
// stay within the cache's size.
func (c *histCache) insert(sets []histSet, x *histNode) {
	c.put(sets, x, x.key, false)
	for _, k := range x.alias {
		if k != 0 {
			c.put(sets, x, k, true)
		}
	}
	if x.dead.Load() {
		c.drop(sets, x) // evicted meanwhile: drop the aliases just added
	}
	c.shrink(sets)
}

// put adds an entry for x under key to its set, evicting a way if the set
// is full. An alias entry accounts no bytes.
func (c *histCache) put(sets []histSet, x *histNode, key uint64, alias bool) {
	s := &sets[key%uint64(len(sets))]
	e := histEntry{key: key, node: x, used: true, alias: alias}
	if !alias {
		e.size = x.size
	}
	s.mu.Lock()
	w := -1
	for i := range s.e {
		if s.e[i].node == nil || s.e[i].node == x && s.e[i].key == key {
			w = i
			break
		}
	}
	for w < 0 {
		i := int(s.next)
		s.next = uint8((i + 1) % histWays)
		if !s.e[i].used {
			w = i
		}
		s.e[i].used = false
	}
	old := s.e[w]
	s.e[w] = e
	s.mu.Unlock()
	c.total.Add(e.size - old.size)
	if old.node != x {
		c.evicted(sets, old)
	}
}

// evicted finishes the eviction of entry e: once a chain's own entry is
// gone, its aliases are dropped too, so that nothing unaccounted keeps it.
func (c *histCache) evicted(sets []histSet, e histEntry) {
	if e.node != nil && !e.alias && !e.node.dead.Swap(true) {
		c.drop(sets, e.node)
	}
}

// remove drops the entries of x (when a node that extends it is stored).
func (c *histCache) remove(sets []histSet, x *histNode) {
	x.dead.Store(true)
	c.drop(sets, x)
}

// drop removes the entries of x under its key and aliases.
func (c *histCache) drop(sets []histSet, x *histNode) {
	c.dropKey(sets, x, x.key)
	for _, k := range x.alias {
		if k != 0 {
			c.dropKey(sets, x, k)
		}
	}
}

func (c *histCache) dropKey(sets []histSet, x *histNode, key uint64) {
	s := &sets[key%uint64(len(sets))]
	var freed int64
	s.mu.Lock()
	for i := range s.e {
		if s.e[i].node == x {
			freed += s.e[i].size
			s.e[i] = histEntry{}
		}
	}
	s.mu.Unlock()
	c.total.Add(-freed)
}

// shrink evicts entries, CLOCK fashion across the whole index, until their
// total is within the cache's size.
func (c *histCache) shrink(sets []histSet) {
	n := uint64(len(sets) * histWays)
	for tries := uint64(0); c.total.Load() > c.size && tries < 2*n; tries++ {
		h := c.hand.Add(1) % n
		s := &sets[h/histWays]
		var old histEntry
		s.mu.Lock()
		if e := &s.e[h%histWays]; e.node != nil {
			if e.used {
				e.used = false
			} else {
				old = *e
				*e = histEntry{}
			}
		}
		s.mu.Unlock()
		c.total.Add(-old.size)
		c.evicted(sets, old)
	}
}

// mark returns the type of the marker of key, 0 if none (markEnd wins).
func (c *histCache) mark(key uint64) uint8 {
	s := &c.marks[key%uint64(len(c.marks))]
	var t uint8
	s.mu.Lock()
	for i := range s.key {
		if s.key[i] == key {
			t = max(t, s.typ[i])
		}
	}
	s.mu.Unlock()
	return t
}

// setMark sets the marker of key to type t (or keeps a markEnd).
func (c *histCache) setMark(key uint64, t uint8) {
	s := &c.marks[key%uint64(len(c.marks))]
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.key {
		if s.key[i] == key {
			s.typ[i] = max(s.typ[i], t)
			return
		}
	}
	i := s.next
	s.next = (i + 1) % histMarkWays
	s.key[i], s.typ[i] = key, t
}

// within returns the offset of t in b if t lies in b.
func within(t, b []byte) (int, bool) {
	if len(t) == 0 || len(b) == 0 {
		return 0, false
	}
	pt := uintptr(unsafe.Pointer(unsafe.SliceData(t)))
	pb := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if pt < pb || pt-pb > uintptr(len(b)-len(t)) || len(t) > len(b) {
		return 0, false
	}
	return int(pt - pb), true
}

// messageList reads the messages of a list whose '[' was just consumed,
// each with message(kind). With the history cache, the messages that a
// recent request had at the start of its list are taken from the cache,
// and the list is recorded for the requests after this one.
func (p *Parser) messageList(kind uint8) error {
	a := p.s.i - 1
	c := p.histCache()
	rec := c != nil && len(p.s.b)-a >= c.min && len(p.s.b)-a <= histMaxList
	k := 0
	var hit histHit
	if rec {
		p.bounds = p.bounds[:0]
		clear(p.pieces)
		p.pieces = p.pieces[:0]
		p.t0, p.d0 = len(p.req.Turns), p.s.depth
		k, hit = p.histRestore(c, kind, a)
		p.replayed += k
		p.rec = true
		defer func() { p.rec = false }()
	}
	for i := k; ; i++ {
		ok, err := p.s.more(i == 0, ']')
		if err != nil || !ok {
			if err == nil && rec {
				p.rec = false
				p.histStore(c, kind, a, k, hit)
			}
			return err
		}
		if err := p.message(kind); err != nil {
			return at(err, i)
		}
		if rec {
			p.bounds = append(p.bounds, histBound{end: int32(p.s.i - a), turns: int32(len(p.req.Turns) - p.t0), pieces: int32(len(p.pieces))})
		}
	}
}

// message reads one element of a message list of the given kind.
func (p *Parser) message(kind uint8) error {
	switch kind {
	case listChat:
		return p.chatMessage()
	case listAnthropic:
		return p.anthropicMessage()
	}
	return p.item()
}

func (p *Parser) histCache() *histCache {
	if p.noHist {
		return nil
	}
	if p.hist != nil {
		return p.hist
	}
	return defaultHist.Load()
}

// histRestore looks up the list that opens at a and replays the messages
// it finds cached (all but the body's last) into p, leaving the scanner
// after them. It returns how many it replayed and the chain they came
// from.
func (p *Parser) histRestore(c *histCache, kind uint8, a int) (k int, hit histHit) {
	sets := c.index(false)
	if sets == nil {
		return 0, hit
	}
	list := p.s.b[a:]
	depth := int32(p.s.depth)
	lo := max(c.min, len(list)/8)
	var cand [histWays]*histNode
	for g := c.gridFloor(len(list)); g >= lo; g = c.gridFloor(g - 1) {
		n := c.candidates(sets, c.key(kind, list, g), &cand)
		for _, x := range cand[:n] {
			if x.kind != kind || x.depth != depth || x.dead.Load() {
				continue
			}
			if m := x.match(list); m > hit.matched {
				hit = histHit{node: x, matched: m}
			}
		}
		if hit.node != nil || g-1 < c.min {
			break
		}
	}
	clear(cand[:])
	if hit.node == nil {
		return 0, hit
	}
	hit.full = hit.matched == int(hit.node.count)
	c.touch(sets, hit.node)
	// The body's last message is parsed: replay through the one before.
	k = hit.matched
	if y, j := hit.node.locate(k); !commaAt(list, int(y.msgs[j].end)) {
		k--
	}
	if k > 0 {
		p.replay(hit.node, k, a)
	}
	return k, hit
}

// commaAt reports whether white space and a comma follow list[i:].
func commaAt(list []byte, i int) bool {
	for ; i < len(list); i++ {
		switch list[i] {
		case ' ', '\t', '\n', '\r':
		case ',':
			return true
		default:
			return false
		}
	}
	return false
}

// replay appends the turns and system pieces of the first k messages of
// the chain through tip, as parsing them would, and moves the scanner
// after them.
func (p *Parser) replay(tip *histNode, k, a int) {
	list := p.s.b[a:]
	var s [histChain]*histNode
	d := tip.stack(&s)
	i, end := 0, 0
	for n := d - 1; n >= 0 && i < k; n-- {
		x := s[n]
		hi := int(x.count)
		if n > 0 {
			hi = int(s[n-1].base)
		}
		hi = min(hi, k)
		t, pc := int32(0), int32(0)
		for j := 0; i < hi; i, j = i+1, j+1 {
			m := &x.msgs[j]
			for ; t < m.turns; t++ {
				r := x.refs[t]
				p.req.Turns = append(p.req.Turns, fingerprint.Turn{Role: r.role, Text: x.textOf(r, list)})
			}
			for ; pc < m.pieces; pc++ {
				text := x.textOf(x.refs[x.nturns+pc], list)
				p.systemText(text)
				p.pieces = append(p.pieces, text)
			}
			end = int(m.end)
			p.bounds = append(p.bounds, histBound{end: m.end, turns: int32(len(p.req.Turns) - p.t0), pieces: int32(len(p.pieces))})
		}
	}
	clear(s[:])
	p.s.i = a + end
}

// systemText adds a piece of the system prompt whose text is known, as
// system does for one it reads.
func (p *Parser) systemText(t []byte) {
	req := p.req
	if p.sysN == 0 {
		req.System = t
		p.sysInBuf = false
	} else {
		if !p.sysInBuf {
			if cap(p.sys) < p.hint+64 {
				p.sys = make([]byte, 0, p.hint+64)
			}
			p.sys = append(p.sys[:0], req.System...)
			p.sysInBuf = true
		}
		p.sys = append(p.sys, '\n')
		p.sys = append(p.sys, t...)
		req.System = p.sys[:len(p.sys):len(p.sys)]
	}
	p.sysN++
}

// histStore records the list just parsed (at a; k messages replayed from
// hit) for the requests after this one: it stores what is new if the list
// is seen to continue (see the file comment), and sets markers otherwise.
func (p *Parser) histStore(c *histCache, kind uint8, a, k int, hit histHit) {
	n := len(p.bounds)
	if n == 0 || hit.node != nil && hit.matched >= n {
		return // nothing new
	}
	list := p.s.b[a:]
	bs := p.bounds
	start := func(i int) int { // where message i starts, after the one before
		if i == 0 {
			return 0
		}
		return int(bs[i-1].end)
	}
	sets := c.index(true)
	cont := hit.full && hit.node.last
	upto := 0
	if !cont {
		for m := n - 1; m >= max(k, n-5, 1); m-- {
			end := int(bs[m-1].end)
			if end < c.min {
				break
			}
			t := c.mark(c.markKey(kind, list, start(m-1), end))
			if t == markEnd {
				cont = true
				break
			}
			if t == markPrefix {
				upto = max(upto, m)
			}
		}
	}
	if cont {
		upto = n
	}
	stored := false
	if upto > k && int(bs[upto-1].end) >= c.min {
		var parent *histNode
		if k > 0 {
			parent, _ = hit.node.locate(k)
		}
		i0 := k
		if parent != nil && parent.chain >= histChain {
			parent, i0 = nil, 0
		}
		if x := p.histNode(c, kind, a, parent, i0, upto, cont); x != nil {
			c.insert(sets, x)
			if hit.full && k == int(hit.node.count) {
				c.remove(sets, hit.node) // x holds all it held
			}
			stored = true
		}
	}
	if stored && cont {
		return // the next request extends x
	}
	if end := int(bs[n-1].end); end >= c.min {
		c.setMark(c.markKey(kind, list, start(n-1), end), markEnd)
	}
	if n >= 2 && k < n-1 && upto < n-1 {
		if end := int(bs[n-2].end); end >= c.min {
			c.setMark(c.markKey(kind, list, start(n-2), end), markPrefix)
		}
	}
}

// histNode builds the node of messages i0 to i1-1 of the list just parsed
// at a, after parent (nil for the first node of a chain, i0 = 0), or
// returns nil if its chain would be too large.
func (p *Parser) histNode(c *histCache, kind uint8, a int, parent *histNode, i0, i1 int, last bool) *histNode {
	bs := p.bounds
	var start, t0, pc0 int
	if i0 > 0 {
		start, t0, pc0 = int(bs[i0-1].end), int(bs[i0-1].turns), int(bs[i0-1].pieces)
	}
	end, t1, pc1 := int(bs[i1-1].end), int(bs[i1-1].turns), int(bs[i1-1].pieces)
	list := p.s.b[a : a+end]
	turns := p.req.Turns[p.t0+t0 : p.t0+t1]
	pieces := p.pieces[pc0:pc1]
	nt := 0
	for _, t := range turns {
		if _, ok := within(t.Text, list); !ok {
			nt += len(t.Text)
		}
	}
	for _, t := range pieces {
		if _, ok := within(t, list); !ok {
			nt += len(t)
		}
	}
	nr := len(turns) + len(pieces)
	size := int64(end-start+nt+histNodeBytes) + int64(nr)*int64(unsafe.Sizeof(histRef{})) + int64(i1-i0)*int64(unsafe.Sizeof(histMsg{}))
	chain := int32(1)
	if parent != nil {
		size += parent.size
		chain += parent.chain
	}
	if size > c.size/8 {
		return nil
	}
	data := make([]byte, end-start+nt)
	copy(data, list[start:])
	x := &histNode{
		parent: parent,
		base:   int32(i0),
		count:  int32(i1),
		chain:  chain,
		depth:  int32(p.d0),
		off:    int32(start),
		nturns: int32(len(turns)),
		kind:   kind,
		last:   last,
		size:   size,
		raw:    data[: end-start : end-start],
		text:   data[end-start : end-start : len(data)],
		msgs:   make([]histMsg, i1-i0),
		refs:   make([]histRef, nr),
	}
	ref := func(t []byte) histRef {
		switch off, ok := within(t, list); {
		case t == nil:
			return histRef{where: refNil}
		case len(t) == 0:
			return histRef{where: refEmpty}
		case ok:
			return histRef{start: int32(off), end: int32(off + len(t)), where: refBody}
		}
		r := histRef{start: int32(len(x.text)), where: refText}
		x.text = append(x.text, t...)
		r.end = int32(len(x.text))
		return r
	}
	for i, t := range turns {
		x.refs[i] = ref(t.Text)
		x.refs[i].role = t.Role
	}
	for i, t := range pieces {
		x.refs[len(turns)+i] = ref(t)
	}
	x.text = x.text[:len(x.text):len(x.text)]
	for i := range x.msgs {
		b := bs[i0+i]
		x.msgs[i] = histMsg{end: b.end, turns: b.turns - int32(t0), pieces: b.pieces - int32(pc0)}
	}
	g := c.gridFloor(end)
	x.key = c.key(kind, p.s.b[a:], g)
	// aliases at the grid points below, down to half its length, so that
	// a body that re-sends part of the list finds it too
	for i := range x.alias {
		if g-1 < max(c.min, end/2) {
			break
		}
		g = c.gridFloor(g - 1)
		x.alias[i] = c.key(kind, p.s.b[a:], g)
	}
	return x
}
