package voyage

import (
	"strconv"
	"strings"
)

// host is the API's host name as the clients address it.
const host = "api.example.com"

// kind is a client stack: the library that builds the request, the HTTP
// stack under it and the serializer that writes its body.
type kind int

const (
	kPyOpenAI      kind = iota // openai-python on httpx (HTTP/1.1)
	kPyAnthropic               // anthropic-python on httpx
	kNodeOpenAI                // openai-node on undici's fetch (HTTP/1.1, sorted lower-case names)
	kNodeAnthropic             // @anthropic-ai/sdk on undici's fetch
	kClaudeCode                // the Anthropic TS SDK inside a terminal coding agent
	kAISDK                     // the Vercel AI SDK's OpenAI provider on fetch
	kGoOpenAI                  // openai-go on net/http (HTTP/2: lower case, map order)
	kGoAnthropic               // anthropic-sdk-go on net/http
	kJavaOpenAI                // openai-java on OkHttp (HTTP/2)
	kJavaHTTP                  // java.net.http.HttpClient by hand (HTTP/2)
	kDotnetOpenAI              // the OpenAI .NET library on HttpClient (HTTP/1.1)
	kCurl                      // curl on the command line (HTTP/2)
	kRequests                  // python-requests by hand
	kAiohttp                   // aiohttp by hand
	kHTTPie                    // HTTPie
	kPostman                   // Postman's desktop runtime
	kRubyOpenAI                // ruby-openai on Faraday and Net::HTTP
	kPHPOpenAI                 // openai-php on Guzzle and cURL
	kWordPress                 // the WordPress HTTP API (Requests over cURL)
	kChrome                    // fetch() in Chrome from a web app (HTTP/2)
	kFirefox                   // fetch() in Firefox from a web app (HTTP/2)
)

// client is one installed client stack: a kind at given versions on a
// given machine. Accounts that share a deployment share a client.
type client struct {
	kind      kind
	ver       string // library version
	rt        string // runtime version as the library reports it
	os        string // X-Stainless-OS
	arch      string // X-Stainless-Arch
	async     bool   // the Python SDKs' async client
	ua        string // user agent, for kinds whose agent is not derived from ver
	ja4       string
	style     jsonStyle
	enc       string      // Accept-Encoding, for kinds whose value depends on installed codecs
	anthVer   string      // anthropic-version
	extra     [][2]string // headers the application adds
	authFirst bool        // hand-typed headers: credential before content-type
	trace     bool        // .NET: a traceparent from the ambient activity
	sdkSort   bool        // body members in the generated SDK's order
	origin    string      // browsers: the web app's origin
	platform  string      // Chrome: sec-ch-ua-platform
}

// TLS client hellos (JA4) of the stacks, by TLS library and build.
const (
	ja4Chrome     = "t13d1516h2_8daaf6152771_d8a2da3f94cd"
	ja4Firefox    = "t13d1717h2_5b57614c22b0_3cbfd9057e0d"
	ja4PyLinux    = "t13d1812h1_85036bcba153_b26ce05bbdd6" // CPython ssl, OpenSSL 3, ALPN http/1.1 (httpx)
	ja4PyMac      = "t13d1812h1_85036bcba153_375ca2c5e164" // python.org macOS build
	ja4PyWin      = "t13d1812h1_85036bcba153_6ba0fb8d0c8d"
	ja4Urllib3    = "t13d3112h1_e8f1e7e78f70_b4de8a5bc2a7" // urllib3 2: OpenSSL's default suites
	ja4Aiohttp    = "t13d181100_85036bcba153_b26ce05bbdd6" // no ALPN
	ja4Node       = "t13d1712h1_5b57614c22b0_7baf387fc6ff"
	ja4NodeOld    = "t13d1712h1_5b57614c22b0_5c2c66f702b0"
	ja4Go         = "t13d1312h2_f57a46bbacb6_e7c285222651"
	ja4CurlOSSL   = "t13d3112h2_e8f1e7e78f70_6bebaf5329ac"
	ja4CurlMac    = "t13d2612h2_2b729b4bf6f3_ea5e3a7dea83" // LibreSSL
	ja4CurlWin    = "t13d1011h2_61a7ad8aa9b6_e7d5c0a0f0b6" // Schannel
	ja4LibcurlH1  = "t13d3112h1_e8f1e7e78f70_6bebaf5329ac" // libcurl + OpenSSL 3 held to HTTP/1.1
	ja4Libcurl111 = "t13d3011h1_8c9e63a1b42f_3b8a97e5e1c8" // libcurl + OpenSSL 1.1.1
	ja4LibcurlNSS = "t13d2810h1_c8a1e5d0a4f3_4a0c7a3d5c1e" // older EL builds
	ja4OkHttp     = "t13d1715h2_5b57614c22b0_93c746dc12af"
	ja4JDK        = "t13d4316h2_0f3e7f2fb7a6_6d7e2e2c7b0b"
	ja4DotnetWin  = "t13d1411h1_76e208dd3e22_2dae41c691ec"
	ja4DotnetLin  = "t13d3112h1_e8f1e7e78f70_1f0b6d2e6e0f"
	ja4Ruby       = "t13d311200_e8f1e7e78f70_6bebaf5329ac"
	ja4Squid      = "t13d3112h1_e8f1e7e78f70_0f4c1e43b28a" // a TLS-inspecting office proxy
	ja4Postman    = "t13d1712h1_5b57614c22b0_06a2f0d8f4b5"
)

// Library versions in the field in December 2026, newest first.
var (
	verPyOpenAI     = []string{"2.31.0", "2.29.1", "2.26.0", "2.24.0", "2.14.0", "1.109.1"}
	verPyAnthropic  = []string{"0.96.0", "0.94.2", "0.91.0", "0.88.0", "0.79.0"}
	verNodeOpenAI   = []string{"6.21.0", "6.18.2", "6.15.0", "5.23.2"}
	verNodeAnthro   = []string{"0.92.0", "0.90.1", "0.88.0", "0.81.0"}
	verGoOpenAI     = []string{"3.98.0", "3.95.0", "3.91.2", "2.7.1"}
	verGoAnthropic  = []string{"2.15.0", "2.14.0", "2.12.0", "1.84.0"}
	verPython       = []string{"3.12.12", "3.13.9", "3.11.14", "3.14.0", "3.10.19"}
	verNode         = []string{"v22.21.1", "v24.11.1", "v20.19.5", "v22.20.0"}
	verGo           = []string{"go1.26.8", "go1.26.7", "go1.25.12"}
	verCurl         = []string{"8.14.1", "8.5.0", "8.17.0", "8.21.0", "7.81.0"}
	verWordPress    = []string{"7.0.1", "7.0", "6.9.4", "6.8.3"}
	versionWeightsW = []float64{0.45, 0.2, 0.25, 0.1}
)

// anthropicVersion is the API version a library release sends: releases
// after the October 2026 API version default to it.
func anthropicVersion(k kind, ver string) string {
	newer := false
	switch k {
	case kPyAnthropic:
		newer = verAtLeast(ver, "0.90.0")
	case kNodeAnthropic, kClaudeCode:
		newer = verAtLeast(ver, "0.88.0")
	case kGoAnthropic:
		newer = verAtLeast(ver, "2.0.0")
	}
	if newer {
		return "2026-10-21"
	}
	return "2023-06-01"
}

func verAtLeast(v, min string) bool {
	a, b := strings.Split(v, "."), strings.Split(min, ".")
	for i := range b {
		if i >= len(a) {
			return false
		}
		x, _ := strconv.Atoi(a[i])
		y, _ := strconv.Atoi(b[i])
		if x != y {
			return x > y
		}
	}
	return true
}

// env is a machine a client runs on.
type env struct{ os, arch, py, node, ja4py string }

// devMachine draws a developer's laptop or a server.
func (r *rng) devMachine(server bool) env {
	if server {
		return env{os: "Linux", arch: wpick(r, []string{"x64", "arm64"}, []float64{0.8, 0.2}), py: pick(r, verPython[:4]), node: pick(r, verNode), ja4py: ja4PyLinux}
	}
	switch wpick(r, []int{0, 1, 2}, []float64{0.55, 0.3, 0.15}) {
	case 0:
		return env{os: "MacOS", arch: wpick(r, []string{"arm64", "x64"}, []float64{0.9, 0.1}), py: pick(r, verPython), node: pick(r, verNode), ja4py: ja4PyMac}
	case 1:
		return env{os: "Linux", arch: "x64", py: pick(r, verPython), node: pick(r, verNode), ja4py: ja4PyLinux}
	}
	return env{os: "Windows", arch: "x64", py: pick(r, verPython), node: pick(r, verNode), ja4py: ja4PyWin}
}

func pyClient(k kind, ver string, e env, async bool) *client {
	enc := "gzip, deflate"
	if strings.HasPrefix(e.py, "3.14") {
		enc = "gzip, deflate, zstd"
	}
	c := &client{kind: k, ver: ver, rt: e.py, os: e.os, arch: e.arch, async: async, ja4: e.ja4py, style: styleHttpx, enc: enc, sdkSort: true}
	if k == kPyAnthropic {
		c.anthVer = anthropicVersion(k, ver)
	}
	return c
}

func nodeClient(k kind, ver string, e env) *client {
	c := &client{kind: k, ver: ver, rt: e.node, os: e.os, arch: e.arch, ja4: ja4Node, style: styleJS}
	if strings.HasPrefix(e.node, "v20") {
		c.ja4 = ja4NodeOld
	}
	if k == kNodeAnthropic || k == kClaudeCode {
		c.anthVer = anthropicVersion(k, ver)
	}
	return c
}

func goClient(k kind, ver, goVer, os, arch string) *client {
	c := &client{kind: k, ver: ver, rt: goVer, os: os, arch: arch, ja4: ja4Go, style: styleGo, sdkSort: true}
	if k == kGoAnthropic {
		c.anthVer = anthropicVersion(k, ver)
	}
	return c
}

func curlClient(r *rng, os string) *client {
	c := &client{kind: kCurl, style: styleTyped, authFirst: r.chance(0.5), anthVer: "2023-06-01"}
	switch os {
	case "MacOS":
		c.ver, c.ja4 = "8.7.1", ja4CurlMac
	case "Windows":
		c.ver, c.ja4 = "8.13.0", ja4CurlWin
	default:
		c.ver, c.ja4 = pick(r, verCurl), ja4CurlOSSL
	}
	if r.chance(0.3) {
		c.style = jsonStyle{float: floatJS} // pasted from a file written by a program
	}
	return c
}

// browser draws a browser running a web app that calls the API with the
// user's own key: a local dev server or a hosted bring-your-own-key chat
// app, with the dialect's SDK (sdk) or a plain fetch.
func browser(r *rng, anth, sdk bool) *client {
	lang := pick(r, []string{"en-US,en;q=0.9", "en-GB,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8", "fr-FR,fr;q=0.9,en;q=0.8", "es-ES,es;q=0.9", "pt-BR,pt;q=0.9,en;q=0.8", "nl-NL,nl;q=0.9,en;q=0.8"})
	c := &client{style: styleJS, enc: lang, origin: pick(r, []string{"http://localhost:5173", "http://localhost:3000", "http://127.0.0.1:8080", "https://tripchat.app", "https://chat.wanderkit.io", "https://byok.travelpal.dev"})}
	if r.chance(0.75) {
		v := pick(r, []string{"156", "156", "155"})
		c.kind, c.ja4, c.rt = kChrome, ja4Chrome, v+".0.0"
		switch r.IntN(3) {
		case 0:
			c.platform, c.ua = `"macOS"`, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"+v+".0.0.0 Safari/537.36"
		case 1:
			c.platform, c.ua = `"Windows"`, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"+v+".0.0.0 Safari/537.36"
		default:
			c.platform, c.ua = `"Linux"`, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"+v+".0.0.0 Safari/537.36"
		}
	} else {
		v := pick(r, []string{"158", "157"})
		c.kind, c.ja4, c.rt = kFirefox, ja4Firefox, v+".0"
		c.enc = "en-US,en;q=0.5"
		c.ua = pick(r, []string{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:" + v + ".0) Gecko/20100101 Firefox/" + v + ".0",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + v + ".0) Gecko/20100101 Firefox/" + v + ".0",
			"Mozilla/5.0 (X11; Linux x86_64; rv:" + v + ".0) Gecko/20100101 Firefox/" + v + ".0"})
	}
	if sdk {
		c.os, c.arch = "Unknown", "unknown"
		if anth {
			c.ver = pick(r, verNodeAnthro)
			c.anthVer = anthropicVersion(kNodeAnthropic, c.ver)
		} else {
			c.ver = pick(r, verNodeOpenAI)
		}
	} else {
		c.anthVer = "2023-06-01"
	}
	return c
}

// with returns a copy of c with extra headers.
func (c *client) with(h ...[2]string) *client {
	d := *c
	d.extra = append(append([][2]string(nil), c.extra...), h...)
	return &d
}

func (c *client) userAgent() string {
	switch c.kind {
	case kPyOpenAI:
		if c.async {
			return "AsyncOpenAI/Python " + c.ver
		}
		return "OpenAI/Python " + c.ver
	case kPyAnthropic:
		if c.async {
			return "AsyncAnthropic/Python " + c.ver
		}
		return "Anthropic/Python " + c.ver
	case kNodeOpenAI:
		return "OpenAI/JS " + c.ver
	case kNodeAnthropic:
		return "Anthropic/JS " + c.ver
	case kGoOpenAI:
		return "OpenAI/Go " + c.ver
	case kGoAnthropic:
		return "Anthropic/Go " + c.ver
	case kJavaOpenAI:
		return "OpenAI/Java " + c.ver
	case kCurl:
		return "curl/" + c.ver
	case kRequests:
		return "python-requests/2.32.5"
	case kHTTPie:
		return "HTTPie/3.2.4"
	}
	return c.ua
}

// stainless returns the platform headers of a generated SDK.
func (c *client) stainless(lang, runtime string) [][2]string {
	return [][2]string{
		{"X-Stainless-Lang", lang},
		{"X-Stainless-Package-Version", c.ver},
		{"X-Stainless-OS", c.os},
		{"X-Stainless-Arch", c.arch},
		{"X-Stainless-Runtime", runtime},
		{"X-Stainless-Runtime-Version", c.rt},
	}
}

// headers returns the request headers in wire order, names as sent.
func (c *client) headers(path, key string, n, retry int, r *rng) [][2]string {
	anth := path == "/v1/messages"
	cl := strconv.Itoa(n)
	rc := strconv.Itoa(retry)
	var h [][2]string
	add := func(kv ...[2]string) { h = append(h, kv...) }
	switch c.kind {
	case kPyOpenAI, kPyAnthropic:
		add([2]string{"Host", host}, [2]string{"Accept-Encoding", c.enc}, [2]string{"Connection", "keep-alive"},
			[2]string{"Accept", "application/json"}, [2]string{"Content-Type", "application/json"},
			[2]string{"User-Agent", c.userAgent()})
		add(c.stainless("python", "CPython")...)
		if anth {
			add([2]string{"X-Api-Key", key})
		} else {
			add([2]string{"Authorization", "Bearer " + key})
		}
		async := "false"
		if c.async {
			async = "async:asyncio"
		}
		add([2]string{"X-Stainless-Async", async})
		if anth {
			add([2]string{"anthropic-version", c.anthVer})
		}
		add(c.extra...)
		add([2]string{"x-stainless-retry-count", rc}, [2]string{"x-stainless-read-timeout", "600"}, [2]string{"Content-Length", cl})
	case kNodeOpenAI, kNodeAnthropic, kClaudeCode, kAISDK:
		var s [][2]string
		if c.kind == kAISDK {
			s = [][2]string{{"authorization", "Bearer " + key}, {"content-type", "application/json"}, {"user-agent", c.ua}}
		} else {
			s = [][2]string{{"accept", "application/json"}, {"content-type", "application/json"}, {"user-agent", c.userAgent()}}
			if c.kind == kClaudeCode {
				s[2][1] = c.ua
			}
			for _, p := range c.stainless("js", "node") {
				s = append(s, [2]string{strings.ToLower(p[0]), p[1]})
			}
			s = append(s, [2]string{"x-stainless-retry-count", rc}, [2]string{"x-stainless-timeout", "600"})
			if anth {
				s = append(s, [2]string{"x-api-key", key}, [2]string{"anthropic-version", c.anthVer})
			} else {
				s = append(s, [2]string{"authorization", "Bearer " + key})
			}
		}
		for _, e := range c.extra {
			s = append(s, [2]string{strings.ToLower(e[0]), e[1]})
		}
		sortHeaders(s)
		add([2]string{"host", host}, [2]string{"connection", "keep-alive"})
		add(s...)
		add([2]string{"accept-language", "*"}, [2]string{"sec-fetch-mode", "cors"}, [2]string{"accept-encoding", "gzip, deflate"}, [2]string{"content-length", cl})
	case kGoOpenAI, kGoAnthropic:
		s := [][2]string{{"content-type", "application/json"}, {"accept", "application/json"}, {"x-stainless-retry-count", rc}, {"user-agent", c.userAgent()}}
		for _, p := range c.stainless("go", "go") {
			s = append(s, [2]string{strings.ToLower(p[0]), p[1]})
		}
		if anth {
			s = append(s, [2]string{"x-api-key", key}, [2]string{"anthropic-version", c.anthVer})
		} else {
			s = append(s, [2]string{"authorization", "Bearer " + key})
		}
		for _, e := range c.extra {
			s = append(s, [2]string{strings.ToLower(e[0]), e[1]})
		}
		// HTTP/2 writes the header map in Go's map order, new each request.
		r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		add(s...)
		add([2]string{"content-length", cl}, [2]string{"accept-encoding", "gzip"})
	case kJavaOpenAI:
		add([2]string{"accept", "application/json"})
		for _, p := range c.stainless("java", "JRE") {
			add([2]string{strings.ToLower(p[0]), p[1]})
		}
		add([2]string{"user-agent", c.userAgent()}, [2]string{"authorization", "Bearer " + key}, [2]string{"x-stainless-retry-count", rc})
		add(c.extra...)
		add([2]string{"content-type", "application/json; charset=utf-8"}, [2]string{"content-length", cl}, [2]string{"accept-encoding", "gzip"})
	case kJavaHTTP:
		add([2]string{"content-length", cl}, [2]string{"content-type", "application/json"})
		if anth {
			add([2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"authorization", "Bearer " + key})
		}
		add(c.extra...)
		add([2]string{"user-agent", c.ua})
	case kDotnetOpenAI:
		add([2]string{"Host", host}, [2]string{"Accept", "application/json"}, [2]string{"User-Agent", c.ua}, [2]string{"Authorization", "Bearer " + key})
		if c.trace {
			add([2]string{"traceparent", "00-" + r.hex(32) + "-" + r.hex(16) + "-00"})
		}
		add(c.extra...)
		add([2]string{"Content-Type", "application/json"}, [2]string{"Content-Length", cl})
	case kCurl:
		add([2]string{"user-agent", c.userAgent()}, [2]string{"accept", "*/*"})
		add(c.typed(anth, key, true)...)
		add([2]string{"content-length", cl})
	case kRequests:
		add([2]string{"Host", host}, [2]string{"User-Agent", c.userAgent()}, [2]string{"Accept-Encoding", "gzip, deflate"},
			[2]string{"Accept", "*/*"}, [2]string{"Connection", "keep-alive"})
		add(c.typed(anth, key, false)...)
		add([2]string{"Content-Length", cl})
	case kAiohttp:
		add([2]string{"Host", host})
		add(c.typed(anth, key, false)...)
		add([2]string{"Accept", "*/*"}, [2]string{"Accept-Encoding", "gzip, deflate"}, [2]string{"User-Agent", c.ua}, [2]string{"Content-Length", cl})
	case kHTTPie:
		add([2]string{"Host", host}, [2]string{"User-Agent", c.userAgent()}, [2]string{"Accept-Encoding", "gzip, deflate"},
			[2]string{"Accept", "application/json, */*;q=0.5"}, [2]string{"Connection", "keep-alive"})
		if anth {
			add([2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"Authorization", "Bearer " + key})
		}
		add([2]string{"Content-Type", "application/json"}, [2]string{"Content-Length", cl})
	case kPostman:
		if anth {
			add([2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"Authorization", "Bearer " + key})
		}
		add([2]string{"Content-Type", "application/json"}, [2]string{"User-Agent", c.ua}, [2]string{"Accept", "*/*"},
			[2]string{"Cache-Control", "no-cache"}, [2]string{"Postman-Token", r.uuid()}, [2]string{"Host", host},
			[2]string{"Accept-Encoding", "gzip, deflate, br"}, [2]string{"Connection", "keep-alive"}, [2]string{"Content-Length", cl})
	case kRubyOpenAI:
		add([2]string{"User-Agent", c.ua}, [2]string{"Content-Type", "application/json"}, [2]string{"Authorization", "Bearer " + key},
			[2]string{"Accept-Encoding", "gzip;q=1.0,deflate;q=0.6,identity;q=0.3"}, [2]string{"Accept", "*/*"},
			[2]string{"Host", host}, [2]string{"Content-Length", cl})
	case kPHPOpenAI:
		add([2]string{"Host", host}, [2]string{"Authorization", "Bearer " + key}, [2]string{"Content-Type", "application/json"},
			[2]string{"User-Agent", c.ua}, [2]string{"Content-Length", cl})
	case kChrome:
		add([2]string{"content-length", cl}, [2]string{"sec-ch-ua-platform", c.platform})
		add(c.browserScript(anth, key)...)
		major := c.rt
		if i := strings.IndexByte(major, '.'); i > 0 {
			major = major[:i]
		}
		add([2]string{"sec-ch-ua", `"Chromium";v="` + major + `", "Google Chrome";v="` + major + `", "Not_A Brand";v="99"`},
			[2]string{"content-type", "application/json"}, [2]string{"sec-ch-ua-mobile", "?0"}, [2]string{"user-agent", c.ua},
			[2]string{"accept", c.accept()}, [2]string{"origin", c.origin}, [2]string{"sec-fetch-site", "cross-site"},
			[2]string{"sec-fetch-mode", "cors"}, [2]string{"sec-fetch-dest", "empty"}, [2]string{"referer", c.origin + "/"},
			[2]string{"accept-encoding", "gzip, deflate, br, zstd"}, [2]string{"accept-language", c.enc}, [2]string{"priority", "u=1, i"})
	case kFirefox:
		add([2]string{"user-agent", c.ua}, [2]string{"accept", c.accept()}, [2]string{"accept-language", c.enc},
			[2]string{"accept-encoding", "gzip, deflate, br, zstd"}, [2]string{"referer", c.origin + "/"}, [2]string{"content-type", "application/json"})
		add(c.browserScript(anth, key)...)
		add([2]string{"content-length", cl}, [2]string{"origin", c.origin}, [2]string{"sec-fetch-dest", "empty"},
			[2]string{"sec-fetch-mode", "cors"}, [2]string{"sec-fetch-site", "cross-site"}, [2]string{"priority", "u=4"}, [2]string{"te", "trailers"})
	case kWordPress:
		add([2]string{"Host", host}, [2]string{"User-Agent", c.ua}, [2]string{"Accept", "*/*"},
			[2]string{"Accept-Encoding", "deflate, gzip, br, zstd"}, [2]string{"Authorization", "Bearer " + key},
			[2]string{"Content-Type", "application/json"}, [2]string{"Content-Length", cl})
	}
	return h
}

// browserScript returns the headers a web app's script sets on fetch:
// the Anthropic SDK's, in the browser (ver set), or the credential alone.
func (c *client) browserScript(anth bool, key string) [][2]string {
	var s [][2]string
	if c.ver != "" {
		for _, p := range c.stainless("js", "browser:"+c.rtName()) {
			s = append(s, [2]string{strings.ToLower(p[0]), p[1]})
		}
		s = append(s, [2]string{"x-stainless-retry-count", "0"}, [2]string{"x-stainless-timeout", "600"})
		if anth {
			s = append(s, [2]string{"anthropic-dangerous-direct-browser-access", "true"})
		}
	}
	if anth {
		s = append(s, [2]string{"x-api-key", key}, [2]string{"anthropic-version", c.anthVer})
	} else {
		s = append(s, [2]string{"authorization", "Bearer " + key})
	}
	return s
}

// accept is a browser's Accept: the SDK's, or fetch's default.
func (c *client) accept() string {
	if c.ver != "" {
		return "application/json"
	}
	return "*/*"
}

func (c *client) rtName() string {
	if c.kind == kFirefox {
		return "firefox"
	}
	return "chrome"
}

// typed returns the headers a person typed (curl -H, a headers dict):
// the credential and the content type, in the order that person writes
// them, in lower case when lower.
func (c *client) typed(anth bool, key string, lower bool) [][2]string {
	ct := [2]string{"Content-Type", "application/json"}
	var cred [][2]string
	if anth {
		cred = [][2]string{{"x-api-key", key}, {"anthropic-version", c.anthVer}}
		ct[0] = "content-type" // as in the API's own examples
	} else {
		cred = [][2]string{{"Authorization", "Bearer " + key}}
	}
	var out [][2]string
	if c.authFirst || anth {
		out = append(append(out, cred...), ct)
	} else {
		out = append(append(out, ct), cred...)
	}
	out = append(out, c.extra...)
	if lower {
		for i := range out {
			out[i][0] = strings.ToLower(out[i][0])
		}
	}
	return out
}

func sortHeaders(s [][2]string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j-1][0] > s[j][0]; j-- {
			s[j-1], s[j] = s[j], s[j-1]
		}
	}
}

// arrange returns body b with its members in the order c's library
// writes them.
func (c *client) arrange(path string, b obj) obj {
	if c.kind == kAISDK {
		// The AI SDK's provider: model, the settings, messages, then the
		// streaming options.
		out := obj{}
		var tail obj
		for _, m := range b {
			switch m.Key {
			case "messages":
				tail = append(obj{m}, tail...)
			case "stream", "stream_options":
				tail = append(tail, m)
			default:
				out = append(out, m)
			}
		}
		return append(out, tail...)
	}
	if !c.sdkSort {
		return b
	}
	if path == "/v1/messages" {
		return sortBody(b, "max_tokens", "messages", "model")
	}
	return sortBody(b, "messages", "model")
}

// retries reports whether c's library retries a 429 or 5xx on its own
// and marks the retry in a header.
func (c *client) retries() bool {
	switch c.kind {
	case kPyOpenAI, kPyAnthropic, kNodeOpenAI, kNodeAnthropic, kClaudeCode, kGoOpenAI, kGoAnthropic, kJavaOpenAI:
		return true
	}
	return false
}
