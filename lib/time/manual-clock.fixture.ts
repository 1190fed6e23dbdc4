import type { Clock } from './clock';

/** A clock that moves only when the test says so. */
export function createManualClock(start = Date.parse('2026-11-22T12:00:00Z')) {
  let now = start;
  let nextHandle = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock & { advance(ms: number): Promise<void> } = {
    now: () => now,
    setTimeout(callback, ms) {
      const handle = ++nextHandle;
      timers.set(handle, { at: now + ms, callback });
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    /** Moves time forward, running each timer that falls due, in order, and letting its promises settle. */
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        // A macrotask turn lets every promise the callback started settle before time moves on.
        await new Promise((resolve) => setImmediate(resolve));
      }
      now = end;
    },
  };
  return clock;
}
