// `npm start` builds only when there is no build, or a source file is newer than the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'lib', 'public', 'instrumentation.ts', 'next.config.ts', 'package.json', 'package-lock.json', 'postcss.config.mjs'];
const BUILD_STAMP = path.join('.next', 'BUILD_ID');

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(entry).map((child) => newestChange(path.join(entry, child))));
}

const builtAt = existsSync(BUILD_STAMP) ? statSync(BUILD_STAMP).mtimeMs : 0;
if (Math.max(...SOURCES.map(newestChange)) > builtAt) {
  console.log(builtAt ? 'Sources changed since the last build; building…' : 'No build yet; building…');
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
console.log('The build is current; starting.');
