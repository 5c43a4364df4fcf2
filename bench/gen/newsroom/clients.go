package newsroom

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

type dialect uint8

const (
	dOAI dialect = iota // OpenAI chat completions, Bearer key
	dANT                // Anthropic messages, x-api-key + anthropic-version
)

func (d dialect) path() string {
	if d == dANT {
		return "/v1/messages"
	}
	return "/v1/chat/completions"
}

// TLS stacks, as JA4 strings. Clients built on one TLS library share its
// cipher and extension hashes; the ALPN part follows what the HTTP layer
// offers (h2, http/1.1 only, or none).
const (
	ja4Chrome     = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Electron   = "t13d1516h2_8daaf6152771_b1ff8ab2d16f"
	ja4Firefox    = "t13d1717h2_5b57614c22b0_3cbfd9057e0d"
	ja4Safari     = "t13d2014h2_a09f3c656075_14788d8d241b"
	ja4PyOSSL3    = "t13d1812h1_85036bcba153_b26ce05bbdd6" // CPython ssl on OpenSSL 3, ALPN http/1.1
	ja4PyOSSL11   = "t13d1811h1_c866b44c5a26_a8e8d8a1c7b2" // CPython on OpenSSL 1.1.1
	ja4PyNoALPN   = "t13d181100_85036bcba153_4f2b3c8e0c1d" // aiohttp: no ALPN
	ja4Node       = "t13d1712h1_5b234860e130_014157ec0da2" // Node.js (undici) ALPN http/1.1
	ja4Go         = "t13d1312h2_f57a46bbacb6_e7c285222651" // Go crypto/tls, h2
	ja4GoH1       = "t13d1311h1_f57a46bbacb6_ab0e09f47ec9" // Go crypto/tls, custom transport (h1)
	ja4Java       = "t13d4713h2_0d8feac7bc37_7395dae3b2f3" // JDK 21 JSSE via OkHttp
	ja4Curl       = "t13d3112h2_e8f1e7e78f70_6bebaf5329ac" // curl 8 / OpenSSL 3
	ja4CurlH1     = "t13d3111h1_e8f1e7e78f70_9a3c1e2f5b7d" // libcurl forced to HTTP/1.1 (PHP)
	ja4CurlCffi   = ja4Chrome                              // curl_cffi impersonating Chrome
	ja4PyOSSL3Win = "t13d1812h1_85036bcba153_1f4e72c3a9d0"
)

type bodyStyle uint8

const (
	styleUser bodyStyle = iota // keys in the order the developer wrote them
	styleSDK                   // generated SDKs: OpenAI messages, model, then sorted; Anthropic sorted
)

// client is one installed HTTP client: a kind (the SDK or tool), its
// versions and platform, and how it writes headers and bodies.
type client struct {
	kind   string
	d      dialect
	ja4    string
	ua     string
	ver    string // SDK version
	os     string // X-Stainless-OS value
	arch   string
	rtVer  string // runtime version
	async  bool
	accEnc string
	site   string // WordPress site, or the origin of a browser app
	chUA   string // browser client hints
	plat   string
	lang   string // accept-language of a browser
	style  bodyStyle
	enc    tracefmt.Encoder
	extra  [][2]string // fixed headers a tool adds
	hdr    func(c *client, q *req, key string, n int) [][2]string
}

func (c *client) encode(o tracefmt.Obj) []byte {
	if c.style == styleSDK {
		o = sdkOrder(c.d, o)
	}
	return c.enc.Marshal(o)
}

// sdkOrder reorders a body as the generated SDKs serialise it: the OpenAI
// ones put messages and model first and the other parameters in
// alphabetical order; the Anthropic ones send every parameter in
// alphabetical order.
func sdkOrder(d dialect, o tracefmt.Obj) tracefmt.Obj {
	out := slices.Clone(o)
	rank := func(k string) string {
		if d == dOAI {
			switch k {
			case "messages":
				return "\x00"
			case "model":
				return "\x01"
			}
		}
		return k
	}
	slices.SortStableFunc(out, func(a, b tracefmt.KV) int { return strings.Compare(rank(a.Key), rank(b.Key)) })
	return out
}

const apiHost = "api.halyard.ai"

func cl(n int) string { return strconv.Itoa(n) }

func auth(key string) string { return "Bearer " + key }

// reqExtra returns the per-request extra headers of q (trace context,
// betas), which go before the content headers.
func reqExtra(q *req) [][2]string {
	if q == nil {
		return nil
	}
	return q.extra
}

func retries(q *req) string {
	if q == nil {
		return "0"
	}
	return strconv.Itoa(q.retry)
}

// openai-python and anthropic-python: httpx over HTTP/1.1; httpx's client
// defaults first (Accept and User-Agent replaced in place), then the SDK's.
func hStainlessPy(c *client, q *req, key string, n int) [][2]string {
	asyncv := "false"
	if c.async {
		asyncv = "async:asyncio"
	}
	h := [][2]string{
		{"Host", apiHost}, {"Accept", "application/json"}, {"Accept-Encoding", c.accEnc}, {"Connection", "keep-alive"},
		{"User-Agent", c.ua}, {"Content-Type", "application/json"},
		{"X-Stainless-Lang", "python"}, {"X-Stainless-Package-Version", c.ver}, {"X-Stainless-OS", c.os},
		{"X-Stainless-Arch", c.arch}, {"X-Stainless-Runtime", "CPython"}, {"X-Stainless-Runtime-Version", c.rtVer},
	}
	if c.d == dOAI {
		h = append(h, [2]string{"Authorization", auth(key)}, [2]string{"X-Stainless-Async", asyncv})
	} else {
		h = append(h, [2]string{"X-Stainless-Async", asyncv}, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"X-Api-Key", key})
	}
	h = append(h, c.extra...)
	h = append(h, [2]string{"x-stainless-retry-count", retries(q)}, [2]string{"x-stainless-read-timeout", "600"})
	h = append(h, reqExtra(q)...)
	return append(h, [2]string{"Content-Length", cl(n)})
}

// openai-node and anthropic-typescript on Node's fetch (undici, HTTP/1.1):
// host first, the Headers object's names in sorted order, then undici's own.
func hStainlessNode(c *client, q *req, key string, n int) [][2]string {
	m := [][2]string{
		{"accept", "application/json"}, {"content-type", "application/json"}, {"user-agent", c.ua},
		{"x-stainless-arch", c.arch}, {"x-stainless-lang", "js"}, {"x-stainless-os", c.os},
		{"x-stainless-package-version", c.ver}, {"x-stainless-retry-count", retries(q)},
		{"x-stainless-runtime", "node"}, {"x-stainless-runtime-version", c.rtVer}, {"x-stainless-timeout", "600"},
	}
	if c.d == dOAI {
		m = append(m, [2]string{"authorization", auth(key)})
	} else {
		m = append(m, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"x-api-key", key})
	}
	m = append(m, c.extra...)
	m = append(m, reqExtra(q)...)
	slices.SortStableFunc(m, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	h := [][2]string{{"host", apiHost}, {"connection", "keep-alive"}}
	h = append(h, m...)
	return append(h, [2]string{"accept-language", "*"}, [2]string{"sec-fetch-mode", "cors"},
		[2]string{"accept-encoding", "gzip, deflate"}, [2]string{"content-length", cl(n)})
}

// Vercel AI SDK provider on Node: few headers, no Stainless set.
func hAISDK(c *client, q *req, key string, n int) [][2]string {
	m := [][2]string{{"content-type", "application/json"}, {"user-agent", c.ua}}
	if c.d == dOAI {
		m = append(m, [2]string{"authorization", auth(key)})
	} else {
		m = append(m, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"x-api-key", key})
	}
	m = append(m, reqExtra(q)...)
	slices.SortStableFunc(m, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	h := [][2]string{{"host", apiHost}, {"connection", "keep-alive"}}
	h = append(h, m...)
	return append(h, [2]string{"accept", "*/*"}, [2]string{"accept-language", "*"}, [2]string{"sec-fetch-mode", "cors"},
		[2]string{"accept-encoding", "gzip, deflate"}, [2]string{"content-length", cl(n)})
}

// openai-go / anthropic-sdk-go over HTTP/2: lowercase names, the request's
// header map in sorted order, then content-length and accept-encoding.
func hStainlessGo(c *client, q *req, key string, n int) [][2]string {
	m := [][2]string{
		{"accept", "application/json"}, {"content-type", "application/json"}, {"user-agent", c.ua},
		{"x-stainless-arch", c.arch}, {"x-stainless-lang", "go"}, {"x-stainless-os", c.os},
		{"x-stainless-package-version", c.ver}, {"x-stainless-retry-count", retries(q)},
		{"x-stainless-runtime", "go"}, {"x-stainless-runtime-version", c.rtVer},
	}
	if c.d == dOAI {
		m = append(m, [2]string{"authorization", auth(key)})
	} else {
		m = append(m, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"x-api-key", key})
	}
	m = append(m, reqExtra(q)...)
	slices.SortStableFunc(m, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	return append(m, [2]string{"content-length", cl(n)}, [2]string{"accept-encoding", "gzip"})
}

// A Go relay (one-api style) on a custom transport, HTTP/1.1: Host,
// User-Agent and Content-Length first, the rest in canonical case and
// sorted order, Accept-Encoding added by the transport last.
func hGoRelay(c *client, q *req, key string, n int) [][2]string {
	ua := c.ua
	for _, e := range reqExtra(q) {
		if e[0] == "User-Agent" {
			ua = e[1]
		}
	}
	h := [][2]string{{"Host", apiHost}, {"User-Agent", ua}, {"Content-Length", cl(n)}, {"Accept", "application/json"}}
	if c.d == dOAI {
		h = append(h, [2]string{"Authorization", auth(key)})
	} else {
		h = append(h, [2]string{"Anthropic-Version", "2023-06-01"})
	}
	h = append(h, [2]string{"Content-Type", "application/json"})
	if c.d == dANT {
		h = append(h, [2]string{"X-Api-Key", key})
	}
	return append(h, [2]string{"Accept-Encoding", "gzip"})
}

// openai-java on OkHttp, HTTP/2.
func hStainlessJava(c *client, q *req, key string, n int) [][2]string {
	h := [][2]string{{"accept", "application/json"}}
	if c.d == dOAI {
		h = append(h, [2]string{"authorization", auth(key)})
	} else {
		h = append(h, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"x-api-key", key})
	}
	h = append(h, [][2]string{
		{"user-agent", c.ua}, {"x-stainless-arch", c.arch}, {"x-stainless-lang", "java"}, {"x-stainless-os", c.os},
		{"x-stainless-package-version", c.ver}, {"x-stainless-runtime", "JRE"}, {"x-stainless-runtime-version", c.rtVer},
		{"x-stainless-retry-count", retries(q)}, {"x-stainless-read-timeout", "600"},
	}...)
	h = append(h, reqExtra(q)...)
	return append(h, [2]string{"content-type", "application/json; charset=utf-8"}, [2]string{"content-length", cl(n)}, [2]string{"accept-encoding", "gzip"})
}

// curl over HTTP/2 with the headers of the vendor's quick-start example.
func hCurl(c *client, q *req, key string, n int) [][2]string {
	h := [][2]string{{"user-agent", c.ua}, {"accept", "*/*"}}
	if c.d == dOAI {
		h = append(h, [2]string{"content-type", "application/json"}, [2]string{"authorization", auth(key)})
	} else {
		h = append(h, [2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"content-type", "application/json"})
	}
	return append(h, [2]string{"content-length", cl(n)})
}

// python-requests (HTTP/1.1): session defaults, then the script's headers
// as its author typed them, then Content-Length.
func hRequests(c *client, q *req, key string, n int) [][2]string {
	h := [][2]string{{"Host", apiHost}, {"User-Agent", c.ua}, {"Accept-Encoding", c.accEnc}, {"Accept", "*/*"}, {"Connection", "keep-alive"}}
	if c.d == dOAI {
		h = append(h, [2]string{"Authorization", auth(key)}, [2]string{"Content-Type", "application/json"})
	} else {
		h = append(h, [2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"content-type", "application/json"})
	}
	h = append(h, c.extra...)
	return append(h, [2]string{"Content-Length", cl(n)})
}

// WordPress (WP_Http over libcurl, HTTP/1.1).
func hWordPress(c *client, q *req, key string, n int) [][2]string {
	h := [][2]string{{"Host", apiHost}, {"User-Agent", c.ua}, {"Accept", "*/*"}, {"Accept-Encoding", "deflate, gzip, br, zstd"}, {"Referer", c.site}}
	if c.d == dOAI {
		h = append(h, [2]string{"Authorization", auth(key)})
	} else {
		h = append(h, [2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"})
	}
	return append(h, [2]string{"Content-Type", "application/json"}, [2]string{"Content-Length", cl(n)})
}

// Chromium fetch over HTTP/2 from an extension or a web app; with the
// Anthropic TypeScript SDK in the page, its Stainless headers and the
// direct-browser-access opt-in come along.
func hChromium(c *client, q *req, key string, n int) [][2]string {
	h := [][2]string{{"content-length", cl(n)}, {"sec-ch-ua-platform", c.plat}}
	var m [][2]string
	if c.kind == "browser-sdk" {
		m = [][2]string{{"accept", "application/json"}, {"anthropic-dangerous-direct-browser-access", "true"}, {"content-type", "application/json"},
			{"x-stainless-arch", "unknown"}, {"x-stainless-lang", "js"}, {"x-stainless-os", "Unknown"}, {"x-stainless-package-version", c.ver},
			{"x-stainless-retry-count", retries(q)}, {"x-stainless-runtime", "browser:chrome"}, {"x-stainless-runtime-version", c.rtVer}, {"x-stainless-timeout", "600"}}
	} else {
		m = [][2]string{{"content-type", "application/json"}}
	}
	if c.d == dOAI {
		m = append(m, [2]string{"authorization", auth(key)})
	} else {
		m = append(m, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"x-api-key", key})
	}
	m = append(m, c.extra...)
	slices.SortStableFunc(m, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	h = append(h, m...)
	h = append(h, [2]string{"sec-ch-ua", c.chUA}, [2]string{"sec-ch-ua-mobile", "?0"}, [2]string{"user-agent", c.ua})
	if c.kind != "browser-sdk" {
		h = append(h, [2]string{"accept", "*/*"})
	}
	site := "cross-site"
	if strings.HasPrefix(c.site, "chrome-extension://") {
		site = "none"
	}
	return append(h, [2]string{"origin", c.site}, [2]string{"sec-fetch-site", site}, [2]string{"sec-fetch-mode", "cors"},
		[2]string{"sec-fetch-dest", "empty"}, [2]string{"accept-encoding", "gzip, deflate, br, zstd"},
		[2]string{"accept-language", c.lang},
		[2]string{"priority", "u=1, i"})
}

// Firefox fetch over HTTP/2.
func hFirefox(c *client, q *req, key string, n int) [][2]string {
	h := [][2]string{{"user-agent", c.ua}, {"accept", "application/json"}, {"accept-language", "en-US,en;q=0.5"},
		{"accept-encoding", "gzip, deflate, br, zstd"}, {"content-type", "application/json"}}
	if c.d == dOAI {
		h = append(h, [2]string{"authorization", auth(key)})
	} else {
		h = append(h, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"anthropic-dangerous-direct-browser-access", "true"}, [2]string{"x-api-key", key})
	}
	h = append(h, c.extra...)
	return append(h, [2]string{"content-length", cl(n)}, [2]string{"origin", c.site}, [2]string{"sec-fetch-dest", "empty"},
		[2]string{"sec-fetch-mode", "cors"}, [2]string{"sec-fetch-site", "cross-site"}, [2]string{"priority", "u=4"}, [2]string{"te", "trailers"})
}

// Safari fetch over HTTP/2.
func hSafari(c *client, q *req, key string, n int) [][2]string {
	h := [][2]string{{"accept", "*/*"}, {"content-type", "application/json"}, {"sec-fetch-site", "cross-site"}, {"origin", c.site}}
	if c.d == dOAI {
		h = append(h, [2]string{"authorization", auth(key)})
	} else {
		h = append(h, [2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"anthropic-dangerous-direct-browser-access", "true"})
	}
	return append(h, [2]string{"sec-fetch-mode", "cors"}, [2]string{"user-agent", c.ua}, [2]string{"referer", c.site + "/"},
		[2]string{"content-length", cl(n)}, [2]string{"sec-fetch-dest", "empty"}, [2]string{"accept-language", "en-GB,en;q=0.9"},
		[2]string{"priority", "u=3, i"}, [2]string{"accept-encoding", "gzip, deflate, br"})
}

// LiteLLM's own Anthropic handler on httpx.
func hLiteLLMAnt(c *client, q *req, key string, n int) [][2]string {
	h := [][2]string{{"Host", apiHost}, {"Accept", "application/json"}, {"Accept-Encoding", "gzip, deflate"}, {"Connection", "keep-alive"},
		{"User-Agent", c.ua}, {"anthropic-version", "2023-06-01"}, {"x-api-key", key}, {"content-type", "application/json"}}
	h = append(h, reqExtra(q)...)
	return append(h, [2]string{"Content-Length", cl(n)})
}

// ---- constructors: what is installed in the world, with its spread of versions

var (
	verOpenAIPy  = []string{"1.97.1", "2.6.1", "2.11.0", "2.15.0", "2.20.0", "2.21.1"}
	verAnthPy    = []string{"0.69.0", "0.75.0", "0.79.0", "0.84.0", "0.86.1"}
	verOpenAINd  = []string{"5.23.2", "6.2.0", "6.9.1", "6.16.0"}
	verAnthTS    = []string{"0.65.0", "0.71.2", "0.74.0", "0.78.0"}
	verPython    = []string{"3.11.9", "3.12.3", "3.12.10", "3.13.3", "3.13.5", "3.10.12"}
	verNode      = []string{"v20.19.2", "v22.16.0", "v22.21.1", "v24.2.0"}
	verChrome    = []int{146, 147, 147, 148, 148, 148}
	verFirefox   = []int{149, 150, 151}
	verRequests  = []string{"2.31.0", "2.32.3", "2.32.4", "2.32.5"}
	pyAccEnc     = []string{"gzip, deflate", "gzip, deflate", "gzip, deflate, br", "gzip, deflate, br, zstd"}
	osArchDesk   = [][2]string{{"MacOS", "arm64"}, {"MacOS", "arm64"}, {"MacOS", "x64"}, {"Windows", "x64"}, {"Linux", "x64"}}
	osArchServer = [][2]string{{"Linux", "x64"}, {"Linux", "x64"}, {"Linux", "arm64"}}
)

func pyJA4(os string, r *rand.Rand) string {
	if os == "Windows" {
		return ja4PyOSSL3Win
	}
	if r.IntN(8) == 0 {
		return ja4PyOSSL11
	}
	return ja4PyOSSL3
}

// newPySDK returns openai-python or anthropic-python, on a desktop or a
// server.
func newPySDK(r *rand.Rand, d dialect, server, async bool) *client {
	oa := pick(r, osArchDesk)
	if server {
		oa = pick(r, osArchServer)
	}
	c := &client{d: d, os: oa[0], arch: oa[1], rtVer: pick(r, verPython), async: async, accEnc: pick(r, pyAccEnc), style: styleSDK, hdr: hStainlessPy}
	c.ja4 = pyJA4(c.os, r)
	pre := ""
	if async {
		pre = "Async"
	}
	if d == dOAI {
		c.kind, c.ver = "openai-python", pick(r, verOpenAIPy)
		c.ua = pre + "OpenAI/Python " + c.ver
	} else {
		c.kind, c.ver = "anthropic-python", pick(r, verAnthPy)
		c.ua = pre + "Anthropic/Python " + c.ver
	}
	return c
}

func newNodeSDK(r *rand.Rand, d dialect, server bool) *client {
	oa := pick(r, osArchDesk)
	if server {
		oa = pick(r, osArchServer)
	}
	c := &client{d: d, ja4: ja4Node, os: oa[0], arch: oa[1], rtVer: pick(r, verNode), hdr: hStainlessNode}
	if d == dOAI {
		c.kind, c.ver = "openai-node", pick(r, verOpenAINd)
		c.ua = "OpenAI/JS " + c.ver
	} else {
		c.kind, c.ver = "anthropic-typescript", pick(r, verAnthTS)
		c.ua = "Anthropic/JS " + c.ver
	}
	return c
}

func newGoSDK(r *rand.Rand, d dialect) *client {
	c := &client{d: d, ja4: ja4Go, os: "Linux", arch: "x64", rtVer: pick(r, []string{"go1.25.3", "go1.25.5", "go1.26.1"}), style: styleSDK, enc: tracefmt.Encoder{EscapeHTML: true}, hdr: hStainlessGo}
	if d == dOAI {
		c.kind, c.ver = "openai-go", pick(r, []string{"3.8.1", "3.12.0", "3.14.2"})
		c.ua = "OpenAI/Go " + c.ver
	} else {
		c.kind, c.ver = "anthropic-go", pick(r, []string{"2.3.0", "2.5.1"})
		c.ua = "Anthropic/Go " + c.ver
	}
	return c
}

func newJavaSDK(r *rand.Rand) *client {
	c := &client{kind: "openai-java", d: dOAI, ja4: ja4Java, os: "Linux", arch: "x64", rtVer: pick(r, []string{"21.0.7", "21.0.8", "17.0.15"}), style: styleSDK, hdr: hStainlessJava}
	c.ver = pick(r, []string{"4.6.1", "4.8.0"})
	c.ua = "OpenAI/Java " + c.ver
	return c
}

func newCurl(r *rand.Rand, d dialect) *client {
	return &client{kind: "curl", d: d, ja4: ja4Curl, ua: "curl/" + pick(r, []string{"8.5.0", "8.7.1", "8.14.1", "8.11.1"}), hdr: hCurl}
}

func newRequests(r *rand.Rand, d dialect) *client {
	c := &client{kind: "requests", d: d, ua: "python-requests/" + pick(r, verRequests), accEnc: pick(r, pyAccEnc), hdr: hRequests}
	c.ja4 = pyJA4(pick(r, []string{"Linux", "MacOS", "Windows"}), r)
	return c
}

var browserLangs = []string{"en-US,en;q=0.9", "en-US,en;q=0.9", "en-GB,en;q=0.9", "en-US,en;q=0.9,es;q=0.8", "de-DE,de;q=0.9,en;q=0.8", "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", "pt-BR,pt;q=0.9,en;q=0.8", "en-IN,en;q=0.9,hi;q=0.8"}

var chromePlatforms = []struct{ ua, plat string }{
	{"Windows NT 10.0; Win64; x64", `"Windows"`},
	{"Macintosh; Intel Mac OS X 10_15_7", `"macOS"`},
	{"X11; Linux x86_64", `"Linux"`},
	{"X11; CrOS x86_64 14541.0.0", `"Chrome OS"`},
}

// newChromium returns a Chrome (or Edge) browser; kind "browser-sdk" runs
// the Anthropic TypeScript SDK in the page, "browser" plain fetch.
func newChromium(r *rand.Rand, d dialect, kind, origin string) *client {
	v := pick(r, verChrome)
	p := chromePlatforms[pickW(r, 55, 30, 8, 7)]
	vs := strconv.Itoa(v)
	ua := "Mozilla/5.0 (" + p.ua + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + vs + ".0.0.0 Safari/537.36"
	ch := `"Chromium";v="` + vs + `", "Google Chrome";v="` + vs + `", "Not/A)Brand";v="24"`
	if r.IntN(9) == 0 && p.plat == `"Windows"` {
		ua += " Edg/" + vs + ".0.0.0"
		ch = `"Chromium";v="` + vs + `", "Microsoft Edge";v="` + vs + `", "Not/A)Brand";v="24"`
	}
	return &client{kind: kind, d: d, ja4: ja4Chrome, ua: ua, chUA: ch, plat: p.plat, site: origin, ver: pick(r, verAnthTS), rtVer: vs + ".0.0", lang: pick(r, browserLangs), hdr: hChromium}
}

func newFirefox(r *rand.Rand, d dialect, origin string) *client {
	v := strconv.Itoa(pick(r, verFirefox))
	plat := pick(r, []string{"Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10.15", "X11; Ubuntu; Linux x86_64"})
	return &client{kind: "firefox", d: d, ja4: ja4Firefox, ua: "Mozilla/5.0 (" + plat + "; rv:" + v + ".0) Gecko/20100101 Firefox/" + v + ".0", site: origin, hdr: hFirefox}
}

func newSafari(r *rand.Rand, d dialect, origin string) *client {
	v := pick(r, []string{"18.4", "18.5", "26.0", "26.1"})
	return &client{kind: "safari", d: d, ja4: ja4Safari, ua: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" + v + " Safari/605.1.15", site: origin, hdr: hSafari}
}

// newDesktopApp returns an Electron chat app that the user points at the
// vendor with their own key.
func newDesktopApp(r *rand.Rand, d dialect) *client {
	app := pick(r, []struct{ name, ver string }{{"Chatbox", "1.12.3"}, {"Chatbox", "1.13.0"}, {"Cherry Studio", "1.5.2"}, {"Jan", "0.6.4"}})
	cv := pick(r, []string{"134.0.6998.205", "138.0.7204.97"})
	p := chromePlatforms[pickW(r, 45, 45, 10, 0)]
	major := strings.SplitN(cv, ".", 2)[0]
	return &client{kind: "desktop-app", d: d, ja4: ja4Electron,
		ua:   "Mozilla/5.0 (" + p.ua + ") AppleWebKit/537.36 (KHTML, like Gecko) " + strings.ReplaceAll(app.name, " ", "") + "/" + app.ver + " Chrome/" + cv + " Electron/" + pick(r, []string{"35.7.5", "37.2.0"}) + " Safari/537.36",
		chUA: `"Not/A)Brand";v="8", "Chromium";v="` + major + `"`, plat: p.plat, lang: pick(r, browserLangs), site: "http://localhost:" + pick(r, []string{"1212", "3000", "5173"}), hdr: hChromium}
}

// newBrowserApp returns a person's browser on a bring-your-own-key web chat.
func newBrowserApp(r *rand.Rand, d dialect) *client {
	origin := pick(r, []string{"https://app.promptdeck.io", "https://chat.lumenwrite.app", "https://byok.typeset.chat"})
	switch pickW(r, 65, 15, 20) {
	case 0:
		return newChromium(r, d, "browser", origin)
	case 1:
		return newFirefox(r, d, origin)
	default:
		return newSafari(r, d, origin)
	}
}

// personalClient is what an individual uses to talk to the API: a desktop
// app, a web app, a notebook, a script or curl.
func personalClient(r *rand.Rand) *client {
	d := dOAI
	if r.IntN(3) == 0 {
		d = dANT
	}
	switch pickW(r, 22, 30, 18, 6, 6, 5, 5, 3) {
	case 0:
		return newDesktopApp(r, d)
	case 1:
		return newBrowserApp(r, d)
	case 2:
		return newPySDK(r, d, false, false)
	case 3:
		return newNodeSDK(r, d, false)
	case 4:
		return newRequests(r, d)
	case 5:
		return newCurl(r, d)
	case 6:
		return newGoSDK(r, d)
	default:
		return newJavaSDK(r)
	}
}
