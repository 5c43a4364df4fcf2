// Package fitdata is the labelled traffic the embedded score model
// (limiter/model.json) is fitted on: the small traces of the project's
// generators at fixed seeds, prepared as limiter.FitSets through the same
// identity, parse and fingerprint code as `sluice replay`.
//
// bench/cmd/fitmodel runs the fit and writes the model file;
// bench/detection checks that it reproduces the embedded model byte for
// byte. A generator whose first-sight figures have not been recorded
// (docs/first-sight.md) is never added here before they are.
package fitdata

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/sluicehq/sluice/bench/gen/backoffice"
	"github.com/sluicehq/sluice/bench/gen/campus"
	"github.com/sluicehq/sluice/bench/gen/codeassist"
	"github.com/sluicehq/sluice/bench/gen/creators"
	"github.com/sluicehq/sluice/bench/gen/marketplace"
	"github.com/sluicehq/sluice/bench/heldout"
	"github.com/sluicehq/sluice/bench/heldout2"
	"github.com/sluicehq/sluice/bench/heldout3"
	"github.com/sluicehq/sluice/bench/heldout4"
	"github.com/sluicehq/sluice/bench/heldout5"
	"github.com/sluicehq/sluice/bench/heldout6"
	"github.com/sluicehq/sluice/bench/sim"
	"github.com/sluicehq/sluice/bench/tracefmt"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy"
)

// Trace is one generator's fitting trace: it writes the records and their
// labels.
type Trace struct {
	Name  string
	Write func(trace, labels io.Writer) error
}

func emitted(gen func(emit func(tracefmt.Record, tracefmt.Label) error) error) func(trace, labels io.Writer) error {
	return func(trace, labels io.Writer) error {
		w := tracefmt.NewWriter(trace, labels)
		if err := gen(w.Write); err != nil {
			return err
		}
		return w.Flush()
	}
}

func written(write func(trace, labels io.Writer) (int, error)) func(trace, labels io.Writer) error {
	return func(trace, labels io.Writer) error {
		_, err := write(trace, labels)
		return err
	}
}

// Held lists the generators whose traces are scored but not fitted on,
// with the reason:
//   - heldout6's reasoning researchers (25 graduate students running
//     chain-of-thought studies with long answers and thinking budgets) read
//     like a reasoning harvest on every feature sluice has; fitted on, the
//     search gave up most of every other generator's campaigns to let them
//     through (docs/model.md). They stay in the figures as a known miss.
var Held = map[string]string{
	"heldout6": "its legitimate researchers read as a reasoning harvest on every feature",
}

// Fitted returns the traces the model is fitted on: Traces without Held.
func Fitted() []Trace {
	var out []Trace
	for _, t := range Traces() {
		if _, held := Held[t.Name]; !held {
			out = append(out, t)
		}
	}
	return out
}

// Traces are every generator's trace, in the order of the sets.
func Traces() []Trace {
	h2 := heldout2.Full(1)
	h2.Scale = 0.3
	return []Trace{
		{"sim", emitted(func(emit func(tracefmt.Record, tracefmt.Label) error) error {
			return sim.Generate(sim.Small(), func(r sim.Record, l sim.Label) error { return emit(r, l.Wire()) })
		})},
		{"heldout", written(func(tr, lb io.Writer) (int, error) { return heldout.Write(heldout.Small(), tr, lb) })},
		{"heldout2", emitted(func(emit func(tracefmt.Record, tracefmt.Label) error) error { return heldout2.Generate(h2, emit) })},
		{"heldout3", emitted(func(emit func(tracefmt.Record, tracefmt.Label) error) error {
			return heldout3.Generate(heldout3.Small(1), emit)
		})},
		{"heldout4", emitted(func(emit func(tracefmt.Record, tracefmt.Label) error) error {
			return heldout4.Generate(heldout4.Config{Seed: 1}, emit)
		})},
		{"heldout5", emitted(func(emit func(tracefmt.Record, tracefmt.Label) error) error {
			return heldout5.Generate(heldout5.Full(1), emit)
		})},
		{"heldout6", written(func(tr, lb io.Writer) (int, error) { return heldout6.Write(heldout6.Small(1), tr, lb) })},
		{"campus", written(func(tr, lb io.Writer) (int, error) { return campus.Write(campus.Small(1), tr, lb) })},
		{"codeassist", written(func(tr, lb io.Writer) (int, error) { return codeassist.Write(codeassist.Small(1), tr, lb) })},
		{"marketplace", written(func(tr, lb io.Writer) (int, error) { return marketplace.Write(marketplace.Small(1), tr, lb) })},
		{"creators", written(func(tr, lb io.Writer) (int, error) { return creators.Write(creators.Small(1), tr, lb) })},
		{"backoffice", written(func(tr, lb io.Writer) (int, error) { return backoffice.Write(backoffice.Small(1), tr, lb) })},
	}
}

// Sets generates every trace and prepares it with a guard on the embedded
// defaults, a few at a time.
func Sets(traces []Trace) ([]*limiter.FitSet, error) {
	sets := make([]*limiter.FitSet, len(traces))
	errs := make([]error, len(traces))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, t := range traces {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			sets[i], errs[i] = prepare(t)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return sets, nil
}

func prepare(t Trace) (*limiter.FitSet, error) {
	var trace, labels bytes.Buffer
	if err := t.Write(&trace, &labels); err != nil {
		return nil, fmt.Errorf("%s: %w", t.Name, err)
	}
	eng, err := limiter.New(limiter.DefaultConfig())
	if err != nil {
		return nil, err
	}
	g, err := proxy.New(proxy.Config{}, eng)
	if err != nil {
		return nil, err
	}
	return g.FitSet(t.Name, &trace, &labels)
}

// Config is the engine configuration the model is fitted for: the
// embedded defaults (thresholds 0.5, 0.7, 0.9), as `sluice replay` runs.
func Config() limiter.Config { return limiter.DefaultConfig() }

// Options are the fit's options for the embedded model: limiter's
// defaults, two passes.
func Options() limiter.FitOptions { return limiter.FitOptions{Passes: 2} }

// start.json is the model the fit starts from: the hand-set parameters
// from before any fit. It stays fixed, so that the fit's output (the
// embedded model) can be reproduced.
//
//go:embed start.json
var startJSON []byte

// Start returns the model the fit starts from.
func Start() (limiter.Model, error) { return limiter.ParseModel(startJSON) }

// Fit fits the model on sets from Start, for Config.
func Fit(sets []*limiter.FitSet, opt limiter.FitOptions) (limiter.Model, error) {
	start, err := Start()
	if err != nil {
		return limiter.Model{}, err
	}
	cfg := Config()
	cfg.Detection.Model = start
	m, _, err := limiter.Fit(cfg, sets, opt)
	return m, err
}
