import type { ConnectionHandlers, ConnectionOptions } from './event-source-connection';
import type { ChannelLike, LocksLike, TabEnvironment } from './tab-environment';

// A later turn of the event loop, as the browser delivers lock grants and channel messages.
const later = (run: () => void) => setTimeout(run, 0);

interface Held {
  name: string;
  mode: 'exclusive' | 'shared';
}

/** Web Locks as one browser has them: exclusive and shared modes, granted in request order. */
export function createFakeLocks(): LocksLike {
  const held: Held[] = [];
  const waiting: { lock: Held; grant: () => void }[] = [];

  const grantable = (lock: Held, index: number) => {
    const others = held.filter((h) => h.name === lock.name);
    const earlier = waiting.slice(0, index).some((w) => w.lock.name === lock.name);
    if (earlier) return false;
    return lock.mode === 'shared' ? others.every((h) => h.mode === 'shared') : others.length === 0;
  };

  function pump() {
    for (let i = 0; i < waiting.length; i++) {
      if (!grantable(waiting[i]!.lock, i)) continue;
      const [next] = waiting.splice(i, 1);
      held.push(next!.lock);
      later(next!.grant);
      i -= 1;
    }
  }

  return {
    request(name, { mode }, callback) {
      return new Promise((done) => {
        const lock = { name, mode };
        waiting.push({
          lock,
          grant: () => {
            void Promise.resolve(callback()).finally(() => {
              held.splice(held.indexOf(lock), 1);
              pump();
              done(undefined);
            });
          },
        });
        pump();
      });
    },
    query: async () => ({ held: held.map(({ name }) => ({ name })) }),
  };
}

/** BroadcastChannels of one browser: a message reaches every other open channel of its name, a moment later, as a copy. */
export function createFakeChannels() {
  const open = new Set<{ name: string; channel: ChannelLike }>();
  return {
    openChannel(name: string): ChannelLike {
      const entry = {
        name,
        channel: {
          onmessage: null,
          postMessage(data: unknown) {
            for (const other of open) {
              if (other === entry || other.name !== name) continue;
              const copy = structuredClone(data);
              later(() => open.has(other) && other.channel.onmessage?.(new MessageEvent('message', { data: copy })));
            }
          },
          close: () => void open.delete(entry),
        } as ChannelLike,
      };
      open.add(entry);
      return entry.channel;
    },
    /** Posts as a tab of another build would, on the channel of that name. */
    post(name: string, data: unknown) {
      const stranger = this.openChannel(name);
      stranger.postMessage(data);
      stranger.close();
    },
  };
}

/** One EventSource connection a tab opened, driven by the test. */
export interface FakeConnection {
  options: ConnectionOptions;
  handlers: ConnectionHandlers;
  stopped: boolean;
}

/** A browser whose tabs share fake locks and channels, and whose connections the test drives. */
export function createFakeBrowser({ shared = true } = {}) {
  const locks = createFakeLocks();
  const channels = createFakeChannels();
  const connections: FakeConnection[] = [];
  let nextId = 0;
  const environment = (): TabEnvironment => ({
    locks: shared ? locks : null,
    openChannel: channels.openChannel,
    connect(options, handlers) {
      const connection: FakeConnection = { options, handlers, stopped: false };
      connections.push(connection);
      handlers.onState('connecting');
      return { stop: () => void (connection.stopped = true), lastId: () => options.lastEventId };
    },
    newId: () => `tab-${++nextId}`,
    onLifecycle: () => () => undefined,
  });
  return {
    environment,
    channels,
    connections,
    /** The connections not stopped. */
    open: () => connections.filter((connection) => !connection.stopped),
  };
}
