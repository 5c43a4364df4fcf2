package fingerprint

import "net/netip"

// NetPrefix returns the network an address belongs to for linking accounts:
// the /24 of an IPv4 address and the /48 of an IPv6 address (a typical
// customer allocation: one site, one enterprise gateway pool). An
// IPv4-mapped IPv6 address (::ffff:a.b.c.d) is unmapped first and yields its
// IPv4 /24; a zone is dropped. An invalid address yields the zero Prefix.
func NetPrefix(ip netip.Addr) netip.Prefix { return prefixOf(ip, 24, 48) }

// WideNetPrefix returns the wider network an address belongs to: the /16
// of an IPv4 address and the /32 of an IPv6 address (a provider's block,
// a datacenter's range), unmapped and without zone like NetPrefix; the
// zero Prefix for an invalid address.
func WideNetPrefix(ip netip.Addr) netip.Prefix { return prefixOf(ip, 16, 32) }

// prefixOf is the /v4 or /v6 prefix of ip, unmapped and without its zone.
func prefixOf(ip netip.Addr, v4, v6 int) netip.Prefix {
	if !ip.IsValid() {
		return netip.Prefix{}
	}
	ip = ip.Unmap().WithZone("")
	bits := v6
	if ip.Is4() {
		bits = v4
	}
	p, err := ip.Prefix(bits)
	if err != nil {
		return netip.Prefix{}
	}
	return p
}

// prefixHash is the seeded hash of a prefix, 0 for an invalid one.
func (h *Hasher) prefixHash(p netip.Prefix) uint64 {
	if !p.IsValid() {
		return 0
	}
	a := p.Addr().As16()
	x := h.seed ^ 0x6e6574 ^ uint64(p.Bits())
	for i := 0; i < 16; i += 8 {
		var w uint64
		for _, b := range a[i : i+8] {
			w = w<<8 | uint64(b)
		}
		x = mix64(x ^ w)
	}
	return x | 1
}
