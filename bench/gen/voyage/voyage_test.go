package voyage

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sluicehq/sluice/bench/genkit/gentest"
	"github.com/sluicehq/sluice/internal/tracefmt"
)

var small = gentest.Once(Write, Small(1))

var (
	readOnce sync.Once
	recsRead []tracefmt.Record
	labsRead []tracefmt.Label
)

// readBack returns the small trace read back, read once for all tests.
func readBack(t *testing.T) ([]tracefmt.Record, []tracefmt.Label) {
	t.Helper()
	tr := small(t)
	readOnce.Do(func() { recsRead, labsRead = gentest.ReadBack(t, tr) })
	if recsRead == nil {
		t.Fatal("the small trace did not read back")
	}
	return recsRead, labsRead
}

func spec() gentest.Spec {
	return gentest.Spec{
		Classes: Classes(),
		Start:   Start, End: End,
		Min: 15000, Max: 50000,
		Paths: Paths,
		AccountPrefix: func(l tracefmt.Label) string {
			if strings.HasPrefix(l.Class, "reseller_") {
				return ResellerPrefix
			}
			return l.Class + "-"
		},
		Check: checkRecord,
	}
}

// checkRecord holds a record to the world's own promises: a TLS print
// whose ALPN matches the header block (HTTP/2 clients send lower-case
// names and no Host header; HTTP/1.1 clients send a Host header), a
// model of the dialect's catalogue, and the new model only after its
// release.
func checkRecord(r tracefmt.Record, l tracefmt.Label, body map[string]any) error {
	if r.JA4 == "" || len(r.JA4) != 36 {
		return fmt.Errorf("ja4 %q", r.JA4)
	}
	_, hosts := gentest.Header(r.Headers, "host")
	if r.JA4[8:10] == "h2" {
		for _, h := range r.Headers {
			if h[0] != strings.ToLower(h[0]) {
				return fmt.Errorf("HTTP/2 client sent header %q", h[0])
			}
		}
		if hosts != 0 {
			return fmt.Errorf("HTTP/2 client sent a host header")
		}
	} else if hosts != 1 {
		return fmt.Errorf("HTTP/1.1 client sent %d host headers", hosts)
	}
	model, _ := body["model"].(string)
	if model == "gpt-5.2" && r.TS.Before(Release) {
		return fmt.Errorf("%s used before its release", model)
	}
	if strings.HasPrefix(model, "claude") != (r.Path == pathMessages) {
		return fmt.Errorf("model %s on %s", model, r.Path)
	}
	return nil
}

func TestRecords(t *testing.T) {
	tr := small(t)
	recs, labels := readBack(t)
	gentest.CheckRecords(t, recs, labels, spec())
	if mb := float64(len(tr.Trace)) / 1e6; mb > 60 {
		t.Errorf("small trace of %.1f MB, want at most 60", mb)
	}
}

func TestDeterministic(t *testing.T) {
	gentest.Deterministic(t, Write, small(t), Small(1), Small(2))
}

func TestShares(t *testing.T) {
	_, labels := readBack(t)
	per := map[string]int{}
	campaign := 0
	for _, l := range labels {
		per[l.Class]++
		if l.Campaign {
			campaign++
		}
	}
	n := float64(len(labels))
	if s := float64(campaign) / n; s < 0.35 || s > 0.45 {
		t.Errorf("campaign share %.3f, want 0.35-0.45", s)
	}
	for c, k := range per {
		if s := float64(k) / n; s < 0.015 || s > 0.15 {
			t.Errorf("class %s has %.3f of the records, want 0.015-0.15", c, s)
		}
	}
}

// TestAccountsAppear checks when accounts are first seen: the classes
// that create accounts during the window do, the others' exist from its
// start.
func TestAccountsAppear(t *testing.T) {
	recs, labels := readBack(t)
	first, class := gentest.FirstSeen(recs, labels)
	late := map[string]int{}
	total := map[string]int{}
	for a, ts := range first {
		total[class[a]]++
		if ts.After(Start.Add(time.Hour)) {
			late[class[a]]++
		}
	}
	for _, c := range []string{"plugin_users", "developers", "naive", "disguised", "churn", "pivot", "agentic"} {
		if late[c] == 0 {
			t.Errorf("no %s account first seen after the window's first hour", c)
		}
	}
	for _, c := range []string{"airline_assistant", "low_slow", "enterprise_gateway"} {
		if late[c] != 0 {
			t.Errorf("%d %s accounts first seen late", late[c], c)
		}
	}
	if late["churn"]*2 < total["churn"] {
		t.Errorf("churn: %d of %d accounts first seen after the first hour", late["churn"], total["churn"])
	}
	for a, ts := range first {
		if class[a] == "hackathon_cohort" && (ts.Before(Start.Add(30*time.Minute)) || ts.After(Start.Add(70*time.Minute))) {
			t.Errorf("hackathon account %s first seen at %s", a, ts.Format(time.TimeOnly))
		}
	}
}

func TestPivotAndPool(t *testing.T) {
	recs, labels := readBack(t)
	var before, after, afterNew int
	pool := map[string]map[string]bool{}
	for i, r := range recs {
		l := labels[i]
		if strings.HasPrefix(l.Account, ResellerPrefix) {
			if pool[l.Account] == nil {
				pool[l.Account] = map[string]bool{}
			}
			pool[l.Account][l.Class] = true
		}
		if l.Class != "pivot" {
			continue
		}
		switch {
		case r.TS.Before(Release):
			before++
		case r.TS.After(Release.Add(30 * time.Minute)):
			after++
			if strings.Contains(string(r.Body), `"gpt-5.2"`) {
				afterNew++
			}
		}
	}
	if before == 0 || after < 3*before || afterNew < after*9/10 {
		t.Errorf("pivot: %d requests before the release, %d after (%d on the new model)", before, after, afterNew)
	}
	if len(pool) != 20 {
		t.Errorf("%d reseller keys, want 20", len(pool))
	}
	for a, cls := range pool {
		if !cls["reseller_customer"] || !cls["reseller_harvest"] {
			t.Errorf("reseller key %s carries only %v", a, cls)
		}
	}
}

func TestJSONStyles(t *testing.T) {
	v := obj{{"content", "Zürich <b>&</b> \"ok\" it's 1/2 \U0001F600"}, {"t", 1.0}, {"p", 0.7}}
	for _, c := range []struct {
		s    jsonStyle
		want string
	}{
		{styleJS, `{"content":"Zürich <b>&</b> \"ok\" it's 1/2 😀","t":1,"p":0.7}`},
		{styleDumps, `{"content": "Z\u00fcrich <b>&</b> \"ok\" it's 1/2 \ud83d\ude00", "t": 1.0, "p": 0.7}`},
		{styleGo, `{"content":"Zürich \u003cb\u003e\u0026\u003c/b\u003e \"ok\" it's 1/2 😀","t":1,"p":0.7}`},
		{stylePHP, `{"content":"Z\u00fcrich <b>&<\/b> \"ok\" it's 1\/2 \ud83d\ude00","t":1.0,"p":0.7}`},
		{styleDotnet, `{"content":"Z\u00FCrich \u003Cb\u003E\u0026\u003C/b\u003E \u0022ok\u0022 it\u0027s 1/2 \uD83D\uDE00","t":1,"p":0.7}`},
	} {
		if got := string(c.s.marshal(v)); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

func TestSortBody(t *testing.T) {
	b := obj{{"model", "m"}, {"temperature", 0.2}, {"messages", arr{}}, {"max_tokens", 5}, {"stream", true}}
	var keys []string
	for _, m := range sortBody(b, "max_tokens", "messages", "model") {
		keys = append(keys, m.Key)
	}
	if got := strings.Join(keys, ","); got != "max_tokens,messages,model,stream,temperature" {
		t.Errorf("order %s", got)
	}
}
