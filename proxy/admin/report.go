package admin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"time"

	"github.com/sluicehq/sluice/limiter"
)

// ReportConfig says what a report shows.
type ReportConfig struct {
	// Engine is the engine whose state the report shows (required).
	Engine *limiter.Engine
	// Now is the engine's clock at the end: for a replay, the last record's
	// ts (required).
	Now time.Time
	// Title heads the report; empty means "sluice replay report".
	Title string
	// Totals are counts shown above the table (records, actions), in order.
	Totals []Total
	// Clusters is how many clusters are listed (default 100); Details how
	// many of them, the highest by score and by volume, carry their detail,
	// members and evidence graph (default 30).
	Clusters, Details int
}

// Total is one named count of a report.
type Total struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

// snapshot is what the page reads in report mode instead of the API.
type snapshot struct {
	Title    string                       `json:"title"`
	Now      time.Time                    `json:"now"`
	Totals   []Total                      `json:"totals"`
	Clusters []clusterView                `json:"clusters"`
	Details  map[string]clusterDetailView `json:"details"`
	Accounts map[string]accountView       `json:"accounts"`
}

// reportCSP forbids every fetch: the report is one self-contained file.
const reportCSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`

// Report writes the operator page as one self-contained HTML file: the
// page's style and script inlined, and the engine's state at cfg.Now
// embedded as JSON in place of the admin API. It opens offline, fetches
// nothing and is read-only.
func Report(w io.Writer, cfg ReportConfig) error {
	if cfg.Engine == nil || cfg.Now.IsZero() {
		return errors.New("admin: report needs an engine and its clock")
	}
	if cfg.Title == "" {
		cfg.Title = "sluice replay report"
	}
	if cfg.Clusters <= 0 {
		cfg.Clusters = 100
	}
	if cfg.Details <= 0 {
		cfg.Details = 30
	}
	snap := snapshot{Title: cfg.Title, Now: cfg.Now.UTC(), Totals: cfg.Totals,
		Clusters: clusters(cfg.Engine, cfg.Now, "score", cfg.Clusters),
		Details:  map[string]clusterDetailView{}, Accounts: map[string]accountView{}}
	if snap.Totals == nil {
		snap.Totals = []Total{}
	}
	detail := func(id limiter.ClusterID) {
		if _, done := snap.Details[id.String()]; done || len(snap.Details) >= cfg.Details {
			return
		}
		d, ok := cfg.Engine.Cluster(cfg.Now, id)
		if !ok {
			return
		}
		snap.Details[id.String()] = newClusterDetailView(&d, cfg.Engine.AllowListed)
		for _, m := range d.Members {
			ai, known := cfg.Engine.Account(cfg.Now, m)
			ai.ID = m
			snap.Accounts[m.String()] = newAccountView(ai, known)
		}
	}
	// the top by score and the top by volume both get their detail
	byVolume := cfg.Engine.Clusters(cfg.Now, "volume", cfg.Details/2)
	for i, c := range cfg.Engine.Clusters(cfg.Now, "score", cfg.Details) {
		detail(c.ID)
		if i < len(byVolume) {
			detail(byVolume[i].ID)
		}
	}
	data, err := json.Marshal(snap) // escapes <, > and &: no "</script>" inside
	if err != nil {
		return fmt.Errorf("admin: report: %w", err)
	}
	page, err := inlinePage(cfg.Title, data)
	if err != nil {
		return err
	}
	_, err = w.Write(page)
	return err
}

// inlinePage returns index.html with its style and script inlined and the
// snapshot embedded.
func inlinePage(title string, snap []byte) ([]byte, error) {
	read := func(name string) []byte {
		b, err := uiFiles.ReadFile("ui/" + name)
		if err != nil {
			panic(err) // embedded at build time
		}
		return b
	}
	page, css, js := read("index.html"), read("style.css"), read("app.js")
	if bytes.Contains(bytes.ToLower(css), []byte("</style")) || bytes.Contains(bytes.ToLower(js), []byte("</script")) {
		return nil, errors.New("admin: report: the page's style or script cannot be inlined")
	}
	t := "<title>" + html.EscapeString(title) + "</title>"
	var s bytes.Buffer
	s.WriteString(`<script id="snapshot" type="application/json">`)
	s.Write(snap)
	s.WriteString("</script>\n<script>\n")
	s.Write(js)
	s.WriteString("</script>")
	for _, r := range []struct{ old, new []byte }{
		{[]byte(`<meta charset="utf-8">`), []byte(`<meta charset="utf-8">` + "\n" + reportCSP)},
		{[]byte(`<title>sluice · operator view</title>`), []byte(t)},
		{[]byte(`<link rel="stylesheet" href="style.css">`), append(append([]byte("<style>\n"), css...), "</style>"...)},
		{[]byte(`<script src="app.js"></script>`), s.Bytes()},
	} {
		if bytes.Count(page, r.old) != 1 {
			return nil, fmt.Errorf("admin: report: index.html lacks %s", r.old)
		}
		page = bytes.Replace(page, r.old, r.new, 1)
	}
	return page, nil
}
