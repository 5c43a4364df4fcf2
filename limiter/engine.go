package limiter

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"github.com/sluicehq/sluice/fingerprint"
)

// Subject is who sent a request: the hashed account and the client address
// after the trusted-proxy rules.
type Subject struct {
	Account AccountID
	// Net is the client's network prefix hash (fingerprint.ClientPrint.Net).
	Net uint64
	// BatchPart marks the second and later parts of a batch (the first is
	// decided as a request of its own). A batch is one request to the
	// request buckets, so such a part is charged in tokens only; and the
	// account is charged even past its token bucket (it owes the tokens,
	// and its next requests wait for them), so that a batch is metered in
	// full instead of being cut at an arbitrary part. A suspected
	// cluster's token bucket still binds: a part that does not fit is
	// throttled.
	BatchPart bool
}

// Thresholds map a suspicion score to an action. A score at or above a
// threshold takes that action; the most severe one wins. A threshold of 0
// disables its action.
type Thresholds struct {
	Degrade  float64 `yaml:"degrade"`
	Throttle float64 `yaml:"throttle"`
	Block    float64 `yaml:"block"`
}

// Config configures an Engine. Zero fields take the documented defaults
// (see DefaultConfig).
type Config struct {
	// Account and Cluster are the per-account and per-cluster buckets.
	Account Limit `yaml:"account"`
	Cluster Limit `yaml:"cluster"`
	// Capacity bounds the number of tracked accounts (LRU); evidence and
	// cluster tables are bounded to the same order.
	Capacity int `yaml:"capacity"`
	// Thresholds map scores to actions.
	Thresholds Thresholds `yaml:"-"`
	// Degrade is the set of measures applied when the action is degrade.
	Degrade Measures `yaml:"-"`
	// Shadow logs every action but enforces none.
	Shadow bool `yaml:"-"`
	// Detection tunes the detector; zero fields take defaults.
	Detection Detection `yaml:"-"`
}

// DefaultConfig returns the embedded defaults: generous per-account limits
// that no interactive user or ordinary batch job reaches, cluster limits
// that apply to suspected clusters, and conservative thresholds.
func DefaultConfig() Config {
	return Config{
		Account:    Limit{Requests: 600, Tokens: 2_000_000},
		Cluster:    Limit{Requests: 60, Tokens: 200_000},
		Capacity:   1_000_000,
		Thresholds: Thresholds{Degrade: 0.5, Throttle: 0.7, Block: 0.9},
		Degrade:    MeasureClampTokens | MeasureDropLogprobs | MeasureForceN1 | MeasureStripReasoning,
		Detection:  DefaultDetection(),
	}
}

// ErrConfig is wrapped by every configuration error from New.
var ErrConfig = errors.New("limiter: bad config")

func (c *Config) validate() error {
	if c.Account.Requests < 0 || c.Account.Tokens < 0 {
		return fmt.Errorf("%w: limits.account: rates must be >= 0", ErrConfig)
	}
	if c.Cluster.Requests < 0 || c.Cluster.Tokens < 0 {
		return fmt.Errorf("%w: limits.cluster: rates must be >= 0", ErrConfig)
	}
	if c.Capacity < 0 {
		return fmt.Errorf("%w: store.capacity: must be >= 0", ErrConfig)
	}
	if d := c.Detection; d.Breadth != 0 && !(d.Breadth > 2) {
		return fmt.Errorf("%w: detection.breadth: must be > 2 accounts", ErrConfig)
	}
	if d := c.Detection; d.Volume != 0 && !(d.Volume > 3) {
		return fmt.Errorf("%w: detection.volume: must be > 3 requests", ErrConfig)
	}
	for name, v := range map[string]time.Duration{"throttle_retry": c.Detection.ThrottleRetry, "half_life": c.Detection.HalfLife,
		"link_ttl": c.Detection.LinkTTL, "retry_window": c.Detection.RetryWindow, "new_account": c.Detection.NewAccount} {
		if v < 0 {
			return fmt.Errorf("%w: detection.%s: must be a positive duration (0: the default)", ErrConfig, name)
		}
	}
	if c.Detection.Confidence < 0 || math.IsNaN(c.Detection.Confidence) {
		return fmt.Errorf("%w: detection.confidence: must be > 0 requests (0: the default)", ErrConfig)
	}
	if c.Detection.Model != (Model{}) {
		if err := c.Detection.Model.Validate(); err != nil {
			return err
		}
	}
	if err := c.Thresholds.Validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	return nil
}

// Validate checks the thresholds: each within 0..1 (0 disables its
// action), and the enabled ones rising with severity, degrade below
// throttle below block. Errors name the configuration key.
func (t Thresholds) Validate() error {
	lv := [...]struct {
		name string
		v    float64
	}{{"actions.degrade", t.Degrade}, {"actions.throttle", t.Throttle}, {"actions.block", t.Block}}
	for _, l := range lv {
		if l.v < 0 || l.v > 1 || math.IsNaN(l.v) {
			return fmt.Errorf("%s: threshold must be within 0..1 (0 disables)", l.name)
		}
	}
	for i, lo := range lv {
		for _, hi := range lv[i+1:] {
			if lo.v > 0 && hi.v > 0 && hi.v <= lo.v {
				return fmt.Errorf("%s: %v must be above %s (%v): thresholds rise with severity (0 disables one)", hi.name, hi.v, lo.name, lo.v)
			}
		}
	}
	return nil
}

// Engine decides what to do with each request: it keeps per-account state
// and buckets, links accounts into clusters, scores them and meters each
// account and each cluster. It is safe for concurrent use. All methods take
// the current time as an argument, so replay runs on record time and tests
// are exact.
type Engine struct {
	cfg      Config
	accounts *shards[*account]
	clusters *shards[*cluster]
	det      *detector
	reg      *registry

	failClosed bool
	storeDown  atomic.Bool
	// quietOK: the account limits allow quiet accounts without limiters
	// (see account); halfReq and halfTok are half a minute of the rates.
	quietOK          bool
	halfReq, halfTok float32
	// lv is the thresholds in force and the levels derived from them
	// (see actionLevels); SetThresholds swaps it
	lv atomic.Pointer[levels]

	mu        sync.RWMutex
	allow     map[AccountID]struct{}
	overrides map[ClusterID]override
}

type override struct {
	action Action
	until  time.Time
}

// account is the state of one account. Guarded by its shard's mutex.
//
// The account's x/time/rate limiters exist only while the account is busy
// enough to be throttled. A bucket whose burst is at least one minute of
// its rate cannot empty while the account uses at most half the rate in
// every fixed one-minute window (any 60-second span covers at most two
// windows, and the bucket refills a minute's worth in 60 seconds), so a
// quiet account is metered by a window counter and gets its limiters, with
// the window's use charged, the moment it goes past half; it loses them
// again once a window starts with its buckets full. Most tracked accounts
// are quiet, which keeps the state per account small.
type account struct {
	buckets         // nil while the account is quiet
	win     uint32  // the current window, in unix minutes
	winReq  float32 // requests in the window
	winTok  float32 // tokens in the window
	gapSq   float32 // sum of the squared gaps between requests, seconds² (pace)
	st      accountStats
	use     usage
	lastGap float32 // the last gap between requests, seconds (timer)
}

// cluster is the state of one cluster. Guarded by its shard's mutex.
type cluster struct {
	buckets
	use usage
}

// buckets are an owner's request and token buckets.
type buckets struct {
	req, tok *rate.Limiter
}

// bucketReasons name an owner's request and token buckets in a decision.
type bucketReasons struct{ req, tok Reasons }

var (
	accountBuckets = bucketReasons{ReasonAccountRequests, ReasonAccountTokens}
	clusterBuckets = bucketReasons{ReasonClusterRequests, ReasonClusterTokens}
)

// usage is what a replica took from its buckets since the last store
// exchange, and whether the owner is listed for it.
type usage struct {
	req, tok float32
	dirty    bool
}

// New returns an Engine for cfg.
func New(cfg Config) (*Engine, error) {
	def := DefaultConfig()
	if cfg.Capacity == 0 {
		cfg.Capacity = def.Capacity
	}
	if cfg.Detection == (Detection{}) {
		cfg.Detection = def.Detection
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	e := &Engine{
		cfg:       cfg,
		accounts:  newShards[*account](cfg.Capacity, 64, nil),
		clusters:  newShards[*cluster](max(1024, cfg.Capacity/4), 64, nil),
		allow:     map[AccountID]struct{}{},
		overrides: map[ClusterID]override{},
	}
	e.det = newDetector(cfg.Detection, cfg.Capacity)
	e.lv.Store(actionLevels(cfg.Thresholds))
	if l := cfg.Account; l.Requests > 0 && l.Tokens > 0 && float64(l.requestBurst()) >= float64(l.Requests) && float64(l.tokenBurst()) >= float64(l.Tokens) {
		e.quietOK = true
		e.halfReq, e.halfTok = float32(l.Requests)/2, float32(l.Tokens)/2
	}
	// a registry entry holds up to maxMembers ids and an hour of series
	// (about 6 KB): a few thousand of them cover every cluster worth an
	// operator's look
	e.reg = newRegistry(max(1024, cfg.Capacity/256))
	return e, nil
}

// Config returns the engine's effective configuration.
func (e *Engine) Config() Config {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.cfg
}

func newLimiters(now time.Time, l Limit) (req, tok *rate.Limiter) {
	rl, tl := rate.Inf, rate.Inf
	if l.Requests > 0 {
		rl = rate.Limit(float64(l.Requests) / 60)
	}
	if l.Tokens > 0 {
		tl = rate.Limit(float64(l.Tokens) / 60)
	}
	req = rate.NewLimiter(rl, l.requestBurst())
	tok = rate.NewLimiter(tl, l.tokenBurst())
	// start full at now (the zero 'last' would also give a full bucket, but
	// stating it keeps replay on record time exact)
	req.SetBurstAt(now, l.requestBurst())
	tok.SetBurstAt(now, l.tokenBurst())
	return req, tok
}

// take checks both buckets and, when both have room, takes reqs requests
// and est tokens, and counts them in use. It returns the reason (from why) and the wait when one is
// empty. Callers hold the owner's lock; the check-then-take is atomic under
// it.
func (b buckets) take(now time.Time, reqs int, est Tokens, why bucketReasons, use *usage) (Reasons, time.Duration) {
	req, tok := b.req, b.tok
	if reqs > 0 && req.Limit() != rate.Inf {
		need := float64(min(reqs, req.Burst())) // as for tokens: a full bucket lets it pass
		if have := req.TokensAt(now); have < need {
			return why.req, wait(need-have, req.Limit())
		}
	}
	n := int(est)
	if tok.Limit() != rate.Inf {
		if b := tok.Burst(); n > b {
			n = b // a request larger than the bucket may pass when it is full
		}
		if have := tok.TokensAt(now); have < float64(n) {
			return why.tok, wait(float64(n)-have, tok.Limit())
		}
	}
	if reqs > 0 {
		req.AllowN(now, min(reqs, req.Burst()))
		use.req += float32(reqs)
	}
	tok.AllowN(now, n)
	use.tok += float32(n)
	return 0, 0
}

func wait(deficit float64, l rate.Limit) time.Duration {
	if l <= 0 {
		return time.Minute
	}
	d := time.Duration(deficit / float64(l) * float64(time.Second))
	return max(d, time.Second)
}

// wake gives quiet account a its limiters, charged with its window's use
// so far (see account). The caller holds the account's shard lock.
func (e *Engine) wake(now time.Time, a *account) {
	a.req, a.tok = newLimiters(now, e.cfg.Account)
	a.req.AllowN(now, int(a.winReq))
	a.tok.AllowN(now, int(a.winTok))
}

// owe charges a later part of a batch to account a: est tokens and no
// request, past the bucket's room if need be. The caller holds the
// account's shard lock.
func (e *Engine) owe(now time.Time, a *account, est Tokens) {
	n := min(int(est), e.cfg.Account.tokenBurst())
	if a.req == nil { // quiet (see account)
		if a.winTok+float32(n) <= e.halfTok {
			a.winTok += float32(n)
			a.use.tok += float32(n)
			return
		}
		e.wake(now, a)
	}
	a.winTok += float32(n)
	if a.tok.Limit() != rate.Inf {
		a.tok.ReserveN(now, n) // may go below zero: the account owes it
	}
	a.use.tok += float32(n)
}

// takeAccount meters one request of account a (see account for the quiet
// window). The caller holds the account's shard lock.
func (e *Engine) takeAccount(now time.Time, a *account, est Tokens) (Reasons, time.Duration) {
	if !e.quietOK {
		if a.req == nil { // created while quiet accounts were allowed
			e.wake(now, a)
		}
		return a.take(now, 1, est, accountBuckets, &a.use)
	}
	m := uint32(now.Unix() / 60)
	if m != a.win {
		a.win, a.winReq, a.winTok = m, 0, 0
		if a.req != nil && a.req.TokensAt(now) >= float64(a.req.Burst()) && a.tok.TokensAt(now) >= float64(a.tok.Burst()) && !a.use.dirty {
			a.req, a.tok = nil, nil // quiet again
		}
	}
	n := float32(min(int(est), e.cfg.Account.tokenBurst()))
	if a.req == nil {
		if a.winReq+1 <= e.halfReq && a.winTok+n <= e.halfTok {
			a.winReq++
			a.winTok += n
			a.use.req++
			a.use.tok += n
			return 0, 0
		}
		e.wake(now, a) // busy
	}
	a.winReq++
	a.winTok += n
	return a.take(now, 1, est, accountBuckets, &a.use)
}

// settle charges (or refunds) the difference between the real token count
// and the reservation.
func settle(now time.Time, tok *rate.Limiter, diff Tokens) {
	if diff == 0 || tok.Limit() == rate.Inf {
		return
	}
	b := Tokens(tok.Burst())
	diff = min(max(diff, -b), b)
	tok.ReserveN(now, int(diff))
}

// Decide decides what to do with one request from s with print p and an
// estimated cost of est model tokens, at time now. Steady state (a known
// account) allocates nothing.
func (e *Engine) Decide(now time.Time, s Subject, p *fingerprint.Print, est Tokens) Decision {
	d := Decision{Account: s.Account, Cluster: ClusterID(s.Account), Reserved: est}

	e.mu.RLock()
	_, allowListed := e.allow[s.Account]
	e.mu.RUnlock()

	// observe: evidence, account history and cluster link give the score
	lv := e.lv.Load()
	obs := e.observe(now, s, p, lv)
	d.Cluster, d.Score, d.Reasons = obs.cluster, obs.score, obs.reasons

	// account buckets
	sh := e.accounts.of(uint64(s.Account))
	sh.mu.Lock()
	a := e.accountLocked(sh, now, s.Account)
	var (
		r Reasons
		w time.Duration
	)
	if s.BatchPart {
		e.owe(now, a, est)
	} else {
		r, w = e.takeAccount(now, a, est)
	}
	d.acct = r == 0
	if e.det.shared {
		sh.markDirty(uint64(s.Account), &a.use.dirty)
	}
	sh.mu.Unlock()

	if allowListed {
		d.Action, d.Reasons, d.Score = ActionAllow, ReasonAllowListed, 0
		return d
	}
	if e.failClosed && e.storeDown.Load() {
		d.Action, d.RetryAfter = ActionThrottle, time.Second
		d.Reasons |= ReasonStoreUnavailable
		d.Shadow = e.cfg.Shadow
		return d
	}
	if r != 0 {
		d.Action, d.RetryAfter = ActionThrottle, w
		d.Reasons |= r
	}

	// policy from the score
	act := policy(lv, float64(d.Score))

	// cluster buckets meter suspected clusters as one (a cluster of one is
	// metered by the account buckets)
	if d.Cluster != ClusterID(s.Account) && act != ActionAllow {
		cr, cw, k := e.meterCluster(now, lv, d.Cluster, float64(d.Score), s.BatchPart, est)
		if cr == 0 {
			d.ccost = k // charged
		} else {
			d.Reasons |= cr
			act = max(act, ActionThrottle)
			d.RetryAfter = max(d.RetryAfter, cw)
		}
	}
	if act > d.Action {
		d.Action = act
	}
	if d.Action == ActionThrottle && d.RetryAfter == 0 {
		d.RetryAfter = e.det.cfg.ThrottleRetry
	}

	// operator override of the cluster's action
	e.mu.RLock()
	o, has := e.overrides[d.Cluster]
	e.mu.RUnlock()
	if has && now.Before(o.until) {
		d.Action = o.action
		d.Reasons |= ReasonOverride
		if d.Action == ActionThrottle && d.RetryAfter == 0 {
			d.RetryAfter = e.det.cfg.ThrottleRetry
		}
	}
	if d.Action == ActionDegrade {
		d.Measures = e.cfg.Degrade
	}
	if d.Action >= ActionThrottle && obs.exact != 0 {
		e.det.markThrottled(now.UnixNano(), obs.exact, s.Account)
	}
	d.Shadow = e.cfg.Shadow && d.Action != ActionAllow
	if d.Action != ActionThrottle {
		d.RetryAfter = 0
	}
	// the operator's view: linked clusters, and accounts acted on for what
	// they sent (not a benign account over its own rate limit)
	if d.Cluster != ClusterID(s.Account) || (d.Action != ActionAllow && float64(d.Score) >= e.det.cfg.Model.ReasonFloor) {
		e.reg.note(now, d.Cluster, s.Account, &d, est, obs.evidence)
	}
	return d
}

// actionLevels derives from the configured thresholds the levels that
// some readings are meant as, so that changing a threshold changes them
// too (with the default thresholds 0.5, 0.7, 0.9 they are 0.55, 0.7, 0.65
// and 0.85):
//   - mildest: log-probability extraction is acted on at least at the
//     mildest enabled action (just above its threshold);
//   - throttleAt: the same body re-sent on another account right after a
//     429 is throttled at least (the block threshold when throttle is off);
//   - belowThrottle: a new account's wave reading degrades at most;
//   - noBlock: an account without an hour of history is never blocked.
//
// With every action off they stay where the defaults put them (nothing
// acts anyway).
func actionLevels(t Thresholds) *levels {
	l := &levels{t: t, mildest: 0.55, throttleAt: 0.7, belowThrottle: 0.65, noBlock: 0.85}
	for _, v := range []float64{t.Block, t.Throttle, t.Degrade} {
		if v > 0 {
			l.mildest = min(1, v+0.05)
		}
	}
	switch {
	case t.Throttle > 0:
		l.throttleAt = t.Throttle
	case t.Block > 0:
		l.throttleAt = t.Block
	}
	if t.Throttle > 0 {
		l.belowThrottle = max(0, t.Throttle-0.05)
	}
	if t.Block > 0 {
		// just below block (a block threshold at or under throttle's makes
		// the capped scores stop short of throttle too)
		l.noBlock = max(0, min(l.noBlock, t.Block-0.01))
		l.belowThrottle = min(l.belowThrottle, l.noBlock)
	}
	return l
}

// levels are the thresholds in force and the levels derived from them.
type levels struct {
	t Thresholds
	// noBlock is the highest score of an account that may not be
	// blocked yet: below the block threshold
	noBlock float64
	// the thresholds as levels for the readings that mean an action
	// rather than a degree of suspicion
	mildest, throttleAt, belowThrottle float64
}

// SetThresholds replaces the thresholds in force, for the next
// decisions: a configuration reload without a restart. They must be
// within 0..1 and rise with severity (0 disables one).
func (e *Engine) SetThresholds(t Thresholds) error {
	c := e.cfg
	c.Thresholds = t
	if err := c.validate(); err != nil {
		return err
	}
	e.mu.Lock()
	e.cfg.Thresholds = t
	e.mu.Unlock()
	e.lv.Store(actionLevels(t))
	return nil
}

// accountLocked returns the account's state, creating it; the caller holds
// the shard's lock.
func (e *Engine) accountLocked(sh *shard[*account], now time.Time, id AccountID) *account {
	a, ok := sh.lru.Get(uint64(id))
	if !ok {
		a = &account{}
		if !e.quietOK {
			a.req, a.tok = newLimiters(now, e.cfg.Account)
		}
		a.st.first = now.UnixNano()
		sh.lru.Add(uint64(id), a)
	}
	return a
}

// meterCluster charges one request of suspected cluster c, scored score,
// to the cluster's buckets at clusterCost, and returns the reason and wait
// when they are empty, and the cost.
func (e *Engine) meterCluster(now time.Time, lv *levels, c ClusterID, score float64, batchPart bool, est Tokens) (Reasons, time.Duration, uint8) {
	csh := e.clusters.of(uint64(c))
	csh.mu.Lock()
	defer csh.mu.Unlock()
	cl, ok := csh.lru.Get(uint64(c))
	if !ok {
		cl = &cluster{}
		cl.req, cl.tok = newLimiters(now, e.cfg.Cluster)
		csh.lru.Add(uint64(c), cl)
	}
	// the more confident the verdict, the faster the cluster spends its
	// budget: one operator's budget shrinks as confidence grows, and does
	// not grow with the accounts it adds
	k := e.clusterCost(lv, score)
	reqs := k
	if batchPart {
		reqs = 0 // a batch is one request
	}
	r, w := cl.take(now, reqs, est*Tokens(k), clusterBuckets, &cl.use)
	if e.det.shared {
		csh.markDirty(uint64(c), &cl.use.dirty)
	}
	return r, w, uint8(k)
}

// clusterCost is what one request of a suspected cluster costs its
// buckets, in requests (and times its tokens): 1 at the mildest acting
// threshold rising to 4 at the block threshold (1.0 when block is off),
// so that a confident cluster's budget is a quarter of a doubtful one's.
func (e *Engine) clusterCost(lv *levels, score float64) int {
	t := lv.t
	lo := lv.mildest - 0.05
	hi := 1.0
	if t.Block > lo {
		hi = t.Block
	}
	if hi <= lo {
		return 1
	}
	f := min(1, max(0, (score-lo)/(hi-lo)))
	return 1 + int((e.det.cfg.Model.ClusterCostMax-1)*f+0.5+1e-9)
}

func policy(lv *levels, score float64) Action {
	t := lv.t
	switch {
	case t.Block > 0 && score >= t.Block:
		return ActionBlock
	case t.Throttle > 0 && score >= t.Throttle:
		return ActionThrottle
	case t.Degrade > 0 && score >= t.Degrade:
		return ActionDegrade
	}
	return ActionAllow
}

// Settle reconciles the buckets of d's account (and cluster) with the real
// number of model tokens the request used, once the upstream reported it;
// Settle with 0 refunds what the decision charged (a refused batch's
// parts). Only the buckets the decision charged are adjusted.
func (e *Engine) Settle(now time.Time, d *Decision, used Tokens) {
	diff := used - d.Reserved
	if diff == 0 {
		return
	}
	sh := e.accounts.of(uint64(d.Account))
	sh.mu.Lock()
	if a, ok := sh.lru.Peek(uint64(d.Account)); ok && d.acct {
		if a.tok != nil {
			settle(now, a.tok, diff)
		} else {
			a.winTok += float32(diff)
		}
		a.use.tok += float32(diff)
		if e.det.shared {
			sh.markDirty(uint64(d.Account), &a.use.dirty)
		}
	}
	sh.mu.Unlock()
	if d.Cluster != ClusterID(d.Account) && d.ccost > 0 {
		cdiff := diff * Tokens(d.ccost) // as the request was charged
		csh := e.clusters.of(uint64(d.Cluster))
		csh.mu.Lock()
		if c, ok := csh.lru.Peek(uint64(d.Cluster)); ok {
			settle(now, c.tok, cdiff)
			c.use.tok += float32(cdiff)
			if e.det.shared {
				csh.markDirty(uint64(d.Cluster), &c.use.dirty)
			}
		}
		csh.mu.Unlock()
	}
	d.Reserved = used
}

// Charge takes est tokens from account a's token bucket outside a
// decision (a batch file run again, whose lines were judged at upload),
// when there is room, and reports the wait when there is not.
func (e *Engine) Charge(now time.Time, a AccountID, est Tokens) (time.Duration, bool) {
	sh := e.accounts.of(uint64(a))
	sh.mu.Lock()
	defer sh.mu.Unlock()
	acc := e.accountLocked(sh, now, a)
	if acc.req == nil {
		e.wake(now, acc)
	}
	r, w := acc.take(now, 0, est, accountBuckets, &acc.use)
	if e.det.shared {
		sh.markDirty(uint64(a), &acc.use.dirty)
	}
	return w, r == 0
}

// Quota is the room left in an account's buckets: what rate-limit headers
// report.
type Quota struct {
	Requests, RequestLimit Requests
	Tokens, TokenLimit     Tokens
	// RequestReset and TokenReset are the times until each bucket is full.
	RequestReset, TokenReset time.Duration
}

// Quota returns the room left in account a's buckets at now, without
// taking anything. ok is false for an unknown account or unlimited buckets.
func (e *Engine) Quota(now time.Time, a AccountID) (q Quota, ok bool) {
	sh := e.accounts.of(uint64(a))
	sh.mu.Lock()
	defer sh.mu.Unlock()
	acc, found := sh.lru.Peek(uint64(a))
	if !found || e.cfg.Account.Requests <= 0 || e.cfg.Account.Tokens <= 0 {
		return q, false
	}
	if acc.req == nil { // quiet: a full bucket less this window's use
		m := uint32(now.Unix() / 60)
		used, usedTok := float64(acc.winReq), float64(acc.winTok)
		if m != acc.win {
			used, usedTok = 0, 0
		}
		rb, tb := e.cfg.Account.requestBurst(), e.cfg.Account.tokenBurst()
		return Quota{
			Requests: Requests(float64(rb) - used), RequestLimit: Requests(rb),
			Tokens: Tokens(float64(tb) - usedTok), TokenLimit: Tokens(tb),
		}, true
	}
	room := func(l *rate.Limiter) (have float64, reset time.Duration) {
		have = max(l.TokensAt(now), 0)
		if deficit := float64(l.Burst()) - have; deficit > 0 {
			reset = time.Duration(deficit / float64(l.Limit()) * float64(time.Second))
		}
		return have, reset
	}
	r, rr := room(acc.req)
	t, tr := room(acc.tok)
	return Quota{
		Requests: Requests(r), RequestLimit: Requests(acc.req.Burst()), RequestReset: rr,
		Tokens: Tokens(t), TokenLimit: Tokens(acc.tok.Burst()), TokenReset: tr,
	}, true
}

// AllowList adds (on) or removes (!on) an account from the allow-list.
// Allow-listed accounts are always allowed.
func (e *Engine) AllowList(a AccountID, on bool) {
	e.mu.Lock()
	if on {
		e.allow[a] = struct{}{}
	} else {
		delete(e.allow, a)
	}
	e.mu.Unlock()
}

// AllowListed reports whether a is on the allow-list.
func (e *Engine) AllowListed(a AccountID) bool {
	e.mu.RLock()
	_, ok := e.allow[a]
	e.mu.RUnlock()
	return ok
}

// OverrideInfo is one operator override in force.
type OverrideInfo struct {
	Cluster ClusterID
	Action  Action
	Until   time.Time
}

// Overrides lists the overrides in force at now, by cluster id.
func (e *Engine) Overrides(now time.Time) []OverrideInfo {
	e.mu.RLock()
	out := make([]OverrideInfo, 0, len(e.overrides))
	for c, o := range e.overrides {
		if now.Before(o.until) {
			out = append(out, OverrideInfo{Cluster: c, Action: o.action, Until: o.until})
		}
	}
	e.mu.RUnlock()
	slices.SortFunc(out, func(a, b OverrideInfo) int { return cmp.Compare(a.Cluster, b.Cluster) })
	return out
}

// AllowListedAccounts lists the allow-listed accounts, in id order.
func (e *Engine) AllowListedAccounts() []AccountID {
	e.mu.RLock()
	out := make([]AccountID, 0, len(e.allow))
	for a := range e.allow {
		out = append(out, a)
	}
	e.mu.RUnlock()
	slices.Sort(out)
	return out
}

// Override sets the action of every request of cluster c until the given
// time; a zero until removes the override.
func (e *Engine) Override(c ClusterID, a Action, until time.Time) {
	e.mu.Lock()
	if until.IsZero() {
		delete(e.overrides, c)
	} else {
		e.overrides[c] = override{action: a, until: until}
	}
	e.mu.Unlock()
}

// Stats are the sizes of the engine's state tables.
type Stats struct {
	Accounts, Clusters, Evidence int
}

// Stats returns the current table sizes.
func (e *Engine) Stats() Stats {
	return Stats{Accounts: e.accounts.Len(), Clusters: e.clusters.Len(), Evidence: e.det.len()}
}
