package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "sluice.yaml")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRunExitCodes: 0 on success, 2 for bad flags and bad configs with a
// message naming the key or flag.
func TestRunExitCodes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		args   []string
		config string // written to a file passed as -config
		code   int
		stderr string // must appear in stderr
		stdout string // must appear in stdout
	}{
		{name: "version", args: []string{"version"}, code: 0, stdout: "sluice "},
		{name: "help", args: []string{"help"}, code: 0, stdout: "usage:"},
		{name: "no command", args: nil, code: 2, stderr: "usage:"},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: "frobnicate"},
		{name: "serve bad flag", args: []string{"serve", "-nope"}, code: 2, stderr: "-nope"},
		{name: "serve stray argument", args: []string{"serve", "extra"}, code: 2, stderr: "extra"},
		{name: "replay bad flag", args: []string{"replay", "-in"}, code: 2, stderr: "-in"},
		{name: "replay no workers", args: []string{"replay", "-workers", "0"}, code: 2, stderr: "-workers"},
		{name: "serve without upstream", args: []string{"serve"}, code: 2, stderr: "upstream.url"},
		{name: "serve bad upstream", args: []string{"serve", "-upstream", "ftp://x"}, code: 2, stderr: "upstream.url"},
		{name: "serve bad listen", args: []string{"serve", "-upstream", "http://127.0.0.1:1", "-listen", "nowhere"}, code: 2, stderr: "listen"},
		{name: "missing config file", args: []string{"serve", "-config", "/nonexistent/sluice.yaml"}, code: 2, stderr: "config"},
		// config keys
		{name: "unknown key", config: "limits:\n  acount:\n    requests_per_minute: 1\n", code: 2, stderr: "limits.acount"},
		{name: "unknown top key", config: "listen: \":8080\"\nupstreams: {}\n", code: 2, stderr: "upstreams"},
		{name: "bad duration", config: "server:\n  idle_timeout: banana\n", code: 2, stderr: "server.idle_timeout"},
		{name: "bad type", config: "limits:\n  max_body_bytes: lots\n", code: 2, stderr: "limits.max_body_bytes"},
		{name: "negative body limit", config: "limits:\n  max_body_bytes: -1\n", code: 2, stderr: "limits.max_body_bytes"},
		{name: "negative rate", config: "limits:\n  account:\n    requests_per_minute: -5\n", code: 2, stderr: "limits.account.requests_per_minute"},
		{name: "threshold out of range", config: "actions:\n  block: 1.5\n", code: 2, stderr: "actions.block"},
		{name: "non-positive new account age", config: "detection:\n  new_account: 0s\n", code: 2, stderr: "detection.new_account"},
		{name: "bad store", config: "store:\n  type: disk\n", code: 2, stderr: "store.type"},
		{name: "small capacity", config: "store:\n  capacity: 10\n", code: 2, stderr: "store.capacity"},
		{name: "bad cidr", config: "identity:\n  trusted_proxies: [\"10.0.0.0/99\"]\n", code: 2, stderr: "identity.trusted_proxies"},
		{name: "admin off loopback without token", config: "admin:\n  listen: \"0.0.0.0:9090\"\n", code: 2, stderr: "admin.token"},
		{name: "not yaml", config: "limits: [\n", code: 2, stderr: "config"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := tc.args
			if tc.config != "" {
				args = []string{"replay", "-config", writeFile(t, tc.config)}
			}
			var stdout, stderr bytes.Buffer
			code := run(args, strings.NewReader(""), &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Fatalf("stderr %q does not mention %q", stderr.String(), tc.stderr)
			}
			if !strings.Contains(stdout.String(), tc.stdout) {
				t.Fatalf("stdout %q does not mention %q", stdout.String(), tc.stdout)
			}
			if tc.code != 0 && stdout.Len() > 0 {
				t.Fatalf("stdout not empty on failure: %q", stdout.String())
			}
		})
	}
}

// TestRunConfigBadKeysServe: the same config errors stop serve with 2.
func TestRunConfigBadKeysServe(t *testing.T) {
	t.Parallel()
	p := writeFile(t, "limits:\n  acount: {}\n")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "-config", p, "-upstream", "http://127.0.0.1:1"}, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "limits.acount") {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
}

// TestRunReplay: `sluice replay` prints exactly one decision per record,
// in input order, and nothing else on stdout; twice the same output.
func TestRunReplay(t *testing.T) {
	t.Parallel()
	in, err := os.ReadFile("testdata/trace.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	records := 0
	for l := range strings.SplitSeq(string(in), "\n") {
		if strings.TrimSpace(l) != "" {
			records++
		}
	}
	replay := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"replay"}, args...), bytes.NewReader(in), &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "records") {
			t.Errorf("no summary on stderr: %q", stderr.String())
		}
		return stdout.String()
	}
	out := replay()
	var ids, actions []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var d map[string]any
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("stdout line %q is not a decision record: %v", sc.Text(), err)
		}
		for _, k := range []string{"ts", "request_id", "account", "ip", "cluster", "score", "action", "reasons", "shadow"} {
			if _, ok := d[k]; !ok {
				t.Fatalf("decision %q lacks %s", sc.Text(), k)
			}
		}
		ids = append(ids, d["request_id"].(string))
		actions = append(actions, d["action"].(string))
	}
	if len(ids) != records {
		t.Fatalf("%d decisions for %d records", len(ids), records)
	}
	wantIDs := "r01 r02  r04  r06 r07 r08 r09 r10  r12 r13"
	if got := strings.Join(ids, " "); got != wantIDs {
		t.Fatalf("request ids in order %q, want %q", got, wantIDs)
	}
	if actions[2] != "error" || actions[0] != "allow" {
		t.Fatalf("actions %v", actions)
	}
	if again := replay("-in", "testdata/trace.jsonl"); again != out {
		t.Fatal("replaying the same trace again gave another output")
	}
	for _, w := range []string{"1", "3"} {
		if again := replay("-workers", w); again != out {
			t.Fatalf("replay -workers %s gave another output", w)
		}
	}
	outFile := filepath.Join(t.TempDir(), "out.jsonl")
	if rest := replay("-in", "testdata/trace.jsonl", "-out", outFile); rest != "" {
		t.Fatalf("stdout with -out: %q", rest)
	}
	if b, _ := os.ReadFile(outFile); string(b) != out {
		t.Fatal("-out file differs from stdout output")
	}
}
