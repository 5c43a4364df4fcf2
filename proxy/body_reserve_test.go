package proxy

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestDeclaredLengthReservesLittle: a body that announces 4 MiB and sends
// a few bytes reserves at most maxReserve, not what it announced; a body
// that does send 4 MiB is read whole.
func TestDeclaredLengthReservesLittle(t *testing.T) {
	r, _ := http.NewRequest(http.MethodPost, "/v1/messages", io.NopCloser(strings.NewReader(`{"a":1}`)))
	r.ContentLength = 4 << 20
	b, st := readBody(r, 8<<20)
	if st != 0 {
		t.Fatalf("status %d", st)
	}
	if cap(b.buf) > maxReserve+1 || string(b.bytes()) != `{"a":1}` {
		t.Errorf("announced 4 MiB, sent 7 bytes: reserved %d bytes, body %q", cap(b.buf), b.bytes())
	}
	b.release()
	big := strings.Repeat("x", 4<<20)
	r, _ = http.NewRequest(http.MethodPost, "/v1/messages", io.NopCloser(strings.NewReader(big)))
	r.ContentLength = int64(len(big))
	b, st = readBody(r, 8<<20)
	if st != 0 || len(b.bytes()) != len(big) {
		t.Fatalf("4 MiB body: status %d, %d bytes read", st, len(b.bytes()))
	}
	b.release()
}
