import { describe, expect, it } from 'vitest';
import { localTimeNear } from './zoned-time';

describe('localTimeNear', () => {
  it('reads a local clock time on the reference’s day in the airport’s zone', () => {
    expect(localTimeNear('15:30', '2026-11-22T14:05:00.000Z', 'Europe/London')).toBe('2026-11-22T15:30:00.000Z');
    expect(localTimeNear('15:30', '2026-07-22T14:05:00.000Z', 'Europe/London')).toBe('2026-07-22T14:30:00.000Z');
    expect(localTimeNear('09:00', '2026-11-22T08:00:00.000Z', 'Asia/Tokyo')).toBe('2026-11-22T00:00:00.000Z');
  });

  it('takes the nearest day: 00:10 for a flight at 23:50 is the next day, 23:50 for one at 00:10 the day before', () => {
    expect(localTimeNear('00:10', '2026-11-22T23:50:00.000Z', 'Europe/London')).toBe('2026-11-23T00:10:00.000Z');
    expect(localTimeNear('23:50', '2026-11-23T00:10:00.000Z', 'Europe/London')).toBe('2026-11-22T23:50:00.000Z');
  });

  it('answers null for what is not a time', () => {
    for (const bad of ['', '24:00', '9:00', '12:60', 'soon']) expect(localTimeNear(bad, '2026-11-22T14:05:00.000Z', 'Europe/London')).toBeNull();
  });
});
