package sim

import (
	"math/rand/v2"
	"net/netip"
	"strconv"
)

// Dialect is the API family a request is written in.
type Dialect uint8

// Dialects.
const (
	OpenAI Dialect = iota
	Anthropic
)

// stackKind is the software that sends the request.
type stackKind uint8

const (
	kindOpenAIPy   stackKind = iota // the official OpenAI Python SDK
	kindOpenAINode                  // the official OpenAI Node SDK
	kindAnthropicPy
	kindAnthropicTS
	kindBrowser  // fetch from a web page
	kindCurl     // curl scripts
	kindRequests // python-requests
	kindGo       // Go net/http
)

// JA4 of the TLS stacks. The SDKs' prints follow their runtime's TLS
// library, so a Python SDK claims match the Python print.
const (
	ja4Chrome  = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Firefox = "t13d1715h2_5b57614c22b0_3d5424432f57"
	ja4Safari  = "t13d2014h2_a09f3c656075_14788d8d241b"
	ja4Python  = "t13d1812h2_e8a523a41297_7d1ba0d4e7e4"
	ja4PyH1    = "t13d1812h1_e8a523a41297_7d1ba0d4e7e4"
	ja4Node    = "t13d1712h2_5b57614c22b0_7c2e6ddd2f3d"
	ja4Go      = "t13d1311h2_f57a46bbacb6_ab7e3b40a677"
	ja4Curl    = "t13d3112h2_e8f1e7e78f70_375d9e9d6e8e"
)

// stack is one client stack: the header set, its order and the TLS print.
// Stacks are values; every class draws them from the same population.
type stack struct {
	kind    stackKind
	ua      string
	ja4     string
	version string // SDK package version
	runtime string // runtime version
	os      string
	arch    string
	browser string // sec-ch-ua brand line
	lang    string // accept-language
}

var (
	openaiPyVersions   = []string{"1.54.4", "1.59.7", "1.66.3", "1.82.0", "1.99.9", "2.3.0"}
	openaiNodeVersions = []string{"4.77.0", "4.96.0", "5.10.1", "5.23.0"}
	antPyVersions      = []string{"0.42.0", "0.49.0", "0.57.1", "0.64.0"}
	antTSVersions      = []string{"0.33.1", "0.39.0", "0.52.0", "0.60.0"}
	pyRuntimes         = []string{"3.10.14", "3.11.9", "3.12.7", "3.13.1"}
	nodeRuntimes       = []string{"v18.20.4", "v20.18.0", "v22.11.0"}
	sdkOS              = []string{"Linux", "Linux", "MacOS", "Windows"}
	sdkArch            = []string{"x64", "x64", "arm64"}
	acceptLangs        = []string{"en-US,en;q=0.9", "en-GB,en;q=0.8", "de-DE,de;q=0.9,en;q=0.8", "fr-FR,fr;q=0.9", "es-ES,es;q=0.9,en;q=0.7", "ja-JP,ja;q=0.9", "pt-BR,pt;q=0.9,en;q=0.8"}
)

// newStack draws a stack of kind k with population-typical versions.
func newStack(r *rand.Rand, k stackKind) stack {
	s := stack{kind: k, os: pick(r, sdkOS), arch: pick(r, sdkArch)}
	switch k {
	case kindOpenAIPy:
		s.version, s.runtime, s.ja4 = pick(r, openaiPyVersions), pick(r, pyRuntimes), ja4Python
		s.ua = "OpenAI/Python " + s.version
	case kindOpenAINode:
		s.version, s.runtime, s.ja4 = pick(r, openaiNodeVersions), pick(r, nodeRuntimes), ja4Node
		s.ua = "OpenAI/JS " + s.version
	case kindAnthropicPy:
		s.version, s.runtime, s.ja4 = pick(r, antPyVersions), pick(r, pyRuntimes), ja4Python
		s.ua = "Anthropic/Python " + s.version
	case kindAnthropicTS:
		s.version, s.runtime, s.ja4 = pick(r, antTSVersions), pick(r, nodeRuntimes), ja4Node
		s.ua = "Anthropic/JS " + s.version
	case kindBrowser:
		s.lang = pick(r, acceptLangs)
		switch r.IntN(4) {
		case 0, 1:
			v := strconv.Itoa(128 + r.IntN(14))
			s.ua = "Mozilla/5.0 (" + pick(r, []string{"Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10_15_7", "X11; Linux x86_64"}) + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + v + ".0.0.0 Safari/537.36"
			s.browser = `"Chromium";v="` + v + `", "Google Chrome";v="` + v + `", "Not?A_Brand";v="99"`
			s.ja4 = ja4Chrome
		case 2:
			v := strconv.Itoa(128 + r.IntN(14))
			s.ua = "Mozilla/5.0 (" + pick(r, []string{"Windows NT 10.0; Win64; x64; rv:" + v + ".0", "X11; Linux x86_64; rv:" + v + ".0"}) + ") Gecko/20100101 Firefox/" + v + ".0"
			s.ja4 = ja4Firefox
		default:
			s.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" + pick(r, []string{"17.6", "18.1", "18.3"}) + " Safari/605.1.15"
			s.ja4 = ja4Safari
		}
	case kindCurl:
		s.ua, s.ja4 = "curl/"+pick(r, []string{"7.81.0", "8.5.0", "8.7.1", "8.11.1"}), ja4Curl
	case kindRequests:
		s.ua, s.ja4 = "python-requests/"+pick(r, []string{"2.28.2", "2.31.0", "2.32.3"}), ja4PyH1
	case kindGo:
		s.ua, s.ja4 = "Go-http-client/2.0", ja4Go
	}
	return s
}

// stackWeights is the population of client kinds among chat users.
var stackWeights = []float64{
	kindOpenAIPy: 24, kindOpenAINode: 14, kindAnthropicPy: 16, kindAnthropicTS: 9,
	kindBrowser: 20, kindCurl: 5, kindRequests: 8, kindGo: 4,
}

func drawKind(r *rand.Rand, w []float64) stackKind {
	var t float64
	for _, x := range w {
		t += x
	}
	x := r.Float64() * t
	for i, v := range w {
		if x < v {
			return stackKind(i)
		}
		x -= v
	}
	return kindOpenAIPy
}

// dialectOf is the dialect an SDK stack speaks; other stacks speak either,
// and the account chooses.
func (s *stack) dialectOf(r *rand.Rand) Dialect {
	switch s.kind {
	case kindOpenAIPy, kindOpenAINode:
		return OpenAI
	case kindAnthropicPy, kindAnthropicTS:
		return Anthropic
	}
	if r.IntN(2) == 0 {
		return OpenAI
	}
	return Anthropic
}

// headers returns the request headers in the stack's wire order.
func (s *stack) headers(r *rand.Rand, d Dialect, key string, bodyLen int) [][2]string {
	const host = "api.example.com"
	cl := strconv.Itoa(bodyLen)
	h := make([][2]string, 0, 18)
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	auth := func(bearer, xkey string) {
		if d == OpenAI {
			add(bearer, "Bearer "+key)
		} else {
			add(xkey, key)
			add(anthropicVersionName(xkey), "2023-06-01")
		}
	}
	retry := "0"
	if r.IntN(40) == 0 {
		retry = strconv.Itoa(1 + r.IntN(2))
	}
	switch s.kind {
	case kindOpenAIPy, kindAnthropicPy:
		add("host", host)
		add("accept-encoding", "gzip, deflate")
		add("connection", "keep-alive")
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", s.ua)
		s.stainless(add, "python", "CPython")
		auth("authorization", "x-api-key")
		add("x-stainless-async", "false")
		add("x-stainless-retry-count", retry)
		add("x-stainless-read-timeout", "600")
		add("content-length", cl)
	case kindOpenAINode, kindAnthropicTS:
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", s.ua)
		s.stainless(add, "js", "node")
		auth("authorization", "x-api-key")
		add("x-stainless-retry-count", retry)
		add("x-stainless-timeout", "600")
		add("content-length", cl)
		add("host", host)
		add("connection", "keep-alive")
		add("accept-encoding", "gzip, deflate")
	case kindBrowser:
		add("host", host)
		add("content-length", cl)
		if s.browser != "" {
			add("sec-ch-ua", s.browser)
		}
		add("content-type", "application/json")
		auth("authorization", "x-api-key")
		if s.browser != "" {
			add("sec-ch-ua-mobile", "?0")
		}
		add("user-agent", s.ua)
		add("accept", "*/*")
		add("origin", "https://chat.example.org")
		add("sec-fetch-site", "cross-site")
		add("sec-fetch-mode", "cors")
		add("sec-fetch-dest", "empty")
		add("referer", "https://chat.example.org/")
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("accept-language", s.lang)
	case kindCurl:
		add("Host", host)
		add("User-Agent", s.ua)
		add("Accept", "*/*")
		add("Content-Type", "application/json")
		auth("Authorization", "x-api-key")
		add("Content-Length", cl)
	case kindRequests:
		add("Host", host)
		add("User-Agent", s.ua)
		add("Accept-Encoding", "gzip, deflate")
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		add("Content-Type", "application/json")
		auth("Authorization", "x-api-key")
		add("Content-Length", cl)
	case kindGo:
		add("Host", host)
		add("User-Agent", s.ua)
		add("Content-Length", cl)
		auth("Authorization", "X-Api-Key")
		add("Content-Type", "application/json")
		add("Accept-Encoding", "gzip")
	}
	return h
}

// anthropicVersionName spells anthropic-version like the key header.
func anthropicVersionName(xkey string) string {
	if xkey == "X-Api-Key" {
		return "Anthropic-Version"
	}
	return "anthropic-version"
}

func (s *stack) stainless(add func(k, v string), lang, runtime string) {
	add("x-stainless-lang", lang)
	add("x-stainless-package-version", s.version)
	add("x-stainless-os", s.os)
	add("x-stainless-arch", s.arch)
	add("x-stainless-runtime", runtime)
	add("x-stainless-runtime-version", s.runtime)
}

// Address pools. Addresses are synthetic; what matters is their structure:
// residential addresses scatter over many networks, servers sit in a few
// datacenter /24s, an enterprise or a classroom behind one NAT.
var (
	residentialFirst = []byte{24, 47, 67, 68, 71, 73, 76, 82, 86, 90, 93, 98, 99, 108, 109, 151, 174, 176, 178, 188, 190, 201, 212, 217}
	datacenterFirst  = []byte{3, 13, 18, 34, 35, 44, 52, 54, 104, 134, 138, 143, 159, 165, 167}
)

// residentialIP draws a scattered consumer address; about one in six is IPv6.
func residentialIP(r *rand.Rand) string {
	if r.IntN(6) == 0 {
		var a [16]byte
		a[0], a[1] = 0x2a, byte(r.IntN(16))
		for i := 2; i < 8; i++ {
			a[i] = byte(r.IntN(256))
		}
		for i := 8; i < 16; i++ {
			a[i] = byte(r.IntN(256))
		}
		return netip.AddrFrom16(a).String()
	}
	return netip.AddrFrom4([4]byte{pick(r, residentialFirst), byte(r.IntN(256)), byte(r.IntN(256)), byte(1 + r.IntN(254))}).String()
}

// prefix24 is one IPv4 /24.
type prefix24 [3]byte

func datacenterNet(r *rand.Rand) prefix24 {
	return prefix24{pick(r, datacenterFirst), byte(r.IntN(256)), byte(r.IntN(256))}
}

func residentialNet(r *rand.Rand) prefix24 {
	return prefix24{pick(r, residentialFirst), byte(r.IntN(256)), byte(r.IntN(256))}
}

func (p prefix24) ip(host int) string {
	return netip.AddrFrom4([4]byte{p[0], p[1], p[2], byte(host)}).String()
}

const keyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// newKey draws an API key in the dialect's usual shape.
func newKey(r *rand.Rand, d Dialect) string {
	var b []byte
	if d == Anthropic {
		b = append(b, "sk-ant-api03-"...)
	} else {
		b = append(b, "sk-proj-"...)
	}
	for i := 0; i < 40; i++ {
		b = append(b, keyAlphabet[r.IntN(len(keyAlphabet))])
	}
	return string(b)
}
