// `npm test` installs only when node_modules does not match the lock file: after every install
// (`postinstall`) this records the lock's hash, and before the tests `--check` compares it.
// It runs before anything is installed, so it uses Node's built-ins alone.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const STAMP = 'node_modules/.skyboard-installed-lock';
const lockHash = () => createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');

if (process.argv[2] === '--write') {
  writeFileSync(STAMP, `${lockHash()}\n`);
} else if (process.argv[2] === '--check') {
  const current = existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === lockHash();
  if (!current) console.log('node_modules does not match package-lock.json; installing with npm ci…');
  process.exit(current ? 0 : 1);
} else {
  console.error('usage: node lib/cli/install-stamp.ts --write | --check');
  process.exit(2);
}
