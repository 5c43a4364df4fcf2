package proxy

import (
	"io"
	"sync"
	"sync/atomic"
)

// bodyBuf holds a request body read into memory. It has two owners: the
// guard, until its handler returns, and the outbound request body (reader),
// until it is closed. When the guard lets go it also closes the reader it
// handed out: a transport goroutine that outlives the handler (see
// http.RoundTripper; httputil.ReverseProxy never closes the body it was
// given) then reads an error instead of a buffer that went back to the
// pool. The buffer goes back to the pool when both let go.
type bodyBuf struct {
	buf  []byte
	refs atomic.Int32
	rd   *bodyReader
	// budget is charged with the buffer's capacity while a client's body
	// is held (readBody); charged is what it holds of it
	budget  *bodyBudget
	charged int64
}

// bodyBudget bounds the bytes of request bodies held at once, over every
// request (Config.MaxInflightBodyBytes): a crowd of clients sending large
// bodies slowly gets 503s instead of the process's memory.
type bodyBudget struct {
	max  int64
	used atomic.Int64
}

// newBodyBudget returns a budget of max bytes, or nil (no bound) for 0.
func newBodyBudget(n int64) *bodyBudget {
	if n <= 0 {
		return nil
	}
	return &bodyBudget{max: n}
}

// take charges n bytes, or reports that they do not fit.
func (bb *bodyBudget) take(n int64) bool {
	if bb == nil || n <= 0 {
		return true
	}
	if bb.used.Add(n) > bb.max {
		bb.used.Add(-n)
		return false
	}
	return true
}

// charge charges the budget with the growth of b's capacity to c.
func (b *bodyBuf) charge(c int64) bool {
	if b.budget == nil || c <= b.charged {
		return true
	}
	if !b.budget.take(c - b.charged) {
		return false
	}
	b.charged = c
	return true
}

// Buffers larger than this are left to the garbage collector instead of the
// pool, so that one huge body does not pin memory.
const maxPooledBody = 256 << 10

var bodyPool = sync.Pool{New: func() any { return &bodyBuf{buf: make([]byte, 0, 16<<10)} }}

// maxReserve bounds what a client's declared Content-Length reserves
// before the bytes arrive (readBody): a client that announces megabytes
// and sends nothing holds this much, not what it announced. Larger bodies
// grow as they come.
const maxReserve = 64 << 10

func getBody(contentLength, limit int64) *bodyBuf {
	b := bodyPool.Get().(*bodyBuf)
	b.buf = b.buf[:0]
	b.refs.Store(1)
	b.rd = nil
	b.budget, b.charged = nil, 0
	if contentLength > 0 && int64(cap(b.buf)) < contentLength+1 {
		b.buf = make([]byte, 0, min(contentLength+1, limit+1))
	}
	return b
}

// grow doubles the buffer, up to limit bytes.
func (b *bodyBuf) grow(limit int64) {
	n := min(int64(cap(b.buf))*2, limit)
	if n <= int64(cap(b.buf)) {
		n = int64(cap(b.buf)) + 1
	}
	nb := make([]byte, len(b.buf), n)
	copy(nb, b.buf)
	b.buf = nb
}

func (b *bodyBuf) bytes() []byte { return b.buf }

// release drops the guard's reference, closing the reader it handed out.
func (b *bodyBuf) release() {
	if rd := b.rd; rd != nil {
		b.rd = nil
		_ = rd.Close()
	}
	b.drop()
}

// drop drops one reference.
func (b *bodyBuf) drop() {
	if b.refs.Add(-1) != 0 {
		return
	}
	if b.budget != nil {
		b.budget.used.Add(-b.charged)
		b.budget, b.charged = nil, 0
	}
	if cap(b.buf) <= maxPooledBody {
		bodyPool.Put(b)
	}
}

// reader returns the outbound body; it holds its own reference until it is
// closed, by the transport or by release.
func (b *bodyBuf) reader() *bodyReader {
	b.refs.Add(1)
	rd := &bodyReader{b: b}
	if b.rd != nil {
		_ = b.rd.Close()
	}
	b.rd = rd
	return rd
}

// bodyReader's mutex orders Read against Close: a transport may close the
// body from one goroutine while another still reads it.
type bodyReader struct {
	mu     sync.Mutex
	b      *bodyBuf
	off    int
	closed bool
	// x is the response side of a guarded request (see exchangeOf), kept
	// here to share this allocation.
	x exchange
}

func (r *bodyReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return 0, io.ErrClosedPipe
	}
	if r.off >= len(r.b.buf) {
		return 0, io.EOF
	}
	n := copy(p, r.b.buf[r.off:])
	r.off += n
	return n, nil
}

func (r *bodyReader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.closed {
		r.closed = true
		r.b.drop()
	}
	return nil
}
