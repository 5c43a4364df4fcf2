package localize

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// apiHost is the API's host name as clients address it.
const apiHost = "api.atlas-llm.net"

// stack is a client library or program and how it puts a request on the
// wire.
type stack int

const (
	openaiPy    stack = iota // the official OpenAI Python SDK (httpx, HTTP/1.1)
	anthropicPy              // the official Anthropic Python SDK
	openaiNode               // the official OpenAI TypeScript SDK on Node (fetch)
	anthropicNode
	openaiGo // the official Go SDKs (net/http, HTTP/2)
	anthropicGo
	openaiDotnet // the official .NET SDK (HttpClient)
	pyRequests   // hand-written python-requests scripts
	curlCLI      // curl in a shell script
	chrome       // a browser page calling the API directly (bring your own key)
	firefox
	safari
	okhttp  // an Android app (OkHttp)
	reactor // a Java service on Spring WebClient (Reactor Netty)
	goRelay // a Go relay that forwards customers' requests
)

// client is one installed client: its stack, versions and platform.
type client struct {
	stack      stack
	ver        string // SDK or program version
	os, arch   string // as the SDK reports them
	runtime    string // e.g. "3.11.9", "v20.18.0", "go1.25.4"
	ja4        string
	ua         string // user-agent as sent
	oldJSON    bool   // python: json.dumps defaults (", ", ": " and \u escapes)
	async      bool   // python: an async client
	anthVer    string // anthropic-version sent
	origin     string // browser: the page's origin
	acceptLang string // browser: accept-language
}

// dialect tells which API paths a client can speak: "openai", "anthropic"
// or "" for both.
func (c *client) dialect() string {
	switch c.stack {
	case openaiPy, openaiNode, openaiGo, openaiDotnet:
		return "openai"
	case anthropicPy, anthropicNode, anthropicGo:
		return "anthropic"
	}
	return ""
}

// TLS prints of the stacks, by TLS library build. Python and Node speak
// HTTP/1.1 only (ALPN http/1.1 or none); Go, curl, browsers and OkHttp
// offer h2.
const (
	ja4PyOpenSSL3  = "t13d1812h1_85036bcba153_375ca2c5e164"
	ja4PyOpenSSL11 = "t13d1811h1_85036bcba153_b26ce05bbdd6"
	ja4PyNoALPN    = "t13d181000_85036bcba153_d41ae481755e"
	ja4Node20      = "t13d5911h1_a33745022dd6_1f22a2ca17c4"
	ja4Node22      = "t13d5912h1_a33745022dd6_dbd39dd1d406"
	ja4Go          = "t13d1910h2_9dc949149365_c1cd7e3c8d21"
	ja4Curl        = "t13d3112h2_e8f1e7e78f70_6bebaf5329ac"
	ja4Chrome      = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4ChromeNew   = "t13d1517h2_8daaf6152771_b1ff8ab2d16f"
	ja4Firefox     = "t13d1715h2_5b57614c22b0_3d5424432f57"
	ja4Safari      = "t13d2014h2_a09f3c656075_14788d8d241b"
	ja4Android     = "t13d1514h2_8daaf6152771_eca864cca44a"
	ja4Java21      = "t13d4613h1_2b729b4bf6f3_4b22cbed5bed"
	ja4DotnetWin   = "t13d1011h1_c866b44c5a26_f5ab8da4e7dc"
)

var (
	openaiPyVers    = []string{"2.41.0", "2.38.2", "2.33.1", "2.24.0", "1.109.1"}
	anthropicPyVers = []string{"0.94.0", "0.91.1", "0.86.0", "0.79.2"}
	openaiNodeVers  = []string{"6.22.0", "6.19.1", "6.10.0", "5.23.2"}
	anthNodeVers    = []string{"0.88.0", "0.84.1", "0.77.0"}
	pyRuntimes      = []string{"3.12.7", "3.11.10", "3.13.1", "3.10.12", "3.12.3"}
	nodeRuntimes    = []string{"v22.21.1", "v20.19.5", "v24.11.0", "v20.18.0"}
	goRuntimes      = []string{"go1.25.4", "go1.25.2", "go1.24.9"}
	requestsVers    = []string{"2.32.5", "2.32.3", "2.31.0"}
	curlVers        = []string{"8.5.0", "8.14.1", "7.81.0", "8.7.1"}
)

// sdkOS draws the OS an SDK reports for a machine kind: "server", "laptop"
// or "any".
func sdkOS(r *rand.Rand, kind string) (string, string) {
	switch kind {
	case "server":
		if chance(r, 0.12) {
			return "Linux", "arm64"
		}
		return "Linux", "x64"
	case "laptop":
		switch pickW(r, []float64{0.45, 0.38, 0.17}) {
		case 0:
			return "MacOS", "arm64"
		case 1:
			return "Windows", "x64"
		}
		return "Linux", "x64"
	}
	return "Linux", "x64"
}

// newClient returns a client of stack s on a machine of the given kind
// ("server" or "laptop"), its versions drawn from r; pin, when not empty,
// fixes the SDK version.
func newClient(r *rand.Rand, s stack, kind, pin string) *client {
	c := &client{stack: s}
	c.os, c.arch = sdkOS(r, kind)
	v := func(list []string) string {
		if pin != "" {
			return pin
		}
		// newer versions are more common
		return list[pickW(r, []float64{0.35, 0.25, 0.18, 0.12, 0.1}[:len(list)])]
	}
	switch s {
	case openaiPy, anthropicPy:
		if s == openaiPy {
			c.ver = v(openaiPyVers)
			c.ua = "OpenAI/Python " + c.ver
		} else {
			c.ver = v(anthropicPyVers)
			c.ua = "Anthropic/Python " + c.ver
			c.anthVer = "2023-06-01"
		}
		c.runtime = pick(r, pyRuntimes)
		c.ja4 = ja4PyOpenSSL3
		if c.runtime == "3.10.12" {
			c.ja4 = ja4PyOpenSSL11
		}
		// httpx before 0.28 serialised with json.dumps defaults
		c.oldJSON = chance(r, 0.2)
	case openaiNode, anthropicNode:
		if s == openaiNode {
			c.ver = v(openaiNodeVers)
			c.ua = "OpenAI/JS " + c.ver
		} else {
			c.ver = v(anthNodeVers)
			c.ua = "Anthropic/JS " + c.ver
			c.anthVer = "2023-06-01"
		}
		c.runtime = pick(r, nodeRuntimes)
		c.ja4 = ja4Node20
		if !strings.HasPrefix(c.runtime, "v20") {
			c.ja4 = ja4Node22
		}
	case openaiGo, anthropicGo:
		c.runtime = pick(r, goRuntimes)
		if s == openaiGo {
			c.ver = "3.98.0"
			if pin != "" {
				c.ver = pin
			}
			c.ua = "OpenAI/Go " + c.ver
		} else {
			c.ver = "2.15.0"
			c.ua = "Anthropic/Go " + c.ver
			c.anthVer = "2026-10-21"
		}
		c.ja4 = ja4Go
	case openaiDotnet:
		c.ver = "2.6.0"
		c.os, c.arch = "Windows", "x64"
		c.runtime = "8.0.21"
		c.ua = "OpenAI/" + c.ver + " (.NET " + c.runtime + "; Microsoft Windows 10.0.26100)"
		c.ja4 = ja4DotnetWin
	case pyRequests:
		c.ver = v(requestsVers)
		c.ua = "python-requests/" + c.ver
		c.ja4 = ja4PyNoALPN
		c.oldJSON = true
		c.anthVer = "2023-06-01"
	case curlCLI:
		c.ver = v(curlVers)
		c.ua = "curl/" + c.ver
		c.ja4 = ja4Curl
		c.anthVer = "2023-06-01"
	case chrome:
		maj := pick(r, []string{"141", "142", "142", "140"})
		plat := pick(r, []string{"Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10_15_7", "X11; Linux x86_64"})
		c.ua = "Mozilla/5.0 (" + plat + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + maj + ".0.0.0 Safari/537.36"
		c.ver = maj
		c.os = plat
		c.ja4 = ja4ChromeNew
		c.anthVer = "2023-06-01"
	case firefox:
		maj := pick(r, []string{"145.0", "144.0", "140.0"})
		plat := pick(r, []string{"Windows NT 10.0; Win64; x64", "X11; Linux x86_64", "Macintosh; Intel Mac OS X 10.15"})
		c.ua = "Mozilla/5.0 (" + plat + "; rv:" + maj + ") Gecko/20100101 Firefox/" + maj
		c.ver = maj
		c.ja4 = ja4Firefox
		c.anthVer = "2023-06-01"
	case safari:
		c.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15"
		c.ver = "26.1"
		c.ja4 = ja4Safari
		c.anthVer = "2023-06-01"
	case okhttp:
		c.ver = "4.12.0"
		c.ua = "okhttp/4.12.0"
		c.ja4 = ja4Android
		c.anthVer = "2023-06-01"
	case reactor:
		c.ver = "1.2.11"
		c.ua = "ReactorNetty/1.2.11"
		c.ja4 = ja4Java21
		c.anthVer = "2023-06-01"
	case goRelay:
		c.ver = "2.0"
		c.ua = "Go-http-client/2.0"
		c.ja4 = ja4Go
		c.anthVer = "2023-06-01"
	}
	return c
}

// clone returns a copy of c (the same install, another account).
func (c *client) clone() *client {
	d := *c
	return &d
}

// wire is what a request carries besides its body: the credential, the
// retry count and the headers of the sending program.
type wire struct {
	key   string
	path  string
	retry int
	ua    string      // user-agent forwarded by a relay; empty: the client's
	beta  string      // anthropic-beta
	extra [][2]string // headers of this request (trace ids, app headers)
}

// headers returns the request's headers in the client's wire order, names
// as the client writes them.
func (c *client) headers(w wire, r *rand.Rand, n int) [][2]string {
	anth := w.path == "/v1/messages"
	cl := strconv.Itoa(n)
	var h [][2]string
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	authPy := func() {
		if anth {
			add("X-Api-Key", w.key)
		} else {
			add("Authorization", "Bearer "+w.key)
		}
	}
	ua := c.ua
	if w.ua != "" {
		ua = w.ua
	}
	switch c.stack {
	case openaiPy, anthropicPy:
		add("Host", apiHost)
		add("Accept-Encoding", "gzip, deflate")
		add("Connection", "keep-alive")
		add("Accept", "application/json")
		add("Content-Type", "application/json")
		add("User-Agent", ua)
		add("X-Stainless-Lang", "python")
		add("X-Stainless-Package-Version", c.ver)
		add("X-Stainless-OS", c.os)
		add("X-Stainless-Arch", c.arch)
		add("X-Stainless-Runtime", "CPython")
		add("X-Stainless-Runtime-Version", c.runtime)
		authPy()
		async := "false"
		if c.async {
			async = "async:asyncio"
		}
		add("X-Stainless-Async", async)
		if anth {
			add("anthropic-version", c.anthVer)
			if w.beta != "" {
				add("anthropic-beta", w.beta)
			}
		}
		h = append(h, w.extra...)
		add("x-stainless-retry-count", strconv.Itoa(w.retry))
		add("x-stainless-read-timeout", "600")
		if anth {
			add("x-stainless-timeout", "600")
		}
		add("Content-Length", cl)
	case openaiNode, anthropicNode:
		// the SDK builds a Headers object (lower-case names, sorted when
		// iterated); fetch adds its own after.
		add("host", apiHost)
		add("connection", "keep-alive")
		sdk := [][2]string{
			{"accept", "application/json"},
			{"content-type", "application/json"},
			{"user-agent", ua},
			{"x-stainless-arch", c.arch},
			{"x-stainless-lang", "js"},
			{"x-stainless-os", c.os},
			{"x-stainless-package-version", c.ver},
			{"x-stainless-retry-count", strconv.Itoa(w.retry)},
			{"x-stainless-runtime", "node"},
			{"x-stainless-runtime-version", c.runtime},
			{"x-stainless-timeout", "600"},
		}
		if anth {
			sdk = append(sdk, [2]string{"x-api-key", w.key}, [2]string{"anthropic-version", c.anthVer})
			if w.beta != "" {
				sdk = append(sdk, [2]string{"anthropic-beta", w.beta})
			}
		} else {
			sdk = append(sdk, [2]string{"authorization", "Bearer " + w.key})
		}
		for _, e := range w.extra {
			sdk = append(sdk, [2]string{strings.ToLower(e[0]), e[1]})
		}
		slices.SortFunc(sdk, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
		h = append(h, sdk...)
		add("accept-language", "*")
		add("sec-fetch-mode", "cors")
		add("accept-encoding", "gzip, deflate")
		add("content-length", cl)
	case openaiGo, anthropicGo, goRelay:
		// net/http over HTTP/2 writes the header map in no fixed order,
		// then content-length and accept-encoding.
		var m [][2]string
		put := func(k, v string) { m = append(m, [2]string{k, v}) }
		put("content-type", "application/json")
		put("accept", "application/json")
		put("user-agent", ua)
		if anth {
			put("x-api-key", w.key)
			put("anthropic-version", c.anthVer)
			if w.beta != "" {
				put("anthropic-beta", w.beta)
			}
		} else {
			put("authorization", "Bearer "+w.key)
		}
		if c.stack != goRelay {
			put("x-stainless-retry-count", strconv.Itoa(w.retry))
			put("x-stainless-lang", "go")
			put("x-stainless-package-version", c.ver)
			put("x-stainless-os", c.os)
			put("x-stainless-arch", c.arch)
			put("x-stainless-runtime", "go")
			put("x-stainless-runtime-version", c.runtime)
		}
		for _, e := range w.extra {
			put(strings.ToLower(e[0]), e[1])
		}
		r.Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
		h = append(m, [2]string{"content-length", cl}, [2]string{"accept-encoding", "gzip"})
	case openaiDotnet:
		add("Host", apiHost)
		add("Accept", "application/json")
		add("User-Agent", ua)
		add("Authorization", "Bearer "+w.key)
		h = append(h, w.extra...)
		add("Content-Type", "application/json")
		add("Content-Length", cl)
	case pyRequests:
		add("Host", apiHost)
		add("User-Agent", ua)
		add("Accept-Encoding", "gzip, deflate")
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		if anth {
			add("x-api-key", w.key)
			add("anthropic-version", c.anthVer)
		} else {
			add("Authorization", "Bearer "+w.key)
		}
		h = append(h, w.extra...)
		add("Content-Length", cl)
		add("Content-Type", "application/json")
	case curlCLI:
		add("user-agent", ua)
		add("accept", "*/*")
		add("content-type", "application/json")
		if anth {
			add("x-api-key", w.key)
			add("anthropic-version", c.anthVer)
		} else {
			add("authorization", "Bearer "+w.key)
		}
		h = append(h, w.extra...)
		add("content-length", cl)
	case chrome:
		plat := `"Windows"`
		if strings.Contains(c.os, "Mac") {
			plat = `"macOS"`
		} else if strings.Contains(c.os, "Linux") {
			plat = `"Linux"`
		}
		add("content-length", cl)
		add("sec-ch-ua-platform", plat)
		if !anth {
			add("authorization", "Bearer "+w.key)
		}
		add("sec-ch-ua", `"Google Chrome";v="`+c.ver+`", "Not?A_Brand";v="8", "Chromium";v="`+c.ver+`"`)
		add("sec-ch-ua-mobile", "?0")
		if anth {
			add("anthropic-dangerous-direct-browser-access", "true")
			add("x-api-key", w.key)
			add("anthropic-version", c.anthVer)
		}
		add("user-agent", ua)
		add("content-type", "application/json")
		h = append(h, w.extra...)
		add("accept", "*/*")
		add("origin", c.origin)
		add("sec-fetch-site", "cross-site")
		add("sec-fetch-mode", "cors")
		add("sec-fetch-dest", "empty")
		add("referer", c.origin+"/")
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("accept-language", c.acceptLang)
		add("priority", "u=1, i")
	case firefox, safari:
		add("user-agent", ua)
		add("accept", "*/*")
		add("accept-language", c.acceptLang)
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("referer", c.origin+"/")
		add("content-type", "application/json")
		if anth {
			add("x-api-key", w.key)
			add("anthropic-version", c.anthVer)
			add("anthropic-dangerous-direct-browser-access", "true")
		} else {
			add("authorization", "Bearer "+w.key)
		}
		h = append(h, w.extra...)
		add("content-length", cl)
		add("origin", c.origin)
		add("sec-fetch-dest", "empty")
		add("sec-fetch-mode", "cors")
		add("sec-fetch-site", "cross-site")
		if c.stack == firefox {
			add("priority", "u=4")
			add("te", "trailers")
		}
	case okhttp:
		if anth {
			add("x-api-key", w.key)
			add("anthropic-version", c.anthVer)
		} else {
			add("authorization", "Bearer "+w.key)
		}
		h = append(h, w.extra...)
		add("content-type", "application/json; charset=utf-8")
		add("content-length", cl)
		add("accept-encoding", "gzip")
		add("user-agent", ua)
	case reactor:
		add("user-agent", ua)
		add("host", apiHost)
		add("accept", "*/*")
		add("Content-Type", "application/json")
		if anth {
			add("x-api-key", w.key)
			add("anthropic-version", c.anthVer)
		} else {
			add("Authorization", "Bearer "+w.key)
		}
		h = append(h, w.extra...)
		add("content-length", cl)
	}
	return h
}

// encode serialises fields (in the author's order) as c's stack does.
func (c *client) encode(path string, fields tracefmt.Obj) []byte {
	var o tracefmt.Obj
	switch c.stack {
	case openaiPy, openaiGo, openaiDotnet:
		o = sdkOrder(path, fields)
	case anthropicPy, anthropicGo:
		o = slices.Clone(fields)
		slices.SortStableFunc(o, func(a, b tracefmt.KV) int { return strings.Compare(a.Key, b.Key) })
	default:
		o = fields
	}
	enc := tracefmt.Encoder{EscapeHTML: c.stack == openaiGo || c.stack == anthropicGo || c.stack == goRelay || c.stack == openaiDotnet}
	b := enc.Marshal(o)
	switch {
	case c.stack == openaiDotnet:
		b = asciiEscape(b, true)
	case c.oldJSON:
		b = pySpaces(asciiEscape(b, false))
	}
	return b
}

// sdkOrder orders the body members as the generated OpenAI SDKs do: the
// required parameters first, then the optional ones alphabetically.
func sdkOrder(path string, fields tracefmt.Obj) tracefmt.Obj {
	var first []string
	switch path {
	case "/v1/chat/completions":
		first = []string{"messages", "model"}
	case "/v1/completions":
		first = []string{"model", "prompt"}
	}
	rank := func(k string) int {
		if i := slices.Index(first, k); i >= 0 {
			return i
		}
		return len(first)
	}
	o := slices.Clone(fields)
	slices.SortStableFunc(o, func(a, b tracefmt.KV) int {
		if ra, rb := rank(a.Key), rank(b.Key); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Key, b.Key)
	})
	return o
}

// asciiEscape writes every non-ASCII character of the JSON text b as a
// \u escape (a surrogate pair above U+FFFF), in upper-case hex for .NET's
// encoder, which also escapes ' and +.
func asciiEscape(b []byte, dotnet bool) []byte {
	hexd := "0123456789abcdef"
	if dotnet {
		hexd = "0123456789ABCDEF"
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	u := func(x rune) {
		out = append(out, '\\', 'u', hexd[x>>12&0xf], hexd[x>>8&0xf], hexd[x>>4&0xf], hexd[x&0xf])
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if dotnet && (c == '\'' || c == '+') {
				u(rune(c))
			} else {
				out = append(out, c)
			}
			i++
			continue
		}
		x, size := utf8.DecodeRune(b[i:])
		if x > 0xffff {
			x -= 0x10000
			u(0xd800 + (x >> 10))
			u(0xdc00 + (x & 0x3ff))
		} else {
			u(x)
		}
		i += size
	}
	return out
}

// pySpaces adds the blanks of Python's json.dumps default separators after
// every ',' and ':' outside strings.
func pySpaces(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	in, esc := false, false
	for _, c := range b {
		out = append(out, c)
		switch {
		case esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case !in && (c == ',' || c == ':'):
			out = append(out, ' ')
		}
	}
	return out
}
