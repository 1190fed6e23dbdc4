import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../simulator/random';
import { MAX_RECONNECT_DELAY_MS, reconnectDelay } from './backoff';

describe('reconnectDelay', () => {
  it('waits up to the retry hint at first, doubling the ceiling each attempt up to 30 s', () => {
    expect(reconnectDelay(0, 3000, () => 0.999)).toBe(2997);
    expect(reconnectDelay(1, 3000, () => 0.999)).toBe(5994);
    expect(reconnectDelay(3, 3000, () => 0.999)).toBe(23976);
    expect(reconnectDelay(4, 3000, () => 0.999)).toBe(29970);
    expect(reconnectDelay(50, 3000, () => 0.999)).toBeLessThan(MAX_RECONNECT_DELAY_MS);
    expect(reconnectDelay(2, 3000, () => 0)).toBe(0);
  });

  it('spreads a fleet that lost its instance at one instant over the whole window (full jitter)', () => {
    const random = createSeededRandom(42);
    const delays = Array.from({ length: 10_000 }, () => reconnectDelay(0, 3000, random));
    const buckets = new Array<number>(10).fill(0);
    for (const delay of delays) buckets[Math.floor(delay / 300)]! += 1;
    // Every tenth of the window gets about a tenth of the fleet: no instant takes them all.
    for (const count of buckets) expect(count).toBeGreaterThan(800);
    for (const count of buckets) expect(count).toBeLessThan(1200);
    const secondAttempts = Array.from({ length: 10_000 }, () => reconnectDelay(1, 3000, random));
    expect(Math.max(...secondAttempts)).toBeGreaterThan(5000);
  });
});
