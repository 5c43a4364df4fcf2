package dialect

// Scanner exposes the package's validating JSON tokenizer to the proxy's
// other JSON input (trace records), so that one scanner reads everything
// the proxy takes in. Positions are byte offsets into the buffer given to
// Reset; errors are *Error values. Call Reset before use; not safe for
// concurrent use.
type Scanner struct{ s scanner }

// Reset starts scanning b.
func (x *Scanner) Reset(b []byte) { x.s.reset(b) }

// Pos returns the offset of the next byte to read.
func (x *Scanner) Pos() int { return x.s.i }

// Seek moves to offset i, which must be a value boundary the caller has
// established itself (the nesting level is not changed).
func (x *Scanner) Seek(i int) { x.s.i = i }

// Peek skips white space and returns the next byte, or 0 at the end.
func (x *Scanner) Peek() byte { return x.s.peek() }

// Open consumes c ('{' or '[') and enters one nesting level.
func (x *Scanner) Open(c byte) error { return x.s.open(c) }

// More reports whether the object or array closed by end has another
// member, consuming the separating comma, or the closing byte when it has
// not; first is true for the first call after Open.
func (x *Scanner) More(first bool, end byte) (bool, error) { return x.s.more(first, end) }

// Key reads an object key and the colon after it: the bounds of its raw
// bytes and whether they hold escapes (see Unescape).
func (x *Scanner) Key() (start, end int, esc bool, err error) { return x.s.key() }

// Str reads a string value: the bounds of its raw bytes and whether they
// hold escapes (see Unescape).
func (x *Scanner) Str() (start, end int, esc bool, err error) {
	if x.s.peek() != '"' {
		return 0, 0, false, x.s.syntax()
	}
	return x.s.str()
}

// Null consumes a null literal if one is next and reports whether it did.
func (x *Scanner) Null() (bool, error) {
	if x.s.peek() != 'n' {
		return false, nil
	}
	return true, x.s.lit("null")
}

// Skip validates and steps over one value of any type.
func (x *Scanner) Skip() error { return x.s.skip() }

// End checks that only white space follows the top-level value.
func (x *Scanner) End() error { return x.s.end() }

// Unescape appends the decoded contents of raw string bytes read by Key or
// Str to dst; the result is never longer than raw. dst's spare capacity
// past the result is not written.
func Unescape(dst, raw []byte) []byte { return unescapeAppend(dst, raw) }
