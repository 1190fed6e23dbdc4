import { describe, expect, it } from 'vitest';
import { makeFlight } from '../flights/flight.fixture';
import { boardViewQuery, byScheduleThenFlight, compareDesignators, keepIfSame, parseBoardView, visibleFlights } from './board-view';

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

describe('visibleFlights', () => {
  const flights = [
    makeFlight({ id: 'a', flight: 'AZ768', codeshares: ['DL6618'], direction: 'departure' }),
    makeFlight({ id: 'b', flight: 'BA117', codeshares: [], airline: 'British Airways', direction: 'departure', status: 'boarding', destination: { iata: 'JFK', city: 'New York' } }),
    makeFlight({ id: 'c', flight: 'EK1', direction: 'arrival', origin: { iata: 'DXB', city: 'Dubai' }, destination: { iata: 'LHR', city: 'London' } }),
  ];
  const view = (query: string) => parseBoardView(new URLSearchParams(query));
  const ids = (query: string) => visibleFlights(flights, view(query)).map((flight) => flight.id);

  it('shows one direction per tab', () => {
    expect(ids('')).toEqual(['c']);
    expect(ids('tab=departures')).toEqual(['a', 'b']);
  });

  it('searches designators, codeshares, airlines, cities and IATA codes, ignoring case', () => {
    expect(ids('tab=departures&q=dl66')).toEqual(['a']);
    expect(ids('tab=departures&q=british')).toEqual(['b']);
    expect(ids('tab=departures&q=new york')).toEqual(['b']);
    expect(ids('tab=departures&q=jfk')).toEqual(['b']);
    expect(ids('q=dxb')).toEqual(['c']);
    expect(ids('tab=departures&q=zzz')).toEqual([]);
  });

  it('filters by status', () => {
    expect(ids('tab=departures&status=boarding')).toEqual(['b']);
  });
});

describe('keepIfSame', () => {
  it('keeps the previous list when it holds the same flights in the same order', () => {
    const [a, b] = [makeFlight({ id: 'a' }), makeFlight({ id: 'b' })];
    const previous = [a, b];
    expect(keepIfSame(previous, [a, b])).toBe(previous);
    const changed = [a, { ...b }];
    expect(keepIfSame(previous, changed)).toBe(changed);
    expect(keepIfSame(previous, [b, a])).not.toBe(previous);
    expect(keepIfSame(undefined, previous)).toBe(previous);
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
