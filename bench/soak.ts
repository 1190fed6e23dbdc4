// The reliability suite: tries to lose events and leak resources. `npm run soak` runs the full
// versions (a few minutes, loopback only); e2e/integration/soak.test.ts runs short ones in npm test.
import { chaosResume } from './soak/chaos-resume';
import { leaks } from './soak/leaks';
import { restart } from './soak/restart';
import { slowConsumers } from './soak/slow-consumers';

const scenarios = {
  'chaos resume': () => chaosResume({ clients: 200, writes: 5000, minConnectedMs: 500, maxConnectedMs: 3000 }),
  leaks: () => leaks({ cycles: 10_000, warmUpCycles: 2000, maxGrowthMb: 20 }),
  'aborted page loads': () => leaks({ kind: 'page', cycles: 10_000, warmUpCycles: 2000, maxGrowthMb: 20 }),
  restart: () => restart({ clients: 50, before: 200, during: 2000 }),
  'slow consumers': () => slowConsumers({ stalled: 500, readers: 500, seconds: 30 }),
};

async function main() {
  let failed = 0;
  for (const [name, run] of Object.entries(scenarios)) {
    const started = Date.now();
    const { checks, ok } = await run();
    console.log(`\n${ok ? 'PASS' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const check of checks) console.log(`  - ${check}`);
    if (!ok) failed += 1;
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
