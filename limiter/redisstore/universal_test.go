package redisstore_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/limiter/redisstore"
)

// exchangeOnce merges one account through st and returns what came back.
func exchangeOnce(t *testing.T, st *redisstore.Store) limiter.AccountState {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := st.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	b := &limiter.Batch{Now: time.Now(), HalfLife: time.Hour, TTL: time.Hour,
		Accounts: []limiter.AccountState{{Key: 7, First: 1, Last: 2, N: 3, Susp: 1}}}
	if err := st.Exchange(ctx, b); err != nil {
		t.Fatal(err)
	}
	return b.Accounts[0]
}

// TestAddrsAndSentinel: a store set up from a list of addresses talks to
// a single server, and one set up from Sentinels and a master name finds
// the master through them (a real redis-server and a real Sentinel).
func TestAddrsAndSentinel(t *testing.T) {
	srv := startServer(t)
	st, err := redisstore.New(redisstore.Config{Addrs: []string{srv.addr()}, Prefix: "univ", Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if a := exchangeOnce(t, st); a.N != 3 {
		t.Errorf("one address: merged n %v, want 3", a.N)
	}

	// a Sentinel monitoring the server as "sluice-master"
	port := freePort(t)
	conf := filepath.Join(t.TempDir(), "sentinel.conf")
	if err := os.WriteFile(conf, fmt.Appendf(nil, "port %d\nbind 127.0.0.1\nsentinel monitor sluice-master 127.0.0.1 %d 1\n", port, srv.port), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("redis-server", conf, "--sentinel")
	if err := cmd.Start(); err != nil {
		t.Skipf("redis-server --sentinel: %v", err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	sc := redis.NewSentinelClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", port)})
	defer sc.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		addr, err := sc.GetMasterAddrByName(context.Background(), "sluice-master").Result()
		if err == nil && len(addr) == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("sentinel did not know the master: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	ss, err := redisstore.New(redisstore.Config{Addrs: []string{fmt.Sprintf("127.0.0.1:%d", port)}, MasterName: "sluice-master", Prefix: "univ", Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()
	if a := exchangeOnce(t, ss); a.N < 5.99 || a.N > 6 { // the same key, merged again on the same server
		t.Errorf("through the sentinel: merged n %v, want 6 (less a moment of decay)", a.N)
	}
	if _, err := redisstore.New(redisstore.Config{}); err == nil {
		t.Error("a config without Addr or Addrs was accepted")
	}
}
