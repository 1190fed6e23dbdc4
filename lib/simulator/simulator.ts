import type { Author } from '../events/history';
import type { EventLog } from '../events/event-log';
import type { Board } from '../flights/board';
import type { BoardEvent } from '../flights/board-event';
import { toFlight, type Flight } from '../flights/flight';
import { canTransition } from '../flights/lifecycle';
import { componentLogger } from '../log/logger';
import type { BoardClock } from '../time/board-clock';
import { createSeededRandom, type Random } from './random';
import { isSimulated } from '../flights/flight';
import { newFlight, type Cast } from './simulated-flights';
import { lastChangeAt, planOf, stateAt, type SimulatedState } from './timeline';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * The shape of the board around now: flights scheduled from PAST_MINUTES ago (landed or departed by
 * now, until retention takes them off) to HORIZON_MINUTES ahead. A flight stays about SPAN_MINUTES on
 * the board in all, so `targetFlights` of them need targetFlights / SPAN_MINUTES new flights a minute.
 */
export const BOARD_SHAPE = { PAST_MINUTES: 40, HORIZON_MINUTES: 75, SPAN_MINUTES: 100 } as const;

export interface SimulatorOptions {
  log: EventLog;
  clock: BoardClock;
  random: Random;
  tickMs: number;
  targetFlights: number;
  /** BOARD_RETENTION_MS: a flight whose life ended longer ago than this is not added at all. */
  retentionMs: number;
  cast: Cast;
}

const FIELDS: (keyof SimulatedState)[] = ['status', 'estimated', 'actual', 'gate', 'belt'];

/**
 * What became due for one flight between its last change and `now`: the fields its timeline moved
 * in that time. A field someone changed through the API stays as they left it until the timeline
 * moves that field again; a status move the lifecycle forbids (after a manual change) is skipped.
 */
function dueChange(flight: Flight, lastChange: number, now: number): Flight | null {
  const plan = planOf(flight);
  const before = stateAt(flight, plan, lastChange);
  const after = stateAt(flight, plan, now);
  const moved = FIELDS.filter((field) => before[field] !== after[field]);
  if (moved.length === 0) return null;
  const changed: Flight = { ...flight };
  for (const field of moved) (changed as Record<keyof SimulatedState, unknown>)[field] = after[field];
  if (!canTransition(flight.direction, flight.status, changed.status)) {
    changed.status = flight.status;
    changed.actual = flight.actual;
  }
  return FIELDS.some((field) => changed[field] !== flight[field]) ? changed : null;
}

/** The changes one tick makes: every simulated flight's due change, and new flights up to the horizon. */
function planTick(board: Board, { clock, random, targetFlights, retentionMs, cast }: SimulatorOptions): BoardEvent[] {
  const now = clock.now();
  const updatedAt = new Date(clock.realNow()).toISOString();
  const events: BoardEvent[] = [];
  let latest = now - BOARD_SHAPE.PAST_MINUTES * MINUTE;
  for (const flight of board.values()) {
    if (!isSimulated(flight)) continue;
    latest = Math.max(latest, Date.parse(flight.scheduled));
    const changed = dueChange(flight, clock.at(Date.parse(flight.updatedAt)), now);
    if (changed) events.push({ name: 'flightStateUpdate', data: toFlight(changed, updatedAt, flight.version + 1) });
  }
  // New flights keep the schedule filled up to the horizon. The gap after a flight is fixed by its
  // time, not drawn again each tick: a gap drawn anew until one fits would make the board too dense.
  const meanGap = (BOARD_SHAPE.SPAN_MINUTES * MINUTE) / Math.max(1, targetFlights);
  // Whole seconds, at least one, so the schedule always moves on and the next slot follows exactly
  // from the latest flight's time (the board shows HH:MM); a big board gets several flights a minute.
  const after = (at: number) => {
    const second = Math.floor(at / SECOND);
    return (second + Math.max(1, Math.round((2 * meanGap * createSeededRandom(second)()) / SECOND))) * SECOND;
  };
  const horizon = now + BOARD_SHAPE.HORIZON_MINUTES * MINUTE;
  const ids = new Set(board.keys());
  for (let next = after(latest); targetFlights > 0 && next <= horizon; next = after(next)) {
    const flight = newFlight(random, cast, next, now, updatedAt);
    // A flight whose life ended longer ago than retention would be taken off at once: leave it out.
    if (ids.has(flight.id) || lastChangeAt(flight.direction, planOf(flight)) + retentionMs <= now) continue;
    ids.add(flight.id);
    events.push({ name: 'flightStateUpdate', data: flight });
  }
  return events;
}


const SIMULATOR_AUTHOR: Author = { actor: 'simulator', source: 'simulator' };

/**
 * The built-in simulator: every `tickMs` it reads the board's clock and applies what has become due
 * to the flights it created, adding new ones as time passes, through the event log like any write.
 */
export function createSimulator(options: SimulatorOptions) {
  const { log, clock, tickMs } = options;
  let timer: unknown;
  let running = false;

  const tick = () =>
    log.commit((board) => ({ events: planTick(board, options), result: undefined }), SIMULATOR_AUTHOR).catch((error: unknown) => {
      componentLogger('simulator').warn({ err: error }, 'change refused');
    });

  function schedule() {
    timer = clock.setTimeout(async () => {
      await tick();
      if (running) schedule();
    }, tickMs);
  }

  return {
    async start() {
      if (running) return;
      running = true;
      await tick();
      if (running) schedule();
    },
    stop() {
      running = false;
      clock.clearTimeout(timer);
    },
  };
}
