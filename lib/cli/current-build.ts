import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// Everything a production build is made from: a change to any of them calls for a new build.
const SOURCES = ['app', 'lib', 'public', 'instrumentation.ts', 'next.config.ts', 'package.json', 'package-lock.json', 'postcss.config.mjs'];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(entry).map((child) => newestChange(path.join(entry, child))));
}

/** Whether `distDir` holds a build newer than every source file: 'current', 'stale' or 'missing'. */
export function buildState(distDir: string): 'current' | 'stale' | 'missing' {
  const stamp = path.join(distDir, 'BUILD_ID');
  if (!existsSync(stamp)) return 'missing';
  return Math.max(...SOURCES.map(newestChange)) > statSync(stamp).mtimeMs ? 'stale' : 'current';
}
