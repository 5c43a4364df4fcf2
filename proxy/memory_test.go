//go:build !race

package proxy_test

import (
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// liveHeap returns the live heap after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestMemoryBoundedByCapacity floods an engine of capacity 100,000 with
// 1,000,000 distinct random account ids and checks that the live heap stays
// bounded by the capacity: after 1M keys it is less than twice what it is
// after the first 100k (which fill the capacity). Run it alone for the
// figures:
//
//	go test -run TestMemoryBoundedByCapacity -v ./proxy/
//
// Skipped with -short and under -race (too slow there).
func TestMemoryBoundedByCapacity(t *testing.T) {
	if testing.Short() {
		t.Skip("floods 1M keys")
	}
	const capacity, total = 100_000, 1_000_000
	base := liveHeap()
	eng, err := limiter.New(limiter.Config{Capacity: capacity})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	now := time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC)
	var p fingerprint.Print
	seen := make(map[uint64]struct{}, 1024)
	var at100k uint64
	for i := range total {
		id := rng.Uint64()
		if i < 1024 {
			seen[id] = struct{}{}
		}
		p.Client.Net = rng.Uint64() // a different network as well
		p.Prompt.TemplateLast = rng.Uint64()
		p.Prompt.TemplateAll = p.Prompt.TemplateLast
		p.Prompt.Exact = rng.Uint64()
		p.Prompt.Sketch = rng.Uint64()
		now = now.Add(time.Microsecond)
		eng.Decide(now, limiter.Subject{Account: limiter.AccountID(id), Net: p.Client.Net}, &p, 100)
		if i+1 == capacity {
			at100k = liveHeap() - base
		}
	}
	if len(seen) != 1024 {
		t.Fatal("the fixture does not produce distinct keys")
	}
	at1m := liveHeap() - base
	st := eng.Stats()
	t.Logf("live heap: %.1f MiB after 100k keys, %.1f MiB after 1M keys (capacity %d); state: %+v",
		float64(at100k)/(1<<20), float64(at1m)/(1<<20), capacity, st)
	// the sharded LRU splits the capacity exactly
	if st.Accounts > capacity {
		t.Errorf("%d accounts tracked, capacity %d", st.Accounts, capacity)
	}
	if at1m > 2*at100k {
		t.Fatalf("live heap grew from %d to %d bytes between 100k and 1M keys", at100k, at1m)
	}
	runtime.KeepAlive(eng)
}
