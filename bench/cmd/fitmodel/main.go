// Command fitmodel fits the score model on the project's generators (the
// small traces of bench/fitdata at fixed seeds) and writes the model file
// that limiter embeds. Run in the bench module, it reproduces
// limiter/model.json byte for byte:
//
//	cd bench && go run ./cmd/fitmodel -out ../limiter/model.json [-validate]
//
// -validate also fits once without each generator and scores the model
// on the generator left out: the leave-one-generator-out figures.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/sluicehq/sluice/bench/fitdata"
	"github.com/sluicehq/sluice/limiter"
)

func main() {
	out := flag.String("out", "-", "model file to write, or - for stdout")
	validate := flag.Bool("validate", false, "also fit without each generator and score it on the one left out")
	flag.Parse()
	if err := run(*out, *validate); err != nil {
		fmt.Fprintln(os.Stderr, "fitmodel:", err)
		os.Exit(1)
	}
}

func run(out string, validate bool) error {
	t0 := time.Now()
	sets, err := fitdata.Sets(fitdata.Traces())
	if err != nil {
		return err
	}
	n := 0
	for _, s := range sets {
		n += len(s.Samples)
	}
	fmt.Fprintf(os.Stderr, "fitmodel: %d traces, %d requests prepared in %s\n", len(sets), n, time.Since(t0).Round(time.Second))
	cfg := fitdata.Config()
	sm, err := fitdata.Start()
	if err != nil {
		return err
	}
	start := cfg
	start.Detection.Model = sm
	opt := fitdata.Options()
	opt.Workers = runtime.GOMAXPROCS(0)
	opt.Log = func(s limiter.FitStep) {
		fmt.Fprintf(os.Stderr, "fitmodel: pass %d: %s %g -> %g (objective %.4f) %s\n", s.Pass, s.Param, s.From, s.To, s.Objective, time.Since(t0).Round(time.Second))
	}
	var fitOn []*limiter.FitSet
	for _, s := range sets {
		if _, held := fitdata.Held[s.Name]; !held {
			fitOn = append(fitOn, s)
		}
	}
	m, err := fitdata.Fit(fitOn, opt)
	if err != nil {
		return err
	}
	before, err := limiter.EvaluateAll(start, sets, opt.Workers)
	if err != nil {
		return err
	}
	fitted := cfg
	fitted.Detection.Model = m
	after, err := limiter.EvaluateAll(fitted, sets, opt.Workers)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "\nfitted on %d of the %d (held out of every fit: %v):\n", len(fitOn), len(sets), fitdata.Held)
	table(before, after)
	if validate {
		opt.Log = nil
		var held []limiter.SetScore
		for i := range sets {
			var rest []*limiter.FitSet
			for j, s := range sets {
				if _, held := fitdata.Held[s.Name]; !held && j != i {
					rest = append(rest, s)
				}
			}
			mi, err := fitdata.Fit(rest, opt)
			if err != nil {
				return err
			}
			c := cfg
			c.Detection.Model = mi
			s, err := limiter.Evaluate(c, sets[i])
			if err != nil {
				return err
			}
			held = append(held, s)
			fmt.Fprintf(os.Stderr, "fitmodel: left out %s %s\n", sets[i].Name, time.Since(t0).Round(time.Second))
		}
		fmt.Fprintf(os.Stderr, "\nleave one generator out (fitted without it, scored on it):\n")
		table(before, held)
	}
	if out == "-" {
		_, err = os.Stdout.Write(m.Marshal())
		return err
	}
	return os.WriteFile(out, m.Marshal(), 0o644)
}

func table(before, after []limiter.SetScore) {
	fmt.Fprintf(os.Stderr, "| generator | catch before | catch after | legit refused before | after | worst legit class after | blocked legit accounts |\n|---|---:|---:|---:|---:|---|---:|\n")
	for i, a := range after {
		b := before[i]
		fmt.Fprintf(os.Stderr, "| %s | %.2f%% | %.2f%% | %.3f%% | %.3f%% | %s %.2f%% | %d |\n", a.Name, 100*b.Catch, 100*a.Catch, 100*b.Legit, 100*a.Legit, a.Worst, 100*a.WorstShare, a.Blocked)
	}
}
