package civic

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// lang is the family of a client stack: which library builds the request
// and so which headers, in which order and case, and which JSON it sends.
type lang uint8

const (
	lPy       lang = iota // openai-python / anthropic-python on httpx (HTTP/1.1)
	lNodeOld              // openai-node 4 / anthropic-sdk-typescript on node-fetch
	lNode                 // newer Node SDKs on the built-in fetch (undici)
	lGo                   // openai-go / anthropic-sdk-go on net/http, HTTP/2
	lJava                 // openai-java / anthropic-java on OkHttp, HTTP/2
	lDotnet               // OpenAI .NET on HttpClient
	lCurl                 // curl from a shell script
	lRequests             // python-requests with hand-written headers
	lBrowser              // fetch() from a browser page or extension
	lIOS                  // an iOS app on URLSession
)

// TLS client fingerprints (JA4) of the stacks: one per TLS library and
// its defaults, so every client of one stack shares one.
const (
	ja4Chrome   = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Firefox  = "t13d1715h2_5b57614c22b0_3d5424432f57"
	ja4Apple    = "t13d2014h2_a09f3c656075_14788d8d241b"
	ja4PyOSSL3  = "t13d1812h1_85036bcba153_375ca2c5e164"
	ja4PyOSSL11 = "t13d1711h1_5b234860e130_a0e9a63ab1c1"
	ja4PyMac    = "t13d4907h1_0d8feac7bc37_7395dae3b2f3"
	ja4Node     = "t13d1712h1_5b57614c22b0_c6b3f6e9d1b5"
	ja4Go       = "t13d1312h2_f57a46bbacb6_e7c285222651"
	ja4Java     = "t13d4413h2_a4d5b3f7e8c1_9e0b1a3f6d27"
	ja4Dotnet   = "t13d1611h1_c866b44c5a26_ed8b4d8d4ac8"
	ja4Curl     = "t13d3112h2_e8f1e7e78f70_b26ce05bbdd6"
)

// kit is one client stack as deployed on one machine or app.
type kit struct {
	lang      lang
	oai, ant  string // SDK versions (stainless SDKs)
	os, arch  string // X-Stainless-OS and -Arch
	rt        string // runtime version
	acceptEnc string // httpx and requests: depends on installed decoders
	ua        string // curl, requests, browsers, iOS apps, custom wrappers
	ja4       string
	spaced    bool   // python json.dumps defaults: ", " and ": ", ASCII only
	async     bool   // the async Python client
	timeout   string // stainless timeout header value, "" to omit
	oldHdr    bool   // an older stainless SDK: no retry/timeout headers
	chUA      string // browser Client Hints
	chPlat    string
	origin    string
	acceptLng string
	firefox   bool
	extra     [][2]string // headers the application adds
}

// Stainless SDK versions seen in mid-2026, newest last.
var (
	oaiPyVers  = []string{"1.59.7", "1.82.1", "1.99.9", "2.3.0", "2.8.1", "2.14.0", "2.21.3", "2.24.0"}
	antPyVers  = []string{"0.42.0", "0.57.1", "0.64.0", "0.69.0", "0.75.0", "0.79.2", "0.81.0"}
	oaiJSVers  = []string{"4.77.3", "4.104.0", "5.23.2", "6.3.0", "6.9.1", "6.15.0"}
	antJSVers  = []string{"0.33.1", "0.39.0", "0.52.0", "0.60.0", "0.68.0", "0.71.2"}
	oaiGoVers  = []string{"1.12.0", "2.7.1", "3.4.0", "3.9.0"}
	antGoVers  = []string{"1.13.0", "1.19.0", "2.1.0", "2.3.0"}
	pyRuntimes = []string{"3.10.12", "3.11.9", "3.11.13", "3.12.3", "3.12.11", "3.13.5", "3.13.7", "3.14.0"}
	nodeRts    = []string{"v18.19.1", "v20.18.1", "v20.19.4", "v22.14.0", "v22.18.0", "v24.6.0"}
	goRts      = []string{"go1.24.6", "go1.25.3", "go1.25.5", "go1.26.1"}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// recent picks from the newer end of a version list.
func recent(r *rand.Rand, s []string) string {
	i := len(s) - 1 - min(len(s)-1, int(r.ExpFloat64()*1.3))
	return s[i]
}

// pyKit is a Python machine with the official SDKs installed.
func pyKit(r *rand.Rand, osName string) *kit {
	k := &kit{lang: lPy, oai: recent(r, oaiPyVers), ant: recent(r, antPyVers), os: osName, arch: "x64",
		rt: recent(r, pyRuntimes), ja4: ja4PyOSSL3, acceptEnc: "gzip, deflate", timeout: "600"}
	switch osName {
	case "MacOS":
		k.arch = pick(r, []string{"arm64", "arm64", "x64"})
		if r.IntN(3) == 0 {
			k.ja4 = ja4PyMac // the system Python, linked to LibreSSL
		}
	case "Linux":
		if r.IntN(4) == 0 {
			k.arch = "arm64"
		}
	}
	if r.IntN(3) == 0 {
		k.acceptEnc = "gzip, deflate, br"
	}
	if r.IntN(6) == 0 {
		k.acceptEnc = "gzip, deflate, br, zstd"
	}
	k.pyAge(r)
	return k
}

// pyAge makes the kit an old, pinned install when its SDK is of 2024-5.
func (k *kit) pyAge(_ *rand.Rand) {
	if strings.HasPrefix(k.oai, "1.5") || strings.HasPrefix(k.oai, "1.8") || k.ant == "0.42.0" {
		k.spaced = true // httpx < 0.28 serialised with json.dumps' defaults
		k.oldHdr = true
		if k.rt >= "3.12" {
			k.rt = "3.11.4"
		}
		k.ja4 = ja4PyOSSL11
	}
}

// nodeKit is a Node.js service with the official SDKs.
func nodeKit(r *rand.Rand, osName string) *kit {
	k := &kit{lang: lNode, oai: recent(r, oaiJSVers), ant: recent(r, antJSVers), os: osName, arch: "x64",
		rt: recent(r, nodeRts), ja4: ja4Node, timeout: "600"}
	if strings.HasPrefix(k.oai, "4.") {
		k.lang = lNodeOld
		k.ant = pick(r, antJSVers[:2])
	}
	if osName == "MacOS" {
		k.arch = "arm64"
	}
	return k
}

func goKit(r *rand.Rand) *kit {
	return &kit{lang: lGo, oai: recent(r, oaiGoVers), ant: recent(r, antGoVers), os: "Linux", arch: "x64",
		rt: recent(r, goRts), ja4: ja4Go}
}

func javaKit(r *rand.Rand) *kit {
	return &kit{lang: lJava, oai: pick(r, []string{"3.6.0", "4.2.0", "4.5.1"}), ant: pick(r, []string{"2.6.0", "2.9.0"}),
		os: "Linux", arch: "x64", rt: pick(r, []string{"17.0.15", "21.0.7", "21.0.8"}), ja4: ja4Java}
}

func dotnetKit(r *rand.Rand, winBuild string) *kit {
	return &kit{lang: lDotnet, oai: pick(r, []string{"2.1.0", "2.2.0", "2.5.0"}),
		rt: pick(r, []string{".NET 8.0.11", ".NET 8.0.19", ".NET 9.0.8"}), os: "Microsoft Windows " + winBuild, ja4: ja4Dotnet}
}

func curlKit(r *rand.Rand) *kit {
	return &kit{lang: lCurl, ua: "curl/" + pick(r, []string{"7.81.0", "8.5.0", "8.7.1", "8.12.1", "8.14.1"}), ja4: ja4Curl}
}

func requestsKit(r *rand.Rand) *kit {
	k := &kit{lang: lRequests, ua: "python-requests/" + pick(r, []string{"2.28.1", "2.31.0", "2.32.3", "2.32.4", "2.32.5"}),
		ja4: ja4PyOSSL3, acceptEnc: "gzip, deflate", spaced: true}
	if r.IntN(4) == 0 {
		k.acceptEnc = "gzip, deflate, br"
	}
	return k
}

// Browsers of mid-2026.
type browser struct {
	ua, chUA, plat string
	firefox        bool
	ja4            string
}

func chromeUA(osPart string, v int, edge bool) string {
	s := fmt.Sprintf("Mozilla/5.0 (%s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36", osPart, v)
	if edge {
		s += fmt.Sprintf(" Edg/%d.0.0.0", v)
	}
	return s
}

func newBrowser(r *rand.Rand) browser {
	v := 146 + r.IntN(3)
	osParts := []struct{ ua, plat string }{
		{"Windows NT 10.0; Win64; x64", `"Windows"`}, {"Windows NT 10.0; Win64; x64", `"Windows"`},
		{"Macintosh; Intel Mac OS X 10_15_7", `"macOS"`}, {"X11; CrOS x86_64 16328.65.0", `"Chrome OS"`},
		{"X11; Linux x86_64", `"Linux"`},
	}
	o := pick(r, osParts)
	switch n := r.IntN(20); {
	case n < 3: // Edge
		return browser{ua: chromeUA("Windows NT 10.0; Win64; x64", v, true), plat: `"Windows"`, ja4: ja4Chrome,
			chUA: fmt.Sprintf(`"Chromium";v="%d", "Microsoft Edge";v="%d", "Not.A/Brand";v="99"`, v, v)}
	case n < 5: // Firefox
		fv := 149 + r.IntN(3)
		osf := pick(r, []string{"Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10.15", "X11; Ubuntu; Linux x86_64"})
		return browser{ua: fmt.Sprintf("Mozilla/5.0 (%s; rv:%d.0) Gecko/20100101 Firefox/%d.0", osf, fv, fv), firefox: true, ja4: ja4Firefox}
	default:
		return browser{ua: chromeUA(o.ua, v, false), plat: o.plat, ja4: ja4Chrome,
			chUA: fmt.Sprintf(`"Google Chrome";v="%d", "Chromium";v="%d", "Not.A/Brand";v="24"`, v, v)}
	}
}

func browserKit(b browser, origin, acceptLang string) *kit {
	return &kit{lang: lBrowser, ua: b.ua, chUA: b.chUA, chPlat: b.plat, firefox: b.firefox, ja4: b.ja4, origin: origin, acceptLng: acceptLang}
}

func iosKit(app, build string, r *rand.Rand) *kit {
	cf := pick(r, []string{"3826.500.131 Darwin/24.5.0", "3826.600.41 Darwin/24.6.0", "3860.100.1 Darwin/25.0.0", "3860.200.71 Darwin/25.1.0"})
	return &kit{lang: lIOS, ua: app + "/" + build + " CFNetwork/" + cf, ja4: ja4Apple, acceptLng: pick(r, []string{"en-US,en;q=0.9", "es-US,es;q=0.9,en;q=0.8", "en-GB,en;q=0.9"})}
}

// encode serialises q's body as the kit's library does.
func (k *kit) encode(q req) []byte {
	body := q.body
	switch k.lang {
	case lPy, lGo, lJava, lDotnet:
		body = sdkOrder(body, q.anthropic)
	}
	enc := tracefmt.Encoder{}
	switch k.lang {
	case lGo, lDotnet:
		enc = tracefmt.Encoder{EscapeHTML: true, Float: 'f'}
	case lNode, lNodeOld, lBrowser, lJava, lIOS:
		enc.Float = 'f'
	}
	b := enc.Marshal(body)
	if k.spaced {
		b = pyDumps(b)
	}
	return b
}

// sdkOrder puts the body's members in the order the generated SDKs write
// them: the required parameters first, then the rest alphabetically.
func sdkOrder(o tracefmt.Obj, anthropic bool) tracefmt.Obj {
	out := slices.Clone(o)
	rank := func(k string) string {
		if anthropic {
			return k
		}
		switch k {
		case "messages":
			return "\x00"
		case "model":
			return "\x01"
		}
		return k
	}
	slices.SortStableFunc(out, func(a, b tracefmt.KV) int { return strings.Compare(rank(a.Key), rank(b.Key)) })
	return out
}

// pyDumps rewrites compact JSON as Python's json.dumps writes it by
// default: ", " and ": " between members, non-ASCII as \u escapes.
func pyDumps(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	in := false
	for i := 0; i < len(b); {
		c := b[i]
		if in {
			switch {
			case c == '\\':
				out = append(out, c, b[i+1])
				i += 2
				continue
			case c == '"':
				in = false
			case c >= utf8.RuneSelf:
				ru, n := utf8.DecodeRune(b[i:])
				if ru >= 0x10000 {
					ru -= 0x10000
					out = fmt.Appendf(out, `\u%04x\u%04x`, 0xd800+(ru>>10), 0xdc00+(ru&0x3ff))
				} else {
					out = fmt.Appendf(out, `\u%04x`, ru)
				}
				i += n
				continue
			}
			out = append(out, c)
			i++
			continue
		}
		out = append(out, c)
		switch c {
		case '"':
			in = true
		case ',', ':':
			out = append(out, ' ')
		}
		i++
	}
	return out
}

const anthropicVersion = "2023-06-01"

// headers returns the request headers in wire order.
func (k *kit) headers(r *rand.Rand, q req, key string, n, retry int) [][2]string {
	cl := strconv.Itoa(n)
	var h [][2]string
	add := func(kv ...string) {
		for i := 0; i < len(kv); i += 2 {
			h = append(h, [2]string{kv[i], kv[i+1]})
		}
	}
	auth := func(lower bool) {
		switch {
		case q.anthropic && lower:
			add("x-api-key", key, "anthropic-version", anthropicVersion)
		case q.anthropic:
			add("X-Api-Key", key, "anthropic-version", anthropicVersion)
		case lower:
			add("authorization", "Bearer "+key)
		default:
			add("Authorization", "Bearer "+key)
		}
		if q.beta != "" {
			add("anthropic-beta", q.beta)
		}
	}
	sdkUA := func(sep string) string {
		switch {
		case q.anthropic && k.lang == lGo:
			return "Anthropic/Go " + k.ant
		case q.anthropic && k.lang == lJava:
			return "Anthropic/Java " + k.ant
		case q.anthropic && (k.lang == lNode || k.lang == lNodeOld):
			return "Anthropic/JS " + k.ant
		case q.anthropic:
			return "Anthropic/Python " + k.ant
		case k.lang == lGo:
			return "OpenAI/Go " + k.oai
		case k.lang == lJava:
			return "OpenAI/Java " + k.oai
		case k.lang == lNode || k.lang == lNodeOld:
			return "OpenAI/JS " + k.oai
		}
		return "OpenAI/Python" + sep + k.oai
	}
	ver := k.oai
	if q.anthropic {
		ver = k.ant
	}
	switch k.lang {
	case lPy:
		add("Host", Host, "Accept", "application/json", "Accept-Encoding", k.acceptEnc, "Connection", "keep-alive",
			"User-Agent", sdkUA(" "), "Content-Type", "application/json", "X-Stainless-Lang", "python",
			"X-Stainless-Package-Version", ver, "X-Stainless-OS", k.os, "X-Stainless-Arch", k.arch,
			"X-Stainless-Runtime", "CPython", "X-Stainless-Runtime-Version", k.rt)
		auth(false)
		add("X-Stainless-Async", map[bool]string{false: "false", true: "async:asyncio"}[k.async])
		h = append(h, q.extra...)
		h = append(h, k.extra...)
		if !k.oldHdr {
			to := "x-stainless-read-timeout"
			if q.anthropic {
				to = "x-stainless-timeout"
			}
			add("x-stainless-retry-count", strconv.Itoa(retry), to, k.timeout)
		}
		add("Content-Length", cl)
	case lNodeOld:
		add("Content-Length", cl, "Accept", "application/json", "Content-Type", "application/json",
			"User-Agent", sdkUA(""), "X-Stainless-Lang", "js", "X-Stainless-Package-Version", ver,
			"X-Stainless-OS", k.os, "X-Stainless-Arch", k.arch, "X-Stainless-Runtime", "node",
			"X-Stainless-Runtime-Version", k.rt)
		auth(false)
		h = append(h, q.extra...)
		h = append(h, k.extra...)
		add("x-stainless-retry-count", strconv.Itoa(retry), "Accept-Encoding", "gzip,deflate", "Host", Host, "Connection", "keep-alive")
	case lNode:
		// undici sends the Headers list sorted, names in lower case
		add("host", Host, "connection", "keep-alive")
		var s [][2]string
		s = append(s, [2]string{"accept", "application/json"}, [2]string{"content-type", "application/json"},
			[2]string{"user-agent", sdkUA("")}, [2]string{"x-stainless-arch", k.arch}, [2]string{"x-stainless-lang", "js"},
			[2]string{"x-stainless-os", k.os}, [2]string{"x-stainless-package-version", ver},
			[2]string{"x-stainless-retry-count", strconv.Itoa(retry)}, [2]string{"x-stainless-runtime", "node"},
			[2]string{"x-stainless-runtime-version", k.rt}, [2]string{"x-stainless-timeout", k.timeout})
		if q.anthropic {
			s = append(s, [2]string{"x-api-key", key}, [2]string{"anthropic-version", anthropicVersion})
			if q.beta != "" {
				s = append(s, [2]string{"anthropic-beta", q.beta})
			}
		} else {
			s = append(s, [2]string{"authorization", "Bearer " + key})
		}
		for _, e := range append(slices.Clone(q.extra), k.extra...) {
			s = append(s, [2]string{strings.ToLower(e[0]), e[1]})
		}
		slices.SortStableFunc(s, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
		h = append(h, s...)
		add("accept-language", "*", "sec-fetch-mode", "cors", "accept-encoding", "gzip, deflate", "content-length", cl)
	case lGo:
		// HTTP/2: the header map in Go's (random) map order, then what the transport adds
		s := [][2]string{{"accept", "application/json"}, {"content-type", "application/json"}, {"user-agent", sdkUA("")},
			{"x-stainless-arch", k.arch}, {"x-stainless-lang", "go"}, {"x-stainless-os", k.os},
			{"x-stainless-package-version", ver}, {"x-stainless-retry-count", strconv.Itoa(retry)},
			{"x-stainless-runtime", "go"}, {"x-stainless-runtime-version", k.rt}}
		if q.anthropic {
			s = append(s, [2]string{"x-api-key", key}, [2]string{"anthropic-version", anthropicVersion})
			if q.beta != "" {
				s = append(s, [2]string{"anthropic-beta", q.beta})
			}
		} else {
			s = append(s, [2]string{"authorization", "Bearer " + key})
		}
		for _, e := range append(slices.Clone(q.extra), k.extra...) {
			s = append(s, [2]string{strings.ToLower(e[0]), e[1]})
		}
		r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		h = append(h, s...)
		add("content-length", cl, "accept-encoding", "gzip")
	case lJava:
		add("x-stainless-arch", k.arch, "x-stainless-lang", "java", "x-stainless-os", k.os,
			"x-stainless-package-version", ver, "x-stainless-runtime", "JRE", "x-stainless-runtime-version", k.rt,
			"user-agent", sdkUA(""))
		auth(true)
		add("accept", "application/json", "x-stainless-retry-count", strconv.Itoa(retry), "x-stainless-timeout", "600")
		for _, e := range append(slices.Clone(q.extra), k.extra...) {
			add(strings.ToLower(e[0]), e[1])
		}
		add("content-type", "application/json; charset=utf-8", "content-length", cl, "accept-encoding", "gzip")
	case lDotnet:
		add("Host", Host)
		auth(false)
		add("Accept", "application/json", "User-Agent", fmt.Sprintf("OpenAI/%s (%s; %s)", k.oai, k.rt, k.os))
		add("traceparent", fmt.Sprintf("00-%016x%016x-%016x-00", r.Uint64(), r.Uint64(), r.Uint64()))
		h = append(h, q.extra...)
		h = append(h, k.extra...)
		add("Content-Type", "application/json", "Content-Length", cl)
	case lCurl:
		add("Host", Host, "User-Agent", k.ua, "Accept", "*/*", "Content-Type", "application/json")
		if q.anthropic {
			add("x-api-key", key, "anthropic-version", anthropicVersion)
		} else {
			add("Authorization", "Bearer "+key)
		}
		h = append(h, q.extra...)
		h = append(h, k.extra...)
		add("Content-Length", cl)
	case lRequests:
		add("Host", Host, "User-Agent", k.ua, "Accept-Encoding", k.acceptEnc, "Accept", "*/*", "Connection", "keep-alive")
		if q.anthropic {
			add("x-api-key", key, "anthropic-version", anthropicVersion)
		} else {
			add("Authorization", "Bearer "+key)
		}
		h = append(h, q.extra...)
		h = append(h, k.extra...)
		add("Content-Type", "application/json", "Content-Length", cl)
	case lBrowser:
		if k.firefox {
			add("user-agent", k.ua, "accept", "*/*", "accept-language", k.acceptLng, "accept-encoding", "gzip, deflate, br, zstd",
				"content-type", "application/json")
			auth(true)
			if q.anthropic {
				add("anthropic-dangerous-direct-browser-access", "true")
			}
			add("content-length", cl, "origin", k.origin, "sec-fetch-dest", "empty", "sec-fetch-mode", "cors",
				"sec-fetch-site", "cross-site", "priority", "u=4", "te", "trailers")
			break
		}
		add("content-length", cl, "sec-ch-ua-platform", k.chPlat)
		auth(true)
		if q.anthropic {
			add("anthropic-dangerous-direct-browser-access", "true")
		}
		add("sec-ch-ua", k.chUA, "content-type", "application/json", "sec-ch-ua-mobile", "?0", "user-agent", k.ua,
			"accept", "*/*", "origin", k.origin)
		site := "cross-site"
		if strings.HasPrefix(k.origin, "chrome-extension://") {
			site = "none"
		}
		add("sec-fetch-site", site, "sec-fetch-mode", "cors", "sec-fetch-dest", "empty",
			"accept-encoding", "gzip, deflate, br, zstd", "accept-language", k.acceptLng, "priority", "u=1, i")
	case lIOS:
		add("Host", Host, "Content-Type", "application/json", "Accept", "*/*")
		if q.anthropic {
			add("x-api-key", key, "anthropic-version", anthropicVersion)
		} else {
			add("Authorization", "Bearer "+key)
		}
		add("Accept-Language", k.acceptLng, "Accept-Encoding", "gzip, deflate, br", "User-Agent", k.ua, "Content-Length", cl, "Connection", "keep-alive")
	}
	return h
}
