package proxy

import (
	"errors"
	"unsafe"

	"github.com/sluicehq/sluice/proxy/dialect"
)

// traceLine holds the fields of one trace record as decoded by
// traceScanner.parse. Strings alias the line (or the scratch buffer): they
// are valid until the next call and must not be retained.
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

// traceScanner decodes trace records without encoding/json (replay reads
// millions of them and the generic decoder dominated its profile), on the
// dialect package's validating JSON scanner. The body is validated by the
// dialect parser, the other fields by their own parsers (time, address).
type traceScanner struct {
	s       dialect.Scanner
	b       []byte
	scratch []byte
	// fast takes an object body that is the record's last field as is,
	// without scanning it twice (here and in the dialect parser).
	fast bool
}

// parse decodes line into out, reusing out's header slice. Any error is
// errTrace, or errTraceHeader for a bad headers field.
func (t *traceScanner) parse(line []byte, out *traceLine) error {
	*out = traceLine{headers: out.headers[:0]}
	t.b = line
	t.s.Reset(line)
	// unescaped strings go to scratch, which never grows while a line is
	// parsed (unescaped text is never longer than its source)
	if cap(t.scratch) < len(line) {
		t.scratch = make([]byte, 0, len(line))
	}
	t.scratch = t.scratch[:0]
	if err := t.s.Open('{'); err != nil {
		return errTrace
	}
	for first := true; ; first = false {
		more, err := t.s.More(first, '}')
		if err != nil {
			return errTrace
		}
		if !more {
			break
		}
		ks, ke, esc, err := t.s.Key()
		if err != nil {
			return errTrace
		}
		switch t.text(ks, ke, esc) {
		case "ts":
			out.ts, err = t.strOrNull()
		case "request_id":
			out.requestID, err = t.strOrNull()
		case "ip":
			out.ip, err = t.strOrNull()
		case "method":
			out.method, err = t.strOrNull()
		case "path":
			out.path, err = t.strOrNull()
		case "ja4":
			out.ja4, err = t.strOrNull()
		case "headers":
			if t.headers(out) != nil {
				return errTraceHeader
			}
		case "body":
			t.s.Peek()
			start := t.s.Pos()
			if end, ok := t.lastObject(start); t.fast && ok {
				out.body, out.hasBody, out.bodyUnchecked = t.b[start:end], true, true
				t.s.Seek(end)
			} else if err = t.s.Skip(); err == nil {
				out.body, out.hasBody = t.b[start:t.s.Pos()], true
			}
		default:
			err = t.s.Skip()
		}
		if err != nil {
			return errTrace
		}
	}
	if t.s.End() != nil {
		return errTrace
	}
	return nil
}

// lastObject reports whether the value at i may be an object that runs to
// the record's closing brace, and where it would end.
func (t *traceScanner) lastObject(i int) (int, bool) {
	b := t.b
	if i >= len(b) || b[i] != '{' {
		return 0, false
	}
	e := len(b) - 1
	for e > i && isSpace(b[e]) {
		e--
	}
	if b[e] != '}' { // the record's closing brace
		return 0, false
	}
	e--
	for e > i && isSpace(b[e]) {
		e--
	}
	if e <= i || b[e] != '}' {
		return 0, false
	}
	return e + 1, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// headers reads the [[name, value], ...] list (or null).
func (t *traceScanner) headers(out *traceLine) error {
	if null, err := t.s.Null(); null || err != nil {
		return err
	}
	if err := t.s.Open('['); err != nil {
		return err
	}
	for first := true; ; first = false {
		more, err := t.s.More(first, ']')
		if err != nil || !more {
			return err
		}
		if err := t.s.Open('['); err != nil {
			return err
		}
		var kv [2]string
		for j := range 2 {
			if more, err := t.s.More(j == 0, ']'); err != nil || !more {
				return errTraceHeader
			}
			if kv[j], err = t.str(); err != nil {
				return err
			}
		}
		if more, err := t.s.More(false, ']'); err != nil || more {
			return errTraceHeader
		}
		out.headers = append(out.headers, kv)
	}
}

func (t *traceScanner) strOrNull() (string, error) {
	if null, err := t.s.Null(); null || err != nil {
		return "", err
	}
	return t.str()
}

// str reads a string value; the result aliases the line or scratch.
func (t *traceScanner) str() (string, error) {
	start, end, esc, err := t.s.Str()
	if err != nil {
		return "", err
	}
	return t.text(start, end, esc), nil
}

// text returns the decoded text of raw string bytes [start, end) of the
// line, aliasing the line or, for escaped text, the scratch buffer.
func (t *traceScanner) text(start, end int, esc bool) string {
	v := t.b[start:end]
	if esc {
		from := len(t.scratch)
		t.scratch = dialect.Unescape(t.scratch, v)
		v = t.scratch[from:]
	}
	return unsafe.String(unsafe.SliceData(v), len(v))
}
