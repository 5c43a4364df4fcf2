package clinics

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
)

// v4 is an IPv4 block.
type v4 struct {
	base uint32
	bits int
}

func cidr(s string) v4 {
	p := netip.MustParsePrefix(s)
	a := p.Addr().As4()
	return v4{uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3]), p.Bits()}
}

// addr returns a random host address of b (never .0 or .255).
func (b v4) addr(r *rand.Rand) string {
	host := uint32(0)
	if b.bits < 32 {
		host = uint32(r.Uint64()) & (1<<(32-b.bits) - 1)
	}
	x := b.base | host
	if x&0xff == 0 || x&0xff == 255 {
		x = x&^0xff | uint32(1+r.IntN(254))
	}
	return fmt.Sprintf("%d.%d.%d.%d", x>>24, x>>16&0xff, x>>8&0xff, x&0xff)
}

// nth returns the i-th address of b, from .1 on.
func (b v4) nth(i int) string {
	x := b.base + uint32(i+1)
	return fmt.Sprintf("%d.%d.%d.%d", x>>24, x>>16&0xff, x>>8&0xff, x&0xff)
}

// v6 is an IPv6 prefix of 32, 48 or 64 bits, given by its leading
// hextets.
type v6 []uint16

// addr returns a random address under p: random hextets down to /64 and a
// random interface identifier (privacy addresses, as phones and laptops
// use).
func (p v6) addr(r *rand.Rand) string {
	h := make([]uint16, 8)
	copy(h, p)
	for i := len(p); i < 8; i++ {
		h[i] = uint16(r.Uint32())
	}
	return fmt.Sprintf("%x:%x:%x:%x:%x:%x:%x:%x", h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
}

// sub returns a random /64 (or the given length in hextets) under p.
func (p v6) sub(r *rand.Rand, hextets int) v6 {
	q := make(v6, hextets)
	copy(q, p)
	for i := len(p); i < hextets; i++ {
		q[i] = uint16(r.Uint32())
	}
	return q
}

// US residential broadband, by provider.
var (
	resV4 = []v4{
		cidr("73.0.0.0/8"), cidr("24.0.0.0/12"), cidr("68.32.0.0/11"), cidr("98.192.0.0/10"), // cable
		cidr("71.160.0.0/11"), cidr("108.2.0.0/15"), cidr("96.224.0.0/11"), // fibre
		cidr("99.0.0.0/10"), cidr("107.192.0.0/10"), cidr("76.160.0.0/11"), cidr("174.48.0.0/12"),
		cidr("47.128.0.0/11"), cidr("184.88.0.0/13"), cidr("67.160.0.0/11"),
	}
	resV6 = []v6{{0x2601}, {0x2600, 0x1700}, {0x2603, 0x6000}, {0x2605, 0xa601}, {0x2600, 0x4040}}
	// mobile carriers (CGNAT v4 exits and v6 phones)
	mobV4 = []v4{cidr("172.56.0.0/14"), cidr("174.192.0.0/11"), cidr("166.128.0.0/10")}
	// small-business broadband and fibre (clinics, offices)
	bizV4 = []v4{
		cidr("50.192.0.0/10"), cidr("12.0.0.0/9"), cidr("65.32.0.0/11"), cidr("66.60.0.0/14"),
		cidr("208.54.0.0/16"), cidr("70.88.0.0/14"), cidr("64.124.0.0/15"), cidr("216.177.0.0/16"),
	}
	// public clouds (us regions)
	cloudV4 = []v4{
		cidr("3.208.0.0/12"), cidr("18.204.0.0/14"), cidr("34.192.0.0/10"), cidr("52.0.0.0/11"), cidr("54.144.0.0/12"),
		cidr("20.36.0.0/14"), cidr("40.76.0.0/14"), cidr("13.64.0.0/11"),
		cidr("34.72.0.0/13"), cidr("35.184.0.0/13"),
	}
	// budget VPS and hosting providers
	vpsV4 = []v4{
		cidr("5.161.0.0/16"), cidr("45.76.0.0/15"), cidr("139.59.0.0/16"), cidr("159.65.0.0/16"), cidr("167.99.0.0/16"),
		cidr("104.248.0.0/16"), cidr("178.128.0.0/16"), cidr("95.216.0.0/15"), cidr("65.108.0.0/15"), cidr("51.68.0.0/15"),
		cidr("155.138.128.0/17"), cidr("149.28.0.0/16"),
	}
	// GPU and bare-metal clouds
	gpuV4 = []v4{cidr("104.171.200.0/21"), cidr("150.136.0.0/16"), cidr("38.80.122.0/23"), cidr("216.81.245.0/24")}
)

func pickV4(r *rand.Rand, bs []v4) v4 { return bs[r.IntN(len(bs))] }

// residential returns a home broadband address, IPv6 with probability p6.
func residential(r *rand.Rand, p6 float64) string {
	if r.Float64() < p6 {
		return resV6[r.IntN(len(resV6))].addr(r)
	}
	return pickV4(r, resV4).addr(r)
}

// homeNet is one household's connection: a stable v4 address and, on a
// dual-stack line, a /64 whose addresses change.
type homeNet struct {
	v4  string
	v6  v6
	p6  float64
	mob string // the phone's carrier exit, used now and then
}

func newHome(r *rand.Rand) homeNet {
	h := homeNet{v4: pickV4(r, resV4).addr(r)}
	if r.Float64() < 0.45 {
		h.v6 = resV6[r.IntN(len(resV6))].sub(r, 4)
		h.p6 = 0.8
	}
	if r.Float64() < 0.3 {
		h.mob = pickV4(r, mobV4).addr(r)
	}
	return h
}

func (h homeNet) addr(r *rand.Rand) string {
	if h.v6 != nil && r.Float64() < h.p6 {
		return h.v6.addr(r)
	}
	return h.v4
}
