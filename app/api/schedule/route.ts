import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { AppError } from '@/lib/http/app-error';
import { authorize } from '@/lib/http/auth';
import { withErrors } from '@/lib/http/with-errors';
import { importSchedule } from '@/lib/schedule/import-schedule';
import { progressStream } from '@/lib/schedule/progress-stream';
import { readSchedule } from '@/lib/schedule/read-schedule';
import { getRuntime } from '@/lib/server/runtime';
import { SSE_HEADERS } from '@/lib/sse/frames';

export const dynamic = 'force-dynamic';

export const POST = withErrors(async (request: Request) => {
  const { log, clock, settings, importGate, tokens } = getRuntime();
  const caller = authorize(request, tokens, 'schedule');
  const rows = await readSchedule(request);
  const leave = await importGate.enter();
  if (!leave) throw new AppError('import_running', 'Another schedule import is running on this board; try again when it has finished.');
  return new Response(progressStream(importSchedule({ log, clock, maxFlights: settings.BOARD_MAX_FLIGHTS, caller }, rows, request.signal), leave), { headers: SSE_HEADERS });
});

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
