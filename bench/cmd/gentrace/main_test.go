package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/bench/gen/localize"
)

// TestGentrace: -list names every generator; a registered generator writes
// the same bytes as its own package at the same seed; an unknown name and
// missing flags exit 2.
func TestGentrace(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-list"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "localize") || !strings.Contains(out.String(), "heldout6") {
		t.Fatalf("-list: exit %d\n%s", code, out.String())
	}
	dir := t.TempDir()
	tr, lb := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "l.jsonl")
	if code := run([]string{"-gen", "localize", "-small", "-seed", "3", "-out", tr, "-labels", lb}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var wantT, wantL bytes.Buffer
	if _, err := localize.Write(localize.Small(3), &wantT, &wantL); err != nil {
		t.Fatal(err)
	}
	gotT, _ := os.ReadFile(tr)
	gotL, _ := os.ReadFile(lb)
	if !bytes.Equal(gotT, wantT.Bytes()) || !bytes.Equal(gotL, wantL.Bytes()) || len(gotT) == 0 {
		t.Errorf("gentrace wrote %d/%d bytes, the package %d/%d", len(gotT), len(gotL), wantT.Len(), wantL.Len())
	}
	if code := run([]string{"-gen", "nosuch", "-out", tr, "-labels", lb}, &out, &errb); code != 2 {
		t.Errorf("unknown generator: exit %d", code)
	}
	if code := run([]string{"-gen", "sim"}, &out, &errb); code != 2 {
		t.Errorf("no -out: exit %d", code)
	}
}
