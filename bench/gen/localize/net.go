package localize

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// country is where a person or an office sits: its UTC offset in May, its
// main language, and the address blocks its consumer ISPs hand out.
type country struct {
	code  string
	tz    float64 // hours from UTC, summer time where kept
	lang  string
	v4    []string // first two octets of consumer blocks
	v6    []string // first two hextets of consumer IPv6 blocks
	v6pct float64  // share of home connections on IPv6
}

var countries = map[string]*country{
	"ES":  {"ES", 2, "es", []string{"83.45", "88.12", "79.116", "95.127"}, []string{"2a0c:5a80", "2a02:9130"}, 0.15},
	"MX":  {"MX", -6, "es", []string{"187.190", "189.203", "201.141"}, []string{"2806:10a0"}, 0.3},
	"AR":  {"AR", -3, "es", []string{"181.46", "190.18"}, nil, 0},
	"CO":  {"CO", -5, "es", []string{"181.51", "186.84"}, nil, 0},
	"DE":  {"DE", 2, "de", []string{"91.64", "87.150", "93.199", "79.241"}, []string{"2003:e5", "2a02:8108"}, 0.45},
	"AT":  {"AT", 2, "de", []string{"84.115", "178.190"}, []string{"2a02:8388"}, 0.3},
	"CH":  {"CH", 2, "de", []string{"85.1", "178.197"}, []string{"2a02:1210"}, 0.3},
	"FR":  {"FR", 2, "fr", []string{"90.35", "86.247", "82.64", "176.134"}, []string{"2a01:cb00", "2a01:e0a"}, 0.5},
	"BE":  {"BE", 2, "fr", []string{"81.241", "91.181"}, []string{"2a02:a03f"}, 0.4},
	"IT":  {"IT", 2, "it", []string{"79.23", "93.45", "151.38"}, []string{"2a01:e11"}, 0.15},
	"PT":  {"PT", 1, "pt", []string{"85.243", "94.61"}, []string{"2001:8a0"}, 0.3},
	"BR":  {"BR", -3, "pt", []string{"177.32", "189.6", "191.183", "200.158"}, []string{"2804:14c", "2804:7f0"}, 0.4},
	"NL":  {"NL", 2, "nl", []string{"84.86", "145.53", "77.168"}, []string{"2a02:a450"}, 0.35},
	"PL":  {"PL", 2, "pl", []string{"83.26", "89.64", "178.235"}, []string{"2a02:a311"}, 0.2},
	"TR":  {"TR", 3, "tr", []string{"78.180", "88.230", "176.88"}, nil, 0},
	"RU":  {"RU", 3, "ru", []string{"95.24", "178.66", "91.77"}, nil, 0},
	"UA":  {"UA", 3, "uk", []string{"93.72", "176.36"}, nil, 0},
	"SA":  {"SA", 3, "ar", []string{"188.49", "95.186", "51.36"}, nil, 0},
	"EG":  {"EG", 3, "ar", []string{"156.204", "41.46", "197.34"}, nil, 0},
	"AE":  {"AE", 4, "ar", []string{"94.200", "86.98"}, nil, 0},
	"MA":  {"MA", 1, "ar", []string{"105.155", "41.141"}, nil, 0},
	"IN":  {"IN", 5.5, "hi", []string{"49.36", "106.210", "117.99", "223.187"}, []string{"2401:4900", "2409:40c0"}, 0.55},
	"JP":  {"JP", 9, "ja", []string{"126.233", "153.246", "60.65", "114.165"}, []string{"2400:4050", "240b:10"}, 0.4},
	"KR":  {"KR", 9, "ko", []string{"211.234", "121.134", "175.223"}, nil, 0},
	"CN":  {"CN", 8, "zh", []string{"113.87", "120.229", "183.14", "116.21"}, []string{"240e:3b0", "2409:8a1e"}, 0.35},
	"TW":  {"TW", 8, "zh", []string{"114.36", "1.164"}, nil, 0},
	"VN":  {"VN", 7, "vi", []string{"113.161", "14.161", "171.224"}, []string{"2405:4802"}, 0.3},
	"ID":  {"ID", 7, "id", []string{"36.72", "114.124", "180.252"}, nil, 0},
	"TH":  {"TH", 7, "th", []string{"171.96", "124.122"}, nil, 0},
	"PH":  {"PH", 8, "en", []string{"112.198", "175.176"}, nil, 0},
	"US":  {"US", -4, "en", []string{"73.92", "24.5", "98.207", "71.205"}, []string{"2601:18c", "2600:1700"}, 0.45},
	"USW": {"US", -7, "en", []string{"67.180", "76.103", "98.42"}, []string{"2601:646"}, 0.45},
	"GB":  {"GB", 1, "en", []string{"86.150", "81.106", "92.40"}, []string{"2a00:23c7"}, 0.3},
	"NG":  {"NG", 1, "en", []string{"102.89", "105.112"}, nil, 0},
	"IL":  {"IL", 3, "he", []string{"79.176", "109.64"}, nil, 0},
}

// cloud address blocks by provider and region (first two octets, or a /24
// as three octets).
var clouds = map[string][]string{
	"aws-fra":   {"3.120", "18.192", "52.57", "3.72"},
	"aws-iad":   {"3.80", "44.192", "54.85", "3.228"},
	"aws-sin":   {"13.212", "52.74", "18.139"},
	"aws-nrt":   {"13.114", "54.95"},
	"gcp-eu":    {"34.89", "35.198", "34.141"},
	"gcp-us":    {"34.72", "35.224", "34.16"},
	"azure-we":  {"20.61", "51.124", "20.73"},
	"hetzner":   {"95.217", "116.203", "65.108", "5.161"},
	"ovh":       {"51.77", "141.94", "54.37"},
	"ali-sg":    {"47.74", "8.219", "47.241"},
	"ali-hk":    {"47.242", "8.210"},
	"tencent":   {"43.153", "129.226", "43.134"},
	"oracle-kr": {"132.145", "158.179", "146.56"},
	"vultr":     {"45.77", "149.28", "207.148", "139.180"},
	"do":        {"157.245", "164.90", "138.68", "146.190"},
	"contabo":   {"62.171", "161.97", "185.209"},
}

// v4In returns an address in the block pfx (two or three octets).
func v4In(r *rand.Rand, pfx string) string {
	switch strings.Count(pfx, ".") {
	case 1:
		return fmt.Sprintf("%s.%d.%d", pfx, r.IntN(256), 1+r.IntN(254))
	default:
		return fmt.Sprintf("%s.%d", pfx, 1+r.IntN(254))
	}
}

// cloudIP returns an address of provider.
func cloudIP(r *rand.Rand, provider string) string { return v4In(r, pick(r, clouds[provider])) }

// cloudNet returns a /24 of provider, as three octets.
func cloudNet(r *rand.Rand, provider string) string {
	return fmt.Sprintf("%s.%d", pick(r, clouds[provider]), r.IntN(256))
}

// homeIP returns an address a consumer line in c might have; v6 on a dual
// stack line.
func homeIP(r *rand.Rand, c *country) string {
	if len(c.v6) > 0 && chance(r, c.v6pct) {
		return fmt.Sprintf("%s:%x:%x:%x:%x:%x:%x", pick(r, c.v6), r.IntN(0x10000), r.IntN(0x10000),
			r.IntN(0x10000), r.IntN(0x10000), r.IntN(0x10000), r.IntN(0x10000))
	}
	return v4In(r, pick(r, c.v4))
}

// homeV4 returns an IPv4 consumer address in c.
func homeV4(r *rand.Rand, c *country) string { return v4In(r, pick(r, c.v4)) }

// mobileIP is a carrier-grade NAT address: a few blocks, shared by many.
func mobileIP(r *rand.Rand, c *country) string {
	return v4In(r, pick(r, c.v4[:1]))
}

// pickCountry draws a country code from weighted codes "ES:3".
func pickCountry(r *rand.Rand, spec []string) *country {
	ws := make([]float64, len(spec))
	codes := make([]string, len(spec))
	for i, s := range spec {
		code, w, _ := strings.Cut(s, ":")
		codes[i] = code
		ws[i] = 1
		if w != "" {
			fmt.Sscan(w, &ws[i])
		}
	}
	return countries[codes[pickW(r, ws)]]
}
