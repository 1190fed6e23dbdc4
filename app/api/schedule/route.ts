import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { requireWriteAccess } from '@/lib/http/auth';
import { withErrors } from '@/lib/http/with-errors';
import { importSchedule } from '@/lib/schedule/import-schedule';
import { progressStream } from '@/lib/schedule/progress-stream';
import { readSchedule } from '@/lib/schedule/read-schedule';
import { getRuntime } from '@/lib/server/runtime';
import { SSE_HEADERS } from '@/lib/sse/frames';

export const dynamic = 'force-dynamic';

export const POST = withErrors(async (request: Request) => {
  const { log, clock, settings } = getRuntime();
  requireWriteAccess(request, settings.API_TOKEN);
  const rows = await readSchedule(request);
  return new Response(progressStream(importSchedule(log, clock, rows, request.signal)), { headers: SSE_HEADERS });
});

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
