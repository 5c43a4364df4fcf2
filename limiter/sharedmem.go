package limiter

import (
	"context"
	"sync"
	"time"
)

// SharedMemory is a Store that keeps the shared state in process memory:
// the reference implementation of the Store semantics, used by tests and
// by replicas of one process. Safe for concurrent use.
type SharedMemory struct {
	mu       sync.Mutex
	nodes    map[uint64]*memNode
	accounts map[AccountID]*memAccount
	buckets  map[[2]uint64]*memBucket
	// Fail, when set, makes Exchange fail (for fault tests).
	Fail func() error
}

type memNode struct {
	NodeState
	at int64
}

type memAccount struct {
	AccountState
	at int64
}

type memBucket struct {
	level float64
	at    time.Time
}

// NewSharedMemory returns an empty shared store.
func NewSharedMemory() *SharedMemory {
	return &SharedMemory{nodes: map[uint64]*memNode{}, accounts: map[AccountID]*memAccount{}, buckets: map[[2]uint64]*memBucket{}}
}

var _ Store = (*SharedMemory)(nil)

// Exchange implements Store.
func (m *SharedMemory) Exchange(ctx context.Context, b *Batch) error {
	if m.Fail != nil {
		if err := m.Fail(); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := b.Now.UnixNano()
	ttl := int64(b.TTL)
	for i := range b.Nodes {
		in := &b.Nodes[i]
		n, ok := m.nodes[in.Key]
		if !ok || (ttl > 0 && now-n.at > ttl) {
			n = &memNode{NodeState: NodeState{Key: in.Key, First: in.First}, at: now}
			m.nodes[in.Key] = n
		}
		n.Reqs = decay(n.Reqs, now-n.at, b.HalfLife) + in.Reqs
		n.SReqs = decay(n.SReqs, now-n.at, b.HalfLife) + in.SReqs
		n.Susp = decay(n.Susp, now-n.at, b.HalfLife) + in.Susp
		n.at = max(n.at, now)
		for j := range n.NAccts {
			n.NAccts[j] |= in.NAccts[j]
			n.SAccts[j] |= in.SAccts[j]
		}
		n.First = min(n.First, in.First)
		n.Last = max(n.Last, in.Last)
		if n.Parent == 0 {
			n.Parent = in.Parent
		}
		if in.ThrottledAt > n.ThrottledAt {
			n.ThrottledAt, n.Throttled = in.ThrottledAt, in.Throttled
		}
		*in = n.NodeState
	}
	for i := range b.Accounts {
		in := &b.Accounts[i]
		a, ok := m.accounts[in.Key]
		if !ok || (ttl > 0 && now-a.at > ttl) {
			a = &memAccount{AccountState: AccountState{Key: in.Key, First: in.First}, at: now}
			m.accounts[in.Key] = a
		}
		a.N = decay(a.N, now-a.at, b.HalfLife) + in.N
		a.Susp = decay(a.Susp, now-a.at, b.HalfLife) + in.Susp
		a.Strong = decay(a.Strong, now-a.at, b.HalfLife) + in.Strong
		a.Heat = decay(a.Heat, now-a.at, b.HalfLife)
		a.at = max(a.at, now)
		if in.Heat > a.Heat {
			a.Heat, a.Cluster = in.Heat, in.Cluster
		}
		a.Wave = a.Wave || in.Wave
		a.First = min(a.First, in.First)
		a.Last = max(a.Last, in.Last)
		*in = a.AccountState
	}
	for i := range b.Buckets {
		in := &b.Buckets[i]
		k := [2]uint64{uint64(in.Kind), in.Key}
		bk, ok := m.buckets[k]
		if !ok {
			bk = &memBucket{level: in.Burst, at: b.Now}
			m.buckets[k] = bk
		}
		if dt := b.Now.Sub(bk.at).Seconds(); dt > 0 {
			bk.level = min(in.Burst, bk.level+dt*in.Rate)
			bk.at = b.Now
		}
		bk.level = max(bk.level-in.Used, -in.Burst)
		in.Level = bk.level
	}
	return nil
}
