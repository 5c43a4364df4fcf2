package load

import (
	"net/netip"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// MemResult is the memory of a process that holds Accounts tracked accounts.
type MemResult struct {
	Accounts  int           // distinct accounts sent through the engine
	Stats     limiter.Stats // the engine's table sizes afterwards
	RSS, HWM  int64         // VmRSS after a GC, and the peak, bytes
	HeapInuse int64         // Go heap in use after a GC, bytes
	BaseRSS   int64         // VmRSS before the engine was built
	Took      time.Duration
}

// MeasureAccounts sends one request from each of n distinct accounts
// through a limiter.Engine with Capacity n (the embedded defaults
// otherwise), 10,000 a second of engine time, and reports the process's
// resident memory. Prints come from real bodies (AllowRequests through the
// dialect parser and the fingerprint hasher); each account gets its own
// exact-prompt hash and one of 65,536 client networks, so the evidence
// tables fill as they would with distinct prompts. Run it in a fresh
// process: the figure is the whole process's.
func MeasureAccounts(n int) (MemResult, error) {
	res := MemResult{Accounts: n}
	runtime.GC()
	if s, err := ReadProc(os.Getpid()); err == nil {
		res.BaseRSS = s.RSS
	}
	cfg := limiter.DefaultConfig()
	cfg.Capacity = n
	e, err := limiter.New(cfg)
	if err != nil {
		return res, err
	}
	reqs := AllowRequests(4096, 4096, false)
	h := fingerprint.New(fingerprint.Config{})
	prints := make([]fingerprint.Print, len(reqs))
	p := dialect.Get()
	var fr fingerprint.Request
	for i, r := range reqs {
		_, ep := dialect.Detect(r.Path)
		fr = fingerprint.Request{Turns: fr.Turns[:0]}
		if err := p.Parse(ep, r.Body, &fr); err != nil {
			return res, err
		}
		hs := make([]fingerprint.Header, 0, len(r.Header))
		for k, v := range r.Header {
			hs = append(hs, fingerprint.Header{Name: k, Value: v[0]})
		}
		ip := netip.AddrFrom4([4]byte{10, byte(i >> 8), byte(i), 1})
		h.Fill(&fr, &fingerprint.Client{IP: ip, Headers: hs}, &prints[i])
	}
	dialect.Put(p)
	start := time.Now()
	now := time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC)
	for i := range n {
		pr := prints[i%len(prints)]
		pr.Prompt.Exact ^= mix(uint64(i) + 1)
		pr.Client.Net = mix(uint64(i%65536) + 7)
		e.Decide(now, limiter.Subject{Account: limiter.AccountID(mix(uint64(i) + 0x51)), Net: pr.Client.Net}, &pr, 400)
		now = now.Add(100 * time.Microsecond)
	}
	res.Took = time.Since(start)
	res.Stats = e.Stats()
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res.HeapInuse = int64(ms.HeapInuse)
	s, err := ReadProc(os.Getpid())
	if err != nil {
		return res, err
	}
	res.RSS, res.HWM = s.RSS, s.HWM
	runtime.KeepAlive(e)
	return res, nil
}

// mix is splitmix64's finalizer: distinct inputs, distinct well-spread
// outputs.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
