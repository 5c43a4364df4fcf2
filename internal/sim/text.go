package sim

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
)

// The template language shared by every class, legitimate or not:
//
//	{a|b|c}   one alternative, uniformly (alternatives nest; {a|} is optional text)
//	$name     a slot, filled by a filler (see filler.slot)
//	\x        the byte x literally (for braces, bars and dollars in code)
//
// Every prompt, system prompt, answer and tool result in a trace is produced
// by expand over the template tables in prompts.go and vocab.go, so the text
// of a campaign and of a legitimate user differ only in which templates and
// slots they draw, never in how the text is made.

// expand appends the expansion of t to dst.
func expand(dst []byte, r *rand.Rand, t string, f *filler) []byte {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; c {
		case '\\':
			if i+1 < len(t) {
				i++
				dst = append(dst, t[i])
			}
		case '{':
			end, alts := splitAlts(t, i)
			dst = expand(dst, r, alts[r.IntN(len(alts))], f)
			i = end
		case '$':
			j := i + 1
			for j < len(t) && isSlotByte(t[j]) {
				j++
			}
			if j == i+1 {
				dst = append(dst, c)
				continue
			}
			dst = f.slot(dst, r, t[i+1:j])
			i = j - 1
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// freeze resolves the alternatives of t once and keeps its slots: the result
// is one fixed skeleton, the shape of a templated campaign (one template,
// varied slots).
func freeze(r *rand.Rand, t string) string {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '\\' && i+1 < len(t) {
			b.WriteString(t[i : i+2])
			i++
			continue
		}
		if t[i] == '{' {
			end, alts := splitAlts(t, i)
			b.WriteString(freeze(r, alts[r.IntN(len(alts))]))
			i = end
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// splitAlts returns the index of the '}' closing the '{' at t[i] and the
// top-level alternatives between them. An unclosed brace runs to the end.
func splitAlts(t string, i int) (int, []string) {
	depth, start := 0, i+1
	var alts []string
	for j := i; j < len(t); j++ {
		switch t[j] {
		case '\\':
			j++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j, append(alts, t[start:j])
			}
		case '|':
			if depth == 1 {
				alts = append(alts, t[start:j])
				start = j + 1
			}
		}
	}
	return len(t) - 1, append(alts, t[start:])
}

func isSlotByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// filler fills slots. Fixed values (vars) win; otherwise the slot is drawn
// from the area's vocabulary or the shared pools.
type filler struct {
	area *area
	vars map[string]string
}

func (f *filler) set(name, v string) {
	if f.vars == nil {
		f.vars = make(map[string]string, 4)
	}
	f.vars[name] = v
}

func (f *filler) slot(dst []byte, r *rand.Rand, name string) []byte {
	if v, ok := f.vars[name]; ok {
		return append(dst, v...)
	}
	a := f.area
	if a == nil {
		a = &areas[0]
	}
	switch name {
	case "subject", "subject2":
		return expand(dst, r, pick(r, a.subjects), f)
	case "area":
		return append(dst, a.name...)
	case "problem":
		return expand(dst, r, pick(r, a.problems), f)
	case "fact":
		return expand(dst, r, pick(r, facts), f)
	case "answer":
		if a.numeric {
			return strconv.AppendInt(dst, int64(r.IntN(500)+2), 10)
		}
		return expand(dst, r, pick(r, facts), f)
	case "a", "b", "c":
		return strconv.AppendInt(dst, int64(r.IntN(19)+2), 10)
	case "n":
		return strconv.AppendInt(dst, int64(r.IntN(9)+2), 10)
	case "p":
		return strconv.AppendInt(dst, int64(pick(r, []int{5, 7, 11, 13, 17, 19, 23})), 10)
	case "num":
		return strconv.AppendInt(dst, int64(r.IntN(990)+10), 10)
	case "year":
		return strconv.AppendInt(dst, int64(r.IntN(300)+1700), 10)
	case "lang":
		return append(dst, pick(r, languages)...)
	case "name":
		return append(dst, pick(r, names)...)
	case "city":
		return append(dst, pick(r, cities)...)
	case "product":
		return append(dst, pick(r, products)...)
	case "file":
		return append(dst, pick(r, files)...)
	case "func":
		return append(dst, pick(r, funcs)...)
	case "snippet":
		return expand(dst, r, pick(r, snippets), f)
	case "doc":
		return expand(dst, r, pick(r, docLines), f)
	case "rubric":
		return expand(dst, r, pick(r, rubrics), f)
	}
	return append(dst, name...)
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// text expands t with a fresh filler over area a.
func text(r *rand.Rand, t string, a *area) string {
	f := filler{area: a}
	return tidy(expand(nil, r, t, &f))
}

// tidy trims, collapses double spaces and capitalises the first letter, so
// that empty alternatives leave no trace.
func tidy(b []byte) string {
	b = bytes.TrimSpace(b)
	out := b[:0]
	for i, c := range b {
		if c == ' ' && i > 0 && b[i-1] == ' ' {
			continue
		}
		out = append(out, c)
	}
	if len(out) > 0 && out[0] >= 'a' && out[0] <= 'z' {
		out[0] -= 'a' - 'A'
	}
	return string(out)
}

// sentences expands n templates drawn from ts, joined by spaces.
func sentences(r *rand.Rand, ts []string, n int, f *filler) string {
	var b []byte
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, tidy(expand(nil, r, pick(r, ts), f))...)
	}
	return string(b)
}

// tidyText expands t with filler f.
func tidyText(r *rand.Rand, f *filler, t string) string {
	return tidy(expand(nil, r, t, f))
}
