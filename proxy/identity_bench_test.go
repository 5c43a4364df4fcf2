package proxy_test

import (
	"net/http"
	"net/netip"
	"testing"

	"github.com/sluicehq/sluice/proxy"
)

// BenchmarkIdentify bounds the identity stage per request: credential
// lookup and its HMAC-SHA256 (the dominant cost), peer address, and with
// a trusted proxy the X-Forwarded-For walk.
func BenchmarkIdentify(b *testing.B) {
	peer := netip.MustParseAddr("127.0.0.1")
	cases := []struct {
		name string
		cfg  proxy.IdentityConfig
		h    http.Header
	}{
		// a bearer key, no trusted proxy
		{"bearer", proxy.IdentityConfig{}, hdr("Authorization", "Bearer sk-proj-0123456789abcdef0123456789abcdef", "User-Agent", "OpenAI/Python 1.99.9")},
		// an Anthropic x-api-key behind a trusted load balancer
		{"xapikey-xff", proxy.IdentityConfig{TrustedProxies: []string{"127.0.0.0/8", "10.0.0.0/8"}},
			hdr("X-Api-Key", "sk-ant-api03-0123456789abcdef0123456789abcdef", "X-Forwarded-For", "203.0.113.7, 10.1.2.3")},
		// no credential: the account is the client address
		{"anonymous", proxy.IdentityConfig{}, hdr("User-Agent", "curl/8.5.0")},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			id := mustIdent(b, c.cfg)
			b.ReportAllocs()
			for b.Loop() {
				_ = id.Identify(c.h, peer, "")
			}
		})
	}
}

// TestIdentifyAllocs pins the identity stage at zero allocations.
func TestIdentifyAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	id := mustIdent(t, proxy.IdentityConfig{TrustedProxies: []string{"127.0.0.0/8"}})
	h := hdr("Authorization", "Bearer sk-proj-0123456789abcdef", "X-Forwarded-For", "203.0.113.7")
	peer := netip.MustParseAddr("127.0.0.1")
	if n := testing.AllocsPerRun(100, func() { _ = id.Identify(h, peer, "") }); n != 0 {
		t.Fatalf("Identify: %.1f allocs, want 0", n)
	}
}
