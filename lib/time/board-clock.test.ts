import { describe, expect, it } from 'vitest';
import { createBoardClock } from './board-clock';
import { createManualClock } from './manual-clock.fixture';

describe('the board clock', () => {
  it('is real time at speed 1', () => {
    const real = createManualClock();
    const clock = createBoardClock({ speed: 1, origin: real.now() - 5000, real });
    expect(clock.now()).toBe(real.now());
  });

  it('starts at real time at its origin and runs SIMULATOR_SPEED times as fast', async () => {
    const real = createManualClock();
    const origin = real.now();
    const clock = createBoardClock({ speed: 60, origin, real });
    expect(clock.now()).toBe(origin);
    await real.advance(60_000);
    expect(clock.now()).toBe(origin + 3_600_000);
    expect(clock.at(origin + 1000)).toBe(origin + 60_000);
    expect(clock.realNow()).toBe(origin + 60_000);
  });

  it('takes another instance’s origin, so instances on one Redis show the same time', async () => {
    const real = createManualClock();
    const clock = createBoardClock({ speed: 10, origin: real.now(), real });
    clock.adoptOrigin(real.now() - 60_000);
    expect(clock.now()).toBe(real.now() + 540_000);
  });
});
