// Command detectreport scores a detector on a simulated trace: per class the
// share of requests not allowed, blocked, the accounts affected and, for
// campaigns, the leak, the leak after the first hour and the time to
// detect — for sluice and for a per-key and a per-IP rate limit on the same
// trace.
//
//	detectreport [-scenario small|large|demo] [-seed N]      generate the trace
//	detectreport -trace FILE -labels FILE                     or bring one
//	             [-decisions FILE]                            score these decisions,
//	             [-sluice PATH] [-config FILE]                or run `sluice replay`
//	             [-format text|markdown] [-check]
//
// Without -decisions it runs `sluice replay [-config FILE] -in TRACE -out
// DECISIONS` with the binary at -sluice, building ./cmd/sluice of the
// sluice module when -sluice is empty. With -check it exits 1 when sluice
// misses a target of the detection issue. Exit status 2 means bad flags.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type options struct {
	scenario, trace, labels, decisions string
	sluice, config, format             string
	seed                               int64
	check                              bool
	perKey, perIP                      float64
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("detectreport", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.scenario, "scenario", "small", "scenario to generate when -trace is empty: small, large or demo")
	fs.Int64Var(&o.seed, "seed", 0, "seed of the generated scenario (0: the scenario's own)")
	fs.StringVar(&o.trace, "trace", "", "trace records (JSON lines); empty: generate -scenario")
	fs.StringVar(&o.labels, "labels", "", "labels of -trace (JSON lines)")
	fs.StringVar(&o.decisions, "decisions", "", "decision records to score; empty: run sluice replay")
	fs.StringVar(&o.sluice, "sluice", "", "sluice binary for replay; empty: go build ./cmd/sluice")
	fs.StringVar(&o.config, "config", "", "config file passed to sluice replay")
	fs.StringVar(&o.format, "format", "text", "output format: text or markdown")
	fs.BoolVar(&o.check, "check", false, "exit 1 when sluice misses a detection target")
	fs.Float64Var(&o.perKey, "per-key-rpm", sim.PerKeyPerMinute, "per-key baseline: requests per minute (burst as many)")
	fs.Float64Var(&o.perIP, "per-ip-rpm", sim.PerIPPerMinute, "per-IP baseline: requests per minute (burst as many)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "detectreport: unexpected argument %q\n", fs.Arg(0))
		return 2
	case o.format != "text" && o.format != "markdown":
		fmt.Fprintf(stderr, "detectreport: -format: %q is neither text nor markdown\n", o.format)
		return 2
	case (o.trace == "") != (o.labels == ""):
		fmt.Fprintln(stderr, "detectreport: -trace and -labels go together")
		return 2
	case o.perKey <= 0 || o.perIP <= 0:
		fmt.Fprintln(stderr, "detectreport: -per-key-rpm and -per-ip-rpm must be positive")
		return 2
	}
	if o.trace == "" {
		if _, err := sim.Named(o.scenario); err != nil {
			fmt.Fprintf(stderr, "detectreport: -scenario: %v\n", err)
			return 2
		}
	}
	violations, err := report(&o, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "detectreport: %v\n", err)
		return 1
	}
	if o.check && len(violations) > 0 {
		fmt.Fprintln(stderr, "detectreport: targets missed:")
		for _, v := range violations {
			fmt.Fprintln(stderr, "  "+v)
		}
		return 1
	}
	return 0
}

func report(o *options, stdout, stderr io.Writer) ([]string, error) {
	tmp, err := os.MkdirTemp("", "detectreport")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if o.trace == "" {
		o.trace, o.labels = filepath.Join(tmp, "trace.jsonl"), filepath.Join(tmp, "labels.jsonl")
		s, _ := sim.Named(o.scenario)
		if o.seed != 0 {
			s.Seed = o.seed
		}
		start := time.Now()
		if err := writeScenario(s, o.trace, o.labels); err != nil {
			return nil, err
		}
		fmt.Fprintf(stderr, "detectreport: generated scenario %s in %v\n", s.Name, time.Since(start).Round(time.Millisecond))
	}
	if o.decisions == "" {
		bin := o.sluice
		if bin == "" {
			if bin, err = buildSluice(tmp, stderr); err != nil {
				return nil, err
			}
		}
		o.decisions = filepath.Join(tmp, "decisions.jsonl")
		if err := replay(bin, o.config, o.trace, o.decisions, stderr); err != nil {
			return nil, err
		}
	}
	labels, err := readFile(o.labels, sim.ReadLabels)
	if err != nil {
		return nil, err
	}
	decisions, err := readFile(o.decisions, sim.ReadDecisions)
	if err != nil {
		return nil, err
	}
	reqs, err := readFile(o.trace, sim.ReadTrace)
	if err != nil {
		return nil, err
	}
	reports := []sim.Report{
		sim.Evaluate(labels, decisions),
		sim.Evaluate(labels, sim.PerKey(reqs, o.perKey)),
		sim.Evaluate(labels, sim.PerIP(reqs, o.perIP)),
	}
	reports[0].System = "sluice"
	reports[1].System = fmt.Sprintf("per-key %g/min", o.perKey)
	reports[2].System = fmt.Sprintf("per-IP %g/min", o.perIP)
	md := o.format == "markdown"
	for i := range reports {
		if err := reports[i].Write(stdout, md); err != nil {
			return nil, err
		}
	}
	if err := sim.WriteComparison(stdout, reports, md); err != nil {
		return nil, err
	}
	return reports[0].Check(sim.DefaultTargets()), nil
}

func readFile[T any](path string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(bufio.NewReaderSize(f, 1<<20))
}

func writeScenario(s sim.Scenario, tracePath, labelsPath string) (err error) {
	tf, err := os.Create(tracePath)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, tf.Close()) }()
	lf, err := os.Create(labelsPath)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, lf.Close()) }()
	w := tracefmt.NewWriter(tf, lf)
	err = sim.Generate(s, func(r sim.Record, l sim.Label) error { return w.Write(r, l.Wire()) })
	if err != nil {
		return err
	}
	return w.Flush()
}

// buildSluice builds ./cmd/sluice of the sluice module (the bench
// module's replacement of it, ../) into dir.
func buildSluice(dir string, stderr io.Writer) (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/sluicehq/sluice").Output()
	root := strings.TrimSpace(string(out))
	if err != nil || root == "" {
		return "", errors.New("cannot find the sluice module (run inside the bench module): pass -sluice PATH or -decisions FILE")
	}
	bin := filepath.Join(dir, "sluice")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/sluice")
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build ./cmd/sluice: %w", err)
	}
	return bin, nil
}

func replay(bin, config, in, out string, stderr io.Writer) error {
	args := []string{"replay"}
	if config != "" {
		args = append(args, "-config", config)
	}
	args = append(args, "-in", in, "-out", out)
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", bin, strings.Join(args, " "), err)
	}
	fmt.Fprintf(stderr, "detectreport: replay took %v\n", time.Since(start).Round(time.Millisecond))
	return nil
}
