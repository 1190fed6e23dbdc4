import type { EventLog } from '../events/event-log';
import { componentLogger } from '../log/logger';
import { encodeLoggedEvent, retryFrame } from './frames';
import type { SseConnection } from './sse-connection';
import type { StreamHub } from './stream-hub';
import { webStreamSink, type StreamSink } from './stream-sink';

export interface StreamDeps {
  log: EventLog;
  hub: StreamHub;
  retryMs: number;
}

export interface StreamRequest {
  /** The client's last event id, or null on a fresh connection. */
  lastEventId: string | null;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
}

/**
 * One stream into a sink: `retry:` at once (so headers leave now), then the replay after the client's
 * id, or a snapshot when that is impossible, then live events. The caller closes the connection when
 * the client goes away.
 */
export function startStream({ log, hub, retryMs }: StreamDeps, sink: StreamSink, lastEventId: string | null): SseConnection {
  const connection = hub.connect(sink);
  connection.write(retryFrame(retryMs));
  void catchUp(log, hub, connection, lastEventId);
  return connection;
}

/** The body of `GET /api/events` as a route handler returns it. */
export function openEventStream(deps: StreamDeps, { lastEventId, signal }: StreamRequest): ReadableStream<Uint8Array> {
  let connection: SseConnection | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (signal.aborted) return controller.close();
        const opened = startStream(deps, webStreamSink(controller), lastEventId);
        connection = opened;
        signal.addEventListener('abort', () => opened.close('client-gone'), { once: true });
      },
      cancel() {
        connection?.close('client-gone');
      },
    },
    // A zero high-water mark makes desiredSize report the unsent backlog exactly.
    new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
  );
}

async function catchUp(log: EventLog, hub: StreamHub, connection: SseConnection, lastEventId: string | null) {
  try {
    // A replay larger than the board is answered with the board's one shared snapshot frame: what a
    // client can make this stream hold by the id it sends is bounded by the board, not the history.
    const replay = lastEventId === null ? null : await log.readAfter(lastEventId, log.boardSize());
    if (replay && lastEventId !== null) {
      hub.stats.replaysServed += 1;
      for (const entry of replay) connection.write(encodeLoggedEvent(entry));
      // Nothing was missed: a heartbeat at once tells the client that its board is current, over
      // the stream itself (so a proxy that buffers the stream cannot make a board look live).
      if (replay.length === 0) connection.write(hub.heartbeatFrame());
      connection.goLive(replay.at(-1)?.id ?? lastEventId);
      return;
    }
    hub.stats.snapshotsSent += 1;
    const snapshot = await log.snapshot();
    connection.write(hub.snapshotFrame(snapshot));
    connection.goLive(snapshot.lastEventId);
  } catch (error) {
    componentLogger('sse').error({ err: error }, 'could not start a stream');
    connection.close('error');
  }
}

/** The resume id of a request: the `Last-Event-ID` header wins over the `lastEventId` query parameter. */
export function resumeIdOf(request: Request): string | null {
  return resumeId(request.headers.get('last-event-id'), new URL(request.url));
}

/** The resume id from the `Last-Event-ID` header (null when absent) and the request's URL. */
export function resumeId(header: string | null, url: URL): string | null {
  const id = header ?? url.searchParams.get('lastEventId');
  // Anything longer than any id we issue cannot be ours; treat it as absent rather than parse it.
  return id === null || id.length > 64 ? null : id;
}
