// Command localize writes the localize world's trace and its labels: a
// model API used worldwide in many languages by translation agencies,
// support desks, a language-learning app, batch jobs, a bootcamp, an
// evaluation team, a telecom's gateway and a reseller, and the
// distillation campaigns that hide among them (see bench/gen/localize).
//
//	localize -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
package main

import (
	"github.com/sluicehq/sluice/bench/gen/localize"
	"github.com/sluicehq/sluice/bench/genkit"
)

func command() genkit.Command[localize.Config] {
	return genkit.Command[localize.Config]{
		Name:      "localize",
		SmallHelp: "the small trace: two hours, an eighth of the accounts",
		Full:      localize.Full,
		Small:     localize.Small,
		Write:     localize.Write,
	}
}

func main() { command().Main() }
