import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { csv, csvRow, postSchedule } from '../support/schedule';
import { connectSse, type SseClient } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

const METRICS_TOKEN = 'metrics-token-0123456789';
let server: RunningServer;
let watcher: SseClient;

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', API_TOKEN: TEST_TOKEN, METRICS_TOKEN, BOARD_MAX_FLIGHTS: '3' });
  watcher = await connectSse(server.url);
  await watcher.waitFor(() => watcher.events.length > 0);
});

afterAll(async () => {
  watcher.close();
  await server.stop();
});

/** Runs `refused`, then a write that is taken: the next event the board sees must be that one. */
async function expectNoEvent(refused: () => Promise<void>) {
  // Start from a watcher that has every earlier event.
  const { lastEventId } = await apiClient(server.url).state();
  await watcher.waitFor(() => watcher.events.at(-1)?.id === lastEventId);
  const seen = watcher.events.length;
  await refused();
  const marker = await apiClient(server.url).patch('H1-2026-11-25', { gate: `M${seen}` });
  expect(marker.status).toBe(200);
  const next = await watcher.waitFor(() => watcher.events[seen]);
  expect(next.data).toMatchObject({ id: 'H1-2026-11-25', gate: `M${seen}` });
}

describe('what a stranger or a careless client can send', () => {
  it('names a field called "constructor" as unknown, not as a function of the runtime', async () => {
    const response = await apiClient(server.url).create({ ...newFlightBody({ id: 'H0-2026-11-25' }), constructor: 1, __proto__x: 1 });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.details).toContainEqual({ field: 'constructor', message: 'is not a field this request accepts' });
    expect(JSON.stringify(error)).not.toContain('function');
  });

  it('refuses to create an id of the simulator, and text with bidi overrides or zero-width characters', async () => {
    const api = apiClient(server.url);
    expect((await api.create(newFlightBody({ id: 'H1-2026-11-25', flight: 'AF1' }))).status).toBe(201);
    await expectNoEvent(async () => {
      const sim = await api.create(newFlightBody({ id: 'BA1-2099-01-01.sim', flight: 'BA1', scheduled: '2099-01-01T10:00:00Z' }));
      expect(sim.status).toBe(400);
      expect((await sim.json()).error.details).toContainEqual(expect.objectContaining({ field: 'id', message: expect.stringContaining('.sim') }));
      for (const text of ['Air\u202Eenilria', 'Zero\u200Bwidth', '\uFEFFBOM']) {
        const response = await api.create(newFlightBody({ id: 'H9-2026-11-25', airline: text }));
        expect(response.status, text).toBe(400);
        expect((await response.json()).error.details).toContainEqual(expect.objectContaining({ field: 'airline', message: expect.stringContaining('format characters') }));
      }
      const patched = await api.patch('H1-2026-11-25', { destination: { iata: 'CDG', city: 'Pa\u2066ris' } });
      expect(patched.status).toBe(400);
      const { events } = await postSchedule(server.url, csv([csvRow(1, { id: 'BA9-2099-01-01.sim' })]), 'text/csv');
      expect(events.find((event) => event.name === 'importError')?.data).toMatchObject({ row: 1, field: 'id' });
      expect(events.at(-1)?.data).toMatchObject({ created: 0, rejected: 1 });
    });
  });

  it('holds at most BOARD_MAX_FLIGHTS: a create beyond it is 409 board_full, changes to flights on it still work', async () => {
    const api = apiClient(server.url);
    for (const id of ['H2-2026-11-25', 'H3-2026-11-25']) expect((await api.create(newFlightBody({ id, flight: 'AF2' }))).status).toBe(201);
    const before = await api.state();
    await expectNoEvent(async () => {
      const full = await api.create(newFlightBody({ id: 'H4-2026-11-25', flight: 'AF4' }));
      expect(full.status).toBe(409);
      expect((await full.json()).error.code).toBe('board_full');
      const { events } = await postSchedule(server.url, csv([csvRow(5)]), 'text/csv');
      expect(events.find((event) => event.name === 'importError')?.data.message).toMatch(/BOARD_MAX_FLIGHTS/);
      expect(events.at(-1)?.data).toMatchObject({ created: 0 });
    });
    expect((await api.state()).flights.map((flight) => flight.id).sort()).toEqual(before.flights.map((flight) => flight.id).sort());
  });

  it('wants METRICS_TOKEN for the metrics when it is set', async () => {
    const anonymous = await fetch(`${server.url}/api/metrics`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthorized');
    expect((await fetch(`${server.url}/api/metrics`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } })).status).toBe(401);
    const allowed = await fetch(`${server.url}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('skyboard_open_streams');
  });

  it('says nothing in /api/status about the host or the process', async () => {
    const { instance } = await (await fetch(`${server.url}/api/status`)).json();
    expect(instance).not.toContain(hostname());
    expect(instance).not.toContain(String(server.serverPid));
    expect(instance).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['GET', '/api/no-such-thing', 404],
    ['PUT', '/api/flights', 405],
    ['POST', '/api/health', 405],
  ])('answers %s %s with a JSON %i that no cache keeps', async (method, path, status) => {
    const response = await fetch(`${server.url}${path}`, { method });
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
