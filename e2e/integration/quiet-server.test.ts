import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, newFlightBody } from '../support/api';
import { connectSse } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

// No simulator and no API_TOKEN: nothing happens unless a test makes it. SIMULATOR_SPEED only
// speeds the board's clock while the simulator runs.
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', SIMULATOR_SPEED: '60', SSE_HEARTBEAT_MS: '200' });
});

it('keeps the board clock on real time with the simulator off', async () => {
  const { now } = await (await fetch(`${server.url}/api/status`)).json();
  expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(2000);
});

afterAll(async () => {
  await server.stop();
});

it('sends a heartbeat event with the board time and no id while nothing else happens, after an empty snapshot', async () => {
  const client = await connectSse(server.url);
  await client.waitFor(() => client.heartbeats.length >= 2, 3000);
  expect(client.events).toEqual([{ id: expect.stringMatching(/^[\w-]+\.0$/), event: 'snapshot', data: { flights: [], notices: [], screens: [] } }]);
  for (const heartbeat of client.heartbeats) {
    expect(heartbeat).toEqual({ id: undefined, event: 'heartbeat', data: { now: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) } });
    // The simulator is off: board time is real time.
    expect(Math.abs(Date.parse((heartbeat.data as { now: string }).now) - heartbeat.receivedAt!)).toBeLessThan(1000);
  }
  expect(client.comments).toEqual([]);
  expect(client.text()).toMatch(/\n\nevent: heartbeat\ndata: \{"now":"[^"]+"\}\n\n/);
  client.close();
});

it('answers a resume that missed nothing with a heartbeat at once, so the board knows it is current', async () => {
  const first = await connectSse(server.url);
  const [snapshot] = await first.waitFor(() => first.events.length > 0 && first.events);
  first.close();
  const resumed = await connectSse(server.url, { lastEventId: snapshot!.id });
  await resumed.waitFor(() => resumed.heartbeats.length > 0, 150);
  expect(resumed.events).toEqual([]);
  resumed.close();
});

it.each([
  ['POST', '/api/flights'],
  ['PATCH', '/api/flights/AZ768-2026-11-22'],
  ['DELETE', '/api/flights/AZ768-2026-11-22'],
  ['POST', '/api/events/close'],
])('refuses %s %s with 403 writes_disabled when no API_TOKEN is configured', async (method, path) => {
  const response = await apiClient(server.url).send(method, path, newFlightBody());
  expect(response.status).toBe(403);
  expect((await response.json()).error.code).toBe('writes_disabled');
  expect((await apiClient(server.url).state()).flights).toEqual([]);
});
