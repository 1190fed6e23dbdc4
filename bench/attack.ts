// What a stranger (or a careless client) can make an instance hold or wait for, one attack at a
// time, measured the same way each time: readers on the board (resumed from its last id) get paced
// writes, and we read their p99 latency and the server's memory before and during the attack.
// `npm run attack` (ATTACK_SECONDS per phase; with REDIS_URL, the made-up-id attack runs on Redis).
import { apiClient, newFlightBody, TEST_TOKEN } from '../e2e/support/api';
import { deleteKeys } from '../e2e/support/redis';
import { csv, csvRow } from '../e2e/support/schedule';
import { stalledClient, type StalledClient } from '../e2e/support/stalled-client';
import { startServer, type RunningServer } from '../e2e/support/server';
import { startClientProcesses } from './client-processes';
import { acknowledged, paceWrites } from './paced-writer';
import { percentile, rssBytes } from './process-stats';

const SECONDS = Number(process.env.ATTACK_SECONDS ?? 15);
const READERS = 200;
const FLIGHTS = 50;
const CHANGES = 5000;
const WRITES_PER_SECOND = 50;
const MB = 1024 * 1024;

interface Attack {
  name: string;
  /** Starts the attack; returns what ends it (once its last request is over). */
  start(server: RunningServer, oldestId: string): Promise<() => Promise<void>>;
}

const attacks: Attack[] = [
  {
    name: 'none (baseline)',
    start: async () => async () => undefined,
  },
  {
    name: '100 clients resume from the oldest id and never read',
    async start(server, oldestId) {
      const stalled: StalledClient[] = [];
      for (let i = 0; i < 100; i++) stalled.push(await stalledClient(server.port, { 'Last-Event-ID': oldestId }));
      return async () => stalled.forEach((client) => client.socket.destroy());
    },
  },
  {
    name: 'made-up ids (?lastEventId=0-1), 100 connects a second',
    async start(server) {
      let running = true;
      const loop = (async () => {
        while (running) {
          const batch = Array.from({ length: 10 }, async () => {
            const controller = new AbortController();
            const response = await fetch(`${server.url}/api/events?lastEventId=0-1`, { signal: controller.signal }).catch(() => null);
            await response?.body?.getReader().read().catch(() => undefined);
            controller.abort();
          });
          await Promise.all([...batch, new Promise((resolve) => setTimeout(resolve, 100))]);
        }
      })();
      return async () => {
        running = false;
        await loop;
      };
    },
  },
  {
    name: 'worst imports back to back (a million columns; 20,000 bad rows; a second import at once)',
    async start(server) {
      const wide = `${'a,'.repeat(1_000_000)}a\n${'x,'.repeat(1_000_000)}\n`;
      const bad = csv(Array.from({ length: 20_000 }, (_, i) => csvRow(i, { status: 'flying' })));
      let running = true;
      const post = (body: string) =>
        fetch(`${server.url}/api/schedule`, { method: 'POST', headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'text/csv' }, body }).then((r) => r.text());
      const loop = (async () => {
        while (running) await Promise.all([post(wide), post(bad), post(bad)]);
      })();
      return async () => {
        running = false;
        await loop;
      };
    },
  },
];

async function measure(server: RunningServer, readers: Awaited<ReturnType<typeof startClientProcesses>>, open: number) {
  const api = apiClient(server.url);
  await readers.reset();
  const rssBefore = rssBytes(server.serverPid);
  let peakRss = rssBefore;
  const writes = await paceWrites(
    { rate: WRITES_PER_SECOND, seconds: SECONDS, maxPending: 50 },
    (i) => acknowledged(api.patch(`AT${i % FLIGHTS}-2026-12-03`, { gate: `G${i % 97}` })),
    () => (peakRss = Math.max(peakRss, rssBytes(server.serverPid))),
  );
  let report = await readers.report();
  for (let waited = 0; report.events < writes.done * open && waited < 30_000; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    report = await readers.report();
  }
  return { p99: percentile(report.buckets, 0.99), writes: writes.done, delivered: report.events, expected: writes.done * open, rss: rssBefore, peakRss };
}

async function main() {
  const env: Record<string, string> = { API_TOKEN: TEST_TOKEN, SIMULATOR: 'off', HISTORY_LIMIT: String(CHANGES * 2) };
  const redisUrl = process.env.REDIS_URL;
  const prefix = `skyboard-attack-${Date.now()}`;
  if (redisUrl) Object.assign(env, { REDIS_URL: redisUrl, REDIS_PREFIX: prefix });
  const server = await startServer(env);
  const api = apiClient(server.url);
  try {
    const oldestId = (await api.state()).lastEventId;
    for (let i = 0; i < FLIGHTS; i++) await api.create(newFlightBody({ id: `AT${i}-2026-12-03`, flight: `AT${i}` }));
    for (let done = 0; done < CHANGES; done += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => api.patch(`AT${(done + i) % FLIGHTS}-2026-12-03`, { gate: `H${(done + i) % 89}` })));
    }
    const readers = await startClientProcesses([server.url], READERS, 2, (await api.state()).lastEventId);
    const { open } = await readers.connect();
    console.log(
      `Attacks on one instance (${process.env.REDIS_URL ? 'Redis' : 'memory'} store): ${FLIGHTS} flights, ${CHANGES} changes of history, ` +
        `${open} readers, ${WRITES_PER_SECOND} writes/s, ${SECONDS} s a phase`,
    );
    const rows = [];
    for (const attack of attacks) {
      const stop = await attack.start(server, oldestId);
      const result = await measure(server, readers, open);
      await stop();
      rows.push({
        attack: attack.name,
        // A server held up takes fewer of the paced writes (the rest are skipped, not queued).
        'writes taken': `${result.writes}/${WRITES_PER_SECOND * SECONDS}`,
        "readers' p99 ms": result.p99.toFixed(0),
        'events delivered': `${result.delivered}/${result.expected}`,
        'server RSS at start MB': (result.rss / MB).toFixed(0),
        'peak growth MB': ((result.peakRss - result.rss) / MB).toFixed(1),
      });
      // Let the attack's connections and garbage go before the next phase.
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    readers.close();
    console.table(rows);
  } finally {
    await server.stop();
    if (redisUrl) await deleteKeys(redisUrl, prefix);
  }
}

void main();
