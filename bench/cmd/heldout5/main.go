// Command heldout5 writes the fifth held-out trace and its labels.
//
//	heldout5 -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
//
// See package bench/heldout5 for the classes. Exit status 2 means bad
// flags, 1 another failure.
package main

import (
	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/bench/heldout5"
)

func main() {
	genkit.Command[heldout5.Config]{Name: "heldout5", SmallHelp: "3 simulated hours and fewer accounts instead of 6 hours", Full: heldout5.Full, Small: heldout5.Small, Write: heldout5.Write}.Main()
}
