// Command voyage writes a synthetic trace of the voyage world (a model
// API serving travel, hospitality and e-commerce companies on the
// Tuesday after the Black Friday weekend, with a model released mid
// window; see bench/gen/voyage) and its ground-truth labels:
//
//	voyage -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
package main

import (
	"github.com/sluicehq/sluice/bench/gen/voyage"
	"github.com/sluicehq/sluice/bench/genkit"
)

func command() genkit.Command[voyage.Config] {
	return genkit.Command[voyage.Config]{
		Name:      "voyage",
		SmallHelp: "write the small trace (a fifth of the world's accounts and work) instead of the full one",
		Full:      voyage.Full,
		Small:     voyage.Small,
		Write:     voyage.Write,
	}
}

func main() { command().Main() }
