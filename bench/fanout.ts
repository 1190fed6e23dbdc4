// Fan-out benchmark: N SSE clients (plain node:http, in several processes) on one instance, flights
// changed at R writes per second (each write B events: `1000x5b20` is 5 imports of 20 flights a
// second), against three servers in the same run: Skyboard as `npm start` runs it, the Next floor
// (bench/next-floor: a route handler that only broadcasts, the least this design can cost) and a bare
// node:http broadcaster. `npm run bench` (BENCH_SCENARIOS="1000x10,1000x200" to choose; BENCH_SECONDS
// to lengthen; BENCH_TARGETS=skyboard,floor to choose targets).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { apiClient, newFlightBody, TEST_TOKEN } from '../e2e/support/api';
import { deleteKeys } from '../e2e/support/redis';
import { freePort, startServer } from '../e2e/support/server';
import { startClientProcesses } from './client-processes';
import { acknowledged, paceWrites } from './paced-writer';
import { cpuMs, percentile, rssBytes } from './process-stats';
import { measureResume } from './resume-cost';
import { measureWritePath } from './write-path';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENT_PROCESSES = 4;
const MAX_PENDING_WRITES = 50;
const NEXT_BIN = 'node_modules/next/dist/bin/next';
const FLOOR_APP = 'bench/next-floor';
// BENCH_SCENARIOS= (empty) runs none of them: the write path, resume cost and storm only.
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '1000x10,5000x10,10000x10,1000x200,1000x5b20').split(',').filter(Boolean).map((s) => {
  const match = /^(\d+)x(\d+)(?:b(\d+))?$/.exec(s);
  if (!match) throw new Error(`BENCH_SCENARIOS: ${s} is not CLIENTSxRATE or CLIENTSxRATEbBURST`);
  return { clients: Number(match[1]), rate: Number(match[2]), burst: Number(match[3] ?? 1) };
});

const TARGET_NAMES = ['skyboard', 'floor', 'baseline'] as const;
type TargetName = (typeof TARGET_NAMES)[number];
const TARGETS = (process.env.BENCH_TARGETS ?? TARGET_NAMES.join(',')).split(',').map((name) => {
  if (!TARGET_NAMES.includes(name as TargetName)) throw new Error(`BENCH_TARGETS: unknown target ${name} (known: ${TARGET_NAMES.join(', ')})`);
  return name as TargetName;
});

interface Target {
  name: TargetName | 'skyboard-redis';
  urls: string[];
  pids: number[];
  /** The `i`th write, of `burst` events. */
  publish: (i: number, burst: number) => Promise<unknown>;
  stop: () => Promise<unknown>;
}

const BENCH_FLIGHT = 'BENCH-2026-11-22';
const burstFlightId = (n: number) => `BURST${n}-2026-11-22`;

/** Skyboard's writes: a PATCH for one event, a schedule import (one commit) for a burst. */
function skyboardWriter(url: string) {
  const api = apiClient(url);
  return {
    async prepare(burst: number) {
      await api.create(newFlightBody({ id: BENCH_FLIGHT, flight: 'AZ768', status: 'boarding' }));
      for (let n = 0; n < burst && burst > 1; n++) await api.create(newFlightBody({ id: burstFlightId(n), flight: `AZ${n + 1}`, status: 'boarding' }));
    },
    async publish(i: number, burst: number) {
      if (burst === 1) return acknowledged(api.patch(BENCH_FLIGHT, { gate: `G${i % 50}` }));
      const flights = Array.from({ length: burst }, (_, n) => newFlightBody({ id: burstFlightId(n), flight: `AZ${n + 1}`, status: 'boarding', gate: `G${i % 50}` }));
      const response = await api.send('POST', '/api/schedule', { flights });
      const progress = await response.text();
      if (!response.ok || !progress.includes(`"updated":${burst}`)) throw new Error(`import refused: ${response.status}`);
    },
  };
}

async function startSkyboard(burst: number): Promise<Target> {
  const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'off' });
  const writer = skyboardWriter(server.url);
  await writer.prepare(burst);
  return { name: 'skyboard', urls: [server.url], pids: [server.serverPid], publish: writer.publish, stop: () => server.stop() };
}

/** Spawns a server process on a free port and waits until `/api/health` answers. */
async function startProcess(name: 'floor' | 'baseline', args: (port: number) => string[]): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, args(port), { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name,
    urls: [url],
    pids: [child.pid!],
    publish: (_, burst) => acknowledged(fetch(`${url}/${name === 'floor' ? 'api/publish' : 'publish'}?count=${burst}`, { method: 'POST' })),
    stop: async () => child.kill('SIGKILL'),
  };
}

function buildFloor() {
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build', FLOOR_APP], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the Next floor app did not build');
}

const STARTERS: Record<TargetName, (burst: number) => Promise<Target>> = {
  skyboard: startSkyboard,
  floor: () => startProcess('floor', (port) => [NEXT_BIN, 'start', FLOOR_APP, '-p', String(port), '-H', '127.0.0.1']),
  baseline: () => startProcess('baseline', () => ['--import', 'tsx', 'bench/baseline-server.ts']),
};

async function startRedisPair(): Promise<Target> {
  const prefix = `skyboard-bench-${Date.now()}`;
  const env = { API_TOKEN: TEST_TOKEN, SIMULATOR: 'off', REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: prefix };
  const servers = await Promise.all([startServer(env), startServer(env)]);
  const writer = skyboardWriter(servers[0]!.url);
  await writer.prepare(1);
  return {
    name: 'skyboard-redis',
    urls: servers.map((server) => server.url),
    pids: servers.map((server) => server.serverPid),
    publish: writer.publish,
    stop: async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await deleteKeys(process.env.REDIS_URL!, prefix);
    },
  };
}

async function run(target: Target, { clients, rate, burst }: Scenario) {
  const sum = (f: (pid: number) => number) => target.pids.reduce((total, pid) => total + f(pid), 0);
  const rssBefore = sum(rssBytes);
  const readers = await startClientProcesses(target.urls, clients, CLIENT_PROCESSES);
  const connected = await readers.connect();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssIdle = sum(rssBytes);
  await readers.reset();

  const cpuBefore = sum(cpuMs);
  const writes = await paceWrites({ rate, seconds: SECONDS, maxPending: MAX_PENDING_WRITES }, (i) => target.publish(i, burst));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const cpuUsed = sum(cpuMs) - cpuBefore;
  const report = await readers.report();
  readers.close();

  return {
    target: target.name,
    clients,
    writesPerSecond: rate,
    burst,
    writes: writes.done,
    writesSkipped: writes.skipped,
    writesFailed: writes.failed,
    open: connected.open,
    connectErrors: connected.connectErrors,
    delivered: report.events,
    expected: writes.done * burst * clients,
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
  if (TARGETS.includes('floor')) buildFloor();
  for (const scenario of SCENARIOS) {
    for (const name of TARGETS) {
      const target = await STARTERS[name](scenario.burst);
      try {
        results.push(await run(target, scenario));
      } finally {
        await target.stop();
      }
      console.table([format(results.at(-1)!)]);
    }
  }
  if (process.env.REDIS_URL) {
    const target = await startRedisPair();
    try {
      results.push(await run(target, { clients: 1000, rate: 10, burst: 1 }));
    } finally {
      await target.stop();
    }
  }
  const comparisons = [...compareWith(results, 'floor'), ...compareWith(results, 'baseline')];
  console.log('\nAll runs');
  console.table(results.map(format));
  console.log('\nSkyboard vs the Next floor and the bare node:http baseline');
  console.table(comparisons);
  const writePath = await measureWritePath(SECONDS);
  console.log('\nWrite path alone (no streams)');
  console.table([writePath]);
  const resume = await measureResume();
  console.log('\nResume cost');
  console.table(resume);
  const storms = await measureStorms();
  console.log(`\nReconnect storm: ${STORM.clients} clients connecting at ${STORM.rate}/s`);
  console.table(storms);
  mkdirSync('bench/results', { recursive: true });
  const report = { date: new Date().toISOString(), node: process.version, seconds: SECONDS, results, comparisons, writePath, resume, storms };
  writeFileSync('bench/results/fanout.json', JSON.stringify(report, null, 2));
}

const STORM = (() => {
  const match = /^(\d+)x(\d+)$/.exec(process.env.BENCH_STORM ?? '5000x500');
  if (!match) throw new Error('BENCH_STORM: want CLIENTSxRATE, e.g. 5000x500');
  return { clients: Number(match[1]), rate: Number(match[2]) };
})();

/**
 * An instance's clients landing on another at once: `STORM.clients` connecting at `STORM.rate` a
 * second, none waiting for another. Skyboard fresh (each gets the shared snapshot) and resuming from
 * a recent id (each gets a heartbeat), beside the floor app's bare connect, in the same run.
 */
async function measureStorms() {
  const runs: { name: string; start: () => Promise<Target>; resume: boolean; marker: string }[] = [
    { name: 'skyboard, fresh', start: () => STARTERS.skyboard(1), resume: false, marker: 'event: ' },
    { name: 'skyboard, Last-Event-ID', start: () => STARTERS.skyboard(1), resume: true, marker: 'event: ' },
    { name: 'floor', start: () => STARTERS.floor(1), resume: false, marker: 'retry: ' },
  ];
  if (!TARGETS.includes('floor')) buildFloor();
  const rows: Record<string, string | number>[] = [];
  for (const run of runs) {
    const target = await run.start();
    try {
      const lastEventId = run.resume ? (await apiClient(target.urls[0]!).state()).lastEventId : undefined;
      const clients = await startClientProcesses(target.urls, STORM.clients, CLIENT_PROCESSES, lastEventId);
      const cpuBefore = cpuMs(target.pids[0]!);
      await clients.storm(STORM.rate, run.marker);
      let report = await clients.stormReport();
      for (let waited = 0; report.withData < report.open && waited < 10_000; waited += 200) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        report = await clients.stormReport();
      }
      const cpuUsed = cpuMs(target.pids[0]!) - cpuBefore;
      clients.close();
      rows.push({
        target: run.name,
        connected: `${report.open}/${STORM.clients}`,
        'connect errors': report.connectErrors,
        'with data': report.withData,
        'all with data after': `${(report.lastFirstDataMs / 1000).toFixed(2)} s`,
        'server CPU ms/connect': (cpuUsed / Math.max(1, report.open)).toFixed(3),
      });
    } finally {
      await target.stop();
    }
  }
  const cpu = (name: string) => Number(rows.find((row) => row.target === name)!['server CPU ms/connect']);
  console.log(`CPU per resume against the floor's connect: ${(cpu('skyboard, Last-Event-ID') / cpu('floor')).toFixed(2)}x (target ≤ 1.2x)`);
  return rows;
}

type Scenario = (typeof SCENARIOS)[number];
type RunResult = Awaited<ReturnType<typeof run>>;

const scenarioName = (r: RunResult) => `${r.clients} clients × ${r.writesPerSecond} writes/s${r.burst > 1 ? ` of ${r.burst} events` : ''}`;

/** Each Skyboard run beside the `reference` run of the same scenario: ours, theirs and the ratio. */
function compareWith(results: RunResult[], reference: 'floor' | 'baseline') {
  const ratio = (ours: number, theirs: number, unit: string) => `${ours.toFixed(1)} vs ${theirs.toFixed(1)} ${unit} (${(ours / theirs).toFixed(2)}x)`;
  return results.flatMap((ours) => {
    const theirs = results.find((r) => r.target === reference && scenarioName(r) === scenarioName(ours));
    if (ours.target !== 'skyboard' || !theirs) return [];
    return [{
      against: reference,
      scenario: scenarioName(ours),
      'CPU/1k events': ratio(ours.cpuMsPer1000Events, theirs.cpuMsPer1000Events, 'ms'),
      'p99 latency': ratio(ours.p99Ms, theirs.p99Ms, 'ms'),
      'memory/stream': ratio(ours.rssKbPerStream, theirs.rssKbPerStream, 'KB'),
    }];
  });
}

function format(result: RunResult) {
  return {
    target: result.target,
    clients: result.clients,
    'writes/s': result.writesPerSecond,
    'events/write': result.burst,
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
