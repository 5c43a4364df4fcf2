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
	b, st := readBody(r, 8<<20, nil)
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
	b, st = readBody(r, 8<<20, nil)
	if st != 0 || len(b.bytes()) != len(big) {
		t.Fatalf("4 MiB body: status %d, %d bytes read", st, len(b.bytes()))
	}
	b.release()
}

// TestBodyBudget: bodies held at once are bounded by the budget: a body
// that does not fit gets 503, and the bytes come back when a body is
// released, so the next one fits.
func TestBodyBudget(t *testing.T) {
	bb := newBodyBudget(200 << 10)
	read := func(n int) (*bodyBuf, int) {
		r, _ := http.NewRequest(http.MethodPost, "/v1/messages", io.NopCloser(strings.NewReader(strings.Repeat("x", n))))
		r.ContentLength = int64(n)
		return readBody(r, 8<<20, bb)
	}
	a, st := read(120 << 10)
	if st != 0 {
		t.Fatalf("first body: %d", st)
	}
	if _, st := read(120 << 10); st != http.StatusServiceUnavailable {
		t.Errorf("second body with the first held: %d, want 503", st)
	}
	if used := bb.used.Load(); used != int64(cap(a.buf)) {
		t.Errorf("budget used %d with one body of capacity %d held", used, cap(a.buf))
	}
	a.release()
	if used := bb.used.Load(); used != 0 {
		t.Errorf("budget used %d after the release", used)
	}
	b, st := read(120 << 10)
	if st != 0 {
		t.Fatalf("after the release: %d", st)
	}
	b.release()
}
