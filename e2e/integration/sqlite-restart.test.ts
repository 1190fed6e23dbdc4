import { expect, it } from 'vitest';
import { restart } from '../../bench/soak/restart';

// The short version of `npm run soak`'s restart scenario.
it('after kill -9 and a restart, the board is as it was and a resume from before the crash misses nothing', { timeout: 90_000 }, async () => {
  const { checks, ok } = await restart({ clients: 3, before: 20, during: 40 });
  console.log(checks.join('\n'));
  expect(ok, checks.join('\n')).toBe(true);
});
