import { describe, expect, it } from 'vitest';
import { createRetentionSweeper } from '../board/retention';
import { createMemoryLog } from '../events/memory-log';
import type { LoggedEvent } from '../flights/board-event';
import type { Flight } from '../flights/flight';
import { canTransition, isStatusOf } from '../flights/lifecycle';
import { makeFlight } from '../flights/flight.fixture';
import { createBoardClock } from '../time/board-clock';
import { createManualClock } from '../time/manual-clock.fixture';
import { createSeededRandom } from './random';
import { isSimulated } from '../flights/flight';
import { BOARD_SHAPE, createSimulator } from './simulator';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const cast = {
  home: { iata: 'LHR', city: 'London' },
  airports: [
    { iata: 'FCO', city: 'Rome' },
    { iata: 'JFK', city: 'New York' },
    { iata: 'LHR', city: 'London' },
  ],
  airlines: [
    { iata: 'BA', name: 'British Airways' },
    { iata: 'AZ', name: 'Alitalia' },
  ],
};

/**
 * The default board (40 flights, 10-minute retention) under a manual clock; `advance` moves board
 * time. Ticks every 30 s rather than 3 s, so a day runs in seconds: what is due does not depend on
 * the tick, only how many changes one commit carries.
 */
async function startBoard(seed: number, { tickMs = 30_000, targetFlights = 40 } = {}) {
  const log = createMemoryLog({ historyLimit: 1_000_000 });
  const real = createManualClock();
  const clock = createBoardClock({ speed: 1, origin: real.now(), real });
  const seen: { at: number; entry: LoggedEvent }[] = [];
  log.subscribe((entry) => seen.push({ at: clock.now(), entry }));
  const retentionMs = 10 * MINUTE;
  const simulator = createSimulator({ log, clock, random: createSeededRandom(seed), tickMs, targetFlights, retentionMs, cast });
  const sweeper = createRetentionSweeper({ log, clock, retentionMs, intervalMs: tickMs });
  await simulator.start();
  sweeper.start();
  const board = async () => (await log.snapshot()).flights;
  return { log, clock, seen, board, advance: (ms: number) => real.advance(ms), stop: () => (simulator.stop(), sweeper.stop()) };
}

const expected = (flight: Flight) => Date.parse(flight.estimated ?? flight.scheduled);

/** What a passenger would call wrong with a flight at board time `now`; null when it is believable. */
function untruth(flight: Flight, now: number): string | null {
  const due = expected(flight);
  const early = (minutes: number) => now < due - minutes * MINUTE;
  switch (flight.status) {
    case 'boarding':
    case 'final-call':
    case 'gate-closed':
      return early(40) ? `${flight.status} ${Math.round((due - now) / MINUTE)} min before its time` : null;
    case 'landing':
      return early(10) ? `landing ${Math.round((due - now) / MINUTE)} min before its time` : null;
    case 'landed':
    case 'baggage':
    case 'departed': {
      const actual = Date.parse(flight.actual ?? '');
      if (Number.isNaN(actual)) return `${flight.status} without an actual time`;
      if (actual > now) return `${flight.status} at ${flight.actual}, which is still to come`;
      return Math.abs(actual - due) > 6 * MINUTE ? `${flight.status} ${Math.round((actual - due) / MINUTE)} min from its expected time` : null;
    }
    case 'scheduled':
    case 'delayed':
      return now > due + 10 * MINUTE ? `still ${flight.status} ${Math.round((now - due) / MINUTE)} min after its time` : null;
    default:
      return null;
  }
}

describe('the simulator', () => {
  it('opens on a board around now: past flights landed or departed with their times, the next ones still to come', async () => {
    const { board, clock, stop } = await startBoard(1);
    const flights = await board();
    stop();
    const now = clock.now();
    expect(flights.length).toBeGreaterThan(25);
    expect(flights.length).toBeLessThan(60);
    expect(new Set(flights.map((flight) => flight.direction))).toEqual(new Set(['arrival', 'departure']));
    for (const flight of flights) {
      expect(isSimulated(flight)).toBe(true);
      expect(untruth(flight, now)).toBeNull();
      const scheduled = Date.parse(flight.scheduled);
      expect(scheduled).toBeGreaterThanOrEqual(now - (BOARD_SHAPE.PAST_MINUTES + 1) * MINUTE);
      expect(scheduled).toBeLessThanOrEqual(now + BOARD_SHAPE.HORIZON_MINUTES * MINUTE);
      const home = flight.direction === 'arrival' ? flight.destination : flight.origin;
      expect(home.iata).toBe('LHR');
    }
    expect(flights.some((flight) => flight.status === 'landed' || flight.status === 'baggage' || flight.status === 'departed')).toBe(true);
    expect(flights.some((flight) => flight.status === 'scheduled')).toBe(true);
  });

  it('over a whole day keeps every flight true to the clock, moves only by legal steps and changes every few seconds', { timeout: 60_000 }, async () => {
    const { board, clock, seen, advance, stop } = await startBoard(2);
    const start = clock.now();
    const previous = new Map<string, Flight>();
    const problems: string[] = [];
    const check = ({ at, entry: { event } }: (typeof seen)[number]) => {
      if (event.name === 'flightRemoval') return previous.delete(event.data.id);
      if (event.name !== 'flightStateUpdate') return;
      const flight = event.data;
      const before = previous.get(flight.id);
      if (!isStatusOf(flight.direction, flight.status)) problems.push(`${flight.id}: ${flight.status} is not a ${flight.direction} status`);
      if (before && !canTransition(flight.direction, before.status, flight.status)) problems.push(`${flight.id}: ${before.status} → ${flight.status}`);
      const wrong = untruth(flight, at);
      if (wrong) problems.push(`${flight.id} at ${new Date(at).toISOString()}: ${wrong}`);
      previous.set(flight.id, flight);
    };
    const sizes: number[] = [];
    for (let hour = 0; hour < 24; hour++) {
      await advance(HOUR);
      const now = clock.now();
      const flights = await board();
      sizes.push(flights.length);
      for (const flight of flights) {
        const wrong = untruth(flight, now);
        if (wrong) problems.push(`${flight.id} on the board at hour ${hour + 1}: ${wrong}`);
      }
    }
    stop();
    seen.forEach(check);
    expect(problems).toEqual([]);

    const changes = seen.filter(({ at }) => at > start);
    const secondsPerChange = (clock.now() - start) / 1000 / changes.length;
    expect(secondsPerChange).toBeLessThan(10);
    const average = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    expect(average).toBeGreaterThan(30);
    expect(average).toBeLessThan(55);
    const statuses = new Set(changes.flatMap(({ entry }) => (entry.event.name === 'flightStateUpdate' ? [entry.event.data.status] : [])));
    for (const status of ['delayed', 'landing', 'landed', 'baggage', 'boarding', 'final-call', 'gate-closed', 'departed', 'cancelled'] as const) {
      expect(statuses).toContain(status);
    }
  });

  it('is deterministic for a seed and a clock', async () => {
    const run = async (seed: number) => {
      const { seen, advance, stop } = await startBoard(seed);
      await advance(2 * HOUR);
      stop();
      // The events, not their ids: every memory log is a history of its own.
      return seen.map(({ entry }) => entry.event);
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
  });

  it('leaves alone a flight written through the API, however late it is', async () => {
    const { log, clock, board, advance, stop } = await startBoard(3);
    const ours = makeFlight({ id: 'BA1-2026-11-22', flight: 'BA1', scheduled: new Date(clock.now() - 2 * HOUR).toISOString() });
    await log.commit(() => ({ events: [{ name: 'flightStateUpdate', data: ours }], result: undefined }));
    await advance(3 * HOUR);
    stop();
    expect((await board()).find((flight) => flight.id === ours.id)).toEqual(ours);
  });
});
