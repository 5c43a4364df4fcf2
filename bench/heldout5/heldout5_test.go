package heldout5_test

import (
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/bench/heldout5"
)

// small is the Small trace of seed 1, generated once for the tests.
var small = gentest.Once(heldout5.Write, heldout5.Small(1))

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, heldout5.Write, small(t), heldout5.Small(1), heldout5.Small(2))
}

// TestRecords reads the Small trace with tracefmt's strict reader and
// checks every record against its label: credentials where the dialect
// wants them and stable per account, bodies of the path's API, every
// class present, the size bound and the window.
func TestRecords(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	gentest.CheckRecords(t, recs, labels, gentest.Spec{
		Classes: heldout5.Classes(),
		Start:   heldout5.Start,
		End:     heldout5.Start.Add(heldout5.Small(1).Duration()),
		Min:     5000, Max: 40000,
		Paths: []string{"/v1/chat/completions", "/v1/responses", "/v1/messages"},
	})
}

// TestNewAccountsArriveLate checks the point of the trace: the course's,
// the onboarding's and every rotated eval key after the first rotation
// are first seen well after the window opened.
func TestNewAccountsArriveLate(t *testing.T) {
	first, class := gentest.FirstSeen(gentest.ReadBack(t, small(t)))
	late := heldout5.Start.Add(90 * time.Minute)
	for a, ts := range first {
		switch class[a] {
		case "h5_course_launch", "h5_onboarding":
			if ts.Before(late) {
				t.Errorf("%s first seen at %s, before 1.5h", a, ts.Format(time.RFC3339))
			}
		case "h5_long_chats", "h5_sleeper_accounts":
			if ts.After(heldout5.Start.Add(time.Hour)) {
				t.Errorf("%s, an old account, first seen at %s", a, ts.Format(time.RFC3339))
			}
		}
	}
}
