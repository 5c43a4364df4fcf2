package genkit

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// Command is the command line of a generator whose traces are selected by a
// C:
//
//	NAME -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
type Command[C any] struct {
	Name      string                                     // the command's name, in its messages
	SmallHelp string                                     // what -small selects, for the flag's help
	Full      func(seed uint64) C                        // the full trace of a seed
	Small     func(seed uint64) C                        // the small trace of a seed
	Write     func(C, io.Writer, io.Writer) (int, error) // writes trace and labels, returns the records
}

// Main runs c on the process's arguments and exits with its status.
func (c Command[C]) Main() { os.Exit(c.Run(os.Args[1:], os.Stderr)) }

// Run parses args, writes the two files and returns the exit status: 0
// when done, 2 for bad flags, 1 for any other failure. Messages go to
// stderr.
func (c Command[C]) Run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "trace records (JSON lines) to write")
	labels := fs.String("labels", "", "labels (JSON lines) to write")
	seed := fs.Uint64("seed", 1, "seed of every random draw")
	small := fs.Bool("small", false, c.SmallHelp)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *out == "" || *labels == "" {
		fmt.Fprintf(stderr, "usage: %s -out FILE -labels FILE [-seed N] [-small]\n", c.Name)
		return 2
	}
	cfg := c.Full(*seed)
	if *small {
		cfg = c.Small(*seed)
	}
	n, err := c.writeFiles(cfg, *out, *labels)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", c.Name, err)
		return 1
	}
	fmt.Fprintf(stderr, "%s: %d records\n", c.Name, n)
	return 0
}

func (c Command[C]) writeFiles(cfg C, tracePath, labelsPath string) (n int, err error) {
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
	return c.Write(cfg, tf, lf)
}
