package proxy

import (
	"io"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// TestRateLimitHeadersLinkedCluster checks the response side directly: an
// allowed account that the engine linked into a cluster with other
// accounts gets no rate-limit headers, the same account on its own does.
func TestRateLimitHeadersLinkedCluster(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC)
	eng, err := limiter.New(limiter.Config{Account: limiter.Limit{Requests: 100, Tokens: 10_000}})
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(Config{Now: func() time.Time { return now }, Meter: MeterConfig{RateLimitHeaders: true}}, eng)
	if err != nil {
		t.Fatal(err)
	}
	h := http.Header{}
	h.Set("Authorization", "Bearer sk-linked")
	id := g.ident.Identify(h, netip.MustParseAddr("127.0.0.1"), "")
	var p fingerprint.Print
	dec := eng.Decide(now, limiter.Subject{Account: id.Account}, &p, 10)
	if dec.Action != limiter.ActionAllow || dec.Cluster != limiter.ClusterID(id.Account) {
		t.Fatalf("decision %v in cluster %v", dec.Action, dec.Cluster)
	}
	respond := func(d limiter.Decision, ep fingerprint.Endpoint) http.Header {
		x := &exchange{g: g, dec: d, ep: ep}
		res := &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
			Body:    io.NopCloser(strings.NewReader(`{"usage":{"prompt_tokens":1,"completion_tokens":1}}`)),
			Request: (&http.Request{}).WithContext(t.Context())}
		if err := x.modifyResponse(res); err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		return res.Header
	}
	for _, ep := range []fingerprint.Endpoint{fingerprint.EndpointChatCompletions, fingerprint.EndpointMessages} {
		if len(respond(dec, ep)) < 2 {
			t.Fatalf("%v: no rate-limit headers for an account on its own", ep)
		}
		linked := dec
		linked.Cluster = limiter.ClusterID(id.Account + 1) // another account's cluster
		if got := respond(linked, ep); len(got) != 1 {
			t.Fatalf("%v: a linked account saw %v", ep, got)
		}
	}
}
