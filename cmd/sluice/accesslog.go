package main

import (
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/sluicehq/sluice/proxy"
)

// accessLog writes one JSON line per proxied request once its response
// has ended: time, request id, method, path, status, response bytes and
// duration (access_log.path), through a proxy.LineLog. It never holds a
// key or a prompt (the path is the normalised one; query strings are
// dropped).
type accessLog struct {
	*proxy.LineLog[accessLine]
}

type accessLine struct {
	ts            time.Time
	id            string
	method, path  string
	status, bytes int64
	took          time.Duration
}

func newAccessLog(w io.Writer, buffer int) *accessLog {
	return &accessLog{proxy.NewLineLog(w, buffer, appendAccessLine)}
}

// appendAccessLine appends a as one JSON line.
func appendAccessLine(buf []byte, a *accessLine) []byte {
	buf = append(buf, `{"ts":"`...)
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
	return append(buf, "}\n"...)
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
		l.Write(&accessLine{ts: start, id: id, method: r.Method, path: r.URL.Path, status: int64(status), bytes: sw.bytes, took: time.Since(start)})
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
