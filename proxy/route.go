package proxy

import (
	"net/http"
	"strings"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// Routes. Every request's path is normalised before it is routed, and the
// normalised path is what goes upstream, so that sluice and the upstream
// agree on what was asked (see docs/routes.md):
//
//   - percent-escapes are decoded (net/http has done so in URL.Path);
//     an escaped slash or backslash (%2F, %5C) is refused: decoded it
//     would name another path than the one the upstream may route;
//   - runs of slashes collapse to one, and "." and ".." segments are
//     resolved as RFC 3986 section 5.2.4 says (".." never climbs above
//     the root);
//   - a path that, ignoring case and one trailing slash, is one of the
//     routes sluice guards is forwarded in that route's canonical
//     spelling (the official APIs' own: lower case, no trailing slash);
//     other paths keep their case and trailing slash;
//   - a path with a path parameter (";"), a backslash, or a control
//     byte is refused with 400: no official API path has one, and
//     servers disagree on what they mean.

// route is what a request's normalised path is to the guard.
type route uint8

const (
	routeOther        route = iota // not a POST sluice knows: passed (counted when a POST under /v1)
	routeModel                     // a model endpoint: decided
	routeMessageBatch              // Anthropic POST /v1/messages/batches: each part decided
	routeFiles                     // OpenAI POST /v1/files: a batch file's lines decided
	routeBatches                   // OpenAI POST /v1/batches: the named file's verdict applied
	routeKnownPost                 // a POST of the official APIs that asks no model for an answer
)

// batchRoutes are the batch routes sluice guards, in canonical spelling;
// the model endpoints are dialect.Detect's (modelPaths).
var batchRoutes = [...]struct {
	path    string
	route   route
	dialect fingerprint.Dialect
}{
	{"/v1/messages/batches", routeMessageBatch, fingerprint.DialectAnthropic},
	{"/v1/files", routeFiles, fingerprint.DialectOpenAI},
	{"/v1/batches", routeBatches, fingerprint.DialectOpenAI},
}

// GuardedRoutes returns the POST routes sluice guards, in canonical
// spelling: the model endpoints (modelPaths), the Anthropic message
// batches and the OpenAI batch file upload and batch creation.
func GuardedRoutes() []string {
	out := append([]string(nil), modelPaths...)
	for _, r := range batchRoutes {
		out = append(out, r.path)
	}
	return out
}

// knownPost reports whether p (canonical, lower case) is a POST of the
// official APIs that asks no model for an answer: token counting and
// cancelling or updating what exists. An id segment is any non-empty one.
func knownPost(p string) bool {
	switch p {
	case "/v1/messages/count_tokens", "/v1/responses/input_tokens":
		return true
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	switch {
	case len(parts) == 5 && parts[0] == "v1" && parts[1] == "messages" && parts[2] == "batches" && parts[3] != "" && parts[4] == "cancel":
		return true
	case len(parts) == 4 && parts[0] == "v1" && (parts[1] == "batches" || parts[1] == "responses") && parts[2] != "" && parts[3] == "cancel":
		return true
	case len(parts) == 4 && parts[0] == "v1" && parts[1] == "chat" && parts[2] == "completions" && parts[3] != "":
		return true // update a stored completion's metadata
	}
	return false
}

// routed is a request's normalised path and what it is to the guard.
type routed struct {
	path     string // normalised; canonical for a known route
	route    route
	dialect  fingerprint.Dialect
	endpoint fingerprint.Endpoint
	underV1  bool // the path is /v1 or under it (any case)
}

// classify normalises a request path and routes it. decoded is URL.Path;
// escaped is URL.EscapedPath() (or "" when it equals decoded). ok is false
// for a path that is refused (see the package's route rules).
func classify(method, decoded, escaped string) (rt routed, ok bool) {
	if escaped != "" && hasEscapedSlash(escaped) {
		return routed{path: decoded}, false
	}
	p, ok := normalizePath(decoded)
	if !ok {
		return routed{path: decoded}, false
	}
	rt.path = p
	rt.underV1 = len(p) >= 3 && p[0] == '/' && (p[1] == 'v' || p[1] == 'V') && p[2] == '1' && (len(p) == 3 || p[3] == '/')
	if !rt.underV1 {
		return rt, true
	}
	key := strings.TrimSuffix(p, "/")
	lower := key
	if hasUpper(key) {
		lower = strings.ToLower(key)
	}
	if d, ep := dialect.Detect(lower); ep != fingerprint.EndpointOther {
		rt.path, rt.dialect, rt.endpoint = lower, d, ep // Detect matches canonical spellings only
		if method == http.MethodPost {
			rt.route = routeModel
		}
		return rt, true
	}
	for _, b := range batchRoutes {
		if lower == b.path {
			rt.path, rt.dialect = b.path, b.dialect
			if method == http.MethodPost {
				rt.route = b.route
			}
			return rt, true
		}
	}
	if method == http.MethodPost && knownPost(lower) {
		rt.route = routeKnownPost
	}
	return rt, true
}

// hasEscapedSlash reports whether an escaped path holds %2F or %5C.
func hasEscapedSlash(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '%' {
			a, b := s[i+1], s[i+2]|0x20
			if (a == '2' && b == 'f') || (a == '5' && b == 'c') {
				return true
			}
		}
	}
	return false
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// normalizePath collapses runs of slashes and resolves dot segments. It
// returns p itself (no allocation) when p is already normal, and false for
// a path with ';', '\\' or a control byte.
func normalizePath(p string) (string, bool) {
	if p == "*" {
		return p, true // OPTIONS *
	}
	clean := len(p) > 0 && p[0] == '/'
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c < 0x20 || c == 0x7f || c == ';' || c == '\\':
			return "", false
		case c == '/':
			if i+1 < len(p) && p[i+1] == '/' {
				clean = false
			}
		case c == '.' && i > 0 && p[i-1] == '/':
			// "/." or "/.." as a whole segment
			j := i + 1
			if j < len(p) && p[j] == '.' {
				j++
			}
			if j == len(p) || p[j] == '/' {
				clean = false
			}
		}
	}
	if clean {
		return p, true
	}
	// remove_dot_segments over slash-separated segments, empty ones dropped
	segs := make([]string, 0, 8)
	trailing := false
	for rest := p; rest != ""; {
		var seg string
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			seg, rest = rest[:i], rest[i+1:]
		} else {
			seg, rest = rest, ""
		}
		trailing = rest == "" && (seg == "" || seg == "." || seg == "..")
		switch seg {
		case "", ".":
		case "..":
			if len(segs) > 0 {
				segs = segs[:len(segs)-1]
			}
		default:
			segs = append(segs, seg)
		}
	}
	if len(p) > 0 && p[len(p)-1] == '/' {
		trailing = true
	}
	var b strings.Builder
	b.Grow(len(p) + 1)
	for _, s := range segs {
		b.WriteByte('/')
		b.WriteString(s)
	}
	if trailing || len(segs) == 0 {
		b.WriteByte('/')
	}
	return b.String(), true
}

// guessDialect picks the error format for a request that routes nowhere
// sluice knows: Anthropic when the path names messages or the request
// carries an Anthropic header, OpenAI otherwise.
func guessDialect(path string, h http.Header) fingerprint.Dialect {
	if strings.Contains(strings.ToLower(path), "/messages") || h.Get("Anthropic-Version") != "" || h.Get("X-Api-Key") != "" {
		return fingerprint.DialectAnthropic
	}
	return fingerprint.DialectOpenAI
}

// isRealtime reports whether p is under OpenAI's /v1/realtime (any case).
func isRealtime(p string) bool {
	const pre = "/v1/realtime"
	return len(p) >= len(pre) && strings.EqualFold(p[:len(pre)], pre) && (len(p) == len(pre) || p[len(pre)] == '/' || p[len(pre)] == '?')
}

// hasMethodOverride reports whether h carries a method override header,
// which some servers and frameworks honour (a GET that they serve as the
// POST it names).
func hasMethodOverride(h http.Header) bool {
	return len(h["X-Http-Method-Override"]) > 0 || len(h["X-Http-Method"]) > 0 || len(h["X-Method-Override"]) > 0
}
