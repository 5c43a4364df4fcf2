package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
	"github.com/sluicehq/sluice/proxy/admin"
)

func cmdReplay(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("replay", stderr)
	cfgPath := fs.String("config", "", "YAML configuration `file` (default: embedded defaults)")
	inPath := fs.String("in", "-", "trace records to read, `file` or - for stdin")
	outPath := fs.String("out", "-", "decision records to write, `file` or - for stdout")
	reportPath := fs.String("report", "", "also write the operator view of the engine's state at the end of the replay to this HTML `file`")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "goroutines that read, parse and print records (`N`; 1 = serial); decisions stay in input order on one engine and the output does not depend on N")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *workers < 1 {
		return usagef("-workers: must be at least 1, got %d", *workers)
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	in := stdin
	if *inPath != "-" {
		f, err := os.Open(*inPath)
		if err != nil {
			return fmt.Errorf("-in: %w", err)
		}
		defer f.Close()
		in = f
	}
	out := stdout
	var outFile *os.File
	if *outPath != "-" {
		f, err := os.Create(*outPath)
		if err != nil {
			return fmt.Errorf("-out: %w", err)
		}
		outFile, out = f, f
	}
	a, err := newApp(cfg, nil, false)
	if err != nil {
		return err
	}
	var clock *tsTracker
	if *reportPath != "" {
		clock = &tsTracker{w: out}
		out = clock
	}
	stats, err := a.guard.ReplayParallel(in, out, *workers)
	if outFile != nil {
		if cerr := outFile.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("-out: %w", cerr)
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "sluice replay: %d records, %d errors, allow %d, degrade %d, throttle %d, block %d\n",
		stats.Records, stats.Errors, stats.Actions[0], stats.Actions[1], stats.Actions[2], stats.Actions[3])
	if clock != nil {
		if err := writeReport(*reportPath, a, clock.last, stats, *inPath); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "sluice replay: report %s\n", *reportPath)
	}
	return nil
}

// writeReport writes the operator view of the engine's state at now, the
// replay clock at the end (the latest record ts), as one HTML file.
func writeReport(path string, a *app, now time.Time, stats proxy.ReplayStats, in string) error {
	if now.IsZero() {
		now = time.Now()
	}
	if in == "-" {
		in = "stdin"
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("-report: %w", err)
	}
	err = admin.Report(f, admin.ReportConfig{
		Engine: a.engine, Now: now,
		Title: "sluice replay of " + filepath.Base(in),
		Totals: []admin.Total{
			{Name: "records", N: stats.Records}, {Name: "errors", N: stats.Errors},
			{Name: "allow", N: stats.Actions[limiter.ActionAllow]}, {Name: "degrade", N: stats.Actions[limiter.ActionDegrade]},
			{Name: "throttle", N: stats.Actions[limiter.ActionThrottle]}, {Name: "block", N: stats.Actions[limiter.ActionBlock]},
		},
	})
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("-report: %w", err)
	}
	return nil
}

// tsTracker passes decision records through and remembers the latest ts
// among them: the replay's clock at the end. Every record starts with
// {"ts":"…"; a record split across writes is found whole in the next one
// thanks to the carried tail.
type tsTracker struct {
	w     io.Writer
	carry []byte
	last  time.Time
}

func (t *tsTracker) Write(p []byte) (int, error) {
	const key = `{"ts":"`
	b := append(t.carry, p...)
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte(key))
		if j < 0 {
			break
		}
		start := i + j + len(key)
		end := bytes.IndexByte(b[start:], '"')
		if end < 0 {
			break
		}
		if ts, err := time.Parse(time.RFC3339Nano, string(b[start:start+end])); err == nil && ts.After(t.last) {
			t.last = ts
		}
		i = start + end
	}
	t.carry = append(t.carry[:0], b[max(0, len(b)-64):]...)
	return t.w.Write(p)
}
