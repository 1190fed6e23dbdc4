import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { pollUntil } from '../support/poll';
import { REDIS_URL, redisRequiredButMissing, startPrivateRedis } from '../support/redis';
import { connectSse } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

if (redisRequiredButMissing) {
  it('has REDIS_URL, which REQUIRE_REDIS=1 demands', () => expect(REDIS_URL).toBeDefined());
}

/** Every process below `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch {
      // Gone while we looked.
    }
  }
  const found: number[] = [];
  for (let frontier = [pid]; frontier.length; ) {
    frontier = [...parents].filter(([, parent]) => frontier.includes(parent)).map(([child]) => child);
    found.push(...frontier);
  }
  return found;
}

/** A GET on a connection of its own, as a load balancer's probe makes it (no kept-alive socket). */
function freshGet(url: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    }).on('error', reject);
  });
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/**
 * Waits for every one of `pids` to exit, then for `port` to be free: a process's main thread reads
 * as a zombie while its other threads are still ending, and the listening socket closes with the last.
 */
async function waitUntilGone(pids: number[], port: number, what: string) {
  await pollUntil(() => pids.filter(alive), (left) => left.length === 0, { timeoutMs: 12_000, what });
  await pollUntil(() => portIsFree(port), Boolean, { timeoutMs: 2000, what: `port ${port} to be free after ${what}` });
}

// A process manager (PM2, supervisord, `docker stop`, systemd with KillMode=process) signals the one
// pid it started: `npm start`'s. Only that pid is signalled here, never the group.
describe('npm start under a process manager', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s to npm alone drains the server and leaves nothing running, the port free', async (signal) => {
    const server = await startServer({ SIMULATOR: 'off' }, { kind: 'npm' });
    const tree = descendants(server.process.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(2);
    const stream = await connectSse(server.url);
    await stream.waitFor(() => stream.events.length > 0);
    process.kill(server.process.pid!, signal);
    await stream.ended;
    await waitUntilGone(tree, server.port, 'every process of npm start to exit');
    expect(server.output()).toContain(`${signal}: ending 1 streams`);
  });

  it('when npm is killed outright, the server notices it is orphaned and stops', async () => {
    const server = await startServer({ SIMULATOR: 'off' }, { kind: 'npm' });
    const tree = descendants(server.process.pid!);
    process.kill(server.process.pid!, 'SIGKILL');
    await waitUntilGone(tree, server.port, 'the orphaned server to exit');
    expect(server.output()).toContain('the process that started this one is gone');
  });
});

// A script or supervisor that starts the standalone server stays its parent.
describe('the standalone server.js under a parent', () => {
  it('SIGTERM to server.js alone drains it and frees the port', async () => {
    const server = await startServer({ SIMULATOR: 'off' }, { kind: 'standalone-in-shell' });
    const stream = await connectSse(server.url);
    await stream.waitFor(() => stream.events.length > 0);
    process.kill(server.serverPid, 'SIGTERM');
    await stream.ended;
    await waitUntilGone([server.serverPid], server.port, 'server.js to exit');
    expect(server.output()).toContain('SIGTERM: ending 1 streams');
  });

  it('when its parent is killed outright, server.js notices it is orphaned and stops', async () => {
    const server = await startServer({ SIMULATOR: 'off' }, { kind: 'standalone-in-shell' });
    process.kill(server.process.pid!, 'SIGKILL');
    await waitUntilGone([server.serverPid], server.port, 'the orphaned server.js to exit');
    expect(server.logEntries().filter((entry) => entry.component === 'shutdown').map((entry) => entry.msg)).toContain('store closed: exiting');
  });
});

describe.runIf(REDIS_URL)('readiness while draining', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let server: RunningServer | undefined;

  afterAll(async () => {
    redis?.thaw();
    await server?.stop('SIGKILL');
    await redis?.stop();
  });

  it('answers /api/health 503 shutting_down from the first signal, refuses new streams, and finishes the write under way', { timeout: 60_000 }, async () => {
    redis = await startPrivateRedis();
    server = await startServer({ REDIS_URL: redis.url, API_TOKEN: TEST_TOKEN, SIMULATOR: 'off' });
    const api = apiClient(server.url);
    expect((await api.create(newFlightBody({ id: 'DR1-2026-11-22', flight: 'AF1' }))).status).toBe(201);
    // A frozen Redis holds the next write in flight, and with it the shutdown's drain.
    redis.freeze();
    const write = api.create(newFlightBody({ id: 'DR2-2026-11-22', flight: 'AF2' })).then((response) => ({ status: response.status }), (error: Error) => ({ status: error.message }));
    // Connected but silent: the probe says so within about a second instead of hanging.
    const frozen = await freshGet(`${server.url}/api/health`);
    expect(frozen.status).toBe(503);
    expect(JSON.parse(frozen.body).error.code).toBe('store_unavailable');
    const exited = new Promise<number | null>((resolve) => server!.process.once('exit', resolve));
    process.kill(-server.process.pid!, 'SIGTERM');

    const health = await pollUntil(
      async () => {
        const { status, body } = await freshGet(`${server!.url}/api/health`);
        return { status, code: (JSON.parse(body) as { error?: { code: string } }).error?.code };
      },
      // Until the signal is handled, the frozen store's own 503 may come first.
      (answer) => answer.code === 'shutting_down',
      { timeoutMs: 3000, what: '/api/health to say 503 shutting_down' },
    );
    expect(health.status).toBe(503);
    const refused = await freshGet(`${server.url}/api/events`);
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.code).toBe('shutting_down');

    redis.thaw();
    expect((await write).status).toBe(201);
    expect(await exited).toBe(0);
    server = undefined;
  });
});
