package proxy_test

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/proxy"
)

// TestLimitListener: with its one connection busy, a server behind
// LimitListener(1) answers the next connection 503 with Retry-After in
// the error format of the dialect the request names, and serves again
// once the busy connection is closed.
func TestLimitListener(t *testing.T) {
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			<-release
		}
		io.WriteString(w, "ok")
	})}
	go srv.Serve(proxy.LimitListener(raw, 1, false))
	defer srv.Close()
	base := "http://" + raw.Addr().String()

	slowDone := make(chan struct{})
	go func() {
		defer close(slowDone)
		c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
		if res, err := c.Get(base + "/slow"); err == nil {
			res.Body.Close()
		}
	}()
	time.Sleep(200 * time.Millisecond) // the slow request holds the slot

	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/messages", strings.NewReader(`{}`))
	req.Header.Set("X-Api-Key", "sk-x")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 503 || res.Header.Get("Retry-After") != "1" || !strings.Contains(string(body), `"type":"error"`) || !strings.Contains(string(body), "overloaded") {
		t.Errorf("over the limit: %d Retry-After %q %s", res.StatusCode, res.Header.Get("Retry-After"), body)
	}
	close(release)
	<-slowDone
	time.Sleep(50 * time.Millisecond)
	res, err = c.Get(base + "/fast")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("after the slot came back: %d", res.StatusCode)
	}
}
