// `npm run build:standalone`: a self-contained server for a Node host in .next-standalone/standalone
// (run it with `node server.js` there). It has its own build folder, so it never replaces the build
// `npm start` serves.
import { cpSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const STANDALONE_DIST_DIR = '.next-standalone';
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');

const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
  stdio: 'inherit',
  env: { ...process.env, SKYBOARD_STANDALONE: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

// Next leaves the browser assets and public/ out of the standalone folder: a CDN may serve them, but
// a Node host that serves everything needs them beside server.js.
const server = path.join(STANDALONE_DIST_DIR, 'standalone');
cpSync(path.join(STANDALONE_DIST_DIR, 'static'), path.join(server, STANDALONE_DIST_DIR, 'static'), { recursive: true });
if (existsSync('public')) cpSync('public', path.join(server, 'public'), { recursive: true });
// `node --import ./lib/log/preload.ts server.js` makes Next's own first lines JSON too (README, deploy).
cpSync(path.join('lib', 'log'), path.join(server, 'lib', 'log'), { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
console.log(`Standalone server ready: node ${path.join(server, 'server.js')}`);
