package launch

import (
	"math/rand/v2"
	"net/netip"
)

// block is an IPv4 range addresses are drawn from.
type block struct {
	first uint32
	n     uint32
}

func cidr(s string) block {
	p := netip.MustParsePrefix(s)
	a := p.Masked().Addr().As4()
	return block{first: uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3]), n: 1 << (32 - p.Bits())}
}

func cidrs(ss ...string) []block {
	out := make([]block, len(ss))
	for i, s := range ss {
		out[i] = cidr(s)
	}
	return out
}

// host draws a host address, avoiding .0 and .255.
func (b block) host(r *rand.Rand) string {
	for {
		x := b.first + uint32(r.Int64N(int64(b.n)))
		if b.n > 4 && (x&0xff == 0 || x&0xff == 0xff) {
			continue
		}
		return netip.AddrFrom4([4]byte{byte(x >> 24), byte(x >> 16), byte(x >> 8), byte(x)}).String()
	}
}

// nth is the i-th address of the block.
func (b block) nth(i int) string {
	x := b.first + uint32(i)%b.n
	return netip.AddrFrom4([4]byte{byte(x >> 24), byte(x >> 16), byte(x >> 8), byte(x)}).String()
}

func anyHost(r *rand.Rand, bs []block) string { return pick(r, bs).host(r) }

// Access networks of households, by broad region: cable, DSL and fibre
// pools, and the carrier-grade NAT of mobile networks.
var (
	homeNA = cidrs("24.4.0.0/14", "67.180.0.0/14", "73.0.0.0/11", "76.128.0.0/12", "98.32.0.0/12",
		"99.96.0.0/12", "104.160.0.0/13", "174.48.0.0/12", "70.112.0.0/13", "184.88.0.0/13")
	homeEU = cidrs("2.24.0.0/13", "5.144.0.0/13", "31.52.0.0/14", "77.96.0.0/13", "81.152.0.0/13",
		"84.56.0.0/13", "86.8.0.0/13", "88.64.0.0/12", "92.224.0.0/13", "95.88.0.0/13", "109.144.0.0/12")
	homeAsia = cidrs("1.32.0.0/12", "49.128.0.0/12", "59.88.0.0/13", "103.48.0.0/14", "110.224.0.0/12",
		"115.96.0.0/13", "122.160.0.0/12", "180.150.0.0/15")
	homeLatAm = cidrs("177.16.0.0/12", "179.96.0.0/13", "187.32.0.0/12", "189.120.0.0/13", "200.160.0.0/13")
	mobile    = cidrs("172.56.0.0/14", "174.224.0.0/12", "100.80.0.0/13", "37.160.0.0/13", "92.40.0.0/14", "106.192.0.0/12")
	// university residence halls and campus Wi-Fi
	campus = cidrs("128.112.0.0/16", "130.132.0.0/16", "171.64.0.0/14")
)

// homeNet draws a household's network with a regional mix.
func homeNet(r *rand.Rand, na, eu, asia, latam float64) []block {
	switch weighted(r, na, eu, asia, latam) {
	case 0:
		return homeNA
	case 1:
		return homeEU
	case 2:
		return homeAsia
	}
	return homeLatAm
}

// Company and cloud networks.
var (
	officeNet  = cidr("64.124.38.0/24") // the onboarding company's office egress
	vpnNets    = cidrs("146.70.112.0/24", "149.88.24.0/25")
	cloudEval  = []string{"34.82.117.40", "35.247.19.203"} // the eval team's two VMs
	appBackend = cidrs("52.14.88.0/26", "18.191.20.64/27") // the app's autoscaled backend egress
	// rented servers the conversation harvester runs its simulators on
	datacenterNets = cidrs("45.147.229.0/24", "91.203.145.0/24", "185.225.17.0/24", "193.42.33.0/24")
)
