package redisstore

import "github.com/redis/go-redis/v9"

// Each script merges the keys it is given one by one, each key on its own
// (no script reads two keys), so that a call with one key touches a single
// hash slot and the same code runs on Redis Cluster. An exchange pipelines
// calls of up to Config.KeysPerCall keys (1 on a cluster).
//
// Lua numbers are doubles, so the int64 times (unix ns) and the uint64 ids
// travel as decimal strings: ids are only compared with "0" and copied,
// times are split into seconds and nanoseconds (exact in a double) before
// any arithmetic. Counts are rounded to float32 after each operation, as
// limiter.SharedMemory does, so that both stores agree to the bit in the
// usual case. Every value goes back as a string: Redis would truncate a Lua
// number to an integer.

// luaLib holds the helpers shared by the scripts.
const luaLib = `
local function split(s)
  local n = #s
  if n <= 9 then return 0, tonumber(s) end
  return tonumber(string.sub(s, 1, n - 9)), tonumber(string.sub(s, n - 8))
end
local function tsub(a, b)
  local as, an = split(a)
  local bs, bn = split(b)
  return (as - bs) * 1e9 + (an - bn)
end
local function lt(a, b)
  if #a ~= #b then return #a < #b end
  return a < b
end
local function f32(x) return (struct.unpack('<f', struct.pack('<f', x))) end
local function factor(dt, hl)
  if dt <= 0 or hl <= 0 then return 1 end
  return f32(2 ^ (-dt / hl))
end
local function decay(v, fac)
  if fac == 1 then return v end
  return f32(v * fac)
end
local function bor(a, b)
  if not a or #a ~= 32 or a == b then return b end
  local x = {string.byte(a, 1, 32)}
  local y = {string.byte(b, 1, 32)}
  for i = 1, 32 do x[i] = bit.bor(x[i], y[i]) end
  return string.char(unpack(x))
end
local function g(x) return string.format('%.17g', x) end
`

// nodeScript merges evidence nodes, one per key.
//
// ARGV: now, half-life (ns), ttl (ns), expiry (ms), then per key: first,
// last, reqs, sreqs, susp, accts (32 bytes), saccts, parent, throttledAt,
// throttled, seed time ("" for none), seed reqs, seed sreqs, seed susp.
// Returns per key: first, last, reqs, sreqs, susp, accts, saccts, parent,
// throttledAt, throttled, created ("1" when the key was new or expired).
var nodeScript = redis.NewScript(luaLib + `
local now, hl, ttl, exp = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local out = {}
for i = 1, #KEYS do
local k = KEYS[i]
local A = {unpack(ARGV, 5 + (i - 1) * 14, 4 + i * 14)}
local h = redis.call('HMGET', k, 't', 'f', 'l', 'r', 's', 'u', 'a', 'b', 'p', 'ta', 'tw')
local at, first, last = h[1], h[2], h[3]
local reqs, sreqs, susp = tonumber(h[4]), tonumber(h[5]), tonumber(h[6])
local accts, saccts, parent, ta, tw = h[7], h[8], h[9], h[10], h[11]
local created = '0'
local dt = at and tsub(now, at)
if not at or (ttl > 0 and dt > ttl) then
  created = '1'
  at, dt, first, last, reqs, sreqs, susp = now, 0, A[1], '0', 0, 0, 0
  accts, saccts, parent, ta, tw = false, false, '0', '0', '0'
  local sat = A[11]
  local sdt = sat ~= '' and tsub(now, sat)
  if sdt and (ttl <= 0 or sdt <= ttl) then
    local fac = factor(sdt, hl)
    reqs = decay(f32(tonumber(A[12])), fac)
    sreqs = decay(f32(tonumber(A[13])), fac)
    susp = decay(f32(tonumber(A[14])), fac)
  end
end
local fac = factor(dt, hl)
reqs = f32(decay(reqs, fac) + f32(tonumber(A[3])))
sreqs = f32(decay(sreqs, fac) + f32(tonumber(A[4])))
susp = f32(decay(susp, fac) + f32(tonumber(A[5])))
if dt > 0 then at = now end
accts = bor(accts, A[6])
saccts = bor(saccts, A[7])
if lt(A[1], first) then first = A[1] end
if lt(last, A[2]) then last = A[2] end
if parent == '0' then parent = A[8] end
if lt(ta, A[9]) then ta, tw = A[9], A[10] end
redis.call('HSET', k, 't', at, 'f', first, 'l', last, 'r', g(reqs), 's', g(sreqs), 'u', g(susp),
  'a', accts, 'b', saccts, 'p', parent, 'ta', ta, 'tw', tw)
redis.call('PEXPIRE', k, exp)
for _, v in ipairs({first, last, g(reqs), g(sreqs), g(susp), accts, saccts, parent, ta, tw, created}) do out[#out + 1] = v end
end
return out
`)

// accountScript merges account histories, one per key.
//
// ARGV: now, half-life (ns), ttl (ns), expiry (ms), then per key: first,
// last, n, susp, strong, heat, cluster, seed time ("" for none), seed n,
// seed susp, seed strong, wave ("1" or "0"). Returns per key: first, last,
// n, susp, strong, heat, cluster, created, wave (or of all replicas').
var accountScript = redis.NewScript(luaLib + `
local now, hl, ttl, exp = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local out = {}
for i = 1, #KEYS do
local k = KEYS[i]
local A = {unpack(ARGV, 5 + (i - 1) * 12, 4 + i * 12)}
local h = redis.call('HMGET', k, 't', 'f', 'l', 'n', 's', 'g', 'h', 'c', 'w')
local at, first, last = h[1], h[2], h[3]
local n, susp, strong, heat, cl, wave = tonumber(h[4]), tonumber(h[5]), tonumber(h[6]), tonumber(h[7]), h[8], h[9]
local created = '0'
local dt = at and tsub(now, at)
if not at or (ttl > 0 and dt > ttl) then
  created = '1'
  at, dt, first, last, n, susp, strong, heat, cl, wave = now, 0, A[1], '0', 0, 0, 0, 0, '0', '0'
  local sat = A[8]
  local sdt = sat ~= '' and tsub(now, sat)
  if sdt and (ttl <= 0 or sdt <= ttl) then
    local fac = factor(sdt, hl)
    n = decay(f32(tonumber(A[9])), fac)
    susp = decay(f32(tonumber(A[10])), fac)
    strong = decay(f32(tonumber(A[11])), fac)
  end
end
local fac = factor(dt, hl)
n = f32(decay(n, fac) + f32(tonumber(A[3])))
susp = f32(decay(susp, fac) + f32(tonumber(A[4])))
strong = f32(decay(strong, fac) + f32(tonumber(A[5])))
heat = decay(heat, fac)
if dt > 0 then at = now end
local inHeat = f32(tonumber(A[6]))
if inHeat > heat then heat, cl = inHeat, A[7] end
if lt(A[1], first) then first = A[1] end
if lt(last, A[2]) then last = A[2] end
if A[12] == '1' then wave = '1' elseif wave ~= '1' then wave = '0' end
redis.call('HSET', k, 't', at, 'f', first, 'l', last, 'n', g(n), 's', g(susp), 'g', g(strong), 'h', g(heat), 'c', cl, 'w', wave)
redis.call('PEXPIRE', k, exp)
for _, v in ipairs({first, last, g(n), g(susp), g(strong), g(heat), cl, created, wave}) do out[#out + 1] = v end
end
return out
`)

// bucketScript takes from token buckets.
//
// ARGV: now seconds and nanoseconds ("" for Redis TIME), then per key:
// rate (tokens/s), burst, used, seed level ("" for none), seed seconds,
// seed nanoseconds, expiry (ms). A bucket refills at rate up to burst from
// its last update, then loses used, down to -burst. A new bucket starts
// full, or from the seed refilled to now. Returns per key: level, seconds,
// nanoseconds, created.
var bucketScript = redis.NewScript(`
local s, ns
if ARGV[1] == '' then
  local t = redis.call('TIME')
  s, ns = tonumber(t[1]), tonumber(t[2]) * 1000
else
  s, ns = tonumber(ARGV[1]), tonumber(ARGV[2])
end
local out = {}
for i = 1, #KEYS do
local k = KEYS[i]
local A = {unpack(ARGV, 3 + (i - 1) * 7, 2 + i * 7)}
local rate, burst, used = tonumber(A[1]), tonumber(A[2]), tonumber(A[3])
local h = redis.call('HMGET', k, 'v', 's', 'n')
local level, as, an = tonumber(h[1]), tonumber(h[2]), tonumber(h[3])
local created = '0'
if not level then
  created = '1'
  level, as, an = burst, s, ns
  if A[4] ~= '' then
    local dt = (s - tonumber(A[5])) + (ns - tonumber(A[6])) / 1e9
    level = math.min(burst, tonumber(A[4]) + math.max(dt, 0) * rate)
  end
end
local dt = (s - as) + (ns - an) / 1e9
if dt > 0 then
  level = math.min(burst, level + dt * rate)
  as, an = s, ns
end
level = math.max(level - used, -burst)
local lv = string.format('%.17g', level)
redis.call('HSET', k, 'v', lv, 's', as, 'n', an)
redis.call('PEXPIRE', k, A[7])
out[#out + 1] = lv
out[#out + 1] = string.format('%d', as)
out[#out + 1] = string.format('%d', an)
out[#out + 1] = created
end
return out
`)
