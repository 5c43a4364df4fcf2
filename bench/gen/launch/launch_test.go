package launch_test

import (
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/gen/launch"
	"github.com/sluicehq/sluice/bench/genkit/gentest"
)

// small is the Small trace of seed 1, generated once for the tests.
var small = gentest.Once(launch.Write, launch.Small(1))

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, launch.Write, small(t), launch.Small(1), launch.Small(2))
}

// TestRecords reads the Small trace with tracefmt's strict reader and
// checks every record against its label: credentials where the dialect
// wants them and stable per account, bodies of the path's API, every
// class present, the size bound and the window.
func TestRecords(t *testing.T) {
	recs, labels := gentest.ReadBack(t, small(t))
	gentest.CheckRecords(t, recs, labels, gentest.Spec{
		Classes: launch.Classes(),
		Start:   launch.Start,
		End:     launch.Start.Add(launch.Small(1).Duration()),
		Min:     5000, Max: 40000,
		Paths: []string{"/v1/chat/completions", "/v1/responses", "/v1/messages"},
	})
}

// TestNewAccountsArriveLate checks the point of the trace: the course's,
// the onboarding's and every rotated eval key after the first rotation
// are first seen well after the window opened.
func TestNewAccountsArriveLate(t *testing.T) {
	first, class := gentest.FirstSeen(gentest.ReadBack(t, small(t)))
	late := launch.Start.Add(90 * time.Minute)
	for a, ts := range first {
		switch class[a] {
		case "h5_course_launch", "h5_onboarding":
			if ts.Before(late) {
				t.Errorf("%s first seen at %s, before 1.5h", a, ts.Format(time.RFC3339))
			}
		case "h5_long_chats", "h5_sleeper_accounts":
			if ts.After(launch.Start.Add(time.Hour)) {
				t.Errorf("%s, an old account, first seen at %s", a, ts.Format(time.RFC3339))
			}
		}
	}
}
