import { describe, expect, it } from 'vitest';
import { arrivalsOnBelt, nextDepartureAtGate } from './display-selection';
import { makeFlight } from './flight.fixture';

describe('nextDepartureAtGate', () => {
  it('is the earliest departure at that gate by expected time that has not left, a cancelled one included', () => {
    const flights = [
      makeFlight({ id: 'gone', gate: 'B7', status: 'departed', scheduled: '2026-11-22T09:00:00.000Z' }),
      makeFlight({ id: 'later', gate: 'B7', scheduled: '2026-11-22T10:00:00.000Z' }),
      makeFlight({ id: 'delayed-past-later', gate: 'B7', status: 'delayed', scheduled: '2026-11-22T09:30:00.000Z', estimated: '2026-11-22T11:00:00.000Z' }),
      makeFlight({ id: 'other-gate', gate: 'B8', scheduled: '2026-11-22T08:00:00.000Z' }),
      makeFlight({ id: 'arrival', direction: 'arrival', gate: 'B7', scheduled: '2026-11-22T08:00:00.000Z' }),
    ];
    expect(nextDepartureAtGate(flights, 'B7')?.id).toBe('later');
    expect(nextDepartureAtGate([makeFlight({ gate: 'B7', status: 'cancelled' })], 'B7')?.status).toBe('cancelled');
    expect(nextDepartureAtGate(flights, 'C1')).toBeUndefined();
  });
});

describe('arrivalsOnBelt', () => {
  it('lists the bags on the belt first, then the flights next on it, and nothing not yet landing', () => {
    const arrival = { direction: 'arrival' as const, gate: null, belt: '4' };
    const flights = [
      makeFlight({ ...arrival, id: 'landing', status: 'landing' }),
      makeFlight({ ...arrival, id: 'landed', status: 'landed', actual: '2026-11-22T10:00:00.000Z' }),
      makeFlight({ ...arrival, id: 'on-belt', status: 'baggage', actual: '2026-11-22T09:50:00.000Z' }),
      makeFlight({ ...arrival, id: 'airborne', status: 'scheduled' }),
      makeFlight({ ...arrival, id: 'other-belt', status: 'baggage', belt: '5' }),
    ];
    expect(arrivalsOnBelt(flights, '4').map((flight) => flight.id)).toEqual(['on-belt', 'landed', 'landing']);
  });
});
