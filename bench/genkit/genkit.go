// Package genkit is the plumbing that most traffic generators under
// bench/gen share: the emit function's type, writing a trace and its
// labels, the registry of classes, and a scheduler that plans requests and
// hands them out in timestamp order. bench/cmd/gentrace is the one command
// that writes any generator's trace.
//
// It models no traffic: the generators' text, clients, request bodies,
// timing and classes stay theirs, written independently of one another.
// The wire format is internal/tracefmt's; the checks their tests share are in
// bench/genkit/gentest.
package genkit

import (
	"io"

	"github.com/sluicehq/sluice/internal/tracefmt"
)

// Emit receives each record with its label, in timestamp order.
type Emit func(tracefmt.Record, tracefmt.Label) error

// Write runs generate with an emit function that writes each record to
// trace and its label to labels (JSON lines), and returns the number of
// records written.
func Write(trace, labels io.Writer, generate func(Emit) error) (int, error) {
	w := tracefmt.NewWriter(trace, labels)
	if err := generate(w.Write); err != nil {
		return w.Records(), err
	}
	return w.Records(), w.Flush()
}

// Class is one class a generator labels: its name, whether it is a
// distillation campaign, and the function that plans its traffic on the
// generator's state G.
type Class[G any] struct {
	Name     string
	Campaign bool
	Plan     func(G)
}

// Campaigns maps the name of every class in list to whether it is a
// campaign.
func Campaigns[G any](list []Class[G]) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, c := range list {
		m[c.Name] = c.Campaign
	}
	return m
}

// PlanAll runs every class's Plan on g, in the list's order.
func PlanAll[G any](list []Class[G], g G) {
	for _, c := range list {
		c.Plan(g)
	}
}
