// Package proxy is sluice's HTTP edge: the guard middleware, the reverse
// proxy to the model API, identity, the decision log, replay and metrics.
//
// # The guard
//
// Guard.Handler(next) is a func(http.Handler) http.Handler: model requests
// (POST /v1/chat/completions, /v1/completions, /v1/responses,
// /v1/messages) are read (bounded), identified, parsed (proxy/dialect),
// fingerprinted (package fingerprint) and decided (package limiter); the
// decision is logged and enforced — allow forwards the request byte for
// byte, throttle answers 429 with Retry-After, block 403, both in the
// dialect's own error format, and degrade rewrites the request and shapes
// the answer (proxy/shape). Every other request goes to next untouched.
//
// NewForwarder builds the httputil.ReverseProxy to the upstream, with a
// transport tuned for one high-concurrency upstream; NewHandler routes model
// endpoints through the guard to it with chi. Streamed answers are flushed
// event by event.
//
// # Replay
//
// Guard.Replay runs recorded traffic (trace records, one JSON object per
// line) through the same identity, parse, fingerprint and engine code as
// the live path, on each record's timestamp, and writes one decision record
// per input record, in order.
//
// # Example
//
//	eng, _ := limiter.New(limiter.DefaultConfig())
//	guard, _ := proxy.New(proxy.Config{Log: proxy.NewDecisionLog(os.Stdout, 0)}, eng)
//	fwd, _ := proxy.NewForwarder(proxy.UpstreamConfig{URL: "https://api.example.com"}, nil)
//	http.ListenAndServe(":8080", proxy.NewHandler(guard, fwd))
package proxy
