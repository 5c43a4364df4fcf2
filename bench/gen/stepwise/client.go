package stepwise

import (
	"crypto/sha1"
	"encoding/hex"
	"math/rand/v2"
	"strconv"
	"strings"
)

// kind is the library that sends the HTTP request.
type kind int

const (
	kOpenAIPython kind = iota
	kAnthropicPython
	kOpenAINode
	kAnthropicNode
	kOpenAIGo
	kRequests // python-requests, hand-rolled calls
	kCurl
	kDesktopApp // a third-party chat app on Electron
)

// software is one installation of a library on one machine.
type software struct {
	k        kind
	version  string
	runtime  string
	os, arch string
	async    bool
	ja4      string
	enc      encoding
	host     string
	extra    [][2]string // the application's own headers, sent last
}

var (
	openaiPyVersions = []string{"1.66.3", "1.75.0", "1.86.0", "1.93.0", "1.101.0", "1.107.2", "2.2.0", "2.6.1", "2.9.0"}
	antPyVersions    = []string{"0.50.0", "0.58.2", "0.64.0", "0.67.0", "0.68.1", "0.71.0"}
	openaiNdVersions = []string{"4.96.2", "5.3.0", "5.12.2", "5.20.0", "6.1.0", "6.5.0"}
	antNdVersions    = []string{"0.40.1", "0.52.0", "0.60.0", "0.63.1", "0.66.0"}
	openaiGoVersions = []string{"1.8.2", "1.12.0", "2.3.0", "2.7.1", "3.2.0"}
	requestsVersions = []string{"2.28.2", "2.31.0", "2.32.3", "2.32.4"}
	curlVersions     = []string{"7.88.1", "8.5.0", "8.7.1", "8.11.1"}
	pythonVersions   = []string{"3.9.21", "3.10.16", "3.11.11", "3.11.13", "3.12.8", "3.12.11", "3.13.3"}
	nodeVersions     = []string{"v18.19.1", "v20.11.1", "v20.18.3", "v22.12.0", "v22.17.1", "v24.4.1"}
	goVersions       = []string{"go1.23.6", "go1.24.4", "go1.25.1"}
)

// recent picks a version, favouring the newest.
func recent(r *rand.Rand, vs []string) string {
	i := len(vs) - 1 - int(r.ExpFloat64()*1.1)
	return vs[max(0, i)]
}

// tlsPrint is a JA4-style fingerprint of one TLS stack: the readable head
// and two 12-hex-digit digests of the stack's cipher and extension lists.
func tlsPrint(head, stack string) string {
	a := sha1.Sum([]byte("ciphers/" + stack))
	b := sha1.Sum([]byte("extensions/" + stack))
	return head + "_" + hex.EncodeToString(a[:6]) + "_" + hex.EncodeToString(b[:6])
}

var (
	tlsPyOpenSSL3  = tlsPrint("t13d1812h1", "python ssl openssl 3.0 linux")
	tlsPyMac       = tlsPrint("t13d1812h1", "python ssl openssl 3.3 macos framework")
	tlsPyWin       = tlsPrint("t13d1811h1", "python ssl openssl 3.1 windows")
	tlsPyOpenSSL11 = tlsPrint("t13d1711h1", "python ssl openssl 1.1.1 linux")
	tlsNode        = tlsPrint("t13d1714h1", "node undici openssl 3")
	tlsGo          = tlsPrint("t13d1310h2", "go crypto/tls")
	tlsCurl        = tlsPrint("t13d3113h2", "curl openssl 3 linux")
	tlsCurlMac     = tlsPrint("t13d2713h2", "curl libressl macos")
	tlsElectron    = tlsPrint("t13d1516h2", "chromium boringssl electron")
)

// deviceOS draws the operating system of a person's computer.
func deviceOS(r *rand.Rand) (string, string) {
	switch choose(r, 40, 6, 36, 18) {
	case 0:
		return "MacOS", "arm64"
	case 1:
		return "MacOS", "x64"
	case 2:
		return "Windows", "x64"
	}
	return "Linux", "x64"
}

// install puts library k at version v ("" for a recent one) on a person's
// computer (desk) or on a Linux server.
func install(r *rand.Rand, k kind, v string, desk bool) *software {
	sw := &software{k: k, os: "Linux", arch: "x64", host: "api.sluice-gw.net"}
	if desk {
		sw.os, sw.arch = deviceOS(r)
	} else if r.IntN(4) == 0 {
		sw.arch = "arm64"
	}
	switch k {
	case kOpenAIPython, kAnthropicPython, kRequests:
		sw.runtime = recent(r, pythonVersions)
		switch sw.os {
		case "MacOS":
			sw.ja4 = tlsPyMac
		case "Windows":
			sw.ja4 = tlsPyWin
		default:
			sw.ja4 = tlsPyOpenSSL3
			if r.IntN(7) == 0 {
				sw.ja4 = tlsPyOpenSSL11
			}
		}
		sw.enc = encoding{spaced: true, ascii: true, floatDot: true}
	case kOpenAINode, kAnthropicNode, kDesktopApp:
		sw.runtime = recent(r, nodeVersions)
		sw.ja4 = tlsNode
		if k == kDesktopApp {
			sw.ja4 = tlsElectron
		}
	case kOpenAIGo:
		sw.runtime = recent(r, goVersions)
		sw.ja4 = tlsGo
		sw.enc = encoding{htmlEscape: true}
	case kCurl:
		sw.ja4 = tlsCurl
		if sw.os == "MacOS" {
			sw.ja4 = tlsCurlMac
		}
		sw.enc = encoding{spaced: true}
	}
	if v == "" {
		switch k {
		case kOpenAIPython:
			v = recent(r, openaiPyVersions)
		case kAnthropicPython:
			v = recent(r, antPyVersions)
		case kOpenAINode:
			v = recent(r, openaiNdVersions)
		case kAnthropicNode:
			v = recent(r, antNdVersions)
		case kOpenAIGo:
			v = recent(r, openaiGoVersions)
		case kRequests:
			v = recent(r, requestsVersions)
		case kCurl:
			v = recent(r, curlVersions)
		case kDesktopApp:
			v = oneOf(r, []string{"1.9.8", "1.10.2", "1.11.0"})
		}
	}
	sw.version = v
	// httpx 0.28 and later, which the newer Python SDKs pull in, write
	// compact UTF-8 JSON.
	if (k == kOpenAIPython && !older(v, "1.80")) || (k == kAnthropicPython && !older(v, "0.60")) {
		sw.enc = encoding{floatDot: true}
	}
	return sw
}

// older reports whether dotted version a is below b.
func older(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, _ := strconv.Atoi(as[i])
		y, _ := strconv.Atoi(bs[i])
		if x != y {
			return x < y
		}
	}
	return len(as) < len(bs)
}

// sdk reports whether the library retries by itself.
func (sw *software) sdk() bool {
	return sw.k != kCurl && sw.k != kRequests && sw.k != kDesktopApp
}

// anthropic reports whether the library speaks only /v1/messages.
func (sw *software) anthropic() bool { return sw.k == kAnthropicPython || sw.k == kAnthropicNode }

func (sw *software) stainless(lang, runtime string, h [][2]string) [][2]string {
	return append(h,
		[2]string{"x-stainless-lang", lang},
		[2]string{"x-stainless-package-version", sw.version},
		[2]string{"x-stainless-os", sw.os},
		[2]string{"x-stainless-arch", sw.arch},
		[2]string{"x-stainless-runtime", runtime},
		[2]string{"x-stainless-runtime-version", sw.runtime})
}

// credential is the auth header for path.
func credential(key, path string) [2]string {
	if path == pathMessages {
		return [2]string{"x-api-key", key}
	}
	return [2]string{"authorization", "Bearer " + key}
}

// headers are the request's headers in the order the library writes them.
func (sw *software) headers(key, path string, n, attempt int, stream bool) [][2]string {
	cl := strconv.Itoa(n)
	retry := strconv.Itoa(attempt)
	accept := "application/json"
	if stream && sw.k != kOpenAIGo {
		accept = "text/event-stream"
	}
	var h [][2]string
	switch sw.k {
	case kOpenAIPython, kAnthropicPython:
		h = [][2]string{{"host", sw.host}, {"accept-encoding", "gzip, deflate"}, {"connection", "keep-alive"},
			{"accept", "application/json"}, {"content-type", "application/json"}}
		if sw.k == kOpenAIPython {
			h = append(h, [2]string{"user-agent", "OpenAI/Python " + sw.version})
		} else {
			h = append(h, [2]string{"user-agent", "Anthropic/Python " + sw.version})
		}
		h = sw.stainless("python", "CPython", h)
		if path == pathMessages {
			h = append(h, [2]string{"anthropic-version", "2023-06-01"})
		}
		h = append(h, credential(key, path))
		async := "false"
		if sw.async {
			async = "async:asyncio"
		}
		h = append(h, [2]string{"x-stainless-async", async}, [2]string{"x-stainless-retry-count", retry},
			[2]string{"x-stainless-read-timeout", "600"})
		if sw.k == kAnthropicPython {
			h = append(h, [2]string{"x-stainless-timeout", "600"})
		}
		h = append(h, [2]string{"content-length", cl})
	case kOpenAINode, kAnthropicNode, kDesktopApp:
		h = [][2]string{{"accept", accept}, {"content-type", "application/json"}}
		switch sw.k {
		case kOpenAINode:
			h = append(h, [2]string{"user-agent", "OpenAI/JS " + sw.version})
		case kAnthropicNode:
			h = append(h, [2]string{"user-agent", "Anthropic/JS " + sw.version})
		default:
			h = append(h, [2]string{"user-agent", "Mozilla/5.0 (" + desktopUA(sw.os) + ") AppleWebKit/537.36 (KHTML, like Gecko) ChatDesk/" + sw.version + " Chrome/138.0.7204.168 Electron/37.2.6 Safari/537.36"})
		}
		if sw.k != kDesktopApp {
			h = append(h, [2]string{"x-stainless-retry-count", retry}, [2]string{"x-stainless-timeout", "600"})
			h = sw.stainless("js", "node", h)
		}
		if path == pathMessages {
			h = append(h, [2]string{"anthropic-version", "2023-06-01"})
			if sw.k == kDesktopApp {
				h = append(h, [2]string{"anthropic-dangerous-direct-browser-access", "true"})
			}
		}
		h = append(h, credential(key, path), [2]string{"host", sw.host}, [2]string{"connection", "keep-alive"},
			[2]string{"accept-language", "*"}, [2]string{"sec-fetch-mode", "cors"},
			[2]string{"accept-encoding", "gzip, deflate"}, [2]string{"content-length", cl})
	case kOpenAIGo:
		h = [][2]string{{"host", sw.host}, {"user-agent", "OpenAI/Go " + sw.version}, {"content-length", cl},
			{"accept", accept}, credential(key, path), {"content-type", "application/json"}}
		h = sw.stainless("go", "go", h)
		h = append(h, [2]string{"x-stainless-retry-count", retry}, [2]string{"x-stainless-timeout", "600"},
			[2]string{"accept-encoding", "gzip"})
	case kRequests:
		c := credential(key, path)
		if c[0] == "authorization" {
			c[0] = "Authorization"
		}
		h = [][2]string{{"Host", sw.host}, {"User-Agent", "python-requests/" + sw.version}, {"Accept-Encoding", "gzip, deflate"},
			{"Accept", "*/*"}, {"Connection", "keep-alive"}, c, {"Content-Type", "application/json"}}
		if path == pathMessages {
			h = append(h, [2]string{"anthropic-version", "2023-06-01"})
		}
		h = append(h, [2]string{"Content-Length", cl})
	case kCurl:
		c := credential(key, path)
		if c[0] == "authorization" {
			c[0] = "Authorization"
		}
		h = [][2]string{{"Host", sw.host}, {"User-Agent", "curl/" + sw.version}, {"Accept", "*/*"}, {"Content-Type", "application/json"}, c}
		if path == pathMessages {
			h = append(h, [2]string{"anthropic-version", "2023-06-01"})
		}
		h = append(h, [2]string{"Content-Length", cl})
	}
	return append(h, sw.extra...)
}

func desktopUA(os string) string {
	switch os {
	case "MacOS":
		return "Macintosh; Intel Mac OS X 10_15_7"
	case "Windows":
		return "Windows NT 10.0; Win64; x64"
	}
	return "X11; Linux x86_64"
}

// keyFor mints an API key for the dialect of path family anthropic.
func keyFor(r *rand.Rand, anthropic bool) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	var b strings.Builder
	if anthropic {
		b.WriteString("sk-ant-api03-")
		for range 86 {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		b.WriteString("AA")
		return b.String()
	}
	b.WriteString("sk-proj-")
	for range 120 {
		b.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}
