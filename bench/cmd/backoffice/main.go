// Command backoffice writes the backoffice trace: six hours of an
// enterprise back-office model API (batch extraction, finance desks behind
// corporate proxies, a BPO, SaaS integrations) with eight kinds of
// distillation campaign inside it, and the ground-truth labels.
//
//	backoffice -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
package main

import (
	"github.com/sluicehq/sluice/bench/gen/backoffice"
	"github.com/sluicehq/sluice/bench/genkit"
)

func main() { command().Main() }

func command() genkit.Command[backoffice.Config] {
	return genkit.Command[backoffice.Config]{
		Name:      "backoffice",
		SmallHelp: "write the small trace (a third of the accounts, same six hours) instead of the full one",
		Full:      backoffice.Full,
		Small:     backoffice.Small,
		Write:     backoffice.Write,
	}
}
