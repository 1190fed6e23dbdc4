import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLog } from '../events/memory-log';
import { makeFlight } from '../flights/flight.fixture';
import { createStreamHub } from '../sse/stream-hub';
import { serveEventStream } from './serve-event-stream';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function setUp({ shuttingDown = false } = {}) {
  const log = createMemoryLog({ historyLimit: 100 });
  const hub = createStreamHub({ log, heartbeatMs: 60_000, maxBacklogBytes: 1_000_000 });
  const runtime = { log, hub, shuttingDown, settings: { SSE_RETRY_MS: 2500 } };
  const server = createServer((req, res) => serveEventStream(runtime, req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const get = (headers: Record<string, string> = {}, path = '/api/events') =>
    new Promise<IncomingMessage>((resolve, reject) => request({ port, path, headers }, resolve).on('error', reject).end());
  const upsert = (n: number) =>
    log.commit(() => ({ events: [{ name: 'flightStateUpdate', data: makeFlight({ id: `AZ${n}-2026-11-22`, flight: `AZ${n}` }) }], result: undefined }));
  return { hub, get, upsert };
}

/** Collects a response's frames as they arrive. */
function framesOf(response: IncomingMessage) {
  const events: EventSourceMessage[] = [];
  let text = '';
  const parser = createParser({ onEvent: (event) => events.push(event) });
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
    parser.feed(chunk);
  });
  return { events, text: () => text };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('serveEventStream', () => {
  it('answers with the SSE and security headers, the retry hint first, a snapshot, then live events', async () => {
    const { get, upsert } = await setUp();
    await upsert(1);
    const response = await get();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache, no-transform');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const frames = framesOf(response);
    await until(() => frames.events.length === 1);
    await upsert(2);
    await until(() => frames.events.length === 2);
    expect(frames.text().startsWith('retry: 2500\n\n')).toBe(true);
    expect(frames.events.map(({ event, id }) => [event, id])).toEqual([
      ['snapshot', '1'],
      ['flightStateUpdate', '2'],
    ]);
    response.destroy();
  });

  it('resumes after the Last-Event-ID header, which wins over the query parameter', async () => {
    const { get, upsert } = await setUp();
    for (let n = 1; n <= 4; n++) await upsert(n);
    const frames = framesOf(await get({ 'Last-Event-ID': '2' }, '/api/events?lastEventId=1'));
    await until(() => frames.events.length === 2);
    expect(frames.events.map(({ id }) => id)).toEqual(['3', '4']);
  });

  it('forgets a stream as soon as its client goes away', async () => {
    const { hub, get } = await setUp();
    const response = await get();
    await until(() => hub.clientCount === 1);
    response.destroy();
    await until(() => hub.clientCount === 0);
  });

  it('refuses a new stream with 503 shutting_down while the instance stops', async () => {
    const { hub, get } = await setUp({ shuttingDown: true });
    const response = await get();
    let body = '';
    for await (const chunk of response) body += chunk;
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(JSON.parse(body)).toEqual({ error: { code: 'shutting_down', message: expect.any(String) } });
    expect(hub.clientCount).toBe(0);
  });
});
