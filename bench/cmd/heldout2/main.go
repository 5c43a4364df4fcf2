// Command heldout2 writes the third held-out detection trace (package
// bench/heldout2): trace records for `sluice replay` and their labels for
// `detectreport`.
//
//	heldout2 -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/sluicehq/sluice/bench/heldout2"
	"github.com/sluicehq/sluice/bench/tracefmt"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("heldout2", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "trace records (JSON lines) to write")
	labels := fs.String("labels", "", "labels (JSON lines) to write")
	seed := fs.Uint64("seed", 1, "seed")
	small := fs.Bool("small", false, "the small trace of the tests instead of the full one")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *labels == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "heldout2: -out and -labels are required")
		return 2
	}
	cfg := heldout2.Full(*seed)
	if *small {
		cfg = heldout2.Small(*seed)
	}
	if err := write(cfg, *out, *labels); err != nil {
		fmt.Fprintln(stderr, "heldout2:", err)
		return 1
	}
	return 0
}

func write(cfg heldout2.Config, tracePath, labelsPath string) error {
	tf, err := os.Create(tracePath)
	if err != nil {
		return err
	}
	defer tf.Close()
	lf, err := os.Create(labelsPath)
	if err != nil {
		return err
	}
	defer lf.Close()
	w := tracefmt.NewWriter(tf, lf)
	if err := heldout2.Generate(cfg, w.Write); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := tf.Close(); err != nil {
		return err
	}
	return lf.Close()
}
