// `npm start`: builds when there is no current build, then runs `next start` on the settings' port
// and host. Next serves everything, the event stream included; this process only launches it and
// passes signals on (Node runs this file as it is: no TypeScript transpiler at run time).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { readSettings, SettingsError } from '../env.ts';
import { componentLogger, loggerSettings } from '../log/logger.ts';
import { watchParent } from '../process/watch-parent.ts';
import { buildState } from './current-build.ts';

const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');
const LOG_PRELOAD = fileURLToPath(new URL('../log/preload.ts', import.meta.url));
const log = componentLogger('start');

function settingsOrExit() {
  try {
    return readSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    log.fatal(error.message);
    process.exit(1);
  }
}

const { PORT, HOSTNAME, KEEP_ALIVE_TIMEOUT } = settingsOrExit();

// In a terminal the build shows its progress as it goes; for a log collector its lines become entries.
function buildNow() {
  if (loggerSettings().format === 'text') return spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit' });
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const buildLog = componentLogger('build');
  const lines = (text: string) => stripVTControlCharacters(text).split('\n').map((line) => line.trim()).filter(Boolean);
  for (const line of lines(build.stdout)) buildLog.info(line);
  for (const line of lines(build.stderr)) buildLog[build.status === 0 ? 'warn' : 'error'](line);
  return build;
}

const state = buildState('.next');
if (state !== 'current') {
  log.info({ build: state }, state === 'stale' ? 'Sources changed since the last build; building…' : 'No build yet; building…');
  const build = buildNow();
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(
  process.execPath,
  ['--import', LOG_PRELOAD, NEXT_BIN, 'start', '--port', String(PORT), '--hostname', HOSTNAME, '--keepAliveTimeout', String(KEEP_ALIVE_TIMEOUT)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => server.kill(signal));
// npm, or whatever started this, killed without a word: the server drains and stops all the same.
watchParent(() => {
  log.warn('the process that started this one is gone: stopping.');
  server.kill('SIGTERM');
});
server.once('exit', (code, signal) => process.exit(code ?? (signal === 'SIGKILL' ? 137 : 1)));
