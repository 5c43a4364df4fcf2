package main

import (
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
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

// TestRunAccountID: sluice account-id prints, for each key on stdin, the
// id a request with that key gets; no key is a usage error.
func TestRunAccountID(t *testing.T) {
	cfg, _ := loadConfig("")
	id, err := proxy.NewIdentifier(cfg.Identity)
	if err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	if code := run([]string{"account-id"}, strings.NewReader("sk-one\n\nBearer sk-two\n"), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want := id.AccountOf("sk-one").String() + "\n" + id.AccountOf("sk-two").String() + "\n"
	if out.String() != want || strings.Contains(out.String(), "sk-") {
		t.Errorf("output %q, want %q", out.String(), want)
	}
	if code := run([]string{"account-id"}, strings.NewReader(""), &out, &errb); code != 2 {
		t.Errorf("no key: exit %d", code)
	}
	if code := run([]string{"account-id", "sk-on-argv"}, strings.NewReader("x\n"), &out, &errb); code != 2 {
		t.Errorf("a key on the command line: exit %d, want 2", code)
	}
}
