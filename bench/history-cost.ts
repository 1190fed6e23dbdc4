// What keeping each flight's history costs the write path: `bench/write-path.ts` against a build of
// the commit before history was written (BASELINE_REF) and against this checkout, in one run,
// alternating, on the SQLite and memory stores (and Redis with REDIS_URL). Loopback only, a few minutes.
//   BASELINE_REF=<commit> SECONDS_PER_RUN=10 ROUNDS=2 npm run bench:history
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deleteKeys } from '../e2e/support/redis';
import { measureWritePath } from './write-path';

// The last commit before flights had versions and history.
const BASELINE_REF = process.env.BASELINE_REF ?? 'bba13d7';
const SECONDS = Number(process.env.SECONDS_PER_RUN ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 2);

/**
 * A built checkout of `ref`, with this checkout's node_modules (the same dependencies) copied as
 * hard links: Next's bundler refuses a node_modules that is a link out of the project.
 */
function buildBaseline(ref: string) {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'skyboard-baseline-')), 'checkout');
  execFileSync('git', ['worktree', 'add', '--detach', root, ref], { stdio: 'ignore' });
  execFileSync('cp', ['-al', path.resolve('node_modules'), path.join(root, 'node_modules')]);
  execFileSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  return root;
}

type Figures = Awaited<ReturnType<typeof measureWritePath>>;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Build this checkout first (npm run build).');
  const baseline = buildBaseline(BASELINE_REF);
  const folder = mkdtempSync(path.join(tmpdir(), 'skyboard-history-cost-'));
  const prefixes: string[] = [];
  try {
    // Redis too when REDIS_URL is set: each run on a prefix of its own.
    const stores = ['sqlite', 'memory', ...(process.env.REDIS_URL ? (['redis'] as const) : [])] as const;
    for (const store of stores) {
      const runs: Record<'before' | 'now', Figures[]> = { before: [], now: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const which of ['before', 'now'] as const) {
          const prefix = `skyboard-bench-${which}-${round}-${Date.now()}`;
          if (store === 'redis') prefixes.push(prefix);
          const env: Record<string, string> =
            store === 'redis'
              ? { REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: prefix }
              : { DATABASE_PATH: store === 'memory' ? ':memory:' : path.join(folder, `${which}-${round}.db`) };
          runs[which].push(await measureWritePath(SECONDS, { env, root: which === 'before' ? baseline : undefined }));
        }
      }
      const rate = (which: 'before' | 'now') => median(runs[which].map((run) => run['PATCH/s acknowledged']));
      const cpu = (which: 'before' | 'now') => median(runs[which].map((run) => Number(run['server CPU ms per PATCH'])));
      console.log(`${store}: PATCH/s ${rate('before')} before, ${rate('now')} with history (${(rate('before') / rate('now')).toFixed(2)}x);`
        + ` CPU ms per PATCH ${cpu('before')} before, ${cpu('now')} with history (${(cpu('now') / cpu('before')).toFixed(2)}x)`);
      console.log(JSON.stringify(runs));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    for (const prefix of prefixes) await deleteKeys(process.env.REDIS_URL!, prefix);
    execFileSync('git', ['worktree', 'remove', '--force', baseline], { stdio: 'ignore' });
    rmSync(path.dirname(baseline), { recursive: true, force: true });
  }
}

await main();
