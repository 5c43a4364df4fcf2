package redisstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sluicehq/sluice/limiter"
)

// The operator's state (allow-list and overrides) is one small hash,
// {prefix:ops}, shared by every replica: a field "a:ID" for each
// allow-listed account, "c:ID" = "ACTION UNTIL" (until in unix
// nanoseconds) for each override. Replicas write their operator's changes
// to it at once and read it back every few seconds (SyncOps).

func (s *Store) opsKey() string { return "{" + s.prefix + ":ops}" }

// opsClient is what the operator-state calls need of the client.
type opsClient interface {
	HSet(ctx context.Context, key string, values ...any) *redis.IntCmd
	HDel(ctx context.Context, key string, fields ...string) *redis.IntCmd
	HGetAll(ctx context.Context, key string) *redis.MapStringStringCmd
}

func (s *Store) ops() (opsClient, error) {
	c, ok := s.c.(opsClient)
	if !ok {
		return nil, fmt.Errorf("redisstore: the client cannot hold the operator's state")
	}
	return c, nil
}

// PutAllowList records account a as allow-listed (on) or not, for every
// replica.
func (s *Store) PutAllowList(ctx context.Context, a limiter.AccountID, on bool) error {
	c, err := s.ops()
	if err != nil {
		return err
	}
	f := "a:" + a.String()
	if on {
		err = c.HSet(ctx, s.opsKey(), f, "1").Err()
	} else {
		err = c.HDel(ctx, s.opsKey(), f).Err()
	}
	if err != nil {
		return fmt.Errorf("redisstore: operator state: %w", err)
	}
	return nil
}

// PutOverride records the override of cluster cl (a zero until removes
// it), for every replica.
func (s *Store) PutOverride(ctx context.Context, cl limiter.ClusterID, act limiter.Action, until time.Time) error {
	c, err := s.ops()
	if err != nil {
		return err
	}
	f := "c:" + cl.String()
	if until.IsZero() {
		err = c.HDel(ctx, s.opsKey(), f).Err()
	} else {
		err = c.HSet(ctx, s.opsKey(), f, act.String()+" "+strconv.FormatInt(until.UnixNano(), 10)).Err()
	}
	if err != nil {
		return fmt.Errorf("redisstore: operator state: %w", err)
	}
	return nil
}

// SyncOps makes e's allow-list and overrides those of the shared hash:
// what another replica's operator added or removed arrives here. Entries
// it cannot read are skipped.
func (s *Store) SyncOps(ctx context.Context, e *limiter.Engine, now time.Time) error {
	c, err := s.ops()
	if err != nil {
		return err
	}
	m, err := c.HGetAll(ctx, s.opsKey()).Result()
	if err != nil {
		return fmt.Errorf("redisstore: operator state: %w", err)
	}
	allow := map[limiter.AccountID]bool{}
	type ov struct {
		act   limiter.Action
		until time.Time
	}
	over := map[limiter.ClusterID]ov{}
	for f, v := range m {
		kind, id, ok := strings.Cut(f, ":")
		if !ok {
			continue
		}
		p, n, ok := limiter.ParseID(id)
		if !ok {
			continue
		}
		switch {
		case kind == "a" && p == 'a':
			allow[limiter.AccountID(n)] = true
		case kind == "c" && p == 'c':
			as, us, ok := strings.Cut(v, " ")
			act, okA := limiter.ParseAction(as)
			ns, err := strconv.ParseInt(us, 10, 64)
			if ok && okA && err == nil {
				over[limiter.ClusterID(n)] = ov{act, time.Unix(0, ns)}
			}
		}
	}
	for _, a := range e.AllowListedAccounts() {
		if !allow[a] {
			e.AllowList(a, false)
		}
	}
	for a := range allow {
		e.AllowList(a, true)
	}
	for _, o := range e.Overrides(now) {
		if _, ok := over[o.Cluster]; !ok {
			e.Override(o.Cluster, 0, time.Time{})
		}
	}
	for cl, o := range over {
		e.Override(cl, o.act, o.until)
	}
	return nil
}
