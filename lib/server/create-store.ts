import 'server-only';
import type { Settings } from '../env';
import type { EventLog } from '../events/event-log';
import { createMemoryLog } from '../events/memory-log';
import { createRedisLog } from '../events/redis-log';
import type { RedisOutageLog } from '../events/redis-outage-log';
import { createSqliteLog } from '../events/sqlite-log';

export type Backend = 'memory' | 'sqlite' | 'redis';

/** Picks the store from the settings: Redis when REDIS_URL is set, else SQLite, or memory for ":memory:". */
export function createStore(settings: Settings, outage: RedisOutageLog): { log: EventLog; backend: Backend } {
  const historyLimit = settings.HISTORY_LIMIT;
  if (settings.REDIS_URL) {
    return { log: createRedisLog({
        url: settings.REDIS_URL,
        prefix: settings.REDIS_PREFIX,
        historyLimit,
        auditRetentionMs: settings.AUDIT_RETENTION_DAYS * 86_400_000,
        outage,
      }), backend: 'redis' };
  }
  if (settings.DATABASE_PATH === ':memory:') return { log: createMemoryLog({ historyLimit }), backend: 'memory' };
  return { log: createSqliteLog({ path: settings.DATABASE_PATH, historyLimit }), backend: 'sqlite' };
}
