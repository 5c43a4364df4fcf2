// Command simulate writes a seeded synthetic trace of model-API traffic:
// trace records per docs/contracts.md (the input of `sluice replay`) and, in a
// separate file, the ground-truth label of each record.
//
//	simulate [-scenario small|large|demo] [-seed N] [-scale F] [-duration D]
//	         [-out FILE|-] [-labels FILE] [-stats]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/sluicehq/sluice/bench/sim"
	"github.com/sluicehq/sluice/bench/tracefmt"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("scenario", "small", "scenario: small, large or demo")
	seed := fs.Int64("seed", 0, "random seed (0: the scenario's own)")
	scale := fs.Float64("scale", 0, "multiply every class's accounts (0: the scenario's own)")
	dur := fs.Duration("duration", 0, "simulated duration (0: the scenario's own)")
	out := fs.String("out", "-", "trace output file, - for stdout")
	labels := fs.String("labels", "", "labels output file (JSON lines); empty: none")
	stats := fs.Bool("stats", false, "print per-class counts and timing to stderr")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "simulate: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	s, err := sim.Named(*name)
	if err != nil {
		fmt.Fprintf(stderr, "simulate: -scenario: %v\n", err)
		return 2
	}
	if *seed != 0 {
		s.Seed = *seed
	}
	if *scale < 0 || *dur < 0 {
		fmt.Fprintln(stderr, "simulate: -scale and -duration must not be negative")
		return 2
	}
	if *scale > 0 {
		s.Scale = *scale
	}
	if *dur > 0 {
		s.Duration = *dur
	}
	if err := write(s, *out, *labels, stdout, stderr, *stats); err != nil {
		fmt.Fprintf(stderr, "simulate: %v\n", err)
		return 1
	}
	return 0
}

func write(s sim.Scenario, out, labels string, stdout, stderr io.Writer, stats bool) (err error) {
	tw := stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, f.Close()) }()
		tw = f
	}
	var lw io.Writer
	if labels != "" {
		f, err := os.Create(labels)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, f.Close()) }()
		lw = f
	}
	w := tracefmt.NewWriter(tw, lw)
	counts := map[sim.Class]int{}
	start := time.Now()
	err = sim.Generate(s, func(r sim.Record, l sim.Label) error {
		counts[l.Class]++
		return w.Write(r, l.Wire())
	})
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if stats {
		total := 0
		classes := make([]string, 0, len(counts))
		for c, n := range counts {
			classes = append(classes, string(c))
			total += n
		}
		sort.Strings(classes)
		for _, c := range classes {
			fmt.Fprintf(stderr, "%-18s %8d\n", c, counts[sim.Class(c)])
		}
		fmt.Fprintf(stderr, "%-18s %8d  in %v\n", "total", total, time.Since(start).Round(time.Millisecond))
	}
	return nil
}
