package proxy

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"
	"unsafe"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// TraceRecord is one line of recorded traffic, the replay input of
// DESIGN.md. Headers are [name, value] pairs in wire order.
type TraceRecord struct {
	TS        string          `json:"ts"`
	RequestID string          `json:"request_id"`
	IP        string          `json:"ip"`
	Method    string          `json:"method"`
	Path      string          `json:"path"`
	Headers   [][]string      `json:"headers"`
	JA4       string          `json:"ja4,omitempty"`
	Body      json.RawMessage `json:"body"`
}

// ReplayStats counts what a replay did.
type ReplayStats struct {
	Records, Errors int
	Actions         [5]int // by limiter.Action
}

func (s *ReplayStats) add(r *Record) {
	s.Records++
	if r.Action == limiter.ActionError {
		s.Errors++
	}
	s.Actions[r.Action]++
}

// Replay feeds every trace record of in through the same identity, parse,
// fingerprint and engine code as serve, with the record's ts as the clock,
// and writes one decision record per input record to out, in input order.
// A malformed record yields a record with action "error" and its cause in
// reasons; replay goes on with the next line. Blank lines are skipped.
// Replay runs on the calling goroutine; ReplayParallel spreads the work
// over several and writes the same bytes.
func (g *Guard) Replay(in io.Reader, out io.Writer) (ReplayStats, error) {
	return g.replay(in, out, &replayer{h: http.Header{}})
}

// A Sample is what the engine decides one request from, as replay
// prepares it: the record's request id and time, who sent it, its prints
// and its token estimate. Print points into state reused for the next
// record: copy what is kept.
type Sample struct {
	RequestID string
	At        time.Time
	Subject   limiter.Subject
	Print     *fingerprint.Print
	Est       limiter.Tokens
}

// Samples reads trace records from in as Replay does and calls fn with the
// sample of every model request, in input order, without deciding any
// (the engine is not touched). Records that replay would answer with an
// error, requests outside the model routes and message batches give no
// sample. It is the input of `sluice fit`, which replays the samples on
// many candidate models.
func (g *Guard) Samples(in io.Reader, fn func(*Sample)) error {
	_, err := g.replay(in, io.Discard, &replayer{h: http.Header{}, sample: fn})
	return err
}

// maxLine is the longest trace line replay reads: a body (or a batch)
// plus headers, escaped. A longer one is answered with record_too_large.
func (g *Guard) maxLine() int {
	return int(max(g.maxBody, g.maxBatch))*2 + 64<<10
}

func (g *Guard) replay(in io.Reader, out io.Writer, rp *replayer) (ReplayStats, error) {
	var stats ReplayStats
	br := bufio.NewReaderSize(in, 256<<10)
	bw := bufio.NewWriterSize(out, 256<<10)
	maxLine := g.maxLine()
	var (
		line    []byte
		buf     []byte
		tooLong bool
		p       prepared
	)
	for {
		frag, err := br.ReadSlice('\n')
		if len(line)+len(frag) > maxLine {
			tooLong = true
		} else {
			line = append(line, frag...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			_ = bw.Flush()
			return stats, fmt.Errorf("replay: read: %w", err)
		}
		eof := err != nil
		rec := bytes.TrimSpace(line)
		if len(rec) > 0 || tooLong {
			if tooLong {
				p.tooLarge()
			} else {
				g.replayOne(rp, rec, &p)
			}
			r := g.finish(rp, &p, rec)
			stats.add(&r)
			buf = AppendRecord(buf[:0], &r)
			if _, werr := bw.Write(buf); werr != nil {
				return stats, fmt.Errorf("replay: write: %w", werr)
			}
		}
		line, tooLong = line[:0], false
		if eof {
			break
		}
	}
	if err := bw.Flush(); err != nil {
		return stats, fmt.Errorf("replay: write: %w", err)
	}
	return stats, nil
}

// replayer is the state that replay reuses from record to record.
type replayer struct {
	sc    traceScanner
	tl    traceLine
	h     http.Header
	order []fingerprint.Header
	// lastTS is the replay clock: the ts of the latest record whose ts
	// could be read. Only finish moves it, in input order; a record's own
	// ts, while it is prepared, is ts (when tsSeen).
	lastTS time.Time
	ts     time.Time
	tsSeen bool
	// worker: this replayer prepares records for another goroutine's
	// engine (ReplayParallel): it decides nothing, leaves message batches
	// to the engine's goroutine, and copies what its records alias of its
	// own scratch into keep.
	worker bool
	keep   *[]byte
	// sample, when set, takes each model request's sample instead of a
	// decision (Samples)
	sample func(*Sample)
}

// prepKind says what remains to be done with a prepared record.
type prepKind uint8

const (
	prepDone   prepKind = iota // the record is complete (but for its ts when stale)
	prepDecide                 // the engine decides it from subject, print and est
	prepBatch                  // a message batch: the engine's goroutine replays its line
)

// prepared is one trace record read, identified, parsed and printed: its
// decision record but for what the engine decides, and the engine's
// inputs. Its strings are owned, or alias the record's line or (a
// worker's) the chunk's keep buffer.
type prepared struct {
	kind prepKind
	rec  Record
	// stale: rec.TS is the replay clock before this record (its own ts
	// could not be read). clock: the record's ts was read; it is ts, and
	// it becomes the replay clock.
	stale, clock bool
	ts           time.Time
	// the engine's inputs (prepDecide)
	subject limiter.Subject
	print   fingerprint.Print
	est     limiter.Tokens
}

// tooLarge prepares the record of a line over maxLine.
func (p *prepared) tooLarge() {
	*p = prepared{rec: Record{Action: limiter.ActionError, Extra: "record_too_large"}, stale: true}
}

// finish completes a prepared record in input order on the engine: it
// moves the replay clock and asks the engine for the decision. line is
// the record's line (read again for a message batch a worker left).
func (g *Guard) finish(rp *replayer, p *prepared, line []byte) Record {
	if p.kind == prepBatch {
		// rp is the engine goroutine's own replayer, which decides batches
		var q prepared
		g.replayOne(rp, line, &q)
		return g.finish(rp, &q, line)
	}
	if p.stale {
		p.rec.TS = rp.lastTS
	}
	if p.clock {
		rp.lastTS = p.ts
	}
	if p.kind == prepDecide {
		d := g.decide(p.rec.TS, p.subject, &p.print, p.est)
		p.rec.Cluster, p.rec.Score, p.rec.Action, p.rec.Reasons = d.Cluster, d.Score, d.Action, d.Reasons
		p.rec.Measures, p.rec.Shadow = d.Measures, d.Shadow
	}
	return p.rec
}

// replayOne prepares one trace record into p. It first takes the body
// without a structural scan (it is usually the last field, and the dialect
// parser checks it fully); when that body does not parse, it prepares the
// record again with the full scan, so a record is judged as the contract
// reads it.
func (g *Guard) replayOne(rp *replayer, line []byte, p *prepared) {
	rp.ts, rp.tsSeen = time.Time{}, false
	rp.sc.fast = true
	if g.replayRecord(rp, line, p) {
		rp.sc.fast = false
		g.replayRecord(rp, line, p)
	}
	p.clock, p.ts = rp.tsSeen, rp.ts
	if rp.worker && p.rec.RequestID != "" {
		// the id may alias the scanner's scratch, which the next record
		// overwrites
		k := *rp.keep
		n := len(k)
		k = append(k, p.rec.RequestID...)
		*rp.keep = k
		p.rec.RequestID = unsafe.String(unsafe.SliceData(k[n:]), len(k)-n)
	}
}

// errorRecord prepares an error record whose ts is the replay clock (the
// record's own when it was read, else the one before it).
func (rp *replayer) errorRecord(p *prepared, rid, reason string) {
	*p = prepared{rec: Record{TS: rp.ts, RequestID: rid, Action: limiter.ActionError, Extra: reason}, stale: !rp.tsSeen}
}

// replayRecord prepares one trace record into p, or reports that it must
// be read again with the full scan.
func (g *Guard) replayRecord(rp *replayer, line []byte, p *prepared) (retry bool) {
	*p = prepared{}
	tr := &rp.tl
	if err := rp.sc.parse(line, tr); err != nil {
		if errors.Is(err, errTraceHeader) {
			rp.errorRecord(p, strings.Clone(tr.requestID), "bad_header")
			return false
		}
		rp.errorRecord(p, "", "malformed_record")
		return false
	}
	ts, err := time.Parse(time.RFC3339Nano, tr.ts)
	if err != nil {
		rp.errorRecord(p, strings.Clone(tr.requestID), "bad_ts")
		return false
	}
	rp.ts, rp.tsSeen = ts, true
	if tr.requestID == "" {
		p.rec = Record{TS: ts, Action: limiter.ActionError, Extra: "missing_request_id"}
		return false
	}
	rid := tr.requestID
	peer, err := ParsePeer(tr.ip)
	if err != nil && tr.ip != "" {
		p.rec = Record{TS: ts, RequestID: rid, Action: limiter.ActionError, Extra: "bad_ip"}
		return false
	}
	h := rp.h
	if len(h) > 256 {
		clear(h)
	}
	for k, v := range h {
		h[k] = v[:0] // keep the slices: no allocation per header per record
	}
	rp.order = rp.order[:0]
	for _, kv := range tr.headers {
		// the map holds only what Identify reads; the client print takes
		// every header from the ordered list
		if k, ok := g.ident.reads(kv[0]); ok {
			h[k] = append(h[k], kv[1])
		}
		rp.order = append(rp.order, fingerprint.Header{Name: kv[0], Value: kv[1]})
	}
	method := tr.method
	if method == "" {
		method = http.MethodPost
	}
	// the path as serve routes it (see route.go)
	rt, ok := routed{}, false
	if decoded, err := url.PathUnescape(tr.path); err == nil {
		escaped := ""
		if decoded != tr.path {
			escaped = tr.path
		}
		rt, ok = classify(method, decoded, escaped)
	}
	if !ok {
		id := g.ident.Identify(h, peer, tr.ja4)
		p.rec = Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionError, Extra: "bad_path"}
		return false
	}
	d, ep := rt.dialect, rt.endpoint
	if rt.route == routeMessageBatch {
		if rp.sample != nil {
			p.rec = Record{TS: ts, RequestID: rid, Action: limiter.ActionAllow, Extra: "batch"}
			return false
		}
		if rp.worker {
			// its parts are decided as they are read: on the engine
			p.kind = prepBatch
			return false
		}
		return g.replayBatch(rp, tr, ts, rid, h, peer, p)
	}
	if rt.route != routeModel {
		if tr.bodyUnchecked {
			return true // no parser checks this body: scan it
		}
		id := g.ident.Identify(h, peer, tr.ja4)
		p.rec = Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionAllow, Extra: "not_guarded"}
		return false
	}
	body := traceBody(tr)
	if int64(len(body)) > g.maxBody {
		id := g.ident.Identify(h, peer, tr.ja4)
		p.rec = Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP, Dialect: d,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionError, Extra: "body_too_large"}
		return false
	}
	st := g.getState()
	defer g.putState(st)
	// identity, parse and fingerprint: evaluate's first stage (finish
	// runs the second, decide, in input order)
	o, err := g.inputs(st, &arrival{ep: ep, h: h, order: rp.order, peer: peer, ja4: tr.ja4, body: body})
	if err != nil && tr.bodyUnchecked {
		return true // perhaps not the body alone: scan it
	}
	if rp.sample != nil {
		if err == nil {
			rp.sample(&Sample{RequestID: strings.Clone(rid), At: ts, Subject: o.subject(st), Print: &st.print, Est: o.tokens})
		}
		p.rec = Record{TS: ts, RequestID: rid, Action: limiter.ActionAllow}
		return false
	}
	p.rec = Record{
		TS: ts, RequestID: rid, Account: o.id.Account, IP: o.id.IP,
		Dialect: o.dialect, Model: st.req.Model, Tokens: o.tokens,
	}
	if err != nil {
		p.rec.Action, p.rec.Extra, p.rec.Cluster = limiter.ActionError, "bad_body", limiter.ClusterID(o.id.Account)
		return false
	}
	p.kind = prepDecide
	p.subject, p.print, p.est = o.subject(st), st.print, o.tokens
	return false
}

// traceBody is a trace record's body: its JSON, or the text of a JSON
// string (an extension: a body that was not JSON is recorded as a string).
func traceBody(tr *traceLine) []byte {
	body := tr.body
	if len(body) > 0 && body[0] == '"' {
		var raw string
		if json.Unmarshal(body, &raw) == nil {
			body = []byte(raw)
		}
	}
	return body
}

// replayBatch decides the parts of a recorded Anthropic message batch as
// serve does, and prepares the batch's record.
func (g *Guard) replayBatch(rp *replayer, tr *traceLine, ts time.Time, rid string, h http.Header, peer netip.Addr, p *prepared) (retry bool) {
	const d = fingerprint.DialectAnthropic
	if tr.bodyUnchecked {
		// a batch's parts are decided as they are read: make sure of the
		// whole record first, so that none is decided twice
		return true
	}
	id := g.ident.Identify(h, peer, tr.ja4)
	body := traceBody(tr)
	if int64(len(body)) > g.maxBatch {
		p.rec = Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP, Dialect: d,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionError, Extra: "body_too_large"}
		return false
	}
	st := g.getState()
	defer g.putState(st)
	j := batchJudge{g: g, st: st, now: ts, id: id, h: h, order: rp.order}
	if err := j.messageBatch(body); err != nil {
		j.refund()
		p.rec = Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP, Dialect: d,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionError, Extra: "bad_body"}
		return false
	}
	if e := j.v.enforced; e == limiter.ActionThrottle || e == limiter.ActionBlock {
		j.refund()
	}
	p.rec = j.recordOf(rid, d, "")
	return false
}
