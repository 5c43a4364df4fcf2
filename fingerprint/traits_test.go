package fingerprint_test

import (
	"net/netip"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
)

const (
	ja4Chrome = "t13d1516h2_8daaf6152771_02713d6af862"
	ja4Go     = "t13d1312h2_f57a46bbacb6_ab7e3b40a677"
	ja4Python = "t13d181000_85036bcba153_d41ae481755e"
)

func hdrs(kv ...string) []fingerprint.Header {
	var out []fingerprint.Header
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, fingerprint.Header{Name: kv[i], Value: kv[i+1]})
	}
	return out
}

func pySDK(extra ...string) []fingerprint.Header {
	return hdrs(append([]string{"User-Agent", "OpenAI/Python 1.51.0", "X-Stainless-Lang", "python",
		"X-Stainless-Package-Version", "1.51.0", "X-Stainless-Runtime", "CPython", "X-Stainless-Runtime-Version", "3.12.4"}, extra...)...)
}

func TestClientInconsistent(t *testing.T) {
	t.Parallel()
	h := fingerprint.New(fingerprint.Config{})
	tests := []struct {
		name string
		c    fingerprint.Client
		want bool
	}{
		// Consistent stacks.
		{"python sdk on openssl", fingerprint.Client{JA4: ja4Python, Headers: pySDK()}, false},
		{"python sdk, unknown tls", fingerprint.Client{JA4: "t13d1712h1_0123456789ab_0123456789ab", Headers: pySDK()}, false},
		{"python sdk, no ja4", fingerprint.Client{Headers: pySDK()}, false},
		{"browser", fingerprint.Client{JA4: ja4Chrome, Headers: hdrs("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")}, false},
		{"js sdk in browser", fingerprint.Client{JA4: ja4Chrome, Headers: hdrs("User-Agent", "Mozilla/5.0 Chrome/131.0", "X-Stainless-Lang", "js", "X-Stainless-Runtime", "browser:chrome")}, false},
		{"go sdk on go", fingerprint.Client{JA4: ja4Go, Headers: hdrs("User-Agent", "OpenAI/Go 1.2.0", "X-Stainless-Lang", "go", "X-Stainless-Runtime", "go")}, false},
		{"curl plain", fingerprint.Client{JA4: ja4Python, Headers: hdrs("User-Agent", "curl/8.5.0")}, false},
		// Contradictions.
		{"python sdk on browser tls", fingerprint.Client{JA4: ja4Chrome, Headers: pySDK()}, true},
		{"python sdk on go tls", fingerprint.Client{JA4: ja4Go, Headers: pySDK()}, true},
		{"node sdk on go tls", fingerprint.Client{JA4: ja4Go, Headers: hdrs("User-Agent", "OpenAI/JS 4.67.3", "X-Stainless-Lang", "js", "X-Stainless-Runtime", "node")}, true},
		{"quic with sdk", fingerprint.Client{JA4: "q13d0312h3_55b375c5d22e_06cda9e17597", Headers: pySDK()}, true},
		{"curl with stainless", fingerprint.Client{Headers: hdrs("User-Agent", "curl/8.5.0", "X-Stainless-Lang", "python")}, true},
		{"lang vs runtime", fingerprint.Client{Headers: hdrs("X-Stainless-Lang", "python", "X-Stainless-Runtime", "node")}, true},
		{"ua vs lang", fingerprint.Client{Headers: hdrs("User-Agent", "OpenAI/JS 4.0.0", "X-Stainless-Lang", "python")}, true},
		{"browser ua with sdk", fingerprint.Client{Headers: append(pySDK(), hdrs("User-Agent", "Mozilla/5.0 Chrome/131.0")...)}, true},
		{"go sdk on openssl", fingerprint.Client{JA4: ja4Python, Headers: hdrs("User-Agent", "OpenAI/Go 1.2.0", "X-Stainless-Lang", "go")}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p fingerprint.ClientPrint
			h.Client(&tt.c, &p)
			if p.Inconsistent != tt.want {
				t.Errorf("Inconsistent = %v, want %v", p.Inconsistent, tt.want)
			}
		})
	}
}

func TestClientPrint(t *testing.T) {
	t.Parallel()
	h := fingerprint.New(fingerprint.Config{Seed: 3})
	get := func(c fingerprint.Client) fingerprint.ClientPrint {
		var p fingerprint.ClientPrint
		h.Client(&c, &p)
		return p
	}
	base := get(fingerprint.Client{IP: netip.MustParseAddr("198.51.100.7"), JA4: ja4Python, Headers: pySDK("Accept", "application/json")})

	// Same stack, other key, other address in the /24, patch version: equal.
	other := get(fingerprint.Client{IP: netip.MustParseAddr("198.51.100.200"), JA4: ja4Python,
		Headers: append(pySDK("Accept", "application/json"), hdrs("X-Stainless-Retry-Count", "1")[0])})
	if other.Net != base.Net || other.JA4 != base.JA4 || other.SDK != base.SDK {
		t.Error("same stack prints differ")
	}
	// Header values that vary per request do not count, names do.
	if other.HTTP == base.HTTP {
		t.Error("an extra header name does not change HTTP")
	}
	a := get(fingerprint.Client{Headers: hdrs("User-Agent", "curl/8.5.0", "Authorization", "Bearer a")})
	b := get(fingerprint.Client{Headers: hdrs("user-agent", "curl/8.9.1", "authorization", "Bearer b")})
	if a.HTTP != b.HTTP || a.UA != b.UA {
		t.Error("header name case, credential or minor version changes the print")
	}
	c := get(fingerprint.Client{Headers: hdrs("User-Agent", "curl/7.88.1", "Authorization", "Bearer a")})
	if c.UA == a.UA {
		t.Error("major version ignored")
	}
	// Order counts only when known.
	x := hdrs("Accept", "*/*", "User-Agent", "curl/8.5.0", "Host", "h")
	y := hdrs("Host", "h", "User-Agent", "curl/8.5.0", "Accept", "*/*")
	if get(fingerprint.Client{Headers: x}).HTTP != get(fingerprint.Client{Headers: y}).HTTP {
		t.Error("unordered headers: order counts")
	}
	if get(fingerprint.Client{Headers: x, Ordered: true}).HTTP == get(fingerprint.Client{Headers: y, Ordered: true}).HTTP {
		t.Error("ordered headers: order ignored")
	}
	// Proxy-added headers are ignored.
	if get(fingerprint.Client{Headers: x}).HTTP != get(fingerprint.Client{Headers: append(hdrs("X-Forwarded-For", "1.2.3.4"), x...)}).HTTP {
		t.Error("X-Forwarded-For changes the print")
	}
	if base.SDK == 0 || get(fingerprint.Client{Headers: x}).SDK != 0 {
		t.Error("SDK hash presence")
	}
	if get(fingerprint.Client{}).Net != 0 || base.Net == 0 {
		t.Error("Net of an invalid address")
	}
}

func TestNetPrefix(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"203.0.113.77", "203.0.113.0/24"},
		{"::ffff:203.0.113.77", "203.0.113.0/24"},
		{"2001:db8:abcd:12::1", "2001:db8:abcd::/48"},
		{"fe80::1%eth0", "fe80::/48"},
	}
	for _, tt := range tests {
		if got := fingerprint.NetPrefix(netip.MustParseAddr(tt.in)); got.String() != tt.want {
			t.Errorf("NetPrefix(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := fingerprint.NetPrefix(netip.Addr{}); got.IsValid() {
		t.Errorf("NetPrefix(invalid) = %s", got)
	}
}
