package mandarin

import (
	"fmt"
	"math/rand/v2"
	"strconv"
)

// Dialects (request paths).
const (
	pathChat      = "/v1/chat/completions"
	pathResponses = "/v1/responses"
	pathMessages  = "/v1/messages"
)

// stackKind is a client library or app family; every account has one
// concrete stack (a kind with a fixed version, OS, runtime).
type stackKind int

const (
	kOpenAIPython stackKind = iota
	kOpenAINode
	kOpenAIGo
	kAnthropicPython
	kAnthropicTS
	kCurl
	kRequests
	kBrowser  // a web chat front end calling the API from the browser
	kElectron // a desktop chat client embedding the OpenAI JS SDK
)

// stack is one concrete client stack.
type stack struct {
	kind      stackKind
	version   string // SDK or app version
	os, arch  string
	runtime   string // runtime version
	ja4       string
	async     bool
	timeout   string
	uaExtra   string // browser / electron user agent
	origin    string // browser front end origin
	anthropic bool   // speaks the Anthropic dialect (x-api-key)
}

// JA4 fingerprints per TLS stack. Illustrative values in the JA4 format,
// one per TLS library family, so that stacks sharing a TLS library share
// a JA4 the way real clients do.
var (
	ja4PyOpenSSL  = []string{"t13d1812h1_85036bcba153_b26ce05bbdaa", "t13d1812h1_85036bcba153_375ca2c5e164"}
	ja4Node       = []string{"t13d1712h1_5b57614c22b0_3d5424432f57", "t13d1712h1_5b57614c22b0_eca864cca44a"}
	ja4Go         = "t13d1311h2_f57a46bbacb6_e7c285222651"
	ja4Curl       = "t13d3112h2_e8f1e7e78f70_6bebaf5329ac"
	ja4Chrome     = "t13d1516h2_8daaf6152771_b0da82dd1658"
	ja4ChromeOld  = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Electron   = "t13d1516h2_8daaf6152771_d8a2da3f94cd"
	ja4PyRequests = "t13d1812h1_85036bcba153_375ca2c5e164"
)

var (
	verOpenAIPy  = []string{"1.99.9", "1.107.0", "1.109.1", "2.2.0", "2.6.1", "2.8.0"}
	verOpenAINd  = []string{"4.104.0", "5.12.2", "5.20.3", "5.23.2", "6.3.0"}
	verOpenAIGo  = []string{"1.12.0", "2.7.1", "3.8.1"}
	verAntPy     = []string{"0.64.0", "0.68.1", "0.69.0", "0.72.0"}
	verAntTS     = []string{"0.60.0", "0.65.0", "0.67.0", "0.68.0"}
	pyRuntimes   = []string{"3.10.12", "3.11.9", "3.12.3", "3.12.7", "3.13.1"}
	nodeRuntimes = []string{"v18.19.1", "v20.18.0", "v20.19.2", "v22.11.0", "v22.20.0"}
	goRuntimes   = []string{"go1.24.6", "go1.25.3", "go1.26.0"}
	chromeVers   = []string{"138.0.0.0", "139.0.0.0", "140.0.0.0", "141.0.0.0"}
)

func osArch(r *rand.Rand, server bool) (string, string) {
	if server {
		if r.IntN(5) == 0 {
			return "Linux", "arm64"
		}
		return "Linux", "x64"
	}
	switch r.IntN(10) {
	case 0, 1, 2, 3:
		return "MacOS", "arm64"
	case 4, 5, 6:
		return "Windows", "x64"
	case 7:
		return "MacOS", "x64"
	default:
		return "Linux", "x64"
	}
}

// newStack draws a concrete stack of kind k. server picks server-side OS
// and architecture.
func newStack(r *rand.Rand, k stackKind, server bool) *stack {
	s := &stack{kind: k, timeout: "600"}
	s.os, s.arch = osArch(r, server)
	switch k {
	case kOpenAIPython:
		s.version, s.runtime, s.ja4 = pick(r, verOpenAIPy), pick(r, pyRuntimes), pick(r, ja4PyOpenSSL)
		s.async = r.IntN(3) == 0
	case kAnthropicPython:
		s.version, s.runtime, s.ja4, s.anthropic = pick(r, verAntPy), pick(r, pyRuntimes), pick(r, ja4PyOpenSSL), true
		s.async = r.IntN(3) == 0
	case kOpenAINode:
		s.version, s.runtime, s.ja4 = pick(r, verOpenAINd), pick(r, nodeRuntimes), pick(r, ja4Node)
	case kAnthropicTS:
		s.version, s.runtime, s.ja4, s.anthropic = pick(r, verAntTS), pick(r, nodeRuntimes), pick(r, ja4Node), true
	case kOpenAIGo:
		s.version, s.runtime, s.ja4 = pick(r, verOpenAIGo), pick(r, goRuntimes), ja4Go
	case kCurl:
		s.version, s.ja4 = pick(r, []string{"7.81.0", "8.5.0", "8.7.1", "8.11.1"}), ja4Curl
	case kRequests:
		s.version, s.ja4 = pick(r, []string{"2.31.0", "2.32.3", "2.32.4"}), ja4PyRequests
	case kBrowser:
		cv := pick(r, chromeVers)
		s.version = cv
		s.ja4 = ja4Chrome
		if r.IntN(4) == 0 {
			s.ja4 = ja4ChromeOld
		}
		switch s.os {
		case "MacOS":
			s.uaExtra = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + cv + " Safari/537.36"
		case "Windows":
			s.uaExtra = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + cv + " Safari/537.36"
		default:
			s.uaExtra = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + cv + " Safari/537.36"
		}
	case kElectron:
		app := pick(r, []string{"CherryStudio/1.5.11", "CherryStudio/1.6.3", "Chatbox/1.15.2", "Chatbox/1.16.0"})
		s.version, s.runtime, s.ja4 = pick(r, []string{"4.104.0", "5.12.2", "5.20.3"}), "unknown", ja4Electron
		plat := "(Macintosh; Intel Mac OS X 10_15_7)"
		if s.os == "Windows" {
			plat = "(Windows NT 10.0; Win64; x64)"
		}
		s.uaExtra = "Mozilla/5.0 " + plat + " AppleWebKit/537.36 (KHTML, like Gecko) " + app + " Chrome/" + pick(r, []string{"134.0.6998.205", "136.0.7103.149", "138.0.7204.100"}) + " Electron/" + pick(r, []string{"35.7.5", "36.4.0", "37.2.0"}) + " Safari/537.36"
	}
	return s
}

// headers returns the request headers in the stack's wire order.
func (s *stack) headers(r *rand.Rand, key, path string, bodyLen int, stream bool, beta string) [][2]string {
	cl := strconv.Itoa(bodyLen)
	host := "api.sluice.internal"
	retry := "0"
	if r.IntN(60) == 0 {
		retry = "1"
	}
	var h [][2]string
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	auth := func() {
		if s.anthropic {
			add("x-api-key", key)
		} else {
			add("authorization", "Bearer "+key)
		}
	}
	switch s.kind {
	case kOpenAIPython, kAnthropicPython:
		add("host", host)
		add("accept-encoding", "gzip, deflate")
		add("connection", "keep-alive")
		add("accept", "application/json")
		add("content-type", "application/json")
		if s.kind == kOpenAIPython {
			add("user-agent", "OpenAI/Python "+s.version)
		} else {
			add("user-agent", "Anthropic/Python "+s.version)
		}
		add("x-stainless-lang", "python")
		add("x-stainless-package-version", s.version)
		add("x-stainless-os", s.os)
		add("x-stainless-arch", s.arch)
		add("x-stainless-runtime", "CPython")
		add("x-stainless-runtime-version", s.runtime)
		if s.anthropic {
			add("anthropic-version", "2023-06-01")
			if beta != "" {
				add("anthropic-beta", beta)
			}
		}
		auth()
		if s.async {
			add("x-stainless-async", "async:asyncio")
		} else {
			add("x-stainless-async", "false")
		}
		add("x-stainless-retry-count", retry)
		add("x-stainless-read-timeout", s.timeout)
		if s.anthropic {
			add("x-stainless-timeout", s.timeout)
		}
		add("content-length", cl)
	case kOpenAINode, kAnthropicTS, kElectron:
		add("accept", "application/json")
		add("content-type", "application/json")
		switch s.kind {
		case kOpenAINode:
			add("user-agent", "OpenAI/JS "+s.version)
		case kAnthropicTS:
			add("user-agent", "Anthropic/JS "+s.version)
		default:
			add("user-agent", s.uaExtra)
		}
		add("x-stainless-arch", s.arch)
		add("x-stainless-lang", "js")
		add("x-stainless-os", s.os)
		add("x-stainless-package-version", s.version)
		add("x-stainless-retry-count", retry)
		if s.kind == kElectron {
			add("x-stainless-runtime", "browser:chrome")
			add("x-stainless-runtime-version", "136.0.7103")
		} else {
			add("x-stainless-runtime", "node")
			add("x-stainless-runtime-version", s.runtime)
		}
		add("x-stainless-timeout", s.timeout)
		if s.anthropic {
			add("anthropic-version", "2023-06-01")
			if beta != "" {
				add("anthropic-beta", beta)
			}
		}
		auth()
		if s.kind == kElectron {
			add("accept-language", "zh-CN")
			add("sec-fetch-mode", "cors")
		}
		add("host", host)
		add("connection", "keep-alive")
		add("content-length", cl)
		add("accept-encoding", "gzip, deflate")
	case kOpenAIGo:
		add("host", host)
		add("user-agent", "OpenAI/Go "+s.version)
		add("content-length", cl)
		add("accept", "application/json")
		add("authorization", "Bearer "+key)
		add("content-type", "application/json")
		add("idempotency-key", fmt.Sprintf("stainless-go-%08x-%04x", r.Uint32(), r.Uint32()&0xffff))
		add("x-stainless-arch", map[string]string{"x64": "x64", "arm64": "arm64"}[s.arch])
		add("x-stainless-lang", "go")
		add("x-stainless-os", s.os)
		add("x-stainless-package-version", s.version)
		add("x-stainless-retry-count", retry)
		add("x-stainless-runtime", "go")
		add("x-stainless-runtime-version", s.runtime)
		add("accept-encoding", "gzip")
	case kCurl:
		add("host", host)
		add("user-agent", "curl/"+s.version)
		add("accept", "*/*")
		if s.anthropic {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("authorization", "Bearer "+key)
		}
		add("content-type", "application/json")
		add("content-length", cl)
	case kRequests:
		add("host", host)
		add("user-agent", "python-requests/"+s.version)
		add("accept-encoding", "gzip, deflate")
		add("accept", "*/*")
		add("connection", "keep-alive")
		auth()
		if s.anthropic {
			add("anthropic-version", "2023-06-01")
		}
		add("content-type", "application/json")
		add("content-length", cl)
	case kBrowser:
		add("host", host)
		add("content-length", cl)
		add("sec-ch-ua-platform", `"`+s.os+`"`)
		auth()
		add("sec-ch-ua", `"Chromium";v="`+s.version[:3]+`", "Google Chrome";v="`+s.version[:3]+`", "Not_A Brand";v="24"`)
		add("sec-ch-ua-mobile", "?0")
		add("user-agent", s.uaExtra)
		if stream {
			add("accept", "text/event-stream")
		} else {
			add("accept", "application/json, text/plain, */*")
		}
		add("content-type", "application/json")
		add("origin", s.origin)
		add("sec-fetch-site", "cross-site")
		add("sec-fetch-mode", "cors")
		add("sec-fetch-dest", "empty")
		add("referer", s.origin+"/")
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("accept-language", "zh-CN,zh;q=0.9,en;q=0.8")
	}
	return h
}

// account is one credential and the client it uses.
type account struct {
	name  string
	key   string
	stack *stack
}

const base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func randChars(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// newKey returns a credential in the shape of the dialect's keys.
func newKey(r *rand.Rand, anthropic bool) string {
	if anthropic {
		return "sk-ant-api03-" + randChars(r, 86, base62+"-_") + "AA"
	}
	if r.IntN(4) == 0 {
		return "sk-" + randChars(r, 48, base62)
	}
	return "sk-proj-" + randChars(r, 64, base62+"-_") + "T3BlbkFJ" + randChars(r, 64, base62+"-_")
}

func newAccount(r *rand.Rand, name string, s *stack) *account {
	return &account{name: name, key: newKey(r, s.anthropic), stack: s}
}

// ipPool draws addresses from a few network prefixes.
type ipPool struct {
	prefixes []string // "a.b" (a /16) or "a.b.c" (a /24)
}

func (p ipPool) draw(r *rand.Rand) string {
	pre := pick(r, p.prefixes)
	dots := 0
	for i := 0; i < len(pre); i++ {
		if pre[i] == '.' {
			dots++
		}
	}
	if dots == 1 {
		return fmt.Sprintf("%s.%d.%d", pre, r.IntN(254)+1, r.IntN(253)+2)
	}
	return fmt.Sprintf("%s.%d", pre, r.IntN(253)+2)
}

// Network ranges. Chinese ISP, campus, cloud and residential-proxy ranges
// are all drawn from real-looking prefixes.
var (
	cnResidential = ipPool{[]string{"36.112", "36.113", "39.144", "58.246", "61.148", "101.86", "110.184", "112.10", "112.64", "113.87", "114.246", "115.171", "117.136", "120.229", "121.35", "123.112", "124.78", "125.118", "139.207", "180.102", "183.14", "183.195", "218.18", "222.70", "223.104"}}
	globalResid   = ipPool{[]string{"24.6", "73.158", "76.102", "81.2", "86.21", "92.184", "98.207", "109.190", "151.47", "176.63", "185.220", "188.166", "203.206", "211.36", "217.160", "49.36", "1.145", "14.160", "27.122", "59.10"}}
	cloudCN       = ipPool{[]string{"47.96", "47.100", "101.132", "106.14", "118.178", "119.28", "120.55", "139.196", "8.130", "8.140"}}
	cloudGlobal   = ipPool{[]string{"3.85", "13.58", "18.208", "20.42", "34.82", "35.197", "44.201", "52.14", "54.183", "104.196"}}
	ciRunners     = ipPool{[]string{"20.55", "20.102", "20.163", "40.84", "52.234", "172.178", "4.227"}}
)
