import { describe, expect, it } from 'vitest';
import { makeFlight } from '../flights/flight.fixture';
import { boardViewQuery, byScheduleThenFlight, compareDesignators, parseBoardView } from './board-view';

describe('the board view in the URL', () => {
  it('round-trips through the query string', () => {
    const view = parseBoardView(new URLSearchParams('tab=departures&q=rome&status=boarding&sort=flight&order=desc'));
    expect(view).toEqual({ tab: 'departures', q: 'rome', status: 'boarding', sort: { column: 'flight', desc: true }, wall: false });
    expect(parseBoardView(new URLSearchParams(boardViewQuery(view)))).toEqual(view);
  });

  it('falls back to the defaults for anything unknown, and leaves defaults out of the URL', () => {
    const view = parseBoardView(new URLSearchParams('tab=x&status=flying&sort=evil&display=tv'));
    expect(view).toEqual({ tab: 'arrivals', q: '', status: null, sort: null, wall: false });
    expect(boardViewQuery(view)).toBe('');
  });

  it('drops a status that belongs to the other tab', () => {
    expect(parseBoardView(new URLSearchParams('tab=arrivals&status=boarding')).status).toBeNull();
  });
});


describe('airport order', () => {
  it('sorts by scheduled time, then designators naturally', () => {
    const at = (flight: string, scheduled: string) => makeFlight({ id: flight, flight, scheduled });
    const flights = [at('OS1554', 'T2'), at('OS41', 'T2'), at('BA9', 'T3'), at('AZ7', 'T2'), at('OS41A', 'T2'), at('ZZ1', 'T1')];
    expect([...flights].sort(byScheduleThenFlight).map((flight) => flight.flight)).toEqual(['ZZ1', 'AZ7', 'OS41', 'OS41A', 'OS1554', 'BA9']);
    expect(compareDesignators('EK2', 'EK10')).toBeLessThan(0);
  });
});
