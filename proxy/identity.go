package proxy

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"strings"

	"github.com/sluicehq/sluice/limiter"
)

// IdentityConfig says how a request's account and client address are found.
//
// # Trust model
//
// The account is the keyed hash (HMAC-SHA256, truncated to 64 bits) of the
// first credential header present, in CredentialHeaders order; a Bearer
// prefix is removed. The raw credential never leaves Identify. A request with
// no credential is anonymous and is accounted to its client address.
//
// The client address is the socket peer. X-Forwarded-For is read only when
// the peer is inside one of TrustedProxies; then the entries are walked from
// the right and the first address that is not itself a trusted proxy is the
// client. A peer outside TrustedProxies cannot move its address by sending
// the header: it fails closed to the socket address. IPv4-mapped IPv6
// addresses are unmapped.
type IdentityConfig struct {
	// CredentialHeaders are the headers that carry the API key, in order of
	// preference. Default: authorization, x-api-key.
	CredentialHeaders []string `yaml:"credential_headers"`
	// TrustedProxies are CIDRs whose X-Forwarded-For (and JA4Header) is
	// believed. Default: none.
	TrustedProxies []string `yaml:"trusted_proxies"`
	// JA4Header is a header in which a trusted fronting load balancer passes
	// the client's JA4 TLS print. Empty: not read.
	JA4Header string `yaml:"ja4_header"`
	// HMACKey keys the account hash. Set the same secret on every replica so
	// that account and cluster ids agree. Empty: a built-in key (ids are then
	// guessable from a known credential; set one in production).
	HMACKey string `yaml:"hmac_key"`
	// ASNDatabase is an optional ASN database (MaxMind DB format, such as
	// GeoLite2-ASN) from which a client address's network is told to be a
	// hosting range or not; HostingASNs lists ASNs to count as hosting
	// when the database does not say (see asnDB). Empty: not read.
	ASNDatabase string   `yaml:"asn_db"`
	HostingASNs []uint32 `yaml:"hosting_asns"`
}

const defaultHMACKey = "sluice-default-account-key-v1"

// Identity is who sent a request.
type Identity struct {
	Account limiter.AccountID
	// Anonymous is true when no credential header was present.
	Anonymous bool
	IP        netip.Addr
	JA4       string
	// ASN is the client address's autonomous system and Hosting whether it
	// is a hosting range, from the operator's ASN database (zero without
	// one).
	ASN     uint32
	Hosting bool
}

// Identifier derives identities. Build one with NewIdentifier; it is safe
// for concurrent use and allocates nothing per request.
type Identifier struct {
	headers []string
	trusted []netip.Prefix
	ja4     string
	ipad    [64]byte
	opad    [64]byte
	asn     *asnDB
}

// NewIdentifier validates cfg and returns an Identifier.
func NewIdentifier(cfg IdentityConfig) (*Identifier, error) {
	id := &Identifier{}
	hs := cfg.CredentialHeaders
	if len(hs) == 0 {
		hs = []string{"authorization", "x-api-key"}
	}
	for i, h := range hs {
		if h == "" || strings.ContainsAny(h, " :\r\n") {
			return nil, fmt.Errorf("identity.credential_headers[%d]: %q is not a header name", i, h)
		}
		id.headers = append(id.headers, http.CanonicalHeaderKey(h))
	}
	for i, c := range cfg.TrustedProxies {
		p, err := netip.ParsePrefix(c)
		if err != nil {
			a, err2 := netip.ParseAddr(c)
			if err2 != nil {
				return nil, fmt.Errorf("identity.trusted_proxies[%d]: %q is not a CIDR", i, c)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		id.trusted = append(id.trusted, p.Masked())
	}
	if cfg.JA4Header != "" {
		id.ja4 = http.CanonicalHeaderKey(cfg.JA4Header)
	}
	key := []byte(cfg.HMACKey)
	if len(key) == 0 {
		key = []byte(defaultHMACKey)
	}
	if len(key) > 64 {
		k := sha256.Sum256(key)
		key = k[:]
	}
	for i := range 64 {
		var b byte
		if i < len(key) {
			b = key[i]
		}
		id.ipad[i] = b ^ 0x36
		id.opad[i] = b ^ 0x5c
	}
	if cfg.ASNDatabase != "" {
		db, err := openASN(cfg.ASNDatabase, cfg.HostingASNs)
		if err != nil {
			return nil, err
		}
		id.asn = db
	} else if len(cfg.HostingASNs) > 0 {
		return nil, errors.New("identity.hosting_asns: needs identity.asn_db")
	}
	return id, nil
}

// ErrNoAddr is returned by ParsePeer for an unparsable remote address.
var ErrNoAddr = errors.New("proxy: no client address")

// ParsePeer parses a net/http RemoteAddr ("ip:port") or a bare address.
func ParsePeer(remote string) (netip.Addr, error) {
	if ap, err := netip.ParseAddrPort(remote); err == nil {
		return ap.Addr().Unmap(), nil
	}
	if a, err := netip.ParseAddr(remote); err == nil {
		return a.Unmap(), nil
	}
	return netip.Addr{}, ErrNoAddr
}

// Identify derives the identity of a request from its headers, its socket
// peer and the JA4 print of its TLS handshake (empty when unknown). Live
// requests and trace records go through this one function.
func (id *Identifier) Identify(h http.Header, peer netip.Addr, ja4 string) Identity {
	out := Identity{IP: peer.Unmap(), JA4: ja4}
	trusted := id.isTrusted(out.IP)
	if trusted {
		out.IP = id.forwardedFor(h, out.IP)
		if id.ja4 != "" {
			if v := headerValue(h, id.ja4); v != "" && len(v) <= 64 {
				out.JA4 = v
			}
		}
	}
	if id.asn != nil {
		info := id.asn.lookup(out.IP)
		out.ASN, out.Hosting = info.ASN, info.Hosting
	}
	for _, name := range id.headers {
		v := headerValue(h, name)
		if v == "" {
			continue
		}
		if len(v) >= 6 && strings.EqualFold(v[:6], "bearer") && (len(v) == 6 || v[6] == ' ' || v[6] == '\t') {
			v = strings.TrimSpace(v[6:]) // "Bearer" with no token is no credential
		}
		if v == "" {
			continue
		}
		out.Account = id.mac('k', v)
		return out
	}
	out.Anonymous = true
	var b [16]byte
	ab := out.IP.As16()
	copy(b[:], ab[:])
	out.Account = id.mac('i', string(b[:]))
	return out
}

// AccountOf returns the account id of an API key, as Identify derives it
// from a credential header (a leading "Bearer " is dropped): what an
// operator needs to answer "why is this key throttled" without the
// decision log ever holding the key.
func (id *Identifier) AccountOf(key string) limiter.AccountID {
	key = strings.TrimSpace(key)
	if len(key) >= 7 && strings.EqualFold(key[:7], "bearer ") {
		key = strings.TrimSpace(key[7:])
	}
	return id.mac('k', key)
}

// reads reports whether Identify reads the header called name (any case),
// and its canonical name: the credential headers, X-Forwarded-For and the
// JA4 header. Replay fills only these into the header map it passes.
func (id *Identifier) reads(name string) (string, bool) {
	for _, h := range id.headers {
		if strings.EqualFold(name, h) {
			return h, true
		}
	}
	if strings.EqualFold(name, "X-Forwarded-For") {
		return "X-Forwarded-For", true
	}
	if id.ja4 != "" && strings.EqualFold(name, id.ja4) {
		return id.ja4, true
	}
	return "", false
}

// headerValue is h.Get for a canonical key, without re-canonicalising.
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func (id *Identifier) isTrusted(a netip.Addr) bool {
	for _, p := range id.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// forwardedFor walks X-Forwarded-For from the right (the entries added by
// our own trusted proxies come last) and returns the first untrusted
// address. Unparsable entries stop the walk: what lies left of them cannot
// be trusted either.
func (id *Identifier) forwardedFor(h http.Header, peer netip.Addr) netip.Addr {
	vals := h["X-Forwarded-For"]
	client := peer
	for i := len(vals) - 1; i >= 0; i-- {
		v := vals[i]
		for len(v) > 0 {
			j := strings.LastIndexByte(v, ',')
			part := strings.TrimSpace(v[j+1:])
			if j < 0 {
				v = ""
			} else {
				v = v[:j]
			}
			if part == "" {
				continue
			}
			a, err := netip.ParseAddr(part)
			if err != nil {
				if ap, err2 := netip.ParseAddrPort(part); err2 == nil {
					a = ap.Addr()
				} else {
					return client
				}
			}
			a = a.Unmap()
			client = a
			if !id.isTrusted(a) {
				return a
			}
		}
	}
	return client
}

// mac is HMAC-SHA256(key, kind||msg) truncated to 64 bits, computed with
// stack buffers so that it allocates nothing for credentials up to 1 KiB.
func (id *Identifier) mac(kind byte, msg string) limiter.AccountID {
	var inner [64 + 1 + 1024]byte
	var sum [32]byte
	if len(msg) <= 1024 {
		copy(inner[:64], id.ipad[:])
		inner[64] = kind
		n := copy(inner[65:], msg)
		sum = sha256.Sum256(inner[:65+n])
	} else {
		hh := sha256.New()
		hh.Write(id.ipad[:])
		hh.Write([]byte{kind})
		hh.Write([]byte(msg))
		hh.Sum(sum[:0])
	}
	var outer [64 + 32]byte
	copy(outer[:64], id.opad[:])
	copy(outer[64:], sum[:])
	sum = sha256.Sum256(outer[:])
	var v uint64
	for i := range 8 {
		v = v<<8 | uint64(sum[i])
	}
	return limiter.AccountID(v)
}
