import { checkStreamEvent, parseStreamEvent, STREAM_EVENT_NAMES, type StreamEvent } from '../../flights/stream-schema';
import { reconnectDelay } from './backoff';
import { browserLinkEnvironment, type LinkEnvironment, type SourceLike } from './link-environment';

/** Where the connection to the server stands; `polling`: the stream delivers nothing, the board is fetched every few seconds. */
export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'closed';

/** A stream event that changes the board: a snapshot or a flight's change. */
export type BoardStreamEvent = Exclude<StreamEvent, { name: 'closedConnection' } | { name: 'heartbeat' }>;

export interface ConnectionHandlers {
  /** A checked event of the stream that changes the board, with its id. */
  onEvent(event: BoardStreamEvent, id: string): void;
  /** A heartbeat: the board's time now, as the server says. */
  onHeartbeat(boardNow: string): void;
  onState(state: LinkState): void;
  /** The server sent `closedConnection`: the connection has stopped and does not come back by itself. */
  onClosedByServer(reason: string): void;
  /** A frame whose data was not what its event carries: dropped, never applied. */
  onDropped(name: string): void;
}

export interface ConnectionOptions {
  url: string;
  /** Where the board can be fetched when the stream delivers nothing (`GET /api/flights`). */
  pollUrl: string;
  lastEventId: string;
  /** The server's `retry:` hint, where reconnect backoff starts. */
  retryMs: number;
  /** The server's heartbeat interval: silence for 2.5 times as long means the stream is dead. */
  heartbeatMs: number;
}

/** How long a stream may be silent before it counts as dead, in heartbeat intervals (CONTRACT section 5). */
export const STALE_AFTER_HEARTBEATS = 2.5;
/** Opens in a row that delivered nothing before the board polls instead (a buffering proxy). */
export const SILENT_OPENS_BEFORE_POLLING = 2;
export const POLL_INTERVAL_MS = 5000;

/**
 * One EventSource to `url`, resuming from the last id it saw. It reads `live` only once data has
 * arrived, and trusts nothing else: a stream silent for 2.5 heartbeats is closed and retried with
 * exponential backoff and full jitter (the browser's own retry would bring every board back at the
 * same instant); a page that wakes (online, back/forward cache, visible again) after a silence of
 * more than one heartbeat reconnects at once; and two opens in a row that deliver nothing (a proxy
 * buffering the stream) make it fetch the board every 5 s while it keeps trying the stream.
 */
export function connectEventSource(options: ConnectionOptions, handlers: ConnectionHandlers, env: LinkEnvironment = browserLinkEnvironment()) {
  const staleMs = options.heartbeatMs * STALE_AFTER_HEARTBEATS;
  let lastId = options.lastEventId;
  let source: SourceLike | null = null;
  // The id the open stream continues from: when polling moves lastId past it, its events are old.
  let streamFrom = lastId;
  let opened = false;
  let gotData = false;
  // The last frame of any stream; the watchdog counts from it or from the open, whichever is later.
  let lastDataAt = env.now();
  let openedAt = lastDataAt;
  let retryTimer: unknown;
  let pollTimer: unknown;
  let attempt = 0;
  let silentOpens = 0;
  let live = false;
  let polling = false;
  let stopped = false;

  const setState = (state: LinkState) => handlers.onState(state);

  const setLive = () => {
    if (live) return;
    live = true;
    attempt = 0;
    setState('live');
  };

  function open() {
    if (stopped) return;
    env.clearTimeout(retryTimer);
    source?.close();
    live = false;
    opened = false;
    gotData = false;
    openedAt = env.now();
    streamFrom = lastId;
    const current = env.openEventSource(`${options.url}?lastEventId=${encodeURIComponent(lastId)}`);
    source = current;
    current.onopen = () => {
      if (current === source) opened = true;
    };
    current.onerror = () => {
      if (current !== source) return;
      lose(opened && !gotData);
    };
    for (const name of STREAM_EVENT_NAMES) current.addEventListener(name, (message) => current === source && receive(name, message));
  }

  function receive(name: (typeof STREAM_EVENT_NAMES)[number], message: { data: string; lastEventId: string }) {
    lastDataAt = env.now();
    gotData = true;
    silentOpens = 0;
    const event = parseStreamEvent(name, message.data);
    if (!event) return handlers.onDropped(name);
    if (event.name === 'closedConnection') {
      stop();
      return handlers.onClosedByServer(event.data.reason);
    }
    // Polling took the board past where this stream started: it works again, but from an old id.
    if (streamFrom !== lastId) return open();
    if (polling) stopPolling();
    if (event.name === 'heartbeat') {
      handlers.onHeartbeat(event.data.now);
    } else {
      if (message.lastEventId) lastId = streamFrom = message.lastEventId;
      handlers.onEvent(event, message.lastEventId);
    }
    setLive();
  }

  /** The stream is gone or silent: close it and try again after the backoff. */
  function lose(silent: boolean) {
    source?.close();
    source = null;
    live = false;
    if (silent) silentOpens += 1;
    if (silentOpens >= SILENT_OPENS_BEFORE_POLLING && !polling) startPolling();
    setState(polling ? 'polling' : 'reconnecting');
    env.clearTimeout(retryTimer);
    retryTimer = env.setTimeout(open, reconnectDelay(attempt++, options.retryMs, env.random));
  }

  // One check several times per stale window; the window is counted from the last frame (or the open).
  const watchdog = env.setInterval(() => {
    if (source && env.now() - Math.max(lastDataAt, openedAt) > staleMs) lose(!gotData);
  }, Math.max(50, options.heartbeatMs / 4));

  function startPolling() {
    polling = true;
    void poll();
  }

  function stopPolling() {
    polling = false;
    env.clearTimeout(pollTimer);
  }

  async function poll() {
    try {
      const body = await env.fetchJson(options.pollUrl);
      const snapshot = checkStreamEvent('snapshot', body);
      const lastEventId = (body as { lastEventId?: unknown }).lastEventId;
      if (polling && snapshot?.name === 'snapshot' && typeof lastEventId === 'string' && lastEventId !== lastId) {
        lastId = lastEventId;
        handlers.onEvent(snapshot, lastEventId);
      }
    } catch {
      // The next poll, or the stream, will bring the board.
    }
    if (polling && !stopped) pollTimer = env.setTimeout(() => void poll(), POLL_INTERVAL_MS);
  }

  // A page that comes back from sleep, a lost network or the back/forward cache does not wait out
  // its backoff; one that was never silent has nothing to fix, so waking causes no reconnect storm.
  const wake = () => {
    if (stopped || env.now() - lastDataAt <= options.heartbeatMs) return;
    attempt = 0;
    setState(polling ? 'polling' : 'reconnecting');
    open();
  };
  const removeWakeListeners = env.onWake(wake);

  function stop() {
    stopped = true;
    env.clearTimeout(retryTimer);
    env.clearInterval(watchdog);
    stopPolling();
    removeWakeListeners();
    source?.close();
    source = null;
  }

  setState('connecting');
  open();
  return {
    /** Closes the stream for good (the server sees the disconnect). */
    stop,
    /** The last id received. */
    lastId: () => lastId,
  };
}

export type EventSourceConnection = ReturnType<typeof connectEventSource>;
