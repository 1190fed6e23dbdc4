import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { createFlight } from '@/lib/board/flight-writes';
import { FLIGHT_READ_ONLY_FIELDS, newFlightSchema } from '@/lib/flights/flight-schema';
import { authorize } from '@/lib/http/auth';
import { NO_STORE } from '@/lib/http/cache-headers';
import { etagOf } from '@/lib/http/if-match';
import { readJsonBody } from '@/lib/http/read-json-body';
import { parseOrThrow } from '@/lib/http/validation';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = withErrors(async () => Response.json(await getRuntime().log.snapshot(), { headers: NO_STORE }));

export const POST = withErrors(async (request: Request) => {
  const { log, clock, settings, tokens } = getRuntime();
  const caller = authorize(request, tokens, 'flights');
  const input = parseOrThrow(newFlightSchema, await readJsonBody(request), 'flight', FLIGHT_READ_ONLY_FIELDS);
  const flight = await createFlight(log, clock, input, settings.BOARD_MAX_FLIGHTS, { caller });
  return Response.json(flight, {
    status: 201,
    headers: { Location: `/api/flights/${encodeURIComponent(flight.id)}`, ETag: etagOf(flight.version) },
  });
});

const refuse = methodNotAllowed('GET, POST');
export { refuse as PUT, refuse as PATCH, refuse as DELETE };
