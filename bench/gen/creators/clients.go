package creators

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// apiHost is the provider's (that is, the proxy's) host name.
const apiHost = "api.inkwell-ai.com"

type clientKind int

const (
	kPyOpenAI      clientKind = iota // openai-python (httpx)
	kPyAnthropic                     // anthropic-python (httpx)
	kNodeOpenAI                      // openai-node (fetch)
	kNodeAnthropic                   // anthropic-sdk-typescript (fetch)
	kBrowser                         // fetch() from a browser page or extension
	kCurl                            // curl on the command line
	kRequests                        // python-requests script
	kAiohttp                         // aiohttp script
	kGoHTTP                          // Go net/http (relays, harvesters)
	kNodeFetch                       // node-fetch in a self-hosted app
)

// client is one client stack: what it sends besides the body.
type client struct {
	kind    clientKind
	ua      string
	sdkVer  string
	rtVer   string // python or node version
	os      string // x-stainless-os
	arch    string
	async   bool
	ja4     string
	origin  string // browsers: the page or extension
	lang    string // browsers: accept-language
	chUA    string // browsers: sec-ch-ua
	platf   string // browsers: sec-ch-ua-platform
	escHTML bool   // body escapes <, > and &
	beta    string // anthropic-beta, when set
	extra   [][2]string
}

func (c *client) encoder() tracefmt.Encoder { return tracefmt.Encoder{EscapeHTML: c.escHTML} }

// openaiOnly reports whether the client can only speak the OpenAI dialect,
// anthropicOnly the Anthropic one.
func (c *client) openaiOnly() bool    { return c.kind == kPyOpenAI || c.kind == kNodeOpenAI }
func (c *client) anthropicOnly() bool { return c.kind == kPyAnthropic || c.kind == kNodeAnthropic }

// TLS prints. Shaped like JA4 (protocol, version, SNI, cipher and
// extension counts, ALPN; then two truncated hashes); they stand for the
// stacks named, they were not captured from them.
const (
	ja4Chrome   = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Edge     = "t13d1516h2_8daaf6152771_d8a2da3f94cd"
	ja4Firefox  = "t13d1715h2_5b57614c22b0_3d5424432f57"
	ja4Safari   = "t13d2014h2_a09f3c656075_14788d8d241b"
	ja4PyOSSL3  = "t13d1812h1_85036bcba153_b26ce05bbdd6" // CPython ssl, OpenSSL 3.x
	ja4PyOSSL11 = "t13d1713h1_5b234860e130_014b6e3e5b9c" // CPython ssl, OpenSSL 1.1
	ja4Node20   = "t13d1011h1_61a7ad8aa9b6_3a8073adec4a" // undici, node 20
	ja4Node22   = "t13d1012h1_61a7ad8aa9b6_9c6b1a7f6e4d" // undici, node 22
	ja4Curl     = "t13d3112h2_e8f1e7e78f70_375ca2c5e164" // curl, OpenSSL
	ja4CurlMac  = "t13d2912h2_1a7f2e9d6c3b_8f3a3c1d2e77" // curl, macOS LibreSSL
	ja4Go       = "t13d1311h2_f57a46bbacb6_e7c285222651" // Go crypto/tls
	ja4Electron = "t13d1516h2_8daaf6152771_9b1e4f0a3c22"
)

var (
	pyOpenAIVers   = []string{"1.82.0", "1.79.0", "1.75.0", "1.68.2", "1.61.1", "1.54.4", "1.86.0", "1.88.0"}
	pyAnthVers     = []string{"0.52.0", "0.51.0", "0.49.0", "0.45.2", "0.40.0", "0.54.0"}
	nodeOpenAIVers = []string{"4.104.0", "4.98.0", "4.87.3", "5.0.1", "5.3.0", "4.77.0"}
	nodeAnthVers   = []string{"0.52.0", "0.50.4", "0.39.0", "0.53.0"}
	pyVers         = []string{"3.11.9", "3.12.3", "3.10.12", "3.12.10", "3.13.3", "3.9.6", "3.11.11"}
	nodeVers       = []string{"v20.18.1", "v22.15.0", "v20.11.0", "v18.20.4", "v22.12.0"}
	chromeVers     = []string{"137", "136", "138", "135"}
	osArch         = [][3]string{{"Linux", "x64", "X11; Linux x86_64"}, {"MacOS", "arm64", "Macintosh; Intel Mac OS X 10_15_7"}, {"Windows", "x64", "Windows NT 10.0; Win64; x64"}, {"MacOS", "x64", "Macintosh; Intel Mac OS X 10_15_7"}}
)

func pyJA4(pyver string) string {
	if strings.HasPrefix(pyver, "3.9") || strings.HasPrefix(pyver, "3.10") {
		return ja4PyOSSL11
	}
	return ja4PyOSSL3
}

func nodeJA4(v string) string {
	if strings.HasPrefix(v, "v22") {
		return ja4Node22
	}
	return ja4Node20
}

// pyOpenAI returns an openai-python client; zero arguments are drawn.
func pyOpenAI(r *rand.Rand, ver, pyver string, oa int, async bool) *client {
	if ver == "" {
		ver = pick(r, pyOpenAIVers)
	}
	if pyver == "" {
		pyver = pick(r, pyVers)
	}
	if oa < 0 {
		oa = weighted(r, 45, 35, 12, 8)
	}
	ua := "OpenAI/Python " + ver
	if async {
		ua = "AsyncOpenAI/Python " + ver
	}
	return &client{kind: kPyOpenAI, ua: ua, sdkVer: ver, rtVer: pyver, os: osArch[oa][0], arch: osArch[oa][1], async: async, ja4: pyJA4(pyver)}
}

func pyAnthropic(r *rand.Rand, ver, pyver string, oa int, async bool) *client {
	if ver == "" {
		ver = pick(r, pyAnthVers)
	}
	if pyver == "" {
		pyver = pick(r, pyVers)
	}
	if oa < 0 {
		oa = weighted(r, 45, 35, 12, 8)
	}
	ua := "Anthropic/Python " + ver
	if async {
		ua = "AsyncAnthropic/Python " + ver
	}
	return &client{kind: kPyAnthropic, ua: ua, sdkVer: ver, rtVer: pyver, os: osArch[oa][0], arch: osArch[oa][1], async: async, ja4: pyJA4(pyver)}
}

func nodeOpenAI(r *rand.Rand, ver, nodever string, oa int) *client {
	if ver == "" {
		ver = pick(r, nodeOpenAIVers)
	}
	if nodever == "" {
		nodever = pick(r, nodeVers)
	}
	if oa < 0 {
		oa = weighted(r, 70, 20, 10, 0)
	}
	return &client{kind: kNodeOpenAI, ua: "OpenAI/JS " + ver, sdkVer: ver, rtVer: nodever, os: osArch[oa][0], arch: osArch[oa][1], ja4: nodeJA4(nodever)}
}

func nodeAnthropic(r *rand.Rand, ver, nodever string, oa int) *client {
	if ver == "" {
		ver = pick(r, nodeAnthVers)
	}
	if nodever == "" {
		nodever = pick(r, nodeVers)
	}
	if oa < 0 {
		oa = weighted(r, 70, 20, 10, 0)
	}
	return &client{kind: kNodeAnthropic, ua: "Anthropic/JS " + ver, sdkVer: ver, rtVer: nodever, os: osArch[oa][0], arch: osArch[oa][1], ja4: nodeJA4(nodever)}
}

var acceptLangs = map[string][]string{
	"us":    {"en-US,en;q=0.9"},
	"eu":    {"en-GB,en;q=0.9", "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7", "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", "es-ES,es;q=0.9,en;q=0.8", "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7", "pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7", "it-IT,it;q=0.9,en-US;q=0.8,en;q=0.7"},
	"latam": {"es-419,es;q=0.9,en;q=0.8", "pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7", "es-MX,es;q=0.9,en;q=0.8"},
	"in":    {"en-IN,en;q=0.9,hi;q=0.8", "en-US,en;q=0.9"},
	"apac":  {"ja,en-US;q=0.9,en;q=0.8", "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7", "en-AU,en;q=0.9", "id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7"},
	"af":    {"en-ZA,en;q=0.9", "en-NG,en;q=0.9", "fr-FR,fr;q=0.9,en;q=0.8"},
}

// browser returns a Chromium (mostly), Firefox or Safari page or extension.
func browser(r *rand.Rand, reg, origin string, allowSafari bool) *client {
	langs := acceptLangs[reg]
	if langs == nil {
		langs = acceptLangs["us"]
	}
	c := &client{kind: kBrowser, origin: origin, lang: pick(r, langs)}
	oa := osArch[weighted(r, 8, 30, 55, 0)]
	w := []float64{70, 15, 12, 0}
	if allowSafari {
		w[3] = 10
	}
	switch weighted(r, w...) {
	case 0, 1: // Chrome or Edge
		v := pick(r, chromeVers)
		c.ua = "Mozilla/5.0 (" + oa[2] + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + v + ".0.0.0 Safari/537.36"
		brand := `"Google Chrome";v="` + v + `"`
		c.ja4 = ja4Chrome
		if oa[0] == "Windows" && r.IntN(3) == 0 {
			c.ua += " Edg/" + v + ".0.0.0"
			brand = `"Microsoft Edge";v="` + v + `"`
			c.ja4 = ja4Edge
		}
		c.chUA = `"Chromium";v="` + v + `", ` + brand + `, "Not/A)Brand";v="24"`
		c.platf = map[string]string{"Linux": `"Linux"`, "MacOS": `"macOS"`, "Windows": `"Windows"`}[oa[0]]
	case 2:
		v := pick(r, []string{"139.0", "138.0", "128.0", "140.0"})
		plat := map[string]string{"Linux": "X11; Linux x86_64; rv:" + v, "MacOS": "Macintosh; Intel Mac OS X 10.15; rv:" + v, "Windows": "Windows NT 10.0; Win64; x64; rv:" + v}[oa[0]]
		c.ua = "Mozilla/5.0 (" + plat + ") Gecko/20100101 Firefox/" + v
		c.ja4 = ja4Firefox
		if strings.HasPrefix(origin, "chrome-extension://") {
			c.origin = "moz-extension://" + uuidish(r)
		}
	default:
		c.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15"
		c.ja4 = ja4Safari
	}
	return c
}

func uuidish(r *rand.Rand) string {
	const hx = "0123456789abcdef"
	b := make([]byte, 36)
	for i := range b {
		switch i {
		case 8, 13, 18, 23:
			b[i] = '-'
		default:
			b[i] = hx[r.IntN(16)]
		}
	}
	return string(b)
}

func curlClient(r *rand.Rand, mac bool) *client {
	if mac {
		return &client{kind: kCurl, ua: "curl/" + pick(r, []string{"8.7.1", "8.4.0"}), ja4: ja4CurlMac}
	}
	return &client{kind: kCurl, ua: "curl/" + pick(r, []string{"8.5.0", "7.81.0", "8.12.1", "7.88.1"}), ja4: ja4Curl}
}

func requestsClient(r *rand.Rand) *client {
	pv := pick(r, pyVers)
	return &client{kind: kRequests, ua: "python-requests/" + pick(r, []string{"2.32.3", "2.31.0", "2.28.2", "2.32.4"}), rtVer: pv, ja4: pyJA4(pv)}
}

func aiohttpClient(r *rand.Rand) *client {
	pv := pick(r, pyVers)
	return &client{kind: kAiohttp, ua: "Python/" + pv[:strings.LastIndexByte(pv, '.')] + " aiohttp/" + pick(r, []string{"3.9.5", "3.10.11", "3.11.18"}), rtVer: pv, ja4: pyJA4(pv)}
}

func goClient(ua string) *client {
	if ua == "" {
		ua = "Go-http-client/2.0"
	}
	return &client{kind: kGoHTTP, ua: ua, ja4: ja4Go, escHTML: true}
}

// headers returns the request's headers in wire order.
func (c *client) headers(path, key string, n int, stream bool, r *rand.Rand) [][2]string {
	anth := path == "/v1/messages"
	cl := strconv.Itoa(n)
	var h [][2]string
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	cred := func(lower bool) {
		switch {
		case anth && lower:
			add("x-api-key", key)
		case anth:
			add("X-Api-Key", key)
		case lower:
			add("authorization", "Bearer "+key)
		default:
			add("Authorization", "Bearer "+key)
		}
	}
	stainless := func(lang, runtime string) {
		add("x-stainless-lang", lang)
		add("x-stainless-package-version", c.sdkVer)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", runtime)
		add("x-stainless-runtime-version", c.rtVer)
	}
	switch c.kind {
	case kPyOpenAI, kPyAnthropic:
		add("host", apiHost)
		add("accept-encoding", "gzip, deflate")
		add("connection", "keep-alive")
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", c.ua)
		stainless("python", "CPython")
		if c.kind == kPyAnthropic {
			add("anthropic-version", "2023-06-01")
			if c.beta != "" {
				add("anthropic-beta", c.beta)
			}
		}
		cred(true)
		if c.async {
			add("x-stainless-async", "async:asyncio")
		} else {
			add("x-stainless-async", "false")
		}
		add("x-stainless-retry-count", "0")
		add("x-stainless-read-timeout", "600")
		if c.kind == kPyAnthropic {
			add("x-stainless-timeout", "600")
		}
		h = append(h, c.extra...)
		add("content-length", cl)
	case kNodeOpenAI, kNodeAnthropic:
		add("host", apiHost)
		add("connection", "keep-alive")
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", c.ua)
		stainless("js", "node")
		if c.kind == kNodeAnthropic {
			add("anthropic-version", "2023-06-01")
			if c.beta != "" {
				add("anthropic-beta", c.beta)
			}
		}
		cred(true)
		add("x-stainless-retry-count", "0")
		add("x-stainless-timeout", "600")
		h = append(h, c.extra...)
		add("accept-language", "*")
		add("sec-fetch-mode", "cors")
		add("accept-encoding", "gzip, deflate")
		add("content-length", cl)
	case kBrowser:
		add("host", apiHost)
		add("content-length", cl)
		if c.chUA != "" {
			add("sec-ch-ua-platform", c.platf)
		}
		cred(true)
		if anth {
			add("anthropic-version", "2023-06-01")
			add("anthropic-dangerous-direct-browser-access", "true")
		}
		if c.chUA != "" {
			add("sec-ch-ua", c.chUA)
			add("sec-ch-ua-mobile", "?0")
		}
		add("user-agent", c.ua)
		if stream {
			add("accept", "text/event-stream")
		} else {
			add("accept", "*/*")
		}
		add("content-type", "application/json")
		h = append(h, c.extra...)
		if c.origin != "" {
			add("origin", c.origin)
		}
		if strings.Contains(c.origin, "-extension://") {
			add("sec-fetch-site", "none")
		} else {
			add("sec-fetch-site", "cross-site")
		}
		add("sec-fetch-mode", "cors")
		add("sec-fetch-dest", "empty")
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("accept-language", c.lang)
		add("priority", "u=1, i")
	case kCurl:
		add("Host", apiHost)
		add("User-Agent", c.ua)
		add("Accept", "*/*")
		add("Content-Type", "application/json")
		cred(false)
		if anth {
			add("anthropic-version", "2023-06-01")
		}
		add("Content-Length", cl)
	case kRequests:
		add("Host", apiHost)
		add("User-Agent", c.ua)
		add("Accept-Encoding", "gzip, deflate")
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		cred(false)
		if anth {
			add("anthropic-version", "2023-06-01")
		}
		add("Content-Type", "application/json")
		h = append(h, c.extra...)
		add("Content-Length", cl)
	case kAiohttp:
		add("Host", apiHost)
		cred(false)
		if anth {
			add("anthropic-version", "2023-06-01")
		}
		add("Content-Type", "application/json")
		h = append(h, c.extra...)
		add("Accept", "*/*")
		add("Accept-Encoding", "gzip, deflate")
		add("User-Agent", c.ua)
		add("Content-Length", cl)
	case kNodeFetch:
		add("host", apiHost)
		add("connection", "keep-alive")
		add("content-type", "application/json")
		cred(true)
		if anth {
			add("anthropic-version", "2023-06-01")
		}
		h = append(h, c.extra...)
		add("accept", "*/*")
		add("content-length", cl)
		add("user-agent", c.ua)
		add("accept-encoding", "gzip,deflate")
	case kGoHTTP: // HTTP/2: lower case, Go writes the rest sorted
		var rest [][2]string
		rest = append(rest, [2]string{"content-type", "application/json"})
		if anth {
			rest = append(rest, [2]string{"anthropic-version", "2023-06-01"}, [2]string{"x-api-key", key})
		} else {
			rest = append(rest, [2]string{"authorization", "Bearer " + key})
		}
		if stream {
			rest = append(rest, [2]string{"accept", "text/event-stream"})
		}
		rest = append(rest, c.extra...)
		sortHeaders(rest)
		add("host", apiHost)
		h = append(h, rest...)
		add("user-agent", c.ua)
		add("content-length", cl)
		add("accept-encoding", "gzip")
	}
	return h
}

func sortHeaders(h [][2]string) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j][0] < h[j-1][0]; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}
