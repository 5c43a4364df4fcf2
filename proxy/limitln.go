package proxy

import (
	"bufio"
	"bytes"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// LimitListener lets at most n connections be open at once (server.
// max_connections); n <= 0 returns l. A connection beyond them is
// answered 503 with Retry-After in the error format of the dialect its
// request names, and closed: a client's SDK backs off and retries instead
// of waiting on a connection nobody serves. With tls set (the listener
// is wrapped in TLS later, so no plain HTTP can be written to it) such a
// connection waits in the listen backlog instead.
func LimitListener(l net.Listener, n int, tls bool) net.Listener {
	if n <= 0 {
		return l
	}
	return &limitListener{Listener: l, sem: make(chan struct{}, n), refusing: make(chan struct{}, 256), tls: tls}
}

type limitListener struct {
	net.Listener
	sem      chan struct{}
	refusing chan struct{} // bounds the connections being refused at once
	tls      bool
}

func (l *limitListener) Accept() (net.Conn, error) {
	if l.tls {
		l.sem <- struct{}{}
		return l.accepted()
	}
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		select {
		case l.sem <- struct{}{}:
			return &limitConn{Conn: c, release: func() { <-l.sem }}, nil
		default:
		}
		select {
		case l.refusing <- struct{}{}:
			go func() {
				refuseConn(c)
				<-l.refusing
			}()
		default:
			_ = c.Close() // already refusing as many as we will
		}
	}
}

// accepted accepts one connection into a slot already taken.
func (l *limitListener) accepted() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.sem
		return nil, err
	}
	return &limitConn{Conn: c, release: func() { <-l.sem }}, nil
}

// refuseConn reads the request's head (a couple of seconds at most) to
// learn its dialect, answers 503 and closes the connection.
func refuseConn(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(2 * time.Second))
	d := fingerprint.DialectOpenAI
	if req, err := http.ReadRequest(bufio.NewReaderSize(c, 4096)); err == nil {
		d = guessDialect(req.URL.Path, req.Header)
	}
	rw := &bufferedResponse{h: http.Header{}}
	rw.h.Set("Retry-After", "1")
	dialect.WriteError(rw, d, http.StatusServiceUnavailable, dialect.Overloaded, "too many connections; retry shortly")
	var out bytes.Buffer
	out.WriteString("HTTP/1.1 503 Service Unavailable\r\n")
	rw.h.Set("Content-Length", strconv.Itoa(rw.body.Len()))
	rw.h.Set("Connection", "close")
	_ = rw.h.Write(&out)
	out.WriteString("\r\n")
	out.Write(rw.body.Bytes())
	_, _ = c.Write(out.Bytes())
}

// bufferedResponse is a ResponseWriter into memory, for refuseConn.
type bufferedResponse struct {
	h    http.Header
	body bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header         { return b.h }
func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferedResponse) WriteHeader(int)             {}

// limitConn gives its slot back once, on the first Close.
type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
