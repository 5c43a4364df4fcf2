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

// Replay feeds every trace record of in through the same identity, parse,
// fingerprint and engine code as serve, with the record's ts as the clock,
// and writes one decision record per input record to out, in input order.
// A malformed record yields a record with action "error" and its cause in
// reasons; replay goes on with the next line. Blank lines are skipped.
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

func (g *Guard) replay(in io.Reader, out io.Writer, rp *replayer) (ReplayStats, error) {
	var stats ReplayStats
	br := bufio.NewReaderSize(in, 256<<10)
	bw := bufio.NewWriterSize(out, 256<<10)
	maxLine := int(max(g.maxBody, g.maxBatch))*2 + 64<<10 // a body (or a batch) plus headers, escaped
	var (
		line    []byte
		buf     []byte
		tooLong bool
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
			stats.Records++
			var r Record
			if tooLong {
				r = Record{TS: rp.lastTS, Action: limiter.ActionError, Extra: "record_too_large"}
			} else {
				r = g.replayOne(rp, rec)
			}
			if r.Action == limiter.ActionError {
				stats.Errors++
			}
			stats.Actions[r.Action]++
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
	sc     traceScanner
	tl     traceLine
	h      http.Header
	order  []fingerprint.Header
	lastTS time.Time
	// sample, when set, takes each model request's sample instead of a
	// decision (Samples)
	sample func(*Sample)
}

// replayOne decides one trace record. It first takes the body without a
// structural scan (it is usually the last field, and the dialect parser
// checks it fully); when that body does not parse, it decides the record
// again with the full scan, so a record is judged as the contract reads it.
func (g *Guard) replayOne(rp *replayer, line []byte) Record {
	rp.sc.fast = true
	r, retry := g.replayRecord(rp, line)
	if retry {
		rp.sc.fast = false
		r, _ = g.replayRecord(rp, line)
	}
	return r
}

func (g *Guard) replayRecord(rp *replayer, line []byte) (Record, bool) {
	tr := &rp.tl
	if err := rp.sc.parse(line, tr); err != nil {
		if errors.Is(err, errTraceHeader) {
			return Record{TS: rp.lastTS, RequestID: strings.Clone(tr.requestID), Action: limiter.ActionError, Extra: "bad_header"}, false
		}
		return Record{TS: rp.lastTS, Action: limiter.ActionError, Extra: "malformed_record"}, false
	}
	ts, err := time.Parse(time.RFC3339Nano, tr.ts)
	if err != nil {
		return Record{TS: rp.lastTS, RequestID: strings.Clone(tr.requestID), Action: limiter.ActionError, Extra: "bad_ts"}, false
	}
	rp.lastTS = ts
	if tr.requestID == "" {
		return Record{TS: ts, Action: limiter.ActionError, Extra: "missing_request_id"}, false
	}
	rid := tr.requestID
	peer, err := ParsePeer(tr.ip)
	if err != nil && tr.ip != "" {
		return Record{TS: ts, RequestID: rid, Action: limiter.ActionError, Extra: "bad_ip"}, false
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
		return Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionError, Extra: "bad_path"}, false
	}
	d, ep := rt.dialect, rt.endpoint
	if rt.route == routeMessageBatch {
		if rp.sample != nil {
			return Record{TS: ts, RequestID: rid, Action: limiter.ActionAllow, Extra: "batch"}, false
		}
		return g.replayBatch(rp, tr, ts, rid, h, peer)
	}
	if rt.route != routeModel {
		if tr.bodyUnchecked {
			return Record{}, true // no parser checks this body: scan it
		}
		id := g.ident.Identify(h, peer, tr.ja4)
		return Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionAllow, Extra: "not_guarded"}, false
	}
	body := traceBody(tr)
	if int64(len(body)) > g.maxBody {
		id := g.ident.Identify(h, peer, tr.ja4)
		return Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP, Dialect: d,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionError, Extra: "body_too_large"}, false
	}
	st := g.getState()
	if rp.sample != nil {
		o, err := g.inputs(st, ep, h, rp.order, peer, tr.ja4, body)
		if err != nil && tr.bodyUnchecked {
			g.putState(st)
			return Record{}, true
		}
		if err == nil {
			rp.sample(&Sample{RequestID: strings.Clone(rid), At: ts, Subject: o.subject(st), Print: &st.print, Est: o.tokens})
		}
		g.putState(st)
		return Record{TS: ts, RequestID: rid, Action: limiter.ActionAllow}, false
	}
	o, err := g.evaluate(ts, st, ep, h, rp.order, peer, tr.ja4, body)
	model := st.req.Model
	g.putState(st)
	r := Record{
		TS: ts, RequestID: rid, Account: o.id.Account, IP: o.id.IP,
		Cluster: o.dec.Cluster, Score: o.dec.Score, Action: o.dec.Action, Reasons: o.dec.Reasons,
		Measures: o.dec.Measures, Shadow: o.dec.Shadow, Dialect: o.dialect, Model: model, Tokens: o.tokens,
	}
	if err != nil {
		if tr.bodyUnchecked {
			return Record{}, true // perhaps not the body alone: scan it
		}
		r.Action, r.Extra, r.Cluster, r.Score, r.Reasons = limiter.ActionError, "bad_body", limiter.ClusterID(o.id.Account), 0, 0
	}
	return r, false
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
// serve does, and returns the batch's record.
func (g *Guard) replayBatch(rp *replayer, tr *traceLine, ts time.Time, rid string, h http.Header, peer netip.Addr) (Record, bool) {
	const d = fingerprint.DialectAnthropic
	if tr.bodyUnchecked {
		// a batch's parts are decided as they are read: make sure of the
		// whole record first, so that none is decided twice
		return Record{}, true
	}
	id := g.ident.Identify(h, peer, tr.ja4)
	body := traceBody(tr)
	if int64(len(body)) > g.maxBatch {
		return Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP, Dialect: d,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionError, Extra: "body_too_large"}, false
	}
	st := g.getState()
	defer g.putState(st)
	j := batchJudge{g: g, st: st, now: ts, id: id, h: h, order: rp.order}
	if err := j.messageBatch(body); err != nil {
		j.refund()
		return Record{TS: ts, RequestID: rid, Account: id.Account, IP: id.IP, Dialect: d,
			Cluster: limiter.ClusterID(id.Account), Action: limiter.ActionError, Extra: "bad_body"}, false
	}
	if e := j.v.enforced; e == limiter.ActionThrottle || e == limiter.ActionBlock {
		j.refund()
	}
	return j.recordOf(rid, d, ""), false
}
