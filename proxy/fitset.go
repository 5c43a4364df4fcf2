package proxy

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/sluicehq/sluice/limiter"
)

// traceLabel is one line of a labels file: the ground truth of the trace
// record with the same request id (internal/tracefmt writes them).
type traceLabel struct {
	RequestID string `json:"request_id"`
	Class     string `json:"class"`
	Campaign  bool   `json:"campaign"`
	Account   string `json:"account"`
}

// FitSet prepares a labelled trace for limiter.Fit: the sample of every
// model request of trace (Guard.Samples) with the class and account its
// label gives. Every sample needs a label; labels without a sample
// (records that give none) are ignored. The Guard's engine is not used.
func (g *Guard) FitSet(name string, trace, labels io.Reader) (*limiter.FitSet, error) {
	type truth struct {
		class   uint16
		account uint32
	}
	set := &limiter.FitSet{Name: name}
	classes := map[string]uint16{}
	accounts := map[string]uint32{}
	byID := map[string]truth{}
	sc := bufio.NewScanner(labels)
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l traceLabel
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil || l.RequestID == "" || l.Class == "" {
			return nil, fmt.Errorf("%s: labels line %d: not a label", name, line)
		}
		c, ok := classes[l.Class]
		if !ok {
			if len(set.Classes) == 1<<16-1 {
				return nil, fmt.Errorf("%s: labels: too many classes", name)
			}
			c = uint16(len(set.Classes))
			classes[l.Class] = c
			set.Classes = append(set.Classes, limiter.FitClass{Name: l.Class, Campaign: l.Campaign})
		} else if set.Classes[c].Campaign != l.Campaign {
			return nil, fmt.Errorf("%s: labels line %d: class %s both campaign and not", name, line, l.Class)
		}
		a, ok := accounts[l.Account]
		if !ok {
			a = uint32(len(accounts))
			accounts[l.Account] = a
		}
		byID[l.RequestID] = truth{c, a}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: labels: %w", name, err)
	}
	var missing string
	err := g.Samples(trace, func(s *Sample) {
		t, ok := byID[s.RequestID]
		if !ok {
			if missing == "" {
				missing = s.RequestID
			}
			return
		}
		set.Samples = append(set.Samples, limiter.FitSample{At: s.At, Subject: s.Subject, Print: *s.Print, Est: s.Est, Class: t.class, Account: t.account})
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if missing != "" {
		return nil, fmt.Errorf("%s: request %s has no label", name, missing)
	}
	return set, nil
}
