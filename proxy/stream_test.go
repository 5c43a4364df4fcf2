package proxy_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/internal/stub"
)

// TestStreamsNeverCut is the regression test for golang/go#40747: a bare
// httputil.ReverseProxy cuts about 1% of streamed POST responses. Thousands
// of streamed POSTs go through sluice, on the guarded endpoints and on a
// pass-through path; each must end with its final event.
func TestStreamsNeverCut(t *testing.T) {
	t.Parallel()
	n := 2000
	if testing.Short() {
		n = 200
	}
	const workers = 16
	s := proxytest.NewStack(t, proxytest.Options{Stub: stub.Config{Words: 8}})
	tr := &http.Transport{MaxIdleConnsPerHost: workers}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	kinds := []struct {
		path, body, tail string
	}{
		{"/v1/chat/completions", proxytest.ChatStreamBody, "data: [DONE]\n\n"},
		{"/v1/messages", proxytest.MsgStreamBody, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"},
		{"/v1/completions", `{"model":"gpt-3.5-turbo-instruct","prompt":"hi","stream":true}`, "data: [DONE]\n\n"},
		{"/v1/responses", proxytest.RespStreamBody, "event: response.completed\n"},
	}
	var (
		next   atomic.Int64
		failed atomic.Int64
		wg     sync.WaitGroup
		mu     sync.Mutex
		first  string
	)
	fail := func(msg string) {
		failed.Add(1)
		mu.Lock()
		if first == "" {
			first = msg
		}
		mu.Unlock()
	}
	for range workers {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				k := kinds[i%int64(len(kinds))]
				req, _ := http.NewRequest(http.MethodPost, s.Front.URL+k.path, strings.NewReader(k.body))
				req.Header.Set("Authorization", fmt.Sprintf("Bearer sk-stream-%d", i%64))
				res, err := client.Do(req)
				if err != nil {
					fail(fmt.Sprintf("request %d: %v", i, err))
					continue
				}
				b, err := io.ReadAll(res.Body)
				res.Body.Close()
				switch {
				case err != nil:
					fail(fmt.Sprintf("request %d %s: read: %v after %d bytes", i, k.path, err, len(b)))
				case res.StatusCode != http.StatusOK:
					fail(fmt.Sprintf("request %d %s: status %d", i, k.path, res.StatusCode))
				case k.path == "/v1/responses":
					// the final event carries the whole response
					if j := bytes.LastIndex(b, []byte("event: ")); j < 0 || !bytes.HasPrefix(b[j:], []byte(k.tail)) || !bytes.HasSuffix(b, []byte("}\n\n")) {
						fail(fmt.Sprintf("request %d %s: cut: ...%q", i, k.path, b[max(0, len(b)-80):]))
					}
				case !bytes.HasSuffix(b, []byte(k.tail)):
					fail(fmt.Sprintf("request %d %s: cut: ...%q", i, k.path, b[max(0, len(b)-80):]))
				}
			}
		})
	}
	wg.Wait()
	if f := failed.Load(); f > 0 {
		t.Fatalf("%d of %d streams failed; first: %s", f, n, first)
	}
}

// TestClientDisconnectMidStream: a client that goes away mid-stream does
// not break the proxy, and the upstream sees the cancellation.
func TestClientDisconnectMidStream(t *testing.T) {
	t.Parallel()
	canceled := make(chan struct{}, 1)
	s := proxytest.NewStack(t, proxytest.Options{
		Stub: stub.Config{Words: 200, EventDelay: 5 * time.Millisecond},
		WrapUp: func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				stop := context.AfterFunc(r.Context(), func() {
					if strings.Contains(r.Header.Get("Authorization"), "sk-leaver") {
						select {
						case canceled <- struct{}{}:
						default:
						}
					}
				})
				defer stop()
				h.ServeHTTP(w, r)
			})
		},
	})
	for _, k := range []struct{ path, body string }{
		{"/v1/chat/completions", proxytest.ChatStreamBody},
		{"/v1/messages", proxytest.MsgStreamBody},
	} {
		ctx, cancel := context.WithCancel(t.Context())
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.Front.URL+k.path, strings.NewReader(k.body))
		req.Header.Set("Authorization", "Bearer sk-leaver")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(res.Body).ReadString('\n')
		if err != nil || line == "" {
			t.Fatalf("%s: first event: %q %v", k.path, line, err)
		}
		cancel()
		res.Body.Close()
		select {
		case <-canceled:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the upstream never saw the client go away", k.path)
		}
		// the proxy still serves
		res, b := proxytest.Post(t, nil, s.Front.URL, k.path, strings.Replace(k.body, `"stream":true`, `"stream":false`, 1), "Authorization", "Bearer sk-stayer")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s after a disconnect: status %d %q", k.path, res.StatusCode, b)
		}
	}
}
