import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeResponseSink } from './node-response-sink';

let server: Server | undefined;
let client: Socket | undefined;
afterEach(() => {
  client?.destroy();
  server?.close();
});

/** A server whose one response the test drives, and a raw client that does not read until told to. */
async function stalledResponse() {
  const response = new Promise<ServerResponse>((resolve) => {
    server = createServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      resolve(res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server!.address() as { port: number };
  let received = '';
  // The response is chunked on a keep-alive connection: its end is the last, empty chunk.
  const ended = new Promise<void>((resolve) => {
    client = connect(port, '127.0.0.1', () => client!.write('GET / HTTP/1.1\r\nHost: test\r\n\r\n'));
    client.setEncoding('latin1');
    client.on('data', (chunk: string) => {
      received += chunk;
      if (received.endsWith('\r\n0\r\n\r\n')) resolve();
    });
    client.pause();
  });
  return { res: await response, received: () => received, ended };
}

/** Frame i: its number, padded to 1 KiB. */
const frame = (i: number) => Buffer.from(`${String(i).padStart(8, '0')}${'.'.repeat(1016)}`);

describe('nodeResponseSink', () => {
  it('holds frames while the socket is backed up, counts them as queued, and sends every one, in order, when the client reads', async () => {
    const { res, received, ended } = await stalledResponse();
    const sink = nodeResponseSink(res);
    const count = 12 * 1024; // 12 MiB: more than the kernel takes for a client that does not read
    for (let i = 0; i < count; i++) {
      sink.write(frame(i));
      if (i % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(sink.queuedBytes()).toBeGreaterThan(4 * 1024 * 1024);
    client!.resume();
    sink.end();
    await ended;
    const body = received().slice(received().indexOf('\r\n\r\n') + 4).replace(/\r\n[0-9a-f]+\r\n/g, '');
    const numbers = body.match(/\d{8}/g)!.map(Number);
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i));
  });

  it('throws on a write after the response has ended, and drops held frames on abort', async () => {
    const { res } = await stalledResponse();
    const sink = nodeResponseSink(res);
    for (let i = 0; i < 8 * 1024; i++) sink.write(frame(i));
    sink.abort();
    expect(res.destroyed).toBe(true);
    expect(() => sink.write(frame(0))).toThrow('ended');
  });
});
