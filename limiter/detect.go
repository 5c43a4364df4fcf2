package limiter

import (
	"math"
	"math/bits"
	"sync/atomic"
	"time"

	"github.com/sluicehq/sluice/fingerprint"
)

// Detection tunes the detector. Zero fields take the defaults of
// DefaultDetection; see doc.go for the model.
type Detection struct {
	// ThrottleRetry is the Retry-After given when the score (not a bucket)
	// throttles.
	ThrottleRetry time.Duration `yaml:"throttle_retry"`
	// HalfLife is the half-life of the decayed counts of evidence and
	// accounts: how fast old behaviour stops counting.
	HalfLife time.Duration `yaml:"half_life"`
	// LinkTTL forgets the accounts linked by a piece of evidence once it has
	// not been seen for this long: links decay.
	LinkTTL time.Duration `yaml:"link_ttl"`
	// Breadth is the number of distinct accounts at which shared evidence
	// counts fully; below it counts in proportion (from 2 accounts).
	Breadth float64 `yaml:"breadth"`
	// Volume is the number of strongly harvest-shaped requests (decayed) at
	// which one account's volume of them counts fully.
	Volume float64 `yaml:"volume"`
	// Confidence is the number of requests after which an account's own
	// history counts fully.
	Confidence float64 `yaml:"confidence"`
	// RetryWindow is how soon after a 429 the same body on another account
	// counts as evasion.
	RetryWindow time.Duration `yaml:"retry_window"`
	// NewAccount is the age below which an account is new. An account
	// first seen at least this long after the engine started is new until
	// it is this old; one seen in the first NewAccount may be an old one.
	NewAccount time.Duration `yaml:"new_account"`
	// Model is the score model's parameter table (model.go); the zero
	// Model is DefaultModel.
	Model Model `yaml:"-"`
}

// DefaultDetection returns the embedded detection defaults.
func DefaultDetection() Detection {
	return Detection{
		ThrottleRetry: 30 * time.Second,
		HalfLife:      6 * time.Hour,
		LinkTTL:       48 * time.Hour,
		Breadth:       12,
		Volume:        20,
		Confidence:    6,
		RetryWindow:   2 * time.Minute,
		NewAccount:    time.Hour,
		Model:         DefaultModel(),
	}
}

// fill sets the zero fields to their defaults (Config.validate has
// rejected the invalid ones).
func (d *Detection) fill() {
	def := DefaultDetection()
	if d.ThrottleRetry <= 0 {
		d.ThrottleRetry = def.ThrottleRetry
	}
	if d.HalfLife <= 0 {
		d.HalfLife = def.HalfLife
	}
	if d.LinkTTL <= 0 {
		d.LinkTTL = def.LinkTTL
	}
	if d.Breadth == 0 {
		d.Breadth = def.Breadth
	}
	if d.Volume == 0 {
		d.Volume = def.Volume
	}
	if d.Confidence <= 0 {
		d.Confidence = def.Confidence
	}
	if d.RetryWindow <= 0 {
		d.RetryWindow = def.RetryWindow
	}
	if d.NewAccount <= 0 {
		d.NewAccount = def.NewAccount
	}
	if d.Model == (Model{}) {
		d.Model = DefaultModel()
	}
}

// harvestValue is how much one request looks like harvesting, 0..1: the
// elicitation of its user turns (the system prompt counts little: it is the
// application's framing), full for a single-shot prompt without an
// application's system prompt and less inside a conversation, raised when it
// asks for a long answer or a thinking budget, the traces a student model
// learns from. The log-probability extraction shape is 1 on its own. It is a
// feature, never a verdict: it acts only through evidence shared across
// accounts or repeated in volume, and through the account's own history.
func (m *Model) harvestValue(p *fingerprint.Print) (hv float64, extraction bool, why Reasons) {
	pp := &p.Prompt
	e := 1 - (1-float64(pp.Elicit))*(1-m.SystemElicit*float64(pp.ElicitSystem))
	sig := func(s fingerprint.Signal) bool { return float64(pp.Signals[s]) >= m.SignalReason }
	if sig(fingerprint.SigRationalize) {
		why |= ReasonRationalize
	}
	if sig(fingerprint.SigThinking) {
		why |= ReasonThinkingChannel
	}
	if sig(fingerprint.SigRubric) {
		why |= ReasonRubric
	}
	if sig(fingerprint.SigSafeRewrite) {
		why |= ReasonSafeRewrite
	}
	if sig(fingerprint.SigAgentic) {
		why |= ReasonAgentic
	}
	if e >= m.ElicitReason {
		why |= ReasonElicitation
	}
	// A system prompt that itself demands the reasoning, over a single-shot
	// request without tools, makes the request as harvest-shaped as if the
	// user had asked: a campaign may put its elicitation there and send bare
	// problems. (An application's own tutor prompt stays one account's
	// framing: without breadth across accounts or a history of strong
	// requests it does not act.)
	if pp.Turns <= 1 && pp.Knobs&fingerprint.KnobTools == 0 && float64(pp.ElicitSystem) >= m.SystemDemandFrom {
		e = max(e, m.SystemDemand*float64(pp.ElicitSystem))
	}
	hv = e
	// inside a conversation, or framed by an application's own system
	// prompt (a one-line generic persona does not count), a request is less
	// likely a harvest. A conversation re-sends its earlier turns, whose
	// elicitation was judged when they were sent: one "step by step" must
	// not make a person's whole conversation a stream of harvest requests.
	// It counts TurnFactor after a last turn that asks for nothing of the
	// kind, TurnFactorAsking while the conversation keeps asking; without
	// an application's system prompt the last turn is also judged on its
	// own below
	app := float64(pp.SystemBytes) >= m.AppSystemBytes
	if pp.Turns > 1 {
		f := m.TurnFactor
		if float64(pp.ElicitLast) >= m.AskingFrom {
			f = m.TurnFactorAsking
		}
		hv *= f
	} else if app {
		hv *= m.AppFactor
	}
	// ... unless the last turn itself demands the reasoning: a follow-up
	// that asks for the steps behind the answer just given is the
	// rationalisation a harvest wants, whatever came before
	if pp.Turns > 1 && !app {
		hv = max(hv, float64(pp.ElicitLast))
	}

	k := pp.Knobs
	// Temperature 0 without a long answer or a thinking budget is the shape
	// of evaluation harnesses (public benchmarks with a chain-of-thought
	// instruction, LLM-as-judge grading, the same prompts across
	// organisations): it counts half. A harvest wants sampled, long
	// answers.
	if k&fingerprint.KnobTemp0 != 0 && k&(fingerprint.KnobThinking|fingerprint.KnobLongOutput) == 0 {
		hv *= m.Temp0Factor
	}
	if e >= m.LongFrom && k&(fingerprint.KnobThinking|fingerprint.KnobLongOutput) != 0 {
		hv += m.LongBonus
	}
	// The log-probability extraction shape: a large logit_bias with either a
	// one-token answer or log-probabilities. Evaluation jobs ask for
	// logprobs with max_tokens 1, but not with a bias over many token ids.
	if k&fingerprint.KnobLogitBiasBig != 0 && k&(fingerprint.KnobMaxTokens1|fingerprint.KnobLogprobs) != 0 {
		extraction = true
		why |= ReasonLogprobExtraction
		hv = 1
	}
	return min(hv, 1), extraction, why
}

// HarvestValue returns the harvest value the model gives a request's print
// (0..1, the per-request reading every score starts from; doc.go) and
// whether the print has the log-probability extraction shape: what a
// feature study or an operator's refit reads before the engine's
// cross-account readings.
func (m *Model) HarvestValue(p *fingerprint.Print) (float64, bool) {
	hv, ex, _ := m.harvestValue(p)
	return hv, ex
}

// evidence kinds; the kind is mixed into the node key.
const (
	evTemplateLast = iota + 1
	evTemplateAll
	evSketch0
	evSketch1
	evSketch2
	evSketch3
	evClientNet
	evExact
	evSystem
	evCue
	numEvidence = 10
)

// clientKey is the key of a client print within a network: net is a
// prefix hash (fingerprint.ClientPrint.Net or Wide, always odd), or
// anyNetwork for the client print alone.
func clientKey(c *fingerprint.ClientPrint, net uint64) uint64 {
	return evKey(evClientNet, c.HTTP^c.JA4*0x9E3779B97F4A7C15^net*0xc2b2ae3d27d4eb4f)
}

// anyNetwork stands for no network in clientKey; even, so it is no
// prefix hash.
const anyNetwork = 0x51ce

func evKey(kind int, h uint64) uint64 {
	k := (h ^ uint64(kind)*0xff51afd7ed558ccd) * 0xc4ceb9fe1a85ec53
	k ^= k >> 29
	if k == 0 {
		k = 1
	}
	return k
}

// node is one piece of evidence that may link accounts: a template, a
// sketch band, a client print within a network prefix, an exact prompt.
// Guarded by its shard's mutex. 88 bytes.
type node struct {
	first, last int64 // unix nanoseconds
	// distinct accounts that sent suspicious requests (linear counting
	// over 256 bits), and those of them that were new accounts then
	saccts, naccts [4]uint64
	reqs           float32   // decayed request count
	sreqs          float32   // decayed count of suspicious requests
	susp           float32   // decayed sum of the suspicious requests' harvest value
	parent         uint64    // union-find parent (0: root)
	lastAcct       AccountID // last account seen
	throttledAt    int64     // last time a request with this evidence was throttled
	throttled      AccountID // the account throttled then
	// deltas since the last store exchange
	dReqs, dSReqs, dSusp float32
	dirty                bool
	bumped               int64 // last move to the LRU front
	// gapMean and gapVar are moving estimates of the time between
	// consecutive requests on the node (seconds)
	gapMean, gapVar float32
}

// distinct estimates the number of distinct accounts (linear counting).
func distinct(accts *[4]uint64) float64 {
	set := bits.OnesCount64(accts[0]) + bits.OnesCount64(accts[1]) + bits.OnesCount64(accts[2]) + bits.OnesCount64(accts[3])
	return linearCount[set]
}

// linearCount is the linear-counting estimate for each number of bits set
// out of 256.
var linearCount = func() (t [257]float64) {
	for set := range t {
		zero := 256 - set
		if zero == 0 {
			t[set] = 256 * math.Log(256)
			continue
		}
		t[set] = -256 * math.Log(float64(zero)/256)
	}
	return t
}()

// decay returns v decayed over dt nanoseconds with the given half-life (no
// decay for dt <= 0 or an unset half-life).
func decay(v float32, dt int64, halfLife time.Duration) float32 {
	return v * decayFactor(dt, halfLife)
}

// decayFactor is what a count decays by over dt: 1 for dt <= 0.
func decayFactor(dt int64, halfLife time.Duration) float32 {
	if dt <= 0 || halfLife <= 0 {
		return 1
	}
	return float32(math.Exp2(-float64(dt) / float64(halfLife)))
}

// heat is the node's suspicion, 0..1: the mean harvest value of its
// suspicious requests, weighted by their share of all the node's requests
// and by how many distinct accounts sent them. The strength of the
// requests stays in the heat: breadth alone does not make moderately
// shaped evidence hot, since legitimate crowds (a course, an annotation
// team) are broad too. Evidence common in benign traffic (a popular
// tool's preamble, the official SDK's print, a public benchmark prompt)
// stays cold however widely it is shared, because few of its requests are
// suspicious.
func (n *node) heat(cfg *Detection) (h, breadth float64) {
	m := &cfg.Model
	breadth = distinct(&n.saccts)
	if float64(n.sreqs) < m.HeatMinRequests {
		return 0, breadth
	}
	mean := float64(n.susp / n.sreqs)
	share := min(1, float64(n.sreqs/n.reqs)/m.HeatShareFull)
	bf := min(1, max(0, (breadth-m.BreadthFrom)/(cfg.Breadth-m.BreadthFrom)))
	return mean * share * bf, breadth
}

// regular reports machine-regular arrivals on the node across its
// accounts: a load balancer spreading one operator's requests evenly, not
// the bursts of people. It needs a few dozen arrivals to say so.
func (n *node) regular(m *Model) bool {
	if float64(n.reqs) < m.RegularMin || n.gapMean <= 0 {
		return false
	}
	return n.gapVar < float32(m.RegularCV*m.RegularCV)*n.gapMean*n.gapMean
}

type accountStats struct {
	first, last int64
	n           float32 // decayed request count
	susp        float32 // decayed sum of request harvest values
	cluster     ClusterID
	heat        float32 // heat of the cluster when last linked
	// wave is set when the account, new, sent a strongly harvest-shaped
	// request on campaign-scale evidence: its history starts from a
	// harvester's prior rather than a benign one
	wave bool
	// gaps is the number of gaps between the account's requests read so
	// far (up to 255); with first, last and account.gapSq they give the
	// gaps' mean and spread (account.pace)
	gaps uint8
	// close is the number of pairs of consecutive gaps (gaps-1 of them)
	// within Model.TimerTolerance of each other, with account.lastGap
	// (account.timer)
	close uint8
	// strong is the decayed count of the account's strongly harvest-shaped
	// requests: volume from one account, the reseller's signature.
	strong float32
	// probe is the decayed count of the account's probe steps: one-token
	// answers with log-probabilities or a logit_bias whose bias differs
	// from the account's last one; lastBias is that last bias (folded hash)
	probe    float32
	lastBias uint32
	// deltas since the last store exchange
	dN, dSusp, dStrong float32
}

// Pacing of an account, from the gaps between its requests.
const (
	paceUnknown   = 0 // not read yet
	paceRegular   = 1 // machine-regular
	paceIrregular = 2 // a person's
	paceBetween   = 3 // read, and neither
)

// addGap reads one more gap of dt nanoseconds into the account's pacing,
// up to 255 gaps.
func (a *account) addGap(dt int64, m *Model) {
	if a.st.gaps == math.MaxUint8 || dt < 0 {
		return
	}
	g := float32(float64(dt) / 1e9)
	// (a timer's interval is a second or more: requests closer together
	// are a burst or a queue drained back to back, whose gaps are the
	// upstream's latency)
	if a.st.gaps > 0 && g >= timerMinGap && a.lastGap >= timerMinGap {
		tol := float32(1 + m.TimerTolerance)
		if g <= a.lastGap*tol && g*tol >= a.lastGap {
			a.st.close++
		}
	}
	a.lastGap = g
	a.st.gaps++
	a.gapSq += g * g
}

// timerMinGap is the shortest gap, in seconds, read into a timer.
const timerMinGap = 1

// timer says whether the account is timer-paced: Model.TimerShare of at
// least Model.TimerPairs pairs of its consecutive gaps within
// Model.TimerTolerance of each other. Unlike the spread of the gaps, it
// is not undone by the odd long pause.
func (a *account) timer(m *Model) bool {
	pairs := float64(a.st.gaps) - 1
	return pairs >= m.TimerPairs && float64(a.st.close) >= m.TimerShare*pairs
}

// pace reads the account's pacing once it has m.PaceGaps gaps: the
// coefficient of variation of its gaps against PaceRegularCV and
// PaceIrregularCV. Requests at one instant (a batch) read as a person's.
func (a *account) pace(m *Model) uint8 {
	st := &a.st
	n := float64(st.gaps)
	if n < m.PaceGaps || st.gaps == math.MaxUint8 {
		return paceUnknown
	}
	mean := float64(st.last-st.first) / 1e9 / n
	if mean <= 0 {
		return paceIrregular
	}
	cv2 := max(0, float64(a.gapSq)/n-mean*mean) / (mean * mean)
	switch {
	case cv2 < m.PaceRegularCV*m.PaceRegularCV:
		return paceRegular
	case cv2 >= m.PaceIrregularCV*m.PaceIrregularCV:
		return paceIrregular
	}
	return paceBetween
}

// crowd is the new accounts seen on one client print within one network
// prefix whose pacing was read, and those of them machine-regular, and the
// accounts of any age on it that are timer-paced with the last-turn
// templates of their requests (linear counting over 256 bits each).
// Guarded by its shard's mutex. 144 bytes.
type crowd struct {
	last, bumped      int64
	regular, read     [4]uint64
	timers, templates [4]uint64
}

// paced says whether the crowd is machine-paced: Model.CrowdMin of its
// accounts machine-regular, and Model.CrowdShare of those whose pacing was
// read.
func (c *crowd) paced(m *Model) bool {
	regular := distinct(&c.regular)
	return regular >= m.CrowdMin && regular >= m.CrowdShare*distinct(&c.read)
}

// timed says whether the crowd is one script's timers: Model.CrowdMin
// timer-paced accounts whose requests carry few last-turn templates, at
// most Model.TimerTemplates per account.
func (c *crowd) timed(m *Model) bool {
	timers := distinct(&c.timers)
	return timers >= m.CrowdMin && distinct(&c.templates) <= m.TimerTemplates*timers
}

// crowdVerdict is what a crowd says of a request's account.
type crowdVerdict struct {
	paced bool // machine-paced new accounts (crowd.paced)
	timed bool // one script's timers (crowd.timed)
}

// crowdOf counts a young account's request on the crowd of key, with the
// account's pacing, and a timer-paced account's request of any age with
// its last-turn template, and returns the crowd's verdicts. An account
// that is neither (count and timer false) is not counted: it only reads
// the crowd's verdicts.
//
// Only the verdicts asked for (want) are read: each costs two estimates.
func (d *detector) crowdOf(now int64, key uint64, acct AccountID, pace uint8, count, timer bool, template uint64, want crowdVerdict) crowdVerdict {
	m := &d.cfg.Model
	sh := d.crowds.of(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	c, ok := sh.lru.Peek(key)
	if !count && !timer {
		if !ok || now-c.last > int64(d.cfg.LinkTTL) {
			return crowdVerdict{}
		}
		return c.verdict(m, want)
	}
	if ok && now-c.bumped > int64(time.Second) {
		sh.lru.Get(key)
		c.bumped = now
	}
	if !ok || now-c.last > int64(d.cfg.LinkTTL) {
		if !ok {
			c = &crowd{}
			sh.lru.Add(key, c)
		} else {
			*c = crowd{}
		}
		c.bumped = now
	}
	if now > c.last {
		c.last = now
	}
	b := uint64(acct) * 0x9E3779B97F4A7C15 >> 56 // 0..255
	if count {
		if pace != paceUnknown {
			c.read[b>>6] |= 1 << (b & 63)
			if pace == paceRegular {
				c.regular[b>>6] |= 1 << (b & 63)
			}
		}
	}
	if timer {
		c.timers[b>>6] |= 1 << (b & 63)
		t := template * 0x9E3779B97F4A7C15 >> 56
		c.templates[t>>6] |= 1 << (t & 63)
	}
	return c.verdict(m, want)
}

// verdict reads the verdicts asked for.
func (c *crowd) verdict(m *Model, want crowdVerdict) crowdVerdict {
	return crowdVerdict{paced: want.paced && c.paced(m), timed: want.timed && c.timed(m)}
}

type observation struct {
	evidence Evidence // the hottest evidence of the request
	cluster  ClusterID
	score    float32
	reasons  Reasons
	exact    uint64 // exact-prompt node key, for marking a throttle
}

type detector struct {
	cfg   Detection
	nodes *shards[*node]
	// crowds: new accounts by client print within a network prefix
	crowds *shards[*crowd]
	// shared is set when a store is attached: changes are then tracked for
	// the exchange.
	shared bool
	// start is the first time the detector saw (unix ns): an account first
	// seen well after it is a new account, one seen at the start may be old
	start atomic.Int64
}

func newDetector(cfg Detection, capacity int) *detector {
	cfg.fill()
	return &detector{cfg: cfg, nodes: newShards[*node](max(4096, capacity/4), 64, nil), crowds: newShards[*crowd](max(1024, capacity/64), 16, nil)}
}

func (d *detector) len() int { return d.nodes.Len() }

// touch updates the node for key with one request and returns its heat,
// breadth and union-find parent.
func (d *detector) touch(now int64, key uint64, acct AccountID, r float64, fresh bool) (h, breadth float64, n node) {
	sh := d.nodes.of(key)
	sh.mu.Lock()
	// Peek, and move the node to the front of the LRU at most once a
	// second: a hot node stays recent without a list update per request.
	nd, ok := sh.lru.Peek(key)
	if ok && now-nd.bumped > int64(time.Second) {
		sh.lru.Get(key)
		nd.bumped = now
	}
	if !ok && r < d.cfg.Model.Suspicious {
		// Benign requests do not create evidence: a node exists once a
		// suspicious request carried it, and counts the benign ones from
		// then on. Benign traffic thus allocates nothing here and the table
		// holds what matters.
		sh.mu.Unlock()
		return 0, 0, node{}
	}
	if !ok || now-nd.last > int64(d.cfg.LinkTTL) {
		if !ok {
			nd = &node{bumped: now}
			sh.lru.Add(key, nd)
		} else {
			*nd = node{bumped: now}
		}
		nd.first = now
	}
	dt := now - nd.last
	f := float32(1)
	if dt > 0 {
		f = decay(1, dt, d.cfg.HalfLife)
	}
	if nd.last != 0 && dt >= 0 {
		g := float32(float64(dt) / 1e9)
		if nd.gapMean == 0 {
			nd.gapMean = g
		} else {
			diff := g - nd.gapMean
			nd.gapMean += diff / 16
			nd.gapVar += (diff*diff - nd.gapVar) / 16
		}
	}
	nd.reqs = nd.reqs*f + 1
	nd.sreqs *= f
	nd.susp *= f
	nd.dReqs++
	b := uint64(acct) * 0x9E3779B97F4A7C15 >> 56 // 0..255
	if r >= d.cfg.Model.Suspicious {
		if fresh {
			nd.naccts[b>>6] |= 1 << (b & 63)
		}
		nd.sreqs++
		nd.susp += float32(r)
		nd.saccts[b>>6] |= 1 << (b & 63)
		nd.dSReqs++
		nd.dSusp += float32(r)
	}
	if d.shared {
		sh.markDirty(key, &nd.dirty)
	}
	if now > nd.last {
		nd.last = now
	}
	nd.lastAcct = acct
	h, breadth = nd.heat(&d.cfg)
	n = *nd
	sh.mu.Unlock()
	return h, breadth, n
}

// root follows union-find parents (bounded), returning the root key.
func (d *detector) root(key uint64) uint64 {
	for range 8 {
		p, ok := d.parentOf(key)
		if !ok || p == 0 || p == key {
			return key
		}
		key = p
	}
	return key
}

// parentOf reads a node's union-find parent under its shard's lock.
func (d *detector) parentOf(key uint64) (uint64, bool) {
	sh := d.nodes.of(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	nd, ok := sh.lru.Peek(key)
	if !ok {
		return 0, false
	}
	return nd.parent, true
}

// union makes the root of a point to the root of b (the older one stays
// root, so cluster ids are stable).
func (d *detector) union(a, b uint64) uint64 {
	ra, rb := d.root(a), d.root(b)
	if ra == rb {
		return ra
	}
	// read first-seen under the shard locks
	fa, fb := d.first(ra), d.first(rb)
	if fa == math.MaxInt64 || fb == math.MaxInt64 {
		if fa != math.MaxInt64 {
			return ra
		}
		return rb
	}
	child, parent := ra, rb
	if fa < fb || (fa == fb && ra < rb) {
		child, parent = rb, ra
	}
	sh := d.nodes.of(child)
	sh.mu.Lock()
	if nd, ok := sh.lru.Peek(child); ok {
		nd.parent = parent
		if d.shared {
			sh.markDirty(child, &nd.dirty)
		}
	}
	sh.mu.Unlock()
	return parent
}

func (d *detector) first(key uint64) int64 {
	sh := d.nodes.of(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if nd, ok := sh.lru.Peek(key); ok {
		return nd.first
	}
	return math.MaxInt64
}

// markThrottled records that a request with this exact prompt was refused,
// so that the same body on another account soon after is seen.
func (d *detector) markThrottled(now int64, key uint64, acct AccountID) {
	sh := d.nodes.of(key)
	sh.mu.Lock()
	if nd, ok := sh.lru.Peek(key); ok {
		nd.throttledAt, nd.throttled = now, acct
		if d.shared {
			sh.markDirty(key, &nd.dirty)
		}
	}
	sh.mu.Unlock()
}
