package proxy

import (
	"crypto/rand"
	"encoding/binary"
	"net/http"
	"sync/atomic"
	"unsafe"
)

// Request ids are a random per-process prefix and a counter: unique, cheap,
// and no allocation beyond the string itself.
var (
	ridPrefix  [8]byte
	ridCounter atomic.Uint64
)

func init() {
	var b [8]byte
	_, _ = rand.Read(b[:])
	const digits = "0123456789abcdefghijklmnopqrstuv"
	v := binary.LittleEndian.Uint64(b[:])
	for i := range ridPrefix {
		ridPrefix[i] = digits[v&31]
		v >>= 5
	}
}

// maxRequestID bounds a client-supplied X-Request-Id; longer or unprintable
// ones are replaced.
const maxRequestID = 128

// requestIDValue returns the X-Request-Id header value to send upstream:
// the client's own when it is sane (its slice, shared, when it holds just that id) or a
// new one. The slice may be shared with other headers (the response's
// X-Request-Id): it is never written to.
func requestIDValue(r *http.Request) []string {
	if v := r.Header["X-Request-Id"]; len(v) > 0 && validRequestID(v[0]) {
		return v[:1:1]
	}
	return newRequestIDValue()
}

// ridBox holds a new request id and the header value that names it, so
// that both take one allocation.
type ridBox struct {
	v [1]string
	b [8 + 1 + 16]byte
}

func newRequestIDValue() []string {
	box := new(ridBox)
	b := &box.b
	copy(b[:], ridPrefix[:])
	b[8] = '-'
	n := ridCounter.Add(1)
	const digits = "0123456789abcdef"
	for i := 24; i > 8; i-- {
		b[i] = digits[n&15]
		n >>= 4
	}
	// b is never written again: the string may share its bytes
	box.v[0] = unsafe.String(&b[0], len(b))
	return box.v[:]
}

func validRequestID(s string) bool {
	if s == "" || len(s) > maxRequestID {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x21 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
