import { parseStreamEvent, STREAM_EVENT_NAMES, type StreamEvent } from '../../flights/stream-schema';
import { reconnectDelay } from './backoff';

/** Where the connection to the server stands. */
export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface ConnectionHandlers {
  /** A checked event of the stream (`closedConnection` aside), with its id when it has one. */
  onEvent(event: Exclude<StreamEvent, { name: 'closedConnection' }>, id: string): void;
  onState(state: LinkState): void;
  /** The server sent `closedConnection`: the connection has stopped and does not come back by itself. */
  onClosedByServer(reason: string): void;
  /** A frame whose data was not what its event carries: dropped, never applied. */
  onDropped(name: string): void;
}

/**
 * One EventSource to `url`, resuming from the last id it saw. After a failure it reconnects itself
 * with exponential backoff and full jitter (the browser's own retry would bring every board back at
 * the same instant), and it reads `live` only once data has arrived: a snapshot, a replayed event,
 * or (when there was nothing to replay) the server's word that it has nothing newer.
 */
export function connectEventSource({ url, lastEventId, retryMs }: { url: string; lastEventId: string; retryMs: number }, handlers: ConnectionHandlers) {
  let lastId = lastEventId;
  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let live = false;
  let stopped = false;

  const setLive = () => {
    if (live) return;
    live = true;
    attempt = 0;
    handlers.onState('live');
  };

  // A resume with nothing missed brings no data: ask whether anything is newer than what we hold.
  async function confirmCurrent(opened: EventSource) {
    try {
      const status = (await (await fetch('/api/status', { cache: 'no-store' })).json()) as { lastEventId?: unknown };
      if (opened === source && status.lastEventId === lastId) setLive();
    } catch {
      // The stream's own events will say it is live.
    }
  }

  function open() {
    if (stopped) return;
    live = false;
    const opened = new EventSource(`${url}?lastEventId=${encodeURIComponent(lastId)}`);
    source = opened;
    opened.onopen = () => void confirmCurrent(opened);
    opened.onerror = () => {
      opened.close();
      if (stopped || opened !== source) return;
      handlers.onState('reconnecting');
      retryTimer = setTimeout(open, reconnectDelay(attempt++, retryMs));
    };
    for (const name of STREAM_EVENT_NAMES) {
      opened.addEventListener(name, (message: MessageEvent<string>) => {
        const event = parseStreamEvent(name, message.data);
        if (!event) return handlers.onDropped(name);
        if (event.name === 'closedConnection') {
          stop();
          return handlers.onClosedByServer(event.data.reason);
        }
        if (message.lastEventId) lastId = message.lastEventId;
        setLive();
        handlers.onEvent(event, message.lastEventId);
      });
    }
  }

  function stop() {
    stopped = true;
    clearTimeout(retryTimer);
    source?.close();
    source = null;
  }

  handlers.onState(attempt === 0 ? 'connecting' : 'reconnecting');
  open();
  return {
    /** Closes the stream for good (the server sees the disconnect). */
    stop,
    /** The last id received. */
    lastId: () => lastId,
  };
}

export type EventSourceConnection = ReturnType<typeof connectEventSource>;
