import type { Flight } from './flight';

/** A valid departure for tests; override what the test is about. */
export function makeFlight(overrides: Partial<Flight> = {}): Flight {
  return {
    id: 'AZ768-2026-11-22',
    flight: 'AZ768',
    codeshares: ['DL6618'],
    airline: 'ITA Airways',
    direction: 'departure',
    origin: { iata: 'LHR', city: 'London' },
    destination: { iata: 'FCO', city: 'Rome' },
    scheduled: '2026-11-22T14:05:00.000Z',
    estimated: null,
    actual: null,
    terminal: '2',
    gate: 'B32',
    belt: null,
    status: 'scheduled',
    updatedAt: '2026-11-22T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
