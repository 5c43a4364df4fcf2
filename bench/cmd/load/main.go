// Command load runs sluice's load and overhead harness (bench/load) and
// prints its tables, as text and as markdown:
//
//	cd bench && go run ./cmd/load
//
// It builds sluice, starts the stub upstream, a bare httputil.ReverseProxy
// (default and tuned transport), sluice on the allow path and with full
// detection, and nginx and HAProxy when installed, each pinned with taskset
// to CPU 0, and drives them from CPU 1 in interleaved rounds. Then it
// measures the resident memory of one million tracked accounts. About four
// minutes on two cores.
//
// The long-body workloads (issue 16) follow: sluice in shadow mode with
// the decision log off against the tuned bare proxy, with 10,000 API keys
// rotated per request, on 2 KB and 32 KB chat bodies and an agent loop at
// histories of 10, 25, 50 and 100 KB; they report CPU per request of
// each and the ratio. About two more minutes. -workloads picks the sets:
//
//	go run ./cmd/load -workloads long -rounds 3   only the long bodies
//	go run ./cmd/load -workloads base             only the first part
//
// The same binary also runs the roles the harness starts (not for direct
// use):
//
//	load stub -listen ADDR                          the upstream (internal/stub)
//	load bare -listen ADDR -metrics ADDR -upstream URL [-tuned]
//	load mem [-accounts N]                          one million accounts' memory, as JSON
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/sluicehq/sluice/bench/load"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

type usageError struct{ error }

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "stub":
			return roleStub(args[1:], stderr)
		case "bare":
			return roleBare(args[1:], stderr)
		case "mem":
			return roleMem(args[1:], stdout, stderr)
		case "run":
			args = args[1:]
		}
	}
	return harness(args, stdout, stderr)
}

func flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

// serveUntilSignal serves h on addr until SIGINT or SIGTERM.
func serveUntilSignal(addr string, h http.Handler, extra ...*http.Server) error {
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1+len(extra))
	for _, s := range append(extra, srv) {
		go func() { errc <- s.ListenAndServe() }()
	}
	select {
	case <-ctx.Done():
	case err := <-errc:
		return err
	}
	for _, s := range append(extra, srv) {
		_ = s.Close()
	}
	return nil
}

func roleStub(args []string, stderr io.Writer) error {
	fs := flags("stub", stderr)
	listen := fs.String("listen", "127.0.0.1:18081", "listen `address`")
	if err := parse(fs, args); err != nil {
		return err
	}
	return serveUntilSignal(*listen, load.Upstream())
}

func roleBare(args []string, stderr io.Writer) error {
	fs := flags("bare", stderr)
	listen := fs.String("listen", "127.0.0.1:18082", "listen `address`")
	metrics := fs.String("metrics", "", "`address` of the allocation counter endpoint (/metrics)")
	upstream := fs.String("upstream", "", "upstream `URL`")
	tuned := fs.Bool("tuned", false, "use sluice's tuned transport instead of http.DefaultTransport")
	if err := parse(fs, args); err != nil {
		return err
	}
	h, err := load.BareProxy(*upstream, *tuned)
	if err != nil {
		return usageError{err}
	}
	var extra []*http.Server
	if *metrics != "" {
		mux := http.NewServeMux()
		mux.Handle("/metrics", load.MetricsHandler())
		extra = append(extra, &http.Server{Addr: *metrics, Handler: mux, ReadHeaderTimeout: 10 * time.Second})
	}
	return serveUntilSignal(*listen, h, extra...)
}

func roleMem(args []string, stdout, stderr io.Writer) error {
	fs := flags("mem", stderr)
	n := fs.Int("accounts", 1_000_000, "distinct accounts")
	if err := parse(fs, args); err != nil {
		return err
	}
	res, err := load.MeasureAccounts(*n)
	if err != nil {
		return err
	}
	return json.NewEncoder(stdout).Encode(res)
}

// pinnedEnv marks a harness process that already runs under taskset.
const pinnedEnv = "SLUICE_LOAD_PINNED"

func harness(args []string, stdout, stderr io.Writer) error {
	fs := flags("load", stderr)
	var cfg load.Config
	sluice := fs.String("sluice", "", "sluice `binary` to test (default: build ./cmd/sluice)")
	fs.IntVar(&cfg.Rounds, "rounds", 2, "interleaved rounds per phase")
	fs.DurationVar(&cfg.Sat, "sat", 3*time.Second, "saturation phase `duration`")
	fs.DurationVar(&cfg.Fixed, "fixed", 4*time.Second, "fixed-rate phase `duration`")
	fs.DurationVar(&cfg.Stream, "stream", 2*time.Second, "stream phase `duration`")
	fs.IntVar(&cfg.Conc, "conc", 64, "closed-loop workers at saturation")
	fs.IntVar(&cfg.StreamConc, "stream-conc", 16, "concurrent streams")
	fs.Float64Var(&cfg.Rate, "rate", 0, "fixed `rate` in req/s (default: half of the lowest proxy saturation)")
	fs.BoolVar(&cfg.NoReference, "no-reference", false, "skip nginx and HAProxy")
	fs.StringVar(&cfg.ServerCPU, "server-cpu", "0", "taskset `cpus` of the servers under test (- for none)")
	fs.StringVar(&cfg.LoadCPU, "load-cpu", "1", "taskset `cpus` of the load generator and upstream (- for none)")
	accounts := fs.Int("accounts", 1_000_000, "tracked accounts of the memory probe (0 skips it; it runs with the base set)")
	md := fs.String("markdown", "", "also write the markdown tables to `file`")
	sets := fs.String("workloads", load.SetBase+","+load.SetLong, "workload `sets` to run, comma-separated: "+load.SetBase+" (allow, mix, streams, reference proxies, memory probe), "+load.SetLong+" (long bodies, sluice in shadow mode)")
	if err := parse(fs, args); err != nil {
		return err
	}
	base := false
	for set := range strings.SplitSeq(*sets, ",") {
		switch set = strings.TrimSpace(set); set {
		case load.SetBase:
			base = true
		case load.SetLong:
		default:
			return usageError{fmt.Errorf("-workloads: unknown set %q (%s, %s)", set, load.SetBase, load.SetLong)}
		}
		cfg.Sets = append(cfg.Sets, set)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	// pin this process (the load generator) apart from the servers
	if cfg.LoadCPU != "-" && os.Getenv(pinnedEnv) == "" {
		if ts, err := exec.LookPath("taskset"); err == nil {
			argv := append([]string{ts, "-c", cfg.LoadCPU, self}, os.Args[1:]...)
			return syscall.Exec(ts, argv, append(os.Environ(), pinnedEnv+"=1"))
		}
		fmt.Fprintln(stderr, "taskset not found: nothing is pinned")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	dir, err := os.MkdirTemp("", "sluice-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	cfg.Dir = dir
	if *sluice == "" {
		*sluice = filepath.Join(dir, "sluice")
		fmt.Fprintln(stderr, "building sluice")
		if err := buildSluice(ctx, *sluice); err != nil {
			return err
		}
	}
	cfg.Sluice, cfg.Self, cfg.Progress = *sluice, []string{self}, stderr
	start := time.Now()
	res, err := load.Run(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "machine: %s\n\n", load.Machine())
	if err := res.WriteText(stdout); err != nil {
		return err
	}
	var mem *load.MemResult
	if *accounts > 0 && base {
		fmt.Fprintf(stderr, "memory probe: %d accounts\n", *accounts)
		m, err := memProbe(ctx, self, cfg.ServerCPU, *accounts)
		if err != nil {
			return err
		}
		mem = &m
		fmt.Fprintf(stdout, "\n%s\n", memLine(m))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "machine: %s\n\n", load.Machine())
	if err := res.WriteMarkdown(&b); err != nil {
		return err
	}
	if mem != nil {
		fmt.Fprintf(&b, "- %s\n", memLine(*mem))
	}
	fmt.Fprintf(stdout, "\n--- markdown ---\n\n%s", b.String())
	if *md != "" {
		if err := os.WriteFile(*md, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "done in %v\n", time.Since(start).Round(time.Second))
	return nil
}

func memLine(m load.MemResult) string {
	return fmt.Sprintf("memory: %d accounts tracked (%d clusters, %d evidence entries): VmRSS %.0f MB after GC (peak %.0f MB, Go heap in use %.0f MB, %.0f MB before the engine) — target ≤ 300 MB",
		m.Stats.Accounts, m.Stats.Clusters, m.Stats.Evidence, mb(m.RSS), mb(m.HWM), mb(m.HeapInuse), mb(m.BaseRSS))
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

// buildSluice builds ./cmd/sluice of the sluice module (the bench
// module's replacement of it, ../).
func buildSluice(ctx context.Context, out string) error {
	dir, err := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Dir}}", "github.com/sluicehq/sluice").Output()
	root := strings.TrimSpace(string(dir))
	if err != nil || root == "" {
		return fmt.Errorf("cannot find the sluice module (run inside the bench module, or pass -sluice)")
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, "./cmd/sluice")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/sluice: %v: %s", err, b)
	}
	return nil
}

// memProbe runs the memory probe in a fresh process.
func memProbe(ctx context.Context, self, cpus string, n int) (load.MemResult, error) {
	var m load.MemResult
	if cpus == "-" {
		cpus = ""
	}
	argv := load.Pinned(cpus, self, "mem", "-accounts", fmt.Sprint(n))
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).Output()
	if err != nil {
		return m, fmt.Errorf("memory probe: %w", err)
	}
	return m, json.Unmarshal(out, &m)
}
