package stepwise

import (
	"fmt"
	"math/rand/v2"
)

// Address plans. The numbers are invented; they only have to look like
// where such traffic comes from: home broadband and mobile carriers,
// university networks, cloud provider ranges, office NATs.

var homeFirstOctets = []int{24, 50, 67, 68, 71, 73, 75, 76, 81, 82, 84, 86, 88, 90, 92, 94, 98, 109, 151, 174, 176, 185, 188, 203}

// home is a home broadband or mobile address.
func home(r *rand.Rand) string {
	return fmt.Sprintf("%d.%d.%d.%d", oneOf(r, homeFirstOctets), r.IntN(256), r.IntN(256), 1+r.IntN(254))
}

// proxyExit is an address of a residential proxy pool: home addresses, but
// drawn from the few carriers such pools buy from.
func proxyExit(r *rand.Rand) string {
	return fmt.Sprintf("%d.%d.%d.%d", oneOf(r, []int{45, 73, 77, 98, 104, 172, 186, 187, 189, 191}), r.IntN(256), r.IntN(256), 1+r.IntN(254))
}

// subnet is a /24 with a few hosts in use.
type subnet struct {
	prefix string
	hosts  []int
}

func newSubnet(r *rand.Rand, first []int, hosts int) subnet {
	s := subnet{prefix: fmt.Sprintf("%d.%d.%d.", oneOf(r, first), r.IntN(256), r.IntN(256))}
	for range hosts {
		s.hosts = append(s.hosts, 2+r.IntN(250))
	}
	return s
}

func (s subnet) ip(r *rand.Rand) string { return fmt.Sprintf("%s%d", s.prefix, oneOf(r, s.hosts)) }

func (s subnet) host(i int) string { return fmt.Sprintf("%s%d", s.prefix, s.hosts[i%len(s.hosts)]) }

var (
	cloudOctets  = []int{3, 13, 18, 34, 35, 52, 54, 20, 40, 104, 146, 159}
	officeOctets = []int{62, 80, 193, 194, 195, 212, 217}
	uniOctets    = []int{128, 129, 130, 131, 132, 137, 141, 155}
)

// campus is a university's /16: a student's desktop or the lab cluster.
type campus struct{ a, b int }

func newCampus(r *rand.Rand) campus { return campus{oneOf(r, uniOctets), r.IntN(256)} }

func (c campus) ip(r *rand.Rand) string {
	return fmt.Sprintf("%d.%d.%d.%d", c.a, c.b, r.IntN(256), 1+r.IntN(254))
}
