package proxy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"os"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// DefaultMaxBodyBytes is the default bound on a model request body.
const DefaultMaxBodyBytes = 4 << 20

// Config configures a Guard. Zero fields take the documented defaults.
type Config struct {
	// Identity says how accounts and client addresses are derived.
	Identity IdentityConfig
	// Fingerprint seeds the prompt prints.
	Fingerprint fingerprint.Config
	// MaxBodyBytes bounds a model request body; larger bodies get 413.
	// Default DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxInflightBodyBytes bounds the bytes of request bodies held at
	// once over every request; beyond it a request gets 503 with
	// Retry-After. 0: no bound.
	MaxInflightBodyBytes int64
	// MaxBatchBytes bounds a batch body (an Anthropic message batch, an
	// OpenAI batch file upload); larger ones get 413. Default
	// DefaultMaxBatchBytes.
	MaxBatchBytes int64
	// Routes says what is done with requests outside the guarded routes.
	Routes RoutesConfig
	// Log receives one record per decision. Nil: no decision log.
	Log *DecisionLog
	// Registerer receives the guard's metrics. Nil: metrics are kept but not
	// registered anywhere.
	Registerer prometheus.Registerer
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Degrade holds the parameters of the degrade measures.
	Degrade DegradeConfig
	// Meter configures token metering from the upstream's usage (on by
	// default) and rate-limit headers (off by default). Shaping and
	// metering need the response side of NewForwarder.
	Meter MeterConfig
}

// Guard is the sluice middleware: it fingerprints every model request,
// asks the engine for a decision and acts on it. Build one with New; it is
// safe for concurrent use. Use Handler to wrap the handler that forwards
// requests upstream.
type Guard struct {
	engine  *limiter.Engine
	ident   *Identifier
	hasher  *fingerprint.Hasher
	maxBody int64
	budget  *bodyBudget // nil: no bound on the body bytes held at once
	// maxBatch bounds batch bodies; routes and files are the route
	// policy and the batch file verdicts (see batch.go)
	maxBatch int64
	routes   RoutesConfig
	files    *batchFiles
	log      *DecisionLog
	metrics  *metrics
	now      func() time.Time
	states   sync.Pool
	degrade  DegradeConfig
	meter    MeterConfig
}

// New returns a Guard that decides with engine.
func New(cfg Config, engine *limiter.Engine) (*Guard, error) {
	if engine == nil {
		return nil, errors.New("proxy: New: nil engine")
	}
	ident, err := NewIdentifier(cfg.Identity)
	if err != nil {
		return nil, err
	}
	if cfg.MaxInflightBodyBytes < 0 {
		return nil, errors.New("limits.max_inflight_body_bytes: must be >= 0")
	}
	if cfg.MaxBodyBytes < 0 {
		return nil, fmt.Errorf("limits.max_body_bytes: must be > 0")
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxBatchBytes < 0 {
		return nil, fmt.Errorf("limits.max_batch_bytes: must be > 0")
	}
	if cfg.MaxBatchBytes == 0 {
		cfg.MaxBatchBytes = DefaultMaxBatchBytes
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if err := cfg.Degrade.validate(); err != nil {
		return nil, err
	}
	g := &Guard{
		degrade: cfg.Degrade,
		meter:   cfg.Meter,
		engine:  engine,
		ident:   ident,
		hasher:  fingerprint.New(cfg.Fingerprint),
		maxBody: cfg.MaxBodyBytes,
		log:     cfg.Log,

		maxBatch: cfg.MaxBatchBytes,
		budget:   newBodyBudget(cfg.MaxInflightBodyBytes),
		routes:   cfg.Routes,
		files:    newBatchFiles(cfg.Routes.BatchFiles),
		now:      cfg.Now,
	}
	g.metrics = newMetrics(cfg.Registerer, engine)
	g.states.New = func() any { return &state{} }
	return g, nil
}

// Engine returns the guard's engine.
func (g *Guard) Engine() *limiter.Engine { return g.engine }

// state is the per-request scratch, pooled: the parser, the parsed request
// and its prints.
type state struct {
	parser  *dialect.Parser
	req     fingerprint.Request
	print   fingerprint.Print
	client  fingerprint.Client
	headers []fingerprint.Header
	batch   batchState
}

func (g *Guard) getState() *state {
	st := g.states.Get().(*state)
	if st.parser == nil {
		st.parser = dialect.Get()
	}
	return st
}

func (g *Guard) putState(st *state) {
	st.req = fingerprint.Request{Turns: st.req.Turns[:0]}
	clear(st.headers)
	st.headers = st.headers[:0]
	st.client = fingerprint.Client{}
	st.batch.reset()
	g.states.Put(st)
}

// outcome is what evaluate found for one request.
type outcome struct {
	id       Identity
	dialect  fingerprint.Dialect
	endpoint fingerprint.Endpoint
	dec      limiter.Decision
	tokens   limiter.Tokens
	// what the response side needs of the request
	stream, includeUsage bool
	prompt               limiter.Tokens
}

// arrival is what one request brings: its endpoint, headers (in wire
// order when order is set), the peer's address, its TLS print and its
// body.
type arrival struct {
	ep    fingerprint.Endpoint
	h     http.Header
	order []fingerprint.Header
	peer  netip.Addr
	ja4   string
	body  []byte
}

// evaluate runs identity, parse, fingerprint and engine for one request:
// inputs, then decide. serve calls it; replay calls the two stages itself
// (a parallel replay runs them on different goroutines). It returns a
// *dialect.Error for a body that does not parse.
func (g *Guard) evaluate(now time.Time, st *state, in *arrival) (outcome, error) {
	o, err := g.inputs(st, in)
	if err != nil {
		return o, err
	}
	o.dec = g.decide(now, o.subject(st), &st.print, o.tokens)
	return o, nil
}

// decide is the engine stage: the decision on a request from who sent
// it, its prints and its token estimate, at now.
func (g *Guard) decide(now time.Time, s limiter.Subject, p *fingerprint.Print, est limiter.Tokens) limiter.Decision {
	return g.engine.Decide(now, s, p, est)
}

// inputs is what a request's decision is made from: its identity, its
// parsed body and its prints (in st), and its token estimate.
func (g *Guard) inputs(st *state, in *arrival) (outcome, error) {
	var o outcome
	// identity
	o.id = g.ident.Identify(in.h, in.peer, in.ja4)
	// parse
	if err := st.parser.Parse(in.ep, in.body, &st.req); err != nil {
		o.dialect = st.req.Dialect
		return o, err
	}
	o.dialect, o.endpoint = st.req.Dialect, st.req.Endpoint
	// fingerprint
	o.tokens = g.fill(st, o.id, in.h, in.order)
	o.stream, o.includeUsage, o.prompt = st.req.Stream, st.req.StreamIncludeUsage, limiter.Tokens(st.print.Prompt.Tokens)
	return o, nil
}

// subject is who sent the prepared request.
func (o *outcome) subject(st *state) limiter.Subject {
	return limiter.Subject{Account: o.id.Account, Net: st.print.Client.Net}
}

// fill fills st's prints from its parsed request and the client (its
// headers in wire order when order is set; a map's are flattened once per
// state, so once for all the parts of a batch) and returns the request's
// token estimate.
func (g *Guard) fill(st *state, id Identity, h http.Header, order []fingerprint.Header) limiter.Tokens {
	st.client.IP, st.client.JA4, st.client.Hosting = id.IP, id.JA4, id.Hosting
	if order != nil {
		st.client.Headers, st.client.Ordered = order, true
	} else {
		if len(st.headers) == 0 {
			st.headers = appendHeaders(st.headers, h)
		}
		st.client.Headers, st.client.Ordered = st.headers, false
	}
	g.hasher.Fill(&st.req, &st.client, &st.print)
	return estimate(&st.req, &st.print)
}

// estimate is the token reservation for a request before its usage is
// known: the prompt estimate plus the completion it may ask for, capped so
// that an unset max_tokens does not reserve a whole context window.
func estimate(r *fingerprint.Request, p *fingerprint.Print) limiter.Tokens {
	out := r.MaxTokens
	if out <= 0 || out > 4096 {
		out = min(max(out, 1024), 4096)
	}
	n := max(r.N, 1)
	return limiter.Tokens(int(p.Prompt.Tokens) + out*n)
}

// appendHeaders flattens h (map order: net/http does not keep the wire
// order) into dst for the client print.
func appendHeaders(dst []fingerprint.Header, h http.Header) []fingerprint.Header {
	for k, vs := range h {
		if len(vs) > 0 {
			dst = append(dst, fingerprint.Header{Name: k, Value: vs[0]})
		}
	}
	return dst
}

// AccountOf returns the account id of an API key (Identifier.AccountOf).
func (g *Guard) AccountOf(key string) limiter.AccountID { return g.ident.AccountOf(key) }

// Handler returns the middleware: model requests (see dialect.Detect) are
// guarded, every other request goes to next untouched.
func (g *Guard) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g.serve(w, r, next)
	})
}

// serve routes a request on its normalised path (see route.go) and runs
// the guarded routes through the guard.
func (g *Guard) serve(w http.ResponseWriter, r *http.Request, next http.Handler) {
	rt, ok := classify(r.Method, r.URL.Path, r.URL.RawPath)
	if !ok {
		g.refusePath(w, r)
		return
	}
	if rt.path != r.URL.Path || r.URL.RawPath != "" {
		// forward what was decided: the normalised path (a copy of the
		// request, made only for a path that was not normal)
		r2 := r.WithContext(r.Context())
		u := *r.URL
		u.Path, u.RawPath = rt.path, ""
		r2.URL = &u
		r = r2
	}
	switch rt.route {
	case routeModel:
		g.serveModel(w, r, next, rt.dialect, rt.endpoint)
	case routeMessageBatch:
		g.serveMessageBatch(w, r, next)
	case routeFiles:
		g.serveFileUpload(w, r, next)
	case routeBatches:
		g.serveBatchCreate(w, r, next)
	case routeOther:
		if rt.dialect != fingerprint.DialectUnknown && hasMethodOverride(r.Header) {
			// a guarded route under another method, with a header that
			// some servers take as "treat this as a POST"
			w.Header().Set("X-Request-Id", requestIDValue(r)[0])
			g.metrics.rejected(rt.dialect, http.StatusBadRequest)
			dialect.WriteError(w, rt.dialect, http.StatusBadRequest, dialect.InvalidRequest, "method override headers are not accepted")
			return
		}
		if rt.underV1 && (r.Method == http.MethodPost || isRealtime(rt.path)) {
			// (the Realtime API answers over a WebSocket opened with GET:
			// a model's answers that sluice does not read, treated as an
			// unknown POST)
			if g.routes.RefuseUnknownPost {
				g.metrics.unknownPost(true)
				w.Header().Set("X-Request-Id", requestIDValue(r)[0])
				dialect.WriteError(w, guessDialect(rt.path, r.Header), http.StatusNotFound, dialect.NotFound, "unknown endpoint: "+r.Method+" "+rt.path)
				return
			}
			g.metrics.unknownPost(false)
		}
		next.ServeHTTP(w, r)
	default:
		next.ServeHTTP(w, r)
	}
}

// refusePath answers a request whose path sluice refuses (see route.go).
func (g *Guard) refusePath(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", requestIDValue(r)[0])
	d := guessDialect(r.URL.Path, r.Header)
	g.metrics.rejected(d, http.StatusBadRequest)
	dialect.WriteError(w, d, http.StatusBadRequest, dialect.InvalidRequest, "the request path is not valid: escaped slashes, path parameters (;), backslashes and control characters are not accepted")
}

// serveModel is the flow of DESIGN.md's data-flow diagram for one model
// request, one call per stage.
func (g *Guard) serveModel(w http.ResponseWriter, r *http.Request, next http.Handler, d fingerprint.Dialect, ep fingerprint.Endpoint) {
	start := time.Now()
	ridv := requestIDValue(r)
	rid := ridv[0]
	g.metrics.inFlight.Inc()
	defer g.metrics.inFlight.Dec()

	rw := getRespWriter(w, start)
	defer putRespWriter(rw)
	w = rw

	// bounded body read
	peer, _ := ParsePeer(r.RemoteAddr)
	body, status := readBody(r, g.maxBody, g.budget)
	if status != 0 {
		w.Header().Set("X-Request-Id", rid)
		g.metrics.rejected(d, status)
		// the refusal has a decision record too: who, and why
		o := outcome{id: g.ident.Identify(r.Header, peer, connJA4(r)), dialect: d}
		var reason string
		switch status {
		case http.StatusServiceUnavailable:
			reason = "body_bytes_busy"
			w.Header().Set("Retry-After", "1")
			dialect.WriteError(w, d, status, dialect.Overloaded, "too many request bytes in flight; retry shortly")
		case http.StatusRequestEntityTooLarge:
			reason = "body_too_large"
			dialect.WriteError(w, d, status, dialect.RequestTooLarge, fmt.Sprintf("request body exceeds the limit of %d bytes", g.maxBody))
		case http.StatusRequestTimeout:
			reason = "body_timeout"
			dialect.WriteError(w, d, status, dialect.InvalidRequest, "the request body did not arrive in time")
		case statusClientGone:
			reason = "body_incomplete"
			rw.status = statusClientGone // nothing is written: no one reads it
		default:
			reason = "body_unreadable"
			dialect.WriteError(w, d, status, dialect.InvalidRequest, "could not read the request body")
		}
		g.record(rw, r, g.record0(g.now(), rid, &o, "", reason), false, true)
		return
	}
	defer body.release()

	st := g.getState()
	now := g.now()
	o, err := g.evaluate(now, st, &arrival{ep: ep, h: r.Header, peer: peer, ja4: connJA4(r), body: body.bytes()})
	model := st.req.Model
	g.putState(st)
	if err != nil {
		// the client gets the parser's client-safe message, never err.Error()
		kind, msg := dialect.InvalidRequest, "the request body could not be parsed"
		var de *dialect.Error
		if errors.As(err, &de) {
			kind, msg = de.Kind, de.Msg
		}
		w.Header().Set("X-Request-Id", rid)
		g.metrics.rejected(d, kind.Status())
		dialect.WriteError(w, d, 0, kind, msg)
		g.record(rw, r, g.record0(now, rid, &o, model, "bad_request"), false, true)
		return
	}
	g.metrics.decided(d, o.dec.Action, time.Since(start))

	// act
	switch o.dec.Enforced() {
	case limiter.ActionThrottle:
		w.Header().Set("X-Request-Id", rid)
		writeThrottle(w, d, o.dec.RetryAfter)
		g.record(rw, r, g.record0(now, rid, &o, model, ""), false, true)
		return
	case limiter.ActionBlock:
		w.Header().Set("X-Request-Id", rid)
		dialect.WriteError(w, d, http.StatusForbidden, dialect.Permission, "this request was refused by the API's usage policy")
		g.record(rw, r, g.record0(now, rid, &o, model, ""), false, true)
		return
	}
	r.Header["X-Request-Id"] = ridv
	r, fwd := g.prepare(r, &o, body)
	if fwd != body {
		defer fwd.release()
	}
	r.ContentLength = int64(len(fwd.bytes()))
	r.GetBody = nil
	r.Header.Del("Transfer-Encoding")
	// the record is written once the response has ended, with how it
	// ended; a handler that panics (ReverseProxy cuts a response that
	// fails mid-body so) is recorded as aborted on the way out
	rec := g.record0(now, rid, &o, model, "")
	completed := false
	defer func() {
		if !completed {
			g.record(rw, r, rec, true, false)
		}
	}()
	next.ServeHTTP(w, r)
	completed = true
	g.record(rw, r, rec, true, true)
}

// statusClientGone is the status a decision record gives a request whose
// client went away before sluice could answer (nginx's 499); it is never
// sent.
const statusClientGone = 499

// record0 returns the decision record of one request, without its end.
func (g *Guard) record0(now time.Time, rid string, o *outcome, model, errReason string) Record {
	rec := Record{
		TS:        now,
		RequestID: rid,
		Account:   o.id.Account,
		IP:        o.id.IP,
		Cluster:   o.dec.Cluster,
		Score:     o.dec.Score,
		Action:    o.dec.Action,
		Reasons:   o.dec.Reasons,
		Measures:  o.dec.Measures,
		// per-measure shadow: decided, logged, not applied
		ShadowMeasures: o.dec.Measures & g.degrade.Shadow,
		Shadow:         o.dec.Shadow,
		Dialect:        o.dialect,
		Model:          model,
		Tokens:         o.tokens,
		Extra:          errReason,
	}
	if errReason != "" {
		rec.Action = limiter.ActionError
		rec.Cluster = limiter.ClusterID(o.id.Account)
	}
	return rec
}

// record writes a request's decision record, with how its response ended,
// to the decision log: forwarded says it went to the next handler,
// completed that the handler returned.
func (g *Guard) record(rw *respWriter, r *http.Request, rec Record, forwarded, completed bool) {
	if g.log == nil {
		return
	}
	rw.end(&rec, forwarded, completed, r.Context().Err() != nil)
	g.log.Write(&rec)
}

// bodyErrorStatus is the status for a body read that failed with err: 413
// past a MaxBytesReader, 408 at the read deadline, statusClientGone when
// the client closed the connection or cancelled, 400 otherwise.
func bodyErrorStatus(r *http.Request, err error) int {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, os.ErrDeadlineExceeded):
		return http.StatusRequestTimeout
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, context.Canceled), r.Context().Err() != nil:
		return statusClientGone
	}
	return http.StatusBadRequest
}

// readBody reads at most limit bytes of r's body; it returns a status code
// (413, 400) instead of a body when that fails.
func readBody(r *http.Request, limit int64, budget *bodyBudget) (*bodyBuf, int) {
	if r.ContentLength > limit {
		return nil, http.StatusRequestEntityTooLarge
	}
	b := getBody(min(r.ContentLength, maxReserve), limit)
	b.budget = budget
	if !b.charge(int64(cap(b.buf))) {
		b.release()
		return nil, http.StatusServiceUnavailable
	}
	for {
		if len(b.buf) == cap(b.buf) {
			if int64(len(b.buf)) > limit {
				break
			}
			b.grow(limit + 1)
			if !b.charge(int64(cap(b.buf))) {
				b.release()
				return nil, http.StatusServiceUnavailable
			}
		}
		n, err := r.Body.Read(b.buf[len(b.buf):cap(b.buf)])
		b.buf = b.buf[:len(b.buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			b.release()
			return nil, bodyErrorStatus(r, err)
		}
	}
	if int64(len(b.buf)) > limit {
		b.release()
		return nil, http.StatusRequestEntityTooLarge
	}
	return b, 0
}
