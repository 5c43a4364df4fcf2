package limiter

import (
	"context"
	"errors"
	"time"
)

// Store shares engine state across replicas.
//
// # Model
//
// The engine decides on its local tables only: the hot path never waits on
// a store. Every sync interval (see Engine.Sync and Engine.Run) it sends a
// Batch with what changed locally since the previous exchange — the deltas
// of evidence nodes, account histories and bucket usage — and receives, for
// the same keys, the state merged over all replicas, which replaces its
// local copy. State is therefore at most one sync interval plus one round
// trip stale: within that bound a replica decides on what it saw itself,
// and a shared bucket may be overspent by what the other replicas consume
// in one interval.
//
// Counts are exponentially decayed with Batch.HalfLife; a store decays
// stored values from their last update to the exchange time before adding
// a delta. Bitmaps (distinct accounts) are OR-ed. Keys expire after
// Batch.TTL without updates.
//
// An implementation must be safe for concurrent use. On error it must
// leave the batch's inputs unchanged so that the engine can put the deltas
// back and send them again (nothing is lost while a store is down).
type Store interface {
	Exchange(ctx context.Context, b *Batch) error
}

// ErrStoreUnavailable wraps store failures.
var ErrStoreUnavailable = errors.New("limiter: store unavailable")

// Batch is one exchange between an engine and a store.
type Batch struct {
	// Now is the engine's clock at the exchange.
	Now time.Time
	// HalfLife decays counts; TTL expires idle keys.
	HalfLife, TTL time.Duration
	Nodes         []NodeState
	Accounts      []AccountState
	Buckets       []BucketState
}

// NodeState is one evidence node. In: the local deltas since the last
// exchange (counts) and the local view (bits, parent, times). Out: the
// merged state.
type NodeState struct {
	Key         uint64
	First, Last int64 // unix ns; merged: min first, max last
	Reqs        float32
	SReqs       float32
	Susp        float32
	// NAccts and SAccts are linear-counting bitmaps of the accounts that
	// sent suspicious requests while new, and of all that sent them;
	// merged: bitwise or.
	NAccts [4]uint64
	SAccts [4]uint64
	// Parent is the union-find parent (0: root); merged: the first non-zero.
	Parent uint64
	// ThrottledAt and Throttled: the last refusal of this evidence; merged:
	// the latest.
	ThrottledAt int64
	Throttled   AccountID
}

// AccountState is one account's history. In: deltas of the counts and the
// local view of the rest. Out: merged.
type AccountState struct {
	Key         AccountID
	First, Last int64
	N           float32
	Susp        float32
	Strong      float32
	// Heat is the heat of the account's cluster link; merged: the max.
	Heat float32
	// Cluster is the account's cluster; merged: the one with the larger heat.
	Cluster ClusterID
	// Wave: the account joined a wave of new accounts on a campaign's
	// evidence (it is gated as a harvester from a lower mean); merged: or.
	Wave bool
}

// BucketKind says which bucket a BucketState is.
type BucketKind uint8

// Bucket kinds.
const (
	BucketAccountRequests BucketKind = iota + 1
	BucketAccountTokens
	BucketClusterRequests
	BucketClusterTokens
)

// BucketState is one token bucket. In: Used, what this replica took from it
// since the last exchange (negative for refunds), and the bucket's rate and
// burst. Out: Level, the shared number of tokens left after the exchange
// (may be negative when replicas overspent).
type BucketState struct {
	Kind  BucketKind
	Key   uint64
	Rate  float64 // tokens per second
	Burst float64
	Used  float64
	Level float64
}
