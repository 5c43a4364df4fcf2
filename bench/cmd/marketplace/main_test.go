package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/bench/gen/marketplace"
	"github.com/sluicehq/sluice/bench/genkit"
)

func TestCommandFlags(t *testing.T) {
	c := genkit.Command[marketplace.Config]{Name: "marketplace", Full: marketplace.Full, Small: marketplace.Small, Write: marketplace.Write}
	var stderr bytes.Buffer
	if st := c.Run([]string{"-out", "x"}, &stderr); st != 2 {
		t.Fatalf("missing -labels: status %d", st)
	}
	if st := c.Run([]string{"-nope"}, &stderr); st != 2 {
		t.Fatalf("bad flag: status %d", st)
	}
	dir := t.TempDir()
	if st := c.Run([]string{"-out", filepath.Join(dir, "no", "t"), "-labels", filepath.Join(dir, "l")}, &stderr); st != 1 {
		t.Fatalf("unwritable -out: status %d", st)
	}
	if !strings.Contains(stderr.String(), "marketplace: ") {
		t.Fatalf("stderr %q", stderr.String())
	}
}
