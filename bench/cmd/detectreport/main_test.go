package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// TestMain lets the test binary stand in for `sluice replay`: with
// FAKE_SLUICE=1 it reads -in and writes an allow decision per record, or a
// block for every campaign-like record when FAKE_SLUICE=perfect (it then
// reads the labels named by FAKE_LABELS: a fake may cheat, the real one
// cannot).
func TestMain(m *testing.M) {
	if mode := os.Getenv("FAKE_SLUICE"); mode != "" {
		os.Exit(fakeReplay(mode, os.Args[1:]))
	}
	os.Exit(m.Run())
}

func fakeReplay(mode string, args []string) int {
	if len(args) == 0 || args[0] != "replay" {
		return 2
	}
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	in := fs.String("in", "-", "")
	out := fs.String("out", "-", "")
	fs.String("config", "", "")
	if fs.Parse(args[1:]) != nil {
		return 2
	}
	campaign := map[string]bool{}
	if mode == "perfect" {
		f, _ := os.Open(os.Getenv("FAKE_LABELS"))
		ls, _ := sim.ReadLabels(f)
		for _, l := range ls {
			campaign[l.RequestID] = l.Campaign
		}
	}
	f, err := os.Open(*in)
	if err != nil {
		return 1
	}
	reqs, err := sim.ReadTrace(f)
	if err != nil {
		return 1
	}
	w, err := os.Create(*out)
	if err != nil {
		return 1
	}
	bw := bufio.NewWriter(w)
	for _, r := range reqs {
		action := "allow"
		if campaign[r.RequestID] {
			action = "block"
		}
		d := sim.Decision{TS: r.TS, RequestID: r.RequestID, Account: "h", IP: r.IP, Cluster: "c", Action: action, Reasons: []string{}}
		b, _ := json.Marshal(d)
		bw.Write(append(b, '\n'))
	}
	bw.Flush()
	return 0
}

// scenario writes a short demo trace and its labels.
func scenario(t *testing.T) (dir, trace, labels string) {
	t.Helper()
	dir = t.TempDir()
	trace, labels = filepath.Join(dir, "trace.jsonl"), filepath.Join(dir, "labels.jsonl")
	s := sim.Demo()
	s.Duration = 10 * time.Minute
	if err := writeScenario(s, trace, labels); err != nil {
		t.Fatal(err)
	}
	return dir, trace, labels
}

func TestReportFromDecisionsFile(t *testing.T) {
	dir, trace, labels := scenario(t)
	// every third request throttled: sluice misses the targets
	f, _ := os.Open(trace)
	reqs, err := sim.ReadTrace(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for i, r := range reqs {
		action := "allow"
		if i%3 == 0 {
			action = "throttle"
		}
		fmt.Fprintf(&b, `{"ts":%q,"request_id":%q,"account":"x","ip":%q,"cluster":"c","score":0.5,"action":%q,"reasons":[],"shadow":false}`+"\n",
			r.TS.Format(tracefmt.TimeFormat), r.RequestID, r.IP, action)
	}
	decisions := filepath.Join(dir, "decisions.jsonl")
	if err := os.WriteFile(decisions, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := run([]string{"-trace", trace, "-labels", labels, "-decisions", decisions, "-format", "markdown", "-check"}, &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (targets missed); stderr:\n%s", code, errb.String())
	}
	for _, want := range []string{"**sluice**", "**per-key 60/min**", "**per-IP 600/min**", "| naive |", "| legitimate (all) |"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(errb.String(), "legitimate:") {
		t.Errorf("stderr lacks the legitimate violation:\n%s", errb.String())
	}
}

func TestReportRunsReplay(t *testing.T) {
	_, trace, labels := scenario(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("FAKE_SLUICE", "perfect")
	t.Setenv("FAKE_LABELS", labels)
	var out, errb bytes.Buffer
	code := run([]string{"-trace", trace, "-labels", labels, "-sluice", self, "-check"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s\nstdout:\n%s", code, errb.String(), out.String())
	}
	if !strings.Contains(out.String(), "sluice") || !strings.Contains(out.String(), "naive") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "html"},
		{"-trace", "x"},
		{"-scenario", "huge"},
		{"-per-key-rpm", "0"},
		{"extra"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
