package proxy

import (
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
)

// TestServeTLSWithJA4 checks that a request on a TLS connection that sluice
// terminates carries the JA4 print of its client hello.
func TestServeTLSWithJA4(t *testing.T) {
	// borrow httptest's certificate
	tmp := httptest.NewTLSServer(http.NotFoundHandler())
	certs := tmp.TLS.Certificates
	tmp.Close()

	got := make(chan string, 1)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case got <- connJA4(r):
		default:
		}
	})}
	ServeTLSWithJA4(srv, &tls.Config{Certificates: certs, NextProtos: []string{"h2", "http/1.1"}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.ServeTLS(ln, "", "") }()
	defer srv.Close()

	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, ForceAttemptHTTP2: true}}
	res, err := c.Get("https://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	ja4 := <-got
	// JA4: t13d1312h2_8daaf6152771_... (protocol, version, SNI, counts,
	// ALPN, then two truncated SHA-256 hashes); an IP address is no SNI: 'i'
	if !regexp.MustCompile(`^t1[23]i\d{4}h2_[0-9a-f]{12}_[0-9a-f]{12}$`).MatchString(ja4) {
		t.Fatalf("JA4 of the test client = %q, want a JA4 string", ja4)
	}
}
