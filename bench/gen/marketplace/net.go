package marketplace

import (
	"fmt"
	"strings"
)

// Address space. The prefixes are those of real kinds of networks (a cable
// ISP, a mobile carrier's NAT egress, a hyperscaler, a cheap VPS host) but
// the addresses inside them are drawn at random: no address stands for a
// real party.

// residential /16s, by region: home broadband, one address per household
// (sticky for hours), sometimes IPv6.
var residential = [3][]string{
	{"73.15", "73.162", "24.5", "98.207", "67.180", "76.91", "71.198", "99.36", "108.28", "174.62", "187.34", "189.6"},
	{"86.142", "90.76", "81.107", "2.204", "82.64", "88.160", "93.41", "79.140", "85.214", "178.199", "31.53", "109.190"},
	{"110.3", "60.94", "126.77", "49.36", "115.64", "121.143", "180.150", "222.98", "58.186", "118.70", "1.72", "103.21"},
}

var residential6 = [3][]string{{"2601:647", "2600:1700", "2603:7000"}, {"2a02:810", "2a01:e0a", "2a00:23c6"}, {"240b:10", "2400:4051", "2409:8a1e"}}

// mobile carrier egress: a few hundred public addresses that many unrelated
// subscribers share through carrier-grade NAT.
var mobile = [3][]string{{"172.58.12", "172.56.40", "174.205.3", "166.205.88"}, {"80.187.96", "92.40.178", "37.120.54"}, {"1.75.5", "49.98.140", "223.104.3"}}

// datacenter ranges by provider.
var cloud = map[string][]string{
	"aws":     {"3.91", "18.208", "52.14", "54.183", "44.202", "35.170"},
	"gcp":     {"34.82", "34.145", "35.203", "104.197"},
	"azure":   {"20.119", "40.76", "52.151", "13.91"},
	"do":      {"159.89", "167.99", "143.198", "64.227"},
	"hetzner": {"5.161", "65.21", "116.203", "88.198"},
	"vultr":   {"45.76", "149.28", "207.148", "108.61"},
	"ovh":     {"51.75", "54.37", "135.125", "141.94"},
	"ali":     {"47.242", "8.219", "47.74", "8.210"},
}

func octet(r *rng) int { return r.between(1, 254) }

// homeIP returns a household's address in region reg.
func homeIP(r *rng, reg int) string {
	if r.chance(0.18) {
		p := pick(r, residential6[reg])
		return fmt.Sprintf("%s:%x:%x:%x:%x:%x:%x", p, r.intn(0x10000), r.intn(0x10000), r.intn(0x10000), r.intn(0x10000), r.intn(0x10000), r.intn(0x10000))
	}
	return fmt.Sprintf("%s.%d.%d", pick(r, residential[reg]), r.intn(256), octet(r))
}

// mobileIP returns one of the few shared egress addresses of the carriers of
// region reg; the pool is small on purpose, so that unrelated subscribers
// meet on one address.
func mobileIP(r *rng, reg int) string {
	return fmt.Sprintf("%s.%d", pick(r, mobile[reg]), r.between(1, 40))
}

// cloudIP returns an address of provider p.
func cloudIP(r *rng, p string) string {
	return fmt.Sprintf("%s.%d.%d", pick(r, cloud[p]), r.intn(256), octet(r))
}

// block is a small range of consecutive addresses: a corporate NAT, a
// gateway's egress, a venue's uplink.
type block struct {
	prefix string // first three octets
	lo, n  int
}

func newBlock(r *rng, base string, n int) block {
	lo := r.between(1, 254-n)
	lo -= lo % 8
	if lo == 0 {
		lo = 8
	}
	if strings.Count(base, ".") == 1 {
		base = fmt.Sprintf("%s.%d", base, r.intn(256))
	}
	return block{prefix: base, lo: lo, n: n}
}

func (b block) ip(r *rng) string { return fmt.Sprintf("%s.%d", b.prefix, b.lo+r.intn(b.n)) }
func (b block) at(i int) string  { return fmt.Sprintf("%s.%d", b.prefix, b.lo+i%b.n) }
