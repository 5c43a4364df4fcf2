package proxy

import (
	"errors"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// traceLine holds the fields of one trace record as decoded by
// parseTraceLine. Strings alias the line (or the scratch buffer): they are
// valid until the next call and must not be retained.
type traceLine struct {
	ts, requestID, ip, method, path, ja4 string
	headers                              [][2]string
	body                                 []byte
	hasBody                              bool
	// bodyUnchecked: the body was taken as everything up to the record's
	// closing brace without a structural scan (see traceScanner.fast); the
	// dialect parser validates it, and a failure means a re-scan.
	bodyUnchecked bool
}

var (
	errTrace       = errors.New("proxy: malformed trace record")
	errTraceHeader = errors.New("proxy: trace record header is not a [name, value] pair")
)

// traceScanner decodes trace records without encoding/json: replay reads
// millions of them and the generic decoder dominated its profile. It checks
// structure only; the body is validated by the dialect parser, the other
// fields by their own parsers (time, address).
type traceScanner struct {
	b       []byte
	i       int
	scratch []byte
	depth   int
	// fast takes an object body that is the record's last field as is,
	// without scanning it twice (here and in the dialect parser).
	fast bool
}

// parseTraceLine decodes line into out, reusing out's header slice.
func (s *traceScanner) parse(line []byte, out *traceLine) error {
	*out = traceLine{headers: out.headers[:0]}
	s.b, s.i = line, 0
	// unescaped strings go to scratch, which never grows while a line is
	// parsed (unescaped text is never longer than its source)
	if cap(s.scratch) < len(line) {
		s.scratch = make([]byte, 0, len(line))
	}
	s.scratch = s.scratch[:0]
	s.ws()
	if !s.eat('{') {
		return errTrace
	}
	s.ws()
	if s.eat('}') {
		return nil
	}
	for {
		s.ws()
		key, err := s.str()
		if err != nil {
			return err
		}
		s.ws()
		if !s.eat(':') {
			return errTrace
		}
		s.ws()
		switch key {
		case "ts":
			out.ts, err = s.strOrNull()
		case "request_id":
			out.requestID, err = s.strOrNull()
		case "ip":
			out.ip, err = s.strOrNull()
		case "method":
			out.method, err = s.strOrNull()
		case "path":
			out.path, err = s.strOrNull()
		case "ja4":
			out.ja4, err = s.strOrNull()
		case "headers":
			if err = s.headers(out); err != nil {
				return errTraceHeader
			}
		case "body":
			start := s.i
			if end, ok := s.lastObject(); s.fast && ok {
				out.body, out.hasBody, out.bodyUnchecked = s.b[start:end], true, true
				s.i = end
			} else if err = s.skip(); err == nil {
				out.body, out.hasBody = s.b[start:s.i], true
			}
		default:
			err = s.skip()
		}
		if err != nil {
			return err
		}
		s.ws()
		if s.eat(',') {
			continue
		}
		if s.eat('}') {
			break
		}
		return errTrace
	}
	s.ws()
	if s.i != len(s.b) {
		return errTrace
	}
	return nil
}

// lastObject reports whether the value at s.i may be an object that runs to
// the record's closing brace, and where it would end.
func (s *traceScanner) lastObject() (int, bool) {
	if s.i >= len(s.b) || s.b[s.i] != '{' {
		return 0, false
	}
	e := len(s.b) - 1
	for e > s.i && isSpace(s.b[e]) {
		e--
	}
	if s.b[e] != '}' { // the record's closing brace
		return 0, false
	}
	e--
	for e > s.i && isSpace(s.b[e]) {
		e--
	}
	if e <= s.i || s.b[e] != '}' {
		return 0, false
	}
	return e + 1, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (s *traceScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *traceScanner) eat(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *traceScanner) headers(out *traceLine) error {
	if s.lit("null") {
		return nil
	}
	if !s.eat('[') {
		return errTrace
	}
	s.ws()
	if s.eat(']') {
		return nil
	}
	for {
		s.ws()
		if !s.eat('[') {
			return errTrace
		}
		s.ws()
		k, err := s.str()
		if err != nil {
			return err
		}
		s.ws()
		if !s.eat(',') {
			return errTrace
		}
		s.ws()
		v, err := s.str()
		if err != nil {
			return err
		}
		s.ws()
		if !s.eat(']') {
			return errTrace
		}
		out.headers = append(out.headers, [2]string{k, v})
		s.ws()
		if s.eat(',') {
			continue
		}
		if s.eat(']') {
			return nil
		}
		return errTrace
	}
}

func (s *traceScanner) lit(w string) bool {
	if len(s.b)-s.i >= len(w) && string(s.b[s.i:s.i+len(w)]) == w {
		s.i += len(w)
		return true
	}
	return false
}

func (s *traceScanner) strOrNull() (string, error) {
	if s.lit("null") {
		return "", nil
	}
	return s.str()
}

// str decodes a JSON string; the result aliases the line or scratch.
func (s *traceScanner) str() (string, error) {
	if !s.eat('"') {
		return "", errTrace
	}
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if c == '"' {
			v := s.b[start:s.i]
			s.i++
			return unsafe.String(unsafe.SliceData(v), len(v)), nil
		}
		if c == '\\' {
			return s.strSlow(start)
		}
		if c < 0x20 {
			return "", errTrace
		}
		s.i++
	}
	return "", errTrace
}

func (s *traceScanner) strSlow(start int) (string, error) {
	from := len(s.scratch)
	s.scratch = append(s.scratch, s.b[start:s.i]...)
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			v := s.scratch[from:]
			return unsafe.String(unsafe.SliceData(v), len(v)), nil
		case c < 0x20:
			return "", errTrace
		case c != '\\':
			s.scratch = append(s.scratch, c)
			s.i++
			continue
		}
		if s.i+1 >= len(s.b) {
			return "", errTrace
		}
		e := s.b[s.i+1]
		s.i += 2
		switch e {
		case '"', '\\', '/':
			s.scratch = append(s.scratch, e)
		case 'b':
			s.scratch = append(s.scratch, '\b')
		case 'f':
			s.scratch = append(s.scratch, '\f')
		case 'n':
			s.scratch = append(s.scratch, '\n')
		case 'r':
			s.scratch = append(s.scratch, '\r')
		case 't':
			s.scratch = append(s.scratch, '\t')
		case 'u':
			r, ok := s.hex4()
			if !ok {
				return "", errTrace
			}
			if utf16.IsSurrogate(r) {
				r2 := utf8.RuneError
				if s.i+1 < len(s.b) && s.b[s.i] == '\\' && s.b[s.i+1] == 'u' {
					save := s.i
					s.i += 2
					if lo, ok := s.hex4(); ok {
						if d := utf16.DecodeRune(r, lo); d != utf8.RuneError {
							r2 = d
						} else {
							s.i = save
						}
					} else {
						return "", errTrace
					}
				}
				r = r2
			}
			s.scratch = utf8.AppendRune(s.scratch, r)
		default:
			return "", errTrace
		}
	}
	return "", errTrace
}

func (s *traceScanner) hex4() (rune, bool) {
	if s.i+4 > len(s.b) {
		return 0, false
	}
	var r rune
	for _, c := range s.b[s.i : s.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	s.i += 4
	return r, true
}

// skip passes over one JSON value, checking its structure (brackets,
// strings, literals); numbers are taken as any run of number characters.
func (s *traceScanner) skip() error {
	if s.i >= len(s.b) {
		return errTrace
	}
	switch c := s.b[s.i]; {
	case c == '"':
		s.i++
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case '"':
				s.i++
				return nil
			case '\\':
				if s.i+1 >= len(s.b) {
					return errTrace
				}
				s.i += 2
			default:
				s.i++
			}
		}
		return errTrace
	case c == '{' || c == '[':
		s.depth++
		defer func() { s.depth-- }()
		if s.depth > 128 {
			return errTrace
		}
		close := byte('}')
		if c == '[' {
			close = ']'
		}
		s.i++
		s.ws()
		if s.eat(close) {
			return nil
		}
		for {
			s.ws()
			if c == '{' {
				if _, err := s.str(); err != nil {
					return err
				}
				s.ws()
				if !s.eat(':') {
					return errTrace
				}
				s.ws()
			}
			if err := s.skip(); err != nil {
				return err
			}
			s.ws()
			if s.eat(',') {
				continue
			}
			if s.eat(close) {
				return nil
			}
			return errTrace
		}
	case c == 't':
		if s.lit("true") {
			return nil
		}
	case c == 'f':
		if s.lit("false") {
			return nil
		}
	case c == 'n':
		if s.lit("null") {
			return nil
		}
	case c == '-' || (c >= '0' && c <= '9'):
		for s.i < len(s.b) {
			switch d := s.b[s.i]; {
			case d >= '0' && d <= '9', d == '-', d == '+', d == '.', d == 'e', d == 'E':
				s.i++
				continue
			}
			break
		}
		return nil
	}
	return errTrace
}
