package stepwise_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/gen/stepwise"
	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

// small is the Small trace of seed 1, generated once.
var small = gentest.Once(stepwise.Write, stepwise.Small(1))

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, stepwise.Write, small(t), stepwise.Small(1), stepwise.Small(2))
}

// TestRecords reads the Small trace back with tracefmt's strict reader and
// checks each record against its label and its path's API; beyond the
// shared checks, Anthropic keys are sk-ant- keys and a thinking request
// sets no temperature.
func TestRecords(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	classes := stepwise.Classes()
	if len(classes) != 8 {
		t.Fatalf("%d classes", len(classes))
	}
	gentest.CheckRecords(t, recs, labels, gentest.Spec{
		Classes: classes,
		Start:   stepwise.Start,
		End:     stepwise.Start.Add(stepwise.Small(1).Duration()),
		Paths:   []string{"/v1/chat/completions", "/v1/responses", "/v1/messages"},
		Check: func(r tracefmt.Record, _ tracefmt.Label, body map[string]any) error {
			if r.Path != "/v1/messages" {
				return nil
			}
			if key, _ := gentest.Header(r.Headers, "x-api-key"); !strings.HasPrefix(key, "sk-ant-") {
				return errors.New("/v1/messages without an sk-ant- key")
			}
			if _, ok := body["thinking"].(map[string]any); ok && body["temperature"] != nil {
				return fmt.Errorf("thinking with temperature %v", body["temperature"])
			}
			return nil
		},
	})
}

// TestSizes holds the traces to their budgets: Full 30,000-50,000
// records, Small about a third of that.
func TestSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the full trace")
	}
	full := gentest.Generate(t, stepwise.Write, stepwise.Full(1)).N
	if full < 30000 || full > 50000 {
		t.Errorf("Full has %d records, want 30,000-50,000", full)
	}
	n := small(t).N
	if n < full/5 || n > full/2 {
		t.Errorf("Small has %d records, Full %d: want about a third", n, full)
	}
}

// TestArrivals checks when accounts are first seen: the daily keys and the
// key farm only from the first hour on, the aged campaign, the researchers
// and the copilot's employees from the start.
func TestArrivals(t *testing.T) {
	first, class := gentest.FirstSeen(gentest.ReadBack(t, small(t)))
	late := 0
	for a, ts := range first {
		switch class[a] {
		case "h6_daily_keys", "h6_key_farm":
			if ts.Before(stepwise.Start.Add(time.Hour)) {
				t.Errorf("%s, a new account, first seen at %s", a, ts.Format(time.RFC3339))
			}
			if ts.After(stepwise.Start.Add(90 * time.Minute)) {
				late++
			}
		case "h6_slow_aged", "h6_reasoning_researchers", "h6_enterprise_copilot":
			if ts.After(stepwise.Start.Add(time.Hour)) {
				t.Errorf("%s, an old account, first seen at %s", a, ts.Format(time.RFC3339))
			}
		}
	}
	if late == 0 {
		t.Error("no new account arrives after 1.5h")
	}
}
