package redisstore

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"

	"github.com/sluicehq/sluice/limiter"
)

// Config configures a Store. Zero fields take the documented defaults.
type Config struct {
	// Addr is the server's host:port, or a redis:// or rediss:// URL
	// (which may carry the password and database). New needs Addr or
	// Addrs.
	Addr string
	// Addrs lists the seed nodes of a Redis Cluster (two or more, without
	// MasterName), or the Sentinels of a monitored master (with
	// MasterName); a single address is a plain server. Used when Addr is
	// empty.
	Addrs []string
	// MasterName is the name under which Sentinels monitor the master:
	// with it, Addrs are Sentinels and the store follows failovers.
	MasterName string
	Password   string
	DB         int
	// Prefix starts every key (default "sluice"). Replicas that share
	// state use the same prefix; it must not contain '{' or '}'.
	Prefix string
	// Timeout bounds dialing, reads and writes (default DefaultTimeout).
	// Engine.Run bounds each exchange with its own timeout as well.
	Timeout time.Duration
	// PoolSize is the connection pool size (default 4: exchanges are
	// sequential, one pipeline each).
	PoolSize int
	// BatchClock refills buckets on Batch.Now instead of the server's
	// TIME. Only for replay and tests with a synthetic clock: live replicas
	// share the server's clock.
	BatchClock bool
	// KeysPerCall is the number of keys one script call merges (default
	// 64). Use 1 on Redis Cluster, where the keys of one call must share
	// a slot; NewWithClient sets 1 for a *redis.ClusterClient.
	KeysPerCall int
	// SeedCapacity bounds the keys whose last merged state the store
	// remembers to re-seed Redis after it lost them (default 1<<17 per
	// generation, two generations; negative disables re-seeding).
	SeedCapacity int
}

// DefaultTimeout is the default bound on one exchange's Redis operations.
// An exchange pipelines one script call per 64 changed keys and takes
// about 1 ms per 100 keys on loopback (BenchmarkExchange), so this covers
// some 20,000 changed keys per sync interval. The hot path never waits on
// Redis: a dead server costs the background exchange this long at most,
// and a refused connection fails at once.
const DefaultTimeout = 250 * time.Millisecond

// defaultTTL expires keys when a batch carries no TTL.
const defaultTTL = 48 * time.Hour

// rediser is what the store needs from a go-redis client: any of
// *redis.Client, *redis.ClusterClient or *redis.Ring, or a test fake.
type rediser interface {
	redis.Scripter
	Pipelined(ctx context.Context, fn func(redis.Pipeliner) error) ([]redis.Cmder, error)
}

// Store is a limiter.Store on Redis.
//
// # Model
//
// Each exchange is one pipeline: one script call per key (evidence node,
// account or bucket), each merging the replica's deltas into the shared
// state exactly as limiter.SharedMemory does and returning the merged
// state. Every key is a hash under its own hash tag ({prefix:n:KEY},
// {prefix:a:KEY}, {prefix:bK:KEY}), so the pipeline works on Redis Cluster,
// where the client splits it by slot. Keys expire after Batch.TTL without
// updates; a bucket expires once it would have refilled anyway.
//
// Scripts run with EVALSHA; after a server restart (NOSCRIPT) they are
// loaded again and only the calls that did not run are sent again.
// Retries are off: a call that may have run is never repeated by the
// client (the engine resends the deltas of a failed exchange, so a timeout
// after the server applied them counts them twice: conservative).
//
// A Store is safe for concurrent use.
type Store struct {
	c      rediser
	own    io.Closer // the client, closed by Close when New made it
	prefix string
	batchT bool
	per    int
	seeds  *seeds
	reseed atomic.Uint64
}

var _ limiter.Store = (*Store)(nil)

// New connects to the server at cfg.Addr. It does not wait for the server
// to answer: call Ping to check it.
func New(cfg Config) (*Store, error) {
	if cfg.Addr == "" && len(cfg.Addrs) == 0 {
		return nil, errors.New("redisstore: Addr or Addrs is required")
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	uo := &redis.UniversalOptions{Addrs: cfg.Addrs, MasterName: cfg.MasterName}
	if cfg.Addr != "" {
		// one server, by address or redis:// URL (password and db may
		// come with the URL; the Config's win when set)
		opt := &redis.Options{Addr: cfg.Addr}
		if strings.Contains(cfg.Addr, "://") {
			var err error
			if opt, err = redis.ParseURL(cfg.Addr); err != nil {
				return nil, fmt.Errorf("redisstore: Addr: %w", err)
			}
		}
		uo = &redis.UniversalOptions{Addrs: []string{opt.Addr}, Username: opt.Username, Password: opt.Password, DB: opt.DB, TLSConfig: opt.TLSConfig}
	}
	if cfg.Password != "" {
		uo.Password = cfg.Password
	}
	if cfg.DB != 0 {
		uo.DB = cfg.DB
	}
	uo.Protocol = 2
	uo.DisableIdentity = true
	uo.MaintNotificationsConfig = &maintnotifications.Config{Mode: maintnotifications.ModeDisabled}
	uo.MaxRetries = -1 // never repeat a pipeline that may have run
	uo.MaxRedirects = -1
	uo.DialTimeout, uo.ReadTimeout, uo.WriteTimeout = timeout, timeout, timeout
	uo.DialerRetries = 1
	uo.ContextTimeoutEnabled = true
	uo.PoolSize = cfg.PoolSize
	if uo.PoolSize <= 0 {
		uo.PoolSize = 4
	}
	uo.PoolTimeout = timeout
	// a Cluster for several addresses, the master the Sentinels at Addrs
	// monitor for a MasterName, else a single server
	c := redis.NewUniversalClient(uo)
	s, err := NewWithClient(c, cfg)
	if err != nil {
		c.Close()
		return nil, err
	}
	s.own = c
	return s, nil
}

// NewWithClient returns a Store on an existing client (for example a
// *redis.ClusterClient). Addr, Password, DB and Timeout are ignored; the
// client should have retries off (MaxRetries -1), see Store.
func NewWithClient(c rediser, cfg Config) (*Store, error) {
	p := cfg.Prefix
	if p == "" {
		p = "sluice"
	}
	if strings.ContainsAny(p, "{}") {
		return nil, fmt.Errorf("redisstore: Prefix %q must not contain '{' or '}'", p)
	}
	sc := cfg.SeedCapacity
	if sc == 0 {
		sc = 1 << 17
	}
	per := cfg.KeysPerCall
	if per <= 0 {
		per = 64
		if _, ok := c.(*redis.ClusterClient); ok {
			per = 1
		}
	}
	return &Store{c: c, prefix: p, batchT: cfg.BatchClock, per: per, seeds: newSeeds(sc)}, nil
}

// Ping checks that the server answers and loads the scripts.
//
// It also checks the schema the keys under the prefix are written in
// ({prefix:schema}, set when absent): replicas of a sluice that writes
// another schema refuse to share the prefix instead of corrupting it.
func (s *Store) Ping(ctx context.Context) error {
	for _, sc := range []*redis.Script{nodeScript, accountScript, bucketScript} {
		if err := sc.Load(ctx, s.c).Err(); err != nil {
			return fmt.Errorf("redisstore: %w", err)
		}
	}
	c, ok := s.c.(schemaClient)
	if !ok {
		return nil
	}
	key := "{" + s.prefix + ":schema}"
	if err := c.SetNX(ctx, key, Schema, 0).Err(); err != nil {
		return fmt.Errorf("redisstore: schema: %w", err)
	}
	got, err := c.Get(ctx, key).Result()
	if err != nil {
		return fmt.Errorf("redisstore: schema: %w", err)
	}
	if got != Schema {
		return fmt.Errorf("%w: the keys under prefix %q are in schema %q, this sluice writes %q: use another prefix, or upgrade every replica",
			ErrSchema, s.prefix, got, Schema)
	}
	return nil
}

// Schema is the version of the key layout and the scripts' fields.
const Schema = "1"

// ErrSchema is wrapped by Ping when the prefix holds another schema.
var ErrSchema = errors.New("redisstore: schema mismatch")

type schemaClient interface {
	SetNX(ctx context.Context, key string, value any, expiration time.Duration) *redis.BoolCmd
	Get(ctx context.Context, key string) *redis.StringCmd
}

// Close closes the client if New made it.
func (s *Store) Close() error {
	if s.own != nil {
		return s.own.Close()
	}
	return nil
}

// Reseeded returns how many keys were seeded from this replica's memory
// after Redis had lost them.
func (s *Store) Reseeded() uint64 { return s.reseed.Load() }

// call is one script call of an exchange: common arguments, then per key
// its arguments.
type call struct {
	sc   *redis.Script
	keys []string
	args []any
}

// batcher packs the keys of one script into calls of at most per keys.
type batcher struct {
	sc     *redis.Script
	common []any
	per    int
	calls  []call
}

func (bt *batcher) add(key string, args ...any) {
	if n := len(bt.calls); n == 0 || len(bt.calls[n-1].keys) >= bt.per {
		bt.calls = append(bt.calls, call{sc: bt.sc, args: append([]any(nil), bt.common...)})
	}
	c := &bt.calls[len(bt.calls)-1]
	c.keys = append(c.keys, key)
	c.args = append(c.args, args...)
}

func (s *Store) key(tag string, k uint64) string {
	var b []byte
	b = append(b, '{')
	b = append(b, s.prefix...)
	b = append(b, ':')
	b = append(b, tag...)
	b = append(b, ':')
	b = strconv.AppendUint(b, k, 16)
	b = append(b, '}')
	return string(b)
}

func ns(v int64) string    { return strconv.FormatInt(max(v, 0), 10) }
func id(v uint64) string   { return strconv.FormatUint(v, 10) }
func fl(v float64) string  { return strconv.FormatFloat(v, 'g', -1, 64) }
func f32(v float32) string { return fl(float64(v)) }
func b01(v bool) string {
	if v {
		return "1"
	}
	return "0"
}
func ms(d time.Duration) string {
	return strconv.FormatInt(max(int64(math.Ceil(float64(d)/float64(time.Millisecond))), 1), 10)
}

func bits(a [4]uint64) string {
	var b [32]byte
	for i, w := range a {
		binary.LittleEndian.PutUint64(b[i*8:], w)
	}
	return string(b[:])
}

// Exchange implements limiter.Store. On error b is unchanged.
func (s *Store) Exchange(ctx context.Context, b *limiter.Batch) error {
	n := len(b.Nodes) + len(b.Accounts) + len(b.Buckets)
	if n == 0 {
		return nil
	}
	now := ns(b.Now.UnixNano())
	hl, ttl := strconv.FormatInt(int64(b.HalfLife), 10), strconv.FormatInt(int64(b.TTL), 10)
	exp := b.TTL
	if exp <= 0 {
		exp = defaultTTL
	}
	var bs, bn string
	if s.batchT {
		bs, bn = strconv.FormatInt(b.Now.Unix(), 10), strconv.Itoa(b.Now.Nanosecond())
	}
	nb := batcher{sc: nodeScript, common: []any{now, hl, ttl, ms(exp)}, per: s.per}
	ab := batcher{sc: accountScript, common: nb.common, per: s.per}
	bb := batcher{sc: bucketScript, common: []any{bs, bn}, per: s.per}
	if s.seeds != nil {
		s.seeds.mu.Lock()
	}
	seedOf := func(k seedKey) (seed, bool) {
		if s.seeds == nil {
			return seed{}, false
		}
		return s.seeds.get(k)
	}
	for i := range b.Nodes {
		in := &b.Nodes[i]
		sat, s0, s1, s2 := "", "0", "0", "0"
		if sd, ok := seedOf(seedKey{'n', in.Key}); ok {
			sat, s0, s1, s2 = ns(sd.at), fl(sd.v[0]), fl(sd.v[1]), fl(sd.v[2])
		}
		nb.add(s.key("n", in.Key), ns(in.First), ns(in.Last), f32(in.Reqs), f32(in.SReqs), f32(in.Susp),
			bits(in.NAccts), bits(in.SAccts), id(in.Parent), ns(in.ThrottledAt), id(uint64(in.Throttled)), sat, s0, s1, s2)
	}
	for i := range b.Accounts {
		in := &b.Accounts[i]
		sat, s0, s1, s2 := "", "0", "0", "0"
		if sd, ok := seedOf(seedKey{'a', uint64(in.Key)}); ok {
			sat, s0, s1, s2 = ns(sd.at), fl(sd.v[0]), fl(sd.v[1]), fl(sd.v[2])
		}
		ab.add(s.key("a", uint64(in.Key)), ns(in.First), ns(in.Last), f32(in.N), f32(in.Susp), f32(in.Strong),
			f32(in.Heat), id(uint64(in.Cluster)), sat, s0, s1, s2, b01(in.Wave))
	}
	for i := range b.Buckets {
		in := &b.Buckets[i]
		lv, s0, s1 := "", "0", "0"
		if sd, ok := seedOf(seedKey{'b' + uint8(in.Kind), in.Key}); ok {
			lv, s0, s1 = fl(sd.v[0]), strconv.FormatInt(sd.at, 10), strconv.FormatInt(sd.atNs, 10)
		}
		// once a bucket would have refilled from -burst, a missing key
		// (a full bucket) is the same state
		e := exp
		if in.Rate > 0 {
			e = min(exp, time.Duration(2*in.Burst/in.Rate*float64(time.Second))+time.Second)
		}
		bb.add(s.key("b"+strconv.Itoa(int(in.Kind)), in.Key), fl(in.Rate), fl(in.Burst), fl(in.Used), lv, s0, s1, ms(e))
	}
	if s.seeds != nil {
		s.seeds.mu.Unlock()
	}
	calls := append(append(nb.calls, ab.calls...), bb.calls...)
	res, err := s.run(ctx, calls)
	if err != nil {
		return fmt.Errorf("redisstore: %w", err)
	}
	return s.apply(b, res)
}

// run sends calls in one pipeline and returns their replies, flattened in
// call order. Calls that found their script missing are sent again after
// loading it.
func (s *Store) run(ctx context.Context, calls []call) ([]any, error) {
	cmds := make([]*redis.Cmd, len(calls))
	idx := make([]int, len(calls))
	for i := range idx {
		idx[i] = i
	}
	replies := make([][]any, len(calls))
	for attempt := 0; len(idx) > 0; attempt++ {
		_, err := s.c.Pipelined(ctx, func(p redis.Pipeliner) error {
			for _, i := range idx {
				c := &calls[i]
				cmds[i] = p.EvalSha(ctx, c.sc.Hash(), c.keys, c.args...)
			}
			return nil
		})
		var missing []int
		for _, i := range idx {
			cerr := cmds[i].Err()
			if cerr == nil {
				v, verr := cmds[i].Slice()
				if verr != nil {
					return nil, verr
				}
				replies[i] = v
				continue
			}
			if attempt == 0 && redis.HasErrorPrefix(cerr, "NOSCRIPT") {
				missing = append(missing, i)
				continue
			}
			return nil, cerr
		}
		if err != nil && len(missing) == 0 {
			return nil, err
		}
		loaded := map[*redis.Script]bool{}
		for _, i := range missing {
			if sc := calls[i].sc; !loaded[sc] {
				if err := sc.Load(ctx, s.c).Err(); err != nil {
					return nil, err
				}
				loaded[sc] = true
			}
		}
		idx = missing
	}
	var out []any
	for _, r := range replies {
		out = append(out, r...)
	}
	return out, nil
}

var errReply = errors.New("unexpected reply")

// reply reads n strings from the flattened replies at k.
func reply(res []any, k, n int) ([]string, error) {
	if len(res) < k+n {
		return nil, fmt.Errorf("%w: %d values, want %d or more", errReply, len(res), k+n)
	}
	out := make([]string, n)
	for i, x := range res[k : k+n] {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("%w: value %d is %T", errReply, i, x)
		}
		out[i] = s
	}
	return out, nil
}

// parser collects the first parse error.
type parser struct{ err error }

func (p *parser) i64(s string) int64 {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil && p.err == nil {
		p.err = err
	}
	return v
}

func (p *parser) u64(s string) uint64 {
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil && p.err == nil {
		p.err = err
	}
	return v
}

func (p *parser) f64(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && p.err == nil {
		p.err = err
	}
	return v
}

func (p *parser) bits(s string) (a [4]uint64) {
	if len(s) != 32 {
		if p.err == nil {
			p.err = fmt.Errorf("%w: bitmap of %d bytes", errReply, len(s))
		}
		return a
	}
	for i := range a {
		a[i] = binary.LittleEndian.Uint64([]byte(s[i*8 : i*8+8]))
	}
	return a
}

// apply parses the replies and, when all are good, writes the merged state
// into b and remembers it as seeds.
func (s *Store) apply(b *limiter.Batch, res []any) error {
	var p parser
	nodes := make([]limiter.NodeState, len(b.Nodes))
	accts := make([]limiter.AccountState, len(b.Accounts))
	buckets := make([]limiter.BucketState, len(b.Buckets))
	type bucketAt struct{ s, ns int64 }
	bat := make([]bucketAt, len(b.Buckets))
	var reseeded uint64
	k := 0
	for i, in := range b.Nodes {
		r, err := reply(res, k, 11)
		k += 11
		if err != nil {
			return fmt.Errorf("redisstore: node: %w", err)
		}
		nodes[i] = limiter.NodeState{Key: in.Key, First: p.i64(r[0]), Last: p.i64(r[1]),
			Reqs: float32(p.f64(r[2])), SReqs: float32(p.f64(r[3])), Susp: float32(p.f64(r[4])),
			NAccts: p.bits(r[5]), SAccts: p.bits(r[6]), Parent: p.u64(r[7]),
			ThrottledAt: p.i64(r[8]), Throttled: limiter.AccountID(p.u64(r[9]))}
		if r[10] == "1" && nodes[i].Reqs != in.Reqs {
			reseeded++
		}
	}
	for i, in := range b.Accounts {
		r, err := reply(res, k, 9)
		k += 9
		if err != nil {
			return fmt.Errorf("redisstore: account: %w", err)
		}
		accts[i] = limiter.AccountState{Key: in.Key, First: p.i64(r[0]), Last: p.i64(r[1]),
			N: float32(p.f64(r[2])), Susp: float32(p.f64(r[3])), Strong: float32(p.f64(r[4])),
			Heat: float32(p.f64(r[5])), Cluster: limiter.ClusterID(p.u64(r[6])), Wave: r[8] == "1"}
		if r[7] == "1" && accts[i].N != in.N {
			reseeded++
		}
	}
	for i, in := range b.Buckets {
		r, err := reply(res, k, 4)
		k += 4
		if err != nil {
			return fmt.Errorf("redisstore: bucket: %w", err)
		}
		buckets[i] = in
		buckets[i].Level = p.f64(r[0])
		bat[i] = bucketAt{p.i64(r[1]), p.i64(r[2])}
	}
	if p.err != nil {
		return fmt.Errorf("redisstore: %w: %w", errReply, p.err)
	}
	copy(b.Nodes, nodes)
	copy(b.Accounts, accts)
	copy(b.Buckets, buckets)
	s.reseed.Add(reseeded)
	if s.seeds == nil {
		return nil
	}
	at := b.Now.UnixNano()
	s.seeds.mu.Lock()
	defer s.seeds.mu.Unlock()
	for _, n := range nodes {
		s.seeds.put(seedKey{'n', n.Key}, seed{at: at, v: [3]float64{float64(n.Reqs), float64(n.SReqs), float64(n.Susp)}})
	}
	for _, a := range accts {
		s.seeds.put(seedKey{'a', uint64(a.Key)}, seed{at: at, v: [3]float64{float64(a.N), float64(a.Susp), float64(a.Strong)}})
	}
	for i, bk := range buckets {
		s.seeds.put(seedKey{'b' + uint8(bk.Kind), bk.Key}, seed{at: bat[i].s, atNs: bat[i].ns, v: [3]float64{bk.Level}})
	}
	return nil
}
