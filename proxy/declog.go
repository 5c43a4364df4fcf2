package proxy

import (
	"bufio"
	"io"
	"math"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// Record is one line of the decision log (and of replay's output). Its JSON
// form is the decision record contract of docs/contracts.md; fields beyond the
// contract's are additions.
type Record struct {
	TS        time.Time
	RequestID string
	Account   limiter.AccountID
	IP        netip.Addr
	Cluster   limiter.ClusterID
	Score     float32
	Action    limiter.Action
	Reasons   limiter.Reasons
	Measures  limiter.Measures
	// ShadowMeasures are the measures decided but only logged (per-measure
	// shadow): the request passed as if they were off.
	ShadowMeasures limiter.Measures
	Shadow         bool
	Dialect        fingerprint.Dialect
	Model          string
	Tokens         limiter.Tokens
	// Extra is one more machine-readable reason (for an error record, its
	// cause), added to reasons.
	Extra string
	// Event marks an operator event (allow-list, override) instead of a
	// request decision; Detail describes it.
	Event, Detail string
	// Parts is the number of requests in a batch (0: not a batch), and
	// PartActions the action of each, in the batch's order, one letter a
	// part (see partLetter); the record's action is the strongest.
	Parts       int
	PartActions string
	// The request's end (serve only; zero in replay): the status and the
	// body bytes the client got, the time from the request's arrival to
	// the response headers and to the response's end, and how it ended
	// (one of the Outcome constants).
	Status     int
	Bytes      int64
	TTFB, Took time.Duration
	Outcome    string
}

var measureNames = [...]string{"clamp_tokens", "drop_logprobs", "force_n1", "strip_reasoning", "tarpit", "cheaper_model"}

// AppendRecord appends r as one JSON line (with the newline) to b. It does
// not allocate beyond growing b.
func AppendRecord(b []byte, r *Record) []byte {
	b = append(b, `{"ts":"`...)
	b = r.TS.UTC().AppendFormat(b, "2006-01-02T15:04:05.000Z07:00")
	b = append(b, '"')
	if r.Event != "" {
		b = append(b, `,"event":`...)
		b = dialect.AppendQuoted(b, r.Event)
		b = append(b, `,"detail":`...)
		b = dialect.AppendQuoted(b, r.Detail)
		b = append(b, `,"account":"`...)
		if r.Account != 0 {
			b = append(b, "a_"...)
			b = limiter.AppendHex(b, uint64(r.Account))
		}
		b = append(b, `","cluster":"`...)
		if r.Cluster != 0 {
			b = append(b, "c_"...)
			b = limiter.AppendHex(b, uint64(r.Cluster))
		}
		return append(b, "\"}\n"...)
	}
	b = append(b, `,"request_id":`...)
	b = dialect.AppendQuoted(b, r.RequestID)
	b = append(b, `,"account":"a_`...)
	b = limiter.AppendHex(b, uint64(r.Account))
	b = append(b, `","ip":"`...)
	if r.IP.IsValid() {
		b = r.IP.AppendTo(b)
	}
	b = append(b, `","cluster":"c_`...)
	b = limiter.AppendHex(b, uint64(r.Cluster))
	b = append(b, `","score":`...)
	s := float64(r.Score)
	if math.IsNaN(s) || s < 0 {
		s = 0
	}
	b = strconv.AppendFloat(b, math.Round(min(s, 1)*1000)/1000, 'f', -1, 64)
	b = append(b, `,"action":"`...)
	b = append(b, r.Action.String()...)
	b = append(b, `","reasons":[`...)
	first := true
	r.Reasons.Each(func(n string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '"')
		b = append(b, n...)
		b = append(b, '"')
	})
	if r.Extra != "" {
		if !first {
			b = append(b, ',')
		}
		b = dialect.AppendQuoted(b, r.Extra)
	}
	b = append(b, `],"shadow":`...)
	b = strconv.AppendBool(b, r.Shadow)
	if r.Measures != 0 {
		b = appendMeasures(append(b, `,"measures":`...), r.Measures)
	}
	if r.ShadowMeasures != 0 {
		b = appendMeasures(append(b, `,"shadow_measures":`...), r.ShadowMeasures)
	}
	if r.Dialect != fingerprint.DialectUnknown {
		b = append(b, `,"dialect":"`...)
		b = append(b, r.Dialect.String()...)
		b = append(b, '"')
	}
	if r.Model != "" {
		b = append(b, `,"model":`...)
		b = dialect.AppendQuoted(b, r.Model)
	}
	if r.Tokens > 0 {
		b = append(b, `,"tokens":`...)
		b = strconv.AppendInt(b, int64(r.Tokens), 10)
	}
	if r.Parts > 0 {
		b = append(b, `,"parts":`...)
		b = strconv.AppendInt(b, int64(r.Parts), 10)
		b = append(b, `,"part_actions":`...)
		b = dialect.AppendQuoted(b, r.PartActions)
	}
	if r.Outcome != "" {
		b = append(b, `,"status":`...)
		b = strconv.AppendInt(b, int64(r.Status), 10)
		b = append(b, `,"bytes":`...)
		b = strconv.AppendInt(b, r.Bytes, 10)
		if r.TTFB > 0 {
			b = appendMillis(append(b, `,"ttfb_ms":`...), r.TTFB)
		}
		b = appendMillis(append(b, `,"duration_ms":`...), r.Took)
		b = append(b, `,"outcome":"`...)
		b = append(b, r.Outcome...)
		b = append(b, '"')
	}
	return append(b, "}\n"...)
}

// appendMillis appends d in milliseconds with microsecond precision.
func appendMillis(b []byte, d time.Duration) []byte {
	return strconv.AppendFloat(b, float64(d.Microseconds())/1000, 'f', 3, 64)
}

// LineLog writes values of T as lines off the hot path: Write hands the
// value to a writer goroutine over a buffered channel and only blocks when
// the channel is full (the log loses no line to a slow sink: it slows
// requests instead). Close drains and flushes. A sink that fails (a full
// disk, a closed pipe) is reported through OnError and Lost, and the log
// resumes when the sink takes bytes again. Safe for concurrent use.
type LineLog[T any] struct {
	mu     sync.RWMutex // Write holds R; Close holds W to close ch
	closed bool
	ch     chan T
	done   chan struct{}
	sink   io.Writer
	w      *bufio.Writer
	line   func([]byte, *T) []byte
	err    error
	// pending counts the lines buffered since the last flush: the ones a
	// failed flush loses
	pending uint64
	lost    atomic.Uint64
	onError atomic.Pointer[func(err error, lost uint64)]
	lastErr time.Time
}

// NewLineLog starts a log writing line(v) for every v written to w, with
// a queue of buffer values (default 8192 when <= 0). line appends one
// line, newline included, to its buffer.
func NewLineLog[T any](w io.Writer, buffer int, line func([]byte, *T) []byte) *LineLog[T] {
	if buffer <= 0 {
		buffer = 8192
	}
	l := &LineLog[T]{ch: make(chan T, buffer), done: make(chan struct{}), sink: w, w: bufio.NewWriterSize(w, 64<<10), line: line}
	go l.run()
	return l
}

// OnError sets fn to be told of write failures, at most once a minute,
// with the number of lines lost so far.
func (l *LineLog[T]) OnError(fn func(err error, lost uint64)) { l.onError.Store(&fn) }

// Lost returns the number of lines lost to write failures.
func (l *LineLog[T]) Lost() uint64 { return l.lost.Load() }

// failed counts what a write or flush error lost, tells OnError's
// function, and starts a new buffer on the sink.
func (l *LineLog[T]) failed(err error) {
	if l.err == nil {
		l.err = err
	}
	n := l.lost.Add(l.pending)
	l.pending = 0
	l.w.Reset(l.sink)
	if fn := l.onError.Load(); fn != nil && time.Since(l.lastErr) >= time.Minute {
		l.lastErr = time.Now()
		(*fn)(err, n)
	}
}

func (l *LineLog[T]) run() {
	defer close(l.done)
	buf := make([]byte, 0, 1024)
	for v := range l.ch {
		buf = l.line(buf[:0], &v)
		l.pending++
		if _, err := l.w.Write(buf); err != nil {
			l.failed(err)
			continue
		}
		if len(l.ch) == 0 {
			if err := l.w.Flush(); err != nil {
				l.failed(err)
			} else {
				l.pending = 0
			}
		}
	}
	if err := l.w.Flush(); err != nil {
		l.failed(err)
	}
}

// Write queues v. After Close it drops v.
func (l *LineLog[T]) Write(v *T) {
	l.mu.RLock()
	if !l.closed {
		l.ch <- *v
	}
	l.mu.RUnlock()
}

// Close stops the log after writing every queued value, and returns the
// first write error.
func (l *LineLog[T]) Close() error {
	l.mu.Lock()
	if !l.closed {
		l.closed = true
		close(l.ch)
	}
	l.mu.Unlock()
	<-l.done
	return l.err
}

// DecisionLog writes decision records as JSON lines (AppendRecord) off the
// hot path; see LineLog.
type DecisionLog = LineLog[Record]

// NewDecisionLog starts a decision log writing to w with a queue of buffer
// records (default 8192 when <= 0).
func NewDecisionLog(w io.Writer, buffer int) *DecisionLog {
	return NewLineLog(w, buffer, AppendRecord)
}

// appendMeasures appends the names of m as a JSON array.
func appendMeasures(b []byte, m limiter.Measures) []byte {
	b = append(b, '[')
	first := true
	for i, n := range measureNames {
		if m&(1<<i) != 0 {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, '"')
			b = append(b, n...)
			b = append(b, '"')
		}
	}
	return append(b, ']')
}
