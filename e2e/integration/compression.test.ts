import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from '../support/api';
import { csv, csvRow } from '../support/schedule';
import { startServer, type RunningServer, type ServerKind } from '../support/server';

/** One raw response: its headers and its first chunk, as bytes on the wire (nothing decoded). */
function firstChunk(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; chunk: Buffer }>((resolve, reject) => {
    const outgoing = request(url, { method, headers: { 'Accept-Encoding': 'br, gzip, deflate', ...headers } }, (response) => {
      response.once('data', (chunk: Buffer) => {
        resolve({ status: response.statusCode!, headers: response.headers, chunk });
        outgoing.destroy();
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe.each<ServerKind>(['npm-start', 'standalone'])('compression through %s', (kind) => {
  let server: RunningServer;

  beforeAll(async () => {
    // The simulator's board makes the page and the JSON large enough to be worth compressing.
    server = await startServer({ API_TOKEN: TEST_TOKEN, SIMULATOR: 'on', SIMULATOR_FLIGHTS: '40' }, { kind });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('gzips the page, its scripts and the JSON', async () => {
    const page = await fetch(`${server.url}/flights`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    const html = await page.text();
    const script = /\/_next\/static\/chunks\/[^"]+\.js/.exec(html)![0];
    const chunk = await fetch(`${server.url}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(chunk.headers.get('content-encoding')).toBe('gzip');
    const flights = await fetch(`${server.url}/api/flights`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(flights.headers.get('content-encoding')).toBe('gzip');
    // What the wire carries for the page: a fraction of the HTML.
    const raw = await firstChunk(`${server.url}/flights`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(raw.chunk[0]).toBe(0x1f);
    expect(raw.chunk[1]).toBe(0x8b);
  });

  it('never compresses an event stream: its first bytes are the retry line, whatever the client accepts', async () => {
    const stream = await firstChunk(`${server.url}/api/events`, { headers: { Accept: 'text/event-stream' } });
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(stream.chunk.toString('utf8')).toMatch(/^retry: \d+\n/);
    const progress = await firstChunk(`${server.url}/api/schedule`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'text/csv' },
      body: csv([csvRow(1)]),
    });
    expect(progress.status).toBe(200);
    expect(progress.headers['content-encoding']).toBeUndefined();
    expect(progress.chunk.toString('utf8')).toMatch(/^event: import/);
  });
});
