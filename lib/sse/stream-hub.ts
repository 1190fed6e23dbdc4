import type { EventLog } from '../events/event-log';
import type { BoardSnapshot } from '../flights/board';
import type { LoggedEvent } from '../flights/board-event';
import { encodeFrame, encodeLoggedEvent, encodeText, heartbeatFrame } from './frames';
import { SseConnection, type Batch, type CloseReason } from './sse-connection';
import type { StreamSink } from './stream-sink';

const FAN_OUT_SLICE_MS = 10;
// A bigger run is sent as several chunks, so no single chunk comes near a stream's backlog bound.
const MAX_CHUNK_BYTES = 64 * 1024;

export interface HubOptions {
  log: EventLog;
  heartbeatMs: number;
  maxBacklogBytes: number;
  /** The board's time now, which every heartbeat carries (default: real time). */
  boardNow?: () => number;
  /** The longest life of one stream, each drawn within ±20% of it; 0 (the default): no limit. */
  maxStreamAgeMs?: number;
  /** Draws each stream's own age limit; tests pass a fixed one. */
  random?: () => number;
  /** Called once per event as it is handed to the streams (for the delivery-latency metric). */
  onFanOut?: (entry: LoggedEvent) => void;
}

export interface HubStats {
  eventsPublished: number;
  eventsDelivered: number;
  slowClientsDropped: number;
  replaysServed: number;
  snapshotsSent: number;
  /** New streams refused (SSE_MAX_STREAMS reached, or shutting down). */
  streamsRefused: number;
}

/**
 * Every open stream of this process. One log subscription feeds them all: each event is encoded
 * once and the same bytes go to every stream; one shared timer sends the heartbeats.
 */
export function createStreamHub({ log, heartbeatMs, maxBacklogBytes, boardNow = Date.now, maxStreamAgeMs = 0, random = Math.random, onFanOut }: HubOptions) {
  const connections = new Set<SseConnection>();
  const stats: HubStats = { eventsPublished: 0, eventsDelivered: 0, slowClientsDropped: 0, replaysServed: 0, snapshotsSent: 0, streamsRefused: 0 };

  function fanOut(batch: Batch) {
    stats.eventsPublished += batch.entries.length;
    for (const connection of connections) stats.eventsDelivered += connection.deliverBatch(batch);
    if (onFanOut) for (const entry of batch.entries) onFanOut(entry);
  }

  // Events that reach the hub in one synchronous run (a commit of many events, or a Redis read of
  // several) go to each live stream as one chunk: the per-chunk cost of a stream (Next's pipe to the
  // socket) is paid once, not per event. The run is handed out in a microtask right after it, so a
  // lone event waits for nothing. One run of fan-out gets at most FAN_OUT_SLICE_MS; the rest waits for
  // the next turn of the event loop, in log order: a 2,000-row import to 1,000 streams in one go would
  // hold the event loop, and every other request, heartbeat and keep-alive socket with it.
  const queue: LoggedEvent[] = [];
  let next = 0;
  let drainScheduled = false;

  function takeBatch(): Batch {
    const entries: LoggedEvent[] = [];
    const frames: Uint8Array[] = [];
    let bytes = 0;
    while (next < queue.length && (bytes === 0 || bytes < MAX_CHUNK_BYTES)) {
      const entry = queue[next++]!;
      const frame = encodeLoggedEvent(entry);
      entries.push(entry);
      frames.push(frame);
      bytes += frame.length;
    }
    return { entries, frames, chunk: frames.length === 1 ? frames[0]! : Buffer.concat(frames, bytes) };
  }

  function fanOutQueued(budgetMs: number) {
    const started = performance.now();
    while (next < queue.length) {
      fanOut(takeBatch());
      if (next < queue.length && performance.now() - started >= budgetMs) {
        drainScheduled = true;
        setImmediate(drain);
        return;
      }
    }
    queue.length = 0;
    next = 0;
  }
  function drain() {
    drainScheduled = false;
    fanOutQueued(FAN_OUT_SLICE_MS);
  }
  /** Hands out everything still queued at once (before streams are ended). */
  function flush() {
    fanOutQueued(Infinity);
  }

  const unsubscribe = log.subscribe((entry) => {
    queue.push(entry);
    if (drainScheduled) return;
    drainScheduled = true;
    queueMicrotask(drain);
  });

  // The log lost its place (a gap it cannot replay): every client must resume or take a snapshot.
  const unsubscribeReset = log.onReset(() => endAll());

  // One timer for every stream: a heartbeat to each that sent nothing since the last tick (encoded
  // once for all of them), and the end of each that has lived its age, so streams spread over the
  // instances started after them. Its precision is one heartbeat interval.
  const heartbeat = setInterval(() => {
    const now = Date.now();
    let frame: Uint8Array | undefined;
    for (const connection of connections) {
      if (connection.expiresAt <= now) {
        connection.close('max-age');
        continue;
      }
      if (!connection.wroteSinceHeartbeat && !connection.catchingUp) connection.write((frame ??= heartbeatFrame(boardNow())));
      connection.wroteSinceHeartbeat = false;
    }
  }, heartbeatMs);
  heartbeat.unref();

  // Reconnect storms (an instance going away, a network blip) bring many snapshots of the same board:
  // encode it once per event id, not once per client.
  let cachedSnapshot: { id: string; bytes: Uint8Array } | undefined;
  function snapshotFrame({ flights, notices, screens, lastEventId }: BoardSnapshot): Uint8Array {
    if (cachedSnapshot?.id !== lastEventId) {
      cachedSnapshot = { id: lastEventId, bytes: encodeText(encodeFrame({ name: 'snapshot', data: { flights, notices, screens } }, lastEventId)) };
    }
    return cachedSnapshot.bytes;
  }

  function endAll() {
    flush();
    for (const connection of [...connections]) connection.close('shutdown');
  }

  function forget(connection: SseConnection, reason: CloseReason) {
    connections.delete(connection);
    if (reason === 'too-slow') stats.slowClientsDropped += 1;
  }

  return {
    stats,
    get clientCount() {
      return connections.size;
    },
    /** Events waiting for a later turn of the event loop (the rest of a long run of fan-out). */
    get queuedEvents() {
      return queue.length - next;
    },
    /** Registers a new stream; it buffers live events until `goLive`. */
    connect(sink: StreamSink): SseConnection {
      const connection = new SseConnection(sink, maxBacklogBytes, log.compareIds, forget);
      if (maxStreamAgeMs > 0) connection.expiresAt = Date.now() + maxStreamAgeMs * (0.8 + 0.4 * random());
      connections.add(connection);
      return connection;
    },
    /** Sends `closedConnection` to every stream and ends it; returns how many there were. */
    closeAll(reason: string): number {
      flush();
      const frame = encodeText(encodeFrame({ name: 'closedConnection', data: { reason } }));
      const open = [...connections];
      for (const connection of open) connection.close('server-close', frame);
      return open.length;
    },
    /** The `snapshot` frame of a board, shared by every stream that starts from it. */
    snapshotFrame,
    /** A heartbeat at the board's time now. */
    heartbeatFrame: () => heartbeatFrame(boardNow()),
    /** Ends every stream without a word, so browsers reconnect (to another instance, if any). */
    endAll,
    stop() {
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeReset();
      endAll();
    },
  };
}

export type StreamHub = ReturnType<typeof createStreamHub>;
