package shape

import (
	"bytes"
	"io"

	"github.com/sluicehq/sluice/fingerprint"
)

// Meter is the allow-path body: it passes the upstream's bytes through in
// the caller's buffer (no copy of its own, no parse of ordinary events) and
// finds the usage by a byte search for `"usage":`, parsing only the few
// events or the tail that hold it. For a streamed response it hands out
// whole events only (a partial event at the end of a read waits, copied,
// for its rest), so that it can remove the OpenAI usage chunk the client
// did not ask for (StreamOptions.StripUsage). It counts the content deltas
// passed through, which is what a client that disconnects is charged for.
// Read and Close are called by one goroutine.
type Meter struct {
	src   io.ReadCloser
	o     StreamOptions
	sse   bool
	delta []byte // byte pattern counted as one content delta (patterns
	// start with a rarer byte than '"': bytes.Index skips ahead on it)
	half  bool   // the pattern occurs twice per delta
	odd   int64  // a half-counted delta
	carry []byte // a partial event held back (SSE)
	pend  []byte // scanned events not yet handed out (slow path)
	po    int
	tail  []byte // the last bytes of a JSON body (usage is near its end)
	err   error
	u     Usage
	its   []item
	itsA  [8]item // its' first backing: a usage object has a few members
	shut  bool
}

// Delta patterns per endpoint.
var (
	deltaMessages    = []byte(`_delta"`) // content_block_delta and its delta type: 2 per delta
	deltaResponses   = []byte(`.delta"`)
	deltaCompletions = []byte(`text":"`)
	deltaChat        = []byte(`delta":{"`)
)

// NewMeter returns a Meter reading src; sse says whether the body is an
// event stream.
func NewMeter(src io.ReadCloser, sse bool, o StreamOptions) *Meter {
	m := new(Meter)
	m.Reset(src, sse, o)
	return m
}

// Reset discards m's state and makes it meter src, as NewMeter does; it
// lets a caller hold a Meter inside a larger per-request allocation. A
// Meter must not be copied after Reset.
func (m *Meter) Reset(src io.ReadCloser, sse bool, o StreamOptions) {
	*m = Meter{src: src, o: o, sse: sse}
	m.its = m.itsA[:0]
	switch o.Endpoint {
	case fingerprint.EndpointMessages:
		m.delta, m.half = deltaMessages, true
	case fingerprint.EndpointResponses:
		m.delta = deltaResponses
	case fingerprint.EndpointCompletions:
		m.delta = deltaCompletions
	default:
		m.delta = deltaChat
	}
}

const jsonTail = 2 << 10

// usageTail is usageKey without its first quote: a rarer first byte.
var usageTail = usageKey[1:]

// Read implements io.Reader.
func (m *Meter) Read(p []byte) (int, error) {
	if m.shut {
		return 0, errClosed
	}
	if !m.sse {
		n, err := m.src.Read(p)
		m.scanJSON(p[:n])
		return n, err
	}
	return m.readSSE(p)
}

// readSSE hands out whole events. Fast path: the upstream reads straight
// into p (a partial event held back from the last read, if small, is
// copied in front first); the events are scanned in place. Slow path, when
// a held partial event does not fit p: the event is completed in carry and
// handed out from pend.
func (m *Meter) readSSE(p []byte) (int, error) {
	for {
		if m.po < len(m.pend) {
			n := copy(p, m.pend[m.po:])
			m.po += n
			return n, nil
		}
		m.pend, m.po = m.pend[:0], 0
		if m.err != nil {
			if len(m.carry) == 0 {
				return 0, m.err
			}
			k := m.scanEvents(m.carry)
			m.pend, m.carry = append(m.pend, m.carry[:k]...), m.carry[:0]
			continue
		}
		if len(m.carry) < len(p)/2 {
			n := copy(p, m.carry)
			m.carry = m.carry[:0]
			from := max(0, n-2) // the held bytes have no boundary
			k, err := m.src.Read(p[n:])
			n += k
			cut := lastBoundary(p[from:n])
			if cut >= 0 {
				cut += from
			}
			if err != nil {
				m.err, cut = err, n
			}
			if cut < 0 {
				m.carry = append(m.carry, p[:n]...)
				continue
			}
			m.carry = append(m.carry, p[cut:n]...)
			if k := m.scanEvents(p[:cut]); k > 0 {
				return k, nil
			}
			continue
		}
		if len(m.carry) >= MaxEvent { // an event too large to scan: pass it
			m.pend, m.carry = append(m.pend, m.carry...), m.carry[:0]
			continue
		}
		if len(m.carry) == cap(m.carry) {
			m.carry = append(m.carry, 0)[:len(m.carry)]
		}
		from := max(0, len(m.carry)-2) // the held bytes have no boundary
		k, err := m.src.Read(m.carry[len(m.carry):cap(m.carry)])
		m.carry = m.carry[:len(m.carry)+k]
		cut := lastBoundary(m.carry[from:])
		if cut >= 0 {
			cut += from
		}
		if err != nil {
			m.err, cut = err, len(m.carry)
		}
		if cut < 0 {
			continue
		}
		rest := len(m.carry) - cut
		k = m.scanEvents(m.carry[:cut])
		m.pend = append(m.pend, m.carry[:k]...)
		m.carry = m.carry[:copy(m.carry, m.carry[cut:cut+rest])]
	}
}

// lastBoundary returns the offset after the last blank line of b, or -1.
// It scans back from the end, so it costs little when an event ends there.
func lastBoundary(b []byte) int {
	for i := len(b) - 1; i > 0; i-- {
		if b[i] != '\n' {
			continue
		}
		if b[i-1] == '\n' || (b[i-1] == '\r' && i >= 2 && b[i-2] == '\n') {
			return i + 1
		}
	}
	return -1
}

// scanEvents meters the whole events in b and removes the usage chunk when
// asked to; it returns the new length of b.
func (m *Meter) scanEvents(b []byte) int {
	if n := int64(bytes.Count(b, m.delta)); m.half {
		m.odd += n
		m.u.Deltas += m.odd / 2
		m.odd %= 2
	} else {
		m.u.Deltas += n
	}
	for off := 0; off < len(b); {
		k := bytes.Index(b[off:], usageTail)
		if k < 0 {
			break
		}
		k += off
		if k == 0 || b[k-1] != '"' {
			off = k + len(usageTail)
			continue
		}
		k--
		j := ws(b, k+len(usageKey))
		if j >= len(b) || b[j] != '{' {
			off = k + len(usageKey)
			continue
		}
		// the event around the usage
		start := bytes.LastIndex(b[:k], []byte("\n\n"))
		if start < 0 {
			start = 0
		} else {
			start += 2
		}
		end := bytes.Index(b[k:], []byte("\n\n"))
		if end < 0 {
			end = len(b)
		} else {
			end += k + 2
		}
		ev := b[start:end]
		m.its = parseUsage(b, j, &m.u, m.its)
		switch m.o.Endpoint {
		case fingerprint.EndpointMessages:
			if bytes.Contains(ev, []byte(`"message_delta"`)) {
				m.u.Reported = true
			}
		default:
			m.u.Reported = true
		}
		if m.o.StripUsage && (m.o.Endpoint == fingerprint.EndpointChatCompletions || m.o.Endpoint == fingerprint.EndpointCompletions) &&
			bytes.Contains(ev, []byte(`"choices":[]`)) {
			b = b[:start+copy(b[start:], b[end:])]
			off = start
			continue
		}
		off = end
	}
	return len(b)
}

// scanJSON meters a non-streamed body: usage found whole within one read
// is parsed at once; otherwise the body's tail is kept and parsed at the
// end.
func (m *Meter) scanJSON(b []byte) {
	if m.u.Reported {
		return
	}
	if bytes.Contains(b, usageKey) {
		var u Usage
		m.its, u.Reported = findUsage(b, &u, m.its)
		if u.Reported && (u.Input > 0 || u.Output > 0) {
			m.u.Input, m.u.Output, m.u.Reported = u.Input, u.Output, true
			return
		}
	}
	if len(b) >= jsonTail {
		m.tail = append(m.tail[:0], b[len(b)-jsonTail:]...)
		return
	}
	m.tail = append(m.tail, b...)
	if len(m.tail) > jsonTail {
		m.tail = m.tail[:copy(m.tail, m.tail[len(m.tail)-jsonTail:])]
	}
}

// Usage returns the usage metered so far.
func (m *Meter) Usage() Usage { return m.u }

// Close closes the upstream body and reports the usage to the sink.
func (m *Meter) Close() error {
	if m.shut {
		return nil
	}
	m.shut = true
	err := m.src.Close()
	if !m.sse && !m.u.Reported && len(m.tail) > 0 {
		m.its, m.u.Reported = findUsage(m.tail, &m.u, m.its)
	}
	if m.o.Sink != nil {
		m.o.Sink.Done(finalUsage(m.u, m.o.Prompt))
	}
	return err
}
