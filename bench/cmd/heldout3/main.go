// Command heldout3 writes the fourth held-out detection trace (package
// bench/heldout3): trace records for `sluice replay` and their labels for
// `detectreport`.
//
//	heldout3 -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/sluicehq/sluice/bench/heldout3"
	"github.com/sluicehq/sluice/bench/tracefmt"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("heldout3", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "trace records (JSON lines) to write")
	labels := fs.String("labels", "", "labels (JSON lines) to write")
	seed := fs.Uint64("seed", 1, "seed")
	small := fs.Bool("small", false, "the small trace of the tests (2 hours) instead of the full one (6 hours)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *labels == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "heldout3: -out and -labels are required")
		return 2
	}
	cfg := heldout3.Full(*seed)
	if *small {
		cfg = heldout3.Small(*seed)
	}
	if err := write(cfg, *out, *labels); err != nil {
		fmt.Fprintln(stderr, "heldout3:", err)
		return 1
	}
	return 0
}

func write(cfg heldout3.Config, tracePath, labelsPath string) (err error) {
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
	if err := heldout3.Generate(cfg, w.Write); err != nil {
		return err
	}
	return w.Flush()
}
