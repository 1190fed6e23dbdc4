import 'server-only';
import { Redis } from 'ioredis';

/**
 * The board clock's origin shared by every instance on one Redis: the first instance to start writes
 * its start time, and the others adopt it, so all of them show the same board time.
 */
export async function sharedClockOrigin({ url, key, candidate }: { url: string; key: string; candidate: number }): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.set(key, String(candidate), 'NX');
    const stored = Number(await redis.get(key));
    return Number.isFinite(stored) && stored > 0 ? stored : candidate;
  } finally {
    redis.disconnect();
  }
}
