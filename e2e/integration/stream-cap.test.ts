import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, newFlightBody, TEST_TOKEN } from '../support/api';
import { metricValue } from '../support/metrics';
import { connectSse, type SseClient } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
const open: SseClient[] = [];

beforeAll(async () => {
  // --expose-gc without SKYBOARD_TEST_HOOKS: a forced GC must stay a test hook.
  server = await startServer({ SSE_MAX_STREAMS: '50', API_TOKEN: TEST_TOKEN, NODE_OPTIONS: '--expose-gc' });
});

afterAll(async () => {
  for (const client of open.splice(0)) client.close();
  await server.stop();
});

const metrics = async () => (await fetch(`${server.url}/api/metrics`)).text();

it('refuses the 51st stream with 503 too_many_streams and Retry-After, and the 50 open ones lose nothing', async () => {
  for (let i = 0; i < 50; i++) open.push(await connectSse(server.url));
  await Promise.all(open.map((client) => client.waitFor(() => client.events.length > 0)));
  expect(open.every((client) => client.status === 200)).toBe(true);

  const refused = await fetch(`${server.url}/api/events`);
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('5');
  expect((await refused.json()).error).toEqual({ code: 'too_many_streams', message: expect.any(String) });

  const created = await apiClient(server.url).create(newFlightBody({ id: 'CA1-2026-11-22', flight: 'CA1' }));
  expect(created.status).toBe(201);
  await Promise.all(open.map((client) => client.waitFor(() => client.events.some((event) => event.event === 'flightStateUpdate'))));

  const text = await metrics();
  expect(metricValue(text, 'skyboard_streams_refused_total')).toBe(1);
  expect(metricValue(text, 'skyboard_open_streams')).toBe(50);
  expect(metricValue(text, 'skyboard_fanout_queue_events')).toBe(0);

  // A place freed is a place taken.
  open.pop()!.close();
  await expect.poll(async () => metricValue(await metrics(), 'skyboard_open_streams')).toBe(49);
  const again = await connectSse(server.url);
  open.push(again);
  expect(again.status).toBe(200);
});

it('runs no garbage collection for whoever asks, unless tests switched the hook on', async () => {
  // No sample until the first major collection: none so far.
  const majorGcs = async () => {
    const count = metricValue(await (await fetch(`${server.url}/api/metrics?gc=1`)).text(), 'skyboard_nodejs_gc_duration_seconds_count{kind="major"}');
    return Number.isNaN(count) ? 0 : count;
  };
  const before = await majorGcs();
  expect(before).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < 3; i++) await majorGcs();
  expect(await majorGcs()).toBe(before);
});
