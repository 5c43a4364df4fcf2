package sim

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"time"
)

// Decision is a decision record of docs/contracts.md (the output of `sluice
// replay`), with the fields the report needs.
type Decision struct {
	TS        time.Time `json:"ts"`
	RequestID string    `json:"request_id"`
	Account   string    `json:"account"`
	IP        string    `json:"ip"`
	Cluster   string    `json:"cluster"`
	Score     float64   `json:"score"`
	Action    string    `json:"action"`
	Reasons   []string  `json:"reasons"`
	Shadow    bool      `json:"shadow"`
}

// Actions of a decision record.
const (
	ActionAllow    = "allow"
	ActionThrottle = "throttle"
	ActionDegrade  = "degrade"
	ActionBlock    = "block"
	ActionError    = "error"
)

// ClassStats is what happened to one class. Shadow decisions count as
// what they would have done.
type ClassStats struct {
	Class    Class
	Campaign bool
	// Requests = Allowed + NotAllowed + Errors. NotAllowed counts
	// throttle, degrade and block; Blocked counts block alone.
	Requests, Allowed, NotAllowed, Blocked, Errors int
	// Accounts is the number of distinct accounts; AccountsAffected those
	// with at least one request not allowed; AccountsBlocked those with at
	// least one block.
	Accounts, AccountsAffected, AccountsBlocked int
	// AfterHour counts the requests from one hour after the class's first
	// request on; AllowedAfterHour those of them allowed.
	AfterHour, AllowedAfterHour int
	// Start is the class's first request; FirstHit its first request not
	// allowed (zero if none).
	Start, FirstHit time.Time
}

func share(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// NotAllowedShare is the share of requests throttled, degraded or blocked.
func (c ClassStats) NotAllowedShare() float64 { return share(c.NotAllowed, c.Requests) }

// BlockedShare is the share of requests blocked.
func (c ClassStats) BlockedShare() float64 { return share(c.Blocked, c.Requests) }

// Leak is the share of requests allowed.
func (c ClassStats) Leak() float64 { return share(c.Allowed, c.Requests) }

// LeakAfterHour is the share allowed among requests after the class's
// first hour.
func (c ClassStats) LeakAfterHour() float64 { return share(c.AllowedAfterHour, c.AfterHour) }

// TimeToDetect is the time from the class's first request to its first
// request not allowed; false if none was.
func (c ClassStats) TimeToDetect() (time.Duration, bool) {
	if c.FirstHit.IsZero() {
		return 0, false
	}
	return c.FirstHit.Sub(c.Start), true
}

// Report is the outcome of one system (sluice or a baseline) on a trace.
type Report struct {
	System string
	// Classes in the order of the package's Classes list; classes absent
	// from the labels are left out.
	Classes []ClassStats
	// Legit is every legitimate class together. Reseller customers are
	// left out: they travel on a campaign's account.
	Legit ClassStats
	// Missing counts labelled requests without a decision; Unlabelled
	// decisions without a label.
	Missing, Unlabelled int
}

// Class returns the stats of class c.
func (r *Report) Class(c Class) (ClassStats, bool) {
	for _, s := range r.Classes {
		if s.Class == c {
			return s, true
		}
	}
	return ClassStats{}, false
}

type tally struct {
	ClassStats
	accounts map[string]uint8 // bit 1: affected, bit 2: blocked
}

// Evaluate joins labels and decisions by request id and tallies them per
// class. Report.System is left empty for the caller to name.
func Evaluate(labels []Label, decisions []Decision) Report {
	byID := make(map[string]int, len(decisions))
	for i := range decisions {
		byID[decisions[i].RequestID] = i
	}
	var rep Report
	tallies := map[Class]*tally{}
	legit := &tally{ClassStats: ClassStats{Class: "legitimate (all)"}, accounts: map[string]uint8{}}
	// first pass: class start times
	for _, l := range labels {
		i, ok := byID[l.RequestID]
		if !ok {
			continue
		}
		t := tallies[l.Class]
		if t == nil {
			t = &tally{ClassStats: ClassStats{Class: l.Class, Campaign: l.Campaign}, accounts: map[string]uint8{}}
			tallies[l.Class] = t
		}
		if ts := decisions[i].TS; t.Start.IsZero() || ts.Before(t.Start) {
			t.Start = ts
		}
		if !l.Campaign && l.Class != ResellerCustomer && (legit.Start.IsZero() || decisions[i].TS.Before(legit.Start)) {
			legit.Start = decisions[i].TS
		}
	}
	seen := 0
	for _, l := range labels {
		i, ok := byID[l.RequestID]
		if !ok {
			rep.Missing++
			continue
		}
		seen++
		d := &decisions[i]
		tallies[l.Class].add(l, d)
		if !l.Campaign && l.Class != ResellerCustomer {
			legit.add(l, d)
		}
	}
	rep.Unlabelled = len(decisions) - seen
	for _, c := range Classes {
		if t := tallies[c]; t != nil {
			rep.Classes = append(rep.Classes, t.done())
			delete(tallies, c)
		}
	}
	var rest []Class
	for c := range tallies {
		rest = append(rest, c)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i] < rest[j] })
	for _, c := range rest {
		rep.Classes = append(rep.Classes, tallies[c].done())
	}
	rep.Legit = legit.done()
	return rep
}

func (t *tally) add(l Label, d *Decision) {
	t.Requests++
	after := !d.TS.Before(t.Start.Add(time.Hour))
	if after {
		t.AfterHour++
	}
	mark := t.accounts[l.Account]
	switch d.Action {
	case ActionAllow:
		t.Allowed++
		if after {
			t.AllowedAfterHour++
		}
	case ActionError:
		t.Errors++
	default: // throttle, degrade, block, and anything unknown
		t.NotAllowed++
		mark |= 1
		if d.Action == ActionBlock {
			t.Blocked++
			mark |= 2
		}
		if t.FirstHit.IsZero() || d.TS.Before(t.FirstHit) {
			t.FirstHit = d.TS
		}
	}
	t.accounts[l.Account] = mark
}

func (t *tally) done() ClassStats {
	s := t.ClassStats
	s.Accounts = len(t.accounts)
	for _, m := range t.accounts {
		if m&1 != 0 {
			s.AccountsAffected++
		}
		if m&2 != 0 {
			s.AccountsBlocked++
		}
	}
	return s
}

// Targets are the detection targets a report is checked against.
type Targets struct {
	// LeakAfterHour is the largest share of a campaign class allowed
	// after its first hour.
	LeakAfterHour map[Class]float64
	// HarvestStopped is the least share of ResellerHarvest not allowed;
	// CustomerNotAllowed the largest share of ResellerCustomer not allowed.
	HarvestStopped, CustomerNotAllowed float64
	// LegitNotAllowed is the largest share of all legitimate requests not
	// allowed; ClassNotAllowed the same per hard legitimate class.
	LegitNotAllowed float64
	ClassNotAllowed map[Class]float64
	// LegitAccountsBlocked is the most legitimate accounts with a block.
	LegitAccountsBlocked int
}

// DefaultTargets returns the targets of the detection issue.
func DefaultTargets() Targets {
	return Targets{
		LeakAfterHour:      map[Class]float64{Naive: 0.02, Disguised: 0.10, Logprob: 0.01},
		HarvestStopped:     0.5,
		CustomerNotAllowed: 0.10,
		LegitNotAllowed:    0.001,
		ClassNotAllowed:    map[Class]float64{PopularTool: 0.005, Enterprise: 0.005, BatchEval: 0.005},
	}
}

// Check returns the targets r misses, one line each; none means r meets
// them all. Classes absent from the report are not checked.
func (r *Report) Check(t Targets) []string {
	var v []string
	if r.Missing > 0 {
		v = append(v, fmt.Sprintf("%d labelled requests have no decision", r.Missing))
	}
	for _, c := range r.Classes {
		if c.Errors > 0 {
			v = append(v, fmt.Sprintf("%s: %d requests ended in error", c.Class, c.Errors))
		}
		if max, ok := t.LeakAfterHour[c.Class]; ok && c.AfterHour > 0 && c.LeakAfterHour() > max {
			v = append(v, fmt.Sprintf("%s: leak after the first hour %s > %s", c.Class, pct(c.LeakAfterHour()), pct(max)))
		}
		if max, ok := t.ClassNotAllowed[c.Class]; ok && c.NotAllowedShare() > max {
			v = append(v, fmt.Sprintf("%s: %s not allowed > %s", c.Class, pct(c.NotAllowedShare()), pct(max)))
		}
		switch c.Class {
		case ResellerHarvest:
			if c.NotAllowedShare() < t.HarvestStopped {
				v = append(v, fmt.Sprintf("%s: %s stopped < %s", c.Class, pct(c.NotAllowedShare()), pct(t.HarvestStopped)))
			}
		case ResellerCustomer:
			if c.NotAllowedShare() > t.CustomerNotAllowed {
				v = append(v, fmt.Sprintf("%s: %s not allowed > %s", c.Class, pct(c.NotAllowedShare()), pct(t.CustomerNotAllowed)))
			}
		}
	}
	if l := r.Legit; l.Requests > 0 {
		if l.NotAllowedShare() > t.LegitNotAllowed {
			v = append(v, fmt.Sprintf("legitimate: %s not allowed > %s", pct(l.NotAllowedShare()), pct(t.LegitNotAllowed)))
		}
		if l.AccountsBlocked > t.LegitAccountsBlocked {
			v = append(v, fmt.Sprintf("legitimate: %d accounts blocked > %d", l.AccountsBlocked, t.LegitAccountsBlocked))
		}
	}
	return v
}

func pct(x float64) string { return fmt.Sprintf("%.2f%%", 100*x) }

// ReadLabels reads a labels file (JSON lines).
func ReadLabels(r io.Reader) ([]Label, error) {
	var out []Label
	err := eachLine(r, func(n int, line []byte) error {
		var l Label
		if err := json.Unmarshal(line, &l); err != nil {
			return fmt.Errorf("sim: labels line %d: %w", n, err)
		}
		out = append(out, l)
		return nil
	})
	return out, err
}

// ReadDecisions reads decision records (JSON lines).
func ReadDecisions(r io.Reader) ([]Decision, error) {
	var out []Decision
	err := eachLine(r, func(n int, line []byte) error {
		var d Decision
		if err := json.Unmarshal(line, &d); err != nil {
			return fmt.Errorf("sim: decisions line %d: %w", n, err)
		}
		d.Reasons = nil // not needed; keeps memory flat on large runs
		out = append(out, d)
		return nil
	})
	return out, err
}

// eachLine calls fn for each non-empty line of r, numbered from 1.
func eachLine(r io.Reader, fn func(n int, line []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := fn(n, sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}
