package proxy

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// metrics holds the guard's Prometheus collectors with their label children
// looked up once, at construction. Labels are bounded: dialect, action,
// status code; never an account, a cluster or an address.
type metrics struct {
	requests [3][5]prometheus.Counter // dialect x action
	latency  prometheus.Observer
	rejects  *prometheus.CounterVec
	metered  [3]prometheus.Counter    // by dialect
	unknown  [2]prometheus.Counter    // unknown POSTs under /v1: passed, refused
	parts    [3][5]prometheus.Counter // batch parts: dialect x action
	files    [2]prometheus.Counter    // batch creations: file verdict found, unknown
	inFlight prometheus.Gauge         // model requests being served
}

func newMetrics(reg prometheus.Registerer, e *limiter.Engine) *metrics {
	req := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sluice_requests_total",
		Help: "Model requests decided by the guard, by dialect and action.",
	}, []string{"dialect", "action"})
	lat := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "sluice_decision_seconds",
		Help:    "Time the guard spends on a request before forwarding it (read, parse, prints, engine).",
		Buckets: []float64{5e-6, 10e-6, 25e-6, 50e-6, 100e-6, 250e-6, 500e-6, 1e-3, 5e-3, 25e-3, 0.1},
	})
	rej := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sluice_rejected_total",
		Help: "Model requests answered with an error before a decision, by dialect and status.",
	}, []string{"dialect", "code"})
	met := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sluice_metered_tokens_total",
		Help: "Model tokens (prompt and completion) settled from the upstream's usage, or counted for exchanges cut short, by dialect.",
	}, []string{"dialect"})
	state := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "sluice_tracked_accounts", Help: "Accounts held in the engine's state.",
	}, func() float64 { return float64(e.Stats().Accounts) })
	clusters := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "sluice_tracked_clusters", Help: "Clusters held in the engine's state.",
	}, func() float64 { return float64(e.Stats().Clusters) })
	evidence := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "sluice_tracked_evidence", Help: "Evidence entries (templates, sketches, client prints) held in the engine's state.",
	}, func() float64 { return float64(e.Stats().Evidence) })
	unk := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sluice_unknown_posts_total",
		Help: "POSTs under /v1 to a path sluice does not know, passed upstream or refused (routes.unknown_model_post).",
	}, []string{"outcome"})
	parts := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sluice_batch_parts_total",
		Help: "Requests inside batches (Anthropic message batches, OpenAI batch files) decided by the guard, by dialect and action.",
	}, []string{"dialect", "action"})
	files := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "sluice_batch_files_total",
		Help: "OpenAI batch creations by whether sluice held the named file's verdict (found) or not (unknown).",
	}, []string{"result"})
	inf := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "sluice_in_flight_requests",
		Help: "Model requests being served by the guard: read, decided and, when allowed, forwarded until the response ends.",
	})
	m := &metrics{latency: lat, rejects: rej, inFlight: inf}
	m.unknown[0], m.unknown[1] = unk.WithLabelValues("passed"), unk.WithLabelValues("refused")
	m.files[0], m.files[1] = files.WithLabelValues("found"), files.WithLabelValues("unknown")
	for d := range 3 {
		m.metered[d] = met.WithLabelValues(fingerprint.Dialect(d).String())
		for a := range 5 {
			m.requests[d][a] = req.WithLabelValues(fingerprint.Dialect(d).String(), limiter.Action(a).String())
			m.parts[d][a] = parts.WithLabelValues(fingerprint.Dialect(d).String(), limiter.Action(a).String())
		}
	}
	if reg != nil {
		for _, c := range []prometheus.Collector{req, lat, rej, met, state, clusters, evidence, unk, parts, files, inf} {
			if err := reg.Register(c); err != nil {
				if _, dup := err.(prometheus.AlreadyRegisteredError); !dup {
					panic(err) // setup-time programmer error
				}
			}
		}
	}
	return m
}

func (m *metrics) decided(d fingerprint.Dialect, a limiter.Action, took time.Duration) {
	if int(d) < len(m.requests) && int(a) < len(m.requests[0]) {
		m.requests[d][a].Inc()
	}
	m.latency.Observe(took.Seconds())
}

// rejected counts a model request answered with an error before a
// decision: by status, and as action "error" in sluice_requests_total.
func (m *metrics) rejected(d fingerprint.Dialect, status int) {
	m.rejects.WithLabelValues(d.String(), strconv.Itoa(status)).Inc()
	if int(d) < len(m.requests) {
		m.requests[d][limiter.ActionError].Inc()
	}
}

// meteredTokens counts tokens settled for an exchange of dialect d.
func (m *metrics) meteredTokens(d fingerprint.Dialect, n limiter.Tokens) {
	if int(d) < len(m.metered) && n > 0 {
		m.metered[d].Add(float64(n))
	}
}

// unknownPost counts a POST under /v1 that sluice does not know.
func (m *metrics) unknownPost(refused bool) {
	if refused {
		m.unknown[1].Inc()
	} else {
		m.unknown[0].Inc()
	}
}

// batchPart counts one decided part of a batch.
func (m *metrics) batchPart(d fingerprint.Dialect, a limiter.Action) {
	if int(d) < len(m.parts) && int(a) < len(m.parts[0]) {
		m.parts[d][a].Inc()
	}
}

// batchFile counts a batch creation by whether its file's verdict was held.
func (m *metrics) batchFile(found bool) {
	if found {
		m.files[0].Inc()
	} else {
		m.files[1].Inc()
	}
}
