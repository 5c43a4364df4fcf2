package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestWritesTraceAndLabels(t *testing.T) {
	dir := t.TempDir()
	trace, labels := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "l.jsonl")
	var out, errb bytes.Buffer
	if code := run([]string{"-scenario", "demo", "-duration", "3m", "-out", trace, "-labels", labels, "-stats"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	tb, _ := os.ReadFile(trace)
	lb, _ := os.ReadFile(labels)
	nt, nl := bytes.Count(tb, []byte{'\n'}), bytes.Count(lb, []byte{'\n'})
	if nt == 0 || nt != nl {
		t.Fatalf("%d trace lines, %d label lines", nt, nl)
	}
	if !bytes.Contains(errb.Bytes(), []byte("total")) {
		t.Errorf("no stats: %s", errb.String())
	}
	// stdout by default, and the same bytes for the same seed
	out.Reset()
	if code := run([]string{"-scenario", "demo", "-duration", "3m"}, &out, &errb); code != 0 || !bytes.Equal(out.Bytes(), tb) {
		t.Errorf("stdout run: exit %d, same bytes %v", code, bytes.Equal(out.Bytes(), tb))
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-scenario", "huge"}, {"-scale", "-1"}, {"x"}, {"-nope"}} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
