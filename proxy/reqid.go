package proxy

import (
	"crypto/rand"
	"encoding/binary"
	"net/http"
	"sync/atomic"
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

// requestID returns the request's X-Request-Id when it is sane, else a new one.
func requestID(r *http.Request) string {
	if v := r.Header["X-Request-Id"]; len(v) > 0 && validRequestID(v[0]) {
		return v[0]
	}
	return newRequestID()
}

func newRequestID() string {
	var b [8 + 1 + 16]byte
	copy(b[:], ridPrefix[:])
	b[8] = '-'
	n := ridCounter.Add(1)
	const digits = "0123456789abcdef"
	for i := 24; i > 8; i-- {
		b[i] = digits[n&15]
		n >>= 4
	}
	return string(b[:])
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
