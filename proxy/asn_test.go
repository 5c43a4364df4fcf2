package proxy

import (
	"bytes"
	"encoding/binary"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// mmdbWriter writes a small MaxMind DB (format 2.0, IPv4 tree, 32-bit
// records) for tests: prefixes mapped to maps of string and uint32 values.
type mmdbWriter struct {
	nodes [][2]int // child node index, or -(1 + data index) for data; 0 means empty (the root is never a child)
	data  [][]byte
}

func (w *mmdbWriter) insert(p netip.Prefix, rec map[string]any) {
	if len(w.nodes) == 0 {
		w.nodes = append(w.nodes, [2]int{})
	}
	w.data = append(w.data, mmdbValue(rec))
	leaf := -len(w.data)
	a := p.Addr().As4()
	n := 0
	for i := 0; i < p.Bits(); i++ {
		bit := (a[i/8] >> (7 - i%8)) & 1
		if i == p.Bits()-1 {
			w.nodes[n][bit] = leaf
			return
		}
		if w.nodes[n][bit] <= 0 {
			w.nodes = append(w.nodes, [2]int{})
			w.nodes[n][bit] = len(w.nodes) - 1
		}
		n = w.nodes[n][bit]
	}
}

func (w *mmdbWriter) bytes() []byte {
	nc := len(w.nodes)
	var offs []int
	var data []byte
	for _, d := range w.data {
		offs = append(offs, len(data))
		data = append(data, d...)
	}
	var b []byte
	for _, n := range w.nodes {
		for _, c := range n {
			v := nc // no data
			switch {
			case c > 0:
				v = c
			case c < 0:
				v = nc + 16 + offs[-c-1]
			}
			b = binary.BigEndian.AppendUint32(b, uint32(v))
		}
	}
	b = append(b, make([]byte, 16)...)
	b = append(b, data...)
	b = append(b, "\xab\xcd\xefMaxMind.com"...)
	b = append(b, mmdbValue(map[string]any{
		"binary_format_major_version": uint16(2),
		"binary_format_minor_version": uint16(0),
		"build_epoch":                 uint64(1796637600),
		"database_type":               "sluice-test-ASN",
		"description":                 map[string]any{"en": "sluice test ASN database"},
		"ip_version":                  uint16(4),
		"languages":                   []any{"en"},
		"node_count":                  uint32(nc),
		"record_size":                 uint16(32),
	})...)
	return b
}

// mmdbValue encodes v in the MaxMind DB data format.
func mmdbValue(v any) []byte {
	ctrl := func(typ, size int) []byte {
		var ext []byte
		switch {
		case size >= 285:
			panic("mmdbValue: too long for this writer")
		case size >= 29:
			ext = []byte{byte(size - 29)}
			size = 29
		}
		out := []byte{byte(typ<<5 | size)}
		if typ > 7 {
			out = []byte{byte(size), byte(typ - 7)}
		}
		return append(out, ext...)
	}
	uint := func(typ int, x uint64, width int) []byte {
		var be []byte
		for i := width - 1; i >= 0; i-- {
			be = append(be, byte(x>>(8*i)))
		}
		for len(be) > 0 && be[0] == 0 {
			be = be[1:]
		}
		return append(ctrl(typ, len(be)), be...)
	}
	switch x := v.(type) {
	case string:
		return append(ctrl(2, len(x)), x...)
	case uint16:
		return uint(5, uint64(x), 2)
	case uint32:
		return uint(6, uint64(x), 4)
	case uint64:
		return uint(9, x, 8)
	case bool:
		s := 0
		if x {
			s = 1
		}
		return ctrl(14, s)
	case []any:
		out := ctrl(11, len(x))
		for _, e := range x {
			out = append(out, mmdbValue(e)...)
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := ctrl(7, len(x))
		for _, k := range keys {
			out = append(out, mmdbValue(k)...)
			out = append(out, mmdbValue(x[k])...)
		}
		return out
	}
	panic("mmdbValue: unsupported type")
}

// writeASNDB writes the test ASN database and returns its path:
// 203.0.113.0/24 a hosting range by its type, 198.51.100.0/24 an ISP,
// 192.0.2.0/24 an ASN the operator lists as hosting, 100.64.0.0/24
// flagged is_hosting.
func writeASNDB(t testing.TB) string {
	t.Helper()
	var w mmdbWriter
	w.insert(netip.MustParsePrefix("203.0.113.0/24"), map[string]any{"autonomous_system_number": uint32(64500), "autonomous_system_organization": "Example Cloud", "type": "hosting"})
	w.insert(netip.MustParsePrefix("198.51.100.0/24"), map[string]any{"autonomous_system_number": uint32(64501), "autonomous_system_organization": "Example Broadband", "type": "isp"})
	w.insert(netip.MustParsePrefix("192.0.2.0/24"), map[string]any{"autonomous_system_number": uint32(64502), "autonomous_system_organization": "Example Hosting"})
	w.insert(netip.MustParsePrefix("100.64.0.0/24"), map[string]any{"autonomous_system_number": uint32(64503), "is_hosting": true})
	path := filepath.Join(t.TempDir(), "asn.mmdb")
	if err := os.WriteFile(path, w.bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestASNDatabase: with an ASN database, a client address is read as a
// hosting range from the database's type or is_hosting fields or the
// operator's list, and the engine hears of it.
func TestASNDatabase(t *testing.T) {
	id, err := NewIdentifier(IdentityConfig{ASNDatabase: writeASNDB(t), HostingASNs: []uint32{64502}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ip      string
		asn     uint32
		hosting bool
	}{
		{"203.0.113.9", 64500, true},
		{"198.51.100.200", 64501, false},
		{"192.0.2.1", 64502, true},
		{"100.64.0.7", 64503, true},
		{"8.8.8.8", 0, false},
		{"2001:db8::1", 0, false},
	} {
		for range 2 { // cold, then cached
			got := id.Identify(nil, netip.MustParseAddr(c.ip), "")
			if got.ASN != c.asn || got.Hosting != c.hosting {
				t.Errorf("%s: ASN %d hosting %v, want %d %v", c.ip, got.ASN, got.Hosting, c.asn, c.hosting)
			}
		}
	}
	// a warm lookup allocates nothing
	ip := netip.MustParseAddr("203.0.113.9")
	if n := testing.AllocsPerRun(100, func() { id.Identify(nil, ip, "") }); n != 0 {
		t.Errorf("Identify with an ASN database: %v allocations, want 0", n)
	}
}

// TestASNDatabaseErrors: a missing or broken database, or hosting ASNs
// without one, stop start-up with the key named.
func TestASNDatabaseErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.mmdb")
	if err := os.WriteFile(bad, bytes.Repeat([]byte("x"), 100), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, cfg := range []IdentityConfig{
		{ASNDatabase: filepath.Join(t.TempDir(), "missing.mmdb")},
		{ASNDatabase: bad},
		{HostingASNs: []uint32{64500}},
	} {
		if _, err := NewIdentifier(cfg); err == nil || !bytes.Contains([]byte(err.Error()), []byte("identity.")) {
			t.Errorf("%+v: err %v, want an error naming the identity key", cfg, err)
		}
	}
}
