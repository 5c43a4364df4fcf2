package main

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// TestOperatorStateSurvivesRestart: with admin.state_file, the allow-list
// and the overrides still in force are written on every change and read
// back by the next process; an expired override is not.
func TestOperatorStateSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	cfg, err := loadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Admin.StateFile = path
	a, err := newApp(cfg, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	a.engine.AllowList(0xa1, true)
	a.engine.Override(0xc1, limiter.ActionBlock, now.Add(time.Hour))
	a.engine.Override(0xc2, limiter.ActionThrottle, now.Add(time.Millisecond))
	a.event("override_set", "", 0, 0xc2) // what the admin API calls after a change
	time.Sleep(5 * time.Millisecond)     // the second override expires

	b, err := newApp(cfg, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := loadOpState(path, b.engine, time.Now()); err != nil {
		t.Fatal(err)
	}
	if !b.engine.AllowListed(0xa1) {
		t.Error("allow-list lost")
	}
	ov := b.engine.Overrides(time.Now())
	if len(ov) != 1 || ov[0].Cluster != 0xc1 || ov[0].Action != limiter.ActionBlock {
		t.Errorf("overrides after restart: %+v, want c1 block only", ov)
	}
	// a missing file is an empty state; a broken one stops start-up
	if err := loadOpState(filepath.Join(t.TempDir(), "none.json"), b.engine, time.Now()); err != nil {
		t.Errorf("missing file: %v", err)
	}
	os.WriteFile(path, []byte(`{"allow_list":["c_0000000000000001"]}`), 0o600)
	if err := loadOpState(path, b.engine, time.Now()); err == nil || !strings.Contains(err.Error(), "admin.state_file") {
		t.Errorf("broken file: %v", err)
	}
}

// TestSightingsFile: serve's sightings file is written at stop (and every
// interval) and read back by the next process; a missing file is none
// yet, a broken one stops start-up naming the key.
func TestSightingsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sightings.bin")
	cfg, err := loadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	a, err := newApp(cfg, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := loadSightings(path, a.engine); err != nil {
		t.Fatalf("missing file: %v", err)
	}
	t0 := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	var p fingerprint.Print
	a.engine.Decide(t0.Add(2*time.Hour), limiter.Subject{Account: 9}, &p, 10)
	stop := a.keepSightings(path, time.Hour, slog.New(slog.NewTextHandler(io.Discard, nil)))
	stop()
	b, err := newApp(cfg, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := loadSightings(path, b.engine); err != nil {
		t.Fatal(err)
	}
	if ai, ok := b.engine.Account(t0.Add(3*time.Hour), 9); !ok || !ai.FirstSeen.Equal(t0.Add(2*time.Hour)) {
		t.Errorf("after restart: first seen %v (known %v)", ai.FirstSeen, ok)
	}
	os.WriteFile(path, []byte("garbage"), 0o600)
	if err := loadSightings(path, b.engine); err == nil || !strings.Contains(err.Error(), "store.sightings_file") {
		t.Errorf("broken file: %v", err)
	}
}
