package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
)

// Config configures a harness run. Zero fields take the documented
// defaults.
type Config struct {
	// Sluice is the path of a built sluice binary. Required.
	Sluice string
	// Self is the argv prefix that runs this harness's roles (the stub
	// upstream and the bare proxy, see bench/cmd/load). Required.
	Self []string
	// ServerCPU and LoadCPU are the taskset CPU lists of the proxies under
	// test and of the upstream with the load generator. Defaults "0" and
	// "1"; "-" disables pinning.
	ServerCPU, LoadCPU string
	// Rounds is how many times each phase visits every target, interleaved.
	// Default 2.
	Rounds int
	// Sat, Fixed and Stream are the durations of one saturation, one
	// fixed-rate and one stream phase. Defaults 3s, 4s, 2s.
	Sat, Fixed, Stream time.Duration
	// Conc is the number of closed-loop workers at saturation (default 64)
	// and StreamConc the number of concurrent streams (default 16).
	Conc, StreamConc int
	// Rate fixes the open-loop rate in requests per second; 0 means half of
	// the lowest proxy saturation throughput of the workload.
	Rate float64
	// NoReference skips nginx and HAProxy even when installed.
	NoReference bool
	// Mix is the scenario of the realistic mix (default sim.Small()), of
	// which the first MixMax records are replayed (default 20000).
	Mix    *sim.Scenario
	MixMax int
	// Sets lists the workload sets to run, SetBase and SetLong; empty
	// means both.
	Sets []string
	// Dir holds configs and server logs; default a new temporary directory,
	// removed at the end.
	Dir string
	// Progress receives one line per phase; nil discards.
	Progress io.Writer
}

// Workloads.
const (
	WorkloadAllow = "allow" // benign prompts from many accounts
	WorkloadMix   = "mix"   // internal/sim records: legitimate classes and campaigns
)

// Workload sets.
const (
	// SetBase: the allow and mix workloads against the upstream, the bare
	// proxies, sluice on the allow path and with full detection, nginx
	// and HAProxy; saturation, fixed rate and streams.
	SetBase = "base"
	// SetLong: the long-body workloads (LongWorkloads) against bare-tuned
	// and sluice in shadow mode (sluice-shadow); saturation only.
	SetLong = "long"
)

// target is one (server, workload) pair under test.
type target struct {
	name, workload string
	srv            *Server
	direct         bool // the upstream itself
	reqs           []Request
	row            *Row
	// resume: each phase goes on through reqs where the last one stopped
	// (cursor), instead of starting again at the first request
	resume bool
	cursor int64
}

// Run starts the servers, runs every phase interleaved across targets and
// returns the results. The servers are stopped before it returns.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if cfg.Sluice == "" || len(cfg.Self) == 0 {
		return nil, errors.New("load: Config.Sluice and Config.Self are required")
	}
	def := func(p *time.Duration, v time.Duration) {
		if *p <= 0 {
			*p = v
		}
	}
	def(&cfg.Sat, 3*time.Second)
	def(&cfg.Fixed, 4*time.Second)
	def(&cfg.Stream, 2*time.Second)
	if cfg.Rounds <= 0 {
		cfg.Rounds = 2
	}
	if cfg.Conc <= 0 {
		cfg.Conc = 64
	}
	if cfg.StreamConc <= 0 {
		cfg.StreamConc = 16
	}
	if cfg.ServerCPU == "" {
		cfg.ServerCPU = "0"
	}
	if cfg.LoadCPU == "" {
		cfg.LoadCPU = "1"
	}
	if cfg.ServerCPU == "-" {
		cfg.ServerCPU = ""
	}
	if cfg.LoadCPU == "-" {
		cfg.LoadCPU = ""
	}
	if cfg.MixMax <= 0 {
		cfg.MixMax = 20000
	}
	if cfg.Mix == nil {
		s := sim.Small()
		cfg.Mix = &s
	}
	progress := cfg.Progress
	if progress == nil {
		progress = io.Discard
	}
	base, long := len(cfg.Sets) == 0, len(cfg.Sets) == 0
	for _, set := range cfg.Sets {
		switch set {
		case SetBase:
			base = true
		case SetLong:
			long = true
		default:
			return nil, fmt.Errorf("load: unknown workload set %q (%s or %s)", set, SetBase, SetLong)
		}
	}
	if cfg.Dir == "" {
		d, err := os.MkdirTemp("", "sluice-load-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(d)
		cfg.Dir = d
	}

	var allow, streams, mix []Request
	if base {
		allow = AllowRequests(20000, 2000, false)
		streams = AllowRequests(4000, 1000, true)
		var err error
		if mix, err = MixRequests(*cfg.Mix, cfg.MixMax); err != nil {
			return nil, err
		}
	}
	var longReqs [][]Request
	if long {
		for _, w := range LongWorkloads() {
			longReqs = append(longReqs, LongRequests(w))
		}
	}

	f := &fleet{cfg: &cfg, ctx: ctx, progress: progress}
	defer f.stop()
	upAddr := addr()
	up, err := f.launch("upstream", Pinned(cfg.LoadCPU, append(slices.Clone(cfg.Self), "stub", "-listen", upAddr)...), upAddr)
	if err != nil {
		return nil, err
	}
	f.up = up
	bareTuned, err := f.bare("bare-tuned", true)
	if err != nil {
		return nil, err
	}
	var targets []*target
	if base {
		if targets, err = f.baseTargets(bareTuned, allow, mix); err != nil {
			return nil, err
		}
	}
	var longTargets []*target
	if long {
		shadow, err := f.sluice("sluice-shadow", func(a, m string) string { return SluiceShadowConfig(a, m, up.URL) })
		if err != nil {
			return nil, err
		}
		for i, w := range LongWorkloads() {
			for _, srv := range []*Server{bareTuned, shadow} {
				longTargets = append(longTargets, &target{name: srv.Name, workload: w, srv: srv, reqs: longReqs[i], resume: true})
			}
		}
	}
	res := &Result{Rounds: cfg.Rounds, Conc: cfg.Conc, StreamConc: cfg.StreamConc, Sat: cfg.Sat, Fixed: cfg.Fixed, Stream: cfg.Stream}
	for _, t := range targets {
		t.row = &Row{Target: t.name, Workload: t.workload, Direct: t.direct}
		res.Rows = append(res.Rows, t.row)
	}
	for _, t := range longTargets {
		t.row = &Row{Target: t.name, Workload: t.workload, BodyBytes: meanBody(t.reqs)}
		res.Long = append(res.Long, t.row)
	}

	c := NewClient()
	if err := basePhases(ctx, c, cfg, res, targets, streams, progress); err != nil {
		return nil, err
	}
	if err := longPhases(ctx, c, cfg, longTargets, progress); err != nil {
		return nil, err
	}
	res.finish()
	return res, nil
}

// fleet starts the server processes of a run and stops them at its end.
type fleet struct {
	cfg      *Config
	ctx      context.Context
	progress io.Writer
	up       *Server // the upstream
	servers  []*Server
}

func (f *fleet) stop() {
	for _, s := range f.servers {
		s.Stop()
	}
}

func (f *fleet) launch(name string, argv []string, addr string) (*Server, error) {
	s, err := start(f.ctx, f.cfg.Dir, name, addr, argv)
	if err != nil {
		return nil, err
	}
	f.servers = append(f.servers, s)
	fmt.Fprintf(f.progress, "started %-13s pid %-7d %s\n", name, s.PID(), s.URL)
	return s, nil
}

// addr returns a free loopback address.
func addr() string {
	a, err := FreePort()
	if err != nil {
		panic(err) // no loopback port at all: nothing can run
	}
	return a
}

// bare starts a bare httputil.ReverseProxy to the upstream, with sluice's
// tuned transport when tuned is set.
func (f *fleet) bare(name string, tuned bool) (*Server, error) {
	a, m := addr(), addr()
	argv := append(slices.Clone(f.cfg.Self), "bare", "-listen", a, "-metrics", m, "-upstream", f.up.URL)
	if tuned {
		argv = append(argv, "-tuned")
	}
	s, err := f.launch(name, Pinned(f.cfg.ServerCPU, argv...), a)
	if s != nil {
		s.Metrics = "http://" + m + "/metrics"
	}
	return s, err
}

// sluice starts `sluice serve` on the YAML that config returns for its
// listen and admin addresses.
func (f *fleet) sluice(name string, config func(listen, admin string) string) (*Server, error) {
	a, m := addr(), addr()
	path := filepath.Join(f.cfg.Dir, name+".yaml")
	if err := os.WriteFile(path, []byte(config(a, m)), 0o644); err != nil {
		return nil, err
	}
	s, err := f.launch(name, Pinned(f.cfg.ServerCPU, f.cfg.Sluice, "serve", "-config", path), a)
	if s != nil {
		s.Metrics = "http://" + m + "/metrics"
	}
	return s, err
}

// baseTargets starts the other servers of the base set and returns its
// targets.
func (f *fleet) baseTargets(bareTuned *Server, allow, mix []Request) ([]*target, error) {
	cfg, up, progress := f.cfg, f.up, f.progress
	bareDefault, err := f.bare("bare", false)
	if err != nil {
		return nil, err
	}
	sAllow, err := f.sluice("sluice-allow", func(a, m string) string { return SluiceConfig(a, m, up.URL, true) })
	if err != nil {
		return nil, err
	}
	sFull, err := f.sluice("sluice-full", func(a, m string) string { return SluiceConfig(a, m, up.URL, false) })
	if err != nil {
		return nil, err
	}
	targets := []*target{
		{name: "direct", workload: WorkloadAllow, srv: up, direct: true, reqs: allow},
		{name: "bare", workload: WorkloadAllow, srv: bareDefault, reqs: allow},
		{name: "bare-tuned", workload: WorkloadAllow, srv: bareTuned, reqs: allow},
		{name: "sluice-allow", workload: WorkloadAllow, srv: sAllow, reqs: allow},
	}
	if !cfg.NoReference {
		if bin, err := exec.LookPath("nginx"); err == nil {
			a := addr()
			path := filepath.Join(cfg.Dir, "nginx.conf")
			if err := os.WriteFile(path, []byte(NginxConfig(cfg.Dir, a, up.URL[len("http://"):])), 0o644); err != nil {
				return nil, err
			}
			s, err := f.launch("nginx", Pinned(cfg.ServerCPU, bin, "-c", path, "-p", cfg.Dir, "-e", filepath.Join(cfg.Dir, "nginx-error.log")), a)
			if err != nil {
				fmt.Fprintf(progress, "skipping nginx: %v\n", err)
			} else {
				targets = append(targets, &target{name: "nginx", workload: WorkloadAllow, srv: s, reqs: allow})
			}
		} else {
			fmt.Fprintln(progress, "nginx not installed: skipped")
		}
		if bin, err := exec.LookPath("haproxy"); err == nil {
			a := addr()
			path := filepath.Join(cfg.Dir, "haproxy.cfg")
			if err := os.WriteFile(path, []byte(HAProxyConfig(a, up.URL[len("http://"):])), 0o644); err != nil {
				return nil, err
			}
			s, err := f.launch("haproxy", Pinned(cfg.ServerCPU, bin, "-db", "-f", path), a)
			if err != nil {
				fmt.Fprintf(progress, "skipping haproxy: %v\n", err)
			} else {
				targets = append(targets, &target{name: "haproxy", workload: WorkloadAllow, srv: s, reqs: allow})
			}
		} else {
			fmt.Fprintln(progress, "haproxy not installed: skipped")
		}
	}
	targets = append(targets,
		&target{name: "direct", workload: WorkloadMix, srv: up, direct: true, reqs: mix},
		&target{name: "bare-tuned", workload: WorkloadMix, srv: bareTuned, reqs: mix},
		&target{name: "sluice-full", workload: WorkloadMix, srv: sFull, reqs: mix},
	)
	return targets, nil
}

// basePhases runs the base set's phases: saturation, then fixed rate and
// streams, each interleaved across the targets in rounds.
func basePhases(ctx context.Context, c *Client, cfg Config, res *Result, targets []*target, streams []Request, progress io.Writer) error {
	if len(targets) == 0 {
		return nil
	}
	// warm up: connections, pools, engine state
	for _, t := range targets {
		c.Saturate(ctx, t.srv.URL, t.reqs, cfg.Conc, 300*time.Millisecond)
		c.CloseIdle()
	}
	order := func(round int) []*target {
		o := slices.Clone(targets)
		k := round % len(o)
		return append(o[k:], o[:k]...)
	}

	// phase 1: saturation
	for round := range cfg.Rounds {
		for _, t := range order(round) {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := satPhase(ctx, c, cfg, t); err != nil {
				return err
			}
			fmt.Fprintf(progress, "round %d sat    %-13s %-5s %8.0f req/s  %6.1f µs CPU/req\n", round+1, t.name, t.workload, last(t.row.SatRPS), last(t.row.CPUSat))
		}
	}
	// phase 2: fixed rate and streams
	rates := map[string]float64{}
	for _, t := range targets {
		if t.direct {
			continue
		}
		r := median(t.row.SatRPS) / 2
		if v, ok := rates[t.workload]; !ok || r < v {
			rates[t.workload] = r
		}
	}
	if cfg.Rate > 0 {
		rates[WorkloadAllow], rates[WorkloadMix] = cfg.Rate, cfg.Rate
	}
	res.Rate = rates
	for round := range cfg.Rounds {
		for _, t := range order(round) {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := fixedPhase(ctx, c, cfg, t, rates[t.workload]); err != nil {
				return err
			}
			fmt.Fprintf(progress, "round %d fixed  %-13s %-5s %8.0f req/s  %6.1f µs CPU/req  p99 %v\n", round+1, t.name, t.workload, rates[t.workload], last(t.row.CPUFixed), pct(t.row.Lat, 0.99))
			if err := streamPhase(ctx, c, cfg, t, streams); err != nil {
				return err
			}
			fmt.Fprintf(progress, "round %d stream %-13s %-5s %8d streams  ttfb p50 %v\n", round+1, t.name, t.workload, len(t.row.TTFB), pct(t.row.TTFB, 0.5))
		}
	}
	return nil
}

func last(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return xs[len(xs)-1]
}

// procDelta samples the target's process around f.
func procDelta(t *target, f func() (int64, error)) (cpu time.Duration, n int64, after ProcSample, err error) {
	before, err := ReadProc(t.srv.PID())
	if err != nil {
		return 0, 0, after, err
	}
	n, err = f()
	if err != nil {
		return 0, 0, after, err
	}
	after, err = ReadProc(t.srv.PID())
	if err != nil {
		return 0, 0, after, err
	}
	return after.CPU - before.CPU, n, after, nil
}

func satPhase(ctx context.Context, c *Client, cfg Config, t *target) error {
	var allocs float64
	var actions map[string]float64
	var counts Counts
	var took time.Duration
	cpu, n, after, err := procDelta(t, func() (int64, error) {
		m0, err := t.metrics()
		if err != nil {
			return 0, err
		}
		if t.resume {
			counts, took, t.cursor = c.SaturateFrom(ctx, t.srv.URL, t.reqs, t.cursor, cfg.Conc, cfg.Sat)
		} else {
			counts, took = c.Saturate(ctx, t.srv.URL, t.reqs, cfg.Conc, cfg.Sat)
		}
		m1, err := t.metrics()
		if err != nil {
			return 0, err
		}
		if m0 != nil {
			allocs = m1[mallocs] - m0[mallocs]
			actions = map[string]float64{}
			for _, k := range []string{reqAllow, reqAll} {
				actions[k] = m1[k] - m0[k]
			}
		}
		return counts.Total(), nil
	})
	if err != nil {
		return err
	}
	r := t.row
	r.SatRPS = append(r.SatRPS, float64(n)/took.Seconds())
	r.CPUSat = append(r.CPUSat, us(cpu)/float64(max(n, 1)))
	r.Util = append(r.Util, cpu.Seconds()/took.Seconds())
	if t.srv.Metrics != "" {
		r.Allocs = append(r.Allocs, allocs/float64(max(n, 1)))
	}
	if actions != nil && actions[reqAll] > 0 {
		r.AllowShare = append(r.AllowShare, actions[reqAllow]/actions[reqAll])
	}
	r.RSS = max(r.RSS, after.RSS)
	r.SatCounts.add3(counts)
	return nil
}

func fixedPhase(ctx context.Context, c *Client, cfg Config, t *target, rate float64) error {
	var counts Counts
	var lat []time.Duration
	// warm up at the rate: the pool grows to the concurrency the rate needs
	c.FixedRate(ctx, t.srv.URL, t.reqs, rate, 300*time.Millisecond)
	cpu, n, after, err := procDelta(t, func() (int64, error) {
		counts, lat = c.FixedRate(ctx, t.srv.URL, t.reqs, rate, cfg.Fixed)
		return counts.Total(), nil
	})
	if err != nil {
		return err
	}
	r := t.row
	r.CPUFixed = append(r.CPUFixed, us(cpu)/float64(max(n, 1)))
	r.Lat = append(r.Lat, lat...)
	r.RSS = max(r.RSS, after.RSS)
	r.FixedCounts.add3(counts)
	return nil
}

func streamPhase(ctx context.Context, c *Client, cfg Config, t *target, reqs []Request) error {
	st := c.Streams(ctx, t.srv.URL, reqs, cfg.StreamConc, cfg.Stream)
	r := t.row
	r.TTFB = append(r.TTFB, st.TTFB...)
	r.Event = append(r.Event, st.Event...)
	r.Cut += st.Cut
	r.StreamCounts.add3(st.Counts)
	return nil
}

const (
	mallocs  = "go_memstats_mallocs_total"
	reqAll   = "sluice_requests_total"
	reqAllow = `sluice_requests_total|action="allow"`
)

// metrics scrapes the target's counters; nil when it has none.
func (t *target) metrics() (map[string]float64, error) {
	if t.srv.Metrics == "" {
		return nil, nil
	}
	return scrape(t.srv.Metrics, mallocs, reqAll, reqAllow)
}

func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

func (n *Counts) add3(o Counts) {
	n.OK += o.OK
	n.Status += o.Status
	n.Errors += o.Errors
}
