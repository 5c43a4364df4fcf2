package supportchat

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strconv"
)

// dialect is the API a request speaks.
type dialect int

const (
	chatAPI      dialect = iota // OpenAI chat/completions
	responsesAPI                // OpenAI Responses
	messagesAPI                 // Anthropic messages
)

func (d dialect) path() string {
	switch d {
	case responsesAPI:
		return "/v1/responses"
	case messagesAPI:
		return "/v1/messages"
	}
	return "/v1/chat/completions"
}

// clientKind is an HTTP client stack.
type clientKind int

const (
	kOpenAIPy clientKind = iota
	kOpenAINode
	kOpenAIGo
	kAnthropicPy
	kAnthropicTS
	kCurl
	kRequests
	kAiohttp
	kGoHTTP
	kOkHTTP
	kBrowser
	kHttpx
)

// client is one concrete stack: library, versions, platform. Many accounts
// may share one client value (the same tool on the same release).
type client struct {
	kind     clientKind
	version  string // SDK or library version
	os, arch string
	runtime  string // runtime version (3.11.9, v20.18.0, go1.24.2, 17.0.9, Chrome 137)
	async    bool
	ua       string      // user agent override (a tool wrapping an SDK)
	extra    [][2]string // app headers sent after the SDK's
	ja4      string
	host     string
}

// sdk reports whether the stack is an official SDK (x-stainless headers).
func (c *client) sdk() bool { return c.kind <= kAnthropicTS }

const proxyHost = "llm-gateway.example.net"

var (
	pyVersions       = []string{"3.9.19", "3.10.14", "3.11.9", "3.11.11", "3.12.4", "3.12.8", "3.13.1"}
	nodeVersions     = []string{"v18.20.4", "v20.11.1", "v20.18.0", "v22.3.0", "v22.12.0"}
	goVersions       = []string{"go1.23.6", "go1.24.2", "go1.25.1"}
	openaiPyVers     = []string{"1.59.7", "1.66.3", "1.75.0", "1.82.1", "1.97.1", "2.3.0"}
	openaiNodeVers   = []string{"4.86.2", "4.98.0", "4.104.0", "5.10.2", "5.20.1"}
	openaiGoVers     = []string{"1.8.2", "1.12.0", "2.3.0"}
	anthropicPyVers  = []string{"0.45.2", "0.52.0", "0.57.1", "0.64.0"}
	anthropicTSVers  = []string{"0.39.0", "0.50.3", "0.56.0", "0.60.0"}
	osArch           = [][2]string{{"MacOS", "arm64"}, {"MacOS", "arm64"}, {"MacOS", "x64"}, {"Linux", "x64"}, {"Linux", "x64"}, {"Linux", "arm64"}, {"Windows", "x64"}}
	chromeUAs        = []string{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36"}
	firefoxUA        = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:139.0) Gecko/20100101 Firefox/139.0"
	curlVersions     = []string{"7.81.0", "8.5.0", "8.7.1", "8.11.1"}
	requestsVersions = []string{"2.28.2", "2.31.0", "2.32.3"}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// newClient returns a random realistic instance of kind.
func newClient(r *rand.Rand, kind clientKind) *client {
	c := &client{kind: kind, host: proxyHost}
	oa := pick(r, osArch)
	c.os, c.arch = oa[0], oa[1]
	switch kind {
	case kOpenAIPy:
		c.version, c.runtime = pick(r, openaiPyVers), pick(r, pyVersions)
		c.async = r.IntN(3) == 0
	case kAnthropicPy:
		c.version, c.runtime = pick(r, anthropicPyVers), pick(r, pyVersions)
		c.async = r.IntN(3) == 0
	case kOpenAINode:
		c.version, c.runtime = pick(r, openaiNodeVers), pick(r, nodeVersions)
	case kAnthropicTS:
		c.version, c.runtime = pick(r, anthropicTSVers), pick(r, nodeVersions)
	case kOpenAIGo:
		c.version, c.runtime = pick(r, openaiGoVers), pick(r, goVersions)
	case kCurl:
		c.version = pick(r, curlVersions)
	case kRequests:
		c.version, c.runtime = pick(r, requestsVersions), pick(r, pyVersions)
	case kAiohttp:
		c.version, c.runtime = pick(r, []string{"3.9.5", "3.10.10", "3.11.11"}), pick(r, pyVersions)
	case kHttpx:
		c.version, c.runtime = pick(r, []string{"0.25.2", "0.27.2", "0.28.1"}), pick(r, pyVersions)
	case kGoHTTP:
		c.runtime = pick(r, goVersions)
	case kOkHTTP:
		c.version, c.runtime = pick(r, []string{"4.10.0", "4.12.0"}), pick(r, []string{"17.0.9", "21.0.3"})
	case kBrowser:
		if r.IntN(5) == 0 {
			c.ua = firefoxUA
		} else {
			c.ua = pick(r, chromeUAs)
		}
		c.version = pick(r, anthropicTSVers) // the web app bundles an SDK
	}
	c.ja4 = ja4For(c)
	return c
}

// ja4For derives a stable JA4-shaped fingerprint from the TLS library the
// stack runs on: the same runtime gives the same fingerprint whatever the
// HTTP library on top.
func ja4For(c *client) string {
	major := func(v string) string {
		n := 0
		for i := 0; i < len(v); i++ {
			if v[i] == '.' {
				n++
				if n == 2 {
					return v[:i]
				}
			}
		}
		return v
	}
	var lib string
	var ciphers, exts int
	alpn := "00"
	switch c.kind {
	case kOpenAIPy, kAnthropicPy, kHttpx:
		lib, ciphers, exts, alpn = "openssl3-py"+major(c.runtime)+"-httpx", 17, 12, "h1"
	case kRequests, kAiohttp:
		lib, ciphers, exts, alpn = "openssl3-py"+major(c.runtime)+"-urllib3", 17, 11, "00"
	case kOpenAINode, kAnthropicTS:
		lib, ciphers, exts, alpn = "node-"+major(c.runtime), 17, 13, "h1"
	case kOpenAIGo, kGoHTTP:
		lib, ciphers, exts, alpn = "crypto/tls-"+c.runtime, 13, 12, "h2"
	case kCurl:
		lib, ciphers, exts, alpn = "curl-"+c.version, 31, 12, "h2"
	case kOkHTTP:
		lib, ciphers, exts, alpn = "jsse-"+c.runtime, 16, 14, "h2"
	case kBrowser:
		if c.ua == firefoxUA {
			return "t13d1717h2_5b57614c22b0_3cbfd9057e0d"
		}
		return "t13d1516h2_8daaf6152771_02713d6af862"
	}
	h1 := sha256.Sum256([]byte("ciphers/" + lib))
	h2 := sha256.Sum256([]byte("extensions/" + lib))
	return fmt.Sprintf("t13d%02d%02d%s_%s_%s", ciphers, exts, alpn, hex.EncodeToString(h1[:6]), hex.EncodeToString(h2[:6]))
}

// headers returns the request headers in wire order.
func (c *client) headers(key string, d dialect, bodyLen int, retry int, stream bool) [][2]string {
	h := make([][2]string, 0, 20)
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	auth := func() {
		if d == messagesAPI {
			add("x-api-key", key)
		} else {
			add("authorization", "Bearer "+key)
		}
	}
	clen := strconv.Itoa(bodyLen)
	accept := "application/json"
	if stream && !c.sdk() {
		accept = "text/event-stream"
	}
	stainless := func(lang, rt string) {
		add("x-stainless-lang", lang)
		add("x-stainless-package-version", c.version)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", rt)
		add("x-stainless-runtime-version", c.runtime)
	}
	switch c.kind {
	case kOpenAIPy, kAnthropicPy:
		add("host", c.host)
		add("accept-encoding", "gzip, deflate")
		add("connection", "keep-alive")
		add("accept", "application/json")
		add("content-type", "application/json")
		if c.kind == kAnthropicPy {
			add("anthropic-version", "2023-06-01")
		}
		if c.ua != "" {
			add("user-agent", c.ua)
		} else if c.kind == kOpenAIPy {
			add("user-agent", "OpenAI/Python "+c.version)
		} else {
			add("user-agent", "Anthropic/Python "+c.version)
		}
		stainless("python", "CPython")
		auth()
		if c.async {
			add("x-stainless-async", "async:asyncio")
		} else {
			add("x-stainless-async", "false")
		}
		add("x-stainless-retry-count", strconv.Itoa(retry))
		add("x-stainless-read-timeout", "600")
		if c.kind == kAnthropicPy {
			add("x-stainless-timeout", "600")
		}
		h = append(h, c.extra...)
		add("content-length", clen)
	case kOpenAINode, kAnthropicTS, kBrowser:
		if c.kind == kBrowser {
			add("host", c.host)
			add("connection", "keep-alive")
			add("content-length", clen)
			if c.ua != firefoxUA {
				add("sec-ch-ua-platform", `"macOS"`)
				add("sec-ch-ua", `"Chromium";v="137", "Not/A)Brand";v="24", "Google Chrome";v="137"`)
				add("sec-ch-ua-mobile", "?0")
			}
		}
		add("accept", "application/json")
		add("content-type", "application/json")
		if c.kind != kOpenAINode {
			add("anthropic-version", "2023-06-01")
		}
		switch {
		case c.kind == kBrowser:
			add("user-agent", c.ua)
		case c.ua != "":
			add("user-agent", c.ua)
		case c.kind == kOpenAINode:
			add("user-agent", "OpenAI/JS "+c.version)
		default:
			add("user-agent", "Anthropic/JS "+c.version)
		}
		if c.kind == kBrowser {
			add("x-stainless-lang", "js")
			add("x-stainless-package-version", c.version)
			add("x-stainless-os", "Unknown")
			add("x-stainless-arch", "unknown")
			add("x-stainless-runtime", "browser:chrome")
			add("x-stainless-runtime-version", "137.0.0")
		} else {
			stainless("js", "node")
		}
		auth()
		add("x-stainless-retry-count", strconv.Itoa(retry))
		if c.kind == kBrowser {
			add("anthropic-dangerous-direct-browser-access", "true")
			add("origin", "https://chat.ponderly.app")
			add("sec-fetch-site", "cross-site")
			add("sec-fetch-mode", "cors")
			add("sec-fetch-dest", "empty")
			add("referer", "https://chat.ponderly.app/")
			add("accept-encoding", "gzip, deflate, br, zstd")
			add("accept-language", "en-GB,en;q=0.9")
			break
		}
		add("x-stainless-timeout", "600")
		h = append(h, c.extra...)
		add("content-length", clen)
		add("host", c.host)
		add("connection", "keep-alive")
		add("accept-encoding", "gzip, deflate")
	case kOpenAIGo:
		add("Host", c.host)
		add("User-Agent", "OpenAI/Go "+c.version)
		add("Content-Length", clen)
		add("Accept", "application/json")
		add("Authorization", "Bearer "+key)
		add("Content-Type", "application/json")
		add("X-Stainless-Arch", map[string]string{"x64": "x64", "arm64": "arm64"}[c.arch])
		add("X-Stainless-Lang", "go")
		add("X-Stainless-Os", c.os)
		add("X-Stainless-Package-Version", c.version)
		add("X-Stainless-Retry-Count", strconv.Itoa(retry))
		add("X-Stainless-Runtime", "go")
		add("X-Stainless-Runtime-Version", c.runtime)
		add("Accept-Encoding", "gzip")
	case kCurl:
		add("host", c.host)
		add("user-agent", "curl/"+c.version)
		add("accept", "*/*")
		if d == messagesAPI {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("authorization", "Bearer "+key)
		}
		add("content-type", "application/json")
		add("content-length", clen)
	case kRequests:
		add("host", c.host)
		add("user-agent", "python-requests/"+c.version)
		add("accept-encoding", "gzip, deflate")
		add("accept", "*/*")
		add("connection", "keep-alive")
		auth()
		if d == messagesAPI {
			add("anthropic-version", "2023-06-01")
		}
		add("content-type", "application/json")
		add("content-length", clen)
	case kAiohttp:
		add("host", c.host)
		auth()
		if d == messagesAPI {
			add("anthropic-version", "2023-06-01")
		}
		add("content-type", "application/json")
		add("accept", "*/*")
		add("accept-encoding", "gzip, deflate")
		add("user-agent", "Python/"+pyMinor(c.runtime)+" aiohttp/"+c.version)
		add("content-length", clen)
	case kHttpx:
		add("host", c.host)
		add("accept", accept)
		add("accept-encoding", "gzip, deflate")
		add("connection", "keep-alive")
		add("user-agent", "python-httpx/"+c.version)
		auth()
		if d == messagesAPI {
			add("anthropic-version", "2023-06-01")
		}
		add("content-type", "application/json")
		add("content-length", clen)
	case kGoHTTP:
		add("Host", c.host)
		if c.ua != "" {
			add("User-Agent", c.ua)
		} else {
			add("User-Agent", "Go-http-client/1.1")
		}
		add("Content-Length", clen)
		if d == messagesAPI {
			add("X-Api-Key", key)
			add("Anthropic-Version", "2023-06-01")
		} else {
			add("Authorization", "Bearer "+key)
		}
		add("Content-Type", "application/json")
		add("Accept-Encoding", "gzip")
	case kOkHTTP:
		if d == messagesAPI {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("authorization", "Bearer "+key)
		}
		add("content-type", "application/json; charset=utf-8")
		h = append(h, c.extra...)
		add("content-length", clen)
		add("host", c.host)
		add("connection", "Keep-Alive")
		add("accept-encoding", "gzip")
		if c.ua != "" {
			add("user-agent", c.ua)
		} else {
			add("user-agent", "okhttp/"+c.version)
		}
	}
	return h
}

func pyMinor(v string) string {
	n := 0
	for i := 0; i < len(v); i++ {
		if v[i] == '.' {
			n++
			if n == 2 {
				return v[:i]
			}
		}
	}
	return v
}

const keyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func randString(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// newKey returns a credential in the provider's own format.
func newKey(r *rand.Rand, d dialect) string {
	if d == messagesAPI {
		return "sk-ant-api03-" + randString(r, keyAlphabet+"-_", 93) + "AA"
	}
	if r.IntN(4) == 0 {
		return "sk-" + randString(r, keyAlphabet, 48)
	}
	return "sk-proj-" + randString(r, keyAlphabet+"-_", 156)
}

// Address pools: residential access networks and hosting ranges. The
// prefixes are only plausible-looking, not a statement about any network.
var (
	residentialPrefixes = []string{"73.", "24.", "98.", "71.", "67.", "86.1", "92.2", "109.1", "151.4", "188.6", "2.2", "81.1", "84.1", "90.6", "176.1", "178.2", "93.3", "79.1", "31.1", "46.1", "174.", "108.", "75.", "68.", "112.1", "121.1", "180.2", "49.3", "187.", "177."}
	hostingPrefixes     = []string{"34.8", "35.2", "52.1", "3.2", "18.19", "104.1", "138.68.", "159.89.", "167.99.", "5.161.", "95.216.", "45.137.", "146.190.", "178.128.", "65.108.", "20.11", "40.7"}
)

func octet(r *rand.Rand) string { return strconv.Itoa(1 + r.IntN(254)) }

// completeIP fills a prefix (ending in a digit or a dot) to a full IPv4
// address.
func completeIP(r *rand.Rand, prefix string) string {
	dots := 0
	for i := 0; i < len(prefix); i++ {
		if prefix[i] == '.' {
			dots++
		}
	}
	s := prefix
	if s[len(s)-1] != '.' {
		// the prefix ends inside an octet: finish it
		s += strconv.Itoa(r.IntN(10)) + "."
		dots++
	}
	for ; dots < 3; dots++ {
		s += octet(r) + "."
	}
	return s + octet(r)
}

func residentialIP(r *rand.Rand) string { return completeIP(r, pick(r, residentialPrefixes)) }
func hostingIP(r *rand.Rand) string     { return completeIP(r, pick(r, hostingPrefixes)) }

// subnet24 returns a random /24 prefix ("a.b.c.") in the hosting ranges.
func subnet24(r *rand.Rand) string {
	ip := hostingIP(r)
	for i := len(ip) - 1; i >= 0; i-- {
		if ip[i] == '.' {
			return ip[:i+1]
		}
	}
	return ip
}
