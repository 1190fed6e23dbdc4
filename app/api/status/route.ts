import { getRuntime } from '@/lib/server/runtime';
import { errorResponse } from '@/lib/http/app-error';
import { NO_STORE } from '@/lib/http/cache-headers';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const { log, hub, backend, instance, startedAt } = getRuntime();
    const { flights, lastEventId } = await log.snapshot();
    return Response.json(
      {
        clients: hub.clientCount,
        flights: flights.length,
        lastEventId,
        backend,
        instance,
        uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
      },
      { headers: NO_STORE },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
