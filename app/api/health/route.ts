import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { AppError } from '@/lib/http/app-error';
import { NO_STORE } from '@/lib/http/cache-headers';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = withErrors(async () => {
  const health = await getRuntime().log.health();
  if (!health.ok) throw new AppError('store_unavailable', `The store does not answer: ${health.reason}`);
  return Response.json({ ok: true }, { headers: NO_STORE });
});

const refuse = methodNotAllowed('GET');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
