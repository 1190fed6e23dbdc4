import { connectEventSource } from './event-source-connection';

/** The part of the Web Locks API the tabs use. */
export interface LocksLike {
  request(name: string, options: { mode: 'exclusive' | 'shared' }, callback: () => Promise<void> | void): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

/** The part of a BroadcastChannel the tabs use. */
export interface ChannelLike {
  postMessage(data: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/** The browser APIs one tab's stream uses, injected so tests can play several tabs and their races. */
export interface TabEnvironment {
  /** null where Web Locks or BroadcastChannel are missing: the tab has a stream of its own. */
  locks: LocksLike | null;
  openChannel(name: string): ChannelLike;
  connect: typeof connectEventSource;
  newId(): string;
  /** Calls `freeze` when the page is frozen and `resume` when it thaws; returns the unsubscribe. */
  onLifecycle(freeze: () => void, resume: () => void): () => void;
}

/** The real browser's. */
export function browserTabEnvironment(): TabEnvironment {
  const shared = typeof navigator !== 'undefined' && 'locks' in navigator && typeof BroadcastChannel !== 'undefined';
  return {
    locks: shared ? navigator.locks : null,
    openChannel: (name) => new BroadcastChannel(name),
    connect: connectEventSource,
    newId: () => crypto.randomUUID(),
    onLifecycle(freeze, resume) {
      document.addEventListener('freeze', freeze);
      document.addEventListener('resume', resume);
      return () => {
        document.removeEventListener('freeze', freeze);
        document.removeEventListener('resume', resume);
      };
    },
  };
}
