package limiter

import (
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
)

// A FitSet is one labelled trace prepared for fitting: every request as
// the engine decides it, with its ground truth.
type FitSet struct {
	Name    string
	Classes []FitClass
	Samples []FitSample
}

// FitClass is one class of a labelled trace and whether it is a campaign.
type FitClass struct {
	Name     string
	Campaign bool
}

// FitSample is one labelled request: what Engine.Decide takes, and the
// index of its class in FitSet.Classes and of its labelled account.
type FitSample struct {
	At      time.Time
	Subject Subject
	Print   fingerprint.Print
	Est     Tokens
	Class   uint16
	Account uint32
}

// SetScore is how a model does on one labelled trace.
type SetScore struct {
	Name string
	// Catch is the mean over the campaign classes of the share of each
	// one's requests not allowed once it has run for an hour (one minus
	// the leak after the first hour).
	Catch float64
	// Legit is the share of legitimate requests not allowed; Worst the
	// legitimate class with the largest such share, WorstShare that share.
	Legit      float64
	Worst      string
	WorstShare float64
	// Blocked counts the legitimate accounts with a blocked request.
	Blocked int
	// Leak is each campaign class's leak after its first hour, by name.
	Leak map[string]float64
}

// The targets the fitting objective holds legitimate traffic to (issue
// 14's acceptance): at most this share of legitimate requests, and of any
// one legitimate class, not allowed.
const (
	fitLegitTarget = 0.0005
	fitClassTarget = 0.005
)

// Objective is what Fit maximises over the sets' scores: the mean catch
// less penalties for legitimate traffic beyond the targets (100 per unit
// of legitimate share above 0.05%, 2 per unit of a class's share above
// 0.5%, 0.02 per blocked legitimate account). Legitimate traffic comes
// first: one tenth of a percent of it refused costs as much as five
// points of catch.
func Objective(scores []SetScore) float64 {
	if len(scores) == 0 {
		return 0
	}
	j := 0.0
	for _, s := range scores {
		j += s.Catch/float64(len(scores)) -
			100*max(0, s.Legit-fitLegitTarget) -
			2*max(0, s.WorstShare-fitClassTarget) -
			0.02*float64(s.Blocked)
	}
	return j
}

// Evaluate replays set on a fresh engine for cfg and scores its decisions.
func Evaluate(cfg Config, set *FitSet) (SetScore, error) {
	e, err := New(cfg)
	if err != nil {
		return SetScore{}, err
	}
	n := len(set.Classes)
	type tally struct{ all, refused, after, leaked int }
	per := make([]tally, n)
	first := make([]time.Time, n)
	seen := make([]bool, n)
	blocked := map[uint32]bool{}
	for i := range set.Samples {
		s := &set.Samples[i]
		d := e.Decide(s.At, s.Subject, &s.Print, s.Est)
		c := int(s.Class)
		if !seen[c] {
			first[c], seen[c] = s.At, true
		}
		t := &per[c]
		t.all++
		refused := d.Action != ActionAllow
		if refused {
			t.refused++
		}
		if set.Classes[c].Campaign {
			if !s.At.Before(first[c].Add(time.Hour)) {
				t.after++
				if !refused {
					t.leaked++
				}
			}
		} else if d.Action == ActionBlock {
			blocked[s.Account] = true
		}
	}
	sc := SetScore{Name: set.Name, Leak: map[string]float64{}, Blocked: len(blocked)}
	var legit, legitRefused, campaigns int
	for c, t := range per {
		cl := set.Classes[c]
		if t.all == 0 {
			continue
		}
		if cl.Campaign {
			if t.after == 0 {
				continue
			}
			leak := float64(t.leaked) / float64(t.after)
			sc.Leak[cl.Name] = leak
			sc.Catch += 1 - leak
			campaigns++
			continue
		}
		legit += t.all
		legitRefused += t.refused
		if share := float64(t.refused) / float64(t.all); share > sc.WorstShare || sc.Worst == "" {
			sc.Worst, sc.WorstShare = cl.Name, share
		}
	}
	if campaigns > 0 {
		sc.Catch /= float64(campaigns)
	}
	if legit > 0 {
		sc.Legit = float64(legitRefused) / float64(legit)
	}
	return sc, nil
}

// EvaluateAll scores cfg on every set, workers sets at a time.
func EvaluateAll(cfg Config, sets []*FitSet, workers int) ([]SetScore, error) {
	out := make([]SetScore, len(sets))
	errs := make([]error, len(sets))
	sem := make(chan struct{}, max(1, workers))
	var wg sync.WaitGroup
	for i, s := range sets {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			out[i], errs[i] = Evaluate(cfg, s)
			<-sem
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DefaultFitParams are the parameters Fit searches by default, in the
// order it visits them: the floors and gates that decide what counts as
// evidence and whose history opens the gate, then the weights of the
// readings, then the request's harvest value.
var DefaultFitParams = []string{
	"suspicious", "link_heat", "gate_from", "gate_span", "prior_hv",
	"campaign_heat", "wave_hv", "cross_base", "cluster_weight", "cluster_base",
	"account_mean", "own_weight", "min_strong_share",
	"turn_factor", "app_factor", "temp0_factor", "long_bonus", "system_elicit",
}

// DefaultFitSteps are the factors Fit tries on a parameter's value.
var DefaultFitSteps = []float64{0.5, 0.8, 0.9, 1.1, 1.25, 1.5}

// FitOptions tune Fit. Zero fields take the defaults.
type FitOptions struct {
	Params  []string  // parameters searched, in order (DefaultFitParams)
	Steps   []float64 // factors tried on a value (DefaultFitSteps)
	Passes  int       // passes over the parameters (2)
	Workers int       // sets evaluated at once (1)
	// Log, when set, is told every accepted step.
	Log func(FitStep)
}

// FitStep is one accepted change of a parameter.
type FitStep struct {
	Pass      int
	Param     string
	From, To  float64
	Objective float64
}

// Fit searches the model that maximises Objective on sets, starting from
// cfg.Detection.Model (the default model when zero): coordinate search,
// one parameter at a time in opt.Params order, each tried at its value
// times every factor of opt.Steps (rounded to three decimals, kept within
// what Model.Validate accepts), the best strict improvement kept, for
// opt.Passes passes. It is deterministic: the same sets and options give
// the same model, byte for byte (Model.Marshal). The thresholds of cfg
// stay as they are: the model is fitted for them.
func Fit(cfg Config, sets []*FitSet, opt FitOptions) (Model, []FitStep, error) {
	if len(opt.Params) == 0 {
		opt.Params = DefaultFitParams
	}
	if len(opt.Steps) == 0 {
		opt.Steps = DefaultFitSteps
	}
	if opt.Passes <= 0 {
		opt.Passes = 2
	}
	m := cfg.Detection.Model
	if m == (Model{}) {
		m = DefaultModel()
	}
	if err := m.Validate(); err != nil {
		return Model{}, nil, err
	}
	score := func(m Model) (float64, error) {
		c := cfg
		c.Detection.Model = m
		s, err := EvaluateAll(c, sets, opt.Workers)
		if err != nil {
			return 0, err
		}
		return Objective(s), nil
	}
	best, err := score(m)
	if err != nil {
		return Model{}, nil, err
	}
	var steps []FitStep
	for pass := 1; pass <= opt.Passes; pass++ {
		changed := false
		for _, name := range opt.Params {
			cur, err := m.value(name)
			if err != nil {
				return Model{}, nil, err
			}
			bestV, bestJ := cur, best
			for _, f := range opt.Steps {
				v := math.Round(cur*f*1000) / 1000
				if v == cur {
					continue
				}
				cand, _ := m.With(name, v)
				if cand.Validate() != nil {
					continue
				}
				j, err := score(cand)
				if err != nil {
					return Model{}, nil, err
				}
				if j > bestJ+1e-4 {
					bestV, bestJ = v, j
				}
			}
			if bestV != cur {
				m, _ = m.With(name, bestV)
				best = bestJ
				changed = true
				st := FitStep{Pass: pass, Param: name, From: cur, To: bestV, Objective: best}
				steps = append(steps, st)
				if opt.Log != nil {
					opt.Log(st)
				}
			}
		}
		if !changed {
			break
		}
	}
	return m, steps, nil
}

// value returns the named parameter's value.
func (m Model) value(name string) (float64, error) {
	for _, f := range m.Fields() {
		if f.Name == name {
			return f.Value, nil
		}
	}
	return 0, fmt.Errorf("%w: model: no parameter %q", ErrConfig, name)
}
