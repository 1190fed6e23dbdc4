import { boardTimeAt } from './board-time';
import { systemClock, type Clock } from './clock';

/** The board's clock: real time, or real time sped up from an origin (CONTRACT section 4). */
export interface BoardClock extends Clock {
  /** How many times as fast as real time it runs. */
  readonly speed: number;
  /** The real instant it started from; board and real time agree there. */
  readonly origin: number;
  /** The board's time at a real instant. */
  at(realMs: number): number;
  /** Real time now: what `updatedAt` records. */
  realNow(): number;
  /** Moves the origin (with Redis: to the first instance's start, shared by every instance). */
  adoptOrigin(origin: number): void;
}

/** A clock running `speed` times as fast as `real` from `origin`; at speed 1, real time itself. */
export function createBoardClock({ speed, origin = Date.now(), real = systemClock }: { speed: number; origin?: number; real?: Clock }): BoardClock {
  let start = origin;
  const at = (realMs: number) => boardTimeAt(realMs, { origin: start, speed });
  return {
    speed,
    get origin() {
      return start;
    },
    at,
    realNow: () => real.now(),
    now: () => at(real.now()),
    setTimeout: real.setTimeout,
    clearTimeout: real.clearTimeout,
    adoptOrigin(shared) {
      start = shared;
    },
  };
}
