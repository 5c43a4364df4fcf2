package clinics

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// The client stacks a request can come from. Each writes its own headers
// in its own wire order; the TLS print (ja4) is that of the library that
// opens the connection.
const (
	kOpenAIPy   = iota // openai-python over httpx
	kAnthPy            // anthropic-sdk-python over httpx
	kOpenAINode        // openai-node (v4 over node-fetch, v5 over fetch)
	kAnthNode          // anthropic-sdk-typescript on Node
	kRequests          // python-requests, hand-written JSON
	kCurl              // curl from a shell script
	kGo                // a Go service on net/http (HTTP/2)
	kJava              // a Java service on Apache HttpClient 5
	kDotnet            // a .NET worker on HttpClient
	kBrowser           // a web app calling the API from the browser (fetch)
	kForward           // a Go gateway forwarding a downstream client's headers
)

// stack is one client stack.
type stack struct {
	kind     int
	ua       string
	ja4      string
	enc      tracefmt.Encoder
	pyFloats bool // floats as Python writes them (1.0, not 1)
	sortBody int  // 0: as the application wrote it; 1: openai-python; 2: anthropic-python

	pkg, osName, arch, runtime, runtimeVer string
	async                                  string // python: x-stainless-async
	v4                                     bool   // openai-node v4 (node-fetch)

	platform, chrome, origin string // browser
	browserSDK               bool   // the browser app uses the vendor SDK

	app  [][2]string // headers a custom application sets before its credential
	down *stack      // kForward: the downstream client whose headers pass through
}

// TLS prints by stack family. The first part is what the ClientHello shows
// (TLS 1.3, SNI, cipher and extension counts, ALPN); the hashes stand for
// the cipher and extension lists of that library build.
var (
	ja4PyOSSL3  = ja4("t13d4412h1", "cpython-openssl3")
	ja4PyOSSL11 = ja4("t13d4410h1", "cpython-openssl111")
	ja4PyMac    = ja4("t13d4412h1", "cpython-openssl3-macos-installer")
	ja4Node     = ja4("t13d1712h1", "node-openssl3")
	ja4Electron = ja4("t13d1712h1", "electron-node-boringssl")
	ja4Go       = ja4("t13d1312h2", "go-crypto-tls")
	ja4Java17   = ja4("t13d4614h2", "jdk17-jsse")
	ja4Curl     = ja4("t13d3112h2", "curl-openssl3")
	ja4DotLinux = ja4("t13d3012h2", "dotnet8-openssl3")
	ja4DotWin   = ja4("t13d2212h2", "dotnet8-schannel")
	ja4Chrome   = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Edge     = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Firefox  = "t13d1717h2_5b57614c22b0_3cbfd9057e0d"
	ja4Safari   = "t13d2014h2_a09f3c656075_14788d8d241b"
)

func ja4(prefix, lib string) string {
	c := sha256.Sum256([]byte("ciphers/" + lib))
	e := sha256.Sum256([]byte("extensions/" + lib))
	return prefix + "_" + hex.EncodeToString(c[:6]) + "_" + hex.EncodeToString(e[:6])
}

func pyJA4(osName, pyver string) string {
	switch {
	case strings.HasPrefix(pyver, "3.8") || strings.HasPrefix(pyver, "3.9"):
		return ja4PyOSSL11
	case osName == "MacOS":
		return ja4PyMac
	}
	return ja4PyOSSL3
}

func openaiPy(ver, pyver, osName, arch string, async bool) *stack {
	s := &stack{kind: kOpenAIPy, ua: "OpenAI/Python " + ver, ja4: pyJA4(osName, pyver), pyFloats: true, sortBody: 1,
		pkg: ver, osName: osName, arch: arch, runtime: "CPython", runtimeVer: pyver, async: "false"}
	if async {
		s.async = "async:asyncio"
	}
	return s
}

func anthPy(ver, pyver, osName, arch string, async bool) *stack {
	s := openaiPy(ver, pyver, osName, arch, async)
	s.kind, s.ua, s.sortBody = kAnthPy, "Anthropic/Python "+ver, 2
	return s
}

func openaiNode(ver, nodever, osName, arch string) *stack {
	return &stack{kind: kOpenAINode, ua: "OpenAI/JS " + ver, ja4: ja4Node, pkg: ver, osName: osName, arch: arch,
		runtime: "node", runtimeVer: nodever, v4: strings.HasPrefix(ver, "4.")}
}

func anthNode(ver, nodever, osName, arch string) *stack {
	s := openaiNode(ver, nodever, osName, arch)
	s.kind, s.ua, s.v4 = kAnthNode, "Anthropic/JS "+ver, false
	return s
}

func requestsPy(ver, osName, pyver string) *stack {
	return &stack{kind: kRequests, ua: "python-requests/" + ver, ja4: pyJA4(osName, pyver), pyFloats: true}
}

func curlC(ver string) *stack { return &stack{kind: kCurl, ua: "curl/" + ver, ja4: ja4Curl} }

func goApp(ua string, app ...[2]string) *stack {
	return &stack{kind: kGo, ua: ua, ja4: ja4Go, enc: tracefmt.Encoder{EscapeHTML: true}, app: app}
}

func javaApache(ver, jdk string) *stack {
	return &stack{kind: kJava, ua: "Apache-HttpClient/" + ver + " (Java/" + jdk + ")", ja4: ja4Java17}
}

func dotnetApp(ua string, windows bool) *stack {
	s := &stack{kind: kDotnet, ua: ua, ja4: ja4DotLinux}
	if windows {
		s.ja4 = ja4DotWin
	}
	return s
}

// browser is a web app in Chrome (or Edge, Firefox, Safari) calling the
// API with the user's own key.
func browser(platform, engine string, major int, origin string, sdk bool) *stack {
	s := &stack{kind: kBrowser, platform: platform, chrome: strconv.Itoa(major), origin: origin, browserSDK: sdk}
	osPart := map[string]string{
		"macOS":   "Macintosh; Intel Mac OS X 10_15_7",
		"Windows": "Windows NT 10.0; Win64; x64",
		"Linux":   "X11; Linux x86_64",
	}[platform]
	switch engine {
	case "firefox":
		s.ua = "Mozilla/5.0 (" + strings.Replace(osPart, "Intel Mac OS X 10_15_7", "Intel Mac OS X 10.15", 1) + "; rv:" + s.chrome + ".0) Gecko/20100101 Firefox/" + s.chrome + ".0"
		s.ja4, s.chrome = ja4Firefox, ""
	case "safari":
		s.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18." + strconv.Itoa(major%6) + " Safari/605.1.15"
		s.ja4, s.chrome = ja4Safari, ""
	case "edge":
		s.ua = "Mozilla/5.0 (" + osPart + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + s.chrome + ".0.0.0 Safari/537.36 Edg/" + s.chrome + ".0.0.0"
		s.ja4 = ja4Edge
	default:
		s.ua = "Mozilla/5.0 (" + osPart + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + s.chrome + ".0.0.0 Safari/537.36"
		s.ja4 = ja4Chrome
	}
	return s
}

// forward is the reseller's Go gateway relaying a request from a client
// of down's stack with a key of its pool.
func forward(down *stack) *stack {
	return &stack{kind: kForward, ua: down.ua, ja4: ja4Go, enc: down.enc, pyFloats: down.pyFloats, sortBody: down.sortBody, down: down}
}

// flt is a float member of a body: Python clients write an integral one
// as 1.0, JavaScript and Go ones as 1.
type flt float64

// encode writes a request body o for path the way s serialises it.
func (s *stack) encode(path string, o tracefmt.Obj) []byte {
	o = slices.Clone(o)
	for i, kv := range o {
		if f, ok := kv.Value.(flt); ok {
			v := float64(f)
			if s.pyFloats && v == math.Trunc(v) && math.Abs(v) < 1e15 {
				o[i].Value = tracefmt.RawString(strconv.FormatFloat(v, 'f', 1, 64))
			} else {
				o[i].Value = v
			}
		}
	}
	switch s.sortBody {
	case 1:
		first := map[string]int{}
		switch path {
		case pChat:
			first = map[string]int{"messages": 1, "model": 2}
		case pComplete:
			first = map[string]int{"model": 1, "prompt": 2}
		}
		slices.SortStableFunc(o, func(a, b tracefmt.KV) int {
			fa, fb := first[a.Key], first[b.Key]
			switch {
			case fa != 0 && fb != 0:
				return fa - fb
			case fa != 0:
				return -1
			case fb != 0:
				return 1
			}
			return strings.Compare(a.Key, b.Key)
		})
	case 2:
		slices.SortStableFunc(o, func(a, b tracefmt.KV) int { return strings.Compare(a.Key, b.Key) })
	}
	return s.enc.Marshal(o)
}

// headers returns the headers of q, sent by s with a body of n bytes, in
// wire order.
func (s *stack) headers(r *rand.Rand, q *req, n int) [][2]string {
	anth := q.path == pMessages
	key := q.acct.key
	cl := strconv.Itoa(n)
	var h [][2]string
	add := func(kv ...[2]string) { h = append(h, kv...) }
	stainless := func(lang string) {
		add([2]string{"x-stainless-lang", lang}, [2]string{"x-stainless-package-version", s.pkg},
			[2]string{"x-stainless-os", s.osName}, [2]string{"x-stainless-arch", s.arch},
			[2]string{"x-stainless-runtime", s.runtime}, [2]string{"x-stainless-runtime-version", s.runtimeVer})
	}
	switch s.kind {
	case kOpenAIPy, kAnthPy:
		add([2]string{"accept-encoding", "gzip, deflate"}, [2]string{"connection", "keep-alive"},
			[2]string{"accept", "application/json"}, [2]string{"content-type", "application/json"},
			[2]string{"user-agent", s.ua})
		stainless("python")
		if s.kind == kAnthPy {
			add([2]string{"anthropic-version", "2023-06-01"}, [2]string{"x-api-key", key})
		} else {
			add([2]string{"authorization", "Bearer " + key})
		}
		add([2]string{"x-stainless-async", s.async})
		add(q.extra...)
		add([2]string{"x-stainless-retry-count", strconv.Itoa(q.retry)}, [2]string{"x-stainless-read-timeout", "600"})
		if s.kind == kAnthPy {
			add([2]string{"x-stainless-timeout", "600"})
		}
		add([2]string{"content-length", cl})
	case kOpenAINode, kAnthNode:
		add([2]string{"accept", "application/json"}, [2]string{"content-type", "application/json"}, [2]string{"user-agent", s.ua})
		stainless("js")
		if s.kind == kAnthNode {
			add([2]string{"anthropic-version", "2023-06-01"}, [2]string{"x-api-key", key})
		} else {
			add([2]string{"authorization", "Bearer " + key})
		}
		add(q.extra...)
		add([2]string{"x-stainless-retry-count", strconv.Itoa(q.retry)})
		if s.v4 {
			add([2]string{"content-length", cl}, [2]string{"accept-encoding", "gzip,deflate"}, [2]string{"connection", "keep-alive"})
		} else {
			add([2]string{"x-stainless-timeout", "600"}, [2]string{"content-length", cl}, [2]string{"accept-language", "*"},
				[2]string{"sec-fetch-mode", "cors"}, [2]string{"accept-encoding", "gzip, deflate"})
		}
	case kRequests:
		add([2]string{"User-Agent", s.ua}, [2]string{"Accept-Encoding", "gzip, deflate"}, [2]string{"Accept", "*/*"},
			[2]string{"Connection", "keep-alive"})
		if anth {
			add([2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"Authorization", "Bearer " + key})
		}
		add(q.extra...)
		add([2]string{"Content-Length", cl}, [2]string{"Content-Type", "application/json"})
	case kCurl:
		add([2]string{"User-Agent", s.ua}, [2]string{"Accept", "*/*"}, [2]string{"Content-Type", "application/json"})
		if anth {
			add([2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"Authorization", "Bearer " + key})
		}
		add(q.extra...)
		add([2]string{"Content-Length", cl})
	case kGo, kForward:
		// net/http's HTTP/2 transport writes the request's header map in
		// map order, then content-length and its own accept-encoding.
		var m [][2]string
		if s.kind == kForward {
			m = forwarded(s.down, q.path)
		} else {
			m = append(m, [2]string{"content-type", "application/json"}, [2]string{"user-agent", s.ua})
		}
		for _, a := range s.app {
			m = append(m, [2]string{strings.ToLower(a[0]), a[1]})
		}
		for _, a := range q.extra {
			m = append(m, [2]string{strings.ToLower(a[0]), a[1]})
		}
		if anth {
			m = append(m, [2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			m = append(m, [2]string{"authorization", "Bearer " + key})
		}
		r.Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
		h = append(m, [2]string{"content-length", cl}, [2]string{"accept-encoding", "gzip"})
	case kJava:
		if anth {
			add([2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"Authorization", "Bearer " + key})
		}
		add([2]string{"Accept", "application/json"})
		add(q.extra...)
		add([2]string{"Accept-Encoding", "gzip, x-gzip, deflate"}, [2]string{"Content-Length", cl},
			[2]string{"Content-Type", "application/json; charset=UTF-8"}, [2]string{"Connection", "keep-alive"},
			[2]string{"User-Agent", s.ua})
	case kDotnet:
		if anth {
			add([2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"Authorization", "Bearer " + key})
		}
		add([2]string{"User-Agent", s.ua}, [2]string{"Accept", "application/json"})
		add(q.extra...)
		add([2]string{"traceparent", "00-" + randString(r, lowerHex, 32) + "-" + randString(r, lowerHex, 16) + "-00"},
			[2]string{"Content-Type", "application/json; charset=utf-8"}, [2]string{"Content-Length", cl})
	case kBrowser:
		add([2]string{"content-length", cl})
		if s.chrome != "" {
			add([2]string{"sec-ch-ua-platform", `"` + s.platform + `"`})
		}
		if anth {
			add([2]string{"x-api-key", key}, [2]string{"anthropic-version", "2023-06-01"},
				[2]string{"anthropic-dangerous-direct-browser-access", "true"})
		} else {
			add([2]string{"authorization", "Bearer " + key})
		}
		if s.chrome != "" {
			brand := `"Chromium";v="` + s.chrome + `", "Google Chrome";v="` + s.chrome + `", "Not.A/Brand";v="99"`
			if strings.Contains(s.ua, "Edg/") {
				brand = `"Chromium";v="` + s.chrome + `", "Microsoft Edge";v="` + s.chrome + `", "Not.A/Brand";v="99"`
			}
			add([2]string{"sec-ch-ua", brand}, [2]string{"sec-ch-ua-mobile", "?0"})
		}
		add([2]string{"user-agent", s.ua}, [2]string{"content-type", "application/json"})
		if s.browserSDK {
			lang := "js"
			add([2]string{"x-stainless-lang", lang}, [2]string{"x-stainless-package-version", s.pkg},
				[2]string{"x-stainless-os", "Unknown"}, [2]string{"x-stainless-arch", "unknown"},
				[2]string{"x-stainless-runtime", "browser:chrome"}, [2]string{"x-stainless-runtime-version", s.chrome + ".0.0"},
				[2]string{"x-stainless-retry-count", strconv.Itoa(q.retry)})
		}
		add(q.extra...)
		add([2]string{"accept", "*/*"}, [2]string{"origin", s.origin}, [2]string{"sec-fetch-site", "cross-site"},
			[2]string{"sec-fetch-mode", "cors"}, [2]string{"sec-fetch-dest", "empty"}, [2]string{"referer", s.origin + "/"},
			[2]string{"accept-encoding", "gzip, deflate, br, zstd"}, [2]string{"accept-language", "en-US,en;q=0.9"},
			[2]string{"priority", "u=1, i"})
	}
	return h
}

// forwarded returns the headers of a downstream client's request that a
// gateway passes on: everything but its credential, the hop-by-hop
// headers and the length, names lowercased.
func forwarded(down *stack, path string) [][2]string {
	tmp := &req{acct: &account{key: "-"}, path: path}
	var out [][2]string
	for _, kv := range down.headers(rand.New(rand.NewPCG(1, 2)), tmp, 0) {
		switch strings.ToLower(kv[0]) {
		case "authorization", "x-api-key", "anthropic-version", "content-length", "connection", "accept-encoding",
			"traceparent", "origin", "referer", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", "priority":
			continue
		}
		out = append(out, [2]string{strings.ToLower(kv[0]), kv[1]})
	}
	return out
}

// desk sets the architecture a desktop of s's OS has: most Macs in use are
// Apple silicon, Windows and Linux desktops x64.
func desk(r *rand.Rand, s *stack) *stack {
	s.arch = "x64"
	if s.osName == "MacOS" && r.Float64() < 0.8 {
		s.arch = "arm64"
	}
	return s
}
