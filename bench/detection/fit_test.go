package detection

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/sluicehq/sluice/bench/fitdata"
	"github.com/sluicehq/sluice/limiter"
)

// TestFitReproducesEmbeddedModel: fitting on the generators' traces at
// their fixed seeds (bench/cmd/fitmodel, bench/fitdata.Fitted) gives limiter/model.json byte for
// byte, so the embedded model is the documented command's output and
// nothing else.
func TestFitReproducesEmbeddedModel(t *testing.T) {
	if testing.Short() {
		t.Skip("generates eleven traces and fits the model on them")
	}
	sets, err := fitdata.Sets(fitdata.Fitted())
	if err != nil {
		t.Fatal(err)
	}
	opt := fitdata.Options()
	opt.Workers = runtime.GOMAXPROCS(0)
	m, err := fitdata.Fit(sets, opt)
	if err != nil {
		t.Fatal(err)
	}
	got, want := m.Marshal(), limiter.DefaultModel().Marshal()
	if !bytes.Equal(got, want) {
		t.Errorf("the fit gives another model than the embedded one; run go run ./bench/cmd/fitmodel -out limiter/model.json\n%s", got)
	}
}
