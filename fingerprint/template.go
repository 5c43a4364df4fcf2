package fingerprint

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Skeleton tokens that stand for a class rather than a word.
const (
	tokSlot  uint64 = 0x5a1f5a1f5a1f5a1f
	tokNL    uint64 = 0x0a0a0a0a0a0a0a0a
	tokPunct uint64 = 0x7075_6e63_0000_0000 // | the punctuation byte or rune
	tokNum   uint64 = 0x6e75_6d62_6572_0000 // sketch token for a number
	tokQuote uint64 = 0x7175_6f74_6500_0000 // sketch token for a quoted span, code or URL
)

// Bounds on masked spans, so that an unclosed quote cannot swallow a whole
// prompt and the search for its end stays linear.
const (
	maxQuote      = 1024 // a quoted span longer than this is not a slot
	maxSingleQuot = 256
)

// skeleton folds the token stream of one text into a hash of its template:
// template (strong) words and punctuation as themselves, every maximal run of
// slots and weak words that contains a slot as one slot token, and weak words
// between template words as themselves.
type skeleton struct {
	acc     uint64
	pending uint64 // weak tokens since the last strong token or slot
	npend   int
	inRun   bool // the last emitted token was a slot
	lastNL  bool
}

func (k *skeleton) reset(seed uint64) { *k = skeleton{acc: seed} }

func (k *skeleton) emit(t uint64) { k.acc = mix64(k.acc^t) * 0x9e3779b97f4a7c15 }

func (k *skeleton) slot() {
	k.pending, k.npend = 0, 0
	if !k.inRun {
		k.emit(tokSlot)
		k.inRun = true
	}
	k.lastNL = false
}

func (k *skeleton) weak(t uint64) {
	k.pending = mix64(k.pending ^ t)
	k.npend++
	k.lastNL = false
}

func (k *skeleton) strong(t uint64) {
	if k.npend > 0 && !k.inRun {
		k.emit(k.pending)
	}
	k.pending, k.npend = 0, 0
	k.emit(t)
	k.inRun = false
	k.lastNL = false
}

func (k *skeleton) newline() {
	if !k.lastNL {
		k.weak(tokNL)
		k.lastNL = true
	}
}

func (k *skeleton) sum() uint64 {
	if k.npend > 0 && !k.inRun {
		k.emit(k.pending)
	}
	return mix64(k.acc)
}

// ASCII byte classes of the tokenizer.
const (
	cOther uint8 = iota
	cSpace
	cLower
	cUpper
	cDigit
)

var asciiClass = func() (t [256]uint8) {
	for b := 0; b < 128; b++ {
		switch {
		case 'a' <= b && b <= 'z':
			t[b] = cLower
		case 'A' <= b && b <= 'Z':
			t[b] = cUpper
		case '0' <= b && b <= '9':
			t[b] = cDigit
		case b == ' ', b == '\t', b == '\r', b == '\v', b == '\f':
			t[b] = cSpace
		}
	}
	return t
}()

func isAlnum(b byte) bool { return asciiClass[b] >= cLower }

// walk tokenizes one text, feeding the skeleton k and, when sk is not nil,
// the SimHash sk. It returns nothing; the callers read k and sk. It reads
// text only, in one forward pass plus bounded look-ahead for the ends of
// quoted spans and code fences.
func (h *Hasher) walk(text []byte, k *skeleton, sk *simhash) {
	sent := true // at a sentence start
	n := len(text)
	for i := 0; i < n; {
		b := text[i]
		switch asciiClass[b] {
		case cSpace:
			i++
			continue
		case cLower, cUpper, cDigit:
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
			if e := bytes.IndexByte(text[i+1:min(n, i+1+maxQuote)], '"'); e >= 0 {
				i += e + 2
				quoted(k, sk)
				sent = false
				continue
			}
			k.weak(tokPunct | uint64(b))
			i++
		case '\'':
			if e := closingSingle(text, i); e > 0 {
				i = e
				quoted(k, sk)
				sent = false
				continue
			}
			k.weak(tokPunct | uint64(b))
			i++
		case '`':
			if bytes.HasPrefix(text[i:], []byte("```")) {
				e := bytes.Index(text[i+3:], []byte("```"))
				if e < 0 {
					i = n
				} else {
					i += e + 6
				}
			} else if e := bytes.IndexByte(text[i+1:min(n, i+1+maxSingleQuot)], '`'); e >= 0 {
				i += e + 2
			} else {
				k.weak(tokPunct | uint64(b))
				i++
				continue
			}
			quoted(k, sk)
			sent = false
		case '.', '?', '!':
			k.weak(tokPunct | uint64(b))
			sent = true
			i++
		case ':':
			k.strong(tokPunct | uint64(b))
			sent = true
			i++
		case '-', '_', '*', '#', '>', '|', '=', '~':
			// Markdown decoration and hyphens: ignored, so "step-by-step"
			// and "step by step" tokenize alike.
			i++
		default:
			k.weak(tokPunct | uint64(b))
			i++
		}
	}
}

// quoted records a quoted span, inline code, code block or URL: a slot in
// the skeleton, one class token in the sketch.
func quoted(k *skeleton, sk *simhash) {
	k.slot()
	if sk != nil {
		sk.word(tokQuote)
	}
}

// closingSingle returns the index just past the closing quote of a
// single-quoted span that starts at i, or 0. The span must close on the same
// line within maxSingleQuot bytes with a quote not followed by a letter, so
// that apostrophes ("it's") do not open spans.
func closingSingle(text []byte, i int) int {
	if i > 0 && isAlnum(text[i-1]) {
		return 0
	}
	end := min(len(text), i+1+maxSingleQuot)
	for j := i + 1; j < end; j++ {
		switch text[j] {
		case '\n':
			return 0
		case '\'':
			if j+1 == len(text) || !isAlnum(text[j+1]) {
				if j == i+1 {
					return 0
				}
				return j + 1
			}
		}
	}
	return 0
}

// word reads an ASCII word (letters, digits and inner connectors) at i and
// returns the index after it.
func (h *Hasher) word(text []byte, i int, sent bool, k *skeleton, sk *simhash) int {
	n := len(text)
	start := i
	wh := h.basis
	var digits, uppers, letters int
	innerUpper, connector := false, false
	for i < n {
		c := text[i]
		switch asciiClass[c] {
		case cLower:
			letters++
		case cUpper:
			letters++
			uppers++
			if i > start && asciiClass[text[i-1]] == cLower {
				innerUpper = true
			}
		case cDigit:
			digits++
		default:
			if i+1 < n && isAlnum(text[i+1]) {
				switch c {
				case '\'':
					wh = (wh ^ uint64(c)) * fnvPrime
					i++
					continue
				case '_', '.', '@', '/', '\\':
					connector = true
					wh = (wh ^ uint64(c)) * fnvPrime
					i++
					continue
				}
			}
			if c == ':' && i+2 < n && text[i+1] == '/' && text[i+2] == '/' {
				// URL: the scheme so far, then everything up to white space.
				for i < n && text[i] > ' ' {
					i++
				}
				quoted(k, sk)
				return i
			}
			goto done
		}
		wh = (wh ^ uint64(lower[c])) * fnvPrime
		i++
	}
done:
	wh |= 1
	switch {
	case digits > 0:
		k.slot()
		if sk != nil {
			sk.word(tokNum)
		}
		return i
	case connector, innerUpper, uppers >= 2 && uppers == letters, uppers > 0 && !sent:
		k.slot()
	default:
		switch h.words.get(wh) {
		case wordStrong:
			k.strong(wh)
		case wordWeak:
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

// rune handles a non-ASCII rune at i: CJK characters are words of their own,
// other letters run into a word, quotation marks open spans, the rest is
// punctuation. It returns the index after what it consumed.
func (h *Hasher) rune(text []byte, i int, sent *bool, k *skeleton, sk *simhash) int {
	r, size := utf8.DecodeRune(text[i:])
	switch {
	case r == utf8.RuneError:
		k.weak(tokPunct | 0xfffd)
		return i + size
	case isCJK(r):
		wh := h.basis
		for _, c := range text[i : i+size] {
			wh = (wh ^ uint64(c)) * fnvPrime
		}
		wh |= 1
		*sent = false
		switch h.words.get(wh) {
		case wordStrong:
			k.strong(wh)
		case wordWeak:
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
				if !isAlnum(c) {
					break
				}
				wh = (wh ^ uint64(lower[c])) * fnvPrime
				j++
				continue
			}
			r, size := utf8.DecodeRune(text[j:])
			if isCJK(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
				break
			}
			for _, c := range text[j : j+size] {
				wh = (wh ^ uint64(c)) * fnvPrime
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
	if cl := closerOf(r); cl != 0 {
		end := min(len(text), i+size+maxQuote)
		var cb [4]byte
		cn := utf8.EncodeRune(cb[:], cl)
		if e := bytes.Index(text[i+size:end], cb[:cn]); e >= 0 {
			quoted(k, sk)
			*sent = false
			return i + size + e + cn
		}
	}
	switch r {
	case '。', '？', '！', '…':
		k.weak(tokPunct | uint64(r))
		*sent = true
	case '：':
		k.strong(tokPunct | ':')
		*sent = true
	case '，', '、', '；':
		k.weak(tokPunct | uint64(r))
	case '\u00a0', '\u2002', '\u2003', '\u2009', '\u200b', '\u3000', '\u2013', '\u2014':
		// spaces and dashes
	default:
		k.weak(tokPunct | uint64(r))
	}
	return i + size
}

// closerOf returns the closing mark of an opening quotation mark, or 0.
func closerOf(r rune) rune {
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

func isCJK(r rune) bool {
	switch {
	case r < 0x2e80:
		return false
	case r >= 0x4e00 && r <= 0x9fff, // CJK unified ideographs
		r >= 0x3400 && r <= 0x4dbf,   // extension A
		r >= 0x3040 && r <= 0x30ff,   // hiragana, katakana
		r >= 0xac00 && r <= 0xd7af,   // hangul syllables
		r >= 0xf900 && r <= 0xfaff,   // compatibility ideographs
		r >= 0x20000 && r <= 0x2fa1f: // extensions B..
		return true
	}
	return false
}
