import { afterAll, beforeAll, expect, it } from 'vitest';
import { rssBytes } from '../../bench/process-stats';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { readMetric } from '../support/metrics';
import { pollUntil } from '../support/poll';
import { connectSse } from '../support/sse-client';
import { stalledClient, type StalledClient } from '../support/stalled-client';
import { startServer, type RunningServer } from '../support/server';

const FLIGHTS = 50;
const CHANGES = 3000;
const RESUMERS = 100;

let server: RunningServer;
const stalled: StalledClient[] = [];

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', API_TOKEN: TEST_TOKEN, HISTORY_LIMIT: '10000' });
});

afterAll(async () => {
  for (const client of stalled) client.socket.destroy();
  await server.stop();
});

// An id is guessable and costs nothing to send: what it makes the server hold must be bounded by
// the board, not by the history (contract section 2).
it('answers a resume from far back with the shared snapshot, so 100 non-reading clients cost about one snapshot', { timeout: 90_000 }, async () => {
  const api = apiClient(server.url);
  const empty = await connectSse(server.url);
  const oldest = (await empty.waitFor(() => empty.events[0])).id!;
  empty.close();
  for (let i = 0; i < FLIGHTS; i++) expect((await api.create(newFlightBody({ id: `RB${i}-2026-11-22`, flight: `RB${i}` }))).status).toBe(201);
  for (let done = 0; done < CHANGES; done += 50) {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => api.patch(`RB${(done + i) % FLIGHTS}-2026-11-22`, { gate: `G${(done + i) % 97}` })));
    expect(answers.every((answer) => answer.ok)).toBe(true);
  }

  const snapshotsBefore = await readMetric(server, 'skyboard_snapshots_sent_total');
  const replaysBefore = await readMetric(server, 'skyboard_replays_served_total');
  const rssBefore = rssBytes(server.serverPid);
  for (let i = 0; i < RESUMERS; i++) stalled.push(await stalledClient(server.port, { 'Last-Event-ID': oldest }));
  await pollUntil(() => readMetric(server, 'skyboard_snapshots_sent_total'), (sent) => sent - snapshotsBefore >= RESUMERS, {
    timeoutMs: 20_000,
    what: `${RESUMERS} snapshots`,
  });
  expect(await readMetric(server, 'skyboard_replays_served_total')).toBe(replaysBefore);
  const grownBy = rssBytes(server.serverPid) - rssBefore;

  // A client that does read gets the board itself, not thousands of old changes.
  const reader = await connectSse(server.url, { lastEventId: oldest });
  const first = await reader.waitFor(() => reader.events[0]);
  expect(first.event).toBe('snapshot');
  expect((first.data as { flights: unknown[] }).flights).toHaveLength(FLIGHTS);
  reader.close();
  // 100 replays of 3,000 changes are about 100 MB; one 50-flight snapshot is some 30 KB.
  expect(grownBy, `RSS grew by ${(grownBy / 1e6).toFixed(1)} MB`).toBeLessThan(40e6);
});
