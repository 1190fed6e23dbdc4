import { describe, expect, it } from 'vitest';
import { makeFlight } from './flight.fixture';
import { translator } from '../i18n/translate';
import { remarkOf } from './remark';

const arrival = (overrides: Parameters<typeof makeFlight>[0]) =>
  makeFlight({ direction: 'arrival', origin: { iata: 'FCO', city: 'Rome' }, destination: { iata: 'LHR', city: 'London' }, gate: null, ...overrides });

describe('remarkOf', () => {
  it.each([
    ['a delayed departure', makeFlight({ status: 'delayed', estimated: '2026-11-22T15:30:59.000Z' }), 'Expected 15:30'],
    ['an arrival with a radar estimate', arrival({ estimated: '2026-11-22T13:07:00.000Z' }), 'Expected 13:07'],
    ['a departure with its gate', makeFlight({ scheduled: '2026-11-22T15:00:00.000Z', gate: 'B32' }), 'Gate closes 14:50'],
    ['a departure without a gate yet', makeFlight({ gate: null }), 'Scheduled'],
    ['a landed arrival', arrival({ status: 'landed', actual: '2026-11-22T13:12:45.000Z', belt: '7' }), 'Landed 13:12'],
    ['baggage on its belt', arrival({ status: 'baggage', actual: '2026-11-22T13:12:00.000Z', belt: '7' }), 'Baggage belt 7'],
    ['a departed flight', makeFlight({ status: 'departed', actual: '2026-11-22T14:07:00.000Z' }), 'Departed 14:07'],
    ['a landing arrival (the estimate no longer shown)', arrival({ status: 'landing', estimated: '2026-11-22T13:07:00.000Z' }), 'Landing'],
    ['boarding', makeFlight({ status: 'boarding' }), 'Boarding'],
    ['final call', makeFlight({ status: 'final-call' }), 'Final call'],
    ['a closed gate', makeFlight({ status: 'gate-closed' }), 'Gate closed'],
    ['a cancellation', makeFlight({ status: 'cancelled', estimated: '2026-11-22T15:30:00.000Z' }), 'Cancelled'],
    ['a diversion', arrival({ status: 'diverted' }), 'Diverted'],
  ])('%s reads "%s"', (_, flight, remark) => {
    // London is on UTC in November: the times read as written.
    expect(remarkOf(flight, 'Europe/London')).toBe(remark);
  });

  it('reads times in the home airport’s zone', () => {
    expect(remarkOf(makeFlight({ status: 'departed', actual: '2026-11-22T14:07:00.000Z' }), 'Europe/Rome')).toBe('Departed 15:07');
  });

  it('reads in the screen’s language, with flight numbers, belts and times as they are', () => {
    const delayed = makeFlight({ status: 'delayed', estimated: '2026-11-22T15:30:00.000Z' });
    expect(remarkOf(delayed, 'Europe/London', translator('de'))).toBe('Erwartet 15:30');
    expect(remarkOf(arrival({ status: 'baggage', belt: '7' }), 'Europe/London', translator('fr'))).toBe('Tapis bagages 7');
    expect(remarkOf(makeFlight({ status: 'final-call' }), 'Europe/London', translator('es'))).toBe('Última llamada');
  });
});
