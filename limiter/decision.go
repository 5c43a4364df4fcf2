package limiter

import (
	"strconv"
	"time"
)

// Action is what the proxy does with a request.
type Action uint8

// Actions, in increasing severity. ActionError marks a record that could not
// be processed (replay) and is never returned by Decide.
const (
	ActionAllow Action = iota
	ActionDegrade
	ActionThrottle
	ActionBlock
	ActionError
)

var actionNames = [...]string{"allow", "degrade", "throttle", "block", "error"}

func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "action(" + strconv.Itoa(int(a)) + ")"
}

// ParseAction parses an action name as written by String.
func ParseAction(s string) (Action, bool) {
	for i, n := range actionNames {
		if n == s {
			return Action(i), true
		}
	}
	return 0, false
}

// Reasons is a set of machine-readable reasons, one bit each; a set and not
// a slice so that deciding allocates nothing. Names gives the strings.
type Reasons uint64

// Reason bits. The names are part of the decision record contract: add new
// ones at the end, never rename.
const (
	ReasonAccountRequests      Reasons = 1 << iota // account request bucket empty
	ReasonAccountTokens                            // account token bucket empty
	ReasonClusterRequests                          // cluster request bucket empty
	ReasonClusterTokens                            // cluster token bucket empty
	ReasonAllowListed                              // account on the allow-list
	ReasonOverride                                 // operator override of the cluster's action
	ReasonSharedTemplate                           // template shared by many accounts
	ReasonNearDuplicate                            // near-duplicate prompts across accounts
	ReasonElicitation                              // reasoning-elicitation prompts
	ReasonRationalize                              // answer-conditioned rationalisation
	ReasonThinkingChannel                          // instructions aimed at the thinking channel
	ReasonRubric                                   // rubric grading prompts
	ReasonLogprobExtraction                        // log-probability extraction shape
	ReasonSharedClient                             // one client print within one network prefix
	ReasonNewAccounts                              // cluster of new accounts
	ReasonSynchronized                             // synchronized, evenly spread load
	ReasonRetryOnOtherAccount                      // same body on another account after a 429
	ReasonInconsistentClient                       // claimed SDK does not fit the TLS print
	ReasonRegularTiming                            // machine-regular inter-arrival times
	ReasonClusterScore                             // the cluster's score drives the action
	ReasonStoreUnavailable                         // the shared store failed (fail-closed)
	ReasonTopicalConcentration                     // volume concentrated on one capability
	ReasonAgentic                                  // agentic / tool-use trajectory harvesting
	ReasonSafeRewrite                              // safe-rewrite prompts
	ReasonHostingNetwork                           // sent from a hosting range (operator's ASN database)
	numReasons                 = iota
)

var reasonNames = [numReasons]string{
	"account_requests",
	"account_tokens",
	"cluster_requests",
	"cluster_tokens",
	"allow_listed",
	"operator_override",
	"shared_template",
	"near_duplicate",
	"elicitation",
	"rationalization",
	"thinking_channel",
	"rubric_grading",
	"logprob_extraction",
	"shared_client",
	"new_accounts",
	"synchronized",
	"retry_on_other_account",
	"inconsistent_client",
	"regular_timing",
	"cluster_score",
	"store_unavailable",
	"topical_concentration",
	"agentic_harvest",
	"safe_rewrite",
	"hosting_network",
}

// Has reports whether all bits of o are set.
func (r Reasons) Has(o Reasons) bool { return r&o == o }

// Each calls f with the name of every reason in r, in bit order.
func (r Reasons) Each(f func(string)) {
	for i := 0; i < numReasons; i++ {
		if r&(1<<i) != 0 {
			f(reasonNames[i])
		}
	}
}

// Names returns the names of the reasons in r (allocates; for logs and tests).
func (r Reasons) Names() []string {
	out := []string{}
	r.Each(func(s string) { out = append(out, s) })
	return out
}

// ReasonByName returns the bit for a reason name.
func ReasonByName(s string) (Reasons, bool) {
	for i, n := range reasonNames {
		if n == s {
			return 1 << i, true
		}
	}
	return 0, false
}

// Measures is the set of degrade measures applied to a request.
type Measures uint16

// Degrade measures.
const (
	MeasureClampTokens    Measures = 1 << iota // clamp max_tokens
	MeasureDropLogprobs                        // drop logprobs, top_logprobs, logit_bias
	MeasureForceN1                             // force n = 1
	MeasureStripReasoning                      // remove/strip thinking and reasoning
	MeasureTarpit                              // delay streamed events
	MeasureCheaperModel                        // route to a cheaper model
)

// AccountID is the keyed hash of a credential; never the credential itself.
type AccountID uint64

// String formats the id as it appears in decision records.
func (a AccountID) String() string { return "a_" + hex16(uint64(a)) }

// ClusterID is the stable id of a cluster of accounts.
type ClusterID uint64

// String formats the id as it appears in decision records.
func (c ClusterID) String() string { return "c_" + hex16(uint64(c)) }

// AppendHex appends the 16 hex digits of v to b.
func AppendHex(b []byte, v uint64) []byte {
	const digits = "0123456789abcdef"
	for i := 60; i >= 0; i -= 4 {
		b = append(b, digits[(v>>uint(i))&0xf])
	}
	return b
}

func hex16(v uint64) string { return string(AppendHex(make([]byte, 0, 16), v)) }

// ParseID parses an account ("a_…") or cluster ("c_…") id.
func ParseID(s string) (prefix byte, v uint64, ok bool) {
	if len(s) != 18 || s[1] != '_' {
		return 0, 0, false
	}
	v, err := strconv.ParseUint(s[2:], 16, 64)
	if err != nil {
		return 0, 0, false
	}
	return s[0], v, true
}

// Decision is the engine's verdict for one request. It is a small value
// returned by value; it carries what Settle needs to reconcile buckets.
type Decision struct {
	Action     Action
	Score      float32 // 0..1, the larger of the account's and the cluster's
	Reasons    Reasons
	Measures   Measures // when Action is ActionDegrade
	Account    AccountID
	Cluster    ClusterID
	RetryAfter time.Duration // when Action is ActionThrottle
	// Shadow is true when Action was only logged: the proxy forwards the
	// request untouched.
	Shadow bool
	// Reserved is the token estimate charged at decision time.
	Reserved Tokens
	// acct is set when the account's token bucket was charged Reserved;
	// ccost is what the request cost its cluster's buckets, per request
	// and per token (Engine.clusterCost; 0 when they were not charged).
	// Settle adjusts only what was charged.
	acct  bool
	ccost uint8
}

// Enforced returns the action the proxy must apply: ActionAllow in shadow mode.
func (d *Decision) Enforced() Action {
	if d.Shadow {
		return ActionAllow
	}
	return d.Action
}
