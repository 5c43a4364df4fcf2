package limiter

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
)

// TestSightingsSurviveRestart: a restarted engine that loads the
// sightings knows when it started and when each account was first seen,
// so a customer returning after the restart is not a new account.
func TestSightingsSurviveRestart(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	a, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var p fingerprint.Print
	a.Decide(t0, Subject{Account: 1}, &p, 10)
	a.Decide(t0.Add(2*time.Hour), Subject{Account: 2}, &p, 10)
	a.Decide(t0.Add(3*time.Hour), Subject{Account: 1}, &p, 10)
	var buf bytes.Buffer
	if err := a.SaveSightings(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 8+16+2*24 {
		t.Errorf("%d bytes for two accounts", buf.Len())
	}

	b, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := b.LoadSightings(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	if got := b.det.start.Load(); got != t0.UnixNano() {
		t.Errorf("start %v, want %v", time.Unix(0, got).UTC(), t0)
	}
	for id, want := range map[AccountID]time.Time{1: t0, 2: t0.Add(2 * time.Hour)} {
		ai, ok := b.Account(t0.Add(4*time.Hour), id)
		if !ok || !ai.FirstSeen.Equal(want) {
			t.Errorf("account %d: first seen %v (known %v), want %v", id, ai.FirstSeen, ok, want)
		}
	}
	// without the sightings the restarted engine starts at its first
	// request, and a returning customer is first seen then
	c, _ := New(DefaultConfig())
	c.Decide(t0.Add(5*time.Hour), Subject{Account: 1}, &p, 10)
	if ai, _ := c.Account(t0.Add(5*time.Hour), 1); !ai.FirstSeen.Equal(t0.Add(5 * time.Hour)) {
		t.Errorf("control: first seen %v", ai.FirstSeen)
	}
	for _, bad := range [][]byte{nil, []byte("NOTSIGHT________________"), buf.Bytes()[:40]} {
		if err := b.LoadSightings(bytes.NewReader(bad)); !errors.Is(err, ErrSightings) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
