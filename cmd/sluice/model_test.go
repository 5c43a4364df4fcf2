package main

import (
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
