import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { connectSse } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';
import { idAt, sequenceOf } from '../support/event-ids';
import { pollUntil } from '../support/poll';
import { stalledClient } from '../support/stalled-client';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', API_TOKEN: TEST_TOKEN, SSE_MAX_BACKLOG_BYTES: '65536' });
});

afterAll(async () => {
  await server.stop();
});

const openStreams = async () => (await (await fetch(`${server.url}/api/status`)).json()).clients as number;

it('disconnects a client that stops reading, keeps serving the others, and lets the slow one resume', { timeout: 90_000 }, async () => {
  const api = apiClient(server.url);
  const reader = await connectSse(server.url);
  const stalled = await stalledClient(server.port);
  await pollUntil(openStreams, (open) => open === 2, { timeoutMs: 2000, what: 'two open streams' });

  // About 6 MB sit in the kernel's socket buffers on loopback before the server's own backlog grows.
  const airline = 'A'.repeat(80);
  const codeshares = Array.from({ length: 12 }, (_, i) => `DL${1000 + i}`);
  let sent = 0;
  const deadline = Date.now() + 45_000;
  while ((await openStreams()) === 2 && Date.now() < deadline) {
    await Promise.all(
      Array.from({ length: 50 }, () => {
        sent += 1;
        return api.create(newFlightBody({ id: `AZ${sent}-2026-11-22`, flight: `AZ${sent % 9999}`, airline, codeshares }));
      }),
    );
  }
  expect(await openStreams()).toBe(1);

  // The reading client got every event, in order.
  await reader.waitFor(() => reader.events.length === sent + 1, 10_000);
  expect(reader.events.slice(1).map((event) => sequenceOf(event.id))).toEqual(Array.from({ length: sent }, (_, i) => i + 1));

  // The slow one, reading again, gets what was already on its way, then the connection ends.
  stalled.socket.resume();
  await stalled.closed;
  let lastId = '';
  const parser = createParser({ onEvent: (event) => (lastId = event.id ?? lastId) });
  parser.feed(stalled.received().slice(stalled.received().indexOf('\r\n\r\n') + 4));
  expect(sequenceOf(lastId)).toBeGreaterThan(0);
  expect(sequenceOf(lastId)).toBeLessThan(sent);

  // And it resumes from its last id with exactly the events it missed.
  const resumed = await connectSse(server.url, { lastEventId: lastId });
  await resumed.waitFor(() => resumed.events.length === sent - sequenceOf(lastId), 10_000);
  expect(resumed.events[0]!.id).toBe(idAt(lastId!, sequenceOf(lastId) + 1));
  expect(resumed.events.at(-1)!.id).toBe(idAt(lastId!, sent));
  resumed.close();
  reader.close();
});
