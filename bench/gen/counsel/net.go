package counsel

import (
	"math/rand/v2"
	"net/netip"
)

// cidrs is an address space to draw client addresses from.
type cidrs []netip.Prefix

func mustCIDRs(ss ...string) cidrs {
	out := make(cidrs, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// pick returns a random host address of a random prefix of c.
func (c cidrs) pick(r *rand.Rand) string {
	p := c[r.IntN(len(c))]
	a := p.Addr()
	if a.Is4() {
		b := a.As4()
		v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
		host := 32 - p.Bits()
		if host > 0 {
			v |= r.Uint32() & (1<<host - 1)
		}
		// stay off network and broadcast-looking last octets
		if v&0xff == 0 || v&0xff == 255 {
			v ^= 1 + uint32(r.IntN(200))
		}
		return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}).String()
	}
	b := a.As16()
	for i := p.Bits(); i < 128; i++ {
		if r.IntN(2) == 1 {
			b[i/8] |= 1 << (7 - i%8)
		}
	}
	return netip.AddrFrom16(b).String()
}

// hosts returns n distinct addresses of c (fixed machines: NAT gateways,
// VPS, proxy exits).
func (c cidrs) hosts(r *rand.Rand, n int) []string {
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		a := c.pick(r)
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// block returns n consecutive addresses of a small static block (an
// office's assignment from a business ISP).
func (c cidrs) block(r *rand.Rand, n int) []string {
	first := netip.MustParseAddr(c.pick(r))
	b := first.As4()
	b[3] = byte(8*(1+r.IntN(28)) + 1)
	a := netip.AddrFrom4(b)
	out := make([]string, n)
	for i := range out {
		out[i] = a.String()
		a = a.Next()
	}
	return out
}

var (
	// home broadband in the United States
	resUS4 = mustCIDRs("73.0.0.0/8", "98.192.0.0/10", "24.0.0.0/12", "71.160.0.0/11", "108.0.0.0/14",
		"96.224.0.0/11", "99.0.0.0/10", "76.192.0.0/10", "68.96.0.0/11", "70.160.0.0/11", "174.96.0.0/11", "97.96.0.0/11")
	resUS6 = mustCIDRs("2601::/20", "2600:1700::/28", "2603:6000::/20", "2600:4040::/29")
	// home broadband in the United Kingdom and Canada
	resUK = mustCIDRs("86.128.0.0/10", "82.0.0.0/14", "92.0.0.0/14", "81.96.0.0/12")
	resCA = mustCIDRs("174.88.0.0/13", "99.224.0.0/11", "70.48.0.0/13")
	// business ISPs: offices' static blocks
	officeUS = mustCIDRs("50.192.0.0/12", "64.125.0.0/16", "38.96.0.0/13", "65.192.0.0/12", "63.64.0.0/12",
		"208.54.0.0/16", "12.128.0.0/10", "216.55.0.0/16", "69.27.0.0/16", "4.14.0.0/15")
	officeUK = mustCIDRs("62.252.0.0/14", "212.36.0.0/16", "195.171.0.0/16", "217.155.0.0/16")
	// the carrier's mobile egress (carrier-grade NAT shared by strangers)
	mobileUS = mustCIDRs("172.56.0.0/14", "172.58.0.0/15")
	mobile6  = mustCIDRs("2607:fb90::/32")
	// clouds and hosting
	awsUSE1 = mustCIDRs("3.208.0.0/12", "34.192.0.0/12", "44.192.0.0/11", "54.144.0.0/12", "52.0.0.0/11")
	awsUSW2 = mustCIDRs("34.208.0.0/12", "44.224.0.0/12", "52.32.0.0/11", "54.184.0.0/13")
	awsAPS1 = mustCIDRs("13.232.0.0/14", "65.0.0.0/14", "3.108.0.0/14")
	gcpUS   = mustCIDRs("34.66.0.0/15", "35.184.0.0/13", "34.122.0.0/15", "104.154.0.0/15")
	azureUS = mustCIDRs("20.81.0.0/16", "40.121.0.0/16", "52.168.0.0/14", "20.119.0.0/16")
	azureUK = mustCIDRs("51.140.0.0/14", "20.90.0.0/16")
	hetzner = mustCIDRs("5.161.0.0/16", "5.78.0.0/16", "49.12.0.0/16", "65.108.0.0/16", "95.216.0.0/16", "135.181.0.0/16")
	ovh     = mustCIDRs("51.79.0.0/16", "144.217.0.0/16", "51.81.0.0/16", "15.204.0.0/16")
	digOcn  = mustCIDRs("159.203.0.0/16", "167.99.0.0/16", "64.225.0.0/16", "138.197.0.0/16", "143.198.0.0/16")
	vultr   = mustCIDRs("45.32.0.0/16", "149.28.0.0/16", "207.148.0.0/17")
	// consumer VPN exits (rented servers at hosting companies)
	vpnRanges = mustCIDRs("146.70.0.0/16", "89.187.160.0/19", "37.19.192.0/19", "149.102.224.0/19", "185.156.46.0/24", "212.102.32.0/19")
)

// homeAddr is a US home broadband address, IPv6 for a share of households.
func homeAddr(r *rand.Rand) string {
	if chance(r, 0.22) {
		return resUS6.pick(r)
	}
	return resUS4.pick(r)
}
