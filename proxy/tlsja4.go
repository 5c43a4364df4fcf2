package proxy

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
)

type ja4Key struct{}

// connInfo is filled by the TLS handshake and read by each request on the
// connection.
type connInfo struct {
	mu  sync.Mutex
	ja4 string
}

// connJA4 returns the JA4 print of the request's TLS connection when sluice
// terminated TLS (see ServeTLSWithJA4), else "".
func connJA4(r *http.Request) string {
	if v, ok := r.Context().Value(ja4Key{}).(*connInfo); ok {
		v.mu.Lock()
		defer v.mu.Unlock()
		return v.ja4
	}
	return ""
}

// TLSConfig loads a certificate and key for the proxy listener, offering
// HTTP/2 and HTTP/1.1.
//
// The certificate is reloaded when its files change (looked at no more
// than every 10 seconds, on a handshake): a renewed certificate is served
// without a restart. A pair that does not load keeps the one in use.
func TLSConfig(certFile, keyFile string) (*tls.Config, error) {
	r := &certReloader{certFile: certFile, keyFile: keyFile, every: 10 * time.Second}
	if err := r.load(); err != nil {
		return nil, err
	}
	return &tls.Config{GetCertificate: r.get, NextProtos: []string{"h2", "http/1.1"}, MinVersion: tls.VersionTLS12}, nil
}

// certReloader serves a certificate pair and reloads it when the files'
// modification times change.
type certReloader struct {
	certFile, keyFile string
	every             time.Duration
	mu                sync.Mutex
	cert              *tls.Certificate
	mod               [2]time.Time
	checked           time.Time
}

func (r *certReloader) mtimes() ([2]time.Time, error) {
	var m [2]time.Time
	for i, f := range []string{r.certFile, r.keyFile} {
		fi, err := os.Stat(f)
		if err != nil {
			return m, err
		}
		m[i] = fi.ModTime()
	}
	return m, nil
}

// load reads the pair; the caller holds mu or has the only reference.
func (r *certReloader) load() error {
	m, err := r.mtimes()
	if err != nil {
		return err
	}
	cert, err := tls.LoadX509KeyPair(r.certFile, r.keyFile)
	if err != nil {
		return err
	}
	r.cert, r.mod, r.checked = &cert, m, time.Now()
	return nil
}

func (r *certReloader) get(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if time.Since(r.checked) >= r.every {
		r.checked = time.Now()
		if m, err := r.mtimes(); err == nil && m != r.mod {
			_ = r.load() // a half-written pair keeps the certificate in use
		}
	}
	return r.cert, nil
}

// ServeTLSWithJA4 makes srv (to be run with srv.ServeTLS) compute the JA4
// print of every client hello and attach it to the requests of that
// connection. It sets srv.TLSConfig (a clone of tc), srv.ConnContext and
// srv.ConnState; the per-connection entry is dropped when the connection
// closes.
func ServeTLSWithJA4(srv *http.Server, tc *tls.Config) {
	var conns sync.Map // raw net.Conn -> *connInfo
	tc = tc.Clone()
	prev := tc.GetConfigForClient
	tc.GetConfigForClient = func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
		if v, ok := conns.Load(hello.Conn); ok {
			ci := v.(*connInfo)
			ja4 := fingerprint.JA4(hello)
			ci.mu.Lock()
			ci.ja4 = ja4
			ci.mu.Unlock()
		}
		if prev != nil {
			return prev(hello)
		}
		return nil, nil
	}
	srv.TLSConfig = tc
	srv.ConnContext = func(ctx context.Context, c net.Conn) context.Context {
		tc, ok := c.(*tls.Conn)
		if !ok {
			return ctx
		}
		ci := &connInfo{}
		conns.Store(tc.NetConn(), ci)
		return context.WithValue(ctx, ja4Key{}, ci)
	}
	srv.ConnState = func(c net.Conn, s http.ConnState) {
		if s == http.StateClosed || s == http.StateHijacked {
			if tc, ok := c.(*tls.Conn); ok {
				conns.Delete(tc.NetConn())
			}
		}
	}
}
