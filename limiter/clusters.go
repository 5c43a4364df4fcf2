package limiter

import (
	"sort"
	"time"
)

// The cluster registry keeps, for every cluster of more than one account
// and for every account the engine acted on, what an operator needs to see:
// its members, the evidence that links them, its volume and actions over
// time. It is bounded (LRU) and updated off the decision's critical
// section: one short lock per decision of a linked account.

// seriesSlots is the number of one-minute slots of a cluster's time series.
const seriesSlots = 60

// maxMembers bounds the member list kept per cluster (the count is exact
// up to this bound and estimated beyond).
const maxMembers = 256

// maxEvidence bounds the evidence entries kept per cluster.
const maxEvidence = 16

// EvidenceKind names the kind of a piece of linking evidence.
type EvidenceKind uint8

// Evidence kinds, as shown to operators.
const (
	EvidenceTemplate     EvidenceKind = evTemplateLast
	EvidenceRequestShape EvidenceKind = evTemplateAll
	EvidenceSketch       EvidenceKind = evSketch0
	EvidenceClientNet    EvidenceKind = evClientNet
	EvidenceExactPrompt  EvidenceKind = evExact
	EvidenceSystemPrompt EvidenceKind = evSystem
	EvidenceCueSentence  EvidenceKind = evCue
)

func (k EvidenceKind) String() string {
	switch {
	case k == evTemplateLast:
		return "template"
	case k == evTemplateAll:
		return "request_shape"
	case k >= evSketch0 && k <= evSketch3:
		return "near_duplicate"
	case k == evClientNet:
		return "client_in_network"
	case k == evExact:
		return "exact_prompt"
	case k == evSystem:
		return "system_prompt"
	case k == evCue:
		return "instruction_sentence"
	}
	return "unknown"
}

// Evidence is one piece of evidence that links a cluster's accounts: an
// opaque id (a hash: never prompt text), its kind, its heat (0..1) and the
// estimated number of suspicious accounts behind it.
type Evidence struct {
	ID       uint64       `json:"-"`
	Kind     EvidenceKind `json:"-"`
	Heat     float64      `json:"heat"`
	Accounts float64      `json:"accounts"`
	LastSeen time.Time    `json:"last_seen"`
}

// Point is one minute of a cluster's time series.
type Point struct {
	Minute   time.Time `json:"minute"`
	Requests int       `json:"requests"`
	Tokens   int64     `json:"tokens"`
	// Actions counts requests by action (allow, degrade, throttle, block).
	Actions [4]int `json:"actions"`
}

// ClusterInfo is the summary of one cluster.
type ClusterInfo struct {
	ID        ClusterID
	Accounts  int
	Requests  int   // in the last hour (the series window)
	Tokens    int64 // in the last hour
	Score     float64
	Action    Action  // the most recent action
	Reasons   Reasons // reasons seen on its requests in the window
	FirstSeen time.Time
	LastSeen  time.Time
	Override  *Override
}

// Override is an operator's override of a cluster's action.
type Override struct {
	Action Action
	Until  time.Time
}

// ClusterDetail is one cluster in full.
type ClusterDetail struct {
	ClusterInfo
	Members  []AccountID
	Evidence []Evidence
	Series   []Point
	// Links are the edges of the evidence graph: which member sent
	// requests that carried which of the listed evidence.
	Links []Link
}

// Link says that member Account sent requests that carried the evidence
// with id Evidence (the most recent two pieces per member are kept).
type Link struct {
	Account  AccountID
	Evidence uint64
}

// AccountInfo is what the engine knows of one account.
type AccountInfo struct {
	ID          AccountID
	Cluster     ClusterID
	FirstSeen   time.Time
	LastSeen    time.Time
	Requests    float64 // decayed count
	HarvestMean float64 // mean harvest value of its requests
	Strong      float64 // decayed count of strongly harvest-shaped requests
	ClusterHeat float64
	// Wave: the account joined a wave of new accounts on a campaign's
	// evidence.
	Wave        bool
	AllowListed bool
}

// creg is the cluster registry entry. Guarded by the registry shard lock.
type creg struct {
	first, last int64
	members     []AccountID
	memberEv    [][2]uint64 // per member, the last two evidence ids it carried
	extra       int         // members beyond maxMembers (estimated)
	evidence    []Evidence
	series      [seriesSlots]Point
	score       float32
	action      Action
	reasons     Reasons
}

type registry struct {
	t *shards[*creg]
}

func newRegistry(capacity int) *registry {
	return &registry{t: newShards[*creg](capacity, 16, nil)}
}

// note records one decided request of a linked cluster.
func (r *registry) note(now time.Time, c ClusterID, a AccountID, d *Decision, tokens Tokens, ev Evidence) {
	sh := r.t.of(uint64(c))
	sh.mu.Lock()
	defer sh.mu.Unlock()
	e, ok := sh.lru.Get(uint64(c))
	ns := now.UnixNano()
	if !ok {
		e = &creg{first: ns}
		sh.lru.Add(uint64(c), e)
	}
	e.last = max(e.last, ns)
	mi := -1
	for i, m := range e.members {
		if m == a {
			mi = i
			break
		}
	}
	if mi < 0 {
		if len(e.members) < maxMembers {
			e.members = append(e.members, a)
			e.memberEv = append(e.memberEv, [2]uint64{})
			mi = len(e.members) - 1
		} else {
			e.extra++
		}
	}
	if mi >= 0 && ev.ID != 0 {
		if l := &e.memberEv[mi]; l[0] != ev.ID && l[1] != ev.ID {
			l[0], l[1] = ev.ID, l[0]
		}
	}
	if ev.ID != 0 {
		placed := false
		for i := range e.evidence {
			if e.evidence[i].ID == ev.ID {
				e.evidence[i] = ev
				placed = true
				break
			}
		}
		if !placed {
			if len(e.evidence) < maxEvidence {
				e.evidence = append(e.evidence, ev)
			} else {
				low := 0
				for i := range e.evidence {
					if e.evidence[i].Heat < e.evidence[low].Heat {
						low = i
					}
				}
				if ev.Heat > e.evidence[low].Heat {
					e.evidence[low] = ev
				}
			}
		}
	}
	m := now.Truncate(time.Minute)
	p := &e.series[(m.Unix()/60)%seriesSlots]
	if !p.Minute.Equal(m) {
		*p = Point{Minute: m}
	}
	p.Requests++
	p.Tokens += int64(tokens)
	if d.Action < 4 {
		p.Actions[d.Action]++
	}
	e.score = d.Score
	e.action = d.Action
	e.reasons |= d.Reasons
}

func (e *creg) info(id ClusterID, now time.Time) ClusterInfo {
	ci := ClusterInfo{ID: id, Accounts: len(e.members) + e.extra, Score: float64(e.score), Action: e.action,
		Reasons: e.reasons, FirstSeen: time.Unix(0, e.first).UTC(), LastSeen: time.Unix(0, e.last).UTC()}
	from := now.Add(-seriesSlots * time.Minute)
	for _, p := range e.series {
		if p.Minute.After(from) && !p.Minute.After(now) {
			ci.Requests += p.Requests
			ci.Tokens += p.Tokens
		}
	}
	return ci
}

// Clusters lists the clusters of more than one account known at now,
// sorted by score ("score") or by requests in the last hour ("volume"),
// at most limit of them.
func (e *Engine) Clusters(now time.Time, sortBy string, limit int) []ClusterInfo {
	var out []ClusterInfo
	var keys []uint64
	e.reg.t.each(func(k uint64, c *creg) {
		if len(c.members)+c.extra > 1 {
			out = append(out, c.info(ClusterID(k), now))
			keys = append(keys, k)
		}
	})
	// a cluster merged into another since is shown under the one it joined
	kept := out[:0]
	for i, ci := range out {
		if e.det.root(keys[i]) == keys[i] {
			kept = append(kept, ci)
		}
	}
	out = kept
	if sortBy == "volume" {
		sort.Slice(out, func(i, j int) bool {
			return out[i].Requests > out[j].Requests || (out[i].Requests == out[j].Requests && out[i].ID < out[j].ID)
		})
	} else {
		sort.Slice(out, func(i, j int) bool {
			return out[i].Score > out[j].Score || (out[i].Score == out[j].Score && out[i].Requests > out[j].Requests) ||
				(out[i].Score == out[j].Score && out[i].Requests == out[j].Requests && out[i].ID < out[j].ID)
		})
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	for i := range out {
		out[i].Override = e.override(out[i].ID, now)
	}
	return out
}

// Cluster returns one cluster in full.
func (e *Engine) Cluster(now time.Time, id ClusterID) (ClusterDetail, bool) {
	sh := e.reg.t.of(uint64(id))
	sh.mu.Lock()
	c, ok := sh.lru.Peek(uint64(id))
	var d ClusterDetail
	if ok {
		d.ClusterInfo = c.info(id, now)
		d.Members = append([]AccountID(nil), c.members...)
		d.Evidence = append([]Evidence(nil), c.evidence...)
		for i, l := range c.memberEv {
			for _, eid := range l {
				for _, ev := range c.evidence {
					if eid != 0 && ev.ID == eid {
						d.Links = append(d.Links, Link{Account: c.members[i], Evidence: eid})
						break
					}
				}
			}
		}
		for i := range seriesSlots {
			m := now.Truncate(time.Minute).Add(-time.Duration(seriesSlots-1-i) * time.Minute)
			p := c.series[(m.Unix()/60)%seriesSlots]
			if !p.Minute.Equal(m) {
				p = Point{Minute: m}
			}
			d.Series = append(d.Series, p)
		}
	}
	sh.mu.Unlock()
	if !ok {
		return d, false
	}
	sort.Slice(d.Evidence, func(i, j int) bool { return d.Evidence[i].Heat > d.Evidence[j].Heat })
	d.Override = e.override(id, now)
	return d, true
}

func (e *Engine) override(c ClusterID, now time.Time) *Override {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if o, ok := e.overrides[c]; ok && now.Before(o.until) {
		return &Override{Action: o.action, Until: o.until}
	}
	return nil
}

// Account returns what the engine knows of account a.
func (e *Engine) Account(now time.Time, a AccountID) (AccountInfo, bool) {
	sh := e.accounts.of(uint64(a))
	sh.mu.Lock()
	acc, ok := sh.lru.Peek(uint64(a))
	var ai AccountInfo
	if ok {
		st := &acc.st
		ai = AccountInfo{ID: a, Cluster: st.cluster, FirstSeen: time.Unix(0, st.first).UTC(), LastSeen: time.Unix(0, st.last).UTC(),
			Requests: float64(st.n), Strong: float64(st.strong), ClusterHeat: float64(st.heat), Wave: st.wave}
		if st.n > 0 {
			ai.HarvestMean = float64(st.susp / st.n)
		}
	}
	sh.mu.Unlock()
	if ai.Cluster == 0 {
		ai.Cluster = ClusterID(a)
	}
	ai.AllowListed = e.AllowListed(a)
	return ai, ok
}
