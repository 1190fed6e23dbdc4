import 'server-only';
import { randomUUID } from 'node:crypto';
import { acceptedTokens, type ApiToken } from '../auth/api-tokens';
import { readSettings, SettingsError, type Settings } from '../env';
import { trackInFlightWrites, type TrackedLog } from '../events/in-flight-writes';
import { redisKeys } from '../events/redis-keys';
import { createRedisOutageLog, type RedisOutageLog } from '../events/redis-outage-log';
import { findAirport, type AirportInfo } from '../reference/reference-data';
import { createLocalImportGate, type ImportGate } from '../schedule/import-gate';
import { createStreamHub, type StreamHub } from '../sse/stream-hub';
import { createBoardClock, type BoardClock } from '../time/board-clock';
import { createStore, type Backend } from './create-store';
import { createCloseBroadcast } from './close-broadcast';
import { createMetrics } from './metrics';
import { createRedisImportGate } from './redis-import-gate';

export interface Runtime {
  settings: Settings;
  /** Every token the write API accepts (API_TOKENS, and API_TOKEN as `admin`). */
  tokens: readonly ApiToken[];
  home: AirportInfo;
  log: TrackedLog;
  backend: Backend;
  hub: StreamHub;
  /** The board's clock: real time, or sped up while the simulator runs (SIMULATOR_SPEED). */
  clock: BoardClock;
  metrics: ReturnType<typeof createMetrics>;
  instance: string;
  startedAt: number;
  /** Set on SIGTERM: new streams are refused while the process winds down. */
  shuttingDown: boolean;
  /** Whether this instance runs the simulator now (with Redis, only the lease holder does). */
  simulatorRunning: boolean;
  /** Sends `closedConnection` to every open stream, on every instance sharing the store; returns this instance's count. */
  closeAllStreams(reason: string): number;
  /** The process's one log of Redis outages. */
  redisOutage: RedisOutageLog;
  /** One schedule import at a time per board (with Redis, across instances). */
  importGate: ImportGate;
  /** Releases what the runtime holds besides the log (the close broadcast's and import gate's connections). */
  release(): void;
}

// instrumentation.ts and the route handlers are separate bundles, each with its own copy of the
// modules: only globalThis is shared by all of them.
const RUNTIME_KEY = Symbol.for('skyboard.runtime');
type RuntimeHolder = { [RUNTIME_KEY]?: Runtime };

/** The process's one log, hub and settings, created on first use. */
export function getRuntime(): Runtime {
  const holder = globalThis as RuntimeHolder;
  holder[RUNTIME_KEY] ??= createRuntime(readSettings());
  return holder[RUNTIME_KEY];
}

function createRuntime(settings: Settings): Runtime {
  const home = findAirport(settings.HOME_AIRPORT);
  if (!home) {
    throw new SettingsError(`Invalid setting. HOME_AIRPORT: no airport has the IATA code "${settings.HOME_AIRPORT}".`);
  }
  // One log of Redis outages for every connection of the process: one line per outage.
  const redisOutage = createRedisOutageLog();
  const store = createStore(settings, redisOutage);
  const log = trackInFlightWrites(store.log);
  // The hub and the metrics refer to each other: the metrics read the hub, the hub reports latency.
  const metrics = createMetrics(
    () => hub,
    () => runtime.simulatorRunning,
  );
  const clock = createBoardClock({ speed: settings.SIMULATOR === 'on' ? settings.SIMULATOR_SPEED : 1 });
  const hub = createStreamHub({
    log,
    heartbeatMs: settings.SSE_HEARTBEAT_MS,
    boardNow: () => clock.now(),
    maxStreamAgeMs: settings.SSE_MAX_STREAM_AGE_MS,
    maxBacklogBytes: settings.SSE_MAX_BACKLOG_BYTES,
    onFanOut: metrics.observeFanOut,
  });
  // Names this instance in /api/status and in its leases; nothing about the host it runs on.
  const instance = randomUUID();
  const broadcast = settings.REDIS_URL
    ? createCloseBroadcast({
        url: settings.REDIS_URL,
        prefix: settings.REDIS_PREFIX,
        instance,
        outage: redisOutage,
        onRemoteClose: (reason) => hub.closeAll(reason),
      })
    : undefined;
  const redisImportGate = settings.REDIS_URL
    ? createRedisImportGate({ url: settings.REDIS_URL, key: redisKeys(settings.REDIS_PREFIX).importGate, outage: redisOutage })
    : undefined;
  const runtime: Runtime = {
    settings,
    tokens: acceptedTokens(settings),
    home,
    log,
    backend: store.backend,
    hub,
    redisOutage,
    importGate: redisImportGate ?? createLocalImportGate(),
    clock,
    metrics,
    instance,
    startedAt: Date.now(),
    shuttingDown: false,
    simulatorRunning: false,
    closeAllStreams(reason) {
      void broadcast?.publish(reason);
      return hub.closeAll(reason);
    },
    release() {
      broadcast?.close();
      redisImportGate?.close();
    },
  };
  return runtime;
}
