// The lower bound for Node: a bare node:http SSE broadcaster, the same frames Skyboard sends.
// GET /api/events streams; POST /publish broadcasts one flight change to every stream.
import { createServer, type ServerResponse } from 'node:http';

const port = Number(process.env.PORT ?? 3300);
const streams = new Set<ServerResponse>();
let sequence = 0;

const flight = {
  id: 'AZ768-2026-11-22', flight: 'AZ768', codeshares: ['DL6618'], airline: 'ITA Airways', direction: 'departure',
  origin: { iata: 'LHR', city: 'London' }, destination: { iata: 'FCO', city: 'Rome' }, scheduled: '2026-11-22T14:05:00.000Z',
  estimated: null, terminal: '2', gate: 'B32', belt: null, status: 'boarding',
};

createServer((request, response) => {
  if (request.method === 'GET' && request.url?.startsWith('/api/events')) {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform' });
    response.write('retry: 3000\n\n');
    streams.add(response);
    request.on('close', () => streams.delete(response));
    return;
  }
  if (request.method === 'POST' && request.url === '/publish') {
    request.resume();
    const data = JSON.stringify({ ...flight, gate: `G${sequence % 50}`, updatedAt: new Date().toISOString() });
    const frame = Buffer.from(`id: ${++sequence}\nevent: flightStateUpdate\ndata: ${data}\n\n`);
    for (const stream of streams) stream.write(frame);
    response.end('{}');
    return;
  }
  response.writeHead(request.url === '/api/health' ? 200 : 404).end();
}).listen(port, '127.0.0.1');

setInterval(() => {
  for (const stream of streams) stream.write(': heartbeat\n\n');
}, 15_000).unref();
