import { expect, it } from 'vitest';
import { chaosResume } from '../../bench/soak/chaos-resume';
import { leaks } from '../../bench/soak/leaks';

// Short versions of `npm run soak`, so a regression fails CI. The slow-consumer and kill -9 cases
// have their own files (slow-client.test.ts, sqlite-restart.test.ts).
it('chaos resume: clients that keep dropping and resuming miss nothing and see nothing twice', { timeout: 120_000 }, async () => {
  const { checks, ok } = await chaosResume({ clients: 20, writes: 400, minConnectedMs: 100, maxConnectedMs: 600 });
  console.log(checks.join('\n'));
  expect(ok, checks.join('\n')).toBe(true);
});

it('leaks: connect-then-abort cycles leave no stream, handle or memory behind', { timeout: 120_000 }, async () => {
  // Three measured batches after a warm-up: a leak grows in every one (see leaks.ts).
  const { checks, ok } = await leaks({ cycles: 2000, warmUpCycles: 2000, maxGrowthMb: 20 });
  console.log(checks.join('\n'));
  expect(ok, checks.join('\n')).toBe(true);
});
