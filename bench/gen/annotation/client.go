package annotation

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strconv"
	"strings"
)

const (
	pathChat        = "/v1/chat/completions"
	pathResponses   = "/v1/responses"
	pathCompletions = "/v1/completions"
	pathMessages    = "/v1/messages"
)

// kind is a client stack: the library that builds the HTTP request.
type kind int

const (
	kOpenAIPy   kind = iota // openai-python over httpx
	kOpenAINode             // openai-node on Node's fetch
	kOpenAIGo               // openai-go on net/http
	kAnthropicPy
	kAnthropicTS
	kCurl
	kRequests // python-requests, hand-rolled
	kAiohttp  // aiohttp, hand-rolled
	kFetch    // a Node backend calling fetch directly
	kBrowser  // openai-node or anthropic-ts inside a browser page
)

// client is one installation of a stack: versions, platform, and the
// TLS fingerprint of its TLS library.
type client struct {
	kind      kind
	ver       string // SDK, tool or library version
	os, arch  string // as the Stainless SDKs report them
	rtVer     string // Python, Node, Go or Chrome version
	async     bool
	ua        string // user-agent override (an app's own), "" for the stack's
	ja4       string
	st        style
	acceptEnc string
	origin    string      // browser: the page's origin
	extra     [][2]string // application headers after the stack's own
	curlAnt   bool        // curl typed from Anthropic's docs (lower-case names)
}

// Versions seen in the field in spring 2026, newest last.
var (
	verOpenAIPy   = []string{"1.40.6", "1.54.4", "1.68.2", "1.82.1", "1.99.9", "1.107.3", "2.2.0", "2.6.1", "2.8.1", "2.11.0", "2.14.0", "2.15.2"}
	verOpenAINode = []string{"4.67.3", "4.77.0", "4.104.0", "5.12.2", "5.20.1", "5.23.2", "6.3.0", "6.7.0", "6.9.1", "6.10.0"}
	verOpenAIGo   = []string{"1.12.0", "2.7.1", "3.6.0", "3.8.1", "3.10.0"}
	verAntPy      = []string{"0.39.0", "0.49.0", "0.57.1", "0.64.0", "0.69.0", "0.71.0", "0.72.1", "0.74.0"}
	verAntTS      = []string{"0.32.1", "0.39.0", "0.52.0", "0.60.0", "0.65.0", "0.68.0", "0.69.1"}
	verCurl       = []string{"7.68.0", "7.81.0", "8.5.0", "8.7.1", "8.12.1", "8.14.1", "8.15.0"}
	verRequests   = []string{"2.25.1", "2.28.2", "2.31.0", "2.32.3", "2.32.4", "2.32.5"}
	verAiohttp    = []string{"3.9.5", "3.10.11", "3.11.18", "3.12.13", "3.12.15"}
	verPython     = []string{"3.9.6", "3.10.12", "3.11.9", "3.11.11", "3.12.3", "3.12.8", "3.12.10", "3.13.1", "3.13.3"}
	verNode       = []string{"v18.19.1", "v20.11.1", "v20.18.0", "v20.19.2", "v22.12.0", "v22.14.0", "v22.17.0", "v24.1.0", "v24.4.1"}
	verGo         = []string{"go1.22.5", "go1.23.4", "go1.24.3", "go1.24.6", "go1.25.1", "go1.25.4"}
	verChrome     = []string{"134", "135", "136", "137", "138"}
)

// recent picks from a version list with a lean towards the newest.
func recent(r *rand.Rand, vs []string) string {
	i := len(vs) - 1 - int(float64(len(vs))*r.Float64()*r.Float64())
	return vs[max(0, i)]
}

// ja4 returns a TLS fingerprint in JA4's shape for a TLS library: the
// protocol, version, SNI, cipher and extension counts and ALPN, then two
// truncated hashes standing for the sorted cipher and extension lists.
func ja4(prefix, lib string) string {
	h := sha256.Sum256([]byte("ciphers:" + lib))
	e := sha256.Sum256([]byte("extensions:" + lib))
	return prefix + "_" + hex.EncodeToString(h[:6]) + "_" + hex.EncodeToString(e[:6])
}

var (
	ja4PyOpenSSL3  = ja4("t13d1812h1", "python-openssl-3.0")
	ja4PyOpenSSL11 = ja4("t13d1713h1", "python-openssl-1.1.1")
	ja4PyMac       = ja4("t13d1812h1", "python-openssl-3.x-macos")
	ja4Node        = ja4("t13d1712h1", "node-openssl")
	ja4Go          = ja4("t13d1311h2", "go-crypto-tls")
	ja4CurlOpenSSL = ja4("t13d3112h2", "curl-openssl-3")
	ja4CurlMac     = ja4("t13d2614h2", "curl-macos")
	ja4Chrome      = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Safari      = ja4("t13d2014h2", "safari")
)

func pyJA4(osName string, r *rand.Rand) string {
	switch {
	case osName == "MacOS":
		return ja4PyMac
	case osName == "Linux" && r.IntN(5) == 0:
		return ja4PyOpenSSL11
	}
	return ja4PyOpenSSL3
}

// platform draws an OS and CPU as the SDKs name them: developers' laptops
// when laptop, servers otherwise.
func platform(r *rand.Rand, laptop bool) (string, string) {
	if !laptop {
		if r.IntN(6) == 0 {
			return "Linux", "arm64"
		}
		return "Linux", "x64"
	}
	switch x := r.Float64(); {
	case x < 0.5:
		return "MacOS", "arm64"
	case x < 0.55:
		return "MacOS", "x64"
	case x < 0.8:
		return "Windows", "x64"
	default:
		return "Linux", "x64"
	}
}

// newClient makes an installation of stack k: laptop says whether it runs
// on a person's machine or a server.
func newClient(r *rand.Rand, k kind, laptop bool) *client {
	c := &client{kind: k}
	c.os, c.arch = platform(r, laptop)
	switch k {
	case kOpenAIPy, kAnthropicPy, kRequests, kAiohttp:
		c.rtVer = recent(r, verPython)
		c.ja4 = pyJA4(c.os, r)
		c.acceptEnc = "gzip, deflate"
		if r.IntN(4) == 0 {
			c.acceptEnc = "gzip, deflate, br"
		}
		switch k {
		case kOpenAIPy:
			c.ver = recent(r, verOpenAIPy)
			c.st = stylePyNew
			if !verAtLeast(c.ver, "1.60") && r.IntN(3) > 0 || r.IntN(5) == 0 {
				c.st = stylePyOld
			}
		case kAnthropicPy:
			c.ver = recent(r, verAntPy)
			c.st = styleAntPy
			if !verAtLeast(c.ver, "0.50") && r.IntN(3) > 0 || r.IntN(5) == 0 {
				c.st = styleAntPyOld
			}
		case kRequests:
			c.ver = recent(r, verRequests)
			c.st = stylePyDict
		case kAiohttp:
			c.ver = recent(r, verAiohttp)
			c.st = stylePyDict
		}
	case kOpenAINode, kAnthropicTS, kFetch:
		c.rtVer = recent(r, verNode)
		c.ja4 = ja4Node
		c.st = styleJS
		switch k {
		case kOpenAINode:
			c.ver = recent(r, verOpenAINode)
		case kAnthropicTS:
			c.ver = recent(r, verAntTS)
		}
	case kOpenAIGo:
		c.ver = recent(r, verOpenAIGo)
		c.rtVer = recent(r, verGo)
		c.ja4 = ja4Go
		c.st = styleGo
	case kCurl:
		c.ver = recent(r, verCurl)
		c.ja4 = ja4CurlOpenSSL
		if c.os == "MacOS" {
			c.ja4 = ja4CurlMac
			c.ver = "8.7.1"
		}
		c.st = styleCurl
		if r.IntN(3) == 0 {
			c.st = styleJS // -d @payload.json written by a script
		}
		c.curlAnt = r.IntN(2) == 0
	case kBrowser:
		c.ver = recent(r, verOpenAINode)
		c.rtVer = recent(r, verChrome)
		c.ja4 = ja4Chrome
		c.st = styleJS
		c.os = pick(r, []string{"Windows", "MacOS", "MacOS", "Linux"})
		c.origin = "https://" + pick(r, []string{"localhost:5173", "localhost:3000", "127.0.0.1:8080"})
		if r.IntN(3) > 0 {
			c.origin = "https://" + strings.ToLower(pick(r, slotBank["wordA"])) + "-" + strings.ToLower(pick(r, slotBank["wordB"])) + pick(r, []string{".vercel.app", ".netlify.app", ".pages.dev", ".github.io"})
		}
		if c.os == "MacOS" && r.IntN(4) == 0 {
			c.ja4 = ja4Safari
		}
	}
	return c
}

// clone copies an installation: the same image on another machine.
func (c *client) clone() *client {
	d := *c
	d.extra = append([][2]string(nil), c.extra...)
	return &d
}

func (c *client) userAgent() string {
	if c.ua != "" {
		return c.ua
	}
	switch c.kind {
	case kOpenAIPy:
		return "OpenAI/Python " + c.ver
	case kOpenAINode:
		return "OpenAI/JS " + c.ver
	case kOpenAIGo:
		return "OpenAI/Go " + c.ver
	case kAnthropicPy:
		return "Anthropic/Python " + c.ver
	case kAnthropicTS:
		return "Anthropic/JS " + c.ver
	case kCurl:
		return "curl/" + c.ver
	case kRequests:
		return "python-requests/" + c.ver
	case kAiohttp:
		return "Python/" + c.rtVer[:strings.LastIndexByte(c.rtVer, '.')] + " aiohttp/" + c.ver
	case kFetch:
		return "node"
	case kBrowser:
		return chromeUA(c.os, c.rtVer)
	}
	return "Go-http-client/1.1"
}

func chromeUA(osName, major string) string {
	plat := "Windows NT 10.0; Win64; x64"
	switch osName {
	case "MacOS":
		plat = "Macintosh; Intel Mac OS X 10_15_7"
	case "Linux":
		plat = "X11; Linux x86_64"
	}
	return "Mozilla/5.0 (" + plat + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + major + ".0.0.0 Safari/537.36"
}

// headers are the request headers in wire order with the credential,
// the body's length and, for SDK retries, the attempt number.
func (c *client) headers(key string, anthropic bool, clen int, retry int) [][2]string {
	h := make([][2]string, 0, 20)
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	cl := strconv.Itoa(clen)
	auth := func() {
		if anthropic {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("authorization", "Bearer "+key)
		}
	}
	stainless := func(lang, runtime string) {
		add("x-stainless-lang", lang)
		add("x-stainless-package-version", c.ver)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", runtime)
		add("x-stainless-runtime-version", c.rtVer)
	}
	switch c.kind {
	case kOpenAIPy, kAnthropicPy:
		add("accept-encoding", c.acceptEnc)
		add("connection", "keep-alive")
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", c.userAgent())
		stainless("python", "CPython")
		if c.kind == kAnthropicPy {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("authorization", "Bearer "+key)
		}
		if c.async {
			add("x-stainless-async", "async:asyncio")
		} else {
			add("x-stainless-async", "false")
		}
		h = append(h, c.extra...)
		add("x-stainless-retry-count", strconv.Itoa(retry))
		if c.kind == kOpenAIPy && verAtLeast(c.ver, "1.50") || c.kind == kAnthropicPy && verAtLeast(c.ver, "0.45") {
			add("x-stainless-read-timeout", "600")
		}
		add("content-length", cl)
	case kOpenAINode, kAnthropicTS:
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", c.userAgent())
		add("x-stainless-retry-count", strconv.Itoa(retry))
		if c.kind == kOpenAINode && verAtLeast(c.ver, "5") || c.kind == kAnthropicTS && verAtLeast(c.ver, "0.50") {
			add("x-stainless-timeout", "600")
		}
		stainless("js", "node")
		if c.kind == kAnthropicTS {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("authorization", "Bearer "+key)
		}
		h = append(h, c.extra...)
		add("content-length", cl)
		add("accept-language", "*")
		add("sec-fetch-mode", "cors")
		add("accept-encoding", "gzip, deflate")
	case kOpenAIGo:
		// net/http over HTTP/1.1: User-Agent and Content-Length first, the
		// rest sorted, Accept-Encoding added by the transport.
		add("User-Agent", c.userAgent())
		add("Content-Length", cl)
		add("Accept", "application/json")
		add("Authorization", "Bearer "+key)
		add("Content-Type", "application/json")
		for _, e := range c.extra {
			add(e[0], e[1])
		}
		add("X-Stainless-Arch", c.arch)
		add("X-Stainless-Lang", "go")
		add("X-Stainless-Os", c.os)
		add("X-Stainless-Package-Version", c.ver)
		add("X-Stainless-Retry-Count", strconv.Itoa(retry))
		add("X-Stainless-Runtime", "go")
		add("X-Stainless-Runtime-Version", c.rtVer)
		add("Accept-Encoding", "gzip")
	case kCurl:
		add("User-Agent", c.userAgent())
		add("Accept", "*/*")
		switch {
		case anthropic && c.curlAnt:
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
			add("content-type", "application/json")
		case anthropic:
			add("Content-Type", "application/json")
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		default:
			add("Content-Type", "application/json")
			add("Authorization", "Bearer "+key)
		}
		h = append(h, c.extra...)
		add("Content-Length", cl)
	case kRequests:
		add("User-Agent", c.userAgent())
		add("Accept-Encoding", c.acceptEnc)
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		if anthropic {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
			add("content-type", "application/json")
		} else {
			add("Authorization", "Bearer "+key)
			add("Content-Type", "application/json")
		}
		h = append(h, c.extra...)
		add("Content-Length", cl)
	case kAiohttp:
		if anthropic {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("Authorization", "Bearer "+key)
		}
		h = append(h, c.extra...)
		add("Accept", "*/*")
		add("Accept-Encoding", "gzip, deflate")
		add("User-Agent", c.userAgent())
		add("Content-Length", cl)
		add("Content-Type", "application/json")
	case kFetch:
		add("content-type", "application/json")
		auth()
		h = append(h, c.extra...)
		add("accept", "*/*")
		add("accept-language", "*")
		add("sec-fetch-mode", "cors")
		add("user-agent", "node")
		add("accept-encoding", "gzip, deflate")
		add("content-length", cl)
	case kBrowser:
		plat := map[string]string{"Windows": `"Windows"`, "MacOS": `"macOS"`, "Linux": `"Linux"`}[c.os]
		add("content-length", cl)
		add("sec-ch-ua-platform", plat)
		if anthropic {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
			add("anthropic-dangerous-direct-browser-access", "true")
		} else {
			add("authorization", "Bearer "+key)
		}
		add("x-stainless-retry-count", strconv.Itoa(retry))
		add("user-agent", c.userAgent())
		add("sec-ch-ua", `"Chromium";v="`+c.rtVer+`", "Google Chrome";v="`+c.rtVer+`", "Not.A/Brand";v="99"`)
		add("content-type", "application/json")
		add("x-stainless-lang", "js")
		add("x-stainless-package-version", c.ver)
		add("x-stainless-os", "Unknown")
		add("x-stainless-arch", "unknown")
		add("x-stainless-runtime", "browser:chrome")
		add("x-stainless-runtime-version", c.rtVer+".0.0")
		add("sec-ch-ua-mobile", "?0")
		add("accept", "application/json")
		add("origin", c.origin)
		add("sec-fetch-site", "cross-site")
		add("sec-fetch-mode", "cors")
		add("sec-fetch-dest", "empty")
		add("referer", c.origin+"/")
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("accept-language", pickStable([]string{"en-US,en;q=0.9", "en-GB,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8", "es-ES,es;q=0.9,en;q=0.8"}, c.origin))
		add("priority", "u=1, i")
	}
	return h
}

// pick with a string seed: a stable choice without a generator.
func pickStable(xs []string, seed string) string {
	var s uint32
	for i := 0; i < len(seed); i++ {
		s = s*31 + uint32(seed[i])
	}
	return xs[s%uint32(len(xs))]
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func randStr(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// newKey makes an API key in the provider's format: project keys for
// accounts that live on the OpenAI-style API, Anthropic-style keys for
// those that started on the Messages API.
func newKey(r *rand.Rand, anthropic bool) string {
	if anthropic {
		return "sk-ant-api03-" + randStr(r, base62+"-_", 93) + "AA"
	}
	if r.IntN(5) == 0 {
		return "sk-" + randStr(r, base62, 48)
	}
	return "sk-proj-" + randStr(r, base62+"-_", 124)
}

// verAtLeast compares dotted version numbers numerically.
func verAtLeast(v, min string) bool {
	a, b := strings.Split(v, "."), strings.Split(min, ".")
	for i := range max(len(a), len(b)) {
		var x, y int
		if i < len(a) {
			x, _ = strconv.Atoi(a[i])
		}
		if i < len(b) {
			y, _ = strconv.Atoi(b[i])
		}
		if x != y {
			return x > y
		}
	}
	return true
}
