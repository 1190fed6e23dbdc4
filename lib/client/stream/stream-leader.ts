import type { ConnectionOptions, EventSourceConnection } from './event-source-connection';
import type { TabBoard, TabStreamHandlers } from './tab-board';
import type { TabEnvironment } from './tab-environment';
import type { TabMessage } from './tab-protocol';

export interface LeaderDeps {
  tabId: string;
  tab: TabBoard;
  handlers: TabStreamHandlers;
  connect: TabEnvironment['connect'];
  options: Omit<ConnectionOptions, 'lastEventId'>;
  post(message: TabMessage): void;
  /** Whether any tab of the browser holds the "wanted" lock now. */
  anyTabWants(): Promise<boolean>;
  /** The server closed the stream (this tab has taken it already). */
  onServerClose(): void;
}

/**
 * The leading tab's part: the browser's one EventSource, opened while some tab wants updates and the
 * server has not closed it since the last time a tab asked, and every event passed to the other tabs.
 */
export function createStreamLeader({ tabId, tab, handlers, connect, options, post, anyTabWants, onServerClose }: LeaderDeps) {
  let active = false;
  let connection: EventSourceConnection | null = null;
  // One look at the locks at a time, and one more after it when asked meanwhile: two looks in flight
  // could finish out of order, and an old "some tab wants it" would reopen a stream just closed.
  let looking = false;
  let lookAgain = false;

  function open() {
    connection = connect(
      { ...options, lastEventId: tab.lastId },
      {
        onEvent(event, id) {
          if (event.name === 'snapshot') {
            tab.takeSnapshot(event.data, id);
            post({ type: 'sync', leader: tabId, to: '*', content: event.data, lastId: id, link: tab.link });
          } else {
            tab.takeEvent(event, id);
            post({ type: 'event', leader: tabId, id, event });
          }
        },
        onHeartbeat(now) {
          tab.takeHeartbeat(now);
          post({ type: 'heartbeat', leader: tabId, now });
        },
        onState(state) {
          tab.link = state;
          post({ type: 'link', leader: tabId, link: state });
          tab.report();
        },
        onClosedByServer() {
          connection = null;
          tab.link = 'closed';
          post({ type: 'closed', leader: tabId });
          tab.takeClosed();
          onServerClose();
        },
        onDropped: () => handlers.onDropped(),
      },
    );
  }

  function close() {
    connection?.stop();
    connection = null;
    tab.link = 'connecting';
  }

  async function reconsider(): Promise<void> {
    if (looking) {
      lookAgain = true;
      return;
    }
    looking = true;
    try {
      do {
        lookAgain = false;
        if (!active) break;
        const wanted = (await anyTabWants()) && !tab.serverClosed;
        if (!active) break;
        if (wanted && !connection) open();
        else if (!wanted && connection) close();
      } while (lookAgain);
    } finally {
      looking = false;
    }
  }

  return {
    get leading() {
      return active;
    },
    /** This tab now holds the leader lock. */
    start() {
      active = true;
      tab.syncedWith = tabId;
      post({ type: 'link', leader: tabId, link: tab.link });
      tab.report();
      void reconsider();
    },
    /** Hands the stream back (the tab closes or freezes). */
    stop() {
      active = false;
      close();
    },
    /** Opens or closes the stream after a tab's "wanted" lock, or the server's close, changed. */
    reconsider,
    /** Sends the board to a tab that asked for it. */
    sync(to: string) {
      post({ type: 'sync', leader: tabId, to, content: tab.content(), lastId: tab.lastId, link: tab.link });
    },
  };
}

export type StreamLeader = ReturnType<typeof createStreamLeader>;
