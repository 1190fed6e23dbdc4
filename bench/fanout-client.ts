// One load-generating process: opens many SSE streams with plain node:http and measures, for every
// flight event, the delay from its updatedAt to its arrival. Arguments: base URL, number of streams and
// optionally a Last-Event-ID to resume from. Driven by its parent over IPC (bench/client-processes.ts).
import { request, type ClientRequest } from 'node:http';

const [url, countArg, lastEventId] = process.argv.slice(2);
const count = Number(countArg);
const BUCKET_MS = 0.1;
const histogram = new Uint32Array(200_000); // 0.1 ms buckets up to 20 s
let events = 0;
let max = 0;
let connectErrors = 0;
let open = 0;
// A storm: when it began, what counts as a stream's first data (Skyboard: its first event, a
// snapshot, replay or heartbeat; the floor sends only its retry line), and when each stream got it.
let stormStartedAt = 0;
let dataMarker = 'event: ';
let withData = 0;
let lastFirstDataMs = 0;
const requests: ClientRequest[] = [];

function record(frame: string) {
  const at = frame.indexOf('"updatedAt":"');
  if (at < 0 || !frame.includes('event: flightStateUpdate')) return;
  const latency = Date.now() - Date.parse(frame.slice(at + 13, at + 37));
  events += 1;
  max = Math.max(max, latency);
  histogram[Math.min(histogram.length - 1, Math.max(0, Math.round(latency / BUCKET_MS)))]! += 1;
}

function connect(): Promise<void> {
  return new Promise((resolve) => {
    const headers = { Accept: 'text/event-stream', ...(lastEventId && { 'Last-Event-ID': lastEventId }) };
    const req = request(`${url}/api/events`, { agent: false, headers }, (response) => {
      if (response.statusCode !== 200) {
        connectErrors += 1;
        response.resume();
        return resolve();
      }
      open += 1;
      let buffer = '';
      let hadData = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        if (!hadData && buffer.includes(dataMarker)) {
          hadData = true;
          withData += 1;
          lastFirstDataMs = Math.max(lastFirstDataMs, performance.now() - stormStartedAt);
        }
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          record(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      });
      response.on('close', () => (open -= 1));
      resolve();
    });
    req.on('error', () => {
      connectErrors += 1;
      resolve();
    });
    req.end();
    requests.push(req);
  });
}

process.on('message', async (message: { type: string }) => {
  if (message.type === 'connect') {
    // In waves, so the listen backlog is never flooded.
    for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, connect));
    process.send!({ type: 'connected', open, connectErrors });
  } else if (message.type === 'storm') {
    // `rate` connects a second from this process, none waiting for another.
    const { rate, marker } = message as unknown as { rate: number; marker: string };
    dataMarker = marker;
    stormStartedAt = performance.now();
    withData = 0;
    lastFirstDataMs = 0;
    const pending: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = stormStartedAt + (i / rate) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(connect());
    }
    await Promise.all(pending);
    process.send!({ type: 'storm', open, connectErrors });
  } else if (message.type === 'storm-report') {
    process.send!({ type: 'storm-report', open, connectErrors, withData, lastFirstDataMs });
  } else if (message.type === 'reset') {
    histogram.fill(0);
    events = 0;
    max = 0;
    process.send!({ type: 'reset' });
  } else if (message.type === 'report') {
    const buckets: [number, number][] = [];
    histogram.forEach((n, i) => n && buckets.push([i * BUCKET_MS, n]));
    process.send!({ type: 'report', events, max, buckets, open, connectErrors });
  } else if (message.type === 'close') {
    for (const req of requests) req.destroy();
    process.exit(0);
  }
});
process.send!({ type: 'ready' });
