import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compare';

describe('compareCodePoints', () => {
  it('orders by code point, so ISO times order by time and uppercase before lowercase', () => {
    expect(['b', 'B', 'a', '2026-12-04T10:00:00.000Z', '2026-12-04T09:59:59.999Z'].sort(compareCodePoints)).toEqual([
      '2026-12-04T09:59:59.999Z',
      '2026-12-04T10:00:00.000Z',
      'B',
      'a',
      'b',
    ]);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });
});
