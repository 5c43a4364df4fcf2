package main

import (
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
)

// TestReload: a configuration read again applies its thresholds to the
// running engine and names the sections whose changes need a restart;
// invalid thresholds are refused and change nothing.
func TestReload(t *testing.T) {
	cfg, err := loadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	a, err := newApp(cfg, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	next, _ := loadConfig("")
	next.Actions.Degrade, next.Actions.Throttle = 0, 0.6
	next.Limits.Account.Requests = 10
	next.Server.MaxConnections = 5
	applied, restart := a.reload(next, logger)
	if got := a.engine.Config().Thresholds; got != (limiter.Thresholds{Throttle: 0.6, Block: 0.9}) {
		t.Errorf("thresholds after reload: %+v", got)
	}
	if strings.Join(applied, ",") != "actions.degrade/throttle/block" || strings.Join(restart, ",") != "limits,server" {
		t.Errorf("applied %q, need a restart %q", applied, restart)
	}
	// the same file again: nothing new applied
	if applied, _ := a.reload(next, logger); len(applied) != 0 {
		t.Errorf("second reload applied %q", applied)
	}
	var p = limiterPrintExtraction()
	if d := a.engine.Decide(time.Now(), limiter.Subject{Account: 1}, &p, 10); d.Action != limiter.ActionThrottle {
		t.Errorf("decision after the reload: %v, want throttle (degrade off)", d.Action)
	}
}

func limiterPrintExtraction() (p fingerprint.Print) {
	p.Prompt.Knobs = fingerprint.KnobLogitBiasBig | fingerprint.KnobMaxTokens1
	return p
}
