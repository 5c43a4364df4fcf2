// Command heldout5 writes the fifth held-out trace and its labels.
//
//	heldout5 -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
//
// See package bench/heldout5 for the classes. Exit status 2 means bad
// flags, 1 another failure.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/sluicehq/sluice/bench/heldout5"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("heldout5", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "trace records (JSON lines) to write")
	labels := fs.String("labels", "", "labels (JSON lines) to write")
	seed := fs.Uint64("seed", 1, "seed")
	small := fs.Bool("small", false, "3 simulated hours and fewer accounts instead of 6 hours")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *out == "" || *labels == "" {
		fmt.Fprintln(stderr, "usage: heldout5 -out FILE -labels FILE [-seed N] [-small]")
		return 2
	}
	n, err := write(heldout5.Config{Seed: *seed, Small: *small}, *out, *labels)
	if err != nil {
		fmt.Fprintf(stderr, "heldout5: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "heldout5: %d records\n", n)
	return 0
}

func write(cfg heldout5.Config, tracePath, labelsPath string) (n int, err error) {
	tf, err := os.Create(tracePath)
	if err != nil {
		return 0, err
	}
	defer func() { err = errors.Join(err, tf.Close()) }()
	lf, err := os.Create(labelsPath)
	if err != nil {
		return 0, err
	}
	defer func() { err = errors.Join(err, lf.Close()) }()
	return heldout5.Write(cfg, tf, lf)
}
