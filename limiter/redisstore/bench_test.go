package redisstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// BenchmarkDecide bounds what sharing state costs the hot path: one core
// deciding for 10,000 warm accounts with the memory store (no tracking),
// attached (change tracking, no exchanges) and with a live Redis store
// exchanging every 50 ms in the background. The Redis case must stay within
// 20% of the memory case.
func BenchmarkDecide(b *testing.B) {
	for _, mode := range []string{"memory", "attached", "redis"} {
		b.Run(mode, func(b *testing.B) {
			e := newEngine(b, limiter.DefaultConfig())
			if mode != "memory" {
				e.Attach(false)
			}
			if mode == "redis" {
				st := newStore(b, testRedis(b), prefix(b), false)
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan struct{})
				go func() {
					e.Run(ctx, st, limiter.RunOptions{Interval: 50 * time.Millisecond, Timeout: time.Second})
					close(done)
				}()
				defer func() { cancel(); <-done }()
			}
			const accounts = 10000
			prints := make([]fingerprint.Print, 256)
			for i := range prints {
				prints[i] = benign(i)
			}
			now := time.Now()
			for i := range accounts {
				e.Decide(now, limiter.Subject{Account: limiter.AccountID(i + 1)}, &prints[i%len(prints)], 100)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				now = now.Add(time.Microsecond)
				e.Decide(now, limiter.Subject{Account: limiter.AccountID(i%accounts + 1)}, &prints[i%len(prints)], 100)
			}
		})
	}
}

// BenchmarkExchange bounds the exchange latency (one pipeline) per batch
// size on loopback: a third each of evidence nodes, accounts and buckets,
// over warm keys.
func BenchmarkExchange(b *testing.B) {
	addr := testRedis(b)
	for _, n := range []int{10, 100, 1000, 10000} {
		b.Run(fmt.Sprintf("keys=%d", n), func(b *testing.B) {
			st := newStore(b, addr, prefix(b), false)
			r := rand.New(rand.NewPCG(1, uint64(n)))
			mk := func() *limiter.Batch {
				bt := &limiter.Batch{Now: time.Now(), HalfLife: time.Hour, TTL: time.Hour}
				for i := range n / 3 {
					bt.Nodes = append(bt.Nodes, limiter.NodeState{Key: uint64(i + 1), First: 1, Last: 2, Reqs: 1, NAccts: [4]uint64{r.Uint64()}})
					bt.Accounts = append(bt.Accounts, limiter.AccountState{Key: limiter.AccountID(i + 1), First: 1, Last: 2, N: 1})
				}
				for i := range n - 2*(n/3) {
					bt.Buckets = append(bt.Buckets, limiter.BucketState{Kind: limiter.BucketAccountRequests, Key: uint64(i + 1), Rate: 10, Burst: 600, Used: 1})
				}
				return bt
			}
			if err := st.Exchange(context.Background(), mk()); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				bt := mk()
				b.StartTimer()
				if err := st.Exchange(context.Background(), bt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/key")
		})
	}
}
