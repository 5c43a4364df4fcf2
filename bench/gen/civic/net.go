package civic

import (
	"math/rand/v2"
	"net/netip"
)

// ipPool is a set of address blocks of one kind of network.
type ipPool []netip.Prefix

func pool(cidrs ...string) ipPool {
	p := make(ipPool, len(cidrs))
	for i, c := range cidrs {
		p[i] = netip.MustParsePrefix(c)
	}
	return p
}

// Address blocks by kind of network. They are public blocks of the kind
// named; the traffic only needs their shape (which addresses share a
// block), not who holds them.
var (
	// state and city government networks
	netGov = pool("156.98.0.0/16", "164.156.0.0/16", "167.242.0.0/16", "199.79.32.0/19", "205.214.0.0/18", "2620:10d:c000::/40")
	// cloud regions
	netAWSEast   = pool("3.208.0.0/12", "44.192.0.0/11", "54.144.0.0/12", "2600:1f18::/32")
	netAWSEast2  = pool("3.128.0.0/12", "18.216.0.0/14", "2600:1f16::/32")
	netAWSWest   = pool("34.208.0.0/12", "44.224.0.0/11", "2600:1f14::/32")
	netGovCloud  = pool("52.222.0.0/17", "160.1.0.0/16")
	netAzureEast = pool("20.42.0.0/15", "40.76.0.0/14", "52.168.0.0/14")
	netGCPCentr  = pool("34.123.0.0/16", "35.184.0.0/13", "2600:1900:4000::/44")
	netGHActions = pool("20.57.0.0/16", "4.148.0.0/16", "52.234.0.0/15")
	// home broadband
	netHomeUS = pool("73.0.0.0/8", "24.0.0.0/12", "98.192.0.0/10", "71.192.0.0/11", "108.48.0.0/12", "76.100.0.0/14",
		"99.0.0.0/11", "174.48.0.0/12", "68.32.0.0/11", "47.144.0.0/13")
	netHomeUS6 = pool("2601::/20", "2600:1700::/28", "2603:6000::/20")
	netHomeEU  = pool("86.128.0.0/10", "82.0.0.0/12", "84.80.0.0/12", "77.160.0.0/12", "2a02:a400::/24")
	// mobile carrier NAT
	netMobile  = pool("172.56.0.0/13", "174.192.0.0/10", "166.128.0.0/9", "107.77.192.0/18")
	netMobile6 = pool("2607:fb90::/32", "2600:380::/28", "2600:1000::/24")
	// commercial VPN exits
	netVPN = pool("146.70.0.0/16", "89.187.160.0/19", "185.213.152.0/22", "198.44.128.0/18", "37.19.192.0/19", "2a0d:5600::/32")
	// cheap hosting
	netHetzner = pool("5.75.128.0/17", "65.108.0.0/15", "116.202.0.0/15", "2a01:4f8::/32")
	netOVH     = pool("51.75.0.0/16", "141.94.0.0/16", "2001:41d0::/32")
	netDO      = pool("159.65.0.0/16", "167.99.0.0/16", "64.225.0.0/17", "143.198.0.0/16", "2604:a880::/32")
	netVultr   = pool("45.76.0.0/16", "149.28.0.0/16", "2001:19f0::/32")
	// office blocks: small businesses, nonprofits, co-working spaces
	netOffice = pool("63.140.0.0/16", "65.196.0.0/16", "208.54.0.0/17", "216.81.0.0/17", "38.104.0.0/14")
	// universities and school districts
	netEdu = pool("128.135.0.0/16", "129.110.0.0/16", "140.247.0.0/16", "204.98.0.0/16", "2607:f388::/32")
)

// pick returns a random address of a random block of p.
func (p ipPool) pick(r *rand.Rand) string { return addrIn(r, p[r.IntN(len(p))]).String() }

// v4 returns the IPv4 blocks of p.
func (p ipPool) v4() ipPool {
	var v4 ipPool
	for _, q := range p {
		if q.Addr().Is4() {
			v4 = append(v4, q)
		}
	}
	return v4
}

// v6 returns the IPv6 blocks of p.
func (p ipPool) v6() ipPool {
	var v6 ipPool
	for _, q := range p {
		if q.Addr().Is6() {
			v6 = append(v6, q)
		}
	}
	return v6
}

// pick4 is pick restricted to IPv4 blocks.
func (p ipPool) pick4(r *rand.Rand) string { return p.v4().pick(r) }

// sub returns a random block of bits bits inside a random block of p.
func (p ipPool) sub(r *rand.Rand, bits int) netip.Prefix {
	q := p[r.IntN(len(p))]
	if q.Addr().Is4() && bits > 32 {
		bits = 32
	}
	if bits < q.Bits() {
		bits = q.Bits()
	}
	a := addrIn(r, q)
	s, _ := a.Prefix(bits)
	return s
}

// addrIn returns a random host address inside prefix q (not the first or
// last address of an IPv4 /24).
func addrIn(r *rand.Rand, q netip.Prefix) netip.Addr {
	b := q.Addr().AsSlice()
	n := len(b) * 8
	for i := q.Bits(); i < n; i++ {
		if r.IntN(2) == 1 {
			b[i/8] |= 1 << (7 - i%8)
		} else {
			b[i/8] &^= 1 << (7 - i%8)
		}
	}
	if len(b) == 4 && q.Bits() <= 24 && (b[3] == 0 || b[3] == 255) {
		b[3] = byte(1 + r.IntN(254))
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}
