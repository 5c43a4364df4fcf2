package limiter_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// BenchmarkDecide bounds the engine's cost per decision on warm state:
// 10,000 accounts sending ordinary requests, one core.
func BenchmarkDecide(b *testing.B) {
	e := newEngine(b, defaults())
	const accounts = 10000
	prints := make([]fingerprint.Print, 256)
	for i := range prints {
		prints[i] = benign(i)
	}
	now := t0
	// (each account on a network of its own: ten thousand accounts that
	// take turns at a fixed interval on one client and network would be
	// one script's timers, not ordinary requests)
	for i := range accounts {
		e.Decide(now, limiter.Subject{Account: limiter.AccountID(i + 1), Net: uint64(i + 1)}, &prints[i%len(prints)], 100)
	}
	b.ReportAllocs()
	i := 0
	var d limiter.Decision
	for b.Loop() {
		i++
		now = now.Add(time.Millisecond)
		d = e.Decide(now, limiter.Subject{Account: limiter.AccountID(i%accounts + 1), Net: uint64(i%accounts + 1)}, &prints[i%len(prints)], 100)
	}
	if d.Action != limiter.ActionAllow {
		b.Fatalf("an ordinary request: %v %v", d.Action, d.Reasons.Names())
	}
}

// BenchmarkDecideParallel is BenchmarkDecide from all cores: it bounds lock
// contention on the sharded tables.
func BenchmarkDecideParallel(b *testing.B) {
	e := newEngine(b, defaults())
	const accounts = 10000
	prints := make([]fingerprint.Print, 256)
	for i := range prints {
		prints[i] = benign(i)
	}
	for i := range accounts {
		e.Decide(t0, limiter.Subject{Account: limiter.AccountID(i + 1)}, &prints[i%len(prints)], 100)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		now := t0
		for pb.Next() {
			i++
			now = now.Add(time.Microsecond)
			e.Decide(now, limiter.Subject{Account: limiter.AccountID(i*7919%accounts + 1)}, &prints[i%len(prints)], 100)
		}
	})
}

// BenchmarkStatePerAccount reports the live heap per tracked account with
// N accounts (bytes/account), the figure behind the ≤300 B target.
func BenchmarkStatePerAccount(b *testing.B) {
	const n = 1_000_000
	for b.Loop() {
		cfg := defaults()
		cfg.Capacity = n
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		e := newEngine(b, cfg)
		p := benign(1)
		for i := range n {
			p.Prompt.Exact = uint64(i%1000 + 1)
			p.Prompt.TemplateLast = uint64(i%1000 + 7)
			e.Decide(t0, limiter.Subject{Account: limiter.AccountID(i + 1)}, &p, 100)
		}
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "B/account")
		runtime.KeepAlive(e)
	}
}

// BenchmarkStatePerAccountCampaign is BenchmarkStatePerAccount with every
// request suspicious and carrying its own evidence, so that the evidence
// table fills to its bound too: the worst case of state per account.
func BenchmarkStatePerAccountCampaign(b *testing.B) {
	const n = 1_000_000
	for b.Loop() {
		cfg := defaults()
		cfg.Capacity = n
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		e := newEngine(b, cfg)
		p := campaign(1)
		for i := range n {
			p.Prompt.Exact = uint64(i)*0x9E3779B97F4A7C15 + 1
			p.Prompt.TemplateLast = uint64(i%50000) + 7
			p.Prompt.TemplateAll = uint64(i)*0xBF58476D1CE4E5B9 + 3
			p.Prompt.Sketch = uint64(i) * 0x94D049BB133111EB
			e.Decide(t0.Add(time.Duration(i)*time.Millisecond), limiter.Subject{Account: limiter.AccountID(i + 1)}, &p, 100)
		}
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		st := e.Stats()
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "B/account")
		b.ReportMetric(float64(st.Evidence), "evidence")
		runtime.KeepAlive(e)
	}
}
