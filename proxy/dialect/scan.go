package dialect

import (
	"encoding/binary"
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds the nesting of objects and arrays. Real request bodies
// nest about ten levels deep (a JSON schema inside a tool definition); the
// limit keeps the recursive scanner's stack small against hostile input.
const maxDepth = 64

// scanner is a single-pass JSON tokenizer over one body. It validates the
// full JSON grammar as it goes (RFC 8259, as encoding/json does: invalid
// UTF-8 inside strings is accepted), so a body that scans without error is
// one that json.Valid accepts.
//
// The value readers assume s.i points at the start of a value (after
// whitespace); peek skips the whitespace.
type scanner struct {
	b     []byte
	i     int
	depth int
}

func (s *scanner) reset(b []byte) {
	s.b, s.i, s.depth = b, 0, 0
}

// peek skips whitespace and returns the next byte, or 0 at the end.
func (s *scanner) peek() byte {
	b, i := s.b, s.i
	for i < len(b) {
		switch c := b[i]; c {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			s.i = i
			return c
		}
	}
	s.i = i
	return 0
}

// open consumes c ('{' or '[') and enters one nesting level.
func (s *scanner) open(c byte) error {
	if s.peek() != c {
		return s.syntax()
	}
	s.i++
	s.depth++
	if s.depth > maxDepth {
		return errTooDeep
	}
	return nil
}

// more reports whether the object or array closed by end has another
// member, consuming the separating comma, or the closing byte (and leaving
// the nesting level) when it has not. first is true for the first call
// after open.
func (s *scanner) more(first bool, end byte) (bool, error) {
	c := s.peek()
	if c == end {
		s.i++
		s.depth--
		return false, nil
	}
	if !first {
		if c != ',' {
			return false, s.syntax()
		}
		s.i++
	}
	return true, nil
}

// key reads an object key and the colon after it. It returns the raw key
// bytes and whether they contain escapes.
func (s *scanner) key() (start, end int, esc bool, err error) {
	if s.peek() != '"' {
		return 0, 0, false, s.syntax()
	}
	start, end, esc, err = s.str()
	if err != nil {
		return
	}
	if s.peek() != ':' {
		return 0, 0, false, s.syntax()
	}
	s.i++
	return
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// special returns a mask with the high bit set in each byte of the 8 in x
// (little endian) that is '"', '\\' or a control character (< 0x20): the
// bytes that end the fast path of str. Bytes above a hit may be flagged
// falsely (a borrow runs upwards), but the lowest flagged byte is always
// a true hit.
func special(x uint64) uint64 {
	ctl := (x - lsb*0x20) & ^x
	q := x ^ (lsb * '"')
	bs := x ^ (lsb * '\\')
	return (ctl | ((q - lsb) &^ q) | ((bs - lsb) &^ bs)) & msb
}

// str reads a string whose opening quote is at s.i. It returns the bounds
// of its raw contents (without quotes) and whether they contain escapes,
// which it validates. Control characters are rejected; bytes >= 0x80 pass
// unchecked.
func (s *scanner) str() (start, end int, esc bool, err error) {
	b := s.b
	i := s.i + 1
	start = i
	for {
		for i+8 <= len(b) {
			if m := special(binary.LittleEndian.Uint64(b[i:])); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		if i >= len(b) {
			return 0, 0, false, s.syntaxAt(len(b))
		}
		switch c := b[i]; {
		case c == '"':
			s.i = i + 1
			return start, i, esc, nil
		case c == '\\':
			esc = true
			if i+1 >= len(b) {
				return 0, 0, false, s.syntaxAt(len(b))
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) || hex4(b[i+2:i+6]) < 0 {
					return 0, 0, false, s.syntaxAt(i)
				}
				i += 6
			default:
				return 0, 0, false, s.syntaxAt(i)
			}
		case c < 0x20:
			return 0, 0, false, s.syntaxAt(i)
		default:
			i++
		}
	}
}

// num reads a number at s.i and returns its bounds and whether it is an
// integer literal (no fraction, no exponent).
func (s *scanner) num() (start, end int, isInt bool, err error) {
	b := s.b
	i := s.i
	start = i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	default:
		return 0, 0, false, s.syntaxAt(i)
	}
	isInt = true
	if i < len(b) && b[i] == '.' {
		isInt = false
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return 0, 0, false, s.syntaxAt(i)
		}
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		isInt = false
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return 0, 0, false, s.syntaxAt(i)
		}
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	}
	s.i = i
	return start, i, isInt, nil
}

// lit consumes the literal word (true, false, null) at s.i.
func (s *scanner) lit(word string) error {
	if len(s.b)-s.i < len(word) || string(s.b[s.i:s.i+len(word)]) != word {
		return s.syntax()
	}
	s.i += len(word)
	return nil
}

// skip validates and steps over one value of any type.
func (s *scanner) skip() error {
	switch c := s.peek(); c {
	case '"':
		_, _, _, err := s.str()
		return err
	case '{':
		if err := s.open('{'); err != nil {
			return err
		}
		for first := true; ; first = false {
			ok, err := s.more(first, '}')
			if err != nil || !ok {
				return err
			}
			if _, _, _, err := s.key(); err != nil {
				return err
			}
			if err := s.skip(); err != nil {
				return err
			}
		}
	case '[':
		if err := s.open('['); err != nil {
			return err
		}
		for first := true; ; first = false {
			ok, err := s.more(first, ']')
			if err != nil || !ok {
				return err
			}
			if err := s.skip(); err != nil {
				return err
			}
		}
	case 't':
		return s.lit("true")
	case 'f':
		return s.lit("false")
	case 'n':
		return s.lit("null")
	default:
		if c == '-' || c >= '0' && c <= '9' {
			_, _, _, err := s.num()
			return err
		}
		return s.syntax()
	}
}

// end checks that only whitespace follows the top-level value.
func (s *scanner) end() error {
	if s.peek() != 0 || s.i != len(s.b) {
		return s.syntax()
	}
	return nil
}

func (s *scanner) syntax() error { return s.syntaxAt(s.i) }

func (s *scanner) syntaxAt(off int) error {
	if off >= len(s.b) {
		return &Error{Kind: InvalidRequest, Msg: "request body is not valid JSON (unexpected end)"}
	}
	return &Error{Kind: InvalidRequest, Msg: "request body is not valid JSON (at byte " + strconv.Itoa(off) + ")"}
}

// hex4 decodes four hex digits, or returns -1.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// backslash returns the index of the first backslash in b, or len(b): a
// word at a time (escapes come every few dozen bytes in code, too often
// for bytes.IndexByte's call to pay).
func backslash(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:]) ^ (lsb * '\\')
		if m := (x - lsb) &^ x & msb; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(b) && b[i] != '\\'; i++ {
	}
	return i
}

// unescape appends the decoded contents of a raw string already validated
// by str. It follows encoding/json: a \u escape of a lone surrogate becomes
// U+FFFD. Raw bytes, valid UTF-8 or not, are copied as they are. The
// result is never longer than raw.
//
// When dst has room for raw and 8 bytes more (the parser's scratch is
// sized so), it copies a word at a time into that room, up to the next
// backslash, and writes escapes in place: code in tool results has an
// escape every few dozen bytes, too often for append and memmove to pay.
// Bytes past the result in dst's spare capacity may be overwritten.
func unescape(dst, raw []byte) []byte {
	n := len(dst)
	if cap(dst)-n < len(raw)+8 {
		return unescapeAppend(dst, raw)
	}
	out := dst[n : n+len(raw)+8]
	i, j := 0, 0 // j <= i: the output is never longer than the input
	for {
		w := 0
		for ; w < 4 && i+8 <= len(raw); w++ {
			x := binary.LittleEndian.Uint64(raw[i:])
			binary.LittleEndian.PutUint64(out[j:], x)
			y := x ^ (lsb * '\\')
			if m := (y - lsb) &^ y & msb; m != 0 {
				k := bits.TrailingZeros64(m) >> 3
				i, j = i+k, j+k
				break
			}
			i, j = i+8, j+8
		}
		if i >= len(raw) || raw[i] != '\\' {
			// a long run (or the tail): find its end, then copy it
			k := backslash(raw[i:])
			copy(out[j:], raw[i:i+k])
			i, j = i+k, j+k
		}
		if i >= len(raw) {
			return dst[:n+j]
		}
		c := raw[i+1]
		i += 2
		switch c {
		case 'b':
			out[j] = '\b'
		case 'f':
			out[j] = '\f'
		case 'n':
			out[j] = '\n'
		case 'r':
			out[j] = '\r'
		case 't':
			out[j] = '\t'
		case 'u':
			r := hex4(raw[i:])
			i += 4
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if len(raw)-i >= 6 && raw[i] == '\\' && raw[i+1] == 'u' {
					r2 = hex4(raw[i+2 : i+6])
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					r = d
					i += 6
				} else {
					r = utf8.RuneError
				}
			}
			j += utf8.EncodeRune(out[j:], r)
			continue
		default: // '"', '\\', '/'
			out[j] = c
		}
		j++
	}
}

// unescapeAppend is unescape for a dst without room to spare.
func unescapeAppend(dst, raw []byte) []byte {
	for len(raw) > 0 {
		i := backslash(raw)
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		if len(raw) == 0 {
			break
		}
		c := raw[1]
		raw = raw[2:]
		switch c {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := hex4(raw)
			raw = raw[4:]
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if len(raw) >= 6 && raw[0] == '\\' && raw[1] == 'u' {
					r2 = hex4(raw[2:6])
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					r = d
					raw = raw[6:]
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
		default: // '"', '\\', '/'
			dst = append(dst, c)
		}
	}
	return dst
}
