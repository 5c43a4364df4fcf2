package proxy

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writePair writes a self-signed certificate for cn and its key.
func writePair(t *testing.T, certFile, keyFile, cn string, mod time.Time) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{certFile, keyFile} {
		if err := os.Chtimes(f, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
}

func servedCN(t *testing.T, r *certReloader) string {
	t.Helper()
	c, err := r.get(&tls.ClientHelloInfo{})
	if err != nil {
		t.Fatal(err)
	}
	x, err := x509.ParseCertificate(c.Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	return x.Subject.CommonName
}

// TestCertificateReload: a renewed certificate is served without a
// restart; a broken pair keeps the one in use.
func TestCertificateReload(t *testing.T) {
	dir := t.TempDir()
	cf, kf := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	t0 := time.Now().Add(-time.Minute)
	writePair(t, cf, kf, "old.example", t0)
	if _, err := TLSConfig(cf, kf); err != nil {
		t.Fatal(err)
	}
	r := &certReloader{certFile: cf, keyFile: kf} // looks at every handshake
	if err := r.load(); err != nil {
		t.Fatal(err)
	}
	if cn := servedCN(t, r); cn != "old.example" {
		t.Fatalf("served %s", cn)
	}
	writePair(t, cf, kf, "new.example", t0.Add(time.Second))
	if cn := servedCN(t, r); cn != "new.example" {
		t.Errorf("after renewal: served %s, want new.example", cn)
	}
	os.WriteFile(kf, []byte("not a key"), 0o600)
	os.Chtimes(kf, t0.Add(2*time.Second), t0.Add(2*time.Second))
	if cn := servedCN(t, r); cn != "new.example" {
		t.Errorf("with a broken key file: served %s, want the one in use", cn)
	}
}
