import { describe, expect, it } from 'vitest';
import { makeFlight } from '../flights/flight.fixture';
import { changeOf, describeOtherChange, draftOf, statusChoices } from './flight-edit';

const zone = 'Europe/London';

describe('editing a flight on the operations page', () => {
  const flight = makeFlight({ status: 'boarding', gate: 'B32', scheduled: '2026-11-22T14:05:00.000Z' });

  it('offers the flight’s status and only its legal next moves', () => {
    expect(statusChoices(flight)).toEqual(['boarding', 'final-call', 'gate-closed', 'departed', 'cancelled']);
    expect(statusChoices(makeFlight({ status: 'departed' }))).toEqual(['departed']);
  });

  it('sends only what the draft changes, the estimate read as the airport’s time', () => {
    const draft = draftOf(flight, zone);
    expect(draft).toEqual({ status: 'boarding', estimated: '', place: 'B32' });
    expect(changeOf(flight, draft, zone)).toEqual({ change: {} });
    expect(changeOf(flight, { status: 'final-call', estimated: '14:20', place: ' C4 ' }, zone)).toEqual({
      change: { status: 'final-call', estimated: '2026-11-22T14:20:00.000Z', gate: 'C4' },
    });
    expect(changeOf(makeFlight({ estimated: '2026-11-22T14:20:00.000Z' }), { status: 'scheduled', estimated: '', place: '' }, zone)).toEqual({
      change: { estimated: null, gate: null },
    });
    expect(changeOf(flight, { ...draft, estimated: 'soon' }, zone)).toEqual({ error: 'The estimate must be a time such as 15:30, not "soon".' });
  });

  it('says what another change did, in words', () => {
    const now = { ...flight, gate: 'C7', status: 'final-call' as const, estimated: '2026-11-22T14:20:00.000Z', version: 3 };
    expect(describeOtherChange(flight, now, zone)).toBe('status boarding → final-call; estimate – → 14:20; gate B32 → C7');
  });
});
