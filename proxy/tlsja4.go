package proxy

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"sync"

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
func TLSConfig(certFile, keyFile string) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, err
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"h2", "http/1.1"}, MinVersion: tls.VersionTLS12}, nil
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
