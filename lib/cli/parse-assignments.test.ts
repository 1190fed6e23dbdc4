import { describe, expect, it } from 'vitest';
import { parseAssignments } from './parse-assignments';

describe('parseAssignments', () => {
  it('reads strings, nulls, lists and airports', () => {
    expect(parseAssignments(['status=boarding', 'gate=null', 'codeshares=DL1,AF2', 'origin=FCO:Rome', 'airline=A=B'])).toEqual({
      status: 'boarding',
      gate: null,
      codeshares: ['DL1', 'AF2'],
      origin: { iata: 'FCO', city: 'Rome' },
      airline: 'A=B',
    });
  });

  it('explains a word that is not an assignment', () => {
    expect(() => parseAssignments(['boarding'])).toThrow('field=value');
    expect(() => parseAssignments(['origin=FCO'])).toThrow('IATA:City');
  });
});
