package arcade

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

const (
	pathChat        = "/v1/chat/completions"
	pathMessages    = "/v1/messages"
	pathCompletions = "/v1/completions"

	apiHost          = "api.arcade-models.example"
	anthropicVersion = "2023-06-01"
)

// kind is a client stack: the library that builds the request and the
// runtime that sends it, which fix the header set, its order and case, the
// body's member order and number format, and the TLS print.
type kind int

const (
	kOpenAIPy      kind = iota // openai-python over httpx (HTTP/1.1)
	kAnthropicPy               // anthropic-python over httpx
	kOpenAINode                // openai-node v4 over node-fetch
	kAnthropicNode             // anthropic-sdk-typescript over undici fetch (headers sorted)
	kStainlessGo               // openai-go / anthropic-sdk-go over net/http h2 (headers sorted)
	kGoRaw                     // a Go backend's own net/http client (h2)
	kRequests                  // python-requests
	kAiohttp                   // aiohttp
	kCurl                      // curl from a shell script
	kNodeFetch                 // a Node server calling fetch by hand (front-ends such as chat UIs)
	kJava                      // java.net.http.HttpClient (h2)
	kGodot                     // Godot's HTTPRequest node (HTTP/1.1, mbedTLS)
	kBrowser                   // a browser's fetch (a web build or a page calling the API directly)
	kOkHttp                    // Android, OkHttp
	kURLSession                // iOS, URLSession
	kKtor                      // Android, Ktor over OkHttp
	kDotNet                    // .NET HttpClient
)

// client is one concrete client: a stack at a version on a platform. Many
// accounts may share one (the users of one tool) or each have their own.
type client struct {
	kind    kind
	ua      string
	ja4     string
	enc     tracefmt.Encoder
	pkg     string // SDK version (x-stainless-package-version)
	os      string // x-stainless-os
	arch    string
	rt      string // runtime name (CPython, node, go)
	rtv     string // runtime version
	async   bool
	fixed   [][2]string // headers the application adds to every request
	browser *browserInfo
}

type browserInfo struct {
	secChUA  string // empty: not a Chromium browser
	platform string
	origin   string
	referer  string
	lang     string
}

// TLS prints (JA4) of the stacks. The first part (protocol, version, SNI,
// cipher and extension counts, ALPN) follows from the library; the hashes
// are this world's.
const (
	ja4PyHTTPX    = "t13d3112h1_e8f1e7e78f70_1f6a2e3d9b47" // CPython ssl, OpenSSL 3, ALPN http/1.1
	ja4PyNoALPN   = "t13d311100_e8f1e7e78f70_b26ce05bbdd6" // CPython ssl without ALPN (requests, aiohttp)
	ja4Node20     = "t13d5911h1_a33745022dd6_1f22a2ca17c4"
	ja4Node22     = "t13d5912h1_a33745022dd6_dbd39dd1d406"
	ja4GoH2       = "t13d1312h2_f57a46bbacb6_e7c285222651"
	ja4Chrome     = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4ChromeNew  = "t13d1517h2_8daaf6152771_b1ff8ab2d16f"
	ja4Firefox    = "t13d1715h2_5b57614c22b0_3d5424432f57"
	ja4Safari     = "t13d2014h2_a09f3c656075_14788d8d241b"
	ja4Android    = "t13d1614h2_fd7f4fa1e6d5_6b2fe8ec9ea1"
	ja4Java21     = "t13d4212h2_1a27e9c1b0f3_e3c5d2b7a8f9"
	ja4Godot      = "t13d1810h1_7c4a0e1d2b3f_8d3e7a6b1c2f" // mbedTLS 3
	ja4Curl       = "t13d3113h2_e8f1e7e78f70_ce5650b735ce"
	ja4DotNetWin  = "t13d1912h2_4e7a91c0d2b5_a1f0c3e88d42" // Windows SChannel
	ja4CurlChrome = "t13d1516h2_8daaf6152771_e5627efa2ab1" // curl-impersonate posing as Chrome 131
)

// --- SDK clients ---

type platform struct{ os, arch string }

var serverPlatforms = []platform{{"Linux", "x64"}, {"Linux", "x64"}, {"Linux", "x64"}, {"Linux", "arm64"}}
var devPlatforms = []platform{{"MacOS", "arm64"}, {"MacOS", "arm64"}, {"Windows", "x64"}, {"Linux", "x64"}, {"MacOS", "x64"}}

var (
	openaiPyVersions    = []string{"1.54.4", "1.59.9", "1.68.2", "1.75.0", "1.82.1", "1.86.0", "1.93.0", "1.97.1"}
	anthropicPyVersions = []string{"0.39.0", "0.42.0", "0.45.2", "0.49.0", "0.52.2", "0.57.1", "0.60.0"}
	openaiNodeVersions  = []string{"4.67.3", "4.77.0", "4.85.4", "4.96.0", "4.104.0"}
	anthropicTSVersions = []string{"0.32.1", "0.37.0", "0.39.0", "0.50.4", "0.54.0", "0.56.0"}
	pythonVersions      = []string{"3.10.12", "3.11.9", "3.11.11", "3.12.3", "3.12.8", "3.13.1"}
	node20Versions      = []string{"v20.11.1", "v20.15.0", "v20.18.1", "v20.19.2"}
	node22Versions      = []string{"v22.11.0", "v22.14.0", "v22.16.0"}
)

func openaiPy(pkg, pyv string, p platform, async bool) *client {
	ua := "OpenAI/Python " + pkg
	if async {
		ua = "AsyncOpenAI/Python " + pkg
	}
	return &client{kind: kOpenAIPy, ua: ua, ja4: ja4PyHTTPX, pkg: pkg, os: p.os, arch: p.arch, rt: "CPython", rtv: pyv, async: async}
}

func anthropicPy(pkg, pyv string, p platform, async bool) *client {
	ua := "Anthropic/Python " + pkg
	if async {
		ua = "AsyncAnthropic/Python " + pkg
	}
	return &client{kind: kAnthropicPy, ua: ua, ja4: ja4PyHTTPX, pkg: pkg, os: p.os, arch: p.arch, rt: "CPython", rtv: pyv, async: async}
}

func openaiNode(pkg, nodev string, p platform) *client {
	return &client{kind: kOpenAINode, ua: "OpenAI/JS " + pkg, ja4: nodeJA4(nodev), pkg: pkg, os: p.os, arch: p.arch, rt: "node", rtv: nodev}
}

func anthropicNode(pkg, nodev string, p platform) *client {
	return &client{kind: kAnthropicNode, ua: "Anthropic/JS " + pkg, ja4: nodeJA4(nodev), pkg: pkg, os: p.os, arch: p.arch, rt: "node", rtv: nodev}
}

func nodeJA4(v string) string {
	if strings.HasPrefix(v, "v22") {
		return ja4Node22
	}
	return ja4Node20
}

// randomSDK returns a client of one of the four official SDKs at a version
// and platform drawn from r, for the endpoint path.
func randomSDK(r *rand.Rand, path string, plats []platform) *client {
	p := pick(r, plats)
	node := chance(r, 0.4)
	if path == pathMessages {
		if node {
			return anthropicNode(pick(r, anthropicTSVersions), pick(r, append(node20Versions, node22Versions...)), p)
		}
		return anthropicPy(pick(r, anthropicPyVersions), pick(r, pythonVersions), p, chance(r, 0.3))
	}
	if node {
		return openaiNode(pick(r, openaiNodeVersions), pick(r, append(node20Versions, node22Versions...)), p)
	}
	return openaiPy(pick(r, openaiPyVersions), pick(r, pythonVersions), p, chance(r, 0.3))
}

// stainlessGo is the Go SDK of the endpoint (openai-go or anthropic-sdk-go).
func stainlessGo(path, goVersion string) *client {
	if path == pathMessages {
		return &client{kind: kStainlessGo, ua: "Anthropic/Go 1.5.0", ja4: ja4GoH2, pkg: "1.5.0", os: "Linux", arch: "x64", rt: "go", rtv: goVersion, enc: tracefmt.Encoder{EscapeHTML: true, Float: 'f'}}
	}
	return &client{kind: kStainlessGo, ua: "OpenAI/Go 1.8.2", ja4: ja4GoH2, pkg: "1.8.2", os: "Linux", arch: "x64", rt: "go", rtv: goVersion, enc: tracefmt.Encoder{EscapeHTML: true, Float: 'f'}}
}

// --- other clients ---

func goRaw(ua string) *client {
	return &client{kind: kGoRaw, ua: ua, ja4: ja4GoH2, enc: tracefmt.Encoder{EscapeHTML: true, Float: 'f'}}
}

var requestsVersions = []string{"2.28.2", "2.31.0", "2.32.3", "2.32.4"}

func pyRequests(r *rand.Rand) *client {
	return &client{kind: kRequests, ua: "python-requests/" + pick(r, requestsVersions), ja4: ja4PyNoALPN}
}

func aiohttpClient(r *rand.Rand) *client {
	py := pick(r, []string{"3.10", "3.11", "3.12"})
	return &client{kind: kAiohttp, ua: "Python/" + py + " aiohttp/" + pick(r, []string{"3.9.5", "3.10.11", "3.11.18"}), ja4: ja4PyNoALPN}
}

func curlClient(r *rand.Rand) *client {
	return &client{kind: kCurl, ua: "curl/" + pick(r, []string{"8.5.0", "8.7.1", "8.11.1", "8.12.1"}), ja4: ja4Curl}
}

func nodeFetch(nodev string) *client {
	return &client{kind: kNodeFetch, ua: "node", ja4: nodeJA4(nodev)}
}

func javaClient(ua string) *client {
	return &client{kind: kJava, ua: ua, ja4: ja4Java21}
}

func godotClient(ver, osName string) *client {
	return &client{kind: kGodot, ua: "GodotEngine/" + ver + ".stable.official (" + osName + ")", ja4: ja4Godot}
}

var chromeMajors = []int{131, 133, 134, 135, 136}

func chromeUA(major int, p string) string {
	switch p {
	case "macOS":
		return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + strconv.Itoa(major) + ".0.0.0 Safari/537.36"
	case "Linux":
		return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + strconv.Itoa(major) + ".0.0.0 Safari/537.36"
	}
	return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + strconv.Itoa(major) + ".0.0.0 Safari/537.36"
}

func secChUA(major int) string {
	m := strconv.Itoa(major)
	return `"Chromium";v="` + m + `", "Google Chrome";v="` + m + `", "Not.A/Brand";v="99"`
}

// chromeClient is Chrome at major on platform p (Windows, macOS, Linux)
// calling the API from a page at origin.
func chromeClient(major int, p, origin, referer, lang string) *client {
	ja := ja4Chrome
	if major >= 133 {
		ja = ja4ChromeNew
	}
	return &client{kind: kBrowser, ua: chromeUA(major, p), ja4: ja, browser: &browserInfo{secChUA: secChUA(major), platform: `"` + p + `"`, origin: origin, referer: referer, lang: lang}}
}

func firefoxClient(ver int, origin, referer, lang string) *client {
	v := strconv.Itoa(ver)
	return &client{kind: kBrowser, ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + v + ".0) Gecko/20100101 Firefox/" + v + ".0", ja4: ja4Firefox, browser: &browserInfo{origin: origin, referer: referer, lang: lang}}
}

func okhttpClient(ver string) *client {
	return &client{kind: kOkHttp, ua: "okhttp/" + ver, ja4: ja4Android}
}

func urlSessionClient(app string) *client {
	return &client{kind: kURLSession, ua: app + " CFNetwork/1496.0.7 Darwin/24.3.0", ja4: ja4Safari}
}

func ktorClient() *client {
	return &client{kind: kKtor, ua: "Ktor client", ja4: ja4Android}
}

func dotnetClient(ua string) *client {
	return &client{kind: kDotNet, ua: ua, ja4: ja4DotNetWin, enc: tracefmt.Encoder{EscapeHTML: true}}
}

// --- headers ---

func (c *client) stainless(lower bool) [][2]string {
	lang := map[kind]string{kOpenAIPy: "python", kAnthropicPy: "python", kOpenAINode: "js", kAnthropicNode: "js", kStainlessGo: "go"}[c.kind]
	h := [][2]string{
		{"X-Stainless-Lang", lang},
		{"X-Stainless-Package-Version", c.pkg},
		{"X-Stainless-OS", c.os},
		{"X-Stainless-Arch", c.arch},
		{"X-Stainless-Runtime", c.rt},
		{"X-Stainless-Runtime-Version", c.rtv},
	}
	if lower {
		for i := range h {
			h[i][0] = strings.ToLower(h[i][0])
		}
	}
	return h
}

// auth returns the credential headers of q's endpoint, names in case.
func auth(q *req, lower bool) [][2]string {
	if q.path == pathMessages {
		if lower {
			return [][2]string{{"x-api-key", q.acct.key}, {"anthropic-version", anthropicVersion}}
		}
		return [][2]string{{"X-Api-Key", q.acct.key}, {"anthropic-version", anthropicVersion}}
	}
	if lower {
		return [][2]string{{"authorization", "Bearer " + q.acct.key}}
	}
	return [][2]string{{"Authorization", "Bearer " + q.acct.key}}
}

// headers returns the request's headers in the order and case its client
// sends them, content-length n.
func (c *client) headers(q *req, n int) [][2]string {
	cl := strconv.Itoa(n)
	var h [][2]string
	add := func(kv ...[2]string) { h = append(h, kv...) }
	switch c.kind {
	case kOpenAIPy, kAnthropicPy:
		add([2]string{"Host", apiHost}, [2]string{"Accept-Encoding", "gzip, deflate"}, [2]string{"Connection", "keep-alive"},
			[2]string{"Accept", "application/json"}, [2]string{"Content-Type", "application/json"}, [2]string{"User-Agent", c.ua})
		add(c.stainless(false)...)
		add(auth(q, false)...)
		async := "false"
		if c.async {
			async = "async:asyncio"
		}
		add([2]string{"X-Stainless-Async", async})
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"x-stainless-retry-count", strconv.Itoa(q.retry)})
		if c.kind == kOpenAIPy {
			add([2]string{"x-stainless-read-timeout", "600"})
		} else {
			add([2]string{"x-stainless-timeout", "600"})
		}
		add([2]string{"Content-Length", cl})
	case kOpenAINode:
		add([2]string{"accept", "application/json"}, [2]string{"content-type", "application/json"}, [2]string{"user-agent", c.ua})
		add(c.stainless(true)...)
		add(auth(q, true)...)
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"x-stainless-retry-count", strconv.Itoa(q.retry)}, [2]string{"content-length", cl},
			[2]string{"accept-encoding", "gzip,deflate"}, [2]string{"host", apiHost}, [2]string{"connection", "keep-alive"})
	case kAnthropicNode, kStainlessGo:
		// undici's fetch and Go's HTTP/2 transport both send the
		// application's headers sorted by name.
		s := [][2]string{{"accept", "application/json"}, {"content-type", "application/json"}, {"user-agent", c.ua},
			{"x-stainless-retry-count", strconv.Itoa(q.retry)}, {"x-stainless-timeout", "600"}}
		s = append(s, c.stainless(true)...)
		s = append(s, auth(q, true)...)
		s = append(s, c.fixed...)
		s = append(s, q.extra...)
		slices.SortStableFunc(s, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
		if c.kind == kAnthropicNode {
			add([2]string{"host", apiHost}, [2]string{"connection", "keep-alive"})
			add(s...)
			add([2]string{"accept-language", "*"}, [2]string{"sec-fetch-mode", "cors"}, [2]string{"accept-encoding", "gzip, deflate"}, [2]string{"content-length", cl})
		} else {
			add(s...)
			add([2]string{"content-length", cl}, [2]string{"accept-encoding", "gzip"})
		}
	case kGoRaw:
		s := append([][2]string{{"content-type", "application/json"}, {"user-agent", c.ua}}, auth(q, true)...)
		s = append(s, c.fixed...)
		s = append(s, q.extra...)
		slices.SortStableFunc(s, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
		add(s...)
		add([2]string{"content-length", cl}, [2]string{"accept-encoding", "gzip"})
	case kRequests:
		add([2]string{"Host", apiHost}, [2]string{"User-Agent", c.ua}, [2]string{"Accept-Encoding", "gzip, deflate"},
			[2]string{"Accept", "*/*"}, [2]string{"Connection", "keep-alive"})
		add(auth(q, false)...)
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"Content-Type", "application/json"}, [2]string{"Content-Length", cl})
	case kAiohttp:
		add([2]string{"Host", apiHost})
		add(auth(q, false)...)
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"Content-Type", "application/json"}, [2]string{"Accept", "*/*"}, [2]string{"Accept-Encoding", "gzip, deflate"},
			[2]string{"User-Agent", c.ua}, [2]string{"Content-Length", cl})
	case kCurl:
		add([2]string{"Host", apiHost}, [2]string{"User-Agent", c.ua}, [2]string{"Accept", "*/*"}, [2]string{"Content-Type", "application/json"})
		if q.path == pathMessages {
			add([2]string{"x-api-key", q.acct.key}, [2]string{"anthropic-version", anthropicVersion})
		} else {
			add([2]string{"Authorization", "Bearer " + q.acct.key})
		}
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"Content-Length", cl})
	case kNodeFetch:
		add([2]string{"host", apiHost}, [2]string{"connection", "keep-alive"}, [2]string{"content-type", "application/json"})
		add(auth(q, true)...)
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"accept", "*/*"}, [2]string{"accept-language", "*"}, [2]string{"sec-fetch-mode", "cors"},
			[2]string{"user-agent", c.ua}, [2]string{"accept-encoding", "gzip, deflate"}, [2]string{"content-length", cl})
	case kJava:
		add([2]string{"content-length", cl}, [2]string{"user-agent", c.ua}, [2]string{"content-type", "application/json"})
		add(auth(q, true)...)
		add(c.fixed...)
		add(q.extra...)
	case kGodot:
		add([2]string{"Host", apiHost}, [2]string{"User-Agent", c.ua}, [2]string{"Accept", "*/*"}, [2]string{"Content-Type", "application/json"})
		if q.path == pathMessages {
			add([2]string{"x-api-key", q.acct.key}, [2]string{"anthropic-version", anthropicVersion})
		} else {
			add([2]string{"Authorization", "Bearer " + q.acct.key})
		}
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"Content-Length", cl})
	case kBrowser:
		b := c.browser
		add([2]string{"content-length", cl})
		if b.secChUA != "" {
			add([2]string{"sec-ch-ua-platform", b.platform})
		}
		if q.path == pathMessages {
			add([2]string{"anthropic-version", anthropicVersion}, [2]string{"anthropic-dangerous-direct-browser-access", "true"})
		}
		if b.secChUA != "" {
			add([2]string{"sec-ch-ua", b.secChUA}, [2]string{"sec-ch-ua-mobile", "?0"})
		}
		if q.path == pathMessages {
			add([2]string{"x-api-key", q.acct.key})
		} else {
			add([2]string{"authorization", "Bearer " + q.acct.key})
		}
		add([2]string{"user-agent", c.ua}, [2]string{"content-type", "application/json"}, [2]string{"accept", "*/*"})
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"origin", b.origin}, [2]string{"sec-fetch-site", "cross-site"}, [2]string{"sec-fetch-mode", "cors"},
			[2]string{"sec-fetch-dest", "empty"}, [2]string{"referer", b.referer}, [2]string{"accept-encoding", "gzip, deflate, br, zstd"},
			[2]string{"accept-language", b.lang})
		if b.secChUA != "" {
			add([2]string{"priority", "u=1, i"})
		} else {
			add([2]string{"priority", "u=4"})
		}
	case kOkHttp:
		add(auth(q, true)...)
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"content-type", "application/json; charset=utf-8"}, [2]string{"content-length", cl},
			[2]string{"accept-encoding", "gzip"}, [2]string{"user-agent", c.ua})
	case kURLSession:
		add([2]string{"content-type", "application/json"})
		add(auth(q, true)...)
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"accept", "*/*"}, [2]string{"accept-language", "en-US,en;q=0.9"}, [2]string{"content-length", cl},
			[2]string{"user-agent", c.ua}, [2]string{"accept-encoding", "gzip, deflate, br"})
	case kKtor:
		add([2]string{"accept", "application/json"}, [2]string{"accept-charset", "UTF-8"}, [2]string{"user-agent", c.ua})
		add(auth(q, true)...)
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"content-type", "application/json"}, [2]string{"content-length", cl}, [2]string{"accept-encoding", "gzip"})
	case kDotNet:
		add([2]string{"Host", apiHost}, [2]string{"User-Agent", c.ua})
		add(auth(q, false)...)
		add(c.fixed...)
		add(q.extra...)
		add([2]string{"Content-Type", "application/json; charset=utf-8"}, [2]string{"Content-Length", cl})
	}
	return h
}

// --- bodies ---

// shape puts a body built in the application's own order into the order
// and number format its client serialises: the Python and Go SDKs build
// the body from their method's parameters (messages and model first for
// OpenAI, every parameter alphabetically for Anthropic), and Python writes
// an integral float as 1.0.
func (c *client) shape(o tracefmt.Obj) tracefmt.Obj {
	switch c.kind {
	case kOpenAIPy, kStainlessGo:
		if c.kind == kStainlessGo && strings.HasPrefix(c.ua, "Anthropic") {
			o = sortedObj(o, nil)
		} else {
			o = sortedObj(o, []string{"messages", "model"})
		}
	case kAnthropicPy:
		o = sortedObj(o, nil)
	}
	if c.kind == kOpenAIPy || c.kind == kAnthropicPy || c.kind == kRequests || c.kind == kAiohttp {
		o = pyFloats(o).(tracefmt.Obj)
	}
	return o
}

func sortedObj(o tracefmt.Obj, first []string) tracefmt.Obj {
	rank := func(k string) int {
		if i := slices.Index(first, k); i >= 0 {
			return i
		}
		return len(first)
	}
	out := slices.Clone(o)
	slices.SortStableFunc(out, func(a, b tracefmt.KV) int {
		if ra, rb := rank(a.Key), rank(b.Key); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}

func pyFloats(v any) any {
	switch x := v.(type) {
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return tracefmt.RawString(strconv.FormatFloat(x, 'f', 1, 64))
		}
		return x
	case tracefmt.Obj:
		out := make(tracefmt.Obj, len(x))
		for i, m := range x {
			out[i] = tracefmt.KV{Key: m.Key, Value: pyFloats(m.Value)}
		}
		return out
	case tracefmt.Arr:
		out := make(tracefmt.Arr, len(x))
		for i, e := range x {
			out[i] = pyFloats(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = pyFloats(e)
		}
		return out
	case []tracefmt.Obj:
		out := make([]tracefmt.Obj, len(x))
		for i, e := range x {
			out[i] = pyFloats(e).(tracefmt.Obj)
		}
		return out
	}
	return v
}

// --- keys ---

const keyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// apiKey returns a fresh key in the provider's format.
func apiKey(r *rand.Rand) string {
	b := make([]byte, 0, 108)
	b = append(b, "sk-ant-api03-"...)
	for range 93 {
		b = append(b, keyAlphabet[r.IntN(len(keyAlphabet))])
	}
	return string(append(b, "AA"...))
}
