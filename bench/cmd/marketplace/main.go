// Command marketplace writes the marketplace trace: six hours of traffic
// of a model API behind an API marketplace and its ecosystem, with eight
// kinds of distillation campaign among it, and the trace's labels.
//
//	marketplace -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
//
// See package bench/gen/marketplace for what the trace holds.
package main

import (
	"github.com/sluicehq/sluice/bench/gen/marketplace"
	"github.com/sluicehq/sluice/bench/genkit"
)

func main() {
	genkit.Command[marketplace.Config]{
		Name:      "marketplace",
		SmallHelp: "write the small trace (a third of the accounts, every class; for CI)",
		Full:      marketplace.Full,
		Small:     marketplace.Small,
		Write:     marketplace.Write,
	}.Main()
}
