package main

import (
	"bufio"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// accessLog writes one JSON line per proxied request once its response
// has ended: time, request id, method, path, status, response bytes and
// duration (access_log.path). Lines go through a buffered channel to one
// writer goroutine, as the decision log's do; it never holds a key or a
// prompt (the path is the normalised one; query strings are dropped).
type accessLog struct {
	mu     sync.RWMutex
	closed bool
	ch     chan accessLine
	done   chan struct{}
	w      *bufio.Writer
	err    error
}

type accessLine struct {
	ts            time.Time
	id            string
	method, path  string
	status, bytes int64
	took          time.Duration
}

func newAccessLog(w io.Writer, buffer int) *accessLog {
	if buffer <= 0 {
		buffer = 8192
	}
	l := &accessLog{ch: make(chan accessLine, buffer), done: make(chan struct{}), w: bufio.NewWriterSize(w, 64<<10)}
	go l.run()
	return l
}

func (l *accessLog) run() {
	defer close(l.done)
	buf := make([]byte, 0, 256)
	for a := range l.ch {
		buf = append(buf[:0], `{"ts":"`...)
		buf = a.ts.UTC().AppendFormat(buf, "2006-01-02T15:04:05.000Z07:00")
		buf = append(buf, `","request_id":`...)
		buf = strconv.AppendQuote(buf, a.id)
		buf = append(buf, `,"method":`...)
		buf = strconv.AppendQuote(buf, a.method)
		buf = append(buf, `,"path":`...)
		buf = strconv.AppendQuote(buf, a.path)
		buf = append(buf, `,"status":`...)
		buf = strconv.AppendInt(buf, a.status, 10)
		buf = append(buf, `,"bytes":`...)
		buf = strconv.AppendInt(buf, a.bytes, 10)
		buf = append(buf, `,"duration_ms":`...)
		buf = strconv.AppendFloat(buf, float64(a.took.Microseconds())/1000, 'f', 3, 64)
		buf = append(buf, "}\n"...)
		if _, err := l.w.Write(buf); err != nil && l.err == nil {
			l.err = err
		}
		if len(l.ch) == 0 {
			if err := l.w.Flush(); err != nil && l.err == nil {
				l.err = err
			}
		}
	}
	if err := l.w.Flush(); err != nil && l.err == nil {
		l.err = err
	}
}

func (l *accessLog) write(a accessLine) {
	l.mu.RLock()
	if !l.closed {
		l.ch <- a
	}
	l.mu.RUnlock()
}

// close writes what is queued and returns the first write error.
func (l *accessLog) close() error {
	l.mu.Lock()
	if !l.closed {
		l.closed = true
		close(l.ch)
	}
	l.mu.Unlock()
	<-l.done
	return l.err
}

// handler wraps h so that every request is logged when h returns.
func (l *accessLog) handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		id := w.Header().Get("X-Request-Id")
		l.write(accessLine{ts: start, id: id, method: r.Method, path: r.URL.Path, status: int64(status), bytes: sw.bytes, took: time.Since(start)})
	})
}

// statusWriter records the status and the bytes written; Unwrap lets
// http.ResponseController reach the connection (flushes, full duplex).
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(p []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(p)
	s.bytes += int64(n)
	return n, err
}

func (s *statusWriter) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }
