import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, boardFromFlights } from './board';
import { makeFlight } from './flight.fixture';

describe('applyEvent', () => {
  const a = makeFlight({ id: 'A1-2026-11-22', flight: 'A1' });
  const b = makeFlight({ id: 'B2-2026-11-22', flight: 'B2' });

  it('adds a flight on its first update and replaces it on the next', () => {
    const added = applyEvent(new Map(), { name: 'flightStateUpdate', data: a });
    const changed = applyEvent(added, { name: 'flightStateUpdate', data: { ...a, gate: 'C9' } });
    expect([...changed.values()]).toEqual([{ ...a, gate: 'C9' }]);
  });

  it('removes a flight, and ignores the removal of one it does not have', () => {
    const board = boardFromFlights([a, b]);
    const removed = applyEvent(board, { name: 'flightRemoval', data: { id: a.id, flight: a.flight } });
    expect([...removed.keys()]).toEqual([b.id]);
    expect(applyEvent(removed, { name: 'flightRemoval', data: { id: 'X-1', flight: 'X' } })).toEqual(removed);
  });

  it('never changes the board it was given', () => {
    const board = boardFromFlights([a]);
    applyEvent(board, { name: 'flightRemoval', data: { id: a.id, flight: a.flight } });
    expect(board.get(a.id)).toBe(a);
  });

  it('folds a batch exactly as one event at a time', () => {
    const events = [
      { name: 'flightStateUpdate', data: a },
      { name: 'flightStateUpdate', data: b },
      { name: 'flightRemoval', data: { id: a.id, flight: a.flight } },
      { name: 'flightStateUpdate', data: { ...b, status: 'boarding' } },
    ] as const;
    const oneByOne = events.reduce((board, event) => applyEvent(board, event), boardFromFlights([]));
    expect(applyEvents(new Map(), events)).toEqual(oneByOne);
  });
});
