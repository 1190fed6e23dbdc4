import 'server-only';
import { Redis } from 'ioredis';
import type { RedisOutageLog } from '../events/redis-outage-log';
import { RELEASE_LEASE_SCRIPT, RENEW_LEASE_SCRIPT } from '../events/redis-scripts';
import { componentLogger } from '../log/logger';

/**
 * Runs `start` on exactly one instance at a time: whoever holds a Redis key with an expiry. The
 * holder renews it every third of the TTL; if it dies, another instance takes over within one TTL.
 */
export function holdLease({
  url,
  key,
  owner,
  ttlMs,
  outage,
  start,
  stop,
}: {
  url: string;
  key: string;
  owner: string;
  ttlMs: number;
  outage: RedisOutageLog;
  start: () => void;
  stop: () => void;
}) {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  outage.watch(redis);
  const log = componentLogger('simulator');
  let holding = false;

  const lose = (why: string) => {
    if (!holding) return;
    holding = false;
    log.info({ lease: 'released', why }, `this instance no longer runs the simulator: ${why}`);
    stop();
  };

  async function renewOrAcquire() {
    try {
      if (holding) {
        if (!(await redis.eval(RENEW_LEASE_SCRIPT, 1, key, owner, ttlMs))) lose('another instance holds the lease');
      } else if (await redis.set(key, owner, 'PX', ttlMs, 'NX')) {
        holding = true;
        log.info({ lease: 'taken' }, 'this instance took the simulator lease and runs the simulator');
        start();
      }
    } catch {
      // Without Redis we cannot know whether the lease is still ours: stop rather than run twice.
      lose('Redis cannot confirm the lease');
    }
  }

  redis.once('ready', () => void renewOrAcquire());
  const timer = setInterval(renewOrAcquire, Math.max(100, Math.floor(ttlMs / 3)));
  timer.unref();

  return {
    async release() {
      clearInterval(timer);
      const wasHolding = holding;
      lose('shutting down');
      if (wasHolding) await redis.eval(RELEASE_LEASE_SCRIPT, 1, key, owner).catch(() => undefined);
      redis.disconnect();
    },
  };
}
