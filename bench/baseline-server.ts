// The lower bound for Node: a bare node:http SSE broadcaster, the same frames Skyboard sends.
// GET /api/events streams; POST /publish?count=N broadcasts N flight changes to every stream, one
// write per stream and event.
import { createServer, type ServerResponse } from 'node:http';
import { sampleFrame, SSE_STREAM_HEADERS } from './next-floor/lib/sample-frame';

const port = Number(process.env.PORT ?? 3300);
const streams = new Set<ServerResponse>();
let sequence = 0;

createServer((request, response) => {
  if (request.method === 'GET' && request.url?.startsWith('/api/events')) {
    response.writeHead(200, SSE_STREAM_HEADERS);
    response.write('retry: 3000\n\n');
    streams.add(response);
    request.on('close', () => streams.delete(response));
    return;
  }
  if (request.method === 'POST' && request.url?.startsWith('/publish')) {
    request.resume();
    const count = Number(new URL(request.url, 'http://localhost').searchParams.get('count') ?? 1);
    for (let i = 0; i < count; i++) {
      const frame = sampleFrame(++sequence);
      for (const stream of streams) stream.write(frame);
    }
    response.end('{}');
    return;
  }
  response.writeHead(request.url === '/api/health' ? 200 : 404).end();
}).listen(port, '127.0.0.1');

setInterval(() => {
  for (const stream of streams) stream.write(': heartbeat\n\n');
}, 15_000).unref();
