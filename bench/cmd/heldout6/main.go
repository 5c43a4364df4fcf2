// Command heldout6 writes the sixth held-out trace and its labels.
//
//	heldout6 -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
//
// See package bench/heldout6 for the classes. Exit status 2 means bad
// flags, 1 another failure.
package main

import (
	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/bench/heldout6"
)

func main() {
	genkit.Command[heldout6.Config]{Name: "heldout6", SmallHelp: "a three-hour trace with a smaller population", Full: heldout6.Full, Small: heldout6.Small, Write: heldout6.Write}.Main()
}
