package proxy

import (
	"net/http"
	"sync"
	"time"
)

// How a request ended, as the decision record's "outcome" says it.
const (
	// OutcomeOK: the response went to the client to its end.
	OutcomeOK = "ok"
	// OutcomeRefused: sluice answered itself (throttle, block, 400, 408,
	// 413, 503) and nothing went upstream.
	OutcomeRefused = "refused"
	// OutcomeUpstreamError: the upstream could not be reached or timed
	// out, and sluice answered 502 or 504.
	OutcomeUpstreamError = "upstream_error"
	// OutcomeAborted: the response was cut after it began (the upstream
	// failed mid-body, or a stream was silent past the idle bound).
	OutcomeAborted = "aborted"
	// OutcomeClientGone: the client went away before the response ended.
	OutcomeClientGone = "client_gone"
)

// respWriter records what a model request's response was: the status, the
// body bytes, when the headers went out, and whether the upstream failed.
// It is pooled; Unwrap lets http.ResponseController reach the connection
// (flushes, full duplex, deadlines).
type respWriter struct {
	http.ResponseWriter
	start      time.Time
	first      time.Time // headers written; zero: not yet
	status     int
	bytes      int64
	writeErr   bool // a write to the client failed
	upstreamKO bool // the forwarder answered for an upstream that failed
}

var respWriters = sync.Pool{New: func() any { return new(respWriter) }}

func getRespWriter(w http.ResponseWriter, start time.Time) *respWriter {
	rw := respWriters.Get().(*respWriter)
	*rw = respWriter{ResponseWriter: w, start: start}
	return rw
}

func putRespWriter(rw *respWriter) {
	*rw = respWriter{}
	respWriters.Put(rw)
}

func (rw *respWriter) WriteHeader(code int) {
	if rw.status == 0 && (code >= 200 || code == http.StatusSwitchingProtocols) {
		rw.status = code
		rw.first = time.Now()
	}
	rw.ResponseWriter.WriteHeader(code)
}

func (rw *respWriter) Write(p []byte) (int, error) {
	if rw.status == 0 {
		rw.status = http.StatusOK
		rw.first = time.Now()
	}
	n, err := rw.ResponseWriter.Write(p)
	rw.bytes += int64(n)
	if err != nil {
		rw.writeErr = true
	}
	return n, err
}

func (rw *respWriter) Flush() {
	if f, ok := rw.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (rw *respWriter) Unwrap() http.ResponseWriter { return rw.ResponseWriter }

// upstreamFailed marks the response as the forwarder's answer for an
// upstream that failed (see NewForwarder's ErrorHandler).
func (rw *respWriter) upstreamFailed() { rw.upstreamKO = true }

// upstreamFailer is what the forwarder's error handler looks for in the
// writer it is given.
type upstreamFailer interface{ upstreamFailed() }

// end fills rec's outcome fields from what was written. forwarded says
// the request went on to the next handler; completed, that the handler
// returned (it did not panic, as ReverseProxy does to cut a response);
// gone, that the client's context ended.
func (rw *respWriter) end(rec *Record, forwarded, completed, gone bool) {
	now := time.Now()
	rec.Status = rw.status
	if rec.Status == 0 && completed {
		rec.Status = http.StatusOK // a handler that wrote nothing answers 200
	}
	rec.Bytes = rw.bytes
	rec.Took = now.Sub(rw.start)
	if !rw.first.IsZero() {
		rec.TTFB = rw.first.Sub(rw.start)
	}
	switch {
	case !forwarded:
		rec.Outcome = OutcomeRefused
		if gone || rw.writeErr || rw.status == statusClientGone {
			rec.Outcome = OutcomeClientGone
		}
	case rw.upstreamKO:
		rec.Outcome = OutcomeUpstreamError
	case gone || rw.writeErr:
		rec.Outcome = OutcomeClientGone
	case !completed:
		rec.Outcome = OutcomeAborted
	default:
		rec.Outcome = OutcomeOK
	}
}
