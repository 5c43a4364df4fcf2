package proxy

import (
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
)

// TestLineRoute: a batch file line's url is routed as a request path is,
// so no spelling of a model endpoint passes as a line that asks no model.
func TestLineRoute(t *testing.T) {
	for _, c := range []struct {
		url string
		ep  fingerprint.Endpoint
		ok  bool
	}{
		{"/v1/chat/completions", fingerprint.EndpointChatCompletions, true},
		{"/v1//chat/completions/", fingerprint.EndpointChatCompletions, true},
		{"/V1/RESPONSES", fingerprint.EndpointResponses, true},
		{"/v1/chat/completions?x=1", fingerprint.EndpointChatCompletions, true},
		{"/v1/%63hat/completions#f", fingerprint.EndpointChatCompletions, true},
		{"/v1/embeddings", fingerprint.EndpointOther, true},
		{"/v1/chat%2Fcompletions", 0, false},
		{"/v1/chat/completions;x", 0, false},
		{"/v1/chat/completions%", 0, false},
	} {
		rt, ok := lineRoute(c.url)
		if ok != c.ok || (ok && rt.endpoint != c.ep) {
			t.Errorf("%q: endpoint %v ok %v, want %v %v", c.url, rt.endpoint, ok, c.ep, c.ok)
		}
	}
}

// TestGuardedRoutesRoute: every route GuardedRoutes lists is guarded when
// POSTed to, and only its batch routes are not model endpoints.
func TestGuardedRoutesRoute(t *testing.T) {
	for _, p := range GuardedRoutes() {
		rt, ok := classify("POST", p, "")
		if !ok || rt.route == routeOther || rt.route == routeKnownPost || rt.path != p {
			t.Errorf("%s: route %d path %q ok %v, want guarded as itself", p, rt.route, rt.path, ok)
		}
	}
}
