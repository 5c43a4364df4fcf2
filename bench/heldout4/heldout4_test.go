package heldout4_test

import (
	"strings"
	"testing"

	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/bench/heldout4"
)

// small is the -small trace of seed 1, generated once for the tests.
var small = gentest.Once(heldout4.Write, heldout4.Small(1))

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, heldout4.Write, small(t), heldout4.Small(1), heldout4.Small(2))
}

func TestRecordsAndLabels(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	classes := heldout4.Classes()
	for c := range classes {
		if !strings.HasPrefix(c, "h4_") {
			t.Errorf("class %s without the h4_ prefix", c)
		}
	}
	gentest.CheckRecords(t, recs, labels, gentest.Spec{
		Classes: classes,
		Start:   heldout4.Start,
		End:     heldout4.Start.Add(heldout4.Small(1).Duration()),
		Min:     8000, Max: 12000,
		Paths: []string{"/v1/chat/completions", "/v1/responses", "/v1/completions", "/v1/messages"},
	})
}
