import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { AppError } from '@/lib/http/app-error';
import { getRuntime } from '@/lib/server/runtime';
import { SSE_HEADERS } from '@/lib/sse/frames';
import { openEventStream, resumeIdOf } from '@/lib/sse/open-event-stream';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const { log, hub, settings, shuttingDown } = getRuntime();
  if (shuttingDown) {
    return new AppError('shutting_down', 'This instance is stopping; reconnect in a moment.').toResponse({ 'Retry-After': '1' });
  }
  const body = openEventStream(
    { log, hub, retryMs: settings.SSE_RETRY_MS },
    { lastEventId: resumeIdOf(request), signal: request.signal },
  );
  return new Response(body, { headers: SSE_HEADERS });
}

const refuse = methodNotAllowed('GET');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
