import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectSse } from '../support/sse-client';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'off', SSE_HEARTBEAT_MS: '200' });
});

afterAll(async () => {
  await server.stop();
});

it('sends a heartbeat comment while nothing else happens, and still an empty snapshot first', async () => {
  const client = await connectSse(server.url);
  await client.waitFor(() => client.comments.length >= 2, 3000);
  expect(client.comments[0]!.trim()).toBe('heartbeat');
  expect(client.events).toEqual([{ id: '0', event: 'snapshot', data: { flights: [] } }]);
  expect(client.text()).toContain(': heartbeat\n\n');
  client.close();
});
