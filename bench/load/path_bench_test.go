package load_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sluicehq/sluice/bench/load"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// cannedUpstream answers every request with one fixed chat completion,
// so that a profile of the proxy path is not drowned by the stub's JSON.
func cannedUpstream() http.Handler {
	body := []byte(`{"id":"chatcmpl-stub","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"the answer follows from the given facts and a short check of each step confirms it while the result holds for every case we tried so far"},"finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":40,"completion_tokens":24,"total_tokens":64}}`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	})
}

// BenchmarkProxyPath sends benign requests from many accounts over
// loopback HTTP through one proxy to a canned upstream, all in this
// process: bare is httputil.ReverseProxy with sluice's transport,
// forwarder is proxy.NewForwarder alone, guard is proxy.NewHandler (the
// guard on the allow path, decision log on, in front of the forwarder), as
// `sluice serve` wires it. The differences between the cases are what the
// forwarder and the guard add, per request in ns and allocations; profile
// with
//
//	cd bench && go test ./load -run X -bench ProxyPath/guard -cpuprofile cpu.out
func BenchmarkProxyPath(b *testing.B) {
	up := httptest.NewServer(cannedUpstream())
	defer up.Close()
	u, _ := url.Parse(up.URL)
	reqs := load.AllowRequests(4096, 1024, false)
	cases := []struct {
		name string
		h    func(b *testing.B) http.Handler
	}{
		{"bare", func(b *testing.B) http.Handler {
			rp := httputil.NewSingleHostReverseProxy(u)
			rp.Transport = proxy.NewTransport(proxy.UpstreamConfig{URL: up.URL})
			return rp
		}},
		{"forwarder", func(b *testing.B) http.Handler {
			fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: up.URL}, prometheus.NewRegistry())
			if err != nil {
				b.Fatal(err)
			}
			return fwd
		}},
		{"guard", func(b *testing.B) http.Handler {
			reg := prometheus.NewRegistry()
			fwd, err := proxy.NewForwarder(proxy.UpstreamConfig{URL: up.URL}, reg)
			if err != nil {
				b.Fatal(err)
			}
			cfg := limiter.DefaultConfig()
			cfg.Account = limiter.Limit{Requests: 1e9, Tokens: 1e12}
			cfg.Cluster = cfg.Account
			eng, err := limiter.New(cfg)
			if err != nil {
				b.Fatal(err)
			}
			dl := proxy.NewDecisionLog(io.Discard, 0)
			b.Cleanup(func() { _ = dl.Close() })
			g, err := proxy.New(proxy.Config{
				Identity:   proxy.IdentityConfig{TrustedProxies: []string{"127.0.0.1/32"}},
				Log:        dl,
				Registerer: reg,
			}, eng)
			if err != nil {
				b.Fatal(err)
			}
			return proxy.NewHandler(g, fwd)
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			front := httptest.NewServer(c.h(b))
			defer front.Close()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, DisableCompression: true}}
			defer client.CloseIdleConnections()
			var next atomic.Int64
			send := func() {
				r := &reqs[next.Add(1)%int64(len(reqs))]
				req, _ := http.NewRequest(r.Method, front.URL+r.Path, bytes.NewReader(r.Body))
				req.Header = r.Header
				res, err := client.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					b.Errorf("status %d", res.StatusCode)
				}
			}
			for range 256 {
				send() // warm pools and engine state
			}
			b.ReportAllocs()
			b.SetParallelism(4)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					send()
				}
			})
		})
	}
}
