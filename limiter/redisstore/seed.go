package redisstore

import "sync"

// seeds remembers, per key, the merged state this replica last received
// from Redis. When a key is missing from Redis although it was there
// before (a restart without persistence, a failover to an empty replica,
// an eviction), the next exchange seeds the key with it instead of starting
// from zero: the first replica to send the key restores its history, the
// others only add their deltas.
//
// It is bounded: two generations of at most capacity entries each; when
// the current generation is full it becomes the previous one and the old
// previous one is dropped, so a key survives if it was exchanged within
// the last one to two generations. A key without a seed restarts from its
// delta, as it would after its TTL.
type seeds struct {
	mu        sync.Mutex
	capacity  int
	cur, prev map[seedKey]seed
}

type seedKey struct {
	kind uint8 // 'n', 'a', or 'b'+BucketKind
	key  uint64
}

// seed is the last merged state of one key: at is the batch time in unix
// ns (for buckets: the bucket's own clock, seconds and nanoseconds), v the
// decayed counts (for buckets: v[0] is the level).
type seed struct {
	at   int64
	atNs int64
	v    [3]float64
}

func newSeeds(capacity int) *seeds {
	if capacity <= 0 {
		return nil
	}
	return &seeds{capacity: capacity, cur: make(map[seedKey]seed)}
}

// get returns the seed of k. The caller holds mu.
func (s *seeds) get(k seedKey) (seed, bool) {
	if v, ok := s.cur[k]; ok {
		return v, true
	}
	v, ok := s.prev[k]
	return v, ok
}

// put records the seed of k. The caller holds mu.
func (s *seeds) put(k seedKey, v seed) {
	if len(s.cur) >= s.capacity {
		if _, ok := s.cur[k]; !ok {
			s.prev, s.cur = s.cur, make(map[seedKey]seed, s.capacity)
		}
	}
	s.cur[k] = v
}
