import { describe, expect, it } from 'vitest';
import type { Flight } from '../flights/flight';
import { makeFlight } from '../flights/flight.fixture';
import { parseStoredEvent, parseStoredFlight, StoredRecordError } from './stored-records';

describe('stored records, read once where they enter', () => {
  it('reads a flight stored before actual existed, in the contract field order', () => {
    const older: Partial<Flight> = makeFlight();
    delete older.actual;
    const { updatedAt, ...rest } = older;
    const flight = parseStoredFlight(JSON.stringify({ updatedAt, ...rest }));
    expect(flight).toEqual(makeFlight());
    expect(Object.keys(flight)).toEqual(Object.keys(makeFlight()));
  });

  it.each([
    ['a status no version has', JSON.stringify({ ...makeFlight(), status: 'flying' }), /status/],
    ['a missing field', JSON.stringify({ ...makeFlight(), airline: undefined }), /airline/],
    ['a time that is not one', JSON.stringify({ ...makeFlight(), scheduled: 'tomorrow' }), /scheduled/],
    ['text that is not JSON', '{"id": "AZ', /not JSON/],
    ['JSON that is not a record', '[1, 2]', /cannot be read/],
  ])('refuses a flight with %s, with a message that says so', (_, json, message) => {
    expect(() => parseStoredFlight(json)).toThrow(StoredRecordError);
    expect(() => parseStoredFlight(json)).toThrow(message);
  });

  it('refuses an event whose name or data no version writes', () => {
    expect(parseStoredEvent('flightRemoval', '{"id":"A1","flight":"AZ1"}')).toEqual({ name: 'flightRemoval', data: { id: 'A1', flight: 'AZ1' } });
    expect(() => parseStoredEvent('flightRemoval', '{"id":1}')).toThrow(StoredRecordError);
    expect(() => parseStoredEvent('restored', '{}')).toThrow(/named "restored"/);
    expect(() => parseStoredEvent('flightStateUpdate', JSON.stringify({ ...makeFlight(), codeshares: 'DL1' }))).toThrow(/codeshares/);
  });
});
