import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { applyEvents, boardFromFlights } from '@/lib/flights/board';
import type { BoardEvent } from '@/lib/flights/board-event';
import type { Flight } from '@/lib/flights/flight';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { connectSse } from '../support/sse-client';
import { freePort, startServer } from '../support/server';

const dir = mkdtempSync(path.join(tmpdir(), 'skyboard-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const body = (i: number) => newFlightBody({ id: `KL${i}-2026-11-22`, flight: `KL${i}` });

/** Creates flight i, retrying while the server is down or restarting; a 409 means it landed before. */
async function createWithRetry(baseUrl: string, i: number) {
  for (;;) {
    try {
      const response = await apiClient(baseUrl).create(body(i));
      if (response.status === 201 || response.status === 409) return;
    } catch {
      // Connection refused: the server is restarting.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('after kill -9 and a restart, the board is as it was and a resume from before the crash misses nothing', { timeout: 90_000 }, async () => {
  const env = { DATABASE_PATH: path.join(dir, 'board.db'), API_TOKEN: TEST_TOKEN, SIMULATOR: 'off' };
  const port = await freePort();
  let server = await startServer(env, port);
  const baseUrl = server.url;
  const client = await connectSse(baseUrl);
  for (let i = 1; i <= 20; i++) await createWithRetry(baseUrl, i);
  await client.waitFor(() => client.events.length === 21);
  const resumeId = client.events.at(-1)!.id!;
  const boardAtResume = applyEvents(
    boardFromFlights((client.events[0]!.data as { flights: Flight[] }).flights),
    client.events.slice(1).map((event) => ({ name: event.event, data: event.data }) as BoardEvent),
  );
  client.close();

  // Writes keep coming while the server is killed and restarted; the writer retries refused ones.
  const writer = (async () => {
    for (let i = 21; i <= 60; i++) {
      await createWithRetry(baseUrl, i);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  let landed = 0;
  while (landed < 30) landed = (await apiClient(baseUrl).state()).flights.length;
  expect(await server.stop('SIGKILL')).toBeNull();
  expect(landed).toBeLessThan(60);
  server = await startServer(env, port);
  await writer;

  const state = await apiClient(baseUrl).state();
  expect(state.flights.map((flight) => flight.id).sort()).toEqual(
    Array.from({ length: 60 }, (_, i) => `KL${i + 1}-2026-11-22`).sort(),
  );

  const resumed = await connectSse(baseUrl, { lastEventId: resumeId });
  await resumed.waitFor(() => resumed.events.at(-1)?.id === state.lastEventId, 10_000);
  expect(resumed.events[0]!.event).toBe('flightStateUpdate');
  const ids = resumed.events.map((event) => Number(event.id));
  expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => Number(resumeId) + 1 + i));
  const folded = applyEvents(
    boardAtResume,
    resumed.events.map((event) => ({ name: event.event, data: event.data }) as BoardEvent),
  );
  expect(folded).toEqual(boardFromFlights(state.flights));
  resumed.close();
  await server.stop();
});
