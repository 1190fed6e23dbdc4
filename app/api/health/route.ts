import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { AppError } from '@/lib/http/app-error';
import { NO_STORE } from '@/lib/http/cache-headers';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

const STORE_NAMES = { memory: 'memory', sqlite: 'SQLite', redis: 'Redis' } as const;

export const GET = withErrors(async () => {
  const { log, backend, shuttingDown } = getRuntime();
  // From the first shutdown signal: a load balancer stops sending here while streams and writes drain.
  if (shuttingDown) throw new AppError('shutting_down', 'This instance is stopping; send requests to another one.');
  // The driver's own words (hosts, ports, errors) stay in the server's log, not in a public answer.
  if (!(await log.healthy())) throw new AppError('store_unavailable', `The store (${STORE_NAMES[backend]}) is not answering; writes cannot succeed now.`);
  return Response.json({ ok: true }, { headers: NO_STORE });
});

const refuse = methodNotAllowed('GET');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
