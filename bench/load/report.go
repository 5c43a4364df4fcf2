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
	BodyBytes  int       // mean request body length (long workloads)

	Lat                                  []time.Duration // fixed-rate latencies, all rounds
	TTFB                                 []time.Duration // stream time to first byte
	Event                                []time.Duration // stream per-event latency
	Cut                                  int64           // streams that ended without their final event
	SatCounts, FixedCounts, StreamCounts Counts
}

// Result is a harness run.
type Result struct {
	Rows []*Row
	// Long holds the rows of the long set (SetLong), pairs of bare-tuned
	// and sluice-shadow per workload.
	Long               []*Row
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
	for _, w := range LongWorkloads() {
		if b, sl := r.longPair(w); b != nil && sl != nil {
			ratio := median(ratios(sl.CPUSat, b.CPUSat))
			verdict := "met"
			if ratio > longTarget(w) {
				verdict = "not met"
			}
			if bad := sl.SatCounts.Total() - sl.SatCounts.OK; bad > 0 {
				// shadow mode forwards every request: anything but a 2xx
				// is a failure, and a request that was not forwarded
				// costs less than one that was
				verdict = fmt.Sprintf("not valid: %d of sluice-shadow's responses were not 2xx", bad)
			}
			out = append(out, fmt.Sprintf("%s (%.1f KB): sluice-shadow CPU/req %.2f× bare-tuned (target ≤ %.2f×: %s)", w, float64(sl.BodyBytes)/1024, ratio, longTarget(w), verdict))
		}
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

// longTargets are the acceptance bounds of the long workloads (issue 16):
// sluice's CPU per request over bare-tuned's, at most.
func longTarget(workload string) float64 {
	switch workload {
	case WorkloadChat2K:
		return 1.15
	default:
		return 1.3
	}
}

// longPair returns the bare-tuned and sluice-shadow rows of workload.
func (r *Result) longPair(workload string) (bare, sluice *Row) {
	for _, row := range r.Long {
		if row.Workload != workload {
			continue
		}
		switch row.Target {
		case "bare-tuned":
			bare = row
		case "sluice-shadow":
			sluice = row
		}
	}
	return bare, sluice
}

// ratios returns a/b per round.
func ratios(a, b []float64) []float64 {
	out := make([]float64, 0, len(a))
	for i := range min(len(a), len(b)) {
		if b[i] > 0 {
			out = append(out, a[i]/b[i])
		}
	}
	return out
}

func spread(xs []float64, format string) string {
	if len(xs) == 0 {
		return "-"
	}
	s := fmt.Sprintf(format, median(xs))
	if len(xs) > 1 {
		s += fmt.Sprintf(" ("+format+"–"+format+")", slices.Min(xs), slices.Max(xs))
	}
	return s
}

func (r *Result) longHeader() string {
	return fmt.Sprintf("long bodies: sluice in shadow mode (decision log off) against bare-tuned; %d rounds interleaved, each workload's pair back to back; saturation %v with %d workers; %d API keys rotated per request; the upstream answers without reading the body. CPU is the proxy process's, median over rounds (min–max); the ratios are the medians of the per-round ratios.",
		r.Rounds, r.Sat, r.Conc, LongKeys)
}

// longTable is the long set's table, one row per workload.
func (r *Result) longTable() [][]string {
	t := [][]string{{"workload", "body KB", "bare CPU µs/req", "sluice CPU µs/req", "CPU ratio", "target", "bare req/s", "sluice req/s", "throughput ratio", "CPU util bare / sluice", "bare allocs/req", "sluice allocs/req", "sluice RSS MB", "non-2xx"}}
	for _, w := range LongWorkloads() {
		b, sl := r.longPair(w)
		if b == nil || sl == nil {
			continue
		}
		nonOK := b.SatCounts.Status + b.SatCounts.Errors + sl.SatCounts.Status + sl.SatCounts.Errors
		t = append(t, []string{
			w,
			fmt.Sprintf("%.1f", float64(sl.BodyBytes)/1024),
			spread(b.CPUSat, "%.1f"),
			spread(sl.CPUSat, "%.1f"),
			spread(ratios(sl.CPUSat, b.CPUSat), "%.2f×"),
			fmt.Sprintf("≤ %.2f×", longTarget(w)),
			fmt.Sprintf("%.0f", median(b.SatRPS)),
			fmt.Sprintf("%.0f", median(sl.SatRPS)),
			fmt.Sprintf("%.2f×", median(ratios(sl.SatRPS, b.SatRPS))),
			fmt.Sprintf("%.0f%% / %.0f%%", 100*median(b.Util), 100*median(sl.Util)),
			orDash(len(b.Allocs) > 0, fmt.Sprintf("%.1f", median(b.Allocs))),
			orDash(len(sl.Allocs) > 0, fmt.Sprintf("%.1f", median(sl.Allocs))),
			fmt.Sprintf("%.0f", float64(sl.RSS)/(1<<20)),
			fmt.Sprintf("%d", nonOK),
		})
	}
	return t
}

func (r *Result) header() string {
	return fmt.Sprintf("%d rounds interleaved; saturation %v with %d workers; fixed rate %v at allow %.0f req/s, mix %.0f req/s; streams %v with %d concurrent (events %v apart)",
		r.Rounds, r.Sat, r.Conc, r.Fixed, r.Rate[WorkloadAllow], r.Rate[WorkloadMix], r.Stream, r.StreamConc, EventDelay)
}

// sections returns the run's tables, each with its heading line.
func (r *Result) sections() (heads []string, tables [][][]string) {
	if len(r.Rows) > 0 {
		rr, st := r.tables()
		heads = append(heads, r.header(), "")
		tables = append(tables, rr, st)
	}
	if len(r.Long) > 0 {
		heads = append(heads, r.longHeader())
		tables = append(tables, r.longTable())
	}
	return heads, tables
}

// WriteText writes the tables aligned for a terminal.
func (r *Result) WriteText(w io.Writer) error {
	heads, tables := r.sections()
	for i, t := range tables {
		if heads[i] != "" {
			fmt.Fprintln(w, heads[i])
		}
		fmt.Fprintln(w)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		for _, row := range t {
			fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	for _, s := range r.Summary() {
		fmt.Fprintln(w, s)
	}
	return nil
}

// WriteMarkdown writes the tables as GitHub markdown.
func (r *Result) WriteMarkdown(w io.Writer) error {
	heads, tables := r.sections()
	for i, t := range tables {
		if heads[i] != "" {
			fmt.Fprintf(w, "%s\n", heads[i])
		}
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
		fmt.Fprintln(w)
	}
	for _, s := range r.Summary() {
		fmt.Fprintf(w, "- %s\n", s)
	}
	_, err := fmt.Fprintln(w)
	return err
}
