package shape

import (
	"bytes"
	"strconv"

	"github.com/sluicehq/sluice/proxy/dialect"
)

// This file is a small JSON toolkit over raw bytes: skip a value, list the
// members of an object or the elements of an array, and an editor that
// splices replacements into the original bytes. Nothing is decoded into Go
// values, so every byte that is not edited passes unchanged, key order and
// whitespace included. Malformed input makes a function report !ok; it
// never panics and never reads past the slice.
//
// It is deliberately not proxy/dialect's scanner. That one validates full
// JSON syntax and stops at 64 levels of nesting, which is right for
// parsing a request; the shaper only needs spans, and must find them in
// any body the upstream accepts: a valid answer whose tool input nests 70
// levels deep must still have its thinking removed and its output clamped.
// Built on the validating scanner (tried: 2.6 million request, response
// and stream cases compared), the shaper changed output on about 3% of
// them (all malformed or deeper than 64) and streamed events took 10–32%
// longer.

// ws returns the index of the first non-space byte at or after i.
func ws(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index after the string that starts at b[i] == '"',
// or -1.
func skipString(b []byte, i int) int {
	j := i + 1
	for {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return -1
		}
		j += k
		// count the backslashes before the quote
		n := 0
		for p := j - 1; p > i && b[p] == '\\'; p-- {
			n++
		}
		j++
		if n%2 == 0 {
			return j
		}
	}
}

// skipValue returns the index after the value that starts at b[i] (no
// leading space), or -1.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch c := b[i]; c {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				e := skipString(b, j)
				if e < 0 {
					return -1
				}
				j = e - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	default:
		j := i
		for j < len(b) {
			switch b[j] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				if j == i {
					return -1
				}
				return j
			}
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
}

// item is a member of an object (key and value) or an element of an array
// (value only: ks == vs).
type item struct {
	ks, vs, ve int
}

// key returns the member's key without quotes (escapes are not decoded).
func (it item) key(b []byte) []byte {
	if it.vs == it.ks {
		return nil
	}
	e := skipString(b, it.ks)
	if e < 0 {
		return nil
	}
	return b[it.ks+1 : e-1]
}

func (it item) val(b []byte) []byte { return b[it.vs:it.ve] }

// members appends the members of the object that starts at b[i] == '{' to
// dst and returns the index after its closing brace.
func members(b []byte, i int, dst []item) ([]item, int, bool) {
	if i >= len(b) || b[i] != '{' {
		return dst, -1, false
	}
	j := ws(b, i+1)
	if j < len(b) && b[j] == '}' {
		return dst, j + 1, true
	}
	for {
		if j >= len(b) || b[j] != '"' {
			return dst, -1, false
		}
		ks := j
		j = skipString(b, j)
		if j < 0 {
			return dst, -1, false
		}
		j = ws(b, j)
		if j >= len(b) || b[j] != ':' {
			return dst, -1, false
		}
		vs := ws(b, j+1)
		ve := skipValue(b, vs)
		if ve < 0 {
			return dst, -1, false
		}
		dst = append(dst, item{ks: ks, vs: vs, ve: ve})
		j = ws(b, ve)
		if j >= len(b) {
			return dst, -1, false
		}
		switch b[j] {
		case ',':
			j = ws(b, j+1)
		case '}':
			return dst, j + 1, true
		default:
			return dst, -1, false
		}
	}
}

// elements appends the elements of the array that starts at b[i] == '[' to
// dst and returns the index after its closing bracket.
func elements(b []byte, i int, dst []item) ([]item, int, bool) {
	if i >= len(b) || b[i] != '[' {
		return dst, -1, false
	}
	j := ws(b, i+1)
	if j < len(b) && b[j] == ']' {
		return dst, j + 1, true
	}
	for {
		vs := j
		ve := skipValue(b, vs)
		if ve < 0 {
			return dst, -1, false
		}
		dst = append(dst, item{ks: vs, vs: vs, ve: ve})
		j = ws(b, ve)
		if j >= len(b) {
			return dst, -1, false
		}
		switch b[j] {
		case ',':
			j = ws(b, j+1)
		case ']':
			return dst, j + 1, true
		default:
			return dst, -1, false
		}
	}
}

// find returns the member named key among its.
func find(b []byte, its []item, key string) (item, bool) {
	for _, it := range its {
		if string(it.key(b)) == key {
			return it, true
		}
	}
	return item{}, false
}

// edit replaces src[s:e] by the arena bytes [ro, ro+rl).
type edit struct{ s, e, ro, rl int }

// editor collects non-overlapping edits of one source and applies them in
// one pass. Reuse it with reset; its slices are kept.
type editor struct {
	edits []edit
	arena []byte
	its   []item // scratch for callers
	its2  []item
	del   []bool // top-level deletions
	del2  []bool // nested deletions
}

func (ed *editor) reset() {
	ed.edits = ed.edits[:0]
	ed.arena = ed.arena[:0]
}

// replace replaces src[s:e] by repl.
func (ed *editor) replace(s, e int, repl string) {
	ro := len(ed.arena)
	ed.arena = append(ed.arena, repl...)
	ed.edits = append(ed.edits, edit{s, e, ro, len(repl)})
}

// replaceInt replaces src[s:e] by the decimal v.
func (ed *editor) replaceInt(s, e int, v int64) {
	ro := len(ed.arena)
	ed.arena = strconv.AppendInt(ed.arena, v, 10)
	ed.edits = append(ed.edits, edit{s, e, ro, len(ed.arena) - ro})
}

// replaceQuoted replaces src[s:e] by the JSON string of v.
func (ed *editor) replaceQuoted(s, e int, v string) {
	ro := len(ed.arena)
	ed.arena = dialect.AppendQuoted(ed.arena, v)
	ed.edits = append(ed.edits, edit{s, e, ro, len(ed.arena) - ro})
}

// remove deletes the items of one object or array marked in del (parallel
// to its), with their separators, so that the container stays well formed.
func (ed *editor) remove(its []item, del []bool) {
	lastKept := -1
	for k := range its {
		if !del[k] {
			lastKept = k
		}
	}
	for k, it := range its {
		if !del[k] {
			continue
		}
		switch {
		case k < lastKept:
			ed.edits = append(ed.edits, edit{it.ks, its[k+1].ks, 0, 0})
		case k > 0:
			ed.edits = append(ed.edits, edit{its[k-1].ve, it.ve, 0, 0})
		default:
			ed.edits = append(ed.edits, edit{it.ks, it.ve, 0, 0})
		}
	}
}

// removeOne deletes its[k].
func (ed *editor) removeOne(its []item, k int) {
	ed.del2 = ed.del2[:0]
	for i := range its {
		ed.del2 = append(ed.del2, i == k)
	}
	ed.remove(its, ed.del2)
}

// insertMember adds "key":raw as the last member of the object whose
// closing brace is at b[end-1] and that has n members.
func (ed *editor) insertMember(end, n int, key, raw string) {
	ro := len(ed.arena)
	if n > 0 {
		ed.arena = append(ed.arena, ',')
	}
	ed.arena = append(ed.arena, '"')
	ed.arena = append(ed.arena, key...)
	ed.arena = append(ed.arena, '"', ':')
	ed.arena = append(ed.arena, raw...)
	ed.edits = append(ed.edits, edit{end - 1, end - 1, ro, len(ed.arena) - ro})
}

// apply appends src with the edits applied to dst.
func (ed *editor) apply(dst, src []byte) []byte {
	es := ed.edits
	// insertion sort: edits come mostly in order
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].s < es[j-1].s; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
	at := 0
	for _, e := range es {
		if e.s < at { // overlapping edit: keep the first
			continue
		}
		dst = append(dst, src[at:e.s]...)
		dst = append(dst, ed.arena[e.ro:e.ro+e.rl]...)
		at = e.e
	}
	return append(dst, src[at:]...)
}

// atoi parses a non-negative JSON integer; ok is false for anything else.
func atoi(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// isStr reports whether v is the JSON string s.
func isStr(v []byte, s string) bool {
	return len(v) == len(s)+2 && v[0] == '"' && string(v[1:len(v)-1]) == s
}
