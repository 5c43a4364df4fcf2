package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommand(t *testing.T) {
	dir := t.TempDir()
	tr, lb := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "l.jsonl")
	var stderr bytes.Buffer
	if st := command().Run([]string{"-small", "-seed", "7", "-out", tr, "-labels", lb}, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	if !strings.HasPrefix(stderr.String(), "backoffice: ") {
		t.Errorf("stderr %q", stderr.String())
	}
	for _, p := range []string{tr, lb} {
		if b, err := os.ReadFile(p); err != nil || len(b) == 0 {
			t.Errorf("%s: %d bytes, %v", p, len(b), err)
		}
	}
	if st := command().Run([]string{"-out", tr}, io.Discard); st != 2 {
		t.Errorf("missing -labels: status %d, want 2", st)
	}
}
