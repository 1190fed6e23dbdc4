import type { EventLog } from '../events/event-log';
import { encodeLoggedEvent, retryFrame } from './frames';
import type { SseConnection } from './sse-connection';
import type { StreamHub } from './stream-hub';

export interface StreamRequest {
  /** The client's last event id, or null on a fresh connection. */
  lastEventId: string | null;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
}

/**
 * The body of `GET /api/events`: `retry:` at once (so headers leave now), then the replay after the
 * client's id, or a snapshot when that is impossible, then live events.
 */
export function openEventStream(
  { log, hub, retryMs }: { log: EventLog; hub: StreamHub; retryMs: number },
  { lastEventId, signal }: StreamRequest,
): ReadableStream<Uint8Array> {
  let connection: SseConnection | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const opened = hub.connect(controller);
        connection = opened;
        if (signal.aborted) return opened.close('client-gone');
        signal.addEventListener('abort', () => opened.close('client-gone'), { once: true });
        opened.write(retryFrame(retryMs));
        void catchUp(log, hub, opened, lastEventId);
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
    const replay = lastEventId === null ? null : await log.readAfter(lastEventId);
    if (replay && lastEventId !== null) {
      hub.stats.replaysServed += 1;
      for (const entry of replay) connection.write(encodeLoggedEvent(entry));
      connection.goLive(replay.at(-1)?.id ?? lastEventId);
      return;
    }
    hub.stats.snapshotsSent += 1;
    const snapshot = await log.snapshot();
    connection.write(hub.snapshotFrame(snapshot));
    connection.goLive(snapshot.lastEventId);
  } catch (error) {
    console.error('[sse] could not start a stream:', error);
    connection.close('error');
  }
}

/** The resume id of a request: the `Last-Event-ID` header wins over the `lastEventId` query parameter. */
export function resumeIdOf(request: Request): string | null {
  const header = request.headers.get('last-event-id');
  const query = new URL(request.url).searchParams.get('lastEventId');
  const id = header ?? query;
  // Anything longer than any id we issue cannot be ours; treat it as absent rather than parse it.
  return id === null || id.length > 64 ? null : id;
}
