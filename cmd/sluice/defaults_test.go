package main

import (
	"testing"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
	"github.com/sluicehq/sluice/proxy/dialect"
)

// TestEmbeddedDefaultsAgreeWithLibrary: the embedded defaults.yaml and
// the library's Default* functions are one set of defaults: an embedder
// of the middleware gets what `sluice serve` runs on.
func TestEmbeddedDefaultsAgreeWithLibrary(t *testing.T) {
	cfg, err := loadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	got, want := cfg.engineConfig(), limiter.DefaultConfig()
	if got.Account != want.Account || got.Cluster != want.Cluster {
		t.Errorf("limits: yaml %+v / %+v, library %+v / %+v", got.Account, got.Cluster, want.Account, want.Cluster)
	}
	if got.Capacity != want.Capacity {
		t.Errorf("capacity: yaml %d, library %d", got.Capacity, want.Capacity)
	}
	if got.Thresholds != want.Thresholds {
		t.Errorf("thresholds: yaml %+v, library %+v", got.Thresholds, want.Thresholds)
	}
	if got.Degrade != want.Degrade {
		t.Errorf("degrade measures: yaml %v, library %v", got.Degrade, want.Degrade)
	}
	gd, wd := got.Detection, want.Detection
	gd.Model, wd.Model = limiter.Model{}, limiter.Model{} // the yaml names no model: the embedded one
	if gd != wd {
		t.Errorf("detection: yaml %+v, library %+v", gd, wd)
	}
	if cfg.Fingerprint.ParseCacheBytes != dialect.DefaultHistoryCache || cfg.Fingerprint.HistoryCache != 0 {
		t.Errorf("fingerprint caches: yaml %d / %d, library %d / 0 (its default)", cfg.Fingerprint.ParseCacheBytes, cfg.Fingerprint.HistoryCache, dialect.DefaultHistoryCache)
	}
	if cfg.Limits.MaxBodyBytes != proxy.DefaultMaxBodyBytes || cfg.Limits.MaxBatchBytes != proxy.DefaultMaxBatchBytes {
		t.Errorf("body limits: yaml %d / %d, library %d / %d", cfg.Limits.MaxBodyBytes, cfg.Limits.MaxBatchBytes, proxy.DefaultMaxBodyBytes, proxy.DefaultMaxBatchBytes)
	}
}
