import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');

// The test run's own settings (REDIS_URL in CI, say) must not leak into a server a test configures.
const SETTING_NAMES = [
  'PORT', 'HOSTNAME', 'API_TOKEN', 'SIMULATOR', 'SIMULATOR_TICK_MS', 'SIMULATOR_FLIGHTS', 'HOME_AIRPORT',
  'SSE_HEARTBEAT_MS', 'SSE_RETRY_MS', 'SSE_MAX_BACKLOG_BYTES', 'HISTORY_LIMIT', 'BOARD_RETENTION_MS',
  'DATABASE_PATH', 'REDIS_URL', 'REDIS_PREFIX',
];

function inheritedEnv() {
  const env = { ...process.env };
  for (const name of SETTING_NAMES) delete env[name];
  return env;
}

export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
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
 * How to run the production build: `skyboard` is what `npm start` runs (lib/cli/serve.ts, the event
 * stream on raw Node responses); `next-start` is plain `next start`, every path through Next's route handlers.
 */
export type ServerKind = 'skyboard' | 'next-start';

const COMMANDS: Record<ServerKind, (port: number) => string[]> = {
  skyboard: () => ['--import', 'tsx', 'lib/cli/serve.ts'],
  'next-start': (port) => [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'],
};

/** Starts the production build with these settings and waits until it answers. */
export async function startServer(
  env: Record<string, string> = {},
  { port, kind = 'skyboard' }: { port?: number; kind?: ServerKind } = {},
): Promise<RunningServer> {
  const chosenPort = port ?? (await freePort());
  const child = spawn(process.execPath, COMMANDS[kind](chosenPort), {
    env: {
      ...inheritedEnv(),
      NEXT_TELEMETRY_DISABLED: '1',
      // Plain `next start` would otherwise wait for the open streams on SIGTERM and exit 143.
      ...(kind === 'next-start' && { NEXT_MANUAL_SIG_HANDLE: 'true' }),
      SIMULATOR: 'off',
      DATABASE_PATH: ':memory:',
      ...env,
      PORT: String(chosenPort),
      HOSTNAME: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
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
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      // A server that hangs on shutdown must not hang the test run.
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
  await waitUntilHealthy(server, exited);
  return server;
}

async function waitUntilHealthy(server: RunningServer, exited: Promise<number | null>) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${server.url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not become healthy:\n${server.output()}`);
}
