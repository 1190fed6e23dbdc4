import { afterEach, describe, expect, it, vi } from 'vitest';
import { logStreamTrouble } from './stream-trouble-log';

afterEach(() => {
  vi.useRealTimers();
});

describe('the stream trouble log', () => {
  it('says once an interval how many streams were dropped or refused in it, and nothing in a quiet one', () => {
    vi.useFakeTimers();
    const stats = { slowClientsDropped: 3, streamsRefused: 0 };
    const log = { warn: vi.fn() };
    const stop = logStreamTrouble(stats, { intervalMs: 1000, log });
    stats.slowClientsDropped += 250;
    stats.streamsRefused += 2;
    vi.advanceTimersByTime(1000);
    expect(log.warn.mock.calls).toEqual([
      [{ dropped: 250, intervalMs: 1000 }, expect.stringContaining('dropped 250 streams too slow')],
      [{ refused: 2, intervalMs: 1000 }, expect.stringContaining('refused 2 new streams')],
    ]);
    vi.advanceTimersByTime(1000);
    stats.streamsRefused += 1;
    vi.advanceTimersByTime(1000);
    expect(log.warn.mock.calls.slice(2)).toEqual([[{ refused: 1, intervalMs: 1000 }, expect.stringContaining('refused 1 new streams')]]);
    stop();
    stats.streamsRefused += 1;
    vi.advanceTimersByTime(5000);
    expect(log.warn).toHaveBeenCalledTimes(3);
  });
});
