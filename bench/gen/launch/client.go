package launch

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strconv"
)

// stack is the library that builds the HTTP request.
type stack int

const (
	sOpenAIPy stack = iota // openai-python over httpx
	sAnthropicPy
	sOpenAINode // openai-node on Node's fetch
	sAnthropicNode
	sRequests // python-requests, hand-written
	sCurl
)

// client is one installation of a stack on one kind of machine.
type client struct {
	stack    stack
	ver      string // library version
	runtime  string // Python or Node version
	os, arch string // as the Stainless SDKs report them
	async    bool
	ja4      string
	js       jstyle
	extra    [][2]string // the application's own headers
}

var (
	verOpenAIPy  = []string{"1.68.2", "1.82.1", "1.97.1", "1.99.9", "1.107.0", "2.3.0", "2.8.0", "2.12.1", "2.14.0"}
	verAntPy     = []string{"0.49.0", "0.57.1", "0.62.0", "0.66.0", "0.69.0", "0.72.0", "0.75.0"}
	verOpenAINd  = []string{"4.85.4", "4.104.0", "5.10.1", "5.19.1", "5.23.0", "6.2.0", "6.8.1"}
	verAntNd     = []string{"0.39.0", "0.54.0", "0.61.0", "0.65.0", "0.68.0", "0.70.1"}
	verRequests  = []string{"2.28.1", "2.31.0", "2.32.3", "2.32.5"}
	verCurl      = []string{"7.81.0", "8.5.0", "8.9.1", "8.14.1"}
	verPython    = []string{"3.10.14", "3.11.9", "3.11.12", "3.12.4", "3.12.9", "3.13.2", "3.13.5"}
	verNode      = []string{"v18.20.4", "v20.15.1", "v20.19.0", "v22.11.0", "v22.16.0", "v24.2.0"}
	pyOldEncoder = "1.70" // openai-python releases before this pinned an httpx that writes json.dumps' spaced, ASCII JSON
)

// newest leans a version choice towards the end of the list.
func newest(r *rand.Rand, vs []string) string {
	return vs[len(vs)-1-min(len(vs)-1, int(r.ExpFloat64()*1.3))]
}

// fingerprint is a JA4-shaped TLS fingerprint for one TLS library build.
func fingerprint(head, lib string) string {
	a := sha256.Sum256([]byte("c|" + lib))
	b := sha256.Sum256([]byte("e|" + lib))
	return head + "_" + hex.EncodeToString(a[:6]) + "_" + hex.EncodeToString(b[:6])
}

var (
	ja4PyLinux = fingerprint("t13d1812h1", "cpython-openssl3-linux")
	ja4PyMac   = fingerprint("t13d1812h1", "cpython-openssl3-macos")
	ja4PyWin   = fingerprint("t13d1811h1", "cpython-openssl3-windows")
	ja4PyOld   = fingerprint("t13d1712h1", "cpython-openssl111")
	ja4Node    = fingerprint("t13d1713h1", "node-openssl3")
	ja4Curl    = fingerprint("t13d3112h2", "curl-openssl3")
	ja4CurlMac = fingerprint("t13d2614h2", "curl-securetransport")
)

// laptopOS draws a person's operating system.
func laptopOS(r *rand.Rand) (string, string) {
	switch weighted(r, 45, 5, 32, 18) {
	case 0:
		return "MacOS", "arm64"
	case 1:
		return "MacOS", "x64"
	case 2:
		return "Windows", "x64"
	}
	return "Linux", "x64"
}

// newClient installs stack s, at version ver ("" for a recent one), on a
// person's computer when laptop, otherwise on a Linux server.
func newClient(r *rand.Rand, s stack, ver string, laptop bool) *client {
	c := &client{stack: s, os: "Linux", arch: "x64"}
	if laptop {
		c.os, c.arch = laptopOS(r)
	} else if r.IntN(5) == 0 {
		c.arch = "arm64"
	}
	switch s {
	case sOpenAIPy, sAnthropicPy, sRequests:
		c.runtime = newest(r, verPython)
		c.ja4 = map[string]string{"MacOS": ja4PyMac, "Windows": ja4PyWin, "Linux": ja4PyLinux}[c.os]
		if c.os == "Linux" && r.IntN(6) == 0 {
			c.ja4 = ja4PyOld
		}
	case sOpenAINode, sAnthropicNode:
		c.runtime = newest(r, verNode)
		c.ja4 = ja4Node
	case sCurl:
		c.ja4 = ja4Curl
		if c.os == "MacOS" {
			c.ja4 = ja4CurlMac
		}
	}
	if ver == "" {
		ver = newest(r, map[stack][]string{sOpenAIPy: verOpenAIPy, sAnthropicPy: verAntPy, sOpenAINode: verOpenAINd,
			sAnthropicNode: verAntNd, sRequests: verRequests, sCurl: verCurl}[s])
	}
	c.ver = ver
	switch s {
	case sOpenAIPy:
		c.js = jstyle{pyFloat: true, sorted: true, lead: true}
		if !atLeast(ver, pyOldEncoder) {
			c.js.spaced, c.js.ascii = true, true
		}
	case sAnthropicPy:
		c.js = jstyle{pyFloat: true, sorted: true}
	case sRequests:
		c.js = jstyle{spaced: true, ascii: true, pyFloat: true}
	case sCurl:
		c.js = jstyle{spaced: r.IntN(2) == 0}
	}
	return c
}

// anthropic says whether the client speaks the Messages API.
func (c *client) anthropic() bool { return c.stack == sAnthropicPy || c.stack == sAnthropicNode }

func (c *client) userAgent() string {
	switch c.stack {
	case sOpenAIPy:
		return "OpenAI/Python " + c.ver
	case sAnthropicPy:
		return "Anthropic/Python " + c.ver
	case sOpenAINode:
		return "OpenAI/JS " + c.ver
	case sAnthropicNode:
		return "Anthropic/JS " + c.ver
	case sRequests:
		return "python-requests/" + c.ver
	}
	return "curl/" + c.ver
}

// headers are the request's headers in the order the stack writes them.
func (c *client) headers(key, path string, n, retry int) [][2]string {
	h := make([][2]string, 0, 20)
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	ant := path == pathMessages
	cred := func() {
		if ant {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("authorization", "Bearer "+key)
		}
	}
	stainless := func(lang, rt string) {
		add("x-stainless-lang", lang)
		add("x-stainless-package-version", c.ver)
		add("x-stainless-os", c.os)
		add("x-stainless-arch", c.arch)
		add("x-stainless-runtime", rt)
		add("x-stainless-runtime-version", c.runtime)
	}
	switch c.stack {
	case sOpenAIPy, sAnthropicPy:
		add("accept-encoding", "gzip, deflate")
		add("connection", "keep-alive")
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", c.userAgent())
		stainless("python", "CPython")
		cred()
		if c.async {
			add("x-stainless-async", "async:asyncio")
		} else {
			add("x-stainless-async", "false")
		}
		h = append(h, c.extra...)
		add("x-stainless-retry-count", strconv.Itoa(retry))
		add("x-stainless-read-timeout", "600")
		add("content-length", strconv.Itoa(n))
	case sOpenAINode, sAnthropicNode:
		add("accept", "application/json")
		add("content-type", "application/json")
		add("user-agent", c.userAgent())
		add("x-stainless-retry-count", strconv.Itoa(retry))
		add("x-stainless-timeout", "600")
		stainless("js", "node")
		cred()
		h = append(h, c.extra...)
		add("content-length", strconv.Itoa(n))
		add("connection", "keep-alive")
		add("accept-language", "*")
		add("sec-fetch-mode", "cors")
		add("accept-encoding", "gzip, deflate")
	case sRequests:
		add("User-Agent", c.userAgent())
		add("Accept-Encoding", "gzip, deflate")
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		if ant {
			add("x-api-key", key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("Authorization", "Bearer "+key)
		}
		add("Content-Type", "application/json")
		h = append(h, c.extra...)
		add("Content-Length", strconv.Itoa(n))
	case sCurl:
		add("User-Agent", c.userAgent())
		add("Accept", "*/*")
		add("Content-Type", "application/json")
		cred()
		h = append(h, c.extra...)
		add("Content-Length", strconv.Itoa(n))
	}
	return h
}

const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func randString(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// newKey makes an API key in the format of the API the account was
// created for.
func newKey(r *rand.Rand, ant bool) string {
	if ant {
		return "sk-ant-api03-" + randString(r, alnum+"-_", 93) + "AA"
	}
	return "sk-proj-" + randString(r, alnum+"-_", 120)
}

// atLeast compares dotted versions numerically.
func atLeast(v, floor string) bool {
	parse := func(s string) []int {
		var out []int
		n := 0
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] == '.' {
				out = append(out, n)
				n = 0
				continue
			}
			n = n*10 + int(s[i]-'0')
		}
		return out
	}
	a, b := parse(v), parse(floor)
	for i := range max(len(a), len(b)) {
		var x, y int
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return x > y
		}
	}
	return true
}
