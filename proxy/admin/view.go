package admin

import (
	"time"

	"github.com/sluicehq/sluice/limiter"
)

// The JSON views of the engine's state. The same values feed the API, the
// page and the report. They carry hashed ids and counts only: an account is
// the keyed hash of its credential and a piece of evidence the seeded hash
// of a template or prompt, so no raw key and no prompt text can leave
// through them.

// clusterView is one row of GET /admin/clusters.
type clusterView struct {
	ID        string    `json:"id"`
	Accounts  int       `json:"accounts"`
	Window    string    `json:"window"`
	Requests  int       `json:"requests"`
	Tokens    int64     `json:"tokens"`
	Score     float64   `json:"score"`
	Action    string    `json:"action"`
	Reasons   []string  `json:"reasons"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	// Override is the operator's override in force, if any.
	Override *overrideView `json:"override"`
	// Volume is the requests per minute over the window, oldest first.
	Volume []int `json:"volume"`
	// Evidence is the hottest evidence, at most three.
	Evidence []evidenceView `json:"evidence"`
}

type overrideView struct {
	Action string    `json:"action"`
	Until  time.Time `json:"until"`
}

type evidenceView struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	Heat     float64   `json:"heat"`
	Accounts float64   `json:"accounts"`
	LastSeen time.Time `json:"last_seen"`
}

type memberView struct {
	ID          string `json:"id"`
	AllowListed bool   `json:"allow_listed"`
}

type linkView struct {
	Account  string `json:"account"`
	Evidence string `json:"evidence"`
}

type pointView struct {
	Minute   time.Time      `json:"minute"`
	Requests int            `json:"requests"`
	Tokens   int64          `json:"tokens"`
	Actions  map[string]int `json:"actions"`
}

// clusterDetailView is GET /admin/clusters/{id}.
type clusterDetailView struct {
	clusterView
	// Members lists the member accounts (at most 256); Accounts counts them all.
	Members []memberView `json:"members"`
	// AllEvidence is every piece of evidence kept, hottest first.
	AllEvidence []evidenceView `json:"all_evidence"`
	// Links are the edges of the evidence graph: member to evidence.
	Links  []linkView  `json:"links"`
	Series []pointView `json:"series"`
}

// accountView is GET /admin/accounts/{id}.
type accountView struct {
	ID          string    `json:"id"`
	Known       bool      `json:"known"`
	Cluster     string    `json:"cluster"`
	FirstSeen   time.Time `json:"first_seen,omitzero"`
	LastSeen    time.Time `json:"last_seen,omitzero"`
	Requests    float64   `json:"requests_decayed"`
	HarvestMean float64   `json:"harvest_mean"`
	Strong      float64   `json:"strong_decayed"`
	ClusterHeat float64   `json:"cluster_heat"`
	Wave        bool      `json:"wave"`
	AllowListed bool      `json:"allow_listed"`
}

// evidenceID formats an evidence hash for display.
func evidenceID(v uint64) string { return "e_" + string(limiter.AppendHex(nil, v)) }

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }

func newClusterView(ci limiter.ClusterInfo) clusterView {
	v := clusterView{
		ID: ci.ID.String(), Accounts: ci.Accounts, Window: "1h", Requests: ci.Requests, Tokens: ci.Tokens,
		Score: round3(ci.Score), Action: ci.Action.String(), Reasons: ci.Reasons.Names(),
		FirstSeen: ci.FirstSeen, LastSeen: ci.LastSeen, Volume: []int{}, Evidence: []evidenceView{},
	}
	if ci.Override != nil {
		v.Override = &overrideView{Action: ci.Override.Action.String(), Until: ci.Override.Until.UTC()}
	}
	return v
}

func newEvidenceView(e limiter.Evidence) evidenceView {
	return evidenceView{ID: evidenceID(e.ID), Kind: e.Kind.String(), Heat: round3(e.Heat), Accounts: round3(e.Accounts), LastSeen: e.LastSeen.UTC()}
}

// withDetail fills the row's sparkline and evidence from the detail.
func (v *clusterView) withDetail(d *limiter.ClusterDetail) {
	for _, p := range d.Series {
		v.Volume = append(v.Volume, p.Requests)
	}
	for i, e := range d.Evidence {
		if i == 3 {
			break
		}
		v.Evidence = append(v.Evidence, newEvidenceView(e))
	}
}

func newClusterDetailView(d *limiter.ClusterDetail, allowListed func(limiter.AccountID) bool) clusterDetailView {
	v := clusterDetailView{clusterView: newClusterView(d.ClusterInfo),
		Members: []memberView{}, AllEvidence: []evidenceView{}, Links: []linkView{}, Series: []pointView{}}
	v.withDetail(d)
	for _, m := range d.Members {
		v.Members = append(v.Members, memberView{ID: m.String(), AllowListed: allowListed(m)})
	}
	for _, e := range d.Evidence {
		v.AllEvidence = append(v.AllEvidence, newEvidenceView(e))
	}
	for _, l := range d.Links {
		v.Links = append(v.Links, linkView{Account: l.Account.String(), Evidence: evidenceID(l.Evidence)})
	}
	for _, p := range d.Series {
		v.Series = append(v.Series, pointView{Minute: p.Minute.UTC(), Requests: p.Requests, Tokens: p.Tokens, Actions: map[string]int{
			"allow": p.Actions[limiter.ActionAllow], "degrade": p.Actions[limiter.ActionDegrade],
			"throttle": p.Actions[limiter.ActionThrottle], "block": p.Actions[limiter.ActionBlock],
		}})
	}
	return v
}

func newAccountView(ai limiter.AccountInfo, known bool) accountView {
	return accountView{
		ID: ai.ID.String(), Known: known, Cluster: ai.Cluster.String(), FirstSeen: ai.FirstSeen, LastSeen: ai.LastSeen,
		Requests: round3(ai.Requests), HarvestMean: round3(ai.HarvestMean), Strong: round3(ai.Strong),
		ClusterHeat: round3(ai.ClusterHeat), Wave: ai.Wave, AllowListed: ai.AllowListed,
	}
}

// clusters lists the clusters with their sparklines and hottest evidence.
func clusters(eng *limiter.Engine, now time.Time, sortBy string, limit int) []clusterView {
	cs := eng.Clusters(now, sortBy, limit)
	out := make([]clusterView, 0, len(cs))
	for _, ci := range cs {
		v := newClusterView(ci)
		if d, ok := eng.Cluster(now, ci.ID); ok {
			v.withDetail(&d)
		}
		out = append(out, v)
	}
	return out
}
