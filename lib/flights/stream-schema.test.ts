import { describe, expect, it } from 'vitest';
import { makeFlight } from './flight.fixture';
import { parseStreamEvent } from './stream-schema';

describe('parseStreamEvent', () => {
  it('takes the frames the server sends', () => {
    const flight = makeFlight();
    expect(parseStreamEvent('flightStateUpdate', JSON.stringify(flight))).toEqual({ name: 'flightStateUpdate', data: flight });
    const content = { flights: [flight], notices: [], screens: [] };
    expect(parseStreamEvent('snapshot', JSON.stringify(content))).toEqual({ name: 'snapshot', data: content });
    expect(parseStreamEvent('flightRemoval', '{"id":"A1-x","flight":"A1"}')).toEqual({ name: 'flightRemoval', data: { id: 'A1-x', flight: 'A1' } });
    expect(parseStreamEvent('closedConnection', '{"reason":"Maintenance"}')).toEqual({ name: 'closedConnection', data: { reason: 'Maintenance' } });
    expect(parseStreamEvent('heartbeat', '{"now":"2026-12-03T10:00:00.000Z"}')).toEqual({ name: 'heartbeat', data: { now: '2026-12-03T10:00:00.000Z' } });
  });

  it.each([
    ['not JSON', 'flightStateUpdate', '{oops'],
    ['a flight without a status', 'flightStateUpdate', JSON.stringify({ ...makeFlight(), status: undefined })],
    ['a status that does not exist', 'flightStateUpdate', JSON.stringify({ ...makeFlight(), status: 'teleported' })],
    ['a time that is not a time', 'flightStateUpdate', JSON.stringify({ ...makeFlight(), scheduled: 'soon' })],
    ['a snapshot that is not a list', 'snapshot', '{"flights":{}}'],
    ['a removal without an id', 'flightRemoval', '{"flight":"A1"}'],
    ['a heartbeat whose time is not a time', 'heartbeat', '{"now":"later"}'],
  ] as const)('drops %s', (_, name, json) => {
    expect(parseStreamEvent(name, json)).toBeNull();
  });
});
