// Command heldout4 writes the fourth held-out trace and its labels.
//
//	heldout4 -out trace.jsonl -labels labels.jsonl [-seed N] [-small]
//
// See package bench/heldout4 for the classes. Exit status 2 means bad
// flags, 1 another failure.
package main

import (
	"github.com/sluicehq/sluice/bench/genkit"
	"github.com/sluicehq/sluice/bench/heldout4"
)

func main() {
	genkit.Command[heldout4.Config]{Name: "heldout4", SmallHelp: "2 simulated hours and fewer accounts instead of 6 hours", Full: heldout4.Full, Small: heldout4.Small, Write: heldout4.Write}.Main()
}
