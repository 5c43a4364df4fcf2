package proxy

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// readGuarded reads a guarded route's body up to limit, answering 413 or
// 400 in dialect d's format when that fails (nil body).
func (g *Guard) readGuarded(w http.ResponseWriter, r *http.Request, d fingerprint.Dialect, limit int64, rid, what string) *bodyBuf {
	body, status := readBody(r, limit, g.budget)
	if status == 0 {
		return body
	}
	w.Header().Set("X-Request-Id", rid)
	g.metrics.rejected(d, status)
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
		dialect.WriteError(w, d, status, dialect.Overloaded, "too many request bytes in flight; retry shortly")
	} else if status == http.StatusRequestEntityTooLarge {
		dialect.WriteError(w, d, status, dialect.RequestTooLarge, fmt.Sprintf("%s exceeds the limit of %d bytes", what, limit))
	} else {
		dialect.WriteError(w, d, status, dialect.InvalidRequest, "could not read the request body")
	}
	return nil
}

// badBatch answers a batch that cannot be judged with 400, and records it.
func (g *Guard) badBatch(w http.ResponseWriter, j *batchJudge, d fingerprint.Dialect, rid string, err error) {
	kind, msg := dialect.InvalidRequest, "the request body could not be parsed"
	var de *dialect.Error
	if errors.As(err, &de) {
		kind, msg = de.Kind, de.Msg
	}
	j.refund()
	w.Header().Set("X-Request-Id", rid)
	g.metrics.rejected(d, kind.Status())
	if g.log != nil {
		g.log.Write(&Record{TS: j.now, RequestID: rid, Account: j.id.Account, IP: j.id.IP,
			Cluster: limiter.ClusterID(j.id.Account), Action: limiter.ActionError, Dialect: d, Extra: "bad_request"})
	}
	dialect.WriteError(w, d, 0, kind, msg)
}

// newJudge starts judging a batch of request r.
func (g *Guard) newJudge(r *http.Request, st *state) batchJudge {
	peer, _ := ParsePeer(r.RemoteAddr)
	return batchJudge{g: g, st: st, now: g.now(), id: g.ident.Identify(r.Header, peer, connJA4(r)), h: r.Header}
}

// batchCall is one request on a batch route being served: its id, its
// body and the judge of its parts. end releases them.
type batchCall struct {
	j     batchJudge
	body  *bodyBuf
	ridv  []string
	rid   string
	start time.Time
}

// beginBatch reads a batch route's body (up to limit; what names it in a
// 413) and starts judging it. It returns false when the body could not be
// read: the client has had its answer.
func (g *Guard) beginBatch(w http.ResponseWriter, r *http.Request, d fingerprint.Dialect, limit int64, what string) (*batchCall, bool) {
	c := &batchCall{start: time.Now(), ridv: requestIDValue(r)}
	c.rid = c.ridv[0]
	if c.body = g.readGuarded(w, r, d, limit, c.rid, what); c.body == nil {
		return nil, false
	}
	c.j = g.newJudge(r, g.getState())
	return c, true
}

func (c *batchCall) end() {
	c.j.g.putState(c.j.st)
	c.body.release()
}

// serveMessageBatch guards POST /v1/messages/batches.
func (g *Guard) serveMessageBatch(w http.ResponseWriter, r *http.Request, next http.Handler) {
	const d = fingerprint.DialectAnthropic
	c, ok := g.beginBatch(w, r, d, g.maxBatch, "the message batch")
	if !ok {
		return
	}
	defer c.end()
	j := &c.j
	if err := j.messageBatch(c.body.bytes()); err != nil {
		g.badBatch(w, j, d, c.rid, err)
		return
	}
	if g.refuseBatch(w, j, d, c.rid, c.start) {
		return
	}
	g.forwardBatch(w, r, next, j, d, c.body, c.ridv, "", nil)
}

// refuseBatch answers a batch whose strongest enforced action refuses it
// (429 or 403), and reports whether it did.
func (g *Guard) refuseBatch(w http.ResponseWriter, j *batchJudge, d fingerprint.Dialect, rid string, start time.Time) bool {
	for i := range j.st.batch.decs {
		g.metrics.batchPart(d, j.st.batch.decs[i].Action)
	}
	g.metrics.decided(d, j.v.action, time.Since(start))
	switch j.v.enforced {
	case limiter.ActionThrottle:
		j.refund()
		j.record(rid, d, "")
		w.Header().Set("X-Request-Id", rid)
		writeThrottle(w, d, j.v.retry)
		return true
	case limiter.ActionBlock:
		j.refund()
		j.record(rid, d, "")
		w.Header().Set("X-Request-Id", rid)
		dialect.WriteError(w, d, http.StatusForbidden, dialect.Permission, "this batch was refused by the API's usage policy")
		return true
	}
	return false
}

// forwardBatch rewrites a judged batch's degraded parts, writes its
// decision record and sends it upstream; file, when set, is the verdict
// to keep under the id of the file the upstream creates.
func (g *Guard) forwardBatch(w http.ResponseWriter, r *http.Request, next http.Handler, j *batchJudge, d fingerprint.Dialect, body *bodyBuf, ridv []string, extra string, file *fileVerdict) {
	fwd := body
	nb, err := j.rewrite(body.bytes())
	if err != nil {
		g.badBatch(w, j, d, ridv[0], err)
		return
	}
	if nb != nil {
		fwd = nb
		defer nb.release()
	}
	j.record(ridv[0], d, extra)
	r.Header["X-Request-Id"] = ridv
	br := fwd.reader()
	if file != nil {
		// the file object must come back readable for its id
		r.Header.Del("Accept-Encoding")
		br.x = exchange{g: g, file: file}
	}
	r.Body = br
	r.ContentLength = int64(len(fwd.bytes()))
	r.GetBody = nil
	r.Header.Del("Transfer-Encoding")
	next.ServeHTTP(w, r)
}

// forwardAsIs sends a guarded route's body upstream unjudged.
func forwardAsIs(w http.ResponseWriter, r *http.Request, next http.Handler, body *bodyBuf, ridv []string) {
	r.Header["X-Request-Id"] = ridv
	r.Body = body.reader()
	r.ContentLength = int64(len(body.bytes()))
	r.GetBody = nil
	r.Header.Del("Transfer-Encoding")
	next.ServeHTTP(w, r)
}

// serveFileUpload guards POST /v1/files: a file uploaded for the batch
// API has its lines decided; any other upload passes.
func (g *Guard) serveFileUpload(w http.ResponseWriter, r *http.Request, next http.Handler) {
	// batch files are OpenAI's; an Anthropic client (its Files API) gets
	// its errors in its own format
	d := guessDialect(r.URL.Path, r.Header)
	c, ok := g.beginBatch(w, r, d, g.maxBatch, "the file")
	if !ok {
		return
	}
	defer c.end()
	j := &c.j
	var fields [8]formField
	fs, err := formFields(c.body.bytes(), r.Header.Get("Content-Type"), fields[:0])
	if err != nil {
		g.badBatch(w, j, d, c.rid, &dialect.Error{Kind: dialect.InvalidRequest, Msg: err.Error()})
		return
	}
	var file, purpose *formField
	for i := range fs {
		f := &fs[i]
		switch f.name {
		case "file":
			if file != nil {
				g.badBatch(w, j, d, c.rid, &dialect.Error{Kind: dialect.InvalidRequest, Msg: "file: appears twice"})
				return
			}
			file = f
		case "purpose":
			if purpose != nil {
				g.badBatch(w, j, d, c.rid, &dialect.Error{Kind: dialect.InvalidRequest, Msg: "purpose: appears twice"})
				return
			}
			purpose = f
		}
	}
	b := c.body.bytes()
	if purpose == nil || file == nil || !strings.EqualFold(string(bytes.TrimSpace(b[purpose.start:purpose.end])), "batch") {
		forwardAsIs(w, r, next, c.body, c.ridv) // not a batch file: no model reads it
		return
	}
	if err := j.fileLines(b[file.start:file.end], file.start); err != nil {
		g.badBatch(w, j, d, c.rid, err)
		return
	}
	// a file to throttle is refused now; a file to block is kept, and
	// refused when a batch names it
	if j.v.enforced == limiter.ActionThrottle {
		g.refuseBatch(w, j, d, c.rid, c.start)
		return
	}
	for i := range j.st.batch.decs {
		g.metrics.batchPart(d, j.st.batch.decs[i].Action)
	}
	g.metrics.decided(d, j.v.action, time.Since(c.start))
	v := &fileVerdict{action: j.v.enforced, logged: j.v.action, score: j.v.dec.Score, reasons: j.v.reasons,
		account: j.id.Account, cluster: j.v.dec.Cluster, parts: len(j.st.batch.acts), shadow: j.v.dec.Shadow, tokens: j.v.tokens}
	if v.cluster == 0 {
		v.cluster = limiter.ClusterID(j.id.Account)
	}
	if v.action == limiter.ActionBlock {
		j.st.batch.spans = j.st.batch.spans[:0] // forwarded as it came; refused at batch creation
	}
	g.forwardBatch(w, r, next, j, d, c.body, c.ridv, "batch_file", v)
}

// keepFile reads the upstream's file object and keeps the file's
// verdict under its id.
func (x *exchange) keepFile(res *http.Response) error {
	if res.StatusCode/100 != 2 || res.Body == nil || res.Body == http.NoBody {
		return nil
	}
	const limit = 1 << 20
	b, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	_ = res.Body.Close()
	if err != nil {
		return err
	}
	res.Body = io.NopCloser(bytes.NewReader(b))
	if len(b) > limit {
		return nil
	}
	obj := b
	if ce := res.Header.Get("Content-Encoding"); strings.EqualFold(ce, "gzip") {
		// compressed though it was not asked to be: read it for the id
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil
		}
		obj, err = io.ReadAll(io.LimitReader(zr, limit))
		if err != nil {
			return nil
		}
	}
	if id, ok := fileIDFrom(obj); ok {
		x.g.files.add(id, *x.file)
	}
	return nil
}

// serveBatchCreate guards POST /v1/batches: the named file's verdict is
// applied.
func (g *Guard) serveBatchCreate(w http.ResponseWriter, r *http.Request, next http.Handler) {
	const d = fingerprint.DialectOpenAI
	c, ok := g.beginBatch(w, r, d, g.maxBody, "the request body")
	if !ok {
		return
	}
	defer c.end()
	j := &c.j
	id, err := inputFileID(&j.st.batch, c.body.bytes())
	if err != nil {
		g.badBatch(w, j, d, c.rid, err)
		return
	}
	v, found := g.files.run(id)
	g.metrics.batchFile(found)
	rec := Record{TS: j.now, RequestID: c.rid, Account: j.id.Account, IP: j.id.IP, Cluster: limiter.ClusterID(j.id.Account), Dialect: d}
	if !found {
		rec.Extra = "batch_file_unknown"
		if g.routes.RefuseUnknownBatchFile {
			rec.Action = limiter.ActionError // refused for want of a verdict
		}
		g.metrics.decided(d, rec.Action, time.Since(c.start))
		if g.log != nil {
			g.log.Write(&rec)
		}
		if g.routes.RefuseUnknownBatchFile {
			w.Header().Set("X-Request-Id", c.rid)
			dialect.WriteError(w, d, http.StatusNotFound, dialect.NotFound, "the batch's input file was not uploaded through this gateway (or its verdict has expired): upload it again")
			return
		}
		forwardAsIs(w, r, next, c.body, c.ridv)
		return
	}
	rec.Cluster, rec.Score, rec.Action, rec.Reasons, rec.Shadow = v.cluster, v.score, v.logged, v.reasons, v.shadow
	rec.Parts, rec.Extra = v.parts, "batch_file_verdict"
	if v.runs > 1 && v.action != limiter.ActionBlock {
		// the upload paid for one run: each further batch from the file
		// is charged its lines' tokens again, to the account creating it
		if wait, ok := g.engine.Charge(j.now, j.id.Account, v.tokens); !ok {
			rec.Action, rec.Reasons = limiter.ActionThrottle, rec.Reasons|limiter.ReasonAccountTokens
			g.metrics.decided(d, rec.Action, time.Since(c.start))
			if g.log != nil {
				g.log.Write(&rec)
			}
			w.Header().Set("X-Request-Id", c.rid)
			writeThrottle(w, d, wait)
			return
		}
		rec.Tokens = v.tokens
	}
	g.metrics.decided(d, v.logged, time.Since(c.start))
	if g.log != nil {
		g.log.Write(&rec)
	}
	if v.action == limiter.ActionBlock {
		w.Header().Set("X-Request-Id", c.rid)
		dialect.WriteError(w, d, http.StatusForbidden, dialect.Permission, "this batch was refused by the API's usage policy")
		return
	}
	forwardAsIs(w, r, next, c.body, c.ridv)
}

// inputFileID reads input_file_id from a POST /v1/batches body.
func inputFileID(b *batchState, body []byte) (string, error) {
	sc := &b.sc
	sc.Reset(body)
	id, found := "", false
	err := b.members(body, func(key []byte) (bool, error) {
		if string(key) != "input_file_id" {
			return false, nil
		}
		if found {
			return true, &dialect.Error{Kind: dialect.InvalidRequest, Msg: "input_file_id: appears twice"}
		}
		found = true
		s, e, esc, err := sc.Str()
		if err != nil {
			return true, &dialect.Error{Kind: dialect.InvalidRequest, Msg: "input_file_id: must be a string"}
		}
		raw := body[s:e]
		if esc {
			raw = dialect.Unescape(nil, raw)
		}
		id = string(raw)
		return true, nil
	})
	if errors.Is(err, errNotObject) {
		return "", &dialect.Error{Kind: dialect.InvalidRequest, Msg: "the request body must be a JSON object"}
	}
	if err != nil {
		return "", err
	}
	if err := sc.End(); err != nil {
		return "", err
	}
	if !found || id == "" {
		return "", &dialect.Error{Kind: dialect.InvalidRequest, Msg: "input_file_id: required"}
	}
	return id, nil
}
