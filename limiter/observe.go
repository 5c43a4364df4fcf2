package limiter

import (
	"time"

	"github.com/sluicehq/sluice/fingerprint"
)

// observe feeds one request into the evidence tables and the account's
// history, links the account into a cluster when it shares hot evidence,
// and returns the score with its reasons.
//
// With r the request's harvest value and g the account's gate (its mean
// harvest value against a benign prior — a harvester's prior for a new
// account that joined a campaign — 0 for an account that is not itself
// harvest-shaped), the score is the largest of:
//   - request: the heat of the hottest evidence the request carries times
//     g (and times g again for a benign-looking request, so that the rest of
//     a mixed account's traffic passes), scaled by r;
//   - own volume: for a strongly harvest-shaped request, the account's
//     decayed count of such requests when they are at least a tenth of its
//     traffic (a reseller's harvesting, not a gateway's users);
//   - cluster: the heat of the cluster the account was linked into, times
//     g, for its other requests;
//   - account: once it has a history and most of its requests are
//     strongly harvest-shaped, from its mean harvest value, 0.55 (degrade)
//     to 0.75 (block); its benign-looking requests only once that mean is
//     clearly a harvester's (a low-and-slow distiller);
//   - new accounts: a new account's harvest-shaped request (0.6 and up)
//     asking for a long answer or a thinking budget, on strongly
//     harvest-shaped evidence (heat campaignHeat) of campaign-scale breadth
//     or brought by a wave of new accounts, at most degraded;
//     the account then belongs to the wave (so does a young account whose
//     mostly harvest-shaped history reaches such evidence): its gate opens
//     from a lower mean and its cluster's heat follows all its requests,
//     throttling at most on that reading alone;
//   - the log-probability extraction shape, degraded at once.
//
// Campaign-scale breadth, a shared client print within a network prefix, a
// client that contradicts its TLS print, machine-regular arrivals and the
// same body re-sent on another account right after a 429 add to a request
// that is already suspicious; none of them raises a benign account's score
// on its own. An account is never blocked before it has a history spanning
// Detection.NewAccount, nor on the wave reading alone.
func (e *Engine) observe(now time.Time, s Subject, p *fingerprint.Print, lv *levels) observation {
	d := e.det
	x := reading{now: now, ns: now.UnixNano(), acct: s.Account, batchPart: s.BatchPart, p: p}
	x.r, x.extraction, x.why = d.cfg.Model.harvestValue(p)
	x.keys = evidenceKeys(s, p)
	x.age = e.age(x.ns, s.Account)
	d.readEvidence(&x)
	e.history(&x)
	d.readings(&x, lv)
	d.crowdReading(&x)
	return d.combine(&x, lv)
}

// reading is one request's way through observe's stages: what it is, and
// what each stage read of it.
type reading struct {
	now        time.Time
	ns         int64
	acct       AccountID
	batchPart  bool // a later part of a batch: not an arrival of its own
	p          *fingerprint.Print
	r          float64 // harvest value
	extraction bool    // the log-probability extraction shape, or behaviour
	why        Reasons
	keys       [numEvidence]uint64 // evidence nodes (evidenceKeys)
	age        accountAge
	ev         evidenceReading
	h          accountHistory
	rd         scoreReadings
	cr         crowdRead
}

// evidenceKeys are the request's evidence nodes: its templates, sketch
// bands, client print within its network prefix, exact prompt, system
// prompt and instruction sentence (0 where the print has none).
func evidenceKeys(s Subject, p *fingerprint.Print) (keys [numEvidence]uint64) {
	pp := &p.Prompt
	if pp.TemplateLast != 0 {
		keys[evTemplateLast-1] = evKey(evTemplateLast, pp.TemplateLast)
	}
	if pp.TemplateAll != 0 && pp.TemplateAll != pp.TemplateLast {
		keys[evTemplateAll-1] = evKey(evTemplateAll, pp.TemplateAll)
	}
	if pp.Sketch != 0 {
		for i := range 4 {
			keys[evSketch0-1+i] = evKey(evSketch0+i, pp.Sketch>>(16*i)&0xffff)
		}
	}
	if c := &p.Client; c.HTTP != 0 || c.JA4 != 0 {
		keys[evClientNet-1] = clientKey(c, s.Net)
	}
	if pp.Exact != 0 {
		keys[evExact-1] = evKey(evExact, pp.Exact)
	}
	if pp.System != 0 {
		keys[evSystem-1] = evKey(evSystem, pp.System)
	}
	if pp.Cue != 0 {
		keys[evCue-1] = evKey(evCue, pp.Cue)
	}
	return keys
}

// accountAge is how new the account is.
type accountAge struct {
	first int64 // first seen (unix ns)
	// late: first seen at least NewAccount after the detector started;
	// fresh: late and younger than NewAccount (a new account); young: late
	// and within Model.YoungFor NewAccount periods of its first sight
	late, fresh, young bool
}

// age reads how new account a is at ns (Detection.NewAccount).
func (e *Engine) age(ns int64, a AccountID) accountAge {
	d := e.det
	start := d.start.Load()
	if start == 0 {
		d.start.CompareAndSwap(0, ns)
		start = d.start.Load()
	}
	sh := e.accounts.of(uint64(a))
	first := ns // an account not tracked yet is first seen now
	sh.mu.Lock()
	if acct, ok := sh.lru.Peek(uint64(a)); ok {
		first = acct.st.first
	}
	sh.mu.Unlock()
	late := first-start >= int64(d.cfg.NewAccount)
	return accountAge{
		first: first,
		late:  late,
		fresh: late && ns-first < int64(d.cfg.NewAccount),
		young: late && ns-first < int64(d.cfg.Model.YoungFor*float64(d.cfg.NewAccount)),
	}
}

// evidenceReading is what the request's evidence nodes say.
type evidenceReading struct {
	best, bestBreadth float64 // the hottest evidence's heat and breadth
	bestKind          int
	bestKey           uint64
	bestRegular       bool    // its arrivals are machine-regular
	bestWave          float64 // its accounts that brought it while new
	linkBest          float64 // the hottest evidence that links accounts
	linkKey           uint64
	hotBreadth        float64 // the widest hot evidence of the request
	clientHot         bool    // the client print within the prefix is hot
	retry             bool    // the same body was throttled on another account just now
}

// readEvidence counts the request on each of its evidence nodes and reads
// them.
func (d *detector) readEvidence(x *reading) {
	m := &d.cfg.Model
	ns, keys, acct, r, fresh, ev := x.ns, &x.keys, x.acct, x.r, x.age.fresh, &x.ev
	for i, k := range keys {
		if k == 0 {
			continue
		}
		kind := i + 1
		h, breadth, n := d.touch(ns, k, acct, r, fresh)
		if kind == evExact && n.throttledAt != 0 && n.throttled != acct && ns-n.throttledAt <= int64(d.cfg.RetryWindow) {
			ev.retry = true
		}
		if kind == evClientNet {
			if h >= m.LinkHeat {
				ev.clientHot = true
			}
			// a client print within a network prefix is weak evidence
			// (clients can be shared or spoofed): it corroborates a
			// suspicious request (shared_client) but neither drives the
			// score nor links accounts
			continue
		}
		if h >= m.LinkHeat && breadth > ev.hotBreadth {
			ev.hotBreadth = breadth
		}
		if h > ev.best {
			ev.best, ev.bestBreadth, ev.bestKind, ev.bestKey = h, breadth, kind, k
			ev.bestRegular = n.regular(m)
			ev.bestWave = distinct(&n.naccts)
		}
		// an instruction sentence is common wording ("think step by
		// step"): it scores the request that carries it but links no one
		if kind != evCue && h > ev.linkBest {
			ev.linkBest, ev.linkKey = h, k
		}
	}
}

// accountHistory is the account's history once this request is in it.
type accountHistory struct {
	mean     float64 // mean harvest value (decayed)
	strong   float64 // strongly harvest-shaped requests (decayed)
	n        float64 // requests (decayed)
	conf     float64 // confidence in the history (Detection.Confidence)
	heat     float64 // heat of its cluster when last linked
	gaps     float64 // gaps read into its pacing
	cid      ClusterID
	prev     ClusterID // its cluster before this request
	root     uint64    // the root of the evidence this request links it to
	pace     uint8
	timer    bool // timer-paced (account.timer)
	link     bool // this request links it (hot evidence, suspicious request)
	inWave   bool // it belongs to a wave of new accounts
	strongQ  bool // this request is strongly harvest-shaped
	waveReq  bool // this request makes it one of a wave
	campaign bool // the request's hottest evidence is a campaign's
}

// history puts the request into the account's history (decayed counts,
// pacing, probing, wave membership, cluster link) and reads it.
func (e *Engine) history(x *reading) {
	d := e.det
	cfg := &d.cfg
	m := &cfg.Model
	now, ns, acct, r, ev, ag, h := x.now, x.ns, x.acct, x.r, &x.ev, x.age, &x.h
	pp := &x.p.Prompt
	h.link = ev.linkBest >= m.LinkHeat && r >= m.Suspicious
	if h.link {
		h.root = d.root(ev.linkKey)
	}
	sh := e.accounts.of(uint64(acct))
	sh.mu.Lock()
	defer sh.mu.Unlock()
	a := e.accountLocked(sh, now, acct)
	st := &a.st
	dt := ns - st.last
	// one decay factor for all of the account's decayed counts (the same
	// values decay gives, one Exp2 instead of five)
	f := decayFactor(dt, cfg.HalfLife)
	st.strong *= f
	// strongly harvest-shaped: strong elicitation and a long answer or a
	// thinking budget asked for (an evaluation grader's short verdicts are not)
	long := pp.Knobs&(fingerprint.KnobThinking|fingerprint.KnobLongOutput) != 0
	h.strongQ = r >= m.StrongHV && long
	// a campaign's evidence: strongly harvest-shaped (heat campaignHeat),
	// and either shared by campaign-scale numbers of suspicious accounts or
	// brought mostly by new accounts
	h.campaign = ev.best >= m.CampaignHeat && (ev.hotBreadth >= m.CampaignBreadth*cfg.Breadth || ev.bestWave >= cfg.Breadth && ev.bestWave >= m.WaveShare*ev.bestBreadth)
	h.waveReq = ag.fresh && r >= m.WaveHV && long && h.campaign
	// the harvester's prior applies from the account's next request on (a
	// young account joining below reads as one of the wave at once)
	h.inWave = st.wave
	if h.waveReq {
		st.wave = true
	}
	if h.strongQ {
		st.strong++
		st.dStrong++
	}
	// log-probability extraction as behaviour: one-token answers with
	// log-probabilities or a bias, the bias changing from request to
	// request (a walk over the vocabulary, whatever the size of one
	// bias); a classifier keeps one label set
	probeShape := pp.Knobs&fingerprint.KnobMaxTokens1 != 0 && pp.Knobs&(fingerprint.KnobLogprobs|fingerprint.KnobLogitBias) != 0
	st.probe *= f
	if probeShape && pp.Bias != 0 && st.lastBias != 0 && pp.Bias != st.lastBias {
		st.probe++
	}
	if pp.Bias != 0 {
		st.lastBias = pp.Bias
	}
	if st.last != 0 && !x.batchPart {
		a.addGap(ns-st.last, m)
	}
	st.dN++
	st.dSusp += float32(r)
	h.strong = float64(st.strong)
	st.n = st.n*f + 1
	if probeShape && float64(st.probe) >= m.ProbeMin && float64(st.probe) >= m.ProbeShare*float64(st.n) {
		x.extraction = true
		x.why |= ReasonLogprobExtraction
	}
	st.susp = st.susp*f + float32(r)
	st.heat *= f
	if ns > st.last {
		st.last = ns
	}
	h.prev = st.cluster
	if h.link {
		if st.cluster == 0 || float64(st.heat) < ev.linkBest {
			st.cluster = ClusterID(h.root)
		}
		st.heat = max(st.heat, float32(ev.linkBest))
	}
	if float64(st.heat) < m.LinkHeat/2 {
		st.cluster = 0
	}
	h.mean = float64(st.susp / st.n)
	// a young account whose history is already mostly harvest-shaped
	// joins the wave from a strongly harvest-shaped request on a
	// campaign's evidence: an account of a rotating campaign sends only a
	// request or two in its first hour
	if ag.young && h.strongQ && h.campaign && h.mean >= m.YoungMean && float64(st.n) >= m.YoungN {
		st.wave, h.inWave = true, true
	}
	h.pace = a.pace(m)
	h.timer = a.timer(m)
	h.gaps = float64(st.gaps)
	h.n = float64(st.n)
	h.conf = min(1, float64(st.n)/cfg.Confidence)
	h.heat = float64(st.heat)
	h.cid = st.cluster
}

// scoreReadings are the score's readings of one request (see observe).
type scoreReadings struct {
	g       float64 // the account's gate
	account float64 // its history's own reading
	request float64 // the request's: evidence (cross) or own volume
	cluster float64 // its cluster's heat
	wave    float64 // a new account's request on a campaign's evidence
	cid     ClusterID
}

// readings computes the gate and the readings of the score from the
// request's evidence and the account's history, and joins the clusters
// that a harvest-shaped account bridges.
func (d *detector) readings(x *reading, lv *levels) {
	cfg := &d.cfg
	m := &cfg.Model
	r, ev, h, rd := x.r, &x.ev, &x.h, &x.rd
	// g: how much the account itself looks like a harvester, from its
	// harvest values with a benign prior; it gates every evidence-driven
	// score, so that a benign account that happens to share hot evidence
	// (one question on a campaign's template, the same network or client)
	// is left alone.
	prior := m.PriorHV
	if h.inWave {
		prior = m.WavePriorHV
	}
	mEst := (h.mean*h.n + prior*m.PriorN) / (h.n + m.PriorN)
	g := min(1, max(0, (mEst-m.GateFrom)/m.GateSpan))
	if h.inWave {
		// an account of a wave is a harvester from a lower mean
		g = min(1, max(0, (mEst-m.WaveGateFrom)/m.WaveGateSpan))
	}
	rd.g = g
	// a harvest-shaped account linked to two hot pieces of evidence joins
	// their clusters (a benign account that shared one piece by chance
	// bridges nothing); an account's stored cluster may since have been
	// merged into another: report the root
	rd.cid = h.cid
	if h.link && h.prev != 0 && uint64(h.prev) != h.root && g >= m.BridgeGate {
		rd.cid = ClusterID(d.union(uint64(h.prev), h.root))
	} else if rd.cid != 0 {
		rd.cid = ClusterID(d.root(uint64(rd.cid)))
	}
	if h.mean >= m.AccountMean && h.strong >= m.AccountStrongShare*h.n {
		rd.account = h.conf * min(m.AccountCap, m.AccountBase+m.AccountSlope*(h.mean-m.AccountMean))
		if r < m.Suspicious {
			rd.account *= min(1, max(0, (h.mean-m.AccountBenignFrom)/m.AccountBenignSpan))
		}
	}
	// one account sending strongly harvest-shaped requests in volume: the
	// score follows each such request, not the account, so that the rest of
	// a mixed account's traffic (a reseller's customers) passes
	own := 0.0
	if h.strongQ && h.strong >= m.MinStrongShare*h.n {
		own = r * m.OwnWeight * min(1, max(0, (h.strong-m.OwnFrom)/(cfg.Volume-m.OwnFrom)))
	}
	// a benign-looking request of an account that is not clearly a
	// harvester (a reseller's customer) needs more than the account's gate
	cross := ev.best * g * (m.CrossBase + (1-m.CrossBase)*r)
	if r < m.Suspicious {
		cross *= g
	}
	rd.request = max(cross, own)
	// the cluster's heat follows a linked account to its other requests,
	// less so to the benign-looking ones (a reseller's customers) unless the
	// account is clearly a harvester (g near 1); an account of a wave of
	// new accounts carries it to all its requests alike
	rd.cluster = m.ClusterWeight * h.heat * g * min(1, m.ClusterBase+r+m.ClusterGateBonus*max(0, (g-m.ClusterGateFrom)/(1-m.ClusterGateFrom)))
	if h.inWave {
		rd.cluster = h.heat * g
	} else if r < m.Suspicious {
		rd.cluster *= g
	}
	// a new account whose strongly harvest-shaped request carries
	// campaign-scale evidence, or evidence that most of its suspicious
	// accounts brought while new (a sign-up wave), is degraded before it
	// has a history
	if h.waveReq {
		rd.wave = min(lv.belowThrottle, m.WaveWeight*ev.best*r)
		if rd.wave >= m.ReasonFloor {
			x.why |= ReasonNewAccounts
		}
	}
}

// crowdRead is the crowd reading of a request: the crowd that governs it,
// if any.
type crowdRead struct {
	score float64
	key   uint64
	net   bool // the crowd is on a network (not the client print alone)
}

// crowdReading reads the crowds of the request's client print.
//
// A young account in a machine-paced crowd of new accounts on one client
// print within one network prefix: the crowd's verdict governs all its
// requests, whatever their wording, unless its own pacing is a person's
// (someone who signed up on the same network). An older account on the
// crowd's infrastructure paced as regularly is one of it too: a
// campaign's first accounts look old to a detector that has just started.
// The crowd is read on the network prefix, on the wider network (a
// campaign spread over a datacenter's /24s) and on the client print alone
// (one spread over proxy exits); that last crowd takes in everyone on the
// client, so it governs only accounts that have shown its pacing over
// twice the gaps (a person's few requests can look regular).
//
// Accounts of any age that keep a fixed interval (a timer, which demand
// does not make) on one client print within one network prefix, sending
// few templates between them, are one script's accounts too: the keys of
// a gateway or a team's scheduled jobs were there from the start as well,
// but carry their users' demand or their own work.
func (d *detector) crowdReading(x *reading) {
	m := &d.cfg.Model
	ns, acct, p, keys, h, cr := x.ns, x.acct, x.p, &x.keys, &x.h, &x.cr
	young, pace, timer := x.age.young, h.pace, h.timer
	if m.CrowdScore <= 0 || keys[evClientNet-1] == 0 || !(young || pace == paceRegular || timer) {
		return
	}
	c := &p.Client
	var wide uint64
	if c.Wide != 0 {
		wide = clientKey(c, c.Wide)
	}
	onNet := pace == paceRegular || young && pace != paceIrregular
	anywhere := pace == paceRegular && h.gaps >= 2*m.PaceGaps
	for i, k := range [3]uint64{keys[evClientNet-1], wide, clientKey(c, anyNetwork)} {
		if k == 0 {
			continue
		}
		want := crowdVerdict{paced: i < 2 && onNet || i == 2 && anywhere, timed: timer && i < 2}
		if cr.key != 0 {
			want = crowdVerdict{} // (counted only: the verdict is in)
		}
		if v := d.crowdOf(ns, k, acct, pace, young, timer && i < 2, p.Prompt.TemplateLast, want); v.paced || v.timed {
			cr.score, cr.key, cr.net = m.CrowdScore, k, i < 2
		}
	}
}

// combine makes the observation: the largest reading, the corroboration
// of a suspicious request, the caps (no block without a history, nor on
// the wave's or a crowd's reading alone), the reasons and the cluster.
func (d *detector) combine(x *reading, lv *levels) observation {
	cfg := &d.cfg
	m := &cfg.Model
	now, ns, p, r, why, ag, ev, h, rd, cr := x.now, x.ns, x.p, x.r, x.why, x.age, &x.ev, &x.h, &x.rd, &x.cr
	score := max(rd.account, rd.request, rd.cluster)
	// the crowd's reading alone throttles at most, like the wave's
	crowdDriven := cr.score > score
	if crowdDriven {
		score = cr.score
		why |= ReasonRegularTiming | ReasonNewAccounts*b2r(ag.young)
		if cr.net {
			why |= ReasonSharedClient
		}
	}
	// the wave's reading of an account (its cluster's heat on every
	// request) throttles at most: a block needs the account's own evidence
	waveDriven := h.inWave && rd.cluster > max(rd.account, rd.request)
	o := observation{exact: x.keys[evExact-1]}
	if ev.best >= m.LinkHeat {
		o.evidence = Evidence{ID: ev.bestKey, Kind: EvidenceKind(ev.bestKind), Heat: ev.best, Accounts: ev.bestBreadth, LastSeen: now}
		if ev.bestKind >= evSketch0 && ev.bestKind <= evSketch3 {
			o.evidence.Kind = EvidenceSketch
		}
	}

	if score >= m.ReasonFloor {
		why |= ReasonClusterScore * b2r(rd.cluster >= score && rd.cluster > 0)
	}
	if max(score, rd.wave) >= m.ReasonFloor && ev.best >= m.LinkHeat {
		switch {
		case ev.bestKind == evTemplateLast || ev.bestKind == evTemplateAll || ev.bestKind == evSystem || ev.bestKind == evCue:
			why |= ReasonSharedTemplate
		case ev.bestKind >= evSketch0 && ev.bestKind <= evSketch3:
			why |= ReasonNearDuplicate
		}
	}
	// corroborating evidence adds to a suspicious request's score only
	if score >= m.ReasonFloor && r >= m.Suspicious {
		if ev.bestBreadth >= m.WideBreadth*cfg.Breadth {
			score += m.WideBonus
		}
		if ev.clientHot {
			score += m.SharedClientBonus
			why |= ReasonSharedClient
		}
		if ev.bestRegular && ev.best >= m.LinkHeat {
			score += m.SynchronizedBonus
			why |= ReasonSynchronized
		}
		if p.Client.Inconsistent {
			score += m.InconsistentBonus
			why |= ReasonInconsistentClient
		}
		// a hosting range (when the operator supplies an ASN database):
		// people rarely call a model API from a datacenter's addresses,
		// harvest pipelines do, and moving them costs money
		if p.Client.Hosting {
			score += m.HostingBonus
			why |= ReasonHostingNetwork
		}
	}
	// (corroboration does not raise the new-account score past degrade)
	score = max(score, rd.wave)
	if ev.retry && r >= m.Suspicious {
		score = max(score, lv.throttleAt) + m.RetryBonus
		why |= ReasonRetryOnOtherAccount
		waveDriven = false // its own evidence
	}
	if x.extraction {
		score = max(score, lv.mildest)
	}
	if h.conf < 1 || waveDriven || crowdDriven || ns-ag.first < int64(cfg.NewAccount) {
		// no block before the account has a history, and one that spans
		// an hour: a new user's first session of reasoning questions is
		// not a harvest (the cap stays below the operator's block
		// threshold, whatever it is)
		score = min(score, lv.noBlock)
	}
	o.score = float32(min(score, 1))
	if float64(o.score) < m.ReasonFloor {
		why &= ReasonLogprobExtraction | ReasonRationalize | ReasonThinkingChannel | ReasonRubric | ReasonSafeRewrite | ReasonElicitation | ReasonAgentic
	}
	o.reasons = why
	// an account is reported in its cluster once it is itself
	// harvest-shaped or suspected: a person whose one question shared a
	// campaign's template is not one of the campaign operator's accounts
	o.cluster = ClusterID(x.acct)
	if rd.cid != 0 && (rd.g >= m.BridgeGate || float64(o.score) >= m.ReasonFloor) {
		o.cluster = rd.cid
	} else if crowdDriven {
		// the crowd is one operator: one cluster, metered as one
		o.cluster = ClusterID(cr.key)
	}
	return o
}

func b2r(b bool) Reasons {
	if b {
		return 1
	}
	return 0
}
