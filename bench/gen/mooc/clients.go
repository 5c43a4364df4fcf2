package mooc

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// kind is a client stack: the program that sends the requests.
type kind uint8

const (
	kPyOpenAI      kind = iota // openai-python (httpx)
	kPyAnthropic               // anthropic-sdk-python (httpx)
	kNodeOpenAI                // openai-node
	kNodeAnthropic             // anthropic-sdk-typescript
	kGoOpenAI                  // openai-go
	kGoCustom                  // a Go program that copies another SDK's headers
	kCurl                      // curl from a shell script
	kRequests                  // python-requests
	kBrowser                   // a bring-your-own-key web app calling from the browser
	kIOS                       // an iOS app (URLSession)
	kOkHTTP                    // an Android app (OkHttp)
	kAiohttp                   // a self-hosted web UI (aiohttp)
)

// client is one installation of a client stack.
type client struct {
	kind      kind
	anthropic bool   // speaks to the Anthropic API (x-api-key)
	sdk       string // SDK package version
	os, arch  string // as the SDK reports them
	rt        string // runtime version (python, node, go, browser)
	async     bool
	ua        string // user agent of apps and raw clients
	mimic     kind   // kGoCustom: the SDK whose headers are copied
	origin    string // kBrowser: the app's origin
	platform  string // kBrowser: sec-ch-ua-platform
	beta      string // anthropic-beta
	ja4       string
}

// pyOrder reports whether bodies are serialised by a Python SDK.
func (c *client) pyOrder() bool { return c.kind == kPyOpenAI || c.kind == kPyAnthropic }

// Versions seen in the field (early 2026).
var (
	pyOpenAIVersions   = []string{"1.54.4", "1.66.3", "1.82.0", "1.99.9", "1.109.1", "2.3.0", "2.8.1", "2.14.0"}
	nodeOpenAIVersions = []string{"4.77.0", "4.104.0", "5.12.2", "5.23.1", "6.7.0", "6.10.0"}
	pyAnthVersions     = []string{"0.40.0", "0.49.0", "0.57.1", "0.64.0", "0.71.0", "0.75.0"}
	nodeAnthVersions   = []string{"0.32.1", "0.39.0", "0.57.0", "0.65.0", "0.68.0", "0.71.2"}
	pythonVersions     = []string{"3.9.6", "3.10.12", "3.11.9", "3.11.11", "3.12.3", "3.12.7", "3.12.8", "3.13.1", "3.13.5"}
	nodeVersions       = []string{"v18.19.0", "v20.11.1", "v20.18.1", "v22.12.0", "v22.19.0", "v24.4.1"}
	goVersions         = []string{"go1.24.4", "go1.25.1", "go1.25.5"}
)

// Made-up but well-formed JA4 fingerprints, one per TLS stack.
const (
	ja4Python  = "t13d4907h1_0d8feac7bc37_7395dae3b2f3"
	ja4Node    = "t13d521100_b262b3658495_8e6e362c5eac"
	ja4Go      = "t13d1312h2_f57a46bbacb6_ab7e3b40a677"
	ja4Curl    = "t13d3112h2_e8f1e7e78f70_6bebaf5329ac"
	ja4Chrome  = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Safari  = "t13d2014h2_a09f3c656075_14788d8d241b"
	ja4OkHTTP  = "t13d1712h2_5b57614c22b0_3d5424432f57"
	ja4Aiohttp = "t13d490700_0d8feac7bc37_7395dae3b2f3"
)

// desktopOS draws an OS and architecture for a developer machine.
func desktopOS(r *rand.Rand, mac, win, linux float64) (string, string) {
	switch pickW(r, mac, win, linux) {
	case 0:
		if chance(r, 0.85) {
			return "MacOS", "arm64"
		}
		return "MacOS", "x64"
	case 1:
		return "Windows", "x64"
	}
	if chance(r, 0.1) {
		return "Linux", "arm64"
	}
	return "Linux", "x64"
}

func pyOpenAI(r *rand.Rand, version, os, arch string) *client {
	return &client{kind: kPyOpenAI, sdk: version, os: os, arch: arch, rt: pick(r, pythonVersions), ja4: ja4Python}
}

func pyAnthropic(r *rand.Rand, version, os, arch string) *client {
	return &client{kind: kPyAnthropic, anthropic: true, sdk: version, os: os, arch: arch, rt: pick(r, pythonVersions), ja4: ja4Python}
}

func nodeOpenAI(r *rand.Rand, version, os, arch string) *client {
	return &client{kind: kNodeOpenAI, sdk: version, os: os, arch: arch, rt: pick(r, nodeVersions), ja4: ja4Node}
}

func nodeAnthropic(r *rand.Rand, version, os, arch string) *client {
	return &client{kind: kNodeAnthropic, anthropic: true, sdk: version, os: os, arch: arch, rt: pick(r, nodeVersions), ja4: ja4Node}
}

// browserApp is a bring-your-own-key chat web app; the SDK runs in the
// browser.
func browserApp(r *rand.Rand, anthropic bool, origin string) *client {
	c := &client{kind: kBrowser, anthropic: anthropic, origin: origin, ja4: ja4Chrome}
	if anthropic {
		c.sdk = pick(r, nodeAnthVersions[2:])
	} else {
		c.sdk = pick(r, nodeOpenAIVersions[2:])
	}
	chrome := pick(r, []string{"139", "140", "141", "142", "143"})
	c.rt = chrome + ".0.0"
	switch pickW(r, 0.45, 0.45, 0.1) {
	case 0:
		c.platform = `"macOS"`
		c.ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chrome + ".0.0.0 Safari/537.36"
	case 1:
		c.platform = `"Windows"`
		c.ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chrome + ".0.0.0 Safari/537.36"
	default:
		c.platform = `"Linux"`
		c.ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chrome + ".0.0.0 Safari/537.36"
	}
	return c
}

// rawClient is curl, python-requests or aiohttp.
func rawClient(r *rand.Rand, k kind, anthropic bool) *client {
	c := &client{kind: k, anthropic: anthropic}
	switch k {
	case kCurl:
		c.ua, c.ja4 = "curl/"+pick(r, []string{"7.81.0", "8.5.0", "8.7.1", "8.11.1", "8.14.1"}), ja4Curl
	case kRequests:
		c.ua, c.ja4 = "python-requests/"+pick(r, []string{"2.28.2", "2.31.0", "2.32.3", "2.32.5"}), ja4Python
	case kAiohttp:
		py := pick(r, []string{"3.11", "3.12"})
		c.ua, c.ja4 = "Python/"+py+" aiohttp/"+pick(r, []string{"3.9.5", "3.10.11", "3.11.18", "3.12.15"}), ja4Aiohttp
	}
	return c
}

// mobileApp is a chat app on a phone.
func mobileApp(r *rand.Rand, anthropic bool) *client {
	if chance(r, 0.55) {
		app := pick(r, []string{"Pocket%20Chat", "Chatwise", "Quill%20AI", "AskMate"})
		return &client{kind: kIOS, anthropic: anthropic, ja4: ja4Safari,
			ua: fmt.Sprintf("%s/%d CFNetwork/%s Darwin/%s", app, between(r, 180, 460),
				pick(r, []string{"1568.100.1", "1568.200.51", "3826.500.131"}), pick(r, []string{"24.0.0", "24.1.0", "25.0.0"}))}
	}
	return &client{kind: kOkHTTP, anthropic: anthropic, ja4: ja4OkHTTP, ua: "okhttp/" + pick(r, []string{"4.9.3", "4.11.0", "4.12.0"})}
}

// goCustom is a Go program sending the headers of SDK k.
func goCustom(r *rand.Rand, k kind, version, os, arch string) *client {
	c := &client{kind: kGoCustom, mimic: k, sdk: version, os: os, arch: arch, ja4: ja4Go}
	switch k {
	case kPyOpenAI:
		c.rt = pick(r, pythonVersions)
	case kNodeOpenAI:
		c.rt = pick(r, nodeVersions)
	}
	return c
}

func goOpenAI(r *rand.Rand, version string) *client {
	return &client{kind: kGoOpenAI, sdk: version, os: "Linux", arch: "x64", rt: pick(r, goVersions), ja4: ja4Go}
}

// versionAtLeast compares dotted versions.
func versionAtLeast(v, min string) bool {
	a, b := strings.Split(v, "."), strings.Split(min, ".")
	for i := 0; i < len(a) && i < len(b); i++ {
		x, _ := strconv.Atoi(a[i])
		y, _ := strconv.Atoi(b[i])
		if x != y {
			return x > y
		}
	}
	return len(a) >= len(b)
}

func host(c *call) string {
	if c.api.anthropic() {
		return "api.anthropic.com"
	}
	return "api.openai.com"
}

// headers are the request headers in wire order.
func (c *client) headers(a *account, cl *call, n int) [][2]string {
	length := strconv.Itoa(n)
	anth := cl.api.anthropic()
	auth := [2]string{"Authorization", "Bearer " + a.key}
	if anth {
		auth = [2]string{"X-Api-Key", a.key}
	}
	stream := cl.k.stream
	var h [][2]string
	add := func(k, v string) { h = append(h, [2]string{k, v}) }
	switch c.kind {
	case kPyOpenAI, kPyAnthropic:
		add("Host", host(cl))
		add("Accept-Encoding", "gzip, deflate")
		add("Connection", "keep-alive")
		add("Accept", "application/json")
		add("Content-Type", "application/json")
		if anth {
			add("User-Agent", "Anthropic/Python "+c.sdk)
		} else {
			add("User-Agent", "OpenAI/Python "+c.sdk)
		}
		add("X-Stainless-Lang", "python")
		add("X-Stainless-Package-Version", c.sdk)
		add("X-Stainless-OS", c.os)
		add("X-Stainless-Arch", c.arch)
		add("X-Stainless-Runtime", "CPython")
		add("X-Stainless-Runtime-Version", c.rt)
		h = append(h, auth)
		if anth {
			add("anthropic-version", "2023-06-01")
		}
		if c.async {
			add("X-Stainless-Async", "async:asyncio")
		} else {
			add("X-Stainless-Async", "false")
		}
		h = append(h, a.extra...)
		if c.beta != "" {
			add("anthropic-beta", c.beta)
		}
		if anth && stream {
			add("x-stainless-helper-method", "stream")
		}
		newer := (!anth && versionAtLeast(c.sdk, "1.60.0")) || (anth && versionAtLeast(c.sdk, "0.45.0"))
		if newer {
			add("x-stainless-retry-count", "0")
			add("x-stainless-read-timeout", "600")
		}
		if anth && !stream {
			add("x-stainless-timeout", "600")
		}
		add("Content-Length", length)
	case kNodeOpenAI, kNodeAnthropic, kBrowser:
		jsMajor, _ := strconv.Atoi(strings.SplitN(c.sdk, ".", 2)[0])
		fetch := (!anth && jsMajor >= 5) || (anth && versionAtLeast(c.sdk, "0.50.0"))
		if c.kind == kBrowser {
			add("content-length", length)
			add("sec-ch-ua-platform", c.platform)
		} else if fetch {
			add("host", host(cl))
			add("connection", "keep-alive")
		}
		add("accept", "application/json")
		add("content-type", "application/json")
		if c.kind != kBrowser {
			if anth {
				add("user-agent", "Anthropic/JS "+c.sdk)
			} else {
				add("user-agent", "OpenAI/JS "+c.sdk)
			}
		}
		add("x-stainless-lang", "js")
		add("x-stainless-package-version", c.sdk)
		if c.kind == kBrowser {
			add("x-stainless-os", "Unknown")
			add("x-stainless-arch", "unknown")
			add("x-stainless-runtime", "browser:chrome")
		} else {
			add("x-stainless-os", c.os)
			add("x-stainless-arch", c.arch)
			add("x-stainless-runtime", "node")
		}
		add("x-stainless-runtime-version", c.rt)
		add(strings.ToLower(auth[0]), auth[1])
		if anth {
			add("anthropic-version", "2023-06-01")
			if c.kind == kBrowser {
				add("anthropic-dangerous-direct-browser-access", "true")
			}
		}
		for _, e := range a.extra {
			add(strings.ToLower(e[0]), e[1])
		}
		if c.beta != "" {
			add("anthropic-beta", c.beta)
		}
		if anth && stream {
			add("x-stainless-helper-method", "stream")
		}
		add("x-stainless-retry-count", "0")
		if fetch && !stream {
			add("x-stainless-timeout", "600")
		}
		switch {
		case c.kind == kBrowser:
			add("sec-ch-ua", `"Chromium";v="`+c.rt[:3]+`", "Google Chrome";v="`+c.rt[:3]+`", "Not_A Brand";v="99"`)
			add("sec-ch-ua-mobile", "?0")
			add("user-agent", c.ua)
			add("origin", c.origin)
			add("sec-fetch-site", "cross-site")
			add("sec-fetch-mode", "cors")
			add("sec-fetch-dest", "empty")
			add("referer", c.origin+"/")
			add("accept-encoding", "gzip, deflate, br, zstd")
			add("accept-language", "en-US,en;q=0.9")
			add("priority", "u=1, i")
		case fetch:
			add("accept-language", "*")
			add("sec-fetch-mode", "cors")
			add("accept-encoding", "gzip, deflate")
			add("content-length", length)
		default:
			add("content-length", length)
			add("accept-encoding", "gzip,deflate")
			add("connection", "keep-alive")
			add("host", host(cl))
		}
	case kGoOpenAI, kGoCustom:
		// Go writes Host, User-Agent and Content-Length first, then the
		// other headers sorted by canonical name, then Accept-Encoding.
		sdkUA, lang, rtName := "OpenAI/Go "+c.sdk, "go", "go"
		if c.kind == kGoCustom {
			switch c.mimic {
			case kPyOpenAI:
				sdkUA, lang, rtName = "OpenAI/Python "+c.sdk, "python", "CPython"
			case kNodeOpenAI:
				sdkUA, lang, rtName = "OpenAI/JS "+c.sdk, "js", "node"
			}
		}
		add("Host", host(cl))
		add("User-Agent", sdkUA)
		add("Content-Length", length)
		rest := [][2]string{
			{"Accept", "application/json"},
			{"Content-Type", "application/json"},
			{"X-Stainless-Arch", c.arch},
			{"X-Stainless-Lang", lang},
			{"X-Stainless-Os", c.os},
			{"X-Stainless-Package-Version", c.sdk},
			{"X-Stainless-Retry-Count", "0"},
			{"X-Stainless-Runtime", rtName},
			{"X-Stainless-Runtime-Version", c.rt},
		}
		if anth {
			rest = append(rest, [2]string{"Anthropic-Version", "2023-06-01"})
		}
		rest = append(rest, auth)
		slices.SortFunc(rest, func(x, y [2]string) int { return strings.Compare(x[0], y[0]) })
		h = append(h, rest...)
		add("Accept-Encoding", "gzip")
	case kCurl:
		add("Host", host(cl))
		add("User-Agent", c.ua)
		add("Accept", "*/*")
		add("Content-Type", "application/json")
		if anth {
			add("x-api-key", a.key)
			add("anthropic-version", "2023-06-01")
		} else {
			h = append(h, auth)
		}
		add("Content-Length", length)
	case kRequests:
		add("Host", host(cl))
		add("User-Agent", c.ua)
		add("Accept-Encoding", "gzip, deflate")
		add("Accept", "*/*")
		add("Connection", "keep-alive")
		if anth {
			add("x-api-key", a.key)
			add("anthropic-version", "2023-06-01")
		} else {
			h = append(h, auth)
		}
		add("Content-Type", "application/json")
		add("Content-Length", length)
	case kAiohttp:
		add("Host", host(cl))
		if anth {
			add("x-api-key", a.key)
			add("anthropic-version", "2023-06-01")
		} else {
			h = append(h, auth)
		}
		add("Content-Type", "application/json")
		add("Accept", "*/*")
		add("Accept-Encoding", "gzip, deflate")
		add("User-Agent", c.ua)
		add("Content-Length", length)
	case kIOS:
		add("content-type", "application/json")
		if anth {
			add("x-api-key", a.key)
			add("anthropic-version", "2023-06-01")
		} else {
			add("authorization", auth[1])
		}
		add("accept", "*/*")
		add("accept-language", "en-US,en;q=0.9")
		add("user-agent", c.ua)
		add("accept-encoding", "gzip, deflate, br")
		add("content-length", length)
	case kOkHTTP:
		if anth {
			add("x-api-key", a.key)
			add("anthropic-version", "2023-06-01")
		} else {
			h = append(h, auth)
		}
		add("Content-Type", "application/json; charset=utf-8")
		add("Content-Length", length)
		add("Host", host(cl))
		add("Connection", "Keep-Alive")
		add("Accept-Encoding", "gzip")
		add("User-Agent", c.ua)
	}
	return h
}

// --- addresses ---

// Residential and mobile networks by country (first two octets).
var residentialNets = map[string][]string{
	"US": {"73.162", "98.207", "24.6", "71.197", "108.28", "174.62", "99.35", "76.102", "67.180", "68.44", "75.172", "50.35", "47.154", "72.221"},
	"CA": {"24.114", "70.49", "99.229", "142.112", "174.91"},
	"GB": {"86.14", "81.104", "92.40", "90.218", "2.96", "109.150"},
	"DE": {"87.178", "91.64", "93.229", "79.236", "84.150", "178.24"},
	"FR": {"78.243", "82.64", "90.45", "86.246", "176.180"},
	"ES": {"83.45", "88.12", "79.152", "95.124", "81.39"},
	"MX": {"187.189", "189.203", "201.141", "177.228"},
	"AR": {"181.46", "190.191", "186.22"},
	"BR": {"177.37", "179.108", "189.6", "191.13", "200.165"},
	"JP": {"126.47", "153.220", "180.12", "60.71", "114.165", "219.100"},
	"KR": {"211.36", "121.134", "175.223", "220.72", "59.10"},
	"CN": {"113.88", "117.136", "223.104", "36.112", "183.14"},
	"TW": {"114.36", "1.161", "36.229", "61.228"},
	"RU": {"95.24", "178.66", "188.162", "46.39", "176.59", "94.25"},
	"IN": {"106.51", "49.36", "117.199", "122.171", "103.21"},
	"NG": {"102.89", "105.112", "197.210"},
	"AU": {"1.144", "49.180", "101.175", "120.21"},
	"PL": {"83.30", "89.64", "31.183"},
	"NL": {"84.104", "77.163", "145.53"},
	"IT": {"79.31", "87.17", "93.44"},
	"PT": {"85.241", "94.62", "188.80"},
	"VN": {"113.161", "14.231", "171.244"},
	"ID": {"36.68", "114.124", "180.244"},
	"PH": {"112.198", "120.29", "49.145"},
}

// Mobile carrier networks (addresses change often).
var mobileNets = map[string][]string{
	"US": {"172.56", "172.58", "174.205", "107.77", "166.205"},
	"GB": {"92.40", "148.252", "82.132"},
	"DE": {"80.187", "2.205", "176.6"},
	"JP": {"1.66", "49.96", "106.128"},
	"ES": {"37.133", "79.116"},
	"IN": {"157.38", "106.206"},
	"BR": {"177.79", "191.183"},
	"MX": {"189.217", "201.144"},
	"CN": {"112.97", "223.104"},
}

// Datacenter networks by provider.
var datacenterNets = map[string][]string{
	"aws":     {"3.92", "18.204", "52.14", "54.174", "44.211", "35.173"},
	"gcp":     {"34.82", "35.199", "34.145", "35.230"},
	"azure":   {"20.81", "40.76", "52.170", "4.236"},
	"do":      {"159.89", "167.99", "164.90", "143.198", "206.189"},
	"hetzner": {"65.108", "95.216", "116.203", "49.12", "5.161"},
	"ovh":     {"51.38", "54.36", "51.75", "146.59"},
	"linode":  {"172.105", "45.79", "139.162"},
	"vultr":   {"45.76", "149.28", "207.148"},
}

func octet(r *rand.Rand) int { return 1 + r.IntN(254) }

func ipIn(r *rand.Rand, net16 string) string {
	return fmt.Sprintf("%s.%d.%d", net16, r.IntN(256), octet(r))
}

func resIP(r *rand.Rand, country string) string {
	nets := residentialNets[country]
	if nets == nil {
		nets = residentialNets["US"]
	}
	return ipIn(r, pick(r, nets))
}

func mobileIP(r *rand.Rand, country string) string {
	nets := mobileNets[country]
	if nets == nil {
		return resIP(r, country)
	}
	return ipIn(r, pick(r, nets))
}

func dcIP(r *rand.Rand, provider string) string {
	return ipIn(r, pick(r, datacenterNets[provider]))
}

// net24 is a random /24 (three octets) of a network list.
func net24(r *rand.Rand, nets []string) string {
	return fmt.Sprintf("%s.%d", pick(r, nets), r.IntN(256))
}

func in24(r *rand.Rand, n24 string) string { return fmt.Sprintf("%s.%d", n24, octet(r)) }

// countries with a rough share of API users.
var userCountries = []string{"US", "GB", "DE", "FR", "CA", "IN", "BR", "AU", "NL", "PL", "ES", "IT", "JP", "KR", "MX", "NG", "PH", "VN", "ID"}
var userCountryW = []float64{30, 7, 6, 4, 4, 9, 4, 2, 2, 2, 3, 2, 4, 3, 2, 2, 2, 1, 1}

// tzOf is a typical UTC offset (hours, May) of a country.
func tzOf(r *rand.Rand, country string) float64 {
	switch country {
	case "US":
		return pick(r, []float64{-4, -4, -5, -7, -7})
	case "CA":
		return pick(r, []float64{-4, -7})
	case "GB", "PT":
		return 1
	case "DE", "FR", "ES", "IT", "NL", "PL", "NG":
		if country == "NG" {
			return 1
		}
		return 2
	case "MX":
		return -6
	case "AR", "BR":
		return -3
	case "JP", "KR":
		return 9
	case "CN", "TW", "PH":
		return 8
	case "RU":
		return 3
	case "IN":
		return 5.5
	case "VN", "ID":
		return 7
	case "AU":
		return 10
	}
	return 0
}
