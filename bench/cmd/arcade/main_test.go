package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSmall(t *testing.T) {
	dir := t.TempDir()
	tr, lb := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "l.jsonl")
	var stderr bytes.Buffer
	if st := command().Run([]string{"-small", "-seed", "3", "-out", tr, "-labels", lb}, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	if !strings.HasPrefix(stderr.String(), "arcade: ") || !strings.HasSuffix(stderr.String(), " records\n") {
		t.Errorf("stderr %q", stderr.String())
	}
	// The small trace stays within its bounds: at most 50,000 records and
	// 60 MB.
	for _, p := range []string{tr, lb} {
		b, err := os.ReadFile(p)
		if n := bytes.Count(b, []byte("\n")); err != nil || n < 5000 || n > 50000 {
			t.Errorf("%s: %d lines, %v", p, n, err)
		}
		if p == tr && len(b) > 60<<20 {
			t.Errorf("small trace of %d bytes", len(b))
		}
		if p == lb {
			camp := bytes.Count(b, []byte(`"campaign":true`))
			if share := 1 - float64(camp)/float64(bytes.Count(b, []byte("\n"))); share < 0.55 || share > 0.65 {
				t.Errorf("legitimate share %.3f", share)
			}
		}
	}
}
