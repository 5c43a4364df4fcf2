package campus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// kind is a client stack: the software that puts a request on the wire.
type kind int

const (
	pyOpenAI      kind = iota // openai-python (httpx)
	pyAnthropic               // anthropic-python (httpx)
	nodeOpenAI                // openai-node (undici fetch)
	nodeAnthropic             // anthropic-sdk-typescript (undici fetch), also CLIs built on it
	browser                   // a web page calling the API with fetch()
	impersonate               // curl_cffi impersonating Chrome: Chrome TLS and navigation headers
	curlCLI                   // curl on the command line
	pyRequests                // python-requests
	guzzle                    // PHP Guzzle (an LMS plugin)
	goHTTP                    // Go net/http (a relay)
)

// client is one installed client: a stack with its versions and platform.
// Accounts that run the same software share a client value or an equal one.
type client struct {
	kind    kind
	ver     string // SDK or tool version
	runtime string // python or node version
	os      string // X-Stainless-OS
	arch    string
	async   bool
	ua      string // user-agent override (browsers, CLIs, Go)
	origin  string // browsers: the page's origin
	lang    string // browsers: accept-language
	browser string // chrome, firefox, safari
	extra   [][2]string
	ja4     string
	order   int // body member order: orderNatural, orderPy, orderSorted
}

const (
	orderNatural = iota // the caller's own order (JS objects, hand-written JSON)
	orderPy             // Stainless Python SDKs: required parameters, then alphabetical
	orderSorted         // re-marshalled from a Go map: alphabetical at every level
)

func hash12(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:6])
}

// ja4For returns a JA4 print for a TLS stack: the browsers' first parts as
// published, the hashes of the others derived from the stack's name (the
// format is right, the values are synthetic but stable per stack).
func ja4For(stack string) string {
	switch stack {
	case "chrome":
		return "t13d1516h2_8daaf6152771_02713d6af862"
	case "firefox":
		return "t13d1715h2_5b57614c22b0_3d5424432f57"
	case "safari":
		return "t13d2014h2_a09f3c656075_14788d8d241b"
	}
	prefix := map[string]string{
		"python-openssl3":   "t13d1812h1",
		"python-openssl1.1": "t13d1711h1",
		"python-urllib3":    "t13d181100",
		"node20":            "t13d1712h1",
		"node22":            "t13d1713h1",
		"curl-openssl3":     "t13d3112h2",
		"php-curl":          "t13d3113h2",
		"go":                "t13d1312h2",
	}[stack]
	if prefix == "" {
		prefix = "t13d1611h1"
	}
	return prefix + "_" + hash12(stack+"/ciphers") + "_" + hash12(stack+"/extensions")
}

var (
	openaiPyVers    = []string{"1.82.0", "1.97.1", "1.107.2", "1.109.1", "2.2.0", "2.3.0"}
	anthropicPyVers = []string{"0.57.1", "0.64.0", "0.68.0", "0.69.0"}
	openaiJSVers    = []string{"4.104.0", "5.12.2", "5.20.1", "5.23.1"}
	anthropicJSVers = []string{"0.56.0", "0.60.0", "0.65.0"}
	pyRuntimes      = []string{"3.10.12", "3.11.9", "3.11.13", "3.12.3", "3.12.11", "3.13.5"}
	nodeRuntimes    = []string{"v18.20.4", "v20.18.0", "v20.19.5", "v22.12.0", "v22.20.0"}
	curlVers        = []string{"7.81.0", "8.5.0", "8.7.1", "8.14.1"}
	chromeVers      = []string{"139", "140", "141"}
)

func platform(r *rand.Rand) (os, arch string) {
	switch x := r.IntN(10); {
	case x < 4:
		return "MacOS", "arm64"
	case x < 8:
		return "Linux", "x64"
	default:
		return "Windows", "x64"
	}
}

func pySSL(rt string) string {
	if strings.HasPrefix(rt, "3.10") {
		return "python-openssl1.1"
	}
	return "python-openssl3"
}

func nodeSSL(rt string) string {
	if strings.HasPrefix(rt, "v22") {
		return "node22"
	}
	return "node20"
}

// newPy returns a Python SDK client (OpenAI or Anthropic) on a random
// platform.
func newPy(r *rand.Rand, k kind) *client {
	c := &client{kind: k, runtime: pick(r, pyRuntimes), order: orderPy}
	c.os, c.arch = platform(r)
	if k == pyOpenAI {
		c.ver = pick(r, openaiPyVers)
	} else {
		c.ver = pick(r, anthropicPyVers)
	}
	c.ja4 = ja4For(pySSL(c.runtime))
	return c
}

func newNode(r *rand.Rand, k kind) *client {
	c := &client{kind: k, runtime: pick(r, nodeRuntimes), order: orderNatural}
	c.os, c.arch = platform(r)
	if k == nodeOpenAI {
		c.ver = pick(r, openaiJSVers)
	} else {
		c.ver = pick(r, anthropicJSVers)
	}
	c.ja4 = ja4For(nodeSSL(c.runtime))
	return c
}

func newBrowser(r *rand.Rand, origin string) *client {
	c := &client{kind: browser, origin: origin, order: orderNatural}
	c.lang = pick(r, []string{"de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7", "en-US,en;q=0.9", "en-GB,en;q=0.9,de;q=0.8", "de,en-US;q=0.7,en;q=0.3", "fr-FR,fr;q=0.9,en;q=0.8"})
	switch x := r.IntN(10); {
	case x < 6:
		v := pick(r, chromeVers)
		c.browser, c.ver = "chrome", v
		c.os = pick(r, []string{"Windows", "macOS", "Linux"})
		plat := map[string]string{"Windows": "Windows NT 10.0; Win64; x64", "macOS": "Macintosh; Intel Mac OS X 10_15_7", "Linux": "X11; Linux x86_64"}[c.os]
		c.ua = fmt.Sprintf("Mozilla/5.0 (%s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s.0.0.0 Safari/537.36", plat, v)
		c.ja4 = ja4For("chrome")
	case x < 8:
		v := pick(r, []string{"142.0", "143.0", "144.0"})
		c.browser, c.ver = "firefox", v
		c.ua = pick(r, []string{"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:%s) Gecko/20100101 Firefox/%s", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:%s) Gecko/20100101 Firefox/%s", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:%s) Gecko/20100101 Firefox/%s"})
		c.ua = fmt.Sprintf(c.ua, v, v)
		c.ja4 = ja4For("firefox")
	default:
		c.browser, c.ver = "safari", pick(r, []string{"18.6", "26.0", "26.1"})
		c.ua = fmt.Sprintf("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/%s Safari/605.1.15", c.ver)
		c.ja4 = ja4For("safari")
	}
	return c
}

func newCurl(r *rand.Rand) *client {
	return &client{kind: curlCLI, ver: pick(r, curlVers), ja4: ja4For("curl-openssl3"), order: orderNatural}
}

// render returns the headers of a request of c to path with key and a
// body of n bytes, in wire order, as a Go server sees them (Host moved to
// the request line).
func (c *client) headers(path, key string, n int, r *rand.Rand) [][2]string {
	msgs := path == "/v1/messages"
	cl := strconv.Itoa(n)
	var h [][2]string
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	auth := func(title bool) {
		switch {
		case msgs && title:
			add("X-Api-Key", key)
		case msgs:
			add("x-api-key", key)
		case title:
			add("Authorization", "Bearer "+key)
		default:
			add("authorization", "Bearer "+key)
		}
	}
	switch c.kind {
	case pyOpenAI, pyAnthropic:
		add("Accept", "application/json")
		add("Accept-Encoding", "gzip, deflate")
		add("Connection", "keep-alive")
		if c.ua != "" {
			add("User-Agent", c.ua)
		} else if c.kind == pyOpenAI {
			add("User-Agent", "OpenAI/Python "+c.ver)
		} else {
			add("User-Agent", "Anthropic/Python "+c.ver)
		}
		add("Content-Type", "application/json")
		add("X-Stainless-Lang", "python")
		add("X-Stainless-Package-Version", c.ver)
		add("X-Stainless-OS", c.os)
		add("X-Stainless-Arch", c.arch)
		add("X-Stainless-Runtime", "CPython")
		add("X-Stainless-Runtime-Version", c.runtime)
		if msgs {
			add("X-Api-Key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("Authorization", "Bearer "+key)
		}
		if c.async {
			add("X-Stainless-Async", "async:asyncio")
		} else {
			add("X-Stainless-Async", "false")
		}
		h = append(h, c.extra...)
		add("x-stainless-retry-count", "0")
		if c.kind == pyAnthropic {
			add("x-stainless-timeout", "600")
		} else {
			add("x-stainless-read-timeout", "600")
		}
		add("Content-Length", cl)
	case nodeOpenAI, nodeAnthropic:
		add("accept", "application/json")
		if msgs {
			add("anthropic-version", "2023-06-01")
		}
		add("content-type", "application/json")
		switch {
		case c.ua != "":
			add("user-agent", c.ua)
		case c.kind == nodeOpenAI:
			add("user-agent", "OpenAI/JS "+c.ver)
		default:
			add("user-agent", "Anthropic/JS "+c.ver)
		}
		add("x-stainless-retry-count", "0")
		add("x-stainless-timeout", "600")
		add("x-stainless-lang", "js")
		add("x-stainless-package-version", c.ver)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", "node")
		add("x-stainless-runtime-version", c.runtime)
		h = append(h, c.extra...)
		if msgs {
			add("x-api-key", key)
		} else {
			add("authorization", "Bearer "+key)
		}
		add("content-length", cl)
		add("accept-language", "*")
		add("sec-fetch-mode", "cors")
		add("accept-encoding", "gzip, deflate")
	case browser:
		switch c.browser {
		case "chrome":
			add("content-length", cl)
			add("sec-ch-ua-platform", `"`+c.os+`"`)
			auth(false)
			if msgs {
				add("anthropic-version", "2023-06-01")
				add("anthropic-dangerous-direct-browser-access", "true")
			}
			add("sec-ch-ua", fmt.Sprintf(`"Google Chrome";v="%s", "Chromium";v="%s", "Not_A Brand";v="24"`, c.ver, c.ver))
			add("content-type", "application/json")
			add("sec-ch-ua-mobile", "?0")
			add("user-agent", c.ua)
			add("accept", "*/*")
			add("origin", c.origin)
			add("sec-fetch-site", "cross-site")
			add("sec-fetch-mode", "cors")
			add("sec-fetch-dest", "empty")
			add("referer", c.origin+"/")
			add("accept-encoding", "gzip, deflate, br, zstd")
			add("accept-language", c.lang)
			add("priority", "u=1, i")
		case "firefox":
			add("user-agent", c.ua)
			add("accept", "*/*")
			add("accept-language", c.lang)
			add("accept-encoding", "gzip, deflate, br, zstd")
			add("referer", c.origin+"/")
			add("content-type", "application/json")
			auth(false)
			if msgs {
				add("anthropic-version", "2023-06-01")
				add("anthropic-dangerous-direct-browser-access", "true")
			}
			add("content-length", cl)
			add("origin", c.origin)
			add("sec-fetch-dest", "empty")
			add("sec-fetch-mode", "cors")
			add("sec-fetch-site", "cross-site")
			add("priority", "u=4")
		default:
			add("content-type", "application/json")
			add("accept", "*/*")
			auth(false)
			if msgs {
				add("anthropic-version", "2023-06-01")
				add("anthropic-dangerous-direct-browser-access", "true")
			}
			add("sec-fetch-site", "cross-site")
			add("accept-language", c.lang)
			add("accept-encoding", "gzip, deflate, br")
			add("sec-fetch-mode", "cors")
			add("origin", c.origin)
			add("user-agent", c.ua)
			add("referer", c.origin+"/")
			add("content-length", cl)
			add("sec-fetch-dest", "empty")
			add("priority", "u=3, i")
		}
	case impersonate:
		add("sec-ch-ua", fmt.Sprintf(`"Google Chrome";v="%s", "Chromium";v="%s", "Not_A Brand";v="24"`, c.ver, c.ver))
		add("sec-ch-ua-mobile", "?0")
		add("sec-ch-ua-platform", `"Windows"`)
		add("upgrade-insecure-requests", "1")
		add("user-agent", c.ua)
		add("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7")
		add("sec-fetch-site", "none")
		add("sec-fetch-mode", "navigate")
		add("sec-fetch-user", "?1")
		add("sec-fetch-dest", "document")
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("accept-language", "en-US,en;q=0.9")
		add("priority", "u=0, i")
		auth(false)
		if msgs {
			add("anthropic-version", "2023-06-01")
		}
		add("content-type", "application/json")
		add("content-length", cl)
	case curlCLI:
		add("User-Agent", "curl/"+c.ver)
		add("Accept", "*/*")
		if r.IntN(2) == 0 {
			add("Content-Type", "application/json")
			auth(true)
		} else {
			auth(true)
			add("Content-Type", "application/json")
		}
		if msgs {
			add("anthropic-version", "2023-06-01")
		}
		add("Content-Length", cl)
	case pyRequests:
		add("User-Agent", "python-requests/"+c.ver)
		add("Accept-Encoding", "gzip, deflate")
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		if msgs {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("Authorization", "Bearer "+key)
		}
		add("Content-Length", cl)
		add("Content-Type", "application/json")
	case guzzle:
		add("Content-Length", cl)
		add("User-Agent", c.ua)
		if msgs {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("Authorization", "Bearer "+key)
		}
		add("Content-Type", "application/json")
		add("Accept", "application/json")
	case goHTTP:
		// HTTP/2 from net/http: lower-case names; the relay sets its
		// headers from a sorted list and the transport adds gzip last.
		add("content-length", cl)
		if msgs {
			add("anthropic-version", "2023-06-01")
		} else {
			add("authorization", "Bearer "+key)
		}
		add("content-type", "application/json")
		add("user-agent", c.ua)
		if msgs {
			add("x-api-key", key)
		}
		h = append(h, c.extra...)
		add("accept-encoding", "gzip")
	}
	return h
}

// shape returns body in the member order the client's serialiser uses.
func (c *client) shape(path string, body tracefmt.Obj) tracefmt.Obj {
	switch c.order {
	case orderPy:
		first := map[string]int{}
		switch path {
		case "/v1/chat/completions":
			first = map[string]int{"messages": 1, "model": 2}
		case "/v1/completions":
			first = map[string]int{"model": 1, "prompt": 2}
		}
		out := slices.Clone(body)
		slices.SortStableFunc(out, func(a, b tracefmt.KV) int {
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
		return out
	case orderSorted:
		return sortDeep(body).(tracefmt.Obj)
	}
	return body
}

func sortDeep(v any) any {
	switch x := v.(type) {
	case tracefmt.Obj:
		out := make(tracefmt.Obj, len(x))
		for i, m := range x {
			out[i] = tracefmt.KV{Key: m.Key, Value: sortDeep(m.Value)}
		}
		slices.SortStableFunc(out, func(a, b tracefmt.KV) int { return strings.Compare(a.Key, b.Key) })
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = sortDeep(e)
		}
		return out
	case tracefmt.Arr:
		out := make(tracefmt.Arr, len(x))
		for i, e := range x {
			out[i] = sortDeep(e)
		}
		return out
	}
	return v
}

// encoder is the JSON serialiser of the client's language.
func (c *client) encoder() tracefmt.Encoder {
	switch c.kind {
	case goHTTP:
		return tracefmt.Encoder{EscapeHTML: true, Float: 'g'}
	case guzzle:
		return tracefmt.Encoder{Float: 'g'}
	}
	return tracefmt.Encoder{Float: 'f'}
}

// Networks.

// cidr is an IPv4 range a network hands addresses out of.
type cidr struct {
	a, b, c, d byte
	bits       int
}

func (n cidr) addr(i uint32) string {
	base := uint32(n.a)<<24 | uint32(n.b)<<16 | uint32(n.c)<<8 | uint32(n.d)
	size := uint32(1) << (32 - n.bits)
	host := i % size
	if size > 4 {
		host = 1 + i%(size-2) // no network or broadcast address
	}
	v := base + host
	return fmt.Sprintf("%d.%d.%d.%d", v>>24, v>>16&255, v>>8&255, v&255)
}

func (n cidr) random(r *rand.Rand) string { return n.addr(r.Uint32()) }

var (
	campusWifi   = cidr{141, 52, 96, 0, 20} // eduroam NAT pool
	campusLabs   = cidr{141, 52, 64, 0, 22} // lab buildings' NAT
	campusHPC    = cidr{141, 52, 200, 0, 26}
	campusGW     = cidr{141, 52, 8, 16, 29} // the IT gateway's egress
	jupyterHub   = cidr{141, 52, 12, 40, 32}
	campusServer = cidr{141, 52, 12, 0, 24}
	cloudA       = []cidr{{3, 120, 0, 0, 14}, {18, 192, 0, 0, 15}, {35, 156, 0, 0, 14}, {52, 28, 0, 0, 16}}
	cloudB       = []cidr{{34, 89, 0, 0, 16}, {35, 198, 0, 0, 16}, {34, 141, 0, 0, 16}}
	hosting      = []cidr{{95, 216, 0, 0, 15}, {65, 108, 0, 0, 15}, {51, 75, 0, 0, 16}, {5, 75, 128, 0, 17}, {167, 235, 0, 0, 16}, {46, 4, 0, 0, 16}}
	moodleCloud  = cidr{185, 70, 14, 0, 25}
	residential  = []cidr{{84, 128, 0, 0, 10}, {91, 64, 0, 0, 14}, {77, 20, 0, 0, 14}, {178, 24, 0, 0, 13}, {87, 160, 0, 0, 11}, {62, 226, 0, 0, 15}, {188, 192, 0, 0, 12}, {93, 104, 0, 0, 13}}
	mobile       = []cidr{{176, 0, 0, 0, 13}, {37, 80, 0, 0, 13}, {109, 40, 0, 0, 13}, {46, 114, 0, 0, 15}}
)

func residentialIP(r *rand.Rand) string {
	if chance(r, 0.2) {
		return fmt.Sprintf("2a02:%x:%x:%x:%x:%x:%x:%x", pick(r, []int{0x8108, 0x810d, 0x3100, 0x2455, 0x8070}), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff), r.IntN(0xffff))
	}
	return pick(r, residential).random(r)
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// newKey returns a fresh API key with prefix (sk-proj- for people's
// project keys, sk-svcacct- for service accounts).
func newKey(r *rand.Rand, prefix string) string {
	b := make([]byte, 0, len(prefix)+64)
	b = append(b, prefix...)
	for range 56 {
		b = append(b, base62[r.IntN(len(base62))])
	}
	return string(b)
}
