// Command heldout6 writes the sixth held-out trace and its labels.
//
//	heldout6 -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
//
// The classes are described in package bench/heldout6. Exit status 2
// means bad flags, 1 any other failure.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/sluicehq/sluice/bench/heldout6"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("heldout6", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "file to write the trace records to (JSON lines)")
	labels := fs.String("labels", "", "file to write the labels to (JSON lines)")
	seed := fs.Uint64("seed", 1, "seed of every random draw")
	small := fs.Bool("small", false, "a three-hour trace with a smaller population")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *out == "" || *labels == "" {
		fmt.Fprintln(stderr, "usage: heldout6 -out FILE -labels FILE [-seed N] [-small]")
		return 2
	}
	cfg := heldout6.Full(*seed)
	if *small {
		cfg = heldout6.Small(*seed)
	}
	n, err := writeFiles(cfg, *out, *labels)
	if err != nil {
		fmt.Fprintf(stderr, "heldout6: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "heldout6: wrote %d records\n", n)
	return 0
}

func writeFiles(cfg heldout6.Config, tracePath, labelsPath string) (n int, err error) {
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
	return heldout6.Write(cfg, tf, lf)
}
