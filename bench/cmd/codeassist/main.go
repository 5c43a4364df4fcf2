// Command codeassist writes the codeassist trace (a coding-tools API with
// distillation campaigns among its users; see bench/gen/codeassist) and
// its labels.
//
//	codeassist -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
package main

import (
	"github.com/sluicehq/sluice/bench/gen/codeassist"
	"github.com/sluicehq/sluice/bench/genkit"
)

var command = genkit.Command[codeassist.Config]{
	Name:      "codeassist",
	SmallHelp: "write the small trace (a third of the accounts, the same six hours) instead of the full one",
	Full:      codeassist.Full,
	Small:     codeassist.Small,
	Write:     codeassist.Write,
}

func main() { command.Main() }
