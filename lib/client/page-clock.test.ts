import { describe, expect, it } from 'vitest';
import { createPageClock } from './page-clock';

describe('createPageClock', () => {
  it('follows the server from each sync at the board speed, whatever the browser clock says', () => {
    let monotonic = 1000;
    const clock = createPageClock({ origin: Date.now(), speed: 60 }, () => monotonic);
    clock.sync('2026-12-03T10:00:00.000Z');
    monotonic += 1000;
    expect(new Date(clock.now()).toISOString()).toBe('2026-12-03T10:01:00.000Z');
    clock.sync('2026-12-03T10:00:30.000Z');
    expect(new Date(clock.now()).toISOString()).toBe('2026-12-03T10:00:30.000Z');
  });

  it('reads the board time from its origin and speed until the server has spoken, and ignores a time that is none', () => {
    const origin = Date.now() - 1000;
    const clock = createPageClock({ origin, speed: 1 }, () => 0);
    clock.sync('soon');
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(100);
  });
});
