import { historyCutoff } from '@/lib/events/history';
import { AppError } from '@/lib/http/app-error';
import { authorize } from '@/lib/http/auth';
import { NO_STORE } from '@/lib/http/cache-headers';
import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Every change of one flight kept (AUDIT_RETENTION_DAYS), oldest first; a removed flight's too. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const { log, tokens, settings } = getRuntime();
  authorize(request, tokens, 'history');
  const { id } = await params;
  const entries = await log.history(id, historyCutoff(Date.now(), settings.AUDIT_RETENTION_DAYS));
  if (entries.length === 0 && !(await log.snapshot()).flights.some((flight) => flight.id === id)) {
    throw new AppError('not_found', `No flight with the id "${id.slice(0, 80)}" is on the board or in the history.`);
  }
  return Response.json({ entries }, { headers: NO_STORE });
});

const refuse = methodNotAllowed('GET');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
