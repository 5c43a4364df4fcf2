// Command arcade writes a synthetic trace of the arcade world (a model API
// serving consumer and entertainment apps) and its ground-truth labels:
//
//	arcade -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
//
// See bench/gen/arcade for the world, its classes and why.
package main

import (
	"github.com/sluicehq/sluice/bench/gen/arcade"
	"github.com/sluicehq/sluice/bench/genkit"
)

func command() genkit.Command[arcade.Config] {
	return genkit.Command[arcade.Config]{
		Name:      "arcade",
		SmallHelp: "write the small trace (every population scaled down) instead of the full one",
		Full:      arcade.Full,
		Small:     arcade.Small,
		Write:     arcade.Write,
	}
}

func main() { command().Main() }
