import type { Logger } from 'pino';
import { componentLogger } from '../log/logger';
import type { HubStats } from '../sse/stream-hub';

const INTERVAL_MS = 5000;

/**
 * Every few seconds, the streams dropped as too slow and the new streams refused since the last
 * look: one line an interval, not one a stream, however many a flood of connections brings.
 * Returns what stops it.
 */
export function logStreamTrouble(
  stats: Pick<HubStats, 'slowClientsDropped' | 'streamsRefused'>,
  { intervalMs = INTERVAL_MS, log = componentLogger('sse') as Pick<Logger, 'warn'> } = {},
) {
  let dropped = stats.slowClientsDropped;
  let refused = stats.streamsRefused;
  const timer = setInterval(() => {
    const newlyDropped = stats.slowClientsDropped - dropped;
    const newlyRefused = stats.streamsRefused - refused;
    ({ slowClientsDropped: dropped, streamsRefused: refused } = stats);
    if (newlyDropped > 0) {
      log.warn({ dropped: newlyDropped, intervalMs }, `dropped ${newlyDropped} streams too slow to keep up (backlog over SSE_MAX_BACKLOG_BYTES)`);
    }
    if (newlyRefused > 0) {
      log.warn({ refused: newlyRefused, intervalMs }, `refused ${newlyRefused} new streams (SSE_MAX_STREAMS reached, or stopping)`);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
