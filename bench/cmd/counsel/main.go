// Command counsel writes a synthetic trace of the counsel world (a model
// API sold to law firms, tax and accounting practices, claims handlers and
// compliance teams, on the day before the filing deadline) and its
// ground-truth labels:
//
//	counsel -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
package main

import (
	"github.com/sluicehq/sluice/bench/gen/counsel"
	"github.com/sluicehq/sluice/bench/genkit"
)

func command() genkit.Command[counsel.Config] {
	return genkit.Command[counsel.Config]{
		Name:      "counsel",
		SmallHelp: "write the small trace: the same six hours with a sixth of every population",
		Full:      counsel.Full,
		Small:     counsel.Small,
		Write:     counsel.Write,
	}
}

func main() { command().Main() }
