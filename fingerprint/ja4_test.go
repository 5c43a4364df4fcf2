package fingerprint_test

import (
	"crypto/tls"
	"net"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/fingerprint"
)

// The expected values come from the FoxIO JA4 specification,
// github.com/FoxIO-LLC/ja4, technical_details/JA4.md ("Cipher hash",
// "Extension hash" and "Example" sections): the example ClientHello with 15
// ciphers, 16 extensions (SNI and ALPN h2 included) and 8 signature
// algorithms has JA4 t13d1516h2_8daaf6152771_e5627efa2ab1, and the extension
// list without signature algorithms hashes to 6d807ffa2a79.
var (
	specCiphers = []uint16{0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8,
		0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035}
	specExtensions = []uint16{0x001b, 0x0000, 0x0033, 0x0010, 0x4469, 0x0017, 0x002d, 0x000d,
		0x0005, 0x0023, 0x0012, 0x002b, 0xff01, 0x000b, 0x000a, 0x0015}
	specSigAlgs = []uint16{0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601}
)

func withGREASE(xs []uint16) []uint16 {
	return append([]uint16{0x0a0a}, append(append([]uint16(nil), xs...), 0xfafa)...)
}

func TestJA4Spec(t *testing.T) {
	schemes := make([]tls.SignatureScheme, 0, len(specSigAlgs)+1)
	schemes = append(schemes, 0x1a1a) // GREASE, ignored
	for _, s := range specSigAlgs {
		schemes = append(schemes, tls.SignatureScheme(s))
	}
	hello := &tls.ClientHelloInfo{
		CipherSuites:      withGREASE(specCiphers),
		ServerName:        "example.com",
		SupportedProtos:   []string{"h2", "http/1.1"},
		SupportedVersions: []uint16{0x2a2a, tls.VersionTLS13, tls.VersionTLS12},
		SignatureSchemes:  schemes,
		Extensions:        withGREASE(specExtensions),
	}
	if got, want := fingerprint.JA4(hello), "t13d1516h2_8daaf6152771_e5627efa2ab1"; got != want {
		t.Errorf("JA4(spec example) = %s, want %s", got, want)
	}
}

func TestJA4Parts(t *testing.T) {
	tests := []struct {
		name  string
		hello fingerprint.Hello
		want  string
	}{
		// The specification's worked values.
		{"spec example", fingerprint.Hello{Versions: []uint16{0x0304, 0x0303}, Ciphers: specCiphers,
			Extensions: specExtensions, SignatureAlgorithms: specSigAlgs, ALPN: "h2"},
			"t13d1516h2_8daaf6152771_e5627efa2ab1"},
		{"no signature algorithms", fingerprint.Hello{Versions: []uint16{0x0304}, Ciphers: specCiphers,
			Extensions: specExtensions, ALPN: "h2"},
			"t13d1516h2_8daaf6152771_6d807ffa2a79"},
		// Edge cases from the specification's rules.
		{"empty hello", fingerprint.Hello{}, "t00i000000_000000000000_000000000000"},
		{"quic http/1.1 no sni", fingerprint.Hello{Protocol: 'q', Versions: []uint16{0x0303},
			Ciphers: []uint16{0x1301}, Extensions: []uint16{0x0010}, ALPN: "http/1.1"},
			"q12i0101h1_",
		},
		{"non-alphanumeric alpn", fingerprint.Hello{Versions: []uint16{0x0304}, ALPN: "\xab\xcd"}, "t13i0000ad_"},
		{"single-char alpn", fingerprint.Hello{Versions: []uint16{0x0304}, ALPN: "x"}, "t13i0000xx_"},
		{"dtls 1.2", fingerprint.Hello{Protocol: 'd', Versions: []uint16{0xfefd}}, "dd2i000000_"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.hello.JA4()
			if len(got) < 10 || !strings.HasPrefix(got, tt.want) {
				t.Errorf("JA4 = %q, want prefix %q", got, tt.want)
			}
		})
	}
}

// TestJA4GoClient fingerprints this toolchain's own crypto/tls client, the
// stack of Go SDKs, and checks that the consistency heuristic classifies it
// as Go: a Python SDK claim over it is inconsistent, a Go SDK claim is not.
func TestJA4GoClient(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback:", err)
	}
	defer ln.Close()
	got := make(chan string, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			got <- ""
			return
		}
		defer c.Close()
		s := tls.Server(c, &tls.Config{GetConfigForClient: func(h *tls.ClientHelloInfo) (*tls.Config, error) {
			got <- fingerprint.JA4(h)
			return nil, net.ErrClosed // abort: no certificate needed
		}})
		_ = s.Handshake()
	}()
	c, err := tls.Dial("tcp", ln.Addr().String(), &tls.Config{ServerName: "api.example.test", NextProtos: []string{"h2", "http/1.1"}})
	if err == nil {
		c.Close()
	}
	ja4 := <-got
	t.Logf("Go client JA4: %s", ja4)
	if !strings.HasPrefix(ja4, "t13d") || len(ja4) != 36 {
		t.Fatalf("JA4 = %q", ja4)
	}
	h := fingerprint.New(fingerprint.Config{})
	var p fingerprint.ClientPrint
	h.Client(&fingerprint.Client{JA4: ja4, Headers: []fingerprint.Header{
		{"User-Agent", "OpenAI/Python 1.51.0"}, {"X-Stainless-Lang", "python"}, {"X-Stainless-Runtime", "CPython"}}}, &p)
	if !p.Inconsistent {
		t.Errorf("Python SDK over the Go TLS stack %s: not flagged", ja4)
	}
	h.Client(&fingerprint.Client{JA4: ja4, Headers: []fingerprint.Header{
		{"User-Agent", "OpenAI/Go 1.2.0"}, {"X-Stainless-Lang", "go"}, {"X-Stainless-Runtime", "go"}}}, &p)
	if p.Inconsistent {
		t.Errorf("Go SDK over the Go TLS stack %s: flagged", ja4)
	}
}
