package redisstore_test

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/limiter/redisstore"
)

// randomBatch returns a batch over a small key space (so that keys merge
// again and again) at now.
func randomBatch(r *rand.Rand, now time.Time) *limiter.Batch {
	b := &limiter.Batch{Now: now, HalfLife: 10 * time.Minute, TTL: time.Hour}
	ts := func() int64 { return now.Add(-time.Duration(r.IntN(600)) * time.Second).UnixNano() }
	bm := func() (a [4]uint64) {
		a[r.IntN(4)] = 1 << r.IntN(64)
		return a
	}
	for range r.IntN(20) {
		n := limiter.NodeState{Key: uint64(r.IntN(30)) << 40, First: ts(), Last: ts(),
			Reqs: float32(r.IntN(5)), SReqs: float32(r.IntN(3)), Susp: r.Float32() * 2,
			NAccts: bm(), SAccts: bm()}
		if r.IntN(4) == 0 {
			n.Parent = r.Uint64()
		}
		if r.IntN(4) == 0 {
			n.ThrottledAt, n.Throttled = ts(), limiter.AccountID(r.Uint64())
		}
		b.Nodes = append(b.Nodes, n)
	}
	for range r.IntN(20) {
		b.Accounts = append(b.Accounts, limiter.AccountState{Key: limiter.AccountID(r.IntN(30) + 1), First: ts(), Last: ts(),
			N: float32(r.IntN(4)), Susp: r.Float32(), Strong: float32(r.IntN(2)), Heat: r.Float32() * 3,
			Cluster: limiter.ClusterID(r.Uint64()), Wave: r.IntN(8) == 0})
	}
	for range r.IntN(20) {
		k := uint64(r.IntN(10))
		kind := limiter.BucketKind(k%4 + 1)
		b.Buckets = append(b.Buckets, limiter.BucketState{Kind: kind, Key: k, Rate: 1 + float64(k), Burst: 100 + 10*float64(k),
			Used: float64(r.IntN(40)) - 5})
	}
	return b
}

func clone(b *limiter.Batch) *limiter.Batch {
	c := *b
	c.Nodes = append([]limiter.NodeState(nil), b.Nodes...)
	c.Accounts = append([]limiter.AccountState(nil), b.Accounts...)
	c.Buckets = append([]limiter.BucketState(nil), b.Buckets...)
	return &c
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*max(1, math.Abs(a), math.Abs(b))
}

// TestSameSemanticsAsSharedMemory runs the same random batches through the
// reference store and the Redis store and compares every merged value:
// integers, ids and bitmaps exactly, counts and levels within 1e-6.
// The clock jumps past the TTL now and then, so expiry is compared too.
func TestSameSemanticsAsSharedMemory(t *testing.T) {
	t.Parallel()
	st := newStore(t, testRedis(t), prefix(t), true)
	ref := limiter.NewSharedMemory()
	r := rand.New(rand.NewPCG(1, 2))
	now := t0
	ctx := context.Background()
	var nodes, accts, buckets int
	for i := range 300 {
		now = now.Add(time.Duration(r.IntN(30_000)) * time.Millisecond)
		if i%100 == 99 {
			now = now.Add(2 * time.Hour) // past the TTL
		}
		want := randomBatch(r, now)
		got := clone(want)
		if err := ref.Exchange(ctx, want); err != nil {
			t.Fatal(err)
		}
		if err := st.Exchange(ctx, got); err != nil {
			t.Fatal(err)
		}
		for j, w := range want.Nodes {
			g := got.Nodes[j]
			if g.Key != w.Key || g.First != w.First || g.Last != w.Last || g.NAccts != w.NAccts || g.SAccts != w.SAccts ||
				g.Parent != w.Parent || g.ThrottledAt != w.ThrottledAt || g.Throttled != w.Throttled ||
				!near(float64(g.Reqs), float64(w.Reqs)) || !near(float64(g.SReqs), float64(w.SReqs)) || !near(float64(g.Susp), float64(w.Susp)) {
				t.Fatalf("batch %d node %d:\n got %+v\nwant %+v", i, j, g, w)
			}
			nodes++
		}
		for j, w := range want.Accounts {
			g := got.Accounts[j]
			if g.Key != w.Key || g.First != w.First || g.Last != w.Last || g.Cluster != w.Cluster || g.Wave != w.Wave ||
				!near(float64(g.N), float64(w.N)) || !near(float64(g.Susp), float64(w.Susp)) ||
				!near(float64(g.Strong), float64(w.Strong)) || !near(float64(g.Heat), float64(w.Heat)) {
				t.Fatalf("batch %d account %d:\n got %+v\nwant %+v", i, j, g, w)
			}
			accts++
		}
		for j, w := range want.Buckets {
			if g := got.Buckets[j]; g.Kind != w.Kind || g.Key != w.Key || !near(g.Level, w.Level) {
				t.Fatalf("batch %d bucket %d:\n got %+v\nwant %+v", i, j, g, w)
			}
			buckets++
		}
	}
	t.Logf("compared %d node, %d account and %d bucket merges", nodes, accts, buckets)
}

// TestFailedExchangeLeavesBatch: an exchange with a dead server fails with
// the batch untouched, as the Store contract requires.
func TestFailedExchangeLeavesBatch(t *testing.T) {
	t.Parallel()
	testRedis(t)
	st, err := redisstore.New(redisstore.Config{Addr: "127.0.0.1:1", Timeout: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b := randomBatch(rand.New(rand.NewPCG(3, 4)), t0)
	b.Buckets = append(b.Buckets, limiter.BucketState{Kind: limiter.BucketAccountRequests, Key: 1, Rate: 1, Burst: 10, Used: 1})
	before := clone(b)
	start := time.Now()
	if err := st.Exchange(context.Background(), b); err == nil {
		t.Fatal("exchange with a dead server succeeded")
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("failing took %v", d)
	}
	for i := range b.Buckets {
		if b.Buckets[i] != before.Buckets[i] {
			t.Fatalf("bucket %d changed: %+v", i, b.Buckets[i])
		}
	}
}

func TestConfig(t *testing.T) {
	for _, c := range []redisstore.Config{{}, {Addr: "x:1", Prefix: "a{b"}, {Addr: "redis://:%zz@x"}} {
		if _, err := redisstore.New(c); err == nil {
			t.Errorf("New(%+v) accepted", c)
		}
	}
}
