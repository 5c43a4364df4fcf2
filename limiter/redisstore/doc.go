// Package redisstore shares sluice's engine state across replicas through
// Redis: a limiter.Store on github.com/redis/go-redis/v9.
//
// # Model
//
// The engine never waits on Redis while it decides. Every sync interval
// limiter.Engine.Run hands the store a Batch of what changed locally (the
// deltas of evidence nodes, account histories and bucket usage); the store
// merges it with one pipeline of Lua scripts, one call per key, and
// returns the state merged over all replicas. The merge is exactly the
// one of limiter.SharedMemory (decayed counts, OR-ed bitmaps of distinct
// accounts, min first and max last seen, first parent, latest throttle,
// hottest cluster, OR-ed wave flag, token buckets refilled on the
// server's TIME).
//
// # Bounds
//
//   - Staleness: a replica's view of a key it serves is at most two sync
//     intervals plus two exchanges old (the sender's next exchange, then
//     its own); a shared bucket may be overspent by what the other
//     replicas take in that time.
//   - Outage: exchanges fail, the engine keeps its deltas (fail-open: it
//     decides on local state; fail-closed: it throttles) and sends them
//     when Redis answers again. The client re-dials at least once a second.
//   - Restart without persistence: the store remembers the merged state
//     it last received per key (bounded, see Config.SeedCapacity) and
//     re-seeds a key that Redis lost; what is lost is at most what the
//     other replicas sent in the interval before the restart.
//
// # Keys
//
// Every key is a hash named {prefix:n:HEX} (evidence node), {prefix:a:HEX}
// (account) or {prefix:bK:HEX} (bucket of kind K), its whole name a hash
// tag, so a key is one slot of Redis Cluster and the per-key scripts run
// there unchanged (use NewWithClient with a *redis.ClusterClient).
//
// # Example
//
//	st, err := redisstore.New(redisstore.Config{Addr: "127.0.0.1:6379", Prefix: "sluice"})
//	if err != nil { ... }
//	defer st.Close()
//	engine.Attach(false) // fail open
//	go engine.Run(ctx, st, limiter.RunOptions{Interval: 50 * time.Millisecond, Timeout: redisstore.DefaultTimeout, OnChange: onChange})
package redisstore
