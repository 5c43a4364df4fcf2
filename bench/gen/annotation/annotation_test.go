package annotation_test

import (
	"strings"
	"testing"

	"github.com/sluicehq/sluice/bench/gen/annotation"
	"github.com/sluicehq/sluice/bench/genkit/gentest"
)

// small is the -small trace of seed 1, generated once for the tests.
var small = gentest.Once(annotation.Write, annotation.Small(1))

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, annotation.Write, small(t), annotation.Small(1), annotation.Small(2))
}

func TestRecordsAndLabels(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	classes := annotation.Classes()
	for c := range classes {
		if !strings.HasPrefix(c, "h4_") {
			t.Errorf("class %s without the h4_ prefix", c)
		}
	}
	gentest.CheckRecords(t, recs, labels, gentest.Spec{
		Classes: classes,
		Start:   annotation.Start,
		End:     annotation.Start.Add(annotation.Small(1).Duration()),
		Min:     8000, Max: 12000,
		Paths: []string{"/v1/chat/completions", "/v1/responses", "/v1/completions", "/v1/messages"},
	})
}
