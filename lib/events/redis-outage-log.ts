import type { Redis } from 'ioredis';
import { componentLogger } from '../log/logger';

/** What the log writes to (a pino logger); tests pass their own. */
export interface OutageLogger {
  error(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/**
 * One line when Redis goes away, with the reason, and one when it is back, however many of the
 * process's connections (log, reader, close broadcast, simulator lease) notice, and however often
 * ioredis retries in between: an operator sees the outage, not a line per retry.
 */
export function createRedisOutageLog(logger: OutageLogger = componentLogger('redis')) {
  const down = new Set<Redis>();
  let since = 0;
  return {
    /** Follows one connection's errors and recoveries. */
    watch(connection: Redis) {
      // ioredis reports a lost connection by reconnecting, and a refused one by an error.
      const lost = (reason: string) => {
        if (down.has(connection)) return;
        if (down.size === 0) {
          since = Date.now();
          logger.error({ reason }, `unavailable: ${reason}. Writes answer 503 and open streams wait; retrying.`);
        }
        down.add(connection);
      };
      connection.on('error', (error: Error) => lost(error.message));
      connection.on('reconnecting', () => lost('the connection closed'));
      connection.on('ready', () => {
        if (!down.delete(connection) || down.size > 0) return;
        const downSeconds = Number(((Date.now() - since) / 1000).toFixed(1));
        logger.info({ downSeconds }, `back after ${downSeconds.toFixed(1)} s.`);
      });
      return connection;
    },
  };
}

export type RedisOutageLog = ReturnType<typeof createRedisOutageLog>;
