// Package load is sluice's load and overhead harness: it measures what the
// guard costs against a direct connection to the upstream, a bare
// httputil.ReverseProxy and, when installed, nginx and HAProxy.
//
// # What runs
//
// Every server is a separate process pinned with taskset to CPU 0: the stub
// model API's load (internal/stub) is answered on CPU 1 together with the load
// generator, so the proxy under test owns a core. Targets, A/B interleaved
// in rounds within one run:
//
//   - direct: the stub upstream itself;
//   - bare: httputil.ReverseProxy with http.DefaultTransport;
//   - bare-tuned: the same with sluice's transport (proxy.NewTransport);
//   - sluice-allow: `sluice serve` with the guard on the allow path (benign
//     prompts from many accounts, limits out of reach);
//   - sluice-full: `sluice serve` on embedded defaults with the decision log
//     on, fed a realistic mix of accounts and prompts (internal/sim records);
//   - nginx, haproxy: plain reverse proxies, when the binaries are on PATH.
//
// That is the base set (SetBase). The long set (SetLong, LongWorkloads)
// runs the long-body workloads of issue 16 at saturation only, against
// bare-tuned and sluice-shadow (`sluice serve` in shadow mode with the
// decision log off, so every request is forwarded), each workload's pair
// back to back in every round: 2 KB and 32 KB chat bodies and an agent
// loop at histories of 10, 25, 50 and 100 KB, with 10,000 API keys rotated
// per request (see LongRequests). It reports CPU per request of both and
// their ratio per workload.
//
// # What it reports
//
// Per target: throughput at saturation (closed loop), latency
// p50/p99/p99.9 at a fixed open-loop rate of half the lowest proxy
// saturation (measured from the intended send time, so a stall is not
// hidden by coordinated omission) and the latency added over direct, proxy
// CPU time per request from /proc/PID/stat (utime+stime), heap
// allocations per request from the process's go_memstats_mallocs_total,
// resident memory (VmRSS), and for SSE streams the time to first byte and
// the per-event latency (the upstream stamps each flushed event with an SSE
// comment ": t=<unix ns>", which the client subtracts from its arrival
// time; both ends share the machine's clock).
//
//	h, err := load.New(load.Config{Sluice: "/tmp/sluice", Self: exe})
//	res, err := h.Run(ctx)
//	res.WriteText(os.Stdout)
//
// bench/cmd/load is the command; see its doc for the roles it re-executes
// itself in (stub upstream, bare proxy, the million-account memory probe).
package load
