package detection

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sluicehq/sluice/bench/gen"
	"github.com/sluicehq/sluice/bench/gen/mandarin"
	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/internal/tracefmt"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// replayAndScore replays a trace through sluice on its embedded defaults,
// requires a decision for every labelled record and no record in error,
// and scores the decisions against labels.
func replayAndScore(t *testing.T, trace []byte, labels []sim.Label) sim.Report {
	t.Helper()
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	g, err := proxy.New(proxy.Config{}, eng)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	stats, err := g.Replay(bytes.NewReader(trace), &out)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Records != len(labels) || stats.Errors != 0 {
		t.Fatalf("replay: %d records, %d errors; want %d and 0", stats.Records, stats.Errors, len(labels))
	}
	decisions, err := sim.ReadDecisions(&out)
	if err != nil {
		t.Fatal(err)
	}
	return sim.Evaluate(labels, decisions)
}

// checkLegitimate holds legitimate traffic of another team's generator to
// the targets: at most 0.1% not allowed, no account blocked. Its
// campaigns are only logged: they measure, they do not gate.
func checkLegitimate(t *testing.T, name string, rep sim.Report) {
	t.Helper()
	var table strings.Builder
	_ = rep.Write(&table, false)
	t.Logf("%s:\n%s", name, table.String())
	l := rep.Legit
	if l.Requests == 0 {
		t.Fatalf("%s: no legitimate traffic", name)
	}
	if l.NotAllowedShare() > 0.001 {
		t.Errorf("%s: %.3f%% of legitimate requests not allowed, want <= 0.1%%", name, 100*l.NotAllowedShare())
	}
	if l.AccountsBlocked > 0 {
		t.Errorf("%s: %d legitimate accounts blocked", name, l.AccountsBlocked)
	}
}

// TestIndependentGeneratorsLegitimate replays the generators written apart
// from the detector (every generator under bench/gen but stepwise, which
// does not pass yet; small traces but for mandarin, annotation and launch)
// and fails when their legitimate traffic is refused beyond the targets.
func TestIndependentGeneratorsLegitimate(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and replays fifteen traces")
	}
	t.Run("mandarin", func(t *testing.T) {
		cfg := mandarin.Full(1)
		cfg.Scale = 0.3
		trace, labels := written(t, func(w *tracefmt.Writer) error { return mandarin.Generate(cfg, w.Write) })
		checkLegitimate(t, "mandarin (0.3 scale)", replayAndScore(t, trace, labels))
	})
	// the others from the generator registry, at their own seeds
	for _, g := range []struct {
		name  string
		small bool
	}{
		{"supportchat", true}, {"mooc", true}, {"annotation", false}, {"launch", false},
		{"campus", true}, {"codeassist", true}, {"marketplace", true}, {"creators", true}, {"backoffice", true},
		{"clinics", true}, {"localize", true}, {"arcade", true}, {"counsel", true}, {"voyage", true}, {"newsroom", true}, {"civic", true}, {"freight", true},
	} {
		t.Run(g.name, func(t *testing.T) {
			gn, err := gen.Get(g.name)
			if err != nil {
				t.Fatal(err)
			}
			var trace, lab bytes.Buffer
			if _, err := gn.Write(0, g.small, &trace, &lab); err != nil {
				t.Fatal(err)
			}
			labels, err := sim.ReadLabels(&lab)
			if err != nil {
				t.Fatal(err)
			}
			name := g.name
			if g.small {
				name += " (small)"
			}
			checkLegitimate(t, name, replayAndScore(t, trace.Bytes(), labels))
		})
	}
}

// written returns the trace that gen writes to a tracefmt.Writer and its
// labels, read back as sim reads a labels file.
func written(t *testing.T, gen func(*tracefmt.Writer) error) ([]byte, []sim.Label) {
	t.Helper()
	var trace, lab bytes.Buffer
	w := tracefmt.NewWriter(&trace, &lab)
	if err := gen(w); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	labels, err := sim.ReadLabels(&lab)
	if err != nil {
		t.Fatal(err)
	}
	return trace.Bytes(), labels
}
