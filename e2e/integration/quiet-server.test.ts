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

it('sends a heartbeat comment while nothing else happens, and still an empty snapshot first', async () => {
  const client = await connectSse(server.url);
  await client.waitFor(() => client.comments.length >= 2, 3000);
  expect(client.comments[0]!.trim()).toBe('heartbeat');
  expect(client.events).toEqual([{ id: expect.stringMatching(/^[\w-]+\.0$/), event: 'snapshot', data: { flights: [] } }]);
  expect(client.text()).toContain(': heartbeat\n\n');
  client.close();
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
