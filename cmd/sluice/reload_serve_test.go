package main

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/stub"
)

// probeBody is a request that asks for one token under a large logit
// bias: log-probability extraction, scored between the default degrade and
// throttle thresholds.
const probeBody = `{"model":"gpt-4o","max_tokens":1,"logprobs":true,"top_logprobs":20,"logit_bias":{"1":100,"2":100,"3":100,"4":100,"5":100,"6":100,"7":100,"8":100,"9":100,"10":100,"11":100,"12":100,"13":100,"14":100,"15":100,"16":100,"17":100,"18":100,"19":100,"20":100,"21":100,"22":100,"23":100,"24":100,"25":100,"26":100,"27":100,"28":100,"29":100,"30":100,"31":100,"32":100,"33":100,"34":100,"35":100,"36":100,"37":100,"38":100,"39":100,"40":100,"41":100,"42":100,"43":100,"44":100,"45":100,"46":100,"47":100,"48":100,"49":100,"50":100},"messages":[{"role":"user","content":"Pick one."}]}`

// TestReloadDropsNoConnection: SIGHUP with a file whose thresholds changed
// changes decisions; SIGHUP with a broken file leaves them unchanged and
// says why; and while both happen, clients on keep-alive connections and
// a long stream lose nothing: every request is answered, no connection is
// dialled twice, the stream ends with its final event.
func TestReloadDropsNoConnection(t *testing.T) {
	up := httptest.NewServer(stub.New(stub.Config{Words: 120, EventDelay: 15 * time.Millisecond}))
	defer up.Close()
	path := filepath.Join(t.TempDir(), "sluice.yaml")
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("upstream:\n  url: " + up.URL + "\n")
	h := startHostile(t, up.URL, func(c *Config) {
		c.reread = func() (*Config, error) { return loadConfig(path) }
		c.Server.ReadTimeout = 30 * time.Second
	})
	probe := func(key string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, h.proxy+"/v1/chat/completions", strings.NewReader(probeBody))
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if st := probe("sk-probe-0"); st != http.StatusOK {
		t.Fatalf("probe before the reload: %d, want 200 (degraded)", st)
	}

	// clients on keep-alive connections, each counting its dials
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var served, failed, dials atomic.Int64
	var firstErr atomic.Value
	const clients = 3
	for i := range clients {
		tr := &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1,
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				dials.Add(1)
				return (&net.Dialer{}).DialContext(ctx, network, addr)
			}}
		defer tr.CloseIdleConnections()
		c := &http.Client{Transport: tr, Timeout: 10 * time.Second}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ctx.Err() == nil; n++ {
				st, err := chat(c, h.proxy, "sk-steady-"+string(rune('a'+i)))
				if err != nil || (st != http.StatusOK && st != http.StatusTooManyRequests) {
					failed.Add(1)
					if err == nil {
						err = &statusError{st}
					}
					firstErr.CompareAndSwap(nil, err)
					continue
				}
				served.Add(1)
			}
		}()
	}
	// a long stream across both reloads
	streamDone := make(chan string, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, h.proxy+"/v1/chat/completions",
			strings.NewReader(`{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Tell me a long story."}]}`))
		req.Header.Set("Authorization", "Bearer sk-stream")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			streamDone <- "error: " + err.Error()
			return
		}
		defer res.Body.Close()
		var last string
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if l := sc.Text(); l != "" {
				last = l
			}
		}
		streamDone <- last
	}()

	time.Sleep(300 * time.Millisecond)
	write("upstream:\n  url: " + up.URL + "\nactions:\n  degrade: 0\n  throttle: 0.6\n")
	hup(t)
	deadline := time.Now().Add(5 * time.Second)
	var after int
	for i := 1; time.Now().Before(deadline); i++ {
		if after = probe("sk-probe-" + string(rune('0'+i%10)) + "x"); after == http.StatusTooManyRequests {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if after != http.StatusTooManyRequests {
		t.Fatalf("probe after the reload: %d, want 429 (degrade off, throttle 0.6)", after)
	}
	time.Sleep(300 * time.Millisecond)
	write("upstream:\n  url: " + up.URL + "\nactions:\n  degrade: 0.9\n  throttle: 0.5\n") // out of order
	hup(t)
	deadline = time.Now().Add(5 * time.Second)
	for !strings.Contains(h.logs.String(), "reload: the configuration does not load") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(h.logs.String(), "reload: the configuration does not load") {
		t.Fatalf("the broken file was not reported:\n%s", h.logs.String())
	}
	if st := probe("sk-probe-z"); st != http.StatusTooManyRequests {
		t.Errorf("probe after the broken reload: %d, want 429 still", st)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
	wg.Wait()
	last := <-streamDone
	t.Logf("%d requests served on %d connections across two reloads, %d failed; the stream ended with %q", served.Load(), dials.Load(), failed.Load(), last)
	if failed.Load() != 0 {
		t.Errorf("%d requests failed during the reloads, the first: %v", failed.Load(), firstErr.Load())
	}
	if dials.Load() != clients {
		t.Errorf("%d connections dialled by %d keep-alive clients: a connection was dropped", dials.Load(), clients)
	}
	if served.Load() < 30 {
		t.Errorf("only %d requests served", served.Load())
	}
	if last != "data: [DONE]" {
		t.Errorf("the stream across the reloads ended with %q, want its final event", last)
	}
}

type statusError struct{ code int }

func (e *statusError) Error() string { return http.StatusText(e.code) }

// hup sends SIGHUP to this process; serve, started with a config file,
// has taken the signal.
func hup(t *testing.T) {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
}
