import 'server-only';
import os from 'node:os';
import { readSettings, SettingsError, type Settings } from '../env';
import { trackInFlightWrites, type TrackedLog } from '../events/in-flight-writes';
import { createMemoryLog } from '../events/memory-log';
import { findAirport, type AirportInfo } from '../reference/reference-data';
import { createStreamHub, type StreamHub } from '../sse/stream-hub';

export interface Runtime {
  settings: Settings;
  home: AirportInfo;
  log: TrackedLog;
  backend: 'memory' | 'sqlite' | 'redis';
  hub: StreamHub;
  instance: string;
  startedAt: number;
  /** Set on SIGTERM: new streams are refused while the process winds down. */
  shuttingDown: boolean;
}

// instrumentation.ts and the route handlers are separate bundles: only globalThis is shared by both.
const RUNTIME_KEY = Symbol.for('skyboard.runtime');
type Holder = { [RUNTIME_KEY]?: Runtime };

/** The process's one log, hub and settings, created on first use. */
export function getRuntime(): Runtime {
  const holder = globalThis as Holder;
  holder[RUNTIME_KEY] ??= createRuntime(readSettings());
  return holder[RUNTIME_KEY];
}

function createRuntime(settings: Settings): Runtime {
  const home = findAirport(settings.HOME_AIRPORT);
  if (!home) {
    throw new SettingsError(`Invalid setting. HOME_AIRPORT: no airport has the IATA code "${settings.HOME_AIRPORT}".`);
  }
  const log = trackInFlightWrites(createMemoryLog({ historyLimit: settings.HISTORY_LIMIT }));
  const hub = createStreamHub({
    log,
    heartbeatMs: settings.SSE_HEARTBEAT_MS,
    maxBacklogBytes: settings.SSE_MAX_BACKLOG_BYTES,
  });
  return {
    settings,
    home,
    log,
    backend: 'memory',
    hub,
    instance: `${os.hostname()}:${process.pid}`,
    startedAt: Date.now(),
    shuttingDown: false,
  };
}
