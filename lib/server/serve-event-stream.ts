import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from '../http/security-headers';
import { SSE_HEADERS } from '../sse/frames';
import { nodeResponseSink } from '../sse/node-response-sink';
import { resumeId, startStream } from '../sse/open-event-stream';
import type { EventLog } from '../events/event-log';
import type { StreamHub } from '../sse/stream-hub';
import { REFUSAL_HEADERS, streamRefusal } from './stream-refusal';

// next.config.ts gives every response the security headers; this path bypasses Next, so it adds them.
const SECURITY_HEADERS = Object.fromEntries(securityHeaders.map(({ key, value }) => [key, value]));
const STREAM_HEADERS = { ...SECURITY_HEADERS, ...SSE_HEADERS };

/**
 * `GET /api/events` on the raw Node response: the same stream as app/api/events/route.ts, without the
 * Web Streams pipe Next puts between a route handler and the socket (bench/BENCHMARKS.md).
 */
export function serveEventStream(
  runtime: { log: EventLog; hub: StreamHub; shuttingDown: boolean; settings: { SSE_RETRY_MS: number } },
  req: IncomingMessage,
  res: ServerResponse,
) {
  const refusal = streamRefusal(runtime);
  if (refusal) {
    res.writeHead(refusal.status, { ...SECURITY_HEADERS, ...REFUSAL_HEADERS, 'Content-Type': 'application/json' });
    res.end(JSON.stringify(refusal.toJSON()));
    return;
  }
  const header = req.headers['last-event-id'];
  const lastEventId = resumeId(typeof header === 'string' ? header : null, new URL(req.url ?? '/', 'http://localhost'));
  res.writeHead(200, STREAM_HEADERS);
  const { log, hub, settings } = runtime;
  const connection = startStream({ log, hub, retryMs: settings.SSE_RETRY_MS }, nodeResponseSink(res), lastEventId);
  res.once('close', () => connection.close('client-gone'));
}
