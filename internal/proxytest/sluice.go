package proxytest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/internal/stub"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
	"github.com/sluicehq/sluice/proxy/admin"
)

// ja4Header carries each simulated client's TLS print to the proxy, which
// trusts it from loopback only (as in sluice demo).
const ja4Header = "X-Test-Ja4"

// Sluice is a running sluice: stub upstream, proxy and admin listener on
// httptest servers, on a clock that follows the simulated traffic (the
// latest ts sent), like replay.
type Sluice struct {
	Engine   *limiter.Engine
	ProxyURL string
	AdminURL string
	ident    *proxy.Identifier
	client   *http.Client
	clock    atomic.Int64
	mu       sync.Mutex
	events   []string
}

// Now is the Sluice's clock.
func (s *Sluice) Now() time.Time { return time.Unix(0, s.clock.Load()).UTC() }

// Advance moves the clock forward by d.
func (s *Sluice) Advance(d time.Duration) { s.clock.Add(int64(d)) }

// Events returns the operator events the admin listener reported so far,
// each as "event detail".
func (s *Sluice) Events() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.events...)
}

// NewSluice starts a Sluice whose admin listener takes token ("" for
// none); it stops when the test ends.
func NewSluice(t testing.TB, token string) *Sluice {
	t.Helper()
	s := &Sluice{}
	s.clock.Store(start.UnixNano())
	eng, err := limiter.New(limiter.Config{
		Capacity:   20000,
		Account:    limiter.Limit{Requests: 600, Tokens: 2_000_000},
		Cluster:    limiter.Limit{Requests: 60, Tokens: 200_000},
		Thresholds: limiter.Thresholds{Degrade: 0.5, Throttle: 0.7, Block: 0.9},
		Degrade:    limiter.MeasureClampTokens | limiter.MeasureDropLogprobs,
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Engine = eng
	idc := proxy.IdentityConfig{TrustedProxies: []string{"127.0.0.1/32", "::1/128"}, JA4Header: ja4Header}
	if s.ident, err = proxy.NewIdentifier(idc); err != nil {
		t.Fatal(err)
	}
	up := httptest.NewServer(stub.New(stub.Config{Words: 8}))
	t.Cleanup(up.Close)
	reg := prometheus.NewRegistry()
	g, err := proxy.New(proxy.Config{Identity: idc, Registerer: reg, Now: s.Now}, eng)
	if err != nil {
		t.Fatal(err)
	}
	fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: up.URL}, reg)
	if err != nil {
		t.Fatal(err)
	}
	ps := httptest.NewServer(proxy.NewHandler(g, fwd))
	t.Cleanup(ps.Close)
	as := httptest.NewServer(admin.Handler(admin.Config{
		Token: token, Gatherer: reg, Engine: eng, Now: s.Now,
		Effective: map[string]any{"admin": map[string]any{"token": "[redacted]"}},
		OnEvent: func(ev, detail string, a limiter.AccountID, c limiter.ClusterID) {
			s.mu.Lock()
			s.events = append(s.events, strings.TrimSpace(ev+" "+detail))
			s.mu.Unlock()
		},
	}))
	t.Cleanup(as.Close)
	s.ProxyURL, s.AdminURL = ps.URL, as.URL
	s.client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}, Timeout: 20 * time.Second}
	t.Cleanup(s.client.CloseIdleConnections)
	return s
}

// Send moves the clock to r's ts and sends r through the proxy; it returns
// the status.
func (s *Sluice) Send(ctx context.Context, r *sim.Record) (int, error) {
	for {
		cur := s.clock.Load()
		if r.TS.UnixNano() <= cur || s.clock.CompareAndSwap(cur, r.TS.UnixNano()) {
			break
		}
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, s.ProxyURL+r.Path, bytes.NewReader(r.Body))
	if err != nil {
		return 0, err
	}
	for _, h := range r.Headers {
		switch strings.ToLower(h[0]) {
		case "host", "content-length", "connection", "transfer-encoding":
			continue
		}
		req.Header.Add(h[0], h[1])
	}
	req.Header.Set("X-Forwarded-For", r.IP)
	req.Header.Set("X-Request-Id", r.RequestID)
	if r.JA4 != "" {
		req.Header.Set(ja4Header, r.JA4)
	}
	res, err := s.client.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, res.Body)
	return res.StatusCode, res.Body.Close()
}

// Account is the account id sluice derives for r.
func (s *Sluice) Account(r *sim.Record) limiter.AccountID {
	h := http.Header{}
	for _, kv := range r.Headers {
		h.Add(kv[0], kv[1])
	}
	peer, _ := proxy.ParsePeer(r.IP)
	return s.ident.Identify(h, peer, r.JA4).Account
}

// CampaignCluster is the cluster most campaign accounts of recs belong to.
func (s *Sluice) CampaignCluster(recs []sim.Record, labels []sim.Label) limiter.ClusterID {
	votes := map[limiter.ClusterID]int{}
	seen := map[limiter.AccountID]bool{}
	for i := range recs {
		if !labels[i].Campaign {
			continue
		}
		a := s.Account(&recs[i])
		if seen[a] {
			continue
		}
		seen[a] = true
		if ai, ok := s.Engine.Account(s.Now(), a); ok && ai.Cluster != limiter.ClusterID(a) {
			votes[ai.Cluster]++
		}
	}
	var best limiter.ClusterID
	for c, n := range votes {
		if n > votes[best] || (n == votes[best] && c < best) {
			best = c
		}
	}
	return best
}

// start is where a Sluice's clock and Scenario begin.
var start = time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC)

// Scenario is a small mix lasting d: people chatting, users of a popular
// tool (one template, many keys) and a naive harvesting campaign.
func Scenario(d time.Duration) sim.Scenario {
	return sim.Scenario{
		Name: "admin-test", Seed: 11, Start: start, Duration: d,
		Classes: []sim.ClassSpec{
			{Class: sim.HumanChat, Accounts: 40, Rate: 6},
			{Class: sim.PopularTool, Accounts: 40, Rate: 3},
			{Class: sim.Naive, Accounts: 60, Rate: 20, From: 2 * time.Minute},
		},
	}
}

// Generate returns the records of sc and their labels.
func Generate(t testing.TB, sc sim.Scenario) ([]sim.Record, []sim.Label) {
	t.Helper()
	var recs []sim.Record
	var labels []sim.Label
	if err := sim.Generate(sc, func(r sim.Record, l sim.Label) error {
		recs = append(recs, r)
		labels = append(labels, l)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return recs, labels
}

// driveWorkers is the number of concurrent senders of Drive. One, so that
// the engine sees the records in ts order, as in replay (the proxy's own
// tests cover concurrent decisions).
const driveWorkers = 1

// Drive sends recs in order; with more than one worker a record waits for
// those before it to have been sent (not answered), so the clock moves
// forward.
func (s *Sluice) Drive(ctx context.Context, t testing.TB, recs []sim.Record) {
	t.Helper()
	jobs := make(chan *sim.Record)
	var wg sync.WaitGroup
	var failed atomic.Int64
	for range driveWorkers {
		wg.Go(func() {
			for r := range jobs {
				if _, err := s.Send(ctx, r); err != nil {
					failed.Add(1)
				}
			}
		})
	}
	for i := range recs {
		select {
		case jobs <- &recs[i]:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	if n := failed.Load(); n > 0 && ctx.Err() == nil {
		t.Errorf("%d requests failed at the transport", n)
	}
}

// GetJSON gets url with token as a bearer token ("" for none), decodes a
// 200 answer into v (unless nil) and returns the status.
func GetJSON(t testing.TB, url, token string, v any) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if v != nil && res.StatusCode == 200 {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v: %s", url, err, b)
		}
	}
	return res.StatusCode
}
