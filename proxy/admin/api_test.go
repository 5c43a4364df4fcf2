package admin_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sluicehq/sluice/internal/proxytest"
	"github.com/sluicehq/sluice/internal/sim"
	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/proxy/admin"
)

type clusterRow struct {
	ID        string    `json:"id"`
	Accounts  int       `json:"accounts"`
	Window    string    `json:"window"`
	Requests  int       `json:"requests"`
	Tokens    int64     `json:"tokens"`
	Score     float64   `json:"score"`
	Action    string    `json:"action"`
	Reasons   []string  `json:"reasons"`
	FirstSeen time.Time `json:"first_seen"`
	Override  *struct {
		Action string    `json:"action"`
		Until  time.Time `json:"until"`
	} `json:"override"`
	Volume   []int `json:"volume"`
	Evidence []struct {
		ID   string  `json:"id"`
		Kind string  `json:"kind"`
		Heat float64 `json:"heat"`
	} `json:"evidence"`
}

type clusterList struct {
	Now      time.Time    `json:"now"`
	Sort     string       `json:"sort"`
	Clusters []clusterRow `json:"clusters"`
}

type clusterDetail struct {
	clusterRow
	Members []struct {
		ID          string `json:"id"`
		AllowListed bool   `json:"allow_listed"`
	} `json:"members"`
	AllEvidence []struct {
		ID string `json:"id"`
	} `json:"all_evidence"`
	Links []struct {
		Account  string `json:"account"`
		Evidence string `json:"evidence"`
	} `json:"links"`
	Series []struct {
		Minute   time.Time      `json:"minute"`
		Requests int            `json:"requests"`
		Actions  map[string]int `json:"actions"`
	} `json:"series"`
}

type fed struct {
	s      *proxytest.Sluice
	recs   []sim.Record
	labels []sim.Label
	camp   limiter.ClusterID
}

func feed(t *testing.T, token string) *fed {
	t.Helper()
	s := proxytest.NewSluice(t, token)
	recs, labels := proxytest.Generate(t, proxytest.Scenario(20*time.Minute))
	s.Drive(context.Background(), t, recs)
	f := &fed{s: s, recs: recs, labels: labels, camp: s.CampaignCluster(recs, labels)}
	if f.camp == 0 {
		t.Fatal("the campaign formed no cluster")
	}
	return f
}

func TestClustersAPI(t *testing.T) {
	t.Parallel()
	f := feed(t, "tok")
	s := f.s
	var list clusterList
	if st := proxytest.GetJSON(t, s.AdminURL+"/admin/clusters?sort=score&limit=5", "tok", &list); st != 200 {
		t.Fatalf("clusters: %d", st)
	}
	if len(list.Clusters) == 0 || len(list.Clusters) > 5 || list.Sort != "score" || !list.Now.Equal(s.Now()) {
		t.Fatalf("list: %+v", list)
	}
	top := list.Clusters[0]
	if top.ID != f.camp.String() {
		t.Fatalf("top cluster %s, want the campaign's %s", top.ID, f.camp)
	}
	if top.Accounts < 20 || top.Requests == 0 || top.Tokens == 0 || top.Window != "1h" || top.Score < 0.5 ||
		top.Action == "allow" || len(top.Reasons) == 0 || top.FirstSeen.IsZero() || len(top.Volume) != 60 || len(top.Evidence) == 0 {
		t.Fatalf("campaign row: %+v", top)
	}
	for i := 1; i < len(list.Clusters); i++ {
		if list.Clusters[i].Score > list.Clusters[i-1].Score {
			t.Fatalf("not sorted by score: %+v", list.Clusters)
		}
	}
	var byVol clusterList
	proxytest.GetJSON(t, s.AdminURL+"/admin/clusters?sort=volume", "tok", &byVol)
	for i := 1; i < len(byVol.Clusters); i++ {
		if byVol.Clusters[i].Requests > byVol.Clusters[i-1].Requests {
			t.Fatalf("not sorted by volume")
		}
	}

	var d clusterDetail
	if st := proxytest.GetJSON(t, s.AdminURL+"/admin/clusters/"+top.ID, "tok", &d); st != 200 {
		t.Fatalf("detail: %d", st)
	}
	if len(d.Members) < 20 || len(d.AllEvidence) == 0 || len(d.Links) == 0 || len(d.Series) != 60 {
		t.Fatalf("detail: %d members, %d evidence, %d links, %d points", len(d.Members), len(d.AllEvidence), len(d.Links), len(d.Series))
	}
	members := map[string]bool{}
	for _, m := range d.Members {
		members[m.ID] = true
	}
	evidence := map[string]bool{}
	for _, e := range d.AllEvidence {
		evidence[e.ID] = true
	}
	for _, l := range d.Links {
		if !members[l.Account] || !evidence[l.Evidence] {
			t.Fatalf("link %+v joins no listed member and evidence", l)
		}
	}
	sum, acted := 0, 0
	for _, p := range d.Series {
		sum += p.Requests
		acted += p.Actions["degrade"] + p.Actions["throttle"] + p.Actions["block"]
		if n := p.Actions["allow"] + p.Actions["degrade"] + p.Actions["throttle"] + p.Actions["block"]; n != p.Requests {
			t.Fatalf("point %v: actions %v do not add up to %d", p.Minute, p.Actions, p.Requests)
		}
	}
	if sum != d.Requests || acted == 0 {
		t.Fatalf("series: %d requests (row says %d), %d acted on", sum, d.Requests, acted)
	}

	// an account of the campaign
	var acc struct {
		ID          string  `json:"id"`
		Known       bool    `json:"known"`
		Cluster     string  `json:"cluster"`
		HarvestMean float64 `json:"harvest_mean"`
	}
	if st := proxytest.GetJSON(t, s.AdminURL+"/admin/accounts/"+d.Members[0].ID, "tok", &acc); st != 200 || !acc.Known || acc.Cluster != top.ID {
		t.Fatalf("account: %d %+v", st, acc)
	}

	// errors
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/admin/clusters?sort=name", 400},
		{"/admin/clusters?limit=0", 400},
		{"/admin/clusters?limit=x", 400},
		{"/admin/clusters?limit=100000", 400},
		{"/admin/clusters/c_00000000000000ff", 404},
		{"/admin/clusters/a_00000000000000ff", 400},
		{"/admin/clusters/c_zz", 400},
		{"/admin/clusters", 200},
	} {
		if st := proxytest.GetJSON(t, s.AdminURL+tc.path, "tok", nil); st != tc.status {
			t.Errorf("%s: %d, want %d", tc.path, st, tc.status)
		}
	}
	if st := proxytest.GetJSON(t, s.AdminURL+"/admin/clusters", "", nil); st != 401 {
		t.Errorf("clusters without the token: %d", st)
	}
	var cfg map[string]any
	if st := proxytest.GetJSON(t, s.AdminURL+"/admin/config", "tok", &cfg); st != 200 || cfg["admin"] == nil {
		t.Errorf("config: %d %v", st, cfg)
	}
}

// TestOperatorControls overrides the campaign's cluster and allow-lists one
// of its accounts through the API, checks that new traffic follows, that
// both are undone, and that each change became an operator event.
func TestOperatorControls(t *testing.T) {
	t.Parallel()
	f := feed(t, "tok")
	s := f.s
	id := f.camp.String()
	put := func(path, body string) (int, string) {
		req, _ := http.NewRequest(http.MethodPut, s.AdminURL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer tok")
		return doReq(t, req)
	}
	del := func(path string) int {
		req, _ := http.NewRequest(http.MethodDelete, s.AdminURL+path, nil)
		req.Header.Set("Authorization", "Bearer tok")
		st, _ := doReq(t, req)
		return st
	}
	if st, b := put("/admin/clusters/"+id+"/override", `{"action":"allow","ttl":"10m"}`); st != 200 || !strings.Contains(b, `"until": "`+s.Now().Add(10*time.Minute).Format(time.RFC3339Nano)) {
		t.Fatalf("override: %d %s", st, b)
	}
	// the campaign goes on: its requests are now allowed
	more := campaignRecords(f, 20)
	for i := range more {
		if st, err := s.Send(context.Background(), &more[i]); err != nil || st != 200 {
			t.Fatalf("campaign request under an allow override: %d %v", st, err)
		}
	}
	var d clusterDetail
	proxytest.GetJSON(t, s.AdminURL+"/admin/clusters/"+id, "tok", &d)
	if d.Action != "allow" || d.Override == nil || d.Override.Action != "allow" || !slicesContains(d.Reasons, "operator_override") {
		t.Fatalf("after override: action %s override %+v reasons %v", d.Action, d.Override, d.Reasons)
	}
	if del("/admin/clusters/"+id+"/override") != 200 {
		t.Fatal("clear override")
	}
	proxytest.GetJSON(t, s.AdminURL+"/admin/clusters/"+id, "tok", &d)
	if d.Override != nil {
		t.Fatalf("override still shown: %+v", d.Override)
	}
	// the override expires by itself
	put("/admin/clusters/"+id+"/override", `{"action":"block","ttl":"1m"}`)
	s.Advance(2 * time.Minute)
	proxytest.GetJSON(t, s.AdminURL+"/admin/clusters/"+id, "tok", &d)
	if d.Override != nil {
		t.Fatalf("override past its expiry: %+v", d.Override)
	}

	// allow-list one member
	m := d.Members[0].ID
	if st, _ := put("/admin/accounts/"+m+"/allow", ""); st != 200 {
		t.Fatal("allow-list")
	}
	proxytest.GetJSON(t, s.AdminURL+"/admin/clusters/"+id, "tok", &d)
	if d.Members[0].ID != m || !d.Members[0].AllowListed {
		t.Fatalf("member not shown allow-listed: %+v", d.Members[0])
	}
	if del("/admin/accounts/"+m+"/allow") != 200 {
		t.Fatal("allow-list remove")
	}
	events := strings.Join(s.Events(), "\n")
	want := regexp.MustCompile(`(?s)^override_set allow until \S+\noverride_clear\noverride_set block until \S+\nallow_list_add\nallow_list_remove$`)
	if !want.MatchString(events) {
		t.Fatalf("operator events:\n%s", events)
	}
}

// campaignRecords returns n campaign records of f moved to after the
// clock, for traffic that continues.
func campaignRecords(f *fed, n int) []sim.Record {
	var out []sim.Record
	base := f.s.Now()
	for i := len(f.recs) - 1; i >= 0 && len(out) < n; i-- {
		if f.labels[i].Campaign {
			r := f.recs[i]
			r.TS = base.Add(time.Duration(len(out)+1) * time.Second)
			r.RequestID += "-again"
			out = append(out, r)
		}
	}
	return out
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func doReq(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestPageServed checks that /ui/ serves the embedded page without the
// token, under a policy that keeps it on its own origin.
func TestPageServed(t *testing.T) {
	t.Parallel()
	s := proxytest.NewSluice(t, "tok")
	for _, p := range []string{"/ui/", "/ui/app.js", "/ui/style.css"} {
		res, err := http.Get(s.AdminURL + p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || len(b) == 0 {
			t.Fatalf("%s: %d", p, res.StatusCode)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "connect-src 'self'") {
			t.Fatalf("%s: CSP %q", p, csp)
		}
	}
	res, err := http.Get(s.AdminURL + "/ui")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Request.URL.Path != "/ui/" {
		t.Fatalf("/ui redirected to %s", res.Request.URL.Path)
	}
}

// TestNoExternalReferences checks that the page refers to nothing outside
// itself: no URL but the SVG namespace.
func TestNoExternalReferences(t *testing.T) {
	t.Parallel()
	s := proxytest.NewSluice(t, "")
	url := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)
	for _, p := range []string{"/ui/", "/ui/app.js", "/ui/style.css"} {
		res, err := http.Get(s.AdminURL + p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		for _, m := range url.FindAll(b, -1) {
			if string(m) != "http://www.w3.org" {
				t.Errorf("%s refers to %s", p, m)
			}
		}
	}
}

// TestReport writes the report of a fed sluice and checks it is one
// self-contained page holding the campaign's cluster with its detail.
func TestReport(t *testing.T) {
	t.Parallel()
	f := feed(t, "")
	var b bytes.Buffer
	err := admin.Report(&b, admin.ReportConfig{Engine: f.s.Engine, Now: f.s.Now(), Title: "replay of <week 17>",
		Totals: []admin.Total{{Name: "records", N: len(f.recs)}}})
	if err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"<title>replay of &lt;week 17&gt;</title>", `<script id="snapshot" type="application/json">`,
		"Content-Security-Policy", "<style>", f.camp.String()} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, bad := range []string{`src="`, `href="style.css"`, "<link"} {
		if strings.Contains(page, bad) {
			t.Errorf("report fetches something: %q", bad)
		}
	}
	i := strings.Index(page, `<script id="snapshot" type="application/json">`)
	j := strings.Index(page[i:], "</script>")
	var snap struct {
		Now      time.Time                  `json:"now"`
		Clusters []clusterRow               `json:"clusters"`
		Details  map[string]clusterDetail   `json:"details"`
		Accounts map[string]json.RawMessage `json:"accounts"`
	}
	if err := json.Unmarshal([]byte(page[i+len(`<script id="snapshot" type="application/json">`):i+j]), &snap); err != nil {
		t.Fatal(err)
	}
	d, ok := snap.Details[f.camp.String()]
	if !snap.Now.Equal(f.s.Now()) || len(snap.Clusters) == 0 || !ok || len(d.Members) == 0 || len(d.Links) == 0 || snap.Accounts[d.Members[0].ID] == nil {
		t.Fatalf("snapshot: now %v, %d clusters, campaign detail %v", snap.Now, len(snap.Clusters), ok)
	}
	if err := admin.Report(io.Discard, admin.ReportConfig{}); err == nil {
		t.Fatal("report without an engine")
	}
}
