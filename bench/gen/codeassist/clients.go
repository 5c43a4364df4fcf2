package codeassist

import (
	"sort"
	"strconv"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// host is the API's host name as the clients address it.
const host = "api.cobaltlabs.ai"

// stack is the kind of HTTP client software that sends a request.
type stack int

const (
	stOpenAIPy    stack = iota // openai-python (httpx, HTTP/1.1)
	stAnthropicPy              // anthropic-python (httpx, HTTP/1.1)
	stOpenAIJS                 // openai-node (fetch/undici)
	stAnthropicJS              // @anthropic-ai/sdk (fetch/undici)
	stCurl                     // curl from a shell script
	stBrowser                  // a web page's fetch() in Chrome
	stGoRelay                  // a relay written in Go (net/http)
	stHTTPX                    // plain httpx (a gateway's own Anthropic adapter)
	stRequests                 // python-requests
)

// client is one installed client: software, versions, platform and the
// TLS print that goes with them, plus what the application adds.
type client struct {
	st         stack
	ua         string // user-agent; "" means the SDK's own
	pkg        string // SDK package version
	os, arch   string // as the Stainless SDKs report them
	rtVer      string // Python or Node version
	async      bool
	timeout    string // x-stainless-timeout (JS) or read-timeout (Python); "" none
	ja4        string
	enc        tracefmt.Encoder
	app        [][2]string // headers the application sets on every request
	origin     string      // browser pages
	chromeVer  int
	browserDir bool // Anthropic: the page sets anthropic-dangerous-direct-browser-access
}

// TLS prints of the stacks (JA4). Python's and curl's ssl modules link
// OpenSSL 3; Node links its own OpenSSL with a fixed cipher order; Chrome is
// BoringSSL; Go is crypto/tls. The ALPN part follows what the stack offers.
const (
	ja4Python    = "t13d3112h1_e8f1e7e78f70_b26ce05bbdaf"
	ja4PythonMac = "t13d3113h1_e8f1e7e78f70_1f22a2ca17c4"
	ja4Node18    = "t13d1712h1_5b57614c22b0_3d5424432f57"
	ja4Node20    = "t13d1713h1_5b57614c22b0_eca864cca44a"
	ja4Node22    = "t13d1714h1_5b57614c22b0_14788d8d241b"
	ja4Curl      = "t13d3113h2_e8f1e7e78f70_6bebaf5329ac"
	ja4Chrome    = "t13d1516h2_8daaf6152771_d8a2da3f94cd"
	ja4Go        = "t13d1312h2_f57a46bbacb6_e7c285222651"
	ja4Requests  = "t13d3112h1_e8f1e7e78f70_eb8a05d8b2c4"
)

// SDK versions in circulation in May 2026, oldest first. Users lag behind
// releases, so older ones stay common.
var (
	openaiPyVers    = []string{"1.99.9", "1.109.1", "2.3.0", "2.6.1", "2.8.0", "2.11.0"}
	anthropicPyVers = []string{"0.64.0", "0.69.0", "0.71.0", "0.75.0", "0.79.0"}
	openaiJSVers    = []string{"5.20.0", "5.23.2", "6.2.0", "6.7.0", "6.10.0"}
	anthropicJSVers = []string{"0.60.0", "0.65.0", "0.68.0", "0.71.2", "0.74.0"}
	pyVers          = []string{"3.10.12", "3.11.9", "3.12.3", "3.12.8", "3.13.1", "3.13.5"}
	nodeVers        = []string{"v18.20.4", "v20.18.1", "v20.19.2", "v22.11.0", "v22.17.0", "v24.4.1"}
	curlVers        = []string{"7.81.0", "8.5.0", "8.7.1", "8.11.1", "8.14.1"}
	chromeVers      = []int{136, 137, 138, 139, 140, 141}
)

// platform draws a developer machine's OS and architecture.
func (r *rng) platform() (string, string) {
	switch r.weighted(45, 35, 12, 8) {
	case 0:
		return "MacOS", "arm64"
	case 1:
		return "Linux", "x64"
	case 2:
		return "Windows", "x64"
	}
	return "MacOS", "x64"
}

func nodeJA4(v string) string {
	switch {
	case strings.HasPrefix(v, "v18"):
		return ja4Node18
	case strings.HasPrefix(v, "v20"):
		return ja4Node20
	}
	return ja4Node22
}

// newClient returns a client of stack st on a developer machine, with the
// versions drawn from the population (newer ones more likely when fresh).
func (r *rng) newClient(st stack, fresh bool) *client {
	latest := func(vs []string) string {
		if fresh || r.chance(0.35) {
			return vs[len(vs)-1-r.IntN(2)]
		}
		return r.pick(vs)
	}
	c := &client{st: st}
	c.os, c.arch = r.platform()
	switch st {
	case stOpenAIPy, stAnthropicPy, stHTTPX, stRequests:
		c.rtVer = latest(pyVers)
		c.ja4 = ja4Python
		if c.os == "MacOS" {
			c.ja4 = ja4PythonMac
		}
		if st == stOpenAIPy {
			c.pkg = latest(openaiPyVers)
		} else if st == stAnthropicPy {
			c.pkg = latest(anthropicPyVers)
		} else if st == stRequests {
			c.ja4 = ja4Requests
		}
	case stOpenAIJS, stAnthropicJS:
		c.rtVer = latest(nodeVers)
		c.ja4 = nodeJA4(c.rtVer)
		if st == stOpenAIJS {
			c.pkg = latest(openaiJSVers)
		} else {
			c.pkg = latest(anthropicJSVers)
		}
	case stCurl:
		c.ua = "curl/" + latest(curlVers)
		c.ja4 = ja4Curl
	case stBrowser:
		c.chromeVer = chromeVers[len(chromeVers)-1-r.IntN(3)]
		c.ja4 = ja4Chrome
	case stGoRelay:
		c.ja4 = ja4Go
		c.enc.EscapeHTML = true
	}
	return c
}

// sdkUA is the SDK's own user-agent.
func (c *client) sdkUA() string {
	switch c.st {
	case stOpenAIPy:
		if c.async {
			return "AsyncOpenAI/Python " + c.pkg
		}
		return "OpenAI/Python " + c.pkg
	case stAnthropicPy:
		if c.async {
			return "AsyncAnthropic/Python " + c.pkg
		}
		return "Anthropic/Python " + c.pkg
	case stOpenAIJS:
		return "OpenAI/JS " + c.pkg
	case stAnthropicJS:
		return "Anthropic/JS " + c.pkg
	case stHTTPX:
		return "python-httpx/0.28.1"
	case stRequests:
		return "python-requests/2.32.3"
	case stGoRelay:
		return "Go-http-client/1.1"
	}
	return c.ua
}

func (c *client) userAgent() string {
	if c.ua != "" {
		return c.ua
	}
	if c.st == stBrowser {
		plat := "Macintosh; Intel Mac OS X 10_15_7"
		switch c.os {
		case "Windows":
			plat = "Windows NT 10.0; Win64; x64"
		case "Linux":
			plat = "X11; Linux x86_64"
		}
		return "Mozilla/5.0 (" + plat + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + strconv.Itoa(c.chromeVer) + ".0.0.0 Safari/537.36"
	}
	return c.sdkUA()
}

const anthropicVersion = "2023-06-01"

// reqMeta is what a request adds to its client's headers.
type reqMeta struct {
	key     string
	path    string
	retry   int         // x-stainless-retry-count
	extra   [][2]string // per-request headers (session ids, idempotency keys, betas)
	forward [][2]string // a relay's copy of its customer's headers
}

func anthropicPath(p string) bool { return p == "/v1/messages" }

// headers returns the request's headers in wire order, names as sent.
func (c *client) headers(m reqMeta, n int) [][2]string {
	cl := strconv.Itoa(n)
	anth := anthropicPath(m.path)
	var h [][2]string
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	switch c.st {
	case stOpenAIPy, stAnthropicPy:
		add("Host", host)
		add("Accept-Encoding", "gzip, deflate")
		add("Connection", "keep-alive")
		add("Accept", "application/json")
		add("Content-Type", "application/json")
		add("User-Agent", c.userAgent())
		add("X-Stainless-Lang", "python")
		add("X-Stainless-Package-Version", c.pkg)
		add("X-Stainless-OS", c.os)
		add("X-Stainless-Arch", c.arch)
		add("X-Stainless-Runtime", "CPython")
		add("X-Stainless-Runtime-Version", c.rtVer)
		if anth {
			add("X-Api-Key", m.key)
			add("anthropic-version", anthropicVersion)
		} else {
			add("Authorization", "Bearer "+m.key)
		}
		for _, kv := range c.app {
			add(kv[0], kv[1])
		}
		if c.async {
			add("X-Stainless-Async", "async:asyncio")
		} else {
			add("X-Stainless-Async", "false")
		}
		add("x-stainless-retry-count", strconv.Itoa(m.retry))
		if c.timeout != "" {
			add("x-stainless-read-timeout", c.timeout)
		}
		for _, kv := range m.extra {
			add(kv[0], kv[1])
		}
		add("Content-Length", cl)
	case stOpenAIJS, stAnthropicJS:
		add("host", host)
		add("connection", "keep-alive")
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", c.userAgent())
		add("x-stainless-retry-count", strconv.Itoa(m.retry))
		if c.timeout != "" {
			add("x-stainless-timeout", c.timeout)
		}
		add("x-stainless-lang", "js")
		add("x-stainless-package-version", c.pkg)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", "node")
		add("x-stainless-runtime-version", c.rtVer)
		if anth {
			add("x-api-key", m.key)
			add("anthropic-version", anthropicVersion)
		} else {
			add("authorization", "Bearer "+m.key)
		}
		for _, kv := range c.app {
			add(kv[0], kv[1])
		}
		for _, kv := range m.extra {
			add(kv[0], kv[1])
		}
		add("content-length", cl)
		add("accept-language", "*")
		add("sec-fetch-mode", "cors")
		add("accept-encoding", "gzip, deflate")
	case stCurl:
		add("Host", host)
		add("User-Agent", c.userAgent())
		add("Accept", "*/*")
		if anth {
			add("x-api-key", m.key)
			add("anthropic-version", anthropicVersion)
		} else {
			add("Authorization", "Bearer "+m.key)
		}
		add("Content-Type", "application/json")
		for _, kv := range m.extra {
			add(kv[0], kv[1])
		}
		add("Content-Length", cl)
	case stBrowser:
		add("content-length", cl)
		add("sec-ch-ua-platform", `"`+map[string]string{"MacOS": "macOS", "Linux": "Linux", "Windows": "Windows"}[c.os]+`"`)
		if anth {
			add("x-api-key", m.key)
			add("anthropic-version", anthropicVersion)
			if c.browserDir {
				add("anthropic-dangerous-direct-browser-access", "true")
			}
		} else {
			add("authorization", "Bearer "+m.key)
		}
		v := strconv.Itoa(c.chromeVer)
		add("sec-ch-ua", `"Google Chrome";v="`+v+`", "Chromium";v="`+v+`", "Not/A)Brand";v="24"`)
		add("user-agent", c.userAgent())
		add("content-type", "application/json")
		add("sec-ch-ua-mobile", "?0")
		add("accept", "*/*")
		add("origin", c.origin)
		add("sec-fetch-site", "cross-site")
		add("sec-fetch-mode", "cors")
		add("sec-fetch-dest", "empty")
		add("referer", c.origin+"/")
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("accept-language", "en-US,en;q=0.9")
		add("priority", "u=1, i")
	case stGoRelay:
		// net/http writes Host, User-Agent and Content-Length first, then
		// the header map sorted by name, then Accept-Encoding.
		ua := c.userAgent()
		var rest [][2]string
		for _, kv := range m.forward {
			if strings.EqualFold(kv[0], "user-agent") {
				ua = kv[1]
				continue
			}
			rest = append(rest, [2]string{canonical(kv[0]), kv[1]})
		}
		if anth {
			rest = append(rest, [2]string{"X-Api-Key", m.key}, [2]string{"Anthropic-Version", anthropicVersion})
		} else {
			rest = append(rest, [2]string{"Authorization", "Bearer " + m.key})
		}
		rest = append(rest, [2]string{"Content-Type", "application/json"})
		sort.SliceStable(rest, func(i, j int) bool { return rest[i][0] < rest[j][0] })
		add("Host", host)
		add("User-Agent", ua)
		add("Content-Length", cl)
		h = append(h, rest...)
		add("Accept-Encoding", "gzip")
	case stHTTPX:
		add("Host", host)
		add("Accept", "*/*")
		add("Accept-Encoding", "gzip, deflate")
		add("Connection", "keep-alive")
		add("User-Agent", c.userAgent())
		if anth {
			add("x-api-key", m.key)
			add("anthropic-version", anthropicVersion)
		} else {
			add("Authorization", "Bearer "+m.key)
		}
		add("content-type", "application/json")
		for _, kv := range m.extra {
			add(kv[0], kv[1])
		}
		add("Content-Length", cl)
	case stRequests:
		add("Host", host)
		add("User-Agent", c.userAgent())
		add("Accept-Encoding", "gzip, deflate")
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		if anth {
			add("x-api-key", m.key)
			add("anthropic-version", anthropicVersion)
		} else {
			add("Authorization", "Bearer "+m.key)
		}
		add("Content-Type", "application/json")
		add("Content-Length", cl)
	}
	return h
}

// canonical is net/http's canonical header name.
func canonical(k string) string {
	b := []byte(strings.ToLower(k))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '-'
	}
	return string(b)
}
