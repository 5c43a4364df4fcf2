package fingerprint

// uaFamily extracts the user-agent family and major version without
// allocating: for browsers the engine and version token that names the
// browser ("Chrome", 131), for other clients the first product with its
// sub-product when the version is a word ("OpenAI/Python", 1; "curl", 8;
// "Go-http-client", 1). The family is a substring of ua or a constant.
func uaFamily(ua string) (fam string, major int) {
	ua = trimSpaces(ua)
	if ua == "" {
		return "", 0
	}
	if hasPrefixFold(ua, "mozilla/") {
		for _, b := range browserTokens {
			if i := indexFold(ua, b.token); i >= 0 {
				return b.family, leadingInt(ua[i+len(b.token):])
			}
		}
		return "mozilla", 0
	}
	j := 0
	for j < len(ua) && ua[j] != '/' && ua[j] != ' ' && ua[j] != '(' && ua[j] != ';' {
		j++
	}
	if j == len(ua) || ua[j] != '/' {
		rest := ua[j:]
		for len(rest) > 0 && (rest[0] == ' ' || rest[0] == 'v' || rest[0] == 'V') {
			rest = rest[1:]
		}
		return ua[:min(j, 64)], leadingInt(rest)
	}
	rest := ua[j+1:]
	if len(rest) > 0 && asciiClass[rest[0]] == cDigit {
		return ua[:min(j, 64)], leadingInt(rest)
	}
	// A word after the slash ("OpenAI/Python 1.51.0"): part of the family.
	k := 0
	for k < len(rest) && rest[k] != ' ' && rest[k] != '/' && rest[k] != ';' {
		k++
	}
	fam = ua[:min(j+1+k, 64)]
	rest = rest[k:]
	for len(rest) > 0 && (rest[0] == ' ' || rest[0] == '/' || rest[0] == 'v') {
		rest = rest[1:]
	}
	return fam, leadingInt(rest)
}

var browserTokens = []struct{ token, family string }{
	{"edg/", "edge"}, {"edga/", "edge"}, {"edgios/", "edge"},
	{"opr/", "opera"}, {"samsungbrowser/", "samsung"},
	{"firefox/", "firefox"}, {"fxios/", "firefox"},
	{"crios/", "chrome"}, {"chrome/", "chrome"}, {"chromium/", "chrome"},
	{"version/", "safari"},
}

// leadingInt parses the decimal digits at the start of s, capped.
func leadingInt(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 6 && asciiClass[s[i]] == cDigit; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lower[s[i]] != prefix[i] {
			return false
		}
	}
	return true
}

// indexFold is strings.Index with ASCII case folding; sub is lower case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFold(s[i:], sub) {
			return i
		}
	}
	return -1
}

func containsFold(s, sub string) bool { return indexFold(s, sub) >= 0 }

// Languages and stacks that the consistency check compares.
type stack uint8

const (
	stackUnknown stack = iota
	stackBrowser
	stackGo
	stackPython
	stackJS
	stackJava
	stackCurl
	stackOpenSSL // a JA4 of OpenSSL-based clients: Python, Node, curl, ...
)

// uaStack is the language a user-agent family implies.
func uaStack(fam string) stack {
	switch {
	case fam == "":
		return stackUnknown
	case fam == "chrome" || fam == "firefox" || fam == "safari" || fam == "edge" ||
		fam == "opera" || fam == "samsung" || fam == "mozilla":
		return stackBrowser
	case containsFold(fam, "curl"):
		return stackCurl
	case containsFold(fam, "python") || containsFold(fam, "httpx") || containsFold(fam, "aiohttp"):
		return stackPython
	case containsFold(fam, "/js") || containsFold(fam, "node") || containsFold(fam, "axios") ||
		containsFold(fam, "undici") || containsFold(fam, "deno") || containsFold(fam, "bun"):
		return stackJS
	case containsFold(fam, "go-http-client") || hasSuffixFold(fam, "/go"):
		return stackGo
	case containsFold(fam, "java") || containsFold(fam, "okhttp"):
		return stackJava
	}
	return stackUnknown
}

func hasSuffixFold(s, suf string) bool {
	return len(s) >= len(suf) && hasPrefixFold(s[len(s)-len(suf):], suf)
}

// langStack maps an x-stainless-lang value.
func langStack(lang string) stack {
	switch {
	case lang == "":
		return stackUnknown
	case hasPrefixFold(lang, "python"):
		return stackPython
	case hasPrefixFold(lang, "js") || hasPrefixFold(lang, "node") || hasPrefixFold(lang, "typescript"):
		return stackJS
	case hasPrefixFold(lang, "go"):
		return stackGo
	case hasPrefixFold(lang, "java") || hasPrefixFold(lang, "kotlin"):
		return stackJava
	}
	return stackUnknown
}

// runtimeStack maps an x-stainless-runtime value ("CPython", "node",
// "browser:chrome", "go").
func runtimeStack(rt string) stack {
	switch {
	case rt == "":
		return stackUnknown
	case hasPrefixFold(rt, "browser") || hasPrefixFold(rt, "edge") || hasPrefixFold(rt, "safari") ||
		hasPrefixFold(rt, "chrome") || hasPrefixFold(rt, "firefox"):
		return stackBrowser
	case hasPrefixFold(rt, "cpython") || hasPrefixFold(rt, "pypy") || hasPrefixFold(rt, "python"):
		return stackPython
	case hasPrefixFold(rt, "node") || hasPrefixFold(rt, "deno") || hasPrefixFold(rt, "bun") ||
		hasPrefixFold(rt, "workerd") || hasPrefixFold(rt, "vercel"):
		return stackJS
	case hasPrefixFold(rt, "go"):
		return stackGo
	}
	return stackUnknown
}

// JA4 cipher hashes (the JA4_b part) of well-known stacks. A cipher list is
// a property of the TLS library, so it identifies the library rather than
// the application. Sources: the FoxIO JA4 specification's example (Chromium)
// and its published ja4plus mapping (Go, Python on OpenSSL); Firefox and
// Safari values as commonly observed. Go's list is also pinned by a test
// that fingerprints this toolchain's own crypto/tls client.
var ja4Stacks = map[string]stack{
	"8daaf6152771": stackBrowser, // Chromium, Chrome, Edge, Opera
	"5b57614c22b0": stackBrowser, // Firefox
	"a09f3c656075": stackBrowser, // Safari
	"9dc949149365": stackGo,      // Go crypto/tls (older defaults)
	"f57a46bbacb6": stackGo,      // Go crypto/tls (Go 1.22+ defaults: t13d1312h2)
	"85036bcba153": stackOpenSSL, // Python on OpenSSL
}

// ja4Stack classifies a JA4 string. Heuristic: a known cipher hash decides;
// otherwise QUIC or HTTP/3 and an HTTP/2 hello with fifteen or more
// extensions look like a browser (SDK stacks send fewer and mostly offer
// http/1.1); anything else is unknown.
func ja4Stack(ja4 string) stack {
	if len(ja4) < 10 {
		return stackUnknown
	}
	if len(ja4) >= 23 && ja4[10] == '_' {
		if s, ok := ja4Stacks[ja4[11:23]]; ok {
			return s
		}
	}
	if ja4[0] == 'q' || ja4[8:10] == "h3" {
		return stackBrowser
	}
	if ja4[8:10] == "h2" && leadingInt(ja4[6:8]) >= 15 {
		return stackBrowser
	}
	return stackUnknown
}

// inconsistent is the SDK-versus-stack check behind ClientPrint.Inconsistent.
// It is a heuristic that links, it does not prove: headers are trivially
// spoofed, and only a contradiction between layers is flagged:
//   - SDK headers sent by curl or a browser user agent (unless the SDK says
//     it runs in a browser);
//   - x-stainless-lang against x-stainless-runtime (python on node);
//   - the claimed language (x-stainless-lang, else the user agent's) against
//     the user agent's language and against the TLS stack the JA4 belongs
//     to: a Python or Node SDK over a browser or Go TLS stack, a Go SDK over
//     a browser or OpenSSL stack.
func inconsistent(fam, lang, runtime string, hasSDK bool, ja4 string) bool {
	u, l, r := uaStack(fam), langStack(lang), runtimeStack(runtime)
	if hasSDK {
		if u == stackCurl {
			return true
		}
		if u == stackBrowser && r != stackBrowser {
			return true
		}
	}
	if l != stackUnknown && r != stackUnknown && r != stackBrowser && l != r {
		return true
	}
	claim := l
	if claim == stackUnknown {
		claim = u
	} else if u != stackUnknown && u != stackBrowser && u != claim {
		return true
	}
	if r == stackBrowser {
		claim = stackBrowser
	}
	switch t := ja4Stack(ja4); claim {
	case stackPython, stackJS, stackJava:
		return t == stackBrowser || t == stackGo
	case stackGo:
		return t == stackBrowser || t == stackOpenSSL
	case stackCurl:
		return t == stackBrowser || t == stackGo
	case stackBrowser:
		return t == stackGo || t == stackOpenSSL
	}
	return false
}
