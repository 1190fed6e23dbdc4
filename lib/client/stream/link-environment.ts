/** The part of an EventSource the connection uses. */
export interface SourceLike {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(name: string, listener: (message: MessageEvent<string>) => void): void;
  close(): void;
}

/** The browser APIs one connection uses, injected so tests can drive time, the network and wake-ups. */
export interface LinkEnvironment {
  openEventSource(url: string): SourceLike;
  /** A GET's JSON body; rejects when there is none. */
  fetchJson(url: string): Promise<unknown>;
  now(): number;
  random(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Calls `wake` when the page may have slept or lost the network and is back; returns the unsubscribe. */
  onWake(wake: () => void): () => void;
}

/** The real browser's. */
export function browserLinkEnvironment(): LinkEnvironment {
  return {
    openEventSource: (url) => new EventSource(url),
    fetchJson: async (url) => (await fetch(url, { cache: 'no-store' })).json(),
    now: () => Date.now(),
    random: Math.random,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    onWake(wake) {
      const onPageShow = (event: PageTransitionEvent) => event.persisted && wake();
      const onVisibility = () => document.visibilityState === 'visible' && wake();
      window.addEventListener('online', wake);
      window.addEventListener('pageshow', onPageShow);
      document.addEventListener('visibilitychange', onVisibility);
      return () => {
        window.removeEventListener('online', wake);
        window.removeEventListener('pageshow', onPageShow);
        document.removeEventListener('visibilitychange', onVisibility);
      };
    },
  };
}
