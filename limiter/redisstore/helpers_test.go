package redisstore_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sluicehq/sluice/limiter/limitertest"
	"github.com/sluicehq/sluice/limiter/redisstore"
)

var t0 = limitertest.T0

// testRedis returns the address of the shared test server
// (SLUICE_TEST_REDIS, started by .ci/run) or skips the test.
func testRedis(t testing.TB) string {
	t.Helper()
	addr := os.Getenv("SLUICE_TEST_REDIS")
	if addr == "" {
		t.Skip("SLUICE_TEST_REDIS not set (.ci/run starts redis-server on 127.0.0.1:6390)")
	}
	return addr
}

// prefix is a key prefix of this test alone, so that tests may share one
// server and run in parallel.
func prefix(t testing.TB) string {
	return fmt.Sprintf("t%x-%s", time.Now().UnixNano(), strings.ReplaceAll(t.Name(), "/", "."))
}

// newStore connects a store to addr under the test's prefix p.
func newStore(t testing.TB, addr, p string, batchClock bool) *redisstore.Store {
	t.Helper()
	st, err := redisstore.New(redisstore.Config{Addr: addr, Prefix: p, BatchClock: batchClock, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// server is a redis-server of one test, on its own port, that the test
// may stop and start again (without persistence: a restart loses all).
type server struct {
	t    testing.TB
	port int
	cmd  *exec.Cmd
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startServer starts a private redis-server, or skips the test when there
// is none (as testRedis does).
func startServer(t testing.TB) *server {
	t.Helper()
	testRedis(t)
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("redis-server not installed")
	}
	s := &server{t: t, port: freePort(t)}
	s.start()
	t.Cleanup(s.stop)
	return s
}

func (s *server) addr() string { return fmt.Sprintf("127.0.0.1:%d", s.port) }

func (s *server) start() {
	s.t.Helper()
	s.cmd = exec.Command("redis-server", "--port", fmt.Sprint(s.port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no")
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	c := redis.NewClient(&redis.Options{Addr: s.addr(), MaxRetries: -1})
	defer c.Close()
	deadline := time.Now().Add(10 * time.Second)
	pid := fmt.Sprintf("process_id:%d\r", s.cmd.Process.Pid)
	for {
		info, err := c.Info(context.Background(), "server").Result()
		if err == nil && strings.Contains(info, pid) {
			return
		}
		if err == nil || time.Now().After(deadline) {
			s.t.Fatalf("redis-server did not start on port %d (%v)", s.port, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// stop kills the server (SIGKILL: no shutdown save, like a crash).
func (s *server) stop() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	s.cmd = nil
}

var (
	newEngine = limitertest.NewEngine
	benign    = limitertest.Benign
)
