package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/sim"
)

// TestReplayReport replays a simulated trace with -report and checks the
// report: the engine's state at the last record's ts, the campaign's
// cluster on top, and no raw key in the file.
func TestReplayReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in, out, rep := filepath.Join(dir, "trace.jsonl"), filepath.Join(dir, "decisions.jsonl"), filepath.Join(dir, "report.html")
	var trace bytes.Buffer
	var last time.Time
	keys := map[string]bool{}
	sc := sim.Scenario{Name: "report", Seed: 3, Start: time.Date(2026, 4, 22, 10, 0, 0, 0, time.UTC), Duration: 20 * time.Minute,
		Classes: []sim.ClassSpec{
			{Class: sim.HumanChat, Accounts: 30, Rate: 6},
			{Class: sim.Naive, Accounts: 50, Rate: 20, From: 2 * time.Minute},
		}}
	if err := sim.Generate(sc, func(r sim.Record, _ sim.Label) error {
		last = r.TS
		for _, h := range r.Headers {
			if k := strings.ToLower(h[0]); k == "authorization" || k == "x-api-key" {
				keys[strings.TrimPrefix(h[1], "Bearer ")] = true
			}
		}
		b, err := json.Marshal(r)
		trace.Write(b)
		trace.WriteByte('\n')
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, trace.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"replay", "-in", in, "-out", out, "-report", rep}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	page, err := os.ReadFile(rep)
	if err != nil {
		t.Fatal(err)
	}
	const open = `<script id="snapshot" type="application/json">`
	i := bytes.Index(page, []byte(open))
	if i < 0 {
		t.Fatal("report without a snapshot")
	}
	j := bytes.Index(page[i:], []byte("</script>"))
	var snap struct {
		Title  string    `json:"title"`
		Now    time.Time `json:"now"`
		Totals []struct {
			Name string
			N    int
		}
		Clusters []struct {
			ID       string `json:"id"`
			Accounts int    `json:"accounts"`
			Action   string `json:"action"`
		} `json:"clusters"`
	}
	if err := json.Unmarshal(page[i+len(open):i+j], &snap); err != nil {
		t.Fatal(err)
	}
	if !snap.Now.Equal(last.Truncate(time.Millisecond)) {
		t.Errorf("report clock %v, want the last record's ts %v", snap.Now, last)
	}
	if len(snap.Clusters) == 0 || snap.Clusters[0].Accounts < 20 || snap.Clusters[0].Action == "allow" {
		t.Fatalf("top cluster: %+v", snap.Clusters)
	}
	if len(snap.Totals) == 0 || snap.Totals[0].Name != "records" || snap.Totals[0].N != strings.Count(trace.String(), "\n") {
		t.Errorf("totals %+v", snap.Totals)
	}
	for k := range keys {
		if bytes.Contains(page, []byte(k)) {
			t.Fatalf("report shows key %q", k)
		}
	}
	if !strings.Contains(stderr.String(), "report "+rep) {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// TestTSTracker checks that the replay clock is found across split writes.
func TestTSTracker(t *testing.T) {
	t.Parallel()
	recs := `{"ts":"2026-04-22T10:00:00.1Z","request_id":"a"}` + "\n" +
		`{"ts":"0001-01-01T00:00:00Z","request_id":"b","action":"error"}` + "\n" +
		`{"ts":"2026-04-22T10:00:02.345Z","request_id":"c"}` + "\n"
	for split := range len(recs) {
		var sink bytes.Buffer
		tr := &tsTracker{w: &sink}
		_, _ = tr.Write([]byte(recs[:split]))
		_, _ = tr.Write([]byte(recs[split:]))
		if want := time.Date(2026, 4, 22, 10, 0, 2, 345e6, time.UTC); !tr.last.Equal(want) || sink.String() != recs {
			t.Fatalf("split %d: last %v", split, tr.last)
		}
	}
}

// TestConfigRedacted checks that GET /admin/config's view of the
// configuration hides every secret.
func TestConfigRedacted(t *testing.T) {
	t.Parallel()
	c, err := loadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{"admin-token-secret", "hmac-key-secret", "redis-password-secret", "upstream-password-secret", "987654321"}
	c.Admin.Token, c.Identity.HMACKey, c.Store.Redis.Password = secrets[0], secrets[1], secrets[2]
	c.Upstream.URL = "https://user:" + secrets[3] + "@models.internal/v1"
	c.Fingerprint.Seed = 987654321
	b, err := json.Marshal(c.redacted())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("config view shows %q: %s", s, b)
		}
	}
	for _, want := range []string{`"token":"[redacted]"`, `"hmac_key":"[redacted]"`, `"password":"[redacted]"`, `"listen":":8080"`, `"block":0.9`, `"throttle_retry":"30s"`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("config view lacks %s", want)
		}
	}
	// unset secrets stay visibly unset
	c2, _ := loadConfig("")
	b, _ = json.Marshal(c2.redacted())
	if !bytes.Contains(b, []byte(`"token":""`)) {
		t.Errorf("unset token: %s", b)
	}
}
