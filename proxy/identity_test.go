package proxy_test

import (
	"net/http"
	"net/netip"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/proxy"
)

func mustIdent(t testing.TB, cfg proxy.IdentityConfig) *proxy.Identifier {
	t.Helper()
	id, err := proxy.NewIdentifier(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func hdr(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

// TestIdentifyCredentials: which header the account comes from.
func TestIdentifyCredentials(t *testing.T) {
	t.Parallel()
	def := mustIdent(t, proxy.IdentityConfig{})
	custom := mustIdent(t, proxy.IdentityConfig{CredentialHeaders: []string{"x-custom-key", "authorization"}})
	peer := netip.MustParseAddr("198.51.100.7")
	acct := func(id *proxy.Identifier, h http.Header) proxy.Identity { return id.Identify(h, peer, "") }
	key := acct(def, hdr("Authorization", "Bearer sk-one"))

	cases := []struct {
		name      string
		id        *proxy.Identifier
		h         http.Header
		same      bool // same account as key
		anonymous bool
	}{
		// Bearer and x-api-key carry the same credential
		{"bearer", def, hdr("Authorization", "Bearer sk-one"), true, false},
		{"bearer lower case", def, hdr("Authorization", "bearer sk-one"), true, false},
		{"bearer extra spaces", def, hdr("Authorization", "Bearer   sk-one "), true, false},
		{"x-api-key", def, hdr("X-Api-Key", "sk-one"), true, false},
		{"raw authorization", def, hdr("Authorization", "sk-one"), true, false},
		{"other key", def, hdr("Authorization", "Bearer sk-two"), false, false},
		// order: authorization wins over x-api-key by default
		{"both, authorization first", def, hdr("Authorization", "Bearer sk-one", "X-Api-Key", "sk-two"), true, false},
		{"empty bearer falls through", def, hdr("Authorization", "Bearer ", "X-Api-Key", "sk-one"), true, false},
		{"bare bearer falls through", def, hdr("Authorization", "Bearer", "X-Api-Key", "sk-one"), true, false},
		{"bearer tab", def, hdr("Authorization", "Bearer\tsk-one"), true, false},
		{"bearer-like raw key", def, hdr("Authorization", "bearersk-one"), false, false},
		// configurable list
		{"custom header", custom, hdr("X-Custom-Key", "sk-one"), true, false},
		{"custom order", custom, hdr("X-Custom-Key", "sk-one", "Authorization", "Bearer sk-two"), true, false},
		{"x-api-key not listed", custom, hdr("X-Api-Key", "sk-one"), false, true},
		// none
		{"anonymous", def, hdr(), false, true},
		{"anonymous empty", def, hdr("Authorization", ""), false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := acct(tc.id, tc.h)
			if (got.Account == key.Account) != tc.same {
				t.Errorf("account %v, key account %v, want same=%v", got.Account, key.Account, tc.same)
			}
			if got.Anonymous != tc.anonymous {
				t.Errorf("anonymous %v, want %v", got.Anonymous, tc.anonymous)
			}
			if got.Account == 0 {
				t.Error("zero account")
			}
		})
	}
	// anonymous requests are accounted to their address
	a1 := def.Identify(hdr(), netip.MustParseAddr("198.51.100.7"), "")
	a2 := def.Identify(hdr(), netip.MustParseAddr("198.51.100.8"), "")
	if a1.Account == a2.Account {
		t.Error("anonymous requests from two addresses share an account")
	}
	// the account is keyed: another HMAC key gives other ids
	other := mustIdent(t, proxy.IdentityConfig{HMACKey: "another secret"})
	if other.Identify(hdr("Authorization", "Bearer sk-one"), peer, "").Account == key.Account {
		t.Error("account id does not depend on the HMAC key")
	}
	long := mustIdent(t, proxy.IdentityConfig{HMACKey: strings.Repeat("k", 100)})
	if long.Identify(hdr("Authorization", "Bearer "+strings.Repeat("s", 5000)), peer, "").Account == 0 {
		t.Error("zero account for a long key")
	}
}

// TestIdentifyClientIP: X-Forwarded-For is believed only from trusted peers.
func TestIdentifyClientIP(t *testing.T) {
	t.Parallel()
	id := mustIdent(t, proxy.IdentityConfig{
		TrustedProxies: []string{"10.0.0.0/8", "192.0.2.1", "2001:db8:ffff::/48"},
		JA4Header:      "x-ja4",
	})
	cases := []struct {
		name, peer, want string
		xff              []string
	}{
		// untrusted peers: the header is ignored (spoofing)
		{"no header", "203.0.113.9", "203.0.113.9", nil},
		{"spoofed from untrusted", "203.0.113.9", "203.0.113.9", []string{"1.2.3.4"}},
		{"spoofed trusted-looking", "203.0.113.9", "203.0.113.9", []string{"10.1.1.1"}},
		// trusted peer
		{"one hop", "10.0.0.1", "198.51.100.1", []string{"198.51.100.1"}},
		{"single address trust", "192.0.2.1", "198.51.100.1", []string{"198.51.100.1"}},
		{"chain of trusted hops", "10.0.0.1", "198.51.100.1", []string{"6.6.6.6, 198.51.100.1, 10.2.2.2, 10.3.3.3"}},
		{"chain over several headers", "10.0.0.1", "198.51.100.1", []string{"6.6.6.6", "198.51.100.1, 10.2.2.2", "10.3.3.3"}},
		{"client spoofs left part", "10.0.0.1", "198.51.100.1", []string{"1.1.1.1, 198.51.100.1"}},
		{"all trusted: leftmost", "10.0.0.1", "10.9.9.9", []string{"10.9.9.9, 10.8.8.8"}},
		{"empty header", "10.0.0.1", "10.0.0.1", []string{""}},
		{"garbage stops the walk", "10.0.0.1", "10.0.0.1", []string{"198.51.100.1, not-an-ip"}},
		{"garbage left of client", "10.0.0.1", "198.51.100.1", []string{"junk, 198.51.100.1"}},
		{"entry with port", "10.0.0.1", "198.51.100.1", []string{"198.51.100.1:4711"}},
		// IPv6 and IPv4-mapped
		{"ipv6 peer untrusted", "2001:db8::1", "2001:db8::1", []string{"1.2.3.4"}},
		{"ipv6 trusted peer", "2001:db8:ffff::5", "2001:db8:1::9", []string{"2001:db8:1::9"}},
		{"ipv6 bracket port entry", "2001:db8:ffff::5", "2001:db8:1::9", []string{"[2001:db8:1::9]:443"}},
		{"mapped peer is trusted as v4", "::ffff:10.0.0.1", "198.51.100.1", []string{"198.51.100.1"}},
		{"mapped entry unmapped", "10.0.0.1", "198.51.100.1", []string{"::ffff:198.51.100.1"}},
		{"mapped untrusted peer", "::ffff:203.0.113.9", "203.0.113.9", []string{"1.2.3.4"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := http.Header{}
			for _, v := range tc.xff {
				h.Add("X-Forwarded-For", v)
			}
			h.Set("X-Ja4", "t13d1516h2_8daaf6152771_e5627efa2ab1")
			got := id.Identify(h, netip.MustParseAddr(tc.peer), "")
			if got.IP != netip.MustParseAddr(tc.want) {
				t.Fatalf("IP %v, want %v", got.IP, tc.want)
			}
			peer := netip.MustParseAddr(tc.peer).Unmap()
			trusted := peer.Is4() && (netip.MustParsePrefix("10.0.0.0/8").Contains(peer) || peer == netip.MustParseAddr("192.0.2.1")) ||
				netip.MustParsePrefix("2001:db8:ffff::/48").Contains(peer)
			if (got.JA4 != "") != trusted {
				t.Fatalf("JA4 %q from trusted=%v peer", got.JA4, trusted)
			}
		})
	}
}

// TestNewIdentifierErrors: bad configuration names the key.
func TestNewIdentifierErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		cfg  proxy.IdentityConfig
		key  string
	}{
		{"bad cidr", proxy.IdentityConfig{TrustedProxies: []string{"10.0.0.0/99"}}, "identity.trusted_proxies[0]"},
		{"not an address", proxy.IdentityConfig{TrustedProxies: []string{"10.0.0.0/8", "proxy.local"}}, "identity.trusted_proxies[1]"},
		{"bad header", proxy.IdentityConfig{CredentialHeaders: []string{"x key"}}, "identity.credential_headers[0]"},
		{"empty header", proxy.IdentityConfig{CredentialHeaders: []string{""}}, "identity.credential_headers[0]"},
	} {
		_, err := proxy.NewIdentifier(tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.key) {
			t.Errorf("%s: error %v, want one naming %s", tc.name, err, tc.key)
		}
	}
}

// TestParsePeer: RemoteAddr forms.
func TestParsePeer(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"198.51.100.1:1234", "198.51.100.1"},
		{"[2001:db8::1]:443", "2001:db8::1"},
		{"[::ffff:10.0.0.1]:80", "10.0.0.1"},
		{"198.51.100.1", "198.51.100.1"},
		{"2001:db8::1", "2001:db8::1"},
		{"", ""},
		{"@", ""},
		{"host:80", ""},
	} {
		got, err := proxy.ParsePeer(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("ParsePeer(%q) = %v, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != netip.MustParseAddr(tc.want) {
			t.Errorf("ParsePeer(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

// FuzzIdentify: no input panics Identify, and the result is deterministic.
func FuzzIdentify(f *testing.F) {
	f.Add("Bearer sk-1", "sk-2", "1.2.3.4, 10.0.0.1", "10.0.0.2:5555", "ja4")
	f.Add("", "", "", "", "")
	f.Add("bearer ", "x", ",,,", "[::ffff:10.0.0.1]:1", "")
	id := mustIdent(f, proxy.IdentityConfig{TrustedProxies: []string{"10.0.0.0/8", "::1/128"}, JA4Header: "x-ja4"})
	f.Fuzz(func(t *testing.T, auth, key, xff, remote, ja4 string) {
		h := http.Header{}
		h.Set("Authorization", auth)
		h.Set("X-Api-Key", key)
		for v := range strings.SplitSeq(xff, "\n") {
			h.Add("X-Forwarded-For", v)
		}
		h.Set("X-Ja4", ja4)
		peer, _ := proxy.ParsePeer(remote)
		a := id.Identify(h, peer, ja4)
		b := id.Identify(h, peer, ja4)
		if a != b {
			t.Fatalf("not deterministic: %+v vs %+v", a, b)
		}
		if a.IP.Is4In6() {
			t.Fatalf("IP %v not unmapped", a.IP)
		}
		if len(a.JA4) > max(64, len(ja4)) {
			t.Fatalf("JA4 of %d bytes", len(a.JA4))
		}
	})
}

// FuzzParsePeer: no input panics ParsePeer; a parsed address is unmapped.
func FuzzParsePeer(f *testing.F) {
	f.Add("127.0.0.1:80")
	f.Add("[::1]:0")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := proxy.ParsePeer(s)
		if err == nil && (!a.IsValid() || a.Is4In6()) {
			t.Fatalf("ParsePeer(%q) = %v", s, a)
		}
	})
}
