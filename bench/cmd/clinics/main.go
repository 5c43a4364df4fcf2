// Command clinics writes a trace of the clinics world (bench/gen/clinics)
// and its labels:
//
//	clinics -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
package main

import (
	"github.com/sluicehq/sluice/bench/gen/clinics"
	"github.com/sluicehq/sluice/bench/genkit"
)

func command() genkit.Command[clinics.Config] {
	return genkit.Command[clinics.Config]{
		Name:      "clinics",
		SmallHelp: "write the small trace (about a twentieth of the people and volume)",
		Full:      clinics.Full,
		Small:     clinics.Small,
		Write:     clinics.Write,
	}
}

func main() { command().Main() }
