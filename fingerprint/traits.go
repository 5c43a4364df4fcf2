package fingerprint

// Client computes the client-trait print of c into out, overwriting it. It
// reads header names and a few header values, hashes without building
// strings, and retains nothing.
func (h *Hasher) Client(c *Client, out *ClientPrint) {
	*out = ClientPrint{}
	var (
		names    uint64 // order-insensitive: a sum of per-name hashes
		ordered  = h.seed ^ 0x6f72646572
		accept   uint64
		encoding uint64
		sdk      = h.seed ^ 0x73646b
		nsdk     int
		ua       string
		lang     string
		runtime  string
	)
	for i := range c.Headers {
		name, value := c.Headers[i].Name, c.Headers[i].Value
		nh := lowerHash(fnvBasis, name)
		switch nh {
		case hXForwardedFor, hXForwardedProto, hXForwardedHost, hForwarded, hVia,
			hXRealIP, hCFConnectingIP, hTrueClientIP, hXAmznTraceID, hContentLength:
			// Added by infrastructure in front of us, or per request.
			continue
		case hUserAgent:
			ua = value
		case hAccept:
			accept = lowerHash(fnvBasis^h.seed, trimSpaces(value))
		case hAcceptEncoding:
			encoding = lowerHash(fnvBasis^h.seed, trimSpaces(value))
		case hStainlessLang:
			lang = value
			sdk = mix64(sdk ^ nh ^ lowerHash(h.basis, value))
			nsdk++
		case hStainlessRuntime:
			runtime = value
			sdk = mix64(sdk ^ nh ^ lowerHash(h.basis, value))
			nsdk++
		case hStainlessPackageVersion, hStainlessOS, hStainlessArch, hStainlessRuntimeVersion:
			sdk = mix64(sdk ^ nh ^ lowerHash(h.basis, value))
			nsdk++
		}
		names += mix64(nh ^ h.seed)
		ordered = mix64(ordered ^ nh)
	}

	fam, major := uaFamily(ua)
	if ua != "" {
		out.UA = mix64(lowerHash(h.basis, fam)^h.seed^0x7561) ^ mix64(uint64(major)+1)
	}
	if nsdk > 0 {
		out.SDK = mix64(sdk) | 1
	}
	httpPrint := names
	if c.Ordered {
		httpPrint = ordered
	}
	httpPrint = mix64(httpPrint ^ out.UA)
	httpPrint = mix64(httpPrint ^ accept)
	httpPrint = mix64(httpPrint ^ encoding)
	out.HTTP = mix64(httpPrint^out.SDK) | 1
	if c.JA4 != "" {
		out.JA4 = lowerHash(h.basis^0x6a6134, c.JA4)
	}
	out.Net = h.prefixHash(NetPrefix(c.IP))
	out.Wide = h.prefixHash(WideNetPrefix(c.IP))
	out.Inconsistent = inconsistent(fam, lang, runtime, nsdk > 0, c.JA4)
	out.Hosting = c.Hosting
}

// lowerHash is FNV-1a over the ASCII-lower-cased bytes of s.
func lowerHash(basis uint64, s string) uint64 {
	x := basis
	for i := 0; i < len(s); i++ {
		x = (x ^ uint64(lower[s[i]])) * fnvPrime
	}
	return x | 1
}

// trimSpaces drops surrounding spaces; header values are compared as sent
// otherwise (clients of one stack send byte-identical values).
func trimSpaces(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// Hashes of the header names the client print looks at, unseeded: they
// identify names, they are not part of any print.
var (
	hUserAgent               = lowerHash(fnvBasis, "user-agent")
	hAccept                  = lowerHash(fnvBasis, "accept")
	hAcceptEncoding          = lowerHash(fnvBasis, "accept-encoding")
	hStainlessLang           = lowerHash(fnvBasis, "x-stainless-lang")
	hStainlessPackageVersion = lowerHash(fnvBasis, "x-stainless-package-version")
	hStainlessOS             = lowerHash(fnvBasis, "x-stainless-os")
	hStainlessArch           = lowerHash(fnvBasis, "x-stainless-arch")
	hStainlessRuntime        = lowerHash(fnvBasis, "x-stainless-runtime")
	hStainlessRuntimeVersion = lowerHash(fnvBasis, "x-stainless-runtime-version")
	hXForwardedFor           = lowerHash(fnvBasis, "x-forwarded-for")
	hXForwardedProto         = lowerHash(fnvBasis, "x-forwarded-proto")
	hXForwardedHost          = lowerHash(fnvBasis, "x-forwarded-host")
	hForwarded               = lowerHash(fnvBasis, "forwarded")
	hVia                     = lowerHash(fnvBasis, "via")
	hXRealIP                 = lowerHash(fnvBasis, "x-real-ip")
	hCFConnectingIP          = lowerHash(fnvBasis, "cf-connecting-ip")
	hTrueClientIP            = lowerHash(fnvBasis, "true-client-ip")
	hXAmznTraceID            = lowerHash(fnvBasis, "x-amzn-trace-id")
	hContentLength           = lowerHash(fnvBasis, "content-length")
)
