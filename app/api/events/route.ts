import { AppError } from '@/lib/http/app-error';
import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { getRuntime } from '@/lib/server/runtime';
import { RETRY_AFTER_SECONDS, streamRefusal } from '@/lib/server/stream-refusal';
import { SSE_HEADERS } from '@/lib/sse/frames';
import { openEventStream, resumeIdOf } from '@/lib/sse/open-event-stream';

export const dynamic = 'force-dynamic';

/** The event stream: a `ReadableStream` of SSE frames, fed by the process's one hub. */
export function GET(request: Request) {
  const { log, hub, settings, shuttingDown } = getRuntime();
  const refusal = streamRefusal({ shuttingDown, openStreams: hub.clientCount, maxStreams: settings.SSE_MAX_STREAMS });
  if (refusal) {
    hub.stats.streamsRefused += 1;
    return new AppError(refusal.code, refusal.message).toResponse({ 'Retry-After': String(RETRY_AFTER_SECONDS[refusal.code]) });
  }
  const body = openEventStream({ log, hub, retryMs: settings.SSE_RETRY_MS }, { lastEventId: resumeIdOf(request), signal: request.signal });
  return new Response(body, { headers: SSE_HEADERS });
}

/** The stream's headers and no stream (Next would otherwise answer HEAD with GET, opening one). */
export function HEAD() {
  return new Response(null, { headers: SSE_HEADERS });
}

const refuse = methodNotAllowed('GET');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
