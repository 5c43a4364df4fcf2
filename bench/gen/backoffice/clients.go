package backoffice

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// apiHost is the host name the clients address (the proxy's).
const apiHost = "api.corvid.ai"

// kind is a client stack: the program that writes the request.
type kind int

const (
	kOpenAIPy      kind = iota // openai-python (httpx)
	kAnthropicPy               // anthropic-python (httpx)
	kOpenAINode                // openai-node (undici fetch)
	kAnthropicNode             // @anthropic-ai/sdk on Node
	kAnthropicWeb              // @anthropic-ai/sdk in a browser, direct access
	kBrowserFetch              // a web page's own fetch() to the OpenAI dialect
	kCurl                      // curl from a shell script
	kRequests                  // python-requests
	kAiohttp                   // python aiohttp
	kGo                        // Go net/http, HTTP/1.1
	kGoH2                      // Go net/http, HTTP/2 (gateway software)
	kJava                      // openai-java (OkHttp)
	kDotnet                    // OpenAI .NET (System.ClientModel)
	kLiteLLM                   // LiteLLM proxy: openai-python, async
)

// client is one client stack as seen on the wire.
type client struct {
	kind     kind
	ver      string // SDK or tool version
	rt       string // runtime version
	os, arch string
	ja4      string
	enc      tracefmt.Encoder
	ua       string      // browser user agent (kAnthropicWeb, kBrowserFetch), or a custom one
	origin   string      // browser origin
	extra    [][2]string // headers added on the way (middlebox, app)
}

// ja4 prints of the stacks, by TLS library; a TLS-inspecting middlebox
// replaces the client's with its own.
var ja4s = map[string]string{
	"openssl3-h1": "t13d1812h1_85036bcba153_b26ce05bbdd6",
	"openssl3-h2": "t13d3112h2_e8f1e7e78f70_6bebaf5329ac",
	"node20":      "t13d1712h1_5b57614c22b0_3d5424432f57",
	"node22":      "t13d1713h1_5b57614c22b0_91b2b0fa0b7c",
	"chrome":      "t13d1516h2_8daaf6152771_e5627efa2ab1",
	"edge":        "t13d1516h2_8daaf6152771_02713d6af862",
	"go":          "t13d1311h2_f57a46bbacb6_e7c285222651",
	"go-h1":       "t13d1311h1_f57a46bbacb6_ab2d4c5a1a3e",
	"java17":      "t13d4314h1_f4b6b6b6c4d2_2c1b3e3b0f0c",
	"schannel":    "t13d1912h2_3b5074b1b5d0_81a7a5c1a9c3",
	"zscaler":     "t13d1714h2_5b57614c22b0_9a8f1c7e3d21",
	"bluecoat":    "t12d1309h1_c866b44c5a26_5a2f1f9e0e4b",
	"curl-gnutls": "t13d2013h2_a09f3c656075_26ac6f1e8a3d",
}

func sdk(k kind, ver, rt, ja4 string) *client {
	c := &client{kind: k, ver: ver, rt: rt, os: "Linux", arch: "x64", ja4: ja4s[ja4]}
	switch k {
	case kGo, kGoH2:
		c.enc.EscapeHTML = true
	case kJava, kDotnet:
		c.enc.Float = 'f'
	}
	return c
}

// with returns a copy of c with os and arch set.
func (c *client) with(os, arch string) *client {
	d := *c
	d.os, d.arch = os, arch
	return &d
}

// behind returns a copy of c seen through a TLS-inspecting middlebox: the
// middlebox's TLS print and the headers it adds.
func (c *client) behind(ja4 string, extra ...[2]string) *client {
	d := *c
	d.ja4 = ja4s[ja4]
	d.extra = append(slices.Clone(c.extra), extra...)
	return &d
}

// python SDK body order: the create() signature's leading parameters,
// then the keyword parameters alphabetically.
var pyLead = map[string][]string{
	"/v1/chat/completions": {"messages", "model"},
	"/v1/messages":         {"max_tokens", "messages", "model"},
	"/v1/completions":      {"model", "prompt"},
	"/v1/responses":        nil,
}

func (c *client) encode(path string, body tracefmt.Obj) []byte {
	switch c.kind {
	case kOpenAIPy, kAnthropicPy, kLiteLLM:
		body = pyOrder(path, body)
	}
	return c.enc.Marshal(body)
}

func pyOrder(path string, body tracefmt.Obj) tracefmt.Obj {
	lead := pyLead[path]
	rank := func(k string) int {
		if i := slices.Index(lead, k); i >= 0 {
			return i
		}
		return len(lead)
	}
	out := slices.Clone(body)
	slices.SortStableFunc(out, func(a, b tracefmt.KV) int {
		ra, rb := rank(a.Key), rank(b.Key)
		if ra != rb {
			return ra - rb
		}
		if ra < len(lead) {
			return 0
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}

func stainless(lang, ver, osName, arch, runtime, rtv string) [][2]string {
	return [][2]string{
		{"x-stainless-lang", lang}, {"x-stainless-package-version", ver},
		{"x-stainless-os", osName}, {"x-stainless-arch", arch},
		{"x-stainless-runtime", runtime}, {"x-stainless-runtime-version", rtv},
	}
}

// headers returns the request headers of c for a's request to path with a
// body of n bytes, in wire order.
func (c *client) headers(a *account, path string, n, retry int) [][2]string {
	ant := path == "/v1/messages"
	cl := strconv.Itoa(n)
	rc := strconv.Itoa(retry)
	var h [][2]string
	add := func(kv ...[2]string) { h = append(h, kv...) }
	cred := func(lower bool) [][2]string {
		switch {
		case ant && lower:
			return [][2]string{{"anthropic-version", "2023-06-01"}, {"x-api-key", a.key}}
		case ant:
			return [][2]string{{"anthropic-version", "2023-06-01"}, {"X-Api-Key", a.key}}
		case lower:
			return [][2]string{{"authorization", "Bearer " + a.key}}
		}
		return [][2]string{{"Authorization", "Bearer " + a.key}}
	}
	switch c.kind {
	case kOpenAIPy, kAnthropicPy, kLiteLLM:
		ua, async := "OpenAI/Python "+c.ver, "false"
		if c.kind == kAnthropicPy {
			ua = "Anthropic/Python " + c.ver
		}
		if c.kind == kLiteLLM {
			async = "async:asyncio"
		}
		add([2]string{"host", apiHost}, [2]string{"accept-encoding", "gzip, deflate"},
			[2]string{"connection", "keep-alive"}, [2]string{"accept", "application/json"},
			[2]string{"content-type", "application/json"}, [2]string{"user-agent", ua})
		add(stainless("python", c.ver, c.os, c.arch, "CPython", c.rt)...)
		add(cred(true)...)
		add([2]string{"x-stainless-async", async}, [2]string{"x-stainless-retry-count", rc})
		if c.kind == kAnthropicPy {
			add([2]string{"x-stainless-timeout", "600"})
		} else {
			add([2]string{"x-stainless-read-timeout", "600"})
		}
		add(c.extra...)
		add([2]string{"content-length", cl})
	case kOpenAINode, kAnthropicNode:
		ua := "OpenAI/JS " + c.ver
		if c.kind == kAnthropicNode {
			ua = "Anthropic/JS " + c.ver
		}
		add([2]string{"host", apiHost}, [2]string{"connection", "keep-alive"},
			[2]string{"accept", "application/json"}, [2]string{"content-type", "application/json"},
			[2]string{"user-agent", ua}, [2]string{"x-stainless-retry-count", rc},
			[2]string{"x-stainless-timeout", "600"})
		add(stainless("js", c.ver, c.os, c.arch, "node", c.rt)...)
		add(cred(true)...)
		add(c.extra...)
		add([2]string{"accept-language", "*"}, [2]string{"sec-fetch-mode", "cors"},
			[2]string{"accept-encoding", "gzip, deflate"}, [2]string{"content-length", cl})
	case kAnthropicWeb:
		add([2]string{"content-length", cl}, [2]string{"sec-ch-ua-platform", `"Windows"`},
			[2]string{"x-stainless-os", "Windows"}, [2]string{"anthropic-dangerous-direct-browser-access", "true"},
			[2]string{"x-stainless-lang", "js"}, [2]string{"sec-ch-ua", `"Chromium";v="136", "Google Chrome";v="136", "Not.A/Brand";v="99"`},
			[2]string{"anthropic-version", "2023-06-01"}, [2]string{"x-stainless-runtime-version", "136.0.0"},
			[2]string{"sec-ch-ua-mobile", "?0"}, [2]string{"x-stainless-package-version", c.ver},
			[2]string{"x-stainless-timeout", "600"}, [2]string{"x-stainless-retry-count", rc},
			[2]string{"x-api-key", a.key}, [2]string{"x-stainless-runtime", "browser:chrome"},
			[2]string{"user-agent", c.ua}, [2]string{"accept", "application/json"},
			[2]string{"content-type", "application/json"}, [2]string{"x-stainless-arch", "unknown"},
			[2]string{"origin", c.origin}, [2]string{"sec-fetch-site", "cross-site"},
			[2]string{"sec-fetch-mode", "cors"}, [2]string{"sec-fetch-dest", "empty"},
			[2]string{"referer", c.origin + "/"}, [2]string{"accept-encoding", "gzip, deflate, br, zstd"},
			[2]string{"accept-language", "en-US,en;q=0.9"}, [2]string{"priority", "u=1, i"})
	case kBrowserFetch:
		add([2]string{"content-length", cl}, [2]string{"sec-ch-ua-platform", `"macOS"`},
			[2]string{"authorization", "Bearer " + a.key},
			[2]string{"sec-ch-ua", `"Chromium";v="136", "Google Chrome";v="136", "Not.A/Brand";v="99"`},
			[2]string{"content-type", "application/json"}, [2]string{"sec-ch-ua-mobile", "?0"},
			[2]string{"user-agent", c.ua}, [2]string{"accept", "*/*"}, [2]string{"origin", c.origin},
			[2]string{"sec-fetch-site", "cross-site"}, [2]string{"sec-fetch-mode", "cors"},
			[2]string{"sec-fetch-dest", "empty"}, [2]string{"referer", c.origin + "/"},
			[2]string{"accept-encoding", "gzip, deflate, br, zstd"},
			[2]string{"accept-language", "en-GB,en-US;q=0.9,en;q=0.8"}, [2]string{"priority", "u=1, i"})
	case kCurl:
		add([2]string{"Host", apiHost}, [2]string{"User-Agent", "curl/" + c.ver}, [2]string{"Accept", "*/*"})
		add([2]string{"Content-Type", "application/json"})
		if ant {
			add([2]string{"x-api-key", a.key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"Authorization", "Bearer " + a.key})
		}
		add(c.extra...)
		add([2]string{"Content-Length", cl})
	case kRequests:
		ua := "python-requests/" + c.ver
		if c.ua != "" {
			ua = c.ua
		}
		add([2]string{"Host", apiHost}, [2]string{"User-Agent", ua},
			[2]string{"Accept-Encoding", "gzip, deflate"}, [2]string{"Accept", "*/*"},
			[2]string{"Connection", "keep-alive"})
		if ant {
			add([2]string{"x-api-key", a.key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"Authorization", "Bearer " + a.key})
		}
		add([2]string{"Content-Type", "application/json"})
		add(c.extra...)
		add([2]string{"Content-Length", cl})
	case kAiohttp:
		add([2]string{"Host", apiHost}, [2]string{"Accept", "*/*"},
			[2]string{"Accept-Encoding", "gzip, deflate"},
			[2]string{"User-Agent", "Python/" + c.rt + " aiohttp/" + c.ver})
		if ant {
			add([2]string{"x-api-key", a.key}, [2]string{"anthropic-version", "2023-06-01"})
		} else {
			add([2]string{"Authorization", "Bearer " + a.key})
		}
		add(c.extra...)
		add([2]string{"Content-Length", cl}, [2]string{"Content-Type", "application/json"})
	case kGo:
		ua := "Go-http-client/1.1"
		if c.ua != "" {
			ua = c.ua
		}
		add([2]string{"Host", apiHost}, [2]string{"User-Agent", ua}, [2]string{"Content-Length", cl})
		// net/http writes the other headers sorted by canonical name.
		rest := [][2]string{{"Content-Type", "application/json"}}
		if ant {
			rest = append(rest, [2]string{"Anthropic-Version", "2023-06-01"}, [2]string{"X-Api-Key", a.key})
		} else {
			rest = append(rest, [2]string{"Authorization", "Bearer " + a.key})
		}
		rest = append(rest, c.extra...)
		slices.SortFunc(rest, func(x, y [2]string) int { return strings.Compare(x[0], y[0]) })
		add(rest...)
		add([2]string{"Accept-Encoding", "gzip"})
	case kGoH2:
		add([2]string{"content-type", "application/json"})
		add(cred(true)...)
		add(c.extra...)
		add([2]string{"user-agent", c.ua}, [2]string{"content-length", cl}, [2]string{"accept-encoding", "gzip"})
	case kJava:
		add([2]string{"Accept", "application/json"})
		add(cred(false)...)
		add([2]string{"User-Agent", "OpenAI/Java " + c.ver}, [2]string{"X-Stainless-Arch", c.arch},
			[2]string{"X-Stainless-Lang", "java"}, [2]string{"X-Stainless-OS", c.os},
			[2]string{"X-Stainless-Package-Version", c.ver}, [2]string{"X-Stainless-Runtime", "JRE"},
			[2]string{"X-Stainless-Runtime-Version", c.rt}, [2]string{"X-Stainless-Retry-Count", rc},
			[2]string{"X-Stainless-Read-Timeout", "600"})
		add(c.extra...)
		add([2]string{"Content-Type", "application/json; charset=utf-8"}, [2]string{"Content-Length", cl},
			[2]string{"Host", apiHost}, [2]string{"Connection", "Keep-Alive"}, [2]string{"Accept-Encoding", "gzip"})
	case kDotnet:
		add([2]string{"Host", apiHost}, [2]string{"Accept", "application/json"},
			[2]string{"User-Agent", "OpenAI/" + c.ver + " (.NET " + c.rt + "; Microsoft Windows 10.0.22631)"})
		add(cred(false)...)
		add(c.extra...)
		add([2]string{"Content-Type", "application/json"}, [2]string{"Content-Length", cl})
	}
	if a.xff != "" {
		// The middlebox re-originates the request and says for whom.
		h = append(h, [2]string{"X-Forwarded-For", a.xff})
	}
	return h
}

// hashHex returns n hex digits derived from s, for stable made-up values.
func hashHex(s string, n int) string {
	f := fnv.New64a()
	f.Write([]byte(s))
	v := f.Sum64()
	const hx = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = hx[v&15]
		v = mix(v)
	}
	return string(b)
}

// chromeUA is a desktop Chrome user agent of the version v on platform p.
func chromeUA(p string, v int) string {
	plat := "Windows NT 10.0; Win64; x64"
	if p == "mac" {
		plat = "Macintosh; Intel Mac OS X 10_15_7"
	}
	return "Mozilla/5.0 (" + plat + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + strconv.Itoa(v) + ".0.0.0 Safari/537.36"
}

// ---- the SDK versions in circulation in May 2026 ----

var (
	oaPyVers   = []string{"1.109.1", "2.2.0", "2.5.0", "2.6.1", "2.8.0", "2.8.1"}
	antPyVers  = []string{"0.69.0", "0.71.0", "0.72.1", "0.75.0"}
	oaNodeVers = []string{"5.23.2", "6.3.0", "6.7.0", "6.9.1"}
	antJSVers  = []string{"0.65.0", "0.68.0", "0.70.1"}
	pyRTs      = []string{"3.10.14", "3.11.9", "3.11.11", "3.12.3", "3.12.8", "3.13.1"}
	nodeRTs    = []string{"v20.18.1", "v20.19.0", "v22.12.0", "v22.15.0"}
	curlVers   = []string{"8.5.0", "8.7.1", "8.11.1", "7.81.0"}
)

// randomClient draws one client stack the way individual developers and
// small teams are spread over them.
func randomClient(r *rand.Rand, ant bool) *client {
	py := pick(r, pyRTs)
	var c *client
	switch x := r.IntN(100); {
	case x < 45 && ant:
		c = sdk(kAnthropicPy, pick(r, antPyVers), py, "openssl3-h1")
	case x < 45:
		c = sdk(kOpenAIPy, pick(r, oaPyVers), py, "openssl3-h1")
	case x < 70 && ant:
		c = sdk(kAnthropicNode, pick(r, antJSVers), pick(r, nodeRTs), pick(r, []string{"node20", "node22"}))
	case x < 70:
		c = sdk(kOpenAINode, pick(r, oaNodeVers), pick(r, nodeRTs), pick(r, []string{"node20", "node22"}))
	case x < 82:
		c = sdk(kRequests, pick(r, []string{"2.31.0", "2.32.3", "2.32.4"}), py, "openssl3-h1")
	case x < 92:
		c = sdk(kCurl, pick(r, curlVers), "", pick(r, []string{"openssl3-h2", "curl-gnutls"}))
	default:
		c = sdk(kAiohttp, pick(r, []string{"3.9.5", "3.10.11", "3.11.18"}), py[:4], "openssl3-h1")
	}
	switch y := r.IntN(10); {
	case y < 5 && (c.kind == kOpenAIPy || c.kind == kAnthropicPy || c.kind == kOpenAINode || c.kind == kAnthropicNode):
		c = c.with("MacOS", "arm64")
	case y < 6:
		c = c.with("Windows", "x64")
	}
	return c
}
