/** Time as the simulator, the retention sweeper and the writes see it; tests pass a manual one. */
export interface Clock {
  /** The board's time, in milliseconds since the epoch. */
  now(): number;
  /** Runs `callback` after `ms` real milliseconds. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
