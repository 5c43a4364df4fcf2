// Command creators writes the creators trace (consumer and creator apps in
// front of a model API, with eight kinds of distillation campaign) and its
// labels:
//
//	creators -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
//
// See package github.com/sluicehq/sluice/bench/gen/creators for the world
// it models.
package main

import (
	"github.com/sluicehq/sluice/bench/gen/creators"
	"github.com/sluicehq/sluice/bench/genkit"
)

func main() {
	genkit.Command[creators.Config]{
		Name:      "creators",
		SmallHelp: "write the small trace (every class, about a third of the accounts) instead of the full one",
		Full:      creators.Full,
		Small:     creators.Small,
		Write:     creators.Write,
	}.Main()
}
