package fingerprint

import (
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"slices"
)

// Hello is the part of a TLS ClientHello that JA4 reads. JA4 builds one from
// a crypto/tls ClientHelloInfo; tools that parse raw hellos can fill it
// directly. GREASE values may be left in: JA4 ignores them.
type Hello struct {
	// Protocol is 't' (TLS over TCP; also when 0), 'q' (QUIC) or 'd' (DTLS).
	Protocol byte
	// Versions are the supported_versions values, or the legacy protocol
	// version alone when the extension is absent.
	Versions []uint16
	// Ciphers, Extensions and SignatureAlgorithms are in wire order.
	Ciphers             []uint16
	Extensions          []uint16
	SignatureAlgorithms []uint16
	// ALPN is the first ALPN protocol, "" when none.
	ALPN string
	// SNI is true when the server_name extension was sent. JA4 also treats
	// extension 0x0000 in Extensions as SNI.
	SNI bool
}

// JA4 returns the JA4 TLS client print of a ClientHello seen by a crypto/tls
// server (for example in Config.GetConfigForClient), with protocol 't'. It
// needs ClientHelloInfo.Extensions (Go 1.24 and later); GREASE values are
// ignored. Algorithm: FoxIO JA4 specification (BSD 3-Clause licensed),
// implemented from its text.
func JA4(hello *tls.ClientHelloInfo) string {
	if hello == nil {
		return ""
	}
	var sig [64]uint16
	h := Hello{
		Protocol:            't',
		Versions:            hello.SupportedVersions,
		Ciphers:             hello.CipherSuites,
		Extensions:          hello.Extensions,
		SignatureAlgorithms: sig[:0],
		SNI:                 hello.ServerName != "",
	}
	for _, s := range hello.SignatureSchemes {
		h.SignatureAlgorithms = append(h.SignatureAlgorithms, uint16(s))
	}
	if len(hello.SupportedProtos) > 0 {
		h.ALPN = hello.SupportedProtos[0]
	}
	return h.JA4()
}

// JA4 returns the JA4 string of h.
func (h *Hello) JA4() string {
	var buf [40]byte
	return string(h.AppendJA4(buf[:0]))
}

// isGREASE reports whether v is one of the reserved GREASE values
// 0x0a0a, 0x1a1a, ... 0xfafa (RFC 8701).
func isGREASE(v uint16) bool { return v&0x0f0f == 0x0a0a && v>>8 == v&0xff }

// AppendJA4 appends the 36-byte JA4 string of h to dst.
func (h *Hello) AppendJA4(dst []byte) []byte {
	p := h.Protocol
	if p != 'q' && p != 'd' {
		p = 't'
	}
	dst = append(dst, p)

	var top uint16
	for _, v := range h.Versions {
		if !isGREASE(v) && versionRank(v) > versionRank(top) {
			top = v
		}
	}
	dst = append(dst, versionCode(top)...)

	sni := h.SNI
	var ciphers, exts [128]uint16
	cs, es := ciphers[:0], exts[:0]
	for _, c := range h.Ciphers {
		if !isGREASE(c) {
			cs = append(cs, c)
		}
	}
	nExt := 0
	for _, e := range h.Extensions {
		if isGREASE(e) {
			continue
		}
		nExt++
		switch e {
		case 0x0000:
			sni = true
		case 0x0010:
		default:
			es = append(es, e)
		}
	}
	if sni {
		dst = append(dst, 'd')
	} else {
		dst = append(dst, 'i')
	}
	dst = appendCount(dst, len(cs))
	dst = appendCount(dst, nExt)
	dst = appendALPN(dst, h.ALPN)

	dst = append(dst, '_')
	slices.Sort(cs)
	dst = appendListHash(dst, cs, nil)
	dst = append(dst, '_')
	slices.Sort(es)
	var sigs [64]uint16
	ss := sigs[:0]
	for _, s := range h.SignatureAlgorithms {
		if !isGREASE(s) {
			ss = append(ss, s)
		}
	}
	return appendListHash(dst, es, ss)
}

func versionRank(v uint16) int {
	switch v {
	case 0x0002:
		return 1
	case 0x0300:
		return 2
	case 0x0301, 0xfeff:
		return 3
	case 0x0302:
		return 4
	case 0x0303, 0xfefd:
		return 5
	case 0x0304, 0xfefc:
		return 6
	}
	return 0
}

func versionCode(v uint16) string {
	switch v {
	case 0x0304:
		return "13"
	case 0x0303:
		return "12"
	case 0x0302:
		return "11"
	case 0x0301:
		return "10"
	case 0x0300:
		return "s3"
	case 0x0002:
		return "s2"
	case 0xfeff:
		return "d1"
	case 0xfefd:
		return "d2"
	case 0xfefc:
		return "d3"
	}
	return "00"
}

func appendCount(dst []byte, n int) []byte {
	n = min(n, 99)
	return append(dst, byte('0'+n/10), byte('0'+n%10))
}

func isAlnumByte(b byte) bool { return asciiClass[b] >= cLower }

// appendALPN appends the first and last characters of the first ALPN value,
// or of its hex form when either is not alphanumeric, or "00" when absent.
func appendALPN(dst []byte, alpn string) []byte {
	if alpn == "" {
		return append(dst, '0', '0')
	}
	first, last := alpn[0], alpn[len(alpn)-1]
	if isAlnumByte(first) && isAlnumByte(last) {
		return append(dst, first, last)
	}
	const hexdig = "0123456789abcdef"
	return append(dst, hexdig[first>>4], hexdig[last&0xf])
}

// appendListHash appends the first 12 hex characters of the SHA-256 of the
// comma-separated 4-digit hex list a, followed by "_" and list b when b is
// not empty; "000000000000" when a is empty.
func appendListHash(dst []byte, a, b []uint16) []byte {
	if len(a) == 0 {
		return append(dst, "000000000000"...)
	}
	var sbuf [1024]byte
	s := appendHexList(sbuf[:0], a)
	if len(b) > 0 {
		s = append(s, '_')
		s = appendHexList(s, b)
	}
	sum := sha256.Sum256(s)
	var hx [12]byte
	hex.Encode(hx[:], sum[:6])
	return append(dst, hx[:]...)
}

func appendHexList(dst []byte, xs []uint16) []byte {
	const hexdig = "0123456789abcdef"
	for i, x := range xs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, hexdig[x>>12], hexdig[x>>8&0xf], hexdig[x>>4&0xf], hexdig[x&0xf])
	}
	return dst
}
