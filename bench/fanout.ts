// Fan-out benchmark: N SSE clients (plain node:http, in several processes) on one instance, flights
// changed through the write API at R per second; the same load on a bare node:http broadcaster.
// `npm run bench` (BENCH_SCENARIOS="1000x10,1000x200" to choose; BENCH_SECONDS to lengthen).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { apiClient, newFlightBody, TEST_TOKEN } from '../e2e/support/api';
import { deleteKeys } from '../e2e/support/redis';
import { freePort, startServer } from '../e2e/support/server';
import { cpuMs, percentile, rssBytes } from './process-stats';
import { measureResume } from './resume-cost';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENT_PROCESSES = 4;
const MAX_PENDING_WRITES = 50;
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '1000x10,5000x10,10000x10,1000x200').split(',').map((s) => {
  const [clients, rate] = s.split('x').map(Number);
  return { clients: clients!, rate: rate! };
});

interface Target {
  name: 'skyboard' | 'baseline' | 'skyboard-redis';
  urls: string[];
  pids: number[];
  publish: (i: number) => Promise<unknown>;
  stop: () => Promise<unknown>;
}

type Message = { type: string; [key: string]: unknown };

function ask(child: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve) => {
    const onMessage = (message: Message) => {
      if (message.type === type || (type === 'connect' && message.type === 'connected')) {
        child.off('message', onMessage);
        resolve(message);
      }
    };
    child.on('message', onMessage);
    child.send({ type });
  });
}

async function startSkyboard(): Promise<Target> {
  const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'off' });
  const api = apiClient(server.url);
  await api.create(newFlightBody({ id: 'BENCH-2026-11-22', flight: 'AZ768', status: 'boarding' }));
  return {
    name: 'skyboard',
    urls: [server.url],
    pids: [server.process.pid!],
    publish: (i) => api.patch('BENCH-2026-11-22', { gate: `G${i % 50}` }),
    stop: () => server.stop(),
  };
}

async function startBaseline(): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/baseline-server.ts'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name: 'baseline',
    urls: [url],
    pids: [child.pid!],
    publish: () => fetch(`${url}/publish`, { method: 'POST' }),
    stop: async () => child.kill('SIGKILL'),
  };
}

async function startRedisPair(): Promise<Target> {
  const prefix = `skyboard-bench-${Date.now()}`;
  const env = { API_TOKEN: TEST_TOKEN, SIMULATOR: 'off', REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: prefix };
  const servers = await Promise.all([startServer(env), startServer(env)]);
  const api = apiClient(servers[0]!.url);
  await api.create(newFlightBody({ id: 'BENCH-2026-11-22', flight: 'AZ768', status: 'boarding' }));
  return {
    name: 'skyboard-redis',
    urls: servers.map((server) => server.url),
    pids: servers.map((server) => server.process.pid!),
    publish: (i) => api.patch('BENCH-2026-11-22', { gate: `G${i % 50}` }),
    stop: async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await deleteKeys(process.env.REDIS_URL!, prefix);
    },
  };
}

async function run(target: Target, clients: number, rate: number) {
  const sum = (f: (pid: number) => number) => target.pids.reduce((total, pid) => total + f(pid), 0);
  const rssBefore = sum(rssBytes);
  const children = Array.from({ length: CLIENT_PROCESSES }, (_, i) => {
    const url = target.urls[i % target.urls.length]!;
    return fork('bench/fanout-client.ts', [url, String(Math.ceil(clients / CLIENT_PROCESSES))], { execArgv: ['--import', 'tsx'] });
  });
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('message', resolve))));
  const connected = await Promise.all(children.map((child) => ask(child, 'connect')));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssIdle = sum(rssBytes);
  await Promise.all(children.map((child) => ask(child, 'reset')));

  const cpuBefore = sum(cpuMs);
  const started = Date.now();
  let sent = 0;
  let pending = 0;
  let skipped = 0;
  let failed = 0;
  const inFlight: Promise<unknown>[] = [];
  while (Date.now() - started < SECONDS * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    while (sent + skipped < due) {
      // A saturated server must not drown in queued writes: past the cap, a write is skipped and counted.
      if (pending >= MAX_PENDING_WRITES) {
        skipped += 1;
        continue;
      }
      pending += 1;
      sent += 1;
      inFlight.push(
        target
          .publish(sent)
          .catch(() => (failed += 1))
          .finally(() => (pending -= 1)),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const cpuUsed = sum(cpuMs) - cpuBefore;
  const reports = await Promise.all(children.map((child) => ask(child, 'report')));
  for (const child of children) child.send({ type: 'close' });

  const buckets = reports.flatMap((report) => report.buckets as [number, number][]);
  const delivered = reports.reduce((total, report) => total + (report.events as number), 0);
  return {
    target: target.name,
    clients,
    writesPerSecond: rate,
    writes: sent - failed,
    writesSkipped: skipped,
    writesFailed: failed,
    open: connected.reduce((total, report) => total + (report.open as number), 0),
    connectErrors: connected.reduce((total, report) => total + (report.connectErrors as number), 0),
    delivered,
    expected: (sent - failed) * clients,
    eventsPerSecond: Math.round(delivered / SECONDS),
    p50Ms: percentile(buckets, 0.5),
    p99Ms: percentile(buckets, 0.99),
    maxMs: Math.max(...reports.map((report) => report.max as number)),
    cpuMsPer1000Events: delivered ? (cpuUsed / delivered) * 1000 : NaN,
    rssKbPerStream: (rssIdle - rssBefore) / 1024 / clients,
  };
}

async function main() {
  console.log(`Fan-out benchmark on ${cpus().length} cores, ${SECONDS} s per run, ${CLIENT_PROCESSES} client processes`);
  const results: RunResult[] = [];
  for (const { clients, rate } of SCENARIOS) {
    for (const start of [startSkyboard, startBaseline]) {
      const target = await start();
      try {
        results.push(await run(target, clients, rate));
      } finally {
        await target.stop();
      }
      console.table([format(results.at(-1)!)]);
    }
  }
  if (process.env.REDIS_URL) {
    const target = await startRedisPair();
    try {
      results.push(await run(target, 1000, 10));
    } finally {
      await target.stop();
    }
  }
  const comparisons = SCENARIOS.map(({ clients, rate }) => {
    const ours = results.find((r) => r.target === 'skyboard' && r.clients === clients && r.writesPerSecond === rate)!;
    const bare = results.find((r) => r.target === 'baseline' && r.clients === clients && r.writesPerSecond === rate)!;
    return {
      scenario: `${clients} clients × ${rate} writes/s`,
      'CPU/1k events': `${ours.cpuMsPer1000Events.toFixed(1)} vs ${bare.cpuMsPer1000Events.toFixed(1)} ms (${(ours.cpuMsPer1000Events / bare.cpuMsPer1000Events).toFixed(2)}x)`,
      'p99 latency': `${ours.p99Ms.toFixed(1)} vs ${bare.p99Ms.toFixed(1)} ms (${(ours.p99Ms / bare.p99Ms).toFixed(2)}x)`,
      'memory/stream': `${ours.rssKbPerStream.toFixed(1)} vs ${bare.rssKbPerStream.toFixed(1)} KB (${(ours.rssKbPerStream / bare.rssKbPerStream).toFixed(2)}x)`,
    };
  });
  console.log('\nAll runs');
  console.table(results.map(format));
  console.log('\nSkyboard vs the bare node:http baseline');
  console.table(comparisons);
  const resume = await measureResume();
  console.log('\nResume cost');
  console.table(resume);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/fanout.json', JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, results, comparisons, resume }, null, 2));
}

type RunResult = Awaited<ReturnType<typeof run>>;

function format(result: RunResult) {
  return {
    target: result.target,
    clients: result.clients,
    'writes/s': result.writesPerSecond,
    'writes done': `${result.writes}${result.writesSkipped ? ` (${result.writesSkipped} skipped)` : ''}`,
    'events/s': result.eventsPerSecond,
    delivered: `${result.delivered}/${result.expected}`,
    'p50 ms': result.p50Ms.toFixed(1),
    'p99 ms': result.p99Ms.toFixed(1),
    'max ms': result.maxMs.toFixed(0),
    'CPU ms/1k ev': result.cpuMsPer1000Events.toFixed(2),
    'RSS KB/stream': result.rssKbPerStream.toFixed(1),
    'connect errors': result.connectErrors,
  };
}

void main();
