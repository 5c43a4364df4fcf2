package redisstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sluicehq/sluice/limiter"
	"github.com/sluicehq/sluice/limiter/redisstore"
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

// TestSchemaVersion: Ping marks a fresh prefix with the schema and
// refuses a prefix written in another one.
func TestSchemaVersion(t *testing.T) {
	addr := testRedis(t)
	p := prefix(t)
	st := newStore(t, addr, p, false)
	ctx := context.Background()
	if err := st.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(&redis.Options{Addr: addr})
	defer c.Close()
	if v, err := c.Get(ctx, "{"+p+":schema}").Result(); err != nil || v != redisstore.Schema {
		t.Fatalf("schema key: %q %v", v, err)
	}
	c.Set(ctx, "{"+p+":schema}", "0", 0)
	if err := st.Ping(ctx); !errors.Is(err, redisstore.ErrSchema) {
		t.Errorf("another schema: %v", err)
	}
}
