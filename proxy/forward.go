package proxy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// UpstreamConfig configures the reverse proxy to the model API. Zero fields
// take the documented defaults.
type UpstreamConfig struct {
	// URL of the model API, e.g. https://api.example.com. Required.
	URL string `yaml:"url"`
	// DialTimeout bounds connecting to the upstream. Default 5s.
	DialTimeout time.Duration `yaml:"dial_timeout"`
	// ResponseHeaderTimeout bounds the wait for the upstream's response
	// headers (a non-streamed completion sends them only when done).
	// Default 10m.
	ResponseHeaderTimeout time.Duration `yaml:"response_header_timeout"`
	// IdleConnTimeout closes idle upstream connections. Default 90s.
	IdleConnTimeout time.Duration `yaml:"idle_conn_timeout"`
	// MaxIdleConnsPerHost sizes the idle pool. Default 512.
	MaxIdleConnsPerHost int `yaml:"max_idle_conns_per_host"`
	// StreamIdleTimeout ends a streamed (SSE) response whose upstream
	// sends nothing for this long: a stalled upstream does not hold the
	// client forever. Default 5m (model APIs send keep-alive events while
	// a long answer is prepared); negative turns it off.
	StreamIdleTimeout time.Duration `yaml:"stream_idle_timeout"`
	// Logger, when set, is told of every failed upstream round trip (502
	// or 504 answered by sluice), with the request id and the cause.
	Logger *slog.Logger `yaml:"-"`
	// XForwardedFor adds X-Forwarded-For/-Host/-Proto for the upstream.
	// Default true; set false to hide client addresses from the upstream.
	XForwardedFor *bool `yaml:"x_forwarded_for"`
}

// NewTransport returns an http.Transport tuned for one high-concurrency
// upstream: a large idle pool for that host, HTTP/2 when the upstream
// offers it over TLS, bounded connect and header waits, larger I/O buffers,
// and no transparent compression (the client's Accept-Encoding passes
// through and the body comes back as the upstream sent it).
func NewTransport(cfg UpstreamConfig) *http.Transport {
	dial := cfg.DialTimeout
	if dial <= 0 {
		dial = 5 * time.Second
	}
	hdr := cfg.ResponseHeaderTimeout
	if hdr <= 0 {
		hdr = 10 * time.Minute
	}
	idle := cfg.IdleConnTimeout
	if idle <= 0 {
		idle = 90 * time.Second
	}
	per := cfg.MaxIdleConnsPerHost
	if per <= 0 {
		per = 512
	}
	d := &net.Dialer{Timeout: dial, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          per * 2,
		MaxIdleConnsPerHost:   per,
		IdleConnTimeout:       idle,
		TLSHandshakeTimeout:   dial,
		ResponseHeaderTimeout: hdr,
		ExpectContinueTimeout: time.Second,
		DisableCompression:    true,
		WriteBufferSize:       32 << 10,
		ReadBufferSize:        32 << 10,
	}
}

// NewForwarder returns the reverse proxy to the upstream. Streamed (SSE)
// responses are flushed event by event (httputil.ReverseProxy does so for
// text/event-stream). Upstream failures are answered in the dialect's error
// format: 502 when it cannot be reached, 504 when it times out.
func NewForwarder(cfg UpstreamConfig, reg prometheus.Registerer) (*httputil.ReverseProxy, error) {
	if cfg.URL == "" {
		return nil, errors.New("upstream.url: required")
	}
	target, err := url.Parse(cfg.URL)
	if err != nil || (target.Scheme != "http" && target.Scheme != "https") || target.Host == "" {
		return nil, fmt.Errorf("upstream.url: %q is not an http(s) URL", cfg.URL)
	}
	xff := cfg.XForwardedFor == nil || *cfg.XForwardedFor
	up := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "sluice_upstream_seconds",
		Help:    "Time from sending a request upstream to its response headers, by status code class.",
		Buckets: prometheus.ExponentialBuckets(0.005, 2.5, 12),
	}, []string{"code"})
	if reg != nil {
		if err := reg.Register(up); err != nil {
			var are prometheus.AlreadyRegisteredError
			if errors.As(err, &are) {
				up = are.ExistingCollector.(*prometheus.HistogramVec)
			} else {
				return nil, err
			}
		}
	}
	rt := &timedTransport{rt: NewTransport(cfg), streamIdle: cfg.StreamIdleTimeout}
	if rt.streamIdle == 0 {
		rt.streamIdle = 5 * time.Minute
	}
	for i := range rt.byClass {
		rt.byClass[i] = up.WithLabelValues(strconv.Itoa(i) + "xx")
	}
	rt.failed = up.WithLabelValues("error")
	rp := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			if br, ok := pr.In.Body.(*bodyReader); ok && pr.Out.Body != nil {
				// The guard's in-memory body goes upstream as it is, not
				// in ReverseProxy's no-op-close wrapper (which guards a
				// client connection's body: closing this one only drops
				// a reference), so that ModifyResponse finds the
				// exchange through res.Request.Body: no context value
				// and no request copy per request.
				pr.Out.Body = br
			}
			pr.SetURL(target)
			if xff {
				pr.SetXForwarded()
			}
		},
		Transport:  rt,
		BufferPool: bufferPool{},
		ModifyResponse: func(res *http.Response) error {
			// the response carries the request's id (the one in the decision
			// log); an upstream that answers with an id of its own keeps it
			// as X-Upstream-Request-Id, for its support
			if id := res.Request.Header["X-Request-Id"]; len(id) > 0 && id[0] != "" {
				if up := res.Header["X-Request-Id"]; len(up) > 0 && up[0] != id[0] {
					res.Header["X-Upstream-Request-Id"] = up
				}
				res.Header["X-Request-Id"] = id[:1:1] // shared, never written
			}
			if x := exchangeOf(res.Request); x != nil {
				return x.modifyResponse(res)
			}
			return nil
		},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			status := upstreamError(w, r, err)
			if status == 0 {
				return
			}
			if f, ok := w.(upstreamFailer); ok {
				f.upstreamFailed()
			}
			if cfg.Logger != nil {
				cfg.Logger.Warn("upstream failed", "status", status, "request_id", r.Header.Get("X-Request-Id"), "path", r.URL.Path, "err", err)
			}
		},
	}
	return rp, nil
}

// upstreamError answers a failed upstream round trip and returns the
// status it answered. A client that went away gets nothing (there is no
// one to answer): 0.
func upstreamError(w http.ResponseWriter, r *http.Request, err error) int {
	if errors.Is(err, context.Canceled) || r.Context().Err() != nil {
		return 0
	}
	d, _ := dialect.Detect(r.URL.Path)
	if d == fingerprint.DialectUnknown {
		d = fingerprint.DialectOpenAI
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		dialect.WriteError(w, d, http.StatusGatewayTimeout, dialect.API, "the upstream model API timed out")
		return http.StatusGatewayTimeout
	}
	dialect.WriteError(w, d, http.StatusBadGateway, dialect.API, "the upstream model API could not be reached")
	return http.StatusBadGateway
}

// timedTransport observes the upstream latency to response headers.
type timedTransport struct {
	rt         http.RoundTripper
	byClass    [6]prometheus.Observer
	failed     prometheus.Observer
	streamIdle time.Duration // <= 0: no idle bound on streams
}

func (t *timedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	start := time.Now()
	res, err := t.rt.RoundTrip(r)
	took := time.Since(start).Seconds()
	if err != nil {
		t.failed.Observe(took)
		return nil, err
	}
	if c := res.StatusCode / 100; c >= 0 && c < len(t.byClass) {
		t.byClass[c].Observe(took)
	}
	if t.streamIdle > 0 && strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		res.Body = newIdleBody(res.Body, t.streamIdle)
	}
	return res, nil
}

// idleBody closes a streamed response body that has been silent for the
// idle bound: the read blocked on it fails, and the stream ends.
type idleBody struct {
	io.ReadCloser
	idle  time.Duration
	timer *time.Timer
}

func newIdleBody(rc io.ReadCloser, idle time.Duration) *idleBody {
	b := &idleBody{ReadCloser: rc, idle: idle}
	b.timer = time.AfterFunc(idle, func() { _ = rc.Close() })
	return b
}

func (b *idleBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 {
		b.timer.Reset(b.idle)
	}
	return n, err
}

func (b *idleBody) Close() error {
	b.timer.Stop()
	return b.ReadCloser.Close()
}

// bufferPool is the ReverseProxy copy-buffer pool (32 KiB buffers).
type bufferPool struct{}

var copyBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

func (bufferPool) Get() []byte  { return *(copyBufs.Get().(*[]byte)) }
func (bufferPool) Put(b []byte) { copyBufs.Put(&b) }

// modelPaths are the model endpoints the guard inspects.
var modelPaths = []string{"/v1/chat/completions", "/v1/completions", "/v1/responses", "/v1/messages"}

// NewHandler routes the guarded routes (POST to one of GuardedRoutes)
// through the guard to fwd with chi, and every other request through the
// guard to fwd as is: the guard normalises every path (see route.go), so
// a request chi does not match in its canonical spelling ("/v1//messages",
// "/V1/MESSAGES", "/v1/%63hat/completions") is guarded like any other.
func NewHandler(g *Guard, fwd http.Handler) http.Handler {
	pass := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		req.Header["X-Request-Id"] = requestIDValue(req)
		if req.Body != nil && req.Body != http.NoBody {
			// the inbound body is streamed upstream while the response may
			// already flow back: keep reading it (golang/go#40747)
			_ = http.NewResponseController(w).EnableFullDuplex()
		}
		fwd.ServeHTTP(w, req)
	})
	r := chi.NewRouter()
	guarded := g.Handler(fwd)
	for _, p := range GuardedRoutes() {
		r.Method(http.MethodPost, p, guarded)
	}
	rest := g.Handler(pass)
	r.NotFound(rest.ServeHTTP)
	r.MethodNotAllowed(rest.ServeHTTP)
	return r
}
