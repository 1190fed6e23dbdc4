// Fan-out benchmark: N SSE clients (plain node:http, in several processes) on one instance, flights
// changed through the write API at R per second; the same load on a bare node:http broadcaster.
// `npm run bench` (BENCH_SCENARIOS="1000x10,1000x200" to choose; BENCH_SECONDS to lengthen;
// BENCH_TARGETS=skyboard,next-start,baseline to add plain `next start`, the stream through the route handler).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { apiClient, newFlightBody, TEST_TOKEN } from '../e2e/support/api';
import { deleteKeys } from '../e2e/support/redis';
import { freePort, startServer } from '../e2e/support/server';
import { startClientProcesses } from './client-processes';
import { acknowledged, paceWrites } from './paced-writer';
import { cpuMs, percentile, rssBytes } from './process-stats';
import { measureResume } from './resume-cost';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENT_PROCESSES = 4;
const MAX_PENDING_WRITES = 50;
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '1000x10,5000x10,10000x10,1000x200').split(',').map((s) => {
  const [clients, rate] = s.split('x').map(Number);
  return { clients: clients!, rate: rate! };
});

const TARGET_NAMES = ['skyboard', 'baseline'] as const;
type TargetName = (typeof TARGET_NAMES)[number];
const TARGETS = (process.env.BENCH_TARGETS ?? 'skyboard,baseline').split(',').map((name) => {
  if (!TARGET_NAMES.includes(name as TargetName)) throw new Error(`BENCH_TARGETS: unknown target ${name} (known: ${TARGET_NAMES.join(', ')})`);
  return name as TargetName;
});

interface Target {
  name: TargetName | 'skyboard-redis';
  urls: string[];
  pids: number[];
  publish: (i: number) => Promise<unknown>;
  stop: () => Promise<unknown>;
}

async function startSkyboard(): Promise<Target> {
  const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'off' });
  const api = apiClient(server.url);
  await api.create(newFlightBody({ id: 'BENCH-2026-11-22', flight: 'AZ768', status: 'boarding' }));
  return {
    name: 'skyboard',
    urls: [server.url],
    pids: [server.serverPid],
    publish: (i) => acknowledged(api.patch('BENCH-2026-11-22', { gate: `G${i % 50}` })),
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
    pids: servers.map((server) => server.serverPid),
    publish: (i) => acknowledged(api.patch('BENCH-2026-11-22', { gate: `G${i % 50}` })),
    stop: async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await deleteKeys(process.env.REDIS_URL!, prefix);
    },
  };
}

async function run(target: Target, clients: number, rate: number) {
  const sum = (f: (pid: number) => number) => target.pids.reduce((total, pid) => total + f(pid), 0);
  const rssBefore = sum(rssBytes);
  const readers = await startClientProcesses(target.urls, clients, CLIENT_PROCESSES);
  const connected = await readers.connect();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssIdle = sum(rssBytes);
  await readers.reset();

  const cpuBefore = sum(cpuMs);
  const writes = await paceWrites({ rate, seconds: SECONDS, maxPending: MAX_PENDING_WRITES }, target.publish);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const cpuUsed = sum(cpuMs) - cpuBefore;
  const report = await readers.report();
  readers.close();

  return {
    target: target.name,
    clients,
    writesPerSecond: rate,
    writes: writes.done,
    writesSkipped: writes.skipped,
    writesFailed: writes.failed,
    open: connected.open,
    connectErrors: connected.connectErrors,
    delivered: report.events,
    expected: writes.done * clients,
    eventsPerSecond: Math.round(report.events / SECONDS),
    p50Ms: percentile(report.buckets, 0.5),
    p99Ms: percentile(report.buckets, 0.99),
    maxMs: report.max,
    cpuMsPer1000Events: report.events ? (cpuUsed / report.events) * 1000 : NaN,
    rssKbPerStream: (rssIdle - rssBefore) / 1024 / clients,
  };
}

async function main() {
  console.log(`Fan-out benchmark on ${cpus().length} cores, ${SECONDS} s per run, ${CLIENT_PROCESSES} client processes`);
  const results: RunResult[] = [];
  for (const { clients, rate } of SCENARIOS) {
    for (const name of TARGETS) {
      const target = await (name === 'baseline' ? startBaseline() : startSkyboard());
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
  const comparisons = compareWithBaseline(results);
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

/** Each Skyboard run beside the baseline's run of the same scenario: ours, theirs and the ratio. */
function compareWithBaseline(results: RunResult[]) {
  const ratio = (ours: number, bare: number, unit: string) => `${ours.toFixed(1)} vs ${bare.toFixed(1)} ${unit} (${(ours / bare).toFixed(2)}x)`;
  return results.flatMap((ours) => {
    const sameLoad = (r: RunResult) => r.clients === ours.clients && r.writesPerSecond === ours.writesPerSecond;
    const bare = results.find((r) => r.target === 'baseline' && sameLoad(r));
    if (ours.target === 'baseline' || !bare) return [];
    return [{
      target: ours.target,
      scenario: `${ours.clients} clients × ${ours.writesPerSecond} writes/s`,
      'CPU/1k events': ratio(ours.cpuMsPer1000Events, bare.cpuMsPer1000Events, 'ms'),
      'p99 latency': ratio(ours.p99Ms, bare.p99Ms, 'ms'),
      'memory/stream': ratio(ours.rssKbPerStream, bare.rssKbPerStream, 'KB'),
    }];
  });
}

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
