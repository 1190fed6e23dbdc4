import { connect, type Socket } from 'node:net';
import { TEST_TOKEN } from '../../e2e/support/api';
import { connectSse, type SseClient } from '../../e2e/support/sse-client';
import { startServer, type RunningServer } from '../../e2e/support/server';
import { rssBytes } from '../process-stats';

const ROWS_PER_IMPORT = 2000;

function stalledClient(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n');
      socket.pause();
      resolve(socket);
    });
    socket.on('error', () => undefined);
  });
}

/** Each import makes ROWS_PER_IMPORT events of about 450 bytes in one step. */
async function importBatch(server: RunningServer, batch: number) {
  const header = 'id,flight,codeshares,airline,direction,origin,destination,scheduled,status';
  const rows = Array.from(
    { length: ROWS_PER_IMPORT },
    (_, i) => `S${batch}-${i}-2026-11-22,BA${(i % 9999) + 1},DL1 AF2 KL3,British Airways,departure,LHR:London,JFK:New York,2026-11-22T10:00:00Z,scheduled`,
  );
  const response = await fetch(`${server.url}/api/schedule`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'text/csv' },
    body: [header, ...rows].join('\n'),
  });
  await response.text();
}

function latencies(client: SseClient) {
  return client.events
    .filter((event) => event.event === 'flightStateUpdate')
    .map((event) => event.receivedAt! - Date.parse((event.data as { updatedAt: string }).updatedAt));
}

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? NaN;

async function run(stalledCount: number, normalCount: number, imports: number) {
  const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'off', HISTORY_LIMIT: '100' });
  try {
    const normal = await Promise.all(Array.from({ length: normalCount }, () => connectSse(server.url)));
    const stalled = [];
    for (let i = 0; i < stalledCount; i++) stalled.push(await stalledClient(server.port));
    const rssBefore = rssBytes(server.process.pid!);
    let peakRss = rssBefore;
    for (let batch = 0; batch < imports; batch++) {
      await importBatch(server, batch);
      peakRss = Math.max(peakRss, rssBytes(server.process.pid!));
    }
    const expected = imports * ROWS_PER_IMPORT;
    await Promise.all(normal.map((client) => client.waitFor(() => client.events.length >= expected + 1, 120_000)));
    const metrics = await (await fetch(`${server.url}/api/metrics`)).text();
    const dropped = Number(/^skyboard_slow_clients_dropped_total (\S+)$/m.exec(metrics)?.[1]);
    for (const socket of stalled) socket.destroy();
    for (const client of normal) client.close();
    return { p99: p99(normal.flatMap(latencies)), dropped, peakGrowthMb: (peakRss - rssBefore) / 1024 / 1024 };
  } catch (error) {
    console.error(server.output().slice(-3000));
    throw error;
  } finally {
    await server.stop();
  }
}

/**
 * Clients that never read, beside clients that do: the stalled ones are dropped and counted, server
 * memory stays bounded, and the readers' p99 latency stays within 20% of a run without stalled ones.
 */
export async function slowConsumers({ stalled, normal, imports }: { stalled: number; normal: number; imports: number }) {
  const alone = await run(0, normal, imports);
  const crowded = await run(stalled, normal, imports);
  const ratio = crowded.p99 / alone.p99;
  const ok = crowded.dropped === stalled && ratio <= 1.2;
  return {
    checks: [
      `${stalled} stalled and ${normal} reading clients, ${imports * ROWS_PER_IMPORT} events`,
      `stalled clients dropped and counted in metrics: ${crowded.dropped} of ${stalled}`,
      `server RSS growth at peak: ${crowded.peakGrowthMb.toFixed(0)} MB with stalled clients, ${alone.peakGrowthMb.toFixed(0)} MB without`,
      `readers' p99 latency: ${crowded.p99.toFixed(0)} ms with stalled clients, ${alone.p99.toFixed(0)} ms without (${ratio.toFixed(2)}x; want at most 1.2x)`,
    ],
    ok,
  };
}
