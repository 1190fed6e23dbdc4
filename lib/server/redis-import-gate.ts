import 'server-only';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RedisOutageLog } from '../events/redis-outage-log';
import { RELEASE_LEASE_SCRIPT, RENEW_LEASE_SCRIPT } from '../events/redis-scripts';
import type { ImportGate } from '../schedule/import-gate';

// Renewed while the import runs; an instance that dies mid-import frees the board within this.
const GATE_TTL_MS = 30_000;

/**
 * One import at a time for every instance on the board's Redis: a key with an expiry, held by the
 * importing instance. Without Redis no import can be applied anyway, so an outage refuses it too.
 */
export function createRedisImportGate({ url, key, outage }: { url: string; key: string; outage: RedisOutageLog }): ImportGate & { close(): void } {
  const redis = outage.watch(new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 }));
  return {
    async enter() {
      const owner = randomUUID();
      if ((await redis.set(key, owner, 'PX', GATE_TTL_MS, 'NX').catch(() => null)) !== 'OK') return null;
      const renew = setInterval(() => void redis.eval(RENEW_LEASE_SCRIPT, 1, key, owner, GATE_TTL_MS).catch(() => undefined), GATE_TTL_MS / 3);
      renew.unref();
      return () => {
        clearInterval(renew);
        void redis.eval(RELEASE_LEASE_SCRIPT, 1, key, owner).catch(() => undefined);
      };
    },
    close: () => redis.disconnect(),
  };
}
