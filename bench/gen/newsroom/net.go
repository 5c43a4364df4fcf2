package newsroom

import (
	"math/rand/v2"
	"net/netip"
	"time"
)

// Address space: the networks clients of the vendor sit on. The prefixes
// are public ranges of the kinds of operators named (retail ISPs, mobile
// carriers, clouds, hosting, VPN exits), chosen to look like what a proxy
// sees; no claim is made that every block belongs to the operator named.

type netw struct {
	name string
	v4   []netip.Prefix
	v6   []netip.Prefix
}

func nw(name string, v4 []string, v6 ...string) *netw {
	n := &netw{name: name}
	for _, s := range v4 {
		n.v4 = append(n.v4, netip.MustParsePrefix(s))
	}
	for _, s := range v6 {
		n.v6 = append(n.v6, netip.MustParsePrefix(s))
	}
	return n
}

// addr4 returns a random host address of one of n's IPv4 prefixes (never
// the first or last address of a /24).
func (n *netw) addr4(r *rand.Rand) netip.Addr {
	p := pick(r, n.v4)
	return randIn(r, p)
}

// sub returns a random sub-prefix of length bits inside one of n's prefixes.
func (n *netw) sub(r *rand.Rand, v6 bool, bits int) netip.Prefix {
	ps := n.v4
	if v6 {
		ps = n.v6
	}
	p := pick(r, ps)
	a := randIn(r, p)
	q, _ := a.Prefix(bits)
	return q
}

func randIn(r *rand.Rand, p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	bits := p.Bits()
	for i := bits; i < len(b)*8; i++ {
		if r.IntN(2) == 1 {
			b[i/8] |= 1 << (7 - i%8)
		} else {
			b[i/8] &^= 1 << (7 - i%8)
		}
	}
	if len(b) == 4 && (b[3] == 0 || b[3] == 255) {
		if bits <= 24 {
			b[3] = byte(1 + r.IntN(254))
		} else {
			b[3] ^= 1 << uint(r.IntN(32-bits))
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

type isp struct {
	*netw
	cc     string
	mobile bool
	v6Prob float64 // share of lines that use IPv6
}

var ispsByCC = map[string][]*isp{}

func addISP(cc string, mobile bool, v6p float64, n *netw) {
	ispsByCC[cc] = append(ispsByCC[cc], &isp{netw: n, cc: cc, mobile: mobile, v6Prob: v6p})
}

func init() {
	addISP("US", false, 0.5, nw("comcast", []string{"73.0.0.0/10", "98.192.0.0/10", "24.0.0.0/12"}, "2601::/20"))
	addISP("US", false, 0.35, nw("charter", []string{"71.64.0.0/13", "97.96.0.0/13", "174.96.0.0/12"}, "2603:6000::/20"))
	addISP("US", false, 0.25, nw("verizon-fios", []string{"108.28.0.0/14", "100.8.0.0/13", "71.160.0.0/13"}, "2600:4040::/28"))
	addISP("US", false, 0.45, nw("att", []string{"99.0.0.0/12", "107.128.0.0/11", "76.192.0.0/12"}, "2600:1700::/28"))
	addISP("US", true, 0.8, nw("tmobile-us", []string{"172.56.0.0/14", "172.58.0.0/15"}, "2607:fb90::/32"))
	addISP("CA", false, 0.3, nw("rogers", []string{"99.224.0.0/11", "174.112.0.0/13"}, "2607:fea8::/32"))
	addISP("CA", false, 0.2, nw("bell", []string{"70.48.0.0/13", "142.112.0.0/13"}))
	addISP("MX", false, 0.1, nw("telmex", []string{"187.128.0.0/11", "189.128.0.0/11"}))
	addISP("BR", false, 0.4, nw("claro-br", []string{"177.0.0.0/12", "179.208.0.0/12"}, "2804:14c::/32"))
	addISP("BR", false, 0.3, nw("vivo", []string{"187.0.0.0/12", "191.32.0.0/12"}, "2804:18::/32"))
	addISP("GB", false, 0.4, nw("bt", []string{"86.128.0.0/10", "81.128.0.0/12"}, "2a00:23c0::/27"))
	addISP("GB", false, 0.1, nw("virgin-media", []string{"82.0.0.0/12", "86.0.0.0/12"}))
	addISP("GB", false, 0.5, nw("sky", []string{"90.192.0.0/11", "2.96.0.0/12"}, "2a02:c7c::/32"))
	addISP("GB", true, 0.3, nw("ee-mobile", []string{"92.40.0.0/14", "31.94.0.0/16"}))
	addISP("IE", false, 0.1, nw("eir", []string{"86.40.0.0/13", "109.76.0.0/14"}))
	addISP("DE", false, 0.6, nw("telekom", []string{"79.192.0.0/10", "91.32.0.0/11", "87.128.0.0/10"}, "2003::/19"))
	addISP("DE", false, 0.4, nw("vodafone-de", []string{"188.96.0.0/12", "95.88.0.0/14"}, "2a02:908::/31"))
	addISP("FR", false, 0.6, nw("orange-fr", []string{"90.0.0.0/10", "86.192.0.0/11"}, "2a01:cb00::/24"))
	addISP("FR", false, 0.7, nw("free", []string{"82.64.0.0/12", "88.160.0.0/12"}, "2a01:e0a::/32"))
	addISP("ES", false, 0.2, nw("movistar", []string{"83.32.0.0/11", "88.0.0.0/12"}))
	addISP("NL", false, 0.4, nw("kpn", []string{"77.160.0.0/12", "145.128.0.0/11"}, "2a02:a400::/25"))
	addISP("SE", false, 0.3, nw("telia-se", []string{"90.224.0.0/12", "78.64.0.0/12"}, "2001:2002::/32"))
	addISP("PL", false, 0.2, nw("orange-pl", []string{"83.0.0.0/11", "89.64.0.0/12"}))
	addISP("KE", true, 0.3, nw("safaricom", []string{"105.160.0.0/12", "41.90.0.0/15"}, "2c0f:fe38::/32"))
	addISP("NG", true, 0.1, nw("mtn-ng", []string{"102.88.0.0/13", "197.210.0.0/15"}))
	addISP("ZA", false, 0.1, nw("vodacom-za", []string{"41.0.0.0/11", "169.0.0.0/12"}))
	addISP("IN", true, 0.85, nw("jio", []string{"49.32.0.0/11", "157.32.0.0/12"}, "2409:4000::/22"))
	addISP("IN", false, 0.5, nw("airtel", []string{"122.160.0.0/12", "106.192.0.0/11"}, "2401:4900::/32"))
	addISP("PH", false, 0.2, nw("pldt", []string{"112.198.0.0/15", "112.200.0.0/14"}))
	addISP("PH", true, 0.3, nw("globe", []string{"49.144.0.0/13", "124.104.0.0/14"}))
	addISP("JP", false, 0.5, nw("ntt-ocn", []string{"153.128.0.0/9", "114.144.0.0/13"}, "2400:4050::/30"))
	addISP("AU", false, 0.4, nw("telstra", []string{"101.160.0.0/11", "1.128.0.0/11"}, "2001:8003::/32"))
	addISP("AU", false, 0.2, nw("tpg", []string{"14.200.0.0/13", "110.174.0.0/15"}))
	addISP("SG", false, 0.3, nw("singtel", []string{"116.14.0.0/15", "118.200.0.0/13"}))
	addISP("HK", false, 0.3, nw("hkbn", []string{"112.118.0.0/15", "223.16.0.0/13"}))
}

// ispFor returns a retail ISP of country cc; mobile picks a carrier when
// the country has one.
func ispFor(r *rand.Rand, cc string, mobile bool) *isp {
	list := ispsByCC[cc]
	if len(list) == 0 {
		list = ispsByCC["US"]
	}
	var fixed, mob []*isp
	for _, x := range list {
		if x.mobile {
			mob = append(mob, x)
		} else {
			fixed = append(fixed, x)
		}
	}
	if mobile && len(mob) > 0 {
		return pick(r, mob)
	}
	if len(fixed) > 0 {
		return pick(r, fixed)
	}
	return pick(r, mob)
}

// Clouds, hosting and VPN exits.
var (
	awsUSE1   = nw("aws-us-east-1", []string{"3.80.0.0/12", "34.192.0.0/12", "44.192.0.0/11", "54.144.0.0/12"}, "2600:1f18::/33")
	awsEUW1   = nw("aws-eu-west-1", []string{"34.240.0.0/13", "52.208.0.0/13", "54.216.0.0/14"}, "2a05:d018::/35")
	gcpUSC1   = nw("gcp-us-central1", []string{"34.41.0.0/16", "35.188.0.0/15", "34.66.0.0/15"})
	gcpEUW1   = nw("gcp-europe-west1", []string{"34.76.0.0/14", "35.187.0.0/16", "104.199.0.0/18"})
	azWestEU  = nw("azure-westeurope", []string{"51.105.0.0/16", "20.50.0.0/16", "13.95.0.0/16"})
	doNYC     = nw("digitalocean-nyc", []string{"159.203.0.0/16", "167.99.0.0/17", "138.197.0.0/16"}, "2604:a880:400::/48")
	doFRA     = nw("digitalocean-fra", []string{"64.225.64.0/18", "138.68.64.0/18", "164.90.160.0/19"})
	hetzner   = nw("hetzner", []string{"95.216.0.0/15", "65.108.0.0/15", "135.181.0.0/16", "168.119.0.0/16"}, "2a01:4f8::/29", "2a01:4f9::/32")
	ovh       = nw("ovh", []string{"51.75.0.0/16", "51.91.0.0/16", "141.94.0.0/16", "54.36.0.0/16"}, "2001:41d0::/32")
	vultr     = nw("vultr", []string{"45.32.0.0/16", "45.76.0.0/16", "149.28.0.0/16"}, "2001:19f0::/32")
	contabo   = nw("contabo", []string{"161.97.0.0/16", "173.212.192.0/18", "207.180.192.0/18"})
	linode    = nw("linode", []string{"172.104.0.0/15", "139.162.0.0/16"})
	alibabaHK = nw("alibaba-hk", []string{"47.242.0.0/15", "8.210.0.0/16", "8.218.0.0/15"})
	tencentSG = nw("tencent-sg", []string{"43.134.0.0/16", "43.156.0.0/16", "129.226.0.0/16"})
	m247      = nw("m247-vpn", []string{"146.70.0.0/16", "37.120.128.0/17", "185.236.200.0/22"})
	datacamp  = nw("datacamp-vpn", []string{"89.187.160.0/19", "156.146.32.0/19", "143.244.40.0/21"})
	vpnExits  = []*netw{m247, datacamp}
	cheapHost = []*netw{hetzner, ovh, vultr, contabo, linode, doFRA}
	// shared web hosting where WordPress sites live, many sites per address
	webHosts = []*netw{
		nw("hostinger", []string{"145.14.144.0/20", "31.170.160.0/20", "185.224.136.0/22"}),
		nw("siteground-gcp", []string{"35.208.0.0/14", "34.174.0.0/16"}),
		nw("bluehost", []string{"162.241.0.0/16", "50.87.0.0/16"}),
		nw("godaddy", []string{"160.153.0.0/16", "192.169.128.0/17"}),
		nw("ionos", []string{"217.160.0.0/16", "82.165.0.0/16"}),
		nw("dreamhost", []string{"69.163.128.0/17"}),
		nw("wpengine-gcp", []string{"35.196.0.0/15", "34.75.0.0/16"}),
		ovh,
	}
	// enterprise transit where office blocks come from
	officeTransit = nw("enterprise", []string{"4.0.0.0/9", "38.96.0.0/11", "64.125.0.0/16", "65.192.0.0/11", "212.36.0.0/16", "62.7.0.0/16", "194.73.0.0/16"})
)

// homeLine is one household's connection: an IPv4 address that stays for
// days, and, where the ISP offers IPv6, a /64 whose privacy addresses
// rotate daily.
type homeLine struct {
	v4   netip.Addr
	v6   netip.Prefix
	has6 bool
	iid  uint64
}

func newHomeLine(r *rand.Rand, cc string) *homeLine {
	x := ispFor(r, cc, false)
	h := &homeLine{v4: x.addr4(r), iid: r.Uint64()}
	if len(x.v6) > 0 && r.Float64() < x.v6Prob {
		h.has6 = true
		h.v6 = x.sub(r, true, 64)
	}
	return h
}

// addr returns the address the line shows at t: mostly IPv6 when it has it.
func (h *homeLine) addr(r *rand.Rand, t time.Time) string {
	if h.has6 && r.Float64() < 0.7 {
		day := uint64(t.Unix() / 86400)
		return v6WithIID(h.v6, mix64(h.iid^day))
	}
	return h.v4.String()
}

func v6WithIID(p netip.Prefix, iid uint64) string {
	b := p.Addr().As16()
	for i := range 8 {
		b[8+i] = byte(iid >> (56 - 8*i))
	}
	return netip.AddrFrom16(b).String()
}

// mobileAddr returns a carrier-NAT address for one mobile session.
func mobileAddr(r *rand.Rand, cc string) string {
	x := ispFor(r, cc, true)
	if !x.mobile {
		return x.addr4(r).String()
	}
	if len(x.v6) > 0 && r.Float64() < x.v6Prob {
		return v6WithIID(x.sub(r, true, 64), r.Uint64())
	}
	return x.addr4(r).String()
}

// hostSet is a few fixed egress addresses: a NAT gateway, a handful of
// servers.
type hostSet []string

func newHostSet(r *rand.Rand, n *netw, k int) hostSet {
	hs := make(hostSet, k)
	for i := range hs {
		hs[i] = n.addr4(r).String()
	}
	return hs
}

// officeBlock returns k addresses inside one small block (/28) of n.
func officeBlock(r *rand.Rand, n *netw, k int) hostSet {
	p := n.sub(r, false, 28)
	hs := make(hostSet, k)
	for i := range hs {
		hs[i] = randIn(r, p).String()
	}
	return hs
}

func (h hostSet) pick(r *rand.Rand) string { return h[r.IntN(len(h))] }

func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
