import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { connectSse } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

// The simulator on with no flights of its own: the board clock runs 60 times as fast, and nothing
// but heartbeats and the test's writes goes over the streams.
let server: RunningServer;
const AGE_MS = 1500;

beforeAll(async () => {
  server = await startServer({
    SIMULATOR: 'on',
    SIMULATOR_FLIGHTS: '0',
    SIMULATOR_SPEED: '60',
    SSE_HEARTBEAT_MS: '100',
    SSE_MAX_STREAM_AGE_MS: String(AGE_MS),
    API_TOKEN: TEST_TOKEN,
  });
});

afterAll(async () => {
  await server.stop();
});

it('sends heartbeats that carry the board clock, which runs SIMULATOR_SPEED times as fast as real time', async () => {
  const client = await connectSse(server.url);
  const heartbeats = await client.waitFor(() => client.heartbeats.length >= 10 && client.heartbeats);
  const { now } = (await (await fetch(`${server.url}/api/status`)).json()) as { now: string };
  const boardAt = (heartbeat: (typeof heartbeats)[number]) => Date.parse((heartbeat.data as { now: string }).now);
  const [first, last] = [heartbeats[0]!, heartbeats.at(-1)!];
  const speed = (boardAt(last) - boardAt(first)) / (last.receivedAt! - first.receivedAt!);
  expect(speed).toBeGreaterThan(40);
  expect(speed).toBeLessThan(80);
  // The status a moment later reads the same clock.
  expect(Math.abs(Date.parse(now) - boardAt(last))).toBeLessThan(15_000);
  client.close();
});

it('ends a stream at its age (±20%, checked each heartbeat) without closedConnection, and a resume from its last id gets what it missed, no snapshot', async () => {
  const client = await connectSse(server.url);
  const opened = performance.now();
  await client.waitFor(() => client.events.length > 0);
  await client.ended;
  const lived = performance.now() - opened;
  expect(lived).toBeGreaterThan(AGE_MS * 0.8 - 50);
  expect(lived).toBeLessThan(AGE_MS * 1.2 + 400);
  expect(client.events.map((event) => event.event)).toEqual(['snapshot']);
  expect(client.text()).not.toContain('closedConnection');

  const created = await (await apiClient(server.url).create(newFlightBody({ id: 'AGE1-2026-12-03', flight: 'AZ1' }))).json();
  const resumed = await connectSse(server.url, { lastEventId: client.events.at(-1)!.id });
  const [missed] = await resumed.waitFor(() => resumed.events.length > 0 && resumed.events);
  expect(missed).toMatchObject({ event: 'flightStateUpdate', data: created });
  resumed.close();
});
