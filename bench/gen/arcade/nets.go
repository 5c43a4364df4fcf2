package arcade

import (
	"math/rand/v2"
	"net/netip"
)

// pool is a set of address ranges people or machines get addresses from.
type pool struct {
	v4      []netip.Prefix
	v6      []netip.Prefix
	v6share float64 // the share of hosts that reach the API over IPv6
}

func mustPool(v6share float64, prefixes ...string) *pool {
	p := &pool{v6share: v6share}
	for _, s := range prefixes {
		pf := netip.MustParsePrefix(s)
		if pf.Addr().Is4() {
			p.v4 = append(p.v4, pf)
		} else {
			p.v6 = append(p.v6, pf)
		}
	}
	return p
}

// addr draws one host address of p.
func (p *pool) addr(r *rand.Rand) string {
	if len(p.v6) > 0 && (len(p.v4) == 0 || chance(r, p.v6share)) {
		return randIn(r, pick(r, p.v6))
	}
	return randIn(r, pick(r, p.v4))
}

// v4addr draws an IPv4 address of p.
func (p *pool) v4addr(r *rand.Rand) string { return randIn(r, pick(r, p.v4)) }

// randIn draws an address inside pf, avoiding the network and broadcast
// addresses of IPv4 /24s.
func randIn(r *rand.Rand, pf netip.Prefix) string {
	b := pf.Masked().Addr().AsSlice()
	bits := pf.Bits()
	for i := range b {
		keep := bits - 8*i // bits of this byte fixed by the prefix
		if keep >= 8 {
			continue
		}
		rnd := byte(r.IntN(256))
		if keep <= 0 {
			b[i] = rnd
		} else {
			mask := byte(0xff) >> keep
			b[i] = b[i]&^mask | rnd&mask
		}
	}
	if len(b) == 4 && bits < 31 && (b[3] == 0 || b[3] == 255) {
		b[3] = byte(1 + r.IntN(254))
	}
	a, _ := netip.AddrFromSlice(b)
	return a.String()
}

// Residential broadband, by region. The ranges stand for the large
// consumer ISPs of each region.
var residential = map[string]*pool{
	"us_east": mustPool(0.35, "73.32.0.0/11", "71.192.0.0/12", "108.20.0.0/14", "96.224.0.0/12", "2601:40::/26", "2600:1700::/28"),
	"us_west": mustPool(0.35, "73.0.0.0/11", "98.208.0.0/12", "76.168.0.0/13", "2601:600::/26", "2600:1702::/31"),
	"eu":      mustPool(0.30, "79.192.0.0/10", "91.32.0.0/11", "90.0.0.0/10", "83.24.0.0/13", "84.80.0.0/13", "88.0.0.0/11", "2003:c0::/27", "2a01:cb00::/24"),
	"uk":      mustPool(0.25, "86.128.0.0/11", "81.96.0.0/12", "82.0.0.0/14", "2a00:23c0::/27"),
	"br":      mustPool(0.20, "177.32.0.0/12", "189.0.0.0/11", "179.96.0.0/13", "2804:14c::/32"),
	"sea":     mustPool(0.15, "112.198.0.0/16", "49.144.0.0/13", "36.64.0.0/11", "115.164.0.0/15", "240d:1a::/32"),
	"jp":      mustPool(0.30, "126.0.0.0/10", "133.200.0.0/14", "240b:10::/28"),
}

// homeRegions are where the world's players and hobbyists live, with
// their weights.
var (
	homeRegions = []region{usEast, usWest, eu, uk, brazil, sea, japan}
	homeWeights = []float64{0.22, 0.14, 0.30, 0.09, 0.10, 0.10, 0.05}
)

func homePool(rg region) *pool { return residential[rg.name] }

// The mobile carrier ("Nimbus Mobile", US): phones and 5G home-internet
// routers leave through carrier-grade NAT gateways, one per coast, each
// with a /25 of public IPv4 addresses shared by all the subscribers behind
// it (a new mapping for each session); over IPv6 each device has its own
// address.
var (
	carrierNAT = mustPool(0, "172.58.96.0/24") // both gateways
	carrierGW  = map[string]netip.Prefix{
		"us_east": netip.MustParsePrefix("172.58.96.0/25"),
		"us_west": netip.MustParsePrefix("172.58.96.128/25"),
	}
	carrierV6 = mustPool(1, "2607:fb91:1200::/40")
)

// carrierV4 draws the NAT address of one session of a subscriber in rg.
func carrierV4(r *rand.Rand, rg region) string {
	gw, ok := carrierGW[rg.name]
	if !ok {
		gw = carrierGW["us_east"]
	}
	return randIn(r, gw)
}

// carrierAddr draws the address one subscriber's session leaves from.
func carrierAddr(r *rand.Rand, rg region) string {
	if chance(r, 0.45) {
		return carrierV6.addr(r)
	}
	return carrierV4(r, rg)
}

// Cloud and hosting ranges.
var (
	awsUSEast   = mustPool(0, "3.208.0.0/12", "44.192.0.0/11", "18.204.0.0/14")
	awsEU       = mustPool(0, "3.120.0.0/14", "18.184.0.0/15", "52.28.0.0/16")
	awsAPSE     = mustPool(0, "13.212.0.0/15", "18.136.0.0/16", "54.251.0.0/16")
	gcpUS       = mustPool(0, "34.82.0.0/15", "35.230.0.0/16", "34.168.0.0/15")
	azure       = mustPool(0, "20.51.0.0/16", "40.76.0.0/14")
	hetzner     = mustPool(0.2, "95.216.0.0/15", "65.108.0.0/15", "2a01:4f9::/32")
	digitalOcan = mustPool(0.1, "159.89.0.0/16", "164.92.0.0/16", "2604:a880:400::/40")
	ovh         = mustPool(0.1, "51.68.0.0/16", "141.94.0.0/16")
	vultr       = mustPool(0, "45.76.0.0/16", "149.28.0.0/16")
	// cheapVPS is a low-cost VPS provider's ranges, popular for
	// throwaway machines.
	cheapVPS = mustPool(0, "194.26.192.0/22", "45.145.40.0/22", "185.225.68.0/22")
	// dcProxies is a datacenter proxy service's exits.
	dcProxies = mustPool(0, "154.16.48.0/21", "193.8.56.0/21", "45.131.192.0/21", "185.199.228.0/22")
	hobbyHost = []*pool{digitalOcan, hetzner, ovh, vultr}
)

// residentialProxy draws one exit of a residential proxy network that
// sells exits in region rg: addresses of ordinary households of the
// region, a few of them behind the mobile carrier.
func residentialProxy(r *rand.Rand, rg region) string {
	if rg.name == "us_east" || rg.name == "us_west" {
		if chance(r, 0.06) {
			return carrierAddr(r, rg)
		}
	}
	// Proxy exits run on home routers and apps: mostly IPv4.
	p := homePool(rg)
	if chance(r, 0.9) {
		return p.v4addr(r)
	}
	return p.addr(r)
}

// homeAddr draws the address of a household of rg, some of them on the
// mobile carrier's 5G home internet (US only).
func homeAddr(r *rand.Rand, rg region, carrierShare float64) string {
	if (rg.name == "us_east" || rg.name == "us_west") && chance(r, carrierShare) {
		return carrierAddr(r, rg)
	}
	return homePool(rg).addr(r)
}
