package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var stderr bytes.Buffer
	if code := command().Run([]string{"-out", "x"}, &stderr); code != 2 {
		t.Fatalf("without -labels: exit %d, want 2", code)
	}
	dir := t.TempDir()
	out, labels := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "l.jsonl")
	stderr.Reset()
	if code := command().Run([]string{"-small", "-seed", "3", "-out", out, "-labels", labels}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stderr.String(), "voyage: ") || !strings.HasSuffix(stderr.String(), " records\n") {
		t.Errorf("stderr %q", stderr.String())
	}
	for _, p := range []string{out, labels} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
}
