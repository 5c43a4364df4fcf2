package redisstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/sluicehq/sluice/limiter"
)

// TestOperatorStateShared: an allow-listing and an override made through
// one replica reach another replica's engine, and so do their removals
// (a real redis-server).
func TestOperatorStateShared(t *testing.T) {
	addr := testRedis(t)
	p := prefix(t)
	a, b := newStore(t, addr, p, false), newStore(t, addr, p, false)
	ea, eb := newEngine(t, limiter.DefaultConfig()), newEngine(t, limiter.DefaultConfig())
	ctx := context.Background()
	now := time.Now()
	ea.AllowList(0xa1, true)
	if err := a.PutAllowList(ctx, 0xa1, true); err != nil {
		t.Fatal(err)
	}
	until := now.Add(time.Hour).Truncate(time.Nanosecond)
	ea.Override(0xc1, limiter.ActionBlock, until)
	if err := a.PutOverride(ctx, 0xc1, limiter.ActionBlock, until); err != nil {
		t.Fatal(err)
	}
	if err := b.SyncOps(ctx, eb, now); err != nil {
		t.Fatal(err)
	}
	ov := eb.Overrides(now)
	if !eb.AllowListed(0xa1) || len(ov) != 1 || ov[0].Cluster != 0xc1 || ov[0].Action != limiter.ActionBlock || !ov[0].Until.Equal(until) {
		t.Fatalf("replica b: allow-listed %v, overrides %+v", eb.AllowListed(0xa1), ov)
	}
	// removals travel too
	if err := a.PutAllowList(ctx, 0xa1, false); err != nil {
		t.Fatal(err)
	}
	if err := a.PutOverride(ctx, 0xc1, 0, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if err := b.SyncOps(ctx, eb, now); err != nil {
		t.Fatal(err)
	}
	if eb.AllowListed(0xa1) || len(eb.Overrides(now)) != 0 {
		t.Fatalf("after removal: allow-listed %v, overrides %+v", eb.AllowListed(0xa1), eb.Overrides(now))
	}
}
