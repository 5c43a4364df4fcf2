package limiter

import "time"

// ClusterTokensAt is the room in cluster c's token bucket at now (tests).
func ClusterTokensAt(e *Engine, now time.Time, c ClusterID) float64 {
	csh := e.clusters.of(uint64(c))
	csh.mu.Lock()
	defer csh.mu.Unlock()
	cl, ok := csh.lru.Peek(uint64(c))
	if !ok {
		return -1
	}
	return cl.tok.TokensAt(now)
}

// ClusterCost is what d cost its cluster's buckets (tests).
func ClusterCost(d *Decision) uint8 { return d.ccost }
