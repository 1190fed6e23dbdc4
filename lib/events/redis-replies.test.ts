import { describe, expect, it } from 'vitest';
import { makeFlight } from '../flights/flight.fixture';
import { commitOutcome, hashOf, holdsEveryEntry, rangeEvents, readEvents } from './redis-replies';
import { StoredRecordError } from './stored-records';

const flight = makeFlight();
const entry = (id: string, fields: string[]) => [id, fields];

describe('Redis replies, checked by shape', () => {
  it('reads entries by field name, whatever their order', () => {
    const data = JSON.stringify(flight);
    expect(rangeEvents([entry('1-0', ['d', data, 'n', 'flightStateUpdate'])])).toEqual([{ id: '1-0', event: { name: 'flightStateUpdate', data: flight } }]);
    expect(readEvents(null)).toEqual([]);
    expect(readEvents([['skyboard:events', [entry('2-0', ['n', 'flightRemoval', 'd', '{"id":"A","flight":"AZ1"}'])]]])).toHaveLength(1);
  });

  it.each([
    ['an entry without its data', [entry('1-0', ['n', 'flightStateUpdate'])]],
    ['an entry of another program', [entry('1-0', ['foo', 'bar'])]],
    ['a reply that is no list of entries', { '1-0': ['n'] }],
    ['an entry whose id is a number', [[1, ['n', 'flightRemoval', 'd', '{}']]]],
  ])('refuses %s', (_, reply) => {
    expect(() => rangeEvents(reply)).toThrow(StoredRecordError);
  });

  it('reads the commit script both ways, and refuses anything else', () => {
    expect(commitOutcome([1, '1-0', '1-1'])).toEqual({ committed: true, ids: ['1-0', '1-1'] });
    expect(commitOutcome([0, '5-0'])).toEqual({ committed: false, lastId: '5-0' });
    for (const reply of [[2], [0], 'OK', null, [1, 2]]) expect(() => commitOutcome(reply)).toThrow(StoredRecordError);
  });

  it('reads hashes and stream info', () => {
    expect(hashOf({ a: '1' })).toEqual({ a: '1' });
    expect(() => hashOf({ a: 1 })).toThrow(StoredRecordError);
    expect(holdsEveryEntry(['length', 3, 'entries-added', 3])).toBe(true);
    expect(holdsEveryEntry(['length', 2, 'entries-added', 3])).toBe(false);
  });
});
