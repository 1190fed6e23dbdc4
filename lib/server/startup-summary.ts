import type { Runtime } from './runtime';
import type { ApiToken } from '../auth/api-tokens';

// Each token by its name and rights, never its secret.
const describeToken = ({ name, scopes, airlines }: ApiToken) => `${name}: ${scopes.join(' ')}${airlines ? ` (${airlines.join(' ')})` : ''}`;

// A URL's password is a secret like a token: the summary keeps where Redis is, not how to log in.
function withoutCredentials(url: string) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = 'redacted';
  return parsed.toString();
}

/** What an operator reads first in the log of a new instance: which store, which board, which limits. */
export function startupSummary({ settings, tokens, backend, home, instance }: Pick<Runtime, 'settings' | 'tokens' | 'backend' | 'home' | 'instance'>) {
  return {
    instance,
    node: process.version,
    store: backend,
    ...(backend === 'sqlite' && { databasePath: settings.DATABASE_PATH }),
    ...(settings.REDIS_URL && { redis: withoutCredentials(settings.REDIS_URL), redisPrefix: settings.REDIS_PREFIX }),
    homeAirport: home.iata,
    simulator: settings.SIMULATOR === 'on' ? { tickMs: settings.SIMULATOR_TICK_MS, flights: settings.SIMULATOR_FLIGHTS, speed: settings.SIMULATOR_SPEED } : 'off',
    writeApi: tokens.length ? tokens.map(describeToken) : 'closed',
    metrics: settings.METRICS_TOKEN ? 'token' : 'open',
    maxStreams: settings.SSE_MAX_STREAMS,
    heartbeatMs: settings.SSE_HEARTBEAT_MS,
    maxStreamAgeMs: settings.SSE_MAX_STREAM_AGE_MS,
    historyLimit: settings.HISTORY_LIMIT,
    auditRetentionDays: settings.AUDIT_RETENTION_DAYS,
    boardRetentionMs: settings.BOARD_RETENTION_MS,
    logLevel: settings.LOG_LEVEL,
  };
}
