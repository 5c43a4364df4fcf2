// Command campus writes the campus trace: six hours of an education and
// research model API with eight distillation campaigns among classes,
// tutoring apps, research groups, an LMS plugin and a university gateway,
// and the ground-truth labels of every record. See bench/gen/campus.
//
//	campus -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
package main

import (
	"github.com/sluicehq/sluice/bench/gen/campus"
	"github.com/sluicehq/sluice/bench/genkit"
)

func command() genkit.Command[campus.Config] {
	return genkit.Command[campus.Config]{
		Name:      "campus",
		SmallHelp: "write the small trace (the same six hours, about a third of the records)",
		Full:      campus.Full,
		Small:     campus.Small,
		Write:     campus.Write,
	}
}

func main() { command().Main() }
