package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/limiter"
)

// TestConfigModelFile: detection.model loads a model file into the
// engine's config, and a bad one stops start-up naming the key.
func TestConfigModelFile(t *testing.T) {
	dir := t.TempDir()
	m, err := limiter.DefaultModel().With("link_heat", 0.45)
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "model.json")
	if err := os.WriteFile(good, m.Marshal(), 0o600); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "sluice.yaml")
	write := func(model string) {
		if err := os.WriteFile(cfgPath, []byte("detection:\n  model: "+model+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(good)
	c, err := loadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.engineConfig().Detection.Model; got != m {
		t.Errorf("model link_heat %v, want 0.45", got.LinkHeat)
	}
	if c, err := loadConfig(""); err != nil || c.engineConfig().Detection.Model != (limiter.Model{}) {
		t.Errorf("defaults: %v, want the zero model (the embedded one)", err)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"link_heat": 2}`), 0o600)
	for _, p := range []string{bad, filepath.Join(dir, "missing.json")} {
		write(p)
		if _, err := loadConfig(cfgPath); err == nil || !strings.Contains(err.Error(), "detection.model") {
			t.Errorf("%s: %v, want an error naming detection.model", p, err)
		}
	}
}

// TestRunFit: sluice fit reads labelled traces, writes a model file that
// detection.model loads, reports the figures on stderr, and refuses bad
// flags with status 2.
func TestRunFit(t *testing.T) {
	dir := t.TempDir()
	trace := "testdata/trace.jsonl"
	labels := filepath.Join(dir, "labels.jsonl")
	var lb strings.Builder
	for i, id := range []string{"r01", "r02", "r10", "r12", "r13"} {
		class, campaign := "people", "false"
		if i%2 == 1 {
			class, campaign = "hydra", "true"
		}
		lb.WriteString(`{"request_id":"` + id + `","class":"` + class + `","campaign":` + campaign + `,"account":"` + class + `-1"}` + "\n")
	}
	if err := os.WriteFile(labels, []byte(lb.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "model.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"fit", "-trace", trace, "-labels", labels, "-params", "suspicious", "-passes", "1", "-out", out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"trace: 5 requests, 2 classes", "objective", "catch"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := limiter.ParseModel(b); err != nil {
		t.Errorf("written model: %v", err)
	}
	for _, args := range [][]string{
		{"fit"},
		{"fit", "-trace", trace},
		{"fit", "-trace", trace, "-labels", labels, "-params", "no_such"},
		{"fit", "-trace", filepath.Join(dir, "none"), "-labels", labels},
	} {
		stderr.Reset()
		if code := run(args, nil, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2: %s", args, code, stderr.String())
		}
	}
}
