package fingerprint_test

import (
	"fmt"

	"github.com/sluicehq/sluice/fingerprint"
)

// One Hasher per process; Fill per request. Two fills of one template share
// TemplateLast; an answer-conditioned prompt scores high on Elicit.
func Example() {
	h := fingerprint.New(fingerprint.Config{Seed: 0x5eed})
	req := func(text string) *fingerprint.Request {
		return &fingerprint.Request{Turns: []fingerprint.Turn{{Role: fingerprint.RoleUser, Text: []byte(text)}}}
	}
	var a, b fingerprint.Print
	h.Fill(req("Here is the answer: 12. Explain the reasoning that leads to it, step by step."), &fingerprint.Client{}, &a)
	h.Fill(req("Here is the answer: 408. Explain the reasoning that leads to it, step by step."), &fingerprint.Client{}, &b)
	fmt.Println("same template:", a.Prompt.TemplateLast == b.Prompt.TemplateLast)
	fmt.Println("sketch distance:", fingerprint.Distance(a.Prompt.Sketch, b.Prompt.Sketch))
	fmt.Printf("rationalize %.2f, elicit > 0.7: %v\n", a.Prompt.Signals[fingerprint.SigRationalize], a.Prompt.Elicit > 0.7)
	// Output:
	// same template: true
	// sketch distance: 0
	// rationalize 1.00, elicit > 0.7: true
}
