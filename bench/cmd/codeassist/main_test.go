package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"-out", "x"}, {"-nope"}, {"-out", "x", "-labels", "y", "extra"}} {
		if st := command.Run(args, io.Discard); st != 2 {
			t.Errorf("%q: status %d, want 2", args, st)
		}
	}
}

func TestSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the small trace")
	}
	dir := t.TempDir()
	tr, lb := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "l.jsonl")
	var stderr bytes.Buffer
	if st := command.Run([]string{"-small", "-seed", "3", "-out", tr, "-labels", lb}, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	if !strings.HasPrefix(stderr.String(), "codeassist: ") {
		t.Errorf("stderr %q", stderr.String())
	}
	for _, p := range []string{tr, lb} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
}
