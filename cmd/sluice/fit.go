package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/sluicehq/sluice/limiter"
)

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// cmdFit fits the score model's parameters on labelled traces and writes
// the model file that detection.model loads (see limiter.Fit).
func cmdFit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("fit", stderr)
	cfgPath := fs.String("config", "", "YAML configuration `file`: identity, thresholds and the starting model (default: embedded defaults)")
	var traces, labels listFlag
	fs.Var(&traces, "trace", "trace records `file` (repeat for more traces)")
	fs.Var(&labels, "labels", "labels `file` of the -trace in the same position: request_id, class, campaign, account per line")
	outPath := fs.String("out", "-", "model `file` to write, or - for stdout")
	params := fs.String("params", strings.Join(limiter.DefaultFitParams, ","), "parameters to fit, in order (comma-separated)")
	passes := fs.Int("passes", 2, "passes over the parameters")
	validate := fs.Bool("validate", false, "also fit once without each trace and score the model on the trace left out")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if len(traces) == 0 || len(traces) != len(labels) {
		return usagef("give one -labels for every -trace (%d traces, %d labels)", len(traces), len(labels))
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	a, err := newApp(cfg, nil, false)
	if err != nil {
		return err
	}
	var sets []*limiter.FitSet
	for i, tp := range traces {
		set, err := loadFitSet(a, tp, labels[i])
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "sluice fit: %s: %d requests, %d classes\n", set.Name, len(set.Samples), len(set.Classes))
		sets = append(sets, set)
	}
	ecfg := cfg.engineConfig()
	ecfg.Shadow = false
	opt := limiter.FitOptions{Params: strings.Split(*params, ","), Passes: *passes, Workers: runtime.GOMAXPROCS(0),
		Log: func(s limiter.FitStep) {
			fmt.Fprintf(stderr, "sluice fit: pass %d: %s %g -> %g (objective %.4f)\n", s.Pass, s.Param, s.From, s.To, s.Objective)
		}}
	before, err := limiter.EvaluateAll(ecfg, sets, opt.Workers)
	if err != nil {
		return err
	}
	m, _, err := limiter.Fit(ecfg, sets, opt)
	if err != nil {
		return usageError{err}
	}
	fitted := ecfg
	fitted.Detection.Model = m
	after, err := limiter.EvaluateAll(fitted, sets, opt.Workers)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "sluice fit: objective %.4f -> %.4f\n", limiter.Objective(before), limiter.Objective(after))
	writeScores(stderr, "fitted on every trace (in sample)", before, after)
	if *validate && len(sets) > 1 {
		var held []limiter.SetScore
		quiet := opt
		quiet.Log = nil
		for i := range sets {
			rest := append(append([]*limiter.FitSet{}, sets[:i]...), sets[i+1:]...)
			mi, _, err := limiter.Fit(ecfg, rest, quiet)
			if err != nil {
				return err
			}
			c := ecfg
			c.Detection.Model = mi
			s, err := limiter.Evaluate(c, sets[i])
			if err != nil {
				return err
			}
			held = append(held, s)
		}
		writeScores(stderr, "leave one trace out: fitted without the trace, scored on it", before, held)
	}
	if *outPath == "-" {
		_, err = stdout.Write(m.Marshal())
		return err
	}
	if err := os.WriteFile(*outPath, m.Marshal(), 0o644); err != nil {
		return fmt.Errorf("-out: %w", err)
	}
	return nil
}

// loadFitSet prepares one labelled trace.
func loadFitSet(a *app, tracePath, labelsPath string) (*limiter.FitSet, error) {
	tf, err := os.Open(tracePath)
	if err != nil {
		return nil, usageError{fmt.Errorf("-trace: %w", err)}
	}
	defer tf.Close()
	lf, err := os.Open(labelsPath)
	if err != nil {
		return nil, usageError{fmt.Errorf("-labels: %w", err)}
	}
	defer lf.Close()
	name := strings.TrimSuffix(filepath.Base(tracePath), ".jsonl")
	set, err := a.guard.FitSet(name, tf, lf)
	if err != nil {
		return nil, err
	}
	if len(set.Samples) == 0 {
		return nil, usageError{errors.New(tracePath + ": no model requests")}
	}
	return set, nil
}

// writeScores prints each trace's catch and legitimate figures under the
// starting model and another.
func writeScores(w io.Writer, title string, before, after []limiter.SetScore) {
	fmt.Fprintf(w, "\n%s\n%-16s %17s %17s %26s %8s\n", title, "trace", "catch", "legit refused", "worst legitimate class", "blocked")
	for i, a := range after {
		b := before[i]
		fmt.Fprintf(w, "%-16s %7.2f%% -> %5.2f%% %6.3f%% -> %5.3f%% %13s %5.2f%% -> %5.2f%% %3d -> %d\n", a.Name,
			100*b.Catch, 100*a.Catch, 100*b.Legit, 100*a.Legit, trim(a.Worst, 13), 100*b.WorstShare, 100*a.WorstShare, b.Blocked, a.Blocked)
	}
}

func trim(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
