package redisstore_test

import (
	"context"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/limiter/redisstore"
)

// TestRedisCluster: a store set up from a Cluster's seed nodes
// (store.redis.addrs) merges the same batches as the reference store, its
// keys spread over the three nodes' slots (SLUICE_TEST_REDIS_CLUSTER,
// three nodes that .ci/run starts on loopback), and shares the operator's
// state.
func TestRedisCluster(t *testing.T) {
	seeds := os.Getenv("SLUICE_TEST_REDIS_CLUSTER")
	if seeds == "" {
		t.Skip("SLUICE_TEST_REDIS_CLUSTER not set (.ci/run starts a three-node cluster)")
	}
	st, err := redisstore.New(redisstore.Config{Addrs: strings.Split(seeds, ","), Prefix: prefix(t), Timeout: 2 * time.Second, BatchClock: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	ref := limiter.NewSharedMemory()
	r := rand.New(rand.NewPCG(3, 4))
	now := t0
	for i := range 40 {
		now = now.Add(time.Duration(r.IntN(30_000)) * time.Millisecond)
		want := randomBatch(r, now)
		got := clone(want)
		if err := ref.Exchange(ctx, want); err != nil {
			t.Fatal(err)
		}
		if err := st.Exchange(ctx, got); err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
		for j, w := range want.Accounts {
			g := got.Accounts[j]
			if g.Key != w.Key || g.First != w.First || !near(float64(g.N), float64(w.N)) || !near(float64(g.Susp), float64(w.Susp)) {
				t.Fatalf("batch %d account %d:\n got %+v\nwant %+v", i, j, g, w)
			}
		}
		for j, w := range want.Buckets {
			if g := got.Buckets[j]; !near(g.Level, w.Level) {
				t.Fatalf("batch %d bucket %d: level %v, want %v", i, j, g.Level, w.Level)
			}
		}
	}
	e := newEngine(t, limiter.DefaultConfig())
	if err := st.PutAllowList(ctx, 0xa7, true); err != nil {
		t.Fatal(err)
	}
	if err := st.SyncOps(ctx, e, now); err != nil || !e.AllowListed(0xa7) {
		t.Fatalf("operator state on the cluster: %v", err)
	}
}
