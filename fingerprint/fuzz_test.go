package fingerprint_test

import (
	"net/netip"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
)

// FuzzPrompt: any text in any turn must not panic, prints must be
// deterministic, and the signals bounded.
func FuzzPrompt(f *testing.F) {
	for _, s := range []string{"", "Explain \"x step by step", "```\ncode", "'a' `b` “c", "请一步一步", "http://", "\xff\xfe\xe4\xb8",
		"Here is the answer: 42. Explain the reasoning.", "a-b_c.d@e/f\\g", "  \n\n  ", "「未闭合"} {
		f.Add(s, s)
	}
	h := fingerprint.New(fingerprint.Config{Seed: 9})
	f.Fuzz(func(t *testing.T, sys, text string) {
		r := &fingerprint.Request{System: []byte(sys), Turns: []fingerprint.Turn{
			{Role: fingerprint.RoleUser, Text: []byte(text)},
			{Role: fingerprint.RoleTool, Text: []byte(sys)},
			{Role: fingerprint.RoleUser, Text: []byte(text + sys)},
		}}
		var a, b fingerprint.PromptPrint
		h.Prompt(r, &a)
		h.Prompt(r, &b)
		if a != b {
			t.Fatal("Prompt not deterministic")
		}
		for _, s := range a.Signals {
			if s < 0 || s > 1 {
				t.Fatalf("signal out of range: %v", a.Signals)
			}
		}
		if a.Elicit < 0 || a.Elicit > 1 || a.Tokens < 0 {
			t.Fatalf("Elicit %v Tokens %d", a.Elicit, a.Tokens)
		}
		if n := fingerprint.EstimateTokens([]byte(text)); n < 0 || n > len(text) {
			t.Fatalf("EstimateTokens = %d for %d bytes", n, len(text))
		}
	})
}

// FuzzTemplate: the skeleton of one text is stable, and does not depend on
// the other turns.
func FuzzTemplate(f *testing.F) {
	f.Add("Explain photosynthesis step by step.", "other")
	f.Add("\"unclosed", "'")
	f.Add("```", "`")
	h := fingerprint.New(fingerprint.Config{})
	f.Fuzz(func(t *testing.T, text, other string) {
		var a, b fingerprint.PromptPrint
		h.Prompt(user(text), &a)
		h.Prompt(user(other, text), &b)
		if a.TemplateLast != b.TemplateLast || a.Sketch != b.Sketch {
			t.Fatal("last-turn prints depend on earlier turns")
		}
	})
}

// FuzzClient: arbitrary headers and JA4 strings.
func FuzzClient(f *testing.F) {
	f.Add("User-Agent", "Mozilla/5.0 Chrome/", "x-stainless-lang", "python", "t13d1516h2_8daaf6152771_02713d6af862", []byte{203, 0, 113, 7})
	f.Add("user-agent", "OpenAI/", "X-Stainless-Runtime", "", "q", []byte{})
	f.Add("", "", "", "", "t13d15", []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	h := fingerprint.New(fingerprint.Config{})
	f.Fuzz(func(t *testing.T, n1, v1, n2, v2, ja4 string, ip []byte) {
		addr, _ := netip.AddrFromSlice(ip)
		c := &fingerprint.Client{IP: addr, JA4: ja4, Headers: hdrs(n1, v1, n2, v2, "user-agent", v2), Ordered: len(ip)%2 == 0}
		var a, b fingerprint.ClientPrint
		h.Client(c, &a)
		h.Client(c, &b)
		if a != b {
			t.Fatal("Client not deterministic")
		}
		if p := fingerprint.NetPrefix(addr); addr.IsValid() && !p.Contains(addr.Unmap().WithZone("")) {
			t.Fatalf("NetPrefix(%s) = %s", addr, p)
		}
	})
}

// FuzzJA4: arbitrary hello parts give a 36-byte print of the JA4 shape.
func FuzzJA4(f *testing.F) {
	f.Add(byte('t'), []byte{0x13, 0x01, 0x0a, 0x0a}, []byte{0x00, 0x00, 0x00, 0x10}, []byte{0x04, 0x03}, "h2", true)
	f.Add(byte(0), []byte{}, []byte{}, []byte{}, "", false)
	f.Fuzz(func(t *testing.T, proto byte, ciphers, exts, sigs []byte, alpn string, sni bool) {
		u16 := func(b []byte) []uint16 {
			out := make([]uint16, len(b)/2)
			for i := range out {
				out[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
			return out
		}
		h := fingerprint.Hello{Protocol: proto, Versions: u16(sigs), Ciphers: u16(ciphers), Extensions: u16(exts),
			SignatureAlgorithms: u16(sigs), ALPN: alpn, SNI: sni}
		s := h.JA4()
		if len(s) != 36 || s[10] != '_' || s[23] != '_' {
			t.Fatalf("JA4 = %q", s)
		}
		if s != h.JA4() {
			t.Fatal("JA4 not deterministic")
		}
	})
}
