import { describe, expect, it } from 'vitest';
import { createMemoryLog } from '../events/memory-log';
import type { LoggedEvent } from '../flights/board-event';
import { canTransition, isStatusOf } from '../flights/lifecycle';
import { planExpiredRemovals } from '../flights/retention';
import { createSeededRandom } from './clock';
import { createManualClock } from './manual-clock.fixture';
import { createSimulator } from './simulator';

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

async function run(seed: number, ticks: number) {
  const log = createMemoryLog({ historyLimit: 100_000 });
  const clock = createManualClock();
  const seen: LoggedEvent[] = [];
  log.subscribe((entry) => seen.push(entry));
  const simulator = createSimulator({ log, clock, random: createSeededRandom(seed), tickMs: 1000, targetFlights: 12, cast });
  await simulator.start();
  const seeded = (await log.snapshot()).flights.length;
  await clock.advance(ticks * 1000);
  simulator.stop();
  return { log, clock, seen, seeded };
}

describe('the simulator', () => {
  it('fills the board at start with flights of both directions between real airports', async () => {
    const { log, seeded } = await run(1, 0);
    const { flights } = await log.snapshot();
    expect(seeded).toBe(12);
    expect(new Set(flights.map((flight) => flight.direction))).toEqual(new Set(['arrival', 'departure']));
    for (const flight of flights) {
      expect(flight.id).toBe(`${flight.flight}-${flight.scheduled.slice(0, 10)}`);
      const home = flight.direction === 'arrival' ? flight.destination : flight.origin;
      const remote = flight.direction === 'arrival' ? flight.origin : flight.destination;
      expect(home.iata).toBe('LHR');
      expect(remote.iata).not.toBe('LHR');
    }
  });

  it('makes one change per tick, each one a legal move of the lifecycle', async () => {
    const { seen } = await run(2, 20);
    const afterSeed = seen.slice(12);
    expect(afterSeed).toHaveLength(20);
    const previous = new Map(seen.slice(0, 12).map((entry) => [entry.event.data.id, entry.event]));
    for (const { event } of afterSeed) {
      expect(event.name).toBe('flightStateUpdate');
      if (event.name !== 'flightStateUpdate') continue;
      const before = previous.get(event.data.id);
      if (before?.name === 'flightStateUpdate') {
        expect(canTransition(event.data.direction, before.data.status, event.data.status)).toBe(true);
      }
      expect(isStatusOf(event.data.direction, event.data.status)).toBe(true);
      previous.set(event.data.id, event);
    }
  });

  it('is deterministic for a seed and a clock', async () => {
    const [a, b] = [await run(7, 30), await run(7, 30)];
    expect(a.seen).toEqual(b.seen);
    expect((await run(8, 30)).seen).not.toEqual(a.seen);
  });

  it('walks flights to the end of their lifecycle, then the retention rule takes them off', async () => {
    const { log, clock } = await run(3, 200);
    const board = new Map((await log.snapshot()).flights.map((flight) => [flight.id, flight]));
    const removals = planExpiredRemovals(board, clock.now() + 60_000, 60_000);
    expect(removals.length).toBeGreaterThan(0);
    expect(removals.every((event) => event.name === 'flightRemoval')).toBe(true);
  });

  it('adds a new flight on the next tick when one leaves', async () => {
    const { log, clock } = await run(4, 0);
    const simulator = createSimulator({ log, clock, random: createSeededRandom(9), tickMs: 1000, targetFlights: 12, cast });
    const [first] = (await log.snapshot()).flights;
    await log.commit(() => ({ events: [{ name: 'flightRemoval', data: { id: first!.id, flight: first!.flight } }], result: 0 }));
    await simulator.start();
    expect((await log.snapshot()).flights).toHaveLength(12);
    simulator.stop();
  });
});
