import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const START_SCRIPT = path.resolve('lib/cli/start.ts');
const STANDALONE_DIR = path.resolve('.next-standalone/standalone');
// As the README's systemd unit runs it: the preload makes Next's own first lines JSON too.
const STANDALONE_COMMAND = ['--import', './lib/log/preload.ts', 'server.js'];

// The test run's own settings (REDIS_URL in CI, say) must not leak into a server a test configures.
const SETTING_NAMES = [
  'PORT', 'HOSTNAME', 'KEEP_ALIVE_TIMEOUT', 'API_TOKEN', 'SIMULATOR', 'SIMULATOR_TICK_MS', 'SIMULATOR_SPEED', 'SIMULATOR_FLIGHTS', 'HOME_AIRPORT',
  'SSE_HEARTBEAT_MS', 'SSE_RETRY_MS', 'SSE_MAX_STREAMS', 'SSE_MAX_STREAM_AGE_MS', 'SSE_MAX_BACKLOG_BYTES', 'HISTORY_LIMIT', 'BOARD_RETENTION_MS',
  'DATABASE_PATH', 'REDIS_URL', 'REDIS_PREFIX', 'SKYBOARD_TEST_HOOKS', 'METRICS_TOKEN', 'BOARD_MAX_FLIGHTS',
  'LOG_FORMAT', 'LOG_LEVEL', 'API_TOKENS', 'AUDIT_RETENTION_DAYS',
];

function inheritedEnv() {
  const env = { ...process.env };
  for (const name of SETTING_NAMES) delete env[name];
  return env;
}

/** One line of the server's JSON log. */
export interface LogEntry {
  time: string;
  level: string;
  msg: string;
  component?: string;
  [field: string]: unknown;
}

function parseLog(output: string): LogEntry[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogEntry;
      } catch {
        throw new Error(`Not a JSON log line: ${line}`);
      }
    });
}

export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** The pid of the process serving requests (`next start` under the launcher, or `server.js`). */
  serverPid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** The log entries so far (the server's output is JSON lines when not on a terminal); throws on a line that is not one. */
  logEntries(): LogEntry[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A free loopback port, asked of the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * How to run the production build: `npm-start` is what `npm start` runs (lib/cli/start.ts launching
 * `next start`); `npm` is `npm start` itself, npm and its shell included, as a process manager
 * starts it; `standalone` is the self-contained server of `npm run build:standalone`, and
 * `standalone-in-shell` the same started by a shell script that stays its parent.
 */
export type ServerKind = 'npm-start' | 'npm' | 'standalone' | 'standalone-in-shell';

/** npm's own script: under `npm test` npm says where it is; elsewhere the `npm` on PATH, resolved. */
function npmCli() {
  if (process.env.npm_execpath) return process.env.npm_execpath;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (existsSync(path.join(dir, 'npm'))) return realpathSync(path.join(dir, 'npm'));
  }
  throw new Error('npm is not on PATH');
}

const COMMANDS: Record<ServerKind, (root?: string) => { command: string[]; cwd?: string }> = {
  'npm-start': (root) => (root ? { command: [process.execPath, path.join(root, 'lib/cli/start.ts')], cwd: root } : { command: [process.execPath, START_SCRIPT] }),
  npm: () => ({ command: [process.execPath, npmCli(), 'start', '--silent'] }),
  standalone: () => ({ command: [process.execPath, ...STANDALONE_COMMAND], cwd: STANDALONE_DIR }),
  // The `; true` keeps the shell from replacing itself with node.
  'standalone-in-shell': () => ({ command: ['/bin/sh', '-c', `"${process.execPath}" ${STANDALONE_COMMAND.join(' ')}; true`], cwd: STANDALONE_DIR }),
};

/**
 * Starts the production build with these settings and waits until it is healthy, or with
 * `until: 'answering'` until it answers at all (a store that is not up yet makes it unhealthy).
 * `root`: another checkout to start `npm start` in (a benchmark's baseline), instead of this one.
 */
export async function startServer(
  env: Record<string, string> = {},
  { port, kind = 'npm-start', until = 'healthy', root }: { port?: number; kind?: ServerKind; until?: 'healthy' | 'answering'; root?: string } = {},
): Promise<RunningServer> {
  const chosenPort = port ?? (await freePort());
  const { command, cwd } = COMMANDS[kind](root);
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env: {
      ...inheritedEnv(),
      NEXT_TELEMETRY_DISABLED: '1',
      SIMULATOR: 'off',
      DATABASE_PATH: ':memory:',
      ...env,
      PORT: String(chosenPort),
      HOSTNAME: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, signalled as a whole the way a terminal or a supervisor does: `npm start`
    // is a launcher and `next start`, and a SIGKILL must take both.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${chosenPort}`;
  const server: RunningServer = {
    url,
    port: chosenPort,
    process: child,
    serverPid: child.pid!,
    output: () => output,
    logEntries: () => parseLog(output),
    async stop(signal = 'SIGTERM') {
      const signalGroup = (sent: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, sent);
        } catch {
          // The group has exited already.
        }
      };
      if (child.exitCode === null && child.signalCode === null) signalGroup(signal);
      // A server that hangs on shutdown must not hang the test run.
      const killer = setTimeout(() => signalGroup('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
  await waitUntilAnswering(server, exited, until === 'healthy');
  if (kind === 'npm-start' || kind === 'standalone-in-shell') server.serverPid = onlyChildOf(child.pid!);
  return server;
}

/** The one child process of `pid` (Linux). */
function onlyChildOf(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  if (children.length !== 1) throw new Error(`expected one child of ${pid}, found ${children.join(', ')}`);
  return children[0]!;
}

async function waitUntilAnswering(server: RunningServer, exited: Promise<number | null>, healthy: boolean) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${server.url}/api/health`);
      if (response.ok || !healthy) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not ${healthy ? 'become healthy' : 'answer'}:\n${server.output()}`);
}
