import type { BoardContent } from '../../flights/board';
import { createStreamLeader } from './stream-leader';
import { createTabBoard, type TabBoard, type TabStreamHandlers } from './tab-board';
import { browserTabEnvironment, type LocksLike, type TabEnvironment } from './tab-environment';
import { CHANNEL, LEADER_LOCK, parseTabMessage, WANTED_LOCK, wrapTabMessage, type TabMessage } from './tab-protocol';

export type { ConnectionState, TabStreamHandlers } from './tab-board';

export interface TabStreamOptions {
  url: string;
  /** Where the board is fetched from while the stream delivers nothing. */
  pollUrl: string;
  /** The server-rendered board and the id it reflects, so nothing between render and connect is lost. */
  initial: BoardContent;
  initialLastEventId: string;
  /** The server's `retry:` hint, where reconnect backoff starts. */
  retryMs: number;
  /** The server's heartbeat interval, by which a silent stream is judged dead. */
  heartbeatMs: number;
}

/**
 * The board's stream for one tab. Tabs of one browser share one EventSource: the tab holding a Web
 * Lock leads (see `createStreamLeader`) and passes every event to the others over a BroadcastChannel;
 * when it closes or is frozen, the next tab in the lock's queue takes over and resumes from the last
 * id. The stream is open while any tab holds the shared "wanted" lock, so Stop in one tab pauses only
 * that tab's board. Where Web Locks or BroadcastChannel are missing, the tab has a stream of its own.
 */
export function openTabStream(options: TabStreamOptions, handlers: TabStreamHandlers, env: TabEnvironment = browserTabEnvironment()) {
  const tabId = env.newId();
  const locks = env.locks;
  const channel = locks ? env.openChannel(CHANNEL) : null;
  const tab = createTabBoard(options.initial, options.initialLastEventId, handlers);
  const post = (message: TabMessage) => channel?.postMessage(wrapTabMessage(message));
  const wanted = createWantedLock(locks, post);
  let disposed = false;
  let releaseLead: (() => void) | null = null;

  const leader = createStreamLeader({
    tabId,
    tab,
    handlers,
    connect: env.connect,
    options: { url: options.url, pollUrl: options.pollUrl, retryMs: options.retryMs, heartbeatMs: options.heartbeatMs },
    post,
    anyTabWants: async () => (locks ? (await locks.query()).held?.some((lock) => lock.name === WANTED_LOCK) === true : tab.running),
    onServerClose: () => void wanted.set(false).then(() => leader.reconsider()),
  });

  function lead(): Promise<void> {
    leader.start();
    return new Promise((resolve) => (releaseLead = resolve));
  }

  function stepDown() {
    leader.stop();
    releaseLead?.();
    releaseLead = null;
  }

  function queueForLead() {
    if (!locks) return void lead();
    void locks.request(LEADER_LOCK, { mode: 'exclusive' }, () => (disposed ? undefined : lead()));
  }

  let askedSyncFrom: string | null = null;
  function askForSync(from: string) {
    if (askedSyncFrom === from) return;
    askedSyncFrom = from;
    post({ type: 'need-sync', from: tabId });
  }

  if (channel) {
    channel.onmessage = ({ data }) => {
      // A message this protocol does not know (another build's tab, or garbage) is not ours to act on.
      const message = parseTabMessage(data);
      if (message) receive(message);
    };
  }

  function receive(message: TabMessage) {
    switch (message.type) {
      case 'need-sync':
        return leader.leading ? leader.sync(message.from) : undefined;
      case 'wanted-changed':
        return void leader.reconsider();
      case 'want':
        tab.serverClosed = false;
        return void leader.reconsider();
      case 'closed':
        // Whether or not this tab has the leader's board yet: nothing to catch up, only to stop.
        if (leader.leading) return;
        tab.takeClosed();
        return void wanted.set(false);
      case 'sync':
        if (leader.leading || (message.to !== tabId && message.to !== '*')) return;
        if (message.to === '*' && tab.syncedWith !== message.leader) return askForSync(message.leader);
        tab.syncedWith = message.leader;
        tab.link = message.link;
        tab.takeSnapshot(message.content, message.lastId);
        return tab.report();
      default:
        return follow(tab, message, askForSync, leader.leading);
    }
  }

  const removeLifecycle = env.onLifecycle(
    // A frozen tab cannot lead: it hands the stream to the next tab and queues again when it thaws.
    () => leader.leading && stepDown(),
    () => !leader.leading && !releaseLead && queueForLead(),
  );

  tab.report();
  void wanted.set(true, tabId).then(() => leader.reconsider());
  queueForLead();
  post({ type: 'need-sync', from: tabId });

  return {
    /** Stop updates in this tab; the stream closes when no tab wants it. */
    pause() {
      tab.running = false;
      tab.report();
      void wanted.set(false).then(() => leader.reconsider());
    },
    /** Resume updates in this tab, caught up from the shared board, and reopen the stream if it was closed. */
    resume() {
      tab.resume();
      void wanted.set(true, tabId).then(() => leader.reconsider());
    },
    close() {
      disposed = true;
      removeLifecycle();
      stepDown();
      void wanted.set(false).then(() => channel?.close());
    },
  };
}

/** An event, a link change or a heartbeat from the leader, as a following tab takes it. */
function follow(tab: TabBoard, message: Extract<TabMessage, { leader: string }>, askForSync: (leader: string) => void, leading: boolean) {
  if (leading) return;
  // Until a new leader has sent this tab its board, its events could repeat or skip some.
  if (tab.syncedWith !== message.leader) return askForSync(message.leader);
  if (message.type === 'event') tab.takeEvent(message.event, message.id);
  else if (message.type === 'heartbeat') tab.takeHeartbeat(message.now);
  else if (message.type === 'link') {
    tab.link = message.link;
    tab.report();
  }
}

/**
 * This tab's hold on the shared "wanted" lock. Changes run one after another, and each is told to the
 * other tabs only once the lock manager has it, so the leader counts the tabs that want the stream
 * right. Taking it with `from` says that this tab's user asked for updates (`want`).
 */
function createWantedLock(locks: LocksLike | null, post: (message: TabMessage) => void) {
  let release: (() => void) | null = null;
  let released: Promise<unknown> = Promise.resolve();
  let queue: Promise<void> = Promise.resolve();

  async function apply(want: boolean, from?: string) {
    if (!locks) return;
    if (want && !release) {
      await new Promise<void>((granted) => {
        released = locks.request(WANTED_LOCK, { mode: 'shared' }, () => {
          granted();
          return new Promise<void>((resolve) => (release = resolve));
        });
      });
    } else if (!want && release) {
      release();
      release = null;
      await released;
    } else if (!from) return;
    post(from ? { type: 'want', from } : { type: 'wanted-changed' });
  }

  return {
    set(want: boolean, from?: string): Promise<void> {
      queue = queue.then(() => apply(want, from));
      return queue;
    },
  };
}
