/**
 * Appends events and applies them to the flights hash in one atomic step, but only if the stream's
 * last id is still the one the plan was made against (optimistic concurrency between instances).
 * KEYS: events stream, flights hash, last-id key. ARGV: expected last id, MAXLEN, then per event
 * its name, its data and the flight id. Returns {1, ids...} or {0, actual last id}.
 */
export const COMMIT_SCRIPT = `
local last = redis.call('GET', KEYS[3]) or '0-0'
if last ~= ARGV[1] then return {0, last} end
local result = {1}
for i = 3, #ARGV, 3 do
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'n', ARGV[i], 'd', ARGV[i + 1])
  if ARGV[i] == 'flightStateUpdate' then
    redis.call('HSET', KEYS[2], ARGV[i + 2], ARGV[i + 1])
  else
    redis.call('HDEL', KEYS[2], ARGV[i + 2])
  end
  result[#result + 1] = id
  last = id
end
redis.call('SET', KEYS[3], last)
return result
`;

/**
 * Restores a board into a Redis that lost its data, unless another instance did first.
 * KEYS: flights hash, last-id key, floor key, events stream. ARGV: the board as id, data pairs.
 * The floor is a fresh id: anything older can no longer be replayed. Adding and deleting a marker at
 * the floor makes the stream's next ids come after it. Returns 1 if it restored.
 */
export const RESTORE_SCRIPT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local time = redis.call('TIME')
local floor = tostring(time[1] * 1000 + math.floor(time[2] / 1000)) .. '-0'
redis.call('XADD', KEYS[4], floor, 'n', 'restored', 'd', '{}')
redis.call('XDEL', KEYS[4], floor)
for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('SET', KEYS[2], floor)
redis.call('SET', KEYS[3], floor)
return 1
`;

/** Renews a lease only for its holder. KEYS: lease key. ARGV: owner, ttl ms. */
export const RENEW_LEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

/** Gives a lease up only for its holder. KEYS: lease key. ARGV: owner. */
export const RELEASE_LEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
