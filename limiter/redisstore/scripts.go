package redisstore

import "github.com/redis/go-redis/v9"

// The scripts merge one key each (KEYS[1]), so that every call touches a
// single hash slot and the same code runs on Redis Cluster; an exchange
// pipelines one call per key.
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
local function f32(x) return (struct.unpack('<f', struct.pack('<f', x))) end
local function decay(v, from, to, hl)
  local dt = tsub(to, from)
  if dt <= 0 or hl <= 0 then return v end
  return f32(v * f32(2 ^ (-dt / hl)))
end
local function bor(a, b)
  if not a or #a ~= 32 then return b end
  local x = {string.byte(a, 1, 32)}
  local y = {string.byte(b, 1, 32)}
  for i = 1, 32 do x[i] = bit.bor(x[i], y[i]) end
  return string.char(unpack(x))
end
local function g(x) return string.format('%.17g', x) end
`

// nodeScript merges one evidence node.
//
// ARGV: now, half-life (ns), ttl (ns), first, last, reqs, sreqs, susp,
// accts (32 bytes), saccts, parent, throttledAt, throttled, seed time ("" for
// none), seed reqs, seed sreqs, seed susp, expiry (ms).
// Returns first, last, reqs, sreqs, susp, accts, saccts, parent,
// throttledAt, throttled, created ("1" when the key was new or expired).
var nodeScript = redis.NewScript(luaLib + `
local k = KEYS[1]
local now, hl, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local h = redis.call('HMGET', k, 't', 'f', 'l', 'r', 's', 'u', 'a', 'b', 'p', 'ta', 'tw')
local at, first, last = h[1], h[2], h[3]
local reqs, sreqs, susp = tonumber(h[4]), tonumber(h[5]), tonumber(h[6])
local accts, saccts, parent, ta, tw = h[7], h[8], h[9], h[10], h[11]
local created = '0'
if not at or (ttl > 0 and tsub(now, at) > ttl) then
  created = '1'
  at, first, last, reqs, sreqs, susp = now, ARGV[4], '0', 0, 0, 0
  accts, saccts, parent, ta, tw = false, false, '0', '0', '0'
  local sat = ARGV[14]
  if sat ~= '' and (ttl <= 0 or tsub(now, sat) <= ttl) then
    reqs = decay(f32(tonumber(ARGV[15])), sat, now, hl)
    sreqs = decay(f32(tonumber(ARGV[16])), sat, now, hl)
    susp = decay(f32(tonumber(ARGV[17])), sat, now, hl)
  end
end
reqs = f32(decay(reqs, at, now, hl) + f32(tonumber(ARGV[6])))
sreqs = f32(decay(sreqs, at, now, hl) + f32(tonumber(ARGV[7])))
susp = f32(decay(susp, at, now, hl) + f32(tonumber(ARGV[8])))
if tsub(now, at) > 0 then at = now end
accts = bor(accts, ARGV[9])
saccts = bor(saccts, ARGV[10])
if tsub(ARGV[4], first) < 0 then first = ARGV[4] end
if tsub(ARGV[5], last) > 0 then last = ARGV[5] end
if parent == '0' then parent = ARGV[11] end
if tsub(ARGV[12], ta) > 0 then ta, tw = ARGV[12], ARGV[13] end
redis.call('HSET', k, 't', at, 'f', first, 'l', last, 'r', g(reqs), 's', g(sreqs), 'u', g(susp),
  'a', accts, 'b', saccts, 'p', parent, 'ta', ta, 'tw', tw)
redis.call('PEXPIRE', k, ARGV[18])
return {first, last, g(reqs), g(sreqs), g(susp), accts, saccts, parent, ta, tw, created}
`)

// accountScript merges one account's history.
//
// ARGV: now, half-life (ns), ttl (ns), first, last, n, susp, strong, heat,
// cluster, seed time ("" for none), seed n, seed susp, seed strong, expiry
// (ms). Returns first, last, n, susp, strong, heat, cluster, created.
var accountScript = redis.NewScript(luaLib + `
local k = KEYS[1]
local now, hl, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local h = redis.call('HMGET', k, 't', 'f', 'l', 'n', 's', 'g', 'h', 'c')
local at, first, last = h[1], h[2], h[3]
local n, susp, strong, heat, cl = tonumber(h[4]), tonumber(h[5]), tonumber(h[6]), tonumber(h[7]), h[8]
local created = '0'
if not at or (ttl > 0 and tsub(now, at) > ttl) then
  created = '1'
  at, first, last, n, susp, strong, heat, cl = now, ARGV[4], '0', 0, 0, 0, 0, '0'
  local sat = ARGV[11]
  if sat ~= '' and (ttl <= 0 or tsub(now, sat) <= ttl) then
    n = decay(f32(tonumber(ARGV[12])), sat, now, hl)
    susp = decay(f32(tonumber(ARGV[13])), sat, now, hl)
    strong = decay(f32(tonumber(ARGV[14])), sat, now, hl)
  end
end
n = f32(decay(n, at, now, hl) + f32(tonumber(ARGV[6])))
susp = f32(decay(susp, at, now, hl) + f32(tonumber(ARGV[7])))
strong = f32(decay(strong, at, now, hl) + f32(tonumber(ARGV[8])))
heat = decay(heat, at, now, hl)
if tsub(now, at) > 0 then at = now end
local inHeat = f32(tonumber(ARGV[9]))
if inHeat > heat then heat, cl = inHeat, ARGV[10] end
if tsub(ARGV[4], first) < 0 then first = ARGV[4] end
if tsub(ARGV[5], last) > 0 then last = ARGV[5] end
redis.call('HSET', k, 't', at, 'f', first, 'l', last, 'n', g(n), 's', g(susp), 'g', g(strong), 'h', g(heat), 'c', cl)
redis.call('PEXPIRE', k, ARGV[15])
return {first, last, g(n), g(susp), g(strong), g(heat), cl, created}
`)

// bucketScript takes from one token bucket.
//
// ARGV: rate (tokens/s), burst, used, now seconds and nanoseconds ("" for
// Redis TIME), seed level ("" for none), seed seconds, seed nanoseconds,
// expiry (ms). A bucket refills at rate up to burst from its last update,
// then loses used, down to -burst. A new bucket starts full, or from the
// seed refilled to now. Returns level, seconds, nanoseconds, created.
var bucketScript = redis.NewScript(`
local k = KEYS[1]
local rate, burst, used = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local s, ns
if ARGV[4] == '' then
  local t = redis.call('TIME')
  s, ns = tonumber(t[1]), tonumber(t[2]) * 1000
else
  s, ns = tonumber(ARGV[4]), tonumber(ARGV[5])
end
local h = redis.call('HMGET', k, 'v', 's', 'n')
local level, as, an = tonumber(h[1]), tonumber(h[2]), tonumber(h[3])
local created = '0'
if not level then
  created = '1'
  level, as, an = burst, s, ns
  if ARGV[6] ~= '' then
    local dt = (s - tonumber(ARGV[7])) + (ns - tonumber(ARGV[8])) / 1e9
    level = math.min(burst, tonumber(ARGV[6]) + math.max(dt, 0) * rate)
  end
end
local dt = (s - as) + (ns - an) / 1e9
if dt > 0 then
  level = math.min(burst, level + dt * rate)
  as, an = s, ns
end
level = math.max(level - used, -burst)
redis.call('HSET', k, 'v', string.format('%.17g', level), 's', as, 'n', an)
redis.call('PEXPIRE', k, ARGV[9])
return {string.format('%.17g', level), tostring(as), tostring(an), created}
`)
