package voyage

import (
	"fmt"
	"net/netip"
)

// Address space. Each pool is a list of prefixes of the kind of network
// named; an address is drawn uniformly from a prefix picked uniformly.
// The prefixes are public unicast ranges of the kind named (cloud
// regions, hosting providers, residential and mobile carriers, VPN and
// hosting exits); what matters to the trace is that the kinds differ in
// how many unrelated users stand behind one address and how addresses of
// one operator cluster.
type pool []string

var (
	awsEUNorth = pool{"13.48.0.0/15", "13.51.0.0/16", "13.53.0.0/16", "16.16.0.0/16", "16.170.0.0/15"}
	awsEUCent  = pool{"3.64.0.0/13", "18.184.0.0/15", "18.192.0.0/14", "52.57.0.0/16"}
	awsUSEast  = pool{"3.208.0.0/12", "44.192.0.0/11", "54.80.0.0/13", "18.204.0.0/14", "34.192.0.0/12"}
	awsAPSE    = pool{"13.212.0.0/15", "18.136.0.0/16", "18.140.0.0/15", "52.74.0.0/16", "54.169.0.0/16"}
	gcpEU      = pool{"34.76.0.0/14", "34.140.0.0/15", "35.187.0.0/16", "35.195.0.0/16", "34.89.0.0/16"}
	gcpUS      = pool{"34.72.0.0/14", "34.121.0.0/16", "35.184.0.0/14", "35.222.0.0/15", "104.154.0.0/15"}
	azureEU    = pool{"20.50.0.0/16", "20.67.0.0/16", "40.113.0.0/16", "51.124.0.0/16", "52.166.0.0/15"}
	hetzner    = pool{"65.21.0.0/16", "95.216.0.0/16", "135.181.0.0/16", "116.202.0.0/15", "88.198.0.0/16", "5.161.0.0/16"}
	ovh        = pool{"51.68.0.0/16", "51.75.0.0/16", "141.94.0.0/16", "57.128.0.0/14", "54.36.0.0/16"}
	digitalOc  = pool{"159.65.0.0/16", "167.99.0.0/16", "165.227.0.0/16", "138.68.0.0/16", "64.227.0.0/16"}
	vultr      = pool{"45.76.0.0/15", "149.28.0.0/16", "155.138.128.0/17", "207.148.0.0/17"}
	contabo    = pool{"62.171.128.0/17", "161.97.64.0/18", "173.212.192.0/18", "207.180.192.0/18"}
	// Shared web hosting: one address serves hundreds of small sites.
	webHosting = pool{"162.241.0.0/16", "50.87.128.0/17", "217.160.0.0/16", "160.153.0.0/16", "192.185.0.0/16", "185.2.168.0/22", "77.68.0.0/17", "35.214.0.0/15", "109.234.160.0/21", "213.186.33.0/24"}
	// Commercial VPN exits and the datacentres they rent from.
	vpnExits = pool{"37.120.128.0/17", "146.70.0.0/16", "185.156.172.0/22", "89.187.160.0/19", "212.102.32.0/19", "138.199.0.0/17", "193.27.12.0/22", "103.214.4.0/22"}
	// Home broadband, by region.
	homeUS    = pool{"73.0.0.0/8", "24.0.0.0/12", "98.192.0.0/10", "76.192.0.0/10", "99.0.0.0/10", "71.160.0.0/11", "174.48.0.0/12", "67.160.0.0/11"}
	homeEU    = pool{"79.192.0.0/10", "84.128.0.0/10", "86.128.0.0/10", "90.0.0.0/9", "83.32.0.0/11", "84.208.0.0/13", "78.64.0.0/12", "94.208.0.0/12", "93.32.0.0/13", "85.240.0.0/13", "188.80.0.0/13", "89.64.0.0/12"}
	homeAPAC  = pool{"116.86.0.0/15", "175.156.0.0/15", "49.36.0.0/14", "1.20.0.0/14", "113.160.0.0/11", "36.64.0.0/11", "110.136.0.0/13"}
	homeLatAm = pool{"177.0.0.0/9", "179.96.0.0/11", "189.0.0.0/11", "186.0.0.0/11"}
	// Mobile carriers: a carrier-grade NAT puts thousands of subscribers
	// behind each public address.
	mobileUS = pool{"172.56.0.0/14", "174.192.0.0/11", "166.128.0.0/11", "107.115.0.0/16"}
	mobileEU = pool{"80.187.0.0/16", "109.40.0.0/14", "31.94.0.0/16", "92.184.96.0/19", "176.12.0.0/16", "37.166.0.0/16"}
	// Universities.
	academic = pool{"129.187.0.0/16", "131.159.0.0/16", "128.232.0.0/16", "130.60.0.0/16", "141.20.0.0/16"}
	// Business fibre: offices of small and large companies.
	business = pool{"212.185.0.0/16", "195.145.0.0/16", "62.96.0.0/16", "81.92.192.0/19", "194.8.196.0/22", "64.124.0.0/15", "38.104.0.0/14", "80.66.0.0/18", "213.86.0.0/16"}
	// Hotel, airport and venue Wi-Fi operators.
	hospitality = pool{"64.45.64.0/18", "208.54.0.0/17", "193.138.212.0/22", "185.84.40.0/22", "216.239.96.0/20", "103.11.128.0/22"}
)

// v4 draws an address of p.
func (r *rng) v4(p pool) string {
	pre := netip.MustParsePrefix(pick(r, p))
	a := pre.Addr().As4()
	host := 32 - pre.Bits()
	n := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	off := r.Uint32() & (1<<host - 1)
	if off&0xff == 0 || off&0xff == 0xff { // avoid .0 and .255
		off ^= 0x11
	}
	n |= off
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}).String()
}

// v4s draws k addresses of p.
func (r *rng) v4s(p pool, k int) []string {
	out := make([]string, k)
	for i := range out {
		out[i] = r.v4(p)
	}
	return out
}

// subnet returns k consecutive addresses of a /28-sized block of p, an
// office's or a NAT gateway's range.
func (r *rng) subnet(p pool, k int) []string {
	base := netip.MustParseAddr(r.v4(p)).As4()
	base[3] = byte(16 * (1 + r.IntN(14)))
	out := make([]string, k)
	for i := range out {
		a := base
		a[3] += byte(1 + i)
		out[i] = netip.AddrFrom4(a).String()
	}
	return out
}

// IPv6 home and mobile prefixes: a household keeps its /64 and its
// devices' privacy addresses change within it.
var (
	v6HomeUS = []string{"2601:%x:%x:%x", "2600:1700:%x:%x", "2603:6000:%x:%x"}
	v6HomeEU = []string{"2003:e%x:%x:%x", "2a01:cb%02x:%x:%x", "2a02:c7c:%x:%x", "2a02:810d:%x:%x", "2a00:23c8:%x:%x"}
)

// v6prefix draws a /64 of one of the formats.
func (r *rng) v6prefix(formats []string) string {
	f := pick(r, formats)
	switch countVerbs(f) {
	case 3:
		return fmt.Sprintf(f, r.IntN(0x100), r.IntN(0x10000), r.IntN(0x10000))
	default:
		return fmt.Sprintf(f, r.IntN(0x10000), r.IntN(0x10000))
	}
}

// v6host draws a privacy address inside prefix.
func (r *rng) v6host(prefix string) string {
	a, err := netip.ParseAddr(fmt.Sprintf("%s:%x:%x:%x:%x", prefix, r.IntN(0x10000), r.IntN(0x10000), r.IntN(0x10000), 1+r.IntN(0xfffe)))
	if err != nil {
		panic(err)
	}
	return a.String()
}

func countVerbs(f string) int {
	n := 0
	for i := 0; i < len(f); i++ {
		if f[i] == '%' {
			n++
		}
	}
	return n
}
