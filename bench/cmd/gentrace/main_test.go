package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/bench/gen"
	"github.com/sluicehq/sluice/bench/gen/localize"
)

// TestGentrace: -list names every generator once (no old names); a registered
// generator writes the same bytes as its own package at the same seed and
// says how many records it wrote.
func TestGentrace(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-list"}, &out, &errb); code != 0 {
		t.Fatalf("-list: exit %d: %s", code, errb.String())
	}
	for _, g := range gen.All() {
		if !strings.Contains(out.String(), g.Name+" ") {
			t.Errorf("-list lacks %s", g.Name)
		}
	}
	if len(strings.Split(strings.TrimSpace(out.String()), "\n")) != len(gen.All()) {
		t.Errorf("-list:\n%s", out.String())
	}
	dir := t.TempDir()
	tr, lb := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "l.jsonl")
	errb.Reset()
	if code := run([]string{"-gen", "localize", "-small", "-seed", "3", "-out", tr, "-labels", lb}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var wantT, wantL bytes.Buffer
	n, err := localize.Write(localize.Small(3), &wantT, &wantL)
	if err != nil {
		t.Fatal(err)
	}
	gotT, _ := os.ReadFile(tr)
	gotL, _ := os.ReadFile(lb)
	if !bytes.Equal(gotT, wantT.Bytes()) || !bytes.Equal(gotL, wantL.Bytes()) || len(gotT) == 0 {
		t.Errorf("gentrace wrote %d/%d bytes, the package %d/%d", len(gotT), len(gotL), wantT.Len(), wantL.Len())
	}
	if want := "localize: " + strconv.Itoa(n) + " records\n"; errb.String() != want {
		t.Errorf("stderr %q, want %q", errb.String(), want)
	}
}

// TestGentraceFailures: bad flags, a missing file name, an extra argument
// and an unknown generator exit 2; a file that cannot be created exits 1
// with a message.
func TestGentraceFailures(t *testing.T) {
	dir := t.TempDir()
	tr, lb := filepath.Join(dir, "t.jsonl"), filepath.Join(dir, "l.jsonl")
	for _, args := range [][]string{
		{},
		{"-nope"},
		{"-gen", "sim"},
		{"-gen", "sim", "-out", tr},
		{"-gen", "sim", "-labels", lb},
		{"-out", tr, "-labels", lb},
		{"-gen", "sim", "-out", tr, "-labels", lb, "extra"},
		{"-gen", "nosuch", "-out", tr, "-labels", lb},
		{"-gen", "sim", "-seed", "-1", "-out", tr, "-labels", lb},
	} {
		if code := run(args, io.Discard, io.Discard); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	var errb bytes.Buffer
	if code := run([]string{"-gen", "sim", "-small", "-out", filepath.Join(dir, "no", "t"), "-labels", lb}, io.Discard, &errb); code != 1 || !strings.HasPrefix(errb.String(), "gentrace: ") {
		t.Errorf("unwritable -out: exit %d, stderr %q", code, errb.String())
	}
}
