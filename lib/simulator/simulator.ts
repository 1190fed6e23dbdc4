import type { EventLog } from '../events/event-log';
import type { Board } from '../flights/board';
import type { BoardEvent } from '../flights/board-event';
import type { Flight } from '../flights/flight';
import { isFinal } from '../flights/lifecycle';
import type { Clock, Random } from './clock';
import { advance, newFlight, type Cast } from './simulated-flights';

export interface SimulatorOptions {
  log: EventLog;
  clock: Clock;
  random: Random;
  tickMs: number;
  targetFlights: number;
  cast: Cast;
}

/** The change one tick makes: a new flight while the board is short, else one flight moves on. */
export function planTick(board: Board, { random, clock, targetFlights, cast }: SimulatorOptions): BoardEvent[] {
  const now = clock.now();
  if (board.size < targetFlights) {
    const flight = newFlight(random, cast, now, 60 + Math.floor(random() * 300));
    return board.has(flight.id) ? [] : [{ name: 'flightStateUpdate', data: flight }];
  }
  const moving = [...board.values()].filter((flight) => !isFinal(flight.status));
  if (moving.length === 0) return [];
  // The earliest of a few random candidates: early flights move first, as at a real airport,
  // without sorting thousands of flights on every tick.
  let flight = moving[Math.floor(random() * moving.length)]!;
  for (let i = 1; i < CANDIDATES; i++) {
    const candidate = moving[Math.floor(random() * moving.length)]!;
    if (byTime(candidate, flight) < 0) flight = candidate;
  }
  return [{ name: 'flightStateUpdate', data: advance(random, flight, now) }];
}

/** Fills an empty board at start, spread over the next hours so the board looks like a real day. */
export function planSeed(board: Board, { random, clock, targetFlights, cast }: SimulatorOptions): BoardEvent[] {
  const now = clock.now();
  const events: BoardEvent[] = [];
  const ids = new Set(board.keys());
  for (let i = board.size; i < targetFlights; i++) {
    const flight = newFlight(random, cast, now, -30 + Math.floor((i / targetFlights) * 300));
    if (ids.has(flight.id)) continue;
    ids.add(flight.id);
    events.push({ name: 'flightStateUpdate', data: flight });
  }
  return events;
}

const CANDIDATES = 4;

function byTime(a: Flight, b: Flight) {
  if (a.scheduled !== b.scheduled) return a.scheduled < b.scheduled ? -1 : 1;
  return a.flight < b.flight ? -1 : a.flight > b.flight ? 1 : 0;
}

/** The built-in simulator: one change per tick, through the event log like any other write. */
export function createSimulator(options: SimulatorOptions) {
  const { log, clock, tickMs } = options;
  let timer: unknown;
  let running = false;

  const commitPlan = (plan: (board: Board) => BoardEvent[]) =>
    log.commit((board) => ({ events: plan(board), result: undefined })).catch((error: unknown) => {
      console.error('[simulator] change refused:', error);
    });

  function schedule() {
    timer = clock.setTimeout(async () => {
      await commitPlan((board) => planTick(board, options));
      if (running) schedule();
    }, tickMs);
  }

  return {
    async start() {
      if (running) return;
      running = true;
      await commitPlan((board) => planSeed(board, options));
      if (running) schedule();
    },
    stop() {
      running = false;
      clock.clearTimeout(timer);
    },
  };
}
