package sim

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// table is rows of cells written as aligned text or as Markdown.
type table struct {
	head []string
	rows [][]string
}

func (t *table) write(w io.Writer, markdown bool) error {
	if markdown {
		var b strings.Builder
		line := func(cells []string) {
			b.WriteString("| ")
			b.WriteString(strings.Join(cells, " | "))
			b.WriteString(" |\n")
		}
		line(t.head)
		sep := make([]string, len(t.head))
		for i := range sep {
			sep[i] = "---:"
		}
		sep[0] = "---"
		line(sep)
		for _, r := range t.rows {
			line(r)
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range append([][]string{t.head}, t.rows...) {
		fmt.Fprint(tw, strings.Join(r, "\t")+"\t\n")
	}
	return tw.Flush()
}

const dash = "–"

func ttd(c ClassStats) string {
	d, ok := c.TimeToDetect()
	if !ok {
		return "never"
	}
	if d < time.Minute {
		return d.Round(time.Second).String()
	}
	return d.Round(time.Minute).String()
}

// Write prints the report as one table: a row per class and a row for all
// legitimate traffic; leak and time to detect for campaign classes only.
func (r *Report) Write(w io.Writer, markdown bool) error {
	t := table{head: []string{"class", "requests", "not allowed", "blocked", "accounts affected", "leak", "leak after 1h", "time to detect"}}
	row := func(c ClassStats) {
		cells := []string{string(c.Class), fmt.Sprint(c.Requests), pct(c.NotAllowedShare()), pct(c.BlockedShare()),
			fmt.Sprintf("%d / %d", c.AccountsAffected, c.Accounts), dash, dash, dash}
		if c.Campaign {
			cells[5], cells[6], cells[7] = pct(c.Leak()), pct(c.LeakAfterHour()), ttd(c)
		}
		t.rows = append(t.rows, cells)
	}
	for _, c := range r.Classes {
		row(c)
	}
	row(r.Legit)
	title := r.System
	if markdown {
		title = "**" + title + "**"
	}
	if _, err := fmt.Fprintf(w, "%s\n\n", title); err != nil {
		return err
	}
	if err := t.write(w, markdown); err != nil {
		return err
	}
	if r.Missing > 0 || r.Unlabelled > 0 {
		if _, err := fmt.Fprintf(w, "\n%d labelled requests without a decision, %d decisions without a label\n", r.Missing, r.Unlabelled); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// WriteComparison prints the systems side by side: per class the share not
// allowed and, for campaigns, the leak after the first hour.
func WriteComparison(w io.Writer, reports []Report, markdown bool) error {
	if len(reports) == 0 {
		return nil
	}
	t := table{head: []string{"class", "requests"}}
	for _, r := range reports {
		t.head = append(t.head, r.System+" not allowed", r.System+" leak after 1h")
	}
	add := func(c ClassStats, get func(Report) ClassStats) {
		cells := []string{string(c.Class), fmt.Sprint(c.Requests)}
		for _, r := range reports {
			s := get(r)
			leak := dash
			if s.Campaign {
				leak = pct(s.LeakAfterHour())
			}
			cells = append(cells, pct(s.NotAllowedShare()), leak)
		}
		t.rows = append(t.rows, cells)
	}
	for _, c := range reports[0].Classes {
		add(c, func(r Report) ClassStats { s, _ := r.Class(c.Class); return s })
	}
	add(reports[0].Legit, func(r Report) ClassStats { return r.Legit })
	return t.write(w, markdown)
}
