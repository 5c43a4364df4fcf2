// Package limiter is sluice's engine: it keeps per-account state, links
// accounts that act as one operator into clusters, scores every request,
// meters accounts and clusters with token buckets counted in requests and
// model tokens, and maps score and bucket state to an action.
//
// # Deciding
//
// Engine.Decide(now, subject, print, estimate) returns a Decision (action,
// score 0..1, reasons, cluster, Retry-After, degrade measures) by value and
// allocates nothing on warm state. The clock is an argument: `sluice replay`
// decides on each record's timestamp and `sluice serve` on the wall clock,
// through the same code. Engine.Settle reconciles the buckets with the
// usage the upstream reported.
//
// # The score
//
// Each request gets a harvest value from its print: the elicitation of its
// user turns (answer-conditioned rationalisation and thinking-channel
// instructions strong, plain step-by-step weak), full for a single-shot
// prompt and less inside a conversation or under an application's own
// system prompt, raised when it asks for a long answer or a thinking budget;
// the log-probability extraction shape is 1: a large logit_bias with a
// one-token answer or log-probabilities, or, as behaviour, an account whose
// one-token answers with log-probabilities or a bias change their
// logit_bias from request to request (a walk over the vocabulary, however
// small each bias; a classifier keeps one label set). The harvest value is a feature,
// never a verdict; it acts through:
//
//   - evidence shared across accounts: every template, near-duplicate sketch
//     band, system prompt, instruction sentence (the sentence that carries a
//     request's strongest elicitation cue; it scores requests but links no
//     accounts), exact prompt and client print within a network prefix is a
//     node
//     that counts the distinct accounts that sent suspicious requests with
//     it (256-bit linear counting), and their share of all its requests.
//     Its heat is the mean harvest value of those requests times that share
//     times its breadth: a popular tool's preamble or the official SDK's
//     print is shared by thousands of accounts and stays cold, because few
//     of its requests are harvest-shaped;
//   - the account's own history: a gate from its mean harvest value with a
//     benign prior, so that a benign account that happens to share hot
//     evidence (a student's one question on a campaign's template) is left
//     alone, while a campaign account that harvests from its first requests
//     on is not;
//   - volume from one account: a decayed count of strongly harvest-shaped
//     requests (strong elicitation with a long answer or a thinking budget),
//     which scores each such request and not the account, so that a
//     reseller's harvesting is stopped while its customers pass; it counts
//     once such requests are at least a tenth of the account's traffic, so
//     that a gateway whose many users now and then ask for the reasoning is
//     not taken for a reseller;
//   - new accounts: an account first seen at least Detection.NewAccount
//     after the engine started is new until it is that old. A new account
//     whose harvest-shaped request (0.6 and up) asks for a long answer or a
//     thinking budget and carries strongly harvest-shaped evidence (heat
//     0.8 and up: a cohort of new students asking for the steps of the same
//     exercises shares cooler evidence) that a campaign-scale number of
//     suspicious accounts share, or that a wave of
//     new accounts brought, is degraded before it has a history of its own
//     (reason new_accounts), and its history starts from a harvester's prior
//     instead of the benign one: rotating fresh accounts is how a campaign
//     evades the per-account gate. Such an account belongs to the wave; so
//     does a young one (within 24 NewAccount periods) whose history is
//     already mostly harvest-shaped when it sends a strongly harvest-shaped
//     request on such evidence. An account of a wave is gated as a
//     harvester from a lower mean harvest value (0.25 rather than 0.3 for
//     the gate to open), and its cluster's heat follows all its requests,
//     the benign-looking ones too — up to throttle: a block on that
//     reading alone would be a verdict on the wave, not on the account;
//   - machine-paced crowds of new accounts, whatever their wording: the
//     new accounts on one client print within one network prefix form a
//     crowd (within the wider network too, and on the client print alone,
//     where a crowd governs only accounts that have shown the same pacing
//     over twice the gaps); each account's pacing is read from the spread
//     of the gaps between its requests once it has a few (Model.PaceGaps),
//     as a machine's timer or a person's. A crowd with Model.CrowdMin
//     machine-paced accounts that are most of those read is one operator
//     scheduling many fresh accounts: its young accounts' requests score
//     Model.CrowdScore (throttle at most on this reading alone) and are
//     metered as one cluster, except an account whose own pacing is a
//     person's; an older account on that infrastructure paced as regularly
//     is one of it too. A class paced by its exercises is regular
//     too, so the embedded model's bar for a machine (Model.PaceRegularCV
//     0.15) is a timer's evenness: at first sight, classes on one network
//     and spread over homes and phones were as regular as churn campaigns
//     at 0.3. The
//     keys of a gateway that were there before never make a crowd of new
//     accounts. Changing the pacing costs the operator little,
//     but it is one more thing each campaign must think of;
//   - timed crowds, of accounts of any age: an account keeps a timer when
//     nearly all pairs of its consecutive gaps are within a tenth of each
//     other over a dozen pairs (Model.TimerPairs, TimerShare,
//     TimerTolerance), which a person, a gateway's users or a work queue
//     do not make, and which the odd long pause does not undo. Model.CrowdMin
//     such accounts on one client print within one network prefix (or the
//     wider network) whose requests carry few last-turn templates between
//     them (at most Model.TimerTemplates per account: one script's
//     templates) are one script's accounts, however old: their timer-paced
//     accounts score Model.CrowdScore and are metered as one cluster. It
//     is how a hydra of aged or bought accounts shows; a team's scheduled
//     jobs each send their own work, and a scheduler that jitters its
//     interval by a tenth or more is not read as a timer (an enterprise's
//     key-per-job crowd with templated prompts is the look-alike that sets
//     the TimerShare bar);
//   - corroboration that only adds to an already suspicious request:
//     campaign-scale breadth, a shared client print within a network prefix,
//     a client whose SDK headers contradict its TLS print, machine-regular
//     arrivals across accounts, and the same body re-sent on another account
//     right after a 429.
//
// Every weight, floor and span of these readings is a named parameter of
// Model, the score model's one parameter table (model.go). The embedded
// model.json is its default and the output of `sluice fit`, which refits
// the parameters on labelled traces; Detection.Model (the configuration's
// detection.model file) replaces it without a change of code.
//
// Thresholds (Config.Thresholds) map the score to degrade, throttle and
// block; an account without a history, or whose history spans less than
// Detection.NewAccount, is never blocked. The allow-list and
// operator overrides (with expiry) come first; in shadow mode every action
// is logged and none enforced.
//
// # Clusters
//
// An account that sends a suspicious request carrying hot evidence is
// linked to that evidence; an account linked to two pieces of evidence
// joins them (union-find over evidence nodes, the older node stays root, so
// cluster ids are stable). An account linked to nothing is a cluster of its
// own. Links decay with Detection.HalfLife and are forgotten after
// Detection.LinkTTL. Suspected clusters have their own buckets
// (Config.Cluster) beside the accounts' (Config.Account): a campaign of
// thousands of accounts at 27 requests per account per day is metered as
// the one operator it is. The budget is one per cluster, however many
// accounts it adds, and it shrinks as confidence grows: a request costs
// its cluster 1 at the mildest acting threshold, rising to 4 at the block
// threshold (Engine.clusterCost). The parts of a batch after its first
// cost tokens only (Subject.BatchPart). Engine.Clusters, Engine.Cluster and
// Engine.Account give the operator's view.
//
// # Memory
//
// Every table is a sharded LRU bounded by Config.Capacity (evidence at a
// quarter of it, crowds of new accounts at a sixty-fourth): 230 bytes per
// tracked account at 1,000,000 accounts (BenchmarkStatePerAccount), 299
// bytes when every request is suspicious
// and the evidence table is full (BenchmarkStatePerAccountCampaign). A quiet
// account is metered by a one-minute window counter and gets its
// golang.org/x/time/rate limiters only when it is busy enough to be
// throttled; benign requests create no evidence nodes.
//
// # Sharing state
//
// With a Store (Engine.Attach, Engine.Run) replicas exchange their changes
// every sync interval and take back the merged state; the request path
// never waits on the store. An attached engine gives every account its
// buckets from its first request (no quiet window): a fresh account's
// first requests count against one shared budget, within the staleness
// bound, at the cost of the limiters' memory for every tracked account.
// The pacing of accounts and the crowds of new accounts are read by each
// replica on the requests it sees and are not exchanged: behind a load
// balancer that spreads one account's requests over N replicas, each
// replica reads that account's pacing from its share of them. See Store,
// SharedMemory and limiter/redisstore.
//
// # Example
//
//	eng, err := limiter.New(limiter.DefaultConfig())
//	if err != nil { ... }
//	d := eng.Decide(time.Now(), limiter.Subject{Account: id}, &print, estimate)
//	if d.Enforced() == limiter.ActionThrottle { ... 429, Retry-After d.RetryAfter ... }
package limiter
