package load

import (
	"context"
	"fmt"
	"io"
	"time"
)

// longPhases runs the saturation phases of the long set: in each round,
// workload by workload, its two targets one after the other (which goes
// first alternates by round), so that the pair of a workload is measured
// minutes apart at most. Each target warms up first (connections, the
// engine's state and whatever the guard keeps of the histories it saw).
func longPhases(ctx context.Context, c *Client, cfg Config, targets []*target, progress io.Writer) error {
	for _, t := range targets {
		_, _, t.cursor = c.SaturateFrom(ctx, t.srv.URL, t.reqs, t.cursor, cfg.Conc, 300*time.Millisecond)
	}
	c.CloseIdle()
	for round := range cfg.Rounds {
		for i := 0; i+1 < len(targets); i += 2 {
			pair := []*target{targets[i], targets[i+1]}
			if round%2 == 1 {
				pair[0], pair[1] = pair[1], pair[0]
			}
			for _, t := range pair {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if err := satPhase(ctx, c, cfg, t); err != nil {
					return err
				}
				fmt.Fprintf(progress, "round %d sat    %-13s %-10s %8.0f req/s  %6.1f µs CPU/req\n", round+1, t.name, t.workload, last(t.row.SatRPS), last(t.row.CPUSat))
			}
		}
	}
	return nil
}

// meanBody is the mean body length of reqs, in bytes.
func meanBody(reqs []Request) int {
	if len(reqs) == 0 {
		return 0
	}
	n := 0
	for i := range reqs {
		n += reqs[i].BodyLen()
	}
	return n / len(reqs)
}
