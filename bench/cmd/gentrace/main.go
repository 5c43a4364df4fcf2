// Command gentrace writes the trace of any registered generator
// (bench/gen) and its ground-truth labels:
//
//	gentrace -gen NAME -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
//	gentrace -list
//
// Without -seed each generator writes the trace of its own seed, the one
// its documents and tests name. Exit status 2 means bad flags or an unknown generator, 1 another failure.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/sluicehq/sluice/bench/gen"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gentrace", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("gen", "", "generator (see -list)")
	out := fs.String("out", "", "trace records (JSON lines) to write")
	labels := fs.String("labels", "", "labels (JSON lines) to write")
	seed := fs.Uint64("seed", 0, "seed of every random draw (0: the generator's own, 1 or supportchat's 4127)")
	small := fs.Bool("small", false, "the generator's small trace instead of its full one")
	list := fs.Bool("list", false, "list the generators and what each models")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *list {
		for _, g := range gen.All() {
			fmt.Fprintf(stdout, "%-12s %s\n", g.Name, g.About)
		}
		return 0
	}
	if *name == "" || *out == "" || *labels == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gentrace -gen NAME -out FILE -labels FILE [-seed N] [-small] | gentrace -list")
		return 2
	}
	g, err := gen.Get(*name)
	if err != nil {
		fmt.Fprintln(stderr, "gentrace:", err)
		return 2
	}
	n, err := write(g, *seed, *small, *out, *labels)
	if err != nil {
		fmt.Fprintln(stderr, "gentrace:", err)
		return 1
	}
	fmt.Fprintf(stderr, "%s: %d records\n", g.Name, n)
	return 0
}

func write(g gen.Generator, seed uint64, small bool, tracePath, labelsPath string) (int, error) {
	tf, err := os.Create(tracePath)
	if err != nil {
		return 0, err
	}
	lf, err := os.Create(labelsPath)
	if err != nil {
		tf.Close()
		return 0, err
	}
	tw, lw := bufio.NewWriterSize(tf, 1<<20), bufio.NewWriterSize(lf, 1<<16)
	n, err := g.Write(seed, small, tw, lw)
	return n, errors.Join(err, tw.Flush(), lw.Flush(), tf.Close(), lf.Close())
}
