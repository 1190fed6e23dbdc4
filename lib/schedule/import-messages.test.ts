import { describe, expect, it } from 'vitest';
import { parseImportMessage } from './import-messages';

describe('the import page reads only the frames the server sends', () => {
  it('parses each event of the progress stream', () => {
    expect(parseImportMessage('importProgress', '{"phase":"applying","done":1,"total":2}')).toEqual({
      name: 'importProgress',
      data: { phase: 'applying', done: 1, total: 2 },
    });
    expect(parseImportMessage('importDone', '{"created":1,"updated":0,"rejected":0,"lastEventId":"a.1"}')?.name).toBe('importDone');
  });

  it.each([
    ['importProgress', '{"phase":"flying","done":1,"total":2}'],
    ['importError', '{"row":"1","field":"id","message":"x"}'],
    ['importDone', 'not json'],
    ['constructor', '{}'],
    ['toString', '{}'],
  ])('drops %s %s', (name, json) => {
    expect(parseImportMessage(name, json)).toBeNull();
  });
});
