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
	if st := command().Run([]string{"-small", "-seed", "7", "-out", tr, "-labels", lb}, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	if !strings.HasPrefix(stderr.String(), "localize: ") {
		t.Errorf("stderr %q", stderr.String())
	}
	tb, err := os.ReadFile(tr)
	if err != nil {
		t.Fatal(err)
	}
	lbs, err := os.ReadFile(lb)
	if err != nil {
		t.Fatal(err)
	}
	if n, m := bytes.Count(tb, []byte("\n")), bytes.Count(lbs, []byte("\n")); n == 0 || n != m {
		t.Errorf("%d records, %d labels", n, m)
	}
}
