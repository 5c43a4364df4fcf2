package limiter

import (
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// shards is a fixed set of LRU-bounded maps keyed by a 64-bit id, each
// behind its own mutex so that concurrent requests for different keys rarely
// contend. Total capacity is split evenly across shards; a flood of new keys
// evicts the least recently used ones and never grows memory past capacity.
type shards[V any] struct {
	s    []shard[V]
	mask uint64
}

type shard[V any] struct {
	mu  sync.Mutex
	lru *simplelru.LRU[uint64, V]
	// dirty lists the keys changed since the last store exchange (bounded
	// by maxDirty; an entry that does not fit keeps its deltas and is listed
	// when it changes again after the next exchange).
	dirty []uint64
	_     [16]byte // keep neighbouring shards' mutexes off one cache line
}

// maxDirty bounds the keys one shard lists between two store exchanges.
const maxDirty = 8192

// markDirty lists key for the next exchange unless *flag says it is listed.
// The caller holds the shard's lock.
func (sh *shard[V]) markDirty(key uint64, flag *bool) {
	if *flag || len(sh.dirty) >= maxDirty {
		return
	}
	*flag = true
	sh.dirty = append(sh.dirty, key)
}

func newShards[V any](capacity int, n int, onEvict func(uint64, V)) *shards[V] {
	if n < 1 {
		n = 1
	}
	// round n up to a power of two
	p := 1
	for p < n {
		p <<= 1
	}
	// split capacity exactly: the first capacity%p shards hold one more
	per, rem := capacity/p, capacity%p
	s := &shards[V]{s: make([]shard[V], p), mask: uint64(p - 1)}
	for i := range s.s {
		n := per
		if i < rem {
			n++
		}
		l, err := simplelru.NewLRU[uint64, V](max(1, n), onEvict)
		if err != nil {
			panic(err) // per > 0 always
		}
		s.s[i].lru = l
	}
	return s
}

// of returns the shard that holds key, mixing the key so that ids with
// structured low bits still spread.
func (s *shards[V]) of(key uint64) *shard[V] {
	h := key * 0x9E3779B97F4A7C15
	return &s.s[(h>>32)&s.mask]
}

// Len returns the number of entries over all shards.
func (s *shards[V]) Len() int {
	n := 0
	for i := range s.s {
		sh := &s.s[i]
		sh.mu.Lock()
		n += sh.lru.Len()
		sh.mu.Unlock()
	}
	return n
}

// each calls f for every entry, shard by shard, with the shard locked; f
// must not block.
func (s *shards[V]) each(f func(uint64, V)) {
	for i := range s.s {
		sh := &s.s[i]
		sh.mu.Lock()
		for _, k := range sh.lru.Keys() {
			v, _ := sh.lru.Peek(k)
			f(k, v)
		}
		sh.mu.Unlock()
	}
}
