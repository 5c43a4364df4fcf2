package load

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// Row is what one target measured over all rounds.
type Row struct {
	Target, Workload string
	Direct           bool // the upstream itself: the latency baseline

	SatRPS     []float64 // per round, requests per second at saturation
	Util       []float64 // per round, CPU of the process at saturation (1 = one core)
	CPUSat     []float64 // per round, µs of process CPU per request at saturation
	CPUFixed   []float64 // per round, µs per request at the fixed rate
	Allocs     []float64 // per round, heap allocations per request (Go servers)
	AllowShare []float64 // per round, share of guard decisions that allowed (sluice)
	RSS        int64     // largest VmRSS seen, bytes

	Lat                                  []time.Duration // fixed-rate latencies, all rounds
	TTFB                                 []time.Duration // stream time to first byte
	Event                                []time.Duration // stream per-event latency
	Cut                                  int64           // streams that ended without their final event
	SatCounts, FixedCounts, StreamCounts Counts
}

// Result is a harness run.
type Result struct {
	Rows               []*Row
	Rate               map[string]float64 // fixed rate per workload
	Rounds             int
	Conc, StreamConc   int
	Sat, Fixed, Stream time.Duration
}

func (r *Result) finish() {
	for _, row := range r.Rows {
		slices.Sort(row.Lat)
		slices.Sort(row.TTFB)
		slices.Sort(row.Event)
	}
}

// Find returns the row of target on workload, or nil.
func (r *Result) Find(target, workload string) *Row {
	for _, row := range r.Rows {
		if row.Target == target && row.Workload == workload {
			return row
		}
	}
	return nil
}

func (r *Result) direct(workload string) *Row {
	for _, row := range r.Rows {
		if row.Direct && row.Workload == workload {
			return row
		}
	}
	return nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// pct is the q quantile of sorted (or unsorted: it sorts a copy only when
// needed) durations; 0 when empty.
func pct(xs []time.Duration, q float64) time.Duration {
	if len(xs) == 0 {
		return 0
	}
	if !slices.IsSorted(xs) {
		xs = slices.Clone(xs)
		slices.Sort(xs)
	}
	i := int(q * float64(len(xs)))
	return xs[min(i, len(xs)-1)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.3f", float64(d)/float64(time.Millisecond)) }

func added(d, base time.Duration) string {
	return fmt.Sprintf("%+.3f", float64(d-base)/float64(time.Millisecond))
}

func orDash(ok bool, s string) string {
	if !ok {
		return "-"
	}
	return s
}

// tables returns the two tables (request/response, streams) as rows of
// cells, header first.
func (r *Result) tables() (rr, st [][]string) {
	rr = append(rr, []string{"target", "workload", "sat req/s", "CPU util", "CPU µs/req sat", "CPU µs/req half", "p50 ms", "p99 ms", "p99.9 ms", "+p50 ms", "+p99 ms", "+p99.9 ms", "allocs/req", "RSS MB", "non-2xx", "allowed"})
	st = append(st, []string{"target", "workload", "streams", "TTFB p50 ms", "+TTFB p50", "+TTFB p99", "event p50 ms", "event p99 ms", "+event p50", "+event p99", "cut"})
	for _, row := range r.Rows {
		d := r.direct(row.Workload)
		base := func(q float64) time.Duration {
			if d == nil {
				return 0
			}
			return pct(d.Lat, q)
		}
		nonOK := row.SatCounts.Status + row.SatCounts.Errors + row.FixedCounts.Status + row.FixedCounts.Errors
		total := row.SatCounts.Total() + row.FixedCounts.Total()
		name := row.Target
		if row.Direct {
			name += " (stub)"
		}
		rr = append(rr, []string{
			name, row.Workload,
			fmt.Sprintf("%.0f", median(row.SatRPS)),
			fmt.Sprintf("%.0f%%", 100*median(row.Util)),
			fmt.Sprintf("%.1f", median(row.CPUSat)),
			fmt.Sprintf("%.1f", median(row.CPUFixed)),
			ms(pct(row.Lat, 0.5)), ms(pct(row.Lat, 0.99)), ms(pct(row.Lat, 0.999)),
			orDash(!row.Direct, added(pct(row.Lat, 0.5), base(0.5))),
			orDash(!row.Direct, added(pct(row.Lat, 0.99), base(0.99))),
			orDash(!row.Direct, added(pct(row.Lat, 0.999), base(0.999))),
			orDash(len(row.Allocs) > 0, fmt.Sprintf("%.1f", median(row.Allocs))),
			fmt.Sprintf("%.1f", float64(row.RSS)/(1<<20)),
			fmt.Sprintf("%.2f%%", 100*float64(nonOK)/float64(max(total, 1))),
			orDash(len(row.AllowShare) > 0, fmt.Sprintf("%.1f%%", 100*median(row.AllowShare))),
		})
		var dt, de []time.Duration
		if d != nil {
			dt, de = d.TTFB, d.Event
		}
		st = append(st, []string{
			name, row.Workload,
			fmt.Sprintf("%d", len(row.TTFB)),
			ms(pct(row.TTFB, 0.5)),
			orDash(!row.Direct, added(pct(row.TTFB, 0.5), pct(dt, 0.5))),
			orDash(!row.Direct, added(pct(row.TTFB, 0.99), pct(dt, 0.99))),
			ms(pct(row.Event, 0.5)), ms(pct(row.Event, 0.99)),
			orDash(!row.Direct, added(pct(row.Event, 0.5), pct(de, 0.5))),
			orDash(!row.Direct, added(pct(row.Event, 0.99), pct(de, 0.99))),
			fmt.Sprintf("%d", row.Cut),
		})
	}
	return rr, st
}

// Summary returns the target checks of the load issue as lines.
func (r *Result) Summary() []string {
	var out []string
	full, bt := r.Find("sluice-full", WorkloadMix), r.Find("bare-tuned", WorkloadMix)
	if full != nil && bt != nil {
		out = append(out,
			fmt.Sprintf("mix: sluice-full throughput %.0f%% of bare-tuned (target ≥ 90%%); CPU/req %.2f× (target ≤ 1.1×)",
				100*median(full.SatRPS)/median(bt.SatRPS), median(full.CPUSat)/median(bt.CPUSat)))
	}
	sa, b, bta := r.Find("sluice-allow", WorkloadAllow), r.Find("bare", WorkloadAllow), r.Find("bare-tuned", WorkloadAllow)
	if sa != nil && b != nil {
		out = append(out, fmt.Sprintf("allow: sluice-allow CPU/req %.1f µs vs default bare %.1f µs (target: less)", median(sa.CPUSat), median(b.CPUSat)))
	}
	if sa != nil && bta != nil && len(sa.Allocs) > 0 && len(bta.Allocs) > 0 {
		out = append(out, fmt.Sprintf("allow: allocations per request over bare-tuned: %+.1f (process-wide; target for guard work ≤ 20)", median(sa.Allocs)-median(bta.Allocs)))
	}
	for _, row := range r.Rows {
		if strings.HasPrefix(row.Target, "sluice") {
			d := r.direct(row.Workload)
			if d != nil {
				out = append(out, fmt.Sprintf("%s: added p99 %.3f ms at %.0f req/s (target ≤ 1 ms)", row.Target,
					float64(pct(row.Lat, 0.99)-pct(d.Lat, 0.99))/float64(time.Millisecond), r.Rate[row.Workload]))
			}
		}
	}
	return out
}

func (r *Result) header() string {
	return fmt.Sprintf("%d rounds interleaved; saturation %v with %d workers; fixed rate %v at allow %.0f req/s, mix %.0f req/s; streams %v with %d concurrent (events %v apart)",
		r.Rounds, r.Sat, r.Conc, r.Fixed, r.Rate[WorkloadAllow], r.Rate[WorkloadMix], r.Stream, r.StreamConc, EventDelay)
}

// WriteText writes the tables aligned for a terminal.
func (r *Result) WriteText(w io.Writer) error {
	rr, st := r.tables()
	fmt.Fprintln(w, r.header())
	for _, t := range [][][]string{rr, st} {
		fmt.Fprintln(w)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		for _, row := range t {
			fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)
	for _, s := range r.Summary() {
		fmt.Fprintln(w, s)
	}
	return nil
}

// WriteMarkdown writes the tables as GitHub markdown.
func (r *Result) WriteMarkdown(w io.Writer) error {
	rr, st := r.tables()
	fmt.Fprintf(w, "%s\n", r.header())
	for _, t := range [][][]string{rr, st} {
		fmt.Fprintln(w)
		for i, row := range t {
			fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
			if i == 0 {
				seps := make([]string, len(row))
				for j := range seps {
					seps[j] = "---"
					if j > 1 {
						seps[j] = "---:"
					}
				}
				fmt.Fprintf(w, "|%s|\n", strings.Join(seps, "|"))
			}
		}
	}
	fmt.Fprintln(w)
	for _, s := range r.Summary() {
		fmt.Fprintf(w, "- %s\n", s)
	}
	_, err := fmt.Fprintln(w)
	return err
}
