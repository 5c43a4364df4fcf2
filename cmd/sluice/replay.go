package main

import (
	"fmt"
	"io"
	"os"
)

func cmdReplay(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("replay", stderr)
	cfgPath := fs.String("config", "", "YAML configuration `file` (default: embedded defaults)")
	inPath := fs.String("in", "-", "trace records to read, `file` or - for stdin")
	outPath := fs.String("out", "-", "decision records to write, `file` or - for stdout")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	in := stdin
	if *inPath != "-" {
		f, err := os.Open(*inPath)
		if err != nil {
			return fmt.Errorf("-in: %w", err)
		}
		defer f.Close()
		in = f
	}
	out := stdout
	var outFile *os.File
	if *outPath != "-" {
		f, err := os.Create(*outPath)
		if err != nil {
			return fmt.Errorf("-out: %w", err)
		}
		outFile, out = f, f
	}
	a, err := newApp(cfg, nil, false)
	if err != nil {
		return err
	}
	stats, err := a.guard.Replay(in, out)
	if outFile != nil {
		if cerr := outFile.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("-out: %w", cerr)
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "sluice replay: %d records, %d errors, allow %d, degrade %d, throttle %d, block %d\n",
		stats.Records, stats.Errors, stats.Actions[0], stats.Actions[1], stats.Actions[2], stats.Actions[3])
	return nil
}
