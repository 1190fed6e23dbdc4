import type { EventLog } from './event-log';

export interface TrackedLog extends EventLog {
  /** Resolves when no write is in progress, or after `timeoutMs`: true when it had writes to wait for. */
  whenIdle(timeoutMs: number): Promise<boolean>;
}

/** Wraps a log so shutdown can wait for the writes already under way. */
export function trackInFlightWrites(log: EventLog): TrackedLog {
  let inFlight = 0;
  let wakeUp: (() => void) | undefined;
  return {
    ...log,
    async commit(plan, author) {
      inFlight += 1;
      try {
        return await log.commit(plan, author);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) wakeUp?.();
      }
    },
    whenIdle(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(false);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(true), timeoutMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
  };
}
