package marketplace

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Client stacks. A client is what an account's requests are sent with: the
// header set in wire order, the TLS print (ja4) the proxy would see, and
// how its JSON encoder writes the body. The official SDKs' x-stainless-*
// headers are modelled; the ja4 strings are synthetic but fixed per TLS
// stack, so that one stack always shows one print.

type stackKind uint8

const (
	openaiPy      stackKind = iota // openai-python over httpx
	anthropicPy                    // anthropic-python over httpx
	openaiNode                     // openai-node over undici fetch
	anthropicNode                  // @anthropic-ai/sdk over undici fetch
	curlCLI                        // curl typed from the docs' examples
	browserFetch                   // a web app calling the API from the browser
	pyRequests                     // a hand-written script with requests
	pyAiohttp                      // a self-hosted chat UI's aiohttp backend
	goGateway                      // a gateway written in Go (net/http)
)

type client struct {
	kind      stackKind
	ver, rt   string // SDK version, runtime version
	os, arch  string
	ua        string // user-agent when the application overrides the SDK's
	browser   int    // browserFetch: 0 Chrome, 1 Firefox, 2 Safari, 3 Edge
	origin    string // browserFetch: the web app's origin
	async     bool   // openaiPy: AsyncOpenAI
	ja4       string // overrides the stack's print (a TLS-inspecting proxy)
	extra     [][2]string
	beta      string // anthropic-beta header
	sortedHdr bool   // goGateway: Go writes the headers sorted by name
}

var (
	openaiPyVers      = []string{"1.109.1", "2.8.1", "2.14.0", "2.21.0", "2.24.0"}
	anthropicPyVers   = []string{"0.69.0", "0.75.0", "0.79.0", "0.81.0"}
	openaiNodeVers    = []string{"4.104.0", "5.23.2", "6.9.1", "6.16.0"}
	anthropicNodeVers = []string{"0.65.0", "0.71.2", "0.74.0", "0.78.0"}
	pyRuntimes        = []string{"3.10.12", "3.11.9", "3.11.11", "3.12.3", "3.12.8", "3.13.1"}
	nodeRuntimes      = []string{"v18.19.1", "v20.18.1", "v20.19.0", "v22.11.0", "v22.14.0", "v24.1.0"}
	curlVers          = []string{"7.81.0", "8.5.0", "8.7.1", "8.11.1", "8.13.0"}
	chromeVers        = []string{"134", "135", "136", "137"}
)

// A person's laptop or server: the OS and architecture the SDK reports.
func pickOS(r *rng, server bool) (string, string) {
	if server {
		return "Linux", pick(r, []string{"x64", "x64", "x64", "arm64"})
	}
	switch weighted(r, 0.55, 0.25, 0.2) {
	case 0:
		return "MacOS", pick(r, []string{"arm64", "arm64", "arm64", "x64"})
	case 1:
		return "Linux", "x64"
	}
	return "Windows", "x64"
}

// newClient draws a client of kind k as an individual would have it.
func newClient(r *rng, k stackKind, server bool) *client {
	c := &client{kind: k}
	c.os, c.arch = pickOS(r, server)
	switch k {
	case openaiPy:
		c.ver, c.rt = pick(r, openaiPyVers), pick(r, pyRuntimes)
	case anthropicPy:
		c.ver, c.rt = pick(r, anthropicPyVers), pick(r, pyRuntimes)
	case openaiNode:
		c.ver, c.rt = pick(r, openaiNodeVers), pick(r, nodeRuntimes)
	case anthropicNode:
		c.ver, c.rt = pick(r, anthropicNodeVers), pick(r, nodeRuntimes)
	case curlCLI:
		c.ver = pick(r, curlVers)
	case browserFetch:
		c.browser = weighted(r, 0.6, 0.15, 0.15, 0.1)
		c.ver = pick(r, chromeVers)
	case pyRequests:
		c.ver, c.rt = pick(r, []string{"2.28.2", "2.31.0", "2.32.3", "2.32.4"}), pick(r, pyRuntimes)
	case pyAiohttp:
		c.ver, c.rt = pick(r, []string{"3.9.5", "3.10.11", "3.11.18"}), pick(r, pyRuntimes)
	case goGateway:
		c.sortedHdr = true
	}
	return c
}

func (c *client) anthropicSDK() bool { return c.kind == anthropicPy || c.kind == anthropicNode }

// print returns the ja4 of the client's TLS stack, "" when none is seen.
func (c *client) print() string {
	if c.ja4 != "" {
		return c.ja4
	}
	switch c.kind {
	case openaiPy, anthropicPy, pyAiohttp:
		if strings.HasPrefix(c.rt, "3.10") {
			return "t13d1812h1_85036bcba153_375ca2c5e164"
		}
		return "t13d1813h1_85036bcba153_cfa93a7b5a44"
	case pyRequests:
		if strings.HasPrefix(c.rt, "3.10") {
			return "t13d181200_85036bcba153_375ca2c5e164"
		}
		return "t13d181300_85036bcba153_cfa93a7b5a44"
	case openaiNode, anthropicNode:
		if strings.HasPrefix(c.rt, "v18") {
			return "t13d5911h1_a33745022dd6_1f22a2ca17c4"
		}
		return "t13d5912h1_a33745022dd6_dbd39dd1d406"
	case curlCLI:
		return "t13d3112h2_e8f1e7e78f70_6bebaf5329ec"
	case browserFetch:
		switch c.browser {
		case 1:
			return "t13d1715h2_5b57614c22b0_3d5424432f57"
		case 2:
			return "t13d2014h2_a09f3c656075_14788d8d241b"
		}
		return "t13d1516h2_8daaf6152771_02713d6af862"
	case goGateway:
		return "t13d1311h2_f57a46bbacb6_e7c285222651"
	}
	return ""
}

func (c *client) userAgent() string {
	if c.ua != "" {
		return c.ua
	}
	switch c.kind {
	case openaiPy:
		return "OpenAI/Python " + c.ver
	case anthropicPy:
		return "Anthropic/Python " + c.ver
	case openaiNode:
		return "OpenAI/JS " + c.ver
	case anthropicNode:
		return "Anthropic/JS " + c.ver
	case curlCLI:
		return "curl/" + c.ver
	case pyRequests:
		return "python-requests/" + c.ver
	case pyAiohttp:
		return fmt.Sprintf("Python/%s aiohttp/%s", c.rt[:strings.LastIndexByte(c.rt, '.')], c.ver)
	case goGateway:
		return "Go-http-client/2.0"
	case browserFetch:
		plat := map[string]string{"MacOS": "Macintosh; Intel Mac OS X 10_15_7", "Windows": "Windows NT 10.0; Win64; x64", "Linux": "X11; Linux x86_64"}[c.os]
		switch c.browser {
		case 1:
			return fmt.Sprintf("Mozilla/5.0 (%s; rv:138.0) Gecko/20100101 Firefox/138.0", strings.ReplaceAll(plat, "Intel Mac OS X 10_15_7", "Intel Mac OS X 10.15"))
		case 2:
			return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15"
		case 3:
			return fmt.Sprintf("Mozilla/5.0 (%s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s.0.0.0 Safari/537.36 Edg/%s.0.0.0", plat, c.ver, c.ver)
		}
		return fmt.Sprintf("Mozilla/5.0 (%s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s.0.0.0 Safari/537.36", plat, c.ver)
	}
	return "unknown"
}

// escapeHTML reports whether the client's JSON encoder escapes <, > and &
// (Go's encoding/json does; Python's json and JavaScript's JSON do not).
func (c *client) escapeHTML() bool { return c.kind == goGateway }

// headers returns the request's headers in wire order.
func (c *client) headers(path, key string, bodyLen int, stream bool) [][2]string {
	msgs := path == "/v1/messages"
	var h [][2]string
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	auth := func() {
		if msgs {
			add("x-api-key", key)
		} else {
			add("authorization", "Bearer "+key)
		}
	}
	cl := strconv.Itoa(bodyLen)
	switch c.kind {
	case openaiPy, anthropicPy:
		add("accept-encoding", "gzip, deflate")
		add("connection", "keep-alive")
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", c.userAgent())
		add("x-stainless-lang", "python")
		add("x-stainless-package-version", c.ver)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", "CPython")
		add("x-stainless-runtime-version", c.rt)
		if c.kind == anthropicPy {
			add("anthropic-version", "2023-06-01")
			if c.beta != "" {
				add("anthropic-beta", c.beta)
			}
			auth()
		} else {
			auth()
		}
		if c.async {
			add("x-stainless-async", "async:asyncio")
		} else {
			add("x-stainless-async", "false")
		}
		if stream && c.kind == anthropicPy {
			add("x-stainless-helper-method", "stream")
		}
		add("x-stainless-retry-count", "0")
		add("x-stainless-read-timeout", "600")
		if c.kind == anthropicPy {
			add("x-stainless-timeout", "600")
		}
		h = append(h, c.extra...)
		add("content-length", cl)
	case openaiNode, anthropicNode:
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", c.userAgent())
		add("x-stainless-retry-count", "0")
		add("x-stainless-timeout", "600")
		add("x-stainless-lang", "js")
		add("x-stainless-package-version", c.ver)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", "node")
		add("x-stainless-runtime-version", c.rt)
		if c.kind == anthropicNode {
			add("anthropic-version", "2023-06-01")
			if c.beta != "" {
				add("anthropic-beta", c.beta)
			}
		}
		h = append(h, c.extra...)
		auth()
		add("accept-language", "*")
		add("sec-fetch-mode", "cors")
		add("accept-encoding", "gzip, deflate")
		add("content-length", cl)
	case curlCLI:
		add("User-Agent", c.userAgent())
		add("Accept", "*/*")
		if msgs {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
			add("content-type", "application/json")
		} else {
			add("Content-Type", "application/json")
			add("Authorization", "Bearer "+key)
		}
		add("Content-Length", cl)
	case browserFetch:
		add("content-length", cl)
		if c.browser == 0 || c.browser == 3 {
			brand := "Google Chrome"
			if c.browser == 3 {
				brand = "Microsoft Edge"
			}
			add("sec-ch-ua-platform", `"`+map[string]string{"MacOS": "macOS", "Windows": "Windows", "Linux": "Linux"}[c.os]+`"`)
			add("sec-ch-ua", fmt.Sprintf(`"Chromium";v="%s", "%s";v="%s", "Not.A/Brand";v="99"`, c.ver, brand, c.ver))
			add("sec-ch-ua-mobile", "?0")
		}
		if msgs {
			add("anthropic-version", "2023-06-01")
			add("anthropic-dangerous-direct-browser-access", "true")
			add("x-api-key", key)
		} else {
			add("authorization", "Bearer "+key)
		}
		add("user-agent", c.userAgent())
		add("content-type", "application/json")
		add("accept", "*/*")
		add("origin", c.origin)
		add("sec-fetch-site", "cross-site")
		add("sec-fetch-mode", "cors")
		add("sec-fetch-dest", "empty")
		add("referer", c.origin+"/")
		add("accept-encoding", "gzip, deflate, br, zstd")
		add("accept-language", "en-US,en;q=0.9")
		add("priority", "u=1, i")
	case pyRequests:
		add("User-Agent", c.userAgent())
		add("Accept-Encoding", "gzip, deflate")
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		if msgs {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
			add("content-type", "application/json")
		} else {
			add("Authorization", "Bearer "+key)
			add("Content-Type", "application/json")
		}
		add("Content-Length", cl)
	case pyAiohttp:
		if msgs {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("Authorization", "Bearer "+key)
		}
		add("Content-Type", "application/json")
		add("Accept", "*/*")
		add("Accept-Encoding", "gzip, deflate")
		add("User-Agent", c.userAgent())
		add("Content-Length", cl)
	case goGateway:
		auth()
		if msgs {
			add("anthropic-version", "2023-06-01")
		}
		add("content-type", "application/json")
		add("user-agent", c.userAgent())
		add("content-length", cl)
		add("accept-encoding", "gzip")
		h = append(h, c.extra...)
		if stream {
			add("accept", "text/event-stream")
		}
		if c.sortedHdr {
			slices.SortStableFunc(h, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
		}
	}
	// Host (the API's own name, no trait of the client) is left out.
	return h
}
