package annotation

import (
	"math/rand/v2"
	"net/netip"
)

// prefix is an IPv4 range addresses are drawn from.
type prefix struct {
	base uint32
	size uint32
}

func pfx(s string) prefix {
	p := netip.MustParsePrefix(s)
	a := p.Addr().As4()
	return prefix{base: uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3]), size: 1 << (32 - p.Bits())}
}

func pfxs(ss ...string) []prefix {
	out := make([]prefix, len(ss))
	for i, s := range ss {
		out[i] = pfx(s)
	}
	return out
}

// addr draws a host address (never .0 or .255 in the last octet).
func (p prefix) addr(r *rand.Rand) string {
	for {
		x := p.base + uint32(r.Int64N(int64(p.size)))
		if p.size > 2 && (x&0xff == 0 || x&0xff == 0xff) {
			continue
		}
		return netip.AddrFrom4([4]byte{byte(x >> 24), byte(x >> 16), byte(x >> 8), byte(x)}).String()
	}
}

func pickAddr(r *rand.Rand, ps []prefix) string { return ps[r.IntN(len(ps))].addr(r) }

// region is where a person or an office is: time zone, access networks,
// languages.
type region struct {
	code   string
	tz     float64
	home   []prefix // fixed-line broadband
	mobile []prefix // carrier-grade NAT of mobile networks
	langs  []string // "en" and others, weighted by repetition
	weight float64  // share of the ordinary population
}

var regions = []*region{
	{"us-east", -4, pfxs("73.32.0.0/11", "98.192.0.0/11", "71.160.0.0/11", "24.0.0.0/13", "68.32.0.0/11", "108.20.0.0/14"), pfxs("172.56.0.0/14", "174.192.0.0/11"), []string{"en", "en", "en", "en", "en", "en", "es"}, 0.2},
	{"us-west", -7, pfxs("73.96.0.0/12", "76.102.0.0/15", "67.160.0.0/12", "99.0.0.0/11", "50.32.0.0/12"), pfxs("172.58.0.0/15", "107.64.0.0/12"), []string{"en", "en", "en", "en", "en", "es", "zh", "ko"}, 0.15},
	{"uk", 1, pfxs("86.128.0.0/11", "81.96.0.0/12", "90.192.0.0/11", "2.96.0.0/12"), pfxs("82.132.0.0/16", "92.40.0.0/15"), []string{"en"}, 0.06},
	{"de", 2, pfxs("79.192.0.0/11", "87.160.0.0/11", "93.192.0.0/11", "91.32.0.0/12"), pfxs("80.187.0.0/16", "109.40.0.0/14"), []string{"de", "de", "en", "en"}, 0.06},
	{"fr", 2, pfxs("90.0.0.0/11", "86.192.0.0/12", "92.128.0.0/11", "109.208.0.0/13"), pfxs("37.160.0.0/13", "80.214.0.0/16"), []string{"fr", "fr", "en"}, 0.04},
	{"es", 2, pfxs("83.32.0.0/11", "88.0.0.0/12", "79.144.0.0/13"), pfxs("37.128.0.0/13"), []string{"es", "es", "en"}, 0.03},
	{"it", 2, pfxs("82.48.0.0/12", "93.32.0.0/13", "151.16.0.0/12"), pfxs("5.168.0.0/13"), []string{"it", "en"}, 0.02},
	{"pl", 2, pfxs("83.0.0.0/13", "89.64.0.0/12"), pfxs("31.0.0.0/15"), []string{"en", "en", "ru"}, 0.02},
	{"tr", 3, pfxs("78.160.0.0/11", "88.224.0.0/12"), pfxs("31.140.0.0/14"), []string{"tr", "en"}, 0.02},
	{"in", 5.5, pfxs("49.32.0.0/12", "106.192.0.0/11", "117.192.0.0/11", "59.88.0.0/13"), pfxs("49.36.0.0/14", "157.32.0.0/12"), []string{"en", "en", "en", "hi"}, 0.12},
	{"jp", 9, pfxs("126.0.0.0/10", "153.128.0.0/11", "180.0.0.0/12"), pfxs("133.106.0.0/16", "49.96.0.0/13"), []string{"ja", "ja", "en"}, 0.04},
	{"kr", 9, pfxs("121.128.0.0/11", "211.32.0.0/12", "175.192.0.0/12"), pfxs("223.32.0.0/12"), []string{"ko", "en"}, 0.03},
	{"sea", 7, pfxs("171.224.0.0/12", "112.198.0.0/15", "36.64.0.0/12", "27.64.0.0/13"), pfxs("110.136.0.0/13", "175.176.0.0/14"), []string{"en", "id", "en"}, 0.05},
	{"br", -3, pfxs("177.0.0.0/11", "189.0.0.0/11", "187.0.0.0/12", "179.96.0.0/12"), pfxs("191.240.0.0/12", "177.96.0.0/13"), []string{"pt", "pt", "en"}, 0.06},
	{"latam", -5, pfxs("181.48.0.0/12", "187.128.0.0/11", "190.96.0.0/12", "186.80.0.0/12"), pfxs("191.95.0.0/16", "201.160.0.0/12"), []string{"es", "es", "en"}, 0.05},
	{"af", 3, pfxs("41.90.0.0/15", "102.88.0.0/13", "105.160.0.0/12", "197.232.0.0/14"), pfxs("105.112.0.0/12"), []string{"en", "fr"}, 0.03},
	{"ca", -4, pfxs("142.112.0.0/12", "174.88.0.0/13", "70.48.0.0/12"), pfxs("172.97.0.0/16"), []string{"en", "en", "fr"}, 0.02},
}

func pickRegion(r *rand.Rand) *region {
	total := 0.0
	for _, g := range regions {
		total += g.weight
	}
	x := r.Float64() * total
	for _, g := range regions {
		x -= g.weight
		if x < 0 {
			return g
		}
	}
	return regions[0]
}

func regionByCode(code string) *region {
	for _, g := range regions {
		if g.code == code {
			return g
		}
	}
	panic("annotation: no region " + code)
}

// Data-centre and hosting ranges.
var (
	awsUSEast  = pfxs("3.208.0.0/12", "44.192.0.0/11", "54.80.0.0/12", "52.0.0.0/12", "18.204.0.0/14")
	awsEUWest  = pfxs("34.240.0.0/13", "52.208.0.0/13", "54.72.0.0/13")
	awsUSWest  = pfxs("35.80.0.0/12", "44.224.0.0/11", "54.184.0.0/13")
	gcp        = pfxs("34.64.0.0/11", "35.184.0.0/13", "34.120.0.0/14", "35.222.0.0/15")
	azure      = pfxs("20.36.0.0/14", "40.64.0.0/13", "20.42.0.0/15", "52.224.0.0/11")
	hetzner    = pfxs("65.108.0.0/15", "95.216.0.0/15", "135.181.0.0/16", "5.9.0.0/16", "88.198.0.0/16")
	ovh        = pfxs("51.68.0.0/16", "51.75.0.0/16", "141.94.0.0/16", "54.36.0.0/15")
	digitalOc  = pfxs("159.89.0.0/16", "164.90.0.0/16", "167.99.0.0/16", "146.190.0.0/16", "143.198.0.0/16")
	vpnExits   = pfxs("37.120.192.0/19", "146.70.0.0/16", "89.187.160.0/19", "212.102.32.0/19", "185.216.72.0/22", "45.87.212.0/22")
	allHosting = [][]prefix{awsUSEast, awsEUWest, awsUSWest, gcp, azure, hetzner, ovh, digitalOc}
)

// residentialAny draws a fixed-line address from any region, weighted by
// the regions' shares: what a rotating residential proxy pool hands out.
func residentialAny(r *rand.Rand) string {
	g := pickRegion(r)
	if r.IntN(5) == 0 {
		return pickAddr(r, g.mobile)
	}
	return pickAddr(r, g.home)
}

// fixedSet draws n distinct addresses from ps.
func fixedSet(r *rand.Rand, ps []prefix, n int) []string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		a := pickAddr(r, ps)
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// block is n consecutive addresses starting at a random /24 of ps: an
// office range, a campus NAT pool, a reseller's ISP-proxy block.
func block(r *rand.Rand, ps []prefix, n int) []string {
	p := ps[r.IntN(len(ps))]
	b := p.base + uint32(r.Int64N(int64(p.size/256)))*256 + uint32(1+r.IntN(256-n-1))
	out := make([]string, n)
	for i := range out {
		x := b + uint32(i)
		out[i] = netip.AddrFrom4([4]byte{byte(x >> 24), byte(x >> 16), byte(x >> 8), byte(x)}).String()
	}
	return out
}
