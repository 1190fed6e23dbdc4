import { applyEventsInPlace } from '../../flights/board';
import type { BoardEvent } from '../../flights/board-event';
import type { Flight } from '../../flights/flight';
import { connectEventSource, type EventSourceConnection, type LinkState } from './event-source-connection';

/** What one tab's status indicator says (CONTRACT section 5). */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'paused' | 'closed';

export interface TabStreamHandlers {
  /** Replace the tab's board: a snapshot from the server, or a catch-up after Resume or a new leader. */
  onSnapshot(flights: Flight[]): void;
  onEvent(event: BoardEvent): void;
  onState(state: ConnectionState): void;
  /** A malformed frame was dropped at the edge. */
  onDropped(): void;
}

export interface TabStreamOptions {
  url: string;
  /** The server-rendered board and the id it reflects, so nothing between render and connect is lost. */
  initialFlights: Flight[];
  initialLastEventId: string;
  /** The server's `retry:` hint, where reconnect backoff starts. */
  retryMs: number;
}

// Names shared by every tab of one browser on this origin.
const LEADER_LOCK = 'skyboard-stream-leader';
const WANTED_LOCK = 'skyboard-stream-wanted';
const CHANNEL = 'skyboard-stream';

type Message =
  | { type: 'event'; leader: string; id: string; event: BoardEvent }
  | { type: 'sync'; leader: string; to: string; flights: Flight[]; lastId: string; link: LinkState }
  | { type: 'link'; leader: string; link: LinkState }
  | { type: 'closed'; leader: string }
  | { type: 'need-sync'; from: string }
  | { type: 'wanted-changed' };

const sharingSupported = () => typeof navigator !== 'undefined' && 'locks' in navigator && typeof BroadcastChannel !== 'undefined';

/**
 * The board's stream for one tab. Tabs of one browser share one EventSource: the tab holding a Web
 * Lock opens it and passes every event to the others over a BroadcastChannel; when it closes or is
 * frozen, the next tab in the lock's queue takes over and resumes from the last id. The stream is
 * open while any tab holds the shared "wanted" lock, so Stop in one tab pauses only that tab's
 * board. Every tab mirrors the shared board, so a paused tab resumes, or takes the lead, from where
 * the others are. Where Web Locks or BroadcastChannel are missing, the tab has a stream of its own.
 */
export function openTabStream(options: TabStreamOptions, handlers: TabStreamHandlers) {
  const tabId = crypto.randomUUID();
  const shared = sharingSupported();
  const channel = shared ? new BroadcastChannel(CHANNEL) : null;
  // The shared board as this tab knows it: kept even while paused.
  let mirror = new Map(options.initialFlights.map((flight) => [flight.id, flight]));
  let lastId = options.initialLastEventId;
  let link: LinkState = 'connecting';
  let syncedWith: string | null = shared ? null : tabId;
  let askedSyncFrom: string | null = null;
  let running = true;
  let closedByServer = false;
  let leading = false;
  let connection: EventSourceConnection | null = null;
  let releaseLead: (() => void) | null = null;
  let releaseWanted: (() => void) | null = null;
  // Settles once the lock manager has let the "wanted" lock go.
  let wantedReleased: Promise<unknown> = Promise.resolve();
  let disposed = false;

  const post = (message: Message) => channel?.postMessage(message);

  function report() {
    if (closedByServer) return handlers.onState('closed');
    if (!running) return handlers.onState('paused');
    if (syncedWith === null) return handlers.onState('connecting');
    handlers.onState(link === 'closed' ? 'connecting' : link);
  }

  function takeSnapshot(flights: Flight[], id: string) {
    mirror = new Map(flights.map((flight) => [flight.id, flight]));
    lastId = id;
    if (running) handlers.onSnapshot(flights);
  }

  function takeEvent(event: BoardEvent, id: string) {
    applyEventsInPlace(mirror, [event]);
    if (id) lastId = id;
    if (running) handlers.onEvent(event);
  }

  function takeClosed() {
    closedByServer = true;
    running = false;
    void setWanted(false);
    report();
  }

  // --- the leading tab: the one EventSource ---

  async function anyTabWantsTheStream(): Promise<boolean> {
    if (!shared) return running;
    const { held = [] } = await navigator.locks.query();
    return held.some((lock) => lock.name === WANTED_LOCK);
  }

  async function reconsiderStream() {
    if (!leading) return;
    const wanted = await anyTabWantsTheStream();
    if (!leading || disposed) return;
    if (wanted && !connection) {
      connection = connectEventSource(
        { url: options.url, lastEventId: lastId, retryMs: options.retryMs },
        {
          onEvent(event, id) {
            if (event.name === 'snapshot') {
              takeSnapshot(event.data.flights, id);
              post({ type: 'sync', leader: tabId, to: '*', flights: event.data.flights, lastId: id, link });
            } else {
              takeEvent(event, id);
              post({ type: 'event', leader: tabId, id, event });
            }
          },
          onState(state) {
            link = state;
            post({ type: 'link', leader: tabId, link });
            report();
          },
          onClosedByServer() {
            connection = null;
            link = 'closed';
            post({ type: 'closed', leader: tabId });
            takeClosed();
          },
          onDropped: () => handlers.onDropped(),
        },
      );
    } else if (!wanted && connection) {
      connection.stop();
      connection = null;
      link = 'connecting';
    }
  }

  function lead(): Promise<void> {
    leading = true;
    syncedWith = tabId;
    post({ type: 'link', leader: tabId, link });
    report();
    void reconsiderStream();
    return new Promise((resolve) => (releaseLead = resolve));
  }

  function stepDown() {
    leading = false;
    connection?.stop();
    connection = null;
    releaseLead?.();
    releaseLead = null;
  }

  function queueForLead() {
    if (!shared) return void lead();
    void navigator.locks.request(LEADER_LOCK, () => (disposed ? undefined : lead()));
  }

  // --- every tab ---

  async function setWanted(wanted: boolean) {
    if (!shared) return reconsiderStream();
    if (wanted && !releaseWanted) {
      await new Promise<void>((granted) => {
        wantedReleased = navigator.locks.request(WANTED_LOCK, { mode: 'shared' }, () => {
          granted();
          return new Promise<void>((resolve) => (releaseWanted = resolve));
        });
      });
    } else if (!wanted && releaseWanted) {
      releaseWanted();
      releaseWanted = null;
      // Only once it is gone may the leader count the tabs that want the stream.
      await wantedReleased;
    }
    post({ type: 'wanted-changed' });
    void reconsiderStream();
  }

  function askForSync(leader: string) {
    if (askedSyncFrom === leader) return;
    askedSyncFrom = leader;
    post({ type: 'need-sync', from: tabId });
  }

  if (channel) {
    channel.onmessage = ({ data: message }: MessageEvent<Message>) => {
      switch (message.type) {
        case 'need-sync':
          if (leading) post({ type: 'sync', leader: tabId, to: message.from, flights: [...mirror.values()], lastId, link });
          return;
        case 'wanted-changed':
          return void reconsiderStream();
        case 'sync':
          if (leading || (message.to !== tabId && message.to !== '*')) return;
          if (message.to === '*' && syncedWith !== message.leader) return askForSync(message.leader);
          syncedWith = message.leader;
          link = message.link;
          takeSnapshot(message.flights, message.lastId);
          return report();
        default:
          if (leading) return;
          // Until a new leader has sent this tab its board, its events could repeat or skip some.
          if (syncedWith !== message.leader) return askForSync(message.leader);
          if (message.type === 'event') takeEvent(message.event, message.id);
          else if (message.type === 'link') {
            link = message.link;
            report();
          } else takeClosed();
      }
    };
  }

  // A frozen tab cannot lead: it hands the stream to the next tab and queues again when it thaws.
  const onFreeze = () => {
    if (leading) stepDown();
  };
  const onResume = () => {
    if (!leading && !releaseLead) queueForLead();
  };
  document.addEventListener('freeze', onFreeze);
  document.addEventListener('resume', onResume);

  report();
  void setWanted(true);
  queueForLead();
  if (shared) post({ type: 'need-sync', from: tabId });

  return {
    /** Stop updates in this tab; the stream closes when no tab wants it. */
    pause() {
      running = false;
      report();
      void setWanted(false);
    },
    /** Resume updates in this tab, caught up from the shared board, and reopen the stream if it was closed. */
    resume() {
      running = true;
      closedByServer = false;
      if (syncedWith !== null) handlers.onSnapshot([...mirror.values()]);
      report();
      void setWanted(true);
    },
    close() {
      disposed = true;
      document.removeEventListener('freeze', onFreeze);
      document.removeEventListener('resume', onResume);
      stepDown();
      releaseWanted?.();
      releaseWanted = null;
      void wantedReleased.then(() => {
        post({ type: 'wanted-changed' });
        channel?.close();
      });
    },
  };
}
