// Command heldout writes the held-out evaluation scenario of
// bench/heldout: trace records per docs/contracts.md (the input of `sluice
// replay`) and, in a separate file, the ground-truth label of each record,
// in the format bench/cmd/detectreport reads.
//
//	heldout -out trace.jsonl -labels labels.jsonl [-seed N] [-scale F] [-hours H]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/sluicehq/sluice/bench/heldout"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	def := heldout.Default()
	fs := flag.NewFlagSet("heldout", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "trace output file (JSON lines), - for stdout")
	labels := fs.String("labels", "", "labels output file (JSON lines)")
	seed := fs.Int64("seed", def.Seed, "random seed")
	scale := fs.Float64("scale", 1, "multiply every class's accounts and volume")
	hours := fs.Float64("hours", def.Duration.Hours(), "simulated duration in hours")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "heldout: unexpected argument %q\n", fs.Arg(0))
		return 2
	case *out == "" || *labels == "":
		fmt.Fprintln(stderr, "heldout: -out and -labels are required")
		return 2
	case !(*scale > 0) || *scale > 100:
		fmt.Fprintln(stderr, "heldout: -scale must be in (0, 100]")
		return 2
	case !(*hours >= 0.25) || *hours > 72:
		fmt.Fprintln(stderr, "heldout: -hours must be in [0.25, 72]")
		return 2
	}
	cfg := def
	cfg.Seed, cfg.Scale, cfg.Duration = *seed, *scale, time.Duration(*hours*float64(time.Hour))
	start := time.Now()
	n, err := writeFiles(cfg, *out, *labels)
	if err != nil {
		fmt.Fprintf(stderr, "heldout: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "heldout: %d records in %v\n", n, time.Since(start).Round(time.Millisecond))
	return 0
}

func writeFiles(cfg heldout.Config, out, labels string) (int, error) {
	var tw io.Writer = os.Stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		tw = f
	}
	lf, err := os.Create(labels)
	if err != nil {
		return 0, err
	}
	defer lf.Close()
	n, err := heldout.Write(cfg, tw, lf)
	if err != nil {
		return n, err
	}
	if f, ok := tw.(*os.File); ok && f != os.Stdout {
		if err := f.Close(); err != nil {
			return n, err
		}
	}
	return n, lf.Close()
}
