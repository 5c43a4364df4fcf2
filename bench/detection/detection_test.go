// Package detection holds the CI detection test: the simulator's small
// scenario replayed through sluice on its embedded defaults, checked
// against the detection targets, so that a regression in detection fails CI.
package detection

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/internal/sim"
)

// ciTargets are the targets CI holds sluice to on the small scenario: the
// detection issue's targets, except the disguised campaign's (≤ 10% leak
// after the first hour), which the large scenario meets (docs/detection.md) but the
// small one cannot: its accounts live an hour (nine requests each), and the
// first ones arrive in the engine's first hour, when no account can be told
// new. Its bound here guards today's figure (20.0%) against regression.
func ciTargets() sim.Targets {
	t := sim.DefaultTargets()
	t.LeakAfterHour[sim.Disguised] = 0.22
	return t
}

func TestSmallScenarioMeetsTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and replays 35k records")
	}
	var trace bytes.Buffer
	var labels []sim.Label
	line := make([]byte, 0, 4096)
	err := sim.Generate(sim.Small(), func(r sim.Record, l sim.Label) error {
		line = r.AppendJSON(line[:0])
		trace.Write(line)
		trace.WriteByte('\n')
		labels = append(labels, l)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rep := replayAndScore(t, trace.Bytes(), labels)
	var table strings.Builder
	_ = rep.Write(&table, false)
	t.Logf("small scenario:\n%s", table.String())
	if v := rep.Check(ciTargets()); len(v) > 0 {
		t.Errorf("detection targets missed:\n  %s", strings.Join(v, "\n  "))
	}
	if os.Getenv("SLUICE_DETECTION_TABLE") != "" {
		_ = os.WriteFile(os.Getenv("SLUICE_DETECTION_TABLE"), []byte(table.String()), 0o644)
	}
}
