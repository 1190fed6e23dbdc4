import { connect, type Socket } from 'node:net';
import { apiClient, TEST_TOKEN } from '../../e2e/support/api';
import { readMetric } from '../../e2e/support/metrics';
import { startServer, type RunningServer } from '../../e2e/support/server';
import { startClientProcesses } from '../client-processes';
import { acknowledged, paceWrites } from '../paced-writer';
import { percentile, rssBytes } from '../process-stats';

// A busy airport's board. A stalled client that connects gets it as one snapshot (about 5 MB), more
// than its socket's kernel buffers take on loopback (about 4 MB), so the server sees at once that the
// client is behind. On an empty board the kernel would take ~4 MB of single events first, each one a
// full write, before the server could tell a client that never reads from one that does.
const BOARD_FLIGHTS = 16_000;
const ROWS_PER_IMPORT = 2000;
const READER_PROCESSES = 2;
const MAX_BACKLOG_BYTES = 262_144;
const WRITES_PER_SECOND = 50;

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

async function importBoard(server: RunningServer) {
  const header = 'id,flight,codeshares,airline,direction,origin,destination,scheduled,status';
  for (let batch = 0; batch < BOARD_FLIGHTS / ROWS_PER_IMPORT; batch++) {
    const rows = Array.from(
      { length: ROWS_PER_IMPORT },
      (_, i) => `S${batch}-${i}-2026-11-22,BA${(i % 9999) + 1},DL1 AF2 KL3,British Airways,departure,LHR:London,JFK:New York,2026-11-22T10:00:00Z,scheduled`,
    );
    const response = await fetch(`${server.url}/api/schedule`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'text/csv' },
      body: [header, ...rows].join('\n'),
    });
    if (!(await response.text()).includes('importDone')) throw new Error(`the board import failed (${response.status})`);
  }
}

async function run(stalledCount: number, readerCount: number, seconds: number) {
  const server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'off', SSE_MAX_BACKLOG_BYTES: String(MAX_BACKLOG_BYTES) });
  const api = apiClient(server.url);
  try {
    await importBoard(server);
    // Readers resume from the board's last id, as clients already showing it would.
    const readers = await startClientProcesses([server.url], readerCount, READER_PROCESSES, (await api.state()).lastEventId);
    const { open } = await readers.connect();
    const rssBefore = rssBytes(server.serverPid);
    let peakRss = rssBefore;
    const stalled: Socket[] = [];
    for (let i = 0; i < stalledCount; i++) stalled.push(await stalledClient(server.port));
    // Measure from when every stalled client has its stream
    for (let waited = 0; (await readMetric(server, 'skyboard_open_streams')) < open + stalledCount && waited < 60_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // and the stalled clients' snapshots have gone into their kernel buffers.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await readers.reset();
    const writes = await paceWrites(
      { rate: WRITES_PER_SECOND, seconds, maxPending: 50 },
      (i) => acknowledged(api.patch(`S0-${i % ROWS_PER_IMPORT}-2026-11-22`, { gate: `G${i % 50}` })),
      () => (peakRss = Math.max(peakRss, rssBytes(server.serverPid))),
    );
    const expected = writes.done * open;
    let report = await readers.report();
    for (let waited = 0; report.events < expected && waited < 60_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      report = await readers.report();
    }
    const dropped = await readMetric(server, 'skyboard_slow_clients_dropped_total');
    for (const socket of stalled) socket.destroy();
    readers.close();
    return {
      open,
      writes: writes.done,
      delivered: report.events,
      expected,
      p99: percentile(report.buckets, 0.99),
      dropped,
      peakGrowthMb: (peakRss - rssBefore) / 1024 / 1024,
    };
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
export async function slowConsumers({ stalled, readers, seconds }: { stalled: number; readers: number; seconds: number }) {
  const alone = await run(0, readers, seconds);
  const crowded = await run(stalled, readers, seconds);
  const ratio = crowded.p99 / alone.p99;
  // What the server lets the stalled clients hold (shared event bytes count once per client here).
  const memoryBoundMb = (stalled * MAX_BACKLOG_BYTES) / 1024 / 1024;
  const memoryGrowthMb = crowded.peakGrowthMb - alone.peakGrowthMb;
  const everyEventArrived = [alone, crowded].every((run) => run.open === readers && run.delivered === run.expected);
  const ok = crowded.dropped === stalled && ratio <= 1.2 && memoryGrowthMb <= memoryBoundMb && everyEventArrived;
  return {
    checks: [
      `${stalled} stalled and ${readers} reading clients on a board of ${BOARD_FLIGHTS} flights, ${WRITES_PER_SECOND} writes/s for ${seconds} s, SSE_MAX_BACKLOG_BYTES=${MAX_BACKLOG_BYTES}`,
      `stalled clients dropped and counted in metrics: ${crowded.dropped} of ${stalled}`,
      `every event reached every reader: ${everyEventArrived ? 'yes' : 'no'} (${alone.delivered}/${alone.expected} alone, ${crowded.delivered}/${crowded.expected} beside stalled clients)`,
      `server RSS growth at peak: ${crowded.peakGrowthMb.toFixed(0)} MB with stalled clients, ${alone.peakGrowthMb.toFixed(0)} MB without (want the difference under ${memoryBoundMb.toFixed(0)} MB)`,
      `readers' p99 latency: ${crowded.p99.toFixed(0)} ms with stalled clients, ${alone.p99.toFixed(0)} ms without (${ratio.toFixed(2)}x; want at most 1.2x)`,
    ],
    ok,
  };
}
