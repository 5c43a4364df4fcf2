package proxy

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/dialect"
	"github.com/sluicehq/sluice/proxy/shape"
)

// Batches. One Anthropic message batch carries up to 100,000 requests and
// one OpenAI batch file up to 50,000: the cheapest harvest channel there
// is. sluice decides every part of a batch as if it had been sent alone by
// the batch's account, in one pass over the body:
//
//   - the batch's action is the strongest of its parts': a part to block
//     blocks the batch (403), a part to throttle throttles it (429);
//   - a batch whose strongest action is degrade goes upstream with its
//     degraded parts rewritten in place, as single requests are, and its
//     other parts byte for byte;
//   - every part is metered in tokens; the batch counts as one request
//     (see limiter.Subject.BatchPart). A refused batch's parts are
//     refunded, so that its retry is not charged twice;
//   - the decision record carries the number of parts and each part's
//     action (Record.Parts, Record.PartActions).
//
// An OpenAI batch is a file uploaded with POST /v1/files (purpose
// "batch"), then named by POST /v1/batches. The file's lines are decided
// at upload: degraded lines are rewritten in the upload, and a batch file
// with a line to throttle is refused there (429). The file's verdict is
// kept under the file id the upstream returns (a bounded table) and
// applied when POST /v1/batches names the file: a block verdict refuses
// the batch (403).

// DefaultMaxBatchBytes is the default bound on a batch body (an Anthropic
// message batch, or an OpenAI batch file upload).
const DefaultMaxBatchBytes = 64 << 20

// defaultBatchFiles is the default size of the table of batch file
// verdicts.
const defaultBatchFiles = 1 << 16

// RoutesConfig says what the guard does with requests outside its routes.
type RoutesConfig struct {
	// RefuseUnknownPost answers a POST under /v1 that sluice does not know
	// with 404 in the dialect's format; otherwise it is passed, and
	// counted (sluice_unknown_posts_total).
	RefuseUnknownPost bool
	// RefuseUnknownBatchFile answers POST /v1/batches naming a file whose
	// verdict sluice does not hold (uploaded elsewhere, before a restart,
	// or through another replica) with 404; otherwise it is passed, and
	// counted (sluice_batch_files_total{result="unknown"}).
	RefuseUnknownBatchFile bool
	// BatchFiles is the number of batch file verdicts kept (LRU). Default
	// 65536.
	BatchFiles int
}

// partLetter is a part's action in Record.PartActions: a(llow),
// d(egrade), t(hrottle), b(lock), and '-' for a line of a batch file that
// asks no model for an answer (an embeddings line, say).
var partLetter = [...]byte{'a', 'd', 't', 'b', 'e'}

// batchState is the scratch of one batch, kept in the request state.
type batchState struct {
	sc    dialect.Scanner
	decs  []limiter.Decision
	acts  []byte
	spans []partSpan // parts to rewrite
	key   []byte
}

// partSpan is a degraded part's body: its bounds in the batch body and
// its endpoint.
type partSpan struct {
	start, end int
	ep         fingerprint.Endpoint
	measures   limiter.Measures
}

func (b *batchState) reset() {
	b.decs = b.decs[:0]
	b.acts = b.acts[:0]
	b.spans = b.spans[:0]
}

// batchVerdict is what the parts' decisions come to.
type batchVerdict struct {
	action   limiter.Action // strongest logged action
	enforced limiter.Action // strongest enforced action
	dec      limiter.Decision
	reasons  limiter.Reasons
	measures limiter.Measures
	retry    time.Duration
	tokens   limiter.Tokens
	model    string
}

// batchJudge decides the parts of one batch.
type batchJudge struct {
	g   *Guard
	st  *state
	now time.Time
	id  Identity
	h   http.Header
	// order is the headers in wire order (replay), or nil: then h's
	order []fingerprint.Header
	v     batchVerdict
}

// part decides the request body at body[off:] sent to ep, and returns the
// offset past it. base is added to the part's bounds for the rewrite
// (the offset of body within the forwarded bytes).
func (j *batchJudge) part(ep fingerprint.Endpoint, body []byte, off, base int) (int, error) {
	st := j.st
	end, err := st.parser.ParseAt(ep, body, off, &st.req)
	if err != nil {
		return end, err
	}
	g := j.g
	est := g.fill(st, j.id, j.h, j.order)
	b := &st.batch
	subj := limiter.Subject{Account: j.id.Account, Net: st.print.Client.Net, BatchPart: len(b.decs) > 0}
	d := g.engine.Decide(j.now, subj, &st.print, est)
	if j.v.model == "" && st.req.Model != "" {
		j.v.model = st.req.Model
	}
	j.add(&d)
	if d.Enforced() == limiter.ActionDegrade {
		if m := d.Measures &^ g.degrade.Shadow; m&requestMeasures != 0 {
			b.spans = append(b.spans, partSpan{start: base + off, end: base + end, ep: ep, measures: m})
		}
	}
	return end, nil
}

// add folds one part's decision into the verdict.
func (j *batchJudge) add(d *limiter.Decision) {
	b := &j.st.batch
	b.decs = append(b.decs, *d)
	b.acts = append(b.acts, partLetter[min(int(d.Action), len(partLetter)-1)])
	v := &j.v
	v.tokens += d.Reserved
	v.reasons |= d.Reasons
	if d.Action > v.action || (d.Action == v.action && d.Score > v.dec.Score) || len(b.decs) == 1 {
		v.dec = *d
		v.action = max(v.action, d.Action)
	}
	if e := d.Enforced(); e > v.enforced {
		v.enforced = e
	}
	if d.Action == limiter.ActionDegrade {
		v.measures |= d.Measures
	}
	v.retry = max(v.retry, d.RetryAfter)
}

// skipped notes a part that asks no model for an answer.
func (j *batchJudge) skipped() {
	j.st.batch.acts = append(j.st.batch.acts, '-')
}

// refund gives back the tokens a refused batch's parts were charged
// (exactly what each decision charged: Engine.Settle with 0).
func (j *batchJudge) refund() {
	for i := range j.st.batch.decs {
		if d := &j.st.batch.decs[i]; d.Reserved > 0 {
			j.g.engine.Settle(j.now, d, 0)
		}
	}
}

// record writes the batch's decision record.
func (j *batchJudge) record(rid string, d fingerprint.Dialect, extra string) {
	if j.g.log == nil {
		return
	}
	rec := j.recordOf(rid, d, extra)
	j.g.log.Write(&rec)
}

// recordOf is the batch's decision record.
func (j *batchJudge) recordOf(rid string, d fingerprint.Dialect, extra string) Record {
	v := &j.v
	b := &j.st.batch
	rec := Record{
		TS:          j.now,
		RequestID:   rid,
		Account:     j.id.Account,
		IP:          j.id.IP,
		Cluster:     v.dec.Cluster,
		Score:       v.dec.Score,
		Action:      v.action,
		Reasons:     v.reasons,
		Measures:    v.measures,
		Shadow:      v.dec.Shadow,
		Dialect:     d,
		Model:       v.model,
		Tokens:      v.tokens,
		Extra:       extra,
		Parts:       len(b.acts),
		PartActions: string(b.acts),
	}
	rec.ShadowMeasures = rec.Measures & j.g.degrade.Shadow
	if rec.Cluster == 0 {
		rec.Cluster = limiter.ClusterID(j.id.Account)
	}
	return rec
}

// rewrite returns body with the degraded parts rewritten in place, in a
// new buffer (nil when no part is to be rewritten). A part the parser
// accepted and the rewriter does not (their JSON walkers differ on
// bodies nested past 64 levels) fails the batch: a degraded part never
// goes upstream as it came.
func (j *batchJudge) rewrite(body []byte) (*bodyBuf, error) {
	spans := j.st.batch.spans
	if len(spans) == 0 {
		return nil, nil
	}
	g := j.g
	nb := getBody(int64(len(body)+64*len(spans)), int64(len(body))*2+int64(64*len(spans)))
	out := nb.buf[:0]
	rw := rewriters.Get().(*shape.Rewriter)
	defer rewriters.Put(rw)
	prev := 0
	for _, sp := range spans {
		out = append(out, body[prev:sp.start]...)
		cfg := g.degrade.shape(sp.measures)
		var err error
		out, err = rw.Request(out, body[sp.start:sp.end], sp.ep, &cfg, false)
		if err != nil {
			nb.buf = out
			nb.release()
			return nil, &dialect.Error{Kind: dialect.InvalidRequest, Msg: "a part of the batch could not be processed"}
		}
		prev = sp.end
	}
	nb.buf = append(out, body[prev:]...)
	return nb, nil
}

// batchError is a batch that cannot be judged: the client's message names
// the part.
func batchError(part int, field string, err error) error {
	// the walker's own errors are fixed texts, safe to show; a parser
	// error carries its client-safe message
	msg := err.Error()
	var de *dialect.Error
	if errors.As(err, &de) {
		msg = de.Msg
	}
	return &dialect.Error{Kind: dialect.InvalidRequest, Msg: fmt.Sprintf("%s[%d]: %s", field, part, msg)}
}

// key reads an object key, unescaped into the batch scratch when needed.
func (b *batchState) readKey(body []byte) ([]byte, error) {
	s, e, esc, err := b.sc.Key()
	if err != nil {
		return nil, err
	}
	if !esc {
		return body[s:e], nil
	}
	b.key = dialect.Unescape(b.key[:0], body[s:e])
	return b.key, nil
}

// errNotObject is members' error for a value that is not an object.
var errNotObject = errors.New("must be a JSON object")

// members walks the JSON object at the scanner's position (body is the
// scanner's buffer), calling f with each key and the scanner just before
// its value: f reads the value and returns true, or returns false and the
// walker skips it. A key f reads twice is refused (once names the keys f
// reads); the upstream would read one of the two and sluice must judge
// that one.
func (b *batchState) members(body []byte, f func(key []byte) (bool, error)) error {
	sc := &b.sc
	if sc.Peek() != '{' {
		return errNotObject
	}
	if err := sc.Open('{'); err != nil {
		return err
	}
	for first := true; ; first = false {
		more, err := sc.More(first, '}')
		if err != nil || !more {
			return err
		}
		key, err := b.readKey(body)
		if err != nil {
			return err
		}
		read, err := f(key)
		if err != nil {
			return err
		}
		if !read {
			if err := sc.Skip(); err != nil {
				return err
			}
		}
	}
}

// messageBatch decides every part of an Anthropic message batch body:
// {"requests":[{"custom_id":..., "params":{...a /v1/messages body...}}, ...]}.
// A key that appears twice (requests, or a part's params) is refused: the
// upstream would read one of them and sluice must judge that one.
func (j *batchJudge) messageBatch(body []byte) error {
	b := &j.st.batch
	b.sc.Reset(body)
	found := false
	err := b.members(body, func(key []byte) (bool, error) {
		if string(key) != "requests" {
			return false, nil
		}
		if found {
			return true, &dialect.Error{Kind: dialect.InvalidRequest, Msg: "requests: appears twice"}
		}
		found = true
		return true, j.messageParts(body)
	})
	if errors.Is(err, errNotObject) {
		return &dialect.Error{Kind: dialect.InvalidRequest, Msg: "the request body must be a JSON object"}
	}
	if err != nil {
		return err
	}
	if err := b.sc.End(); err != nil {
		return err
	}
	if !found {
		return &dialect.Error{Kind: dialect.InvalidRequest, Msg: "requests: required"}
	}
	return nil
}

func (j *batchJudge) messageParts(body []byte) error {
	b := &j.st.batch
	sc := &b.sc
	if sc.Peek() != '[' {
		return &dialect.Error{Kind: dialect.InvalidRequest, Msg: "requests: must be an array"}
	}
	if err := sc.Open('['); err != nil {
		return err
	}
	for i, first := 0, true; ; i, first = i+1, false {
		more, err := sc.More(first, ']')
		if err != nil || !more {
			return err
		}
		params := false
		err = b.members(body, func(key []byte) (bool, error) {
			if string(key) != "params" {
				return false, nil
			}
			if params {
				return true, batchError(i, "requests", errors.New("params appears twice"))
			}
			params = true
			sc.Peek()
			end, err := j.part(fingerprint.EndpointMessages, body, sc.Pos(), 0)
			if err != nil {
				return true, batchError(i, "requests", err)
			}
			sc.Seek(end)
			return true, nil
		})
		if errors.Is(err, errNotObject) {
			return batchError(i, "requests", errors.New("must be an object"))
		}
		if err != nil {
			return err
		}
		if !params {
			return batchError(i, "requests", errors.New("params: required"))
		}
	}
}

// fileLines decides every line of an OpenAI batch file: JSON lines
// {"custom_id":..., "method":"POST", "url":"/v1/chat/completions",
// "body":{...}}. The url is normalised as a request path is; a line whose
// url is not a model endpoint asks no model for an answer and is not
// decided. base is the file's offset in the forwarded bytes.
func (j *batchJudge) fileLines(file []byte, base int) error {
	b := &j.st.batch
	sc := &b.sc
	n := 0
	for off := 0; off < len(file); {
		nl := bytes.IndexByte(file[off:], '\n')
		end := len(file)
		if nl >= 0 {
			end = off + nl
		}
		line := file[off:end]
		lineBase := base + off
		off = end + 1
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		sc.Reset(line)
		ep := fingerprint.EndpointOther
		hasURL, hasBody := false, false
		bodyAt := -1
		err := b.members(line, func(key []byte) (bool, error) {
			switch string(key) {
			case "url":
				if hasURL {
					return true, errors.New("url appears twice")
				}
				hasURL = true
				s, e, esc, err := sc.Str()
				if err != nil {
					return true, errors.New("url must be a string")
				}
				raw := line[s:e]
				if esc {
					raw = dialect.Unescape(nil, raw)
				}
				rt, ok := lineRoute(string(raw))
				if !ok {
					return true, errors.New("url is not a valid path")
				}
				switch {
				case rt.route == routeModel:
					ep = rt.endpoint
				case j.g.routes.RefuseUnknownPost && !batchNonModelURL(rt.path):
					return true, errors.New("url is not an endpoint this gateway knows")
				}
				return true, nil
			case "body":
				if hasBody {
					return true, errors.New("body appears twice")
				}
				hasBody = true
				sc.Peek()
				bodyAt = sc.Pos()
				if !hasURL || ep == fingerprint.EndpointOther {
					return false, nil // skipped now; parsed below once the url is known
				}
				end, err := j.part(ep, line, bodyAt, lineBase)
				if err != nil {
					return true, err
				}
				sc.Seek(end)
				bodyAt = -2 // decided
				return true, nil
			}
			return false, nil
		})
		if err != nil {
			return batchError(n, "line", err)
		}
		if err := sc.End(); err != nil {
			return batchError(n, "line", err)
		}
		switch {
		case bodyAt >= 0 && ep != fingerprint.EndpointOther:
			// the url came after the body: parse the body now
			if _, err := j.part(ep, line, bodyAt, lineBase); err != nil {
				return batchError(n, "line", err)
			}
		case bodyAt == -2:
		default:
			j.skipped()
		}
		n++
	}
	return nil
}

// batchFiles is the bounded table of batch file verdicts, by file id. The
// verdicts that act (degrade, block) are kept apart from the ones that
// allow, so that a flood of harmless uploads cannot evict a block.
type batchFiles struct {
	mu     sync.Mutex // orders a creation's read and update of runs
	acted  *lru.Cache[string, fileVerdict]
	passed *lru.Cache[string, fileVerdict]
}

// fileVerdict is what a batch file's lines came to at upload.
type fileVerdict struct {
	action  limiter.Action // enforced
	logged  limiter.Action
	score   float32
	reasons limiter.Reasons
	account limiter.AccountID
	cluster limiter.ClusterID
	parts   int
	shadow  bool
	// tokens is the lines' estimate, charged at upload for the first run;
	// runs counts the batches created from the file so far
	tokens limiter.Tokens
	runs   int
}

func newBatchFiles(n int) *batchFiles {
	if n <= 0 {
		n = defaultBatchFiles
	}
	acted, _ := lru.New[string, fileVerdict](max(1, n/4))
	passed, _ := lru.New[string, fileVerdict](n)
	return &batchFiles{acted: acted, passed: passed}
}

func (f *batchFiles) add(id string, v fileVerdict) {
	if v.action != limiter.ActionAllow {
		f.acted.Add(id, v)
		return
	}
	f.passed.Add(id, v)
}

// run looks up the verdict of the file a batch names and counts the run.
func (f *batchFiles) run(id string) (fileVerdict, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.acted.Get(id)
	if !ok {
		if v, ok = f.passed.Get(id); !ok {
			return v, false
		}
	}
	v.runs++
	f.add(id, v)
	return v, true
}

// fileIDFrom reads the "id" of an upstream file object.
func fileIDFrom(b []byte) (string, bool) {
	var sc dialect.Scanner
	sc.Reset(b)
	if sc.Peek() != '{' || sc.Open('{') != nil {
		return "", false
	}
	for first := true; ; first = false {
		more, err := sc.More(first, '}')
		if err != nil || !more {
			return "", false
		}
		s, e, esc, err := sc.Key()
		if err != nil {
			return "", false
		}
		if string(b[s:e]) == "id" && !esc {
			s, e, esc, err := sc.Str()
			if err != nil {
				return "", false
			}
			id := b[s:e]
			if esc {
				id = dialect.Unescape(nil, id)
			}
			return string(id), len(id) > 0 && len(id) <= 256
		}
		if sc.Skip() != nil {
			return "", false
		}
	}
}

// lineRoute routes a batch file line's url as a request path is routed
// (the query and fragment do not take part).
func lineRoute(u string) (routed, bool) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	dec, err := url.PathUnescape(u)
	if err != nil {
		return routed{}, false
	}
	esc := ""
	if dec != u {
		esc = u
	}
	return classify(http.MethodPost, dec, esc)
}

// batchNonModelURL reports whether a batch line's url (normalised) is an
// endpoint of OpenAI's batch API that asks no model for an answer sluice
// guards: embeddings and moderations.
func batchNonModelURL(p string) bool {
	p = strings.ToLower(strings.TrimSuffix(p, "/"))
	return p == "/v1/embeddings" || p == "/v1/moderations"
}
