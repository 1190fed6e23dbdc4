import { describe, expect, it, vi } from 'vitest';
import { createMemoryLog } from '../events/memory-log';
import { makeFlight } from '../flights/flight.fixture';
import { createHistorySweeper } from './history-sweeper';

describe('the history sweeper', () => {
  it('removes entries older than the retention, keeps newer ones, and lets the event loop run between batches', async () => {
    const log = createMemoryLog({ historyLimit: 10 });
    const day = 86_400_000;
    const old = new Date(Date.now() - 40 * day).toISOString();
    const recent = new Date(Date.now() - day).toISOString();
    for (let i = 0; i < 1200; i++) {
      await log.commit(() => ({ events: [{ name: 'flightStateUpdate', data: makeFlight({ id: `O${i}-x`, flight: `AZ${i}`, updatedAt: old }) }], result: 0 }));
    }
    await log.commit(() => ({ events: [{ name: 'flightStateUpdate', data: makeFlight({ id: 'NEW-x', updatedAt: recent }) }], result: 0 }));
    const prune = vi.spyOn(log, 'pruneHistory');
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 0);
    const sweeper = createHistorySweeper({ log, retentionDays: 30, intervalMs: 60_000 });
    sweeper.start();
    await vi.waitFor(async () => expect(await log.history('O1199-x', '2000-01-01T00:00:00.000Z')).toEqual([]));
    sweeper.stop();
    clearInterval(ticker);
    expect(await log.history('NEW-x', '2000-01-01T00:00:00.000Z')).toHaveLength(1);
    // 1200 entries in batches of 500: three batches with a turn of the event loop after each.
    expect(prune.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(ticks).toBeGreaterThan(0);
  });
});
