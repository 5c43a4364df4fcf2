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
	if !strings.HasPrefix(stderr.String(), "clinics: ") {
		t.Errorf("stderr %q", stderr.String())
	}
	a, err := os.ReadFile(tr)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(lb)
	if err != nil {
		t.Fatal(err)
	}
	if n, m := bytes.Count(a, []byte("\n")), bytes.Count(b, []byte("\n")); n == 0 || n != m {
		t.Errorf("%d records, %d labels", n, m)
	}
}
