package counsel

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// host is the name the API is reached at.
const host = "api.aster.example"

// api is a dialect: OpenAI chat completions or Anthropic messages.
type api uint8

const (
	openAI api = iota
	anthropic
)

func (a api) path() string {
	if a == anthropic {
		return "/v1/messages"
	}
	return "/v1/chat/completions"
}

// stack is the software that sent a request: an official SDK on its HTTP
// library, a browser, a command-line tool, or a harvester's own program.
type stack uint8

const (
	stPyOpenAI      stack = iota // openai-python on httpx, HTTP/1.1
	stPyAnthropic                // anthropic-python on httpx, HTTP/1.1
	stNodeOpenAI                 // openai-node on undici's fetch, HTTP/1.1
	stNodeAnthropic              // @anthropic-ai/sdk on undici's fetch
	stWebView                    // @anthropic-ai/sdk in an Office add-in: Edge WebView2 or WKWebView, HTTP/2
	stGoOpenAI                   // openai-go on net/http, HTTP/2
	stGoAnthropic                // anthropic-sdk-go on net/http, HTTP/2
	stJavaOpenAI                 // openai-java on OkHttp, HTTP/2
	stDotnetOpenAI               // the OpenAI .NET library on HttpClient, HTTP/1.1
	stCurl                       // curl, HTTP/2
	stRequests                   // python-requests by hand, HTTP/1.1
	stJavaHTTP                   // java.net.http.HttpClient by hand, HTTP/2
	stGoRaw                      // Go net/http by hand, HTTP/2
	stGoSpoofPy                  // a Go program that copies anthropic-python's headers, HTTP/2
	stCffiSpoofPy                // curl_cffi impersonating Chrome with openai-python's headers, HTTP/2
)

// client is one installed client: its stack, versions and platform, the
// TLS hello it sends, and the serializer of its bodies.
type client struct {
	st        stack
	ver       string // SDK or tool version
	os, arch  string // as the SDK reports them (X-Stainless-OS, -Arch)
	rtVer     string // runtime version (CPython, Node, Go, JRE, .NET, browser)
	ua        string
	acceptEnc string
	async     bool // python: AsyncOpenAI / AsyncAnthropic
	tls       hello
	enc       jsonStyle
	order     bodyOrder
	web       *webview
	extra     [][2]string // headers the calling code adds (default_headers, betas)
	inspected bool        // behind a TLS-inspecting forward proxy: HTTP/1.1 upstream, the proxy's hello
	traceCtx  bool        // .NET: an ambient Activity adds traceparent
	ja4s      string      // the JA4 print, computed on first use
}

// webview is the browser an Office add-in runs in.
type webview struct {
	edge     bool // Edge WebView2 on Windows; else WKWebView on a Mac
	major    int
	lang     string
	origin   string
	referer  string
	sdkInUA  bool // the SDK could read the runtime from the user agent
	platform string
}

func (c *client) ja4() string {
	if c.ja4s == "" {
		if c.inspected {
			c.ja4s = tlsInspect.ja4()
		} else {
			c.ja4s = c.tls.ja4()
		}
	}
	return c.ja4s
}

func (c *client) api() api {
	switch c.st {
	case stPyAnthropic, stNodeAnthropic, stWebView, stGoAnthropic, stGoSpoofPy:
		return anthropic
	}
	return openAI
}

const anthropicVersion = "2023-06-01"

// headers returns the request's headers in wire order.
func (c *client) headers(a api, key string, retry, n int, r *rand.Rand) [][2]string {
	cl := strconv.Itoa(n)
	rc := strconv.Itoa(retry)
	var h [][2]string
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	auth := func(oaName, anName string) {
		if a == anthropic {
			add(anName, key)
		} else {
			add(oaName, "Bearer "+key)
		}
	}
	switch c.st {
	case stPyOpenAI, stPyAnthropic:
		add("Host", host)
		add("Accept", "application/json")
		add("Accept-Encoding", c.acceptEnc)
		add("Connection", "keep-alive")
		add("User-Agent", c.ua)
		add("Content-Type", "application/json")
		add("X-Stainless-Lang", "python")
		add("X-Stainless-Package-Version", c.ver)
		add("X-Stainless-OS", c.os)
		add("X-Stainless-Arch", c.arch)
		add("X-Stainless-Runtime", "CPython")
		add("X-Stainless-Runtime-Version", c.rtVer)
		auth("Authorization", "X-Api-Key")
		if c.async {
			add("X-Stainless-Async", "async:asyncio")
		} else {
			add("X-Stainless-Async", "false")
		}
		if a == anthropic {
			add("anthropic-version", anthropicVersion)
		}
		h = append(h, c.extra...)
		add("x-stainless-retry-count", rc)
		add("x-stainless-read-timeout", "600")
		add("Content-Length", cl)
	case stNodeOpenAI, stNodeAnthropic:
		add("host", host)
		add("connection", "keep-alive")
		add("content-length", cl)
		add("accept", "application/json")
		add("user-agent", c.ua)
		add("x-stainless-retry-count", rc)
		add("x-stainless-timeout", "600")
		add("x-stainless-lang", "js")
		add("x-stainless-package-version", c.ver)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", "node")
		add("x-stainless-runtime-version", c.rtVer)
		if a == anthropic {
			add("anthropic-version", anthropicVersion)
		}
		auth("authorization", "x-api-key")
		h = append(h, c.extra...)
		add("content-type", "application/json")
		add("accept-language", "*")
		add("sec-fetch-mode", "cors")
		add("accept-encoding", c.acceptEnc)
	case stWebView:
		wv := c.web
		sdk := [][2]string{
			{"accept", "application/json"},
			{"x-stainless-retry-count", rc},
			{"x-stainless-timeout", "600"},
			{"x-stainless-lang", "js"},
			{"x-stainless-package-version", c.ver},
			{"x-stainless-os", "Unknown"},
			{"x-stainless-arch", "unknown"},
		}
		if wv.sdkInUA {
			sdk = append(sdk, [2]string{"x-stainless-runtime", "browser:edge"}, [2]string{"x-stainless-runtime-version", fmt.Sprintf("%d.0.0", wv.major)})
		} else {
			sdk = append(sdk, [2]string{"x-stainless-runtime", "unknown"}, [2]string{"x-stainless-runtime-version", "unknown"})
		}
		sdk = append(sdk, [2]string{"anthropic-dangerous-direct-browser-access", "true"}, [2]string{"anthropic-version", anthropicVersion}, [2]string{"x-api-key", key})
		sdk = append(sdk, c.extra...)
		if wv.edge {
			add("content-length", cl)
			add("sec-ch-ua-platform", `"Windows"`)
			h = append(h, sdk[1:]...)
			add("sec-ch-ua", fmt.Sprintf(`"Chromium";v="%d", "Microsoft Edge WebView2";v="%d", "Not.A/Brand";v="99", "Microsoft Edge";v="%d"`, wv.major, wv.major, wv.major))
			add("sec-ch-ua-mobile", "?0")
			add("user-agent", c.ua)
			add("accept", "application/json")
			add("content-type", "application/json")
			add("origin", wv.origin)
			add("sec-fetch-site", "cross-site")
			add("sec-fetch-mode", "cors")
			add("sec-fetch-dest", "empty")
			add("referer", wv.referer)
			add("accept-encoding", "gzip, deflate, br, zstd")
			add("accept-language", wv.lang)
			add("priority", "u=1, i")
		} else {
			h = append(h, sdk...)
			add("content-type", "application/json")
			add("origin", wv.origin)
			add("user-agent", c.ua)
			add("referer", wv.referer)
			add("content-length", cl)
			add("accept-language", wv.lang)
			add("accept-encoding", "gzip, deflate, br")
			add("sec-fetch-site", "cross-site")
			add("sec-fetch-mode", "cors")
			add("sec-fetch-dest", "empty")
			add("priority", "u=3, i")
		}
	case stGoOpenAI, stGoAnthropic:
		// net/http's HTTP/2 writer takes the header map in Go's random map
		// order, then content-length, then the transport's accept-encoding.
		m := [][2]string{
			{"content-type", "application/json"},
			{"accept", "application/json"},
			{"x-stainless-retry-count", rc},
			{"user-agent", c.ua},
			{"x-stainless-lang", "go"},
			{"x-stainless-package-version", c.ver},
			{"x-stainless-os", c.os},
			{"x-stainless-arch", c.arch},
			{"x-stainless-runtime", "go"},
			{"x-stainless-runtime-version", c.rtVer},
		}
		if a == anthropic {
			m = append(m, [2]string{"anthropic-version", anthropicVersion}, [2]string{"x-api-key", key})
		} else {
			m = append(m, [2]string{"authorization", "Bearer " + key})
		}
		m = append(m, lower(c.extra)...)
		r.Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
		h = append(h, m...)
		add("content-length", cl)
		add("accept-encoding", "gzip")
	case stJavaOpenAI:
		add("x-stainless-arch", c.arch)
		add("x-stainless-lang", "java")
		add("x-stainless-os", c.os)
		add("x-stainless-package-version", c.ver)
		add("x-stainless-runtime", "JRE")
		add("x-stainless-runtime-version", c.rtVer)
		add("user-agent", c.ua)
		add("authorization", "Bearer "+key)
		h = append(h, lower(c.extra)...)
		add("accept", "application/json")
		add("x-stainless-retry-count", rc)
		add("x-stainless-read-timeout", "600")
		add("x-stainless-timeout", "600")
		add("content-type", "application/json")
		add("content-length", cl)
		add("accept-encoding", "gzip")
	case stDotnetOpenAI:
		add("Host", host)
		add("Accept", "application/json")
		add("User-Agent", c.ua)
		add("Authorization", "Bearer "+key)
		h = append(h, c.extra...)
		if c.traceCtx {
			add("traceparent", fmt.Sprintf("00-%016x%016x-%016x-01", r.Uint64(), r.Uint64(), r.Uint64()))
		}
		add("Content-Type", "application/json")
		add("Content-Length", cl)
	case stCurl:
		add("user-agent", c.ua)
		add("accept", "*/*")
		if a == anthropic {
			add("x-api-key", key)
			add("anthropic-version", anthropicVersion)
		} else {
			add("authorization", "Bearer "+key)
		}
		add("content-type", "application/json")
		h = append(h, lower(c.extra)...)
		add("content-length", cl)
	case stRequests:
		add("Host", host)
		add("User-Agent", c.ua)
		add("Accept-Encoding", c.acceptEnc)
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		if a == anthropic {
			add("x-api-key", key)
			add("anthropic-version", anthropicVersion)
		} else {
			add("Authorization", "Bearer "+key)
		}
		add("Content-Type", "application/json")
		h = append(h, c.extra...)
		add("Content-Length", cl)
	case stJavaHTTP:
		add("content-length", cl)
		if a == anthropic {
			add("x-api-key", key)
			add("anthropic-version", anthropicVersion)
		} else {
			add("authorization", "Bearer "+key)
		}
		add("content-type", "application/json")
		h = append(h, lower(c.extra)...)
		add("user-agent", c.ua)
	case stGoRaw:
		m := [][2]string{{"content-type", "application/json"}}
		if a == anthropic {
			m = append(m, [2]string{"x-api-key", key}, [2]string{"anthropic-version", anthropicVersion})
		} else {
			m = append(m, [2]string{"authorization", "Bearer " + key})
		}
		m = append(m, lower(c.extra)...)
		r.Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
		h = append(h, m...)
		add("content-length", cl)
		add("accept-encoding", "gzip")
		add("user-agent", c.ua)
	case stGoSpoofPy:
		m := [][2]string{
			{"accept", "application/json"},
			{"accept-encoding", "gzip, deflate"},
			{"user-agent", c.ua},
			{"content-type", "application/json"},
			{"x-stainless-lang", "python"},
			{"x-stainless-package-version", c.ver},
			{"x-stainless-os", c.os},
			{"x-stainless-arch", c.arch},
			{"x-stainless-runtime", "CPython"},
			{"x-stainless-runtime-version", c.rtVer},
			{"x-api-key", key},
			{"x-stainless-async", "false"},
			{"anthropic-version", anthropicVersion},
			{"x-stainless-retry-count", rc},
			{"x-stainless-read-timeout", "600"},
		}
		if a == openAI {
			m[10] = [2]string{"authorization", "Bearer " + key}
			m = append(m[:12], m[13:]...)
		}
		r.Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
		h = append(h, m...)
		add("content-length", cl)
	case stCffiSpoofPy:
		add("accept", "application/json")
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("user-agent", c.ua)
		add("content-type", "application/json")
		add("x-stainless-lang", "python")
		add("x-stainless-package-version", c.ver)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", "CPython")
		add("x-stainless-runtime-version", c.rtVer)
		auth("authorization", "x-api-key")
		add("x-stainless-async", "false")
		if a == anthropic {
			add("anthropic-version", anthropicVersion)
		}
		add("x-stainless-retry-count", rc)
		add("x-stainless-read-timeout", "600")
		add("content-length", cl)
	default:
		panic("counsel: unknown stack")
	}
	if c.inspected && c.tls.alpn == "h2" {
		// The proxy speaks HTTP/1.1 upstream and writes the authority as Host.
		h = append([][2]string{{"Host", host}}, h...)
	}
	return h
}

func lower(hs [][2]string) [][2]string {
	out := make([][2]string, len(hs))
	for i, x := range hs {
		out[i] = [2]string{strings.ToLower(x[0]), x[1]}
	}
	return out
}

// --- constructors: versions and platforms as they were installed in April 2026.

type platform struct{ os, arch string }

var (
	linuxX64 = platform{"Linux", "x64"}
	linuxArm = platform{"Linux", "arm64"}
	macArm   = platform{"MacOS", "arm64"}
	macX64   = platform{"MacOS", "x64"}
	winX64   = platform{"Windows", "x64"}
)

var (
	pyOpenAIVersions    = []string{"2.21.0", "2.17.0", "2.14.0", "2.11.0", "2.8.1", "2.6.1", "1.109.1", "1.99.9"}
	pyAnthropicVersions = []string{"0.79.0", "0.76.0", "0.75.0", "0.72.0", "0.69.0", "0.64.0"}
	nodeOpenAIVersions  = []string{"6.16.0", "6.10.0", "6.7.0", "5.23.2", "4.104.0"}
	nodeAnthVersions    = []string{"0.71.2", "0.68.0", "0.65.0", "0.60.0"}
	goOpenAIVersions    = []string{"3.8.1", "3.2.0", "2.7.1", "1.12.0"}
	goAnthVersions      = []string{"1.19.0", "1.14.0", "1.9.1"}
	cpythonVersions     = []string{"3.12.9", "3.12.3", "3.11.9", "3.13.5", "3.11.4", "3.10.12", "3.13.2", "3.12.10"}
	nodeVersions        = []string{"v22.14.0", "v20.18.1", "v22.20.0", "v20.11.1", "v18.20.4", "v24.3.0"}
	goVersions          = []string{"go1.24.4", "go1.25.3", "go1.23.6", "go1.24.1"}
	javaVersions        = []string{"21.0.5", "17.0.12", "21.0.2", "17.0.9"}
)

func pyOpenAI(ver, py string, p platform, async bool) *client {
	c := &client{st: stPyOpenAI, ver: ver, os: p.os, arch: p.arch, rtVer: py, async: async,
		ua: "OpenAI/Python " + ver, acceptEnc: "gzip, deflate", tls: tlsPython, enc: styleHTTPX, order: ordSDK}
	if strings.HasPrefix(ver, "1.") {
		c.enc = styleHTTPX27 // pinned next to an older httpx
	}
	return c
}

func pyAnthropic(ver, py string, p platform, async bool) *client {
	return &client{st: stPyAnthropic, ver: ver, os: p.os, arch: p.arch, rtVer: py, async: async,
		ua: "Anthropic/Python " + ver, acceptEnc: "gzip, deflate", tls: tlsPython, enc: styleHTTPX, order: ordSDK}
}

func nodeOpenAI(ver, node string, p platform) *client {
	return &client{st: stNodeOpenAI, ver: ver, os: p.os, arch: p.arch, rtVer: node,
		ua: "OpenAI/JS " + ver, acceptEnc: "br, gzip, deflate", tls: tlsNode, enc: styleCompact, order: ordUser}
}

func nodeAnthropic(ver, node string, p platform) *client {
	return &client{st: stNodeAnthropic, ver: ver, os: p.os, arch: p.arch, rtVer: node,
		ua: "Anthropic/JS " + ver, acceptEnc: "br, gzip, deflate", tls: tlsNode, enc: styleCompact, order: ordUser}
}

func goOpenAI(ver, gov string, p platform) *client {
	return &client{st: stGoOpenAI, ver: ver, os: p.os, arch: p.arch, rtVer: gov,
		ua: "OpenAI/Go " + ver, tls: tlsGo, enc: styleCompact, order: ordSDK}
}

func goAnthropic(ver, gov string, p platform) *client {
	return &client{st: stGoAnthropic, ver: ver, os: p.os, arch: p.arch, rtVer: gov,
		ua: "Anthropic/Go " + ver, tls: tlsGo, enc: styleGoStd, order: ordSDK}
}

func javaOpenAI(ver, jre string, p platform) *client {
	return &client{st: stJavaOpenAI, ver: ver, os: p.os, arch: p.arch, rtVer: jre,
		ua: "OpenAI/Java " + ver, tls: tlsJava, enc: styleCompact, order: ordSDK}
}

func dotnetOpenAI(ver, dotnet, winBuild string) *client {
	return &client{st: stDotnetOpenAI, ver: ver, rtVer: dotnet,
		ua:  fmt.Sprintf("OpenAI/%s (.NET %s; Microsoft Windows %s)", ver, dotnet, winBuild),
		tls: tlsSchannel, enc: styleDotnet, order: ordUser}
}

func curl(ver string, mac bool) *client {
	c := &client{st: stCurl, ver: ver, ua: "curl/" + ver, tls: tlsCurl, enc: styleHand, order: ordUser}
	if mac {
		c.tls = tlsCurlMac
	}
	return c
}

func requestsLib(ver string) *client {
	return &client{st: stRequests, ver: ver, ua: "python-requests/" + ver, acceptEnc: "gzip, deflate",
		tls: tlsPython, enc: styleRequests, order: ordUser}
}

func javaHTTP(jre string) *client {
	return &client{st: stJavaHTTP, ver: jre, ua: "Java-http-client/" + jre, tls: tlsJava, enc: styleCompact, order: ordUser}
}

func goRaw() *client {
	return &client{st: stGoRaw, ua: "Go-http-client/2.0", tls: tlsGo, enc: styleGoStd, order: ordUser}
}

// webviewClient is the add-in's bundled @anthropic-ai/sdk in the Office
// host's browser engine.
func webviewClient(sdkVer string, edge bool, major int, lang, origin string) *client {
	wv := &webview{edge: edge, major: major, lang: lang, origin: origin, referer: origin + "/taskpane.html", sdkInUA: edge}
	c := &client{st: stWebView, ver: sdkVer, web: wv, enc: styleCompact, order: ordUser}
	if edge {
		wv.platform = "Windows"
		c.ua = fmt.Sprintf("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36 Edg/%d.0.0.0", major, major)
		c.tls = tlsChromium
	} else {
		wv.platform = "macOS"
		c.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
		c.tls = tlsApple
	}
	return c
}

// randPlatform returns the OS and architecture of a developer's machine.
func randPlatform(r *rand.Rand) platform {
	switch x := r.Float64(); {
	case x < 0.38:
		return macArm
	case x < 0.45:
		return macX64
	case x < 0.75:
		return linuxX64
	case x < 0.80:
		return linuxArm
	default:
		return winX64
	}
}

// devClient returns a random client of the given API as the world's
// developers have them installed.
func devClient(r *rand.Rand, a api) *client {
	p := randPlatform(r)
	py := pickW(r, cpythonVersions, []float64{5, 3, 4, 2, 1, 1, 1, 2})
	x := r.Float64()
	if a == anthropic {
		switch {
		case x < 0.55:
			return pyAnthropic(pickW(r, pyAnthropicVersions, []float64{3, 3, 2, 2, 1, 1}), py, p, chance(r, 0.2))
		case x < 0.8:
			return nodeAnthropic(pickW(r, nodeAnthVersions, []float64{3, 3, 2, 1}), pick(r, nodeVersions), p)
		case x < 0.9:
			return goAnthropic(pick(r, goAnthVersions), pick(r, goVersions), p)
		default:
			return curl(pick(r, []string{"8.5.0", "8.7.1", "8.14.1", "8.11.1"}), p.os == "MacOS")
		}
	}
	switch {
	case x < 0.45:
		return pyOpenAI(pickW(r, pyOpenAIVersions, []float64{3, 3, 3, 2, 2, 1, 1, 1}), py, p, chance(r, 0.2))
	case x < 0.65:
		return nodeOpenAI(pickW(r, nodeOpenAIVersions, []float64{3, 3, 2, 2, 1}), pick(r, nodeVersions), p)
	case x < 0.73:
		return goOpenAI(pick(r, goOpenAIVersions), pick(r, goVersions), p)
	case x < 0.78:
		return dotnetOpenAI(pick(r, []string{"2.5.0", "2.3.0", "2.7.0"}), pick(r, []string{"8.0.14", "9.0.3", "8.0.11"}), pick(r, []string{"10.0.26100", "10.0.22631", "10.0.19045"}))
	case x < 0.82:
		return javaOpenAI(pick(r, []string{"4.6.1", "3.6.1", "4.2.0"}), pick(r, javaVersions), p)
	case x < 0.88:
		return requestsLib(pick(r, []string{"2.32.3", "2.32.5", "2.31.0"}))
	case x < 0.91:
		return goRaw()
	case x < 0.93:
		return javaHTTP(pick(r, javaVersions))
	default:
		return curl(pick(r, []string{"8.5.0", "8.7.1", "8.14.1", "8.11.1"}), p.os == "MacOS")
	}
}
