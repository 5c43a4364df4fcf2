package proxy_test

import (
	"strings"
	"testing"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// TestReplayBadBatchDecidedOnce: a recorded message batch whose
// second part does not parse is decided twice by replay (fast pass, then
// the full re-scan), and the fast pass's charges are never refunded; the
// same record with the body not last (no fast pass) is refunded.
func TestReplayBadBatchDecidedOnce(t *testing.T) {
	batch := `{"requests":[{"custom_id":"a","params":{"model":"claude","max_tokens":4000,"messages":[{"role":"user","content":"hello there"}]}},{"custom_id":"b","params":{"model":"claude","max_tokens":"x","messages":[]}}]}`
	hdr := `"headers":[["x-api-key","sk-ant-review"],["anthropic-version","2023-06-01"]]`
	single := `{"ts":"2026-01-01T00:00:01Z","request_id":"r2","ip":"198.51.100.7","method":"POST","path":"/v1/messages",` + hdr + `,"body":{"model":"claude","max_tokens":3000,"messages":[{"role":"user","content":"hello again"}]}}`
	run := func(first string) string {
		cfg := limiter.DefaultConfig()
		cfg.Account = limiter.Limit{Requests: 1000, Tokens: 6000}
		eng, err := limiter.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		g, err := proxy.New(proxy.Config{}, eng)
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		if _, err := g.Replay(strings.NewReader(first+"\n"+single+"\n"), &out); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	// body last: the fast pass decides part 0, fails on part 1, retries
	fast := run(`{"ts":"2026-01-01T00:00:00Z","request_id":"r1","ip":"198.51.100.7","method":"POST","path":"/v1/messages/batches",` + hdr + `,"body":` + batch + `}`)
	// body not last: one full scan, one pass
	slow := run(`{"ts":"2026-01-01T00:00:00Z","request_id":"r1","ip":"198.51.100.7","method":"POST",` + hdr + `,"body":` + batch + `,"path":"/v1/messages/batches"}`)
	t.Logf("body last:\n%s", fast)
	t.Logf("body not last:\n%s", slow)
	second := func(s string) string { return strings.Split(strings.TrimSpace(s), "\n")[1] }
	if second(fast) != second(slow) {
		t.Errorf("the request after a bad batch is decided differently depending on field order (double decide in the fast pass)")
	}
}
