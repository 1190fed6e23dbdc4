import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { NO_STORE } from '@/lib/http/cache-headers';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = withErrors(async () => {
  const { log, hub, clock, backend, instance, startedAt } = getRuntime();
  const { flights, lastEventId } = await log.snapshot();
  return Response.json(
    {
      clients: hub.clientCount,
      flights: flights.length,
      lastEventId,
      backend,
      instance,
      uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
      now: new Date(clock.now()).toISOString(),
    },
    { headers: NO_STORE },
  );
});

const refuse = methodNotAllowed('GET');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
