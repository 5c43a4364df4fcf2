package sim

import (
	"fmt"
	"time"
)

// Class names a kind of traffic. Labels carry it; ClassSpec selects the
// generator by it.
type Class string

// Legitimate classes.
const (
	HumanChat   Class = "human_chat"   // people chatting: multi-turn, diurnal, bursty sessions
	RAGApp      Class = "rag_app"      // support bots: one fixed long system prompt, server addresses
	BatchEval   Class = "batch_eval"   // cron evaluation jobs: public benchmark prompts, temperature 0
	PopularTool Class = "popular_tool" // one open-source agent, a key per user, one preamble and client stack
	Enterprise  Class = "enterprise"   // a gateway rotating hundreds of keys behind one /24
	NewSignups  Class = "new_signups"  // a classroom and a hackathon: new accounts on one network
	Tutoring    Class = "tutoring"     // a tutoring app asking for step-by-step answers
)

// Campaign classes.
const (
	Naive     Class = "naive"     // new accounts, one elicitation template, even load, shared stack and datacenter ranges
	Disguised Class = "disguised" // official SDK headers, paraphrased prompts, residential addresses, rotating accounts
	Reseller  Class = "reseller"  // generator only: emits ResellerCustomer and ResellerHarvest
	Logprob   Class = "logprob"   // log-probability extraction
	Agentic   Class = "agentic"   // tool-use trajectory harvesting
	LowSlow   Class = "low_slow"  // a few accounts eliciting slowly for the whole period
)

// The two label classes of a Reseller account. Customer requests are
// genuine (Campaign false) but travel on a campaign's account.
const (
	ResellerCustomer Class = "reseller_customer"
	ResellerHarvest  Class = "reseller_harvest"
)

// Classes lists every label class in report order: legitimate first.
var Classes = []Class{HumanChat, RAGApp, BatchEval, PopularTool, Enterprise, NewSignups, Tutoring,
	ResellerCustomer, Naive, Disguised, ResellerHarvest, Logprob, Agentic, LowSlow}

// Campaign reports whether requests of label class c belong to a campaign.
func (c Class) Campaign() bool {
	switch c {
	case Naive, Disguised, ResellerHarvest, Logprob, Agentic, LowSlow:
		return true
	}
	return false
}

// ClassSpec configures one generator. Zero fields take the documented
// per-class default.
type ClassSpec struct {
	Class Class
	// Accounts is the number of accounts (API keys) before Scenario.Scale;
	// for Disguised the number active at once; for BatchEval, RAGApp and
	// Tutoring the number of organisations or apps.
	Accounts int
	// Rate is the mean number of requests per account per hour at the
	// peak of the day (diurnal classes run below it at night).
	Rate float64
	// From and To bound the active window, as offsets from Scenario.Start;
	// To 0 means the end of the scenario.
	From, To time.Duration
	// Period is the cron interval of BatchEval (default 30m).
	Period time.Duration
	// Lifetime is the mean life of a Disguised account before a fresh one
	// replaces it (default 1h).
	Lifetime time.Duration
}

// Scenario is a complete, seeded description of a trace: the same Scenario
// always generates the same bytes.
type Scenario struct {
	Name     string
	Seed     int64
	Start    time.Time
	Duration time.Duration
	// Scale multiplies every class's Accounts (at least one remains); 0 means 1.
	Scale   float64
	Classes []ClassSpec
}

func (s *Scenario) validate() error {
	if s.Duration <= 0 {
		return fmt.Errorf("sim: scenario %q: duration must be positive", s.Name)
	}
	if s.Scale < 0 {
		return fmt.Errorf("sim: scenario %q: negative scale", s.Name)
	}
	for _, c := range s.Classes {
		if _, ok := builders[c.Class]; !ok {
			return fmt.Errorf("sim: scenario %q: unknown class %q", s.Name, c.Class)
		}
		if c.Accounts < 0 || c.Rate < 0 || c.From < 0 || c.To < 0 {
			return fmt.Errorf("sim: scenario %q: class %s: negative accounts, rate or window", s.Name, c.Class)
		}
	}
	return nil
}

var defaultStart = time.Date(2026, 4, 22, 13, 0, 0, 0, time.UTC)

// campaignRate is the reported campaign rate, about 27 requests per account
// per day, as requests per hour.
const campaignRate = 27.0 / 24

// Small is the CI scenario: about 30,000 records over three simulated hours,
// every class present. Campaigns run eight times faster than the reported
// rate (about 9 requests per account per hour: a compressed day), still far
// below a per-key limit of 60 a minute.
func Small() Scenario {
	const c = 8 * campaignRate
	return Scenario{
		Name: "small", Seed: 1, Start: defaultStart, Duration: 3 * time.Hour,
		Classes: []ClassSpec{
			{Class: HumanChat, Accounts: 600, Rate: 4},
			{Class: RAGApp, Accounts: 3, Rate: 400},
			{Class: BatchEval, Accounts: 3, Rate: 300, Period: 30 * time.Minute},
			{Class: PopularTool, Accounts: 1000, Rate: 1.5},
			{Class: Enterprise, Accounts: 300, Rate: 4},
			{Class: NewSignups, Accounts: 60, Rate: 20, From: 60 * time.Minute},
			{Class: Tutoring, Accounts: 2, Rate: 300},
			{Class: Naive, Accounts: 200, Rate: c, From: 20 * time.Minute},
			{Class: Disguised, Accounts: 200, Rate: c, From: 30 * time.Minute, Lifetime: time.Hour},
			{Class: Reseller, Accounts: 2, Rate: 200},
			{Class: Logprob, Accounts: 6, Rate: 40, From: 40 * time.Minute},
			{Class: Agentic, Accounts: 60, Rate: 12, From: 15 * time.Minute},
			{Class: LowSlow, Accounts: 8, Rate: 3},
		},
	}
}

// Large is the README scenario: two simulated days, several hundred
// thousand records, campaigns at the reported rate of about 27 requests per
// account per day over thousands of accounts.
func Large() Scenario {
	const c = campaignRate
	return Scenario{
		Name: "large", Seed: 1, Start: defaultStart.Add(-13 * time.Hour), Duration: 48 * time.Hour,
		Classes: []ClassSpec{
			{Class: HumanChat, Accounts: 3000, Rate: 1.2},
			{Class: RAGApp, Accounts: 3, Rate: 400},
			{Class: BatchEval, Accounts: 3, Rate: 150, Period: time.Hour},
			{Class: PopularTool, Accounts: 1000, Rate: 0.8},
			{Class: Enterprise, Accounts: 400, Rate: 1},
			{Class: NewSignups, Accounts: 120, Rate: 20, From: 20 * time.Hour},
			{Class: Tutoring, Accounts: 2, Rate: 200},
			{Class: Naive, Accounts: 2000, Rate: c, From: 4 * time.Hour},
			{Class: Disguised, Accounts: 2000, Rate: c, From: 8 * time.Hour, Lifetime: 12 * time.Hour},
			{Class: Reseller, Accounts: 2, Rate: 100},
			{Class: Logprob, Accounts: 10, Rate: 30, From: 6 * time.Hour},
			{Class: Agentic, Accounts: 300, Rate: 3, From: 2 * time.Hour},
			{Class: LowSlow, Accounts: 10, Rate: 1},
		},
	}
}

// Demo is the compressed scenario of `sluice demo`: one simulated hour,
// about 7,000 records, the legitimate classes and one naive campaign.
func Demo() Scenario {
	return Scenario{
		Name: "demo", Seed: 1, Start: defaultStart, Duration: time.Hour,
		Classes: []ClassSpec{
			{Class: HumanChat, Accounts: 250, Rate: 6},
			{Class: RAGApp, Accounts: 2, Rate: 500},
			{Class: BatchEval, Accounts: 2, Rate: 300, Period: 20 * time.Minute},
			{Class: PopularTool, Accounts: 300, Rate: 3},
			{Class: Enterprise, Accounts: 100, Rate: 6},
			{Class: Tutoring, Accounts: 1, Rate: 400},
			{Class: Naive, Accounts: 150, Rate: 20, From: 5 * time.Minute},
		},
	}
}

// Named returns the scenario called name: small, large or demo.
func Named(name string) (Scenario, error) {
	switch name {
	case "small":
		return Small(), nil
	case "large":
		return Large(), nil
	case "demo":
		return Demo(), nil
	}
	return Scenario{}, fmt.Errorf("sim: unknown scenario %q (small, large, demo)", name)
}
