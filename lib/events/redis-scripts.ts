/**
 * Appends events and applies them to the board's hashes in one atomic step, with each flight's
 * history entry, but only if the stream's last id is still the one the plan was made against
 * (optimistic concurrency between instances).
 * KEYS: events stream, last-id key, the hashes (flights, notices, screens), the history index.
 * ARGV: expected last id, MAXLEN, the history key prefix, how long history is kept (ms), then per
 * event its name, its data, the index in KEYS of the hash it changes, the field, the value to store
 * there ('' deletes the field) and the flight's history entry ('' for none; the field is the flight
 * id). Returns {1, ids...} or {0, actual last id}.
 */
export const COMMIT_SCRIPT = `
local last = redis.call('GET', KEYS[2]) or '0-0'
if last ~= ARGV[1] then return {0, last} end
local time = redis.call('TIME')
local now = time[1] * 1000 + math.floor(time[2] / 1000)
local cutoff = string.format('%d', now - tonumber(ARGV[4]))
local result = {1}
for i = 5, #ARGV, 6 do
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'n', ARGV[i], 'd', ARGV[i + 1])
  local hash = KEYS[tonumber(ARGV[i + 2])]
  if ARGV[i + 4] == '' then
    redis.call('HDEL', hash, ARGV[i + 3])
  else
    redis.call('HSET', hash, ARGV[i + 3], ARGV[i + 4])
  end
  if ARGV[i + 5] ~= '' then
    redis.call('XADD', ARGV[3] .. ARGV[i + 3], 'MINID', '~', cutoff, '*', 'd', ARGV[i + 5])
    redis.call('ZADD', KEYS[6], now, ARGV[i + 3])
  end
  result[#result + 1] = id
  last = id
end
redis.call('SET', KEYS[2], last)
return result
`;

/**
 * Drops a flight's whole history if it has not grown since `before` (ms), with its index entry;
 * a history that grew meanwhile is left alone. KEYS: the flight's history, the history index.
 * ARGV: the flight id, before. Returns how many entries it dropped.
 */
export const PRUNE_HISTORY_SCRIPT = `
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) >= tonumber(ARGV[2]) then return 0 end
local count = redis.call('XLEN', KEYS[1])
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return count
`;

/**
 * Restores a board into a Redis that lost its data, unless another instance did first.
 * KEYS: events stream, last-id key, the hashes (flights, notices, screens) as the commit script
 * has them, then the floor key. ARGV: the board as triples of the index in KEYS of a hash, a field
 * and its value.
 * The floor is a fresh id: anything older can no longer be replayed. Adding and deleting a marker at
 * the floor makes the stream's next ids come after it. Returns 1 if it restored.
 */
export const RESTORE_SCRIPT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local time = redis.call('TIME')
local floor = tostring(time[1] * 1000 + math.floor(time[2] / 1000)) .. '-0'
redis.call('XADD', KEYS[1], floor, 'n', 'restored', 'd', '{}')
redis.call('XDEL', KEYS[1], floor)
for i = 1, #ARGV, 3 do redis.call('HSET', KEYS[tonumber(ARGV[i])], ARGV[i + 1], ARGV[i + 2]) end
redis.call('SET', KEYS[2], floor)
redis.call('SET', KEYS[6], floor)
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
