import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { connectSse, type SseClient } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

const RETENTION_MS = 3000;
let server: RunningServer;
let watcher: SseClient;

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', API_TOKEN: TEST_TOKEN, BOARD_RETENTION_MS: String(RETENTION_MS) });
  watcher = await connectSse(server.url);
  await watcher.waitFor(() => watcher.events.length > 0);
});

afterAll(async () => {
  watcher.close();
  await server.stop();
});

it('takes a final flight off BOARD_RETENTION_MS after it got there, however it was written to since', { timeout: 20_000 }, async () => {
  const api = apiClient(server.url);
  const id = 'RT1-2026-11-22';
  const departedAt = Date.now();
  expect((await api.create(newFlightBody({ id, flight: 'RT1', status: 'departed' }))).status).toBe(201);
  // Writes after it departed must not put its removal off.
  await new Promise((resolve) => setTimeout(resolve, RETENTION_MS / 2));
  expect((await api.patch(id, { gate: 'Z9' })).status).toBe(200);
  const removal = await watcher.waitFor(() => watcher.events.find((event) => event.event === 'flightRemoval' && (event.data as { id: string }).id === id), 10_000);
  const removedAfter = removal.receivedAt! - departedAt;
  expect(removedAfter).toBeGreaterThanOrEqual(RETENTION_MS - 100);
  // From the patch it would have been 1.5 × retention; the sweeper looks every second at most.
  expect(removedAfter).toBeLessThan(RETENTION_MS + 1200);
});
