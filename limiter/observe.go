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
	cfg := &d.cfg
	m := &cfg.Model
	ns := now.UnixNano()
	r, extraction, why := m.harvestValue(p)

	var keys [numEvidence]uint64
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

	// a new account: first seen at least NewAccount after the detector
	// started, and younger than that (Detection.NewAccount)
	start := d.start.Load()
	if start == 0 {
		d.start.CompareAndSwap(0, ns)
		start = d.start.Load()
	}
	sh := e.accounts.of(uint64(s.Account))
	first := ns // an account not tracked yet is first seen now
	sh.mu.Lock()
	if a, ok := sh.lru.Peek(uint64(s.Account)); ok {
		first = a.st.first
	}
	sh.mu.Unlock()
	// (young: within youngFor NewAccount periods of that first sight)
	late := first-start >= int64(cfg.NewAccount)
	fresh := late && ns-first < int64(cfg.NewAccount)
	young := late && ns-first < int64(m.YoungFor*float64(cfg.NewAccount))

	var (
		bestWave          float64
		linkBest          float64
		hotBreadth        float64 // the widest hot evidence of the request
		linkKey           uint64
		bestRegular       bool
		best, bestBreadth float64
		bestKind          int
		bestKey           uint64
		clientHot, retry  bool
	)
	for i, k := range keys {
		if k == 0 {
			continue
		}
		kind := i + 1
		h, breadth, n := d.touch(ns, k, s.Account, r, fresh)
		if kind == evExact && n.throttledAt != 0 && n.throttled != s.Account && ns-n.throttledAt <= int64(cfg.RetryWindow) {
			retry = true
		}
		if kind == evClientNet {
			if h >= m.LinkHeat {
				clientHot = true
			}
			// a client print within a network prefix is weak evidence
			// (clients can be shared or spoofed): it corroborates a
			// suspicious request (shared_client) but neither drives the
			// score nor links accounts
			continue
		}
		if h >= m.LinkHeat && breadth > hotBreadth {
			hotBreadth = breadth
		}
		if h > best {
			best, bestBreadth, bestKind, bestKey = h, breadth, kind, k
			bestRegular = n.regular(m)
			bestWave = distinct(&n.naccts)
		}
		// an instruction sentence is common wording ("think step by
		// step"): it scores the request that carries it but links no one
		if kind != evCue && h > linkBest {
			linkBest, linkKey = h, k
		}
	}
	var root uint64
	link := linkBest >= m.LinkHeat && r >= m.Suspicious
	if link {
		root = d.root(linkKey)
	}

	// account history and cluster link
	sh.mu.Lock()
	a := e.accountLocked(sh, now, s.Account)
	st := &a.st
	dt := ns - st.last
	// one decay factor for all of the account's decayed counts (the same
	// values decay gives, one Exp2 instead of five)
	f := decayFactor(dt, cfg.HalfLife)
	st.strong *= f
	// strongly harvest-shaped: strong elicitation and a long answer or a
	// thinking budget asked for (an evaluation grader's short verdicts are not)
	long := pp.Knobs&(fingerprint.KnobThinking|fingerprint.KnobLongOutput) != 0
	strongReq := r >= m.StrongHV && long
	// a campaign's evidence: strongly harvest-shaped (heat campaignHeat),
	// and either shared by campaign-scale numbers of suspicious accounts or
	// brought mostly by new accounts
	campaign := best >= m.CampaignHeat && (hotBreadth >= m.CampaignBreadth*cfg.Breadth || bestWave >= cfg.Breadth && bestWave >= m.WaveShare*bestBreadth)
	waveReq := fresh && r >= m.WaveHV && long && campaign
	// the harvester's prior applies from the account's next request on (a
	// young account joining below reads as one of the wave at once)
	inWave := st.wave
	if waveReq {
		st.wave = true
	}
	if strongReq {
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
	if st.last != 0 {
		a.addGap(ns-st.last, m)
	}
	st.dN++
	st.dSusp += float32(r)
	strong := float64(st.strong)
	st.n = st.n*f + 1
	if probeShape && float64(st.probe) >= m.ProbeMin && float64(st.probe) >= m.ProbeShare*float64(st.n) {
		extraction = true
		why |= ReasonLogprobExtraction
	}
	st.susp = st.susp*f + float32(r)
	st.heat *= f
	if ns > st.last {
		st.last = ns
	}
	prev := st.cluster
	if link {
		if st.cluster == 0 || float64(st.heat) < linkBest {
			st.cluster = ClusterID(root)
		}
		st.heat = max(st.heat, float32(linkBest))
	}
	if float64(st.heat) < m.LinkHeat/2 {
		st.cluster = 0
	}
	mean := float64(st.susp / st.n)
	// a young account whose history is already mostly harvest-shaped
	// joins the wave from a strongly harvest-shaped request on a
	// campaign's evidence: an account of a rotating campaign sends only a
	// request or two in its first hour
	if young && strongReq && campaign && mean >= m.YoungMean && float64(st.n) >= m.YoungN {
		st.wave, inWave = true, true
	}
	pace := a.pace(m)
	timer := a.timer(m)
	gaps := float64(st.gaps)
	stN := st.n
	conf := min(1, float64(st.n)/cfg.Confidence)
	heat := float64(st.heat)
	cid := st.cluster
	sh.mu.Unlock()

	// g: how much the account itself looks like a harvester, from its
	// harvest values with a benign prior; it gates every evidence-driven
	// score, so that a benign account that happens to share hot evidence
	// (one question on a campaign's template, the same network or client)
	// is left alone.
	n := float64(stN)
	prior := m.PriorHV
	if inWave {
		prior = m.WavePriorHV
	}
	mEst := (mean*n + prior*m.PriorN) / (n + m.PriorN)
	g := min(1, max(0, (mEst-m.GateFrom)/m.GateSpan))
	if inWave {
		// an account of a wave is a harvester from a lower mean
		g = min(1, max(0, (mEst-m.WaveGateFrom)/m.WaveGateSpan))
	}
	// a harvest-shaped account linked to two hot pieces of evidence joins
	// their clusters (a benign account that shared one piece by chance
	// bridges nothing); an account's stored cluster may since have been
	// merged into another: report the root
	if link && prev != 0 && uint64(prev) != root && g >= m.BridgeGate {
		cid = ClusterID(d.union(uint64(prev), root))
	} else if cid != 0 {
		cid = ClusterID(d.root(uint64(cid)))
	}
	acctScore := 0.0
	if mean >= m.AccountMean && strong >= m.AccountStrongShare*float64(stN) {
		acctScore = conf * min(m.AccountCap, m.AccountBase+m.AccountSlope*(mean-m.AccountMean))
		if r < m.Suspicious {
			acctScore *= min(1, max(0, (mean-m.AccountBenignFrom)/m.AccountBenignSpan))
		}
	}
	// one account sending strongly harvest-shaped requests in volume: the
	// score follows each such request, not the account, so that the rest of
	// a mixed account's traffic (a reseller's customers) passes
	own := 0.0
	if strongReq && strong >= m.MinStrongShare*float64(stN) {
		own = r * m.OwnWeight * min(1, max(0, (strong-m.OwnFrom)/(cfg.Volume-m.OwnFrom)))
	}
	// a benign-looking request of an account that is not clearly a
	// harvester (a reseller's customer) needs more than the account's gate
	cross := best * g * (m.CrossBase + (1-m.CrossBase)*r)
	if r < m.Suspicious {
		cross *= g
	}
	reqScore := max(cross, own)
	// the cluster's heat follows a linked account to its other requests,
	// less so to the benign-looking ones (a reseller's customers) unless the
	// account is clearly a harvester (g near 1); an account of a wave of
	// new accounts carries it to all its requests alike
	clusterScore := m.ClusterWeight * heat * g * min(1, m.ClusterBase+r+m.ClusterGateBonus*max(0, (g-m.ClusterGateFrom)/(1-m.ClusterGateFrom)))
	if inWave {
		clusterScore = heat * g
	} else if r < m.Suspicious {
		clusterScore *= g
	}
	// a new account whose strongly harvest-shaped request carries
	// campaign-scale evidence, or evidence that most of its suspicious
	// accounts brought while new (a sign-up wave), is degraded before it
	// has a history
	wave := 0.0
	if waveReq {
		wave = min(lv.belowThrottle, m.WaveWeight*best*r)
		if wave >= m.ReasonFloor {
			why |= ReasonNewAccounts
		}
	}
	// A young account in a machine-paced crowd of new accounts on one
	// client print within one network prefix: the crowd's verdict governs
	// all its requests, whatever their wording, unless its own pacing is a
	// person's (someone who signed up on the same network). An older
	// account on the crowd's infrastructure paced as regularly is one of it
	// too: a campaign's first accounts look old to a detector that has
	// just started. The crowd is read on the network prefix, on the wider
	// network (a campaign spread over a datacenter's /24s) and on the
	// client print alone (one spread over proxy exits); that last crowd
	// takes in everyone on the client, so it governs only accounts that
	// have shown its pacing over twice the gaps (a person's few requests
	// can look regular).
	//
	// Accounts of any age that keep a fixed interval (a timer, which
	// demand does not make) on one client print within one network prefix,
	// sending few templates between them, are one script's accounts too:
	// the keys of a gateway or a team's scheduled jobs were there from the
	// start as well, but carry their users' demand or their own work.
	crowdScore := 0.0
	var crowdKey uint64
	crowdNet := false // the crowd is on a network (not the client print alone)
	if m.CrowdScore > 0 && keys[evClientNet-1] != 0 && (young || pace == paceRegular || timer) {
		c := &p.Client
		var wide uint64
		if c.Wide != 0 {
			wide = clientKey(c, c.Wide)
		}
		onNet := pace == paceRegular || young && pace != paceIrregular
		anywhere := pace == paceRegular && gaps >= 2*m.PaceGaps
		for i, k := range [3]uint64{keys[evClientNet-1], wide, clientKey(c, anyNetwork)} {
			if k == 0 {
				continue
			}
			want := crowdVerdict{paced: i < 2 && onNet || i == 2 && anywhere, timed: timer && i < 2}
			if crowdKey != 0 {
				want = crowdVerdict{} // (counted only: the verdict is in)
			}
			if v := d.crowdOf(ns, k, s.Account, pace, young, timer && i < 2, pp.TemplateLast, want); v.paced || v.timed {
				crowdScore, crowdKey, crowdNet = m.CrowdScore, k, i < 2
			}
		}
	}
	score := max(acctScore, reqScore, clusterScore)
	// the crowd's reading alone throttles at most, like the wave's
	crowdDriven := crowdScore > score
	if crowdDriven {
		score = crowdScore
		why |= ReasonRegularTiming | ReasonNewAccounts*b2r(young)
		if crowdNet {
			why |= ReasonSharedClient
		}
	}
	// the wave's reading of an account (its cluster's heat on every
	// request) throttles at most: a block needs the account's own evidence
	waveDriven := inWave && clusterScore > max(acctScore, reqScore)
	o := observation{exact: keys[evExact-1]}
	if best >= m.LinkHeat {
		o.evidence = Evidence{ID: bestKey, Kind: EvidenceKind(bestKind), Heat: best, Accounts: bestBreadth, LastSeen: now}
		if bestKind >= evSketch0 && bestKind <= evSketch3 {
			o.evidence.Kind = EvidenceSketch
		}
	}

	if score >= m.ReasonFloor {
		why |= ReasonClusterScore * b2r(clusterScore >= score && clusterScore > 0)
	}
	if max(score, wave) >= m.ReasonFloor && best >= m.LinkHeat {
		switch {
		case bestKind == evTemplateLast || bestKind == evTemplateAll || bestKind == evSystem || bestKind == evCue:
			why |= ReasonSharedTemplate
		case bestKind >= evSketch0 && bestKind <= evSketch3:
			why |= ReasonNearDuplicate
		}
	}
	// corroborating evidence adds to a suspicious request's score only
	if score >= m.ReasonFloor && r >= m.Suspicious {
		if bestBreadth >= m.WideBreadth*cfg.Breadth {
			score += m.WideBonus
		}
		if clientHot {
			score += m.SharedClientBonus
			why |= ReasonSharedClient
		}
		if bestRegular && best >= m.LinkHeat {
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
	score = max(score, wave)
	if retry && r >= m.Suspicious {
		score = max(score, lv.throttleAt) + m.RetryBonus
		why |= ReasonRetryOnOtherAccount
		waveDriven = false // its own evidence
	}
	if extraction {
		score = max(score, lv.mildest)
	}
	if conf < 1 || waveDriven || crowdDriven || ns-first < int64(cfg.NewAccount) {
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
	o.cluster = ClusterID(s.Account)
	if cid != 0 && (g >= m.BridgeGate || float64(o.score) >= m.ReasonFloor) {
		o.cluster = cid
	} else if crowdDriven {
		// the crowd is one operator: one cluster, metered as one
		o.cluster = ClusterID(crowdKey)
	}
	return o
}

func b2r(b bool) Reasons {
	if b {
		return 1
	}
	return 0
}
